"""Load and check the annotated answer examples: ``data/examples/answers.yml``.

One example per Leadership Principle: a question of that principle (by id from
``data/questions.yml``), a strong STAR answer and a weak one split into parts,
a plausible but mediocre answer of a kind real loops reject (``mediocre``: its
``flaw``, the parts and a ``verdict``), the strong answer's spine for when the
interviewer cuts in (``spine``, spoken within ``answer-spine-seconds``), margin
notes that point at the principle's ``listen_for`` and ``pitfalls`` entries by
their 1-based position (so a note can never cite a point that does not exist),
and the follow-up probes an interviewer would ask next.

Errors are :class:`macros.errors.DataError` naming file, entry and field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .data import Principle, SiteData, _Entry, _kind, read_yaml
from .errors import AuthorError, DataError

PARTS = ("situation", "task", "action", "result", "reflection")
DOMAINS = ("services", "data", "mobile", "infrastructure")
LEVELS = ("SDE II", "SDE III")
NOTE_KINDS = ("listen_for", "pitfall")
# The plausible but mediocre answers real loops reject, and what each is called on the page.
FLAWS = {
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
    flaw: str  # a key of FLAWS
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


def _notes(e: _Entry, principle: Principle) -> tuple[Note, ...]:
    raw = e.raw.get("notes", [])
    if not isinstance(raw, list):
        raise e.fail("notes", f"must be a list, got {_kind(raw)}")
    out = []
    for i, item in enumerate(raw, 1):
        n = _Entry(e.file, f"{e.label} notes #{i}", item)
        kinds = [k for k in NOTE_KINDS if k in n.raw]
        if len(kinds) != 1:
            raise n.fail(None, "needs exactly one of listen_for or pitfall (a 1-based index)")
        kind = kinds[0]
        points = principle.listen_for if kind == "listen_for" else principle.pitfalls
        index = n.raw[kind]
        if isinstance(index, bool) or not isinstance(index, int) or not 1 <= index <= len(points):
            raise n.fail(kind, f"must be 1 to {len(points)} for principle '{principle.id}', got {index!r}")
        out.append(Note(kind, index, points[index - 1], n.text("text")))
    return tuple(out)


def _parts(e: _Entry, field: str, principle: Principle) -> tuple[Part, ...]:
    out = []
    for i, item in enumerate(e.items(field), 1):
        p = _Entry(e.file, f"{e.label} {field} #{i}", item)
        out.append(Part(p.choice("part", PARTS), p.text("text"), _notes(p, principle)))
    return tuple(out)


def _check_star_order(e: _Entry, parts: tuple[Part, ...]) -> None:
    """Situation, task, one or more actions, result, and optionally a reflection: in that order."""
    order = [PARTS.index(p.part) for p in parts]
    if order != sorted(order):
        raise e.fail("strong", "parts must run situation, task, action, result, reflection in that order")
    for needed in PARTS[:4]:
        if needed not in {p.part for p in parts}:
            raise e.fail("strong", f"has no '{needed}' part")
    if not any(n.kind == "listen_for" for p in parts for n in p.notes):
        raise e.fail("strong", "needs at least one note tying it to a listen_for point")


def _check_order(e: _Entry, field: str, parts: tuple[str, ...], needed: tuple[str, ...]) -> None:
    order = [PARTS.index(p) for p in parts]
    if order != sorted(order):
        raise e.fail(field, "parts must run situation, task, action, result, reflection in that order")
    for part in needed:
        if part not in parts:
            raise e.fail(field, f"has no '{part}' part")


def _mediocre(e: _Entry, site: SiteData, principle: Principle) -> Mediocre:
    raw = e.raw.get("mediocre")
    if not isinstance(raw, dict):
        raise e.fail("mediocre", f"must be a mapping with flaw, parts and verdict, got {_kind(raw)}")
    m = _Entry(e.file, f"{e.label} mediocre", raw)
    flaw = m.choice("flaw", tuple(FLAWS))
    fits = None
    if flaw == "other-principle":
        fid = m.ident("fits")
        try:
            fits = site.principle(fid)
        except AuthorError:
            raise m.fail("fits", f"unknown principle '{fid}'") from None
        if fits.id == principle.id:
            raise m.fail("fits", "must name a principle other than the example's own")
    elif "fits" in m.raw:
        raise m.fail("fits", "is only for the flaw 'other-principle'")
    parts = _parts(m, "parts", principle)
    _check_order(m, "parts", tuple(p.part for p in parts), PARTS[2:3])
    if not any(p.notes for p in parts):
        raise m.fail("parts", "needs at least one note saying what the interviewer hears")
    return Mediocre(flaw, fits, parts, m.text("verdict"))


def _spine(e: _Entry) -> tuple[SpineBeat, ...]:
    beats = []
    for i, item in enumerate(e.items("spine"), 1):
        b = _Entry(e.file, f"{e.label} spine #{i}", item)
        beats.append(SpineBeat(b.choice("part", PARTS), b.text("text")))
    _check_order(e, "spine", tuple(b.part for b in beats), PARTS[:4])
    return tuple(beats)


def _answer(e: _Entry, site: SiteData) -> AnswerExample:
    pid = e.ident("principle")
    try:
        principle = site.principle(pid)
    except AuthorError:
        raise e.fail("principle", f"unknown principle '{pid}'") from None
    qid = e.ident("question")
    question = next((q for q in site.questions if q.id == qid), None)
    if question is None:
        raise e.fail("question", f"unknown question '{qid}'")
    if question.principle != pid:
        raise e.fail("question", f"'{qid}' belongs to '{question.principle}', not '{pid}'")
    strong = _parts(e, "strong", principle)
    _check_star_order(e, strong)
    weak = _parts(e, "weak", principle)
    if not any(n.kind == "pitfall" for p in weak for n in p.notes):
        raise e.fail("weak", "needs at least one note naming the pitfall it falls into")
    mediocre = _mediocre(e, site, principle)
    words = {
        kind: sum(count_words(p.text) for p in parts) for kind, parts in (("weak", weak), ("mediocre", mediocre.parts))
    }
    if not words["weak"] < words["mediocre"] < sum(count_words(p.text) for p in strong):
        raise e.fail(
            "mediocre",
            f"is {words['mediocre']} words; a plausible answer runs longer than the weak one ({words['weak']}) "
            "and shorter than the strong one",
        )
    probes = []
    for i, item in enumerate(e.items("probes"), 1):
        p = _Entry(e.file, f"{e.label} probes #{i}", item)
        probes.append(Probe(p.text("question"), p.text("good_reply")))
    return AnswerExample(
        principle=principle,
        question_id=qid,
        question=question.text,
        title=e.text("title"),
        domain=e.choice("domain", DOMAINS),
        level=e.choice("level", LEVELS),
        strong=strong,
        weak=weak,
        mediocre=mediocre,
        spine=_spine(e),
        probes=tuple(probes),
    )


def load_examples(root: Path, site: SiteData) -> Examples:
    """``data/examples/answers.yml``: exactly one example per principle, in any order."""
    root = Path(root)
    file = f"{root.name}/examples/answers.yml"
    doc = read_yaml(root / "examples" / "answers.yml", root)
    if not isinstance(doc, dict):
        raise DataError(file, None, None, f"must be a mapping with words_per_minute and answers, got {_kind(doc)}")
    top = _Entry(file, "top level", doc)
    wpm = top.raw.get("words_per_minute")
    if isinstance(wpm, bool) or not isinstance(wpm, int) or not 60 <= wpm <= 250:
        raise DataError(
            file, None, "words_per_minute", f"must be a whole number of words a minute (60-250), got {wpm!r}"
        )
    answers = [_answer(_Entry(file, _answer_label(i, raw), raw), site) for i, raw in enumerate(top.items("answers"), 1)]
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


def _answer_label(i: int, raw: object) -> str:
    pid = raw.get("principle") if isinstance(raw, dict) else None
    return f"#{i} (principle '{pid}')" if isinstance(pid, str) else f"#{i}"
