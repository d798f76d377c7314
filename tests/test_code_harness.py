"""The code runner's Python half (coding/harness.py), run here in CPython as the worker runs it in Pyodide."""

from __future__ import annotations

import json
from typing import Any

from coding import harness

CONTEXT = {
    "prelude": "from collections import Counter\n",
    "postlude": "def same(args, got, expected):\n    return sorted(got) == sorted(expected)\n",
    "entry": "pair",
    "shown_entry": None,
    "cases": [{"args": {"nums": [1, 2]}, "expected": [2, 1]}, {"args": {"nums": []}, "expected": []}],
}


def prepare(code: str, context: dict[str, Any] = CONTEXT) -> dict[str, Any]:
    return json.loads(harness.prepare(code, json.dumps(context)))


def run(index: int) -> dict[str, Any]:
    return json.loads(harness.run_case(index))


def test_a_right_answer_passes_through_the_problems_own_comparison():
    assert prepare("def pair(nums):\n    return tuple(nums)\n") == {"ok": True, "count": 2, "stdout": ""}
    first = run(0)
    assert first["pass"] and first["got"] == [1, 2], "tuples come back as lists, and order does not matter here"


def test_a_wrong_answer_fails_with_what_it_returned():
    prepare("def pair(nums):\n    return [0]\n")
    assert run(0) == {"index": 0, "pass": False, "got": [0], "error": None, "stdout": ""}


def test_a_syntax_error_names_its_line_in_the_candidates_code():
    result = prepare("def pair(nums):\n    return [\n\nx = (\n")
    assert not result["ok"]
    assert result["error"]["type"] == "SyntaxError" and result["error"]["line"] in (2, 4)


def test_an_exception_names_the_last_line_of_the_candidates_code_it_passed():
    prepare("def helper(x):\n    return x[10]\n\ndef pair(nums):\n    return helper(nums)\n")
    error = run(0)["error"]
    assert error == {"type": "IndexError", "message": "list index out of range", "line": 2}


def test_print_output_is_kept_per_case_and_cut_when_huge():
    prepare("def pair(nums):\n    print('looking at', nums)\n    return nums\n")
    assert run(0)["stdout"] == "looking at [1, 2]\n"
    prepare("def pair(nums):\n    print('x' * 100000)\n    return nums\n")
    assert len(run(0)["stdout"]) < harness.MAX_OUTPUT + 50


def test_code_without_the_entry_says_what_to_define():
    result = prepare("def other(nums):\n    return nums\n")
    assert not result["ok"] and "define pair" in result["error"]["message"]


def test_exit_and_keyboard_interrupt_in_the_code_are_reported_not_raised():
    assert prepare("raise SystemExit(3)\n")["error"]["type"] == "SystemExit"
    prepare("def pair(nums):\n    raise KeyboardInterrupt\n")
    assert run(0)["error"]["type"] == "KeyboardInterrupt"


def test_a_case_cannot_change_the_next_runs_inputs():
    prepare("def pair(nums):\n    nums.append(9)\n    return nums[:-1]\n")
    assert run(0)["pass"] and run(0)["pass"], "each call gets a fresh copy of the arguments"


def test_each_prepare_starts_from_an_empty_namespace():
    prepare("def pair(nums):\n    return nums\nleftover = 1\n")
    result = prepare("def pair(nums):\n    return leftover\n")
    assert result["ok"]
    assert run(0)["error"]["type"] == "NameError"


def test_a_result_the_tests_cannot_compare_says_so_instead_of_breaking_the_run():
    for body in ("return float('inf')", "return [float('nan')]", "return {1, 2}", "return (x for x in nums)"):
        prepare(f"def pair(nums):\n    {body}\n")
        result = run(0)
        assert not result["pass"] and "cannot compare" in result["error"]["message"], body
        json.dumps(result, allow_nan=False)  # what the worker posts is valid JSON


def test_input_says_the_arguments_are_the_input():
    prepare("def pair(nums):\n    return input()\n")
    assert "inputs as its arguments" in run(0)["error"]["message"]
