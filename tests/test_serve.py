"""``make serve`` (``tools/serve.py``) keeps serving through an author's mistakes: it prints the
one-line error and rebuilds when the file is fixed, whether the mistake was there from the
start, came with an edit, or ended MkDocs' own server."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support import ROOT

PAGE = "# Home\n\nAn interview lasts {{{{ {call} }}}}. Version {version}.\n"
GOOD = 'number("interview-minutes")'
WAIT = 60  # seconds, for one start or rebuild of a one-page project on a busy machine
RESTARTS = "starts again when a file it watches changes"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _get(url: str, timeout: float = 2) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            text: str = response.read().decode("utf-8")
            return text
    except (OSError, urllib.error.URLError):
        return None


class Serve:
    def __init__(self, project: Path, log: Path) -> None:
        self.project = project
        self.log = log
        self.url = f"http://127.0.0.1:{_free_port()}"
        command = [sys.executable, "-m", "tools.serve", "--config-file", str(project / "mkdocs.yml")]
        command += ["--dev-addr", self.url.removeprefix("http://")]
        with log.open("wb") as out:
            self.process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def write(self, call: str, version: str) -> None:
        (self.project / "docs" / "index.md").write_text(PAGE.format(call=call, version=version), encoding="utf-8")

    def wait_for(self, what: str, found: Callable[[], bool]) -> None:
        deadline = time.monotonic() + WAIT
        while not found():
            assert self.process.poll() is None, f"tools.serve ended while waiting for {what}:\n{self.output()}"
            assert time.monotonic() < deadline, f"no {what} after {WAIT} s:\n{self.output()}"
            time.sleep(0.2)

    def wait_for_page(self, version: str) -> None:
        self.wait_for(f"page of version {version}", lambda: f"Version {version}." in (_get(self.url + "/") or ""))

    def wait_for_error(self, line: str, count: int) -> None:
        """Until ``line`` is the ``count``-th one-line error MkDocs printed."""
        self.wait_for(f"error {line!r}", lambda: self.errors().count(line) >= count)

    def errors(self) -> list[str]:
        return re.findall(r"^ERROR\s+-\s+(?:\[[\d:]+\] )?(.*)$", self.output(), flags=re.M)


@pytest.fixture
def serve(tiny_project: Callable[[Path, dict[str, str]], Path], tmp_path: Path) -> Iterator[Callable[[str], Serve]]:
    """``start(call)``: tools.serve on a one-page project whose page holds ``{{ call }}`` from the start."""
    project = tiny_project(tmp_path / "project", {"index.md": "# Home\n"})
    started: list[Serve] = []

    def start(call: str) -> Serve:
        (project / "docs" / "index.md").write_text(PAGE.format(call=call, version="0"), encoding="utf-8")
        started.append(Serve(project, tmp_path / "serve.log"))
        return started[0]

    yield start
    for server in started:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.process.kill()
            raise
        # Its mkdocs serve went with it: nothing listens on the port (connections closed by the
        # test may linger in TIME_WAIT, which SO_REUSEADDR allows; a listener it does not).
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", int(server.url.rsplit(":", 1)[1])))


def test_serve_survives_mistakes_and_rebuilds_when_they_are_fixed(serve: Callable[[str], Serve]) -> None:
    # A mistake from the start: MkDocs' serve ends at its first build; tools.serve waits for the fix.
    server = serve('numbr("interview-minutes")')
    server.wait_for_error("docs/index.md:3: unknown macro or variable 'numbr' (did you mean 'number'?)", 1)
    server.wait_for("the restart notice", lambda: RESTARTS in server.output())
    server.write(GOOD, "1")
    server.wait_for_page("1")

    # Mistakes in an edit: the rebuild fails, MkDocs' server stays up (its pages wait for a good
    # build, its live-reload endpoint answers), and the fix is served.
    for call, line in (
        ('number("interview-minutes"', "docs/index.md:3: unexpected '}', expected ')'"),
        (
            'number("interview-minuts")',
            "docs/index.md: number(\"interview-minuts\"): unknown number id 'interview-minuts'",
        ),
        (
            'number("interview-minutes", only="mid")',
            'docs/index.md: number("interview-minutes", only="mid"): only must be "min" or "max", got "mid"',
        ),
    ):
        server.write(call, "2")
        server.wait_for_error(line, 1)
        assert _get(server.url + "/livereload/0/0") is not None, server.output()
    server.write(GOOD, "3")
    server.wait_for_page("3")
    assert "Traceback" not in server.output(), server.output()
    assert server.output().count(RESTARTS) == 1, server.output()
