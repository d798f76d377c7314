"""Search terms: the words candidates type for a page that the page itself does not use.

``data/search.yml`` lists, per page or per section, the abbreviations ("LP",
"BR"), other names and phrasings candidates use, and once for the whole site the
other spellings of the site's US words ("behavioral" -> "behavioural"), and the
synonym families hooks/search_keywords.py files beside titles. A page files its
terms with ``{{ search_terms() }}`` (or ``{{ search_terms("anchor") }}`` inside a
section): the macro leaves a hidden marker where it is called, which the hook reads
(a page's opening or the section it sits in), files in Material's search index and
removes from the page.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, Field, StrictStr

from .errors import AuthorError, DataError
from .schema import Model, Page, Text, named_by, read_yaml, rel, validate_named

if TYPE_CHECKING:  # the context loads this module's data, so the import runs one way only
    from .context import Context, Macro

_WORD = re.compile(r"[A-Za-z]+")
_ANCHOR = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LOWER_WORD = re.compile(r"^[a-z]+$")
_PAGE = named_by("page")  # an entry of pages: "#3 (page 'amazon/preparation.md')"


@dataclass(frozen=True)
class TermsEntry:
    page: str  # docs path, e.g. "amazon/preparation.md"
    section: str | None  # heading id inside the page, or None for the page's opening
    terms: tuple[str, ...]  # as written in the data, then their other spellings

    @property
    def key(self) -> str:
        return f"{self.page}#{self.section}" if self.section else self.page


@dataclass(frozen=True)
class SearchTerms:
    spellings: dict[str, str]  # the site's (US) spelling -> the other spelling candidates type
    entries: dict[str, TermsEntry]  # by key: "page.md" or "page.md#section"

    def lookup(self, page: str, section: str | None = None) -> TermsEntry:
        key = f"{page}#{section}" if section else page
        try:
            return self.entries[key]
        except KeyError:
            raise AuthorError(f"no entry for {key} in data/search.yml") from None


def with_spellings(terms: list[str], spellings: dict[str, str]) -> tuple[str, ...]:
    """The terms, each followed by its other spelling when it has a word that has one."""
    out: list[str] = []
    for term in terms:
        for variant in (term, _WORD.sub(lambda m: _respell(m.group(0), spellings), term)):
            if variant not in out:
                out.append(variant)
    return tuple(out)


def _respell(word: str, spellings: dict[str, str]) -> str:
    other = spellings.get(word.lower())
    if other is None:
        return word
    return other.capitalize() if word[:1].isupper() else other


def _word(value: str) -> str:
    if not _LOWER_WORD.match(value):
        raise ValueError(f"'{value}' is not a lower-case single word")
    return value


def _anchor(value: str) -> str:
    if not _ANCHOR.match(value):
        raise ValueError(f"'{value}' is not a heading id such as 'mock-interview-focus'")
    return value


Word = Annotated[StrictStr, AfterValidator(_word), Field(json_schema_extra={"pattern": _LOWER_WORD.pattern})]
Anchor = Annotated[StrictStr, AfterValidator(_anchor), Field(json_schema_extra={"pattern": _ANCHOR.pattern})]


class PageTermsData(Model):
    """The words candidates search for one page (its opening), or for one section of it."""

    page: Page  # a page under docs/, or one the hooks generate
    section: Anchor | None = None  # the heading id of the section, or none for the page's opening
    terms: Annotated[tuple[Text, ...], Field(min_length=1)]


class SearchData(Model):
    """``data/search.yml``."""

    spellings: dict[Word, Word]  # the site's (US) spelling: the other spelling candidates type
    pages: tuple[PageTermsData, ...]
    families: tuple[Annotated[tuple[Text, ...], Field(min_length=2)], ...]  # words or phrases one search finds alike


SCHEMAS: dict[str, Any] = {"search.yml": SearchData}


def load(path: Path, docs_dir: Path | None = None, generated: Collection[str] = ()) -> SearchTerms:
    """Read and check ``data/search.yml``; errors name the file, the entry and the field.

    A page must be a file under ``docs_dir`` or one of the ``generated`` pages (the principles' pages,
    which ``hooks/data_pages.py`` generates from the data)."""
    name = rel(path, path.parent)
    data = validate_named(SearchData, read_yaml(path, path.parent), name, None, {"pages": (PageTermsData, _PAGE)})
    entries: dict[str, TermsEntry] = {}
    for n, item in enumerate(data.pages, 1):
        where = _PAGE(n, {"page": item.page})
        if docs_dir is not None and item.page not in generated and not (docs_dir / item.page).is_file():
            raise DataError(name, where, "page", "expected the path of a page under docs/")
        entry = TermsEntry(item.page, item.section, with_spellings(list(item.terms), data.spellings))
        if entry.key in entries:
            raise DataError(name, where, None, f"a second entry for {entry.key}")
        entries[entry.key] = entry
    return SearchTerms(dict(data.spellings), entries)


def search_terms(ctx: Context, section: str | None = None) -> str:
    """The words candidates search for this page (or this section), from data/search.yml."""
    entry = ctx.search().lookup(ctx.here(), section)
    return ctx.renderer.render("search-terms.html", entry=entry)


MACROS: dict[str, Macro] = {"search_terms": search_terms}
