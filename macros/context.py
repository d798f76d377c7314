"""What every macro reads: the build's loaded data and the page being rendered, and the wrapper
that reports a page author's mistake in one line.

Each feature module (``links``, ``numbers``, ``principles``, ...) writes its macros as plain
functions whose first parameter is a :class:`Context`; ``macros.features`` collects them and
``define_env`` registers each one through :func:`checked`.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import coding, search_terms, shape
from .data import SiteData, load_site
from .design import Walkthrough, load_walkthroughs
from .errors import AuthorError, MacroError
from .examples import Examples, load_examples
from .render import Renderer

# The source document the site is built from; every correction's original is a line of it.
SOURCE_DOCUMENT = Path("tests") / "fixtures" / "amazon-interview-guide.source.md"


@dataclass(repr=False)
class Context:
    """The build's data and the calling page (``here`` returns its docs path).

    ``docs_dir`` prefixes that path in error messages. With ``defer_errors``, a macro
    called with an author's mistake returns nothing and keeps the :class:`MacroError`
    in ``problems`` for the caller to raise once the page is rendered (mkdocs-macros
    would print a traceback for an exception raised inside the page); without it, the
    macro raises the error itself.
    """

    site: SiteData
    renderer: Renderer
    here: Callable[[], str]
    docs_dir: str = "docs"
    defer_errors: bool = False
    problems: list[MacroError] = field(default_factory=list)
    examples: Examples | None = None  # data/examples/, read by from_project
    walkthroughs: Mapping[str, Walkthrough] = field(default_factory=dict)  # data/design/
    terms: search_terms.SearchTerms | None = None  # data/search.yml
    coding_data: coding.Coding | None = None  # data/coding/ and coding/problems/
    project_dir: Path = Path(".")  # where coding/ lives: the code runner reads each problem's module
    # Whether the site uses directory URLs (page/ rather than page.html): for links that MkDocs does
    # not rewrite, the ones inside the practice tools' JSON data. Set by define_env.
    directory_urls: Callable[[], bool] = lambda: True

    def __repr__(self) -> str:
        # Short on purpose: mkdocs-macros writes its variables into a debug line on every build,
        # and the dataclass repr would spell out all the site's data there.
        return f"Context({len(self.site.principles)} principles, {len(self.site.questions)} questions)"

    @classmethod
    def from_project(cls, project_dir: Path, here: Callable[[], str]) -> Context:
        project_dir = Path(project_dir)
        data = project_dir / "data"
        # The source document is a test fixture, and copies of the project made to build broken
        # data (tests/support/project.py) leave tests/ out; there the check is skipped, and
        # tests/test_numbers.py still checks every correction against the document.
        source = project_dir / SOURCE_DOCUMENT
        site = load_site(data, source if source.is_file() else None)
        return cls(
            site,
            Renderer(project_dir / "overrides" / "partials" / "macros"),
            here,
            examples=load_examples(data, site),
            walkthroughs=load_walkthroughs(data, site),
            terms=search_terms.load(data / "search.yml", project_dir / "docs", shape.generated_pages(site)),
            coding_data=coding.load_coding(data, site, project_dir),
            project_dir=project_dir,
        )

    def answers(self) -> Examples:
        assert self.examples is not None, "Context.from_project reads data/examples/"
        return self.examples

    def walkthrough(self, wid: str) -> Walkthrough:
        try:
            return self.walkthroughs[wid]
        except KeyError:
            raise AuthorError(f"unknown walkthrough '{wid}' (data/design/{wid}.yml)") from None

    def search(self) -> search_terms.SearchTerms:
        assert self.terms is not None, "Context.from_project reads data/search.yml"
        return self.terms

    def worked_problems(self) -> coding.Coding:
        assert self.coding_data is not None, "Context.from_project reads data/coding/"
        return self.coding_data


Macro = Callable[..., str]  # a macro's function: a Context first, then what the page passes


def checked(ctx: Context, name: str, func: Macro) -> Callable[..., str]:
    """``func`` bound to ``ctx`` as the macro ``name``: an author's mistake (:class:`AuthorError`,
    or arguments that do not fit the macro's parameters) becomes one :class:`MacroError` naming
    the page and the call. Any other exception is a bug and propagates with its traceback."""
    signature = inspect.signature(func)

    @functools.wraps(func)
    def macro(*args: Any, **kwargs: Any) -> str:
        try:
            return func(ctx, *args, **kwargs)
        except AuthorError as exc:
            problem = str(exc)
        except TypeError:
            # Only a call the parameters refuse is the author's; a TypeError from inside is a bug.
            try:
                signature.bind(ctx, *args, **kwargs)
            except TypeError as exc:
                problem = str(exc)
            else:
                raise
        arguments = [_shown(a) for a in args] + [f"{k}={_shown(v)}" for k, v in kwargs.items()]
        here = ctx.here()
        # A generated page has no file to open: name the data it is made from.
        where = (
            f"{here} (from data/principles.yml)"
            if here in shape.generated_pages(ctx.site)
            else f"{ctx.docs_dir}/{here}"
        )
        error = MacroError(where, f"{name}({', '.join(arguments)})", problem)
        if not ctx.defer_errors:
            raise error from None
        ctx.problems.append(error)
        return ""

    # What a page calls: the parameters after the context (functools.wraps would report ``func``'s,
    # and hooks/page_jinja.py checks a page's calls against this signature under `make serve`).
    vars(macro)["__signature__"] = signature.replace(parameters=list(signature.parameters.values())[1:])
    return macro


def _shown(value: object) -> str:
    """An argument as the author wrote it in the page: strings in double quotes."""
    return repr(value).replace("'", '"')
