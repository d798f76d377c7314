"""What one benchmark run measured, kept (pickled) so the report can be rewritten or compared later."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import growth, lighthouse, machine, repeat, runner, search, search_alt, weight


@dataclass
class BuildSeries:
    label: str
    pages: int
    site: list[float] = field(default_factory=list)  # CPU seconds per build
    baseline: list[float] = field(default_factory=list)
    site_wall: list[float] = field(default_factory=list)  # wall-clock seconds per build
    baseline_wall: list[float] = field(default_factory=list)


@dataclass
class PageSpeed:
    name: str
    path: str
    kind: str = "reading"  # "reading" pages carry the own-assets budget; "tool" pages are the practice tools
    site: dict[str, lighthouse.Report] = field(default_factory=dict)
    baseline: dict[str, lighthouse.Report] = field(default_factory=dict)


@dataclass
class Results:
    started: dt.datetime
    machine: machine.Machine
    load_before: str
    load_after: str = ""
    seconds: float = 0.0
    builds: list[BuildSeries] = field(default_factory=list)
    pages: list[PageSpeed] = field(default_factory=list)
    cpu_slowdown: float | None = None  # given on the command line; else calibrated before each mobile run
    search_site: search.SearchResult | None = None
    search_baseline: search.SearchResult | None = None
    findability_site: search.Findability | None = None  # the evaluation of bench/search-eval/
    findability_baseline: search.Findability | None = None
    findability_alt: list[search_alt.AltRun] = field(
        default_factory=list
    )  # the engine measured offline (older pickles lack it)
    own_assets: list[weight.Asset] = field(default_factory=list)
    runner: runner.RunnerResult | None = None  # the code runner's first use (older pickles lack it)
    growth: list[growth.Growth] = field(default_factory=list)  # each coding solution's run time as n doubles
    repeat_visits: list[repeat.RepeatVisit] = field(default_factory=list)
