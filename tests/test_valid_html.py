"""Every built page is valid HTML by the Nu HTML Checker (vnu.jar, one Java run).

Errors are fixed where they are made (our templates, or Material's templates
overridden at Material's own paths), never filtered out of the report.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support import ROOT
from tests.support.site import built_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def page_files(site: Path) -> list[Path]:
    files = []
    for url in built_pages(site):
        path = site / url
        files.append(path / "index.html" if url == "" or url.endswith("/") else path)
    return files


def test_every_page_is_valid_html(built_site: Path) -> None:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java not found: install Debian's default-jre-headless (.ci/run does it)", pytrace=False)
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: run `npm ci` (make test does it)", pytrace=False)
    files = page_files(built_site)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(result.stderr or "{}")  # vnu writes its JSON report to stderr
    messages = report.get("messages", [])
    problems = []
    for m in messages:
        where = unquote(urlsplit(m.get("url", "")).path).removeprefix(str(built_site.resolve()))  # vnu says file:/...
        extract = " ".join(m.get("extract", "").split())
        problems.append(f"{where}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}\n    {extract}")
    assert not problems, f"{len(problems)} HTML error(s) in {len(files)} pages:\n" + "\n".join(problems)
    assert result.returncode == 0, result.stderr[-2000:]
