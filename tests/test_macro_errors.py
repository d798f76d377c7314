"""A page author's mistake in a macro call (an unknown id, an argument the macro cannot use)
ends the build with one line: the page (its docs path), the call and the problem, and no
traceback. Any other exception raised by a macro is a bug and keeps its traceback."""

from __future__ import annotations

import ast
import dataclasses
import functools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2 import Environment

from hooks import page_jinja
from macros import features, links, shape
from macros.context import Context, checked
from macros.errors import AuthorError, MacroError
from macros.features import macros
from macros.links import cite, guide_link
from macros.mock_loop import LOOP_MINUTES, mock_loop
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
    "cite#key": (
        '{{ cite("amazon-sde2-oa-prep#nope") }}',
        "docs/practice/drill.md: cite(\"amazon-sde2-oa-prep#nope\"): source 'amazon-sde2-oa-prep' has no passage 'nope'",
    ),
    "number(only=)": (
        '{{ number("loop-interviews", only="middle") }}',
        'docs/practice/drill.md: number("loop-interviews", only="middle"): only must be "min" or "max", got "middle"',
    ),
    "search_terms": (
        '{{ search_terms("nowhere") }}',
        'docs/practice/drill.md: search_terms("nowhere"): no entry for practice/drill.md#nowhere in data/search.yml',
    ),
    "questions": (
        '{{ questions("ownership-1", "ownership-99") }}',
        'docs/practice/drill.md: questions("ownership-1", "ownership-99"): unknown question id \'ownership-99\'',
    ),
    "design_diagram": (
        '{{ design_diagram("nowhere") }}',
        "docs/practice/drill.md: design_diagram(\"nowhere\"): unknown walkthrough 'nowhere' (data/design/nowhere.yml)",
    ),
    "estimate": (
        '{{ estimate("distributed-cache", "nope") }}',
        'docs/practice/drill.md: estimate("distributed-cache", "nope"): '
        "unknown estimate 'nope' in walkthrough 'distributed-cache'",
    ),
    "answer_example": (
        '{{ answer_example("ownershp") }}',
        "docs/practice/drill.md: answer_example(\"ownershp\"): no answer example for principle 'ownershp'",
    ),
    "number(units=)": (
        '{{ number("loop-interviews", units=false) }}',
        "docs/practice/drill.md: number(\"loop-interviews\", units=False): got an unexpected keyword argument 'units'",
    ),
    "guide_link()": ("{{ guide_link() }}", "docs/practice/drill.md: guide_link(): missing a required argument: 'gid'"),
    "coding_problem": (
        '{{ coding_problem("nope") }}',
        "docs/practice/drill.md: coding_problem(\"nope\"): unknown coding problem id 'nope'",
    ),
}


@functools.cache
def _loaded() -> Context:
    require_data()
    return Context.from_project(ROOT, lambda: PAGE)


def context(defer: bool) -> Context:
    """A context of its own for each test (its errors and ``problems``), on data read once."""
    return dataclasses.replace(_loaded(), defer_errors=defer, problems=[])


def test_an_unknown_id_raises_one_error_naming_page_call_and_id():
    ctx = context(defer=False)
    with pytest.raises(MacroError) as err:
        checked(ctx, "guide_link", guide_link)("amazn")
    assert str(err.value) == CASES["guide_link"][1]


@pytest.mark.parametrize("macro", list(CASES))
def test_each_kind_of_author_mistake_is_one_error_naming_page_call_and_problem(macro: str):
    call, line = CASES[macro]
    expr = ast.parse(call.removeprefix("{{ ").removesuffix(" }}"), mode="eval").body
    assert isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name)
    jinja = {"false": False, "true": True}
    args = [ast.literal_eval(a) for a in expr.args]
    kwargs = {
        k.arg: jinja[k.value.id] if isinstance(k.value, ast.Name) else ast.literal_eval(k.value)
        for k in expr.keywords
        if k.arg
    }
    ctx = context(defer=False)
    with pytest.raises(MacroError) as err:
        checked(ctx, expr.func.id, macros()[expr.func.id])(*args, **kwargs)
    assert str(err.value) == line
    assert isinstance(err.value, AuthorError) and isinstance(err.value, LookupError)


def test_a_data_mistake_the_mock_loop_cannot_use_names_the_page_and_the_file():
    ctx = context(defer=False)
    minutes = ctx.site.number(LOOP_MINUTES)
    ranged = minutes.model_copy(update={"value": None, "low": minutes.min, "high": minutes.min + 1})
    ctx.site = dataclasses.replace(ctx.site, numbers=tuple(ranged if n is minutes else n for n in ctx.site.numbers))
    with pytest.raises(MacroError) as err:
        checked(ctx, "mock_loop", mock_loop)()
    assert str(err.value) == (
        f"docs/practice/drill.md: mock_loop(): data/numbers.yml: '{LOOP_MINUTES}' "
        "must be one value for the mock loop, not a range"
    )


def test_a_type_error_inside_a_macro_is_a_bug_not_a_bad_call(monkeypatch: pytest.MonkeyPatch):
    """The call fits the macro's parameters, so the TypeError is the code's: it keeps its traceback."""

    def broken(*_: object) -> None:
        raise TypeError("unsupported operand")

    monkeypatch.setattr(shape, "guide_link", broken)
    with pytest.raises(TypeError, match="unsupported operand"):
        checked(context(defer=True), "guide_link", guide_link)("amazon")


@pytest.mark.parametrize("defer", [False, True])
def test_a_key_error_in_shaping_code_is_a_bug_not_an_unknown_id(defer: bool, monkeypatch: pytest.MonkeyPatch):
    """A bug that raises KeyError keeps its type and traceback: it is never reported as the author's mistake."""

    def broken(*_: object) -> None:
        raise KeyError("amazn")

    monkeypatch.setattr(shape, "guide_link", broken)
    ctx = context(defer=defer)
    with pytest.raises(KeyError) as err:
        checked(ctx, "guide_link", guide_link)("amazon")
    assert not isinstance(err.value, AuthorError)
    assert err.value.__traceback__ is not None
    assert err.traceback[-1].name == "broken"
    assert ctx.problems == []


def test_under_mkdocs_the_error_waits_for_the_page_to_finish():
    ctx = context(defer=True)
    assert checked(ctx, "cite", cite)("amazon-lp") == ""
    assert checked(ctx, "guide_link", guide_link)("drill")  # a known id still renders
    assert [str(p) for p in ctx.problems] == [CASES["cite"][1]]


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


def test_two_features_cannot_define_the_same_macro(monkeypatch: pytest.MonkeyPatch):
    assert "cite" in macros()
    monkeypatch.setattr(features, "FEATURES", (*features.FEATURES, links))
    with pytest.raises(
        RuntimeError, match=re.escape("macros.links and macros.links both define the macro 'guide_link'")
    ):
        macros()


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
