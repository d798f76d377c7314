"""The site's own CSS and JavaScript, gzipped, against the budget."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hooks.minify import own_assets as served_assets

from .common import gzip_size


@dataclass(frozen=True)
class Asset:
    path: str  # site-relative, or the template an inline script comes from
    raw: int
    gzip: int


# Templates that put an inline script on every page: the palette, applied before the first paint.
INLINE_SCRIPTS = (Path("overrides") / "partials" / "guide-palette.html",)
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)


def own_assets(project: Path, site: Path) -> list[Asset]:
    """What readers download of ours, each gzipped on its own.

    Every .css and .js file in the built site's stylesheets/ and javascripts/
    (as served: hooks/minify.py has minified them), and each inline script our
    templates add to every page (:data:`INLINE_SCRIPTS`).
    """
    assets = []
    for path in served_assets(site):
        data = path.read_bytes()
        assets.append(Asset(path.relative_to(site).as_posix(), len(data), gzip_size(data)))
    for path in (project / rel for rel in INLINE_SCRIPTS):
        data = _JINJA_COMMENT.sub("", path.read_text(encoding="utf-8")).strip().encode("utf-8")
        assets.append(Asset(f"{path.relative_to(project).as_posix()} (inline, every page)", len(data), gzip_size(data)))
    return assets
