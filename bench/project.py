"""Project snapshots, the plain-Material baseline, and timed builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hooks.minify import FOLDERS

from .common import PYTHON, ROOT

# What a snapshot leaves out: tooling, caches, outputs and the benchmark itself (top level only).
_SKIP_TOP = {
    ".git",
    ".github",
    ".venv",
    ".cache",
    ".bench",
    "node_modules",
    "site",
    "dist",
    "bench",
    "tests",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".eslintcache",
    ".stylelintcache",
}
_SKIP_ANY = shutil.ignore_patterns("__pycache__", "*.pyc")


def _ignore(folder: str, names: list[str]) -> set[str]:
    skipped = set(_SKIP_ANY(folder, names))
    if Path(folder).resolve() == ROOT:
        skipped |= _SKIP_TOP & set(names)
    return skipped


# The site's own assets; the baseline is plain Material, so it does not get them.
OWN_ASSET_DIRS = FOLDERS  # as hooks/minify.py names them


@dataclass(frozen=True)
class Build:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system time of the build process and its children
    returncode: int
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def snapshot(dst: Path) -> Path:
    """Copy the project's sources to ``dst``, so one run measures one consistent tree."""
    dst = dst.resolve()
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(ROOT, dst, ignore=_ignore)
    # The build bundles and copies pinned npm packages (hooks/code_runner.py) and runs Workbox
    # (hooks/app.py) from node_modules: linked, not copied.
    if (ROOT / "node_modules").is_dir():
        (dst / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dst


def build_env(site_url: str | None) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))
    if site_url:
        env["SITE_URL"] = site_url
    return env


def timed_build(project: Path, out: Path, *, strict: bool, site_url: str | None = None, cold: bool = False) -> Build:
    """One clean ``mkdocs build`` in a fresh process, start-up and imports included, as a deploy pays them.

    Both wall-clock and CPU time are kept: on a shared machine other work
    stretches the wall clock, while the CPU time the build itself used stays put.
    ``cold`` first removes the project's compiled Python (``__pycache__``), as in a fresh clone or CI.
    """
    project, out = project.resolve(), out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    if cold:
        for folder in list(project.rglob("__pycache__")):
            shutil.rmtree(folder, ignore_errors=True)
    cmd = [PYTHON, "-m", "mkdocs", "build", "--quiet", "--strict" if strict else "--no-strict"]
    cmd += ["--config-file", str(project / "mkdocs.yml"), "--site-dir", str(out)]
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=project, env=build_env(site_url), stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Build(seconds, usage.ru_utime + usage.ru_stime, proc.returncode, stderr)


def page_count(project: Path) -> int:
    """Markdown pages in ``docs/``: each becomes one HTML page. The site generates some of its pages
    (hooks/data_pages.py); the baseline's ``docs/`` has every page written out."""
    return sum(1 for _ in (project / "docs").rglob("*.md"))


# --------------------------------------------------------------------------- baseline


def load_config(project: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it (``!ENV`` resolved, ``!!python/name`` imported)."""
    from mkdocs.utils.yaml import yaml_load

    with open(project / "mkdocs.yml", encoding="utf-8") as f:
        return yaml_load(f)


def dump_config(config: dict[str, Any], path: Path) -> None:
    """Write a config; PyYAML's full dumper writes imported callables back as ``!!python/name``."""
    path.write_text(yaml.dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def make_baseline(project: Path, dst: Path, site_url: str) -> Path:
    """The same rendered Markdown on plain Material, in ``dst``.

    Our pages' macros are rendered once, by a real build of ``project`` with a
    capture plugin (``bench.prerender``), and written out as plain Markdown with
    the pages' own front matter. The config keeps only what is content (name,
    description, nav, the Markdown extensions the pages are written in) and
    uses Material with its defaults: no custom_dir, palette, features, extra
    CSS/JS, tags or macros plugins. The one change from a default is
    ``font: false``: the default loads Google Fonts, which this machine cannot
    reach and which our site does not use either.
    """
    project, dst = project.resolve(), dst.resolve()
    shutil.rmtree(dst, ignore_errors=True)
    docs = dst / "docs"
    proc = subprocess.run(
        [PYTHON, "-m", "bench.prerender", str(project), str(docs)],
        cwd=project,  # so mkdocs-macros imports the snapshot's own macros/ package
        env=dict(build_env(None), PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"pre-rendering the macros failed:\n{proc.stderr[-4000:]}")
    src_docs = project / "docs"
    for path in src_docs.rglob("*"):
        rel = path.relative_to(src_docs)
        if path.is_dir() or path.suffix == ".md" or rel.parts[0] in OWN_ASSET_DIRS:
            continue
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)

    ours = load_config(project)
    baseline: dict[str, Any] = {"site_name": ours["site_name"]}
    for key in ("site_description", "copyright", "nav", "markdown_extensions"):
        if key in ours:
            baseline[key] = ours[key]
    baseline["site_url"] = site_url
    baseline["theme"] = {"name": "material", "font": False}
    dump_config(baseline, dst / "mkdocs.yml")
    return dst
