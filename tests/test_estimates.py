"""Every figure a design walkthrough states is recomputed from the assumptions beside it.

The recomputation here is independent of macros/design.py: it reads the YAML itself and
evaluates each formula with Python's own arithmetic, so a bug in the loader's evaluator
cannot hide a figure that does not add up.
"""

from __future__ import annotations

import math
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from macros.data import SiteData
from macros.design import TOLERANCE, load_walkthrough
from macros.errors import DataError
from tests.support import ROOT
from tests.support.data import edit_yaml, read_yaml

DESIGN = sorted((ROOT / "data" / "design").glob("*.yml"))
FUNCS = {"ceil": math.ceil, "max": max, "min": min}


def _evaluate(formula: str, values: dict[str, float]) -> float:
    code = compile(formula, "<formula>", "eval")
    unknown = set(code.co_names) - set(values) - set(FUNCS)
    assert not unknown, f"{formula} names {unknown}"
    return eval(code, {"__builtins__": {}}, {**FUNCS, **values})  # noqa: S307 - names checked above


@pytest.mark.parametrize("path", DESIGN, ids=[p.stem for p in DESIGN])
def test_every_derived_figure_follows_from_the_figures_before_it(path: Path) -> None:
    doc = read_yaml(path)
    stated = {a["id"]: a["value"] for a in doc["assumptions"]}
    exact = dict(stated)
    for d in doc["derived"]:
        from_stated = _evaluate(d["formula"], stated)
        assert d["value"] == pytest.approx(from_stated, rel=TOLERANCE), (
            f"{path.name} {d['id']}: {d['formula']} = {from_stated}"
        )
        # Rounding may not accumulate along a chain either: compare with the unrounded chain.
        exact[d["id"]] = _evaluate(d["formula"], exact)
        assert d["value"] == pytest.approx(exact[d["id"]], rel=2 * TOLERANCE), (
            f"{path.name} {d['id']} drifts along its chain"
        )
        stated[d["id"]] = d["value"]


def test_there_is_a_walkthrough_for_each_system_design_question_in_the_source() -> None:
    source = (ROOT / "tests" / "fixtures" / "amazon-interview-guide.source.md").read_text(encoding="utf-8")
    section = source.split("### System Design Questions", 1)[1].split("###", 1)[0]
    questions = [line[2:].strip() for line in section.splitlines() if line.startswith("- ")]
    stated = {read_yaml(p)["question"] for p in DESIGN}
    assert questions and set(questions) <= stated


def _changed_walkthrough(tmp_path: Path, change: Callable[[Any], None]) -> tuple[Path, Path]:
    """A copy of order-processing.yml with ``change`` made, alone in a data folder of its own: (file, data)."""
    data = tmp_path / "data"
    target = data / "design" / "order-processing.yml"
    target.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "data/design/order-processing.yml", target)
    edit_yaml(target, change)
    return target, data


def test_a_figure_that_does_not_add_up_is_refused_with_file_entry_and_field(
    tmp_path: Path, site_data: SiteData
) -> None:
    # 10,000,000 / 86,400 is about 116
    target, data = _changed_walkthrough(tmp_path, lambda doc: doc["derived"][0].update(value=500))
    with pytest.raises(DataError) as err:
        load_walkthrough(target, data, site_data)
    message = str(err.value)
    assert "data/design/order-processing.yml" in message
    assert "derived #1 (id 'avg_orders_per_sec')" in message
    assert "'value'" in message


@pytest.mark.parametrize(
    "formula, problem",
    [
        ("daily_orders / nowhere", "unknown name 'nowhere'"),
        ("__import__('os')", "only numbers"),
        ("daily_orders ** 2", "only numbers"),
        ("daily_orders / 0", "divides by zero"),
    ],
)
def test_a_formula_may_only_do_arithmetic_over_known_figures(
    tmp_path: Path, formula: str, problem: str, site_data: SiteData
) -> None:
    target, data = _changed_walkthrough(tmp_path, lambda doc: doc["derived"][0].update(formula=formula))
    with pytest.raises(DataError, match=problem):
        load_walkthrough(target, data, site_data)


def test_walkthroughs_cite_aws_facts_from_the_design_sources(site_data: SiteData) -> None:
    """Facts on the walkthrough pages cite data/sources/design.yml (AWS documentation, checked for
    these pages), or one of the papers and specifications the guides already cite."""
    import re

    design = {s["id"] for s in read_yaml(ROOT / "data/sources/design.yml")}
    for page in sorted((ROOT / "docs/amazon/design").glob("*.md")):
        for sid in re.findall(r'cite\("([^"#]+)(?:#[^"]+)?"\)', page.read_text(encoding="utf-8")):
            assert sid in site_data.sources, f"{page.name}: unknown source {sid}"
            assert sid in design or not sid.startswith("aws-"), (
                f"{page.name}: {sid} is an AWS source outside design.yml"
            )


@pytest.mark.parametrize(
    "where, change, expected",
    [
        ("top level", lambda doc: doc.update(notes="x"), "entry order-processing, field 'notes'"),
        (
            "a figure",
            lambda doc: doc["derived"][0].update(note="x"),
            "entry derived #1 (id 'avg_orders_per_sec'), field 'note'",
        ),
        (
            "a diagram node",
            lambda doc: doc["diagram"]["tiers"][1]["nodes"][0].update(colour="red"),
            "entry order-processing diagram.tiers #2 nodes #1, field 'colour'",
        ),
    ],
)
def test_an_unknown_key_is_refused_in_one_line_naming_file_entry_and_field(
    tmp_path: Path, site_data: SiteData, where: str, change, expected: str
) -> None:
    target, data = _changed_walkthrough(tmp_path, change)
    with pytest.raises(DataError) as err:
        load_walkthrough(target, data, site_data)
    assert str(err.value) == f"data/design/order-processing.yml, {expected}: is not a field this entry may have", where
