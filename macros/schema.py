"""What every data model shares: the field types, the base model, reading a file and the error.

Each data file's shape is a pydantic model (``macros/data.py`` for the process and the
principles, ``macros/coding.py``, ``macros/design.py``, ``macros/examples.py``, and so on);
:mod:`macros.schemas` lists which model each file under ``data/`` follows and exports them
as JSON Schema for editors. Whatever a model refuses becomes one :class:`DataError` naming
the file, the entry and the field, worded the same for every file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
)

from .errors import DataError

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# https only; no whitespace, quotes, angle brackets or parentheses, so a URL can
# never break out of a Markdown link or an HTML attribute.
URL_RE = re.compile(r"^https://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~!$&*+,;=:@%/?#-]*)?$")
PAGE_RE = re.compile(r"^(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\.md$")
# A citation names a source, and one of its passages when it has several: "source-id" or
# "source-id#passage-key". The passage is the source's own words the claim rests on.
CITE_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([a-z0-9]+(?:-[a-z0-9]+)*))?$")
# libyaml's safe loader builds the same objects as yaml.safe_load about ten times faster.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _fold(value: str) -> str:
    """Whitespace runs (a folded YAML string's line breaks) become one space."""
    return " ".join(value.split())


# Strict strings and booleans: YAML's 5 or yes is not text, and "yes" is not true.
Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_fold)]
Ident = Annotated[StrictStr, StringConstraints(pattern=ID_RE.pattern)]
PythonName = Annotated[StrictStr, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]
Cite = Annotated[StrictStr, StringConstraints(pattern=CITE_RE.pattern)]
Url = Annotated[StrictStr, StringConstraints(pattern=URL_RE.pattern)]
Page = Annotated[StrictStr, StringConstraints(pattern=PAGE_RE.pattern)]
Count = Annotated[StrictInt, Field(ge=0)]
Flag = StrictBool
Date = dt.date

# What a pattern means, for the one-line error: pydantic's own message quotes the regex.
_PATTERNS = {
    ID_RE.pattern: "is not a kebab-case id (a-z, 0-9 and single hyphens)",
    CITE_RE.pattern: "is not a citation (a source id, or source-id#passage-key)",
    URL_RE.pattern: "is not an https URL without spaces, quotes, brackets or parentheses",
    PAGE_RE.pattern: "is not a docs-relative path to a .md file",
    r"^[A-Za-z_][A-Za-z0-9_]*$": "is not a Python name",
}


class FieldProblem(ValueError):
    """Raised by a model's own rule (one that spans fields) to name the field it blames."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(problem)


class Model(BaseModel):
    """Every record in data/: frozen, and no key the model does not define."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def distinct(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """A list whose items (or items' ids) appear once each."""
    seen: set[Any] = set()
    for value in values:
        key = getattr(value, "id", value)
        if key in seen:
            raise ValueError(f"lists '{key}' twice")
        seen.add(key)
    return values


def kind(value: Any) -> str:
    """A YAML value's kind as the errors name it."""
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


def label(index: int, raw: Any) -> str:
    """The entry part of an error: its 1-based position, and its id when it has one."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return f"#{index} (id '{raw['id']}')"
    return f"#{index}"


def rel(path: Path, root: Path) -> str:
    """``path`` as errors name it: relative to the folder holding ``data/``."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def read_yaml(path: Path, root: Path) -> Any:
    """Parse one YAML file; a missing, empty or malformed file is a DataError."""
    name = rel(path, root)
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


# --------------------------------------------------------------------------- errors


def _too_short(ctx: Mapping[str, Any]) -> str:
    if ctx.get("actual_length") == 0:
        return "must not be an empty list"
    return f"must have at least {ctx.get('min_length')} items, got {ctx.get('actual_length')}"


_WORDING: dict[str, Callable[[Any, Mapping[str, Any]], str]] = {
    "missing": lambda v, c: "is missing",
    "extra_forbidden": lambda v, c: "is not a field this entry may have",
    "literal_error": lambda v, c: f"'{v}' is not one of: {c.get('expected', '')}",
    "string_too_short": lambda v, c: "must not be empty",
    "too_short": lambda v, c: _too_short(c),
    "too_long": lambda v, c: f"must have at most {c.get('max_length')} items, got {c.get('actual_length')}",
    "string_type": lambda v, c: f"must be text, got {kind(v)}",
    "bool_type": lambda v, c: f"must be true or false, got {kind(v)}",
    "int_type": lambda v, c: f"must be a whole number, got {kind(v)}",
    "greater_than_equal": lambda v, c: f"must not be negative, got {v}",
    "tuple_type": lambda v, c: f"must be a list, got {kind(v)}",
    "list_type": lambda v, c: f"must be a list, got {kind(v)}",
    "dict_type": lambda v, c: f"must be a mapping, got {kind(v)}",
    "model_type": lambda v, c: f"must be a mapping, got {kind(v)}",
    "model_attributes_type": lambda v, c: f"must be a mapping, got {kind(v)}",
}


def _problem_text(error: Mapping[str, Any]) -> str:
    """Pydantic's complaint about one value, worded as every data error is."""
    kind_ = str(error["type"])
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind_ in _WORDING:
        return _WORDING[kind_](value, ctx)
    if kind_ == "string_pattern_mismatch":
        return f"'{value}' {_PATTERNS.get(ctx.get('pattern', ''), 'is not in the expected form')}"
    if kind_.startswith("date_") or kind_ == "date_type":
        return f"must be a date (YYYY-MM-DD), got {value!r}"
    if kind_ == "value_error" and isinstance(ctx.get("error"), ValueError):
        return str(ctx["error"])
    return str(error["msg"][:1].lower() + error["msg"][1:])


def data_error(file: str, entry: str | None, exc: ValidationError) -> DataError:
    """The first of pydantic's errors as a DataError: list positions go into the entry
    ("lru-cache examples #2"), the rest of the location is the field ("complexity.growth"),
    and a model's own rule names the field it blames."""
    error = exc.errors()[0]
    loc = [part for part in error["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
    names: list[str] = []
    where = entry or ""
    for part in loc:
        if isinstance(part, int):
            where += f" {'.'.join(names)} #{part + 1}" if names else f" #{part + 1}"
            names = []
        elif part != "[key]":
            names.append(str(part))
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, FieldProblem):
        names.append(cause.field)
    return DataError(file, where.strip() or None, ".".join(names) or None, _problem_text(error))


# --------------------------------------------------------------------------- loading

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], raw: Any, file: str, entry: str | None) -> M:
    """One entry (or one whole-file mapping) checked against its model."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise data_error(file, entry, exc) from None


# A list whose items have a natural name ("#3 (principle 'ownership')", "derived #1 (id 'x')")
# is named that way in errors: when pydantic's first error lies inside such an item, the item is
# validated on its own under its name, which raises the same problem located inside the item.
Namer = Callable[[int, Any], str]  # 1-based position and the raw item -> the entry's name


def validate_named(
    model: type[M], raw: Any, file: str, entry: str | None, items: Mapping[str, tuple[type[BaseModel], Namer]]
) -> M:
    """``raw`` checked against ``model``; an error inside an item of a list field named in
    ``items`` (field -> (the item's model, its namer)) names that item as the entry."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        loc = exc.errors()[0]["loc"]
        if len(loc) >= 2 and loc[0] in items and isinstance(loc[1], int) and isinstance(raw, dict):
            item_model, name = items[str(loc[0])]
            item = raw[loc[0]][loc[1]]
            validate(item_model, item, file, name(loc[1] + 1, item))
        raise data_error(file, entry, exc) from None


def named_by(key: str, prefix: str = "") -> Namer:
    """A namer: ``"{prefix}#3 ({key} 'value')"``, or ``"{prefix}#3"`` when the item has no such text."""

    def name(index: int, raw: Any) -> str:
        value = raw.get(key) if isinstance(raw, dict) else None
        return f"{prefix}#{index}" + (f" ({key} '{value}')" if isinstance(value, str) else "")

    return name


def unique(file: str, records: Sequence[Any], field: str = "id") -> None:
    """No two entries of a file share an id."""
    seen: set[str] = set()
    for i, rec in enumerate(records, 1):
        key = getattr(rec, field)
        if key in seen:
            raise DataError(file, f"#{i} (id '{key}')", field, f"duplicate id '{key}'")
        seen.add(key)


def load_entries(path: Path, root: Path, model: type[M]) -> list[M]:
    """A file that is a list of entries, each checked against ``model``, their ids unique."""
    doc = read_yaml(path, root)
    name = rel(path, root)
    if not isinstance(doc, list):
        raise DataError(name, None, None, f"must be a list of entries, got {kind(doc)}")
    if not doc:
        raise DataError(name, None, None, "must list at least one entry")
    out = [validate(model, raw, name, label(i, raw)) for i, raw in enumerate(doc, 1)]
    if "id" in model.model_fields:
        unique(name, out)
    return out


def load_mapping(path: Path, root: Path, model: type[M]) -> M:
    """A file that is one mapping, checked against ``model``; errors name the file's stem as the entry."""
    doc = read_yaml(path, root)
    name = rel(path, root)
    if not isinstance(doc, dict):
        raise DataError(name, None, None, f"must be a mapping, got {kind(doc)}")
    return validate(model, doc, name, path.stem)


def id_is_file_name(record_id: str, path: Path, root: Path) -> None:
    """A file that holds one record is named by the record's id."""
    if record_id != path.stem:
        raise DataError(rel(path, root), path.stem, "id", f"'{record_id}' must match the file name '{path.stem}'")


def glob_files(root: Path, folder: str | Path) -> list[Path]:
    """The ``.yml`` files of a folder under data/, which must exist and hold at least one."""
    path = root / folder
    if not path.is_dir():
        raise DataError(rel(path, root), None, None, "folder is missing")
    files = sorted(path.glob("*.yml"))
    if not files:
        raise DataError(rel(path, root), None, None, "folder has no .yml files")
    return files


def entries_of(model: type[M]) -> Any:
    """The shape of a whole file that lists entries of ``model``: what its JSON Schema describes."""
    return Annotated[list[model], Field(min_length=1)]  # type: ignore[valid-type]
