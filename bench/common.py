"""Paths, goals and small helpers shared by the benchmark modules."""

from __future__ import annotations

import gzip
import os
import socket
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = ROOT / ".bench"  # scratch space: project snapshots, built sites, Lighthouse reports (gitignored)
PYTHON = sys.executable
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

# Goals. The build may cost up to 1.3x plain Material's CPU time, cold or warm, with nothing
# patched: a faster build bought by patching other projects' internals is not worth its risk.
GOAL_BUILD_RATIO = 1.3  # site build CPU time / baseline build CPU time
# Lighthouse: readers are on phones minutes before an interview; desktop has no excuse.
PRESETS = ("mobile", "desktop")  # Lighthouse runs, in this order
GOAL_PERF_MOBILE = 98
GOAL_PERF_DESKTOP = 100
GOAL_OTHER_CATEGORIES = 100  # accessibility, best practices, SEO
# The per-page rule: each page's median mobile performance at most this many points
# below the same page's on plain Material, measured in the same run.
PERF_BEHIND_BASELINE = 2
# Our CSS and JS a page loads (stylesheets/, javascripts/, generated/ and the inline palette script),
# gzip as transferred: a reading page pays no more than this for what we add to Material. A practice
# page's own tool script is the page's purpose and is reported, not budgeted; the speed rule covers it.
GOAL_OWN_ASSETS_GZIP = 15 * 1024
# Search: about the delay people perceive as instant.
GOAL_SEARCH_MEDIAN_MS = 100.0


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def gzip_size(data: bytes) -> int:
    """Size after gzip at level 6, what typical static hosts send."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KB"
