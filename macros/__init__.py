"""mkdocs-macros entry point: ``define_env`` only registers the macros.

Loading, validation and shaping live in plain modules (``data``, ``shape``,
``render``, ``pages``) that the unit tests use without MkDocs.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from . import data, errors, pages, render, shape
from .errors import DataError

__all__ = ["DataError", "define_env", "on_post_build"]

_fresh = True  # set until the first define_env call: the modules were just imported
_loaded: list[Any] = []  # the site data of the latest define_env, for on_post_build


def _reload() -> type:
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
        for module in (errors, data, render, shape, pages):
            importlib.reload(module)
    return pages.GuideMacros


def define_env(env: Any) -> None:
    """Register every macro of :class:`macros.pages.GuideMacros` with mkdocs-macros.

    Zensical calls this same function from its own mkdocs-macros shim; its page
    object carries the docs path as ``page.path`` instead of ``page.file.src_uri``.
    """
    guide_macros = _reload()

    def here() -> str:
        file = getattr(env.page, "file", None)
        return file.src_uri if file is not None else env.page.path

    try:
        macros = guide_macros.from_project(Path(env.project_dir), here)
    except errors.DataError as exc:
        try:
            from mkdocs.exceptions import PluginError
        except ImportError:  # Zensical: no MkDocs; it reports the DataError itself
            raise exc from None
        raise PluginError(str(exc)) from None
    _loaded[:] = [macros.site]
    for name, func in macros.registry().items():
        env.macro(func, name)


def on_post_build(env: Any) -> None:
    """mkdocs-macros' post-build hook: write the practice coach's data file into the site."""
    if _loaded:
        pages.write_coach_data(_loaded[0], Path(env.conf["site_dir"]))
