"""The system design walkthroughs (data/design/): their list, each one's diagram, estimates and figures."""

from __future__ import annotations

from markupsafe import Markup

from . import worked
from .context import Context, Macro


def design_walkthroughs(ctx: Context) -> str:
    return ctx.renderer.render(
        "design-walkthroughs.md", rows=worked.walkthrough_rows(ctx.site, ctx.walkthroughs, ctx.here())
    )


def design_diagram(ctx: Context, wid: str) -> str:
    d = ctx.walkthrough(wid).diagram
    return ctx.renderer.render(
        "design-diagram.html",
        diagram=d,
        svg=Markup(worked.diagram_svg(d)),
        steps=d.flow,
        labels=worked.node_labels(d),
    )


def design_estimates(ctx: Context, wid: str) -> str:
    walk = ctx.walkthrough(wid)
    return ctx.renderer.render(
        "design-estimates.html", walk=walk, working=walk.working, approx=worked.approx_mark(walk)
    )


def estimate(ctx: Context, wid: str, fid: str, unit: bool = True) -> str:
    fig = ctx.walkthrough(wid).figure(fid)
    return ctx.renderer.render("estimate.md", figure=fig, unit=unit)


MACROS: dict[str, Macro] = {
    "design_walkthroughs": design_walkthroughs,
    "design_diagram": design_diagram,
    "design_estimates": design_estimates,
    "estimate": estimate,
}
