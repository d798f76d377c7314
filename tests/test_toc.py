"""The Amazon overview keeps the source's own "Table of Contents" section, but the
sidebar's table of contents (which has its own title) does not list it as an entry."""

from __future__ import annotations

import re
from pathlib import Path


def _sidebar_toc(html: str) -> str:
    start = html.index('<nav class="md-nav md-nav--secondary"')
    return html[start : html.index("</nav>", start)]


def test_amazon_overview_lists_its_contents_once(built_site: Path):
    html = (built_site / "amazon/index.html").read_text(encoding="utf-8")
    content = html[html.index('<article class="md-content__inner') :]
    assert re.search(r"<h2[^>]*>\s*Table of Contents\s*(<a class=\"headerlink\"[^>]*>[^<]*</a>)?\s*</h2>", content), (
        "the source's heading stays on the page"
    )
    toc = _sidebar_toc(html)
    entries = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', toc)
    assert entries, "the sidebar still lists the page's sections"
    assert "Table of Contents" not in entries, f"sidebar table of contents lists itself: {entries}"
