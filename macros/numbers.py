"""The process numbers of data/numbers.yml and the source document's corrections, as pages state them."""

from __future__ import annotations

from markupsafe import Markup

from . import shape
from .context import Context, Macro
from .errors import AuthorError
from .links import cite
from .render import md_escape


def number(ctx: Context, nid: str, unit: bool = True, source: bool = False, only: str | None = None) -> str:
    """A number from data/numbers.yml as text; with ``source``, its citation or the advice label.

    ``only="min"`` or ``only="max"`` gives one end of a range ("fewer than 2 stories").
    """
    n = ctx.site.number(nid)
    if only is not None:
        if only not in ("min", "max"):
            raise AuthorError(f'only must be "min" or "max", got "{only}"')
        n = shape.number_end(n, only)
    text = Markup(md_escape(shape.number_text(n, unit)))
    if not source:
        return str(text)
    citation = Markup(cite(ctx, n.cite)) if n.cite is not None else None
    return ctx.renderer.render("number.md", text=text, cite=citation)


def corrected(ctx: Context, cid: str) -> str:
    """A source statement struck through where it stands, with the correction and its source."""
    c = ctx.site.correction(cid)
    view = shape.corrected_view(ctx.site, c)
    return ctx.renderer.render("corrected.md", view=view, cite=Markup(cite(ctx, c.cite)))


MACROS: dict[str, Macro] = {"number": number, "corrected": corrected}
