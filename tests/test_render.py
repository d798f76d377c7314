"""Escaping and link rendering, without MkDocs: data can never become markup."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from markupsafe import Markup

from macros.render import Renderer, md_escape, relative_link
from tests.support import ROOT

HOSTILE = '<script>alert(1)</script> & "quotes" **bold** [link](https://evil.example) {{ 7*7 }} {% if x %} | `code` :smile: # _x_'
EXTENSIONS = ["tables", "attr_list", "md_in_html", "toc", "pymdownx.superfences", "pymdownx.emoji", "pymdownx.keys"]


def to_html(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


def test_md_escape_renders_as_the_exact_text():
    html = to_html(md_escape(HOSTILE))
    assert "<script" not in html and "<strong" not in html and "<a " not in html and "<code" not in html
    assert "<em" not in html and "<img" not in html and "49" not in html
    import html as h

    assert h.unescape(html.removeprefix("<p>").removesuffix("</p>")) == HOSTILE


def test_md_escape_passes_markup_through_unchanged():
    assert md_escape(Markup("../a.md")) == "../a.md"


@pytest.mark.parametrize(
    ("src", "dst", "anchor", "expected"),
    [
        ("amazon/index.md", "companies/google.md", None, "../companies/google.md"),
        ("index.md", "amazon/index.md", None, "amazon/index.md"),
        (
            "amazon/leadership-principles/dive-deep.md",
            "practice/question-bank.md",
            "dive-deep",
            "../../practice/question-bank.md#dive-deep",
        ),
        ("practice/question-bank.md", "practice/question-bank.md", "dive-deep", "#dive-deep"),
    ],
)
def test_relative_link(src, dst, anchor, expected):
    assert relative_link(src, dst, anchor) == expected


def test_templates_escape_every_value_in_a_table_row():
    from macros.data import Principle
    from macros.principles import PrincipleRow

    p = Principle(
        id="x",
        name=HOSTILE,
        summary=HOSTILE,
        meaning="m",
        listen_for=("a", "b", "c"),
        pitfalls=("d", "e", "f"),
        amazon_opening=HOSTILE,
        prompt="x-1",
    )
    out = Renderer(ROOT / "overrides/partials/macros").render(
        "principles-table.md", rows=[PrincipleRow(1, p, Markup("x.md"), 5)], summaries={"x": HOSTILE}
    )
    html = to_html(out)
    assert html.count("<tr>") == 2, html  # header + one row: the | in the value did not split cells
    assert "<script" not in html and "<strong" not in html and "49" not in html
    assert 'href="x.md"' in html


def test_html_templates_autoescape(tmp_path: Path):
    (tmp_path / "t.html").write_text('<p title="{{ v }}">{{ v }}</p>', encoding="utf-8")
    out = Renderer(tmp_path).render("t.html", v=HOSTILE)
    assert "<script>" not in out and "&lt;script&gt;" in out and "&#34;quotes&#34;" in out
