"""The built site as the browser tests see it: every page, by its URL.

The page list is read from the build output (every ``.html`` file outside
Material's ``assets/``), never kept by hand, so a new page is tested the
moment it is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SEARCH_QUERY = "dive deep"


def built_pages(site: Path) -> list[str]:
    """Site-relative URLs of every built page: ``""`` (home), ``"amazon/"``, ``"404.html"``..."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        if rel.parts[0] == "assets":  # Material's own assets (and anything vendored beside them)
            continue
        url = rel.as_posix()
        if path.name == "index.html":
            url = url[: -len("index.html")]
        pages.append(url)
    assert pages, f"no HTML pages found under {site}"
    return pages


def open_search(page: Any, query: str = SEARCH_QUERY) -> None:
    """Open Material's search overlay, type ``query`` and wait until results are listed."""
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function("() => document.getElementById('__search').checked")
    # Typed key by key: Material reads the query on keyup, which fill() never sends.
    box.press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=20_000)
    # The overlay fades in (Material's opacity and color transitions): until they end, a check of
    # what is on screen (axe's contrast rule blends opacity into colors) sees a half-drawn overlay.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
