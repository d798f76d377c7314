"""Bad data fails loudly and precisely; hostile data renders as plain text.

For each kind of mistake in ``data/``:

(a) ``macros.data.load_site`` on a broken copy raises one DataError that names
    the file, the entry and the field (a whole-file problem has no entry or
    field, and its message says where in the file instead);
(b) a real ``mkdocs build`` of a broken project copy exits non-zero and its
    only error line is that same message, with no traceback.

Then values full of HTML, Markdown and Jinja syntax are put in the data and a
real build must show them as the literal text they are.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from macros.data import load_site
from macros.errors import DataError
from tests.support.data import copy_data, read_yaml, write_yaml
from tests.support.project import mkdocs_build
from tests.support.site import built_pages


@dataclass(frozen=True)
class Expected:
    file: str
    entry: str | None
    field: str | None
    problem: str

    @property
    def message(self) -> str:
        """What the build must print: the message of the DataError the data layer raises."""
        return str(DataError(self.file, self.entry, self.field, self.problem))


_load, _dump = read_yaml, write_yaml


def _first_entry(data: Path, name: str, change: Callable[[dict[str, Any]], None]) -> str:
    """Apply ``change`` to the first entry of a list file; return that entry's id."""
    doc = _load(data / name)
    entry_id = doc[0]["id"]
    change(doc[0])
    _dump(data / name, doc)
    return entry_id


# Each case breaks a data folder and returns what the error must say.


def yaml_syntax_error(data: Path) -> Expected:
    path = data / "questions.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if line.startswith("  text: "))
    lines[n] = "  text: Tell me: about a time\n"  # a second ": " in a plain scalar
    path.write_text("".join(lines), encoding="utf-8")
    column = lines[n].index(":", len("  text: ")) + 1
    return Expected(
        "data/questions.yml",
        None,
        None,
        f"is not valid YAML at line {n + 1}, column {column}: mapping values are not allowed here",
    )


def missing_file(data: Path) -> Expected:
    (data / "rounds.yml").unlink()
    return Expected("data/rounds.yml", None, None, "file is missing")


def empty_file(data: Path) -> Expected:
    (data / "guides.yml").write_text("", encoding="utf-8")
    return Expected("data/guides.yml", None, None, "is empty")


def duplicate_id(data: Path) -> Expected:
    doc = _load(data / "principles.yml")
    first = doc[0]["id"]
    doc[1]["id"] = first
    _dump(data / "principles.yml", doc)
    return Expected("data/principles.yml", f"#2 (id '{first}')", "id", f"duplicate id '{first}'")


def missing_field(data: Path) -> Expected:
    qid = _first_entry(data, "questions.yml", lambda q: q.pop("text"))
    return Expected("data/questions.yml", f"#1 (id '{qid}')", "text", "is missing")


def wrong_type(data: Path) -> Expected:
    qid = _first_entry(data, "questions.yml", lambda q: q.update(from_source="yes"))
    return Expected("data/questions.yml", f"#1 (id '{qid}')", "from_source", "must be true or false, got text")


def unknown_principle(data: Path) -> Expected:
    qid = _first_entry(data, "questions.yml", lambda q: q.update(principle="no-such-principle"))
    return Expected("data/questions.yml", f"#1 (id '{qid}')", "principle", "unknown principle 'no-such-principle'")


def unknown_guide(data: Path) -> Expected:
    path = sorted((data / "companies").glob("*.yml"))[0]
    doc = _load(path)
    doc["guide"] = "no-such-guide"
    _dump(path, doc)
    return Expected(f"data/companies/{path.name}", path.stem, "guide", "unknown guide 'no-such-guide'")


def empty_list(data: Path) -> Expected:
    pid = _first_entry(data, "principles.yml", lambda p: p.update(pitfalls=[]))
    return Expected("data/principles.yml", f"#1 (id '{pid}')", "pitfalls", "must not be an empty list")


CASES = {
    f.__name__.replace("_", "-"): f
    for f in (
        yaml_syntax_error,
        missing_file,
        empty_file,
        duplicate_id,
        missing_field,
        wrong_type,
        unknown_principle,
        unknown_guide,
        empty_list,
    )
}


def test_a_data_error_names_the_file_then_the_entry_then_the_field():
    assert (
        str(DataError("data/questions.yml", "#3 (id 'q')", "text", "is missing"))
        == "data/questions.yml, entry #3 (id 'q'), field 'text': is missing"
    )
    assert str(DataError("data/guides.yml", None, None, "is empty")) == "data/guides.yml: is empty"


@pytest.mark.parametrize("case", list(CASES))
def test_load_site_names_file_entry_and_field(case: str, tmp_path: Path) -> None:
    data = copy_data(tmp_path / "data")
    expected = CASES[case](data)
    with pytest.raises(DataError) as err:
        load_site(data)
    assert (err.value.file, err.value.entry, err.value.field, err.value.problem) == (
        expected.file,
        expected.entry,
        expected.field,
        expected.problem,
    )
    assert str(err.value) == expected.message


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory: pytest.TempPathFactory, project_factory: Callable[[Path], Path]) -> Path:
    """One copy of the project; each build test swaps in a freshly broken data folder."""
    return project_factory(tmp_path_factory.mktemp("bad-data") / "project")


@pytest.mark.parametrize("case", list(CASES))
def test_mkdocs_build_fails_with_that_one_message(case: str, broken_project: Path, tmp_path: Path) -> None:
    data = broken_project / "data"
    shutil.rmtree(data)
    copy_data(data)
    expected = CASES[case](data)
    result = mkdocs_build(broken_project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    errors = re.findall(r"^ERROR\s+-\s+(.*)$", output, flags=re.M)
    assert errors == [expected.message], output
    assert "Traceback" not in output, output


# --------------------------------------------------------------------------- hostile values

# MARKER survives any escaping (letters only) and appears nowhere else, so
# every place a hostile value landed can be found, however it was mangled.
MARKER = "Hostile5Value"
HOSTILE = f'{MARKER} </title><script>alert(1)</script> " & **x** [a](b) {{{{ 7*7 }}}}'


def _plant(data: Path) -> None:
    """Put HOSTILE into text fields that reach pages, titles, tables, links and the tools."""

    def edit(name: str, change: Callable[[Any], None]) -> None:
        doc = _load(data / name)
        change(doc)
        _dump(data / name, doc)

    def principles(doc: Any) -> None:
        doc[0]["meaning"] = HOSTILE
        doc[0]["pitfalls"][0] = HOSTILE
        doc[1]["name"] = HOSTILE  # becomes a page title: <title>, nav, social tags, footer links

    def questions(doc: Any) -> None:
        doc[0]["text"] = HOSTILE  # a heading, the question bank and the drill's data
        doc[0]["follow_ups"][0] = HOSTILE

    def company(doc: Any) -> None:
        doc["values"][0]["name"] = HOSTILE
        doc["values"][0]["summary"] = HOSTILE

    def guides(doc: Any) -> None:
        doc[0]["blurb"] = HOSTILE

    def rounds(doc: Any) -> None:
        doc[0]["name"] = HOSTILE

    edit("principles.yml", principles)
    edit("questions.yml", questions)
    edit("guides.yml", guides)
    edit("rounds.yml", rounds)
    edit(f"companies/{sorted(p.name for p in (data / 'companies').glob('*.yml'))[0]}", company)
    source_file = sorted((data / "sources").glob("*.yml"))[0]
    doc = _load(source_file)
    doc[0]["title"] = HOSTILE
    doc[0]["publisher"] = HOSTILE
    _dump(source_file, doc)


class _Page(HTMLParser):
    """Text, attribute values and elements of one page, as a browser's parser sees them.

    Like a browser, <title> and <textarea> hold text only (RCDATA): tags
    inside them are not elements, character references are decoded.
    """

    RCDATA = ("title", "textarea")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.attributes: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self._open: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._raw: list[str] = []
        self._capture: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        self.attributes.extend(v for v in a.values() if v)
        if tag == "script":
            self._script, self._raw = a, []
        elif tag in self.RCDATA:
            self.set_cdata_mode(tag)
        elif tag in ("strong", "b", "em", "i", "a"):
            self._capture.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._raw)))
            self._script = None
        elif self._capture and self._capture[-1][0] == tag:
            t, parts = self._capture.pop()
            self.elements.append((f"/{t}", {"text": "".join(parts)}))

    def handle_data(self, data: str) -> None:
        if self.cdata_elem in self.RCDATA:
            data = html.unescape(data)
        if self._script is not None:
            self._raw.append(data)
            return
        self.text.append(data)
        for _, parts in self._capture:
            parts.append(data)


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, project_factory: Callable[[Path], Path]) -> Path:
    project = project_factory(tmp_path_factory.mktemp("hostile") / "project")
    _plant(project / "data")
    site = project.parent / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _json_strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def test_hostile_values_render_as_literal_text(hostile_site: Path) -> None:
    problems: list[str] = []
    shown_on = []
    for rel in built_pages(hostile_site):
        path = hostile_site / rel / "index.html" if rel == "" or rel.endswith("/") else hostile_site / rel
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        where = f"/{rel}"
        text = _norm(" ".join(page.text))
        # Every hostile value in the text is whole: nothing became markup, nothing was evaluated.
        if text.count(MARKER) != text.count(HOSTILE):
            i = text.find(MARKER)
            problems.append(f"{where}: text shows a mangled value: ...{text[max(0, i - 60) : i + 80]}...")
        if text.count(HOSTILE):
            shown_on.append(where)
        for value in page.attributes:
            if MARKER not in value:
                continue
            if value.lstrip().startswith(
                ("{", "[")
            ):  # a tool's data-guide-data: JSON that must hold the value verbatim
                try:
                    strings = _json_strings(json.loads(value))
                except ValueError as exc:
                    problems.append(f"{where}: JSON attribute is no longer valid JSON ({exc}): {value[:160]!r}")
                    continue
                if any(MARKER in s and HOSTILE not in s for s in strings):
                    problems.append(f"{where}: JSON attribute does not hold the value verbatim: {value[:160]!r}")
            elif _norm(value).count(MARKER) != _norm(value).count(HOSTILE):
                problems.append(f"{where}: attribute value mangled: {value[:160]!r}")
        for attrs, body in page.scripts:
            if body.strip() == "alert(1)":
                problems.append(f"{where}: the hostile value created a <script> element")
            kind = attrs.get("type") or "text/javascript"
            if MARKER not in body or "json" not in kind:
                continue
            try:
                strings = _json_strings(json.loads(body))
            except ValueError as exc:
                problems.append(
                    f"{where}: <script type={kind!r}> is no longer valid JSON ({exc}): {body.strip()[:160]!r}"
                )
                continue
            if not any(HOSTILE in s for s in strings) or any(MARKER in s and HOSTILE not in s for s in strings):
                problems.append(f"{where}: JSON data does not hold the value verbatim: {body.strip()[:160]!r}")
        for tag, attrs in page.elements:
            if tag in ("/strong", "/b", "/em", "/i") and attrs["text"].strip() == "x":
                problems.append(f"{where}: '**x**' became <{tag[1:]}>x</{tag[1:]}>")
            if tag == "a" and attrs.get("href") == "b":
                problems.append(f"{where}: '[a](b)' became a link")
        if re.search(r"\[a\]\(b\)\s*49\b", text):
            problems.append(f"{where}: '{{{{ 7*7 }}}}' was evaluated to 49")
    assert not problems, "\n".join(problems)
    # The values did reach the pages, so the checks above looked at something.
    assert "/amazon/leadership-principles/customer-obsession/" in shown_on, shown_on
    assert any(p.startswith("/companies/") for p in shown_on), shown_on


def test_hostile_values_stay_text_in_the_search_index(hostile_site: Path) -> None:
    """Material inserts search results as HTML, so the index must hold the value escaped."""
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [d for d in index["docs"] if MARKER in d.get("text", "") + d.get("title", "")]
    assert hits, "the hostile value is not in the search index at all"
    for doc in hits:
        for field in ("title", "text"):
            value = doc.get(field, "")
            if MARKER in value:
                assert "<script>" not in value, f"{doc['location']} {field}: {value[:200]!r}"
                assert "<strong>x</strong>" not in value, f"{doc['location']} {field}: {value[:200]!r}"
                assert html.escape(HOSTILE, quote=False) in value or HOSTILE in html.unescape(value), (
                    f"{doc['location']} {field}: {value[:200]!r}"
                )
