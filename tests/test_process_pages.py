"""The Amazon process pages (online assessment to writing culture): registered, in the nav, sourced.

Other pages link to these by guide id, so a renamed id or moved page must fail here first.
"""

from __future__ import annotations

import functools
import re
import sys
import types
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from macros.data import SiteData
from tests.htmltext import elements, main_content
from tests.support.nav import section, site_nav

ROOT = Path(__file__).resolve().parent.parent

PROCESS_PAGES = {
    "amazon-online-assessment": "amazon/online-assessment.md",
    "amazon-levels": "amazon/levels.md",
    "amazon-object-oriented-design": "amazon/object-oriented-design.md",
    "amazon-debrief-bar-raiser": "amazon/debrief-and-bar-raiser.md",
    "amazon-offer": "amazon/offer.md",
    "amazon-ai-tools": "amazon/ai-tools.md",
    "amazon-writing-culture": "amazon/writing-culture.md",
    # The candidate's journey around the loop.
    "amazon-virtual-interview": "amazon/virtual-interview.md",
    "amazon-after-the-loop": "amazon/after-the-loop.md",
    "amazon-new-graduates": "amazon/new-graduates.md",
}
CITE = re.compile(r"""\{\{\s*cite\(\s*["']([a-z0-9-]+)(?:#[a-z0-9-]+)?["']\s*\)\s*\}\}""")
SOURCED_NUMBER = re.compile(r"""\{\{\s*number\(\s*["']([a-z0-9-]+)["'][^)]*source\s*=\s*true""")


@functools.lru_cache(maxsize=1)
def amazon_nav() -> list[str]:
    """Page paths listed under the Amazon section of the site's nav, in order."""
    return re.findall(r"amazon/[a-z0-9/-]+\.md", str(section(site_nav(), "Amazon")))


def markdown(page: str) -> str:
    return (ROOT / "docs" / page).read_text(encoding="utf-8")


def built(site: Path, page: str) -> Path:
    return site / page.removesuffix(".md") / "index.html"


@pytest.mark.parametrize(("gid", "doc"), PROCESS_PAGES.items(), ids=list(PROCESS_PAGES))
def test_page_is_registered_under_its_contract_id_and_in_the_amazon_nav(gid, doc, site_data: SiteData):
    guide = site_data.guide(gid)
    assert (guide.page, guide.kind) == (doc, "section")
    assert doc in amazon_nav(), f"{doc} is not in the Amazon section of the nav"


@pytest.mark.parametrize("doc", PROCESS_PAGES.values(), ids=list(PROCESS_PAGES))
def test_page_cites_known_sources(doc, site_data: SiteData):
    text = markdown(doc)
    cited = set(CITE.findall(text))
    numbers = {(site_data.number(nid).cite or "").split("#")[0] or None for nid in SOURCED_NUMBER.findall(text)} - {
        None
    }
    assert cited | numbers, f"{doc} cites no source"
    unknown = sorted(cited - set(site_data.sources))
    assert not unknown, f"{doc} cites unknown sources {unknown}"


def test_overview_links_to_every_process_page():
    text = markdown("amazon/index.md")
    for gid in PROCESS_PAGES:
        assert f'guide_link("{gid}")' in text, gid


@pytest.mark.parametrize("doc", PROCESS_PAGES.values(), ids=list(PROCESS_PAGES))
def test_built_page_shows_dated_https_citations(built_site: Path, doc, site_data: SiteData):
    html = main_content(built(built_site, doc))
    # A citation ends with its "checked" span and its own: a secondary source's label is a span inside it.
    cites = re.findall(r'<span class="guide-cite">.*?</span></span>', html, re.S)
    assert cites, f"{doc} shows no citation"
    for cite in cites:
        assert re.search(r'href="https://', cite) and re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', cite), cite
    h1 = [t for tag, _, t in elements(built(built_site, doc)) if tag == "h1"]
    assert h1 == [next(g.title for g in site_data.guides if g.page == doc)]


# --------------------------------------------------------------------------- the worked example runs


def example_namespace(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Run the page's Python blocks in order, as a reader would paste them into one module."""
    blocks = re.findall(r"```python\n(.*?)```", markdown(PROCESS_PAGES["amazon-object-oriented-design"]), re.S)
    assert len(blocks) >= 2, "the parking lot sketch and its usage"
    module = types.ModuleType("parking_lot_example")
    monkeypatch.setitem(sys.modules, module.__name__, module)  # dataclasses resolve annotations through it
    for block in blocks:
        exec(compile(block, "object-oriented-design.md", "exec"), module.__dict__)  # noqa: S102 - our own page's example
    return module.__dict__


def test_the_parking_lot_example_runs_and_behaves_as_the_page_says(monkeypatch):
    ns = example_namespace(monkeypatch)
    size, vehicle, spot = ns["SpotSize"], ns["Vehicle"], ns["Spot"]
    lot = ns["ParkingLot"](
        levels=[ns["Level"](1, [spot("S", size.SMALL), spot("C", size.COMPACT), spot("L", size.LARGE)])],
        fees=ns["HourlyRate"]({size.SMALL: 100, size.COMPACT: 200, size.LARGE: 400}),
    )
    start = datetime(2026, 12, 4, 9, 0)
    car = lot.enter(vehicle("CAR", size.COMPACT), start)
    assert car.spot.spot_id == "C"  # the smallest spot that fits
    assert lot.enter(vehicle("VAN", size.LARGE), start).spot.spot_id == "L"
    with pytest.raises(ns["LotFull"]):
        lot.enter(vehicle("CAR-2", size.COMPACT), start)
    assert lot.leave(car.ticket_id, start + timedelta(minutes=61)) == 2 * 200  # a started hour is charged in full
    assert lot.levels[0].free_count(size.COMPACT) == 1
    with pytest.raises(KeyError):
        lot.leave(car.ticket_id, start)  # a ticket cannot be used twice
    assert ns["fee"] == 2 * 200  # the usage block's 90 minutes on a compact spot
