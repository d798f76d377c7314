"""Small, checked edits to Material templates that no block override can reach.

Material writes a few attributes outside any Jinja block or inside a macro, so
``overrides/main.html`` cannot change them and the only alternative would be a
full copy of Material's file. Instead this hook wraps the theme's template
loader and edits those exact strings in Material's own source as it is loaded:

* ``base.html``: the drawer and search toggles carry ``autocomplete="off"``,
  which HTML allows only on text-like inputs (the Nu HTML Checker rejects it).
  Material uses it so Firefox does not restore an open drawer or search overlay
  after a reload. An empty hidden form with ``autocomplete="off"`` keeps that
  promise for every control it owns, and the ``form`` attribute makes it their
  owner without moving them, so Material's sibling (``~``) selectors still work.
* ``partials/header.html`` and ``base.html``: the inline script that restores
  a reader's chosen palette sits in the header, before the content. An inline
  script waits for the stylesheets, so the browser painted the header alone
  and the content in a second frame, after Material's bundle had run, which
  made the content's paint (Largest Contentful Paint) wait for the bundle.
  Moved to the end of ``<body>``, it still runs before that first paint
  (rendering waits for the same stylesheets), so the colours are right from
  the first frame, and the parser reaches the content first.
* ``partials/palette.html``: the palette toggle is no longer Material's
  component (``data-md-component="palette"``). At start-up that component set
  a style-wide attribute on ``<body>`` and a ``color-scheme`` meta element and
  read the header's computed style in between, so the browser restyled every
  element of the page two or three times more than plain Material does
  (bench/NOTES.md). ``overrides/partials/javascripts/palette.html`` applies the
  palette before the first paint and ``docs/javascripts/site.js`` runs the
  toggle; ``data-guide-palette`` is how they find the form.
* ``partials/nav-item.html``: a section's label gets ``tabindex=""`` (invalid)
  where Material means "no tabindex"; and a section with an index page names
  its ``<nav>`` after a label that holds only an icon, leaving several unnamed
  navigation landmarks (axe: landmark-unique). It is named by its title instead.

Every edit must match exactly as often as expected; if a Material upgrade
changes the source, the build stops and names the template and the edit.
"""

from __future__ import annotations

from typing import Callable

from jinja2 import BaseLoader, Environment, TemplateNotFound
from mkdocs.exceptions import PluginError

Patch = tuple[str, str, int]  # (old, new, expected number of occurrences)

TOGGLE = '<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
TOGGLE_FIXED = '<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" form="__md-toggles">'

PALETTE_SCRIPT = """    {% if not config.theme.palette is mapping %}
      {% include "partials/javascripts/palette.html" %}
    {% endif %}"""

PATCHES: dict[str, list[Patch]] = {
    "base.html": [
        (
            TOGGLE.format(name="drawer"),
            '<form id="__md-toggles" autocomplete="off" hidden></form>' + TOGGLE_FIXED.format(name="drawer"),
            1,
        ),
        (TOGGLE.format(name="search"), TOGGLE_FIXED.format(name="search"), 1),
        ("    {% block config %}", PALETTE_SCRIPT + "\n    {% block config %}", 1),
    ],
    "partials/header.html": [(PALETTE_SCRIPT, "", 1)],
    "partials/palette.html": [('data-md-component="palette"', "data-guide-palette", 1)],
    "partials/nav-item.html": [
        ('tabindex="{{ tabindex }}">', '{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>', 2),
        (
            'aria-labelledby="{{ path }}_label" aria-expanded',
            '{% if index %}aria-label="{{ nav_item.title | striptags | e }}"{% else %}aria-labelledby="{{ path }}_label"{% endif %} aria-expanded',
            1,
        ),
    ],
}


def patch_source(name: str, source: str, patches: list[Patch]) -> str:
    """Apply ``patches`` to one template's source, or fail naming what no longer matches."""
    for old, new, expected in patches:
        found = source.count(old)
        if found != expected:
            raise PluginError(
                f"hooks/material_patches.py: Material's {name} contains {old!r} {found} time(s), "
                f"expected {expected}; Material changed, so review this edit"
            )
        source = source.replace(old, new)
    return source


class PatchingLoader(BaseLoader):
    """Delegates to the theme's loader and edits the listed templates."""

    def __init__(self, inner: BaseLoader, patches: dict[str, list[Patch]]) -> None:
        self.inner = inner
        self.patches = patches

    def get_source(self, environment: Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template in self.patches:
            source = patch_source(template, source, self.patches[template])
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()


def on_env(env: Environment, config: object, files: object) -> Environment:
    if env.loader is None:
        raise TemplateNotFound("the theme has no template loader")
    env.loader = PatchingLoader(env.loader, PATCHES)
    return env
