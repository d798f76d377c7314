"""How each worked coding problem's solution grows with its input, against the complexity it states.

    python -m bench.growth            # this section alone, printed as Markdown
    python -m bench.run ...           # the whole benchmark, this section included

Each problem's YAML states ``complexity.growth``: how the run time of its entry on
``random_case(rng, n)`` grows with n. The benchmark finds a size n at which one call takes
long enough to time (at least MIN_CALL_SECONDS, or n reaches MAX_N), then times the entry at
n, 2n, 4n and 8n: each size's input is drawn once from a fixed seed, each timing is the median
of REPEATS runs in CPU time (each run calls the entry enough times to last MIN_RUN_SECONDS, with
the garbage collector off, and the sizes take turns), all in one process and one run, so the
machine's speed cancels out of the ratios. It reports the measured ratio T(2n)/T(n) of each
doubling beside the ratio the stated growth implies, and names every problem whose median
ratio is further than a factor of TOLERANCE from it. For exponential growth ("2^n", "n!")
doubling n is out of reach; those are timed at n and n + 1 (small n) and the implied ratio is
2 or n + 1.

A timing is not a test: this runs in ``make bench``, never in ``make test``.
"""

from __future__ import annotations

import gc
import importlib
import itertools
import json
import math
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .common import ROOT, log

MIN_CALL_SECONDS = 0.004  # a call at the starting size must last this long (or n reaches MAX_N)
MAX_N = 1 << 14
MIN_RUN_SECONDS = 0.03  # each timed run repeats the call until it lasts this long
REPEATS = 7
MAX_LOOPS = 2000  # calls per timed run, at most
DOUBLINGS = 3  # n -> 2n -> 4n -> 8n: three ratios
TOLERANCE = 1.6  # a measured median ratio within [implied / 1.6, implied * 1.6] agrees
EXPONENTIAL = ("2^n", "n!")
SEED = 20261207


@dataclass
class Growth:
    problem: str
    title: str
    growth: str
    stated: str  # the time complexity as the page states it
    sizes: list[int] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)  # median seconds per call at each size
    implied: list[float] = field(default_factory=list)  # the ratio the growth implies for each step
    error: str = ""

    @property
    def ratios(self) -> list[float]:
        return [b / a if a > 0 else math.inf for a, b in itertools.pairwise(self.seconds)]

    @property
    def measured(self) -> float:
        return statistics.median(self.ratios) if self.ratios else math.nan

    @property
    def expected(self) -> float:
        return statistics.median(self.implied) if self.implied else math.nan

    @property
    def agrees(self) -> bool:
        if self.error or not self.ratios:
            return False
        return self.expected / TOLERANCE <= self.measured <= self.expected * TOLERANCE


def implied_ratio(growth: str, n: int, m: int) -> float:
    """f(m) / f(n) for the stated growth f."""
    f: dict[str, Callable[[int], float]] = {
        "1": lambda x: 1.0,
        "log n": lambda x: math.log2(x),
        "n": lambda x: float(x),
        "n log n": lambda x: x * math.log2(x),
        "n^2": lambda x: float(x) ** 2,
        "n^3": lambda x: float(x) ** 3,
        "2^n": lambda x: 2.0**x,
        "n!": lambda x: float(math.factorial(x)),
    }
    return f[growth](m) / f[growth](n)


def _copy(args: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(args))


@dataclass
class _Timed:
    """One size's input, prepared once, and its runs."""

    args: dict[str, Any]
    loops: int
    mutates: bool
    runs: list[float] = field(default_factory=list)


def _prepare(entry: Callable[..., Any], args: dict[str, Any]) -> _Timed:
    probe = _copy(args)
    single = _one(entry, probe)
    loops = max(1, min(MAX_LOOPS, math.ceil(MIN_RUN_SECONDS / max(single, 1e-7))))
    return _Timed(args, loops, mutates=probe != args)


def _run(entry: Callable[..., Any], timed: _Timed) -> None:
    """One timed run: ``loops`` calls, in CPU seconds of this process per call.

    An entry that leaves its arguments as they were is called on the same copy each time; one
    that changes them (sorts a list in place, say) gets a fresh copy per call, made outside the
    timed part, so each call does the same work and memory holds one copy. CPU time, not wall
    time: on a shared machine, time spent waiting for a core is not the solution's.
    """
    shared = _copy(timed.args)
    total = 0.0
    gc.collect()
    gc.disable()
    try:
        if timed.mutates:
            for _ in range(timed.loops):
                fresh = _copy(timed.args)
                start = time.process_time()
                entry(**fresh)
                total += time.process_time() - start
        else:
            start = time.process_time()
            for _ in range(timed.loops):
                entry(**shared)
            total = time.process_time() - start
    finally:
        gc.enable()
    timed.runs.append(total / timed.loops)


def time_sizes(entry: Callable[..., Any], inputs: list[dict[str, Any]]) -> list[float]:
    """Median CPU seconds per call at each size. The sizes take turns, one run each per round, so
    a busy moment on the machine slows every size alike instead of one."""
    prepared = [_prepare(entry, args) for args in inputs]
    for _ in range(REPEATS):
        for timed in prepared:
            _run(entry, timed)
    return [statistics.median(t.runs) for t in prepared]


def _one(entry: Callable[..., Any], args: dict[str, Any]) -> float:
    """Seconds for one call on ``args`` (which the call may change)."""
    start = time.perf_counter()
    entry(**args)
    return time.perf_counter() - start


def sizes_for(
    growth: str, entry: Callable[..., Any], case: Callable[[random.Random, int], dict[str, Any]]
) -> list[int]:
    if growth in EXPONENTIAL:
        n = 6
        while n < 14 and _one(entry, _copy(case(random.Random(SEED), n))) < MIN_CALL_SECONDS:
            n += 1
        return [n + i for i in range(DOUBLINGS + 1)]
    n = 16
    while n < MAX_N:
        took = _one(entry, _copy(case(random.Random(SEED), n)))
        if took >= MIN_CALL_SECONDS:
            break
        n *= 2
    return [n * 2**i for i in range(DOUBLINGS + 1)]


def measure(project: Path = ROOT) -> list[Growth]:
    """Every problem's growth, in the order the pages list them."""
    from macros.coding import load_coding
    from macros.data import load_site

    site = load_site(project / "data")
    coding = load_coding(project / "data", site, project)
    if str(project) not in sys.path:
        sys.path.insert(0, str(project))
    results = []
    for problem in coding.problems:
        row = Growth(problem.id, problem.title, problem.complexity.growth, problem.complexity.time)
        try:
            module = importlib.import_module(f"coding.problems.{problem.module}")
            entry = getattr(module, problem.entry)
            row.sizes = sizes_for(row.growth, entry, module.random_case)
            row.seconds = time_sizes(entry, [module.random_case(random.Random(SEED + n), n) for n in row.sizes])
            row.implied = [implied_ratio(row.growth, a, b) for a, b in itertools.pairwise(row.sizes)]
        except Exception as exc:  # noqa: BLE001 - a broken solution is reported, not allowed to stop the benchmark
            row.error = f"{type(exc).__name__}: {exc}"
        log(f"  growth {problem.id}: n={row.sizes} ratios={[round(r, 2) for r in row.ratios]} stated {row.growth}")
        results.append(row)
    return results


def _fmt_ratio(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.2f}"


def markdown(rows: list[Growth]) -> list[str]:
    """The report's section: one row per problem, and the problems whose growth disagrees."""
    out = [
        "## Coding solutions: growth against stated complexity",
        "",
        (
            f"Each solution timed on its own random inputs at n, 2n, 4n and 8n (n and n + 1 for exponential growth), "
            f"median of {REPEATS} runs per size, in one process. **Measured** is the median of the ratios between "
            f"successive sizes; **implied** is the ratio the stated growth gives for the same sizes. They agree within a "
            f"factor of {TOLERANCE}. Small sizes carry fixed costs (function calls, building the input's nodes), so a "
            "measured ratio a little under the implied one is normal."
        ),
        "",
        "| Problem | Stated time | Growth | Sizes | Ratios | Measured | Implied | Agrees |",
        "| --- | --- | --- | --- | --- | --: | --: | --- |",
    ]
    for r in rows:
        sizes = ", ".join(str(n) for n in r.sizes) or "-"
        ratios = ", ".join(f"{x:.2f}" for x in r.ratios) or r.error or "-"
        verdict = "yes" if r.agrees else "**NO**"
        out.append(
            f"| {r.title} | `{r.stated}` | `{r.growth}` | {sizes} | {ratios} | {_fmt_ratio(r.measured)} | {_fmt_ratio(r.expected)} | {verdict} |"
        )
    out.append("")
    wrong = [r for r in rows if not r.agrees]
    if wrong:
        out.append(
            "**Disagree with their stated growth:** "
            + "; ".join(
                f"{r.title} ({r.error or f'measured {_fmt_ratio(r.measured)}, implied {_fmt_ratio(r.expected)}'})"
                for r in wrong
            )
            + "."
        )
    else:
        out.append(f"**Every solution grows as its stated complexity says** (all {len(rows)} checked).")
    out.append("")
    return out


def main() -> int:
    rows = measure()
    print("\n".join(markdown(rows)))
    return 0 if all(r.agrees for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
