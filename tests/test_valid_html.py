"""Every built page is valid HTML by the Nu HTML Checker (vnu.jar, one Java run).

Errors are fixed where they are made (our templates, or Material's templates
overridden at Material's own paths), never filtered out of the report.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support.site import built_pages

ROOT = Path(__file__).resolve().parent.parent
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


# --------------------------------------------------------------------------- Material template edits

from hooks.material_patches import PATCHES, patch_source  # noqa: E402

MATERIAL = Path(__import__("material").__file__).parent / "templates"


@pytest.mark.parametrize("name", sorted(PATCHES))
def test_material_template_edits_still_apply(name: str) -> None:
    """Each edit matches the installed Material exactly as often as expected."""
    source = (MATERIAL / name).read_text(encoding="utf-8")
    patched = patch_source(name, source, PATCHES[name])
    for old, new, _ in PATCHES[name]:
        assert new in patched
    assert not (ROOT / "overrides" / name).exists(), f"overrides/{name} would hide Material's file from the edit"


def test_a_changed_material_template_stops_the_build() -> None:
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"Material's base.html contains .* 0 time\(s\), expected 1"):
        patch_source("base.html", "<html></html>", PATCHES["base.html"])


def test_built_pages_carry_the_edits(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<form id="__md-toggles" autocomplete="off" hidden></form>' in html
    assert 'id="__drawer" form="__md-toggles">' in html and 'id="__search" form="__md-toggles">' in html
    assert 'tabindex=""' not in html
