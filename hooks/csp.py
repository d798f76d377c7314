"""A Content Security Policy on every page, as a ``<meta>`` element (listed under ``hooks:``).

GitHub Pages cannot send response headers, so the policy rides in each page's
``<head>``, right after ``<meta charset>`` and before any script, as a
``<meta http-equiv="Content-Security-Policy">``. It lets a page run only the
scripts this site ships: files from its own origin, and the inline scripts of
the build, each allowed by the sha256 hash of its exact text, computed here
from the built pages (Material's ``__md_scope`` script in the head, the
anchor script in its content partial, our palette script). A script that
reaches a page any other way (an injected ``<script>``, an ``onerror=``
attribute, a file from another origin) is blocked, and with it any reading
of the stories and recordings the practice tools keep in the browser.

Why each directive (README, "Content Security Policy"):

* the hashes are the union over the whole build, the same on every page:
  Material's instant navigation keeps the first page's policy (a meta policy
  can be added to, never lifted) and runs the next page's inline scripts
  under it; a page whose policy differs (front matter ``csp``, below) is
  loaded in full by ``site.js`` for the same reason;
* ``style-src``: Python-Markdown writes a table column's alignment as a
  ``style`` attribute (``style="text-align: right;"``); those exact values are
  allowed by hash with ``'unsafe-hashes'``, which permits only the attribute
  values hashed, instead of ``'unsafe-inline'``, which would permit any;
* ``img-src data:``: Material draws its icons as ``data:`` SVG images in its CSS;
* ``media-src blob:``: the coach plays a recording back from a ``blob:`` URL;
* ``worker-src 'self'``: Material's search worker and the service worker.

A page may add sources in its front matter, one line, for example for a
page that runs WebAssembly::

    csp: {script-src: "'wasm-unsafe-eval'"}

``'unsafe-eval'`` and ``'unsafe-inline'`` are refused there.

Two builds cannot carry the hashes, and allow inline scripts instead (a hash
turns ``'unsafe-inline'`` off, so it is one or the other):

* ``mkdocs serve``: MkDocs' live-reload script is inline and differs on every
  request; the built and published site never has it;
* the offline edition: from ``file://`` Material runs its search worker in an
  iframe (the iframe-worker shim), whose inline script holds the path the
  reader unzipped the site to. Every other directive still applies there.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Directive -> sources, on every page; build() adds the hashes.
BASE_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),
    "media-src": ("'self'", "blob:"),
    "worker-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
# Directives a page's front matter may extend; a meta policy ignores frame-ancestors, report-uri,
# report-to and sandbox, so they are not offered.
PAGE_DIRECTIVES = frozenset(BASE_POLICY) | {"connect-src", "font-src", "frame-src", "manifest-src", "child-src"}
REFUSED_SOURCES = frozenset({"'unsafe-eval'", "'unsafe-inline'"})
FRONT_MATTER_KEY = "csp"

CHARSET = '<meta charset="utf-8">'
META = '<meta http-equiv="Content-Security-Policy" content="{}">'
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
STYLE_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""")
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
SRC = re.compile(r"\bsrc\s*=", re.I)
# Script types the browser runs (the HTML standard's JavaScript MIME types, and modules).
JS_TYPES = frozenset(
    {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}
)


def source_hash(text: str) -> str:
    """The CSP hash source of an inline script's or style's text, as the browser computes it.

    The browser hashes the element's text as UTF-8, after its parser turned
    every CR LF and CR into LF.
    """
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalized.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(page: str) -> list[str]:
    """The text of each inline script the browser would run (no ``src``; a JavaScript type)."""
    found = []
    for attrs, body in SCRIPT.findall(page):
        kind = TYPE.search(attrs)
        if SRC.search(attrs) or (kind and kind.group(1).lower() not in JS_TYPES):
            continue
        found.append(body)
    return found


def inline_styles(page: str) -> tuple[list[str], list[str]]:
    """The text of each ``<style>`` element, and the value of each ``style`` attribute (entities decoded)."""
    markup = SCRIPT.sub("", page)
    elements = STYLE_ELEMENT.findall(markup)
    attributes = [
        html.unescape(a if a or not b else b) for a, b in STYLE_ATTRIBUTE.findall(STYLE_ELEMENT.sub("", markup))
    ]
    return elements, attributes


def page_sources(extra: Any, where: str) -> dict[str, tuple[str, ...]]:
    """A page's front matter ``csp`` as directive -> sources, checked."""
    if extra is None:
        return {}
    if not isinstance(extra, dict):
        raise PluginError(f"{where}: front matter '{FRONT_MATTER_KEY}' must map directives to sources")
    out: dict[str, tuple[str, ...]] = {}
    for directive, sources in extra.items():
        if directive not in PAGE_DIRECTIVES:
            raise PluginError(
                f"{where}: front matter '{FRONT_MATTER_KEY}': unknown or unsupported directive {directive!r}"
            )
        values = (
            tuple(sources.split())
            if isinstance(sources, str)
            else tuple(sources)
            if isinstance(sources, list)
            else None
        )
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            raise PluginError(f"{where}: front matter '{FRONT_MATTER_KEY}': {directive} needs one or more sources")
        refused = REFUSED_SOURCES.intersection(values)
        if refused:
            raise PluginError(
                f"{where}: front matter '{FRONT_MATTER_KEY}': {', '.join(sorted(refused))} is not allowed"
            )
        out[directive] = values
    return out


def build_policy(
    script_hashes: set[str],
    style_hashes: set[str],
    attribute_hashes: set[str],
    extra: dict[str, tuple[str, ...]] | None = None,
    *,
    inline_scripts_allowed: bool = False,
) -> str:
    """The policy text: :data:`BASE_POLICY`, the hashes, and a page's own additions.

    ``style_hashes`` are of ``<style>`` elements, ``attribute_hashes`` of ``style`` attributes,
    which a hash allows only beside ``'unsafe-hashes'``.
    """
    directives = {name: list(sources) for name, sources in BASE_POLICY.items()}
    if inline_scripts_allowed:
        directives["script-src"].append("'unsafe-inline'")
    else:
        directives["script-src"] += sorted(script_hashes)
    if attribute_hashes:
        directives["style-src"].append("'unsafe-hashes'")
    directives["style-src"] += sorted(style_hashes | attribute_hashes)
    for name, sources in (extra or {}).items():
        if name not in directives:
            # A new fetch directive replaces default-src for its kind: keep 'self' in it.
            directives[name] = list(BASE_POLICY["default-src"])
        directives[name] += [s for s in sources if s not in directives[name]]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def insert(page: str, policy: str, where: str) -> str:
    """``page`` with the policy's meta element right after ``<meta charset="utf-8">``, or fail naming ``where``."""
    found = page.count(CHARSET)
    if found != 1:
        raise PluginError(
            f"hooks/csp.py: {where} contains {CHARSET!r} {found} time(s), expected 1; the policy must come before any script"
        )
    if "Content-Security-Policy" in page.split(CHARSET, 1)[0]:
        raise PluginError(f"hooks/csp.py: {where} has a policy before its charset")
    return page.replace(CHARSET, CHARSET + META.format(html.escape(policy, quote=False).replace('"', "&quot;")), 1)


# --------------------------------------------------------------------------- MkDocs events

_command = "build"
_page_extras: dict[str, dict[str, tuple[str, ...]]] = {}  # built file (site-relative) -> front matter csp


def on_startup(command: str, **kwargs: Any) -> None:
    global _command
    _command = command


def on_pre_build(config: MkDocsConfig) -> None:
    _page_extras.clear()


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    extra = page_sources(page.meta.get(FRONT_MATTER_KEY), page.file.src_uri)
    if extra:
        _page_extras[page.file.dest_uri] = extra
    return output


def _offline(config: MkDocsConfig) -> bool:
    from material.plugins.offline.plugin import OfflinePlugin

    return any(isinstance(p, OfflinePlugin) and p.config.enabled for p in config.plugins.values())


# After every other hook and plugin has written its pages (the 404 page and the offline plugin's edits included).
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    files = sorted(site.rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in files}
    scripts: set[str] = set()
    styles: set[str] = set()
    attributes: set[str] = set()
    for text in texts.values():
        scripts.update(source_hash(s) for s in inline_scripts(text))
        in_elements, in_attributes = inline_styles(text)
        styles.update(source_hash(s) for s in in_elements)
        attributes.update(source_hash(s) for s in in_attributes)
    relaxed = _command == "serve" or _offline(config)
    for path, text in texts.items():
        rel = path.relative_to(site).as_posix()
        policy = build_policy(scripts, styles, attributes, _page_extras.get(rel), inline_scripts_allowed=relaxed)
        path.write_text(insert(text, policy, rel), encoding="utf-8")
