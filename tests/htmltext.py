"""Read text out of built HTML pages with the standard library only."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "td", "th", "pre", "a", "blockquote", "summary", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def normalize(text: str) -> str:
    text = html.unescape(text).replace("\u00a0", " ").replace("¶", "")
    return re.sub(r"\s+", " ", text).strip()


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.elements: list[tuple[str, dict[str, str | None], str]] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
            return
        if tag in VOID:
            if tag in BLOCKS:
                self.elements.append((tag, dict(attrs), ""))
            return
        self.stack.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
            return
        if tag in VOID:
            return
        # pop up to the matching tag (tolerates unclosed <p>/<li>)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                while len(self.stack) > i:
                    name, attrs, parts = self.stack.pop()
                    text = "".join(parts)
                    if name in BLOCKS:
                        self.elements.append((name, attrs, normalize(text)))
                    if self.stack:
                        self.stack[-1][2].append(text)
                return

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.stack:
            self.stack[-1][2].append(data)


def elements(page: Path | str) -> list[tuple[str, dict[str, str | None], str]]:
    """(tag, attributes, normalized text) for each block-level element of a page."""
    source = page.read_text(encoding="utf-8") if isinstance(page, Path) else page
    c = _Collector()
    c.feed(source)
    c.close()
    return c.elements


def main_content(page: Path) -> str:
    """The HTML of the page's article (Material's md-content__inner)."""
    text = page.read_text(encoding="utf-8")
    start = text.index('<article class="md-content__inner md-typeset">')
    end = text.index("</article>", start)
    return text[start:end]
