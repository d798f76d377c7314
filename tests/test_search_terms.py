"""data/search.yml: search terms per page or section and synonym families, filed in Material's
search index and kept off the page (hooks/search_keywords.py); data/tags.yml: the names tags are shown with."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks.tag_names import load_names, named
from macros.data import SiteData
from macros.errors import AuthorError, DataError
from macros.search_terms import load, with_spellings
from macros.shape import generated_pages
from tests.support.data import require_data
from tests.support.project import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
SPELLINGS = {"behavioral": "behavioural", "practice": "practise"}


def test_terms_gain_their_other_spelling_once():
    assert with_spellings(["behavioral interview", "Practice questions", "LP"], SPELLINGS) == (
        "behavioral interview",
        "behavioural interview",
        "Practice questions",
        "Practise questions",
        "LP",
    )
    assert with_spellings(["behavioural"], SPELLINGS) == ("behavioural",)


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "page.md").write_text("# Page\n", encoding="utf-8")
    path = tmp_path / "search.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "pages:\n  - page: page.md\n    terms: [x]\n",
            "field 'spellings': is missing",
        ),
        (
            "spellings: {}\nfamilies: []\npages:\n  - page: nowhere.md\n    terms: [x]\n",
            r"entry #1 \(page 'nowhere.md'\), field 'page'",
        ),
        (
            "spellings: {}\nfamilies: []\npages:\n  - page: page.md\n    terms: []\n",
            r"entry #1 \(page 'page.md'\), field 'terms'",
        ),
        (
            "spellings: {}\nfamilies: []\npages:\n  - page: page.md\n    section: Not An Id\n    terms: [x]\n",
            "field 'section'",
        ),
        (
            "spellings: {}\nfamilies: []\npages:\n  - page: page.md\n    terms: [x]\n  - page: page.md\n    terms: [y]\n",
            "entry #2 .*a second entry for page.md",
        ),
        ("spellings: {}\nfamilies: [[lonely]]\npages: []\n", "entry families #1: must have at least 2 items, got 1"),
        (
            "spellings: {Color: colour}\nfamilies: []\npages: []\n",
            "field 'spellings.Color': 'Color' is not a lower-case single word",
        ),
    ],
)
def test_a_bad_terms_file_names_the_entry_and_field(tmp_path, body, message):
    with pytest.raises(DataError, match=message):
        load(_write(tmp_path, body), tmp_path / "docs")


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ("spellings: {}\nfamilies: []\npages: []\nweights: {}\n", "field 'weights'"),
        (
            "spellings: {}\nfamilies: []\npages:\n  - page: page.md\n    terms: [x]\n    weight: 2\n",
            "entry #1 (page 'page.md'), field 'weight'",
        ),
    ],
)
def test_an_unknown_key_is_refused_in_one_line_naming_file_entry_and_field(tmp_path, body, where):
    with pytest.raises(DataError) as err:
        load(_write(tmp_path, body), tmp_path / "docs")
    assert str(err.value) == f"{tmp_path.name}/search.yml, {where}: is not a field this entry may have"


def test_a_page_without_terms_is_named_when_it_asks_for_them(tmp_path):
    terms = load(
        _write(tmp_path, "spellings: {}\nfamilies: []\npages:\n  - page: page.md\n    terms: [x]\n"), tmp_path / "docs"
    )
    assert terms.lookup("page.md").terms == ("x",)
    with pytest.raises(AuthorError, match=r"no entry for page\.md#intro in data/search\.yml"):
        terms.lookup("page.md", "intro")


def test_the_site_terms_load(site_data: SiteData):
    terms = load(ROOT / "data" / "search.yml", ROOT / "docs", generated_pages(site_data))
    assert terms.entries


def _index_location(entry) -> str:
    page = entry.page.removesuffix(".md").removesuffix("index").rstrip("/")
    return (f"{page}/" if page else "") + (f"#{entry.section}" if entry.section else "")


def test_every_entry_is_in_the_search_index_where_it_belongs_and_off_the_page(built_site: Path, site_data: SiteData):
    """Each entry's terms are keywords of its page's opening or of its section in the search index,
    and no page carries them, or the marker that filed them, in its HTML."""
    terms = load(ROOT / "data" / "search.yml", ROOT / "docs", generated_pages(site_data))
    docs = {
        d["location"]: d
        for d in json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    }
    wrong = []
    for entry in terms.entries.values():
        doc = docs.get(_index_location(entry))
        if doc is None:
            wrong.append(f"{entry.key}: no search entry {_index_location(entry)}")
            continue
        missing = [t for t in entry.terms if t not in doc.get("keywords", "")]
        if missing:
            wrong.append(f"{entry.key}: {missing} not among its keywords")
    for html_file in built_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        if "data-guide-search-terms" in text or "Also searched as" in text:
            wrong.append(f"{html_file.relative_to(built_site)} shows its search terms")
    assert not wrong, "; ".join(wrong)


def test_tags_are_shown_by_name_and_an_unnamed_tag_is_named():
    require_data()
    names = load_names(ROOT / "data" / "tags.yml")
    assert named(["company-specific"], names, "amazon/index.md") == [names["company-specific"]]
    with pytest.raises(PluginError, match=r"amazon/index\.md: tag 'nope' has no name in data/tags\.yml"):
        named(["nope"], names, "amazon/index.md")


def _tags(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tags.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("cloud: {name: Cloud}\n", "data/tags.yml, entry 'cloud': must be text, got a mapping"),
        (
            "cloud: Cloud\nSystem Design: System design\n",
            "data/tags.yml, entry 'System Design': 'System Design' is not a kebab-case id (a-z, 0-9 and single hyphens)",
        ),
        ("cloud: ' '\n", "data/tags.yml, entry 'cloud': must not be empty"),
        ("[cloud]\n", "data/tags.yml: must be a mapping of tag id to name, got a list"),
    ],
)
def test_a_bad_tags_file_is_refused_in_one_line_naming_the_tag(tmp_path, body, message):
    with pytest.raises(PluginError) as err:
        load_names(_tags(tmp_path, body))
    assert str(err.value) == message


def test_the_tag_names_are_read_again_when_the_file_changes(tmp_path):
    path = _tags(tmp_path, "cloud: Cloud\n")
    assert dict(load_names(path)) == {"cloud": "Cloud"}
    path.write_text("cloud: AWS\n", encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert dict(load_names(path)) == {"cloud": "AWS"}


def test_a_build_with_a_bad_tags_file_fails_with_that_one_line(
    tmp_path: Path, project_factory: Callable[[Path], Path]
) -> None:
    project = project_factory(tmp_path / "project")
    tags = project / "data" / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8") + "cloud-native: {name: Cloud native}\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    errors = re.findall(r"^ERROR\s+-\s+(.*)$", output, flags=re.M)
    assert errors == ["data/tags.yml, entry 'cloud-native': must be text, got a mapping"], output


def test_no_slug_shows_as_a_tag_on_any_page(built_site: Path):
    names = load_names(ROOT / "data" / "tags.yml")
    shown = set()
    for page in built_site.rglob("index.html"):
        shown |= set(re.findall(r'class="md-tag(?: [^"]*)?"[^>]*>\s*([^<]+?)\s*<', page.read_text(encoding="utf-8")))
    assert shown and shown <= set(names.values()), f"tags shown by id: {sorted(shown - set(names.values()))}"
    # Search results show the tags the index holds.
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    in_index = {tag for doc in index["docs"] for tag in doc.get("tags", [])}
    assert in_index and in_index <= set(names.values()), (
        f"search results show tag ids: {sorted(in_index - set(names.values()))}"
    )


def test_a_page_may_be_a_generated_one_but_not_a_missing_one(tmp_path):
    body = "spellings: {}\nfamilies: []\npages:\n  - page: made/by-hook.md\n    terms: [x]\n"
    assert load(_write(tmp_path, body), tmp_path / "docs", {"made/by-hook.md"}).lookup("made/by-hook.md").terms == (
        "x",
    )
    with pytest.raises(DataError, match="expected the path of a page under docs/"):
        load(_write(tmp_path, body), tmp_path / "docs", {"made/other.md"})
