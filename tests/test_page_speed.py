"""What keeps pages fast, checked on the built site without timing anything.

Times belong to the benchmark (``make bench``); these tests pin the causes it
found: which scripts a page loads and how, the order of the first paint, the
search query starting on the typed character, and tool pages that do not move
once they are drawn.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from macros.data import SiteData
from tests.support import ROOT

SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"([^>]*)>")


def scripts(html: str) -> dict[str, str]:
    """Each external script's file name -> the rest of its tag (attributes after src)."""
    return {src.rsplit("/", 1)[-1]: rest for src, rest in SCRIPT.findall(html)}


def built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def own_scripts(page: str) -> list[str]:
    """The scripts a page lists in its front matter (docs-relative paths), in order."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    match = re.search(r"^scripts:\n((?:  - \S+\n)+)", text, re.M)
    return re.findall(r"^  - (\S+)$", match.group(1), re.M) if match else []


def tool_pages(site: SiteData) -> list[str]:
    return [g.page for g in site.guides if g.kind == "tool" and g.page]


def script_pages(site: SiteData) -> list[str]:
    """Pages with scripts of their own: the tools, and the home page's progress panel (home.js)."""
    return [*tool_pages(site), "index.md"]


def loaded_on_use() -> set[str]:
    """Scripts no page lists: site.js loads them on first use (its LAZY table), and a tool starts its own worker."""
    js = ROOT / "docs" / "javascripts"
    site_js = (js / "site.js").read_text(encoding="utf-8")
    table = site_js[site_js.index("const LAZY") : site_js.index("};", site_js.index("const LAZY"))]
    lazy = set(re.findall(r'"([\w-]+\.js)"', table))
    workers = {
        w for p in js.glob("*.js") for w in re.findall(r'new URL\("([\w-]+-worker\.js)"', p.read_text(encoding="utf-8"))
    }
    return lazy | workers


def test_each_practice_script_is_listed_by_a_tool_page(site_data: SiteData):
    listed = {
        s.removeprefix("javascripts/")
        for p in script_pages(site_data)
        for s in own_scripts(p)
        if re.fullmatch(r"javascripts/[\w-]+\.js", s)
    }
    on_disk = {p.name for p in (ROOT / "docs" / "javascripts").glob("*.js") if p.name != "site.js"}
    assert listed | loaded_on_use() == on_disk


def test_pages_load_only_their_own_scripts_and_never_block_on_them(built_site: Path):
    pages = {str(Path(p.relative_to(ROOT / "docs")).with_suffix("")): p for p in (ROOT / "docs").rglob("*.md")}
    for html_file in built_pages(built_site):
        rel = html_file.relative_to(built_site).as_posix().removesuffix("index.html").rstrip("/") or "."
        tags = scripts(html_file.read_text(encoding="utf-8"))
        bundle = [name for name in tags if name.startswith("bundle.")]
        assert len(bundle) == 1, f"{rel}: Material's bundle is missing"
        source = pages.get(rel) or pages.get(f"{rel}/index" if rel != "." else "index")
        own = (
            {s.rsplit("/", 1)[-1] for s in own_scripts(source.relative_to(ROOT / "docs").as_posix())}
            if source
            else set()
        )
        expected = {bundle[0], "site.js"} | own
        assert set(tags) == expected, f"{rel}: loads {sorted(tags)}"
        for name, rest in tags.items():
            # Material's bundle too (overrides/main.html): parser-blocking, it ran before the first paint
            # whenever it arrived before the last stylesheet, and Lighthouse then counted it in the page's
            # first and largest paints (One principle, mobile: 92, LCP 2.7 s; deferred: 99, LCP 1.4 s).
            assert re.search(r"\bdefer\b", rest), f"{rel}: {name} is not deferred, so it holds up the first paint"


def test_a_tool_script_sits_inside_the_content_that_instant_navigation_swaps(built_site: Path):
    html = (built_site / "practice" / "drill" / "index.html").read_text(encoding="utf-8")
    article = html[html.index('<article class="md-content__inner') : html.index("</article>")]
    assert 'javascripts/drill.js" defer></script>' in article


def test_the_palette_script_follows_the_content(built_site: Path):
    """An inline script before the content made the browser paint the header on its own first."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    palette = html.index("window.__guide_palette = ")
    assert html.index("</article>") < palette < html.index("bundle.")


@pytest.mark.browser
def test_search_starts_on_the_typed_character_not_the_key_release(site_url: str, page: Any):
    page.goto(site_url + "/")
    box = page.locator("input.md-search__input")
    box.click()
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Initializing")
    word = "ownership"  # no letter twice: each key is pressed and held, and not one is released
    for key in word:
        page.keyboard.down(key)
    assert page.input_value("input.md-search__input") == word
    first = page.locator(".md-search-result__list > li").first
    expect(first).to_contain_text("Ownership")
    for key in word:
        page.keyboard.up(key)


# The layout shift a visitor sees while a tool page loads, from the browser's own
# layout-shift entries (the same ones Lighthouse adds up as CLS).
SHIFTS = """
() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(total), 1000);
})
"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(412, 823), (1350, 940)], ids=["phone", "desktop"])
def test_tool_pages_do_not_move_while_they_load(
    browser: Any, site_url: str, viewport: tuple[int, int], site_data: SiteData
):
    shifts = {}
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        for page_path in tool_pages(site_data):
            tab = context.new_page()
            tab.goto(f"{site_url}/{Path(page_path).with_suffix('').as_posix()}/", wait_until="load")
            expect(tab.locator(".guide-tool__ui:disabled, #guide-bank-select:disabled")).to_have_count(0)
            shifts[page_path] = tab.evaluate(SHIFTS)
            tab.close()
    finally:
        context.close()
    moved = {page: round(shift, 3) for page, shift in shifts.items() if shift >= 0.02}
    assert not moved, f"layout shift while loading: {moved}"


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 412, 600, 768, 1350])
def test_the_drill_card_holds_every_question_without_growing(
    browser: Any, site_url: str, site_data: SiteData, width: int
):
    """The first paint comes before the drill draws its question (its scripts are deferred), so the
    card reserves the lines of the longest question and principle (docs/stylesheets/guide.css): a
    longer question added to data/questions.yml fails here, not as a jump on a phone."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(f"{site_url}/practice/drill/")
        tab.wait_for_selector("[data-guide-tool=drill][data-guide-ready]")
        grown = tab.evaluate(
            """([questions, principles]) => {
              const grown = [];
              for (const [id, texts] of [["guide-drill-question", questions], ["guide-drill-principle", principles]]) {
                const el = document.getElementById(id);
                for (const text of texts) {
                  el.textContent = text;
                  if (el.scrollHeight > el.clientHeight || el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).minHeight) + 0.5) grown.push(text);
                }
              }
              return grown;
            }""",
            [[q.text for q in site_data.questions], [p.name for p in site_data.principles]],
        )
        assert grown == [], f"at {width} px these need more lines than the drill card holds: {grown}"
    finally:
        context.close()
