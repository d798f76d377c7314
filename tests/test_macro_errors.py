"""A page author's mistake in a macro call ends the build with one line: the page
(its docs path), the call and the unknown id, and no traceback."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2 import Environment

from hooks import page_jinja
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


# --------------------------------------------------------------------------- Jinja mistakes (hooks/page_jinja.py)

KNOWN = {"guide_link", "cite", "page"}


@pytest.mark.parametrize(
    "markdown, expected",
    [
        (
            '# T\n\nSee {{ guide_lnk("google") }}.\n',
            (3, "unknown macro or variable 'guide_lnk' (did you mean 'guide_link'?)"),
        ),
        ('# T\n\n{{ cite("x") }}\n{{ nothing_like_it() }}\n', (4, "unknown macro or variable 'nothing_like_it'")),
        ('# T\n\nSee {{ guide_link("google" }}.\n', (3, "unexpected '}', expected ')'")),
        # Jinja names the line where it gave up: the next word after an unclosed `{{`.
        (
            '# T\n\nSee {{ guide_link("google")\n\nmore text\n',
            (5, "expected token 'end of print statement', got 'more'"),
        ),
        ('# T\n\nSee {{ guide_link("google"\n', (3, "unexpected end of template, expected ','.")),
    ],
)
def test_a_jinja_mistake_is_found_with_its_line(markdown: str, expected: tuple[int, str]) -> None:
    assert page_jinja.problem(markdown, Environment(), KNOWN) == expected


def _number(nid: str, *, unit: bool = True) -> str:
    return nid


@pytest.mark.parametrize(
    "call, expected",
    [
        ("{{ number() }}", "number(): missing a required argument: 'nid'"),
        ('{{ number("a", "b") }}', "number(): too many positional arguments"),
        ('{{ number("a", units=false) }}', "number(): got an unexpected keyword argument 'units'"),
    ],
)
def test_a_call_that_does_not_fit_the_macro_is_found_without_calling_it(call: str, expected: str) -> None:
    assert page_jinja.problem(f"# T\n\n{call}\n", Environment(), KNOWN | {"number"}, {"number": _number}) == (
        3,
        expected,
    )
    assert (
        page_jinja.problem('{{ number("a", unit=false) }}', Environment(), KNOWN | {"number"}, {"number": _number})
        is None
    )


def test_names_a_page_may_use_are_not_mistakes() -> None:
    markdown = (
        '{% set here = page %}{{ guide_link("google") }} {{ here }}\n'
        "{% raw %}{{ not_a_macro() }}{% endraw %}\n"
        "{% for x in range(2) %}{{ x }}{% endfor %}\n"
        "{% macro shout(word) %}{{ word }}!{% endmacro %}{{ shout('hi') }}\n"
        "{% from 'parts.html' import card as tile %}{% import 'parts.html' as parts %}{{ tile() }}{{ parts }}\n"
    )
    assert page_jinja.problem(markdown, Environment(), KNOWN | {"range"}) is None
    # Without mkdocs-macros' `on_undefined: strict`, an unknown name renders empty: not a mistake then.
    assert page_jinja.problem("{{ guide_lnk() }}", Environment(), KNOWN, strict=False) is None


@pytest.mark.parametrize(
    "call",
    ['guide_lnk("google")', 'cite("amazon-lp"', "number()"],
)
def test_a_strict_build_still_stops_at_a_jinja_mistake(
    call: str, tiny_project: Callable[[Path, dict[str, str]], Path], tmp_path: Path
) -> None:
    """hooks/page_jinja.py reports these in one line under `mkdocs serve` only (tests/test_serve.py);
    a build stops at them with mkdocs-macros' own report."""
    project = tiny_project(tmp_path / "project", {"index.md": "# Home\n", PAGE: f"# Drill\n\nSee {{{{ {call} }}}}.\n"})
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "docs/practice/drill.md:3:" not in output, output
    assert not (tmp_path / "site" / "practice" / "drill" / "index.html").exists(), output
