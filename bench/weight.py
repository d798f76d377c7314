"""The site's own CSS and JavaScript, gzipped, against the budget."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .common import gzip_size
from .project import OWN_ASSET_DIRS


@dataclass(frozen=True)
class Asset:
    path: str  # docs-relative
    raw: int
    gzip: int


def own_assets(project: Path) -> list[Asset]:
    """Every .css and .js file under docs/stylesheets and docs/javascripts, each gzipped on its own."""
    docs = project / "docs"
    assets = []
    for folder in OWN_ASSET_DIRS:
        for path in sorted((docs / folder).rglob("*")):
            if path.is_file() and path.suffix in (".css", ".js"):
                data = path.read_bytes()
                assets.append(Asset(path.relative_to(docs).as_posix(), len(data), gzip_size(data)))
    return assets
