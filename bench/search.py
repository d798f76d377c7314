"""Search latency in Chromium: from the last keystroke to the first result on screen.

The page is instrumented before its scripts run: every key press is
timestamped, the search worker's messages are timestamped as they arrive
(Material's worker answers queries in order, one result message per query),
and the result list is watched for changes. For a typed query, the figure is

    (next frame after the first change of the result list that follows the
     worker's answer to the final query) - (last key press)

so intermediate answers to prefixes of the query never count.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import yaml

from .common import CHROMIUM, CHROMIUM_ARGS, median

TOPICS = ("sharding", "caching", "STAR", "Bar Raiser")
TYPING_DELAY_MS = 100  # between key presses: a fast typist, about 120 words a minute
ROUNDS = 1  # each query is typed this many times (more rounds cost about a minute each)

_INSTRUMENT = """
(() => {
  const B = (window.__bench = { keys: [], posted: [], answers: [], shown: [] });
  addEventListener("keydown", () => B.keys.push(performance.now()), true);
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (ev) => {
        const msg = ev.data;
        if (msg && msg.data && Array.isArray(msg.data.items)) B.answers.push(performance.now());
      });
    }
    postMessage(msg, ...rest) {
      if (msg && typeof msg.data === "string") B.posted.push(msg.data);
      return super.postMessage(msg, ...rest);
    }
  };
  const watch = () => {
    const list = document.querySelector(".md-search-result__list");
    if (!list) return requestAnimationFrame(watch);
    new MutationObserver(() => {
      if (!list.children.length) return;
      const t = performance.now();
      requestAnimationFrame(() => B.shown.push([t, performance.now()]));
    }).observe(list, { childList: true });
  };
  document.addEventListener("DOMContentLoaded", watch);
})();
"""

_MEASURE = """
() => {
  const B = window.__bench;
  const value = document.querySelector("input.md-search__input").value;
  const last = B.keys[B.keys.length - 1];
  // Settled: the box's value was the last query posted and every query has its answer.
  if (!B.posted.length || B.posted[B.posted.length - 1] !== value || B.answers.length < B.posted.length) return null;
  const final = B.answers[B.posted.length - 1];
  const shown = B.shown.find(([t]) => t >= final);
  return shown ? shown[1] - last : null;
}
"""


@dataclass(frozen=True)
class SearchTiming:
    query: str
    ms: list[float]


@dataclass(frozen=True)
class SearchResult:
    timings: list[SearchTiming]
    index_raw: int
    index_gzip: int

    @property
    def all_ms(self) -> list[float]:
        return [m for t in self.timings for m in t.ms]

    @property
    def median_ms(self) -> float:
        return median(self.all_ms) if self.all_ms else float("nan")

    @property
    def worst_ms(self) -> float:
        return max(self.all_ms) if self.all_ms else float("nan")


def queries(project: Path) -> list[str]:
    """The 16 principle names from data/principles.yml, then the topic words."""
    principles = yaml.safe_load((project / "data" / "principles.yml").read_text(encoding="utf-8"))
    return [str(p["name"]) for p in principles][:16] + list(TOPICS)


def index_size(site: Path) -> tuple[int, int]:
    data = (site / "search" / "search_index.json").read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def measure(url: str, words: list[str], site: Path, rounds: int = ROUNDS) -> SearchResult:
    from playwright.sync_api import sync_playwright

    timings = {w: [] for w in words}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.add_init_script(_INSTRUMENT)
            page.goto(url, wait_until="load")
            box = page.locator("input.md-search__input")
            box.click()
            page.wait_for_function(
                "() => !/initiali[sz]ing/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')",
                timeout=30_000,
            )
            _type(page, "warm up")  # first query pays for JIT and first layout; not counted
            for _ in range(rounds):
                for word in words:
                    ms = _type(page, word)
                    if ms is not None:
                        timings[word].append(ms)
            context.close()
        finally:
            browser.close()
    raw, gz = index_size(site)
    return SearchResult([SearchTiming(w, ms) for w, ms in timings.items()], raw, gz)


def _type(page: object, word: str) -> float | None:
    """Clear the box, type ``word``, wait for the answer to settle; return the latency in ms."""
    page.keyboard.press("Control+A")  # type: ignore[attr-defined]
    page.keyboard.press("Backspace")  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    page.evaluate("() => { const B = window.__bench; B.keys = []; B.posted = []; B.answers = []; B.shown = []; }")  # type: ignore[attr-defined]
    page.keyboard.type(word, delay=TYPING_DELAY_MS)  # type: ignore[attr-defined]
    try:
        page.wait_for_function(f"() => ({_MEASURE})() !== null", timeout=10_000)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a query that never answers is reported as missing
        return None
    return page.evaluate(_MEASURE)  # type: ignore[attr-defined]
