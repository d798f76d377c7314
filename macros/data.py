"""Load and validate the YAML under ``data/``.

Plain, typed functions with no MkDocs dependency. Every failure raises
:class:`macros.errors.DataError` naming the file, the entry and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .errors import AuthorError, DataError

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# https only; no whitespace, quotes, angle brackets or parentheses, so a URL can
# never break out of a Markdown link or an HTML attribute.
URL_RE = re.compile(r"^https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~!$&*+,;=:@%/?#-]*)?$")
PAGE_RE = re.compile(r"^(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\.md$")
GUIDE_KINDS = ("company", "internal", "external", "section", "tool")
# A citation names a source, and one of its passages when it has several: "source-id" or
# "source-id#passage-key". The passage is the source's own words the claim rests on.
CITE_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([a-z0-9]+(?:-[a-z0-9]+)*))?$")
PASSAGE_MAX_WORDS = 30
# libyaml's safe loader builds the same objects as yaml.safe_load about ten times
# faster; reading data/ was the largest cost this package added to a build.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Principle:
    id: str
    name: str
    summary: str  # the source document's one-line paraphrase, verbatim
    meaning: str
    listen_for: tuple[str, ...]
    pitfalls: tuple[str, ...]
    amazon_opening: str = ""  # the first sentence of Amazon's own text of the principle, verbatim
    prompt: str = ""  # id of the question the cheat sheet shows for this principle
    corrected: str | None = None  # id of the correction that marks the summary as wrong


@dataclass(frozen=True)
class Question:
    id: str
    principle: str
    text: str
    from_source: bool
    follow_ups: tuple[str, ...]


@dataclass(frozen=True)
class Round:
    """A technical focus an interview in the loop can have (data/rounds.yml)."""

    id: str
    name: str
    summary: str
    cite: str


@dataclass(frozen=True)
class Number:
    """One number a page states about the process or the guide's advice (data/numbers.yml).

    Either ``value`` is set, or ``low`` and ``high`` (a range, low < high). Exactly one of
    ``cite`` (a source id) and ``advice`` (the guide's own advice) says where it comes from.
    """

    id: str
    label: str
    unit: str
    value: int | None
    low: int | None
    high: int | None
    cite: str | None
    advice: bool

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


@dataclass(frozen=True)
class Correction:
    """A statement of the source document kept on the site but marked as corrected."""

    id: str
    original: str  # a line of the source document, verbatim (its Markdown included)
    correction: str
    cite: str


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    url: str
    verified: dt.date
    # The quotes citations rest on, verbatim from the source, each at most PASSAGE_MAX_WORDS
    # words: {"": quote} for a source that backs one claim (`passage`), else {key: quote}
    # (`passages`), and a citation names its key.
    passages: Mapping[str, str]
    secondary: bool = False  # not the company's (or the service's) own words: reporting, candidates, prep sites


@dataclass(frozen=True)
class Guide:
    id: str
    title: str
    kind: str
    blurb: str
    page: str | None
    source: str | None


@dataclass(frozen=True)
class Value:
    id: str
    name: str
    summary: str
    principles: tuple[str, ...]  # Amazon principles this value maps onto; may be empty


@dataclass(frozen=True)
class Company:
    id: str
    name: str
    guide: str
    framework: str
    framework_source: str
    values: tuple[Value, ...]


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


# --------------------------------------------------------------------------- field readers


class _Entry:
    """One mapping from a data file, with typed accessors that raise DataError."""

    def __init__(self, file: str, label: str, raw: Any) -> None:
        self.file = file
        self.label = label
        if not isinstance(raw, dict):
            raise DataError(file, label, None, f"expected a mapping, got {_kind(raw)}")
        self.raw: dict[str, Any] = raw

    def fail(self, field: str | None, problem: str) -> DataError:
        return DataError(self.file, self.label, field, problem)

    def _get(self, field: str) -> Any:
        if field not in self.raw or self.raw[field] is None:
            raise self.fail(field, "is missing")
        return self.raw[field]

    def text(self, field: str) -> str:
        value = self._get(field)
        if not isinstance(value, str):
            raise self.fail(field, f"must be text, got {_kind(value)}")
        value = " ".join(value.split())
        if not value:
            raise self.fail(field, "must not be empty")
        return value

    def optional_text(self, field: str) -> str | None:
        return self.text(field) if self.raw.get(field) is not None else None

    def ident(self, field: str = "id") -> str:
        value = self.text(field)
        if not ID_RE.match(value):
            raise self.fail(field, f"'{value}' is not a kebab-case id (a-z, 0-9 and single hyphens)")
        return value

    def cite(self, field: str = "cite") -> str:
        value = self.text(field)
        if not CITE_RE.match(value):
            raise self.fail(field, f"'{value}' is not a citation (a source id, or source-id#passage-key)")
        return value

    def url(self, field: str) -> str:
        value = self.text(field)
        if not URL_RE.match(value):
            raise self.fail(field, f"'{value}' is not an https URL without spaces, quotes, brackets or parentheses")
        return value

    def page(self, field: str) -> str:
        value = self.text(field)
        if not PAGE_RE.match(value):
            raise self.fail(field, f"'{value}' is not a docs-relative path to a .md file")
        return value

    def flag(self, field: str) -> bool:
        value = self._get(field)
        if not isinstance(value, bool):
            raise self.fail(field, f"must be true or false, got {_kind(value)}")
        return value

    def count(self, field: str) -> int:
        value = self._get(field)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(field, f"must be a whole number, got {_kind(value)}")
        if value < 0:
            raise self.fail(field, f"must not be negative, got {value}")
        return value

    def date(self, field: str) -> dt.date:
        value = self._get(field)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(field, f"must be a date (YYYY-MM-DD), got {value!r}")

    def choice(self, field: str, allowed: Sequence[str]) -> str:
        value = self.text(field)
        if value not in allowed:
            raise self.fail(field, f"'{value}' is not one of: {', '.join(allowed)}")
        return value

    def items(self, field: str) -> list[Any]:
        value = self._get(field)
        if not isinstance(value, list):
            raise self.fail(field, f"must be a list, got {_kind(value)}")
        if not value:
            raise self.fail(field, "must not be an empty list")
        return value

    def texts(self, field: str) -> tuple[str, ...]:
        out = []
        for i, item in enumerate(self.items(field), 1):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{field}[{i}]", f"must be non-empty text, got {_kind(item)}")
            out.append(" ".join(item.split()))
        return tuple(out)

    def idents(self, field: str) -> tuple[str, ...]:
        out = self.texts(field)
        for i, value in enumerate(out, 1):
            if not ID_RE.match(value):
                raise self.fail(f"{field}[{i}]", f"'{value}' is not a kebab-case id")
        if len(set(out)) != len(out):
            raise self.fail(field, "lists the same id twice")
        return out


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def _label(index: int, raw: Any) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return f"#{index} (id '{raw['id']}')"
    return f"#{index}"


# --------------------------------------------------------------------------- files


def read_yaml(path: Path, root: Path) -> Any:
    """Parse one YAML file; a missing, empty or malformed file is a DataError."""
    name = _rel(path, root)
    if not path.is_file():
        raise DataError(name, None, None, "file is missing")
    text = path.read_text(encoding="utf-8")
    try:
        try:
            doc = yaml.load(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            doc = yaml.safe_load(text)  # the pure-Python parser words the error as it always has
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(name, None, None, f"is not valid YAML{where}: {problem}") from None
    if doc is None:
        raise DataError(name, None, None, "is empty")
    return doc


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


T = TypeVar("T")


def _entries(path: Path, root: Path, build: Callable[[_Entry], T]) -> list[T]:
    doc = read_yaml(path, root)
    name = _rel(path, root)
    if not isinstance(doc, list):
        raise DataError(name, None, None, f"must be a list of entries, got {_kind(doc)}")
    if not doc:
        raise DataError(name, None, None, "must list at least one entry")
    out = [build(_Entry(name, _label(i, raw), raw)) for i, raw in enumerate(doc, 1)]
    _unique(name, out)
    return out


def _unique(file: str, records: Sequence[Any], field: str = "id") -> None:
    seen: set[str] = set()
    for i, rec in enumerate(records, 1):
        key = getattr(rec, field)
        if key in seen:
            raise DataError(file, f"#{i} (id '{key}')", field, f"duplicate id '{key}'")
        seen.add(key)


def _principle(e: _Entry) -> Principle:
    return Principle(
        id=e.ident(),
        name=e.text("name"),
        summary=e.text("summary"),
        meaning=e.text("meaning"),
        listen_for=e.texts("listen_for"),
        pitfalls=e.texts("pitfalls"),
        amazon_opening=e.text("amazon_opening"),
        prompt=e.ident("prompt"),
        corrected=e.ident("corrected") if e.raw.get("corrected") is not None else None,
    )


def _question(e: _Entry) -> Question:
    return Question(
        id=e.ident(),
        principle=e.ident("principle"),
        text=e.text("text"),
        from_source=e.flag("from_source"),
        follow_ups=e.texts("follow_ups"),
    )


def _round(e: _Entry) -> Round:
    return Round(id=e.ident(), name=e.text("name"), summary=e.text("summary"), cite=e.cite())


def _number(e: _Entry) -> Number:
    nid = e.ident()
    has_value = "value" in e.raw
    has_range = "min" in e.raw or "max" in e.raw
    if has_value == has_range:
        raise e.fail("value", "give either value, or min and max")
    value = low = high = None
    if has_value:
        value = e.count("value")
    else:
        low, high = e.count("min"), e.count("max")
        if low >= high:
            raise e.fail("max", f"must be greater than min ({low}), got {high}")
    has_cite = e.raw.get("cite") is not None
    has_advice = "advice" in e.raw
    if has_cite == has_advice:
        raise e.fail("cite", "give exactly one of cite (a source id) and advice: true")
    if has_advice and not e.flag("advice"):
        raise e.fail("advice", "must be true when given (use cite for a sourced number)")
    return Number(
        id=nid,
        label=e.text("label"),
        unit=e.text("unit"),
        value=value,
        low=low,
        high=high,
        cite=e.cite() if has_cite else None,
        advice=has_advice,
    )


def _correction(e: _Entry) -> Correction:
    return Correction(id=e.ident(), original=e.text("original"), correction=e.text("correction"), cite=e.cite())


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


def _passage(e: _Entry, field: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise e.fail(field, f"must be non-empty text (the source's words the claim rests on), got {_kind(value)}")
    quote = " ".join(value.split())
    words = len(quote.split())
    if words > PASSAGE_MAX_WORDS:
        raise e.fail(field, f"is {words} words long; quote at most {PASSAGE_MAX_WORDS} words")
    return quote


def _source(e: _Entry) -> Source:
    has_one, has_many = e.raw.get("passage") is not None, e.raw.get("passages") is not None
    if has_one == has_many:
        raise e.fail("passage", "give exactly one of passage (the quote a citation rests on) and passages (key: quote)")
    if has_one:
        passages = {"": _passage(e, "passage", e.raw["passage"])}
    else:
        raw = e.raw["passages"]
        if not isinstance(raw, dict) or len(raw) < 2:
            raise e.fail("passages", "must map two or more keys to quotes (use passage for one)")
        passages = {}
        for key, value in raw.items():
            if not isinstance(key, str) or not ID_RE.match(key):
                raise e.fail("passages", f"'{key}' is not a kebab-case key")
            passages[key] = _passage(e, f"passages.{key}", value)
    return Source(
        id=e.ident(),
        title=e.text("title"),
        publisher=e.text("publisher"),
        url=e.url("url"),
        verified=e.date("verified"),
        passages=passages,
        secondary=e.flag("secondary") if "secondary" in e.raw else False,
    )


def _guide(e: _Entry) -> Guide:
    kind = e.choice("kind", GUIDE_KINDS)
    page = source = None
    if kind == "external":
        source = e.ident("source")
        if "page" in e.raw:
            raise e.fail("page", "an external guide has a source, not a page")
    else:
        page = e.page("page")
        if "source" in e.raw:
            raise e.fail("source", f"a {kind} guide has a page, not a source")
    return Guide(id=e.ident(), title=e.text("title"), kind=kind, blurb=e.text("blurb"), page=page, source=source)


def _company(e: _Entry) -> Company:
    values = []
    for i, raw in enumerate(e.items("values"), 1):
        v = _Entry(e.file, f"{e.label} values{_label(i, raw)}", raw)
        principles = v.idents("principles") if "principles" in v.raw else ()
        values.append(Value(id=v.ident(), name=v.text("name"), summary=v.text("summary"), principles=principles))
    _unique(e.file, values)
    return Company(
        id=e.ident(),
        name=e.text("name"),
        guide=e.ident("guide"),
        framework=e.text("framework"),
        framework_source=e.cite("framework_source"),
        values=tuple(values),
    )


def _glob(root: Path, folder: str) -> list[Path]:
    path = root / folder
    if not path.is_dir():
        raise DataError(_rel(path, root), None, None, "folder is missing")
    files = sorted(path.glob("*.yml"))
    if not files:
        raise DataError(_rel(path, root), None, None, "folder has no .yml files")
    return files


# --------------------------------------------------------------------------- the whole site


def load_site(root: Path, source_document: Path | None = None) -> SiteData:
    """Load every data file under ``root`` and check the references between them.

    With ``source_document`` (the build always passes it), each correction's ``original``
    must be a verbatim line of that document.
    """
    root = Path(root)
    principles = _entries(root / "principles.yml", root, _principle)
    numbers = _entries(root / "numbers.yml", root, _number)
    corrections = _entries(root / "corrections.yml", root, _correction)
    questions = _entries(root / "questions.yml", root, _question)
    rounds = _entries(root / "rounds.yml", root, _round)
    guides = _entries(root / "guides.yml", root, _guide)

    sources: dict[str, Source] = {}
    source_file: dict[str, str] = {}
    for path in _glob(root, "sources"):
        for i, src in enumerate(_entries(path, root, _source), 1):
            if src.id in sources:
                raise DataError(
                    _rel(path, root),
                    f"#{i} (id '{src.id}')",
                    "id",
                    f"duplicate id '{src.id}' (also in {source_file[src.id]})",
                )
            sources[src.id] = src
            source_file[src.id] = _rel(path, root)

    companies: list[Company] = []
    company_file: dict[str, str] = {}
    for path in _glob(root, "companies"):
        name = _rel(path, root)
        company = _company(_Entry(name, path.stem, read_yaml(path, root)))
        if company.id != path.stem:
            raise DataError(name, path.stem, "id", f"'{company.id}' must match the file name '{path.stem}'")
        companies.append(company)
        company_file[company.id] = name

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
    check_references(site, root, company_file, source_file)
    if source_document is not None:
        check_corrections(site, root, Path(source_document))
    return site


def check_corrections(site: SiteData, root: Path, source_document: Path) -> None:
    """Each correction's ``original`` is a line of the source document, word for word."""
    if not source_document.is_file():
        raise DataError(_rel(source_document, root), None, None, "source document is missing")
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


def check_references(
    site: SiteData, root: Path, company_file: Mapping[str, str], source_file: Mapping[str, str]
) -> None:
    """Every id that one file names must exist in the file that defines it."""
    r = root.name + "/"
    principle_ids = {p.id for p in site.principles}
    guide_ids = {g.id for g in site.guides}

    for i, x in enumerate(site.rounds, 1):
        _check_cite(site, x.cite, r + "rounds.yml", f"#{i} (id '{x.id}')", "cite")
    for i, q in enumerate(site.questions, 1):
        if q.principle not in principle_ids:
            raise DataError(
                r + "questions.yml", f"#{i} (id '{q.id}')", "principle", f"unknown principle '{q.principle}'"
            )
    for i, p in enumerate(site.principles, 1):
        if not site.questions_for(p.id):
            raise DataError(r + "questions.yml", None, "principle", f"no question for principle '{p.id}'")
        if p.prompt not in {q.id for q in site.questions_for(p.id)}:
            raise DataError(
                r + "principles.yml",
                f"#{i} (id '{p.id}')",
                "prompt",
                f"'{p.prompt}' is not a question of this principle",
            )
        if p.corrected is not None:
            try:
                fix = site.correction(p.corrected)
            except AuthorError:
                raise DataError(
                    r + "principles.yml", f"#{i} (id '{p.id}')", "corrected", f"unknown correction '{p.corrected}'"
                ) from None
            if fix.original != p.summary:
                raise DataError(
                    r + "principles.yml",
                    f"#{i} (id '{p.id}')",
                    "corrected",
                    f"correction '{p.corrected}' does not strike this summary",
                )
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
    for company in site.companies:
        name = company_file[company.id]
        if company.guide not in guide_ids:
            raise DataError(name, company.id, "guide", f"unknown guide '{company.guide}'")
        _check_cite(site, company.framework_source, name, company.id, "framework_source")
        for i, v in enumerate(company.values, 1):
            for pid in v.principles:
                if pid not in principle_ids:
                    raise DataError(
                        name, f"{company.id} values#{i} (id '{v.id}')", "principles", f"unknown principle '{pid}'"
                    )
