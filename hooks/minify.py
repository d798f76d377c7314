"""Serve the site's own CSS and JavaScript without comments and spare white space (listed under ``hooks:``).

The sources in ``docs/stylesheets`` and ``docs/javascripts`` explain
themselves at length, which is right for the people who maintain them and
wasted on a reader's phone, where they are a good part of what those files
weigh even gzipped (BENCHMARKS.md, "Weight"). After each build the copies in the built site are
minified with rcssmin and rjsmin, which keep strings, template literals and
regular expressions as they are. The sources stay as written; the tests run
against the minified copies, which are what readers get.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig

FOLDERS = ("stylesheets", "javascripts")  # our own assets (docs/ and the built site); Material's live under assets/
# Third-party code we serve (javascripts/vendor/, copied there by hooks/vendor.py and
# hooks/code_runner.py after this hook) stays exactly as its pinned package ships it.
VENDOR = "vendor"
# Sources that a hook bundles into vendor/ (hooks/code_runner.py) are not served themselves.
NOT_SERVED = "src"


def minify(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    small = rcssmin.cssmin(text) if path.suffix == ".css" else rjsmin.jsmin(text)
    path.write_text(small.strip() + "\n", encoding="utf-8")


def own_assets(site_dir: Path) -> list[Path]:
    return [
        p
        for folder in FOLDERS
        for p in sorted((site_dir / folder).rglob("*"))
        if p.is_file()
        and p.suffix in (".css", ".js")
        and not {VENDOR, NOT_SERVED} & set(p.relative_to(site_dir / folder).parts)
    ]


def on_post_build(config: MkDocsConfig) -> None:
    for path in own_assets(Path(config.site_dir)):
        minify(path)
