"""mkdocs-macros entry point: ``define_env`` only registers the macros.

Loading and validation (``data``, ``design``, ``examples``, ``coding``, ``search_terms``)
and rendering (``render``) live in plain modules that the unit tests use without MkDocs.
Each feature's shaping and macros live in its own module, listed in ``features``; ``shape``
holds the page links several features share, and ``storage`` the browser storage's format.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

from . import (
    coach,
    coding,
    context,
    data,
    design,
    diagram,
    errors,
    examples,
    features,
    relabel,
    render,
    runner,
    schema,
    search_terms,
    shape,
    storage,
)
from .errors import DataError

__all__ = ["DataError", "define_env", "on_post_build"]

# Every module of the package, each after the modules it imports: the order they are reloaded in.
# The modules the features build on, then the features (macros/features.py lists them), then that list.
_BASE: tuple[ModuleType, ...] = (
    errors,
    schema,
    relabel,
    data,
    render,
    storage,
    shape,
    diagram,
    design,
    examples,
    search_terms,
    coding,
    runner,
    context,
)
_MODULES: tuple[ModuleType, ...] = (
    *_BASE,
    *(feature for feature in features.FEATURES if feature not in _BASE),
    features,
)

_fresh = True  # set until the first define_env call: the modules were just imported
_context: context.Context | None = None  # this build's Context, for on_post_build


def _reload() -> None:
    """Re-import the plain modules so ``mkdocs serve`` picks up edits to them.

    mkdocs-macros imports this package once per process and calls
    ``define_env`` on every rebuild; without this, edited macros would only
    take effect after restarting the server. The first call follows the
    package's own import, so the modules are fresh and a build skips it.
    """
    global _fresh
    if _fresh:
        _fresh = False
    else:
        for module in _MODULES:
            importlib.reload(module)


def define_env(env: Any) -> None:
    """Register every macro of :func:`macros.features.macros` with mkdocs-macros.

    Zensical calls this same function from its own mkdocs-macros shim; its page
    object carries the docs path as ``page.path`` instead of ``page.file.src_uri``.
    """
    global _context
    _reload()

    def here() -> str:
        file = getattr(env.page, "file", None)
        src: str = file.src_uri if file is not None else env.page.path
        return src

    try:
        ctx = context.Context.from_project(Path(env.project_dir), here)
    except errors.DataError as exc:
        try:
            from mkdocs.exceptions import PluginError
        except ImportError:  # Zensical: no MkDocs; it reports the DataError itself
            raise exc from None
        raise PluginError(str(exc)) from None
    ctx.docs_dir = _docs_dir(env)
    # Read when a page renders, not now: Material's offline plugin turns directory URLs off in its
    # own on_config, which runs after this one. Links inside the tools' JSON data need the URL form.
    ctx.directory_urls = lambda: bool(getattr(env, "conf", {}).get("use_directory_urls", True))
    # mkdocs-macros prints a traceback for an exception raised inside a page; MkDocs prints
    # one line for a PluginError raised by on_post_build (mkdocs-macros' documented module
    # hook, which Zensical does not call), so errors wait for it. Under Zensical the macro
    # raises the error itself, and Zensical reports it.
    ctx.defer_errors = _is_mkdocs_macros(env)
    _context = ctx
    for name, func in features.macros().items():
        env.macro(context.checked(ctx, name, func), name)


def on_post_build(env: Any) -> None:
    """mkdocs-macros' post-build hook: write the practice coach's data file into the site, then
    stop the build with one line per author's mistake a page made (page, call, problem)."""
    if _context is None:
        return
    if not _context.problems:
        coach.write_coach_data(_context.site, Path(env.conf["site_dir"]), _context.coding_data)
        return
    problems = [str(p) for p in _context.problems]
    _context.problems.clear()
    from mkdocs.exceptions import PluginError

    raise PluginError("\n".join(problems))


def _docs_dir(env: Any) -> str:
    """The docs folder as the author sees it, relative to the project (``docs``)."""
    conf: Any = getattr(env, "conf", None)
    try:
        return Path(conf["docs_dir"]).resolve().relative_to(Path(env.project_dir).resolve()).as_posix()
    except (TypeError, KeyError, ValueError):
        return "docs"


def _is_mkdocs_macros(env: Any) -> bool:
    try:
        from mkdocs_macros.plugin import MacrosPlugin
    except ImportError:
        return False
    return isinstance(env, MacrosPlugin)
