"""The question bank: the whole bank by principle, questions picked by id, and the source document's questions."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import shape
from .context import Context, Macro
from .data import Principle, Question, SiteData
from .errors import AuthorError
from .principles import summaries
from .render import relative_link


@dataclass(frozen=True)
class QuestionGroup:
    principle: Principle
    anchor: Markup  # a validated kebab-case id, safe in attributes and attr_list
    href: Markup
    questions: tuple[Question, ...]


def question_groups(site: SiteData, from_page: str) -> list[QuestionGroup]:
    """The question bank: one group per principle, in Amazon's order, questions in file order."""
    return [
        QuestionGroup(
            principle=p,
            anchor=Markup(shape.principle_anchor(p.id)),
            href=relative_link(from_page, shape.principle_page(site, p.id)),
            questions=site.questions_for(p.id),
        )
        for p in site.principles
    ]


@dataclass(frozen=True)
class QuestionRow:
    question: Question
    principle: Principle
    href: Markup  # the principle's page


def question_rows(site: SiteData, qids: tuple[str, ...], from_page: str) -> list[QuestionRow]:
    """Questions of the bank picked by id, in the order given, each with its principle's page.

    An unknown id raises :class:`AuthorError` naming it, which the macro reports like any unknown id.
    """
    by_id = {q.id: q for q in site.questions}
    rows = []
    for qid in qids:
        if qid not in by_id:
            raise AuthorError(f"unknown question id '{qid}'")
        q = by_id[qid]
        rows.append(
            QuestionRow(
                q, site.principle(q.principle), relative_link(from_page, shape.principle_page(site, q.principle))
            )
        )
    return rows


@dataclass(frozen=True)
class SourceQuestion:
    principle: Principle
    question: Question
    href: Markup


def source_question_rows(site: SiteData, from_page: str) -> list[SourceQuestion]:
    """The original guide's Leadership Principle questions, in principle order."""
    return [
        SourceQuestion(p, q, relative_link(from_page, shape.principle_page(site, p.id)))
        for p in site.principles
        for q in site.questions_for(p.id)
        if q.from_source
    ]


def question_bank(ctx: Context) -> str:
    groups = question_groups(ctx.site, ctx.here())
    total = len(ctx.site.questions)
    control = Markup(ctx.renderer.render("question-bank-filter.html", groups=groups, total=total))
    return ctx.renderer.render("question-bank.md", groups=groups, control=control, summaries=summaries(ctx))


def questions(ctx: Context, *qids: str) -> str:
    """A list of questions from the bank, by id, each linked to its principle's page."""
    return ctx.renderer.render("question-list.md", rows=question_rows(ctx.site, qids, ctx.here()))


def source_questions(ctx: Context) -> str:
    return ctx.renderer.render("source-questions.md", items=source_question_rows(ctx.site, ctx.here()))


MACROS: dict[str, Macro] = {
    "question_bank": question_bank,
    "questions": questions,
    "source_questions": source_questions,
}
