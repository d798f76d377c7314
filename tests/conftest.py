"""Shared fixtures: one strict build per test session, a local HTTP server, and Chromium.

Browser tests use Debian's Chromium (``/usr/bin/chromium`` or ``$CHROMIUM``);
Playwright never downloads a browser. No test may skip: a skip is reported as
a failure, so a missing tool can never pass silently.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from typing import Iterator

import pytest

from tools.build import build

ROOT = Path(__file__).resolve().parent.parent
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
    if report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped tests are not allowed here: {report.longrepr}"


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
