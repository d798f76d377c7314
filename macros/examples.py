"""Load and check the annotated answer examples: ``data/examples/answers.yml``.

One example per Leadership Principle: a question of that principle (by id from
``data/questions.yml``), a strong STAR answer and a weak one split into parts,
a plausible but mediocre answer of a kind real loops reject (``mediocre``: its
``flaw``, the parts and a ``verdict``), the strong answer's spine for when the
interviewer cuts in (``spine``, spoken within ``answer-spine-seconds``), margin
notes that point at the principle's ``listen_for`` and ``pitfalls`` entries by
their 1-based position (so a note can never cite a point that does not exist),
and the follow-up probes an interviewer would ask next.

The file's shape and its own rules (STAR order, which notes each answer needs, the mediocre
answer's length between the weak and the strong one) are :class:`ExamplesData` (pydantic, no
other keys allowed); what needs other files (the principles, their questions and lists, the
site's numbers) is checked after it. Errors are :class:`macros.errors.DataError` naming file,
entry and field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, Field, StrictInt, model_validator

from .data import Principle, SiteData
from .errors import AuthorError, DataError
from .schema import Count, FieldProblem, Ident, Model, Text, named_by, read_yaml, rel, validate_named

PartName = Literal["situation", "task", "action", "result", "reflection"]
PARTS: tuple[str, ...] = get_args(PartName)  # in the order an answer tells them
Domain = Literal["services", "data", "mobile", "infrastructure"]
Level = Literal["SDE II", "SDE III"]
Flaw = Literal["we", "no-baseline", "hypothetical", "other-principle"]
# The plausible but mediocre answers real loops reject (the Flaw), and what each is called on the page.
FLAWS: dict[Flaw, str] = {
    "we": 'a fluent story told as "we"',
    "no-baseline": "a result without a baseline",
    "hypothetical": 'a hypothetical "I would"',
    "other-principle": "a good story for another principle",
}
SPINE_LENGTH = "answer-spine-seconds"  # data/numbers.yml: how long the spine runs when spoken
WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%$-]*")


@dataclass(frozen=True)
class Note:
    kind: str  # "listen_for" or "pitfall"
    index: int  # 1-based position in the principle's list
    point: str  # that entry's text, resolved from data/principles.yml
    text: str  # the note itself


@dataclass(frozen=True)
class Part:
    part: str
    text: str
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class Probe:
    question: str
    good_reply: str


@dataclass(frozen=True)
class Mediocre:
    flaw: Flaw  # a key of FLAWS
    fits: Principle | None  # the principle the story shows instead (flaw "other-principle" only)
    parts: tuple[Part, ...]
    verdict: str  # why a loop rejects it, in a sentence or two

    @property
    def label(self) -> str:
        return FLAWS[self.flaw]


@dataclass(frozen=True)
class SpineBeat:
    part: str
    text: str


@dataclass(frozen=True)
class AnswerExample:
    principle: Principle
    question_id: str
    question: str
    title: str
    domain: str
    level: str
    strong: tuple[Part, ...]
    weak: tuple[Part, ...]
    mediocre: Mediocre
    spine: tuple[SpineBeat, ...]
    probes: tuple[Probe, ...]

    @property
    def strong_words(self) -> int:
        return sum(count_words(p.text) for p in self.strong)

    @property
    def spine_words(self) -> int:
        return sum(count_words(b.text) for b in self.spine)


@dataclass(frozen=True)
class Examples:
    words_per_minute: int
    answers: tuple[AnswerExample, ...]

    def for_principle(self, pid: str) -> AnswerExample:
        for a in self.answers:
            if a.principle.id == pid:
                return a
        raise AuthorError(f"no answer example for principle '{pid}'")

    def minutes(self, answer: AnswerExample) -> float:
        """Spoken length of the strong answer at the stated speaking rate, to a tenth of a minute."""
        return round(answer.strong_words / self.words_per_minute, 1)

    def spine_seconds(self, answer: AnswerExample) -> int:
        """Spoken length of the strong answer's spine at the stated speaking rate, in whole seconds."""
        return round(answer.spine_words * 60 / self.words_per_minute)


def count_words(text: str) -> int:
    return len(WORD_RE.findall(text))


Index = Count  # a 1-based position in one of the principle's lists; its range is checked against the principle


def _ordered(parts: tuple[str, ...], needed: tuple[str, ...]) -> str | None:
    """What is wrong with the order of a run of STAR parts, or None."""
    order = [PARTS.index(p) for p in parts]
    if order != sorted(order):
        return "parts must run situation, task, action, result, reflection in that order"
    for part in needed:
        if part not in parts:
            return f"has no '{part}' part"
    return None


class NoteData(Model):
    """A margin note: exactly one of ``listen_for`` and ``pitfall`` (a 1-based position), and its text."""

    listen_for: Index | None = None
    pitfall: Index | None = None
    text: Text

    @model_validator(mode="after")
    def _one_point(self) -> NoteData:
        if (self.listen_for is None) == (self.pitfall is None):
            raise ValueError("needs exactly one of listen_for or pitfall (a 1-based index)")
        return self


class PartData(Model):
    part: PartName
    text: Text
    notes: tuple[NoteData, ...] = ()


class BeatData(Model):
    part: PartName
    text: Text


class ProbeData(Model):
    question: Text
    good_reply: Text


class MediocreData(Model):
    """A plausible answer of a kind real loops reject."""

    flaw: Flaw
    fits: Ident | None = None  # the principle the story shows instead: for the flaw "other-principle" only
    parts: Annotated[tuple[PartData, ...], Field(min_length=1)]
    verdict: Text

    @model_validator(mode="after")
    def _rules(self) -> MediocreData:
        if self.flaw == "other-principle" and self.fits is None:
            raise FieldProblem("fits", "is missing")
        if self.flaw != "other-principle" and self.fits is not None:
            raise FieldProblem("fits", "is only for the flaw 'other-principle'")
        problem = _ordered(tuple(p.part for p in self.parts), ("action",))
        if problem:
            raise FieldProblem("parts", problem)
        if not any(p.notes for p in self.parts):
            raise FieldProblem("parts", "needs at least one note saying what the interviewer hears")
        return self


def _words(parts: tuple[PartData, ...]) -> int:
    return sum(count_words(p.text) for p in parts)


class AnswerData(Model):
    """One annotated example: the principle's question, and its strong, weak and mediocre answers."""

    principle: Ident  # an id of data/principles.yml
    question: Ident  # an id of data/questions.yml, one of the principle's
    title: Text
    domain: Domain
    level: Level
    strong: Annotated[tuple[PartData, ...], Field(min_length=1)]
    weak: Annotated[tuple[PartData, ...], Field(min_length=1)]
    mediocre: MediocreData
    spine: Annotated[tuple[BeatData, ...], Field(min_length=1)]
    probes: Annotated[tuple[ProbeData, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _rules(self) -> AnswerData:
        problem = _ordered(tuple(p.part for p in self.strong), PARTS[:4])
        if problem:
            raise FieldProblem("strong", problem)
        if not any(n.listen_for is not None for p in self.strong for n in p.notes):
            raise FieldProblem("strong", "needs at least one note tying it to a listen_for point")
        if not any(n.pitfall is not None for p in self.weak for n in p.notes):
            raise FieldProblem("weak", "needs at least one note naming the pitfall it falls into")
        weak, mediocre = _words(self.weak), _words(self.mediocre.parts)
        if not weak < mediocre < _words(self.strong):
            raise FieldProblem(
                "mediocre",
                f"is {mediocre} words; a plausible answer runs longer than the weak one ({weak}) "
                "and shorter than the strong one",
            )
        problem = _ordered(tuple(b.part for b in self.spine), PARTS[:4])
        if problem:
            raise FieldProblem("spine", problem)
        return self


def _pace(value: int) -> int:
    if not 60 <= value <= 250:
        raise ValueError(f"must be a whole number of words a minute (60-250), got {value!r}")
    return value


class ExamplesData(Model):
    """``data/examples/answers.yml``."""

    # The speaking rate that turns an answer's words into minutes on the page.
    words_per_minute: Annotated[
        StrictInt, AfterValidator(_pace), Field(json_schema_extra={"minimum": 60, "maximum": 250})
    ]
    answers: Annotated[tuple[AnswerData, ...], Field(min_length=1)]


SCHEMAS: dict[str, Any] = {"examples/answers.yml": ExamplesData}


def _notes(file: str, where: str, data: PartData, principle: Principle) -> tuple[Note, ...]:
    out = []
    for i, n in enumerate(data.notes, 1):
        kind, index = ("listen_for", n.listen_for) if n.listen_for is not None else ("pitfall", n.pitfall)
        assert index is not None, "NoteData holds exactly one of them"
        points = principle.listen_for if kind == "listen_for" else principle.pitfalls
        if not 1 <= index <= len(points):
            raise DataError(
                file,
                f"{where} notes #{i}",
                kind,
                f"must be 1 to {len(points)} for principle '{principle.id}', got {index!r}",
            )
        out.append(Note(kind, index, points[index - 1], n.text))
    return tuple(out)


def _parts(file: str, where: str, parts: tuple[PartData, ...], principle: Principle) -> tuple[Part, ...]:
    return tuple(Part(p.part, p.text, _notes(file, f"{where} #{i}", p, principle)) for i, p in enumerate(parts, 1))


def _answer(file: str, label: str, data: AnswerData, site: SiteData) -> AnswerExample:
    """The example with what the other files say: the principle, its question and the points its notes cite."""
    try:
        principle = site.principle(data.principle)
    except AuthorError:
        raise DataError(file, label, "principle", f"unknown principle '{data.principle}'") from None
    question = next((q for q in site.questions if q.id == data.question), None)
    if question is None:
        raise DataError(file, label, "question", f"unknown question '{data.question}'")
    if question.principle != data.principle:
        raise DataError(
            file, label, "question", f"'{data.question}' belongs to '{question.principle}', not '{data.principle}'"
        )
    strong = _parts(file, f"{label} strong", data.strong, principle)
    weak = _parts(file, f"{label} weak", data.weak, principle)
    m = data.mediocre
    fits = None
    if m.fits is not None:
        try:
            fits = site.principle(m.fits)
        except AuthorError:
            raise DataError(file, label, "mediocre.fits", f"unknown principle '{m.fits}'") from None
        if fits.id == principle.id:
            raise DataError(file, label, "mediocre.fits", "must name a principle other than the example's own")
    mediocre = Mediocre(m.flaw, fits, _parts(file, f"{label} mediocre.parts", m.parts, principle), m.verdict)
    return AnswerExample(
        principle=principle,
        question_id=data.question,
        question=question.text,
        title=data.title,
        domain=data.domain,
        level=data.level,
        strong=strong,
        weak=weak,
        mediocre=mediocre,
        spine=tuple(SpineBeat(b.part, b.text) for b in data.spine),
        probes=tuple(Probe(p.question, p.good_reply) for p in data.probes),
    )


def load_examples(root: Path, site: SiteData) -> Examples:
    """``data/examples/answers.yml``: exactly one example per principle, in any order."""
    root = Path(root)
    path = root / "examples" / "answers.yml"
    file = rel(path, root)
    data = validate_named(
        ExamplesData, read_yaml(path, root), file, None, {"answers": (AnswerData, named_by("principle"))}
    )
    wpm = data.words_per_minute
    answers = [_answer(file, f"#{i} (principle '{a.principle}')", a, site) for i, a in enumerate(data.answers, 1)]
    _check_spoken_length(file, answers, wpm, site)
    _check_spine_length(file, answers, wpm, site)
    seen: dict[str, int] = {}
    for i, a in enumerate(answers, 1):
        if a.principle.id in seen:
            raise DataError(
                file,
                f"#{i} (principle '{a.principle.id}')",
                "principle",
                f"a second example (first is #{seen[a.principle.id]})",
            )
        seen[a.principle.id] = i
    missing = [p.id for p in site.principles if p.id not in seen]
    if missing:
        raise DataError(file, None, "answers", f"no example for principle(s): {', '.join(missing)}")
    order = {p.id: i for i, p in enumerate(site.principles)}
    return Examples(wpm, tuple(sorted(answers, key=lambda a: order[a.principle.id])))


ANSWER_LENGTH = "answer-minutes"  # the site's one number for how long a spoken answer runs


def _check_spoken_length(file: str, answers: list[AnswerExample], wpm: int, site: SiteData) -> None:
    """Each strong answer, spoken at ``wpm``, runs as long as the site tells candidates to speak."""
    try:
        n = site.number(ANSWER_LENGTH)
    except AuthorError:
        raise DataError(
            file, None, "words_per_minute", f"data/numbers.yml has no '{ANSWER_LENGTH}' to check answers against"
        ) from None
    low, high = n.min, n.max
    for i, a in enumerate(answers, 1):
        minutes = a.strong_words / wpm
        if not low <= minutes <= high:
            raise DataError(
                file,
                f"#{i} (principle '{a.principle.id}')",
                "strong",
                f"is {a.strong_words} words, {minutes:.1f} minutes at {wpm} words a minute; "
                f"answers run {low} to {high} {n.unit} (data/numbers.yml '{ANSWER_LENGTH}')",
            )


def _check_spine_length(file: str, answers: list[AnswerExample], wpm: int, site: SiteData) -> None:
    """Each spine, spoken at ``wpm``, runs as long as the guide says a spine should."""
    try:
        n = site.number(SPINE_LENGTH)
    except AuthorError:
        raise DataError(
            file, None, "words_per_minute", f"data/numbers.yml has no '{SPINE_LENGTH}' to check spines against"
        ) from None
    low, high = n.min, n.max
    for i, a in enumerate(answers, 1):
        seconds = a.spine_words * 60 / wpm
        if not low <= seconds <= high:
            raise DataError(
                file,
                f"#{i} (principle '{a.principle.id}')",
                "spine",
                f"is {a.spine_words} words, {seconds:.0f} seconds at {wpm} words a minute; "
                f"a spine runs {low} to {high} {n.unit} (data/numbers.yml '{SPINE_LENGTH}')",
            )
