"""Every built page, loaded in Chromium over HTTP: no console error, no failed
request and no request to any host but the site's own origin.

The page list comes from the build output (tests/support/site.py), so a new
page is covered as soon as it exists. One browser context visits them all.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.support.site import SEARCH_QUERY, built_pages, open_search

# Schemes that never touch the network.
LOCAL_SCHEMES = ("data", "blob", "about")


class Watcher:
    """Collects every problem a page causes, labelled with the page being checked."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.current = ""
        self.problems: list[str] = []
        self.requests = 0
        self.aborted: list[tuple[str, str]] = []  # (page, url) cut off when the test moved on

    def note(self, kind: str, detail: str) -> None:
        self.problems.append(f"{self.current or '(start)'}: {kind}: {detail}")

    def on_request(self, request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in LOCAL_SCHEMES:
            return
        self.requests += 1
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.note("request to another host", request.url)

    def on_request_failed(self, request: Any) -> None:
        if request.failure == "net::ERR_ABORTED":
            # Moving to the next page aborts the previous page's late requests
            # (the search worker and index, the sitemap). They are fetched again
            # at the end: only one that then fails is a problem.
            self.aborted.append((self.current, request.url))
            return
        self.note("failed request", f"{request.url} ({request.failure})")

    def recheck_aborted(self, page: Any) -> None:
        for where, url in self.aborted:
            if urlsplit(url).scheme not in ("http", "https"):
                continue
            status = page.request.get(url).status
            if status != 200:
                self.problems.append(f"{where}: failed request: {url} (HTTP {status} when fetched again)")
        self.aborted.clear()

    def on_response(self, response: Any) -> None:
        if response.status >= 400:
            self.note(f"HTTP {response.status}", response.url)

    def on_console(self, message: Any) -> None:
        if message.type == "error":
            self.note("console error", message.text)

    def on_page_error(self, error: Any) -> None:
        self.note("uncaught exception", str(error))


@pytest.fixture(scope="module")
def watched(browser: Any, site_url: str) -> Iterator[tuple[Any, Watcher]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watcher = Watcher(site_url)
    context.on("request", watcher.on_request)
    context.on("requestfailed", watcher.on_request_failed)
    context.on("response", watcher.on_response)
    page = context.new_page()
    page.on("console", watcher.on_console)
    page.on("pageerror", watcher.on_page_error)
    yield page, watcher
    context.close()


@pytest.mark.browser
def test_every_page_loads_cleanly_from_its_own_origin(
    built_site: Path, site_url: str, watched: tuple[Any, Watcher]
) -> None:
    page, watcher = watched
    pages = built_pages(built_site)
    for rel in pages:
        watcher.current = f"/{rel}"
        response = page.goto(f"{site_url}/{rel}", wait_until="networkidle")
        if response is None or response.status != 200:
            watcher.note("page did not load", f"status {response.status if response else 'none'}")
    watcher.recheck_aborted(page)
    assert watcher.requests >= len(pages)
    assert not watcher.problems, f"{len(watcher.problems)} problem(s) on {len(pages)} pages:\n" + "\n".join(
        watcher.problems
    )


@pytest.mark.browser
def test_search_with_a_query_typed_loads_cleanly(site_url: str, watched: tuple[Any, Watcher]) -> None:
    page, watcher = watched
    watcher.problems.clear()
    watcher.current = f"/ with search open, query {SEARCH_QUERY!r}"
    page.goto(f"{site_url}/", wait_until="networkidle")
    open_search(page)
    page.wait_for_load_state("networkidle")
    results = page.locator(".md-search-result__item").count()
    assert results > 0
    watcher.recheck_aborted(page)
    assert not watcher.problems, "\n".join(watcher.problems)
