"""The Leadership Principles: their table, each principle's page and the cheat sheet."""

from __future__ import annotations

from markupsafe import Markup

from . import shape
from .context import Context, Macro
from .data import PASSAGE_MAX_WORDS
from .numbers import corrected
from .search_terms import search_terms

# Amazon's own text of the Leadership Principles, quoted on every principle page.
AMAZON_PRINCIPLES_SOURCE = "amazon-leadership-principles"


def summaries(ctx: Context) -> dict[str, str | Markup]:
    """Each principle's one-liner as shown: struck through with its correction where it has one."""
    return {p.id: Markup(corrected(ctx, p.corrected)) if p.corrected else p.summary for p in ctx.site.principles}


def principles_table(ctx: Context) -> str:
    return ctx.renderer.render(
        "principles-table.md", rows=shape.principle_rows(ctx.site, ctx.here()), summaries=summaries(ctx)
    )


def principle_page(ctx: Context, pid: str) -> str:
    view = shape.principle_view(ctx.site, pid, ctx.here())
    return ctx.renderer.render(
        "principle-page.md",
        view=view,
        total=len(ctx.site.principles),
        summary=summaries(ctx)[view.principle.id],
        amazon_cite=Markup(_amazon_cite(ctx, view.principle.amazon_opening)),
        terms=Markup(search_terms(ctx)),
    )


def _amazon_cite(ctx: Context, opening: str) -> str:
    """Amazon's principles page, resting on the principle's own opening words where they fit a passage."""
    source, passage = ctx.site.citation(AMAZON_PRINCIPLES_SOURCE)
    if opening and len(opening.split()) <= PASSAGE_MAX_WORDS:
        passage = opening
    return ctx.renderer.render("cite.md", source=shape.citation(source, passage))


def cheat_sheet(ctx: Context) -> str:
    return ctx.renderer.render(
        "cheat-sheet.md", rows=shape.cheat_sheet_rows(ctx.site, ctx.here()), summaries=summaries(ctx)
    )


MACROS: dict[str, Macro] = {
    "principles_table": principles_table,
    "principle_page": principle_page,
    "cheat_sheet": cheat_sheet,
}
