"""Render every page's macros once and write the result out as plain Markdown.

    python -m bench.prerender PROJECT OUT_DOCS

Runs a normal (non-strict) build of PROJECT with one extra plugin that runs
after mkdocs-macros and saves each page's Markdown, with the page's original
front matter, to OUT_DOCS. The built HTML goes to a throwaway folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin
from mkdocs.utils.meta import YAML_RE


class CaptureMarkdown(BasePlugin):  # type: ignore[type-arg]
    """Save each page's Markdown as it is after every earlier plugin (macros included)."""

    def __init__(self, out: Path) -> None:
        super().__init__()
        self.out = out
        self.pages = 0

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Any) -> str:
        source = page.file.content_string  # also a page a hook generates (the worked coding problems)
        front = YAML_RE.match(source)
        target = self.out / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((front.group(0) if front else "") + markdown, encoding="utf-8")
        self.pages += 1
        return markdown


def prerender(project: Path, out: Path) -> int:
    capture = CaptureMarkdown(out)
    with tempfile.TemporaryDirectory() as site:
        config = load_config(str(project / "mkdocs.yml"), site_dir=site, strict=False)
        config.plugins["bench-capture-markdown"] = capture  # registered last, so it runs after macros
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return capture.pages


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m bench.prerender PROJECT OUT_DOCS", file=sys.stderr)
        return 2
    pages = prerender(Path(argv[0]).resolve(), Path(argv[1]).resolve())
    print(f"pre-rendered {pages} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
