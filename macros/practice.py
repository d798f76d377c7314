"""The practice tools that drill the question bank: the list of tools, the timed drill and the STAR planner."""

from __future__ import annotations

from . import shape
from .context import Context, Macro


def practice_tools(ctx: Context) -> str:
    return ctx.renderer.render("practice-tools.md", links=shape.tool_links(ctx.site, ctx.here()))


def drill(ctx: Context) -> str:
    answer = ctx.site.number(shape.DRILL_ANSWER)
    return ctx.renderer.render(
        "drill.html",
        data=shape.drill_data(ctx.site),
        principles=ctx.site.principles,
        answer_min=answer.min,
        answer_max=answer.max,
    )


def star_planner(ctx: Context) -> str:
    return ctx.renderer.render("star-planner.html", data=shape.star_planner_data(ctx.site))


MACROS: dict[str, Macro] = {"practice_tools": practice_tools, "drill": drill, "star_planner": star_planner}
