"""Every worked coding problem's solution is right: on its own examples, and against its brute force.

The problems are discovered from ``data/coding/problems/*.yml``, so a problem added there is
tested without a change here. For each one:

* every example runs against the entry the YAML names and against the module's ``reference``
  (the deliberately simple brute force), and both must give the expected answer;
* Hypothesis draws inputs from the module's ``random_case`` at small sizes (edge cases such as
  empty and one-element inputs included) and the solution must agree with the reference;
* the reference is a different algorithm: it never calls the solution;
* ``random_case`` depends only on its random generator, so a failure can be replayed.

The Hypothesis profiles (tests/conftest.py) are derandomized and keep no example database, so the
unit tier is deterministic: the same cases run on every machine and in CI (200 per property;
``make check`` runs 25).
"""

from __future__ import annotations

import ast
import importlib
import json
import random
import subprocess
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, strategies as st

from macros.coding import Coding, Problem, load_coding, page_url
from macros.data import SiteData
from tests.support import ROOT
from tests.support.data import require_data

PROBLEM_IDS = sorted(p.stem for p in (ROOT / "data" / "coding" / "problems").glob("*.yml"))
SMALL_N = 10  # largest size for the random comparison: the reference may be exponential


@pytest.fixture(scope="module")
def coding_data(site_data: SiteData) -> Coding:
    return load_coding(ROOT / "data", site_data, ROOT)


def _module(problem: Problem) -> ModuleType:
    return importlib.import_module(f"coding.problems.{problem.module}")


def _plain(value: Any) -> Any:
    """The value as JSON carries it: tuples become lists, as the YAML's expected values are written."""
    return json.loads(json.dumps(value))


def _same(module: ModuleType) -> Callable[[dict[str, Any], Any, Any], bool]:
    custom = getattr(module, "same", None)
    return custom if custom is not None else (lambda args, got, expected: got == expected)


def _run(func: Callable[..., Any], args: dict[str, Any]) -> Any:
    """Call with a fresh copy of the arguments, so neither side can see the other's changes."""
    return _plain(func(**_plain(args)))


def test_every_problem_file_is_tested():
    assert PROBLEM_IDS, "no problems found in data/coding/problems/"


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_examples_pass_on_the_solution_and_the_brute_force(pid: str, coding_data: Coding) -> None:
    problem = coding_data.problem(pid)
    module = _module(problem)
    entry = getattr(module, problem.entry)
    same = _same(module)
    for i, example in enumerate(problem.examples, 1):
        got = _run(entry, example.args)
        assert same(example.args, got, example.expected), (
            f"{pid} example #{i}: {problem.entry} gave {got!r}, expected {example.expected!r}"
        )
        ref = _run(module.reference, example.args)
        assert same(example.args, ref, example.expected), (
            f"{pid} example #{i}: reference gave {ref!r}, expected {example.expected!r}"
        )


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_solution_agrees_with_brute_force_on_random_inputs(pid: str, coding_data: Coding) -> None:
    problem = coding_data.problem(pid)
    module = _module(problem)
    entry = getattr(module, problem.entry)
    same = _same(module)

    @given(rng=st.randoms(use_true_random=False), n=st.integers(0, SMALL_N))
    def agrees(rng: random.Random, n: int) -> None:
        args = module.random_case(rng, n)
        got, expected = _run(entry, args), _run(module.reference, args)
        assert same(args, got, expected), f"{pid}: {args!r}: {problem.entry} gave {got!r}, the reference {expected!r}"

    agrees()


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_smallest_inputs_agree_with_brute_force(pid: str, coding_data: Coding) -> None:
    """Sizes 0 to 2 from many seeds: the empty and one-element cases, whatever Hypothesis drew."""
    problem = coding_data.problem(pid)
    module = _module(problem)
    entry, same = getattr(module, problem.entry), _same(module)
    for n in range(3):
        for seed in range(40):
            args = module.random_case(random.Random(seed), n)
            got, expected = _run(entry, args), _run(module.reference, args)
            assert same(args, got, expected), (
                f"{pid}: n={n}, seed={seed}: {args!r}: got {got!r}, reference {expected!r}"
            )


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_random_case_depends_only_on_its_generator(pid: str, coding_data: Coding) -> None:
    module = _module(coding_data.problem(pid))
    for n in (0, 1, 7):
        assert _plain(module.random_case(random.Random(n), n)) == _plain(module.random_case(random.Random(n), n))


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_reference_never_calls_the_solution(pid: str, coding_data: Coding) -> None:
    problem = coding_data.problem(pid)
    path = ROOT / "coding" / "problems" / f"{problem.module}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    shown = {problem.entry, problem.shown}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "reference":
            called = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            assert not called & shown, (
                f"{pid}: reference uses {sorted(called & shown)}; it must be an independent algorithm"
            )
            return
    pytest.fail(f"{pid}: no reference function")


def test_solution_lines_are_exactly_those_between_the_markers(coding_data: Coding) -> None:
    for problem in coding_data.problems:
        solution = coding_data.solutions[problem.id]
        lines = (ROOT / solution.path).read_text(encoding="utf-8").splitlines()
        start = lines.index("# --8<-- [start:solution]")
        end = lines.index("# --8<-- [end:solution]")
        shown = lines[start + 1 : end]
        while shown and not shown[-1]:  # the formatter's blank lines before the end marker are not shown
            shown.pop()
        assert solution.code.splitlines() == shown, problem.id
        assert lines[solution.first_line - 1] == lines[start + 1], problem.id


def test_loading_the_coding_data_imports_no_problem_code_and_not_hypothesis() -> None:
    """The build loads the data; Hypothesis is a test-only dependency and problem modules never run at build time."""
    require_data()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from macros.context import Context\n"
        "Context.from_project(Path('.'), lambda: 'index.md')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('hypothesis', 'coding')))\n"
        "print(loaded)\n"
        "raise SystemExit(1 if loaded else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_problems_follow_the_patterns_order(coding_data: Coding) -> None:
    order = [p.id for p in coding_data.patterns]
    positions = [order.index(p.pattern) for p in coding_data.problems]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("here", "there", "directory_urls", "url"),
    [
        ("practice/drill.md", "amazon/coding/problems/lru-cache.md", True, "../../amazon/coding/problems/lru-cache/"),
        ("practice/drill.md", "amazon/coding/problems/lru-cache.md", False, "../amazon/coding/problems/lru-cache.html"),
        ("practice/drill.md", "amazon/coding/problems/index.md", True, "../../amazon/coding/problems/"),
        ("practice/drill.md", "amazon/coding/problems/index.md", False, "../amazon/coding/problems/index.html"),
        ("index.md", "practice/drill.md", True, "practice/drill/"),
        ("practice/index.md", "practice/drill.md", True, "drill/"),
    ],
)
def test_links_in_tool_data_are_urls_as_the_browser_resolves_them(
    here: str, there: str, directory_urls: bool, url: str
) -> None:
    assert page_url(here, there, directory_urls) == url
