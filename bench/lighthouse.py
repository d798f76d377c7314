"""Run Lighthouse 12.2.3 (bench/node_modules) against a served page and read its report."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .common import BENCH, CHROMIUM

LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
DEFAULT_CPU_SLOWDOWN = 4.0  # Lighthouse's mobile default
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


@dataclass(frozen=True)
class Finding:
    category: str
    audit: str
    title: str
    score: float
    detail: str


@dataclass(frozen=True)
class Request:
    url: str
    resource_type: str
    transfer_bytes: int


@dataclass
class Report:
    url: str
    preset: str
    scores: dict[str, int]  # category id -> 0..100
    metrics: dict[str, str]  # audit id -> display value
    benchmark_index: float
    cpu_slowdown: float
    metric_values: dict[str, float] = field(default_factory=dict)  # audit id -> numeric value (ms, or the CLS score)
    metric_scores: dict[str, float] = field(default_factory=dict)  # audit id -> 0..1
    metric_weights: dict[str, float] = field(default_factory=dict)  # audit id -> weight in the performance score
    observed: dict[str, float] = field(
        default_factory=dict
    )  # unthrottled trace: firstContentfulPaint, domContentLoaded (ms)
    requests: list[Request] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    calibration_index: float | None = None  # benchmark index measured just before this run (mobile)
    runs: int = 1  # Lighthouse runs made for this page and preset; this report is the median one
    all_performance: list[int] = field(default_factory=list)

    @property
    def transfer_bytes(self) -> int:
        return sum(r.transfer_bytes for r in self.requests)


def cpu_slowdown_for(benchmark_index: float) -> float:
    """The mobile CPU slowdown that makes this machine emulate Lighthouse's target device.

    Lighthouse's default (4x) assumes a fast desktop host; on a slower or
    busier one it overstates main-thread time. These are the bands of
    Lighthouse's own CPU-throttling calculator (docs/throttling.md):
    150 -> 1x, 800 -> 2x, 1300 -> 3x, then +1x per 233, capped at the default 4x.
    """
    bi = benchmark_index
    if bi >= 1300:
        slowdown = 3 + (bi - 1300) / 233
    elif bi >= 800:
        slowdown = 2 + (bi - 800) / 500
    else:
        slowdown = 1 + (bi - 150) / 650
    # Never harsher than Lighthouse's own default: on a fast, idle host the run is a plain Lighthouse run.
    return min(DEFAULT_CPU_SLOWDOWN, max(1.0, slowdown))


def benchmark_function() -> str:
    """Lighthouse's own ``computeBenchmarkIndex`` (core/lib/page-functions.js), as JavaScript source."""
    source = (LIGHTHOUSE.parent.parent / "core" / "lib" / "page-functions.js").read_text(encoding="utf-8")
    start = source.index("function computeBenchmarkIndex()")
    end = source.index("return (benchmarkIndexGC() + benchmarkIndexNoGC()) / 2;", start)
    return source[start : source.index("}", end) + 1]


class Calibrator:
    """Measures this machine's benchmark index in Chromium right before each mobile run.

    Other work on a shared machine changes how fast it is from minute to
    minute, so one calibration at the start is not enough.
    """

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        from .common import CHROMIUM_ARGS

        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        self._page = self._browser.new_page()
        self._script = f"() => {{ {benchmark_function()}\n return computeBenchmarkIndex(); }}"

    def benchmark_index(self) -> float:
        return float(self._page.evaluate(self._script))

    def close(self) -> None:
        self._browser.close()
        self._pw.stop()


def run(url: str, preset: str, out: Path, cpu_slowdown: float | None = None) -> Report:
    """One Lighthouse run; ``preset`` is ``mobile`` (Lighthouse's default) or ``desktop``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        # Unscored extras that cost seconds per run: screenshots (they feed only the HTML report, which is
        # not written) and the back/forward-cache check (it navigates away and back once more).
        "--disable-full-page-screenshot",
        "--skip-audits=screenshot-thumbnails,final-screenshot,bf-cache",
    ]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    elif cpu_slowdown is not None:
        cmd.append(f"--throttling.cpuSlowdownMultiplier={cpu_slowdown:.2f}")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0 or not out.is_file():
        return Report(url, preset, {}, {}, 0.0, 0.0, error=(proc.stderr or proc.stdout)[-2000:])
    return parse(json.loads(out.read_text(encoding="utf-8")), preset)


def parse(lhr: dict[str, Any], preset: str) -> Report:
    unscored = [cid for cid, cat in lhr["categories"].items() if cat.get("score") is None]
    if unscored:  # e.g. a trace Lighthouse could not read: a failed run, not a score of 0
        return Report(lhr["finalDisplayedUrl"], preset, {}, {}, 0.0, 0.0, error=f"no score for {', '.join(unscored)}")
    audits = lhr["audits"]
    scores = {cid: round((cat["score"] or 0) * 100) for cid, cat in lhr["categories"].items()}
    metrics = {m: audits[m].get("displayValue", "") for m in METRICS if m in audits}
    weights = {
        ref["id"]: float(ref.get("weight", 0))
        for ref in lhr["categories"]["performance"]["auditRefs"]
        if ref.get("weight")
    }
    observed_items = ((audits.get("metrics") or {}).get("details") or {}).get("items") or [{}]
    observed = {
        "firstContentfulPaint": float(observed_items[0].get("observedFirstContentfulPaint", 0)),
        "domContentLoaded": float(observed_items[0].get("observedDomContentLoaded", 0)),
    }
    requests = [
        Request(item["url"], item.get("resourceType", ""), int(item.get("transferSize") or 0))
        for item in audits["network-requests"]["details"]["items"]
        if item["url"].startswith("http")
    ]
    findings = []
    for cid, cat in lhr["categories"].items():
        for ref in cat["auditRefs"]:
            audit = audits[ref["id"]]
            mode = audit.get("scoreDisplayMode")
            if audit.get("score") is None or mode in ("notApplicable", "manual", "informative"):
                continue
            if (ref.get("weight", 0) > 0 and audit["score"] < 1) or (mode == "metricSavings" and audit["score"] < 0.9):
                findings.append(Finding(cid, ref["id"], audit["title"], audit["score"], _detail(audit)))
    settings = lhr["configSettings"]
    return Report(
        url=lhr["finalDisplayedUrl"],
        preset=preset,
        scores=scores,
        metrics=metrics,
        metric_values={
            m: float(audits[m]["numericValue"]) for m in METRICS if m in audits and "numericValue" in audits[m]
        },
        metric_scores={
            m: float(audits[m]["score"]) for m in METRICS if m in audits and audits[m].get("score") is not None
        },
        metric_weights={m: w for m, w in weights.items() if m in METRICS},
        observed=observed,
        benchmark_index=float(lhr["environment"].get("benchmarkIndex", 0)),
        cpu_slowdown=float(settings["throttling"]["cpuSlowdownMultiplier"]),
        requests=requests,
        findings=findings,
        warnings=list(lhr.get("runWarnings", [])),
    )


def _detail(audit: dict[str, Any]) -> str:
    """A short, readable reason: the display value, or the first offending node or URL."""
    if audit.get("displayValue"):
        return str(audit["displayValue"])
    items = (audit.get("details") or {}).get("items") or []
    for item in items:
        node = item.get("node") or {}
        if node.get("snippet"):
            return str(node["snippet"])[:120]
        if item.get("url"):
            return str(item["url"])
    return ""
