"""Candidates' own search words find the right page first, in Material's search in Chromium.

Every ``tests/search-queries/*.yml`` file lists ``{query, target}`` pairs. A target
is a path from the site root: ``page/`` is met by that page or any of its
sections, ``page/#anchor`` only by that section. For each query the test types it
into the search box as a person would and takes the best-scored link of the first
result group (Material scores every link it shows in ``data-md-score``).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.search import EvalQuery, load_eval

QUERIES_DIR = Path(__file__).resolve().parent / "search-queries"
FIRST_GROUP = ".md-search-result__list > .md-search-result__item:first-child"


def load_queries(folder: Path = QUERIES_DIR) -> list[EvalQuery]:
    """Every query of every file, checked as the benchmark checks its own (bench.search.load_eval)."""
    return load_eval(folder)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


def test_query_files_are_well_formed_and_numerous():
    queries = load_queries()
    assert len([q for q in queries if q.file == "site.yml"]) >= 30
    seen: dict[str, str] = {}
    for q in queries:
        key = q.query.casefold()
        assert key not in seen or seen[key] == q.target, f"{q.query!r} wants two targets: {seen[key]} and {q.target}"
        seen[key] = q.target


def test_every_query_file_is_read(tmp_path):
    (tmp_path / "site.yml").write_text("- {query: LP, target: amazon/leadership-principles/}\n", encoding="utf-8")
    (tmp_path / "amazon-process.yml").write_text("- {query: OA, target: amazon/online-assessment/}\n", encoding="utf-8")
    assert {(q.file, q.query) for q in load_queries(tmp_path)} == {("site.yml", "LP"), ("amazon-process.yml", "OA")}


def test_a_bad_query_file_is_named_with_its_entry(tmp_path):
    (tmp_path / "bad.yml").write_text("- query: bar raiser\n  target: /amazon/\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.yml, entry #1 \('bar raiser'\): target must be a path"):
        load_queries(tmp_path)


def test_every_target_exists_in_the_built_site(built_site: Path):
    missing = []
    for q in load_queries():
        page = built_site / q.page / "index.html"
        if not page.is_file():
            missing.append(f"{q.file}: {q.query!r} -> no page {q.page}")
            continue
        if q.anchor:
            ids = _Ids()
            ids.feed(page.read_text(encoding="utf-8"))
            if q.anchor not in ids.ids:
                missing.append(f"{q.file}: {q.query!r} -> no #{q.anchor} on {q.page}")
    assert not missing, "; ".join(missing)


def first_group(page, site_url: str, query: str) -> list[tuple[str, float]]:
    """Type ``query`` on a freshly loaded page; return the first result group's links
    (paths from the site root, with #anchor) and scores once the results settle."""
    page.goto(f"{site_url}/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query)  # Material searches on key events, as a person types
    try:
        page.wait_for_selector(f"{FIRST_GROUP} a.md-search-result__link", timeout=10_000)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError: no result at all
        return []
    read = f"""() => [...document.querySelectorAll("{FIRST_GROUP} a.md-search-result__link")].map(a => [
        a.href, parseFloat(a.querySelector("[data-md-score]").dataset.mdScore)])"""
    links, stable = page.evaluate(read), 0
    while stable < 2:  # the same group in three reads 200 ms apart: the last keystroke's results
        page.wait_for_timeout(200)
        current = page.evaluate(read)
        stable = stable + 1 if current == links else 0
        links = current
    base = urlsplit(site_url + "/").path
    result = []
    for href, score in links:
        parts = urlsplit(href)
        path = parts.path[len(base) :] if parts.path.startswith(base) else parts.path
        result.append((path + (f"#{parts.fragment}" if parts.fragment else ""), score))
    return result


def best_link(group: list[tuple[str, float]]) -> str:
    """The best-scored link of a group; the first shown wins a tie, as it does for the reader."""
    best = max(score for _, score in group)
    return next(link for link, score in group if score == best)


@pytest.mark.browser
def test_each_query_finds_its_target_first(site_url, page):
    misses = []
    for q in load_queries():
        group = first_group(page, site_url, q.query)
        got = best_link(group) if group else "no result"
        if not q.met_by(got):
            misses.append(f"{q.file}: {q.query!r} -> {got} (wanted {q.target})")
    assert not misses, f"{len(misses)} queries missed:\n" + "\n".join(misses)
