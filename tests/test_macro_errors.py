"""A page author's mistake in a macro call ends the build with one line: the page
(its docs path), the call and the unknown id, and no traceback."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.errors import MacroError
from macros.pages import GuideMacros
from tests.support import ROOT
from tests.support.data import require_data
from tests.support.project import mkdocs_build

PAGE = "practice/drill.md"

# (macro call as an author writes it, the line the build must end with)
CASES = {
    "guide_link": (
        '{{ guide_link("amazn") }}',
        "docs/practice/drill.md: guide_link(\"amazn\"): unknown guide id 'amazn'",
    ),
    "cite": ('{{ cite("amazon-lp") }}', "docs/practice/drill.md: cite(\"amazon-lp\"): unknown source id 'amazon-lp'"),
    "company_values": (
        '{{ company_values("gogle") }}',
        "docs/practice/drill.md: company_values(\"gogle\"): unknown company id 'gogle'",
    ),
    "principle_page": (
        '{{ principle_page("ownershp") }}',
        "docs/practice/drill.md: principle_page(\"ownershp\"): unknown principle id 'ownershp'",
    ),
    "number": (
        '{{ number("loop-size") }}',
        "docs/practice/drill.md: number(\"loop-size\"): unknown number id 'loop-size'",
    ),
    "corrected": (
        '{{ corrected("nope") }}',
        "docs/practice/drill.md: corrected(\"nope\"): unknown correction id 'nope'",
    ),
}


def macros(defer: bool) -> GuideMacros:
    require_data()
    m = GuideMacros.from_project(ROOT, lambda: PAGE)
    m.defer_errors = defer
    return m


def test_an_unknown_id_raises_one_error_naming_page_call_and_id():
    m = macros(defer=False)
    with pytest.raises(MacroError) as err:
        m.checked("guide_link", m.guide_link)("amazn")
    assert str(err.value) == CASES["guide_link"][1]


def test_under_mkdocs_the_error_waits_for_the_page_to_finish():
    m = macros(defer=True)
    assert m.checked("cite", m.cite)("amazon-lp") == ""
    assert m.checked("guide_link", m.guide_link)("drill")  # a known id still renders
    assert [str(p) for p in m.problems] == [CASES["cite"][1]]


@pytest.mark.parametrize("macro", list(CASES))
def test_the_build_ends_with_that_one_line(
    macro: str, tiny_project: Callable[[Path, dict[str, str]], Path], tmp_path: Path
):
    call, line = CASES[macro]
    project = tiny_project(tmp_path / "project", {"index.md": "# Home\n", PAGE: f"# Drill\n\nSee {call}.\n"})
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert re.findall(r"^ERROR\s+-\s+(.*)$", output, flags=re.M) == [line], output
    assert "Traceback" not in output, output
