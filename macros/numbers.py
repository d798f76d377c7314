"""The process numbers of data/numbers.yml and the source document's corrections, as pages state them."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .context import Context, Macro
from .data import NUMBER_REF, Correction, Number, SiteData, Source
from .errors import AuthorError
from .links import cite
from .render import md_escape


def number_text(number: Number, unit: bool = True) -> str:
    """``5 to 6 interviews``, ``60 minutes``; without the unit, ``5 to 6`` or ``60``."""
    amount = f"{number.low} to {number.high}" if number.is_range else str(number.value)
    return f"{amount} {number.unit}" if unit else amount


def number_end(number: Number, end: str) -> Number:
    """One end of a range as a number of its own; a single value stays as it is."""
    value = number.min if end == "min" else number.max
    return number.model_copy(update={"value": value, "low": None, "high": None})


@dataclass(frozen=True)
class CorrectedView:
    original: Markup  # verbatim Markdown of the source document (checked against it when loaded)
    correction: str
    cite: Source


def corrected_view(site: SiteData, correction: Correction) -> CorrectedView:
    text = NUMBER_REF.sub(lambda m: number_text(site.number(m.group(1))), correction.correction)
    return CorrectedView(Markup(correction.original), text, site.citation(correction.cite)[0])


def number(ctx: Context, nid: str, unit: bool = True, source: bool = False, only: str | None = None) -> str:
    """A number from data/numbers.yml as text; with ``source``, its citation or the advice label.

    ``only="min"`` or ``only="max"`` gives one end of a range ("fewer than 2 stories").
    """
    n = ctx.site.number(nid)
    if only is not None:
        if only not in ("min", "max"):
            raise AuthorError(f'only must be "min" or "max", got "{only}"')
        n = number_end(n, only)
    text = Markup(md_escape(number_text(n, unit)))
    if not source:
        return str(text)
    citation = Markup(cite(ctx, n.cite)) if n.cite is not None else None
    return ctx.renderer.render("number.md", text=text, cite=citation)


def corrected(ctx: Context, cid: str) -> str:
    """A source statement struck through where it stands, with the correction and its source."""
    c = ctx.site.correction(cid)
    view = corrected_view(ctx.site, c)
    return ctx.renderer.render("corrected.md", view=view, cite=Markup(cite(ctx, c.cite)))


MACROS: dict[str, Macro] = {"number": number, "corrected": corrected}
