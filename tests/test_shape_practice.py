"""Shaping for the practice tools, without MkDocs: grouping, counts, map rows, tool inputs."""

from __future__ import annotations

import dataclasses

import markdown
import pytest

from macros import shape
from macros.companies import (
    company_map,
    map_cell_text,
    mapped_companies,
    unmapped_companies,
    unmapped_values,
    value_map_rows,
)
from macros.context import Context
from macros.data import Company, Guide, Number, Principle, Question, Round, SiteData, Value
from macros.errors import AuthorError
from macros.mock_loop import (
    LOOP_DEFAULT_LEVEL,
    LOOP_INTERVIEWS,
    LOOP_LEVELS,
    LOOP_MINUTES,
    LOOP_PRINCIPLES_PER_INTERVIEW,
    mock_loop_data,
)
from macros.practice import drill_data, tool_links
from macros.principles import cheat_sheet_rows, principle_view
from macros.questions import question_bank, question_groups
from macros.storage import COACH_SCHEDULE_KEY
from tests.support import ROOT

BANK = "practice/question-bank.md"


def principle(pid: str, prompt: str = "") -> Principle:
    return Principle(
        id=pid,
        name=pid.title(),
        summary=f"{pid} summary",
        meaning="meaning",
        listen_for=("a", "b", "c"),
        pitfalls=("d", "e", "f"),
        amazon_opening=f"{pid} opening.",
        prompt=prompt or f"{pid}-1",
    )


def number(nid: str, low: int, high: int | None = None) -> Number:
    ends = {"value": low} if high is None else {"min": low, "max": high}
    return Number.model_validate({"id": nid, "label": nid, "unit": "units", "advice": True, **ends})


def question(qid: str, pid: str, text: str) -> Question:
    return Question(id=qid, principle=pid, text=text, from_source=False, follow_ups=("probe one", "probe two"))


def tiny_site(**changes: object) -> SiteData:
    """Three principles, five questions, two focuses, a loop of one or two interviews: small enough to check by hand."""
    rounds = tuple(Round(id=r, name=r.title(), summary=f"{r} summary", cite="src") for r in ("coding", "system-design"))
    base = SiteData(
        principles=(principle("alpha", "alpha-3"), principle("beta"), principle("gamma")),
        questions=(
            question("gamma-1", "gamma", "Tell me about gamma"),
            question("alpha-1", "alpha", "A much longer question about alpha than the other"),
            question("beta-1", "beta", "Beta"),
            question("alpha-2", "alpha", "Short alpha"),
            question("alpha-3", "alpha", "Short alph2"),
        ),
        rounds=rounds,
        sources={},
        guides=(
            Guide(
                id=shape.PRINCIPLES_GUIDE,
                title="Principles",
                kind="section",
                blurb="b",
                page="amazon/leadership-principles/index.md",
            ),
            Guide(id=shape.QUESTION_BANK_GUIDE, title="Question bank", kind="tool", blurb="b", page=BANK),
            Guide(id=shape.DRILL_GUIDE, title="Drill", kind="tool", blurb="b", page="practice/drill.md"),
        ),
        companies=(),
        numbers=(
            number(LOOP_INTERVIEWS, 1, 2),
            number(LOOP_MINUTES, 60),
            number(LOOP_PRINCIPLES_PER_INTERVIEW, 1, 2),
        ),
    )
    return dataclasses.replace(base, **changes)


# --------------------------------------------------------------------------- question bank


def test_question_groups_follow_principle_order_and_keep_every_question_once():
    groups = question_groups(tiny_site(), BANK)
    assert [g.principle.id for g in groups] == ["alpha", "beta", "gamma"]
    assert [[q.id for q in g.questions] for g in groups] == [["alpha-1", "alpha-2", "alpha-3"], ["beta-1"], ["gamma-1"]]
    assert [str(g.anchor) for g in groups] == ["alpha", "beta", "gamma"]
    assert groups[0].href == "../amazon/leadership-principles/alpha.md"


def test_real_bank_groups_every_question_once_under_its_principle(site_data: SiteData):
    groups = question_groups(site_data, BANK)
    assert [g.principle.id for g in groups] == [p.id for p in site_data.principles]
    assert sorted(q.id for g in groups for q in g.questions) == sorted(q.id for q in site_data.questions)
    assert all(len(g.questions) >= 5 for g in groups)
    assert all(q.principle == g.principle.id for g in groups for q in g.questions)
    # The principle pages link to practice/question-bank.md#<principle id>: the anchors must match.
    assert [g.anchor for g in groups] == [shape.principle_anchor(p.id) for p in site_data.principles]


def test_question_bank_markdown_has_a_heading_per_principle_with_its_id(site_data: SiteData):
    ctx = Context.from_project(ROOT, lambda: BANK)
    html = markdown.markdown(question_bank(ctx), extensions=["attr_list", "md_in_html", "pymdownx.details", "toc"])
    for p in site_data.principles:
        assert f'<h2 id="{p.id}">' in html
        assert f'data-principle="{p.id}"' in html
    assert html.count("<details") == len(site_data.questions)
    assert html.count("<option") == len(site_data.principles) + 1  # "all" plus one per principle


def test_pages_the_macros_link_to_follow_data_guides_yml():
    moved = dataclasses.replace(
        tiny_site(),
        guides=(
            Guide(id=shape.PRINCIPLES_GUIDE, title="Principles", kind="section", blurb="b", page="lp/index.md"),
            Guide(id=shape.QUESTION_BANK_GUIDE, title="Question bank", kind="tool", blurb="b", page="tools/bank.md"),
            Guide(id=shape.DRILL_GUIDE, title="Drill", kind="tool", blurb="b", page="tools/timed.md"),
        ),
    )
    view = principle_view(moved, "beta", "lp/beta.md")
    assert (view.table, view.bank, view.drill) == ("index.md", "../tools/bank.md#beta", "../tools/timed.md")
    assert (view.previous.href, view.next.href) == ("alpha.md", "gamma.md")
    assert question_groups(moved, "tools/bank.md")[0].href == "../lp/alpha.md"
    with pytest.raises(AuthorError, match="unknown guide id 'drill'"):
        principle_view(dataclasses.replace(moved, guides=moved.guides[:2]), "beta", "lp/beta.md")


# --------------------------------------------------------------------------- drill and mock loop inputs


def test_drill_data_lists_principles_in_order_and_every_question_with_probes():
    data = drill_data(tiny_site())
    assert data["principles"] == [
        {"id": "alpha", "name": "Alpha"},
        {"id": "beta", "name": "Beta"},
        {"id": "gamma", "name": "Gamma"},
    ]
    assert len(data["questions"]) == 5
    assert data["questions"][0] == {
        "id": "gamma-1",
        "p": "gamma",
        "text": "Tell me about gamma",
        "probes": ["probe one", "probe two"],
    }
    assert data["scheduleKey"] == COACH_SCHEDULE_KEY  # the due-today queue reads the coach's schedule


def test_mock_loop_data_has_exactly_the_contract_shape_read_from_the_data():
    site = tiny_site()
    data = mock_loop_data(site)
    assert data == {
        # The levels keep the focuses this site has: it has no object-oriented design round.
        "levels": [
            {"id": "sde-1", "name": "SDE I", "focuses": ["coding", "coding"]},
            {"id": "sde-2", "name": "SDE II", "focuses": ["coding", "system-design"]},
            {"id": "sde-3", "name": "SDE III", "focuses": ["coding", "system-design", "system-design"]},
        ],
        "level": LOOP_DEFAULT_LEVEL,
        "interviews": {"min": 1, "max": 2},
        "minutes": 60,
        "principles_per_interview": {"min": 1, "max": 2},
        "focuses": [
            {"id": "coding", "name": "Coding", "summary": "coding summary"},
            {"id": "system-design", "name": "System-Design", "summary": "system-design summary"},
        ],
        "principles": [
            {"id": "alpha", "name": "Alpha"},
            {"id": "beta", "name": "Beta"},
            {"id": "gamma", "name": "Gamma"},
        ],
        "questions": [{"p": q.principle, "text": q.text} for q in site.questions],
    }


def test_real_mock_loop_data_follows_numbers_yml_and_fits_without_repeats(site_data: SiteData):
    data = mock_loop_data(site_data)
    loop, per = site_data.number(LOOP_INTERVIEWS), site_data.number(LOOP_PRINCIPLES_PER_INTERVIEW)
    assert data["interviews"] == {"min": loop.min, "max": loop.max}
    assert data["principles_per_interview"] == {"min": per.min, "max": per.max}
    assert data["minutes"] == site_data.number(LOOP_MINUTES).value
    assert [f["id"] for f in data["focuses"]] == [r.id for r in site_data.rounds]
    assert [p["id"] for p in data["principles"]] == [p.id for p in site_data.principles]
    assert {q["p"] for q in data["questions"]} == {p.id for p in site_data.principles}
    assert len(data["questions"]) == len(site_data.questions)
    # Every focus a level names is a technical focus of the real data; the default level has each once.
    assert [lv["focuses"] for lv in data["levels"]] == [list(f) for _, _, f in LOOP_LEVELS]
    default = next(lv for lv in data["levels"] if lv["id"] == data["level"])
    assert default["focuses"] == [r.id for r in site_data.rounds], "old links keep their loop"
    # The largest loop, asking the fewest principles each, needs no principle twice.
    assert data["interviews"]["max"] * data["principles_per_interview"]["min"] <= len(data["principles"])


def test_mock_loop_data_refuses_numbers_that_cannot_make_a_loop():
    site = tiny_site()
    too_many = dataclasses.replace(site, numbers=(number(LOOP_INTERVIEWS, 2, 4), *site.numbers[1:]))
    with pytest.raises(AuthorError, match="need more than the 3 principles"):
        mock_loop_data(too_many)
    ranged = dataclasses.replace(site, numbers=(site.numbers[0], number(LOOP_MINUTES, 45, 60), site.numbers[2]))
    with pytest.raises(AuthorError, match="must be one value"):
        mock_loop_data(ranged)
    with pytest.raises(AuthorError, match="at least one technical focus"):
        mock_loop_data(dataclasses.replace(site, rounds=()))


# --------------------------------------------------------------------------- company map


def company(cid: str, values: tuple[Value, ...]) -> Company:
    return Company(
        id=cid, name=cid.title(), guide=cid, framework="Values", framework_source=f"{cid}-source", values=values
    )


def test_companies_without_a_mapped_value_are_named_as_left_out_of_the_map():
    mapped = company("mapped", (Value(id="v", name="V", summary="s", principles=("alpha",)),))
    unmapped = company("unmapped", (Value(id="w", name="W", summary="s", principles=()),))
    site = tiny_site(companies=(mapped, unmapped))
    assert mapped_companies(site) == [mapped]
    assert unmapped_companies(site) == [unmapped]


def test_real_map_says_which_companies_it_leaves_out_and_why(site_data: SiteData):
    ctx = Context.from_project(ROOT, lambda: "practice/company-map.md")
    out = company_map(ctx)
    for c in unmapped_companies(site_data):
        assert f"{c.name} has no column" in out


def test_value_map_rows_put_each_value_under_its_principles_and_an_em_dash_elsewhere():
    acme = company(
        "acme",
        (
            Value(id="fast", name="Fast", summary="s", principles=("alpha",)),
            Value(id="kind", name="Kind", summary="s", principles=("alpha", "gamma")),
        ),
    )
    zeta = company("zeta", (Value(id="plain", name="Plain", summary="s", principles=()),))
    site = tiny_site(companies=(acme, zeta))
    assert mapped_companies(site) == [acme]
    rows = value_map_rows(site, "practice/company-map.md", [acme])
    assert [(r.principle.id, r.cells) for r in rows] == [
        ("alpha", (("Fast", "Kind"),)),
        ("beta", ((),)),
        ("gamma", (("Kind",),)),
    ]
    assert [map_cell_text(r.cells[0]) for r in rows] == ["Fast; Kind", "\u2014", "Kind"]
    assert unmapped_values([acme, zeta]) == [(zeta, (zeta.values[0],))]


def test_real_map_covers_google_meta_microsoft_and_every_principle(site_data: SiteData):
    companies = mapped_companies(site_data)
    assert [c.id for c in companies] == ["google", "meta", "microsoft"]
    rows = value_map_rows(site_data, "practice/company-map.md", companies)
    assert [r.principle.id for r in rows] == [p.id for p in site_data.principles]
    cells = [map_cell_text(names) for r in rows for names in r.cells]
    assert "" not in cells
    assert "\u2014" in cells  # conservative: some principles have no counterpart
    # Anchors of the mapping that every reader would expect.
    by_id = {r.principle.id: dict(zip([c.id for c in companies], r.cells, strict=True)) for r in rows}
    assert by_id["customer-obsession"]["microsoft"] == ("Customer obsessed",)
    assert by_id["bias-for-action"]["meta"] == ("Move Fast",)
    assert by_id["frugality"] == {"google": (), "meta": (), "microsoft": ()}


def test_company_map_markdown_shows_a_dash_for_every_empty_cell_and_cites_each_framework(site_data: SiteData):
    ctx = Context.from_project(ROOT, lambda: "practice/company-map.md")
    html = markdown.markdown(company_map(ctx), extensions=["tables", "attr_list", "md_in_html"])
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == len(site_data.principles)
    assert "<td></td>" not in body
    assert body.count("<td>\u2014</td>") > 0
    for c in mapped_companies(site_data):
        assert site_data.citation(c.framework_source)[0].url in html


# --------------------------------------------------------------------------- cheat sheet and tool list


def test_cheat_sheet_rows_use_each_principles_curated_prompt():
    rows = cheat_sheet_rows(tiny_site(), "practice/cheat-sheet.md")
    assert [(r.number, r.principle.id, r.prompt) for r in rows] == [
        (1, "alpha", "Short alph2"),  # alpha's prompt is alpha-3, not its shortest or first question
        (2, "beta", "Beta"),
        (3, "gamma", "Tell me about gamma"),
    ]


def test_real_cheat_sheet_shows_the_prompt_question_of_each_principle(site_data: SiteData):
    rows = cheat_sheet_rows(site_data, "practice/cheat-sheet.md")
    assert [r.principle.id for r in rows] == [p.id for p in site_data.principles]
    for r in rows:
        (chosen,) = [q for q in site_data.questions_for(r.principle.id) if q.id == r.principle.prompt]
        assert r.prompt == chosen.text


def test_tool_links_list_the_practice_tools_but_not_the_calling_page(site_data: SiteData):
    links = tool_links(site_data, "practice/index.md")
    hrefs = [str(link.href) for link in links]
    for page in ("star-planner.md", "question-bank.md", "drill.md", "mock-loop.md", "company-map.md", "cheat-sheet.md"):
        assert page in hrefs
    assert all(link.blurb for link in links)
    assert "drill.md" not in [str(link.href) for link in tool_links(site_data, "practice/drill.md")]
