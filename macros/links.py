"""Links between the guide's pages, and citations of its sources with the day each was checked."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from . import shape
from .context import Context, Macro
from .data import Source


def citation(source: Source, passage: str = "") -> dict[str, object]:
    return {
        "title": source.title,
        "passage": passage,  # the source's words the claim rests on (data/sources, checked when loaded)
        "secondary": source.secondary,
        "publisher": source.publisher,
        "href": Markup(source.url),
        "verified": Markup(source.verified.isoformat()),
        "verified_text": format_date(source.verified, short=True),
    }


def format_date(day: dt.date, short: bool = False) -> str:
    """``7 August 2025``, or ``7 Aug 2025`` when short (English month names)."""
    month = MONTHS[day.month - 1]
    return f"{day.day} {month[:3] if short else month} {day.year}"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def guide_link(ctx: Context, gid: str) -> str:
    """A link to a guide of data/guides.yml, by id, from the calling page."""
    return ctx.renderer.render("guide-link.md", link=shape.guide_link(ctx.site, gid, ctx.here()))


def cite(ctx: Context, ref: str) -> str:
    """A citation, "source-id" or "source-id#passage-key": the source and the passage it rests on."""
    source, passage = ctx.site.citation(ref)
    return ctx.renderer.render("cite.md", source=citation(source, passage))


MACROS: dict[str, Macro] = {"guide_link": guide_link, "cite": cite}
