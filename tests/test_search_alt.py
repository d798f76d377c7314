"""The offline comparison engine of issue 24 (bench/search_alt.py, bench/search-alt/): its query
logic under Node's test runner, its scoring through bench/search.py's, the section it writes, and
the problem pages' well-known names filed as search keywords."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from bench.search import EvalQuery, Findability, findability_section
from bench.search_alt import FULL, VARIANTS, AltRun, results_of
from macros.coding import known_name

ROOT = Path(__file__).resolve().parent.parent


def test_query_logic_passes_its_node_tests():
    """Synonym expansion, the AND-then-OR fallback, coverage: pure functions, no packages needed."""
    done = subprocess.run(
        ["node", "--test", "bench/search-alt/query.test.mjs"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_engine_results_are_scored_as_materials_are():
    queries = [
        EvalQuery("f.yml", "q1", "a/"),
        EvalQuery("f.yml", "q2", "b/#x"),
        EvalQuery("f.yml", "q3", "c/"),
    ]
    res = results_of(queries, [["a/#s", "b/"], ["b/", "b/#x"], []])
    ranks = [a.rank for a in res.answers]
    assert ranks == [1, 2, None]
    with pytest.raises(ValueError, match="2 result lists for 3 queries"):
        results_of(queries, [[], []])


def test_each_variant_leaves_out_one_ingredient():
    for name, (_, params, _) in VARIANTS.items():
        changed = {k for k in FULL if params[k] != FULL[k]}
        if name == "full":
            assert not changed
        else:  # one setting, or the two of approximate matching, or the keywords field of both indexes
            assert len(changed) == 1 or changed in ({"prefix", "fuzzy"}, {"boost", "page_boost"}), (name, changed)


def _alt(name: str, p1: float) -> AltRun:
    return AltRun(
        name,
        VARIANTS[name][0],
        VARIANTS[name][2],
        (10, p1, p1),
        (8, p1 - 0.1, p1 - 0.1),
        ["`q` → a/ (wanted b/, rank 2)"],
        [],
        0.4,
        3.0,
        200.0,
        900_000,
        220_000,
        1,
        1,
    )


def test_the_section_puts_the_engine_beside_material():
    material = Findability(
        (10, 0.7, 0.75), (8, 0.6, 0.65), ["`q` → a/ (wanted b/, rank 2)"], [], 20.0, 50.0, 960_000, 240_000
    )
    lines = findability_section(material, alt=[_alt("full", 0.9), _alt("no-synonyms", 0.8)])
    rows = [line for line in lines if line.startswith("| ")]
    material_row = next(r for r in rows if r.startswith("| Material"))
    assert "70.0%" in material_row and "60.0%" in material_row
    engine_rows = [r for r in rows if "90.0%" in r or "80.0%" in r]
    assert len(engine_rows) == 2 and all("Node" in r for r in engine_rows)
    # what synonyms are worth on the held-out set, in points: 80.0 - 70.0
    assert any("query-time synonym families: +10.0 held-out" in line for line in lines)
    assert AltRun.from_json(_alt("full", 0.9).to_json()) == _alt("full", 0.9)


def test_a_problems_well_known_name_is_read_from_resembles():
    assert known_name("Valid Parentheses (LeetCode 20)") == "Valid Parentheses"
    assert known_name("Target Sum (LeetCode 494), listing the assignments instead of counting them") == "Target Sum"
    assert known_name("a classic with no number") is None
    assert known_name(None) is None


def test_every_problem_that_resembles_one_is_found_by_its_name():
    for path in sorted((ROOT / "data" / "coding" / "problems").glob("*.yml")):
        resembles = yaml.safe_load(path.read_text(encoding="utf-8")).get("resembles")
        if resembles:
            assert known_name(resembles), f"{path.name}: resembles {resembles!r} names no LeetCode problem"


def test_writing_the_section_alone_updates_the_goals_row_and_nothing_else():
    from bench.search import GOAL_ROW, replace_goal_row

    text = (
        f"# Benchmarks\n\n| Goal | Site |\n| --- | --- |\n{GOAL_ROW} 50.0%, 0.500 | 40% | x | **NO** |\n| Other | 1 |\n"
    )
    missed = replace_goal_row(text, Findability((10, 0.7, 0.75), (8, 0.6, 0.65), [], []))
    row = next(line for line in missed.splitlines() if line.startswith(GOAL_ROW))
    assert "60.0%, 0.650 (tuning 70.0%, 0.750; 18 queries" in row and row.endswith("**NO** |")
    assert missed.replace(row, "") == text.replace(text.splitlines()[4], "")
    met = replace_goal_row(text, Findability((10, 0.96, 0.98), (8, 0.96, 0.98), [], []))
    assert next(line for line in met.splitlines() if line.startswith(GOAL_ROW)).endswith("**yes** |")
    assert replace_goal_row("no goals here", Findability((1, 1.0, 1.0), (1, 1.0, 1.0), [], [])) == "no goals here"
