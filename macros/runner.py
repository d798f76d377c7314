"""Shape a worked coding problem for its "Try it yourself" runner. No markup.

From the problem's module (``coding/problems/<id>.py``) the build takes:

* the **stub** the editor starts with: the public signatures of the solution section, bodies left
  to the candidate;
* the **prelude** run before the candidate's code: the module's imports, and the shared node types
  when the module uses them (``coding/support.py``);
* the **postlude** run after it: whatever the module defines outside the solution besides its
  reference and random cases, that is the plain-value adapter (``run``) and the comparison (``same``);
* the **cases**: the problem's examples, shown while the candidate works, then further cases drawn
  by ``random_case`` with fixed seeds, their expected values computed by the brute-force
  ``reference``. ``tests/test_code_runner.py`` checks that the shown solution passes every one.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import random
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from .coding import END_MARKER as END, START_MARKER as START, Coding
from .storage import CODE_MAX_CHARS, CODE_STORAGE_KEY, CODE_STORAGE_VERSION

SUPPORT_FILE = Path("coding") / "support.py"
SUPPORT_MODULE = "coding.support"
NOT_SHIPPED = {"reference", "random_case"}  # the module's test machinery, never sent to the page
SKIPPED_IMPORTS = {"__future__", "random", SUPPORT_MODULE}
# Sizes of the drawn cases; the reference may be exponential, so a factorial problem stops sooner.
CASE_SIZES = (0, 1, 2, 3, 4, 5, 6, 8, 10)
MAX_SIZE = {"n!": 6, "2^n": 10}
CLOCK_MINUTES = "interview-technical-minutes"  # the clock beside the editor: the technical part of an interview
TIME_LIMIT = "runner-time-limit-seconds"  # one run, then the worker is replaced
# The candidate's code, one entry per problem: kept with the coach's keys (storage.py), in its backup.
STORAGE_VERSION = CODE_STORAGE_VERSION
STORAGE_KEY = CODE_STORAGE_KEY


def _signature(lines: list[str], node: ast.FunctionDef | ast.ClassDef) -> list[str]:
    """A definition's own lines, up to its body: comment lines and the docstring left out."""
    end = node.body[0].lineno - 1  # the docstring, when there is one, is the body's first line
    return [line for line in lines[node.lineno - 1 : end] if not line.strip().startswith("#")]


SUPPORT_NOTE = "# ListNode(val, next) and TreeNode(val, left, right) are defined for you."


def stub(section: str, shown: str, uses_nodes: bool = False) -> str:
    """The signature of the function or class the tests call, with empty bodies: what the editor starts with.

    Helpers the page's solution defines (a trie node, a linked-list node) are the candidate's own choice.
    """
    lines = section.splitlines()
    out: list[str] = [SUPPORT_NOTE, ""] if uses_nodes else []
    for node in ast.parse(section).body:
        if getattr(node, "name", None) != shown:
            continue
        if isinstance(node, ast.FunctionDef):
            out += _signature(lines, node)
            out.append("    pass")
        elif isinstance(node, ast.ClassDef):
            out += _signature(lines, node)
            methods = [
                m
                for m in node.body
                if isinstance(m, ast.FunctionDef) and (m.name == "__init__" or not m.name.startswith("_"))
            ]
            for method in methods:
                out += _signature(lines, method)
                out.append("        pass")
                out.append("")
            if not methods:
                out.append("    pass")
            while out and not out[-1]:
                out.pop()
        else:
            continue
        out += ["", ""]
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def _segment(source: str, node: ast.stmt) -> str:
    """A statement's source with its decorators (``ast.get_source_segment`` starts at ``class``/``def``)."""
    decorators = getattr(node, "decorator_list", [])
    first = min([node.lineno, *(d.lineno for d in decorators)])
    assert node.end_lineno is not None
    return "\n".join(source.splitlines()[first - 1 : node.end_lineno])


def _outside(source: str) -> list[ast.stmt]:
    start = source[: source.index(START)].count("\n") + 1
    end = source[: source.index(END)].count("\n") + 1
    return [node for node in ast.parse(source).body if not (start <= node.lineno <= end)]


def prelude(source: str, support_source: str) -> str:
    """The module's own imports, and the shared node types when it imports them."""
    parts: list[str] = []
    uses_support = False
    for node in _outside(source):
        if isinstance(node, ast.ImportFrom) and node.module in SKIPPED_IMPORTS:
            uses_support = uses_support or node.module == SUPPORT_MODULE
        elif isinstance(node, ast.Import) and all(alias.name in SKIPPED_IMPORTS for alias in node.names):
            continue
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            parts.append(_segment(source, node))
    if uses_support:
        body = [
            n
            for n in ast.parse(support_source).body
            if not (isinstance(n, ast.ImportFrom) and n.module == "__future__")
        ]
        body = [n for n in body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        parts += [_segment(support_source, n) for n in body]
    return "\n".join(parts) + "\n"


def postlude(source: str) -> str:
    """The module's definitions outside the solution besides its test machinery: adapter and comparison."""
    keep = [
        node
        for node in _outside(source)
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name not in NOT_SHIPPED
    ]
    return "\n\n".join(_segment(source, n) for n in keep) + "\n"


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value))


@dataclass(frozen=True)
class Case:
    args: Mapping[str, Any]
    expected: Any
    example: bool

    def as_json(self) -> dict[str, Any]:
        return {"args": self.args, "expected": self.expected, "example": self.example}


def cases(
    problem_id: str, module: ModuleType, examples: Sequence[tuple[Mapping[str, Any], Any]], growth: str
) -> list[Case]:
    """The examples, then cases drawn with fixed seeds and answered by the reference."""
    found = [Case(_plain(dict(args)), _plain(expected), True) for args, expected in examples]
    limit = MAX_SIZE.get(growth, max(CASE_SIZES))
    for i, n in enumerate(size for size in CASE_SIZES if size <= limit):
        args = _plain(module.random_case(random.Random(f"{problem_id}:{i}"), n))
        expected = _plain(module.reference(**_plain(args)))
        found.append(Case(args, expected, False))
    return found


def load_module(project: Path, path: str) -> ModuleType:
    """A problem's module, executed afresh from its file (so ``mkdocs serve`` sees an edit to it)."""
    spec = importlib.util.spec_from_file_location(f"coding.problems.{Path(path).stem}", project / path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import would: a dataclass in it looks its module up there
    spec.loader.exec_module(module)
    return module


def runner_data(coding: Coding, pid: str, project: Path, *, seconds: int, limit_seconds: int) -> dict[str, Any]:
    """What the runner's script reads from its element's ``data-guide-data``."""
    problem = coding.problem(pid)
    solution = coding.solutions[pid]
    source = (project / solution.path).read_text(encoding="utf-8")
    support = (project / SUPPORT_FILE).read_text(encoding="utf-8")
    module = load_module(project, solution.path)
    found = cases(pid, module, [(e.args, e.expected) for e in problem.examples], problem.complexity.growth)
    return {
        "id": pid,
        "title": problem.title,
        "stub": stub(solution.code + "\n", problem.shown, uses_nodes=SUPPORT_MODULE in source),
        "storageKey": STORAGE_KEY,
        "storageVersion": STORAGE_VERSION,
        "maxChars": CODE_MAX_CHARS,
        "seconds": seconds,
        "limitSeconds": limit_seconds,
        "visible": sum(1 for c in found if c.example),
        "context": {
            "prelude": prelude(source, support),
            "postlude": postlude(source),
            "entry": problem.entry,
            "shown_entry": problem.shown_entry,
            "cases": [c.as_json() for c in found],
        },
    }
