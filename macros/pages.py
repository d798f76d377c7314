"""The functions behind each macro: shape data, render a template, return Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from . import shape
from .data import SiteData, load_site
from .render import Renderer, md_escape

DRILL_PAGE = "practice/drill.md"
# The source document the site is built from; every correction's original is a line of it.
SOURCE_DOCUMENT = Path("tests") / "fixtures" / "amazon-interview-guide.source.md"
# Amazon's own text of the Leadership Principles, quoted on every principle page.
AMAZON_PRINCIPLES_SOURCE = "amazon-leadership-principles"
# Compiled templates kept between builds; hooks/template_cache.py keeps the theme's and the pages' here too.
CACHE_DIR = Path(".cache") / "jinja"


@dataclass(repr=False)
class GuideMacros:
    """Every macro a page may call. ``here`` returns the calling page's docs path."""

    site: SiteData
    renderer: Renderer
    here: Callable[[], str]

    def __repr__(self) -> str:
        # Short on purpose: each registered macro is a bound method, whose repr includes this one,
        # and mkdocs-macros serialises every macro for a debug line on each build. The dataclass
        # repr spelled out all the site's data: 1.2 MB of text and about 50 ms per build.
        return f"GuideMacros({len(self.site.principles)} principles, {len(self.site.questions)} questions)"

    @classmethod
    def from_project(cls, project_dir: Path, here: Callable[[], str]) -> "GuideMacros":
        project_dir = Path(project_dir)
        renderer = Renderer(project_dir / "overrides" / "partials" / "macros", project_dir / CACHE_DIR)
        # The source document is a test fixture, and copies of the project made to build broken
        # data (tests/support/project.py) leave tests/ out; there the check is skipped, and
        # tests/test_numbers.py still checks every correction against the document.
        source = project_dir / SOURCE_DOCUMENT
        return cls(load_site(project_dir / "data", source if source.is_file() else None), renderer, here)

    def registry(self) -> dict[str, Callable[..., str]]:
        """Name -> callable, for ``define_env`` to register."""
        return {
            "guide_link": self.guide_link,
            "cite": self.cite,
            "number": self.number,
            "corrected": self.corrected,
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
            "coach_panel": self.coach_panel,
            "coach_scripts": self.coach_scripts,
            "readiness": self.readiness,
            "readiness_summary": self.readiness_summary,
            "study_plan": self.study_plan,
        }

    def guide_link(self, gid: str) -> str:
        return self.renderer.render("guide-link.md", link=shape.guide_link(self.site, gid, self.here()))

    def cite(self, sid: str) -> str:
        return self.renderer.render("cite.md", source=shape.citation(self.site.source(sid)))

    def _unknown(self, macro: str, kind: str, key: str) -> KeyError:
        return KeyError(f"{self.here()}: {macro}(\"{key}\"): unknown {kind} id '{key}'")

    def number(self, nid: str, unit: bool = True, source: bool = False, only: str | None = None) -> str:
        """A number from data/numbers.yml as text; with ``source``, its citation or the advice label.

        ``only="min"`` or ``only="max"`` gives one end of a range ("fewer than 2 stories").
        """
        try:
            n = self.site.number(nid)
        except KeyError:
            raise self._unknown("number", "number", nid) from None
        if only is not None:
            if only not in ("min", "max"):
                raise ValueError(f'{self.here()}: number("{nid}", only="{only}"): only must be "min" or "max"')
            n = shape.number_end(n, only)
        text = Markup(md_escape(shape.number_text(n, unit)))
        if not source:
            return str(text)
        cite = Markup(self.cite(n.cite)) if n.cite is not None else None
        return self.renderer.render("number.md", text=text, cite=cite)

    def corrected(self, cid: str) -> str:
        """A source statement struck through where it stands, with the correction and its source."""
        try:
            c = self.site.correction(cid)
        except KeyError:
            raise self._unknown("corrected", "correction", cid) from None
        view = shape.corrected_view(self.site, c)
        return self.renderer.render("corrected.md", view=view, cite=Markup(self.cite(c.cite)))

    def _summaries(self) -> dict[str, str | Markup]:
        """Each principle's one-liner as shown: struck through with its correction where it has one."""
        return {p.id: Markup(self.corrected(p.corrected)) if p.corrected else p.summary for p in self.site.principles}

    def principles_table(self) -> str:
        return self.renderer.render(
            "principles-table.md", rows=shape.principle_rows(self.site, self.here()), summaries=self._summaries()
        )

    def principle_page(self, pid: str) -> str:
        view = shape.principle_view(self.site, pid, self.here(), DRILL_PAGE)
        return self.renderer.render(
            "principle-page.md",
            view=view,
            total=len(self.site.principles),
            summary=self._summaries()[view.principle.id],
            amazon_cite=Markup(self.cite(AMAZON_PRINCIPLES_SOURCE)),
        )

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
        return self.renderer.render("question-bank.md", groups=groups, control=control, summaries=self._summaries())

    def drill(self) -> str:
        answer = self.site.number(shape.DRILL_ANSWER)
        return self.renderer.render(
            "drill.html",
            data=shape.drill_data(self.site),
            principles=self.site.principles,
            answer_min=answer.min,
            answer_max=answer.max,
        )

    def mock_loop(self) -> str:
        return self.renderer.render(
            "mock-loop.html",
            data=shape.mock_loop_data(self.site),
            story_limit=shape.number_text(self.site.number("story-max-principles")),
            recency=shape.number_text(self.site.number("story-recency-years")),
        )

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
            left_out=[(c, shape.guide_link(self.site, c.guide, self.here())) for c in shape.unmapped_companies(self.site)],
        )

    def cheat_sheet(self) -> str:
        return self.renderer.render(
            "cheat-sheet.md", rows=shape.cheat_sheet_rows(self.site, self.here()), summaries=self._summaries()
        )

    # ----------------------------------------------------------------------- practice coach

    def coach_panel(self) -> str:
        """The coach under the drill's card: it follows the question the drill shows."""
        return self.renderer.render("coach-panel.html")

    def coach_scripts(self) -> str:
        """Script tags for the coach's files, for a page that includes a coach tool in its content."""
        return self.renderer.render("coach-scripts.html", scripts=shape.coach_scripts(self.here()))

    def readiness(self) -> str:
        return self.renderer.render(
            "readiness.html",
            principles=self.site.principles,
            target=self.site.number("stories-per-principle").min,
            planner=shape.guide_link(self.site, "star-planner", self.here()),
        )

    def readiness_summary(self) -> str:
        """The short progress block a page (the home page) includes; it loads the coach itself."""
        return self.renderer.render(
            "readiness-summary.html",
            link=shape.guide_link(self.site, "readiness", self.here()),
            scripts=shape.coach_scripts(self.here(), scheduler=False),  # it rates nothing
        )

    def study_plan(self) -> str:
        return self.renderer.render("study-plan.html", data=shape.study_plan_data(self.site))


def write_coach_data(site: SiteData, site_dir: Path) -> None:
    """Write the coach's data (shape.coach_data) as a script into the built site.

    A script, not JSON: the question bank and principle pages load the coach on first use,
    also from file:// in the offline edition, where a fetch() of a JSON file is refused.
    """
    import json

    target = Path(site_dir) / shape.COACH_DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(shape.coach_data(site), ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
    target.write_text(f"window.guideCoachData={text};\n", encoding="utf-8")
