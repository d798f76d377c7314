"""Search in a real browser: typing a principle's name puts that principle first."""

from __future__ import annotations

import pytest

from macros.data import SiteData

FIRST = ".md-search-result__list > .md-search-result__item > a.md-search-result__link"


def first_result(page, query: str) -> str:
    """Type ``query`` into Material's search on a freshly loaded page (so no earlier
    results linger) and return the first result's href once the results settle."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)  # Material searches on key events, as a person types
    page.wait_for_function("sel => !!document.querySelector(sel)", arg=FIRST, timeout=10_000)
    href = None
    for _ in range(20):
        current = page.locator(FIRST).first.get_attribute("href")
        if current == href:
            break
        href = current
        page.wait_for_timeout(250)
    return href or ""


@pytest.mark.browser
def test_each_principle_name_finds_its_page_or_section_first(site_url, page, site_data: SiteData):
    misses = []
    for p in site_data.principles:
        page.goto(f"{site_url}/")
        href = first_result(page, p.name)
        wanted = (f"leadership-principles/{p.id}/", f"question-bank/#{p.id}")
        if not any(w in href for w in wanted):
            misses.append(f"{p.name!r} -> {href}")
    assert not misses, "first result was not the principle: " + "; ".join(misses)


@pytest.mark.browser
def test_search_highlights_the_term_on_the_result_page(site_url, page):
    page.goto(f"{site_url}/")
    href = first_result(page, "Dive Deep")
    page.locator(FIRST).first.click()
    page.wait_for_url(f"**{href.split('?')[0].lstrip('.')}**")
    assert page.locator("mark[data-md-highlight]").count() > 0
