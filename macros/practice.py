"""The practice tools that drill the question bank: the list of tools, the timed drill and the STAR planner."""

from __future__ import annotations

from . import shape
from .context import Context, Macro
from .data import SiteData
from .shape import Link
from .storage import (
    COACH_SCHEDULE_KEY,
    STORY_FIELD_LIMITS,
    STORY_FORMAT_VERSION,
    STORY_MAX_FILE_BYTES,
    STORY_MAX_STORIES,
    STORY_STORAGE_KEY,
)


def tool_links(site: SiteData, from_page: str) -> list[Link]:
    """Every practice tool (guides of kind ``tool``), leaving out the calling page."""
    return [
        Link(g.title, shape.guide_href(site, g, from_page), g.blurb)
        for g in site.guides
        if g.kind == "tool" and g.page != from_page
    ]


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


def practice_tools(ctx: Context) -> str:
    return ctx.renderer.render("practice-tools.md", links=tool_links(ctx.site, ctx.here()))


def drill(ctx: Context) -> str:
    answer = ctx.site.number(DRILL_ANSWER)
    return ctx.renderer.render(
        "drill.html",
        data=drill_data(ctx.site),
        principles=ctx.site.principles,
        answer_min=answer.min,
        answer_max=answer.max,
    )


def star_planner(ctx: Context) -> str:
    return ctx.renderer.render("star-planner.html", data=star_planner_data(ctx.site))


MACROS: dict[str, Macro] = {"practice_tools": practice_tools, "drill": drill, "star_planner": star_planner}
