"""Every statement, list item, question and code block of the source document is on the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.htmltext import elements, normalize

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests/fixtures/amazon-interview-guide.source.md"


def split_source() -> tuple[dict, str]:
    text = SOURCE.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def plain(markdown: str) -> str:
    """Markdown inline syntax to the text a reader sees."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return normalize(text.replace("**", ""))


def source_items() -> list[tuple[str, list[str]]]:
    """(kind, parts): each part must appear, in order, inside one element of the site."""
    _, body = split_source()
    items: list[tuple[str, list[str]]] = []
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
        stripped = re.sub(r"^(#+|[-*]|\d+\.)\s+", "", stripped)
        text = plain(stripped)
        if ": " in text and re.match(r"^\*\*[^*]+\*\*", re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line.strip())):
            key, value = text.split(": ", 1)
            items.append(("pair", [key, value]))
        else:
            items.append(("text", [text]))
    return items


@pytest.fixture(scope="module")
def site_texts(built_site: Path) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {"code": [], "other": []}
    for page in built_site.rglob("*.html"):
        for tag, _, text in elements(page):
            texts["code" if tag == "pre" else "other"].append(text)
    return texts


def contains_in_order(haystack: str, parts: list[str]) -> bool:
    pos = 0
    for part in parts:
        pos = haystack.find(part, pos)
        if pos < 0:
            return False
        pos += len(part)
    return True


def test_source_has_what_we_expect_to_check():
    kinds = [k for k, _ in source_items()]
    assert kinds.count("code") >= 20
    assert kinds.count("pair") >= 40
    assert len(kinds) >= 100


@pytest.mark.parametrize(("kind", "parts"), source_items(), ids=lambda v: v if isinstance(v, str) else " / ".join(v)[:60])
def test_source_item_is_on_the_site(site_texts, kind, parts):
    pool = site_texts["code"] if kind == "code" else site_texts["other"]
    assert any(contains_in_order(text, parts) for text in pool), f"not found on any page: {parts}"


def test_overview_keeps_the_source_front_matter():
    front, _ = split_source()
    page = (ROOT / "docs/amazon/index.md").read_text(encoding="utf-8")
    page_front = yaml.safe_load(page.split("---\n", 2)[1])
    for key, value in front.items():
        assert page_front.get(key) == value, key


def test_overview_shows_title_description_tags_and_review_date(built_site: Path):
    html = (built_site / "amazon/index.html").read_text(encoding="utf-8")
    front, _ = split_source()
    assert f"<title>{front['title']}" in html
    assert f'<meta name="description" content="{front["description"].replace(chr(39), "&#39;")}">' in html or front["description"] in html
    texts = [t for _, _, t in elements(html)]
    shown = yaml.safe_load((ROOT / "data/tags.yml").read_text(encoding="utf-8"))  # tag id -> name readers see
    assert all(any(t == shown[tag] for t in texts) for tag in front["tags"]), "tag not shown by its name"
    assert 'Last reviewed <time datetime="2025-08-07">7 August 2025</time>' in html


def test_amazon_resources_stay_external_https_links(built_site: Path):
    _, body = split_source()
    html = (built_site / "amazon/index.html").read_text(encoding="utf-8")
    urls = re.findall(r"\((https://[^)]+)\)", body)
    assert len(urls) == 3
    for url in urls:
        assert f'href="{url}"' in html, url
