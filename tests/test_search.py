"""Search in a real browser: typing a principle's name puts that principle first."""

from __future__ import annotations

import pytest

from macros.data import load_site
from tests.test_guides import ROOT

PRINCIPLES = load_site(ROOT / "data").principles


def first_result(page, query: str) -> str:
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.fill(query)
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    first.wait_for(state="visible", timeout=10_000)
    return first.get_attribute("href") or ""


@pytest.mark.browser
def test_each_principle_name_finds_its_page_or_section_first(site_url, page):
    page.goto(f"{site_url}/")
    misses = []
    for p in PRINCIPLES:
        href = first_result(page, p.name)
        wanted = (f"leadership-principles/{p.id}/", f"question-bank/#{p.id}")
        if not any(w in href for w in wanted):
            misses.append(f"{p.name!r} -> {href}")
        page.keyboard.press("Escape")
    assert not misses, "first result was not the principle: " + "; ".join(misses)


@pytest.mark.browser
def test_search_highlights_the_term_on_the_result_page(site_url, page):
    page.goto(f"{site_url}/")
    href = first_result(page, "Dive Deep")
    page.locator(".md-search-result__item a.md-search-result__link").first.click()
    page.wait_for_url(f"**{href.split('?')[0].lstrip('.')}**")
    assert page.locator("mark[data-md-highlight]").count() > 0
