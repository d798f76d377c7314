"""The mock loop generator and the guide's advice on how its technical questions change by level."""

from __future__ import annotations

from . import coding, shape
from .context import Context, Macro
from .data import SiteData
from .errors import AuthorError
from .numbers import number_text

# The numbers (data/numbers.yml) the mock loop is built from.
LOOP_INTERVIEWS = "loop-interviews"
LOOP_MINUTES = "interview-minutes"
LOOP_PRINCIPLES_PER_INTERVIEW = "lp-questions-per-interview"
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


def mock_loop(ctx: Context) -> str:
    return ctx.renderer.render(
        "mock-loop.html",
        data=_generator_data(ctx),
        story_limit=number_text(ctx.site.number("story-max-principles")),
        recency=number_text(ctx.site.number("story-recency-years")),
    )


def mock_loop_levels(ctx: Context) -> str:
    """The guide's advice on how the technical questions change by level, as the generator uses it."""
    names = {r.id: r.name for r in ctx.site.rounds}
    levels = [
        (name, ", ".join(names[f] if i == 0 else names[f].lower() for i, f in enumerate(focuses)))
        for _, name, focuses in LOOP_LEVELS
    ]
    return ctx.renderer.render(
        "mock-loop-levels.md", levels=levels, levels_link=shape.guide_link(ctx.site, "amazon-levels", ctx.here())
    )


def _generator_data(ctx: Context) -> dict[str, object]:
    """mock_loop_data, plus an actual technical question for each focus (macros/coding.py,
    loop_tasks) and the minutes the technical question usually takes."""
    site = ctx.site
    designs = [(w.question, site.guide(w.guide).page or "") for w in ctx.walkthroughs.values()]
    data = mock_loop_data(site)
    data["tasks"] = coding.loop_tasks(ctx.worked_problems(), site, designs, ctx.here(), ctx.directory_urls())
    data["technicalMinutes"] = number_text(site.number("interview-technical-minutes"))
    return data


MACROS: dict[str, Macro] = {"mock_loop": mock_loop, "mock_loop_levels": mock_loop_levels}
