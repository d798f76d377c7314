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
from typing import TYPE_CHECKING

import yaml

from .errors import AuthorError, DataError

if TYPE_CHECKING:  # the context loads this module's data, so the import runs one way only
    from .context import Context, Macro

_WORD = re.compile(r"[A-Za-z]+")
_ANCHOR = re.compile(r"^[a-z0-9][a-z0-9-]*$")


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


def load(path: Path, docs_dir: Path | None = None, generated: Collection[str] = ()) -> SearchTerms:
    """Read and check ``data/search.yml``; errors name the file, the entry and the field.

    A page must be a file under ``docs_dir`` or one of the ``generated`` pages (the principles' pages,
    which ``hooks/data_pages.py`` generates from the data)."""
    name = f"data/{path.name}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(name, None, None, f"cannot read: {exc}") from None
    if not isinstance(raw, dict) or set(raw) != {"spellings", "pages", "families"}:
        raise DataError(name, None, None, "expected exactly the keys 'spellings', 'pages' and 'families'")
    families = raw["families"]
    if not isinstance(families, list) or not all(
        isinstance(f, list) and len(f) >= 2 and all(isinstance(m, str) and m.strip() for m in f) for f in families
    ):
        raise DataError(
            name, None, "families", "expected a list of families, each a list of two or more words or phrases"
        )
    spellings = raw["spellings"]
    if not isinstance(spellings, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k.isalpha() and v.isalpha() and k == k.lower() and v == v.lower()
        for k, v in spellings.items()
    ):
        raise DataError(name, None, "spellings", "expected lower-case single words, site spelling: other spelling")
    if not isinstance(raw["pages"], list):
        raise DataError(name, None, "pages", "expected a list")
    entries: dict[str, TermsEntry] = {}
    for n, item in enumerate(raw["pages"], 1):
        if not isinstance(item, dict) or not {"page", "terms"} <= set(item) <= {"page", "section", "terms"}:
            raise DataError(name, f"#{n}", None, "expected the fields page, terms and optionally section")
        page, section, terms = item["page"], item.get("section"), item["terms"]
        where = f"#{n} (page {page!r})"
        if (
            not isinstance(page, str)
            or not page.endswith(".md")
            or (docs_dir is not None and page not in generated and not (docs_dir / page).is_file())
        ):
            raise DataError(name, where, "page", "expected the path of a page under docs/")
        if section is not None and not (isinstance(section, str) and _ANCHOR.match(section)):
            raise DataError(name, where, "section", "expected a heading id such as 'mock-interview-focus'")
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            raise DataError(name, where, "terms", "expected a list of one or more words or phrases")
        entry = TermsEntry(page, section, with_spellings([t.strip() for t in terms], spellings))
        if entry.key in entries:
            raise DataError(name, where, None, f"a second entry for {entry.key}")
        entries[entry.key] = entry
    return SearchTerms(dict(spellings), entries)


def search_terms(ctx: Context, section: str | None = None) -> str:
    """The words candidates search for this page (or this section), from data/search.yml."""
    entry = ctx.search().lookup(ctx.here(), section)
    return ctx.renderer.render("search-terms.html", entry=entry)


MACROS: dict[str, Macro] = {"search_terms": search_terms}
