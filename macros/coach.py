"""The practice coach and what it tracks: its panel and scripts, the readiness page and summary,
the study plan, and the data file the build writes for it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from markupsafe import Markup

from . import coding, shape
from .context import Context, Macro
from .data import SiteData
from .numbers import number_text
from .practice import DRILL_ANSWER
from .render import relative_link
from .storage import (
    BACKUP_FORMAT,
    BACKUP_MAX_BYTES,
    BACKUP_VERSION,
    COACH_DB,
    COACH_MAX_REVIEWS,
    COACH_PLAN_VERSION,
    COACH_REVIEWS_VERSION,
    COACH_SCHEDULE_VERSION,
    CODE_MAX_CHARS,
    CODE_STORAGE_VERSION,
    CODING_REVIEW_PREFIX,
    STORY_FIELD_LIMITS,
    STORY_FORMAT_VERSION,
    STORY_MAX_STORIES,
    coach_storage_keys,
)

# Where the build writes the coach's data (write_coach_data, below), outside javascripts/, which
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


def coach_data(
    site: SiteData,
    problems: Mapping[str, str] | None = None,
    titles: Mapping[str, str] | None = None,
    patterns: Sequence[tuple[str, str]] = (),
) -> dict[str, object]:
    """What every coach tool reads (docs/javascripts/coach-*.js): storage keys and limits, the
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


# The coach for one question's files in load order (docs/javascripts/coach-core.js says what each
# holds): its data, the ts-fsrs scheduler it rates with, what every coach tool uses, then its own.
# site.js's LAZY table loads the same files.
COACH_FILES = (
    COACH_DATA_FILE,
    "javascripts/vendor/ts-fsrs/index.umd.js",
    "javascripts/tool-kit.js",
    "javascripts/coach-core.js",
    "javascripts/coach-store.js",
    "javascripts/coach-recorder.js",
    "javascripts/coach-review.js",
    "javascripts/coach-panel.js",
)


def coach_script_links(from_page: str) -> list[Markup]:
    """The coach's files in load order (COACH_FILES), linked from ``from_page``."""
    return [relative_link(from_page, f) for f in COACH_FILES]


def coach_panel(ctx: Context) -> str:
    """The coach under the drill's card: it follows the question the drill shows."""
    return ctx.renderer.render("coach-panel.html")


def coach_scripts(ctx: Context) -> str:
    """Script tags for the coach's files, for a page that includes a coach tool in its content."""
    return ctx.renderer.render("coach-scripts.html", scripts=coach_script_links(ctx.here()))


def readiness(ctx: Context) -> str:
    site, here, worked = ctx.site, ctx.here(), ctx.worked_problems()
    return ctx.renderer.render(
        "readiness.html",
        principles=site.principles,
        target=site.number("stories-per-principle").min,
        # Per principle, its questions: the table shows what an empty browser's would ("0 of 7").
        asked={p.id: len(site.questions_for(p.id)) for p in site.principles},
        planner=shape.guide_link(site, "star-planner", here),
        drill=shape.guide_link(site, "drill", here),
        # Where each principle's questions are practiced: its page's list of questions.
        questions={
            p.id: relative_link(here, shape.principle_page(site, p.id), "practice-questions") for p in site.principles
        },
        # Per coding pattern, its problems, and the pattern guide's section that lists them.
        patterns=coding.pattern_rows(worked, here),
        pattern_links={p.id: coding.pattern_href(site, p.id, here) for p in worked.patterns},
    )


def readiness_summary(ctx: Context) -> str:
    """The short progress block a page (the home page) includes; site.js loads the coach for it
    only when one of the coach's storage keys holds something."""
    return ctx.renderer.render(
        "readiness-summary.html",
        link=shape.guide_link(ctx.site, "readiness", ctx.here()),
        keys=list(coach_storage_keys().values()),
    )


def study_plan(ctx: Context) -> str:
    data = study_plan_data(ctx.site)
    minutes = number_text(ctx.site.number("interview-technical-minutes"))
    topics = data["topics"]
    assert isinstance(topics, list)
    data["topics"] = coding.study_topics(ctx.worked_problems(), [str(t) for t in topics], minutes)
    return ctx.renderer.render("study-plan.html", data=data)


def write_coach_data(site: SiteData, site_dir: Path, worked: coding.Coding | None = None) -> None:
    """Write the coach's data (coach_data) as a script into the built site.

    A script, not JSON: the question bank and principle pages load the coach on first use,
    also from file:// in the offline edition, where a fetch() of a JSON file is refused.
    """
    target = Path(site_dir) / COACH_DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    problems = {p.id: p.pattern for p in worked.problems} if worked is not None else None
    titles = {p.id: p.title for p in worked.problems} if worked is not None else None
    patterns = [(p.id, p.name) for p in worked.patterns] if worked is not None else []
    text = json.dumps(coach_data(site, problems, titles, patterns), ensure_ascii=True, separators=(",", ":")).replace(
        "<", "\\u003c"
    )
    target.write_text(f"window.guideCoachData={text};\n", encoding="utf-8")


MACROS: dict[str, Macro] = {
    "coach_panel": coach_panel,
    "coach_scripts": coach_scripts,
    "readiness": readiness,
    "readiness_summary": readiness_summary,
    "study_plan": study_plan,
}
