"""Links between the guide's pages and citations of its sources: ``guide_link`` and ``cite``."""

from __future__ import annotations

from . import shape
from .context import Context, Macro


def guide_link(ctx: Context, gid: str) -> str:
    """A link to a guide of data/guides.yml, by id, from the calling page."""
    return ctx.renderer.render("guide-link.md", link=shape.guide_link(ctx.site, gid, ctx.here()))


def cite(ctx: Context, ref: str) -> str:
    """A citation, "source-id" or "source-id#passage-key": the source and the passage it rests on."""
    source, passage = ctx.site.citation(ref)
    return ctx.renderer.render("cite.md", source=shape.citation(source, passage))


MACROS: dict[str, Macro] = {"guide_link": guide_link, "cite": cite}
