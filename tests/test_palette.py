"""The color palette toggle: light, dark, or the system's.

Material's palette component restyled every element two or three times while
its bundle started up, so the toggle is ours: the palette is applied before the
first paint (overrides/partials/guide-palette.html, which says why) and site.js
runs the toggle. These tests hold it to what
Material's component did for a reader, and to the start-up cost it no longer has.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PAGE = "/practice/drill/"
# The palettes in mkdocs.yml, in order: each toggle's label switches to the next.
PALETTES = ["(prefers-color-scheme)", "(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"]
STATE = """() => ({
  scheme: document.body.getAttribute('data-md-color-scheme'),
  shown: [...document.querySelectorAll('[data-guide-palette] label')].filter(l => !l.hidden).map(l => l.htmlFor),
  stored: __md_get('__palette'),
})"""


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    yield ctx
    ctx.close()


def state(page: Any) -> dict[str, Any]:
    return page.evaluate(STATE)


def toggle(page: Any) -> None:
    page.locator("[data-guide-palette] label:not([hidden])").click()


def test_material_does_not_mount_its_palette_component(built_site: Path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="palette"' not in html
    assert html.count("data-guide-palette") == 2  # the form, and the script that finds it
    for media in PALETTES:
        assert f'data-md-color-media="{media}"' in html


@pytest.mark.browser
def test_a_first_visit_takes_the_system_theme_before_any_script_loads(site_url: str, context: Any):
    """Material's own script left a first visit light until its bundle ran; now the first paint is dark."""
    page = context.new_page()
    page.emulate_media(color_scheme="dark")
    page.route("**/*.js", lambda route: route.abort())  # no bundle, no site.js: only the inline script
    page.goto(site_url + PAGE)
    assert state(page)["scheme"] == "slate"
    assert state(page)["shown"] == ["__palette_1"], "the automatic palette's toggle (to light) is shown"


@pytest.mark.browser
def test_the_toggle_cycles_and_every_choice_survives_reload_and_instant_navigation(site_url: str, context: Any):
    page = context.new_page()
    page.goto(site_url + PAGE)
    # A light system theme: the automatic palette is light, so its toggle offers dark, not light again.
    assert state(page) == {"scheme": "default", "shown": ["__palette_2"], "stored": None}
    expected = [(2, "slate", "__palette_0"), (0, "default", "__palette_2")]
    for index, scheme, shown in expected:
        toggle(page)
        now = state(page)
        assert (now["scheme"], now["shown"]) == (scheme, [shown])
        assert now["stored"]["index"] == index
        assert now["stored"]["color"]["media"] == PALETTES[index]
    toggle(page)  # dark, explicitly
    assert state(page)["scheme"] == "slate"
    page.reload()
    assert (state(page)["scheme"], state(page)["shown"]) == ("slate", ["__palette_0"])
    page.locator(".md-nav__link[href$='cheat-sheet/']").first.click()
    page.wait_for_url("**/practice/cheat-sheet/")
    assert (state(page)["scheme"], state(page)["shown"]) == ("slate", ["__palette_0"])
    toggle(page)  # the toggle still works on a page reached by instant navigation
    assert state(page)["stored"]["index"] == 0


@pytest.mark.browser
def test_enter_on_the_focused_toggle_moves_to_the_offered_palette(site_url: str, context: Any):
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.focus("#__palette_0")
    page.keyboard.press("Enter")
    assert (state(page)["scheme"], state(page)["stored"]["index"]) == ("slate", 2)
    page.keyboard.press("Enter")
    assert (state(page)["scheme"], state(page)["stored"]["index"]) == ("default", 0)
    assert page.evaluate("document.activeElement.id") == "__palette_0"


@pytest.mark.browser
def test_the_automatic_palette_follows_the_system_theme_while_open(site_url: str, context: Any):
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    toggle(page)  # light, chosen: a system change no longer moves it
    page.emulate_media(color_scheme="light")
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(200)  # a change event, had one been handled, has run by now
    assert state(page)["scheme"] == "default"


@pytest.mark.browser
def test_the_browser_bar_takes_the_header_color(site_url: str, context: Any):
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.wait_for_function("document.querySelector('meta[name=theme-color]')?.content")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert page.evaluate("document.querySelector('meta[name=theme-color]').content") == header
    page.locator(".md-nav__link[href$='cheat-sheet/']").first.click()
    page.wait_for_url("**/practice/cheat-sheet/")
    assert page.evaluate("document.querySelectorAll('meta[name=theme-color]').length") == 1


@pytest.mark.browser
def test_start_up_never_restyles_the_whole_page_for_the_palette(site_url: str, context: Any):
    """What tracing found: Material's component set a page-wide attribute while its bundle started."""
    page = context.new_page()
    page.add_init_script(
        """window.__changes = [];
        new MutationObserver(list => { for (const c of list) window.__changes.push(c.attributeName); })
          .observe(document, {subtree: true, attributeFilter: ['data-md-color-switching']});"""
    )
    page.goto(site_url + PAGE, wait_until="load")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__changes") == []
    assert page.locator("meta[name=color-scheme]").count() == 0
    toggle(page)  # a reader's choice may restyle everything, once
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")
    assert "data-md-color-switching" in page.evaluate("window.__changes")


def label_text(page: Any) -> str:
    return page.locator("[data-guide-palette] label:not([hidden])").get_attribute("title")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("system", "shown", "offered", "after"),
    [("light", "default", "dark", "slate"), ("dark", "slate", "light", "default")],
)
def test_the_first_click_on_a_first_visit_changes_what_the_reader_sees(
    site_url: str, browser: Any, system, shown, offered, after
):
    """On a first visit the automatic palette is on; its toggle must offer, and make, a visible change."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=system)
    try:
        page = ctx.new_page()
        page.goto(site_url + PAGE)
        assert state(page)["scheme"] == shown
        assert f"Switch to {offered} mode" in label_text(page)
        # A keyboard or screen reader user on the checked option hears the same offer.
        assert page.locator("[data-guide-palette] input:checked").get_attribute("aria-label") == label_text(page)
        toggle(page)
        assert state(page)["scheme"] == after
    finally:
        ctx.close()
