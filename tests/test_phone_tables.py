"""Every page reads at phone and desktop widths: nothing scrolls sideways, and no table
is wider than the column it sits in (so none hides a column behind a scroll bar)."""

from __future__ import annotations

from pathlib import Path

import pytest

WIDTHS = (360, 1280)

MEASURE = """() => {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page is ${doc.scrollWidth}px wide`);
  for (const table of document.querySelectorAll("article table")) {
    const box = table.closest(".md-typeset__scrollwrap") || table.parentElement;
    const room = box.clientWidth;
    const width = Math.max(table.scrollWidth, table.getBoundingClientRect().width);
    if (width > room + 1) {
      const head = [...table.querySelectorAll("th")].map(th => th.textContent.trim()).join(" | ");
      out.push(`table [${head.slice(0, 60)}] is ${Math.round(width)}px in ${room}px`);
    }
  }
  return out;
}"""


def _pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).parent.as_posix().removeprefix(".") + "/"
        for p in site.rglob("index.html")
        if "assets" not in p.parts
    )


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_or_table_overflows(browser, built_site, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = []
    try:
        for path in _pages(built_site):
            page.goto(f"{site_url}/{path.lstrip('/')}")
            problems += [f"/{path.lstrip('/')}: {p}" for p in page.evaluate(MEASURE)]
    finally:
        context.close()
    assert not problems, f"at {width}px:\n" + "\n".join(problems)


def test_cells_are_labelled_with_their_column():
    from hooks.table_labels import label_tables

    table = (
        "<table>\n<thead>\n<tr>\n<th>#</th>\n<th>Say <em>&quot;I&quot;</em></th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n<td>x</td>\n</tr>\n</tbody>\n</table>"
    )
    out = label_tables(table)
    assert out.startswith("<table>\n<thead>")
    assert '<td data-label="#">1</td>' in out
    assert '<td data-label="Say &quot;I&quot;">x</td>' in out
    # A template's own table, and a table without a heading row, are left as they are.
    for untouched in (
        '<table id="star-coverage"><thead><tr><th>a</th></tr></thead></table>',
        "<table><tr><td>a</td></tr></table>",
    ):
        assert label_tables(untouched) == untouched


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_layouts_pass_axe(browser, site_url, scheme):
    """The row cards and the home page's progress panel at 360 px (the sweep runs at 1280 px)."""
    from tests.support.axe import assert_no_axe_violations

    context = browser.new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    try:
        for path in ("", "amazon/leadership-principles/", "practice/company-map/", "guides/system-design-patterns/"):
            page.goto(f"{site_url}/{path}")
            assert_no_axe_violations(page, context=f"/{path} at 360 px, {scheme}")
    finally:
        context.close()
