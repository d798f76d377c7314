"""Shape loaded data into what the templates show. No I/O, no markup."""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .data import NUMBER_REF, Company, Correction, Guide, Number, Principle, Question, SiteData, Source, Value
from .errors import AuthorError
from .render import relative_link

GROUP_ORDER = ("internal", "external", "company")
# Guides (data/guides.yml) whose pages the macros link to. Every page path comes from that file.
PRINCIPLES_GUIDE = "amazon-leadership-principles-page"  # the principles table; each principle's page sits beside it
QUESTION_BANK_GUIDE = "question-bank"
DRILL_GUIDE = "drill"


def guide_page(site: SiteData, gid: str) -> str:
    """The docs-relative page of an internal guide, section or tool, as data/guides.yml registers it."""
    page = site.guide(gid).page
    if page is None:
        raise AuthorError(f"guide '{gid}' has no page of its own")
    return page


def principle_page(site: SiteData, pid: str) -> str:
    """The docs-relative page of one principle: ``<pid>.md`` beside the principles table's page."""
    folder = posixpath.dirname(guide_page(site, PRINCIPLES_GUIDE))
    return posixpath.join(folder, f"{pid}.md")


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
        PrincipleRow(i, p, relative_link(from_page, principle_page(site, p.id)), len(site.questions_for(p.id)))
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
        previous=Link(prev_p.name, relative_link(from_page, principle_page(site, prev_p.id))),
        next=Link(next_p.name, relative_link(from_page, principle_page(site, next_p.id))),
        table=relative_link(from_page, guide_page(site, PRINCIPLES_GUIDE)),
        bank=relative_link(from_page, guide_page(site, QUESTION_BANK_GUIDE), principle_anchor(pid)),
        drill=relative_link(from_page, guide_page(site, DRILL_GUIDE)),
    )


def number_text(number: Number, unit: bool = True) -> str:
    """``5 to 6 interviews``, ``60 minutes``; without the unit, ``5 to 6`` or ``60``."""
    amount = f"{number.low} to {number.high}" if number.is_range else str(number.value)
    return f"{amount} {number.unit}" if unit else amount


def number_end(number: Number, end: str) -> Number:
    """One end of a range as a number of its own; a single value stays as it is."""
    value = number.min if end == "min" else number.max
    return dataclasses.replace(number, value=value, low=None, high=None)


@dataclass(frozen=True)
class CorrectedView:
    original: Markup  # verbatim Markdown of the source document (checked against it when loaded)
    correction: str
    cite: Source


def corrected_view(site: SiteData, correction: Correction) -> CorrectedView:
    text = NUMBER_REF.sub(lambda m: number_text(site.number(m.group(1))), correction.correction)
    return CorrectedView(Markup(correction.original), text, site.citation(correction.cite)[0])


def citation(source: Source, passage: str = "") -> dict[str, object]:
    return {
        "title": source.title,
        "passage": passage,  # the source's words the claim rests on (data/sources, checked when loaded)
        "secondary": source.secondary,
        "publisher": source.publisher,
        "href": Markup(source.url),
        "verified": Markup(source.verified.isoformat()),
        "verified_text": format_date(source.verified, short=True),
    }


def format_date(day: dt.date, short: bool = False) -> str:
    """``7 August 2025``, or ``7 Aug 2025`` when short (English month names)."""
    month = MONTHS[day.month - 1]
    return f"{day.day} {month[:3] if short else month} {day.year}"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class MapRow:
    principle: Principle
    href: Markup
    cells: tuple[tuple[str, ...], ...]  # one tuple of value names per company column


def mapped_companies(site: SiteData) -> list[Company]:
    """Companies with at least one value mapped onto an Amazon principle."""
    return [c for c in site.companies if any(v.principles for v in c.values)]


def unmapped_companies(site: SiteData) -> list[Company]:
    """Companies left out of the map because none of their values maps onto an Amazon principle."""
    return [c for c in site.companies if not any(v.principles for v in c.values)]


def value_map_rows(site: SiteData, from_page: str, companies: Sequence[Company]) -> list[MapRow]:
    rows = []
    for p in site.principles:
        cells = tuple(tuple(v.name for v in c.values if p.id in v.principles) for c in companies)
        rows.append(MapRow(p, relative_link(from_page, principle_page(site, p.id)), cells))
    return rows


@dataclass(frozen=True)
class SourceQuestion:
    principle: Principle
    question: Question
    href: Markup


def source_questions(site: SiteData, from_page: str) -> list[SourceQuestion]:
    """The original guide's Leadership Principle questions, in principle order."""
    return [
        SourceQuestion(p, q, relative_link(from_page, principle_page(site, p.id)))
        for p in site.principles
        for q in site.questions_for(p.id)
        if q.from_source
    ]


# --------------------------------------------------------------------------- STAR story planner

STORY_FORMAT_VERSION = 1
STORY_STORAGE_KEY = f"interview-guide:stories:v{STORY_FORMAT_VERSION}"
STORY_MAX_FILE_BYTES = 1024 * 1024
STORY_MAX_STORIES = 500
# Longest allowed value of each text field of a story, in characters.
STORY_FIELD_LIMITS = {
    "id": 40,
    "title": 200,
    "when": 7,
    "situation": 4000,
    "task": 4000,
    "action": 4000,
    "result": 4000,
    "metrics": 1000,
}


def star_planner_data(site: SiteData) -> dict[str, object]:
    """What the planner script needs: the storage format and limits, and the principles in order.

    The template hands it to the script as JSON in the tool's ``data-guide-data``
    attribute, as every tool's data (CONTRIBUTING.md, "A tool's script").
    """
    return {
        "config": {
            "version": STORY_FORMAT_VERSION,
            "key": STORY_STORAGE_KEY,
            "maxBytes": STORY_MAX_FILE_BYTES,
            "maxStories": STORY_MAX_STORIES,
            "limits": dict(STORY_FIELD_LIMITS),
            # The guide's advice, from data/numbers.yml: stories each principle needs, and how
            # old a story may be before the planner marks it.
            "storiesPerPrinciple": site.number("stories-per-principle").min,
            "recentMonths": 12 * site.number("story-recency-years").max,
        },
        "principles": [{"id": p.id, "name": p.name} for p in site.principles],
    }


# --------------------------------------------------------------------------- practice tools

NO_COUNTERPART = "\u2014"  # em dash: shown where a company has no value matching a principle
# The numbers (data/numbers.yml) the mock loop is built from.
LOOP_INTERVIEWS = "loop-interviews"
LOOP_MINUTES = "interview-minutes"
LOOP_PRINCIPLES_PER_INTERVIEW = "lp-questions-per-interview"


def tool_links(site: SiteData, from_page: str) -> list[Link]:
    """Every practice tool (guides of kind ``tool``), leaving out the calling page."""
    return [
        Link(g.title, _guide_href(site, g, from_page), g.blurb)
        for g in site.guides
        if g.kind == "tool" and g.page != from_page
    ]


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
            anchor=Markup(principle_anchor(p.id)),
            href=relative_link(from_page, principle_page(site, p.id)),
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
            QuestionRow(q, site.principle(q.principle), relative_link(from_page, principle_page(site, q.principle)))
        )
    return rows


DRILL_ANSWER = "answer-minutes"  # numbers.yml: the drill's default time per answer is its lower end


def drill_data(site: SiteData) -> dict[str, object]:
    """What the timed drill script needs: principles in order, every question with its probes, and
    where the practice coach keeps its review schedule (the drill's "due today" queue)."""
    return {
        "principles": [{"id": p.id, "name": p.name} for p in site.principles],
        "questions": [
            {"id": q.id, "p": q.principle, "text": q.text, "probes": list(q.follow_ups)} for q in site.questions
        ],
        "scheduleKey": COACH_SCHEDULE_KEY,
    }


# The mock loop's technical questions by level: the guide's own advice, not Amazon's (no page we
# checked says how the mix changes by level). Each interview takes the next focus of its level's
# list, shuffled; a longer loop draws the rest from the same list. SDE I leaves system design out
# (its design questions are the object-oriented kind); SDE II has every focus once, as a loop
# without a level did; SDE III doubles system design, the part its level description stresses.
LOOP_LEVELS = (
    ("sde-1", "SDE I", ("coding", "coding", "object-oriented-design")),
    ("sde-2", "SDE II", ("coding", "object-oriented-design", "system-design")),
    ("sde-3", "SDE III", ("coding", "object-oriented-design", "system-design", "system-design")),
)
LOOP_DEFAULT_LEVEL = "sde-2"


def mock_loop_data(site: SiteData) -> dict[str, object]:
    """What the mock loop generator needs, every number read from data/numbers.yml and data/rounds.yml.

    The generator draws ``interviews`` interviews, each with one technical focus and
    ``principles_per_interview`` principles, no principle twice in a loop, so the data must
    let the largest loop ask the fewest principles per interview without a repeat.
    """
    interviews = site.number(LOOP_INTERVIEWS)
    minutes = site.number(LOOP_MINUTES)
    per_interview = site.number(LOOP_PRINCIPLES_PER_INTERVIEW)
    if minutes.is_range:
        raise AuthorError(f"data/numbers.yml: '{LOOP_MINUTES}' must be one value for the mock loop, not a range")
    if not site.rounds:
        raise AuthorError("data/rounds.yml: the mock loop needs at least one technical focus")
    if interviews.max * per_interview.min > len(site.principles):
        raise AuthorError(
            f"data/numbers.yml: {interviews.max} interviews of at least {per_interview.min} principles "
            f"need more than the {len(site.principles)} principles there are"
        )
    # Each level's mix keeps the focuses data/rounds.yml has (tests/test_shape_practice.py checks
    # that the real data has them all); a level left with none is refused.
    rounds = {r.id for r in site.rounds}
    levels = [{"id": i, "name": n, "focuses": [f for f in focuses if f in rounds]} for i, n, focuses in LOOP_LEVELS]
    empty = [lv["id"] for lv in levels if not lv["focuses"]]
    if empty:
        raise AuthorError(f"data/rounds.yml: the mock loop's levels {empty} have none of their technical focuses")
    return {
        "levels": levels,
        "level": LOOP_DEFAULT_LEVEL,
        "interviews": {"min": interviews.min, "max": interviews.max},
        "minutes": minutes.min,
        "principles_per_interview": {"min": per_interview.min, "max": per_interview.max},
        "focuses": [{"id": r.id, "name": r.name, "summary": r.summary} for r in site.rounds],
        "principles": [{"id": p.id, "name": p.name} for p in site.principles],
        "questions": [{"p": q.principle, "text": q.text} for q in site.questions],
    }


def map_cell_text(names: Sequence[str]) -> str:
    """One cell of the company map: the matching value names, or an em dash when there is none."""
    return "; ".join(names) if names else NO_COUNTERPART


def unmapped_values(companies: Sequence[Company]) -> list[tuple[Company, tuple[Value, ...]]]:
    """Per company, the values that map onto no Amazon principle (companies with none are left out)."""
    out = []
    for c in companies:
        values = tuple(v for v in c.values if not v.principles)
        if values:
            out.append((c, values))
    return out


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
        rows.append(CheatRow(i, p, relative_link(from_page, principle_page(site, p.id)), prompt))
    return rows


# --------------------------------------------------------------------------- practice coach
# Storage: the browser's localStorage for text, IndexedDB for recordings. Keys and formats are
# part of the backup file's format: change them only with a new version.
COACH_REVIEWS_VERSION = 1
COACH_REVIEWS_KEY = f"interview-guide:reviews:v{COACH_REVIEWS_VERSION}"
COACH_SCHEDULE_VERSION = 1
COACH_SCHEDULE_KEY = f"interview-guide:schedule:v{COACH_SCHEDULE_VERSION}"
COACH_PLAN_VERSION = 1
COACH_PLAN_KEY = f"interview-guide:plan:v{COACH_PLAN_VERSION}"
# The code runner's store (docs/javascripts/code-runner.js): { version, problems: { id: { code, saved, solved } } }.
CODE_STORAGE_VERSION = 1
CODE_STORAGE_KEY = f"interview-guide:code:v{CODE_STORAGE_VERSION}"
CODE_MAX_CHARS = 50_000  # one problem's code in a backup: far above any interview solution
COACH_DB = {"name": "interview-guide-recordings", "store": "recordings"}
COACH_MAX_REVIEWS = 20  # self-reviews kept per question, the latest ones
BACKUP_FORMAT = "interview-guide-backup"
BACKUP_VERSION = 1
BACKUP_MAX_BYTES = 50 * 1024 * 1024  # recordings included; a text-only backup is far smaller
# Where the build writes the coach's data (pages.write_coach_data), outside javascripts/, which
# holds only scripts written by hand.
COACH_DATA_FILE = "generated/coach-data.js"
# The source document's "Technical Preparation" list, in its order: the study plan's technical days.
STUDY_TOPICS = (
    "AWS services: the core offerings and when to use each",
    "Distributed systems: CAP theorem, consistency models, fault tolerance",
    "Scale patterns: sharding, caching, load balancing, CDNs",
    "Data processing: batch and stream processing, MapReduce",
    "Security: IAM, encryption, network security",
)


def coach_storage_keys() -> dict[str, str]:
    """Every localStorage key the coach reads, by the name coach.js knows it by: what the readiness summary can show."""
    return {
        "stories": STORY_STORAGE_KEY,
        "reviews": COACH_REVIEWS_KEY,
        "schedule": COACH_SCHEDULE_KEY,
        "plan": COACH_PLAN_KEY,
        "code": CODE_STORAGE_KEY,
    }


# The coding talk-through's self-review in the coach: the guide's own checklist for the technical
# question, following its plan (data/coding/plan.yml): clarify, examples, brute force, complexity, test.
CODING_CHECKLIST = (
    "Clarified the problem: asked about the input, its size and the edge cases",
    "Gave examples, an edge case among them, before writing code",
    "Named the brute force and why it is not enough",
    "Stated the time and space complexity, with the reason",
    "Tested the code out loud on an edge case",
    "Wrote readable code: clear names, small steps",
)
# A coding problem's key in the coach's reviews, schedule and recordings: never a question id.
CODING_REVIEW_PREFIX = "code:"


def coach_data(
    site: SiteData,
    problems: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
    patterns: Sequence[tuple[str, str]] = (),
) -> dict[str, object]:
    """What every coach tool reads (docs/javascripts/coach.js): storage keys and limits, the
    principles with their self-review points, every question's principle and text, and the
    worked coding problems (``problems``: id -> pattern id, ``titles``: id -> title, ``patterns``:
    (id, name) in the guide's order) whose code a backup may carry and whose talk-through the
    coach reviews and schedules."""
    answer = site.number(DRILL_ANSWER)
    return {
        "keys": coach_storage_keys(),
        "storiesVersion": STORY_FORMAT_VERSION,
        "reviewsVersion": COACH_REVIEWS_VERSION,
        "scheduleVersion": COACH_SCHEDULE_VERSION,
        "planVersion": COACH_PLAN_VERSION,
        "storiesTarget": site.number("stories-per-principle").min,
        "answerSeconds": 60 * answer.max,
        "maxRecordSeconds": 60 * site.number("coach-max-recording-minutes").max,
        "maxReviews": COACH_MAX_REVIEWS,
        "db": dict(COACH_DB),
        "order": [p.id for p in site.principles],
        "principles": {
            p.id: {"name": p.name, "listen": list(p.listen_for), "pitfalls": list(p.pitfalls)} for p in site.principles
        },
        "questions": {q.id: {"p": q.principle, "text": q.text} for q in site.questions},
        "codeVersion": CODE_STORAGE_VERSION,
        "problems": dict(problems or {}),
        "coding": {
            "prefix": CODING_REVIEW_PREFIX,
            "checklist": list(CODING_CHECKLIST),
            "answerSeconds": 60 * site.number("interview-technical-minutes").max,
            "titles": dict(titles or {}),
            "patterns": [{"id": i, "name": n} for i, n in patterns],
        },
        "backup": {
            "format": BACKUP_FORMAT,
            "codingPrefix": CODING_REVIEW_PREFIX,
            "version": BACKUP_VERSION,
            "maxBytes": BACKUP_MAX_BYTES,
            "stories": {
                "version": STORY_FORMAT_VERSION,
                "maxStories": STORY_MAX_STORIES,
                "limits": dict(STORY_FIELD_LIMITS),
            },
            "reviews": {"version": COACH_REVIEWS_VERSION, "maxReviews": COACH_MAX_REVIEWS},
            "schedule": {"version": COACH_SCHEDULE_VERSION},
            "plan": {"version": COACH_PLAN_VERSION},
            "code": {"version": CODE_STORAGE_VERSION, "maxChars": CODE_MAX_CHARS},
        },
    }


def study_plan_data(site: SiteData) -> dict[str, object]:
    """The study plan's settings: the technical topics, the days between mock loops, the furthest date."""
    return {
        # The source's advice for each story and for mock interviews, with our numbers for it.
        "recency": number_text(site.number("story-recency-years")),
        "answer": number_text(site.number(DRILL_ANSWER)),
        "topics": list(STUDY_TOPICS),
        "mockEvery": site.number("plan-mock-loop-every-days").max,
        "maxDays": site.number("plan-max-days").max,
    }


def coach_scripts(from_page: str) -> list[Markup]:
    """The coach's files in load order, linked from ``from_page``: its data, the ts-fsrs scheduler, the coach."""
    files = (COACH_DATA_FILE, "javascripts/vendor/ts-fsrs/index.umd.js", "javascripts/coach.js")
    return [relative_link(from_page, f) for f in files]
