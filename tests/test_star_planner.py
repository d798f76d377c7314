"""The STAR story planner: its data shaping (no MkDocs) and its behavior in Chromium.

The browser tests drive the built site: stories must survive reloads, instant
navigation and a closed tab; the coverage table must count and flag; export and
import must round-trip exactly; every hostile import must change nothing.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from html import unescape as html_unescape
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from macros.data import SiteData
from macros.practice import star_planner_data
from macros.render import Renderer
from macros.storage import STORY_STORAGE_KEY
from tests.support import ROOT
from tests.support.axe import assert_no_axe_violations

KEY = STORY_STORAGE_KEY
PLANNER = "/practice/star-planner/"
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">'


# --------------------------------------------------------------------------- shaping, no MkDocs


def test_planner_data_lists_every_principle_in_order_with_the_storage_format(site_data: SiteData):
    data = star_planner_data(site_data)
    assert data["principles"] == [{"id": p.id, "name": p.name} for p in site_data.principles]
    config = data["config"]
    assert config["version"] == 1
    assert config["key"] == "interview-guide:stories:v1"
    assert config["maxBytes"] == 1024 * 1024
    assert config["maxStories"] == 500
    assert set(config["limits"]) == {"id", "title", "when", "situation", "task", "action", "result", "metrics"}
    assert all(isinstance(v, int) and v > 0 for v in config["limits"].values())
    json.dumps(data)  # must be serializable as it is


def render_planner(site: Any) -> str:
    return Renderer(ROOT / "overrides" / "partials" / "macros").render(
        "star-planner.html", data=star_planner_data(site)
    )


def test_planner_template_embeds_the_data_so_that_no_value_becomes_markup(site_data: SiteData):
    hostile = site_data.principles[0].model_copy(update={"name": "</script><img src=x onerror='alert(1)'> & \"Co\""})
    site = dataclasses.replace(site_data, principles=(hostile, *site_data.principles[1:]))
    html = render_planner(site)
    data = star_planner_data(site)
    root = re.search(
        r"<div class=\"guide-tool guide-planner\" id=\"star-planner\" data-guide-tool=\"star-planner\" data-guide-data='([^']*)'>",
        html,
    )
    assert root, "the planner's element with its data is missing"
    assert json.loads(html_unescape(root.group(1))) == data
    assert "<img" not in html, "a principle name reached the page as markup"
    assert "<script" not in html
    for p in site.principles:
        assert f'value="{p.id}"' in html and f'data-principle="{p.id}"' in html
    assert f'maxlength="{data["config"]["limits"]["title"]}"' in html


# --------------------------------------------------------------------------- browser helpers


@pytest.fixture
def planner(page: Any, site_url: str) -> Iterator[Any]:
    """The planner page in a fresh browser context (so an empty store); fails the test on any console error."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_planner(page, site_url)
    assert stored(page) is None
    yield page
    assert not errors, f"console errors: {errors}"


def open_planner(page: Any, site_url: str) -> None:
    page.goto(site_url + PLANNER)
    page.wait_for_selector("#star-planner[data-guide-ready]")


def add_story(page: Any, title: str, principles: list[str], when: str = "2025-03", **parts: str) -> None:
    page.fill("#star-title", title)
    page.fill("#star-when", when)
    for field in ("situation", "task", "action", "result", "metrics"):
        page.fill(f"#star-{field}", parts.get(field, f"{field.capitalize()} of {title}"))
    for pid in principles:
        page.check(f"#star-form input[value='{pid}']")
    page.click("#star-save")
    expect(page.locator("#star-list h3", has_text=title)).to_have_count(1)


def titles(page: Any) -> list[str]:
    return page.locator("#star-list h3").all_text_contents()


def row(page: Any, pid: str) -> list[str]:
    return page.locator(f"#star-coverage tr[data-principle='{pid}'] > *").all_text_contents()


def stored(page: Any) -> str | None:
    return page.evaluate("k => localStorage.getItem(k)", KEY)


def export_json(page: Any) -> str:
    with page.expect_download() as info:
        page.click("#star-export-json")
    download = info.value
    assert download.suggested_filename == "star-stories.json"
    return Path(download.path()).read_text(encoding="utf-8")


def import_bytes(page: Any, payload: bytes) -> None:
    page.set_input_files(
        "#star-import", files=[{"name": "stories.json", "mimeType": "application/json", "buffer": payload}]
    )


def story(title: str = "Valid story", principles: list[str] | None = None, sid: str = "s1") -> dict[str, Any]:
    return {
        "id": sid,
        "title": title,
        "when": "2024-11",
        "situation": "s",
        "task": "t",
        "action": "a",
        "result": "r",
        "metrics": "m",
        "principles": ["ownership"] if principles is None else principles,
    }


def export_file(*stories: dict[str, Any]) -> bytes:
    return json.dumps({"version": 1, "stories": list(stories)}).encode()


# --------------------------------------------------------------------------- persistence


@pytest.mark.browser
def test_a_story_survives_reload_instant_navigation_and_a_closed_tab(planner, site_url):
    page = planner
    add_story(page, "Cut checkout latency", ["ownership", "dive-deep"])
    expect(page.locator("#star-form-msgs [role=status]")).to_contain_text("Story added")
    assert json.loads(stored(page))["stories"][0]["title"] == "Cut checkout latency"

    page.reload()
    page.wait_for_selector("#star-planner[data-guide-ready]")
    assert titles(page) == ["Cut checkout latency"]

    # Instant navigation: away through a link and back, without a full page load.
    # (The session build uses the test server's URL as site_url, so Material's
    # sitemap check lets instant navigation run.)
    page.reload()
    page.wait_for_selector("#star-planner[data-guide-ready]")
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-logo").first.click()
    page.wait_for_url(f"{site_url}/")
    page.wait_for_selector("#star-planner", state="detached")
    page.wait_for_selector("article h1")
    page.go_back()
    page.wait_for_url(f"**{PLANNER}")
    page.wait_for_selector("#star-planner[data-guide-ready]")
    assert page.evaluate("window.__sameDocument") is True, "navigation was not instant"
    assert titles(page) == ["Cut checkout latency"]

    # Closing the tab and opening the planner in a fresh one.
    context = page.context
    page.close()
    fresh = context.new_page()
    fresh_errors: list[str] = []
    fresh.on("pageerror", lambda e: fresh_errors.append(str(e)))
    open_planner(fresh, site_url)
    assert not fresh_errors
    assert titles(fresh) == ["Cut checkout latency"]
    assert row(fresh, "ownership")[1] == "1"


@pytest.mark.browser
def test_coverage_counts_each_principle_and_flags_those_with_fewer_than_two(planner, site_data: SiteData):
    page = planner
    assert page.locator("#star-coverage tbody tr").count() == len(site_data.principles)
    add_story(page, "Story A", ["ownership", "dive-deep"])
    add_story(page, "Story B", ["ownership"])
    assert row(page, "ownership") == ["Ownership", "2", "Covered"]
    assert row(page, "dive-deep") == ["Dive Deep", "1", "Needs 1 more"]
    assert row(page, "customer-obsession") == ["Customer Obsession", "0", "Needs 2 more"]
    flagged = page.locator("#star-coverage tbody tr > :last-child", has_text="Needs").count()
    assert flagged == 15
    expect(page.locator("#star-coverage-summary")).to_contain_text(f"1 of {len(site_data.principles)} principles")

    # Editing a story moves its counts.
    page.get_by_role("button", name="Edit “Story B”").click()
    expect(page.locator("#star-form-heading")).to_have_text("Edit story")
    assert page.input_value("#star-title") == "Story B"
    page.check("#star-form input[value='dive-deep']")
    page.click("#star-save")
    expect(page.locator("#star-form-heading")).to_have_text("Add a story")
    assert row(page, "dive-deep") == ["Dive Deep", "2", "Covered"]
    assert titles(page).count("Story B") == 1

    # Deleting asks first: dismissing keeps the story, accepting removes it.
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="Delete “Story A”").click()
    assert "Story A" in titles(page)
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Delete “Story A”").click()
    expect(page.locator("#star-list h3")).to_have_count(1)
    assert row(page, "ownership") == ["Ownership", "1", "Needs 1 more"]
    assert [s["title"] for s in json.loads(stored(page))["stories"]] == ["Story B"]


@pytest.mark.browser
def test_a_story_needs_a_title_and_a_principle(planner):
    page = planner
    page.fill("#star-title", "No principle")
    page.click("#star-save")
    expect(page.locator("#star-field-error")).to_contain_text("at least one principle")
    page.fill("#star-title", "")
    page.check("#star-form input[value='frugality']")
    page.click("#star-save")
    expect(page.locator("#star-field-error")).to_contain_text("title")
    assert titles(page) == [] and stored(page) is None


@pytest.mark.browser
def test_the_form_works_from_the_keyboard_alone(planner):
    page = planner
    page.focus("#star-title")
    page.keyboard.type("Keyboard story")

    def tab_to(js_test: str) -> None:
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate(f"(() => {{ const e = document.activeElement; return {js_test}; }})()"):
                return
        pytest.fail(f"Tab never reached: {js_test}")

    tab_to("e.value === 'earn-trust'")
    page.keyboard.press("Space")
    tab_to("e.id === 'star-save'")
    page.keyboard.press("Enter")
    expect(page.locator("#star-list h3")).to_have_text(["Keyboard story"])
    assert row(page, "earn-trust")[1] == "1"


# --------------------------------------------------------------------------- export and import


@pytest.mark.browser
def test_export_then_import_round_trips_exactly(planner, site_url, tmp_path):
    page = planner
    add_story(
        page,
        'Quotes "and" ünïcode — 50% < 100 & more',
        ["customer-obsession", "deliver-results"],
        when="2024-07",
        action="First line\nSecond line\n\n* not a list",
        metrics="p99 420 ms → 180 ms",
    )
    add_story(page, "A failure I learned from", ["earn-trust"], when="")
    first = export_json(page)
    data = json.loads(first)
    assert data["version"] == 1 and len(data["stories"]) == 2
    assert data["stories"][0]["action"] == "First line\nSecond line\n\n* not a list"
    assert data["stories"][1]["when"] == ""

    page.evaluate("localStorage.clear()")
    open_planner(page, site_url)
    assert titles(page) == []
    path = tmp_path / "stories.json"
    path.write_text(first, encoding="utf-8")
    page.set_input_files("#star-import", str(path))
    expect(page.locator("#star-file-msgs [role=status]")).to_contain_text("Imported 2 stories")
    assert sorted(titles(page)) == sorted(s["title"] for s in data["stories"])
    assert export_json(page) == first
    assert json.loads(stored(page)) == data


@pytest.mark.browser
def test_import_replaces_existing_stories_after_confirmation(planner):
    page = planner
    add_story(page, "Old story", ["frugality"])
    page.once("dialog", lambda d: d.dismiss())
    import_bytes(page, export_file(story("New story")))
    expect(page.locator("#star-file-msgs [role=status]")).to_contain_text("nothing changed")
    assert titles(page) == ["Old story"]
    page.once("dialog", lambda d: d.accept())
    import_bytes(page, export_file(story("New story")))
    expect(page.locator("#star-file-msgs [role=status]")).to_contain_text("Imported 1 story")
    assert titles(page) == ["New story"]


@pytest.mark.browser
def test_import_into_an_empty_planner_says_nothing_was_replaced(planner):
    page = planner
    import_bytes(page, export_file(story("First story")))
    status = page.locator("#star-file-msgs [role=status]")
    expect(status).to_contain_text("Imported 1 story")
    expect(status).not_to_contain_text("replace")
    page.once("dialog", lambda d: d.accept())
    import_bytes(page, export_file(story("One", sid="a"), story("Two", sid="b")))
    expect(status).to_contain_text("Imported 2 stories")
    expect(status).to_contain_text("the 1 story that was here")


@pytest.mark.browser
def test_delete_all_asks_first_and_then_leaves_no_storage_behind(planner):
    page = planner
    before = page.evaluate("Object.keys(localStorage)")
    add_story(page, "Story A", ["ownership"])
    add_story(page, "Story B", ["frugality"])
    delete_all = page.get_by_role("button", name="Delete all stories")
    page.once("dialog", lambda d: d.dismiss())
    delete_all.click()
    assert sorted(titles(page)) == ["Story A", "Story B"]
    assert stored(page) is not None
    page.once("dialog", lambda d: d.accept())
    delete_all.click()
    expect(page.locator("#star-list h3")).to_have_count(0)
    assert row(page, "ownership")[1] == "0"
    assert stored(page) is None
    assert page.evaluate("Object.keys(localStorage)") == before
    page.reload()
    page.wait_for_selector("#star-planner[data-guide-ready]")
    assert titles(page) == []


def _big_valid_file() -> bytes:
    return export_file(story()) + b" " * (10 * 1024 * 1024)


HOSTILE_FILES = {
    "10 MB file": _big_valid_file(),
    "invalid JSON": b'{"version": 1, "stories": [',
    "not an object": b"[]",
    "wrong version": json.dumps({"version": 2, "stories": []}).encode(),
    "stories not a list": json.dumps({"version": 1, "stories": {}}).encode(),
    "extra top-level field": json.dumps({"version": 1, "stories": [], "x": 1}).encode(),
    "unknown principle id": export_file(story(principles=["ownership", "world-domination"])),
    "no principles": export_file(story(principles=[])),
    "field not a string": export_file({**story(), "title": 5}),
    "title too long": export_file(story(title="x" * 201)),
    "extra story field": export_file({**story(), "html": "<b>x</b>"}),
    "missing story field": export_file({k: v for k, v in story().items() if k != "metrics"}),
    "bad month": export_file({**story(), "when": "March"}),
    "duplicate ids": export_file(story(sid="a"), story(sid="a")),
    "too many stories": export_file(*(story(sid=f"s{i}") for i in range(501))),
    "prototype key": b'{"version": 1, "stories": [], "__proto__": {"polluted": 1}}',
}


@pytest.mark.browser
@pytest.mark.parametrize("case", list(HOSTILE_FILES))
def test_a_hostile_import_changes_nothing_and_says_why(planner, case):
    page = planner
    add_story(page, "Keep me", ["think-big"])
    before = stored(page)
    import_bytes(page, HOSTILE_FILES[case])
    alert = page.locator("#star-file-msgs [role=alert]")
    expect(alert).to_contain_text("Nothing was imported.")
    assert alert.is_visible()
    assert stored(page) == before
    assert titles(page) == ["Keep me"]
    assert row(page, "think-big")[1] == "1"
    assert page.evaluate("({}).polluted") is None


@pytest.mark.browser
def test_markup_in_an_imported_title_stays_literal_text(planner):
    page = planner
    import_bytes(page, export_file(story(HOSTILE_TITLE, sid="evil")))
    expect(page.locator("#star-file-msgs [role=status]")).to_contain_text("Imported 1 story")
    assert titles(page) == [HOSTILE_TITLE]
    assert page.locator("#star-list img").count() == 0
    page.get_by_role("button", name=f"Edit “{HOSTILE_TITLE}”").click()
    assert page.input_value("#star-title") == HOSTILE_TITLE
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#star-planner img").count() == 0


@pytest.mark.browser
def test_markup_typed_into_the_form_stays_literal_text(planner):
    page = planner
    add_story(page, HOSTILE_TITLE, ["bias-for-action"], situation="<script>window.__pwned=1</script>")
    page.reload()
    page.wait_for_selector("#star-planner[data-guide-ready]")
    assert titles(page) == [HOSTILE_TITLE]
    expect(page.locator("#star-list dd").first).to_have_text("<script>window.__pwned=1</script>")
    assert page.locator("#star-list img, #star-list script").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


@pytest.mark.browser
def test_markdown_export_has_a_section_per_story_with_its_principles(planner, site_data: SiteData):
    page = planner
    add_story(page, "Shipped the migration", ["deliver-results", "bias-for-action"], when="2025-01")
    add_story(page, "Missed a deadline", ["earn-trust"], result="We slipped two weeks; I now plan buffers.")
    with page.expect_download() as info:
        page.click("#star-export-md")
    assert info.value.suggested_filename == "star-stories.md"
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert "## Shipped the migration" in text
    assert "## Missed a deadline" in text
    # Principles are listed in Amazon's order, whatever order they were ticked in.
    names = {p.id: p.name for p in site_data.principles}
    assert f"**Principles:** {names['bias-for-action']}, {names['deliver-results']}" in text
    assert f"**Principles:** {names['earn-trust']}" in text
    assert "**When:** January 2025" in text
    assert "**Result:** We slipped two weeks; I now plan buffers." in text


# --------------------------------------------------------------------------- offline edition


@pytest.fixture(scope="session")
def offline_planner(offline_site: Path) -> str:
    """file:// URL of the planner in the offline edition (conftest.py builds and unzips it once)."""
    page_file = offline_site / "practice" / "star-planner.html"
    assert page_file.is_file()
    return page_file.as_uri()


@pytest.mark.browser
def test_planner_works_from_file_urls_in_the_offline_edition(browser, offline_planner):
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(offline_planner)
        page.wait_for_selector("#star-planner[data-guide-ready]", timeout=10_000)
        add_story(page, "Written offline", ["frugality"])
        page.reload()
        page.wait_for_selector("#star-planner[data-guide-ready]", timeout=10_000)
        assert titles(page) == ["Written offline"]
        assert row(page, "frugality")[1] == "1"
        assert [s["title"] for s in json.loads(export_json(page))["stories"]] == ["Written offline"]
        assert not errors
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("tool", ["drill", "mock-loop", "question-bank", "cheat-sheet"])
def test_every_tool_starts_from_file_urls_in_the_offline_edition(browser, offline_planner, tool):
    """From file:// Material completes document$ without emitting; site.js starts the tools anyway.

    Here rather than in test_practice_tools.py so that the offline edition is built once per session.
    """
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(offline_planner.replace("star-planner.html", f"{tool}.html"))
        page.wait_for_selector(f"[data-guide-tool='{tool}'][data-guide-ready]", timeout=10_000)
        expect(page.locator(".guide-tool__ui:disabled, #guide-bank-select:disabled")).to_have_count(0)
        assert not errors
    finally:
        context.close()


# --------------------------------------------------------------------------- storage failures, layout, accessibility


@pytest.mark.browser
def test_a_full_storage_shows_a_visible_message(page, site_url):
    page.add_init_script(
        """Storage.prototype.setItem = function () {
             throw new DOMException("quota", "QuotaExceededError");
           };"""
    )
    open_planner(page, site_url)
    add_story(page, "Unsaved story", ["ownership"])
    alert = page.locator("#star-form-msgs [role=alert]")
    expect(alert).to_contain_text("storage is full")
    assert alert.is_visible()


@pytest.mark.browser
def test_blocked_storage_shows_a_visible_message(page, site_url):
    page.add_init_script(
        """Object.defineProperty(window, "localStorage", {
             get() { throw new DOMException("blocked", "SecurityError"); },
           });"""
    )
    open_planner(page, site_url)
    expect(page.locator("#star-form-msgs [role=alert]")).to_contain_text("does not let the planner use its storage")


@pytest.mark.browser
def test_planner_fits_a_360_pixel_phone(planner):
    page = planner
    add_story(page, "A story with a rather long title that has to wrap on a phone", ["ownership", "think-big"])
    page.set_viewport_size({"width": 360, "height": 740})
    page.wait_for_timeout(200)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for sel in ("#star-title", "#star-situation", "#star-save", "#star-import", "#star-coverage"):
        box = page.locator(sel).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, sel


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_planner_in_use_has_no_axe_violations(planner, scheme):
    page = planner
    page.emulate_media(color_scheme=scheme)
    add_story(page, "Story one", ["ownership", "dive-deep"])
    add_story(page, "Story two", ["ownership"], when="2020-02")
    page.fill("#star-title", "")
    page.click("#star-save")  # leaves an alert beside the title
    expect(page.locator("#star-field-error")).not_to_be_empty()
    assert_no_axe_violations(page, context=f"STAR planner with two stories, {scheme} palette")


# --------------------------------------------------------------------------- two tabs, hostile Markdown, errors in view


def edit_title(page: Any, title: str) -> None:
    page.get_by_role("button", name=f"Edit “{title}”").click()
    expect(page.locator("#star-title")).to_have_value(title)


@pytest.mark.browser
def test_two_tabs_editing_one_story_merge_or_refuse_and_never_lose_an_edit_silently(planner, site_url):
    """Two pages of one browser context: what one saves, the other's save neither wipes nor drops."""
    one = planner
    add_story(one, "Shared story", ["ownership"], action="First action")
    two = one.context.new_page()
    open_planner(two, site_url)

    # Different fields: both changes are kept.
    edit_title(one, "Shared story")
    edit_title(two, "Shared story")
    two.fill("#star-action", "Action from tab two")
    two.click("#star-save")
    expect(two.locator("#star-form-msgs [role=status]")).to_have_text("Changes saved.")
    one.fill("#star-result", "Result from tab one")
    one.click("#star-save")
    expect(one.locator("#star-form-msgs [role=status]")).to_contain_text(
        "together with the changes made to this story in another tab"
    )
    [s] = json.loads(stored(one) or "")["stories"]
    assert (s["action"], s["result"]) == ("Action from tab two", "Result from tab one")

    # The same field: the later save is refused and says so; pressing Save again replaces the other version.
    edit_title(one, "Shared story")
    edit_title(two, "Shared story")
    two.fill("#star-metrics", "Metrics from tab two")
    two.click("#star-save")
    one.fill("#star-metrics", "Metrics from tab one")
    one.click("#star-save")
    expect(one.locator("#star-form-msgs [role=alert]")).to_contain_text(
        "changed in another tab or window too (Metrics)"
    )
    assert json.loads(stored(one) or "")["stories"][0]["metrics"] == "Metrics from tab two"
    one.click("#star-save")
    expect(one.locator("#star-form-msgs [role=status]")).to_have_text("Changes saved.")
    assert json.loads(stored(one) or "")["stories"][0]["metrics"] == "Metrics from tab one"

    # Deleted in the other tab: nothing claims to be saved, the text stays in the form, Add story keeps it.
    edit_title(one, "Shared story")
    two.once("dialog", lambda d: d.accept())
    two.get_by_role("button", name="Delete “Shared story”").click()
    expect(two.locator("#star-list-msgs [role=status]")).to_have_text("Story deleted.")
    one.fill("#star-task", "Task typed in tab one")
    one.click("#star-save")
    expect(one.locator("#star-form-msgs [role=alert]")).to_contain_text("was deleted in another tab or window")
    expect(one.locator("#star-form-msgs [role=status]")).to_have_text("")
    assert json.loads(stored(one) or "")["stories"] == []
    expect(one.locator("#star-task")).to_have_value("Task typed in tab one")
    one.click("#star-save")
    expect(one.locator("#star-form-msgs [role=status]")).to_have_text("Story added: 1 in total.")
    assert [x["task"] for x in json.loads(stored(one) or "")["stories"]] == ["Task typed in tab one"]
    two.close()


@pytest.mark.browser
def test_markdown_export_of_a_hostile_story_renders_as_its_text(planner):
    """Rendered by a Markdown library (Python-Markdown, as MkDocs uses), the export holds no markup from a story."""
    import markdown

    page = planner
    hostile = story(title=HOSTILE_TITLE + " [x](javascript:alert(1))")
    hostile["situation"] = "<script>window.__pwned=1</script>\n# Not a heading\n- not a list\n*not emphasis*"
    import_bytes(page, export_file(hostile))
    expect(page.locator("#star-list h3")).to_have_text([hostile["title"]])
    with page.expect_download() as info:
        page.click("#star-export-md")
    html = markdown.markdown(Path(info.value.path()).read_text(encoding="utf-8"))
    tags = re.findall(r"<([a-z0-9]+)", html)
    assert set(tags) <= {"h1", "h2", "ul", "li", "strong", "p", "br"}, tags
    assert tags.count("h2") == 1 and tags.count("li") == 2, tags  # the story's heading; Principles and When
    text = html_unescape(re.sub(r"<[^>]+>", "", html))
    assert hostile["title"] in text
    for line in hostile["situation"].split("\n"):
        assert line in text


@pytest.mark.browser
def test_an_empty_form_says_what_is_wrong_beside_the_field_that_takes_the_focus(planner):
    page = planner
    page.click("#star-save")
    title = page.locator("#star-title")
    expect(title).to_be_focused()
    error = page.get_by_text("Give the story a title.")
    expect(error).to_be_in_viewport()
    expect(title).to_have_accessible_description(re.compile("Give the story a title."))
    expect(title).to_have_attribute("aria-invalid", "true")
    # A title but no principle: the message moves to the principles, and the title is valid again.
    page.fill("#star-title", "A title")
    page.click("#star-save")
    expect(page.locator("#star-form input[name=principles]").first).to_be_focused()
    expect(page.get_by_text("Tick at least one principle that this story shows.")).to_be_in_viewport()
    expect(title).not_to_have_attribute("aria-invalid", "true")
