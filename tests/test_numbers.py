"""Unit tests of data/numbers.yml, data/corrections.yml and the number/corrected macros (no build)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from macros.context import SOURCE_DOCUMENT, Context, checked
from macros.data import load_site, source_lines
from macros.errors import AuthorError, DataError, MacroError
from macros.numbers import corrected, number, number_text
from tests.support.data import copy_data, edit_yaml, read_yaml, require_data, write_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SOURCE = ROOT / SOURCE_DOCUMENT


@pytest.fixture(scope="module")
def site():
    require_data()
    return load_site(DATA, SOURCE)


@pytest.fixture(scope="module")
def ctx() -> Context:
    require_data()
    return Context.from_project(ROOT, lambda: "amazon/interview-process.md")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return copy_data(tmp_path / "data")


def edit_first(path: Path, change: Callable[[dict[str, Any]], None]) -> str:
    doc = read_yaml(path)
    change(doc[0])
    write_yaml(path, doc)
    return doc[0]["id"]


# --------------------------------------------------------------------------- the real data


def test_every_number_has_exactly_one_origin_and_known_sources(site):
    assert site.numbers
    for n in site.numbers:
        assert (n.cite is None) == n.advice, n.id
        if n.cite is not None:
            assert site.citation(n.cite), n.id


def test_site_number_looks_up_by_id(site):
    for n in site.numbers:
        assert site.number(n.id) is n
    with pytest.raises(AuthorError, match="unknown number id 'nope'"):
        site.number("nope")


def test_every_correction_quotes_a_line_of_the_source_document(site):
    lines = source_lines(SOURCE.read_text(encoding="utf-8"))
    assert site.corrections
    for c in site.corrections:
        assert c.original in lines, c.id
        assert site.citation(c.cite), c.id


# --------------------------------------------------------------------------- bad numbers


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (lambda e: e.update(cite="no-such-source"), "cite", "unknown source 'no-such-source'"),
        (lambda e: e.update(advice=True), "cite", "give exactly one of cite (a source id) and advice: true"),
        (lambda e: e.pop("cite"), "cite", "give exactly one of cite (a source id) and advice: true"),
        (
            lambda e: (e.pop("cite"), e.update(advice=False)),
            "advice",
            "must be true when given (use cite for a sourced number)",
        ),
        (lambda e: e.update(value=3), "value", "give either value, or min and max"),
        (lambda e: e.update(max=e["min"]), "max", "must be greater than min"),
        (lambda e: e.update(min="four"), "min", "must be a whole number, got text"),
        (lambda e: e.update(min=-1), "min", "must not be negative, got -1"),
        (lambda e: e.pop("unit"), "unit", "is missing"),
        (lambda e: e.update(id="Loop Interviews"), "id", "is not a kebab-case id"),
    ],
)
def test_bad_number_names_file_entry_and_field(data_copy, change, field, problem):
    nid = edit_first(data_copy / "numbers.yml", change)
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    assert err.value.file == "data/numbers.yml"
    assert err.value.entry == f"#1 (id '{nid}')"
    assert err.value.field == field
    assert problem in err.value.problem


def test_a_number_without_min_or_max_is_refused(data_copy):
    edit_first(data_copy / "numbers.yml", lambda e: (e.pop("min"), e.pop("max")))
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    assert (err.value.file, err.value.field) == ("data/numbers.yml", "value")


def test_duplicate_number_id_is_refused(data_copy):
    edit_yaml(data_copy / "numbers.yml", lambda doc: doc.append(dict(doc[0])))
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    assert err.value.file == "data/numbers.yml"
    assert err.value.problem.startswith("duplicate id")


# --------------------------------------------------------------------------- bad corrections


def test_correction_whose_original_is_not_a_source_line_is_refused(data_copy):
    cid = edit_first(data_copy / "corrections.yml", lambda e: e.update(original=e["original"] + " (reworded)"))
    with pytest.raises(DataError) as err:
        load_site(data_copy, SOURCE)
    assert (err.value.file, err.value.entry, err.value.field) == (
        "data/corrections.yml",
        f"#1 (id '{cid}')",
        "original",
    )


def test_correction_with_unknown_cite_is_refused(data_copy):
    cid = edit_first(data_copy / "corrections.yml", lambda e: e.update(cite="nowhere"))
    with pytest.raises(DataError) as err:
        load_site(data_copy, SOURCE)
    assert (err.value.entry, err.value.field, err.value.problem) == (
        f"#1 (id '{cid}')",
        "cite",
        "unknown source 'nowhere'",
    )


def test_source_lines_drop_markers_and_indentation():
    text = "## Heading\n   - **Key**: value\n1. **Phone Screen** (45-60 minutes)\n\n    plain\n"
    assert source_lines(text) == {"Heading", "**Key**: value", "value", "**Phone Screen** (45-60 minutes)", "plain"}


def test_correction_text_renders_its_numbers_from_numbers_yml(site, ctx):
    from macros.data import NUMBER_REF

    with_numbers = [c for c in site.corrections if NUMBER_REF.search(c.correction)]
    assert with_numbers
    for c in with_numbers:
        out = corrected(ctx, c.id)
        for ref in NUMBER_REF.findall(c.correction):
            assert number_text(site.number(ref)) in out


def test_correction_naming_an_unknown_number_is_refused(data_copy):
    cid = edit_first(data_copy / "corrections.yml", lambda e: e.update(correction="about {loop-sise} in all"))
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    assert (err.value.entry, err.value.field, err.value.problem) == (
        f"#1 (id '{cid}')",
        "correction",
        "unknown number '{loop-sise}'",
    )


# --------------------------------------------------------------------------- the macros


def test_number_text_for_a_range_and_a_value(site):
    for n in site.numbers:
        text = number_text(n)
        assert text.endswith(" " + n.unit)
        bare = number_text(n, unit=False)
        assert bare == (f"{n.min} to {n.max}" if n.is_range else str(n.value))
        assert text == f"{bare} {n.unit}"


def test_number_macro_renders_the_data(site, ctx):
    for n in site.numbers:
        assert number(ctx, n.id) == number_text(n)
        assert number(ctx, n.id, unit=False) == number_text(n, unit=False)


def test_number_macro_with_source_cites_or_labels_advice(site, ctx):
    for n in site.numbers:
        out = number(ctx, n.id, source=True)
        assert out.startswith(number_text(n) + " ")
        if n.advice:
            assert "guide-advice" in out and "guide-cite" not in out
        else:
            assert site.citation(n.cite)[0].url in out and "guide-advice" not in out


def test_unknown_ids_name_the_page_the_macro_and_the_id(ctx):
    with pytest.raises(MacroError, match=r'docs/amazon/interview-process.md: number\("loop-size"\): unknown number id'):
        checked(ctx, "number", number)("loop-size")
    with pytest.raises(
        MacroError, match=r'docs/amazon/interview-process.md: corrected\("nope"\): unknown correction id'
    ):
        checked(ctx, "corrected", corrected)("nope")


def test_corrected_macro_strikes_the_original_and_cites_the_correction(site, ctx):
    for c in site.corrections:
        out = corrected(ctx, c.id)
        assert out.startswith('<span class="guide-corrected"><del>' + c.original + "</del>")
        note = out.split("</del>", 1)[1]
        assert "<strong>Corrected:</strong>" in note
        assert site.citation(c.cite)[0].url in note


def test_number_macro_gives_one_end_of_a_range(site, ctx):
    ranged = [n for n in site.numbers if n.is_range]
    assert ranged
    for n in ranged:
        assert number(ctx, n.id, only="min") == f"{n.min} {n.unit}"
        assert number(ctx, n.id, only="max", unit=False) == str(n.max)
    with pytest.raises(AuthorError, match='only must be "min" or "max", got "middle"'):
        number(ctx, ranged[0].id, only="middle")
