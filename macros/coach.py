"""The practice coach and what it tracks: its panel and scripts, the readiness page and summary,
the study plan, and the data file the build writes for it."""

from __future__ import annotations

import json
from pathlib import Path

from . import coding, shape
from .context import Context, Macro
from .data import SiteData
from .render import relative_link


def coach_panel(ctx: Context) -> str:
    """The coach under the drill's card: it follows the question the drill shows."""
    return ctx.renderer.render("coach-panel.html")


def coach_scripts(ctx: Context) -> str:
    """Script tags for the coach's files, for a page that includes a coach tool in its content."""
    return ctx.renderer.render("coach-scripts.html", scripts=shape.coach_scripts(ctx.here()))


def readiness(ctx: Context) -> str:
    site, here, worked = ctx.site, ctx.here(), ctx.worked_problems()
    return ctx.renderer.render(
        "readiness.html",
        principles=site.principles,
        target=site.number("stories-per-principle").min,
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
        keys=list(shape.coach_storage_keys().values()),
    )


def study_plan(ctx: Context) -> str:
    data = shape.study_plan_data(ctx.site)
    minutes = shape.number_text(ctx.site.number("interview-technical-minutes"))
    topics = data["topics"]
    assert isinstance(topics, list)
    data["topics"] = coding.study_topics(ctx.worked_problems(), [str(t) for t in topics], minutes)
    return ctx.renderer.render("study-plan.html", data=data)


def write_coach_data(site: SiteData, site_dir: Path, worked: coding.Coding | None = None) -> None:
    """Write the coach's data (shape.coach_data) as a script into the built site.

    A script, not JSON: the question bank and principle pages load the coach on first use,
    also from file:// in the offline edition, where a fetch() of a JSON file is refused.
    """
    target = Path(site_dir) / shape.COACH_DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    problems = {p.id: p.pattern for p in worked.problems} if worked is not None else None
    titles = {p.id: p.title for p in worked.problems} if worked is not None else None
    patterns = [(p.id, p.name) for p in worked.patterns] if worked is not None else []
    text = json.dumps(
        shape.coach_data(site, problems, titles, patterns), ensure_ascii=True, separators=(",", ":")
    ).replace("<", "\\u003c")
    target.write_text(f"window.guideCoachData={text};\n", encoding="utf-8")


MACROS: dict[str, Macro] = {
    "coach_panel": coach_panel,
    "coach_scripts": coach_scripts,
    "readiness": readiness,
    "readiness_summary": readiness_summary,
    "study_plan": study_plan,
}
