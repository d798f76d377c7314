"""The in-page code runner's files, brought into each build from their pinned npm packages (listed under ``hooks:``).

* ``javascripts/vendor/codemirror/editor.js``: CodeMirror 6 with Python, bundled by esbuild from
  ``docs/javascripts/src/code-editor.js`` (excluded from the site as a page asset) into one classic
  script, so it also runs from ``file://`` in the offline edition.
* ``javascripts/vendor/pyodide/``: the Pyodide runtime (CPython compiled to WebAssembly), copied
  from ``node_modules/pyodide`` as the package ships it. Not in the offline edition: a page opened
  from a file cannot start a worker, and the runner says so instead.
* ``javascripts/code-runner-harness.py``: ``coding/harness.py``, which the worker runs inside Pyodide.

Nothing is fetched from a CDN: every file comes from ``package-lock.json`` or this repository.
The runner's script and worker are ordinary files under ``docs/javascripts/``.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

EDITOR_SOURCE = Path("docs/javascripts/src/code-editor.js")
EDITOR_TARGET = Path("javascripts/vendor/codemirror/editor.js")
PYODIDE_PACKAGE = Path("node_modules/pyodide")
PYODIDE_TARGET = Path("javascripts/vendor/pyodide")
# What loadPyodide() fetches for the standard library alone: no extra packages are used.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "package.json",
)
HARNESS_SOURCE = Path("coding/harness.py")
HARNESS_TARGET = Path("javascripts/code-runner-harness.py")
ESBUILD = Path("node_modules/.bin/esbuild")


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _offline(config: MkDocsConfig) -> bool:
    from material.plugins.offline.plugin import OfflinePlugin

    return any(isinstance(p, OfflinePlugin) and p.config.enabled for p in config.plugins.values())


def _needs(project: Path, path: Path) -> Path:
    found = project / path
    if not found.exists():
        raise PluginError(f"The code runner needs {path}: run `npm ci` first (package-lock.json pins it).")
    return found


def _bundle_editor(project: Path, target: Path, cache: Path) -> None:
    """esbuild's bundle of the editor, made once per version of its source and of the lock file."""
    key = hashlib.sha256(
        (project / EDITOR_SOURCE).read_bytes() + (project / "package-lock.json").read_bytes()
    ).hexdigest()[:16]
    cached = cache / f"code-editor-{key}.js"
    if not cached.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        esbuild = _needs(project, ESBUILD)
        result = subprocess.run(
            [
                str(esbuild),
                str(project / EDITOR_SOURCE),
                "--bundle",
                "--format=iife",
                "--minify",
                "--legal-comments=none",
                "--log-level=error",
                f"--outfile={cached}",
            ],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise PluginError(f"{EDITOR_SOURCE}: esbuild could not bundle the editor:\n{result.stderr.strip()}")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    shutil.copyfile(_needs(project, Path("node_modules/@codemirror/view/LICENSE")), target.parent / "LICENSE")


# After hooks/minify.py (default priority 0): these files are served as built, never re-minified.
@event_priority(-50)
def on_post_build(config: MkDocsConfig) -> None:
    project = _project_dir(config)
    site = Path(config.site_dir)
    _bundle_editor(project, site / EDITOR_TARGET, project / ".cache" / "code-editor")
    shutil.copyfile(project / HARNESS_SOURCE, site / HARNESS_TARGET)
    if _offline(config):
        return
    package = _needs(project, PYODIDE_PACKAGE)
    target = site / PYODIDE_TARGET
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source, copy = package / name, target / name
        if (
            copy.is_file()
            and copy.stat().st_size == source.stat().st_size
            and copy.stat().st_mtime >= source.stat().st_mtime
        ):
            continue  # `mkdocs serve` rebuilds into the same folder: the runtime is not copied again
        shutil.copy2(source, copy)
