"""Links: no broken internal link or anchor (LinkChecker over HTTP), and every
external link is https and on the one allowed list (tests/external_links.py).
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.external_links import allowed_external_urls
from tests.support.site import built_pages

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
# Attributes through which a page links to or loads another address.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "data", "srcset"}
# Schemes that are not an address on the network.
INLINE_SCHEMES = ("data",)


class _LinkCheckerHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site with a ``LinkChecker`` response header: LinkChecker's
    signal that the server allows checking faster than its default pace."""

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "unthrottled: local test server")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # LinkChecker hangs up once it has what it needs; that is not an error


def run_linkchecker(origin: str, pages: list[str], workdir: Path) -> list[dict[str, str]]:
    """Check every page (each one a start URL, so unlinked pages such as 404.html
    count too) and every link and anchor on them; return LinkChecker's CSV rows.

    Only URLs under ``origin`` are fetched; every other URL is checked for
    syntax only (no --check-extern, and --ignore-url for anything off-site),
    so the check never touches the network.
    """
    if not LINKCHECKER.is_file():
        pytest.fail(f"{LINKCHECKER} is missing: install the test extras (requirements-test.lock)", pytrace=False)
    config = workdir / "linkcheckerrc"
    # LinkChecker waits 0.1-0.6 s between requests to a host unless the host answers
    # with a "LinkChecker" header (our handler does) and the rate allows more.
    config.write_text("[checking]\nmaxrequestspersecond=1000\n\n[AnchorCheck]\n", encoding="utf-8")
    config.chmod(0o644)  # LinkChecker drops root privileges; the file is read before that
    result = subprocess.run(
        [
            str(LINKCHECKER),
            "--config",
            str(config),
            "--no-status",
            "--no-robots",
            "--threads",
            "0",  # one thread: the work is CPU-bound parsing, threads only contend
            "--output",
            "csv",
            "--verbose",  # every checked URL, so the test can see that every page was reached
            "--ignore-url",
            f"^(?!{re.escape(origin)}/)",
            *(f"{origin}/{page}" for page in pages),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    lines = [line for line in result.stdout.splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    assert result.returncode in (0, 1) and rows, (
        f"LinkChecker did not run ({result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    )
    return rows


@pytest.fixture(scope="module")
def linkchecker_rows(
    built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, list[dict[str, str]]]]:
    handler = functools.partial(_LinkCheckerHandler, directory=str(built_site))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield origin, run_linkchecker(origin, built_pages(built_site), tmp_path_factory.mktemp("linkchecker"))
    finally:
        server.shutdown()


def test_no_broken_internal_links_or_anchors(linkchecker_rows: tuple[str, list[dict[str, str]]]) -> None:
    origin, rows = linkchecker_rows
    broken = []
    for row in rows:
        internal = row["url"].startswith(origin + "/")
        if row["valid"] == "False" or (internal and row["warningstring"]):
            problem = " ".join(f"{row['result']} {row['warningstring']}".split())
            problem = problem.split(" Available anchors:")[0]  # LinkChecker then lists every anchor on the page
            where = row["parentname"].removeprefix(origin) or "(start URL)"
            broken.append(f"{row['urlname']} on {where}, line {row['line']}: {problem}")
    assert not broken, f"{len(broken)} broken link(s) or anchor(s):\n" + "\n".join(broken)


def test_linkchecker_checked_every_page_and_external_urls_only_for_syntax(
    linkchecker_rows: tuple[str, list[dict[str, str]]], built_site: Path
) -> None:
    """Guards the test above: a crawl that missed pages, or fetched off-site URLs, proves nothing."""
    origin, rows = linkchecker_rows
    fetched = {row["url"] for row in rows if row["valid"] == "True" and row["url"].startswith(origin + "/")}
    missing = [page for page in built_pages(built_site) if f"{origin}/{page}" not in fetched]
    assert not missing, f"LinkChecker did not check: {missing}"
    anchors = [row for row in rows if row["url"].startswith(origin + "/") and "#" in row["url"]]
    assert anchors, "LinkChecker checked no anchor at all"
    # Off-site URLs are "filtered" (syntax checked only) or "ignored" (data: URLs), never fetched.
    fetched_elsewhere = [
        row["url"]
        for row in rows
        if not row["url"].startswith(origin + "/") and row["result"] not in ("filtered", "ignored")
    ]
    assert not fetched_elsewhere, f"LinkChecker fetched off-site URLs: {fetched_elsewhere[:5]}"


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.targets.add(a["id"])  # type: ignore[arg-type]
        if tag == "a" and a.get("name"):
            self.targets.add(a["name"])  # type: ignore[arg-type]
        href = a.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            self.links.append((self.getpos()[0], unquote(href[1:])))


def test_same_page_anchors_exist(built_site: Path) -> None:
    """LinkChecker follows page#anchor links but skips fragment-only ones (href="#x"),
    as a deliberately broken one showed, so those are checked here."""
    broken = []
    checked = 0
    for page in built_pages(built_site):
        path = built_site / page / "index.html" if page == "" or page.endswith("/") else built_site / page
        parser = _Anchors()
        parser.feed(path.read_text(encoding="utf-8"))
        checked += len(parser.links)
        broken += [f"/{page}:{line}: #{target}" for line, target in parser.links if target not in parser.targets]
    assert checked, "no same-page anchor link found at all"
    assert not broken, f"{len(broken)} link(s) to an anchor missing from its own page:\n" + "\n".join(broken)


# --------------------------------------------------------------------------- external links


class _UrlCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[int, str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name not in URL_ATTRIBUTES or not value:
                continue
            values = (
                [part.strip().split()[0] for part in value.split(",") if part.strip()]
                if name == "srcset"
                else [value.strip()]
            )
            for url in values:
                self.urls.append((self.getpos()[0], tag, name, url))


def external_urls(site: Path) -> dict[str, list[str]]:
    """Every absolute URL off the site, with where it appears (``page:line <tag attr>``)."""
    index = (site / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', index)
    own = [canonical.group(1)] if canonical else []  # site_url: the site's own published address
    found: dict[str, list[str]] = {}
    for page in built_pages(site):
        path = site / page / "index.html" if page == "" or page.endswith("/") else site / page
        collector = _UrlCollector()
        collector.feed(path.read_text(encoding="utf-8"))
        for line, tag, attr, url in collector.urls:
            parts = urlsplit(url)
            if not (parts.scheme or url.startswith("//")):
                continue  # relative: on this site
            if parts.scheme in INLINE_SCHEMES or any(url.startswith(prefix) for prefix in own):
                continue
            found.setdefault(url, []).append(f"/{page}:{line} <{tag} {attr}>")
    return found


def test_every_external_link_is_https_and_allowed(built_site: Path) -> None:
    allowed = allowed_external_urls()
    found = external_urls(built_site)
    assert found, "no external link found at all: the collector is broken"
    bad = []
    for url, places in sorted(found.items()):
        if not url.startswith("https://"):
            bad.append(f"not https: {url}  ({', '.join(places[:3])})")
        elif url not in allowed:
            bad.append(f"not on the allowed list: {url}  ({', '.join(places[:3])})")
    assert not bad, (
        f"{len(bad)} external link(s) not allowed; cite a source from data/sources/ "
        "or add the URL to tests/external_links.py with its reason:\n" + "\n".join(bad)
    )
