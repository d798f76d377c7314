"""The functions behind each macro: shape data, render a template, return Markdown."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import coding, home, runner, search_terms, shape, worked
from .data import PASSAGE_MAX_WORDS, SiteData, load_site
from .design import Walkthrough, load_walkthroughs
from .errors import AuthorError, MacroError
from .examples import SPINE_LENGTH, Examples, load_examples
from .render import Renderer, md_escape, relative_link

# The source document the site is built from; every correction's original is a line of it.
SOURCE_DOCUMENT = Path("tests") / "fixtures" / "amazon-interview-guide.source.md"
# Amazon's own text of the Leadership Principles, quoted on every principle page.
AMAZON_PRINCIPLES_SOURCE = "amazon-leadership-principles"


def _shown(value: object) -> str:
    """An argument as the author wrote it in the page: strings in double quotes."""
    return repr(value).replace("'", '"')


@dataclass(repr=False)
class GuideMacros:
    """Every macro a page may call. ``here`` returns the calling page's docs path.

    ``docs_dir`` prefixes that path in error messages. With ``defer_errors``, a
    macro called with an unknown id returns nothing and keeps the
    :class:`MacroError` in ``problems`` for the caller to raise once the page
    is rendered (mkdocs-macros would print a traceback for an exception raised
    inside the page); without it, the macro raises the error itself.
    """

    site: SiteData
    renderer: Renderer
    here: Callable[[], str]
    docs_dir: str = "docs"
    defer_errors: bool = False
    problems: list[MacroError] = field(default_factory=list)
    # Worked examples (data/examples/, data/design/); loaded by from_project.
    examples: Examples | None = None
    walkthroughs: Mapping[str, Walkthrough] = field(default_factory=dict)
    terms: search_terms.SearchTerms | None = None  # data/search.yml, read by from_project
    coding_data: coding.Coding | None = None  # data/coding/ and coding/problems/, read by from_project
    project_dir: Path = Path(".")  # where coding/ lives: the code runner reads each problem's module
    # Whether the site uses directory URLs (page/ rather than page.html): for links that MkDocs does
    # not rewrite, the ones inside the practice tools' JSON data. Set by define_env.
    directory_urls: Callable[[], bool] = lambda: True

    def __repr__(self) -> str:
        # Short on purpose: each registered macro is a bound method, whose repr includes this one,
        # and mkdocs-macros serializes every macro for a debug line on each build. The dataclass
        # repr would spell out all the site's data there, on every build.
        return f"GuideMacros({len(self.site.principles)} principles, {len(self.site.questions)} questions)"

    @classmethod
    def from_project(cls, project_dir: Path, here: Callable[[], str]) -> GuideMacros:
        project_dir = Path(project_dir)
        renderer = Renderer(project_dir / "overrides" / "partials" / "macros")
        # The source document is a test fixture, and copies of the project made to build broken
        # data (tests/support/project.py) leave tests/ out; there the check is skipped, and
        # tests/test_numbers.py still checks every correction against the document.
        source = project_dir / SOURCE_DOCUMENT
        site = load_site(project_dir / "data", source if source.is_file() else None)
        examples = load_examples(project_dir / "data", site)
        walkthroughs = load_walkthroughs(project_dir / "data", site)
        terms = search_terms.load(project_dir / "data" / "search.yml", project_dir / "docs")
        worked_problems = coding.load_coding(project_dir / "data", site, project_dir)
        return cls(
            site,
            renderer,
            here,
            examples=examples,
            walkthroughs=walkthroughs,
            terms=terms,
            coding_data=worked_problems,
            project_dir=project_dir,
        )

    def checked(self, name: str, func: Callable[..., str]) -> Callable[..., str]:
        """``func`` as the macro ``name``: an author's mistake (:class:`AuthorError`) becomes one
        :class:`MacroError` naming the page and the call. Any other exception is a bug and propagates."""

        @functools.wraps(func)
        def macro(*args: Any, **kwargs: Any) -> str:
            try:
                return func(*args, **kwargs)
            except AuthorError as exc:
                problem = str(exc)
                arguments = [_shown(a) for a in args] + [f"{k}={_shown(v)}" for k, v in kwargs.items()]
                error = MacroError(f"{self.docs_dir}/{self.here()}", f"{name}({', '.join(arguments)})", problem)
                if not self.defer_errors:
                    raise error from None
                self.problems.append(error)
                return ""

        return macro

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
            "mock_loop_levels": self.mock_loop_levels,
            "company_map": self.company_map,
            "cheat_sheet": self.cheat_sheet,
            "star_planner": self.star_planner,
            "answer_example": self.answer_example,
            "answer_examples": self.answer_examples,
            "questions": self.questions,
            "design_walkthroughs": self.design_walkthroughs,
            "design_diagram": self.design_diagram,
            "design_estimates": self.design_estimates,
            "estimate": self.estimate,
            "search_terms": self.search_terms,
            "home_cards": self.home_cards,
            "home_progress": self.home_progress,
            "coach_panel": self.coach_panel,
            "coach_scripts": self.coach_scripts,
            "readiness": self.readiness,
            "readiness_summary": self.readiness_summary,
            "study_plan": self.study_plan,
            "coding_problem": self.coding_problem,
            "coding_patterns": self.coding_patterns,
            "coding_problems": self.coding_problems,
            "coding_plan": self.coding_plan,
            "coding_drill": self.coding_drill,
        }

    def guide_link(self, gid: str) -> str:
        return self.renderer.render("guide-link.md", link=shape.guide_link(self.site, gid, self.here()))

    def cite(self, ref: str) -> str:
        """A citation, "source-id" or "source-id#passage-key": the source and the passage it rests on."""
        source, passage = self.site.citation(ref)
        return self.renderer.render("cite.md", source=shape.citation(source, passage))

    def number(self, nid: str, unit: bool = True, source: bool = False, only: str | None = None) -> str:
        """A number from data/numbers.yml as text; with ``source``, its citation or the advice label.

        ``only="min"`` or ``only="max"`` gives one end of a range ("fewer than 2 stories").
        """
        n = self.site.number(nid)
        if only is not None:
            if only not in ("min", "max"):
                raise AuthorError(f'only must be "min" or "max", got "{only}"')
            n = shape.number_end(n, only)
        text = Markup(md_escape(shape.number_text(n, unit)))
        if not source:
            return str(text)
        cite = Markup(self.cite(n.cite)) if n.cite is not None else None
        return self.renderer.render("number.md", text=text, cite=cite)

    def corrected(self, cid: str) -> str:
        """A source statement struck through where it stands, with the correction and its source."""
        c = self.site.correction(cid)
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
        view = shape.principle_view(self.site, pid, self.here())
        return self.renderer.render(
            "principle-page.md",
            view=view,
            total=len(self.site.principles),
            summary=self._summaries()[view.principle.id],
            amazon_cite=Markup(self._principle_cite(view.principle.amazon_opening)),
            terms=Markup(self.search_terms()),
        )

    def _principle_cite(self, opening: str) -> str:
        """Amazon's principles page, resting on the principle's own opening words where they fit a passage."""
        source, passage = self.site.citation(AMAZON_PRINCIPLES_SOURCE)
        if opening and len(opening.split()) <= PASSAGE_MAX_WORDS:
            passage = opening
        return self.renderer.render("cite.md", source=shape.citation(source, passage))

    def related_resources(self, gid: str) -> str:
        groups = shape.related_groups(self.site, self.here(), exclude=gid)
        return self.renderer.render("related-resources.md", groups=groups)

    def company_guides(self) -> str:
        return self.renderer.render("company-guides.md", links=shape.company_links(self.site, self.here()))

    def company_values(self, cid: str) -> str:
        company = self.site.company(cid)
        return self.renderer.render(
            "company-values.md", company=company, cite=Markup(self.cite(company.framework_source))
        )

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
            data=self.mock_loop_data(),
            story_limit=shape.number_text(self.site.number("story-max-principles")),
            recency=shape.number_text(self.site.number("story-recency-years")),
        )

    def mock_loop_levels(self) -> str:
        """The guide's advice on how the technical questions change by level, as the generator uses it."""
        names = {r.id: r.name for r in self.site.rounds}
        levels = [
            (name, ", ".join(names[f] if i == 0 else names[f].lower() for i, f in enumerate(focuses)))
            for _, name, focuses in shape.LOOP_LEVELS
        ]
        return self.renderer.render(
            "mock-loop-levels.md", levels=levels, levels_link=shape.guide_link(self.site, "amazon-levels", self.here())
        )

    def mock_loop_data(self) -> dict[str, object]:
        """shape.mock_loop_data, plus an actual technical question for each focus (macros/coding.py,
        loop_tasks) and the minutes the technical question usually takes."""
        designs = [(w.question, self.site.guide(w.guide).page or "") for w in self.walkthroughs.values()]
        data = shape.mock_loop_data(self.site)
        data["tasks"] = coding.loop_tasks(self._coding(), self.site, designs, self.here(), self.directory_urls())
        data["technicalMinutes"] = shape.number_text(self.site.number("interview-technical-minutes"))
        return data

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
            left_out=[
                (c, shape.guide_link(self.site, c.guide, self.here())) for c in shape.unmapped_companies(self.site)
            ],
        )

    def cheat_sheet(self) -> str:
        return self.renderer.render(
            "cheat-sheet.md", rows=shape.cheat_sheet_rows(self.site, self.here()), summaries=self._summaries()
        )

    # ----------------------------------------------------------------------- worked examples

    def _examples(self) -> Examples:
        if self.examples is None:
            raise AssertionError("no answer examples loaded (GuideMacros.from_project loads them)")
        return self.examples

    def _walk(self, wid: str) -> Walkthrough:
        try:
            return self.walkthroughs[wid]
        except KeyError:
            raise AuthorError(f"unknown walkthrough '{wid}' (data/design/{wid}.yml)") from None

    def answer_example(self, pid: str) -> str:
        examples = self._examples()
        view = worked.answer_view(examples, examples.for_principle(pid))
        parts = {
            kind: Markup(
                self.renderer.render(
                    "answer-example-parts.html",
                    kind=kind,
                    parts=view.example.mediocre.parts if kind == "mediocre" else getattr(view.example, kind),
                    verdict=worked.note_verdict,
                    note_heading=worked.note_heading,
                )
            )
            for kind in ("strong", "weak", "mediocre")
        }
        meta = Markup(self.renderer.render("answer-example-meta.html", **view.meta()))
        spine = Markup(self.renderer.render("answer-example-spine.html", view=view))
        return self.renderer.render(
            "answer-example.md",
            example=view.example,
            anchor=view.anchor,
            meta=meta,
            spine=spine,
            spine_length=Markup(self.number(SPINE_LENGTH, source=True)),
            **parts,
        )

    def answer_examples(self) -> str:
        return self.renderer.render(
            "answer-examples.md", rows=worked.answer_rows(self.site, self._examples(), self.here())
        )

    def questions(self, *qids: str) -> str:
        """A list of questions from the bank, by id, each linked to its principle's page."""
        return self.renderer.render("question-list.md", rows=shape.question_rows(self.site, qids, self.here()))

    def design_walkthroughs(self) -> str:
        return self.renderer.render(
            "design-walkthroughs.md", rows=worked.walkthrough_rows(self.site, self.walkthroughs, self.here())
        )

    def design_diagram(self, wid: str) -> str:
        d = self._walk(wid).diagram
        return self.renderer.render(
            "design-diagram.html",
            diagram=d,
            svg=Markup(worked.diagram_svg(d)),
            steps=d.flow,
            labels=worked.node_labels(d),
        )

    def design_estimates(self, wid: str) -> str:
        walk = self._walk(wid)
        return self.renderer.render(
            "design-estimates.html", walk=walk, working=walk.working, approx=worked.approx_mark(walk)
        )

    def estimate(self, wid: str, fid: str, unit: bool = True) -> str:
        fig = self._walk(wid).figure(fid)
        return self.renderer.render("estimate.md", figure=fig, unit=unit)

    # ----------------------------------------------------------------------- search and the home page

    def search_terms(self, section: str | None = None) -> str:
        """The words candidates search for this page (or this section), from data/search.yml."""
        assert self.terms is not None, "GuideMacros.from_project reads data/search.yml"
        entry = self.terms.lookup(self.here(), section)
        return self.renderer.render("search-terms.html", entry=entry)

    def home_cards(self) -> str:
        return self.renderer.render("home-cards.md", groups=home.card_groups(self.site, self.here()))

    def home_progress(self) -> str:
        return self.renderer.render("home-progress.html", frame=home.progress_frame(self.site, self.here()))

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
            drill=shape.guide_link(self.site, "drill", self.here()),
            # Where each principle's questions are practiced: its page's list of questions.
            questions={
                p.id: relative_link(self.here(), shape.principle_page(self.site, p.id), "practice-questions")
                for p in self.site.principles
            },
            # Per coding pattern, its problems, and the pattern guide's section that lists them.
            patterns=coding.pattern_rows(self._coding(), self.here()),
            pattern_links={p.id: coding.pattern_href(self.site, p.id, self.here()) for p in self._coding().patterns},
        )

    def readiness_summary(self) -> str:
        """The short progress block a page (the home page) includes; site.js loads the coach for it
        only when one of the coach's storage keys holds something."""
        return self.renderer.render(
            "readiness-summary.html",
            link=shape.guide_link(self.site, "readiness", self.here()),
            keys=list(shape.coach_storage_keys().values()),
        )

    def study_plan(self) -> str:
        data = shape.study_plan_data(self.site)
        minutes = shape.number_text(self.site.number("interview-technical-minutes"))
        topics = data["topics"]
        assert isinstance(topics, list)
        data["topics"] = coding.study_topics(self._coding(), [str(t) for t in topics], minutes)
        return self.renderer.render("study-plan.html", data=data)

    # ----------------------------------------------------------------------- the coding round

    def _coding(self) -> coding.Coding:
        assert self.coding_data is not None, "GuideMacros.from_project reads data/coding/"
        return self.coding_data

    def coding_problem(self, pid: str) -> str:
        """Every field of one worked problem, with its solution read from its module."""
        view = coding.problem_view(self._coding(), self.site, pid, self.here())
        terms = search_terms.TermsEntry(self.here(), None, view.search_terms)
        return self.renderer.render(
            "coding-problem.md",
            view=view,
            runner=Markup(self._code_runner(pid)),
            terms=Markup(self.renderer.render("search-terms.html", entry=terms)) if view.search_terms else "",
        )

    def _code_runner(self, pid: str) -> str:
        """ "Try it yourself" on one worked problem: the editor and runner (docs/javascripts/code-runner.js)."""
        data = runner.runner_data(
            self._coding(),
            pid,
            self.project_dir,
            seconds=60 * self.site.number(runner.CLOCK_MINUTES).max,
            limit_seconds=self.site.number(runner.TIME_LIMIT).max,
        )
        return self.renderer.render("code-runner.html", data=data, limit=self.number(runner.TIME_LIMIT))

    def coding_patterns(self) -> str:
        """The pattern guide: each pattern's cues, idea, complexity, mistakes and problems."""
        assert self.terms is not None, "GuideMacros.from_project reads data/search.yml"
        rows = coding.pattern_rows(self._coding(), self.here())
        # A pattern's section shows its entry of data/search.yml, when it has one (other names: "top k").
        entries = {row.pattern.id: self.terms.entries.get(f"{self.here()}#{row.pattern.id}") for row in rows}
        terms = {
            pid: Markup(self.renderer.render("search-terms.html", entry=e))
            for pid, e in entries.items()
            if e is not None
        }
        return self.renderer.render("coding-patterns.md", rows=rows, terms=terms)

    def coding_problems(self) -> str:
        """Every worked problem, grouped by pattern, linked to its page."""
        return self.renderer.render(
            "coding-problems.md",
            rows=coding.pattern_rows(self._coding(), self.here()),
            patterns_href=coding.pattern_href(self.site, "", self.here()),
        )

    def coding_drill(self) -> str:
        """A worked problem against the technical question's clock (docs/javascripts/coding-drill.js)."""
        data = coding.drill_data(self._coding(), self.site, self.here(), self.directory_urls())
        problems = data["problems"]
        assert isinstance(problems, list) and problems
        return self.renderer.render(
            "coding-drill.html",
            data=data,
            first=problems[0],
            patterns=self._coding().patterns,
            problems_href=coding.page_url(
                self.here(), self.site.guide(coding.PROBLEMS_GUIDE).page or "", self.directory_urls()
            ),
        )

    def coding_plan(self) -> str:
        """The guide's minute-by-minute plan for the technical question, from data/coding/plan.yml."""
        rows = coding.plan_rows(self._coding(), self.site)
        minutes = {row.step.id: Markup(self.number(row.step.minutes)) for row in rows}
        return self.renderer.render("coding-plan.md", rows=rows, minutes=minutes, clock=coding.clock)


def write_coach_data(site: SiteData, site_dir: Path, worked: coding.Coding | None = None) -> None:
    """Write the coach's data (shape.coach_data) as a script into the built site.

    A script, not JSON: the question bank and principle pages load the coach on first use,
    also from file:// in the offline edition, where a fetch() of a JSON file is refused.
    """
    import json

    target = Path(site_dir) / shape.COACH_DATA_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    problems = {p.id: p.pattern for p in worked.problems} if worked is not None else None
    titles = {p.id: p.title for p in worked.problems} if worked is not None else None
    patterns = [(p.id, p.name) for p in worked.patterns] if worked is not None else []
    text = json.dumps(
        shape.coach_data(site, problems, titles, patterns), ensure_ascii=True, separators=(",", ":")
    ).replace("<", "\\u003c")
    target.write_text(f"window.guideCoachData={text};\n", encoding="utf-8")
