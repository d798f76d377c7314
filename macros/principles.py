"""The Leadership Principles: their table, each principle's page and the cheat sheet."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import shape
from .context import Context, Macro
from .data import PASSAGE_MAX_WORDS, Principle, Question, SiteData
from .links import citation
from .numbers import corrected
from .render import relative_link
from .search_terms import search_terms
from .shape import Link

# Amazon's own text of the Leadership Principles, quoted on every principle page.
AMAZON_PRINCIPLES_SOURCE = "amazon-leadership-principles"


@dataclass(frozen=True)
class PrincipleRow:
    number: int
    principle: Principle
    href: Markup
    questions: int


def principle_rows(site: SiteData, from_page: str) -> list[PrincipleRow]:
    return [
        PrincipleRow(i, p, relative_link(from_page, shape.principle_page(site, p.id)), len(site.questions_for(p.id)))
        for i, p in enumerate(site.principles, 1)
    ]


@dataclass(frozen=True)
class PrincipleView:
    principle: Principle
    number: int
    questions: tuple[Question, ...]
    previous: Link
    next: Link
    table: Markup
    bank: Markup
    drill: Markup


def principle_view(site: SiteData, pid: str, from_page: str) -> PrincipleView:
    principles = site.principles
    index = [p.id for p in principles].index(site.principle(pid).id)
    p = principles[index]
    prev_p = principles[index - 1]
    next_p = principles[(index + 1) % len(principles)]
    return PrincipleView(
        principle=p,
        number=index + 1,
        questions=site.questions_for(pid),
        previous=Link(prev_p.name, relative_link(from_page, shape.principle_page(site, prev_p.id))),
        next=Link(next_p.name, relative_link(from_page, shape.principle_page(site, next_p.id))),
        table=relative_link(from_page, shape.guide_page(site, shape.PRINCIPLES_GUIDE)),
        bank=relative_link(from_page, shape.guide_page(site, shape.QUESTION_BANK_GUIDE), shape.principle_anchor(pid)),
        drill=relative_link(from_page, shape.guide_page(site, shape.DRILL_GUIDE)),
    )


@dataclass(frozen=True)
class CheatRow:
    number: int
    principle: Principle
    href: Markup
    prompt: str


def cheat_sheet_rows(site: SiteData, from_page: str) -> list[CheatRow]:
    """The principles in order, each with the prompt curated for it in data/principles.yml."""
    rows = []
    for i, p in enumerate(site.principles, 1):
        prompt = next(q.text for q in site.questions_for(p.id) if q.id == p.prompt)
        rows.append(CheatRow(i, p, relative_link(from_page, shape.principle_page(site, p.id)), prompt))
    return rows


def summaries(ctx: Context) -> dict[str, str | Markup]:
    """Each principle's one-liner as shown: struck through with its correction where it has one."""
    return {p.id: Markup(corrected(ctx, p.corrected)) if p.corrected else p.summary for p in ctx.site.principles}


def principles_table(ctx: Context) -> str:
    return ctx.renderer.render(
        "principles-table.md", rows=principle_rows(ctx.site, ctx.here()), summaries=summaries(ctx)
    )


def principle_page(ctx: Context, pid: str) -> str:
    view = principle_view(ctx.site, pid, ctx.here())
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
    return ctx.renderer.render("cite.md", source=citation(source, passage))


def cheat_sheet(ctx: Context) -> str:
    return ctx.renderer.render("cheat-sheet.md", rows=cheat_sheet_rows(ctx.site, ctx.here()), summaries=summaries(ctx))


MACROS: dict[str, Macro] = {
    "principles_table": principles_table,
    "principle_page": principle_page,
    "cheat_sheet": cheat_sheet,
}
