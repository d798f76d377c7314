"""The one edit to Material's output that no override can make (listed under ``hooks:``).

How this site customizes Material, in order of preference (README, "How it is built"):

1. block overrides in ``overrides/main.html`` (``htmltitle``, ``extrahead``,
   ``content``, ``config``);
2. overrides at Material's own paths under ``overrides/partials/``; where one
   is a copy of Material's file with a change, ``tests/test_material.py`` pins
   the upstream file's sha256, so a Material upgrade fails a unit test;
3. a checked string edit of the built pages, here, only for what neither can
   reach, each with its reason.

The edit: ``base.html`` writes the drawer and search toggles outside any block
(so neither a block override nor a partial reaches them) with
``autocomplete="off"``, which HTML allows only on text-like inputs (the Nu HTML
Checker rejects it); a copy of all of ``base.html`` to change two attributes
would hide every other upstream change to it. Material uses the attribute so
Firefox does not restore an open drawer or search overlay after a reload. An
empty hidden form with ``autocomplete="off"`` keeps that promise for every
control it owns, and the ``form`` attribute makes it their owner without moving
them, so Material's sibling (``~``) selectors still work.

It runs on MkDocs' documented output events (``on_post_page`` for every page,
``on_post_template`` for ``404.html``). Each edit must match exactly as often
as expected; if a Material upgrade changes the markup, the build stops and
names the page and the edit, and ``tests/test_material.py`` fails first, on
Material's source.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError

Patch = tuple[str, str, int]  # (old, new, expected number of occurrences)

TOGGLE = '<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">'
TOGGLE_FIXED = '<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" form="__md-toggles">'

# Material's template that writes each edited string, and the edits.
TEMPLATE = "base.html"
PATCHES: list[Patch] = [
    # base.html writes this outside any block: autocomplete="off" is invalid on a checkbox; a hidden form keeps it for both toggles.
    (
        TOGGLE.format(name="drawer"),
        '<form id="__md-toggles" autocomplete="off" hidden></form>' + TOGGLE_FIXED.format(name="drawer"),
        1,
    ),
    # The same for the search toggle, which the form above now owns.
    (TOGGLE.format(name="search"), TOGGLE_FIXED.format(name="search"), 1),
]


def patch(where: str, html: str, patches: list[Patch] = PATCHES) -> str:
    """Apply ``patches`` to one built page, or fail naming what no longer matches."""
    for old, new, expected in patches:
        found = html.count(old)
        if found != expected:
            raise PluginError(
                f"hooks/material_patches.py: {where} contains {old!r} {found} time(s), "
                f"expected {expected}; Material's {TEMPLATE} changed, so review this edit"
            )
        html = html.replace(old, new)
    return html


def on_post_page(output: str, page: Any, config: Any) -> str:
    return patch(page.file.src_uri, output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    # Of the theme's static templates only 404.html is a page built on base.html (sitemap.xml is not).
    return patch(template_name, output_content) if template_name == "404.html" else output_content
