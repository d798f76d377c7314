"""``make serve``: MkDocs' live-reloading server, kept running through an author's mistakes.

    python -m tools.serve [--dev-addr 127.0.0.1:8000] [--config-file mkdocs.yml]

``mkdocs serve`` (MkDocs 1.6) rebuilds on every change to the files it watches. When a
rebuild fails it prints the error, keeps the server up (pages wait until a build succeeds)
and rebuilds on the next change. It ends, though, when

* the first build fails: there is no site yet, and ``serve`` returns the error; or
* a macro fails while a page renders: mkdocs-macros' ``on_error_fail`` ends the process
  with ``SystemExit``, which the rebuild loop does not catch (it catches ``Exception``).

This runs ``mkdocs serve --strict`` through MkDocs' command line, unchanged, and when it
ends with an error, waits for a change to the files it watches (the docs, the config file
and the config's ``watch`` list) and starts it again, so the author fixes the file and
carries on. The mistakes authors make most (an unknown macro, an unclosed call, an unknown
id, a bad data file) are reported as one line: ``hooks/page_jinja.py``, the macros'
``MacroError`` and ``DataError``. Strict builds (``make build``, the tests) do not run
through this and still stop at the first error.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.5
# Never read by a build: what a change there means nothing to the site.
IGNORED = {"node_modules", "site", "dist", "__pycache__"}


def watched(config_file: Path) -> list[Path]:
    """What ``mkdocs serve`` watches: the docs, the config file and the config's ``watch`` list.

    A config that does not load (the mistake may be in it) is watched with the project's folders.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        config = load_config(str(config_file))
    except (ConfigurationError, OSError):
        project = config_file.parent
        return [p for p in project.iterdir() if not p.name.startswith(".") and p.name not in IGNORED]
    return [Path(config.docs_dir), config_file, *(Path(p) for p in config.watch)]


def snapshot(paths: Iterable[Path]) -> dict[str, tuple[int, int]]:
    """Every file under ``paths`` with its modification time and size."""
    found: dict[str, tuple[int, int]] = {}
    for path in paths:
        if path.is_file():
            files = [path]
        else:
            files = []
            for folder, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".") and d not in IGNORED]
                files += [Path(folder) / name for name in names]
        for file in files:
            try:
                stat = file.stat()
            except OSError:  # removed while we looked: the next snapshot will not have it
                continue
            found[str(file)] = (stat.st_mtime_ns, stat.st_size)
    return found


def wait_for_change(paths: list[Path], before: dict[str, tuple[int, int]]) -> None:
    while snapshot(paths) == before:
        time.sleep(POLL_SECONDS)


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="IP:PORT to serve on")
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    config_file = args.config_file.resolve()
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict"]
    command += ["--config-file", str(config_file), "--dev-addr", args.dev_addr]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    signal.signal(signal.SIGTERM, _stop)
    server: subprocess.Popen[bytes] | None = None
    try:
        while True:
            paths = watched(config_file)
            server = subprocess.Popen(command, cwd=config_file.parent, env=env)
            if server.wait() == 0:  # stopped on purpose (Ctrl-C)
                return 0
            server = None
            # At once, so that a fix saved from now on is seen.
            before = snapshot(paths)
            print(
                "make serve: mkdocs serve stopped at the error above; it starts again when a file it "
                "watches changes (Ctrl-C ends)",
                file=sys.stderr,
                flush=True,
            )
            wait_for_change(paths, before)
    except KeyboardInterrupt:
        return 0
    finally:
        if server is not None and server.poll() is None:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
