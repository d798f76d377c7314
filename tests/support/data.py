"""Whether the project's data loads, checked once per test session the way the build loads it.

One bad data file should cost an author one failure, not the same message from every test
that reads the data: ``tests/test_data_loads.py`` fails with the loader's one-line message
(file, entry, field), and every test that needs the data calls :func:`require_data` (the
``site_data`` fixture and the build fixtures in ``tests/conftest.py`` do) and is skipped with
a reason naming the file. On valid data nothing is skipped, and the suite allows no skip.
"""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.exceptions import PluginError

from hooks.tag_names import TAGS_FILE, load_names
from macros.context import Context
from macros.errors import DataError
from tests.support import ROOT

LOADS_TEST = "tests/test_data_loads.py"
LOADS_TEST_NAME = "test_the_data_loads"


@functools.cache
def data_problem() -> tuple[str, str] | None:
    """``(file, one-line message)`` of the first data file that does not load, or None when all do.

    Loads what a build loads: every file the macros read (``Context.from_project``) and the
    tag names (``hooks/tag_names.py``).
    """
    try:
        Context.from_project(ROOT, lambda: "index.md")
    except DataError as exc:
        return exc.file, str(exc)
    try:
        load_names(ROOT / TAGS_FILE)
    except PluginError as exc:
        return TAGS_FILE.as_posix(), str(exc)
    return None


def skip_reason(file: str) -> str:
    return f"{file} is invalid: see {LOADS_TEST_NAME}"


def data_skip_reason() -> str | None:
    """The reason every test that needs the data is skipped for, or None when the data loads."""
    problem = data_problem()
    return None if problem is None else skip_reason(problem[0])


def require_data() -> None:
    """Skip the calling test (or fixture) when the project's data does not load."""
    reason = data_skip_reason()
    if reason is not None:
        pytest.skip(reason)


def copy_data(dst: Path) -> Path:
    """A copy of ``data/`` at ``dst``, for a test to break; skips the test when ``data/`` itself does not load."""
    require_data()
    shutil.copytree(ROOT / "data", dst)
    return dst


# libyaml where installed: the tests that break a copy of data/ read and write its largest files.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def write_yaml(path: Path, doc: Any) -> None:
    path.write_text(yaml.dump(doc, Dumper=_DUMPER, sort_keys=False, allow_unicode=True), encoding="utf-8")


def edit_yaml(path: Path, change: Callable[[Any], None]) -> None:
    """``change`` the YAML document in ``path`` in place, and write it back."""
    doc = read_yaml(path)
    change(doc)
    write_yaml(path, doc)
