"""data/search.yml: search terms per page or section, shown where Material's search indexes them;
data/tags.yml: the names tags are shown with."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks.tag_names import load_names, named
from macros.errors import DataError
from macros.search_terms import load, with_spellings

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
        ("pages:\n  - page: page.md\n    terms: [x]\n", "expected exactly the keys 'spellings' and 'pages'"),
        ("spellings: {}\npages:\n  - page: nowhere.md\n    terms: [x]\n", r"entry #1 \(page 'nowhere.md'\), field 'page'"),
        ("spellings: {}\npages:\n  - page: page.md\n    terms: []\n", r"entry #1 \(page 'page.md'\), field 'terms'"),
        ("spellings: {}\npages:\n  - page: page.md\n    section: Not An Id\n    terms: [x]\n", "field 'section'"),
        ("spellings: {}\npages:\n  - page: page.md\n    terms: [x]\n  - page: page.md\n    terms: [y]\n", "entry #2 .*a second entry for page.md"),
    ],
)
def test_a_bad_terms_file_names_the_entry_and_field(tmp_path, body, message):
    with pytest.raises(DataError, match=message):
        load(_write(tmp_path, body), tmp_path / "docs")


def test_a_page_without_terms_is_named_when_it_asks_for_them(tmp_path):
    terms = load(_write(tmp_path, "spellings: {}\npages:\n  - page: page.md\n    terms: [x]\n"), tmp_path / "docs")
    assert terms.lookup("page.md").terms == ("x",)
    with pytest.raises(ValueError, match=r"page\.md: search_terms\('intro'\) has no entry in data/search\.yml"):
        terms.lookup("page.md", "intro")


def test_the_site_terms_load():
    terms = load(ROOT / "data" / "search.yml", ROOT / "docs")
    assert terms.entries


def test_every_entry_is_shown_once_inside_its_section(built_site: Path):
    """Each entry's block is on its page exactly once, after its section's heading and before
    the next heading of the same or a higher level (before the first h2 for a page's opening)."""
    terms = load(ROOT / "data" / "search.yml", ROOT / "docs")
    wrong = []
    for entry in terms.entries.values():
        html_file = built_site / entry.page.removesuffix(".md").removesuffix("index").rstrip("/") / "index.html"
        html = html_file.read_text(encoding="utf-8")
        blocks = [m.start() for m in re.finditer(f'data-terms-for="{re.escape(entry.key)}"', html)]
        if len(blocks) != 1:
            wrong.append(f"{entry.key}: shown {len(blocks)} times")
            continue
        if entry.section:
            heading = re.search(rf'<h([2-6]) id="{re.escape(entry.section)}"', html)
            level = heading and int(heading.group(1))
            after = heading and re.compile(rf"<h[2-{level}][ >]").search(html, heading.end())
            inside = heading and heading.start() < blocks[0] < (after.start() if after else len(html))
        else:
            first_h2 = re.search(r"<h2[ >]", html)
            inside = first_h2 is None or blocks[0] < first_h2.start()
        if not inside:
            wrong.append(f"{entry.key}: not where search files it")
    assert not wrong, "; ".join(wrong)


def test_tags_are_shown_by_name_and_an_unnamed_tag_is_named():
    names = load_names(ROOT / "data" / "tags.yml")
    assert named(["company-specific"], names, "amazon/index.md") == [names["company-specific"]]
    with pytest.raises(PluginError, match=r"amazon/index\.md: tag 'nope' has no name in data/tags\.yml"):
        named(["nope"], names, "amazon/index.md")


def test_no_slug_shows_as_a_tag_on_any_page(built_site: Path):
    names = load_names(ROOT / "data" / "tags.yml")
    shown = set()
    for page in built_site.rglob("index.html"):
        shown |= set(re.findall(r'class="md-tag(?: [^"]*)?"[^>]*>\s*([^<]+?)\s*<', page.read_text(encoding="utf-8")))
    assert shown and shown <= set(names.values()), f"tags shown by id: {sorted(shown - set(names.values()))}"
    # Search results show the tags the index holds.
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    in_index = {tag for doc in index["docs"] for tag in doc.get("tags", [])}
    assert in_index and in_index <= set(names.values()), f"search results show tag ids: {sorted(in_index - set(names.values()))}"
