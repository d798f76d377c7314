"""Other companies: their guides, their values and the map of their values onto Amazon's principles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from . import shape
from .context import Context, Macro
from .data import Company, Principle, SiteData, Value
from .links import cite
from .render import relative_link
from .shape import Link

GROUP_ORDER = ("internal", "external", "company")


def related_groups(site: SiteData, from_page: str, exclude: str | None = None) -> list[tuple[str, list[Link]]]:
    """Guides grouped by kind, in a fixed order, leaving out the page's own guide."""
    groups = []
    for kind in GROUP_ORDER:
        links = [
            Link(g.title, shape.guide_href(site, g, from_page), g.blurb)
            for g in site.guides
            if g.kind == kind and g.id != exclude and g.page != from_page
        ]
        if links:
            groups.append((kind, links))
    return groups


def company_links(site: SiteData, from_page: str) -> list[Link]:
    return [Link(g.title, shape.guide_href(site, g, from_page), g.blurb) for g in site.guides if g.kind == "company"]


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
        rows.append(MapRow(p, relative_link(from_page, shape.principle_page(site, p.id)), cells))
    return rows


NO_COUNTERPART = "\u2014"  # em dash: shown where a company has no value matching a principle


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


def related_resources(ctx: Context, gid: str) -> str:
    groups = related_groups(ctx.site, ctx.here(), exclude=gid)
    return ctx.renderer.render("related-resources.md", groups=groups)


def company_guides(ctx: Context) -> str:
    return ctx.renderer.render("company-guides.md", links=company_links(ctx.site, ctx.here()))


def company_values(ctx: Context, cid: str) -> str:
    company = ctx.site.company(cid)
    return ctx.renderer.render("company-values.md", company=company, cite=Markup(cite(ctx, company.framework_source)))


def company_map(ctx: Context) -> str:
    site, here = ctx.site, ctx.here()
    companies = mapped_companies(site)
    return ctx.renderer.render(
        "company-map.md",
        companies=companies,
        cites=[Markup(cite(ctx, c.framework_source)) for c in companies],
        guides=[shape.guide_link(site, c.guide, here) for c in companies],
        rows=value_map_rows(site, here, companies),
        cell=map_cell_text,
        unmapped=unmapped_values(companies),
        left_out=[(c, shape.guide_link(site, c.guide, here)) for c in unmapped_companies(site)],
    )


MACROS: dict[str, Macro] = {
    "related_resources": related_resources,
    "company_guides": company_guides,
    "company_values": company_values,
    "company_map": company_map,
}
