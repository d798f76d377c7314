"""The functions behind each macro: shape data, render a template, return Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from . import home, search_terms, shape
from .data import SiteData, load_site
from .render import Renderer

DRILL_PAGE = "practice/drill.md"
# Compiled templates kept between builds; hooks/template_cache.py keeps the theme's and the pages' here too.
CACHE_DIR = Path(".cache") / "jinja"


@dataclass(repr=False)
class GuideMacros:
    """Every macro a page may call. ``here`` returns the calling page's docs path."""

    site: SiteData
    renderer: Renderer
    here: Callable[[], str]
    terms: search_terms.SearchTerms | None = None  # data/search.yml, read by from_project

    def __repr__(self) -> str:
        # Short on purpose: each registered macro is a bound method, whose repr includes this one,
        # and mkdocs-macros serialises every macro for a debug line on each build. The dataclass
        # repr spelled out all the site's data: 1.2 MB of text and about 50 ms per build.
        return f"GuideMacros({len(self.site.principles)} principles, {len(self.site.questions)} questions)"

    @classmethod
    def from_project(cls, project_dir: Path, here: Callable[[], str]) -> "GuideMacros":
        project_dir = Path(project_dir)
        renderer = Renderer(project_dir / "overrides" / "partials" / "macros", project_dir / CACHE_DIR)
        terms = search_terms.load(project_dir / "data" / "search.yml", project_dir / "docs")
        return cls(load_site(project_dir / "data"), renderer, here, terms)

    def registry(self) -> dict[str, Callable[..., str]]:
        """Name -> callable, for ``define_env`` to register."""
        return {
            "guide_link": self.guide_link,
            "cite": self.cite,
            "principles_table": self.principles_table,
            "principle_page": self.principle_page,
            "related_resources": self.related_resources,
            "company_guides": self.company_guides,
            "company_values": self.company_values,
            "source_questions": self.source_questions,
            "practice_tools": self.practice_tools,
            "question_bank": self.question_bank,
            "drill": self.drill,
            "mock_loop": self.mock_loop,
            "company_map": self.company_map,
            "cheat_sheet": self.cheat_sheet,
            "star_planner": self.star_planner,
            "search_terms": self.search_terms,
            "home_cards": self.home_cards,
            "home_progress": self.home_progress,
        }

    def guide_link(self, gid: str) -> str:
        return self.renderer.render("guide-link.md", link=shape.guide_link(self.site, gid, self.here()))

    def cite(self, sid: str) -> str:
        return self.renderer.render("cite.md", source=shape.citation(self.site.source(sid)))

    def principles_table(self) -> str:
        return self.renderer.render("principles-table.md", rows=shape.principle_rows(self.site, self.here()))

    def principle_page(self, pid: str) -> str:
        view = shape.principle_view(self.site, pid, self.here(), DRILL_PAGE)
        terms = Markup(self.search_terms())
        return self.renderer.render("principle-page.md", view=view, total=len(self.site.principles), terms=terms)

    def related_resources(self, gid: str) -> str:
        groups = shape.related_groups(self.site, self.here(), exclude=gid)
        return self.renderer.render("related-resources.md", groups=groups)

    def company_guides(self) -> str:
        return self.renderer.render("company-guides.md", links=shape.company_links(self.site, self.here()))

    def company_values(self, cid: str) -> str:
        company = self.site.company(cid)
        return self.renderer.render("company-values.md", company=company, cite=Markup(self.cite(company.framework_source)))

    def source_questions(self) -> str:
        return self.renderer.render("source-questions.md", items=shape.source_questions(self.site, self.here()))

    def star_planner(self) -> str:
        return self.renderer.render("star-planner.html", data=shape.star_planner_data(self.site))

    # ----------------------------------------------------------------------- practice tools

    def practice_tools(self) -> str:
        return self.renderer.render("practice-tools.md", links=shape.tool_links(self.site, self.here()))

    def question_bank(self) -> str:
        groups = shape.question_groups(self.site, self.here())
        total = len(self.site.questions)
        control = Markup(self.renderer.render("question-bank-filter.html", groups=groups, total=total))
        return self.renderer.render("question-bank.md", groups=groups, control=control)

    def drill(self) -> str:
        return self.renderer.render("drill.html", data=shape.drill_data(self.site), principles=self.site.principles)

    def mock_loop(self) -> str:
        return self.renderer.render("mock-loop.html", data=shape.mock_loop_data(self.site))

    def company_map(self) -> str:
        companies = shape.mapped_companies(self.site)
        return self.renderer.render(
            "company-map.md",
            companies=companies,
            cites=[Markup(self.cite(c.framework_source)) for c in companies],
            guides=[shape.guide_link(self.site, c.guide, self.here()) for c in companies],
            rows=shape.value_map_rows(self.site, self.here(), companies),
            cell=shape.map_cell_text,
            unmapped=shape.unmapped_values(companies),
        )

    def cheat_sheet(self) -> str:
        return self.renderer.render("cheat-sheet.md", rows=shape.cheat_sheet_rows(self.site, self.here()))

    def search_terms(self, section: str | None = None) -> str:
        """The words candidates search for this page (or this section), from data/search.yml."""
        assert self.terms is not None, "GuideMacros.from_project reads data/search.yml"
        entry = self.terms.lookup(self.here(), section)
        return self.renderer.render("search-terms.html", entry=entry)

    def home_cards(self) -> str:
        return self.renderer.render("home-cards.md", groups=home.card_groups(self.site, self.here()))

    def home_progress(self) -> str:
        return self.renderer.render("home-progress.html", frame=home.progress_frame(self.site, self.here()))
