"""hooks/minify.py: readers get our CSS and JavaScript without the comments, and nothing else changed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from hooks.minify import own_assets
from tests.support import ROOT

DOCS = ROOT / "docs"
# Quoted strings and template literals on one line (our code has no multi-line ones).
LITERAL = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|`[^`]*`")
COMMENT = re.compile(r"/\*|^\s*//", re.M)


def sources() -> list[Path]:
    return own_assets(DOCS)  # the same folders and files, as written


def test_every_own_asset_is_served_minified_and_smaller(built_site: Path):
    served = own_assets(built_site)
    assert [p.relative_to(built_site) for p in served] == [p.relative_to(DOCS) for p in sources()]
    for source, copy in zip(sources(), served):
        text = copy.read_text(encoding="utf-8")
        assert not COMMENT.search(text), f"{copy.name} still has comments"
        assert len(text) < 0.85 * len(source.read_text(encoding="utf-8")), copy.name


@pytest.mark.parametrize("source", [p for p in sources() if p.suffix == ".js"], ids=lambda p: p.name)
def test_minified_scripts_keep_every_string_and_still_parse(built_site: Path, source: Path):
    copy = built_site / source.relative_to(DOCS)
    code = source.read_text(encoding="utf-8")
    without_comments = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    without_comments = re.sub(r"^\s*//.*$", "", without_comments, flags=re.M)
    assert LITERAL.findall(copy.read_text(encoding="utf-8")) == LITERAL.findall(without_comments)
    check = subprocess.run(["node", "--check", str(copy)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
