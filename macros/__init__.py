"""mkdocs-macros entry point: ``define_env`` only registers the macros.

Loading, validation and shaping live in plain modules (``data``, ``shape``,
``render``, ``pages``) that the unit tests use without MkDocs.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from . import coding, data, design, diagram, errors, examples, home, pages, render, runner, search_terms, shape, worked
from .errors import DataError

__all__ = ["DataError", "define_env", "on_post_build"]

_fresh = True  # set until the first define_env call: the modules were just imported
_macros: pages.GuideMacros | None = None  # this build's GuideMacros, for on_post_build


def _reload() -> type[pages.GuideMacros]:
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
        for module in (
            errors,
            data,
            render,
            shape,
            diagram,
            design,
            examples,
            worked,
            home,
            search_terms,
            coding,
            runner,
            pages,
        ):
            importlib.reload(module)
    return pages.GuideMacros


def define_env(env: Any) -> None:
    """Register every macro of :class:`macros.pages.GuideMacros` with mkdocs-macros.

    Zensical calls this same function from its own mkdocs-macros shim; its page
    object carries the docs path as ``page.path`` instead of ``page.file.src_uri``.
    """
    global _macros
    guide_macros = _reload()

    def here() -> str:
        file = getattr(env.page, "file", None)
        src: str = file.src_uri if file is not None else env.page.path
        return src

    try:
        macros = guide_macros.from_project(Path(env.project_dir), here)
    except errors.DataError as exc:
        try:
            from mkdocs.exceptions import PluginError
        except ImportError:  # Zensical: no MkDocs; it reports the DataError itself
            raise exc from None
        raise PluginError(str(exc)) from None
    macros.docs_dir = _docs_dir(env)
    # Read when a page renders, not now: Material's offline plugin turns directory URLs off in its
    # own on_config, which runs after this one. Links inside the tools' JSON data need the URL form.
    macros.directory_urls = lambda: bool(getattr(env, "conf", {}).get("use_directory_urls", True))
    # mkdocs-macros prints a traceback for an exception raised inside a page; MkDocs prints
    # one line for a PluginError raised by on_post_build (mkdocs-macros' documented module
    # hook, which Zensical does not call), so errors wait for it. Under Zensical the macro
    # raises the error itself, and Zensical reports it.
    macros.defer_errors = _is_mkdocs_macros(env)
    _macros = macros
    for name, func in macros.registry().items():
        env.macro(macros.checked(name, func), name)


def on_post_build(env: Any) -> None:
    """mkdocs-macros' post-build hook: write the practice coach's data file into the site, then
    stop the build with one line per unknown id a page used (page, call, problem)."""
    if _macros is None:
        return
    if not _macros.problems:
        pages.write_coach_data(_macros.site, Path(env.conf["site_dir"]), _macros.coding_data)
        return
    problems = [str(p) for p in _macros.problems]
    _macros.problems.clear()
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
