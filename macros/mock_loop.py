"""The mock loop generator and the guide's advice on how its technical questions change by level."""

from __future__ import annotations

from . import coding, shape
from .context import Context, Macro


def mock_loop(ctx: Context) -> str:
    return ctx.renderer.render(
        "mock-loop.html",
        data=mock_loop_data(ctx),
        story_limit=shape.number_text(ctx.site.number("story-max-principles")),
        recency=shape.number_text(ctx.site.number("story-recency-years")),
    )


def mock_loop_levels(ctx: Context) -> str:
    """The guide's advice on how the technical questions change by level, as the generator uses it."""
    names = {r.id: r.name for r in ctx.site.rounds}
    levels = [
        (name, ", ".join(names[f] if i == 0 else names[f].lower() for i, f in enumerate(focuses)))
        for _, name, focuses in shape.LOOP_LEVELS
    ]
    return ctx.renderer.render(
        "mock-loop-levels.md", levels=levels, levels_link=shape.guide_link(ctx.site, "amazon-levels", ctx.here())
    )


def mock_loop_data(ctx: Context) -> dict[str, object]:
    """shape.mock_loop_data, plus an actual technical question for each focus (macros/coding.py,
    loop_tasks) and the minutes the technical question usually takes."""
    site = ctx.site
    designs = [(w.question, site.guide(w.guide).page or "") for w in ctx.walkthroughs.values()]
    data = shape.mock_loop_data(site)
    data["tasks"] = coding.loop_tasks(ctx.worked_problems(), site, designs, ctx.here(), ctx.directory_urls())
    data["technicalMinutes"] = shape.number_text(site.number("interview-technical-minutes"))
    return data


MACROS: dict[str, Macro] = {"mock_loop": mock_loop, "mock_loop_levels": mock_loop_levels}
