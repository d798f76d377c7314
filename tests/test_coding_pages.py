"""The coding round's pages, as built: each problem has its page and nav entry, and shows its module's code.

* Every problem in ``data/coding/problems/`` has a generated page at ``amazon/coding/problems/<id>/``,
  listed in the navigation, linked from the pattern guide and the problems index.
* The Python block on a problem's page is exactly the lines between its module's solution markers,
  character for character (the code the tests run is the code the reader sees), and the page
  holds no other copy of the module.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from macros.coding import Coding, load_coding
from macros.data import SiteData
from tests.htmltext import main_content
from tests.support import ROOT

PROBLEM_IDS = sorted(p.stem for p in (ROOT / "data" / "coding" / "problems").glob("*.yml"))
CODE_BLOCK = re.compile(r"<div class=\"highlight\"><pre>(.*?)</pre></div>", re.DOTALL)


@pytest.fixture(scope="module")
def coding_data(site_data: SiteData) -> Coding:
    return load_coding(ROOT / "data", site_data, ROOT)


def _text(fragment: str) -> str:
    """The characters a reader sees in a highlighted block: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize("pid", PROBLEM_IDS)
def test_problem_page_shows_exactly_the_modules_solution(pid: str, built_site: Path, coding_data: Coding) -> None:
    page = built_site / "amazon" / "coding" / "problems" / pid / "index.html"
    assert page.is_file(), f"no page for {pid}"
    blocks = CODE_BLOCK.findall(main_content(page))
    assert len(blocks) == 1, f"{pid}: expected one code block, found {len(blocks)}"
    shown = _text(blocks[0]).rstrip("\n")
    assert shown == coding_data.solutions[pid].code
    assert "--8<--" not in shown
    assert "def reference(" not in main_content(page), f"{pid}: the brute-force reference must not be on the page"


def test_every_problem_is_in_the_navigation_and_linked_from_both_lists(built_site: Path, coding_data: Coding) -> None:
    index = (built_site / "amazon" / "coding" / "problems" / "index.html").read_text(encoding="utf-8")
    patterns = main_content(built_site / "amazon" / "coding" / "patterns" / "index.html")
    nav = index[index.index('<nav class="md-nav md-nav--primary"') :]
    for problem in coding_data.problems:
        assert f'href="{problem.id}/"' in nav, f"{problem.id} is not in the navigation"
        assert f'href="{problem.id}/"' in main_content(built_site / "amazon" / "coding" / "problems" / "index.html")
        assert f'href="../problems/{problem.id}/"' in patterns, f"{problem.id} is not linked from the pattern guide"


def test_generated_pages_are_the_problems_only(built_site: Path) -> None:
    folder = built_site / "amazon" / "coding" / "problems"
    built = sorted(p.name for p in folder.iterdir() if p.is_dir())
    assert built == PROBLEM_IDS


PHONE_CHECK = """() => {
  const doc = document.documentElement;
  const blocks = [...document.querySelectorAll("article pre > code")].map(code => ({
    overflow: getComputedStyle(code).overflowX,
    scrolls: code.scrollWidth > code.clientWidth + 1,
    inside: code.getBoundingClientRect().right <= doc.clientWidth + 1,
  }));
  return {pageWidth: doc.scrollWidth, viewport: doc.clientWidth, blocks};
}"""


def test_coding_pages_fit_a_phone_and_code_scrolls_inside_its_block(
    site_url: str, browser: object, coding_data: Coding
) -> None:
    """At 360 px no coding page scrolls sideways; a code line too long for the screen scrolls inside its block."""
    paths = ["amazon/coding/", "amazon/coding/patterns/", "amazon/coding/problems/"]
    paths += [f"amazon/coding/problems/{p.id}/" for p in coding_data.problems]
    context = browser.new_context(viewport={"width": 360, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    wide, scrolled = [], 0
    try:
        for path in paths:
            page.goto(f"{site_url}/{path}")
            found = page.evaluate(PHONE_CHECK)
            if found["pageWidth"] > found["viewport"]:
                wide.append(f"/{path}: page is {found['pageWidth']}px wide")
            for block in found["blocks"]:
                if not block["inside"]:
                    wide.append(f"/{path}: a code block reaches past the screen")
                if block["scrolls"]:
                    scrolled += 1
                    if block["overflow"] not in ("auto", "scroll"):
                        wide.append(f"/{path}: a code block overflows without scrolling ({block['overflow']})")
    finally:
        context.close()
    assert not wide, "\n".join(wide)
    assert scrolled, "no code block was wider than a phone: the check above did not exercise scrolling"


def test_coding_drill_draws_a_problem_of_the_chosen_pattern_and_runs_the_clock(
    site_url: str, page: object, coding_data: Coding, site_data: SiteData
) -> None:
    from playwright.sync_api import expect

    from tests.support.axe import assert_no_axe_violations

    tab: Any = page
    tab.goto(f"{site_url}/practice/drill/")
    tab.wait_for_selector("[data-guide-tool=coding-drill] .guide-tool__ui:not([disabled])")
    minutes = site_data.number("interview-technical-minutes").max
    expect(tab.locator("#guide-codedrill-clock")).to_have_text(f"{minutes}:00")
    pattern = next(p for p in coding_data.patterns if p.id != coding_data.problems[0].pattern)
    tab.get_by_label("Pattern").select_option(pattern.id)
    titles = {p.title for p in coding_data.problems_for(pattern.id)}
    expect(tab.locator("#guide-codedrill-pattern")).to_have_text(pattern.name)
    assert tab.locator("#guide-codedrill-title").inner_text() in titles
    for _ in range(3):
        before = tab.locator("#guide-codedrill-title").inner_text()
        tab.get_by_role("button", name="Next problem").click()
        after = tab.locator("#guide-codedrill-title").inner_text()
        assert after in titles and after != before
    href = tab.locator("#guide-codedrill-title").get_attribute("href")
    problem = next(p for p in coding_data.problems if p.title == after)
    assert href.rstrip("/").endswith(f"problems/{problem.id}")
    tab.locator("#guide-codedrill-toggle").click()
    expect(tab.locator("#guide-codedrill-clock")).not_to_have_text(f"{minutes}:00", timeout=3000)
    expect(tab.locator("#guide-codedrill-toggle")).to_have_text("Hold the clock")
    assert_no_axe_violations(tab, context="coding drill, running")
    tab.locator("#guide-codedrill-title").click()
    expect(tab.locator("article h1")).to_contain_text(problem.title)


def test_mock_loop_links_each_technical_question_to_a_page_that_exists(site_url: str, page: object) -> None:
    tab: Any = page
    tab.goto(f"{site_url}/practice/mock-loop/?seed=links")
    tab.wait_for_selector(".guide-loop__task a")
    links = tab.eval_on_selector_all(".guide-loop__task a", "els => els.map(a => [a.href, a.textContent])")
    assert links
    for href, title in links:
        response = tab.request.get(href)
        assert response.ok, f"{title}: {href} is {response.status}"
