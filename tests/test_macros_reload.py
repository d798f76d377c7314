"""``make serve`` reloads the macros package's modules on every rebuild (macros/__init__.py,
``_reload``): each one, after the modules of the package it imports, or an edit is served stale."""

from __future__ import annotations

import ast

import macros
from tests.support import ROOT


def _imports(name: str) -> set[str]:
    """The package's modules that ``macros/<name>.py`` imports (``from . import x``, ``from .x import y``)."""
    tree = ast.parse((ROOT / "macros" / f"{name}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    nodes: list[ast.AST] = [tree]
    while nodes:
        node = nodes.pop()
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            nodes += node.orelse  # imports for the type checker alone do not run
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found |= {node.module} if node.module else {alias.name for alias in node.names}
        nodes += ast.iter_child_nodes(node)
    return found


def test_every_module_is_reloaded_after_those_it_imports():
    order = [m.__name__.removeprefix("macros.") for m in macros._MODULES]
    modules = sorted(p.stem for p in (ROOT / "macros").glob("*.py") if p.stem != "__init__")
    assert sorted(order) == modules, "every module of the package is reloaded, once"
    for i, name in enumerate(order):
        late = _imports(name) - set(order[:i])
        assert not late, f"macros/{name}.py imports {sorted(late)}, reloaded after it"
