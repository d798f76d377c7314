"""Show each tag by its name ("Company specific"), not by the id pages write ("company-specific").

Pages keep short, stable ids in their front matter (the Amazon overview keeps the
source document's own ``tags: [company-specific]``); ``data/tags.yml`` gives each
id the name readers see. MkDocs hands a page's front matter to plugins as
``page.meta`` on ``on_page_markdown``; this hook runs there before Material's tags
plugin (priority -50) and search plugin (``on_page_context``) read it, so the page
header, the Tags page and the search results all show the name. A tag with no name
fails the build, naming the page and the tag.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

TAGS_FILE = Path("data") / "tags.yml"


def load_names(path: Path) -> dict[str, str]:
    """Tag id -> name, checked: every key and value a non-empty string."""
    try:
        names = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PluginError(f"{TAGS_FILE}: cannot read: {exc}") from None
    if not isinstance(names, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in names.items()
    ):
        raise PluginError(f"{TAGS_FILE}: expected 'tag-id: Name shown to readers' lines")
    return names


def named(tags: list[object], names: dict[str, str], page: str) -> list[str]:
    out = []
    for tag in tags:
        if tag not in names:
            raise PluginError(f"{page}: tag {tag!r} has no name in {TAGS_FILE}")
        out.append(names[tag])
    return out


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    tags = page.meta.get("tags")
    if isinstance(tags, list) and tags:
        names = load_names(Path(config.config_file_path).resolve().parent / TAGS_FILE)
        page.meta["tags"] = named(tags, names, page.file.src_uri)
    return markdown
