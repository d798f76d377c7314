"""Keep compiled templates between builds (listed under ``hooks:`` in mkdocs.yml).

Every build compiled the same templates from source: Material's pages,
partials and icon includes, the language templates Material's search plugin
loads three times over in environments of its own, and every page, which
mkdocs-macros compiles as a template on each build. Together that was about
0.4 s of CPU on each rebuild (bench/NOTES.md). Jinja's own bytecode
cache stores each compiled template in ``.cache/jinja/`` and reuses it while
the template's source is unchanged:

* ``theme-*``: every environment the theme makes (``Theme.get_env``), the
  build's own and the search plugin's;
* ``pages-*``: the pages mkdocs-macros renders. ``Environment.from_string``
  never consults a bytecode cache, so its one compile step is cached here,
  keyed by the page's source; entries no page used in a build are removed
  after it, so edits do not pile up;
* ``macros-*``: our macro templates, kept by ``macros/render.py`` itself (the
  macros package cannot import this hook; ``tests/test_template_cache.py``
  holds the two to one cache folder).

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
from typing import Any, Callable, MutableMapping

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, Template
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


def cached_from_string(
    env: Environment, cache: FileSystemBytecodeCache, used: set[str]
) -> Callable[..., Template]:
    """``env.from_string`` as Jinja writes it, with its compile step cached by the source's hash."""

    def from_string(
        source: str, globals: MutableMapping[str, Any] | None = None, template_class: type[Template] | None = None
    ) -> Template:
        name = hashlib.sha256(source.encode("utf-8")).hexdigest()
        bucket = cache.get_bucket(env, name, None, source)
        if bucket.code is None:
            bucket.code = env.compile(source)
            cache.set_bucket(bucket)
        used.add(cache.pattern % bucket.key)
        cls = template_class or env.template_class
        return cls.from_code(env, bucket.code, env.make_globals(globals), None)

    return from_string


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# Before the search plugin's on_config, which makes theme environments to translate its settings.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project_dir, make_env = _project_dir(config), config.theme.get_env

    def get_env() -> Environment:
        env = make_env()
        env.bytecode_cache = cache_for(env, project_dir, "theme")
        return env

    config.theme.get_env = get_env  # type: ignore[method-assign]
    return config


_pages: tuple[FileSystemBytecodeCache, set[str]] | None = None


# After every on_config, so mkdocs-macros has made its environment.
@event_priority(-50)
def on_pre_build(config: MkDocsConfig) -> None:
    global _pages
    macros = config.plugins.get("macros")
    if macros is None:
        return
    env = macros.env  # type: ignore[attr-defined]
    cache, used = cache_for(env, _project_dir(config), "pages"), set()
    env.from_string = cached_from_string(env, cache, used)
    _pages = (cache, used)


def on_post_build(config: MkDocsConfig) -> None:
    """Drop the compiled pages this build did not use: older versions of edited pages."""
    global _pages
    if _pages is None:
        return
    cache, used = _pages
    _pages = None
    for entry in Path(cache.directory).glob(cache.pattern % "*"):
        if entry.name not in used:
            entry.unlink(missing_ok=True)
