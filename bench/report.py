"""Turn one benchmark run into BENCHMARKS.md."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeGuard
from urllib.parse import urlsplit

from .common import (
    GOAL_BUILD_RATIO,
    GOAL_OTHER_CATEGORIES,
    GOAL_OWN_ASSETS_GZIP,
    GOAL_PERF_DESKTOP,
    GOAL_PERF_MOBILE,
    GOAL_SEARCH_MEDIAN_MS,
    PERF_BEHIND_BASELINE,
    PRESETS,
    kib,
    median,
)
from .growth import markdown as growth_section
from .lighthouse import CATEGORIES, Report, Request
from .search import GOAL_HELD_OUT_MRR, GOAL_HELD_OUT_P1, ROUNDS, findability_section

if TYPE_CHECKING:
    from .results import BuildSeries, PageSpeed, Results

CATEGORY_NAMES = {"performance": "Perf", "accessibility": "A11y", "best-practices": "Best pr.", "seo": "SEO"}


@dataclass(frozen=True)
class Goal:
    name: str
    site: str
    baseline: str
    target: str
    met: bool
    why: str = ""


def _yes(met: bool) -> str:
    return "**yes**" if met else "**NO**"


def _table(header: Iterable[str], rows: Iterable[Iterable[object]], align: str = "") -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |"]
    lines.append(
        "| "
        + " | ".join(
            (align[i] if i < len(align) else "-").replace("-", "---").replace(">", "--:") for i in range(len(header))
        )
        + " |"
    )
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


# --------------------------------------------------------------------------- goals


def build_goals(builds: list[BuildSeries]) -> list[Goal]:
    goals = []
    for series in builds:
        ratio = median(series.site) / median(series.baseline)
        goals.append(
            Goal(
                f"Build CPU time, site / baseline, {series.label}",
                f"{median(series.site):.2f} s",
                f"{median(series.baseline):.2f} s",
                f"ratio ≤ {GOAL_BUILD_RATIO}",
                ratio <= GOAL_BUILD_RATIO,
                f"ratio {ratio:.3f}",
            )
        )
    return goals


def _page_goal(pg: PageSpeed, preset: str, cat: str) -> tuple[int, int]:
    target = GOAL_OTHER_CATEGORIES
    if cat == "performance":
        target = GOAL_PERF_MOBILE if preset == "mobile" else GOAL_PERF_DESKTOP
    rep = pg.site.get(preset)
    return (rep.scores.get(cat, 0) if rep and not rep.error else 0), target


def lighthouse_goals(pages: list[PageSpeed]) -> list[Goal]:
    goals = []
    for preset in PRESETS:
        for cat in CATEGORIES:
            worst: tuple[int, str] | None = None
            for pg in pages:
                score, target = _page_goal(pg, preset, cat)
                if worst is None or score < worst[0]:
                    worst = (score, pg.name)
            if worst is None:
                continue
            _, target = _page_goal(pages[0], preset, cat)
            base_scores = [
                pg.baseline[preset].scores.get(cat, 0)
                for pg in pages
                if preset in pg.baseline and not pg.baseline[preset].error
            ]
            goals.append(
                Goal(
                    f"Lighthouse {CATEGORY_NAMES[cat]}, {preset} (lowest page)",
                    f"{worst[0]} ({worst[1]})",
                    str(min(base_scores)) if base_scores else "-",
                    f"≥ {target}",
                    worst[0] >= target,
                )
            )
    return goals


# --------------------------------------------------------------------------- the per-page rule

METRIC_NAMES = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "Speed Index",
}
OWN_FOLDERS = ("stylesheets/", "javascripts/", "generated/")  # ours, as served; Material's live under assets/


def _ok(rep: Report | None) -> TypeGuard[Report]:
    return rep is not None and not rep.error


def own_requests(rep: Report) -> list[Request]:
    """The requests for our own CSS and JavaScript in one page load."""
    return [r for r in rep.requests if urlsplit(r.url).path.lstrip("/").startswith(OWN_FOLDERS)]


def own_bytes(rep: Report, inline: int) -> int:
    """Our CSS and JavaScript as transferred, plus the inline script every page carries."""
    return sum(r.transfer_bytes for r in own_requests(rep)) + inline


def inline_bytes(res: Results) -> int:
    return sum(a.gzip for a in res.own_assets if "(inline" in a.path)


@dataclass(frozen=True)
class PageRule:
    name: str
    kind: str
    site_perf: int | None
    base_perf: int | None
    other_ok: bool  # accessibility, best practices and SEO at 100, mobile and desktop
    own: int | None  # bytes of our CSS and JS the page loads (desktop run)
    speed_ok: bool
    weight_ok: bool
    causes: tuple[str, ...]

    @property
    def met(self) -> bool:
        return self.speed_ok and self.other_ok and self.weight_ok


def metric_losses(site: Report, base: Report) -> list[tuple[float, str]]:
    """Performance points the site loses to the baseline, per metric, largest first, each with its values."""
    losses = []
    for metric, weight in site.metric_weights.items():
        lost = (base.metric_scores.get(metric, 0) - site.metric_scores.get(metric, 0)) * weight
        if lost >= 0.5:
            s, b = site.metrics.get(metric, "?"), base.metrics.get(metric, "?")
            losses.append((lost, f"{METRIC_NAMES.get(metric, metric)} {s} against {b} (-{lost:.0f} points)"))
    return sorted(losses, reverse=True)


def weight_causes(site: Report) -> list[str]:
    """The largest of our own files the page loads."""
    largest = sorted(own_requests(site), key=lambda r: -r.transfer_bytes)
    return [f"`{urlsplit(r.url).path.lstrip('/')}` {kib(r.transfer_bytes)}" for r in largest[:4]]


def page_rule(pg: PageSpeed, inline: int) -> PageRule:
    site, base = pg.site.get("mobile"), pg.baseline.get("mobile")
    site_perf = site.scores.get("performance") if _ok(site) else None
    base_perf = base.scores.get("performance") if _ok(base) else None
    speed_ok = site_perf is not None and base_perf is not None and site_perf >= base_perf - PERF_BEHIND_BASELINE
    other_ok = all(
        _ok(rep) and all(rep.scores.get(c, 0) >= GOAL_OTHER_CATEGORIES for c in CATEGORIES[1:])
        for rep in (pg.site.get("mobile"), pg.site.get("desktop"))
    )
    desk = pg.site.get("desktop")
    own = own_bytes(desk, inline) if _ok(desk) else None
    weight_ok = pg.kind != "reading" or (own is not None and own <= GOAL_OWN_ASSETS_GZIP)
    causes: list[str] = []
    if not speed_ok and _ok(site) and _ok(base):
        causes += [text for _, text in metric_losses(site, base)]
        if site.observed.get("firstContentfulPaint", 0) >= site.observed.get("domContentLoaded", 1):
            causes.append(
                "the first paint came after the page's scripts ran, so Lighthouse counts their download and run time in FCP and LCP"
            )
    if not other_ok:
        for preset in PRESETS:
            rep = pg.site.get(preset)
            if _ok(rep):
                causes += [
                    f"{preset}: {f.title} {f.detail}".rstrip() for f in rep.findings if f.category != "performance"
                ]
    if not weight_ok and _ok(desk):
        causes.append(f"own CSS and JS {kib(own or 0)}, largest: " + ", ".join(weight_causes(desk)))
    return PageRule(pg.name, pg.kind, site_perf, base_perf, other_ok, own, speed_ok, weight_ok, tuple(causes))


def page_rules(res: Results) -> list[PageRule]:
    inline = inline_bytes(res)
    return [page_rule(pg, inline) for pg in res.pages]


def all_goals(res: Results) -> list[Goal]:
    goals = build_goals(res.builds)
    if res.pages:
        rules = page_rules(res)
        behind = [r.name for r in rules if not r.met]
        goals.append(
            Goal(
                f"Every page: mobile Perf ≥ plain Material's − {PERF_BEHIND_BASELINE}, other categories 100, reading pages within the own-assets budget",
                f"{len(rules) - len(behind)} of {len(rules)} pages",
                "same page, same run",
                "all pages",
                not behind,
                "behind: " + ", ".join(behind) if behind else "",
            )
        )
        goals += lighthouse_goals(res.pages)
        reading = [(r.own, r.name) for r in rules if r.kind == "reading" and r.own is not None]
        if reading:
            own, name = max(reading)
            goals.append(
                Goal(
                    "Own CSS + JS a reading page loads (gzip, heaviest page)",
                    f"{kib(own)} ({name})",
                    "0 KB (none)",
                    f"≤ {kib(GOAL_OWN_ASSETS_GZIP)}",
                    own <= GOAL_OWN_ASSETS_GZIP,
                )
            )
    if res.search_site and res.search_baseline:
        s, b = res.search_site, res.search_baseline
        goals.append(
            Goal(
                "Search, last keystroke → first result (median)",
                f"{s.median_ms:.0f} ms (worst {s.worst_ms:.0f})",
                f"{b.median_ms:.0f} ms (worst {b.worst_ms:.0f})",
                f"≤ {GOAL_SEARCH_MEDIAN_MS:.0f} ms",
                s.median_ms <= GOAL_SEARCH_MEDIAN_MS,
            )
        )
    f, fb = getattr(res, "findability_site", None), getattr(res, "findability_baseline", None)
    if f is not None:
        goals.append(
            Goal(
                "Search findability, held-out set: precision at 1 and MRR (tuning set beside it)",
                f"{f.held_out[1]:.1%}, {f.held_out[2]:.3f} (tuning {f.tuning[1]:.1%}, {f.tuning[2]:.3f})",
                f"{fb.held_out[1]:.1%}, {fb.held_out[2]:.3f}" if fb else "-",
                f"≥ {GOAL_HELD_OUT_P1:.0%}, ≥ {GOAL_HELD_OUT_MRR}",
                f.met,
            )
        )
    return goals


# --------------------------------------------------------------------------- sections


def _machine(res: Results) -> list[str]:
    m = res.machine
    rows = [
        ("CPU", m.cpu),
        ("Cores", m.cores),
        ("Memory", f"{m.memory_gib:.1f} GiB"),
        ("OS", m.os),
        ("Load average (1/5/15 min) at start", res.load_before),
        ("Load average at end", res.load_after),
    ]
    rows += list(m.versions.items())
    return ["## Machine", "", *_table(["", ""], rows)]


def _builds(res: Results) -> list[str]:
    out = ["## 1. Build cost", ""]
    out.append(
        "Each build is a fresh `mkdocs build` process (start-up and imports included, as a deploy pays them), "
        "site and baseline alternating, after one uncounted warm-up build of each. The figures are CPU time (user + system) "
        "of the build process: other work on a shared machine stretches the wall clock, shown beside it, but not the CPU time "
        "the build itself needs. The site build is strict. The site keeps nothing between builds but Python's compiled "
        "modules; the *cold* row removes those from the project before every site build, as a fresh clone or CI starts."
    )
    out.append("")
    rows = []
    for s in res.builds:
        ratio = median(s.site) / median(s.baseline)
        wall_ratio = median(s.site_wall) / median(s.baseline_wall)
        rows.append(
            (
                s.label,
                s.pages,
                len(s.site),
                f"{median(s.site):.2f} s",
                f"{median(s.baseline):.2f} s",
                f"**{ratio:.3f}**",
                f"{median(s.site_wall):.2f} / {median(s.baseline_wall):.2f} s ({wall_ratio:.2f})",
            )
        )
    out += _table(
        ["Build", "Pages", "Runs", "Site CPU", "Baseline CPU", "Ratio", "Wall clock, site / baseline (ratio)"],
        rows,
        "-->>>>>",
    )
    for s in res.builds:
        out.append(
            f"- {s.label} runs, CPU s, site: {', '.join(f'{x:.2f}' for x in s.site)}; "
            f"baseline: {', '.join(f'{x:.2f}' for x in s.baseline)}"
        )
    out.append("")
    return out


def _score_cell(rep: Report | None, cat: str) -> str:
    if rep is None:
        return "-"
    if rep.error:
        return "error"
    score = str(rep.scores.get(cat, "-"))
    if cat == "performance" and rep.runs > 1:
        score += " (median of " + ", ".join(str(x) for x in sorted(rep.all_performance)) + ")"
    return score


def _cpu_cell(rep: Report | None) -> str:
    if rep is None or rep.error:
        return "-"
    index = rep.calibration_index if rep.calibration_index is not None else rep.benchmark_index
    return f"{index:.0f}, {rep.cpu_slowdown:g}x"


def _lighthouse(res: Results) -> list[str]:
    out = ["## 3. Page speed (Lighthouse)", ""]
    out.append(
        "Served from 127.0.0.1 by `bench/serve.py` (gzip for text, like a real host). Lighthouse flags: "
        "`--headless=new --no-sandbox --disable-gpu`; mobile is Lighthouse's default emulation and throttling, desktop is "
        "`--preset=desktop`. Each cell is site / baseline: every page is also run on the baseline (a practice page there is its "
        "text without the tool's script). Every mobile cell is the median of several runs, for the site and the baseline alike "
        "(Lighthouse advises the median of several runs); a desktop page whose first run misses its goal by 5 points or fewer "
        "is run twice more and the median run is reported."
    )
    out.append("")
    if res.cpu_slowdown is not None:
        out.append(f"Mobile CPU slowdown: **{res.cpu_slowdown}x**, given on the command line.")
    else:
        out.append(
            "Mobile CPU slowdown: Lighthouse's default of 4x assumes a fast, idle desktop host. Right before each mobile run "
            "the bench measures this machine's benchmark index in Chromium (Lighthouse's own `computeBenchmarkIndex`) and "
            "sets `--throttling.cpuSlowdownMultiplier` from Lighthouse's CPU-throttling bands (150 → 1x, 800 → 2x, "
            "1300 → 3x, +1x per 233, never above the default 4x), so a busy machine does not count against the page; the "
            "column *CPU* shows the index and the multiplier of the reported run. Below an index of about 150 the "
            "machine is slower than the target phone even unthrottled, and the scores say more about the machine than "
            "about the page."
        )
    out.append("")
    rows = []
    for pg in res.pages:
        for preset in PRESETS:
            site, base = pg.site.get(preset), pg.baseline.get(preset)
            cells = [f"{_score_cell(site, c)} / {_score_cell(base, c)}" for c in CATEGORIES]
            metrics = site.metrics if site and not site.error else {}
            rows.append(
                (
                    pg.name if preset == "mobile" else "",
                    preset,
                    *cells,
                    metrics.get("first-contentful-paint", "-"),
                    metrics.get("largest-contentful-paint", "-"),
                    metrics.get("total-blocking-time", "-"),
                    metrics.get("cumulative-layout-shift", "-"),
                    _cpu_cell(site),
                )
            )
    out += _table(["Page", "Preset", "Perf", "A11y", "Best pr.", "SEO", "FCP", "LCP", "TBT", "CLS", "CPU"], rows)
    findings = []
    for pg in res.pages:
        for preset, rep in pg.site.items():
            if rep.error:
                findings.append(
                    f"- {pg.name}, {preset}: Lighthouse failed: `{rep.error.splitlines()[-1] if rep.error else ''}`"
                )
                continue
            for f in rep.findings:
                findings.append(
                    f"- {pg.name}, {preset}, {CATEGORY_NAMES[f.category]}: {f.title} ({f.score:.2f}) {f.detail}".rstrip()
                )
    if findings:
        out += ["Audits below full marks on the site's pages:", "", *findings, ""]
    return out


def _weight(res: Results) -> list[str]:
    out = ["## 4. Weight", ""]
    if res.pages:
        out.append(
            "Bytes transferred (gzip as served) and requests for one cold page load, from the desktop Lighthouse run."
        )
        out.append("")
        rows = []
        inline = inline_bytes(res)
        for pg in res.pages:
            site, base = pg.site.get("desktop"), pg.baseline.get("desktop")
            if not _ok(site):
                continue
            rows.append(
                (
                    pg.name,
                    kib(site.transfer_bytes),
                    kib(base.transfer_bytes) if _ok(base) else "-",
                    len(site.requests),
                    len(base.requests) if _ok(base) else "-",
                    kib(own_bytes(site, inline)),
                )
            )
        out += _table(
            ["Page", "Site", "Baseline", "Site requests", "Baseline requests", "Own CSS + JS loaded"], rows, "->>>>>"
        )
    own = sum(a.gzip for a in res.own_assets)
    out.append(
        f"Every file of the site's own CSS and JavaScript as served (the built stylesheets/ and javascripts/, minified by "
        f"`hooks/minify.py`, and the inline script every page carries), each gzipped on its own, {kib(own)} in all. A page "
        f"loads only some of them (the column above); the budget of {kib(GOAL_OWN_ASSETS_GZIP)} applies to what a reading page loads."
    )
    out.append("")
    out += _table(["File", "Raw", "Gzip"], [(f"`{a.path}`", kib(a.raw), kib(a.gzip)) for a in res.own_assets], "->>")
    return out


def _rules(res: Results) -> list[str]:
    out = ["## 2. The rule for every page", ""]
    out.append(
        f"Each page against the same page on plain Material, in this run: its median mobile performance (of "
        f"{_mobile_runs(res)} Lighthouse runs each) at most {PERF_BEHIND_BASELINE} points below the baseline's median; "
        f"accessibility, best practices and SEO at 100 on mobile and desktop; and on reading pages (not the practice "
        f"tools, whose scripts are the page), our own CSS and JavaScript as loaded (gzip, with the inline palette "
        f"script) within {kib(GOAL_OWN_ASSETS_GZIP)}. A page that falls behind is named with its causes: the metrics "
        f"that lose it the most points against the baseline, and for weight, its largest files of ours."
    )
    out.append("")
    rows = []
    for r in page_rules(res):
        rows.append(
            (
                r.name,
                r.site_perf if r.site_perf is not None else "error",
                r.base_perf if r.base_perf is not None else "error",
                "100" if r.other_ok else "**below 100**",
                (kib(r.own) + ("" if r.kind == "reading" else " (tool)")) if r.own is not None else "-",
                _yes(r.met),
                "; ".join(r.causes) if r.causes else "",
            )
        )
    out += _table(
        ["Page", "Perf, mobile", "Baseline", "A11y, BP, SEO", "Own CSS + JS", "Met", "Cause when behind"],
        rows,
        "->>->--",
    )
    return out


def _mobile_runs(res: Results) -> int:
    counts = [pg.site["mobile"].runs for pg in res.pages if "mobile" in pg.site]
    return max(counts) if counts else 0


def _before_after(res: Results, before: Results) -> list[str]:
    earlier = {pg.path: pg for pg in before.pages}
    out = ["## Before and after", ""]
    out.append(
        f"The pages of an earlier run of this benchmark ({before.started:%Y-%m-%d %H:%M} UTC, passed with `--before`) beside "
        "this run's: site's mobile median and its metrics, the baseline's mobile median in the same run, and bytes "
        "transferred (desktop run)."
    )
    out.append("")

    def cells(pg: PageSpeed) -> tuple[str, str, str]:
        m, b, d = pg.site.get("mobile"), pg.baseline.get("mobile"), pg.site.get("desktop")
        if not _ok(m):
            return ("-", "-", "-")
        metrics = ", ".join(
            f"{METRIC_NAMES[k]} {m.metrics.get(k, '-')}"
            for k in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
        )
        base = str(b.scores.get("performance")) if _ok(b) else "-"
        return (f"**{m.scores.get('performance')}** ({metrics})", base, kib(d.transfer_bytes) if _ok(d) else "-")

    rows = []
    for pg in res.pages:
        old = earlier.get(pg.path)
        if old is None:
            continue
        (bp, bb, bk), (ap, ab, ak) = cells(old), cells(pg)
        rows.append((pg.name, bp, bb, bk, ap, ab, ak))
    out += _table(
        ["Page", "Before: site", "Before: baseline", "Before: bytes", "After: site", "After: baseline", "After: bytes"],
        rows,
        "-->>->>",
    )
    return out


def _search(res: Results) -> list[str]:
    s, b = res.search_site, res.search_baseline
    if not (s and b):
        return []
    out = ["## 5. Search", ""]
    out.append(
        "Chromium (Playwright), desktop viewport, on the home page. Each query is typed into an empty search box with 100 ms between "
        "key presses, each key held down for those 100 ms as Playwright types; the figure is from the last key press to the next "
        "frame after the result list first changes with the search worker's answer to the whole query (answers to its prefixes do "
        "not count). Plain Material starts a query when a key is released, so its figure includes the 100 ms the key is held; the "
        "site starts it as soon as the character is in the box (`docs/javascripts/site.js`). "
        + (
            f"Every query runs {ROUNDS} times, after a warm-up query."
            if ROUNDS > 1
            else "Every query runs once, after a warm-up query."
        )
    )
    out.append("")
    out += _table(
        ["", "Site", "Baseline"],
        [
            ("Median", f"{s.median_ms:.0f} ms", f"{b.median_ms:.0f} ms"),
            ("Worst", f"{s.worst_ms:.0f} ms", f"{b.worst_ms:.0f} ms"),
            ("Index size, raw", kib(s.index_raw), kib(b.index_raw)),
            ("Index size, gzip", kib(s.index_gzip), kib(b.index_gzip)),
        ],
        "->>",
    )
    base = {t.query: t.ms for t in b.timings}
    rows = []
    for t in s.timings:
        bm = base.get(t.query, [])
        rows.append(
            (
                t.query,
                f"{median(t.ms):.0f}" if t.ms else "no answer",
                f"{max(t.ms):.0f}" if t.ms else "-",
                f"{median(bm):.0f}" if bm else "no answer",
            )
        )
    out += _table(["Query", "Site median ms", "Site worst ms", "Baseline median ms"], rows, "->>>")
    return out


def _runner(res: Results) -> list[str]:
    r = getattr(res, "runner", None)
    if r is None:
        return []
    out = ["## 8. The code runner's first use", ""]
    out.append(
        f"On `/{r.page}`, in Chromium (Playwright), desktop viewport, served with gzip by the benchmark's server (which leaves "
        "`.wasm` and `.zip` uncompressed, as their own formats are). Nothing of the runner loads before the candidate presses "
        "*Open the editor*; the editor loads then, and Python on the first press of *Run the tests*. **Cold**: a new browser "
        "profile, from the press of Run to the first row of results, the runtime's download and start included. **Warm**: the "
        f"same profile on a new page, the runtime from the HTTP cache. Median of {len(r.cold_ms)} of each."
    )
    out.append("")
    out += _table(
        ["", "Value"],
        [
            ("First Run to first result, cold", f"{r.cold:.0f} ms"),
            ("First Run to first result, warm", f"{r.warm:.0f} ms"),
            ("Transferred on first use (median)", kib(int(median([float(t) for t in r.transferred])))),
            ("Runtime files, raw", kib(r.raw)),
            ("Runtime files, gzip", kib(r.gzipped)),
        ],
        "->",
    )
    out += _table(["File", "Raw", "Gzip"], [(f"`{f.path}`", kib(f.raw), kib(f.gzipped)) for f in r.files], "->>")
    out.append("")
    return out


def _repeat(res: Results) -> list[str]:
    visits = getattr(res, "repeat_visits", [])  # results pickled before repeat visits were measured have none
    if not visits:
        return []
    from .repeat import KINDS, RUNS

    out = ["## 7. Repeat visits", ""]
    out.append(
        "A second visit to the same page in the same browser profile, on a phone-sized window, the network throttled as "
        "Lighthouse's mobile preset throttles it (150 ms round trip, 1.6 Mbps) and the CPU not: *warm* right after the first "
        "visit, while the HTTP cache is fresh (`max-age=600`), and *expired* with the HTTP cache cleared, as on a visit more "
        "than ten minutes later. The site's service worker has installed (precached the build) after the first visit; plain "
        "Material has none. First contentful paint from the page's own `paint` entry; bytes are what the server sent during "
        f"the visit, the worker's update check included. Medians of {RUNS} fresh profiles (`bench/repeat.py`)."
    )
    out.append("")
    rows = []
    for rv in visits:
        for kind in KINDS:
            site, base = rv.site[kind], rv.baseline[kind]
            rows.append(
                (
                    rv.name,
                    kind,
                    f"{site.median_fcp:.0f} ms",
                    kib(site.median_bytes),
                    f"{base.median_fcp:.0f} ms",
                    kib(base.median_bytes),
                    "yes" if rv.worker else "**no**",
                )
            )
    out += _table(
        ["Page", "Repeat visit", "Site FCP", "Site bytes", "Baseline FCP", "Baseline bytes", "Worker in control"],
        rows,
        "-->>>>-",
    )
    out.append("")
    return out


def render(res: Results, before: Results | None = None) -> str:
    goals = all_goals(res)
    unmet = [g for g in goals if not g.met]
    out = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {res.started:%Y-%m-%d %H:%M} UTC in {res.seconds / 60:.1f} minutes. "
        "The site is compared, in the same run, with a **baseline**: the same pages (our macros rendered once to plain "
        "Markdown) built with a default Material config: no custom templates, palette, features, extra CSS or JavaScript, "
        "and only MkDocs' default search plugin (with `font: false`, as this machine cannot reach Google Fonts). "
        "Both use the same Markdown extensions and nav.",
        "",
        "## Goals",
        "",
    ]
    out += _table(
        ["Goal", "Site", "Baseline", "Target", "Met"],
        [(g.name, g.site + (f" ({g.why})" if g.why else ""), g.baseline, g.target, _yes(g.met)) for g in goals],
    )
    if unmet:
        out.append("**Not met:** " + "; ".join(g.name for g in unmet) + ". Why: see the findings in each section.")
    else:
        out.append("**Every goal is met.**")
    out.append("")
    out += _machine(res)
    if before is not None and before.pages and res.pages:
        out += _before_after(res, before)
    out += _builds(res)
    if res.pages:
        out += _rules(res)
        out += _lighthouse(res)
    out += _weight(res)
    out += _search(res)
    if getattr(res, "findability_site", None) is not None:
        out += findability_section(
            res.findability_site, None, res.findability_baseline, getattr(res, "findability_alt", None)
        )
    out += _repeat(res)
    out += _runner(res)
    if getattr(res, "growth", None):  # runs pickled before the coding section have none
        out += growth_section(res.growth)
    return "\n".join(out).rstrip() + "\n"
