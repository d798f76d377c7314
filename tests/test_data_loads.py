"""One bad data file, one failure: this test, with the loader's one-line message.

Every other test that needs the data is skipped then, with a reason that names the broken
file and points here (``tests/support/data.py``), so the author reads the message once
instead of once per test. The second test proves that on a copy of the project.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.data import LOADS_TEST, LOADS_TEST_NAME, data_problem, read_yaml, write_yaml


def test_the_data_loads() -> None:
    problem = data_problem()
    if problem is not None:
        pytest.fail(problem[1], pytrace=False)


# Tests that need the data in each of the ways the suite's tests get it, and one that does not.
PROBE = """\
from tests.support.data import copy_data, require_data


def test_reads_the_data(site_data):
    assert site_data.principles


def test_breaks_a_copy_of_the_data(tmp_path):
    assert (copy_data(tmp_path / "data") / "questions.yml").is_file()


def test_loads_the_data_itself():
    require_data()


def test_builds_a_project(tiny_project):
    assert callable(tiny_project)


def test_needs_no_data():
    assert "data" not in str(1)
"""


def _run_probe(project: Path) -> subprocess.CompletedProcess[str]:
    """This file's first test and PROBE, run by pytest in ``project`` as ``make check`` would."""
    (project / "tests" / "test_probe.py").write_text(PROBE, encoding="utf-8")
    # -rs lists each skip reason (once per reason); without the -ra of pyproject.toml, the
    # failure's message is shown once, in its report, and not again in the short summary.
    command = [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider"]
    command += [f"{LOADS_TEST}::{LOADS_TEST_NAME}", "tests/test_probe.py"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, tiny_project: Callable[[Path, dict[str, str]], Path]) -> Path:
    """The macros, their data and the test suite's fixtures, in a copy of the project (the build
    tier, like every test on a copy: two runs of pytest are too slow for `make check`)."""
    dst = tiny_project(tmp_path_factory.mktemp("data-loads") / "project", {"index.md": "# Home\n"})
    for name in ("hooks", "tools"):
        shutil.copytree(ROOT / name, dst / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    (dst / "tests").mkdir()
    for name in ("__init__.py", "conftest.py", LOADS_TEST.removeprefix("tests/")):
        shutil.copy2(ROOT / "tests" / name, dst / "tests" / name)
    shutil.copytree(ROOT / "tests" / "support", dst / "tests" / "support", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", dst / "pyproject.toml")
    return dst


def test_on_valid_data_nothing_is_skipped(project: Path) -> None:
    result = _run_probe(project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert re.search(r"^6 passed in ", output, flags=re.M), output


def test_a_misspelled_id_fails_one_test_and_skips_those_that_need_the_data(project: Path) -> None:
    questions = project / "data" / "questions.yml"
    entries = read_yaml(questions)
    misspelled = entries[0]["principle"] + "-misspelled"
    entries[0]["principle"] = misspelled
    original = questions.read_text(encoding="utf-8")
    write_yaml(questions, entries)
    try:
        result = _run_probe(project)
    finally:
        questions.write_text(original, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert re.search(r"^1 failed, 1 passed, 4 skipped in ", output, flags=re.M), output
    # The loader's message, once: the file, the entry and the field, on one line.
    lines = [line for line in output.splitlines() if misspelled in line]
    assert len(lines) == 1, output
    assert lines[0].startswith("data/questions.yml, entry ") and "field 'principle'" in lines[0], output
    assert output.count(misspelled) == 1, output
    assert "Traceback" not in output, output
    # One line for the skips, naming the file and the test that says what is wrong with it.
    skips = [line for line in output.splitlines() if line.startswith("SKIPPED")]
    assert skips == [f"SKIPPED [4] {LOADS_TEST}: data/questions.yml is invalid: see {LOADS_TEST_NAME}"], output
