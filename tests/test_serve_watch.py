"""`make serve` rebuilds on an edit to any folder the build reads, and the README says which."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def _config():
    return load_config(str(ROOT / "mkdocs.yml"))


def _watched(config) -> set[str]:
    # MkDocs always watches docs_dir and mkdocs.yml; `watch` adds the rest (absolute paths).
    return {Path(p).resolve().relative_to(ROOT).as_posix() for p in config.watch}


def test_every_folder_the_build_reads_is_watched():
    config = _config()
    read = {
        Path(config.theme.custom_dir).resolve().relative_to(ROOT).as_posix(),  # overrides/
        config.plugins["macros"].config["module_name"],  # macros/
        "data",  # read by the macros
        "coding",  # the worked problems' modules, whose solution lines the problem pages show
        *(Path(h).parent.as_posix() for h in config.hooks),  # hooks/
    }
    assert read <= _watched(config), f"not watched: {sorted(read - _watched(config))}"


def test_the_readme_names_what_serve_watches():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if line.startswith("make serve"))
    named = set(re.findall(r"`?([a-z]+)/`?", line))
    assert named == _watched(_config()) | {"docs"}, line
