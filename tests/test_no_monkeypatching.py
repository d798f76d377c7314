"""No module of the project assigns to an attribute of MkDocs, Material, mkdocs-macros or Jinja.

Replacing another project's functions or methods (``Theme.get_env = ...``,
``env.from_string = ...``, ``setattr(context, "get_git_info", ...)``) ties the
build to those projects' internals and breaks silently when they change. We
customize only through their documented extension points (README, "How it is
built"). This test reads the Python in ``macros/``, ``hooks/``, ``tools/`` and
``bench/`` and fails on any such assignment.

What counts as "their" object, module by module, in source order:

* a name imported from one of their packages (``from mkdocs.theme import Theme``,
  ``import jinja2``);
* a parameter of an event handler (``on_*``) or of ``define_env``, which MkDocs
  and mkdocs-macros call with their own objects (``config``, ``env``, ``page``...),
  and any parameter annotated with one of their types;
* a name assigned from an expression that starts at one of those
  (``env = config.plugins["macros"].env``).

A write through such a name to an attribute (``x.attr = ...``, ``x.a.b += ...``,
``setattr(x, ...)``, ``delattr``, ``object.__setattr__(x, ...)``) fails the test.
Item assignment (``config.extra["polyfills"] = ...``, ``env.variables[...]``)
is how their documented dictionaries are meant to be filled, and is allowed.

A test rather than a lint rule: no ruff or mypy rule knows which objects belong to another
project; this follows them from imports and event parameters.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import ROOT

FOREIGN_PACKAGES = ("mkdocs", "material", "mkdocs_macros", "jinja2")
FOLDERS = ("macros", "hooks", "tools", "bench")
ENTRY_POINTS = ("define_env",)  # mkdocs-macros calls it with its plugin object


def _is_foreign_module(name: str | None) -> bool:
    return bool(name) and name.split(".")[0] in FOREIGN_PACKAGES  # type: ignore[union-attr]


def _root(node: ast.AST) -> str | None:
    """The name an expression starts from: ``a`` for ``a.b.c``, ``a.b()``, ``a[0].c``."""
    while True:
        if isinstance(node, ast.Attribute | ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Name):
            return node.id
        else:
            return None


def _annotation_is_foreign(annotation: ast.AST | None, foreign: set[str]) -> bool:
    return annotation is not None and any(isinstance(n, ast.Name) and n.id in foreign for n in ast.walk(annotation))


class _Checker(ast.NodeVisitor):
    def __init__(self, where: str) -> None:
        self.where = where
        self.foreign: set[str] = set()
        self.problems: list[str] = []

    def _flag(self, node: ast.AST, what: str) -> None:
        self.problems.append(f"{self.where}:{getattr(node, 'lineno', '?')}: {what}")

    # -- what is foreign

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if _is_foreign_module(alias.name):
                self.foreign.add((alias.asname or alias.name).split(".")[0])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if _is_foreign_module(node.module):
            self.foreign.update(alias.asname or alias.name for alias in node.names)

    def _visit_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        outer = set(self.foreign)
        args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        called_by_them = node.name.startswith("on_") or node.name in ENTRY_POINTS
        for arg in args:
            if arg.arg in ("self", "cls"):
                continue
            if called_by_them or _annotation_is_foreign(arg.annotation, self.foreign):
                self.foreign.add(arg.arg)
        self.generic_visit(node)
        self.foreign = outer

    visit_FunctionDef = _visit_function
    visit_AsyncFunctionDef = _visit_function

    # -- writes

    def _check_target(self, target: ast.AST, node: ast.AST) -> None:
        if isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self._check_target(element, node)
        elif isinstance(target, ast.Attribute) and _root(target) in self.foreign:
            self._flag(node, f"assigns to {ast.unparse(target)}, an attribute of another project's object")

    def _track(self, target: ast.AST, value: ast.AST | None) -> None:
        if isinstance(target, ast.Name) and value is not None:
            if _root(value) in self.foreign:
                self.foreign.add(target.id)
            else:
                self.foreign.discard(target.id)

    def visit_Assign(self, node: ast.Assign) -> None:
        self.generic_visit(node)
        for target in node.targets:
            self._check_target(target, node)
            self._track(target, node.value)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.generic_visit(node)
        self._check_target(node.target, node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.generic_visit(node)
        self._check_target(node.target, node)
        self._track(node.target, node.value)

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            self._check_target(target, node)

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        func = ast.unparse(node.func)
        if (
            func in ("setattr", "delattr", "object.__setattr__", "object.__delattr__")
            and node.args
            and _root(node.args[0]) in self.foreign
        ):
            self._flag(node, f"{func}({ast.unparse(node.args[0])}, ...) changes another project's object")


def monkeypatches(source: str, where: str = "<source>") -> list[str]:
    checker = _Checker(where)
    checker.visit(ast.parse(source))
    return checker.problems


def project_modules() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_assigns_to_an_attribute_of_mkdocs_material_macros_or_jinja():
    modules = project_modules()
    assert {p.relative_to(ROOT).parts[0] for p in modules} == set(FOLDERS), "a folder to check has no Python"
    problems = [
        problem
        for path in modules
        for problem in monkeypatches(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    ]
    assert not problems, "use a documented extension point instead:\n" + "\n".join(problems)


# --------------------------------------------------------------------------- the check finds what it must

CAUGHT = {
    "a class attribute": "from mkdocs.theme import Theme\nTheme.get_env = lambda self: None\n",
    "a module function": "from mkdocs_macros import context\ncontext.get_git_info = lambda: {}\n",
    "setattr on a module": "import jinja2\nsetattr(jinja2.Environment, 'compile', None)\n",
    "setattr with a name": "from mkdocs_macros import context\nsetattr(context, 'get_git_info', None)\n",
    "a plugin's method": "def on_config(config):\n    plugin = config.plugins['macros']\n    plugin.render = lambda md: md\n",
    "the theme's factory": "def on_config(config):\n    config.theme.get_env = lambda: None\n",
    "a Jinja environment": "def on_env(env, config, files):\n    env.loader = None\n    return env\n",
    "through two names": "def on_pre_build(config):\n    macros = config.plugins.get('macros')\n    env = macros.env\n    env.from_string = str\n",
    "an annotated parameter": "from jinja2 import Environment\ndef tune(e: Environment) -> None:\n    e.finalize = str\n",
    "the macros plugin": "def define_env(env):\n    env.macro = print\n",
    "a deletion": "import mkdocs.utils\ndel mkdocs.utils.get_build_date\n",
    "an augmented write": "def on_config(config):\n    config.theme.static_templates += ['x.html']\n",
}

ALLOWED = {
    "our own object": "def define_env(env):\n    macros = build(env.project_dir)\n    macros.docs_dir = 'docs'\n",
    "our own plugin": "from mkdocs.plugins import BasePlugin\nclass Capture(BasePlugin):\n    def __init__(self):\n        self.pages = 0\n",
    "a documented dictionary": "def on_config(config):\n    config.extra['polyfills'] = []\n    return config\n",
    "a reassigned name": "def on_config(config):\n    site = config.site_dir\n    site = Thing()\n    site.path = 1\n",
    "the standard library": "import zipfile\ninfo = zipfile.ZipInfo('a')\ninfo.external_attr = 0\n",
}


@pytest.mark.parametrize("case", list(CAUGHT))
def test_the_check_catches(case: str):
    assert monkeypatches(CAUGHT[case]), f"not caught: {CAUGHT[case]}"


@pytest.mark.parametrize("case", list(ALLOWED))
def test_the_check_allows(case: str):
    assert monkeypatches(ALLOWED[case]) == []
