"""No page, template or data entry states a process or advice number by hand.

Numbers about the interview process and the guide's advice (loop size, interview length,
answer length, stories to prepare, ...) live in data/numbers.yml and reach pages through
the ``number`` macro (or ``corrected``, whose text names numbers as ``{id}``). This test
reads the Markdown, templates and data as written and fails on a number stated by hand
in front of one of the units such numbers use. Exempt: the source document's own lines,
kept word for word (where wrong they are marked with ``corrected``), and a count of the
principles that equals the number of principles in data/principles.yml.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.context import SOURCE_DOCUMENT
from macros.data import SiteData, source_lines

ROOT = Path(__file__).resolve().parent.parent
SOURCE_LINES = source_lines((ROOT / SOURCE_DOCUMENT).read_text(encoding="utf-8"))

WORDS = (
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty sixteen".split()
)
AMOUNT = rf"(?:\d+|{'|'.join(WORDS)})(?:-(?:\d+|{'|'.join(WORDS)}))?"
UNITS = (
    r"minutes?|mins?|hours?|interviews?|interviewers?|rounds?|sessions?|conversations?|stories|story|principles|years?"
)
# Words that may stand between an amount and its unit: "2-3 STAR stories", "two coding sessions".
BETWEEN = r"STAR|behavioral|behavioural|coding|design|technical|LP|Leadership Principle|one-hour|good|strong|more"
QUANTITY = re.compile(
    rf"\b(?P<amount>{AMOUNT}(?:(?:\s+to\s+|\s+or\s+|\s*[-\u2013]\s*|-to-)(?:{AMOUNT}))?)[\s-]+"
    rf"(?:(?:{BETWEEN})\s+)?(?P<unit>{UNITS})\b",
    re.IGNORECASE,
)
# What is not prose a reader takes a number from: macro calls, Jinja tags and comments.
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
MARKERS = re.compile(r"^\s*(?:#+|[-*]|\d+\.|>)\s+")


# Pages about AWS services and architecture state service limits (a Lambda timeout, a stream's
# retention), not numbers about interviews; they cite AWS's documentation beside each one.
NOT_ABOUT_INTERVIEWS = {"docs/guides/aws-architecture-patterns.md", "docs/guides/system-design-patterns.md"}
# Likewise the system design walkthroughs and their data (service limits, time to live, segment
# lengths), and the annotated answers' stories, which are fiction full of durations ("a
# fifteen-minute response target") that are not the interview's numbers. Their pages still read
# interview numbers (answer length, the technical part of an interview) through the macro.
# The worked coding problems (their data, and the pages generated from it) are the same kind of
# fiction: a cooling failure spreading each minute, a delivery taking six hours.
NOT_ABOUT_INTERVIEWS_UNDER = (
    "docs/amazon/design/",
    "data/design/",
    "data/examples/",
    "data/coding/problems/",
    "docs/amazon/coding/problems/",
)


def prose_files() -> list[Path]:
    docs = [p for p in (ROOT / "docs").rglob("*.md") if p.relative_to(ROOT).as_posix() not in NOT_ABOUT_INTERVIEWS]
    templates = [p for p in (ROOT / "overrides").rglob("*") if p.suffix in (".md", ".html")]
    # data/sources/ holds the sources' own words (each citation's passage), quoted as written, like
    # corrections' ``original``.
    data = [
        p
        for p in (ROOT / "data").rglob("*.yml")
        if p.name != "numbers.yml" and not p.relative_to(ROOT).as_posix().startswith("data/sources/")
    ]
    return sorted(
        p for p in docs + templates + data if not p.relative_to(ROOT).as_posix().startswith(NOT_ABOUT_INTERVIEWS_UNDER)
    )


def data_text(doc: object, key: str = "") -> list[str]:
    """The text values of a data file, leaving out other documents' own words (``SOURCES_OWN_WORDS``)."""
    if isinstance(doc, dict):
        return [t for k, v in doc.items() for t in data_text(v, str(k))]
    if isinstance(doc, list):
        return [t for v in doc for t in data_text(v, key)]
    return [str(doc)] if isinstance(doc, str) and key not in SOURCES_OWN_WORDS else []


# Data fields that hold another document's words verbatim: a correction's ``original`` (the
# source document's line) and a citation's ``quote`` (the passage of the cited page a claim rests on).
SOURCES_OWN_WORDS = ("original", "quote")


def read_prose(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return "\n".join(data_text(yaml.safe_load(text))) if path.suffix == ".yml" else text


def hand_stated(text: str, principles: int) -> list[str]:
    """Every quantity the text states by hand, outside macro calls and the source's own lines."""
    found = []
    for line in JINJA.sub(" ", text).splitlines():
        words = MARKERS.sub("", line.strip())
        if words in SOURCE_LINES:
            continue
        for m in QUANTITY.finditer(line):
            amount, unit = m.group("amount").lower(), m.group("unit").lower()
            if unit == "principles" and amount in (str(principles), "sixteen"):
                continue
            found.append(m.group(0))
    return found


def test_the_check_finds_numbers_stated_by_hand():
    assert hand_stated("An on-site loop has 4-6 interviews.", 16) == ["4-6 interviews"]
    assert hand_stated("Answer in about three minutes, or three to four minutes.", 16) == [
        "three minutes",
        "three to four minutes",
    ]
    assert hand_stated("Prepare two or three stories; aim for 2-3 STAR stories.", 16) == [
        "two or three stories",
        "2-3 STAR stories",
    ]
    assert hand_stated("A four-to-six interview loop; Coding Rounds (2x 45 min)", 16) == [
        "four-to-six interview",
        "45 min",
    ]
    assert hand_stated('Loops have {{ number("loop-interviews") }} and all 16 principles.', 16) == []
    assert hand_stated("- Time-box responses (3-4 minutes per LP question)", 16) == []  # the source's own line
    assert hand_stated("list 3-5 things interviewers listen for", 16) == []


def test_data_files_are_read_without_the_sources_own_words():
    assert data_text([{"original": "(4-6 interviews)", "correction": "about 5 interviews"}]) == ["about 5 interviews"]


@pytest.mark.parametrize("path", prose_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_number_is_stated_by_hand(path: Path, site_data: SiteData):
    found = hand_stated(read_prose(path), len(site_data.principles))
    assert not found, f"{path.relative_to(ROOT)} states these by hand; use a number from data/numbers.yml: {found}"
