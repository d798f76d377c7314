"""Render macro templates from ``overrides/partials/macros/``.

Two Jinja environments share one template folder:

* ``*.md`` templates produce Markdown. Every ``{{ value }}`` passes through
  :func:`md_escape`, so data can never become Markdown, HTML or Jinja syntax.
* ``*.html`` templates produce HTML with Jinja's autoescape on.

Values that are already safe (links we computed, JSON for scripts) are
wrapped in :class:`markupsafe.Markup` by the shaping code.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

# Characters left as they are: letters, digits, white space and punctuation
# that has no meaning in Markdown, HTML or Jinja when it stands mid-line, and
# every non-ASCII character. Anything else is written as a numeric entity.
_ESCAPED = re.compile(r"[^A-Za-z0-9 ,.;?'/%$@\u0080-\U0010ffff]")


def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match.group())};"


def md_escape(value: Any) -> str:
    """Turn a data value into Markdown that renders as exactly that text."""
    if isinstance(value, Markup):
        return str(value)
    return _ESCAPED.sub(_entity, " ".join(str(value).split()))


def relative_link(from_page: str, to_page: str, anchor: str | None = None) -> Markup:
    """A link from one docs-relative ``.md`` file to another, for MkDocs to validate."""
    start = posixpath.dirname(from_page) or "."
    rel = posixpath.relpath(to_page, start)
    if anchor:
        rel = f"{rel}#{anchor}" if to_page != from_page else f"#{anchor}"
    return Markup(rel)


class Renderer:
    """Renders the macro templates; one instance per build."""

    def __init__(self, templates: Path) -> None:
        loader = FileSystemLoader(str(templates))
        # One instance per build reads each template once: no need to look at its file again on every call.
        common: dict[str, Any] = {"loader": loader, "undefined": StrictUndefined, "auto_reload": False}
        self._md = Environment(
            **common,
            autoescape=False,
            finalize=md_escape,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._html = Environment(
            **common,
            autoescape=True,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )

        # An HTML template that also writes Markdown (a line of links MkDocs should check) passes
        # data through `|md` there: entities for every character Markdown or HTML would read.
        self._html.filters["md"] = lambda value: Markup(md_escape(value))

    def render(self, name: str, **context: Any) -> str:
        env = self._md if name.endswith(".md") else self._html
        return env.get_template(name).render(**context)
