"""The question bank: the whole bank by principle, questions picked by id, and the source document's questions."""

from __future__ import annotations

from markupsafe import Markup

from . import shape
from .context import Context, Macro
from .principles import summaries


def question_bank(ctx: Context) -> str:
    groups = shape.question_groups(ctx.site, ctx.here())
    total = len(ctx.site.questions)
    control = Markup(ctx.renderer.render("question-bank-filter.html", groups=groups, total=total))
    return ctx.renderer.render("question-bank.md", groups=groups, control=control, summaries=summaries(ctx))


def questions(ctx: Context, *qids: str) -> str:
    """A list of questions from the bank, by id, each linked to its principle's page."""
    return ctx.renderer.render("question-list.md", rows=shape.question_rows(ctx.site, qids, ctx.here()))


def source_questions(ctx: Context) -> str:
    return ctx.renderer.render("source-questions.md", items=shape.source_questions(ctx.site, ctx.here()))


MACROS: dict[str, Macro] = {
    "question_bank": question_bank,
    "questions": questions,
    "source_questions": source_questions,
}
