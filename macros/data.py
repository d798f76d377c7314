"""Load and validate the YAML under ``data/``.

Plain, typed functions with no MkDocs dependency. Every failure raises
:class:`macros.errors.DataError` naming the file, the entry and the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, model_validator

from .errors import AuthorError, DataError
from .schema import (
    CITE_RE,
    Cite,
    Count,
    Date,
    FieldProblem,
    Flag,
    Ident,
    Model,
    Page,
    Text,
    Url,
    distinct,
    entries_of,
    glob_files,
    id_is_file_name,
    load_entries,
    load_mapping,
    rel,
)

PASSAGE_MAX_WORDS = 30


# --------------------------------------------------------------------------- records


def _quote(value: str) -> str:
    words = len(value.split())
    if words > PASSAGE_MAX_WORDS:
        raise ValueError(f"is {words} words long; quote at most {PASSAGE_MAX_WORDS} words")
    return value


# The source's own words a claim rests on, at most PASSAGE_MAX_WORDS words.
Passage = Annotated[Text, AfterValidator(_quote)]


class Principle(Model):
    """One Leadership Principle (data/principles.yml)."""

    id: Ident
    name: Text
    summary: Text  # the source document's one-line paraphrase, verbatim
    meaning: Text
    listen_for: Annotated[tuple[Text, ...], Field(min_length=3, max_length=5)]
    pitfalls: Annotated[tuple[Text, ...], Field(min_length=3, max_length=5)]
    amazon_opening: Text  # the first sentence of Amazon's own text of the principle, verbatim
    prompt: Ident  # id of the question the cheat sheet shows for this principle
    corrected: Ident | None = None  # id of the correction that marks the summary as wrong


class Question(Model):
    """One behavioral question and its follow-up probes (data/questions.yml)."""

    id: Ident
    principle: Ident
    text: Text
    from_source: Flag
    follow_ups: Annotated[tuple[Text, ...], Field(min_length=2, max_length=4)]


class Round(Model):
    """A technical focus an interview in the loop can have (data/rounds.yml)."""

    id: Ident
    name: Text
    summary: Text
    cite: Cite


class Number(Model):
    """One number a page states about the process or the guide's advice (data/numbers.yml).

    Either ``value`` is set, or ``min`` and ``max`` (a range, min < max). Exactly one of
    ``cite`` (a source) and ``advice: true`` (the guide's own advice) says where it comes from.
    """

    id: Ident
    label: Text
    unit: Text
    value: Count | None = None
    low: Annotated[Count | None, Field(alias="min")] = None
    high: Annotated[Count | None, Field(alias="max")] = None
    cite: Cite | None = None
    advice: Flag = False

    @model_validator(mode="after")
    def _one_value_and_one_origin(self) -> Number:
        ranged = self.low is not None or self.high is not None
        if (self.value is not None) == ranged:
            raise FieldProblem("value", "give either value, or min and max")
        if ranged and (self.low is None or self.high is None):
            raise FieldProblem("max" if self.high is None else "min", "is missing")
        if ranged and self.low is not None and self.high is not None and self.low >= self.high:
            raise FieldProblem("max", f"must be greater than min ({self.low}), got {self.high}")
        if (self.cite is not None) == ("advice" in self.model_fields_set):
            raise FieldProblem("cite", "give exactly one of cite (a source id) and advice: true")
        if "advice" in self.model_fields_set and not self.advice:
            raise FieldProblem("advice", "must be true when given (use cite for a sourced number)")
        return self

    @property
    def is_range(self) -> bool:
        return self.value is None

    @property
    def min(self) -> int:
        """The value, or the low end of the range."""
        end = self.low if self.value is None else self.value
        assert end is not None, f"number '{self.id}': a range has both ends"
        return end

    @property
    def max(self) -> int:
        """The value, or the high end of the range."""
        end = self.high if self.value is None else self.value
        assert end is not None, f"number '{self.id}': a range has both ends"
        return end


class Correction(Model):
    """A statement of the source document kept on the site but marked as corrected (data/corrections.yml)."""

    id: Ident
    original: Text  # a line of the source document, verbatim (its Markdown included)
    correction: Text
    cite: Cite


class Source(Model):
    """A page a fact rests on, with the quotes citations name (data/sources/*.yml).

    ``passage`` for a source that backs one claim, or ``passages`` (key: quote) for several;
    a citation names the key.
    """

    id: Ident
    title: Text
    publisher: Text
    url: Url
    verified: Date
    passage: Passage | None = None
    many: Annotated[dict[Ident, Passage] | None, Field(alias="passages", min_length=2)] = None
    secondary: Flag = False  # not the company's (or the service's) own words: reporting, candidates, prep sites

    @model_validator(mode="after")
    def _one_or_many(self) -> Source:
        if (self.passage is None) == (self.many is None):
            raise FieldProblem(
                "passage", "give exactly one of passage (the quote a citation rests on) and passages (key: quote)"
            )
        return self

    @property
    def passages(self) -> Mapping[str, str]:
        """Every quote by its key: ``{"": quote}`` for a source with one passage."""
        return {"": self.passage} if self.passage is not None else dict(self.many or {})


class Guide(Model):
    """A guide the related-guides tables link to (data/guides.yml): a page of ours, or an external one."""

    id: Ident
    title: Text
    kind: Literal["company", "internal", "external", "section", "tool"]
    blurb: Text
    page: Page | None = None
    source: Ident | None = None

    @model_validator(mode="after")
    def _page_or_source(self) -> Guide:
        if self.kind == "external":
            if self.source is None:
                raise FieldProblem("source", "is missing")
            if self.page is not None:
                raise FieldProblem("page", "an external guide has a source, not a page")
        else:
            if self.page is None:
                raise FieldProblem("page", "is missing")
            if self.source is not None:
                raise FieldProblem("source", f"a {self.kind} guide has a page, not a source")
        return self


class Value(Model):
    """One of a company's values, with the Amazon principles it maps onto (may be none)."""

    id: Ident
    name: Text
    summary: Text
    principles: Annotated[tuple[Ident, ...], AfterValidator(distinct)] = ()


class Company(Model):
    """A company guide's values table (data/companies/<id>.yml)."""

    id: Ident
    name: Text
    guide: Ident
    framework: Text
    framework_source: Cite
    values: Annotated[tuple[Value, ...], Field(min_length=1), AfterValidator(distinct)]


@dataclass(frozen=True)
class SiteData:
    principles: tuple[Principle, ...]
    questions: tuple[Question, ...]
    rounds: tuple[Round, ...]
    sources: Mapping[str, Source]
    guides: tuple[Guide, ...]
    companies: tuple[Company, ...]
    numbers: tuple[Number, ...] = ()
    corrections: tuple[Correction, ...] = ()

    # Lookups by id, built once per site: pages look entries up hundreds of times, and a scan
    # of every entry per lookup made the build grow faster than the data (with ten times the
    # data, questions_for() scanned every question on each of 6,720 calls).
    @cached_property
    def _principles_by_id(self) -> Mapping[str, Principle]:
        return {p.id: p for p in self.principles}

    @cached_property
    def _guides_by_id(self) -> Mapping[str, Guide]:
        return {g.id: g for g in self.guides}

    @cached_property
    def _companies_by_id(self) -> Mapping[str, Company]:
        return {c.id: c for c in self.companies}

    @cached_property
    def _numbers_by_id(self) -> Mapping[str, Number]:
        return {n.id: n for n in self.numbers}

    @cached_property
    def _corrections_by_id(self) -> Mapping[str, Correction]:
        return {c.id: c for c in self.corrections}

    @cached_property
    def _questions_by_principle(self) -> Mapping[str, tuple[Question, ...]]:
        groups: dict[str, list[Question]] = {}
        for q in self.questions:
            groups.setdefault(q.principle, []).append(q)
        return {pid: tuple(qs) for pid, qs in groups.items()}

    def principle(self, pid: str) -> Principle:
        try:
            return self._principles_by_id[pid]
        except KeyError:
            raise AuthorError(f"unknown principle id '{pid}'") from None

    def guide(self, gid: str) -> Guide:
        try:
            return self._guides_by_id[gid]
        except KeyError:
            raise AuthorError(f"unknown guide id '{gid}'") from None

    def company(self, cid: str) -> Company:
        try:
            return self._companies_by_id[cid]
        except KeyError:
            raise AuthorError(f"unknown company id '{cid}'") from None

    def number(self, nid: str) -> Number:
        try:
            return self._numbers_by_id[nid]
        except KeyError:
            raise AuthorError(f"unknown number id '{nid}'") from None

    def correction(self, cid: str) -> Correction:
        try:
            return self._corrections_by_id[cid]
        except KeyError:
            raise AuthorError(f"unknown correction id '{cid}'") from None

    def source(self, sid: str) -> Source:
        try:
            return self.sources[sid]
        except KeyError:
            raise AuthorError(f"unknown source id '{sid}'") from None

    def citation(self, ref: str) -> tuple[Source, str]:
        """The source and the passage a citation ("id" or "id#key") rests on."""
        m = CITE_RE.match(ref)
        if not m:
            raise AuthorError(f"'{ref}' is not a citation (a source id, or source-id#passage-key)")
        source = self.source(m.group(1))
        key = m.group(2) or ""
        if key in source.passages:
            return source, source.passages[key]
        if not key:
            keys = ", ".join(sorted(source.passages))
            raise AuthorError(f"source '{source.id}' has several passages: name one ({keys})")
        if "" in source.passages:
            raise AuthorError(f"source '{source.id}' has one passage: cite it without '#{key}'")
        raise AuthorError(f"source '{source.id}' has no passage '{key}'")

    def questions_for(self, pid: str) -> tuple[Question, ...]:
        """The principle's questions, in data order."""
        return self._questions_by_principle.get(pid, ())


# A line of the source document as a reader sees its words: without indentation, heading
# hashes, list markers or a trailing space. ``original`` in corrections.yml must be one.
_LINE_MARKER = re.compile(r"^(?:#+|[-*]|\d+\.)\s+")


_PAIR = re.compile(r"^\*\*[^*]+\*\*: (.+)$")
# A number inside a correction's text: {loop-interviews} renders as that number of numbers.yml.
NUMBER_REF = re.compile(r"\{([a-z0-9]+(?:-[a-z0-9]+)*)\}")


def source_lines(text: str) -> frozenset[str]:
    """Every non-empty line of the source document, stripped of its block markers.

    A ``**Key**: value`` line also yields its value alone, so a correction can strike the
    statement beside a name (a principle's one-liner) and leave the name standing.
    """
    out: set[str] = set()
    for line in text.splitlines():
        if line.strip():
            words = _LINE_MARKER.sub("", line.strip())
            out.add(words)
            pair = _PAIR.match(words)
            if pair:
                out.add(pair.group(1))
    return frozenset(out)


# --------------------------------------------------------------------------- the whole site

# Each principle's questions: enough for the drill and the mock loop to vary what they ask.
MIN_QUESTIONS = 5

# What each file under data/ that this module reads holds: a list of entries of a model,
# or (companies) one mapping. macros/schemas.py exports them as JSON Schema.
SCHEMAS: dict[str, Any] = {
    "principles.yml": entries_of(Principle),
    "questions.yml": entries_of(Question),
    "rounds.yml": entries_of(Round),
    "numbers.yml": entries_of(Number),
    "corrections.yml": entries_of(Correction),
    "guides.yml": entries_of(Guide),
    "sources/*.yml": entries_of(Source),
    "companies/*.yml": Company,
}


def _load_sources(root: Path) -> dict[str, Source]:
    """Every source, from every file under data/sources/; an id is unique across them."""
    sources: dict[str, Source] = {}
    source_file: dict[str, str] = {}
    for path in glob_files(root, "sources"):
        name = rel(path, root)
        for i, src in enumerate(load_entries(path, root, Source), 1):
            if src.id in sources:
                raise DataError(
                    name, f"#{i} (id '{src.id}')", "id", f"duplicate id '{src.id}' (also in {source_file[src.id]})"
                )
            sources[src.id] = src
            source_file[src.id] = name
    return sources


def _load_companies(root: Path) -> tuple[list[Company], dict[str, str]]:
    """Every company's values table, one file each, named by its id; and each one's file."""
    companies: list[Company] = []
    company_file: dict[str, str] = {}
    for path in glob_files(root, "companies"):
        company = load_mapping(path, root, Company)
        id_is_file_name(company.id, path, root)
        companies.append(company)
        company_file[company.id] = rel(path, root)
    return companies, company_file


def load_site(root: Path, source_document: Path | None = None) -> SiteData:
    """Load every data file under ``root`` and check the references between them.

    With ``source_document`` (the build always passes it), each correction's ``original``
    must be a verbatim line of that document.
    """
    root = Path(root)
    principles = load_entries(root / "principles.yml", root, Principle)
    numbers = load_entries(root / "numbers.yml", root, Number)
    corrections = load_entries(root / "corrections.yml", root, Correction)
    questions = load_entries(root / "questions.yml", root, Question)
    rounds = load_entries(root / "rounds.yml", root, Round)
    guides = load_entries(root / "guides.yml", root, Guide)
    sources = _load_sources(root)
    companies, company_file = _load_companies(root)
    site = SiteData(
        principles=tuple(principles),
        questions=tuple(questions),
        rounds=tuple(rounds),
        sources=sources,
        guides=tuple(guides),
        companies=tuple(companies),
        numbers=tuple(numbers),
        corrections=tuple(corrections),
    )
    check_references(site, root, company_file)
    if source_document is not None:
        check_corrections(site, root, Path(source_document))
    return site


def check_corrections(site: SiteData, root: Path, source_document: Path) -> None:
    """Each correction's ``original`` is a line of the source document, word for word."""
    if not source_document.is_file():
        raise DataError(rel(source_document, root), None, None, "source document is missing")
    lines = source_lines(source_document.read_text(encoding="utf-8"))
    for i, c in enumerate(site.corrections, 1):
        if c.original not in lines:
            raise DataError(
                root.name + "/corrections.yml",
                f"#{i} (id '{c.id}')",
                "original",
                f"'{c.original}' is not a line of the source document {source_document.name}",
            )


def _check_cite(site: SiteData, ref: str, file: str, entry: str, field: str) -> None:
    """A citation names a known source and the one passage it rests on."""
    try:
        site.citation(ref)
    except AuthorError as exc:
        problem = str(exc)
        if problem.startswith("unknown source id"):
            problem = f"unknown source '{ref.split('#')[0]}'"
        raise DataError(file, entry, field, problem) from None


# Each check below looks at the ids one file names, against the files that define them.


def _check_questions(site: SiteData, r: str) -> None:
    principle_ids = {p.id for p in site.principles}
    for i, q in enumerate(site.questions, 1):
        if q.principle not in principle_ids:
            raise DataError(
                r + "questions.yml", f"#{i} (id '{q.id}')", "principle", f"unknown principle '{q.principle}'"
            )
    for p in site.principles:
        asked = len(site.questions_for(p.id))
        if asked < MIN_QUESTIONS:
            raise DataError(
                r + "questions.yml",
                None,
                "principle",
                f"principle '{p.id}' has {asked} questions; each needs at least {MIN_QUESTIONS}",
            )


def _check_principles(site: SiteData, r: str) -> None:
    for i, p in enumerate(site.principles, 1):
        entry = f"#{i} (id '{p.id}')"
        if p.prompt not in {q.id for q in site.questions_for(p.id)}:
            raise DataError(r + "principles.yml", entry, "prompt", f"'{p.prompt}' is not a question of this principle")
        if p.corrected is None:
            continue
        try:
            fix = site.correction(p.corrected)
        except AuthorError:
            raise DataError(r + "principles.yml", entry, "corrected", f"unknown correction '{p.corrected}'") from None
        if fix.original != p.summary:
            raise DataError(
                r + "principles.yml", entry, "corrected", f"correction '{p.corrected}' does not strike this summary"
            )


def _check_citations(site: SiteData, r: str) -> None:
    for i, x in enumerate(site.rounds, 1):
        _check_cite(site, x.cite, r + "rounds.yml", f"#{i} (id '{x.id}')", "cite")
    for i, n in enumerate(site.numbers, 1):
        if n.cite is not None:
            _check_cite(site, n.cite, r + "numbers.yml", f"#{i} (id '{n.id}')", "cite")
    number_ids = {n.id for n in site.numbers}
    for i, c in enumerate(site.corrections, 1):
        _check_cite(site, c.cite, r + "corrections.yml", f"#{i} (id '{c.id}')", "cite")
        for ref in NUMBER_REF.findall(c.correction):
            if ref not in number_ids:
                raise DataError(
                    r + "corrections.yml", f"#{i} (id '{c.id}')", "correction", f"unknown number '{{{ref}}}'"
                )
    for i, g in enumerate(site.guides, 1):
        if g.source is not None and g.source not in site.sources:
            raise DataError(r + "guides.yml", f"#{i} (id '{g.id}')", "source", f"unknown source '{g.source}'")


def _check_companies(site: SiteData, company_file: Mapping[str, str]) -> None:
    principle_ids = {p.id for p in site.principles}
    guide_ids = {g.id for g in site.guides}
    for company in site.companies:
        name = company_file[company.id]
        if company.guide not in guide_ids:
            raise DataError(name, company.id, "guide", f"unknown guide '{company.guide}'")
        _check_cite(site, company.framework_source, name, company.id, "framework_source")
        for i, v in enumerate(company.values, 1):
            for pid in v.principles:
                if pid not in principle_ids:
                    raise DataError(
                        name, f"{company.id} values #{i} (id '{v.id}')", "principles", f"unknown principle '{pid}'"
                    )


def check_references(site: SiteData, root: Path, company_file: Mapping[str, str]) -> None:
    """Every id that one file names must exist in the file that defines it."""
    r = root.name + "/"
    _check_questions(site, r)
    _check_principles(site, r)
    _check_citations(site, r)
    _check_companies(site, company_file)
