"""Run a candidate's code against a worked problem's cases: the Python half of the in-page runner.

The browser runs this file inside Pyodide, in a Web Worker (docs/javascripts/code-runner-worker.js);
the unit tests run it in CPython. It knows nothing of the page: it gets the candidate's code, the
problem's context (the module's imports and the plain-value adapter and comparison that live outside
the solution, see macros/runner.py) and the cases, and answers with plain values the worker posts on.

``prepare`` compiles and runs the code once; ``run_case`` calls the entry on one case, so that the
worker can post each result as it comes and the page can stop a run stuck in one case.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import sys
import traceback
import types
from collections.abc import Callable
from typing import Any

FILENAME = "solution.py"  # what the candidate's code is called in messages and tracebacks
MAX_OUTPUT = 4000  # characters of printed output kept for one case

MODULE = "solution"  # the candidate's code runs as this module, so a dataclass in it finds itself in sys.modules

_namespace: dict[str, Any] = {}
_cases: list[dict[str, Any]] = []
_entry: Callable[..., Any] | None = None
_same: Callable[[Any, Any, Any], bool] | None = None


def _plain(value: Any) -> Any:
    """The value as JSON sees it (tuples become lists), so it compares with the expected value."""
    return json.loads(json.dumps(value, allow_nan=False))


def _no_input(*_args: object) -> str:
    raise RuntimeError("input() has no keyboard here: your function gets its inputs as its arguments")


def _line_in_code(tb: Any) -> int | None:
    """The last line of the candidate's code that the traceback passes through."""
    line = None
    for frame in traceback.extract_tb(tb):
        if frame.filename == FILENAME:
            line = frame.lineno
    return line


def _error(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, SyntaxError) and exc.filename == FILENAME:
        return {"type": type(exc).__name__, "message": exc.msg, "line": exc.lineno}
    return {"type": type(exc).__name__, "message": str(exc), "line": _line_in_code(exc.__traceback__)}


def _clip(text: str) -> str:
    return text if len(text) <= MAX_OUTPUT else text[:MAX_OUTPUT] + "\n[output cut]"


def prepare(code: str, context_json: str) -> str:
    """Compile and run the candidate's code between the problem's prelude and postlude.

    ``context_json`` is ``{"prelude", "postlude", "entry", "cases": [{"args", "expected"}]}``.
    Answers ``{"ok": true, "count": n, "stdout"}`` or ``{"ok": false, "error": {...}, "stdout"}``.
    """
    global _entry, _same, _cases, _namespace
    context = json.loads(context_json)
    module = types.ModuleType(MODULE)
    sys.modules[MODULE] = module
    _namespace = module.__dict__
    _namespace["input"] = _no_input
    _cases = context["cases"]
    out = io.StringIO()
    try:
        exec(compile(context["prelude"], "<prelude>", "exec"), _namespace)
        with contextlib.redirect_stdout(out):
            exec(compile(code, FILENAME, "exec"), _namespace)
        exec(compile(context["postlude"], "<postlude>", "exec"), _namespace)
    except BaseException as exc:  # the candidate's code may raise anything, SystemExit included
        return json.dumps({"ok": False, "error": _error(exc), "stdout": _clip(out.getvalue())})
    entry = _namespace.get(context["entry"])
    if not callable(entry):
        missing = context.get("shown_entry") or context["entry"]
        return json.dumps(
            {
                "ok": False,
                "error": {
                    "type": "NameError",
                    "message": f"define {missing}, the function the tests call",
                    "line": None,
                },
                "stdout": _clip(out.getvalue()),
            }
        )
    _entry = entry
    same = _namespace.get("same")
    _same = same if callable(same) else None
    return json.dumps({"ok": True, "count": len(_cases), "stdout": _clip(out.getvalue())})


def run_case(index: int) -> str:
    """Call the entry on case ``index``: ``{"pass", "got", "error", "stdout"}`` as JSON."""
    case = _cases[index]
    args = copy.deepcopy(case["args"])
    out = io.StringIO()
    result: dict[str, Any] = {"index": index, "pass": False, "got": None, "error": None}
    try:
        assert _entry is not None, "prepare() first"
        with contextlib.redirect_stdout(out):
            got = _entry(**args)
        try:
            result["got"] = _plain(got)
        except (TypeError, ValueError):
            kind = type(got).__name__
            raise TypeError(
                f"the tests cannot compare what your function returned (a {kind}, or a value holding inf or nan): "
                "return lists, numbers, strings, booleans or None"
            ) from None
        if _same is not None:
            result["pass"] = bool(_same(copy.deepcopy(case["args"]), result["got"], case["expected"]))
        else:
            result["pass"] = result["got"] == case["expected"]
    except BaseException as exc:
        result["error"] = _error(exc)
    result["stdout"] = _clip(out.getvalue())
    return json.dumps(result)
