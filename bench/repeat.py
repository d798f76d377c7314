"""A repeat visit: the site with its service worker installed, beside plain Material's repeat visit.

Readers come back to the guide many times before an interview, often on a
phone with a poor signal; what the service worker changes is the repeat
visit, so that is measured here, in Chromium through Playwright (Lighthouse
measures first visits only: it clears storage before each run).

For each page, site and baseline alike, in a fresh browser profile:

1. a first visit, then a wait until the site's worker has installed (precached
   the build) and controls the page; the baseline has no worker;
2. the repeat visit while the HTTP cache is still fresh (GitHub Pages sends
   ``max-age=600``, as the bench's server does): "warm";
3. the repeat visit once the HTTP cache has expired (a visit more than ten
   minutes later, emulated by clearing the HTTP cache; the worker's caches
   stay): "expired".

Each repeat visit reports the first contentful paint (the page's own
``paint`` entry) and the bytes the server sent during it (counted by the
server, so the worker's own requests, such as its update check, count too).
The page's network is throttled as Lighthouse's mobile preset throttles it
(150 ms round trip, 1.6 Mbps down, 750 kbps up); the CPU is not throttled.
Each figure is the median of :data:`RUNS` profiles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .common import CHROMIUM, CHROMIUM_ARGS, median
from .serve import GzipHandler

RUNS = 3
KINDS = ("warm", "expired")
# Lighthouse's mobile network (its "simulated slow 4G" figures), applied with DevTools' emulation.
NETWORK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
    "uploadThroughput": 750 * 1024 / 8,
}
FCP = "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null"


@dataclass
class Visit:
    fcp_ms: list[float] = field(default_factory=list)
    bytes: list[int] = field(default_factory=list)

    @property
    def median_fcp(self) -> float:
        return median(self.fcp_ms) if self.fcp_ms else float("nan")

    @property
    def median_bytes(self) -> float:
        return median([float(b) for b in self.bytes]) if self.bytes else float("nan")


@dataclass
class RepeatVisit:
    name: str
    path: str
    site: dict[str, Visit] = field(default_factory=lambda: {k: Visit() for k in KINDS})
    baseline: dict[str, Visit] = field(default_factory=lambda: {k: Visit() for k in KINDS})
    worker: bool = False  # whether the site's worker controlled the repeat visits


def _visit(page: Any, url: str) -> tuple[float, int]:
    page.goto("about:blank")  # a new visit, not a reload (which would revalidate the page's files)
    before = GzipHandler.bytes_sent()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)  # the worker's update check, which starts with the navigation
    fcp = page.evaluate(FCP)
    return float(fcp or "nan"), GzipHandler.bytes_sent() - before


def _one(browser: Any, url: str, wait_for_worker: bool) -> tuple[dict[str, tuple[float, int]], bool]:
    context = browser.new_context(viewport={"width": 412, "height": 823})
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        page.goto(url, wait_until="load")
        controlled = False
        if wait_for_worker:
            page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=120_000)
            page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
            controlled = True
        out = {"warm": _visit(page, url)}
        cdp.send("Network.clearBrowserCache")
        out["expired"] = _visit(page, url)
        return out, controlled
    finally:
        context.close()


def measure(site_url: str, base_url: str, pages: list[tuple[str, str]], runs: int = RUNS) -> list[RepeatVisit]:
    """Repeat visits of each (name, path) on the site (its worker installed) and on the baseline."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for name, path in pages:
                rv = RepeatVisit(name, path)
                for _ in range(runs):
                    for root, into, worker in ((site_url, rv.site, True), (base_url, rv.baseline, False)):
                        visits, controlled = _one(browser, root + path, worker)
                        rv.worker = rv.worker or controlled
                        for kind, (fcp, sent) in visits.items():
                            into[kind].fcp_ms.append(fcp)
                            into[kind].bytes.append(sent)
                results.append(rv)
        finally:
            browser.close()
    return results
