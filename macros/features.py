"""Every macro a page may call, collected from the feature modules that own them.

Each feature module writes its macros as functions whose first parameter is a
:class:`~macros.context.Context` and lists them in its ``MACROS``; a new feature adds
its module here and nothing else.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    answers,
    coach,
    coding_round,
    companies,
    home,
    links,
    mock_loop,
    numbers,
    practice,
    principles,
    questions,
    search_terms,
    walkthroughs,
)
from .context import Macro

FEATURES: tuple[ModuleType, ...] = (
    links,
    numbers,
    principles,
    questions,
    companies,
    practice,
    mock_loop,
    answers,
    walkthroughs,
    search_terms,
    home,
    coach,
    coding_round,
)


def macros() -> dict[str, Macro]:
    """Macro name -> function, for ``define_env`` to register; two features never share a name."""
    found: dict[str, Macro] = {}
    for feature in FEATURES:
        for name, func in feature.MACROS.items():
            if name in found:
                raise RuntimeError(f"{feature.__name__} and {found[name].__module__} both define the macro '{name}'")
            found[name] = func
    return found
