"""The practice coach in Chromium: recording, self-review, spaced review, readiness,
the study plan's calendar file, one backup and one delete; and the pages that load it only on use.

Recording uses Chromium's fake microphone (--use-fake-device-for-media-stream); the accepted
case adds --use-fake-ui-for-media-stream, which answers the permission prompt with yes, and the
refused case leaves it out, so the browser refuses.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from macros.coach import COACH_DATA_FILE, coach_data, coach_script_links, study_plan_data
from macros.coding import load_coding
from macros.data import SiteData, load_site
from macros.numbers import number_text
from macros.render import relative_link
from macros.storage import BACKUP_FORMAT, BACKUP_MAX_BYTES, BACKUP_VERSION, STORY_STORAGE_KEY
from tests.conftest import CHROMIUM_ARGS, chromium_path
from tests.support import ROOT
from tests.support.axe import assert_no_axe_violations
from tests.support.data import require_data

DRILL = "/practice/drill/"
READINESS = "/practice/readiness/"
PLAN = "/practice/study-plan/"
FAKE_MIC = ["--use-fake-device-for-media-stream"]


@functools.cache
def site() -> SiteData:
    """The site data, read when a test first needs it: a bad data file fails the tests, not collection."""
    require_data()
    return load_site(ROOT / "data")


@functools.cache
def coach() -> dict[str, Any]:
    """What the coach's data file holds (coach_data)."""
    w = worked()
    return coach_data(
        site(),
        {p.id: p.pattern for p in w.problems},
        {p.id: p.title for p in w.problems},
        [(p.id, p.name) for p in w.patterns],
    )


@functools.cache
def worked() -> Any:
    return load_coding(ROOT / "data", site(), ROOT)


# --------------------------------------------------------------------------- no browser


def test_the_build_serves_the_pinned_scheduler_byte_for_byte_with_its_license(built_site: Path):
    """A dependency (so `make build`'s `npm ci --omit=dev` installs it), copied by hooks/vendor.py."""
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["ts-fsrs"]
    package = ROOT / "node_modules" / "ts-fsrs"
    assert json.loads((package / "package.json").read_text())["version"] == pinned
    served = built_site / "javascripts" / "vendor" / "ts-fsrs"
    assert (served / "index.umd.js").read_bytes() == (package / "dist" / "index.umd.js").read_bytes()
    assert (served / "LICENSE").read_bytes() == (package / "LICENSE").read_bytes()
    assert "MIT License" in (served / "LICENSE").read_text()


def test_coach_data_names_every_question_and_principle_with_its_checklist_sources():
    assert list(coach()["questions"]) == [q.id for q in site().questions]
    assert coach()["order"] == [p.id for p in site().principles]
    for p in site().principles:
        assert coach()["principles"][p.id] == {
            "name": p.name,
            "listen": list(p.listen_for),
            "pitfalls": list(p.pitfalls),
        }
    assert coach()["answerSeconds"] == 60 * site().number("answer-minutes").max
    assert coach()["storiesTarget"] == site().number("stories-per-principle").min
    assert coach()["keys"]["stories"] == STORY_STORAGE_KEY  # the planner's own key, unchanged
    assert len(set(coach()["keys"].values())) == len(coach()["keys"])


def test_coach_scripts_are_linked_from_the_calling_page_in_load_order():
    assert coach_script_links("index.md")[:2] == ["generated/coach-data.js", "javascripts/vendor/ts-fsrs/index.umd.js"]
    assert coach_script_links("practice/drill.md")[:2] == [
        "../generated/coach-data.js",
        "../javascripts/vendor/ts-fsrs/index.umd.js",
    ]
    assert coach_script_links("index.md")[-1] == "javascripts/coach-panel.js"


def lazy_files(tool: str) -> list[str]:
    """The files site.js's LAZY table loads for ``tool``, relative to site.js."""
    site_js = (ROOT / "docs" / "javascripts" / "site.js").read_text(encoding="utf-8")
    table = site_js[site_js.index("const LAZY") : site_js.index("};", site_js.index("const LAZY"))]
    entry = re.search(rf'^\s*"?{re.escape(tool)}"?: \[([^\]]*)\]', table, re.M)
    assert entry, f"site.js loads nothing for {tool}"
    return re.findall(r'"([^"]+)"', entry.group(1))


def page_scripts(page: str) -> list[str]:
    """The scripts a practice page lists in its front matter, in order."""
    text = (ROOT / "docs" / "practice" / page).read_text(encoding="utf-8")
    match = re.search(r"^scripts:\n((?:  - \S+\n)+)", text, re.M)
    return re.findall(r"^  - (\S+)$", match.group(1), re.M) if match else []


def test_the_coach_loads_the_same_files_in_the_same_order_wherever_it_starts():
    """On first use (site.js) and in the drill (its front matter), as macros/coach.py lists them."""
    assert lazy_files("coach") == coach_script_links("javascripts/site.md")
    assert page_scripts("drill.md")[-len(coach_script_links("index.md")) :] == coach_script_links("index.md")


def test_each_coach_tool_page_lists_what_every_coach_tool_needs_first():
    """The coach's data and shared files, in order, before a tool's own (coach-core.js lists them)."""
    shared = [
        "generated/coach-data.js",
        "javascripts/tool-kit.js",
        "javascripts/coach-core.js",
        "javascripts/coach-store.js",
    ]
    for page in ("readiness.md", "study-plan.md"):
        assert page_scripts(page)[: len(shared)] == shared, page
    assert lazy_files("readiness-summary")[:-1] == [relative_link("javascripts/site.md", s) for s in shared]


def test_the_readiness_summary_knows_every_key_the_coach_reads(built_site: Path):
    """The built home page's summary waits for the keys the coach data file names, no fewer."""
    found: list[str] = []

    class Summary(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(value or "" for name, value in attrs if name == "data-guide-load-if-stored")

    Summary().feed((built_site / "index.html").read_text(encoding="utf-8"))
    assert len(found) == 1, "the home page has one readiness summary"
    assert sorted(json.loads(found[0])) == sorted(coach()["keys"].values())


def test_study_plan_settings_come_from_the_numbers():
    data = study_plan_data(site())
    assert data["mockEvery"] == site().number("plan-mock-loop-every-days").max
    assert data["maxDays"] == site().number("plan-max-days").max
    assert data["answer"] == number_text(site().number("answer-minutes"))
    assert data["recency"] == number_text(site().number("story-recency-years"))
    assert len(data["topics"]) == len(set(data["topics"])) > 0


def test_the_build_writes_the_coach_data_the_lazy_pages_load(built_site: Path):
    text = (built_site / COACH_DATA_FILE).read_text(encoding="utf-8")
    assert text.startswith("window.guideCoachData=") and text.endswith(";\n")
    assert json.loads(text[len("window.guideCoachData=") : -2]) == json.loads(json.dumps(coach()))


# --------------------------------------------------------------------------- helpers


def launch(browser: Any, *extra: str) -> Any:
    """Another Chromium from the session's Playwright (one Playwright runs per process)."""
    return browser.browser_type.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS + list(extra))


@pytest.fixture(scope="module")
def mic_browser(browser: Any) -> Iterator[Any]:
    b = launch(browser, *FAKE_MIC, "--use-fake-ui-for-media-stream")
    yield b
    b.close()


@pytest.fixture(scope="module")
def refusing_browser(browser: Any) -> Iterator[Any]:
    b = launch(browser, *FAKE_MIC)
    yield b
    b.close()


class Watch:
    """A page whose requests off the site's origin and JavaScript errors are recorded."""

    def __init__(self, browser: Any, site_url: str, **options: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
        self.site_url = site_url
        self.off_origin: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.context.on("request", self._request)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: d.accept())

    def _request(self, r: Any) -> None:
        if r.service_worker is None:  # the page's own; the service worker precaches the build after the first load
            self.requests.append(r.url)
        if not (r.url.startswith(self.site_url + "/") or r.url.startswith(("blob:", "data:"))):
            self.off_origin.append(r.url)

    def new_page(self) -> Any:
        p = self.context.new_page()
        p.on("pageerror", lambda e: self.errors.append(str(e)))
        p.on("dialog", lambda d: d.accept())
        return p

    def check(self) -> None:
        assert self.off_origin == [], f"requests left the origin: {self.off_origin}"
        assert self.errors == [], f"JavaScript errors: {self.errors}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watch(browser: Any, site_url: str) -> Iterator[Watch]:
    w = Watch(browser, site_url)
    yield w
    w.close()


def ready(page: Any, tool: str) -> None:
    page.wait_for_selector(f"[data-guide-tool='{tool}'][data-guide-ready]", timeout=10_000)


def storage(page: Any) -> dict[str, str]:
    return page.evaluate("() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))")


def recordings(page: Any) -> list[dict[str, Any]]:
    """What IndexedDB holds: each recording without its audio, and the audio's size."""
    return page.evaluate(
        """(db) => new Promise((ok, fail) => {
          const req = indexedDB.open(db.name, 1);
          req.onupgradeneeded = () => req.result.createObjectStore(db.store, { keyPath: "q" });
          req.onsuccess = () => {
            const all = req.result.transaction(db.store).objectStore(db.store).getAll();
            all.onsuccess = () => { req.result.close(); ok(all.result.map((r) => ({ q: r.q, type: r.type, seconds: r.seconds, date: r.date, size: r.blob.size }))); };
            all.onerror = () => fail(all.error);
          };
          req.onerror = () => fail(req.error);
        })""",
        coach()["db"],
    )


def review(page: Any, ticks: int, rating: str) -> None:
    page.get_by_role("button", name="Review my answer").click()
    boxes = page.locator("input[name=guide-coach-check]")
    for i in range(ticks):
        boxes.nth(i).check()
    page.get_by_role("radio", name=re.compile("^" + rating)).check()
    page.get_by_role("button", name="Save review").click()
    expect(page.locator(".guide-coach__panel [role=status]").last).to_contain_text("Review saved")


# --------------------------------------------------------------------------- recording


@pytest.mark.browser
def test_a_recording_is_made_survives_a_reload_plays_back_and_is_deleted(mic_browser: Any, site_url: str):
    w = Watch(mic_browser, site_url)
    try:
        page = w.page
        page.goto(site_url + DRILL)
        ready(page, "drill")
        ready(page, "coach")
        question = page.locator("#guide-drill-card").get_attribute("data-question")
        page.get_by_role("button", name="Record answer").click()
        expect(page.get_by_role("button", name="Stop")).to_be_visible()
        expect(page.locator("#guide-drill-toggle")).to_have_text("Pause")  # the drill's countdown runs too
        page.wait_for_timeout(1500)
        page.get_by_role("button", name="Stop").click()
        page.get_by_role("button", name="Keep recording").click()
        expect(page.locator(".guide-coach__panel [role=status]").first).to_contain_text("kept on this device")
        kept = recordings(page)
        assert [(r["q"], r["size"] > 0, r["type"].startswith("audio/")) for r in kept] == [(question, True, True)]

        # The drill draws at random on each load: put the same question back on its card to find the recording.
        page.reload()
        ready(page, "coach")
        page.evaluate("(q) => { document.getElementById('guide-drill-card').dataset.question = q; }", question)
        audio = page.locator("audio.guide-coach__audio")
        expect(audio).to_be_visible()
        assert page.evaluate(
            "() => { const a = document.querySelector('audio.guide-coach__audio'); a.muted = true; return a.play().then(() => !a.paused); }"
        )

        page.get_by_role("button", name="Delete recording").click()
        expect(page.locator(".guide-coach__panel [role=status]").first).to_have_text(
            "Recording deleted from this device."
        )
        expect(audio).to_be_hidden()
        assert recordings(page) == []
        page.reload()
        ready(page, "coach")
        assert recordings(page) == []
        w.check()
    finally:
        w.close()


@pytest.mark.browser
def test_a_refused_microphone_says_so_and_the_drill_still_works(refusing_browser: Any, site_url: str):
    w = Watch(refusing_browser, site_url)
    try:
        page = w.page
        page.goto(site_url + DRILL)
        ready(page, "coach")
        page.get_by_role("button", name="Record answer").click()
        expect(page.locator(".guide-coach__panel [role=alert]").first).to_contain_text("Microphone access was refused")
        assert recordings(page) == []
        first = page.locator("#guide-drill-question").text_content()
        page.locator("#guide-drill-toggle").click()
        expect(page.locator("#guide-drill-toggle")).to_have_text("Pause")
        page.locator("#guide-drill-next").click()
        expect(page.locator("#guide-drill-question")).not_to_have_text(first or "")
        expect(page.locator("#guide-drill-tally")).to_have_text("Answered 1, skipped 0.")
        review(page, 2, "Good")  # the self-review works without a recording
        w.check()
    finally:
        w.close()


# --------------------------------------------------------------------------- self-review, spaced review, readiness


@pytest.mark.browser
def test_a_self_review_is_stored_and_shown_on_the_readiness_page(watch: Watch, site_url: str):
    page = watch.page
    page.goto(site_url + DRILL)
    ready(page, "coach")
    question = page.locator("#guide-drill-card").get_attribute("data-question")
    principle = page.locator("#guide-drill-card").get_attribute("data-principle")
    total = len(coach()["principles"][principle]["listen"]) + len(coach()["principles"][principle]["pitfalls"]) + 6
    review(page, 3, "Hard")
    stored = json.loads(storage(page)[coach()["keys"]["reviews"]])
    [r] = stored["reviews"][question]
    today = page.evaluate(
        "() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); }"
    )
    assert r["date"] == today and r["rating"] == 2 and sum(r["checks"]) == 3 and len(r["checks"]) == total
    assert isinstance(r["seconds"], int)

    page.goto(site_url + READINESS)
    ready(page, "readiness")
    row = page.locator(f"#guide-readiness-table tr[data-principle='{principle}'] td")
    expect(row.nth(1)).to_have_text(f"1 of {len(site().questions_for(principle))}")
    day = dt.date.fromisoformat(today)
    expect(row.nth(2)).to_have_text(f"3 of {total}, {day:%b} {day.day}")
    expect(page.locator("#guide-readiness-next li").first).to_have_text(re.compile(r": no story yet$"))
    watch.check()


@pytest.mark.browser
def test_rating_a_question_schedules_it_and_it_is_due_today_on_its_date(watch: Watch, site_url: str):
    start = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)
    page = watch.page
    page.clock.install(time=start)
    page.goto(site_url + DRILL)
    ready(page, "coach")
    question = page.locator("#guide-drill-card").get_attribute("data-question")
    review(page, 1, "Good")
    card = json.loads(storage(page)[coach()["keys"]["schedule"]])["cards"][question]
    due = dt.datetime.fromisoformat(card["due"].replace("Z", "+00:00"))
    assert due.date() > start.date()
    expect(page.locator("#guide-drill-due-count")).to_have_text("(0 due)")
    expect(page.locator("#guide-drill-due")).to_be_disabled()

    later = watch.new_page()
    later.clock.install(time=due + dt.timedelta(hours=1))
    later.goto(site_url + DRILL)
    ready(later, "drill")
    expect(later.locator("#guide-drill-due-count")).to_have_text("(1 due)")
    later.locator("#guide-drill-due").check()
    expect(later.locator("#guide-drill-card")).to_have_attribute("data-question", question)
    expect(later.locator("#guide-drill-status")).to_contain_text("1 question due")
    watch.check()


# --------------------------------------------------------------------------- the coach costs nothing until used


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/practice/question-bank/", "/amazon/leadership-principles/frugality/"])
def test_question_pages_load_the_coach_only_on_the_first_press(mic_browser: Any, site_url: str, path: str):
    w = Watch(mic_browser, site_url)
    try:
        page = w.page
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert not [u for u in w.requests if "coach" in u or "ts-fsrs" in u]
        first = page.locator("[data-guide-lazy=coach]").first
        if path.endswith("question-bank/"):
            page.locator("details.question summary").first.click()
        first.get_by_role("button", name="Record an answer").click()
        expect(page.locator(".guide-coach__panel").get_by_role("button", name="Record answer")).to_be_focused()
        assert [u.rsplit("/", 1)[-1] for u in w.requests if "coach" in u or "ts-fsrs" in u or "tool-kit" in u] == [
            link.rsplit("/", 1)[-1] for link in coach_script_links("index.md")
        ]
        expect(first.locator(":scope > button")).to_be_hidden()
        review(page, 2, "Easy")
        question = json.loads(first.get_attribute("data-guide-data") or "{}")["q"]
        assert question in json.loads(storage(page)[coach()["keys"]["schedule"]])["cards"]
        # Another question's button moves the coach there: one panel, the first button back.
        second = page.locator("[data-guide-lazy=coach]").nth(1)
        if path.endswith("question-bank/"):
            page.locator("details.question summary").nth(1).click()
        second.get_by_role("button", name="Record an answer").click()
        expect(page.locator(".guide-coach__panel")).to_have_count(1)
        expect(first.locator(":scope > button")).to_be_visible()
        expect(page.locator(".guide-coach__title")).to_contain_text(
            coach()["questions"][json.loads(second.get_attribute("data-guide-data") or "{}")["q"]]["text"]
        )
        w.check()
    finally:
        w.close()


# A captive portal (or a proxy's error page) answers a script's request with 200 and an HTML page:
# the script "loads" but does not parse, and no error event reaches its element.
PORTAL_PAGE = (
    "<!doctype html><html><head><title>Sign in</title></head><body><p>Accept the terms to continue.</p></body></html>"
)


def portal(route: Any) -> None:
    route.fulfill(status=200, content_type="text/html", body=PORTAL_PAGE)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("file", "fail"), [("coach-store.js", "abort"), ("coach-store.js", "portal"), ("coach-panel.js", "portal")]
)
def test_a_coach_file_that_fails_is_said_and_fetched_again_on_the_next_press(
    watch: Watch, site_url: str, file: str, fail: str
):
    """The coach's own file may have run while another of its files failed: the press says so, and
    the next press fetches what failed instead of leaving the coach dead."""
    page = watch.page
    watch.context.route("**/sw.js", lambda route: route.abort())  # a worker would answer from its cache
    page.route(f"**/javascripts/{file}", portal if fail == "portal" else lambda route: route.abort())
    page.goto(site_url + "/amazon/leadership-principles/frugality/")
    button = page.locator("[data-guide-lazy=coach]").first.get_by_role("button", name="Record an answer")
    button.click()
    expect(page.locator('[data-guide-notice="load-coach"]')).to_contain_text("could not load")
    expect(page.locator(".guide-coach__panel")).to_have_count(0)
    page.unroute(f"**/javascripts/{file}")
    button.click()
    expect(page.locator(".guide-coach__panel").get_by_role("button", name="Record answer")).to_be_focused()
    watch.errors.clear()  # the aborted script's load error, or the portal page's syntax error
    watch.check()


# A file the tool needs, and the tool's own file: without the latter no tool registers to wait.
@pytest.mark.browser
@pytest.mark.parametrize("file", ["coach-store.js", "coach-readiness.js"])
def test_a_tool_whose_file_fails_on_a_full_load_says_so_and_keeps_what_is_stored(
    watch: Watch, site_url: str, file: str
):
    page = watch.page
    page.goto(site_url + READINESS)
    ready(page, "readiness")
    before = storage(page)
    page.route(f"**/javascripts/{file}", lambda route: route.abort())
    page.reload()
    expect(page.locator('[data-guide-notice="load"]')).to_contain_text("could not load")
    assert storage(page) == before
    watch.errors.clear()  # the aborted script's load error
    watch.check()


# Its own file (failed, or answered with a portal's page) or one it needs, arriving from a page
# without the coach's files (the study plan's would still be there to need); once the network is
# fixed, a reload starts the tool and nothing stored has changed. No service worker: one that took
# the page would answer from its cache.
@pytest.mark.browser
@pytest.mark.parametrize(
    ("file", "fail"), [("coach-readiness.js", "abort"), ("coach-readiness.js", "portal"), ("coach-store.js", "portal")]
)
def test_a_tool_file_that_fails_after_instant_navigation_is_said(watch: Watch, site_url: str, file: str, fail: str):
    page = watch.page
    watch.context.route("**/sw.js", lambda route: route.abort())
    page.goto(site_url + "/practice/star-planner/")
    seed(page)
    before = storage(page)
    page.route(f"**/javascripts/{file}", portal if fail == "portal" else lambda route: route.abort())
    page.evaluate("() => { window.__notReloaded = true; }")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Readiness", exact=True).click()
    expect(page.locator('[data-guide-notice="load"]')).to_contain_text("could not load")
    assert page.evaluate("() => window.__notReloaded === true"), "the page was reloaded, not instantly navigated"
    expect(page.locator('[data-guide-tool="readiness"]')).not_to_have_attribute("data-guide-ready", "")
    page.unroute(f"**/javascripts/{file}")
    page.reload()
    ready(page, "readiness")
    expect(page.locator('[data-guide-notice="load"]')).to_have_count(0)
    assert storage(page) == before
    watch.errors.clear()  # the aborted script's load error, or the portal page's syntax error
    watch.check()


# --------------------------------------------------------------------------- the study plan


@pytest.mark.browser
def test_the_study_plan_downloads_a_calendar_that_parses_with_one_event_a_day(watch: Watch, site_url: str):
    import icalendar

    page = watch.page
    page.clock.install(time=dt.datetime(2026, 12, 4, 9, 0))
    page.goto(site_url + PLAN)
    ready(page, "study-plan")
    page.locator("#guide-plan-date").fill("2026-12-24")
    expect(page.locator("#guide-plan-list > li:has(h3)")).to_have_count(21)
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile("Download as a calendar")).click()
    raw = Path(info.value.path()).read_bytes()
    assert b"\r\n" in raw and not re.search(rb"[^\r]\n", raw)
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 21
    assert len({str(e["UID"]) for e in events}) == 21
    days = [e.decoded("DTSTART") for e in events]
    assert days == [dt.date(2026, 12, 4) + dt.timedelta(days=i) for i in range(21)]
    assert all(type(d) is dt.date for d in days)  # all-day events
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(days=1) for e in events)
    assert all("DTSTAMP" in e for e in events)
    assert str(events[-1]["SUMMARY"]) == "Interview day"
    # The date is kept: the plan is there after a reload.
    page.reload()
    ready(page, "study-plan")
    expect(page.locator("#guide-plan-date")).to_have_value("2026-12-24")
    expect(page.locator("#guide-plan-list > li:has(h3)")).to_have_count(21)
    watch.check()


# --------------------------------------------------------------------------- one backup, one delete

EXPORTED = "2026-12-07T09:00:00.000Z"
STORY = {
    "id": "s1",
    "title": "Cut the bill",
    "when": "2025-03",
    "situation": "s",
    "task": "t",
    "action": "a",
    "result": "r",
    "metrics": "30%",
    "principles": ["frugality"],
}


def seed(page: Any) -> None:
    """Something in every tool's storage, and one recording."""
    page.evaluate(
        """([keys, q, story, db]) => {
          localStorage.setItem(keys.stories, JSON.stringify({ version: 1, stories: [story] }));
          localStorage.setItem(keys.reviews, JSON.stringify({ version: 1, reviews: { [q]: [{ date: "2026-12-01", seconds: 190, checks: [true, false, true], rating: 3 }] } }));
          localStorage.setItem(keys.schedule, JSON.stringify({ version: 1, cards: { [q]: { due: "2026-12-09T10:00:00.000Z", stability: 8.3, difficulty: 2.1, elapsed_days: 0, scheduled_days: 8, reps: 1, lapses: 0, learning_steps: 0, state: 2, last_review: "2026-12-01T10:00:00.000Z" } } }));
          localStorage.setItem(keys.plan, JSON.stringify({ version: 1, interview: "2027-01-15" }));
          return new Promise((ok, fail) => {
            const req = indexedDB.open(db.name, 1);
            req.onupgradeneeded = () => req.result.createObjectStore(db.store, { keyPath: "q" });
            req.onsuccess = () => {
              const tx = req.result.transaction(db.store, "readwrite");
              tx.objectStore(db.store).put({ q, type: "audio/webm", seconds: 3, date: "2026-12-01", blob: new Blob([new Uint8Array([1, 2, 3, 250])], { type: "audio/webm" }) });
              tx.oncomplete = () => { req.result.close(); ok(); };
              tx.onerror = () => fail(tx.error);
            };
          });
        }""",
        [coach()["keys"], site().questions[0].id, STORY, coach()["db"]],
    )


def ours(page: Any) -> dict[str, str]:
    return {k: v for k, v in storage(page).items() if k in coach()["keys"].values()}


def import_file(page: Any, path: Path) -> None:
    page.locator("#guide-readiness-import").set_input_files(str(path))


def backup(**parts: Any) -> dict[str, Any]:
    """A valid backup holding nothing (no code, no recordings), with ``parts`` in place of its own."""
    return {
        "format": BACKUP_FORMAT,
        "version": 1,
        "exported": EXPORTED,
        "stories": [],
        "reviews": {"version": 1, "reviews": {}},
        "schedule": {"version": 1, "cards": {}},
        "plan": None,
        **parts,
    }


@pytest.mark.browser
def test_one_backup_round_trips_every_tool_exactly_recordings_included(watch: Watch, site_url: str, tmp_path: Path):
    page = watch.page
    page.goto(site_url + READINESS)
    seed(page)
    page.reload()
    ready(page, "readiness")
    before, audio = ours(page), recordings(page)
    assert len(before) == 4 and len(audio) == 1
    page.locator("#guide-readiness-with-audio").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Export backup").click()
    backup = tmp_path / "backup.json"
    info.value.save_as(backup)
    data = json.loads(backup.read_text())
    assert (data["format"], data["version"], len(data["recordings"])) == (BACKUP_FORMAT, BACKUP_VERSION, 1)

    page.get_by_role("button", name="Delete all my data on this device").click()
    expect(page.locator("#guide-readiness-delete-msgs [role=status]")).to_contain_text("Everything is deleted")
    assert ours(page) == {}
    import_file(page, backup)
    expect(page.locator("#guide-readiness-file-msgs [role=status]")).to_contain_text("Backup imported")
    assert ours(page) == before
    assert recordings(page) == audio
    watch.check()


@pytest.mark.browser
def test_a_star_planner_file_imports_its_stories(watch: Watch, site_url: str, tmp_path: Path):
    page = watch.page
    page.goto(site_url + READINESS)
    ready(page, "readiness")
    old = tmp_path / "star-stories.json"
    old.write_text(json.dumps({"version": 1, "stories": [STORY]}, indent=2) + "\n")
    import_file(page, old)
    expect(page.locator("#guide-readiness-file-msgs [role=status]")).to_have_text(
        "Imported 1 story from a STAR planner file."
    )
    assert json.loads(storage(page)[coach()["keys"]["stories"]]) == {"version": 1, "stories": [STORY]}
    expect(page.locator("#guide-readiness-table tr[data-principle='frugality'] td").first).to_have_text(
        f"1 of {coach()['storiesTarget']}"
    )
    page.goto(site_url + "/practice/star-planner/")
    ready(page, "star-planner")
    expect(page.locator("#star-list h3")).to_have_text([STORY["title"]])
    watch.check()


def invalid_backups(good: dict[str, Any]) -> dict[str, str | bytes]:
    """A backup per field that the coach cannot use, each otherwise valid."""
    q = site().questions[0].id
    card = {
        "due": "2026-12-09T10:00:00.000Z",
        "stability": 8.3,
        "difficulty": 2.1,
        "elapsed_days": 0,
        "scheduled_days": 8,
        "reps": 1,
        "lapses": 0,
        "learning_steps": 0,
        "state": 2,
        "last_review": "2026-12-01T10:00:00.000Z",
    }
    rev = {"date": "2026-12-01", "seconds": 190, "checks": [True, False], "rating": 3}
    rec = {"q": q, "type": "audio/webm", "seconds": 3, "date": "2026-12-01", "audio": "AQID+g=="}
    sched = lambda **c: {**good, "schedule": {"version": 1, "cards": {q: {**card, **c}}}}  # noqa: E731
    return {
        "not-utf8.json": json.dumps({**good, "stories": [{**STORY, "title": "Caf\xe9"}]}, ensure_ascii=False).encode(
            "latin-1"
        ),
        "exported-not-a-time.json": json.dumps({**good, "exported": "x"}),
        "review-no-such-day.json": json.dumps(
            {**good, "reviews": {"version": 1, "reviews": {q: [{**rev, "date": "2026-02-30"}]}}}
        ),
        "review-too-long.json": json.dumps(
            {**good, "reviews": {"version": 1, "reviews": {q: [{**rev, "seconds": 99999}]}}}
        ),
        "card-state.json": json.dumps(sched(state=9)),
        "card-negative-count.json": json.dumps(sched(reps=-3)),
        "card-difficulty.json": json.dumps(sched(difficulty=40)),
        "card-due-in-words.json": json.dumps(sched(due="December 9")),
        "plan-no-such-day.json": json.dumps({**good, "plan": {"version": 1, "interview": "2027-02-29"}}),
        "recording-broken-base64.json": json.dumps({**good, "recordings": [{**rec, "audio": "AQI"}]}),
        "recording-empty.json": json.dumps({**good, "recordings": [{**rec, "audio": ""}]}),
        "recording-no-such-day.json": json.dumps({**good, "recordings": [{**rec, "date": "2026-11-31"}]}),
        "story-broken-text.json": json.dumps({**good, "stories": [{**STORY, "title": "half \ud83d"}]}),
    }


@pytest.mark.browser
def test_hostile_malformed_wrong_version_and_oversized_backups_change_nothing(
    watch: Watch, site_url: str, tmp_path: Path
):
    page = watch.page
    page.goto(site_url + READINESS)
    seed(page)
    page.reload()
    ready(page, "readiness")
    before, audio = ours(page), recordings(page)
    good = backup()
    cases = {
        "not-json.json": "{ not json",
        "wrong-version.json": json.dumps({**good, "version": 99}),
        "hostile-title.json": json.dumps(
            {**good, "stories": [{**STORY, "title": '<img src=x onerror="window.__pwned=1">', "extra": 1}]}
        ),
        "hostile-proto.json": json.dumps(good).replace('"format"', '"__proto__": {"polluted": 1}, "format"'),
        "unknown-question.json": json.dumps({**good, "reviews": {"version": 1, "reviews": {"<script>": []}}}),
        "bad-recording.json": json.dumps(
            {
                **good,
                "recordings": [
                    {
                        "q": site().questions[0].id,
                        "type": "text/html",
                        "seconds": 1,
                        "date": "2026-12-01",
                        "audio": "PHNjcmlwdD4=",
                    }
                ],
            }
        ),
        "oversized.json": json.dumps({**good, "exported": "x" * (BACKUP_MAX_BYTES + 10)}),
        # What the coach could not use later, after "Replace everything", with a misleading message or none.
        **invalid_backups(good),
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        import_file(page, path)
        expect(page.locator("#guide-readiness-file-msgs [role=alert]")).to_contain_text("Nothing was imported.")
        assert ours(page) == before, name
        assert recordings(page) == audio, name
        page.locator("#guide-readiness-file-msgs [role=alert]").evaluate("(e) => (e.textContent = '')")
    assert page.evaluate("() => window.__pwned === undefined && ({}).polluted === undefined")
    watch.check()


@pytest.mark.browser
def test_a_full_storage_quota_says_so_and_loses_nothing(watch: Watch, site_url: str, tmp_path: Path):
    page = watch.page
    page.goto(site_url + READINESS)
    seed(page)
    # A quota: once __full is set, no write may make the stored total larger than it was then.
    page.add_init_script(
        """(() => {
          const set = Storage.prototype.setItem;
          const total = (s) => Object.keys(s).reduce((n, k) => n + k.length + s.getItem(k).length, 0);
          Storage.prototype.setItem = function (k, v) {
            const was = this.getItem(k);
            if (window.__full && total(this) - (was === null ? 0 : k.length + was.length) + k.length + String(v).length > window.__full)
              throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
            return set.call(this, k, v);
          };
        })()"""
    )
    page.reload()
    ready(page, "readiness")
    before = ours(page)
    # Stories first, smaller than those stored (written), then self-reviews larger than the quota allows.
    many = [{"date": "2026-12-01", "seconds": 100, "checks": [True] * 40, "rating": 3}] * 20
    path = tmp_path / "b.json"
    path.write_text(json.dumps(backup(reviews={"version": 1, "reviews": {site().questions[0].id: many}})))
    page.evaluate(
        "() => { window.__full = Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0) + 50; }"
    )
    import_file(page, path)
    expect(page.locator("#guide-readiness-file-msgs [role=alert]")).to_contain_text("storage is full")
    page.evaluate("() => { window.__full = 0; }")
    assert ours(page) == before
    watch.check()


@pytest.mark.browser
def test_delete_all_leaves_no_storage_behind(watch: Watch, site_url: str):
    page = watch.page
    page.goto(site_url + READINESS)
    seed(page)
    page.reload()
    ready(page, "readiness")
    page.evaluate("() => __md_set('__palette', { index: 2 })")  # a palette choice, stored as Material stores it
    assert any("__palette" in k for k in storage(page))
    page.get_by_role("button", name="Delete all my data on this device").click()
    expect(page.locator("#guide-readiness-delete-msgs [role=status]")).to_contain_text("Everything is deleted")
    assert storage(page) == {}
    assert (
        page.evaluate(
            "(name) => indexedDB.databases().then((dbs) => dbs.filter((d) => d.name === name).length)",
            coach()["db"]["name"],
        )
        == 0
    )
    watch.check()


# --------------------------------------------------------------------------- offline edition


@pytest.mark.browser
def test_the_coach_works_from_file_urls_in_the_offline_edition(browser: Any, offline_site: Path):
    offline_root = offline_site
    context = browser.new_context()
    off: list[str] = []
    context.on("request", lambda r: None if r.url.startswith(("file://", "blob:", "data:")) else off.append(r.url))
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((offline_root / "amazon" / "leadership-principles" / "frugality.html").as_uri())
        page.locator("[data-guide-lazy=coach] button").first.click()
        ready(page, "coach")
        page.get_by_role("button", name="Review my answer").click()
        page.get_by_role("radio", name=re.compile("^Good")).check()
        page.get_by_role("button", name="Save review").click()
        expect(page.locator(".guide-coach__panel [role=status]").last).to_contain_text("Review saved")
        for name, tool in [("readiness.html", "readiness"), ("study-plan.html", "study-plan")]:
            page.goto((offline_root / "practice" / name).as_uri())
            ready(page, tool)
        assert errors == [] and off == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_readiness_summary_reports_progress_in_words(watch: Watch, site_url: str):
    page = watch.page
    page.goto(site_url + "/practice/")
    summary = page.locator(".guide-readiness__summary")
    first = coach()["principles"][coach()["order"][0]]["name"]
    seed(page)
    page.reload()
    ready(page, "readiness-summary")
    expect(summary).to_contain_text("1 question practiced out loud")
    expect(summary).to_contain_text(f"Next: {first}: no story yet.")
    watch.check()


@pytest.mark.browser
def test_a_summary_file_that_fails_asks_for_a_reload_not_a_button_press(watch: Watch, site_url: str):
    """The summary loads because something is stored, not on a press: it has no button to press again."""
    page = watch.page
    watch.context.route("**/sw.js", lambda route: route.abort())  # a worker would answer from its cache
    page.goto(site_url + "/practice/")
    seed(page)
    page.route("**/javascripts/coach-summary.js", lambda route: route.abort())
    page.reload()
    said = page.locator('[data-guide-notice="load-readiness-summary"]')
    expect(said).to_contain_text("reload the page")
    expect(page.locator("[data-guide-tool=readiness-summary] button")).to_have_count(0)
    page.unroute("**/javascripts/coach-summary.js")
    page.reload()
    ready(page, "readiness-summary")
    watch.errors.clear()  # the aborted script's load error
    watch.check()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/practice/"])
def test_a_first_visit_loads_no_coach_for_the_summary(watch: Watch, site_url: str, path: str):
    """Nothing stored, nothing to show: the page keeps its own sentence and fetches none of the coach."""
    watch.page.goto(site_url + path)
    watch.page.wait_for_load_state("networkidle")
    assert not [u for u in watch.requests if "coach" in u or "tool-kit" in u]
    expect(watch.page.locator(".guide-readiness__summary")).to_contain_text("once you use the practice tools")
    watch.check()


@pytest.mark.browser
def test_the_summary_says_so_when_storage_cannot_be_read(watch: Watch, site_url: str):
    page = watch.page
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } })"
    )
    page.goto(site_url + "/")
    ready(page, "readiness-summary")
    expect(page.locator(".guide-readiness__summary")).to_contain_text("Your progress cannot be read")


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_coach_as_filled_in_passes_axe_in_both_palettes(mic_browser: Any, site_url: str, scheme: str):
    """The static pages are in the axe sweep; here what the scripts draw: the open coach with a
    recording and its self-review, the readiness table with data, and a laid-out study plan."""
    w = Watch(mic_browser, site_url, color_scheme=scheme)
    try:
        page = w.page
        page.goto(site_url + "/practice/question-bank/")
        page.locator("details.question summary").first.click()
        page.locator("[data-guide-lazy=coach] button").first.click()
        page.get_by_role("button", name="Record answer").click()
        page.wait_for_timeout(500)
        page.get_by_role("button", name="Stop").click()
        expect(page.get_by_role("button", name="Keep recording")).to_be_visible()
        page.get_by_role("button", name="Review my answer").click()
        page.mouse.move(0, 0)  # Material's hover color on a button is the sweep's business, not this test's
        assert_no_axe_violations(page, f"{scheme}: the coach on the question bank", include=[".guide-coach__panel"])
        seed(page)
        page.goto(site_url + READINESS)
        ready(page, "readiness")
        assert_no_axe_violations(page, f"{scheme}: readiness with data")
        page.goto(site_url + PLAN)
        ready(page, "study-plan")
        page.locator("#guide-plan-date").fill((dt.date.today() + dt.timedelta(days=9)).isoformat())
        expect(page.locator("#guide-plan-list h3")).to_have_count(10)
        assert_no_axe_violations(page, f"{scheme}: a study plan")
        w.check()
    finally:
        w.close()


@pytest.mark.browser
def test_a_browser_without_recording_says_so_and_the_review_still_works(watch: Watch, site_url: str):
    page = watch.page
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'mediaDevices', { get: () => undefined })")
    page.goto(site_url + DRILL)
    ready(page, "coach")
    page.get_by_role("button", name="Record answer").click()
    expect(page.locator(".guide-coach__panel [role=alert]").first).to_contain_text("This browser cannot record audio")
    review(page, 1, "Good")
    watch.check()


@pytest.mark.browser
def test_blocked_storage_is_said_plainly_and_nothing_breaks(watch: Watch, site_url: str):
    page = watch.page
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } })"
    )
    page.goto(site_url + DRILL)
    ready(page, "coach")
    page.get_by_role("button", name="Review my answer").click()
    page.get_by_role("radio", name="Good").check()
    page.get_by_role("button", name="Save review").click()
    expect(page.locator(".guide-coach__panel [role=alert]").last).to_have_text(
        "Not saved: this browser does not let the guide use its storage. Your earlier reviews are unchanged."
    )
    page.goto(site_url + READINESS)
    ready(page, "readiness")
    expect(page.locator("#guide-readiness-msgs [role=alert]")).to_contain_text("does not let the guide use its storage")
    page.goto(site_url + PLAN)
    ready(page, "study-plan")
    expect(page.locator("#guide-plan-msgs [role=alert]")).to_contain_text("does not let the guide use its storage")
    # The palette's start-up before the content (not the coach) throws once per page load when storage
    # is blocked, as it did before the coach existed; the coach catches every access of its own.
    assert watch.errors == ["The operation is insecure."] * 3
    assert watch.off_origin == []


# --------------------------------------------------------------------------- races, faults, focus


def put_recording(page: Any, q: str) -> None:
    """A kept recording of question `q`, as the coach stores one."""
    page.evaluate(
        """([q, db]) => new Promise((ok, fail) => {
          const req = indexedDB.open(db.name, 1);
          req.onupgradeneeded = () => req.result.createObjectStore(db.store, { keyPath: "q" });
          req.onsuccess = () => {
            const tx = req.result.transaction(db.store, "readwrite");
            tx.objectStore(db.store).put({ q, type: "audio/webm", seconds: 3, date: "2026-12-01", blob: new Blob([new Uint8Array([1, 2, 3, 250])], { type: "audio/webm" }) });
            tx.oncomplete = () => { req.result.close(); ok(); };
            tx.onerror = () => fail(tx.error);
          };
        })""",
        [q, coach()["db"]],
    )


@pytest.mark.browser
def test_next_question_while_recording_files_nothing_under_the_new_question(mic_browser: Any, site_url: str):
    """The recorder stops asynchronously: its stop arrives after the drill shows the next question.
    The recording belongs to the question it was started for, and is never shown or kept under another."""
    w = Watch(mic_browser, site_url)
    try:
        page = w.page
        page.goto(site_url + DRILL)
        ready(page, "coach")
        panel = page.locator(".guide-coach__panel")
        # Next question while recording, as the drill invites: the new question shows no recording.
        page.get_by_role("button", name="Record answer").click()
        page.wait_for_timeout(1000)
        page.get_by_role("button", name="Next question").click()
        page.wait_for_timeout(1000)  # the stop handler has run by now
        expect(panel.get_by_role("button", name="Keep recording")).to_be_hidden()
        expect(panel.locator("audio")).to_be_hidden()
        expect(panel.get_by_role("button", name="Record answer")).to_be_visible()
        expect(panel.locator("[role=status]").first).to_contain_text("not kept")
        assert recordings(page) == []

        # Skip onto a question that has a kept recording: that recording stays, and Delete deletes it.
        shown = page.locator("#guide-drill-card").get_attribute("data-question")
        kept = next(q.id for q in reversed(site().questions) if q.id != shown)
        put_recording(page, kept)
        page.get_by_role("button", name="Record answer").click()
        page.wait_for_timeout(1000)
        page.evaluate(
            "(q) => { document.getElementById('guide-drill-card').dataset.question = q; }", kept
        )  # what Skip does, on a known question
        page.wait_for_timeout(1000)
        expect(panel.get_by_role("button", name="Keep recording")).to_be_hidden()
        expect(panel.locator("[role=status]").first).to_contain_text("Your recording from 2026-12-01")
        assert [(r["q"], r["size"]) for r in recordings(page)] == [(kept, 4)]
        page.get_by_role("button", name="Delete recording").click()
        expect(panel.locator("[role=status]").first).to_have_text("Recording deleted from this device.")
        assert recordings(page) == []
        w.check()
    finally:
        w.close()


def two_recordings_backup(tmp_path: Path) -> Path:
    """A valid backup with two recordings, both unlike the seeded one."""
    two = backup(
        stories=[{**STORY, "title": "From the backup"}],
        recordings=[
            {"q": q.id, "type": "audio/webm", "seconds": 2, "date": "2026-12-02", "audio": "CQkJCQ=="}
            for q in site().questions[1:3]
        ],
    )
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(two))
    return path


@pytest.mark.browser
@pytest.mark.parametrize("fault", ["throws", "aborts"])
def test_a_recording_write_that_fails_mid_import_changes_nothing(
    watch: Watch, site_url: str, tmp_path: Path, fault: str
):
    """The second recording's write fails (refused at once, or its transaction aborted): the import is
    all or nothing, so the text and the recordings stored before are all still there."""
    page = watch.page
    page.add_init_script(
        """(() => {
          const fault = FAULT;
          const put = IDBObjectStore.prototype.put;
          let n = 0;
          IDBObjectStore.prototype.put = function (v) {
            if (window.__failSecondPut && ++n === 2) {
              if (fault === "throws") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
              const req = put.call(this, v);
              this.transaction.abort();
              return req;
            }
            return put.call(this, v);
          };
        })()""".replace("FAULT", json.dumps(fault))
    )
    page.goto(site_url + READINESS)
    seed(page)
    page.reload()
    ready(page, "readiness")
    before, audio = ours(page), recordings(page)
    page.evaluate("() => { window.__failSecondPut = true; }")
    import_file(page, two_recordings_backup(tmp_path))
    alert = page.locator("#guide-readiness-file-msgs [role=alert]")
    expect(alert).to_contain_text("Nothing was imported. The recordings could not be written")
    expect(alert).to_contain_text("What was saved before is unchanged.")
    assert ours(page) == before
    assert recordings(page) == audio
    watch.check()


REFUSE_WRITES = """(() => {
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (window.__refuse) throw new DOMException("The operation is insecure.", "SecurityError");
    return set.call(this, k, v);
  };
})()"""


@pytest.mark.browser
def test_storage_that_refuses_every_write_loses_nothing_it_had(watch: Watch, site_url: str, tmp_path: Path):
    """localStorage.setItem throws on every call (storage blocked mid-session): saving a review and
    importing a backup fail, say so, and leave every stored value where it was."""
    page = watch.page
    page.add_init_script(REFUSE_WRITES)
    page.goto(site_url + READINESS)
    seed(page)
    page.goto(site_url + DRILL)
    ready(page, "coach")
    before = ours(page)
    page.evaluate("() => { window.__refuse = true; }")
    page.get_by_role("button", name="Review my answer").click()
    page.get_by_role("radio", name=re.compile("^Good")).check()
    page.get_by_role("button", name="Save review").click()
    expect(page.locator(".guide-coach__panel [role=alert]").last).to_have_text(
        "Not saved: this browser does not let the guide use its storage. Your earlier reviews are unchanged."
    )
    assert ours(page) == before

    page.goto(site_url + READINESS)
    ready(page, "readiness")
    page.evaluate("() => { window.__refuse = true; }")
    path = tmp_path / "b.json"
    path.write_text(json.dumps(backup()))
    import_file(page, path)
    expect(page.locator("#guide-readiness-file-msgs [role=alert]")).to_have_text(
        "Nothing was imported. This browser does not let the guide use its storage. What was saved before is unchanged."
    )
    assert ours(page) == before
    watch.check()


@pytest.mark.browser
def test_a_backup_without_recordings_says_they_stay_and_leaves_them(watch: Watch, site_url: str, tmp_path: Path):
    page = watch.page
    asked: list[str] = []
    page.on("dialog", lambda d: asked.append(d.message))
    page.goto(site_url + READINESS)
    seed(page)
    page.reload()
    ready(page, "readiness")
    audio = recordings(page)
    path = tmp_path / "b.json"
    path.write_text(json.dumps(backup()))
    import_file(page, path)
    expect(page.locator("#guide-readiness-file-msgs [role=status]")).to_contain_text(
        "the recordings in this browser are unchanged"
    )
    assert asked and "no recordings" in asked[-1] and "Replace everything" not in asked[-1]
    assert recordings(page) == audio
    watch.check()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/practice/question-bank/", "/amazon/leadership-principles/frugality/", DRILL])
def test_the_self_review_shows_the_keyboard_focus_on_its_checkboxes_and_radios(watch: Watch, site_url: str, path: str):
    """WCAG 2.4.7, which axe does not test: each checkbox and radio shows a 2 px outline when it has the keyboard's focus."""
    page = watch.page
    page.goto(site_url + path)
    if path == DRILL:
        ready(page, "coach")
    else:
        if "question-bank" in path:
            page.locator("details.question summary").first.click()
        page.locator("[data-guide-lazy=coach] button").first.click()
    page.get_by_role("button", name="Review my answer").focus()
    page.keyboard.press("Enter")
    checkbox = page.locator("input[name=guide-coach-check]").first
    expect(checkbox).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # the focus as a keyboard moves it
    ring = "(e) => { const s = getComputedStyle(e); return [e.matches(':focus-visible'), s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    assert checkbox.evaluate(ring) == [True, "solid", 2]
    radio = page.locator("input[name=guide-coach-rating]").first
    while not radio.evaluate("(e) => e === document.activeElement"):
        page.keyboard.press("Tab")
    assert radio.evaluate(ring) == [True, "solid", 2]
    watch.check()


@pytest.mark.browser
@pytest.mark.parametrize(
    "path, level", [("/amazon/leadership-principles/frugality/", 4), ("/practice/question-bank/", 3)]
)
def test_each_coach_button_names_its_question_and_the_panel_title_is_a_heading(
    watch: Watch, site_url: str, path: str, level: int
):
    page = watch.page
    page.goto(site_url + path)
    openers = page.locator("[data-guide-lazy=coach] > button")
    ids = [
        json.loads(e.get_attribute("data-guide-data") or "{}")["q"]
        for e in page.locator("[data-guide-lazy=coach]").all()
    ]
    names = [b.evaluate("(e) => e.getAttribute('aria-label') || e.textContent") for b in openers.all()]
    assert len(set(names)) == len(names) == len(ids) > 1
    for i in (0, len(ids) - 1):
        if "question-bank" in path:
            page.locator("details.question summary").nth(i).click()  # a question's button shows once it is open
        expect(openers.nth(i)).to_have_accessible_name(f"Record an answer: {coach()['questions'][ids[i]]['text']}")
    openers.first.click()
    # The panel's title is a heading one level below the one above it (a question's h3 on a principle page).
    expect(
        page.get_by_role("heading", level=level, name=re.compile(re.escape(coach()["questions"][ids[0]]["text"])))
    ).to_be_visible()
    watch.check()


@pytest.mark.browser
def test_focus_stays_in_the_coach_when_the_focused_control_is_hidden(mic_browser: Any, site_url: str):
    """Stop, Keep, Save review and Delete hide themselves: the focus moves to the next control, not to the page."""
    w = Watch(mic_browser, site_url)
    try:
        page = w.page
        page.goto(site_url + "/amazon/leadership-principles/frugality/")
        page.locator("[data-guide-lazy=coach] > button").first.click()
        ready(page, "coach")
        page.get_by_role("button", name="Record answer").click()
        expect(page.get_by_role("button", name="Stop")).to_be_focused()
        page.wait_for_timeout(800)
        page.keyboard.press("Enter")  # Stop
        expect(page.get_by_role("button", name="Keep recording")).to_be_focused()
        page.keyboard.press("Enter")  # Keep
        expect(page.locator(".guide-coach__panel [role=status]").first).to_contain_text("kept on this device")
        expect(page.get_by_role("button", name="Review my answer")).to_be_focused()
        page.keyboard.press("Enter")  # Review my answer
        expect(page.locator("input[name=guide-coach-check]").first).to_be_focused()
        page.get_by_role("radio", name=re.compile("^Good")).check()
        page.get_by_role("button", name="Save review").focus()
        page.keyboard.press("Enter")
        expect(page.locator(".guide-coach__panel [role=status]").last).to_contain_text("Review saved")
        expect(page.get_by_role("button", name="Review my answer")).to_be_focused()
        page.get_by_role("button", name="Delete recording").focus()
        page.keyboard.press("Enter")
        expect(page.locator(".guide-coach__panel [role=status]").first).to_have_text(
            "Recording deleted from this device."
        )
        expect(page.get_by_role("button", name="Record answer")).to_be_focused()
        w.check()
    finally:
        w.close()


@pytest.mark.browser
def test_a_new_interview_date_updates_the_calendar_instead_of_adding_copies(watch: Watch, site_url: str):
    """Imported twice into a calendar (icalendar, events kept by UID, a higher SEQUENCE replacing
    a lower), the plan for a new date leaves one event per day and one interview, on the new date."""
    import icalendar

    page = watch.page
    page.clock.install(time=dt.datetime(2026, 12, 4, 9, 0))
    page.goto(site_url + PLAN)
    ready(page, "study-plan")
    calendar: dict[str, Any] = {}
    files = []
    for date in ["2026-12-24", "2026-12-28"]:
        page.locator("#guide-plan-date").fill(date)
        page.clock.run_for(61_000)  # a later download
        with page.expect_download() as info:
            page.get_by_role("button", name=re.compile("Download as a calendar")).click()
        files.append(Path(info.value.path()).read_bytes())
        for e in icalendar.Calendar.from_ical(files[-1]).walk("VEVENT"):
            uid = str(e["UID"])
            old = calendar.get(uid)
            if old is None or int(e.get("SEQUENCE", 0)) > int(old.get("SEQUENCE", 0)):
                calendar[uid] = e
    newest = icalendar.Calendar.from_ical(files[-1]).walk("VEVENT")
    interviews = [e.decoded("DTSTART") for e in calendar.values() if str(e["SUMMARY"]) == "Interview day"]
    assert interviews == [dt.date(2026, 12, 28)]
    assert len(calendar) == len(newest) == 25  # every event of the first file was updated, none added twice
    assert all("127.0.0.1" not in uid and "2026" not in uid for uid in calendar), list(
        calendar
    )  # neither the host nor a date
    assert sorted(e.decoded("DTSTART") for e in calendar.values()) == [
        dt.date(2026, 12, 4) + dt.timedelta(days=i) for i in range(25)
    ]
    watch.check()


@pytest.mark.browser
def test_what_to_practice_next_links_to_where_to_practice_it(watch: Watch, site_url: str):
    page = watch.page
    page.goto(site_url + READINESS)
    target = coach()["storiesTarget"]
    stories = [{**STORY, "id": f"s-{p}-{i}", "principles": [p]} for p in coach()["order"] for i in range(target)]
    q = site().questions[0]
    seed(page)  # a review of q, due on 2026-12-09
    page.evaluate(
        "([k, s]) => localStorage.setItem(k, JSON.stringify({ version: 1, stories: s }))",
        [coach()["keys"]["stories"], stories],
    )
    page.clock.install(time=dt.datetime(2026, 12, 10, 9, 0))
    page.reload()
    ready(page, "readiness")
    items = page.locator("#guide-readiness-next li")
    expect(items).to_have_count(3)
    expect(items.get_by_role("link")).to_have_count(3)
    unpracticed = next(p for p in coach()["order"] if p != q.principle)
    expect(items.nth(0).get_by_role("link")).to_have_text(f"{coach()['principles'][q.principle]['name']}: 1 review due")
    expect(items.nth(1).get_by_role("link")).to_have_text(
        f"{coach()['principles'][unpracticed]['name']}: no question practiced out loud yet"
    )
    items.nth(0).get_by_role("link").click()
    ready(page, "drill")
    page.go_back()
    ready(page, "readiness")
    items.nth(1).get_by_role("link").click()
    expect(page).to_have_url(re.compile(f"/amazon/leadership-principles/{unpracticed}/#practice-questions$"))
    expect(page.locator("#practice-questions")).to_be_visible()
    watch.check()


# --------------------------------------------------------------------------- coding problems


def problem_path(pid: str) -> str:
    return f"/amazon/coding/problems/{pid}/"


def code_key(pid: str) -> str:
    return coach()["coding"]["prefix"] + pid


def test_every_worked_problem_can_be_reviewed_and_never_under_a_question_id():
    keys = {code_key(p.id) for p in worked().problems}
    assert len(keys) == len(worked().problems)
    assert not keys & set(coach()["questions"]), "a problem's key never collides with a question id"
    assert coach()["coding"]["answerSeconds"] == 60 * site().number("interview-technical-minutes").max
    assert [p["id"] for p in coach()["coding"]["patterns"]] == [p.id for p in worked().patterns]
    assert set(coach()["coding"]["titles"]) == set(coach()["problems"])


SCHEDULER = "/javascripts/vendor/ts-fsrs/index.umd.js"


@pytest.mark.browser
def test_the_readiness_page_loads_the_scheduler_only_for_a_problem_to_enrol(watch: Watch, site_url: str):
    """The page rates nothing: it downloads ts-fsrs only to make the card of a newly solved problem."""
    page = watch.page
    scheduler = lambda: [u for u in watch.requests if u.endswith(SCHEDULER)]  # noqa: E731
    schedule = coach()["keys"]["schedule"]
    page.goto(site_url + READINESS)
    ready(page, "readiness")
    assert not scheduler(), "an empty browser: nothing to enrol"
    solve_in_store(page, [worked().problems[0].id], "2026-12-06T09:00:00.000Z")
    page.reload()
    ready(page, "readiness")
    page.wait_for_function(f"() => localStorage.getItem({schedule!r}) !== null")
    assert scheduler()
    cards = storage(page)[schedule]
    watch.requests.clear()
    page.reload()
    ready(page, "readiness")
    page.wait_for_timeout(300)
    assert not scheduler(), "the problem has its card: nothing to enrol"
    assert storage(page)[schedule] == cards
    watch.check()


@pytest.mark.browser
def test_a_scheduler_that_cannot_load_is_reported_once_and_tried_again_for_a_new_solve(watch: Watch, site_url: str):
    """The failure is said once, even while another tab keeps writing the code store (the runner
    saves as the candidate types); a new solve tries again, and its success clears the message."""
    page = watch.page
    schedule = coach()["keys"]["schedule"]
    first, second = (p.id for p in worked().problems[:2])
    page.goto(site_url + READINESS)
    solve_in_store(page, [first], "2026-12-06T09:00:00.000Z")
    code = storage(page)[coach()["keys"]["code"]]
    page.route(f"**{SCHEDULER}", lambda route: route.abort())
    watch.requests.clear()
    page.reload()
    ready(page, "readiness")
    alert = page.locator("#guide-readiness-msgs [role=alert]")
    expect(alert).to_contain_text("could not enter your spaced review")
    assert schedule not in storage(page) and storage(page)[coach()["keys"]["code"]] == code
    other = watch.new_page()
    other.goto(site_url + PLAN)
    for _ in range(3):  # the same solve saved again from another tab: no new attempt
        solve_in_store(other, [first], "2026-12-06T09:00:00.000Z")
    page.wait_for_timeout(500)
    assert len([u for u in watch.requests if u.endswith(SCHEDULER)]) == 1
    page.unroute(f"**{SCHEDULER}")
    solve_in_store(other, [first, second], "2026-12-06T09:00:00.000Z")  # a new solve: tried again
    page.wait_for_function(f"() => (localStorage.getItem({schedule!r}) || '').includes({code_key(second)!r})")
    expect(alert).to_have_text("")
    assert sorted(json.loads(storage(page)[schedule])["cards"]) == sorted([code_key(first), code_key(second)])
    watch.errors.clear()  # the aborted script's load error
    watch.check()


@pytest.mark.browser
def test_a_first_visit_finds_the_readiness_page_as_built(watch: Watch, site_url: str):
    """With nothing stored, the tool changes nothing it shows (the page is laid out once): the same
    markup as when the coach's script never runs."""
    shown = """() => ['guide-readiness-next', 'guide-readiness-table', 'guide-readiness-coding']
      .map((id) => document.getElementById(id).outerHTML)"""
    page = watch.page
    page.route("**/javascripts/coach-readiness.js", lambda route: route.abort())
    page.goto(site_url + READINESS)
    as_built = page.evaluate(shown)
    page.unroute("**/javascripts/coach-readiness.js")
    page.reload()
    ready(page, "readiness")
    assert page.evaluate(shown) == as_built
    watch.errors.clear()
    watch.check()


def solve_in_store(page: Any, pids: list[str], when: str) -> None:
    """What the code runner writes when every case passes (docs/javascripts/code-runner.js)."""
    page.evaluate(
        """([key, pids, when]) => localStorage.setItem(key, JSON.stringify({ version: 1, problems: Object.fromEntries(pids.map((id) => [id, { code: "def f(): pass", saved: when, solved: when }])) }))""",
        [coach()["keys"]["code"], pids, when],
    )


@pytest.mark.browser
def test_a_coding_talk_through_is_recorded_reviewed_and_scheduled_under_its_problem(mic_browser: Any, site_url: str):
    first, second = worked().problems[0].id, worked().problems[1].id
    w = Watch(mic_browser, site_url)
    try:
        page = w.page
        page.goto(site_url + problem_path(first))
        page.wait_for_load_state("networkidle")
        assert not [u for u in w.requests if "coach" in u or "ts-fsrs" in u], (
            "nothing of the coach before its first use"
        )
        page.get_by_role("button", name=f"Record a talk-through: {worked().problems[0].title}").click()
        panel = page.locator(".guide-coach__panel")
        expect(panel.get_by_role("button", name="Record talk-through")).to_be_focused()
        expect(panel.locator(".guide-coach__title")).to_have_text(f"Talk it through: {worked().problems[0].title}")
        panel.get_by_role("button", name="Record talk-through").click()
        page.wait_for_timeout(1200)
        panel.get_by_role("button", name="Stop").click()
        panel.get_by_role("button", name="Keep recording").click()
        expect(panel.locator("[role=status]").first).to_contain_text("kept on this device")
        assert [r["q"] for r in recordings(page)] == [code_key(first)]

        panel.get_by_role("button", name="Review my talk-through").click()
        boxes = panel.locator("input[name=guide-coach-check]")
        expect(boxes).to_have_count(len(coach()["coding"]["checklist"]))
        boxes.nth(0).check()
        boxes.nth(3).check()
        panel.get_by_role("radio", name=re.compile("^Good")).check()
        panel.get_by_role("button", name="Save review").click()
        expect(panel.locator("[role=status]").last).to_contain_text("Next review of this problem")
        kept = storage(page)
        [r] = json.loads(kept[coach()["keys"]["reviews"]])["reviews"][code_key(first)]
        assert r["checks"] == [True, False, False, True, False, False] and r["rating"] == 3
        cards = json.loads(kept[coach()["keys"]["schedule"]])["cards"]
        assert list(cards) == [code_key(first)]
        assert dt.datetime.fromisoformat(cards[code_key(first)]["due"].replace("Z", "+00:00")).date() > dt.date.today()

        # The runner reports a solve while the coach is open: the problem enters the spaced review at once.
        solved = "2026-12-05T08:00:00.000Z"
        solve_in_store(page, [second], solved)
        page.evaluate(
            "(id) => document.dispatchEvent(new CustomEvent('guide:code-solved', { detail: { id } }))", second
        )
        cards = json.loads(storage(page)[coach()["keys"]["schedule"]])["cards"]
        assert cards[code_key(second)]["last_review"] == solved and cards[code_key(second)]["reps"] == 1
        assert cards[code_key(first)]["reps"] == 1, "a problem already scheduled keeps its card"
        w.check()
    finally:
        w.close()


@pytest.mark.browser
def test_readiness_counts_each_coding_pattern_and_enrols_problems_solved_in_the_runner(watch: Watch, site_url: str):
    problems = worked().problems
    pattern = problems[0].pattern
    same = [p.id for p in problems if p.pattern == pattern]
    page = watch.page
    page.goto(site_url + READINESS)
    solved = "2026-12-06T09:00:00.000Z"
    solve_in_store(page, [same[0]], solved)
    page.evaluate(
        """([key, k]) => localStorage.setItem(key, JSON.stringify({ version: 1, reviews: { [k]: [{ date: "2026-12-06", seconds: 600, checks: [true, true, true, true, true, true], rating: 3 }] } }))""",
        [coach()["keys"]["reviews"], code_key(same[1])],
    )
    watch.requests.clear()
    page.reload()
    ready(page, "readiness")
    row = page.locator(f"#guide-readiness-coding tr[data-pattern='{pattern}'] td")
    n = len(same)
    expect(row).to_have_text([str(n), f"1 of {n}", f"1 of {n}", "0"])
    # The solve became a card as of the moment it was solved, Good, without the coach being opened:
    # the page loaded the scheduler for it.
    schedule = coach()["keys"]["schedule"]
    page.wait_for_function(f"() => localStorage.getItem({schedule!r}) !== null")
    cards = json.loads(storage(page)[schedule])["cards"]
    assert list(cards) == [code_key(same[0])] and cards[code_key(same[0])]["last_review"] == solved
    assert [u for u in watch.requests if u.endswith(SCHEDULER)]
    # A pattern with nothing solved is suggested, linked to its problems in the pattern guide.
    other = next(p for p in coach()["coding"]["patterns"] if p["id"] != pattern)
    suggestion = page.locator("#guide-readiness-next li a", has_text=f"{other['name']}: no coding problem solved yet")
    expect(suggestion).to_have_count(1)
    assert suggestion.get_attribute("href", timeout=1000).endswith(f"#{other['id']}")

    page.goto(site_url + "/")
    ready(page, "readiness-summary")
    expect(page.locator(".guide-readiness__summary")).to_contain_text(f"1 of {len(problems)} coding problems solved.")
    watch.check()


def coding_backup(page: Any, pid: str) -> None:
    """A talk-through of `pid`: its review, its card and its recording."""
    page.evaluate(
        """([keys, k, db]) => {
          localStorage.setItem(keys.stories, JSON.stringify({ version: 1, stories: [] }));
          localStorage.setItem(keys.reviews, JSON.stringify({ version: 1, reviews: { [k]: [{ date: "2026-12-01", seconds: 900, checks: [true, false, true, true, false, true], rating: 2 }] } }));
          localStorage.setItem(keys.schedule, JSON.stringify({ version: 1, cards: { [k]: { due: "2026-12-09T10:00:00.000Z", stability: 8.3, difficulty: 2.1, elapsed_days: 0, scheduled_days: 8, reps: 1, lapses: 0, learning_steps: 0, state: 2, last_review: "2026-12-01T10:00:00.000Z" } } }));
          return new Promise((ok, fail) => {
            const req = indexedDB.open(db.name, 1);
            req.onupgradeneeded = () => req.result.createObjectStore(db.store, { keyPath: "q" });
            req.onsuccess = () => {
              const tx = req.result.transaction(db.store, "readwrite");
              tx.objectStore(db.store).put({ q: k, type: "audio/webm", seconds: 4, date: "2026-12-01", blob: new Blob([new Uint8Array([9, 8, 7])], { type: "audio/webm" }) });
              tx.oncomplete = () => { req.result.close(); ok(); };
              tx.onerror = () => fail(tx.error);
            };
          });
        }""",
        [coach()["keys"], code_key(pid), coach()["db"]],
    )


@pytest.mark.browser
def test_a_coding_talk_through_round_trips_through_the_backup(watch: Watch, site_url: str, tmp_path: Path):
    pid = worked().problems[-1].id
    page = watch.page
    page.goto(site_url + READINESS)
    coding_backup(page, pid)
    page.reload()
    ready(page, "readiness")
    before, audio = ours(page), recordings(page)
    assert [r["q"] for r in audio] == [code_key(pid)]
    page.locator("#guide-readiness-with-audio").check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Export backup").click()
    backup = tmp_path / "backup.json"
    info.value.save_as(backup)
    page.get_by_role("button", name="Delete all my data on this device").click()
    expect(page.locator("#guide-readiness-delete-msgs [role=status]")).to_contain_text("Everything is deleted")
    assert ours(page) == {} and recordings(page) == []
    import_file(page, backup)
    expect(page.locator("#guide-readiness-file-msgs [role=status]")).to_contain_text("Backup imported")
    assert ours(page) == before and recordings(page) == audio
    expect(
        page.locator(f"#guide-readiness-coding tr[data-pattern='{worked().problems[-1].pattern}'] td").nth(1)
    ).to_contain_text("1 of")

    # A backup naming a problem this guide does not have changes nothing.
    data = json.loads(backup.read_text())
    data["reviews"]["reviews"][code_key("no-such-problem")] = data["reviews"]["reviews"][code_key(pid)]
    bad = tmp_path / "unknown.json"
    bad.write_text(json.dumps(data))
    import_file(page, bad)
    expect(page.locator("#guide-readiness-file-msgs [role=alert]")).to_contain_text(
        'Nothing was imported. In the backup, the self-reviews name an unknown question or coding problem "code:no-such-problem"'
    )
    assert ours(page) == before and recordings(page) == audio
    watch.check()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_coach_on_a_problem_page_passes_axe_and_shows_focus_in_both_palettes(
    mic_browser: Any, site_url: str, scheme: str
):
    problem = worked().problems[0]
    w = Watch(mic_browser, site_url, color_scheme=scheme)
    try:
        page = w.page
        page.goto(site_url + problem_path(problem.id))
        page.get_by_role("button", name=f"Record a talk-through: {problem.title}").click()
        page.get_by_role("button", name="Record talk-through").click()
        page.wait_for_timeout(500)
        page.get_by_role("button", name="Stop").click()
        expect(page.get_by_role("button", name="Keep recording")).to_be_visible()
        page.get_by_role("button", name="Review my talk-through").click()
        box = page.locator("input[name=guide-coach-check]").first
        box.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        expect(box).to_be_focused()
        outline = box.evaluate(
            "(e) => { const s = getComputedStyle(e); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
        )
        assert outline[0] != "none" and outline[1] > 0, "the keyboard focus is visible"
        page.mouse.move(0, 0)
        assert_no_axe_violations(page, f"{scheme}: the coach on a coding problem", include=[".guide-coach__panel"])
        assert_no_axe_violations(page, f"{scheme}: a coding problem with the coach open")
        w.check()
    finally:
        w.close()


@pytest.mark.browser
def test_a_stopped_recording_left_unkept_when_the_question_changes_is_said_and_a_second_next_keeps_the_note(
    mic_browser: Any, site_url: str
):
    """A hurried candidate presses Stop, then Next question without Keep; or Next twice while recording."""
    w = Watch(mic_browser, site_url)
    try:
        page = w.page
        page.goto(site_url + DRILL)
        ready(page, "coach")
        panel = page.locator(".guide-coach__panel")
        status = panel.locator("[role=status]").first
        page.get_by_role("button", name="Record answer").click()
        page.wait_for_timeout(1000)
        panel.get_by_role("button", name="Stop").click()
        expect(panel.get_by_role("button", name="Keep recording")).to_be_visible()
        page.get_by_role("button", name="Next question").click()
        expect(status).to_contain_text("had not kept")
        assert recordings(page) == []

        page.get_by_role("button", name="Record answer").click()
        page.wait_for_timeout(1000)
        page.get_by_role("button", name="Next question").click()
        page.get_by_role("button", name="Next question").click()
        page.wait_for_timeout(1000)
        expect(status).to_contain_text("not kept")
        assert recordings(page) == []
        w.check()
    finally:
        w.close()
