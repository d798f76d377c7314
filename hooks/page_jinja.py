"""Under ``mkdocs serve``, a page's Jinja mistake stops the build with one line: page, line, problem.

mkdocs-macros renders every page as a Jinja template. When a page calls a macro that does
not exist (``{{ guide_lnk("google") }}``), leaves a call unclosed (``{{ cite("x" }}``) or
calls a macro with arguments it does not take (``{{ number() }}``),
mkdocs-macros reports it as a warning holding a Python traceback and then, with
``on_error_fail``, ends the process, which also ends ``make serve``. This hook reads the
page first, with the same Jinja environment and the same names mkdocs-macros renders it
with, and raises a ``PluginError`` instead:

    docs/index.md:3: unknown macro or variable 'guide_lnk' (did you mean 'guide_link'?)

MkDocs prints a ``PluginError`` as that one line, keeps serving and rebuilds when the page
changes (``tools/serve.py``, behind ``make serve``, says more). Pages that turn rendering
off (``render_macros: false``) are left alone, as mkdocs-macros leaves them.

Only ``mkdocs serve`` reads the pages twice: parsing them costs about 3% of a build's CPU
time, and a build (``make build``, the tests) stops at the same mistake anyway, with
mkdocs-macros' own report.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Mapping
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, nodes
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs_macros.plugin import MacrosPlugin


def problem(
    markdown: str,
    env: Environment,
    known: set[str],
    macros: Mapping[str, Callable[..., object]] | None = None,
    *,
    strict: bool = True,
) -> tuple[int, str] | None:
    """``(line, problem)`` for the first Jinja mistake in ``markdown`` (lines counted in it), or None.

    ``strict``: a name outside ``known`` is a mistake too (mkdocs-macros' ``on_undefined: strict``).
    A call to one of ``macros`` must fit its signature (checked without calling it).
    """
    try:
        tree = env.parse(markdown)
    except TemplateSyntaxError as exc:
        return exc.lineno, exc.message or "is not valid Jinja"
    unknown = [n for n in tree.find_all(nodes.Name) if n.ctx == "load" and n.name not in known] if strict else []
    if unknown:
        unknown = [n for n in unknown if n.name not in _declared(tree)]
    if unknown:
        line, name = min((n.lineno, n.name) for n in unknown)
        close = difflib.get_close_matches(name, sorted(known), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return line, f"unknown macro or variable '{name}'{hint}"
    for call in tree.find_all(nodes.Call):
        wrong = _misfit(call, macros or {})
        if wrong is not None:
            return call.lineno, wrong
    return None


def _declared(tree: nodes.Template) -> set[str]:
    """Every name the page itself sets anywhere (``set``, ``for``, ``macro``, ``import``...).

    Looser than Jinja's scoping, and cheaper than ``jinja2.meta.find_undeclared_variables``,
    which compiles the page: a name set anywhere is not reported.
    """
    names = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    names |= {n.name for n in tree.find_all(nodes.Macro)}
    names |= {n.target for n in tree.find_all(nodes.Import)}
    for imported in tree.find_all(nodes.FromImport):
        names |= {alias if isinstance(alias, str) else alias[1] for alias in imported.names}
    return names


def _misfit(call: nodes.Call, macros: Mapping[str, Callable[..., object]]) -> str | None:
    """Why ``call`` does not fit the signature of the macro it names, or None (also when it cannot tell)."""
    if not isinstance(call.node, nodes.Name) or call.node.name not in macros or call.dyn_args or call.dyn_kwargs:
        return None
    try:
        signature = inspect.signature(macros[call.node.name])
    except (TypeError, ValueError):  # no signature to check against
        return None
    try:
        signature.bind(*call.args, **{k.key: k.value for k in call.kwargs})
    except TypeError as exc:
        return f"{call.node.name}(): {exc}"
    return None


def _lines_before(page: Page, markdown: str) -> int:
    """How many lines of the page's file come before ``markdown`` (its front matter)."""
    source = page.file.content_string
    return source[: len(source) - len(markdown)].count("\n") if source.endswith(markdown) else 0


_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


# Before mkdocs-macros (priority 0) renders the page.
@event_priority(50)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, **kwargs: object) -> str:
    plugin = config.plugins.get("macros")
    if not _serving or not isinstance(plugin, MacrosPlugin) or page.meta.get("render_macros") is False:
        return markdown
    # What a page's template can name: mkdocs-macros' variables and macros (Jinja globals), the
    # page's front matter, and `page`, which mkdocs-macros sets just before it renders.
    known = {*plugin.env.globals, *plugin.variables, *page.meta, "page"}
    strict = plugin.config["on_undefined"] == "strict"
    found = problem(markdown, plugin.env, known, dict(plugin.macros), strict=strict)
    if found is None:
        return markdown
    line, text = found
    docs = Path(config.docs_dir).resolve()
    project = Path(config.config_file_path).resolve().parent
    where = docs.relative_to(project).as_posix() if docs.is_relative_to(project) else str(docs)
    raise PluginError(f"{where}/{page.file.src_uri}:{line + _lines_before(page, markdown)}: {text}")
