"""Screenshot built pages in Debian's Chromium, at phone and desktop widths, light and dark.

    python -m tools.screenshots SITE_DIR OUT_DIR [PATH ...]

Serves SITE_DIR on 127.0.0.1 and writes OUT_DIR/<name>-<width>-<scheme>.png for
each PATH (default: home, principles, one principle, one company guide).
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
DEFAULT_PATHS = ["", "amazon/leadership-principles/", "amazon/leadership-principles/dive-deep/", "companies/google/"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def main(site: Path, out: Path, paths: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=ARGS)
        for scheme in ("light", "dark"):
            for label, (w, h) in VIEWPORTS.items():
                ctx = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme)
                page = ctx.new_page()
                for path in paths:
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    name = path.strip("/").replace("/", "_") or "home"
                    page.screenshot(path=str(out / f"{name}-{label}-{scheme}.png"))
                ctx.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] or DEFAULT_PATHS)
