"""The home page: cards to every part of the guide, and the progress panel's frame.

Both come from the data (``data/guides.yml``, ``data/principles.yml``), so a page
added to guides.yml gets its card without an edit to the home page.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .context import Context, Macro
from .data import SiteData
from .render import md_escape, relative_link
from .shape import Link, guide_link, principle_page
from .storage import STORY_FORMAT_VERSION, STORY_STORAGE_KEY

HOME_PAGE = "index.md"


@dataclass(frozen=True)
class CardGroup:
    title: str
    intro: str
    links: tuple[Link, ...]


# (title, intro, which guides) in the order the home page shows them. Every guide with a
# page of its own falls in exactly one group (tests/test_home.py).
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("The Amazon guide", "How Amazon hires engineers, and what to prepare.", "amazon"),
    ("Practice tools", "They run in your browser and keep what you write on this device.", "tool"),
    ("Other companies", "The values, the loop and how each differs from Amazon's.", "company"),
    ("Go deeper", "Level expectations, system design and AWS, for the technical rounds.", "internal"),
)


def _in_group(kind: str, which: str, gid: str) -> bool:
    if which == "amazon":
        return gid == "amazon" or kind == "section"
    if which == "company":
        return kind == "company" and gid != "amazon"
    return kind == which


def card_groups(site: SiteData, from_page: str = HOME_PAGE) -> list[CardGroup]:
    """The home page's card groups, each guide linked from the home page, in data order."""
    groups = []
    for title, intro, which in GROUPS:
        links = tuple(
            guide_link(site, g.id, from_page) for g in site.guides if g.page and _in_group(g.kind, which, g.id)
        )
        if links:
            groups.append(CardGroup(title, intro, links))
    return groups


@dataclass(frozen=True)
class ProgressFrame:
    key: str  # the STAR planner's localStorage key; docs/javascripts/home.js reads it
    version: int
    planner: Markup  # link to the planner
    principles: tuple[Link, ...]  # name (escaped for Markdown) and page of each principle; Link.blurb holds the id


def progress_frame(site: SiteData, from_page: str = HOME_PAGE) -> ProgressFrame:
    return ProgressFrame(
        key=STORY_STORAGE_KEY,
        version=STORY_FORMAT_VERSION,
        planner=guide_link(site, "star-planner", from_page).href,
        principles=tuple(
            Link(Markup(md_escape(p.name)), relative_link(from_page, principle_page(site, p.id)), p.id)
            for p in site.principles
        ),
    )


def home_cards(ctx: Context) -> str:
    return ctx.renderer.render("home-cards.md", groups=card_groups(ctx.site, ctx.here()))


def home_progress(ctx: Context) -> str:
    return ctx.renderer.render("home-progress.html", frame=progress_frame(ctx.site, ctx.here()))


MACROS: dict[str, Macro] = {"home_cards": home_cards, "home_progress": home_progress}
