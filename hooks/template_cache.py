"""Keep the theme's compiled templates between builds (listed under ``hooks:`` in mkdocs.yml).

Every build compiled the same Material templates and their icon includes from
source: about 40 templates and a fifth of a second of CPU on each rebuild
(bench/NOTES.md). Jinja's own bytecode cache stores each compiled template in
``.cache/jinja/`` and reuses it while the template's source is unchanged.

Why a stale entry cannot be used:

* Jinja checks each entry against a checksum of the template's source (after
  ``hooks/material_patches.py`` has edited it) and against its own bytecode
  format and the Python version, and recompiles on any difference.
* What else shapes the compiled code (the environment's syntax and
  whitespace options, autoescaping, extensions, the Jinja version) names the
  cache folder, so an environment set up differently uses another folder.

A fresh clone, and CI, build with an empty cache; the output is the same
either way (tests/test_build.py builds twice and compares every byte).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

CACHE_DIR = Path(".cache") / "jinja"

# Environment settings that change the code Jinja generates for a template.
_COMPILE_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


def _describe(value: Any) -> str:
    """A stable text for a setting: callables by name, since their repr holds an address."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    return repr(value)


def environment_key(env: Environment) -> str:
    """A short hash of everything besides a template's own source that shapes its compiled code."""
    parts = [f"jinja2={jinja2.__version__}"]
    parts += [f"{name}={_describe(getattr(env, name, None))}" for name in _COMPILE_OPTIONS]
    parts.append(f"autoescape={_describe(env.autoescape)}")
    parts.append(f"finalize={_describe(env.finalize)}")
    parts.append("extensions=" + ",".join(sorted(env.extensions)))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def cache_for(env: Environment, project_dir: Path, name: str) -> FileSystemBytecodeCache:
    folder = project_dir / CACHE_DIR / f"{name}-{environment_key(env)}"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


# After material_patches.py has wrapped the loader (priority 0), so the cache sees the edited sources.
@event_priority(-50)
def on_env(env: Environment, config: MkDocsConfig, files: object) -> Environment:
    project_dir = Path(config.config_file_path).resolve().parent
    env.bytecode_cache = cache_for(env, project_dir, "theme")
    return env
