"""Shape loaded data into what the templates show. No I/O, no markup."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from markupsafe import Markup

from .data import Company, Guide, Principle, Question, SiteData, Source
from .render import relative_link

PRINCIPLES_DIR = "amazon/leadership-principles"
QUESTION_BANK_PAGE = "practice/question-bank.md"
GROUP_ORDER = ("internal", "external", "company")


def principle_page(pid: str) -> str:
    """The docs-relative page of one principle."""
    return f"{PRINCIPLES_DIR}/{pid}.md"


def principle_anchor(pid: str) -> str:
    """The anchor of a principle's group on the question bank page."""
    return pid


@dataclass(frozen=True)
class Link:
    text: str
    href: Markup
    blurb: str = ""


def guide_link(site: SiteData, gid: str, from_page: str) -> Link:
    guide = site.guide(gid)
    return Link(guide.title, _guide_href(site, guide, from_page), guide.blurb)


def _guide_href(site: SiteData, guide: Guide, from_page: str) -> Markup:
    if guide.page is not None:
        return relative_link(from_page, guide.page)
    assert guide.source is not None
    return Markup(site.source(guide.source).url)


def related_groups(site: SiteData, from_page: str, exclude: str | None = None) -> list[tuple[str, list[Link]]]:
    """Guides grouped by kind, in a fixed order, leaving out the page's own guide."""
    groups = []
    for kind in GROUP_ORDER:
        links = [
            Link(g.title, _guide_href(site, g, from_page), g.blurb)
            for g in site.guides
            if g.kind == kind and g.id != exclude and g.page != from_page
        ]
        if links:
            groups.append((kind, links))
    return groups


def company_links(site: SiteData, from_page: str) -> list[Link]:
    return [Link(g.title, _guide_href(site, g, from_page), g.blurb) for g in site.guides if g.kind == "company"]


@dataclass(frozen=True)
class PrincipleRow:
    number: int
    principle: Principle
    href: Markup
    questions: int


def principle_rows(site: SiteData, from_page: str) -> list[PrincipleRow]:
    return [
        PrincipleRow(i, p, relative_link(from_page, principle_page(p.id)), len(site.questions_for(p.id)))
        for i, p in enumerate(site.principles, 1)
    ]


@dataclass(frozen=True)
class PrincipleView:
    principle: Principle
    number: int
    questions: tuple[Question, ...]
    rounds: tuple[str, ...]
    previous: Link
    next: Link
    table: Markup
    bank: Markup
    drill: Markup


def principle_view(site: SiteData, pid: str, from_page: str, drill_page: str) -> PrincipleView:
    principles = site.principles
    index = [p.id for p in principles].index(site.principle(pid).id)
    p = principles[index]
    prev_p = principles[index - 1]
    next_p = principles[(index + 1) % len(principles)]
    round_names = {r.id: r.name for r in site.rounds}
    return PrincipleView(
        principle=p,
        number=index + 1,
        questions=site.questions_for(pid),
        rounds=tuple(round_names[r] for r in p.rounds),
        previous=Link(prev_p.name, relative_link(from_page, principle_page(prev_p.id))),
        next=Link(next_p.name, relative_link(from_page, principle_page(next_p.id))),
        table=relative_link(from_page, f"{PRINCIPLES_DIR}/index.md"),
        bank=relative_link(from_page, QUESTION_BANK_PAGE, principle_anchor(pid)),
        drill=relative_link(from_page, drill_page),
    )


def citation(source: Source) -> dict[str, object]:
    return {
        "title": source.title,
        "publisher": source.publisher,
        "href": Markup(source.url),
        "verified": source.verified.isoformat(),
        "verified_text": format_date(source.verified),
    }


def format_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


@dataclass(frozen=True)
class MapRow:
    principle: Principle
    href: Markup
    cells: tuple[tuple[str, ...], ...]  # one tuple of value names per company column


def mapped_companies(site: SiteData) -> list[Company]:
    """Companies with at least one value mapped onto an Amazon principle."""
    return [c for c in site.companies if any(v.principles for v in c.values)]


def value_map_rows(site: SiteData, from_page: str, companies: Sequence[Company]) -> list[MapRow]:
    rows = []
    for p in site.principles:
        cells = tuple(tuple(v.name for v in c.values if p.id in v.principles) for c in companies)
        rows.append(MapRow(p, relative_link(from_page, principle_page(p.id)), cells))
    return rows


@dataclass(frozen=True)
class SourceQuestion:
    principle: Principle
    question: Question
    href: Markup


def source_questions(site: SiteData, from_page: str) -> list[SourceQuestion]:
    """The original guide's Leadership Principle questions, in principle order."""
    return [
        SourceQuestion(p, q, relative_link(from_page, principle_page(p.id)))
        for p in site.principles
        for q in site.questions_for(p.id)
        if q.from_source
    ]
