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
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .common import CHROMIUM, CHROMIUM_ARGS, median

TOPICS = ("sharding", "caching", "STAR", "Bar Raiser")
TYPING_DELAY_MS = 100  # between key presses: a fast typist, about 120 words a minute
ROUNDS = 1  # each query is typed this many times (more rounds cost about a minute each)

_INSTRUMENT = """
(() => {
  const B = (window.__bench = { keys: [], posted: [], answers: [], counts: [], shown: [] });
  addEventListener("keydown", () => B.keys.push(performance.now()), true);
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (ev) => {
        const msg = ev.data;
        if (msg && msg.data && Array.isArray(msg.data.items)) {
          B.answers.push(performance.now());
          B.counts.push(msg.data.items.length);
        }
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
    page.evaluate(
        "() => { const B = window.__bench; B.keys = []; B.posted = []; B.answers = []; B.counts = []; B.shown = []; }"
    )  # type: ignore[attr-defined]
    page.keyboard.type(word, delay=TYPING_DELAY_MS)  # type: ignore[attr-defined]
    try:
        page.wait_for_function(f"() => ({_MEASURE})() !== null", timeout=10_000)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a query that never answers is reported as missing
        return None
    return page.evaluate(_MEASURE)  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- findability
#
# The findability evaluation: bench/search-eval/*.yml holds queries worded as candidates type
# them, each with the page or section it wants. Each query is typed into Material's search box
# and the results are read as the reader sees them; precision at 1 and mean reciprocal rank are
# reported separately for the tuning set and the held-out set.

EVAL_DIR = Path(__file__).resolve().parent / "search-eval"
TUNING_SHARE = 0.6  # of the queries, by a hash of their text; the rest is held out

_GROUPS = """() => [...document.querySelectorAll(".md-search-result__list > .md-search-result__item")].map(li =>
  [...li.querySelectorAll("a.md-search-result__link")].map(a => [
    a.href, parseFloat(a.querySelector("[data-md-score]")?.dataset.mdScore ?? "0")]))"""

# Settled: the box's value was the last query posted and its answer is on screen (or it had none).
_SETTLED = """
() => {
  const B = window.__bench;
  const value = document.querySelector("input.md-search__input").value;
  if (!B.posted.length || B.posted[B.posted.length - 1] !== value || B.answers.length < B.posted.length) return false;
  const i = B.posted.length - 1;
  return B.counts[i] === 0 || B.shown.some(([t]) => t >= B.answers[i]);
}
"""


@dataclass(frozen=True)
class EvalQuery:
    file: str
    query: str
    target: str  # "page/" (the page or any of its sections) or "page/#anchor" (that section)

    @property
    def split(self) -> str:
        return split_of(self.query)

    def met_by(self, link: str) -> bool:
        if "#" in self.target:
            return link == self.target
        return link.split("#", 1)[0] == self.target


def split_of(query: str) -> str:
    """'tuning' or 'held-out', fixed by the query's text: the same query is always in the same set."""
    digest = hashlib.sha256(" ".join(query.split()).casefold().encode("utf-8")).digest()
    return "tuning" if int.from_bytes(digest[:4], "big") / 2**32 < TUNING_SHARE else "held-out"


def load_eval(folder: Path = EVAL_DIR) -> list[EvalQuery]:
    """Every query of every ``*.yml`` in ``folder``, checked; a query twice is an error."""
    out: list[EvalQuery] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(entries, list):
            raise ValueError(f"{path.name}: expected a list of {{query, target}} entries")
        for n, entry in enumerate(entries, 1):
            where = f"{path.name}, entry #{n}"
            if not isinstance(entry, dict) or set(entry) != {"query", "target"}:
                raise ValueError(f"{where}: expected exactly the keys query and target, got {entry!r}")
            query, target = entry["query"], entry["target"]
            if not (isinstance(query, str) and query.strip()):
                raise ValueError(f"{where}: query must be non-empty text")
            if not (isinstance(target, str) and target.split("#")[0].endswith("/") and not target.startswith("/")):
                raise ValueError(
                    f"{where} ({query!r}): target must be a path from the site root ending in '/', optionally with #anchor"
                )
            key = " ".join(query.split()).casefold()
            if key in seen:
                raise ValueError(f"{where}: {query!r} is already in {seen[key]}")
            seen[key] = path.name
            out.append(EvalQuery(path.name, query, target))
    return out


@dataclass(frozen=True)
class EvalAnswer:
    query: EvalQuery
    ranked: list[str]  # every link shown, best first: group by group, by score within a group

    @property
    def rank(self) -> int | None:
        return next((i for i, link in enumerate(self.ranked, 1) if self.query.met_by(link)), None)

    @property
    def first(self) -> str:
        return self.ranked[0] if self.ranked else "no result"


@dataclass(frozen=True)
class EvalScore:
    name: str
    answers: list[EvalAnswer]

    @property
    def size(self) -> int:
        return len(self.answers)

    @property
    def precision_at_1(self) -> float:
        return sum(a.rank == 1 for a in self.answers) / self.size if self.answers else float("nan")

    @property
    def mrr(self) -> float:
        return sum(1 / a.rank for a in self.answers if a.rank) / self.size if self.answers else float("nan")

    @property
    def misses(self) -> list[EvalAnswer]:
        return [a for a in self.answers if a.rank != 1]


@dataclass(frozen=True)
class EvalResult:
    answers: list[EvalAnswer]

    def score(self, split: str) -> EvalScore:
        return EvalScore(split, [a for a in self.answers if a.query.split == split])

    @property
    def tuning(self) -> EvalScore:
        return self.score("tuning")

    @property
    def held_out(self) -> EvalScore:
        return self.score("held-out")


def ranked_links(groups: list[list[tuple[str, float]]], site_url: str) -> list[str]:
    """The links as the reader meets them: groups in order, each group's links by score (ties keep their order)."""
    base = urlsplit(site_url).path.rstrip("/") + "/"
    out = []
    for group in groups:
        for href, _ in sorted(group, key=lambda hs: -hs[1]):
            parts = urlsplit(href)
            path = parts.path[len(base) :] if parts.path.startswith(base) else parts.path.lstrip("/")
            out.append(path + (f"#{parts.fragment}" if parts.fragment else ""))
    return out


def evaluate(url: str, queries: list[EvalQuery]) -> EvalResult:
    """Type each query into Material's search box in Chromium and read the results it shows."""
    from playwright.sync_api import sync_playwright

    answers = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.add_init_script(_INSTRUMENT)
            page.goto(url, wait_until="load")
            box = page.locator("input.md-search__input")
            box.click()
            page.wait_for_function(
                "() => !/initiali[sz]ing/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')",
                timeout=30_000,
            )
            for q in queries:
                page.evaluate(
                    "() => { const B = window.__bench; B.keys = []; B.posted = []; B.answers = []; B.counts = []; B.shown = []; }"
                )
                box.fill(q.query)  # the whole query at once, then one key release: Material reads the box on keyup
                box.press("End")
                try:
                    page.wait_for_function(_SETTLED, timeout=10_000)
                except Exception:  # noqa: BLE001 - no answer in time counts as no result
                    answers.append(EvalAnswer(q, []))
                    continue
                page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
                answers.append(EvalAnswer(q, ranked_links(page.evaluate(_GROUPS), url)))
        finally:
            browser.close()
    return EvalResult(answers)


GOAL_HELD_OUT_P1 = 0.95
GOAL_HELD_OUT_MRR = 0.97
SECTION_TITLE = "## 6. Findability"


@dataclass(frozen=True)
class Findability:
    """One run of the evaluation, with what search cost in the same build: kept as JSON to compare later."""

    tuning: tuple[int, float, float]  # queries, precision at 1, mean reciprocal rank
    held_out: tuple[int, float, float]
    tuning_misses: list[str]
    held_out_misses: list[str]
    latency_median_ms: float | None = None
    latency_worst_ms: float | None = None
    index_raw: int | None = None
    index_gzip: int | None = None

    @classmethod
    def of(cls, res: EvalResult, latency: SearchResult | None = None) -> Findability:
        def row(s: EvalScore) -> tuple[int, float, float]:
            return (s.size, round(s.precision_at_1, 4), round(s.mrr, 4))

        def miss(a: EvalAnswer) -> str:
            return f"`{a.query.query}` → {a.first} (wanted {a.query.target}, rank {a.rank or '> shown'})"

        return cls(
            row(res.tuning),
            row(res.held_out),
            [miss(a) for a in res.tuning.misses],
            [miss(a) for a in res.held_out.misses],
            latency.median_ms if latency else None,
            latency.worst_ms if latency else None,
            latency.index_raw if latency else None,
            latency.index_gzip if latency else None,
        )

    @property
    def met(self) -> bool:
        return self.held_out[1] >= GOAL_HELD_OUT_P1 and self.held_out[2] >= GOAL_HELD_OUT_MRR

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Findability:
        raw = json.loads(text)
        raw["tuning"], raw["held_out"] = tuple(raw["tuning"]), tuple(raw["held_out"])
        return cls(**raw)


def findability_section(
    now: Findability, before: Findability | None = None, baseline: Findability | None = None
) -> list[str]:
    """The findability section of BENCHMARKS.md."""

    def pct(x: float) -> str:
        return f"{x:.1%}"

    out = [SECTION_TITLE, ""]
    out.append(
        "The evaluation of issue 24: the queries in `bench/search-eval/*.yml`, worded as candidates type them (questions from "
        "public interview-question lists, forum questions, paraphrases of the question bank, abbreviations, UK spellings, "
        "typos), each with the page or section it wants. A hash of each query's text puts it in the tuning set (60 %) or the "
        "held-out set (40 %); the search was tuned on the tuning set only. Each query is typed into Material's search box in "
        "Chromium; precision at 1 is the share whose first result (the best-scored link of the first group) is the target, "
        "mean reciprocal rank averages 1/rank of the first link meeting the target in the order the reader sees them (0 if "
        f"not shown). Goal: held-out precision at 1 ≥ {pct(GOAL_HELD_OUT_P1)} and MRR ≥ {GOAL_HELD_OUT_MRR}. "
        "`python -m bench.search --write BENCHMARKS.md` reruns this section alone."
    )
    out.append("")
    cols = [("Before", before), ("Now", now), ("Plain Material", baseline)]
    cols = [(n, f) for n, f in cols if f is not None]
    header = "| Set | " + " | ".join(f"{n}: P@1 | {n}: MRR" for n, _ in cols) + " |"
    out += [header, "| --- |" + " --: | --: |" * len(cols)]
    for label, attr in (("Tuning", "tuning"), ("Held-out", "held_out")):
        cells = []
        for _, f in cols:
            n, p1, mrr = getattr(f, attr)
            cells += [f"{pct(p1)} of {n}", f"{mrr:.3f}"]
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    out.append("")
    if any(f.latency_median_ms is not None for _, f in cols):
        out += ["| Search cost | " + " | ".join(n for n, _ in cols) + " |", "| --- |" + " --: |" * len(cols)]
        out.append(
            "| Latency, last keystroke → results, median (worst) | "
            + " | ".join(
                f"{f.latency_median_ms:.0f} ms ({f.latency_worst_ms:.0f})" if f.latency_median_ms is not None else "-"
                for _, f in cols
            )
            + " |"
        )
        out.append(
            "| Index, raw / gzip | "
            + " | ".join(
                f"{f.index_raw / 1024:.1f} KB / {f.index_gzip / 1024:.1f} KB" if f.index_raw else "-" for _, f in cols
            )
            + " |"
        )
        out.append("")
    if not now.met:
        misses = now.tuning_misses + now.held_out_misses
        own_page = sum(
            1
            for m in misses
            if "#" in m.split("(wanted ")[1]
            and m.split(" → ")[1].split("#")[0].split(" ")[0] == m.split("(wanted ")[1].split("#")[0]
        )
        near = sum(1 for m in misses if m.endswith("rank 2)") or m.endswith("rank 3)"))
        out.append(
            f"**Why the goal is not met, and what would meet it.** Of the {len(misses)} misses of both sets, {own_page} want a section "
            f"and get its own page first: Material multiplies a page's score by up to 5 and a section's by up to 2, so a page "
            f"whose opening shares one word beats its section. {near} have the target second or third. Most of the rest share "
            "a common word with another page's heading: Material OR-s the typed words and weighs a heading 1,000 times running "
            'text, and every typed word is a prefix ("pr" of "PR FAQ" matches "preparation"). Its query syntax can '
            "require a word (`+word`), allow a typo (`word~1`) or drop a word, but only when the reader types it: Material 9 "
            "removed custom query transforms, so no documented extension point can rewrite a query. Index-side changes (the "
            "keywords, families, slips and separator of issue 24) moved the held-out set as shown; raising the keywords to a "
            "heading's weight gained 3 points on the tuning set but put six of `tests/search-queries/` behind (measured "
            "2026-12-07). What would reach 95 %, in the guide's judgment: ranking that requires every typed content word "
            "when some page has them all (AND, then OR as a fallback), synonyms and stemming applied to the query, and no "
            "page-over-section multiplier; that means a search engine the site configures itself (MiniSearch's documented "
            "options, for example, include AND combination, per-term prefix and fuzzy matching and field boosts) in place "
            "of Material's built-in search. Not measured here."
        )
        out.append("")
    out.append(f"**Goal {'met' if now.met else 'NOT met'}.** Misses now, tuning set ({len(now.tuning_misses)}):")
    out.append("")
    out += [f"- {m}" for m in now.tuning_misses] + [""]
    out.append(f"Held-out misses, counted, not tuned on ({len(now.held_out_misses)}):")
    out.append("")
    out += [f"- {m}" for m in now.held_out_misses] + [""]
    return out


def replace_section(text: str, lines: list[str]) -> str:
    """``text`` (BENCHMARKS.md) with its findability section replaced, or appended if it has none."""
    start = text.find(SECTION_TITLE)
    if start < 0:
        return text.rstrip() + "\n\n" + "\n".join(lines).rstrip() + "\n"
    end = text.find("\n## ", start + len(SECTION_TITLE))
    rest = text[end + 1 :] if end >= 0 else ""
    return text[:start] + "\n".join(lines).rstrip() + "\n" + ("\n" + rest if rest else "")


def main(argv: list[str] | None = None) -> int:
    """Just the search section: build the site, then the evaluation and the latency of the usual queries.

    python -m bench.search [--site DIR] [--misses] [--held-out-misses]
    """
    import argparse
    import subprocess
    import sys
    import tempfile

    from .common import PYTHON, ROOT, free_port
    from .serve import Server

    parser = argparse.ArgumentParser(description=main.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    parser.add_argument("--misses", action="store_true", help="list the tuning set's misses")
    parser.add_argument(
        "--held-out-misses",
        action="store_true",
        help="list the held-out set's misses too (count them; do not tune on them)",
    )
    parser.add_argument("--no-latency", action="store_true", help="leave out the latency of the usual queries")
    parser.add_argument("--save", type=Path, help="keep this run's figures as JSON (to pass as --before later)")
    parser.add_argument("--before", type=Path, help="an earlier run's --save file: the section shows both")
    parser.add_argument("--write", type=Path, help="replace the findability section of this file (BENCHMARKS.md)")
    args = parser.parse_args(argv)
    site = args.site
    if site is None:
        site = Path(tempfile.mkdtemp(prefix="search-bench-")) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run(
            [PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, check=True, env=env
        )
    port = free_port()
    with Server(site, port) as url:
        res = evaluate(url, load_eval())
        latency = None if args.no_latency else measure(url, queries(ROOT), site)
    raw, gz = index_size(site)
    for s in (res.tuning, res.held_out):
        print(f"{s.name:9} {s.size:4} queries  P@1 {s.precision_at_1:6.1%}  MRR {s.mrr:.3f}  misses {len(s.misses)}")
    print(f"index {raw / 1024:.1f} KB raw, {gz / 1024:.1f} KB gzip")
    if latency:
        print(f"latency (typed, usual queries): median {latency.median_ms:.0f} ms, worst {latency.worst_ms:.0f} ms")
    found = Findability.of(res, latency)
    if args.save:
        args.save.write_text(found.to_json(), encoding="utf-8")
    if args.write:
        before = Findability.from_json(args.before.read_text(encoding="utf-8")) if args.before else None
        text = args.write.read_text(encoding="utf-8") if args.write.is_file() else ""
        args.write.write_text(replace_section(text, findability_section(found, before)), encoding="utf-8")
    shown = [res.tuning] if args.misses or args.held_out_misses else []
    shown += [res.held_out] if args.held_out_misses else []
    for s in shown:
        for a in s.misses:
            print(
                f"  {s.name}: {a.query.query!r} -> {a.first} (wanted {a.query.target}, rank {a.rank})", file=sys.stdout
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
