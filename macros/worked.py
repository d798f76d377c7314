"""Shape the worked examples for their templates: answer examples and design walkthroughs. No I/O, no markup."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from .data import SiteData
from .design import Figure, Walkthrough, evaluate
from .diagram import Diagram, render_svg
from .examples import AnswerExample, Examples
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


@dataclass(frozen=True)
class WalkthroughRow:
    title: str
    href: Markup
    blurb: str
    question: str
    from_source: bool


def walkthrough_rows(site: SiteData, walks: Mapping[str, Walkthrough], from_page: str) -> list[WalkthroughRow]:
    rows = []
    for w in walks.values():
        g = site.guide(w.guide)
        assert g.page is not None
        rows.append(WalkthroughRow(g.title, relative_link(from_page, g.page), g.blurb, w.question, w.from_source))
    return rows


def diagram_svg(d: Diagram) -> str:
    return render_svg(d)


def node_labels(d: Diagram) -> dict[str, str]:
    return {n.id: n.label for t in d.tiers for n in t.nodes}


def approx_mark(walk: Walkthrough) -> Callable[[Figure], str]:
    """``≈ `` before a derived figure the page states rounded, nothing before an exact one."""
    values = {f.id: f.value for f in walk.assumptions + walk.derived}

    def mark(fig: Figure) -> str:
        assert fig.formula is not None
        exact = evaluate(fig.formula, values)
        return "" if abs(fig.value - exact) <= 1e-9 * max(1.0, abs(exact)) else "\u2248 "

    return mark
