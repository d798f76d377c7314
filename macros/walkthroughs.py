"""The system design walkthroughs (data/design/): their list, each one's diagram, estimates and figures."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from .context import Context, Macro
from .data import SiteData
from .design import Figure, Walkthrough, evaluate
from .diagram import Diagram, render_svg
from .render import relative_link


@dataclass(frozen=True)
class WalkthroughRow:
    title: str
    href: Markup
    blurb: str
    question: str
    from_source: bool


def walkthrough_rows(site: SiteData, walks: Mapping[str, Walkthrough], from_page: str) -> list[WalkthroughRow]:
    rows = []
    for w in walks.values():
        g = site.guide(w.guide)
        assert g.page is not None
        rows.append(WalkthroughRow(g.title, relative_link(from_page, g.page), g.blurb, w.question, w.from_source))
    return rows


def diagram_svg(d: Diagram) -> str:
    return render_svg(d)


def node_labels(d: Diagram) -> dict[str, str]:
    return {n.id: n.label for t in d.tiers for n in t.nodes}


def approx_mark(walk: Walkthrough) -> Callable[[Figure], str]:
    """``≈ `` before a derived figure the page states rounded, nothing before an exact one."""
    values = {f.id: f.value for f in walk.assumptions + walk.derived}

    def mark(fig: Figure) -> str:
        assert fig.formula is not None
        exact = evaluate(fig.formula, values)
        return "" if abs(fig.value - exact) <= 1e-9 * max(1.0, abs(exact)) else "\u2248 "

    return mark


def design_walkthroughs(ctx: Context) -> str:
    return ctx.renderer.render("design-walkthroughs.md", rows=walkthrough_rows(ctx.site, ctx.walkthroughs, ctx.here()))


def design_diagram(ctx: Context, wid: str) -> str:
    d = ctx.walkthrough(wid).diagram
    return ctx.renderer.render(
        "design-diagram.html",
        diagram=d,
        svg=Markup(diagram_svg(d)),
        steps=d.flow,
        labels=node_labels(d),
    )


def design_estimates(ctx: Context, wid: str) -> str:
    walk = ctx.walkthrough(wid)
    return ctx.renderer.render("design-estimates.html", walk=walk, working=walk.working, approx=approx_mark(walk))


def estimate(ctx: Context, wid: str, fid: str, unit: bool = True) -> str:
    fig = ctx.walkthrough(wid).figure(fid)
    return ctx.renderer.render("estimate.md", figure=fig, unit=unit)


MACROS: dict[str, Macro] = {
    "design_walkthroughs": design_walkthroughs,
    "design_diagram": design_diagram,
    "design_estimates": design_estimates,
    "estimate": estimate,
}
