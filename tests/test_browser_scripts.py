"""The practice tools' pure logic, run under Node's own test runner (``node --test``).

Each tool script in ``docs/javascripts/`` keeps its logic in plain functions that it
exports through ``module.exports`` when Node loads it (CONTRIBUTING.md, "Browser
scripts"); ``tests/js/<tool>.test.js`` tests them. No build and no browser: these
belong to the unit tier.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.js"))


def test_every_tool_with_exported_logic_has_node_tests():
    exporting = {
        p.stem
        for p in (ROOT / "docs" / "javascripts").glob("*.js")
        if "module.exports" in p.read_text(encoding="utf-8")
    }
    assert exporting, "no tool script exports its logic"
    assert exporting == {p.name.removesuffix(".test.js") for p in NODE_TESTS}


def test_node_tests_pass():
    # One runner for every file, which names the file and the test that failed.
    files = [str(p.relative_to(ROOT)) for p in NODE_TESTS]
    result = subprocess.run(["node", "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    # A test marked skip or todo passes Node's runner; here, as everywhere in the suite, it may not.
    assert "# skipped 0" in result.stdout and "# todo 0" in result.stdout, result.stdout
