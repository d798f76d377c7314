"""The whole source document is on the site: every statement, list item, question,
code line and link of ``tests/fixtures/amazon-interview-guide.source.md``.

A statement the site corrects stays where it stands, struck through: the
source's words inside ``<del>`` within an element of class ``guide-corrected``
(``{{ corrected("id") }}``, CONTRIBUTING.md) count as on the site. Words struck
through anywhere else do not: a correction always says what replaces them.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.htmltext import _Collector, elements, normalize
from tests.support import ROOT

SOURCE = ROOT / "tests/fixtures/amazon-interview-guide.source.md"
CORRECTED = "guide-corrected"

Item = tuple[str, list[str]]  # (kind, parts): each part must appear, in order, inside one element of the site


def split_source(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def plain(markdown: str) -> str:
    """Markdown inline syntax to the text a reader sees."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return normalize(text.replace("**", ""))


def source_items(text: str) -> list[Item]:
    """What a reader must find on the site: the front matter's title and description, then every line of the body."""
    front, body = split_source(text)
    items: list[Item] = [("text", [normalize(front["title"])]), ("text", [normalize(front["description"])])]
    in_code = False
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code = not in_code
            continue
        if not stripped or stripped == "---":
            continue
        if in_code:
            items.append(("code", [stripped]))
            continue
        bare = re.sub(r"^(#+|[-*]|\d+\.)\s+", "", stripped)
        text_ = plain(bare)
        if ": " in text_ and re.match(r"^\*\*[^*]+\*\*", bare):
            key, value = text_.split(": ", 1)  # "**Key**: value" may be a table row or a definition on the site
            items.append(("pair", [key, value]))
        else:
            items.append(("text", [text_]))
    items += [("link", [url]) for url in re.findall(r"\]\((https://[^)\s]+)\)", body)]
    return items


class _SiteText(_Collector):
    """Block elements' text, where struck-through words count only inside a correction."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.extend(v for k, v in attrs if k == "href" and v)
        super().handle_starttag(tag, attrs)

    def _struck_out(self) -> bool:
        corrected = False
        for tag, attrs, _ in self.stack:
            corrected = corrected or CORRECTED in (attrs.get("class") or "").split()
            if tag == "del" and not corrected:
                return True
        return False

    def handle_data(self, data: str) -> None:
        if not self._struck_out():
            super().handle_data(data)


def site_texts(pages: list[str]) -> dict[str, list[str]]:
    """The text of every block element of ``pages`` (HTML), as ``code`` (in ``<pre>``), ``other`` and ``link`` (hrefs)."""
    texts: dict[str, list[str]] = {"code": [], "other": [], "link": []}
    for html in pages:
        collector = _SiteText()
        collector.feed(html)
        collector.close()
        for tag, _, text in collector.elements:
            texts["code" if tag == "pre" else "other"].append(text)
        texts["link"] += collector.links
    return texts


def contains_in_order(haystack: str, parts: list[str]) -> bool:
    pos = 0
    for part in parts:
        pos = haystack.find(part, pos)
        if pos < 0:
            return False
        pos += len(part)
    return True


def missing(items: list[Item], texts: dict[str, list[str]]) -> list[str]:
    """Every item found in no element of the site, described for the failure message."""
    out = []
    for kind, parts in items:
        if kind == "link":
            found = parts[0] in texts["link"]
        else:
            pool = texts["code"] if kind == "code" else texts["other"]
            found = any(contains_in_order(text, parts) for text in pool)
        if not found:
            out.append(f"{kind}: {' / '.join(parts)}")
    return out


# --------------------------------------------------------------------------- the check itself, without a build

SAMPLE = """---
title: A Guide
description: What it covers.
---
# A Guide
- **Bar Raiser**: Joins the phone screen
- Plain line with a [link](https://example.org/a)
```
code line
```
"""


def test_every_kind_of_source_line_is_looked_for():
    assert source_items(SAMPLE) == [
        ("text", ["A Guide"]),
        ("text", ["What it covers."]),
        ("text", ["A Guide"]),
        ("pair", ["Bar Raiser", "Joins the phone screen"]),
        ("text", ["Plain line with a link"]),
        ("code", ["code line"]),
        ("link", ["https://example.org/a"]),
    ]


def test_a_statement_counts_when_struck_through_only_inside_a_correction():
    items = source_items(SAMPLE)
    rest = '<h1>A Guide</h1><p>What it covers.</p><p>Plain line with a <a href="https://example.org/a">link</a></p><pre>code line</pre>'
    corrected = '<li><span class="guide-corrected"><del><strong>Bar Raiser</strong>: Joins the phone screen</del> Corrected: it joins the loop.</span></li>'
    struck = "<li><del><strong>Bar Raiser</strong>: Joins the phone screen</del></li>"
    assert missing(items, site_texts([rest, corrected])) == []
    assert missing(items, site_texts([rest, struck])) == ["pair: Bar Raiser / Joins the phone screen"]
    assert missing(items, site_texts(["<p>nothing</p>"])) == [
        "text: A Guide",
        "text: What it covers.",
        "text: A Guide",
        "pair: Bar Raiser / Joins the phone screen",
        "text: Plain line with a link",
        "code: code line",
        "link: https://example.org/a",
    ], "every missing item is reported at once"


def test_overview_shows_the_source_date_as_the_original_and_its_own_review_date(built_site: Path):
    """The source's date stays in the front matter and is shown as the original guide's date;
    "Last reviewed" is the page's own `reviewed` date, the day its facts were checked."""
    html = (built_site / "amazon/index.html").read_text(encoding="utf-8")
    front, _ = split_source(SOURCE.read_text(encoding="utf-8"))
    page_front, _ = split_source((ROOT / "docs/amazon/index.md").read_text(encoding="utf-8"))
    assert page_front["date"] == front["date"]
    assert f'Original guide dated <time datetime="{front["date"].isoformat()}">' in html
    assert f'Last reviewed <time datetime="{page_front["reviewed"].isoformat()}">' in html
    assert f'Last reviewed <time datetime="{front["date"].isoformat()}">' not in html
    texts = [t for _, _, t in elements(html)]
    shown = yaml.safe_load((ROOT / "data/tags.yml").read_text(encoding="utf-8"))  # tag id -> name readers see
    assert all(any(t == shown[tag] for t in texts) for tag in front["tags"]), "tag not shown by its name"


# --------------------------------------------------------------------------- the real source on the real site


def test_the_whole_source_document_is_on_the_site(built_site: Path):
    items = source_items(SOURCE.read_text(encoding="utf-8"))
    pages = [p.read_text(encoding="utf-8") for p in sorted(built_site.rglob("*.html")) if "assets" not in p.parts]
    gone = missing(items, site_texts(pages))
    assert not gone, f"{len(gone)} of {len(items)} items of the source document are on no page:\n" + "\n".join(gone)
