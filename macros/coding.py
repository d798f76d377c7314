"""Load and check the coding round: ``data/coding/patterns.yml``, ``data/coding/problems/*.yml``
and the solution modules under ``coding/problems/``.

The shapes are pydantic models with extra keys forbidden; the first thing wrong becomes one
:class:`macros.errors.DataError` naming the file, the entry and the field. Then the checks a
model cannot make alone: the pattern and the Leadership Principle exist, the module exists and
defines the entry, its brute-force ``reference`` and ``random_case``, the solution markers are
there once each, the examples call the entry with its parameters, at least two examples are
edge cases, and every pattern has at least two problems.

The modules are read as text and parsed with :mod:`ast`, never imported: a build runs no
problem code, and nothing here imports Hypothesis (a test-only dependency).
"""

from __future__ import annotations

import ast
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from markupsafe import Markup
from pydantic import (
    Field,
    JsonValue,
    StrictBool,
    field_validator,
)

from .data import SiteData
from .errors import AuthorError, DataError
from .render import md_escape, relative_link
from .schema import (
    Ident,
    Model,
    PythonName,
    Text,
    entries_of,
    glob_files,
    id_is_file_name,
    load_entries,
    load_mapping,
    rel,
)
from .shape import principle_page

PATTERNS_FILE = Path("coding") / "patterns.yml"  # under data/
PLAN_FILE = Path("coding") / "plan.yml"  # under data/
PLAN_TOTAL = "interview-technical-minutes"  # the plan's steps fill this number of data/numbers.yml
PROBLEMS_DIR = Path("coding") / "problems"  # under data/
MODULES_DIR = Path("coding") / "problems"  # under the project root
START_MARKER = "# --8<-- [start:solution]"
END_MARKER = "# --8<-- [end:solution]"
GROWTHS = ("1", "log n", "n", "n log n", "n^2", "n^3", "2^n", "n!")
DIFFICULTIES = ("easy", "medium", "hard")
MIN_PROBLEMS_PER_PATTERN = 2
MIN_EDGE_EXAMPLES = 2


class _Model(Model):
    """Every record of the coding round: text inside any field (an example's expected text too) on one line."""

    @field_validator("*", mode="after")
    @classmethod
    def _one_line(cls, value: Any) -> Any:
        return " ".join(value.split()) if isinstance(value, str) else value


class Pattern(_Model):
    id: Ident
    name: Text
    cues: Annotated[tuple[Text, ...], Field(min_length=2)]
    idea: Text
    complexity: Text
    mistakes: Annotated[tuple[Text, ...], Field(min_length=2)]


class Step(_Model):
    """One step of the guide's plan for the technical question (data/coding/plan.yml)."""

    id: Ident
    name: Text
    minutes: Ident  # a number id in data/numbers.yml
    do: Text


class Clarifying(_Model):
    ask: Text
    assume: Text


class Example(_Model):
    args: dict[str, JsonValue]
    expected: JsonValue
    why: Text
    edge: StrictBool = False


class Complexity(_Model):
    time: Text
    space: Text
    growth: Literal["1", "log n", "n", "n log n", "n^2", "n^3", "2^n", "n!"]
    reasoning: Text


class FollowUp(_Model):
    ask: Text
    answer: Text


class Problem(_Model):
    id: Ident
    title: Text
    pattern: Ident
    difficulty: Literal["easy", "medium", "hard"]
    resembles: Text | None = None
    principle: Ident
    principle_note: Text
    statement: Text
    clarifying: Annotated[tuple[Clarifying, ...], Field(min_length=2, max_length=4)]
    examples: Annotated[tuple[Example, ...], Field(min_length=3, max_length=6)]
    brute_force: Text
    why_not_enough: Text
    better_idea: Text
    entry: PythonName
    shown_entry: PythonName | None = None
    complexity: Complexity
    tests_to_say: Annotated[tuple[Text, ...], Field(min_length=3, max_length=6)]
    follow_ups: Annotated[tuple[FollowUp, ...], Field(min_length=2, max_length=4)]

    @property
    def module(self) -> str:
        """The module's name under ``coding.problems``: the id with ``-`` replaced by ``_``."""
        return self.id.replace("-", "_")

    @property
    def shown(self) -> str:
        """The function or class the page's code defines and the prose talks about."""
        return self.shown_entry or self.entry


@dataclass(frozen=True)
class Solution:
    """The part of a problem's module the page shows: the lines between the two markers."""

    path: str  # project-relative, e.g. coding/problems/lru_cache.py
    code: str  # exactly those lines, joined with newlines, no trailing newline
    first_line: int  # 1-based line number of the first shown line in the module


@dataclass(frozen=True)
class Coding:
    patterns: tuple[Pattern, ...]
    problems: tuple[Problem, ...]  # in pattern order, then by file name
    solutions: Mapping[str, Solution]  # problem id -> its solution
    plan: tuple[Step, ...] = ()

    @cached_property
    def _patterns_by_id(self) -> Mapping[str, Pattern]:
        return {p.id: p for p in self.patterns}

    @cached_property
    def _problems_by_id(self) -> Mapping[str, Problem]:
        return {p.id: p for p in self.problems}

    def pattern(self, pid: str) -> Pattern:
        try:
            return self._patterns_by_id[pid]
        except KeyError:
            raise AuthorError(f"unknown coding pattern id '{pid}'") from None

    def problem(self, pid: str) -> Problem:
        try:
            return self._problems_by_id[pid]
        except KeyError:
            raise AuthorError(f"unknown coding problem id '{pid}'") from None

    def problems_for(self, pattern_id: str) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.pattern == pattern_id)


# --------------------------------------------------------------------------- loading


# What each file of the coding round holds; macros/schemas.py exports them as JSON Schema.
SCHEMAS: dict[str, Any] = {
    "coding/patterns.yml": entries_of(Pattern),
    "coding/plan.yml": entries_of(Step),
    "coding/problems/*.yml": Problem,
}


def load_patterns(data_dir: Path) -> tuple[Pattern, ...]:
    return tuple(load_entries(Path(data_dir) / PATTERNS_FILE, Path(data_dir), Pattern))


def load_plan(data_dir: Path, site: SiteData) -> tuple[Step, ...]:
    """The plan's steps; each names a number, and the numbers add up to PLAN_TOTAL."""
    path = Path(data_dir) / PLAN_FILE
    file = rel(path, Path(data_dir))
    steps = load_entries(path, Path(data_dir), Step)
    for i, step in enumerate(steps, 1):
        where = f"#{i} (id '{step.id}')"
        try:
            number = site.number(step.minutes)
        except AuthorError:
            raise DataError(file, where, "minutes", f"unknown number '{step.minutes}' (data/numbers.yml)") from None
        if number.is_range:
            raise DataError(file, where, "minutes", f"'{step.minutes}' is a range; a step of the plan needs one value")
    total = sum(site.number(s.minutes).min for s in steps)
    try:
        whole = site.number(PLAN_TOTAL)
    except AuthorError:
        raise DataError(file, None, None, f"needs the number '{PLAN_TOTAL}' in data/numbers.yml") from None
    if total != whole.max:
        raise DataError(file, None, "minutes", f"the steps add up to {total} minutes; '{PLAN_TOTAL}' is {whole.max}")
    return tuple(steps)


def load_problem(path: Path, data_dir: Path) -> Problem:
    problem = load_mapping(path, Path(data_dir), Problem)
    id_is_file_name(problem.id, path, Path(data_dir))
    return problem


def _definitions(tree: ast.Module) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef]:
    """The module's top-level functions and classes, by name."""
    return {
        node.name: node for node in tree.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }


def read_solution(problem: Problem, project: Path, file: str) -> Solution:
    """The module's shown lines, after checking the module against the problem's data."""
    where = (MODULES_DIR / f"{problem.module}.py").as_posix()
    path = Path(project) / where
    if not path.is_file():
        raise DataError(file, problem.id, "id", f"has no solution module {where}")
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == START_MARKER]
    ends = [i for i, line in enumerate(lines) if line.strip() == END_MARKER]
    if len(starts) != 1 or len(ends) != 1 or ends[0] <= starts[0] + 1:
        raise DataError(
            file,
            problem.id,
            "entry",
            f"{where} must have one '{START_MARKER}' line, then the solution, then one '{END_MARKER}' line",
        )
    start, end = starts[0], ends[0]
    try:
        tree = ast.parse(source, filename=where)
    except SyntaxError as exc:
        raise DataError(
            file, problem.id, "entry", f"{where} is not valid Python (line {exc.lineno}): {exc.msg}"
        ) from None
    defs = _definitions(tree)
    inside = {name for name, node in defs.items() if start < node.lineno - 1 - len(node.decorator_list) < end}
    for needed in ("reference", "random_case"):
        if needed not in defs:
            raise DataError(file, problem.id, "entry", f"{where} defines no '{needed}' function")
        if needed in inside:
            raise DataError(file, problem.id, "entry", f"{where}: '{needed}' must be outside the solution markers")
    if problem.entry not in defs:
        raise DataError(file, problem.id, "entry", f"{where} defines no '{problem.entry}' at its top level")
    if problem.shown_entry is None and problem.entry not in inside:
        raise DataError(file, problem.id, "entry", f"'{problem.entry}' must be between the solution markers of {where}")
    if problem.shown_entry is not None:
        if problem.shown_entry not in inside:
            raise DataError(
                file,
                problem.id,
                "shown_entry",
                f"'{problem.shown_entry}' must be between the solution markers of {where}",
            )
        if problem.entry in inside:
            raise DataError(
                file,
                problem.id,
                "entry",
                f"'{problem.entry}' is an adapter: it belongs outside the solution markers of {where}",
            )
    _check_arguments(problem, defs[problem.entry], file)
    shown = lines[start + 1 : end]
    return Solution(path=where, code="\n".join(shown).rstrip("\n"), first_line=start + 2)


def _check_arguments(problem: Problem, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, file: str) -> None:
    """Every example names exactly the entry function's parameters."""
    if not isinstance(node, ast.FunctionDef):
        raise DataError(
            file, problem.id, "entry", f"'{problem.entry}' must be a function that takes and returns plain values"
        )
    params = [a.arg for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs]
    required = set(params[: len(params) - len(node.args.defaults)]) - {a.arg for a in node.args.kwonlyargs}
    required |= {a.arg for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True) if d is None}
    for i, example in enumerate(problem.examples, 1):
        names = set(example.args)
        unknown = sorted(names - set(params))
        missing = sorted(required - names)
        if unknown or missing:
            said = [f"unknown {', '.join(unknown)}" for _ in [0] if unknown] + [
                f"missing {', '.join(missing)}" for _ in [0] if missing
            ]
            raise DataError(
                file,
                f"{problem.id} examples #{i}",
                "args",
                f"must name the parameters of {problem.entry}({', '.join(params)}): {'; '.join(said)}",
            )


def load_coding(data_dir: Path, site: SiteData, project: Path | None = None) -> Coding:
    """Every pattern and problem, checked against each other, the principles and the modules.

    ``project`` is the folder holding ``coding/`` (by default the parent of ``data_dir``).
    """
    data_dir = Path(data_dir)
    project = Path(project) if project is not None else data_dir.parent
    patterns = load_patterns(data_dir)
    pattern_ids = [p.id for p in patterns]
    files = glob_files(data_dir, PROBLEMS_DIR)
    problems: list[Problem] = []
    solutions: dict[str, Solution] = {}
    titles: dict[str, str] = {}
    for path in files:
        file = rel(path, data_dir)
        problem = load_problem(path, data_dir)
        if problem.pattern not in pattern_ids:
            raise DataError(
                file,
                problem.id,
                "pattern",
                f"unknown pattern '{problem.pattern}' (see data/{PATTERNS_FILE.as_posix()})",
            )
        try:
            site.principle(problem.principle)
        except AuthorError:
            raise DataError(file, problem.id, "principle", f"unknown principle '{problem.principle}'") from None
        if problem.title.casefold() in titles:
            raise DataError(
                file,
                problem.id,
                "title",
                f"'{problem.title}' is also the title of '{titles[problem.title.casefold()]}'",
            )
        titles[problem.title.casefold()] = problem.id
        edges = sum(1 for e in problem.examples if e.edge)
        if edges < MIN_EDGE_EXAMPLES:
            raise DataError(
                file,
                problem.id,
                "examples",
                f"has {edges} edge case(s) (edge: true); at least {MIN_EDGE_EXAMPLES} are needed",
            )
        solutions[problem.id] = read_solution(problem, project, file)
        problems.append(problem)
    patterns_file = rel(data_dir / PATTERNS_FILE, data_dir)
    for i, pattern in enumerate(patterns, 1):
        count = sum(1 for p in problems if p.pattern == pattern.id)
        if count < MIN_PROBLEMS_PER_PATTERN:
            raise DataError(
                patterns_file,
                f"#{i} (id '{pattern.id}')",
                None,
                f"has {count} worked problem(s) in data/coding/problems/; every pattern needs at least {MIN_PROBLEMS_PER_PATTERN}",
            )
    ordered = sorted(problems, key=lambda p: pattern_ids.index(p.pattern))
    return Coding(patterns=patterns, problems=tuple(ordered), solutions=solutions, plan=load_plan(data_dir, site))


# --------------------------------------------------------------------------- shaping for the pages


_CODE_SPAN = re.compile(r"(`[^`]+`)")


def inline_markdown(text: str) -> Markup:
    """A data text as Markdown that shows exactly its words: code spans (`like this`) stay code
    spans, and everything else is escaped by :func:`macros.render.md_escape`."""
    out: list[str] = []
    for piece in _CODE_SPAN.split(" ".join(text.split())):
        if not piece:
            continue
        if _CODE_SPAN.fullmatch(piece):
            out.append(piece)
            continue
        lead = " " if piece[0] == " " else ""
        trail = " " if piece[-1] == " " and piece.strip() else ""
        out.append(lead + md_escape(piece) + trail)
    return Markup("".join(out).strip())


def python_value(value: Any) -> str:
    """A JSON-like value as Python writes it (None, True, 'text')."""
    return repr(value)


def problem_page(problem: Problem) -> str:
    """The docs path of a problem's generated page."""
    return f"amazon/coding/problems/{problem.id}.md"


PATTERNS_GUIDE = "amazon-coding-patterns"  # data/guides.yml: the pattern guide's page
PROBLEMS_GUIDE = "amazon-coding-problems"  # data/guides.yml: the index of worked problems
OOD_GUIDE = "amazon-object-oriented-design"  # data/guides.yml: the object-oriented design page


@dataclass(frozen=True)
class ExampleView:
    inputs: Markup  # one Markdown code span per argument, comma-separated: `nums = [1, 2]`, `target = 3`
    output: Markup
    why: Markup
    edge: bool


@dataclass(frozen=True)
class ProblemView:
    problem: Problem
    pattern: Pattern
    pattern_href: Markup
    principle_name: str
    principle_href: Markup
    text: Mapping[str, Markup]  # each prose field as inline Markdown
    clarifying: tuple[tuple[Markup, Markup], ...]
    examples: tuple[ExampleView, ...]
    tests: tuple[Markup, ...]
    follow_ups: tuple[tuple[Markup, Markup], ...]
    code: Markup
    source_path: Markup  # a code span: `coding/problems/lru_cache.py`
    time: Markup  # code spans: `O(n)`
    space: Markup
    anchor: Markup  # the pattern id, for a heading's id
    search_terms: tuple[str, ...] = ()  # filed in the search index, not shown: the well-known name


_KNOWN_AS = re.compile(r"^(.+?)\s*\(LeetCode \d+\)")


def known_name(resembles: str | None) -> str | None:
    """The well-known problem's name in ``resembles`` ("Valid Parentheses (LeetCode 20)" ->
    "Valid Parentheses"): candidates search for a problem by it, and the page shows it only in its
    running text, where search weighs it least."""
    if not resembles:
        return None
    match = _KNOWN_AS.match(resembles)
    return match.group(1) if match else None


def _code(text: str) -> Markup:
    """A Markdown code span holding ``text`` (which has no backtick: values are Python reprs)."""
    body = " ".join(text.split())
    fence = "``" if "`" in body else "`"
    return Markup(f"{fence} {body} {fence}" if fence == "``" else f"`{body}`")


def pattern_href(site: SiteData, pattern_id: str, from_page: str) -> Markup:
    """The link to a pattern's section of the pattern guide (to the page itself for an empty id)."""
    return relative_link(from_page, site.guide(PATTERNS_GUIDE).page or "", pattern_id or None)


def problem_href(problem: Problem, from_page: str) -> Markup:
    return relative_link(from_page, problem_page(problem))


def problem_view(coding: Coding, site: SiteData, pid: str, from_page: str) -> ProblemView:
    problem = coding.problem(pid)
    principle = site.principle(problem.principle)
    fields = ("statement", "brute_force", "why_not_enough", "better_idea", "principle_note")
    text = {name: inline_markdown(getattr(problem, name)) for name in fields}
    text["complexity_reasoning"] = inline_markdown(problem.complexity.reasoning)
    examples = tuple(
        ExampleView(
            inputs=Markup(", ").join(_code(f"{name} = {python_value(value)}") for name, value in e.args.items()),
            output=_code(python_value(e.expected)),
            why=inline_markdown(e.why),
            edge=e.edge,
        )
        for e in problem.examples
    )
    return ProblemView(
        problem=problem,
        pattern=coding.pattern(problem.pattern),
        pattern_href=pattern_href(site, problem.pattern, from_page),
        principle_name=principle.name,
        principle_href=relative_link(from_page, principle_page(site, principle.id)),
        text=text,
        clarifying=tuple((inline_markdown(c.ask), inline_markdown(c.assume)) for c in problem.clarifying),
        examples=examples,
        tests=tuple(inline_markdown(t) for t in problem.tests_to_say),
        follow_ups=tuple((inline_markdown(f.ask), inline_markdown(f.answer)) for f in problem.follow_ups),
        code=Markup(coding.solutions[pid].code),
        source_path=_code(coding.solutions[pid].path),
        time=_code(problem.complexity.time),
        space=_code(problem.complexity.space),
        anchor=Markup(problem.pattern),
        search_terms=tuple(n for n in (known_name(problem.resembles),) if n),
    )


@dataclass(frozen=True)
class PatternRow:
    pattern: Pattern
    anchor: Markup  # the pattern id (kebab-case, checked), for the heading's id
    cues: tuple[Markup, ...]
    idea: Markup
    complexity: Markup
    mistakes: tuple[Markup, ...]
    problems: tuple[tuple[Problem, Markup], ...]  # each problem with the link to its page


def pattern_rows(coding: Coding, from_page: str) -> tuple[PatternRow, ...]:
    return tuple(
        PatternRow(
            pattern=p,
            anchor=Markup(p.id),
            cues=tuple(inline_markdown(c) for c in p.cues),
            idea=inline_markdown(p.idea),
            complexity=inline_markdown(p.complexity),
            mistakes=tuple(inline_markdown(m) for m in p.mistakes),
            problems=tuple((q, problem_href(q, from_page)) for q in coding.problems_for(p.id)),
        )
        for p in coding.patterns
    )


@dataclass(frozen=True)
class PlanRow:
    step: Step
    minutes: int
    starts: int  # minutes into the technical question when the step starts
    do: Markup


def plan_rows(coding: Coding, site: SiteData) -> tuple[PlanRow, ...]:
    rows = []
    elapsed = 0
    for step in coding.plan:
        minutes = site.number(step.minutes).min
        rows.append(PlanRow(step, minutes, elapsed, inline_markdown(step.do)))
        elapsed += minutes
    return tuple(rows)


def clock(minutes: int) -> str:
    """Minutes into the technical question as a clock reading: 17 -> "17:00"."""
    return f"{minutes}:00"


def loop_tasks(
    coding: Coding, site: SiteData, designs: list[tuple[str, str]], from_page: str, directory_urls: bool = True
) -> dict[str, list[dict[str, str]]]:
    """The actual technical questions the mock loop can hand an interview, by technical focus
    (data/rounds.yml): every worked coding problem, every system design walkthrough (its question
    and page), and the object-oriented design page's worked example. Each is a title and a link."""
    tasks: dict[str, list[dict[str, str]]] = {
        "coding": [
            {"title": p.title, "href": page_url(from_page, problem_page(p), directory_urls)} for p in coding.problems
        ],
        "system-design": [
            {"title": question, "href": page_url(from_page, page, directory_urls)} for question, page in designs
        ],
    }
    ood = site.guide(OOD_GUIDE)
    if ood.page is not None:
        tasks["object-oriented-design"] = [
            {"title": f"the worked example in {ood.title}", "href": page_url(from_page, ood.page, directory_urls)}
        ]
    focuses = {r.id for r in site.rounds}
    return {focus: items for focus, items in tasks.items() if focus in focuses and items}


PATTERNS_PER_CODING_DAY = 3  # the study plan's coding days take the patterns a few at a time


def study_topics(coding: Coding, technical: list[str], minutes: str) -> list[str]:
    """The study plan's technical topics with coding days between them: the patterns a few at a
    time, each day's problems worked aloud in the technical question's ``minutes``."""
    patterns = [p.name[:1].lower() + p.name[1:] for p in coding.patterns]
    days = [
        f"Coding: {'; '.join(patterns[i : i + PATTERNS_PER_CODING_DAY])}. Work one problem of each aloud, about {minutes} each"
        for i in range(0, len(patterns), PATTERNS_PER_CODING_DAY)
    ]
    topics: list[str] = []
    for i in range(max(len(days), len(technical))):
        topics += days[i : i + 1] + technical[i : i + 1]
    return topics


def drill_data(coding: Coding, site: SiteData, from_page: str, directory_urls: bool = True) -> dict[str, object]:
    """What the coding drill draws from: every problem's pattern, title, page, statement (as plain
    text) and clarifying questions, and the minutes of the technical question."""
    minutes = site.number(PLAN_TOTAL)
    return {
        "minutes": minutes.max,
        "problems": [
            {
                "id": p.id,
                "pattern": p.pattern,
                "patternName": coding.pattern(p.pattern).name,
                "title": p.title,
                "href": page_url(from_page, problem_page(p), directory_urls),
                "statement": p.statement.replace("`", ""),
                "clarifying": [c.ask.replace("`", "") for c in p.clarifying],
            }
            for p in coding.problems
        ],
    }


def _site_path(page: str, directory_urls: bool) -> str:
    """Where a docs page is served, from the site root: ``a/b.md`` is ``a/b/`` (or ``a/b.html``)."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if directory_urls else f"{folder}index.html"
    return f"{stem}/" if directory_urls else f"{stem}.html"


def page_url(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """A relative URL from one docs page to another as the browser resolves it, for links MkDocs
    does not rewrite (those in the practice tools' JSON data and raw HTML)."""
    here, there = _site_path(from_page, directory_urls), _site_path(to_page, directory_urls)
    folder = here if here.endswith("/") or not here else posixpath.dirname(here)
    rel = posixpath.relpath(there or ".", folder or ".")
    return f"{rel}/" if there.endswith("/") and rel != "." else ("./" if rel == "." else rel)
