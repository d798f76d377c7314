"""A mistake in the coding round's data or modules fails loudly, in one line naming file, entry and field.

For each kind of mistake in ``data/coding/`` or ``coding/problems/``:

(a) ``macros.coding.load_coding`` on a broken copy raises one DataError with that file, entry,
    field and problem;
(b) a strict ``mkdocs build`` of a tiny project holding that broken copy exits non-zero, and its
    only error line is the same message, with no traceback.

Problem-level mistakes are made in ``lru-cache``, a problem the core of the coding round owns.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from macros.coding import load_coding
from macros.data import load_site
from macros.errors import DataError
from tests.support import ROOT
from tests.support.data import edit_yaml, read_yaml, require_data
from tests.support.project import mkdocs_build

PROBLEM = "lru-cache"
PROBLEM_FILE = f"data/coding/problems/{PROBLEM}.yml"
MODULE_FILE = "coding/problems/lru_cache.py"


@dataclass(frozen=True)
class Expected:
    file: str
    entry: str | None
    field: str | None
    problem: str

    @property
    def message(self) -> str:
        return str(DataError(self.file, self.entry, self.field, self.problem))


# Each case breaks a copy of the project (data/ and coding/) and returns what the error must say.


def extra_key(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: d.update(hint="Use an OrderedDict."))
    return Expected(PROBLEM_FILE, PROBLEM, "hint", "is not a field this entry may have")


def missing_field(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: d.pop("brute_force"))
    return Expected(PROBLEM_FILE, PROBLEM, "brute_force", "is missing")


def wrong_type(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: d.update(title=5))
    return Expected(PROBLEM_FILE, PROBLEM, "title", "must be text, got a number")


def nested_missing_field(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: d["examples"][1].pop("why"))
    return Expected(PROBLEM_FILE, f"{PROBLEM} examples #2", "why", "is missing")


def unknown_growth(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: d["complexity"].update(growth="n^4"))
    allowed = "'1', 'log n', 'n', 'n log n', 'n^2', 'n^3', '2^n' or 'n!'"
    return Expected(PROBLEM_FILE, PROBLEM, "complexity.growth", f"'n^4' is not one of: {allowed}")


def unknown_pattern(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: d.update(pattern="sorting"))
    return Expected(PROBLEM_FILE, PROBLEM, "pattern", "unknown pattern 'sorting' (see data/coding/patterns.yml)")


def unknown_principle(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: d.update(principle="frugal"))
    return Expected(PROBLEM_FILE, PROBLEM, "principle", "unknown principle 'frugal'")


def id_not_file_name(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: d.update(id="lru"))
    return Expected(PROBLEM_FILE, PROBLEM, "id", "'lru' must match the file name 'lru-cache'")


def too_few_edge_cases(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: [e.pop("edge", None) for e in d["examples"][1:]])
    return Expected(PROBLEM_FILE, PROBLEM, "examples", "has 0 edge case(s) (edge: true); at least 2 are needed")


def example_arguments(project: Path) -> Expected:
    edit_yaml(
        project / PROBLEM_FILE, lambda d: d["examples"][0]["args"].update(size=d["examples"][0]["args"].pop("capacity"))
    )
    return Expected(
        PROBLEM_FILE,
        f"{PROBLEM} examples #1",
        "args",
        "must name the parameters of run(capacity, operations): unknown size; missing capacity",
    )


def missing_module(project: Path) -> Expected:
    (project / MODULE_FILE).unlink()
    return Expected(PROBLEM_FILE, PROBLEM, "id", f"has no solution module {MODULE_FILE}")


def missing_marker(project: Path) -> Expected:
    path = project / MODULE_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("# --8<-- [end:solution]\n", ""), encoding="utf-8")
    return Expected(
        PROBLEM_FILE,
        PROBLEM,
        "entry",
        f"{MODULE_FILE} must have one '# --8<-- [start:solution]' line, then the solution, then one '# --8<-- [end:solution]' line",
    )


def unknown_entry(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: d.update(entry="replay"))
    return Expected(PROBLEM_FILE, PROBLEM, "entry", f"{MODULE_FILE} defines no 'replay' at its top level")


def shown_entry_outside_the_solution(project: Path) -> Expected:
    edit_yaml(project / PROBLEM_FILE, lambda d: d.update(shown_entry="reference"))
    return Expected(
        PROBLEM_FILE, PROBLEM, "shown_entry", f"'reference' must be between the solution markers of {MODULE_FILE}"
    )


def pattern_with_one_problem(project: Path) -> Expected:
    """Remove one problem of a pattern that has exactly two (found from the data, not named here)."""
    problems = sorted((project / "data" / "coding" / "problems").glob("*.yml"))
    by_pattern: dict[str, list[Path]] = {}
    for path in problems:
        by_pattern.setdefault(read_yaml(path)["pattern"], []).append(path)
    patterns = [p["id"] for p in read_yaml(project / "data" / "coding" / "patterns.yml")]
    pattern = next(p for p in patterns if len(by_pattern.get(p, [])) == 2)
    victim = by_pattern[pattern][0]
    victim.unlink()
    (project / "coding" / "problems" / f"{victim.stem.replace('-', '_')}.py").unlink()
    index = patterns.index(pattern) + 1
    return Expected(
        "data/coding/patterns.yml",
        f"#{index} (id '{pattern}')",
        None,
        "has 1 worked problem(s) in data/coding/problems/; every pattern needs at least 2",
    )


def duplicate_pattern(project: Path) -> Expected:
    edit_yaml(project / "data/coding/patterns.yml", lambda d: d[1].update(id=d[0]["id"]))
    first = read_yaml(ROOT / "data" / "coding" / "patterns.yml")[0]["id"]
    return Expected("data/coding/patterns.yml", f"#2 (id '{first}')", "id", f"duplicate id '{first}'")


def plan_does_not_fill_the_technical_question(project: Path) -> Expected:
    edit_yaml(project / "data/coding/plan.yml", lambda d: d.pop())
    site = load_site(ROOT / "data")  # _broken_copy checked that it loads
    steps = read_yaml(ROOT / "data" / "coding" / "plan.yml")[:-1]
    total = sum(site.number(s["minutes"]).min for s in steps)
    whole = site.number("interview-technical-minutes").max
    return Expected(
        "data/coding/plan.yml",
        None,
        "minutes",
        f"the steps add up to {total} minutes; 'interview-technical-minutes' is {whole}",
    )


CASES = {
    f.__name__.replace("_", "-"): f
    for f in (
        extra_key,
        missing_field,
        wrong_type,
        nested_missing_field,
        unknown_growth,
        unknown_pattern,
        unknown_principle,
        id_not_file_name,
        too_few_edge_cases,
        example_arguments,
        missing_module,
        missing_marker,
        unknown_entry,
        shown_entry_outside_the_solution,
        pattern_with_one_problem,
        duplicate_pattern,
        plan_does_not_fill_the_technical_question,
    )
}


def _broken_copy(project: Path, case: str) -> Expected:
    """Fresh copies of data/coding/ and coding/ in ``project`` (and of data/ if it has none), then
    the case's mistake. A tiny project keeps the rest of its own data/ (its trimmed search terms)."""
    require_data()
    if not (project / "data").is_dir():
        shutil.copytree(ROOT / "data", project / "data")
    for name in ("data/coding", "coding"):
        shutil.rmtree(project / name, ignore_errors=True)
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    return CASES[case](project)


@pytest.mark.parametrize("case", list(CASES))
def test_load_coding_names_file_entry_and_field(case: str, tmp_path: Path, site_data: Any) -> None:
    (tmp_path / "data").mkdir()  # the coding round's files alone: no case breaks the rest of data/
    expected = _broken_copy(tmp_path, case)
    with pytest.raises(DataError) as err:
        load_coding(tmp_path / "data", site_data, tmp_path)
    assert (err.value.file, err.value.entry, err.value.field, err.value.problem) == (
        expected.file,
        expected.entry,
        expected.field,
        expected.problem,
    )
    assert str(err.value) == expected.message


def test_the_unbroken_data_loads(site_data: Any) -> None:
    coding = load_coding(ROOT / "data", site_data, ROOT)
    assert coding.problems and coding.patterns and coding.plan


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory, tiny_project: Callable[[Path, dict[str, str]], Path]) -> Path:
    """One tiny project (macros, templates, data, coding); each case swaps in a broken data/ and coding/."""
    return tiny_project(tmp_path_factory.mktemp("coding-bad-data") / "project", {"index.md": "# Tiny\n"})


@pytest.mark.parametrize("case", list(CASES))
def test_mkdocs_build_fails_with_that_one_message(case: str, tiny: Path, tmp_path: Path) -> None:
    expected = _broken_copy(tiny, case)
    result = mkdocs_build(tiny, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    errors = re.findall(r"^ERROR\s+-\s+(.*)$", output, flags=re.MULTILINE)
    assert errors == [expected.message], output
    assert "Traceback" not in output, output
