"""The coding round's pages: each worked problem with its code runner, the pattern guide, the
problems index, the coding drill and the minute-by-minute plan (data/coding/, macros/coding.py)."""

from __future__ import annotations

from markupsafe import Markup

from . import coding, runner, search_terms
from .context import Context, Macro
from .numbers import number


def coding_problem(ctx: Context, pid: str) -> str:
    """Every field of one worked problem, with its solution read from its module."""
    view = coding.problem_view(ctx.worked_problems(), ctx.site, pid, ctx.here())
    terms = search_terms.TermsEntry(ctx.here(), None, view.search_terms)
    return ctx.renderer.render(
        "coding-problem.md",
        view=view,
        runner=Markup(_code_runner(ctx, pid)),
        terms=Markup(ctx.renderer.render("search-terms.html", entry=terms)) if view.search_terms else "",
    )


def _code_runner(ctx: Context, pid: str) -> str:
    """ "Try it yourself" on one worked problem: the editor and runner (docs/javascripts/code-runner.js)."""
    data = runner.runner_data(
        ctx.worked_problems(),
        pid,
        ctx.project_dir,
        seconds=60 * ctx.site.number(runner.CLOCK_MINUTES).max,
        limit_seconds=ctx.site.number(runner.TIME_LIMIT).max,
    )
    return ctx.renderer.render("code-runner.html", data=data, limit=number(ctx, runner.TIME_LIMIT))


def coding_patterns(ctx: Context) -> str:
    """The pattern guide: each pattern's cues, idea, complexity, mistakes and problems."""
    rows = coding.pattern_rows(ctx.worked_problems(), ctx.here())
    # A pattern's section shows its entry of data/search.yml, when it has one (other names: "top k").
    entries = {row.pattern.id: ctx.search().entries.get(f"{ctx.here()}#{row.pattern.id}") for row in rows}
    terms = {
        pid: Markup(ctx.renderer.render("search-terms.html", entry=e)) for pid, e in entries.items() if e is not None
    }
    return ctx.renderer.render("coding-patterns.md", rows=rows, terms=terms)


def coding_problems(ctx: Context) -> str:
    """Every worked problem, grouped by pattern, linked to its page."""
    return ctx.renderer.render(
        "coding-problems.md",
        rows=coding.pattern_rows(ctx.worked_problems(), ctx.here()),
        patterns_href=coding.pattern_href(ctx.site, "", ctx.here()),
    )


def coding_drill(ctx: Context) -> str:
    """A worked problem against the technical question's clock (docs/javascripts/coding-drill.js)."""
    worked, here, directory_urls = ctx.worked_problems(), ctx.here(), ctx.directory_urls()
    data = coding.drill_data(worked, ctx.site, here, directory_urls)
    problems = data["problems"]
    assert isinstance(problems, list) and problems
    return ctx.renderer.render(
        "coding-drill.html",
        data=data,
        first=problems[0],
        patterns=worked.patterns,
        problems_href=coding.page_url(here, ctx.site.guide(coding.PROBLEMS_GUIDE).page or "", directory_urls),
    )


def coding_plan(ctx: Context) -> str:
    """The guide's minute-by-minute plan for the technical question, from data/coding/plan.yml."""
    rows = coding.plan_rows(ctx.worked_problems(), ctx.site)
    minutes = {row.step.id: Markup(number(ctx, row.step.minutes)) for row in rows}
    return ctx.renderer.render("coding-plan.md", rows=rows, minutes=minutes, clock=coding.clock)


MACROS: dict[str, Macro] = {
    "coding_problem": coding_problem,
    "coding_patterns": coding_patterns,
    "coding_problems": coding_problems,
    "coding_plan": coding_plan,
    "coding_drill": coding_drill,
}
