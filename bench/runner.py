"""The code runner on a worked problem: what its first use downloads, and how long a candidate
waits from the first press of Run to the first test result, cold (nothing cached) and warm (the
runtime in the browser's HTTP cache, a new page, as on the next problem).

Nothing of it loads before first use (tests/test_code_runner.py checks that), so it does not
appear in the page-speed rule; this is what the candidate pays on first use instead.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

from .common import CHROMIUM, CHROMIUM_ARGS, median

PROBLEM = "amazon/coding/problems/lru-cache/"
RUNTIME = (
    "javascripts/vendor/pyodide",
    "javascripts/vendor/codemirror",
    "javascripts/code-runner.js",
    "javascripts/code-runner-worker.js",
    "javascripts/code-runner-harness.py",
)
ROUNDS = 3

# Milliseconds from the press of Run to the first row of results on screen.
_RUN = """
async () => {
  const body = document.querySelector("[data-runner=results] tbody");
  const t0 = performance.now();
  document.querySelector("[data-runner=run]").click();
  await new Promise((ok) => {
    const seen = () => body.children.length ? ok() : requestAnimationFrame(seen);
    seen();
  });
  return performance.now() - t0;
}
"""


@dataclass
class RunnerFile:
    path: str
    raw: int
    gzipped: int


@dataclass
class RunnerResult:
    page: str
    files: list[RunnerFile] = field(default_factory=list)
    cold_ms: list[float] = field(default_factory=list)
    warm_ms: list[float] = field(default_factory=list)
    transferred: list[int] = field(default_factory=list)  # bytes over the wire on each cold first use

    @property
    def raw(self) -> int:
        return sum(f.raw for f in self.files)

    @property
    def gzipped(self) -> int:
        return sum(f.gzipped for f in self.files)

    @property
    def cold(self) -> float:
        return median(self.cold_ms)

    @property
    def warm(self) -> float:
        return median(self.warm_ms)


def runtime_files(site: Path) -> list[RunnerFile]:
    found = []
    for entry in RUNTIME:
        paths = (
            sorted(p for p in (site / entry).rglob("*") if p.is_file()) if (site / entry).is_dir() else [site / entry]
        )
        for p in paths:
            data = p.read_bytes()
            found.append(RunnerFile(p.relative_to(site).as_posix(), len(data), len(gzip.compress(data, 6))))
    return found


def _first_result(page: object, url: str) -> float:
    page.goto(url)  # type: ignore[attr-defined]
    page.get_by_role("button", name="Open the editor").click()  # type: ignore[attr-defined]
    page.locator(".guide-runner .cm-content").wait_for()  # type: ignore[attr-defined]
    return float(page.evaluate(_RUN))  # type: ignore[attr-defined]


def measure(base_url: str, site: Path, rounds: int = ROUNDS) -> RunnerResult:
    from playwright.sync_api import sync_playwright

    res = RunnerResult(PROBLEM, runtime_files(site))
    url = base_url + PROBLEM
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for _ in range(rounds):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                sizes: list[int] = []
                page.on(
                    "requestfinished",
                    lambda r, sizes=sizes: sizes.append(
                        r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"]
                    ),
                )
                page.goto(url)
                page.wait_for_load_state("networkidle")
                sizes.clear()  # the page itself: what follows is the runner's first use
                res.cold_ms.append(_cold(page))
                page.wait_for_load_state("networkidle")
                res.transferred.append(sum(sizes))
                page.close()
                warm = context.new_page()
                res.warm_ms.append(_first_result(warm, url))
                context.close()
        finally:
            browser.close()
    return res


def _cold(page: object) -> float:
    """Open the editor on the page already shown, then time the first Run (the runtime's download included)."""
    page.get_by_role("button", name="Open the editor").click()  # type: ignore[attr-defined]
    page.locator(".guide-runner .cm-content").wait_for()  # type: ignore[attr-defined]
    return float(page.evaluate(_RUN))  # type: ignore[attr-defined]
