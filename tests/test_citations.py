"""Every citation carries the passage it rests on: unit tests of data/sources and of every cite()."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.context import Context
from macros.data import PASSAGE_MAX_WORDS, SiteData, load_site
from macros.errors import AuthorError, DataError
from macros.links import cite
from tests.support import ROOT
from tests.support.data import copy_data, edit_yaml

# A cite() call in a page or a macro template, with its citation ("id" or "id#key").
CITE_CALL = re.compile(r"""cite\(\s*["']([^"']+)["']\s*\)""")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return copy_data(tmp_path / "data")


def page_citations() -> list[tuple[str, str]]:
    out = []
    for folder in ("docs", "overrides"):
        for path in sorted((ROOT / folder).rglob("*.md")):
            for ref in CITE_CALL.findall(path.read_text(encoding="utf-8")):
                out.append((path.relative_to(ROOT).as_posix(), ref))
    return out


def test_every_source_carries_short_passages(site_data: SiteData) -> None:
    for s in site_data.sources.values():
        assert s.passages, s.id
        for key, quote in s.passages.items():
            assert 0 < len(quote.split()) <= PASSAGE_MAX_WORDS, (s.id, key)


def test_every_citation_in_the_pages_names_a_passage(site_data: SiteData) -> None:
    cited = page_citations()
    assert len(cited) > 100, "the pages cite their sources"
    problems = []
    for page, ref in cited:
        try:
            site_data.citation(ref)
        except AuthorError as exc:
            problems.append(f'{page}: cite("{ref}"): {exc}')
    assert not problems, "\n".join(problems)


def test_a_source_with_several_passages_is_cited_by_key(site_data: SiteData) -> None:
    many = next(s for s in site_data.sources.values() if len(s.passages) > 1)
    key = sorted(many.passages)[0]
    assert site_data.citation(f"{many.id}#{key}") == (many, many.passages[key])
    with pytest.raises(AuthorError, match=f"source '{many.id}' has several passages: name one"):
        site_data.citation(many.id)
    with pytest.raises(AuthorError, match=f"source '{many.id}' has no passage 'nope'"):
        site_data.citation(f"{many.id}#nope")
    one = next(s for s in site_data.sources.values() if "" in s.passages)
    assert site_data.citation(one.id) == (one, one.passages[""])
    with pytest.raises(AuthorError, match=f"source '{one.id}' has one passage: cite it without '#x'"):
        site_data.citation(f"{one.id}#x")


@pytest.mark.parametrize(
    "change, problem",
    [
        (
            lambda d: d[0].pop("passage", None) or d[0].pop("passages", None),
            "field 'passage': give exactly one of passage",
        ),
        (
            lambda d: d[0].update(passage=" ".join(["word"] * (PASSAGE_MAX_WORDS + 1)), passages=None),
            f"field 'passage': is {PASSAGE_MAX_WORDS + 1} words long; quote at most {PASSAGE_MAX_WORDS} words",
        ),
        (lambda d: d[0].update(passage="", passages=None), "field 'passage': must not be empty"),
        (
            lambda d: d[0].update(passage=None, passages={"only": "one quote"}),
            "field 'passages': must have at least 2 items, got 1",
        ),
        (
            lambda d: d[0].update(passage=None, passages={"a": "one", "B C": "two"}),
            "field 'passages.B C': 'B C' is not a kebab-case id",
        ),
        (lambda d: d[0].update(secondary="yes"), "field 'secondary': must be true or false"),
    ],
)
def test_a_bad_passage_names_file_entry_and_field(data_copy: Path, change, problem: str) -> None:
    edit_yaml(data_copy / "sources/amazon.yml", change)
    with pytest.raises(
        DataError, match=r"data/sources/amazon.yml, entry #1 \(id '[a-z0-9-]+'\), " + re.escape(problem)
    ):
        load_site(data_copy)


def test_a_data_citation_must_name_its_passage(data_copy: Path, site_data: SiteData) -> None:
    many = next(s for s in site_data.sources.values() if len(s.passages) > 1)
    edit_yaml(data_copy / "rounds.yml", lambda d: d[0].update(cite=many.id))
    with pytest.raises(
        DataError,
        match=rf"data/rounds.yml, entry #1 \(id '[a-z-]+'\), field 'cite': source '{many.id}' has several passages",
    ):
        load_site(data_copy)
    edit_yaml(data_copy / "rounds.yml", lambda d: d[0].update(cite=f"{many.id}#nope"))
    with pytest.raises(DataError, match=rf"field 'cite': source '{many.id}' has no passage 'nope'"):
        load_site(data_copy)


def test_secondary_sources_are_labeled_where_they_are_cited(site_data: SiteData) -> None:
    ctx = Context.from_project(ROOT, lambda: "amazon/offer.md")
    secondary = [s for s in site_data.sources.values() if s.secondary]
    primary = [s for s in site_data.sources.values() if not s.secondary]
    assert secondary and primary
    for s in (secondary[0], primary[0]):
        ref = s.id if "" in s.passages else f"{s.id}#{sorted(s.passages)[0]}"
        out = cite(ctx, ref)
        assert s.url in out
        assert ("secondary source" in out) == s.secondary, s.id
