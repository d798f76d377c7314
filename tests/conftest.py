"""Shared fixtures and the test tiers.

Fixtures (``ROOT`` itself lives in ``tests/support``): the site's data loaded
once (``site_data``); one strict build per session served on a local HTTP
server (``built_site``, ``site_url``);
one offline zip (``offline_zip``, ``offline_site``); Chromium (``browser``,
``page``); ``project_factory``, ``tiny_project`` and ``site_builder`` for
tests that build a changed copy of the project, a one-page project, or the
site with other settings.

Tiers are applied here, from the fixtures a test uses, so nobody marks a test
by hand: a test that uses a build, the offline zip, a project copy or a browser
is marked ``build`` (and ``browser`` when it drives Chromium); every other test
is marked ``unit``. ``make check`` runs ``-m unit`` (no build, no browser);
``make test`` runs everything.

Browser tests use Debian's Chromium (``/usr/bin/chromium`` or ``$CHROMIUM``);
Playwright never downloads a browser. No test may skip: a skip is reported as
a failure, so a missing tool can never pass silently. The one exception is a
data file that does not load (``tests/support/data.py``): then
``tests/test_data_loads.py`` fails with the loader's message, and the tests
that need the data (through ``site_data``, the build fixtures or
``require_data()``) are skipped with a reason naming the file.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from macros.data import SiteData, load_site
from tests.support import ROOT
from tests.support.data import LOADS_TEST, data_skip_reason, require_data
from tests.support.project import copy_project, tiny_project as make_tiny_project
from tools.build import build
from tools.offline import TOP_DIR, build_offline

# Hypothesis's properties (tests/test_coding.py) are the same on every machine: derandomized, no
# example database, no deadline. `make test` and CI draw 200 cases per property ("full", the
# default); `make check`, the quick loop while you work, draws 25 of the same kind ("check").
_EVERYWHERE = {"derandomize": True, "database": None, "deadline": None, "suppress_health_check": list(HealthCheck)}
settings.register_profile("full", max_examples=200, **_EVERYWHERE)
settings.register_profile("check", max_examples=25, **_EVERYWHERE)
settings.load_profile("full")

# Fixtures that make a test slow, and the tier marks each one brings. A test
# using any of them (directly or through another fixture) is not a unit test.
BROWSER_FIXTURES = frozenset({"browser", "page"})
BUILD_FIXTURES = (
    frozenset(
        {"built_site", "site_url", "offline_zip", "offline_site", "project_factory", "tiny_project", "site_builder"}
    )
    | BROWSER_FIXTURES
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        marked = {m.name for m in item.iter_markers()}  # a hand-made `browser` mark still counts
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & BUILD_FIXTURES or marked & {"browser", "build"}:
            item.add_marker(pytest.mark.build)
        else:
            item.add_marker(pytest.mark.unit)


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {path}. Install Debian's package (sudo apt-get install chromium) "
            "or point the CHROMIUM environment variable at a Chromium binary.",
            pytrace=False,
        )
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.skipped and _skipped_for_bad_data(call):
        # One line in the summary for all of them, at the test that says why, rather than one per place.
        report.longrepr = (str(ROOT / LOADS_TEST), None, str(call.excinfo.value) if call.excinfo else "")
        return
    if report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped tests are not allowed here: {report.longrepr}"


def _skipped_for_bad_data(call: pytest.CallInfo[None]) -> bool:
    """Whether the test was skipped by ``require_data()`` because a data file does not load."""
    reason = data_skip_reason()
    return reason is not None and call.excinfo is not None and str(call.excinfo.value) == reason


@pytest.fixture(scope="session")
def site_data() -> SiteData:
    """``data/`` loaded once per session; the test is skipped when a data file does not load."""
    require_data()
    return load_site(ROOT / "data")


# The fixtures below copy or build the project, which only makes sense when its data loads.


@pytest.fixture(scope="session")
def project_factory() -> Callable[[Path], Path]:
    """``copy(dst)``: a copy of the project's build inputs in ``dst``, for a test to change and build."""
    require_data()
    return copy_project


@pytest.fixture(scope="session")
def tiny_project() -> Callable[[Path, dict[str, str]], Path]:
    """``make(dst, pages)``: a project of only the macros and data with the given docs pages (tests/support/project.py)."""
    require_data()
    return make_tiny_project


@pytest.fixture(scope="session")
def site_builder() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``tools.build.build``, for a test that builds the site its own way (a different URL or project)."""
    require_data()
    return build


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline edition, built and zipped once per session the way ``make offline`` does."""
    require_data()
    target = tmp_path_factory.mktemp("offline") / "dist" / "interview-guide-offline.zip"
    result = build_offline(target)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return target


@pytest.fixture(scope="session")
def offline_site(offline_zip: Path) -> Path:
    """The offline zip unpacked: the folder a reader opens ``index.html`` in."""
    out = offline_zip.parent.parent / "unzipped"
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(out)
    return out / TOP_DIR


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A server bound before the build, so the site is built for the URL it is served at.

    Material navigates instantly only to pages listed in sitemap.xml under the
    site's own origin, so the build's site_url must match the test server.
    """
    root = tmp_path_factory.mktemp("build")
    out = root / "site"
    out.mkdir()
    server, url = serve_dir(out)
    try:
        yield out, url
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def built_site(_site_server: tuple[Path, str]) -> Path:
    """The real site, built strictly once per session for the test server's URL."""
    require_data()
    out, url = _site_server
    result = build(out, site_url=url + "/")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def serve_dir(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(built_site: Path, _site_server: tuple[Path, str]) -> str:
    """Base URL (no trailing slash) of the built site served on 127.0.0.1."""
    return _site_server[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    yield pg
    context.close()
