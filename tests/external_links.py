"""The one list of external URLs the built site may link to.

Every source in ``data/sources/*.yml`` (each one checked by the data layer:
https, no spaces or quotes), plus the few addresses below that are not
sources. A link to anything else is a mistake: cite a source instead
(CONTRIBUTING.md), or, if it really is not a source, add it here with the
reason.
"""

from __future__ import annotations

from pathlib import Path

from macros.data import load_site
from tests.support import ROOT

# External addresses that are not cited sources: URL -> why the site links to it.
OTHER_ALLOWED = {
    "https://squidfunk.github.io/mkdocs-material/": "Material for MkDocs credit in the footer (partials/copyright.html)",
}


def allowed_external_urls(data: Path = ROOT / "data") -> dict[str, str]:
    """URL -> where it is allowed from (a source id and file, or the reason above)."""
    allowed = {url: reason for url, reason in OTHER_ALLOWED.items()}
    for source in load_site(data).sources.values():
        allowed[source.url] = f"source '{source.id}'"
    return allowed
