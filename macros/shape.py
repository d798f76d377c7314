"""Where the guide's pages are and how to link to them, for every feature's shaping. No I/O, no markup.

Each feature shapes its own data in its own module (``principles``, ``questions``,
``companies``, ...); what several of them need, the pages of guides and principles and a
link from one page to another, lives here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from .data import Guide, SiteData
from .errors import AuthorError
from .render import relative_link

# Guides (data/guides.yml) whose pages the macros link to. Every page path comes from that file.
PRINCIPLES_GUIDE = "amazon-leadership-principles-page"  # the principles table; each principle's page sits beside it
QUESTION_BANK_GUIDE = "question-bank"
DRILL_GUIDE = "drill"


def guide_page(site: SiteData, gid: str) -> str:
    """The docs-relative page of an internal guide, section or tool, as data/guides.yml registers it."""
    page = site.guide(gid).page
    if page is None:
        raise AuthorError(f"guide '{gid}' has no page of its own")
    return page


def principle_page(site: SiteData, pid: str) -> str:
    """The docs-relative page of one principle: ``<pid>.md`` beside the principles table's page."""
    folder = posixpath.dirname(guide_page(site, PRINCIPLES_GUIDE))
    return posixpath.join(folder, f"{pid}.md")


def generated_pages(site: SiteData) -> frozenset[str]:
    """The pages ``hooks/data_pages.py`` generates from the data, which no file under docs/ holds."""
    return frozenset(principle_page(site, p.id) for p in site.principles)


def principle_anchor(pid: str) -> str:
    """The anchor of a principle's group on the question bank page."""
    return pid


@dataclass(frozen=True)
class Link:
    text: str
    href: Markup
    blurb: str = ""


def guide_link(site: SiteData, gid: str, from_page: str) -> Link:
    guide = site.guide(gid)
    return Link(guide.title, guide_href(site, guide, from_page), guide.blurb)


def guide_href(site: SiteData, guide: Guide, from_page: str) -> Markup:
    if guide.page is not None:
        return relative_link(from_page, guide.page)
    assert guide.source is not None
    return Markup(site.source(guide.source).url)
