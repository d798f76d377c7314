"""hooks/minify.py: readers get our CSS and JavaScript without comments or spare white space, and nothing else changed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hooks.minify import minify, own_assets
from tests.support import ROOT

DOCS = ROOT / "docs"
# Quoted strings and template literals on one line (our code has no multi-line ones).
LITERAL = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`[^`]*`")
COMMENT = re.compile(r"/\*|^\s*//", re.M)


def sources() -> list[Path]:
    return own_assets(DOCS)  # the same folders and files, as written


def minified(source: Path, folder: Path) -> Path:
    """``source`` minified by the hook's own function, in a copy under ``folder``."""
    copy = folder / source.name
    shutil.copyfile(source, copy)
    minify(copy)
    return copy


@pytest.mark.parametrize("source", sources(), ids=lambda p: p.name)
def test_minifying_drops_comments_and_indentation(source: Path, tmp_path: Path):
    text = minified(source, tmp_path).read_text(encoding="utf-8")
    assert not COMMENT.search(text), f"{source.name} still has comments"
    assert not re.search(r"^[ \t]", text, re.M), f"{source.name} still has indentation"


SCRIPTS = [p for p in sources() if p.suffix == ".js"]
# Node compiles each file named on its command line without running it, as `node --check` does:
# as a classic script, or as a module when only a module parses (the code runner's worker is one).
PARSE_ALL = """
const fs = require("fs"), vm = require("vm");
let failed = 0;
for (const file of process.argv.slice(1)) {
  const code = fs.readFileSync(file, "utf8");
  try { new vm.Script(code, {filename: file}); }
  catch (asScript) {
    try { new vm.SourceTextModule(code, {identifier: file}); }
    catch (asModule) {
      failed++;
      console.error(file + ": " + (/module|export/.test(asScript.message) ? asModule : asScript).stack);
    }
  }
}
process.exitCode = failed ? 1 : 0;
"""


@pytest.mark.parametrize("source", SCRIPTS, ids=lambda p: p.name)
def test_minified_scripts_keep_every_string(source: Path, tmp_path: Path):
    copy = minified(source, tmp_path)
    code = source.read_text(encoding="utf-8")
    without_comments = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    without_comments = re.sub(r"^\s*//.*$", "", without_comments, flags=re.M)
    assert LITERAL.findall(copy.read_text(encoding="utf-8")) == LITERAL.findall(without_comments)


def test_minified_scripts_still_parse(tmp_path: Path):
    copies = [str(minified(source, tmp_path)) for source in SCRIPTS]
    check = subprocess.run(
        ["node", "--experimental-vm-modules", "--no-warnings", "-e", PARSE_ALL, *copies],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.returncode == 0, check.stderr


def test_readers_get_exactly_the_minified_sources(built_site: Path, tmp_path: Path):
    served = own_assets(built_site)
    assert [p.relative_to(built_site) for p in served] == [p.relative_to(DOCS) for p in sources()]
    for source, copy in zip(sources(), served, strict=True):
        assert copy.read_bytes() == minified(source, tmp_path).read_bytes(), copy.name
