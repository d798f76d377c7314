"""Every built page states each process and advice number as data/numbers.yml has it.

Reads the article text of every built page (the source document's own statements left
out: they are kept word for word, and where wrong they are struck through inside <del>),
finds every quantity stated in front of a unit that numbers.yml uses, and requires it to
be a value numbers.yml gives for that unit. So no two pages, and no page and the data,
can disagree on loop size, interview length, answer length or stories to prepare. The
practice tools' embedded data must equal what the shaping code makes from the data.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from macros.context import SOURCE_DOCUMENT
from macros.data import SiteData
from macros.mock_loop import mock_loop_data
from macros.numbers import number_text
from macros.practice import DRILL_ANSWER, drill_data
from macros.storage import STORY_MAX_STORIES
from tests.htmltext import elements, main_content, normalize
from tests.test_numbers_in_prose import NOT_ABOUT_INTERVIEWS, NOT_ABOUT_INTERVIEWS_UNDER, QUANTITY, WORDS

ROOT = Path(__file__).resolve().parent.parent
NUMBER_WORDS = {
    w: n
    for n, w in (
        (2, "two"),
        (3, "three"),
        (4, "four"),
        (5, "five"),
        (6, "six"),
        (7, "seven"),
        (8, "eight"),
        (9, "nine"),
        (10, "ten"),
        (11, "eleven"),
        (12, "twelve"),
        (15, "fifteen"),
        (16, "sixteen"),
        (20, "twenty"),
        (30, "thirty"),
        (40, "forty"),
        (50, "fifty"),
        (60, "sixty"),
    )
}
assert set(NUMBER_WORDS) == set(WORDS)
DEL = re.compile(r"<del>.*?</del>", re.DOTALL)
# A date (a citation's "checked 7 Dec 2026") is not a quantity; its year must not pair with the next word.
TIME = re.compile(r"<time\b[^>]*>.*?</time>", re.S)


def unit_word(unit: str) -> str:
    """The last word of a unit, singular: "Leadership Principle questions" -> "question"."""
    word = unit.lower().split()[-1]
    return {"min": "minute", "mins": "minute", "stories": "story"}.get(word, word[:-1] if word.endswith("s") else word)


def amounts(text: str) -> tuple[int, ...]:
    return tuple(
        int(a) if a.isdigit() else NUMBER_WORDS[a]
        for a in re.findall(r"\d+|[a-z]+", text.lower())
        if a.isdigit() or a in NUMBER_WORDS
    )


def allowed(site: SiteData) -> dict[str, set[tuple[int, ...]]]:
    """Per unit word, every value numbers.yml lets a page state: a range, or either end of one."""
    out: dict[str, set[tuple[int, ...]]] = {
        "principle": {(len(site.principles),)},
        "story": {(STORY_MAX_STORIES,)},  # the planner's file limit, stated where it imports
    }
    for n in site.numbers:
        values = out.setdefault(unit_word(n.unit), set())
        values.update({(n.min, n.max), (n.min,), (n.max,)} if n.is_range else {(n.min,)})
    return out


def source_statements() -> list[str]:
    """The source document's lines as a reader sees them, longest first."""
    text = (ROOT / SOURCE_DOCUMENT).read_text(encoding="utf-8").split("---\n", 2)[2]
    lines = {
        normalize(re.sub(r"^(#+|[-*]|\d+\.)\s+", "", line.strip()).replace("**", "")) for line in text.splitlines()
    }
    return sorted((line for line in lines if len(line) > 8), key=len, reverse=True)


SOURCE_STATEMENTS = source_statements()


def stated(html: str, allowed: dict[str, set[tuple[int, ...]]]) -> list[tuple[str, str, tuple[int, ...]]]:
    """(quantity as written, unit word, amounts) for each quantity an article states outside the source's lines."""
    text = " ".join(
        t
        for tag, _, t in elements(TIME.sub(" ", DEL.sub(" ", html)))
        if tag in ("p", "li", "td", "th", "summary", "h1", "h2", "h3", "h4")
    )
    for line in SOURCE_STATEMENTS:
        text = text.replace(line, " ")
    out = []
    for m in QUANTITY.finditer(text):
        unit = unit_word(m.group("unit"))
        if unit in allowed:
            out.append((m.group(0), unit, amounts(m.group("amount"))))
    return out


def test_the_check_reads_quantities_and_their_units():
    html = "<p>A loop of 5 to 6 interviews, answers of three minutes and <del>4-6 interviews</del>.</p>"
    assert stated(html, {"interview": set(), "minute": set()}) == [
        ("5 to 6 interviews", "interview", (5, 6)),
        ("three minutes", "minute", (3,)),
    ]
    assert unit_word("Leadership Principle questions") == "question" and unit_word("min") == "minute"


def articles(site: Path) -> list[Path]:
    pages = []
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).parent.as_posix() + ".md"
        if (
            "docs/" + rel not in NOT_ABOUT_INTERVIEWS
            and not ("docs/" + rel).startswith(NOT_ABOUT_INTERVIEWS_UNDER)
            and '<article class="md-content__inner' in page.read_text(encoding="utf-8")
        ):
            pages.append(page)
    return pages


def test_every_page_states_each_number_as_the_data_has_it(built_site: Path, site_data: SiteData):
    known = allowed(site_data)
    wrong = []
    checked = 0
    for page in articles(built_site):
        for quantity, unit, value in stated(main_content(page), known):
            checked += 1
            if value not in known[unit]:
                wrong.append(
                    f"{page.relative_to(built_site).parent}/: '{quantity}' is not a {unit} value of data/numbers.yml"
                )
    assert checked >= len(site_data.numbers), "the check found too few numbers to be reading the pages"
    assert not wrong, "\n".join(wrong)


def embedded(page: Path, tool: str) -> object:
    """The JSON a tool's element carries in data-guide-data (CONTRIBUTING.md, "A tool's script")."""
    html = page.read_text(encoding="utf-8")
    m = re.search(rf"data-guide-tool=\"{tool}\" data-guide-data='([^']*)'", html)
    assert m, f"the {tool} tool's data not found in {page}"
    return json.loads(unescape(m.group(1)))


@pytest.mark.parametrize(
    ("page", "tool", "make"),
    [
        ("practice/mock-loop/index.html", "mock-loop", mock_loop_data),
        ("practice/drill/index.html", "drill", drill_data),
    ],
)
def test_practice_tools_carry_the_data_as_shaped(built_site: Path, page: str, tool: str, make, site_data: SiteData):
    data = embedded(built_site / page, tool)
    shaped = json.loads(json.dumps(make(site_data)))
    # The mock loop also carries an actual technical question per focus (macros/coding.py, loop_tasks),
    # and the technical question's minutes as the page states them.
    extra = {"tasks", "technicalMinutes"} if tool == "mock-loop" else set()
    assert {k: v for k, v in data.items() if k not in extra} == shaped  # type: ignore[union-attr]
    if extra:
        assert data["technicalMinutes"] == number_text(site_data.number("interview-technical-minutes"))  # type: ignore[index]
        assert set(data["tasks"]) <= {f["id"] for f in shaped["focuses"]} and data["tasks"]["coding"]  # type: ignore[index]


def test_the_drill_starts_at_the_answer_length(built_site: Path, site_data: SiteData):
    answer = site_data.number(DRILL_ANSWER)
    html = (built_site / "practice/drill/index.html").read_text(encoding="utf-8")
    assert re.search(rf'<option value="{answer.min}" selected>', html)
    assert f'id="guide-drill-clock">{answer.min}:00<' in html
