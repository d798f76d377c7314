"""Unit tests of the data layer: no MkDocs involved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.data import load_site
from macros.errors import DataError
from tests.support import ROOT
from tests.support.data import copy_data, edit_yaml

OFFICIAL_NAMES = [
    "Customer Obsession",
    "Ownership",
    "Invent and Simplify",
    "Are Right, A Lot",
    "Learn and Be Curious",
    "Hire and Develop the Best",
    "Insist on the Highest Standards",
    "Think Big",
    "Bias for Action",
    "Frugality",
    "Earn Trust",
    "Dive Deep",
    "Have Backbone; Disagree and Commit",
    "Deliver Results",
    "Strive to be Earth's Best Employer",
    "Success and Scale Bring Broad Responsibility",
]


@pytest.fixture(scope="module")
def site(site_data):
    return site_data


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return copy_data(tmp_path / "data")


def test_sixteen_principles_with_official_names_in_order(site):
    assert [p.name for p in site.principles] == OFFICIAL_NAMES


def test_summaries_are_the_source_documents_one_liners(site):
    source = (ROOT / "tests/fixtures/amazon-interview-guide.source.md").read_text(encoding="utf-8")
    for p in site.principles:
        assert f"- **{p.name}**: {p.summary}\n" in source, p.id


def test_amazon_openings_are_first_sentences(site):
    for p in site.principles:
        assert p.amazon_opening.endswith(".") and p.amazon_opening.count(". ") == 0, p.id


def test_the_source_documents_questions_are_the_ones_marked_from_source(site):
    source = (ROOT / "tests/fixtures/amazon-interview-guide.source.md").read_text(encoding="utf-8")
    names = {p.name: p.id for p in site.principles}
    asked = {
        (names[name], text)
        for name, text in re.findall(r'^- \*\*([^*]+)\*\*: "([^"]+)"$', source, re.M)
        if name in names
    }
    assert asked, "the source document lists questions per principle"
    assert {(q.principle, q.text) for q in site.questions if q.from_source} == asked


def test_every_guide_kind_needed_by_related_resources_exists(site):
    kinds = {g.kind for g in site.guides}
    assert {"company", "internal", "external"} <= kinds
    company_guides = {g.id for g in site.guides if g.kind == "company"}
    assert "amazon" in company_guides and {c.guide for c in site.companies} <= company_guides


def test_sources_were_checked_recently(site):
    assert site.sources
    for s in site.sources.values():
        assert s.verified.year >= 2025, s.id


def test_valid_data_loads_from_a_copy(data_copy, site):
    assert load_site(data_copy) == site


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "principles.yml",
            lambda d: d[2].pop("name"),
            "data/principles.yml, entry #3 (id 'invent-and-simplify'), field 'name': is missing",
        ),
        ("principles.yml", lambda d: d[0].update(listen_for="text"), "field 'listen_for': must be a list, got text"),
        ("principles.yml", lambda d: d[0].update(pitfalls=[]), "field 'pitfalls': must not be an empty list"),
        (
            "principles.yml",
            lambda d: d[1].update(id="customer-obsession"),
            "entry #2 (id 'customer-obsession'), field 'id': duplicate id 'customer-obsession'",
        ),
        ("rounds.yml", lambda d: d[0].update(cite="nowhere"), "field 'cite': unknown source 'nowhere'"),
        (
            "principles.yml",
            lambda d: d[0].update(prompt="ownership-1"),
            "field 'prompt': 'ownership-1' is not a question of this principle",
        ),
        (
            "principles.yml",
            lambda d: d[0].update(corrected="ownership-one-liner"),
            "field 'corrected': correction 'ownership-one-liner' does not strike this summary",
        ),
        (
            "questions.yml",
            lambda d: d[0].update(principle="customer-obsesion"),
            "field 'principle': unknown principle 'customer-obsesion'",
        ),
        (
            "questions.yml",
            lambda d: d[0].update(from_source="yes"),
            "field 'from_source': must be true or false, got text",
        ),
        ("guides.yml", lambda d: d[0].update(kind="blog"), "field 'kind': 'blog' is not one of"),
        ("guides.yml", lambda d: d[0].update(page="../etc/passwd.md"), "field 'page'"),
        (
            "sources/amazon.yml",
            lambda d: d[0].update(url="http://example.com/"),
            "field 'url': 'http://example.com/' is not an https URL",
        ),
        ("sources/amazon.yml", lambda d: d[0].update(verified="last week"), "field 'verified': must be a date"),
        (
            "companies/google.yml",
            lambda d: d.update(guide="gogle"),
            "data/companies/google.yml, entry google, field 'guide': unknown guide 'gogle'",
        ),
        (
            "companies/google.yml",
            lambda d: d["values"][0].update(principles=["customer-obsession", "nope"]),
            "field 'principles': unknown principle 'nope'",
        ),
        (
            "principles.yml",
            lambda d: d[0].update(listen_for=["one", "two"]),
            "field 'listen_for': must have at least 3 items, got 2",
        ),
        (
            "questions.yml",
            lambda d: d[0].update(follow_ups=["one", "two", "three", "four", "five"]),
            "field 'follow_ups': must have at most 4 items, got 5",
        ),
        (
            "questions.yml",
            lambda d: d.pop(4),  # the fifth of customer-obsession's five
            "field 'principle': principle 'customer-obsession' has 4 questions; each needs at least 5",
        ),
        ("numbers.yml", lambda d: d[0].update(value=3, min=3), "field 'value': give either value, or min and max"),
        (
            "guides.yml",
            lambda d: d[0].pop("page"),
            "field 'page': is missing",
        ),
    ],
)
def test_bad_entries_name_file_entry_and_field(data_copy, file, change, expected):
    edit_yaml(data_copy / file, change)
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    assert expected in str(err.value)


@pytest.mark.parametrize(
    ("file", "entry"),
    [
        ("principles.yml", "#1 (id 'customer-obsession')"),
        ("questions.yml", "#1 (id 'customer-obsession-1')"),
        ("rounds.yml", "#1"),
        ("numbers.yml", "#1"),
        ("corrections.yml", "#1"),
        ("guides.yml", "#1"),
        ("sources/amazon.yml", "#1"),
    ],
)
def test_an_unknown_key_is_refused_by_name(data_copy, file, entry):
    edit_yaml(data_copy / file, lambda d: d[0].update(listen_fro="a misspelled key"))
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    assert str(err.value).startswith(f"data/{file}, entry {entry}")
    assert str(err.value).endswith("field 'listen_fro': is not a field this entry may have")


def test_an_unknown_key_in_a_company_value_is_refused_by_name(data_copy):
    edit_yaml(data_copy / "companies/google.yml", lambda d: d["values"][1].update(principle=["ownership"]))
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    assert str(err.value) == (
        "data/companies/google.yml, entry google values #2, field 'principle': is not a field this entry may have"
    )


def test_duplicate_source_id_across_files_is_reported(data_copy):
    edit_yaml(data_copy / "sources/google.yml", lambda d: d.append(dict(d[0], id="amazon-principles")))
    with pytest.raises(
        DataError,
        match=r"data/sources/google.yml, entry #\d+ \(id 'amazon-principles'\), field 'id': duplicate id 'amazon-principles' \(also in data/sources/amazon.yml\)",
    ):
        load_site(data_copy)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("- id: [unclosed\n", "data/principles.yml: is not valid YAML at line"),
        ("", "data/principles.yml: is empty"),
        ("id: a\n", "data/principles.yml: must be a list of entries, got a mapping"),
        ("[]\n", "data/principles.yml: must list at least one entry"),
    ],
)
def test_malformed_files(data_copy, content, expected):
    (data_copy / "principles.yml").write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_site(data_copy)
    assert expected in str(err.value)


def test_missing_file(data_copy):
    (data_copy / "questions.yml").unlink()
    with pytest.raises(DataError, match=r"^data/questions.yml: file is missing$"):
        load_site(data_copy)


def test_company_file_name_must_match_its_id(data_copy):
    edit_yaml(data_copy / "companies/meta.yml", lambda d: d.update(id="facebook"))
    with pytest.raises(
        DataError, match=r"data/companies/meta.yml, entry meta, field 'id': 'facebook' must match the file name 'meta'"
    ):
        load_site(data_copy)
