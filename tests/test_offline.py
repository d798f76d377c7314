"""The offline edition (``make offline``): a zip that works from file:// with no network.

The zip is built the way ``make offline`` builds it (:mod:`tools.offline`,
the ``offline_zip`` fixture in conftest.py), unpacked into a temporary folder and opened in Debian's Chromium through
file:// URLs. Every request that is not a file:// request is recorded and
aborted; there must be none, while search still finds a principle and its
result and the page's own links lead on.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tools.offline import TOP_DIR

SHIM = "assets/javascripts/iframe-worker/shim.js"


class _Refs(HTMLParser):
    """Every URL a page would load by itself (not links a reader may follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "img", "iframe", "audio", "video", "source") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.loads.append(a["href"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])


def _refs(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_zip_is_one_folder_with_the_whole_site(offline_zip: Path) -> None:
    with zipfile.ZipFile(offline_zip) as zf:
        names = zf.namelist()
    assert names == sorted(names), "entries are sorted, so the zip is reproducible"
    assert all(n.startswith(f"{TOP_DIR}/") for n in names)
    for required in ("index.html", "search/search_index.js", SHIM, "assets/javascripts/iframe-worker/LICENSE"):
        assert f"{TOP_DIR}/{required}" in names, required
    # No service worker runs from file://: the zip has none, no manifest, and its pages link neither.
    assert not any(n.endswith(("/sw.js", ".webmanifest")) or "/app/" in n for n in names), [
        n for n in names if "sw" in n
    ]
    with zipfile.ZipFile(offline_zip) as zf:
        home = zf.read(f"{TOP_DIR}/index.html").decode("utf-8")
    assert 'rel="manifest"' not in home
    assert '<meta http-equiv="Content-Security-Policy"' in home


def test_pages_load_nothing_from_the_network(offline_site: Path) -> None:
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        refs = _refs(page)
        remote = [u for u in refs.loads if re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", u, re.I)]
        assert not remote, f"{page.relative_to(offline_site)} loads {remote}"
        assert "unpkg.com" not in page.read_text(encoding="utf-8"), page
    shim_tags = [u for u in _refs(offline_site / "index.html").loads if u.endswith(SHIM)]
    assert shim_tags == [SHIM], "the local iframe-worker shim replaces Material's unpkg.com script"


def test_links_point_at_html_files(offline_site: Path) -> None:
    """No directory URLs: from file:// a link to a folder would show a file listing."""
    page = offline_site / "amazon" / "leadership-principles" / "index.html"
    internal = [u for u in _refs(page).links if not re.match(r"^[a-z]+:|^#", u)]
    assert internal, "the principles page links to the principles"
    for href in internal:
        path = href.split("#")[0]
        assert path.endswith(".html"), href
        assert (page.parent / path).resolve().is_file(), href


@pytest.fixture
def offline_page(browser: object) -> Iterator[tuple[object, list[str], list[str]]]:
    """A page whose every non-file:// request is recorded and aborted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    requests: list[str] = []
    errors: list[str] = []

    def block(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith("file://"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            requests.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", block)

    context.on("request", lambda r: None if r.url.startswith("file://") else requests.append(r.url))
    pg = context.new_page()
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # What the pages' Content-Security-Policy (hooks/csp.py) blocks, on any page or frame, is reported here.
    pg.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg, requests, errors
    context.close()


@pytest.mark.browser
def test_search_and_links_work_from_file_urls(
    offline_site: Path, offline_page: tuple[object, list[str], list[str]]
) -> None:
    from playwright.sync_api import expect

    page, requests, errors = offline_page
    page.goto((offline_site / "index.html").as_uri())  # type: ignore[attr-defined]
    expect(page.locator("h1").first).to_have_text(re.compile(r"^Interview Guide"))  # type: ignore[attr-defined]

    # Search: the index is inlined as a script and the worker runs in an iframe.
    query = page.locator("input.md-search__input")  # type: ignore[attr-defined]
    query.click()
    query.press_sequentially("Frugality")
    results = page.locator(".md-search-result__item")  # type: ignore[attr-defined]
    expect(results.first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"[1-9]\d* matching document"))  # type: ignore[attr-defined]
    hit = page.locator(".md-search-result__link", has_text="Frugality").first  # type: ignore[attr-defined]
    expect(hit).to_have_attribute("href", re.compile(r"^file://.*/amazon/leadership-principles/frugality\.html"))
    hit.click()

    page.wait_for_url(re.compile(r"^file://.*/amazon/leadership-principles/frugality\.html"))  # type: ignore[attr-defined]
    expect(page.locator("article h1").first).to_have_text(re.compile(r"^Frugality"))  # type: ignore[attr-defined]

    # Follow the page's own links: up to all principles, then on to another one.
    page.locator("article a", has_text="all principles").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"^file://.*/amazon/leadership-principles/index\.html$"))  # type: ignore[attr-defined]
    page.locator("article table a", has_text="Dive Deep").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"^file://.*/amazon/leadership-principles/dive-deep\.html$"))  # type: ignore[attr-defined]
    expect(page.locator("article h1").first).to_have_text(re.compile(r"^Dive Deep"))  # type: ignore[attr-defined]

    assert requests == [], f"the offline edition made network requests: {requests}"
    assert errors == [], f"JavaScript errors or policy violations from file://: {errors}"
