"""Label every Markdown table's cells with their column's heading, so a phone can show each
row as a card ("Senior: Owns a service's health...") instead of a table wider than the screen.

Python-Markdown writes a table as a bare ``<table>`` with a ``<thead>``; this hook (on
``on_page_content``, before the search plugin reads the page) gives each of its ``<td>``
a ``data-label`` holding the heading's text, and leaves the ``<table>`` tag as it is.
The CSS under "Phone-width tables" in guide.css does the rest; on wider screens nothing
changes. Tables a template writes with attributes of its own (the STAR planner's) are left
alone, as are tables without a heading row.
"""

from __future__ import annotations

import html
import re
from typing import Any

TABLE = re.compile(r"<table>(.*?)</table>", re.S)
HEADER = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
CELL = re.compile(r"<td\b")
TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", fragment)).split())


def label_table(inner: str) -> str | None:
    """The inside of a labelled table, or None when it has no heading row."""
    head, sep, body = inner.partition("</thead>")
    if not sep:
        return None
    names = [html.escape(_text(th), quote=True) for th in HEADER.findall(head)]

    def label_row(row: re.Match[str]) -> str:
        columns = iter(names)
        return CELL.sub(lambda _: f'<td data-label="{next(columns, "")}"', row.group(0))

    return head + sep + ROW.sub(label_row, body)


def label_tables(page_html: str) -> str:
    def one(table: re.Match[str]) -> str:
        inner = label_table(table.group(1))
        return table.group(0) if inner is None else f"<table>{inner}</table>"

    return TABLE.sub(one, page_html)


def on_page_content(html_text: str, **kwargs: Any) -> str:
    return label_tables(html_text)
