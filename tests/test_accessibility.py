"""axe-core finds no violation on any built page, in the light and the dark
palette, nor with the search overlay open and showing results.

Rules: WCAG 2.0, 2.1 and 2.2 A + AA, plus axe's best practices
(tests/support/axe.py). The palette follows the system preference, so the
dark run emulates ``prefers-color-scheme: dark``. Both palettes are swept
together, one browser page each, so the two axe runs share the machine's
cores instead of taking turns.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.axe import axe_result, format_violations, run_axe, start_axe
from tests.support.site import SEARCH_QUERY, built_pages, open_search

# Material's name for each palette.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def palette_pages(browser: Any) -> Iterator[dict[str, Any]]:
    """One page per palette, each in its own context (and renderer process)."""
    contexts = {scheme: browser.new_context(viewport={"width": 1280, "height": 900}) for scheme in SCHEMES}
    pages = {scheme: context.new_page() for scheme, context in contexts.items()}
    for scheme, page in pages.items():
        page.emulate_media(color_scheme=scheme)
    yield pages
    for context in contexts.values():
        context.close()


def load(page: Any, url: str, scheme: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(
        "scheme => document.body.getAttribute('data-md-color-scheme') === scheme", arg=SCHEMES[scheme]
    )


@pytest.fixture(scope="module")
def sweep(built_site: Path, site_url: str, palette_pages: dict[str, Any]) -> dict[str, list[str]]:
    """Every page in both palettes: palette -> one report per page with violations."""
    reports: dict[str, list[str]] = {scheme: [] for scheme in SCHEMES}
    for rel in built_pages(built_site):
        for scheme, page in palette_pages.items():
            load(page, f"{site_url}/{rel}", scheme)
            start_axe(page)
        for scheme, page in palette_pages.items():
            violations = axe_result(page)
            if violations:
                reports[scheme].append(format_violations(violations, f"{scheme} palette, /{rel}"))
    return reports


@pytest.mark.browser
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_page_has_no_axe_violations(sweep: dict[str, list[str]], built_site: Path, scheme: str) -> None:
    reports = sweep[scheme]
    pages = len(built_pages(built_site))
    assert not reports, f"axe violations on {len(reports)} of {pages} pages:\n\n" + "\n\n".join(reports)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_search_overlay_with_results_has_no_axe_violations(
    site_url: str, palette_pages: dict[str, Any], scheme: str
) -> None:
    page = palette_pages[scheme]
    load(page, f"{site_url}/", scheme)
    open_search(page)
    violations = run_axe(page)
    assert not violations, format_violations(violations, f"{scheme} palette, search open with {SEARCH_QUERY!r}")
