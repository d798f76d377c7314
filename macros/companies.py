"""Other companies: their guides, their values and the map of their values onto Amazon's principles."""

from __future__ import annotations

from markupsafe import Markup

from . import shape
from .context import Context, Macro
from .links import cite


def related_resources(ctx: Context, gid: str) -> str:
    groups = shape.related_groups(ctx.site, ctx.here(), exclude=gid)
    return ctx.renderer.render("related-resources.md", groups=groups)


def company_guides(ctx: Context) -> str:
    return ctx.renderer.render("company-guides.md", links=shape.company_links(ctx.site, ctx.here()))


def company_values(ctx: Context, cid: str) -> str:
    company = ctx.site.company(cid)
    return ctx.renderer.render("company-values.md", company=company, cite=Markup(cite(ctx, company.framework_source)))


def company_map(ctx: Context) -> str:
    site, here = ctx.site, ctx.here()
    companies = shape.mapped_companies(site)
    return ctx.renderer.render(
        "company-map.md",
        companies=companies,
        cites=[Markup(cite(ctx, c.framework_source)) for c in companies],
        guides=[shape.guide_link(site, c.guide, here) for c in companies],
        rows=shape.value_map_rows(site, here, companies),
        cell=shape.map_cell_text,
        unmapped=shape.unmapped_values(companies),
        left_out=[(c, shape.guide_link(site, c.guide, here)) for c in shape.unmapped_companies(site)],
    )


MACROS: dict[str, Macro] = {
    "related_resources": related_resources,
    "company_guides": company_guides,
    "company_values": company_values,
    "company_map": company_map,
}
