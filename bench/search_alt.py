"""What an engine the site configures itself would score on the findability evaluation (issue 24).

Material's built-in search cannot rewrite a query (Material 9 removed custom query transforms),
OR-s the typed words and multiplies a page's score over its sections'. The issue asks to stay on
it, and, if its engine cannot reach the goal, to say what would, with numbers. This measures one
such engine offline, never shipped: MiniSearch (``bench/search-alt/``, pinned in its own
``package-lock.json``) in Node, on the very documents Material indexes (``search/search_index.json``
of the built site: pages and sections, with the keywords ``hooks/search_keywords.py`` files),
configured with what BENCHMARKS.md's earlier note proposed, each ingredient measured:

- pages are ranked by their whole text (title, every heading, every keyword, all the text), and
  within a page its sections by their own score, the words the page's title and keywords do not
  already answer first; a reader sees results grouped by page, as in Material, but no page's
  opening outranks the section that answers the query;
- the typed words are OR-ed, and a document matching more of them scores more (MiniSearch
  multiplies by the number matched); the variant "and-first" requires every word first (AND,
  then OR only when nothing has them all), as the earlier note proposed;
- the word being typed (the last) matches words it begins (prefix); a word the site never uses
  matches words one or two edits away (fuzzy), so slips find their page without an index of slips;
- a word in a title weighs more than a keyword, a keyword more than running text;
- a run of typed words that spells a member of a synonym family in ``data/search.yml`` matches
  any member of that family (query-time expansion), and UK spellings are read as US ones;
- common words are dropped in the index and the query alike; stemming (Porter) is a variant.

The queries, their targets, the hash split and precision at 1 and MRR are bench/search.py's, so
the figures stand beside Material's. Each variant changes one ingredient, to show which matters.
Latency is MiniSearch's ``search`` call in Node (not keystroke to screen in a browser, as
Material's figure is); the index size is what the site would ship for it: the documents with the
families and spellings as JSON, from which the browser builds the index, and beside it MiniSearch's
serialized index, the alternative of shipping it prebuilt.

    python -m bench.search_alt [--site DIR] [--misses] [--tuning-only]
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .common import ROOT
from .search import EvalAnswer, EvalQuery, EvalResult, EvalScore, build_site, load_eval

ALT_DIR = Path(__file__).resolve().parent / "search-alt"
SEARCH_DATA = ROOT / "data" / "search.yml"
ROUNDS = 3  # each query is searched this many times for the latency, after one untimed pass
TOP = 50  # links kept per query (the reciprocal rank of anything lower is under 0.02)

# The configuration measured, tuned on the tuning set only (`--tuning-only` hides the held-out
# figures while tuning). Boosts: a title match outweighs a keyword match, which outweighs text.
FULL = {
    "grouped": True,  # pages ranked by their whole text, each page's sections by their own
    "synonyms": True,  # query-time expansion with data/search.yml's families
    "and_first": False,  # True: AND, then OR only when no document has every word
    "residual": True,  # within a page, the words its title and keywords do not answer pick the section
    "stem": False,  # Porter stemming, index and query (measured: it conflated more than it joined)
    "prefix": "last",  # the word being typed matches longer words it begins ("all": every word)
    "fuzzy": "unknown",  # a word the site never uses matches words 1-2 edits away ("all": every word)
    "weights": {"fuzzy": 0.3, "prefix": 0.4},  # a fuzzy or prefix match counts this share of an exact one
    "boost": {"title": 4, "keywords": 2.5, "text": 1},  # a section's (or a page opening's) fields
    "page_boost": {"title": 4, "headings": 2, "keywords": 2, "text": 1},  # a whole page's
    "bm25": {"k": 1.2, "b": 0.7, "d": 0.5},  # MiniSearch's defaults
}


def _variant(**change: object) -> dict[str, object]:
    return {**FULL, **change}


# name -> (what the row says, the parameters, what the configured engine has that this variant lacks)
VARIANTS: dict[str, tuple[str, dict[str, object], str]] = {
    "full": ("MiniSearch, configured by the site", FULL, ""),
    "flat": (
        "one list of pages and sections, not grouped by page",
        _variant(grouped=False),
        "ranking pages by their whole text, then their sections",
    ),
    "no-keywords": (
        "without the keywords the site files (data/search.yml)",
        _variant(
            boost={k: v for k, v in FULL["boost"].items() if k != "keywords"},  # type: ignore[union-attr]
            page_boost={k: v for k, v in FULL["page_boost"].items() if k != "keywords"},  # type: ignore[union-attr]
        ),
        "the keywords the site files",
    ),
    "no-synonyms": ("without query-time synonyms", _variant(synonyms=False), "query-time synonym families"),
    "no-fuzzy-prefix": (
        "without prefix and fuzzy matching",
        _variant(prefix="none", fuzzy="none"),
        "prefix and fuzzy matching",
    ),
    "and-first": (
        "AND first, OR only when nothing has every word",
        _variant(and_first=True),
        "OR with more words scoring more, instead of AND first",
    ),
    "stemming": ("with Porter stemming", _variant(stem=True), "no stemming, instead of Porter's"),
}


@dataclass(frozen=True)
class AltRun:
    """One variant's scores and costs: kept as JSON beside Material's figures."""

    name: str
    label: str
    ingredient: str  # what the configured engine has that this variant lacks ("" for the engine itself)
    tuning: tuple[int, float, float]  # queries, precision at 1, mean reciprocal rank
    held_out: tuple[int, float, float]
    tuning_misses: list[str] = field(default_factory=list)
    held_out_misses: list[str] = field(default_factory=list)
    median_ms: float = float("nan")  # MiniSearch's search call in Node, per query
    worst_ms: float = float("nan")
    build_ms: float = float("nan")  # indexing every document in Node
    docs_raw: int = 0  # what the site would ship: documents, families and spellings as JSON
    docs_gzip: int = 0
    index_raw: int = 0  # or MiniSearch's serialized index, prebuilt
    index_gzip: int = 0
    unanswerable: dict[str, list[str]] = field(default_factory=dict)  # query -> its words its target's page never uses

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, raw: dict[str, object]) -> AltRun:
        raw = dict(raw)
        raw["tuning"], raw["held_out"] = tuple(raw["tuning"]), tuple(raw["held_out"])  # type: ignore[arg-type]
        return cls(**raw)  # type: ignore[arg-type]


def results_of(queries: list[EvalQuery], ranked: list[list[str]]) -> EvalResult:
    """Each query with the locations the engine returned, best first, scored as Material's are."""
    if len(queries) != len(ranked):
        raise ValueError(f"{len(ranked)} result lists for {len(queries)} queries")
    return EvalResult([EvalAnswer(q, list(r)) for q, r in zip(queries, ranked, strict=True)])


def _row(s: EvalScore) -> tuple[int, float, float]:
    return (s.size, round(s.precision_at_1, 4), round(s.mrr, 4))


def _miss(a: EvalAnswer) -> str:
    return f"`{a.query.query}` → {a.first} (wanted {a.query.target}, rank {a.rank or '> shown'})"


def ensure_installed() -> None:
    """MiniSearch and the stemmer in bench/search-alt/node_modules, from its lock file."""
    if not (ALT_DIR / "node_modules" / "minisearch").is_dir():
        subprocess.run(["npm", "ci", "--prefix", str(ALT_DIR), "--no-audit", "--no-fund"], check=True)


def load_synonyms(path: Path = SEARCH_DATA) -> tuple[list[list[str]], dict[str, str]]:
    """data/search.yml's families and spellings, read as hooks/search_keywords.py reads them."""
    from hooks.search_keywords import load_families

    return load_families(path.parent.parent)


def run(
    site: Path, queries: list[EvalQuery], variants: dict[str, tuple[str, dict[str, object], str]] = VARIANTS
) -> list[AltRun]:
    """Every variant on ``site``'s search index, each query through Node; best first."""
    ensure_installed()
    families, spellings = load_synonyms()
    job = {
        "index": str(site / "search" / "search_index.json"),
        "families": families,
        "spellings": spellings,
        "queries": [q.query for q in queries],
        "targets": [q.target for q in queries],
        "variants": [{"name": n, "params": p} for n, (_, p, _) in variants.items()],
        "rounds": ROUNDS,
        "top": TOP,
    }
    with tempfile.TemporaryDirectory(prefix="search-alt-") as tmp:
        job_file = Path(tmp) / "job.json"
        job_file.write_text(json.dumps(job), encoding="utf-8")
        done = subprocess.run(
            ["node", str(ALT_DIR / "evaluate.mjs"), str(job_file)],
            cwd=ALT_DIR,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"bench/search-alt/evaluate.mjs failed:\n{done.stderr}")
    out = []
    for raw in json.loads(done.stdout):
        res = results_of(queries, raw["ranked"])
        out.append(
            AltRun(
                raw["name"],
                variants[raw["name"]][0],
                variants[raw["name"]][2],
                _row(res.tuning),
                _row(res.held_out),
                [_miss(a) for a in res.tuning.misses],
                [_miss(a) for a in res.held_out.misses],
                raw["median_ms"],
                raw["worst_ms"],
                raw["build_ms"],
                raw["docs_raw"],
                raw["docs_gzip"],
                raw["index_raw"],
                raw["index_gzip"],
                {q.query: words for q, words in zip(queries, raw["absent"], strict=True) if words},
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    parser.add_argument(
        "--misses",
        metavar="VARIANT",
        nargs="?",
        const="full",
        help="list a variant's tuning-set misses (default: full)",
    )
    parser.add_argument("--tuning-only", action="store_true", help="print no held-out figures (while tuning)")
    parser.add_argument("--variant", action="append", choices=list(VARIANTS), help="run only this variant (repeatable)")
    parser.add_argument("--save", type=Path, help="keep the figures as JSON (for python -m bench.search --alt-from)")
    args = parser.parse_args(argv)
    site = args.site or build_site("search-alt-")
    chosen = {n: VARIANTS[n] for n in args.variant} if args.variant else VARIANTS
    runs = run(site, load_eval(), chosen)
    for r in runs:
        held = "" if args.tuning_only else f"   held-out {r.held_out[1]:6.1%} MRR {r.held_out[2]:.3f}"
        print(
            f"{r.name:16} tuning {r.tuning[1]:6.1%} MRR {r.tuning[2]:.3f}{held}   "
            f"{r.median_ms:.2f} ms median, {r.worst_ms:.1f} worst; build {r.build_ms:.0f} ms; "
            f"ships {r.docs_raw / 1024:.0f} KB ({r.docs_gzip / 1024:.0f} KB gzip), prebuilt {r.index_raw / 1024:.0f} KB ({r.index_gzip / 1024:.0f} KB gzip)"
        )
    if args.save:
        args.save.write_text(json.dumps([r.to_json() for r in runs], indent=1), encoding="utf-8")
    if args.misses:
        for m in next(r for r in runs if r.name == args.misses).tuning_misses:
            print(f"  tuning: {m}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
