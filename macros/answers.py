"""The annotated answer examples (data/examples/answers.yml): one principle's example, and the list of all."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .context import Context, Macro
from .data import SiteData
from .examples import SPINE_LENGTH, AnswerExample, Examples
from .numbers import number
from .render import relative_link
from .shape import principle_page

ANSWER_ANCHOR = "example-answer"


@dataclass(frozen=True)
class AnswerView:
    example: AnswerExample
    anchor: Markup
    words: int
    minutes: float
    wpm: int

    spine_words: int
    spine_seconds: int

    def meta(self) -> dict[str, object]:
        return {"example": self.example, "words": self.words, "minutes": self.minutes, "wpm": self.wpm}


def answer_view(examples: Examples, example: AnswerExample) -> AnswerView:
    return AnswerView(
        example,
        Markup(ANSWER_ANCHOR),
        example.strong_words,
        examples.minutes(example),
        examples.words_per_minute,
        example.spine_words,
        examples.spine_seconds(example),
    )


def note_verdict(answer_kind: str, note_kind: str) -> str:
    """``good`` when a note shows the answer doing what the principle asks, ``bad`` when it shows a miss.

    A listen-for point in a strong answer and a pitfall it avoids are both good; in the
    weak and the mediocre answer, a pitfall it falls into and a listen-for point it lacks
    are both bad.
    """
    return "good" if answer_kind == "strong" else "bad"


_HEADINGS = {
    ("strong", "listen_for"): "Interviewers listen for",
    ("strong", "pitfall"): "Avoids the pitfall",
    ("weak", "listen_for"): "Missing what interviewers listen for",
    ("weak", "pitfall"): "Falls into the pitfall",
    ("mediocre", "listen_for"): "What the interviewer cannot hear",
    ("mediocre", "pitfall"): "Falls into the pitfall",
}


def note_heading(answer_kind: str, note_kind: str) -> str:
    return _HEADINGS[(answer_kind, note_kind)]


@dataclass(frozen=True)
class AnswerRow:
    example: AnswerExample
    href: Markup
    words: int


def answer_rows(site: SiteData, examples: Examples, from_page: str) -> list[AnswerRow]:
    """One row per principle, in Amazon's order, linking to the example on the principle's page."""
    return [
        AnswerRow(a, relative_link(from_page, principle_page(site, a.principle.id), ANSWER_ANCHOR), a.strong_words)
        for a in examples.answers
    ]


def answer_example(ctx: Context, pid: str) -> str:
    examples = ctx.answers()
    view = answer_view(examples, examples.for_principle(pid))
    render = ctx.renderer.render
    parts = {
        kind: Markup(
            render(
                "answer-example-parts.html",
                kind=kind,
                parts=view.example.mediocre.parts if kind == "mediocre" else getattr(view.example, kind),
                verdict=note_verdict,
                note_heading=note_heading,
            )
        )
        for kind in ("strong", "weak", "mediocre")
    }
    return render(
        "answer-example.md",
        example=view.example,
        anchor=view.anchor,
        meta=Markup(render("answer-example-meta.html", **view.meta())),
        spine=Markup(render("answer-example-spine.html", view=view)),
        spine_length=Markup(number(ctx, SPINE_LENGTH, source=True)),
        **parts,
    )


def answer_examples(ctx: Context) -> str:
    return ctx.renderer.render("answer-examples.md", rows=answer_rows(ctx.site, ctx.answers(), ctx.here()))


MACROS: dict[str, Macro] = {"answer_example": answer_example, "answer_examples": answer_examples}
