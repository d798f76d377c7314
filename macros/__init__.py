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

__all__ = ["DataError", "define_env"]


def _reload() -> type:
    """Re-import the plain modules so ``mkdocs serve`` picks up edits to them.

    mkdocs-macros imports this package once per process and calls
    ``define_env`` on every rebuild; without this, edited macros would only
    take effect after restarting the server.
    """
    for module in (errors, data, render, shape, pages):
        importlib.reload(module)
    return pages.GuideMacros


def define_env(env: Any) -> None:
    """Register every macro of :class:`macros.pages.GuideMacros` with mkdocs-macros."""
    guide_macros = _reload()
    try:
        macros = guide_macros.from_project(Path(env.project_dir), lambda: env.page.file.src_uri)
    except errors.DataError as exc:
        from mkdocs.exceptions import PluginError

        raise PluginError(str(exc)) from None
    for name, func in macros.registry().items():
        env.macro(func, name)
