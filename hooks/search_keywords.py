"""Search keywords: the words candidates type for a page, kept in Material's search index and off the page.

Material's search index (``search/search_index.json``) holds, for each page and each
section, its ``title`` and ``text``; its ``fields`` option weighs each field, and any
other field named there is indexed too (``mkdocs.yml``: ``keywords``). This hook fills
that field, after Material's search plugin writes the index and before its offline
plugin copies it into ``search_index.js`` (priority -100), from three sources:

1. The terms of ``data/search.yml``'s ``pages``: ``{{ search_terms() }}`` leaves a
   marker where it is called (the page's opening or inside a section); this hook
   reads the marker, files its terms under that page or section, and removes it
   before the page is indexed or written. Readers never see the words, screen
   readers never read them, and the page is not heavier.
2. Synonym families (``data/search.yml``'s ``families``): when a title or a term of a
   page or section contains a member of a family, the other members are added.
3. Other spellings (UK) of the listed US words, in ``keywords``; and, in the lightly
   weighed ``variants`` field, the other forms the site uses of a title's words
   ("prepare" beside "Preparation": Material's prefix queries skip the stemmer, so
   "prepare" never finds "preparation") and the slips of a page title's words of five
   letters or more: one letter left out or two neighbors swapped ("leadrship", "debreif"). Material's query
   syntax has fuzzy matching (``word~1``), but it runs only when the reader types
   the ``~``, and Material 9 took away custom query transforms; so the slips are
   found where they can be: in the index.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

# Read with libyaml where installed (macros/search_terms.py read the file first and named any mistake in it).
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SEARCH_FILE = Path("data") / "search.yml"
FIELD = "keywords"
SLIPS_FIELD = "variants"  # other forms and slips, weighed lightly: a typed prefix matches many of them at once
# What {{ search_terms() }} leaves in a page (overrides/partials/macros/search-terms.html).
MARKER = re.compile(r'(?:<p>)?<div hidden data-guide-search-terms="([^"]*)"></div>(?:</p>)?\n?')
HEADING = re.compile(r'<h[2-6][^>]*\bid="([^"]+)"')
TERM_SEPARATOR = "|"
MIN_SLIP_LENGTH = 5  # shorter words have too many one-letter neighbors that are other words

_terms: dict[str, list[str]] = {}  # index location -> terms filed there, in the order found


def _project(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> None:
    _terms.clear()


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: object) -> str:
    """File each marker's terms under the page or the section it sits in, and remove the marker."""

    def file_terms(match: re.Match[str]) -> str:
        before = HEADING.findall(html_text, 0, match.start())
        location = page.url + (f"#{before[-1]}" if before else "")
        terms = [t for t in html.unescape(match.group(1)).split(TERM_SEPARATOR) if t]
        _terms.setdefault(location, []).extend(t for t in terms if t not in _terms.get(location, []))
        return ""

    return MARKER.sub(file_terms, html_text)


def load_families(project: Path) -> tuple[list[list[str]], dict[str, str]]:
    """The synonym families and the spellings of data/search.yml (macros/search_terms.py checks the file)."""
    try:
        raw = yaml.load((project / SEARCH_FILE).read_text(encoding="utf-8"), Loader=_FAST_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise PluginError(f"{SEARCH_FILE}: cannot read: {exc}") from None
    families = raw.get("families") or []
    spellings = raw.get("spellings") or {}
    return [[str(m) for m in fam] for fam in families], {str(k): str(v) for k, v in spellings.items()}


def words(text: str, separator: re.Pattern[str]) -> list[str]:
    """Lower-case tokens as Material's search splits them (the configured separator)."""
    return [w for w in separator.split(text.lower()) if w]


def variants(title: str, separator: re.Pattern[str], forms: dict[str, set[str]], page: bool) -> set[str]:
    """The other forms the site uses of a title's words ("prepare" beside "Preparation") and, for a
    page's title, its slips. Weighed lightly: a typed prefix matches many of them at once."""
    out: set[str] = set()
    own = {t.strip(".,;:!?()'\"") for t in words(title, separator)}
    for t in own:
        if len(t) >= MIN_STEM:
            out |= forms.get(stem(t), set())
        if page:
            out |= slips(t)
    return out - own


def slips(word: str) -> set[str]:
    """The word with one letter left out, or two neighboring letters swapped."""
    word = word.strip(".,;:!?()'\"")
    if len(word) < MIN_SLIP_LENGTH or not word.isalpha():
        return set()
    out = {word[:i] + word[i + 1 :] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    out.discard(word)
    return out


_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ures",
    "ure",
    "ers",
    "er",
    "ied",
    "ies",
    "ed",
    "es",
    "ly",
    "s",
    "e",
    "y",
)
MIN_STEM = 4


def stem(word: str) -> str:
    """A rough stem ("preparation", "prepared" -> "prepar"), to match the forms the site uses of a title's words."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def tokens(texts: Iterable[str], separator: re.Pattern[str]) -> set[str]:
    """The distinct words of ``texts`` (HTML: tags dropped, entities decoded), lower case, as the separator splits them."""
    # Only the separator's white-space class matches white space, and no match depends on more than
    # one character outside its own chunk: the distinct space-separated chunks give the same words
    # as the whole text, and each chunk is split once however often the site repeats it.
    chunks: set[str] = set()
    for text in texts:
        chunks.update(html.unescape(re.sub(r"<[^>]+>", " ", text)).lower().split())
    return {token for chunk in chunks for token in words(chunk, separator)}


def vocabulary(docs: list[dict[str, object]], separator: re.Pattern[str]) -> dict[str, set[str]]:
    """Every word of the site's titles and text, by stem."""
    out: dict[str, set[str]] = {}
    for token in tokens((f"{doc.get('title', '')} {doc.get('text', '')}" for doc in docs), separator):
        w = token.strip(".,;:!?()'\"")
        if len(w) >= MIN_STEM and w.isalpha():
            out.setdefault(stem(w), set()).add(w)
    return out


def _contains(haystack: str, phrase: str) -> bool:
    """Whether ``haystack`` (lower case) holds ``phrase`` as whole words."""
    needle = phrase.lower()
    return needle in haystack and re.search(rf"(?<![\w]){re.escape(needle)}(?![\w])", haystack) is not None


_WORD = re.compile(r"\w+")


class Families:
    """The synonym families, each filed under the first word of each of its members.

    A text holds a member as whole words only if it holds that member's first word
    as a whole word, so a title is tested only against the families of its own words.
    """

    def __init__(self, families: list[list[str]]) -> None:
        self.families = families
        self._by_word: dict[str, set[int]] = {}
        self._wordless: set[int] = set()  # a member with no letter or digit is tested everywhere
        for i, family in enumerate(families):
            for member in family:
                first = _WORD.search(member.lower())
                if first:
                    self._by_word.setdefault(first.group(), set()).add(i)
                else:
                    self._wordless.add(i)

    def near(self, known: str) -> list[list[str]]:
        """The families that may have a member in ``known`` (lower case), in data order."""
        found = set(self._wordless)
        for word in set(_WORD.findall(known)):
            found |= self._by_word.get(word, set())
        return [self.families[i] for i in sorted(found)]


def keywords_for(
    title: str,
    terms: list[str],
    families: Families,
    spellings: dict[str, str],
    separator: re.Pattern[str],
) -> list[str]:
    """What a page or section is also found by, besides its title and text: its terms, the other
    members of its synonym families, the other spellings of their words."""
    out: list[str] = list(terms)
    known = (title + " " + " ".join(terms)).lower()
    for family in families.near(known):
        if any(_contains(known, member) for member in family):
            out += [m for m in family if not _contains(known, m)]
    said = set(words(" ".join([title, *out]), separator))
    extra: set[str] = {spellings[t] for t in said if t in spellings}
    seen: set[str] = set()
    result = []
    for k in [*out, *sorted(extra - said)]:
        if k.lower() not in seen:
            seen.add(k.lower())
            result.append(k)
    return result


def on_post_build(config: MkDocsConfig) -> None:
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for field in (FIELD, SLIPS_FIELD):
        if field not in index["config"].get("fields", {}):
            raise PluginError(f"hooks/search_keywords.py: add '{field}' to the search plugin's fields in mkdocs.yml")
    family_lists, spellings = load_families(_project(config))
    families = Families(family_lists)
    separator = re.compile(index["config"]["separator"])
    located = {doc["location"] for doc in index["docs"]}
    lost = sorted(set(_terms) - located)
    if lost:
        raise PluginError(f"hooks/search_keywords.py: search terms filed where search has no entry: {', '.join(lost)}")
    forms = vocabulary(index["docs"], separator)
    for doc in index["docs"]:
        kw = keywords_for(doc["title"], _terms.get(doc["location"], []), families, spellings, separator)
        if kw:
            doc[FIELD] = " ".join(kw)
        found = variants(doc["title"], separator, forms, "#" not in doc["location"])
        if found:
            doc[SLIPS_FIELD] = " ".join(sorted(found))

    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
