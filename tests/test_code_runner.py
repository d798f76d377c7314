"""The code runner on the worked coding problems: what the build gives it (no browser), and the
runner itself in Chromium, as a hurried candidate uses it: right and wrong code, an endless loop,
a syntax error, Stop mid-run, a reload, the backup and delete-all, the keyboard, both palettes,
the offline edition.
"""

from __future__ import annotations

import functools
import json
import re
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from coding import harness
from macros import runner
from macros.coding import Coding, load_coding
from macros.data import SiteData, load_site
from macros.storage import COACH_SCHEDULE_KEY
from tests.support import ROOT
from tests.support.axe import assert_no_axe_violations
from tests.support.data import require_data

PROBLEMS = sorted(p.stem for p in (ROOT / "data" / "coding" / "problems").glob("*.yml"))
LIMIT = 10  # seconds: checked against data/numbers.yml below
# Whether the keyboard focus is in the editor's text (it lives in a shadow root: code-editor.js).
IN_EDITOR = "() => { const a = document.activeElement; const inner = a && a.shadowRoot ? a.shadowRoot.activeElement : a; return !!inner && inner.classList.contains('cm-content'); }"


@functools.cache
def worked() -> Coding:
    require_data()
    site = load_site(ROOT / "data")
    return load_coding(ROOT / "data", site, ROOT)


def runner_for(pid: str) -> dict[str, Any]:
    return runner.runner_data(worked(), pid, ROOT, seconds=60, limit_seconds=LIMIT)


def run_all(code: str, context: dict[str, Any]) -> list[dict[str, Any]]:
    prepared = json.loads(harness.prepare(code, json.dumps(context)))
    assert prepared["ok"], prepared
    return [json.loads(harness.run_case(i)) for i in range(len(context["cases"]))]


# --------------------------------------------------------------------------- no browser


def test_the_time_limit_the_tests_use_is_the_one_in_the_data(site_data: SiteData):
    assert site_data.number(runner.TIME_LIMIT).max == LIMIT


@pytest.mark.parametrize("pid", PROBLEMS)
def test_the_shown_solution_passes_every_case_the_runner_gives(pid: str):
    data = runner_for(pid)
    results = run_all(worked().solutions[pid].code, data["context"])
    failed = [r for r in results if not r["pass"]]
    assert not failed, f"{pid}: the page's solution fails {failed[:2]}"
    examples = [c for c in data["context"]["cases"] if c["example"]]
    assert len(examples) == data["visible"] == len(worked().problem(pid).examples), (
        "the examples come first, shown while working"
    )
    assert len(data["context"]["cases"]) > data["visible"], "further cases are drawn beyond the examples"


@pytest.mark.parametrize("pid", PROBLEMS)
def test_the_editor_starts_from_a_signature_that_runs_and_does_not_pass(pid: str):
    data = runner_for(pid)
    stub = data["stub"]
    assert "pass" in stub and "return" not in stub, stub
    results = run_all(stub, data["context"])
    assert not all(r["pass"] for r in results), f"{pid}: the empty signature passes every case"


def test_drawn_cases_are_the_same_on_every_build():
    pid = PROBLEMS[0]
    assert runner_for(pid)["context"]["cases"] == runner_for(pid)["context"]["cases"]


# --------------------------------------------------------------------------- Chromium


@functools.cache
def _first_problem() -> str:
    return worked().problems[0].id


def problem_url(site_url: str, pid: str) -> str:
    return f"{site_url}/amazon/coding/problems/{pid}/"


def open_editor(page: Any, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Open the editor").click()
    expect(page.locator(".guide-runner .cm-content")).to_be_visible()


def set_code(page: Any, code: str) -> None:
    content = page.locator(".guide-runner .cm-content")
    content.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def status(page: Any) -> Any:
    return page.locator("[data-runner=status]")


@pytest.fixture
def requests(page: Any, site_url: str) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    return seen


def test_nothing_of_the_editor_or_python_loads_before_first_use(page, site_url, requests):
    page.goto(problem_url(site_url, _first_problem()))
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "codemirror" in u or "pyodide" in u or "code-runner" in u]
    page.get_by_role("button", name="Open the editor").click()
    expect(page.locator(".guide-runner .cm-content")).to_be_visible()
    assert not [u for u in requests if "pyodide" in u], "Python waits for the first Run"


def test_a_correct_solution_passes_every_case_and_no_request_leaves_the_origin(page, site_url, requests):
    pid = _first_problem()
    open_editor(page, problem_url(site_url, pid))
    set_code(page, worked().solutions[pid].code + "\n")
    page.get_by_role("button", name="Run the tests").click()
    expect(status(page)).to_contain_text("cases passed", timeout=90_000)
    expect(status(page)).to_have_text(re.compile(r"^All \d+ cases passed\.$"))
    rows = page.locator("[data-runner=results] tbody tr")
    assert rows.count() == len(runner_for(pid)["context"]["cases"]), "after a pass every case is shown"
    stored = json.loads(page.evaluate(f"localStorage.getItem({runner.STORAGE_KEY!r})"))
    assert stored["problems"][pid]["solved"], "a solved problem is marked on this device"
    assert [u for u in requests if not u.startswith(site_url)] == []


def test_a_wrong_solution_shows_its_failing_case_with_expected_and_got(page, site_url):
    pid = "count-subarrays-with-sum"
    open_editor(page, problem_url(site_url, pid))
    set_code(page, "def count_subarrays_with_sum(nums: list[int], target: int) -> int:\n    return 0\n")
    page.get_by_role("button", name="Run the tests").click()
    expect(status(page)).to_contain_text("failed", timeout=90_000)
    first_example = worked().problem(pid).examples[0]
    row = page.locator("[data-runner=results] tbody tr").first
    cells = row.locator("td")
    assert cells.nth(1).inner_text() == str(first_example.expected)
    assert cells.nth(2).inner_text() == "0"
    assert "Failed" in cells.nth(3).inner_text()


def test_an_endless_loop_is_stopped_within_the_limit_and_the_page_stays_responsive(page, site_url):
    pid = "count-subarrays-with-sum"
    open_editor(page, problem_url(site_url, pid))
    # A first run loads Python, so the second one times only the loop.
    set_code(page, "def count_subarrays_with_sum(nums, target):\n    return 0\n")
    page.get_by_role("button", name="Run the tests").click()
    expect(status(page)).to_contain_text("cases passed", timeout=90_000)
    set_code(page, "def count_subarrays_with_sum(nums, target):\n    while True:\n        pass\n")
    started = time.monotonic()
    page.get_by_role("button", name="Run the tests").click()
    page.wait_for_timeout(1000)
    assert page.evaluate("1 + 1") == 2, "the page answers while the loop runs"
    page.get_by_role("button", name="Restart the clock").click()
    expect(status(page)).to_contain_text(f"Stopped after {LIMIT} seconds", timeout=(LIMIT + 10) * 1000)
    assert time.monotonic() - started < LIMIT + 8
    expect(page.get_by_role("button", name="Run the tests")).to_be_enabled()
    set_code(page, worked().solutions[pid].code + "\n")
    page.get_by_role("button", name="Run the tests").click()
    expect(status(page)).to_have_text(re.compile(r"^All \d+ cases passed\.$"), timeout=90_000)


def test_stop_in_the_middle_of_a_run_ends_it_and_the_next_run_works(page, site_url):
    pid = "count-subarrays-with-sum"
    open_editor(page, problem_url(site_url, pid))
    set_code(page, "import time\ndef count_subarrays_with_sum(nums, target):\n    time.sleep(60)\n")
    page.get_by_role("button", name="Run the tests").click()
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_be_enabled()
    page.wait_for_timeout(500)
    stop.click()
    expect(status(page)).to_contain_text("Stopped.")
    set_code(page, worked().solutions[pid].code + "\n")
    page.get_by_role("button", name="Run the tests").click()
    expect(status(page)).to_have_text(re.compile(r"^All \d+ cases passed\.$"), timeout=90_000)


def test_a_syntax_error_shows_its_line(page, site_url):
    pid = "count-subarrays-with-sum"
    open_editor(page, problem_url(site_url, pid))
    set_code(
        page, "def count_subarrays_with_sum(nums, target):\n    total = 0\n    for n in nums\n        total += n\n"
    )
    page.get_by_role("button", name="Run the tests").click()
    expect(status(page)).to_contain_text("SyntaxError", timeout=90_000)
    expect(status(page)).to_contain_text("(line 3)")


def test_code_survives_a_reload(page, site_url):
    pid = "count-subarrays-with-sum"
    url = problem_url(site_url, pid)
    open_editor(page, url)
    set_code(page, "def count_subarrays_with_sum(nums, target):\n    return 42  # kept\n")
    expect(page.locator("[data-runner=saved]")).to_have_text("Saved on this device.")
    page.reload()
    page.get_by_role("button", name="Open the editor").click()
    expect(page.locator(".guide-runner .cm-content")).to_contain_text("return 42  # kept")


def test_a_full_storage_keeps_the_code_in_the_editor_and_says_so(page, site_url):
    pid = "count-subarrays-with-sum"
    open_editor(page, problem_url(site_url, pid))
    page.evaluate(
        "() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }"
    )
    set_code(page, "def count_subarrays_with_sum(nums, target):\n    return 7\n")
    expect(page.locator("[data-runner=saved]")).to_contain_text("Not saved")
    expect(page.locator(".guide-runner .cm-content")).to_contain_text("return 7")


def test_escape_then_tab_leaves_the_editor_and_tab_alone_indents(page, site_url):
    open_editor(page, problem_url(site_url, _first_problem()))
    set_code(page, "x = 1")
    page.keyboard.press("Home")
    page.keyboard.press("Tab")
    expect(page.locator(".guide-runner .cm-content")).to_contain_text("    x = 1")
    assert page.evaluate(IN_EDITOR), "Tab indents inside the editor"
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not page.evaluate(IN_EDITOR), "Escape then Tab moves on"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_passes_with_the_editor_open_and_results_shown(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        pid = "count-subarrays-with-sum"
        open_editor(page, problem_url(site_url, pid))
        set_code(page, "def count_subarrays_with_sum(nums, target):\n    return 0\n")
        page.get_by_role("button", name="Run the tests").click()
        expect(status(page)).to_contain_text("failed", timeout=90_000)
        assert_no_axe_violations(page, f"the code runner, {scheme}", include=[".guide-runner"])
    finally:
        context.close()


def test_the_offline_edition_says_running_code_needs_the_hosted_site(browser, offline_site):
    page = browser.new_page()
    try:
        pid = "count-subarrays-with-sum"
        page.goto((offline_site / "amazon" / "coding" / "problems" / f"{pid}.html").as_uri())
        page.get_by_role("button", name="Open the editor").click()
        expect(page.locator(".guide-runner .cm-content")).to_be_visible()
        page.get_by_role("button", name="Run the tests").click()
        expect(status(page)).to_contain_text("needs the hosted guide")
        assert not (offline_site / "javascripts" / "vendor" / "pyodide").exists(), "the runtime stays out of the zip"
    finally:
        page.close()


def test_code_round_trips_through_the_one_backup_and_delete_all_removes_it(page, site_url, tmp_path):
    pid = "count-subarrays-with-sum"
    mine = "def count_subarrays_with_sum(nums, target):\n    return 99  # my attempt\n"
    open_editor(page, problem_url(site_url, pid))
    set_code(page, mine)
    expect(page.locator("[data-runner=saved]")).to_have_text("Saved on this device.")
    page.on("dialog", lambda d: d.accept())
    page.goto(site_url + "/practice/readiness/")
    page.locator("#guide-readiness-export").wait_for()
    expect(page.locator(".guide-readiness .guide-tool__ui")).to_be_enabled()
    with page.expect_download() as info:
        page.get_by_role("button", name="Export backup").click()
    backup = tmp_path / "backup.json"
    info.value.save_as(backup)
    assert json.loads(backup.read_text())["code"]["problems"][pid]["code"] == mine
    page.get_by_role("button", name="Delete all my data on this device").click()
    expect(page.locator("#guide-readiness-delete-msgs [role=status]")).to_contain_text("Everything is deleted")
    assert page.evaluate(f"localStorage.getItem({runner.STORAGE_KEY!r})") is None, "delete-all removes the code"
    page.locator("#guide-readiness-import").set_input_files(str(backup))
    # "Backup imported", not only "code for 1 coding problem": the export's message says that too,
    # and matching it let the test leave the page before the import had written anything.
    expect(page.locator("#guide-readiness-file-msgs [role=status]")).to_contain_text("Backup imported")
    expect(page.locator("#guide-readiness-file-msgs [role=status]")).to_contain_text("code for 1 coding problem")
    open_editor(page, problem_url(site_url, pid))
    expect(page.locator(".guide-runner .cm-content")).to_contain_text("return 99  # my attempt")


def test_two_tabs_never_save_over_each_other_without_a_choice(browser, site_url):
    pid = "count-subarrays-with-sum"
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        a, b = context.new_page(), context.new_page()
        open_editor(a, problem_url(site_url, pid))
        set_code(a, "def count_subarrays_with_sum(nums, target):\n    return 1  # tab A\n")
        expect(a.locator("[data-runner=saved]")).to_have_text("Saved on this device.")
        open_editor(b, problem_url(site_url, pid))
        expect(b.locator(".guide-runner .cm-content")).to_contain_text("tab A")
        set_code(b, "def count_subarrays_with_sum(nums, target):\n    return 2  # tab B, careful work\n")
        expect(b.locator("[data-runner=saved]")).to_have_text("Saved on this device.")
        # Tab A typed nothing since: it takes B's code instead of keeping a stale copy.
        expect(a.locator(".guide-runner .cm-content")).to_contain_text("tab B, careful work")
        # Now both edit at once: A types, and before A's save B's code lands. A's save would
        # replace B's work, so A asks instead.
        set_code(a, "def count_subarrays_with_sum(nums, target):\n    return 4  # tab A again\n")
        b.evaluate(
            """([key, pid]) => {
              const d = JSON.parse(localStorage.getItem(key));
              d.problems[pid] = { code: "def count_subarrays_with_sum(nums, target):\\n    return 3  # tab B again\\n", saved: new Date().toISOString(), solved: null };
              localStorage.setItem(key, JSON.stringify(d));
            }""",
            [runner.STORAGE_KEY, pid],
        )
        expect(a.locator("[data-runner=saved]")).to_contain_text("Choose which to keep")
        a.wait_for_timeout(1000)  # A's own save comes and goes: it must not write over B's code
        stored = json.loads(a.evaluate(f"localStorage.getItem({runner.STORAGE_KEY!r})"))
        assert "tab B again" in stored["problems"][pid]["code"], "nothing saved over the other tab's code"
        a.get_by_role("button", name="Keep this tab's code").click()
        expect(a.locator("[data-runner=saved]")).to_have_text("Saved on this device.")
        stored = json.loads(a.evaluate(f"localStorage.getItem({runner.STORAGE_KEY!r})"))
        assert "tab A again" in stored["problems"][pid]["code"]
    finally:
        context.close()


def test_code_stored_by_another_version_of_the_guide_is_never_overwritten(page, site_url):
    pid = "count-subarrays-with-sum"
    page.goto(problem_url(site_url, pid))
    newer = json.dumps({"version": runner.STORAGE_VERSION + 1, "problems": {pid: {"code": "keep me"}}})
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [runner.STORAGE_KEY, newer])
    open_editor(page, problem_url(site_url, pid))
    set_code(page, "def count_subarrays_with_sum(nums, target):\n    return 0\n")
    expect(page.locator("[data-runner=saved]")).to_contain_text("another version of the guide")
    assert page.evaluate(f"localStorage.getItem({runner.STORAGE_KEY!r})") == newer


def test_a_result_python_cannot_hand_back_is_reported_at_once_not_at_the_time_limit(page, site_url):
    pid = "count-subarrays-with-sum"
    open_editor(page, problem_url(site_url, pid))
    set_code(page, "def count_subarrays_with_sum(nums, target):\n    return float('inf')\n")
    page.get_by_role("button", name="Run the tests").click()
    expect(status(page)).to_contain_text("cases passed", timeout=90_000)
    expect(page.locator("[data-runner=results] tbody tr").first).to_contain_text("cannot compare")
    assert "Stopped after" not in status(page).inner_text()


def test_the_candidates_code_has_no_network(page, site_url):
    pid = "count-subarrays-with-sum"
    asked: list[str] = []
    page.context.on("request", lambda r: asked.append(r.url))
    open_editor(page, problem_url(site_url, pid))
    set_code(
        page,
        "import js\ndef count_subarrays_with_sum(nums, target):\n    js.fetch('http://example.org/leak')\n    return 0\n",
    )
    page.get_by_role("button", name="Run the tests").click()
    expect(status(page)).to_contain_text("cases passed", timeout=90_000)
    expect(page.locator("[data-runner=results] tbody tr").first).to_contain_text("no network")
    assert not [u for u in asked if "example.org" in u]


def test_a_problem_solved_in_the_runner_counts_on_readiness_and_enters_the_spaced_review(page, site_url):
    """Solved with the coach open on the page: the card comes at once, as if rated Good at the solve;
    the readiness page counts the solve under the problem's pattern."""

    pid = _first_problem()
    problem = worked().problem(pid)
    open_editor(page, problem_url(site_url, pid))
    page.get_by_role("button", name=f"Record a talk-through: {problem.title}").click()
    expect(page.locator(".guide-coach__panel")).to_be_visible()
    set_code(page, worked().solutions[pid].code + "\n")
    page.get_by_role("button", name="Run the tests").click()
    expect(status(page)).to_have_text(re.compile(r"^All \d+ cases passed\.$"), timeout=90_000)
    solved = json.loads(page.evaluate(f"localStorage.getItem({runner.STORAGE_KEY!r})"))["problems"][pid]["solved"]
    page.wait_for_function(f"() => (localStorage.getItem({COACH_SCHEDULE_KEY!r}) || '').includes('code:{pid}')")
    card = json.loads(page.evaluate(f"localStorage.getItem({COACH_SCHEDULE_KEY!r})"))["cards"][f"code:{pid}"]
    assert card["last_review"] == solved and card["reps"] == 1

    page.goto(site_url + "/practice/readiness/")
    expect(page.locator(".guide-readiness .guide-tool__ui")).to_be_enabled()
    n = sum(1 for p in worked().problems if p.pattern == problem.pattern)
    cells = page.locator(f"#guide-readiness-coding tr[data-pattern='{problem.pattern}'] td")
    expect(cells).to_have_text([str(n), f"0 of {n}", f"1 of {n}", "0"])
