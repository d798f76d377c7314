"""The hosted site as an app (issue 27), in Chromium against strict builds.

* After one visit, with the network off: every built page, the search, and every
  practice tool (each tool element on its page, each tool loaded on first use, a
  recording kept and played back, a self-review saved) work, and nothing asks
  for another origin. The lists of pages and tools come from the build.
* A same-origin file no page lists is cached when first used, and only then.
* A new build: the open page says "A new version of the guide is ready", its
  Reload button is the first thing the keyboard reaches, and after Reload the
  change is on the page; a reader who ignores the prompt gets the new build on
  the next visit. A page with a policy of its own is loaded in full.
* What was cached on first use is refreshed by a new build, and dropped where
  the new build no longer has it. The first worker to take a page says the guide
  now works offline, without blocking the page under the notice.
* The Content-Security-Policy: no ``securitypolicyviolation`` on any page or
  through the tools' flows, and a script injected into a page is blocked.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import http.server
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from hooks.app import CODE_RUNNER_FILES, MANIFEST, precached
from tests.conftest import CHROMIUM_ARGS, chromium_path

# Every page records each policy violation it sees, from before its own scripts run.
VIOLATIONS = """
window.__violations = [];
addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""
FAKE_MIC = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
NOTICE = ".guide-notice"
UPDATE = "A new version of the guide is ready."


def page_urls(site: Path) -> list[str]:
    """Every page of the build, as site-relative URLs (directory URLs for index.html)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        urls.append(rel.removesuffix("index.html"))
    return urls


class _Tools(HTMLParser):
    """The tools on a built page: those started on load, and those loaded on the first press of a button."""

    def __init__(self) -> None:
        super().__init__()
        self.started: set[str] = set()
        self.lazy: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("data-guide-tool") and "data-guide-load-if-stored" not in a:
            self.started.add(str(a["data-guide-tool"]))
        if a.get("data-guide-lazy"):
            self.lazy.add(str(a["data-guide-lazy"]))


def tools_on(site: Path, url: str) -> _Tools:
    parser = _Tools()
    parser.feed((site / url / "index.html" if not url.endswith(".html") else site / url).read_text(encoding="utf-8"))
    return parser


class Visitor:
    """A browser context whose every request and every page's policy violations are recorded."""

    def __init__(self, browser: Any, origin: str, width: int = 1280, **options: Any) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 800}, **options)
        self.context.add_init_script(VIOLATIONS)
        self.origin = origin
        self.off_origin: list[str] = []
        self.violations: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", self._request)
        self.page = self.new_page()

    def _request(self, request: Any) -> None:
        if not request.url.startswith((self.origin + "/", "blob:", "data:")):
            self.off_origin.append(request.url)

    def new_page(self) -> Any:
        page = self.context.new_page()
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", lambda d: d.accept())
        return page

    def collect(self, page: Any | None = None) -> None:
        page = page or self.page
        self.violations += page.evaluate("() => window.__violations.splice(0)")

    def goto(self, url: str, page: Any | None = None) -> Any:
        page = page or self.page
        response = page.goto(url)
        page.wait_for_load_state("load")
        self.collect(page)
        return response

    def installed(self, page: Any | None = None) -> None:
        """Wait until the service worker has precached this build and controls the page."""
        page = page or self.page
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")

    def check(self) -> None:
        assert self.off_origin == [], f"requests left the origin: {self.off_origin}"
        assert self.violations == [], "Content-Security-Policy violations:\n" + "\n".join(self.violations)
        assert self.errors == [], f"JavaScript errors: {self.errors}"

    def close(self) -> None:
        self.context.close()


def launch(browser: Any, *extra: str) -> Any:
    return browser.browser_type.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS + list(extra))


@pytest.fixture(scope="module")
def mic_browser(browser: Any) -> Iterator[Any]:
    b = launch(browser, *FAKE_MIC)
    yield b
    b.close()


def ready(page: Any, tool: str) -> None:
    page.wait_for_selector(f"[data-guide-tool='{tool}'][data-guide-ready]", timeout=15_000)


def until(probe: Callable[[], Any], what: str, seconds: float = 30) -> Any:
    """Poll ``probe`` (an evaluate whose promise Playwright awaits) until it returns something true."""
    end = time.monotonic() + seconds
    while not (value := probe()):
        assert time.monotonic() < end, f"timed out waiting: {what}"
        time.sleep(0.25)
    return value


# --------------------------------------------------------------------------- offline after one visit


@pytest.mark.browser
def test_after_one_visit_every_page_the_search_and_every_tool_work_offline(
    mic_browser: Any, built_site: Path, site_url: str
):
    v = Visitor(mic_browser, site_url)
    try:
        page = v.page
        v.goto(site_url + "/")
        v.installed()
        v.context.set_offline(True)

        urls = page_urls(built_site)
        assert len(urls) > 30
        for url in urls:
            response = v.goto(f"{site_url}/{url}")
            assert response is not None and response.ok, f"/{url} offline: {response and response.status}"
            expect(page.locator("h1").first).to_be_visible()

        # The search, from the precached index.
        v.goto(site_url + "/")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("Frugality")
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
        expect(page.locator(".md-search-result__link", has_text="Frugality").first).to_be_visible()
        v.collect()

        # Every tool on every page starts; every tool loaded on first use loads and starts.
        used: set[str] = set()
        for url in urls:
            found = tools_on(built_site, url)
            if not (found.started | found.lazy) - used:
                continue
            v.goto(f"{site_url}/{url}")
            for name in found.started:
                ready(page, name)
            used |= found.started
            for name in found.lazy - used - FIRST_USE_ONLINE:
                button = page.locator(f"[data-guide-lazy='{name}'] > button:visible")
                if not button.count():
                    continue  # every button is in a closed section here: use the tool on another page
                button.first.click()
                ready(page, name)
                used.add(name)
            v.collect()
        every = (
            set().union(*(tools_on(built_site, u).started | tools_on(built_site, u).lazy for u in urls))
            - FIRST_USE_ONLINE
        )
        assert used == every and used, f"not used: {sorted(every - used)}"

        # The coach offline: a recording kept (the first stored data: the notice says whether the
        # browser keeps it), played back from its blob: URL, and a self-review saved.
        v.goto(site_url + "/practice/drill/")
        ready(page, "coach")
        page.get_by_role("button", name="Record answer").click()
        page.wait_for_timeout(1200)
        page.get_by_role("button", name="Stop").click()
        page.get_by_role("button", name="Keep recording").click()
        expect(page.locator(".guide-coach__panel [role=status]").first).to_contain_text("kept on this device")
        expect(page.locator(f"{NOTICE} [data-guide-notice=storage]")).to_contain_text("practice data")
        assert page.evaluate(
            "() => { const a = document.querySelector('audio.guide-coach__audio'); a.muted = true; return a.play().then(() => !a.paused); }"
        )
        page.get_by_role("button", name="Review my answer").click()
        page.get_by_role("radio", name=re.compile("^Good")).check()
        page.get_by_role("button", name="Save review").click()
        expect(page.locator(".guide-coach__panel [role=status]").last).to_contain_text("Review saved")
        v.collect()

        # Recordings never pass through the worker: its caches hold only files of the site.
        cached = page.evaluate(
            "() => caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys())))).then((all) => all.flat().map((r) => r.url))"
        )
        assert cached and all(u.startswith(site_url + "/") for u in cached), [
            u for u in cached if not u.startswith(site_url + "/")
        ]
        v.check()
    finally:
        v.close()


# The code runner's editor and Python, megabytes a reader may never need, are cached when first used online, not precached:
# offline before that first use, its button says it needs a connection once (the test below).
FIRST_USE_ONLINE = {"code-runner"}


@pytest.mark.browser
def test_the_code_runner_works_offline_once_used_online_and_says_so_before(browser: Any, site_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        problem = site_url + "/amazon/coding/problems/lru-cache/"
        page.goto(problem)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        context.set_offline(True)
        page.reload()
        page.get_by_role("button", name="Open the editor").click()
        expect(page.locator(".guide-notice")).to_contain_text("needs a connection", timeout=15_000)

        def open_and_run(offline: bool) -> None:
            context.set_offline(offline)
            page.reload()
            page.get_by_role("button", name="Open the editor").click()
            expect(page.locator(".guide-runner .cm-content")).to_be_visible(timeout=30_000)
            page.get_by_role("button", name="Run the tests").click()
            expect(page.locator("[data-runner=status]")).to_contain_text("cases passed", timeout=120_000)

        open_and_run(offline=False)  # the first use, online, caches the editor and Python
        open_and_run(offline=True)
    finally:
        context.close()


@pytest.mark.browser
def test_a_file_no_page_lists_is_cached_when_first_used(browser: Any, built_site: Path, site_url: str):
    listed = {e["url"].split("?")[0] for e in precached(built_site)}
    extra = sorted(
        p.relative_to(built_site).as_posix()
        for p in (built_site / "assets").rglob("*.js")
        if p.relative_to(built_site).as_posix() not in listed
    )
    assert len(extra) >= 2, "the test needs two same-origin scripts that are not precached"
    used, unused = extra[0], extra[1]
    v = Visitor(browser, site_url)
    try:
        v.goto(site_url + "/")
        v.installed()
        fetch = "(u) => fetch(u).then((r) => r.status, () => 'failed')"
        assert v.page.evaluate(fetch, used) == 200
        v.context.set_offline(True)
        assert v.page.evaluate(fetch, used) == 200, "a file fetched once is served offline"
        assert v.page.evaluate(fetch, unused) == "failed", "a file never fetched is not cached ahead of use"
        v.check()
    finally:
        v.close()


@pytest.mark.browser
def test_the_first_worker_says_the_guide_now_works_offline_and_lets_clicks_through(browser: Any, site_url: str):
    v = Visitor(browser, site_url, width=360)
    try:
        page = v.page
        v.goto(site_url + "/")
        news = page.locator(f"{NOTICE} [data-guide-notice=offline]")
        expect(news).to_be_visible(timeout=60_000)
        assert page.evaluate("() => navigator.serviceWorker.controller !== null"), "said before a worker took the page"
        box = news.bounding_box()
        assert box
        under = page.evaluate(
            "([x, y]) => !!document.elementFromPoint(x, y).closest('.guide-notice')",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert not under, "the news blocks clicks on the page under it"
        expect(news).to_have_count(0, timeout=15_000)
        v.goto(site_url + "/amazon/")
        page.wait_for_timeout(1_000)
        expect(news).to_have_count(0)  # said once, when the worker first took a page
        v.check()
    finally:
        v.close()


@pytest.mark.browser
def test_chromium_finds_the_site_installable_and_the_notice_offers_it_until_dismissed(
    browser: Any, site_url: str, tmp_path: Path
):
    # A persistent profile: Chromium never offers to install from an incognito one (Playwright's contexts).
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=chromium_path(),
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 360, "height": 800},
    )
    try:
        context.add_init_script(
            "window.__offered = 0; addEventListener('beforeinstallprompt', () => window.__offered++);"
        )
        page = context.new_page()
        page.goto(site_url + "/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getAppManifest")["errors"] == []
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        page.reload()
        notice = page.locator(f"{NOTICE} [data-guide-notice=install]")
        expect(notice).to_contain_text("Install the guide", timeout=20_000)
        expect(notice.get_by_role("button", name="Install")).to_be_visible()
        notice.get_by_role("button", name="Dismiss").click()
        expect(notice).to_have_count(0)
        page.reload()
        page.wait_for_function("() => window.__offered > 0", timeout=20_000)
        expect(notice).to_have_count(0)
    finally:
        context.close()


# --------------------------------------------------------------------------- a new build


CHANGE = "This sentence was added by the update test."


class _Switchable(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="module")
def two_builds(
    tmp_path_factory: pytest.TempPathFactory, project_factory: Callable[[Path], Path], site_builder: Callable[..., Any]
) -> Iterator[tuple[str, Callable[[str], None], str]]:
    """(url, show, policy page): three builds for one server; ``show(name)`` picks the one it serves.

    "old" is the site; "new" a changed copy, which adds :data:`CHANGE` to the home page and a policy
    of its own to one page; "retired" the site built with ``SERVICE_WORKER=retire``.
    """
    root = tmp_path_factory.mktemp("update")
    live = root / "live"
    handler = functools.partial(_Switchable, directory=str(live))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    project = project_factory(root / "project")
    home = project / "docs" / "index.md"
    home.write_text(home.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{CHANGE}\n", encoding="utf-8")
    own = project / "docs" / "tags.md"
    text = own.read_text(encoding="utf-8")
    assert text.startswith("---\n"), "the policy page needs front matter"
    own.write_text("---\ncsp: {script-src: \"'wasm-unsafe-eval'\"}\n" + text[4:], encoding="utf-8")
    harness = project / "coding" / "harness.py"  # a file cached on first use, changed by the new build
    harness.write_text(
        harness.read_text(encoding="utf-8") + "\n# Changed by the update test's new build.\n", encoding="utf-8"
    )
    builds = {}
    for name, config, worker in (
        ("old", None, None),
        ("new", project / "mkdocs.yml", None),
        ("retired", None, "retire"),
    ):
        out = root / name
        if worker:
            os.environ["SERVICE_WORKER"] = worker
        try:
            result = site_builder(out, site_url=url + "/", **({"config": config} if config else {}))
        finally:
            os.environ.pop("SERVICE_WORKER", None)
        assert result.returncode == 0, result.stderr
        builds[name] = out

    def show(name: str) -> None:
        tmp = root / "live.tmp"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(builds[name], target_is_directory=True)
        os.replace(tmp, live)

    show("old")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield url, show, "tags/"
    finally:
        server.shutdown()


@contextlib.contextmanager
def installed_old_build(
    browser: Any, two_builds: tuple[str, Callable[[str], None], str], width: int = 1280
) -> Iterator[Visitor]:
    """A visitor whose worker has installed the old build; the server shows the old build again afterwards."""
    url, show, _ = two_builds
    show("old")
    v = Visitor(browser, url, width=width)
    try:
        v.goto(url + "/")
        v.installed()
        yield v
    finally:
        v.close()
        show("old")


@pytest.mark.browser
def test_a_new_build_is_offered_and_reload_shows_it(browser: Any, two_builds: tuple[str, Callable[[str], None], str]):
    url, show, _ = two_builds
    with installed_old_build(browser, two_builds, width=360) as v:
        page = v.page
        show("new")
        v.goto(url + "/")  # the visit finds the new worker; this page is still the old build
        notice = page.locator(f"{NOTICE} [data-guide-notice=update]")
        expect(notice).to_contain_text(UPDATE, timeout=30_000)
        expect(page.get_by_text(CHANGE)).to_have_count(0)
        assert page.locator(NOTICE).get_attribute("role") == "status"
        box = notice.bounding_box()
        assert box and box["y"] + box["height"] <= 800 and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent") == "Reload"
        page.keyboard.press("Enter")
        expect(page.get_by_text(CHANGE)).to_be_visible(timeout=30_000)
        expect(page.locator(f"{NOTICE} [data-guide-notice=update]")).to_have_count(0)
        v.collect()
        v.check()


@pytest.mark.browser
def test_an_ignored_prompt_leaves_the_old_build_for_one_visit_at_most(
    browser: Any, two_builds: tuple[str, Callable[[str], None], str]
):
    url, show, _ = two_builds
    with installed_old_build(browser, two_builds) as v:
        show("new")
        v.goto(url + "/")
        expect(v.page.locator(f"{NOTICE} [data-guide-notice=update]")).to_contain_text(UPDATE, timeout=30_000)
        v.page.close()  # the reader leaves without pressing Reload
        later = v.new_page()
        v.goto(url + "/", later)
        expect(later.get_by_text(CHANGE)).to_be_visible()
        v.collect(later)
        v.check()


@pytest.mark.browser
def test_a_page_with_a_policy_of_its_own_is_loaded_in_full(
    browser: Any, two_builds: tuple[str, Callable[[str], None], str]
):
    url, show, own = two_builds
    show("new")
    v = Visitor(browser, url)
    try:
        page = v.page
        v.goto(url + "/")
        page.wait_for_function("() => typeof document$ !== 'undefined'")
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "'wasm-unsafe-eval'" not in policy
        page.evaluate("() => { window.__same_document = true; }")
        # Instant navigation is on: a page with the common policy is swapped into this document.
        page.evaluate("() => document.querySelector(`a[href$='/amazon/']`).click()")
        page.wait_for_url(f"{url}/amazon/")
        expect(page.locator("h1").first).to_be_visible()
        assert page.evaluate("() => window.__same_document") is True
        page.evaluate("(own) => document.querySelector(`a[href$='${own}']`).click()", own)  # the navigation's link
        page.wait_for_url(f"{url}/{own}")
        # Swapped in by instant navigation, it would keep the old policy: site.js loads it in full.
        page.wait_for_function(
            "() => window.__same_document === undefined && document.readyState === 'complete'", timeout=15_000
        )
        expect(page.locator("h1").first).to_be_visible()
        assert "'wasm-unsafe-eval'" in page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute(
            "content"
        )
        v.collect()
        v.check()
    finally:
        v.close()
        show("old")


# --------------------------------------------------------------------------- the policy


@pytest.mark.browser
def test_a_script_injected_into_a_page_is_blocked(browser: Any, site_url: str):
    v = Visitor(browser, site_url)
    try:
        page = v.page
        v.goto(site_url + "/practice/star-planner/")
        ready(page, "star-planner")
        with pytest.raises(Exception, match="violates the following Content Security Policy directive 'script-src"):
            page.add_script_tag(content="window.__injected = 'inline';")
        failed: list[str] = []
        page.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
        page.evaluate(
            """() => {
              const img = document.createElement("div");
              img.innerHTML = '<img src="missing.png" onerror="window.__injected = \\'handler\\'">';
              document.body.append(img);
              const s = document.createElement("script");
              s.src = "http://127.0.0.2:9/evil.js";
              document.body.append(s);
            }"""
        )
        page.wait_for_function("() => window.__violations.length >= 3")
        assert page.evaluate("() => window.__injected") is None
        seen = page.evaluate("() => window.__violations")
        assert sum("script-src" in s for s in seen) == 3, seen
        assert v.off_origin == ["http://127.0.0.2:9/evil.js"]  # announced to Playwright, then refused
        assert [f for f in failed if "evil.js" in f] == ["http://127.0.0.2:9/evil.js csp"], (
            failed
        )  # refused by the policy, never sent
    finally:
        v.close()


def test_the_manifest_names_the_site_and_its_icons_exist(built_site: Path):
    manifest = json.loads((built_site / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["name"] and manifest["start_url"] == "./" and manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-f]{3,6}", manifest["theme_color"])
    purposes = {(i["purpose"], i["type"]) for i in manifest["icons"]}
    assert {("any", "image/png"), ("maskable", "image/png")} <= purposes
    for icon in manifest["icons"]:
        data = (built_site / icon["src"]).read_bytes()
        if icon["type"] == "image/png":
            width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
            assert f"{width}x{height}" == icon["sizes"], icon
        else:
            assert data.startswith(b"<svg")
    pages = page_urls(built_site)
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="manifest" href="{MANIFEST}">' in html
    assert len(pages) > 30


def test_the_worker_precaches_every_page_and_asset_of_the_build(built_site: Path):
    listed = {e["url"] for e in precached(built_site)}
    assert all(len(e["revision"]) == 32 for e in precached(built_site) if "revision" in e)
    files = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    must = {
        f
        for f in files
        if f.endswith((".html", ".css")) or f.startswith(("javascripts/", "generated/", "search/", "app/icon"))
    }
    must |= {MANIFEST, "sitemap.xml"} | {
        f for f in files if f.startswith("assets/javascripts/") and f.count("/") == 2 and f.endswith(".js")
    }
    # The code runner's editor and Python runtime are cached on first use instead (hooks/app.py).
    runner = {f for f in files if any(fnmatch.fnmatch(f, pattern) for pattern in CODE_RUNNER_FILES)}
    assert runner and not runner & listed, "the code runner's files are not precached"
    must -= runner
    assert must <= listed, sorted(must - listed)
    assert not any(u.endswith((".map", ".gz")) or u == "sw.js" for u in listed)
    assert listed <= files


@pytest.mark.browser
def test_a_retiring_build_removes_the_worker_and_its_caches(
    browser: Any, two_builds: tuple[str, Callable[[str], None], str]
):
    url, show, _ = two_builds
    with installed_old_build(browser, two_builds) as v:
        page = v.page
        assert page.evaluate("() => caches.keys().then((k) => k.length)") > 0
        show("retired")
        v.goto(url + "/amazon/")  # the visit fetches the retiring worker, which reloads the page from the network
        page.wait_for_function("() => navigator.serviceWorker.controller === null", timeout=30_000)
        until(
            lambda: page.evaluate("() => navigator.serviceWorker.getRegistrations().then((r) => r.length === 0)"),
            "the worker unregisters",
        )
        page.wait_for_load_state("load")
        assert page.evaluate("() => caches.keys()") == []
        assert page.locator('link[rel="manifest"]').count() == 0
        v.goto(url + "/")
        assert page.evaluate("() => navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0, (
            "pages of a retiring build register nothing"
        )
        v.collect()
        v.check()


# Files cached on first use: one the new build changes, one it leaves alone. CACHED_DATE gives the
# date the server sent with the copy in the cache.
CHANGED_FILE = "javascripts/code-runner-harness.py"
SAME_FILE = "javascripts/code-runner-worker.js"
CACHED_DATE = """async (path) => {
  const url = new URL(path, location.origin + "/").href;
  for (const name of await caches.keys()) {
    if (!name.includes("first-use")) continue;
    const hit = await (await caches.open(name)).match(url);
    if (hit) return hit.headers.get("date") || "no date";
  }
  return null;
}"""


@pytest.mark.browser
def test_a_new_build_refreshes_only_what_it_changed_of_what_was_cached_on_first_use(
    browser: Any, two_builds: tuple[str, Callable[[str], None], str]
):
    url, show, _ = two_builds
    with installed_old_build(browser, two_builds) as v:
        page = v.page
        for path in (CHANGED_FILE, SAME_FILE):
            assert page.evaluate("(u) => fetch(u).then((r) => r.status)", path) == 200
        changed = until(lambda: page.evaluate(CACHED_DATE, CHANGED_FILE), "the file is cached on first use")
        same = until(lambda: page.evaluate(CACHED_DATE, SAME_FILE), "the file is cached on first use")
        page.evaluate(
            """() => caches.keys().then((names) => caches.open(names.find((n) => n.includes("first-use"))))
          .then((cache) => cache.put(location.origin + "/gone-in-the-new-build.js", new Response("old")))"""
        )
        assert page.evaluate(CACHED_DATE, "gone-in-the-new-build.js") == "no date"
        page.wait_for_timeout(1_100)  # the server's Date header counts seconds
        show("new")
        v.goto(url + "/")
        expect(page.locator(f"{NOTICE} [data-guide-notice=update]")).to_contain_text(UPDATE, timeout=30_000)
        page.get_by_role("button", name="Reload").click()
        expect(page.get_by_text(CHANGE)).to_be_visible(timeout=30_000)
        until(
            lambda: page.evaluate(CACHED_DATE, CHANGED_FILE) not in (changed, None),
            "the new build refreshes the file it changed",
        )
        until(lambda: page.evaluate(CACHED_DATE, "gone-in-the-new-build.js") is None, "a file no build has is dropped")
        assert page.evaluate(CACHED_DATE, SAME_FILE) == same, "a file the new build left alone was downloaded again"
        hashes = """() => caches.keys().then((names) => caches.open(names.find((n) => n.endsWith("-hashes"))))
          .then((c) => c.match(new URL("first-use-revisions.json", location.origin + "/").href)).then((r) => r.json())"""
        until(
            lambda: set(page.evaluate(hashes)) == {CHANGED_FILE, SAME_FILE},
            "each copy held is recorded with the new build's hash",
        )
        v.context.set_offline(True)
        status = "(u) => fetch(u).then((r) => r.status, () => 'failed')"
        assert page.evaluate(status, "first-use-revisions.json") != 200, "the worker's own hashes are served to a page"
        v.context.set_offline(False)
        v.collect()
        v.check()
