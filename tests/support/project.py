"""A lightweight copy of the project: what ``mkdocs build`` reads, nothing else.

The tests that build many broken variants use this rather than copying the
whole tree, which holds benchmarks and caches.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from macros.data import load_site
from macros.shape import generated_pages
from tests.support import ROOT
from tests.support.data import read_yaml, write_yaml

# Top-level entries a build never reads. Dot-folders (.git, .venv, caches) are skipped too.
NOT_BUILD_INPUT = {"node_modules", "site", "dist", "bench", "tests", "__pycache__"}


def copy_project(dst: Path) -> Path:
    """Copy the build inputs of the project into ``dst`` (node_modules is linked, not copied)."""
    dst.mkdir(parents=True)
    for entry in sorted(ROOT.iterdir()):
        if entry.name.startswith(".") or entry.name in NOT_BUILD_INPUT:
            continue
        if entry.is_dir():
            shutil.copytree(entry, dst / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, dst / entry.name)
    if (ROOT / "node_modules").is_dir():
        (dst / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dst


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """A plain ``mkdocs build --strict`` of ``project``, as a subprocess."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(project / "mkdocs.yml"),
            "--site-dir",
            str(site_dir),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


TINY_CONFIG = """\
site_name: Tiny
strict: true
theme:
  name: material
plugins:
  - macros:
      module_name: macros
      on_error_fail: true
      on_undefined: strict
hooks:
  - hooks/page_jinja.py
"""


def tiny_project(dst: Path, pages: dict[str, str]) -> Path:
    """A project of only the macros, their templates and data (and the hook that reads pages' Jinja), with
    ``pages`` (docs path -> Markdown) as its docs.

    Builds in about a second, for tests of what one page does with the macros.
    """
    dst.mkdir(parents=True)
    for name in ("data", "macros", "coding"):
        shutil.copytree(ROOT / name, dst / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides" / "partials" / "macros", dst / "overrides" / "partials" / "macros")
    (dst / "hooks").mkdir()
    shutil.copy2(ROOT / "hooks" / "page_jinja.py", dst / "hooks" / "page_jinja.py")
    (dst / "mkdocs.yml").write_text(TINY_CONFIG, encoding="utf-8")
    for path, text in pages.items():
        page = dst / "docs" / path
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    # data/search.yml may only name pages that exist or are generated (macros/search_terms.py): keep the
    # entries for these pages and for the generated ones, which a project with hooks/data_pages.py builds.
    search = dst / "data" / "search.yml"
    terms = read_yaml(search)
    kept = set(pages) | generated_pages(load_site(dst / "data"))
    terms["pages"] = [entry for entry in terms["pages"] if entry["page"] in kept]
    write_yaml(search, terms)
    return dst
