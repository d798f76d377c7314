"""Show each tag by its name ("Company specific"), not by the id pages write ("company-specific").

Pages keep short, stable ids in their front matter (the Amazon overview keeps the
source document's own ``tags: [company-specific]``); ``data/tags.yml`` gives each
id the name readers see. MkDocs hands a page's front matter to plugins as
``page.meta`` on ``on_page_markdown``; this hook runs there before Material's tags
plugin (priority -50) and search plugin (``on_page_context``) read it, so the page
header, the Tags page and the search results all show the name. A tag with no name
fails the build, naming the page and the tag.

The file's shape is :class:`TagNames` (a pydantic model: kebab-case id to non-empty
name), read once per build and again only when the file changes. A hook cannot
import the ``macros`` package (MkDocs puts only ``hooks/`` on the import path while
it loads a hook), so the model and the one-line error, worded as
``macros.errors.DataError`` words it, live here.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from pydantic import ConfigDict, RootModel, StrictStr, StringConstraints, ValidationError

TAGS_FILE = Path("data") / "tags.yml"
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


TagId = Annotated[StrictStr, StringConstraints(pattern=_TAG_ID)]
TagName = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]


class TagNames(RootModel[dict[TagId, TagName]]):
    """``data/tags.yml``: each tag id pages write (kebab-case) and the name readers see."""

    # Editors' JSON Schema: only kebab-case ids (patternProperties) may be keys.
    model_config = ConfigDict(json_schema_extra={"additionalProperties": False})


SCHEMAS: dict[str, Any] = {"tags.yml": TagNames}


def _fail(problem: str, entry: str | None = None) -> PluginError:
    """One line, as macros.errors.DataError words it: the file, the entry, the problem."""
    where = TAGS_FILE.as_posix() + (f", entry '{entry}'" if entry is not None else "")
    return PluginError(f"{where}: {problem}")


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _problem(error: Mapping[str, Any]) -> str:
    value = error.get("input")
    if error["type"] == "string_pattern_mismatch":
        return f"'{value}' is not a kebab-case id (a-z, 0-9 and single hyphens)"
    if error["type"] == "string_too_short":
        return "must not be empty"
    if error["type"] == "string_type":
        return f"must be text, got {_kind(value)}"
    return str(error["msg"])


@functools.lru_cache(maxsize=4)
def _read(path: Path, mtime_ns: int) -> Mapping[str, str]:
    """The names in ``path`` as it was at ``mtime_ns``: read once per version of the file."""
    text = path.read_text(encoding="utf-8")
    try:
        try:
            doc = yaml.load(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            doc = yaml.safe_load(text)  # the pure-Python parser says where the mistake is
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise _fail(f"is not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from None
    if doc is None:
        raise _fail("is empty")
    if not isinstance(doc, dict):
        raise _fail(f"must be a mapping of tag id to name, got {_kind(doc)}")
    try:
        names = TagNames.model_validate(doc).root
    except ValidationError as exc:
        error = exc.errors()[0]
        raise _fail(_problem(error), str(error["loc"][0])) from None
    return MappingProxyType(names)


def load_names(path: Path) -> Mapping[str, str]:
    """Tag id -> name, checked: a kebab-case id, a non-empty name."""
    try:
        mtime_ns = path.stat().st_mtime_ns
    except OSError:
        raise _fail("file is missing") from None
    return _read(path, mtime_ns)


def named(tags: list[object], names: Mapping[str, str], page: str) -> list[str]:
    out = []
    for tag in tags:
        if not isinstance(tag, str) or tag not in names:
            raise PluginError(f"{page}: tag {tag!r} has no name in {TAGS_FILE}")
        out.append(names[tag])
    return out


def _names(config: MkDocsConfig) -> Mapping[str, str]:
    return load_names(Path(config.config_file_path).resolve().parent / TAGS_FILE)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the names before any page: a broken file fails the build in one line, not inside a page's."""
    _names(config)
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    tags = page.meta.get("tags")
    if isinstance(tags, list) and tags:
        page.meta["tags"] = named(tags, _names(config), page.file.src_uri)
    return markdown
