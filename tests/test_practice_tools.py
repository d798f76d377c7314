"""The practice tools in Chromium, against the strictly built site.

Question bank filter, timed drill (on Playwright's fake clock), seeded mock
loop, instant navigation, printing the cheat sheet, console errors and axe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from macros.data import SiteData
from macros.mock_loop import LOOP_DEFAULT_LEVEL, mock_loop_data
from tests.support.axe import assert_no_axe_violations

TOOLS = ["question-bank", "drill", "mock-loop", "company-map", "cheat-sheet"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def principle_of(site_data: SiteData) -> dict[str, str]:
    """Question text -> principle id."""
    return {q.text: q.principle for q in site_data.questions}


@pytest.fixture(scope="module")
def names(site_data: SiteData) -> dict[str, str]:
    """Principle id -> name."""
    return {p.id: p.name for p in site_data.principles}


@pytest.fixture
def tool(page: Any, site_url: str) -> Iterator[Any]:
    """A page that fails the test on any console error or uncaught exception."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.base = f"{site_url}/practice/"
    yield page
    assert not errors, f"console errors: {errors}"


def open_tool(page: Any, name: str, query: str = "") -> None:
    page.goto(page.base + (f"{name}/" if name else "") + query)
    page.wait_for_function("() => typeof document$ !== 'undefined'")


def freeze(page: Any) -> None:
    """Stop the installed fake clock: from now on time moves only by run_for().

    A number passed to pause_at is Unix time in seconds in Playwright for Python.
    """
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 1)


def visible_groups(page: Any) -> list[str]:
    return page.eval_on_selector_all(".guide-qgroup:not([hidden])", "els => els.map(e => e.dataset.principle)")


# --------------------------------------------------------------------------- every tool page


@pytest.mark.parametrize("name", ["", *TOOLS])
def test_tool_page_loads_without_console_errors(tool, name):
    open_tool(tool, name)
    expect(tool.locator("h1")).to_have_count(1)
    tool.wait_for_timeout(300)  # let the tool scripts run


def test_practice_index_links_every_tool(tool):
    open_tool(tool, "")
    hrefs = tool.eval_on_selector_all("article a", "els => els.map(e => e.href)")
    for name in [*TOOLS, "star-planner"]:
        assert tool.base + f"{name}/" in hrefs


# --------------------------------------------------------------------------- question bank


def test_question_bank_has_every_question_under_its_principle_anchor(tool, site_data):
    open_tool(tool, "question-bank")
    for p in site_data.principles:
        heading = tool.locator(f"h2#{p.id}")
        expect(heading).to_have_text(re.compile(re.escape(p.name)))
        group = tool.locator(f'.guide-qgroup[data-principle="{p.id}"]')
        expect(group.locator("details")).to_have_count(len(site_data.questions_for(p.id)))
        expect(group.locator(f'a[href$="leadership-principles/{p.id}/"]')).to_have_count(1)


def test_question_bank_filter_hides_the_other_principles(tool, site_data):
    open_tool(tool, "question-bank")
    select = tool.get_by_label("Show questions for")
    expect(select).to_be_visible()
    assert len(visible_groups(tool)) == len(site_data.principles)
    select.select_option("dive-deep")
    assert visible_groups(tool) == ["dive-deep"]
    expect(tool.locator("h2#ownership")).to_be_hidden()
    expect(tool.locator("#guide-bank-status")).to_contain_text(
        f"{len(site_data.questions_for('dive-deep'))} questions on Dive Deep"
    )
    assert_no_axe_violations(tool, context="question bank filtered to one principle")
    select.select_option("")
    assert len(visible_groups(tool)) == len(site_data.principles)


def test_question_bank_link_to_a_hidden_group_shows_everything_again(tool, site_data):
    open_tool(tool, "question-bank")
    tool.get_by_label("Show questions for").select_option("ownership")
    tool.evaluate("() => { location.hash = 'frugality'; }")
    expect(tool.locator("h2#frugality")).to_be_visible()
    assert len(visible_groups(tool)) == len(site_data.principles)


def test_question_bank_without_javascript_shows_everything(browser, site_url, site_data):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/practice/question-bank/")
        expect(page.locator(".guide-qgroup:visible")).to_have_count(len(site_data.principles))
        expect(page.locator("#guide-bank-filter")).to_be_hidden()
        expect(page.locator("details")).to_have_count(len(site_data.questions))
    finally:
        context.close()


# --------------------------------------------------------------------------- timed drill


def test_drill_counts_down_announces_and_stops_at_zero(tool, principle_of):
    tool.clock.install()
    open_tool(tool, "drill")
    freeze(tool)
    clock, status, card = (
        tool.locator("#guide-drill-clock"),
        tool.locator("#guide-drill-status"),
        tool.locator("#guide-drill-card"),
    )
    expect(clock).to_have_text("3:00")
    assert principle_of[tool.locator("#guide-drill-question").inner_text()] == card.get_attribute("data-principle")
    expect(status).to_have_attribute("aria-live", "polite")
    # Keyboard only: focus the Start button and press Space.
    start = tool.get_by_role("button", name="Start")
    start.focus()
    tool.keyboard.press("Space")
    expect(tool.get_by_role("button", name="Pause")).to_be_visible()
    tool.clock.run_for(10_000)
    expect(clock).to_have_text("2:50")
    tool.clock.run_for(51_000)  # 1:59 left: the 2-minute mark was announced, not every second
    expect(status).to_have_text("2 minutes left.")
    tool.clock.run_for(89_000)  # 0:30 left
    expect(clock).to_have_text("0:30")
    expect(status).to_contain_text("30 seconds left")
    expect(card).to_have_class(re.compile(r"\bis-warning\b"))
    tool.clock.resume()  # axe waits on timers of its own
    assert_no_axe_violations(tool, context="drill at the 30-second cue")
    freeze(tool)
    tool.clock.run_for(30_000)
    expect(clock).to_have_text("0:00")
    expect(status).to_contain_text("Time's up")
    expect(card).to_have_class(re.compile(r"\bis-up\b"))
    tool.clock.run_for(5_000)
    expect(clock).to_have_text("0:00")  # stays at zero
    tool.emulate_media(color_scheme="dark")
    tool.clock.resume()
    assert_no_axe_violations(tool, context="drill at time's up, dark palette")


def test_drill_pause_next_skip_and_length_are_keyboard_operable(tool):
    tool.clock.install()
    open_tool(tool, "drill")
    freeze(tool)
    clock = tool.locator("#guide-drill-clock")
    minutes = tool.get_by_label("Time per answer")
    minutes.focus()
    minutes.select_option("1")
    expect(clock).to_have_text("1:00")
    tool.get_by_role("button", name="Start").press("Enter")
    tool.clock.run_for(20_000)
    tool.get_by_role("button", name="Pause").press("Enter")
    expect(tool.locator("#guide-drill-status")).to_contain_text("Paused with 0:40 left")
    tool.clock.run_for(20_000)
    expect(clock).to_have_text("0:40")
    first = tool.locator("#guide-drill-question").inner_text()
    tool.get_by_role("button", name="Next question").press("Enter")
    expect(tool.locator("#guide-drill-question")).not_to_have_text(first)
    expect(clock).to_have_text("1:00")
    tool.clock.run_for(1_000)
    expect(clock).to_have_text("0:59")  # the next question starts the clock
    tool.get_by_role("button", name="Skip").press("Enter")
    expect(tool.locator("#guide-drill-tally")).to_have_text("Answered 1, skipped 1.")


def test_drill_draws_only_from_the_chosen_principles(tool, principle_of, names, site_data):
    open_tool(tool, "drill")
    tool.locator(".guide-drill__choose summary").click()
    chosen = {"frugality", "dive-deep"}
    for pid in chosen:
        tool.get_by_label(names[pid], exact=True).check()
    expect(tool.locator("#guide-drill-pool")).to_have_text(f"(2 of {len(site_data.principles)} ticked)")
    drawn = [tool.locator("#guide-drill-card").get_attribute("data-principle")]
    skip = tool.get_by_role("button", name="Skip")
    for _ in range(20):
        skip.click()
        question = tool.locator("#guide-drill-question").inner_text()
        principle = tool.locator("#guide-drill-card").get_attribute("data-principle")
        assert principle_of[question] == principle
        expect(tool.locator("#guide-drill-principle")).to_have_text(names[principle])
        drawn.append(principle)
    assert set(drawn) <= chosen
    assert set(drawn[1:]) == chosen  # 20 draws from two principles reach both
    # The choices in view: axe counts a target scrolled under Material's fixed header as covered by it.
    tool.locator(".guide-drill__choose fieldset").evaluate("(e) => e.scrollIntoView({ block: 'center' })")
    assert_no_axe_violations(tool, context="drill with two principles chosen")


# --------------------------------------------------------------------------- mock loop


def read_loop(page: Any) -> list[dict[str, Any]]:
    return page.eval_on_selector_all(
        "#guide-loop-list > li",
        """cards => cards.map(c => ({
            focus: c.dataset.focus,
            bar_raiser: c.hasAttribute('data-bar-raiser'),
            title: c.querySelector('h3').textContent,
            meta: c.querySelector('.guide-loop__meta').textContent,
            principles: [...c.querySelectorAll('[data-principle]')].map(li => li.dataset.principle),
            questions: [...c.querySelectorAll('.guide-loop__q')].map(q => q.textContent),
        }))""",
    )


def check_loop(loop: list[dict[str, Any]], site_data: SiteData) -> None:
    """The mock loop the page shows keeps to mock_loop_data's numbers and rules."""
    data = mock_loop_data(site_data)
    principle_of = {q.text: q.principle for q in site_data.questions}
    assert data["interviews"]["min"] <= len(loop) <= data["interviews"]["max"]
    assert [iv["bar_raiser"] for iv in loop].count(True) == 1
    focuses = [iv["focus"] for iv in loop]
    known = [f["id"] for f in data["focuses"]]
    assert set(focuses) <= set(known)
    if len(loop) >= len(known):
        assert set(focuses) == set(known), f"a focus is missing: {focuses}"
    used = [p for iv in loop for p in iv["principles"]]
    assert len(used) == len(set(used)), f"a principle is used twice: {used}"
    per = data["principles_per_interview"]
    for iv in loop:
        assert per["min"] <= len(iv["principles"]) <= per["max"]
        assert iv["meta"].startswith(f"{data['minutes']} minutes")
        for pid, q in zip(iv["principles"], iv["questions"], strict=True):
            assert principle_of[q.removeprefix("Sample question: ").removesuffix(".")] == pid


def test_same_seed_gives_the_same_loop_across_loads(tool, site_data):
    open_tool(tool, "mock-loop", "?seed=abc123")
    first = read_loop(tool)
    check_loop(first, site_data)
    assert_no_axe_violations(tool, context="mock loop, light palette")
    tool.reload()
    tool.wait_for_function("() => typeof document$ !== 'undefined'")
    assert read_loop(tool) == first
    open_tool(tool, "mock-loop", "?seed=abc123")
    assert read_loop(tool) == first
    expect(tool.locator("#guide-loop-summary")).to_contain_text("abc123")
    open_tool(tool, "mock-loop", "?seed=other-seed")
    assert read_loop(tool) != first


@pytest.mark.parametrize("seed", [f"s{i}" for i in range(12)])
def test_every_loop_has_one_bar_raiser_and_no_repeated_principle(tool, seed, site_data):
    open_tool(tool, "mock-loop", f"?seed={seed}")
    check_loop(read_loop(tool), site_data)


def test_new_loop_sets_a_fresh_seed_without_a_history_entry_and_copy_link_copies_it(tool, site_data):
    tool.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_tool(tool, "mock-loop")
    expect(tool).to_have_url(re.compile(r"\?seed=[a-z0-9]+$"))
    before, length = tool.url, tool.evaluate("history.length")
    loop = read_loop(tool)
    tool.get_by_role("button", name="New loop").click()
    expect(tool).not_to_have_url(before)
    assert tool.evaluate("history.length") == length
    assert read_loop(tool) != loop
    check_loop(read_loop(tool), site_data)
    expect(tool.get_by_label("Link to this loop")).to_have_value(tool.url)
    tool.get_by_role("button", name="Copy link").press("Enter")
    expect(tool.locator("#guide-loop-status")).to_have_text("Link copied.")
    assert tool.evaluate("navigator.clipboard.readText()") == tool.url
    # Reloading the copied link rebuilds the same loop.
    shown = read_loop(tool)
    tool.goto(tool.url)
    tool.wait_for_function("() => typeof document$ !== 'undefined'")
    assert read_loop(tool) == shown
    tool.emulate_media(color_scheme="dark")
    assert_no_axe_violations(tool, context="mock loop after New loop, dark palette")


def test_mock_loop_level_sets_the_technical_questions_and_rides_in_the_link(tool, site_data):
    levels = {lv["id"]: lv for lv in mock_loop_data(site_data)["levels"]}
    open_tool(tool, "mock-loop", "?seed=levels")
    default = read_loop(tool)
    expect(tool.get_by_label("Level you are interviewing for")).to_have_value(LOOP_DEFAULT_LEVEL)
    for level, lv in levels.items():
        tool.get_by_label("Level you are interviewing for").select_option(level)
        expect(tool.locator("#guide-loop-summary")).to_contain_text(f"for {lv['name']},")
        if level == LOOP_DEFAULT_LEVEL:
            expect(tool).not_to_have_url(re.compile("level="))
            assert read_loop(tool) == default, "the default level keeps the seed's loop"
        else:
            expect(tool).to_have_url(re.compile(rf"[?&]level={level}(&|$)"))
        loop = read_loop(tool)
        focuses = [iv["focus"] for iv in loop]
        assert set(focuses) <= set(lv["focuses"]), f"{level}: {focuses}"
        for f in set(lv["focuses"]):
            if len(loop) >= len(lv["focuses"]):
                assert focuses.count(f) >= lv["focuses"].count(f), (
                    f"{level}: {f} comes as often as its level says: {focuses}"
                )
        # Each interview hands the candidate an actual question of its focus.
        tasks = tool.locator("#guide-loop-list > li .guide-loop__task a")
        expect(tasks).to_have_count(len(loop))
        shown = loop
        tool.goto(tool.url)
        tool.wait_for_function("() => typeof document$ !== 'undefined'")
        assert read_loop(tool) == shown, f"{level}: the link rebuilds the same loop"
        expect(tool.get_by_label("Level you are interviewing for")).to_have_value(level)
    assert_no_axe_violations(tool, context="mock loop with a level chosen")


def test_mock_loop_debrief_checklist_has_one_box_per_principle(tool):
    open_tool(tool, "mock-loop", "?seed=debrief")
    used = sum(len(iv["principles"]) for iv in read_loop(tool))
    expect(tool.locator("#guide-loop-checks input[type=checkbox]")).to_have_count(used)
    tool.get_by_label(re.compile(r", interviewer 1$")).first.check()


# --------------------------------------------------------------------------- instant navigation


def follow_sidebar(page: Any, title: str) -> None:
    """Follow the left navigation to a page, and check that Material swapped it in (no reload)."""
    page.evaluate("() => { window.__notReloaded = true; }")
    page.locator(".md-sidebar--primary").get_by_role("link", name=title, exact=True).click()
    page.wait_for_function(
        "(t) => document.querySelector('h1') && document.querySelector('h1').textContent.includes(t)", arg=title
    )
    assert page.evaluate("() => window.__notReloaded === true"), "the page was reloaded, not instantly navigated"


def click_nav(page: Any, title: str) -> None:
    page.clock.resume()
    follow_sidebar(page, title)
    freeze(page)


def test_tools_work_after_instant_navigation(tool, site_data):
    tool.clock.install()
    open_tool(tool, "")
    click_nav(tool, "Question Bank")
    tool.get_by_label("Show questions for").select_option("think-big")
    assert visible_groups(tool) == ["think-big"]

    click_nav(tool, "Timed Drill")
    expect(tool.locator("#guide-drill-question")).not_to_be_empty()
    tool.get_by_role("button", name="Start").click()
    tool.clock.run_for(150_000)
    expect(tool.locator("#guide-drill-clock")).to_have_text("0:30")
    expect(tool.locator("#guide-drill-status")).to_contain_text("30 seconds left")

    click_nav(tool, "Mock Loop Generator")
    expect(tool).to_have_url(re.compile(r"\?seed="))
    check_loop(read_loop(tool), site_data)

    # Away and back again: one clean drill, no leftover timer from the first visit.
    click_nav(tool, "Timed Drill")
    expect(tool.locator("#guide-drill-clock")).to_have_text("3:00")
    tool.clock.run_for(5_000)
    expect(tool.locator("#guide-drill-clock")).to_have_text("3:00")
    tool.get_by_role("button", name="Start").click()
    tool.clock.run_for(60_000)
    expect(tool.locator("#guide-drill-clock")).to_have_text("2:00")

    click_nav(tool, "Principles Cheat Sheet")
    expect(tool.get_by_role("button", name="Print this page")).to_be_enabled()


# --------------------------------------------------------------------------- company map and cheat sheet


def test_company_map_rows_and_dashes(tool, site_data):
    open_tool(tool, "company-map")
    rows = tool.locator("article table tbody tr")
    expect(rows).to_have_count(len(site_data.principles))
    cells = tool.eval_on_selector_all("article table tbody td", "tds => tds.map(td => td.textContent.trim())")
    assert "" not in cells and "\u2014" in cells
    assert_no_axe_violations(tool, context="company map")


def count_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cheat_sheet_prints_on_exactly_one_page(tool, paper, site_data):
    open_tool(tool, "cheat-sheet")
    expect(tool.locator(".guide-cheat li")).to_have_count(len(site_data.principles))
    pdf = tool.pdf(format=paper)
    assert count_pages(pdf) == 1
    tool.emulate_media(media="print")
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-footer",
        ".md-search",
        "#guide-print",
    ):
        expect(tool.locator(hidden).first).to_be_hidden()
    assert_no_axe_violations(tool, context=f"cheat sheet, print media ({paper})")


def test_cheat_sheet_print_button_shows_only_where_it_works(tool, browser, site_url, site_data):
    open_tool(tool, "cheat-sheet")
    expect(tool.get_by_role("button", name="Print this page")).to_be_enabled()
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/practice/cheat-sheet/")
        expect(page.locator(".guide-cheat li")).to_have_count(len(site_data.principles))
        expect(page.get_by_role("button", name="Print this page")).to_be_hidden()
    finally:
        context.close()


def test_page_counter_counts_pages_not_page_trees():
    two = b"<< /Type /Pages /Kids [3 0 R 4 0 R] >> << /Type /Page >> << /Type/Page /Parent 2 0 R >>"
    assert count_pages(two) == 2


# --------------------------------------------------------------------------- the URL after instant navigation
# Material's instant navigation changes the address with history.pushState and
# fires no hashchange; a tool that reads the URL must follow it all the same.


def test_question_bank_table_of_contents_shows_a_hidden_group_after_instant_navigation(tool, site_data):
    open_tool(tool, "drill")
    follow_sidebar(tool, "Question Bank")
    tool.get_by_label("Show questions for").select_option("frugality")
    assert visible_groups(tool) == ["frugality"]
    tool.locator(".md-sidebar--secondary").get_by_role("link", name="Dive Deep", exact=True).click()
    expect(tool).to_have_url(re.compile(r"#dive-deep$"))
    expect(tool.locator("h2#dive-deep")).to_be_in_viewport()
    assert len(visible_groups(tool)) == len(site_data.principles)
    expect(tool.get_by_label("Show questions for")).to_have_value("")
    expect(tool.locator("#guide-bank-status")).to_contain_text(f"all {len(site_data.questions)} questions")


def test_mock_loop_follows_its_seed_through_back_and_forward(tool):
    open_tool(tool, "drill")
    follow_sidebar(tool, "Mock Loop Generator")
    tool.get_by_role("button", name="New loop").click()
    seed = re.search(r"\?seed=([a-z0-9]+)$", tool.url).group(1)
    shown = read_loop(tool)
    follow_sidebar(tool, "Principles Cheat Sheet")
    tool.go_back()
    expect(tool).to_have_url(re.compile(rf"\?seed={seed}$"))
    expect(tool.locator("#guide-loop-summary")).to_contain_text(f"from seed {seed}.")
    assert read_loop(tool) == shown


def test_mock_loop_follows_back_to_an_earlier_seed_on_the_same_page(tool):
    """Back between two addresses of the same page: Material changes the address and swaps nothing in."""
    open_tool(tool, "drill")
    follow_sidebar(tool, "Mock Loop Generator")
    expect(tool).to_have_url(re.compile(r"\?seed=[a-z0-9]+$"))  # the tool writes its seed once it has started
    first_seed = re.search(r"\?seed=([a-z0-9]+)$", tool.url).group(1)
    first = read_loop(tool)
    # A link to a section of the page (here one added to it): a new history entry.
    tool.evaluate("""() => {
        const a = Object.assign(document.createElement('a'), { href: '#debrief-checklist', textContent: 'To the checklist' });
        document.querySelector('article').prepend(a);
    }""")
    tool.get_by_role("link", name="To the checklist").click()
    expect(tool).to_have_url(re.compile(r"#debrief-checklist$"))
    tool.get_by_role("button", name="New loop").click()
    assert read_loop(tool) != first
    tool.go_back()
    expect(tool).to_have_url(re.compile(rf"\?seed={first_seed}$"))
    expect(tool.locator("#guide-loop-summary")).to_contain_text(f"from seed {first_seed}.")
    assert read_loop(tool) == first
    expect(tool.get_by_label("Link to this loop")).to_have_value(tool.url)


def test_mock_loop_reached_by_a_link_with_a_seed_builds_that_loop(tool, site_data):
    open_tool(tool, "drill")
    tool.evaluate("""() => {
        const a = Object.assign(document.createElement('a'), { href: '../mock-loop/?seed=linked', textContent: 'A linked loop' });
        document.querySelector('article').prepend(a);
        window.__notReloaded = true;
    }""")
    tool.get_by_role("link", name="A linked loop").click()
    expect(tool.locator("#guide-loop-summary")).to_contain_text("from seed linked.")
    assert tool.evaluate("() => window.__notReloaded === true"), "the page was reloaded, not instantly navigated"
    expect(tool).to_have_url(re.compile(r"\?seed=linked$"))
    check_loop(read_loop(tool), site_data)
