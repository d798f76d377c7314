"""The principles table, cross-links between guides and the related-guide pages."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml

from hooks import data_pages
from macros import shape
from macros.data import SiteData
from tests.htmltext import elements, main_content
from tests.support import ROOT
from tests.support.nav import mkdocs_nav, nav_pages, section, site_nav


def resolve(built: Path, page_url: str, href: str) -> Path:
    """The built file an internal href points at (directory URLs end in index.html)."""
    path = href.split("#", 1)[0]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path)) if path else page_url
    out = built / target
    return out / "index.html" if out.is_dir() else out


def test_principles_table_has_a_row_per_principle_with_official_names_and_working_links(
    built_site: Path, site_data: SiteData
):
    page = built_site / "amazon/leadership-principles/index.html"
    table = re.search(r"<table>.*?</table>", main_content(page), re.S).group(0)
    rows = [t for tag, _, t in elements(table) if tag == "tr"][1:]
    assert len(rows) == len(site_data.principles)
    # Links within the site: a corrected one-liner also carries its source's (external) citation.
    links = [
        (a.get("href"), t) for tag, a, t in elements(table) if tag == "a" and not a.get("href", "").startswith("https:")
    ]
    assert [t for _, t in links] == [p.name for p in site_data.principles]  # the names: tests/test_data.py
    for (href, name), principle in zip(links, site_data.principles, strict=True):
        target = resolve(built_site, "amazon/leadership-principles/index.html", href)
        assert target.is_file(), href
        h1 = [t for tag, _, t in elements(target) if tag == "h1"]
        assert h1 == [name]
        assert principle.id in href


def test_every_guide_page_exists_and_is_titled_as_registered(built_site: Path, site_data: SiteData):
    problems = []
    for guide in (g for g in site_data.guides if g.page):
        built = built_site / guide.page.removesuffix(".md").removesuffix("index")
        page = built / "index.html" if built.is_dir() else built_site / (guide.page.removesuffix(".md") + "/index.html")
        if not page.is_file():
            problems.append(f"{guide.id}: {guide.page} was not built")
            continue
        h1 = [t for tag, _, t in elements(page) if tag == "h1"]
        if h1 != [guide.title]:
            problems.append(f"{guide.id}: headed {h1}, registered as {guide.title!r}")
        words = len(re.sub(r"<[^>]+>", " ", main_content(page)).split())
        if words < 150:
            problems.append(f"{guide.id}: {guide.page} has only {words} words")
    assert not problems, "\n".join(problems)


def test_related_resources_on_the_overview_list_every_other_guide(built_site: Path, site_data: SiteData):
    html = main_content(built_site / "amazon/index.html")
    section = html[html.index('id="related-resources"') :]
    texts = [t for tag, _, t in elements(section) if tag == "a"]
    for g in site_data.guides:
        if g.kind in ("internal", "external") or (g.kind == "company" and g.id != "amazon"):
            assert g.title in texts, g.id
    assert "Amazon Interview Guide" not in texts
    for heading in ("Internal Guides", "Amazon-Specific Resources", "Company Comparison"):
        assert heading in [t for tag, _, t in elements(section) if tag == "h3"]


def test_company_guides_cite_sources_with_a_verified_date(built_site: Path, site_data: SiteData):
    for guide in site_data.guides:
        if guide.kind != "company" or guide.id == "amazon":
            continue
        cid = guide.id
        html = main_content(built_site / guide.page.removesuffix(".md") / "index.html")
        # A citation runs to its checked date's closing tags: a secondary source's label is a span inside it.
        cites = re.findall(r'<span class="guide-cite">.*?</time></span></span>', html, re.S)
        assert len(cites) >= 5, cid
        for cite in cites:
            assert re.search(r'href="https://', cite) and re.search(r'<time datetime="\d{4}-\d{2}-\d{2}">', cite), cite


MD_LINK = re.compile(r"\]\(([^)\s]+\.md)(?:#[^)]*)?\)")


def test_docs_link_to_other_guides_only_through_macros():
    """A hand-written .md link may only stay inside its own guide folder."""
    offenders = []
    for md in (ROOT / "docs").rglob("*.md"):
        rel = md.relative_to(ROOT / "docs").as_posix()
        top = rel.split("/", 1)[0] if "/" in rel else ""
        for target in MD_LINK.findall(md.read_text(encoding="utf-8")):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
            if not top or resolved.split("/", 1)[0] != top:
                offenders.append(f"{rel} -> {target}")
    assert not offenders, "use {{ guide_link(...) }} instead: " + ", ".join(offenders)


def test_every_principle_has_a_page_in_the_nav(site_data: SiteData):
    pages = [shape.principle_page(site_data, p.id) for p in site_data.principles]
    nav = nav_pages(site_nav())
    assert [page for page in nav if page in pages] == pages, "every principle's page in the nav, in Amazon's order"


def test_mkdocs_yml_names_no_page_the_data_lists(site_data: SiteData):
    """The principles', walkthroughs' and other companies' entries come from the data; one written in
    mkdocs.yml as well would keep its place there, whatever the data's order."""
    written = mkdocs_nav()
    listed_by_data = {shape.principle_page(site_data, p.id) for p in site_data.principles}
    for walkthrough in (ROOT / "data" / "design").glob("*.yml"):
        listed_by_data.add(site_data.guide(yaml.safe_load(walkthrough.read_text(encoding="utf-8"))["guide"]).page)
    assert not listed_by_data & set(nav_pages(written))
    assert section(written, data_pages.COMPANIES_SECTION) == []


def test_no_generated_markup_is_shown_escaped(built_site: Path):
    """A template's own markup passed through a second escape would show as text."""
    leaks = []
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for needle in ("&#60;span", "&#60;a ", "&amp;lt;", "&amp;#"):
            if needle in text:
                leaks.append(f"{page.relative_to(built_site)}: {needle}")
    assert not leaks, leaks
