"""Build the site with the generators it may move to: ProperDocs and Zensical.

    python -m tools.longevity properdocs OUTPUT_DIR
    python -m tools.longevity zensical OUTPUT_DIR

Each generator lives in its own virtual environment under ``.cache/venvs/``,
installed with ``pip --require-hashes`` from its lock file
(``requirements-<name>.lock``) and reused while the lock is unchanged.
``tests/test_longevity.py`` uses these builds to show that the parts our
macros generate come out the same as with MkDocs.

* ProperDocs builds the project in place from the unchanged mkdocs.yml,
  with Material, mkdocs-macros and hooks/publish.py running on it.
* Zensical 0.0.73 reads mkdocs.yml itself and runs ``macros.define_env``
  through its own re-implementation of mkdocs-macros (not the plugin). It
  always writes ``site_dir`` and a ``.cache`` next to mkdocs.yml, so it builds
  a copy of the sources. Two things differ from MkDocs and are handled here,
  not hidden: the macros package must be importable (``PYTHONPATH``), and
  theme overrides listed in :data:`ZENSICAL_UNSUPPORTED_OVERRIDES` are left
  out of the copy, because Zensical renders theme templates with MiniJinja,
  which has no Python methods. Each needs porting before a real switch (see
  README, "Longevity"). Zensical runs no hooks, so the pages and nav entries that
  hooks/data_pages.py makes from the data for MkDocs are
  written into the copy (:func:`write_data_pages`).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.build import ROOT, source_date_epoch

VENVS = ROOT / ".cache" / "venvs"
GENERATORS = ("properdocs", "zensical")

# Theme overrides Zensical cannot render, and why. Leaving one out only changes
# theme chrome, never what the macros generate.
ZENSICAL_UNSUPPORTED_OVERRIDES = {
    "overrides/partials/source-file.html": "calls date.isoformat() and date.strftime(); MiniJinja has no Python methods",
    "overrides/partials/toc.html": "calls lang.t(), the macro Material's base.html imports; Zensical's nav-item.html"
    " includes it without that import",
    # Copies of Material's files with a change (tests/test_material.py): Zensical ships its own versions.
    "overrides/partials/nav-item.html": "a copy of Material's nav-item.html; Zensical's navigation is its own",
    "overrides/partials/palette.html": "a copy of Material's palette.html; Zensical's palette toggle is its own",
}
# What a Zensical build needs from the project.
SOURCES = ("mkdocs.yml", "docs", "data", "macros", "overrides", "hooks", "coding")


def lock_file(name: str) -> Path:
    return ROOT / f"requirements-{name}.lock"


def ensure_venv(name: str) -> Path:
    """The venv for generator ``name``, installed from its lock file if not yet there."""
    lock = lock_file(name)
    digest = hashlib.sha256(lock.read_bytes()).hexdigest()[:12]
    venv = VENVS / f"{name}-{digest}"
    stamp = venv / ".installed"
    VENVS.mkdir(parents=True, exist_ok=True)
    with open(VENVS / f".{name}.lock", "w") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)  # one installer at a time, e.g. two test runs
        if stamp.is_file():
            return venv
        shutil.rmtree(venv, ignore_errors=True)
        try:
            # No pip inside: this interpreter's pip installs into the venv, which saves
            # bootstrapping pip twice; byte-code is compiled on first import instead.
            subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
            pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", str(venv / "bin" / "python")]
            install = ["install", "--quiet", "--no-compile", "--require-hashes", "-r", str(lock)]
            result = subprocess.run([*pip, *install], capture_output=True, text=True)
            if result.returncode != 0:
                raise RuntimeError(f"installing {lock.name} failed:\n{result.stdout}\n{result.stderr}")
            stamp.write_text(f"{lock.name} {digest}\n", encoding="utf-8")
        except BaseException:
            shutil.rmtree(venv, ignore_errors=True)
            raise
    return venv


def _env(site_url: str | None, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH", "OFFLINE")}
    env.update(SOURCE_DATE_EPOCH=source_date_epoch(ROOT), NO_MKDOCS_2_WARNING="1")
    if site_url is not None:
        env["SITE_URL"] = site_url
    env.update(extra or {})
    return env


def build_properdocs(output: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """``properdocs build --strict`` of the project, unchanged, into ``output``.

    ``site_url`` overrides the ``SITE_URL`` environment variable that mkdocs.yml reads.
    """
    venv = ensure_venv("properdocs")
    return subprocess.run(
        [
            str(venv / "bin" / "properdocs"),
            "build",
            "--strict",
            "--config-file",
            str(ROOT / "mkdocs.yml"),
            "--site-dir",
            str(output),
        ],
        cwd=ROOT,
        env=_env(site_url),
        capture_output=True,
        text=True,
    )


def zensical_sources(target: Path) -> Path:
    """A copy of what Zensical builds from, less :data:`ZENSICAL_UNSUPPORTED_OVERRIDES`."""
    target.mkdir(parents=True)
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy2(src, target / name)
    for rel in ZENSICAL_UNSUPPORTED_OVERRIDES:
        (target / rel).unlink(missing_ok=True)
    write_data_pages(target)
    return target


def write_data_pages(target: Path) -> None:
    """Zensical runs no hooks: write the principles' and the worked problems' pages, which
    hooks/data_pages.py generates for MkDocs, as files of the copy, and its nav as that hook extends it
    from the data."""
    import yaml

    from hooks.data_pages import (
        extend_nav,
        guide_pages,
        principle_path,
        principle_source,
        principles,
        problem_path,
        problem_source,
        problems,
    )

    pages = guide_pages(ROOT)
    for principle in principles(ROOT):
        page = target / "docs" / principle_path(pages, principle["id"])
        page.write_text(principle_source(principle), encoding="utf-8")
    for problem in problems(ROOT):
        (target / "docs" / problem_path(problem["id"])).write_text(problem_source(problem), encoding="utf-8")
    config = target / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "nav:"), None)
    if start is None:
        raise SystemExit("mkdocs.yml has no top-level 'nav:'")
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] not in (" ", "#", "\n")), len(lines))
    nav = yaml.safe_load("".join(lines[start:end]))["nav"]
    extend_nav(nav, ROOT)
    lines[start:end] = [yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True, width=1000)]
    config.write_text("".join(lines), encoding="utf-8")


def build_zensical(output: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """``zensical build --strict`` of a copy of the project; the site is moved to ``output``."""
    venv = ensure_venv("zensical")
    with tempfile.TemporaryDirectory(prefix="zensical-") as tmp:
        project = zensical_sources(Path(tmp) / "project")
        result = subprocess.run(
            [str(venv / "bin" / "zensical"), "build", "--strict", "--config-file", str(project / "mkdocs.yml")],
            cwd=project,
            env=_env(site_url, {"PYTHONPATH": str(project)}),
            capture_output=True,
            text=True,
        )
        if result.returncode == 0:
            shutil.rmtree(output, ignore_errors=True)
            output.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(project / "site"), output)
        return result


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in GENERATORS:
        print("usage: python -m tools.longevity {properdocs|zensical} OUTPUT_DIR", file=sys.stderr)
        return 2
    builder = build_properdocs if argv[0] == "properdocs" else build_zensical
    result = builder(Path(argv[1]).resolve())
    sys.stderr.write(result.stdout + result.stderr)
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
