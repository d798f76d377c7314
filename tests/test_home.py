"""The home page leads: where to start, a card for every part of the guide, and the
candidate's own progress from the STAR planner, filled in without moving anything."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.data import SiteData
from macros.home import card_groups
from macros.storage import STORY_FORMAT_VERSION, STORY_STORAGE_KEY

ROOT = Path(__file__).resolve().parent.parent


def test_every_guide_page_has_exactly_one_card(site_data: SiteData):
    carded = [str(link.href) for group in card_groups(site_data) for link in group.links]
    assert sorted(carded) == sorted(g.page for g in site_data.guides if g.page)


def test_the_home_page_writes_no_path_by_hand():
    text = (ROOT / "docs/index.md").read_text(encoding="utf-8")
    assert not re.search(r"\]\([^)]*\.md", text), "link to guides with {{ guide_link(...) }} and the card macros"


def _titles(built_site: Path) -> dict[str, str]:
    return {
        p.relative_to(built_site).as_posix(): re.search(r"<title>([^<]*)</title>", p.read_text(encoding="utf-8")).group(
            1
        )
        for p in built_site.rglob("*.html")
        if "assets" not in p.parts and "<title>" in p.read_text(encoding="utf-8")
    }


def test_no_tab_title_repeats_the_site_name(built_site: Path):
    titles = _titles(built_site)
    assert titles["index.html"] == "Interview Guide"
    doubled = {page: t for page, t in titles.items() if len(t.split(" - ")) > 1 and len(set(t.split(" - "))) == 1}
    assert not doubled, doubled


def test_the_home_page_links_every_guide_page(built_site: Path, site_data: SiteData):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    hrefs = set(re.findall(r'href="([^"#]+)"', html))
    for guide in site_data.guides:
        if guide.page:
            url = guide.page.removesuffix(".md").removesuffix("index").rstrip("/") + "/"
            assert url in hrefs, f"no card for {guide.id} ({url})"


# Layout shifts of anything inside the page's content (Material's header has its own test).
SHIFTS = """() => new Promise(done => {
  let total = 0;
  const content = document.querySelector("article");
  new PerformanceObserver(list => {
    for (const e of list.getEntries())
      if (e.sources.some(s => s.node && content.contains(s.node))) total += e.value;
  })
    .observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => done(total)));
})"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_progress_shows_stories_per_principle_without_moving_anything(browser, site_url, width, site_data: SiteData):
    stories = [
        {"id": "a", "principles": ["ownership", "dive-deep"]},
        {"id": "b", "principles": ["ownership"]},
    ]
    stored = json.dumps({"version": STORY_FORMAT_VERSION, "stories": stories})
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_init_script(f"localStorage.setItem({json.dumps(STORY_STORAGE_KEY)}, {json.dumps(stored)})")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/")
        panel = page.locator("#guide-home-progress")
        page.wait_for_function("() => document.querySelector('#guide-home-progress').hasAttribute('data-guide-ready')")
        count = lambda pid: panel.locator(f'[data-principle="{pid}"] [data-count]').inner_text()  # noqa: E731
        assert (count("ownership"), count("dive-deep"), count("frugality")) == ("2", "1", "0")
        status = panel.locator("[data-status]").inner_text()
        assert status.startswith(f"2 stories cover 2 of {len(site_data.principles)} principles."), status
        assert page.evaluate(SHIFTS) == 0
    finally:
        context.close()


@pytest.mark.browser
def test_progress_panel_reserves_its_space_before_the_script_runs(browser, site_url):
    """The cards start at the same place with the script off and with it filling the panel."""
    tops = []
    for javascript in (False, True):
        context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=javascript)
        context.add_init_script(
            f"localStorage.setItem({json.dumps(STORY_STORAGE_KEY)}, "
            f"{json.dumps(json.dumps({'version': STORY_FORMAT_VERSION, 'stories': [{'id': 'a', 'principles': ['think-big']}]}))})"
        )
        page = context.new_page()
        page.goto(f"{site_url}/")
        if javascript:
            page.wait_for_function(
                "() => document.querySelector('#guide-home-progress').hasAttribute('data-guide-ready')"
            )
        tops.append(page.evaluate("() => document.querySelector('.guide-home-cards').getBoundingClientRect().top"))
        context.close()
    assert tops[0] == tops[1], tops


def test_the_progress_panel_links_resolve(built_site: Path, site_data: SiteData):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    panel = html[
        html.index('id="guide-home-progress"') : html.index("</section>", html.index('id="guide-home-progress"'))
    ]
    hrefs = re.findall(r'href="([^"#][^"]*)"', panel)  # not the heading's own permalink
    assert len(hrefs) == len(site_data.principles) + 1  # each principle and the planner
    for href in hrefs:
        assert (built_site / href / "index.html").is_file() or (built_site / href).is_file(), href
