"""Multiply the site's data by a factor, in a throwaway copy of the project.

Every principle gets ``factor - 1`` synthetic siblings (with the same
questions, its own page and ids), and every guide gets ``factor - 1`` synthetic
siblings; a guide with a page gets a copy of that page beside the original, so
its hand-written relative links still resolve. The new pages are appended to
the nav. The result is still valid for ``macros/data.py``: ``load_site``
is run on it before it is used.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .project import dump_config, load_config


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def _copy_page(docs: Path, page: str, new_page: str, replacements: dict[str, str]) -> None:
    text = (docs / page).read_text(encoding="utf-8")
    for pattern, new in replacements.items():
        text = re.sub(pattern, new, text)
    (docs / new_page).write_text(text, encoding="utf-8")


def scale_project(project: Path, factor: int) -> list[str]:
    """Multiply principles, questions and guides in ``project`` by ``factor``; return the new pages."""
    data, docs = project / "data", project / "docs"
    new_pages: list[str] = []

    principles = _load(data / "principles.yml")
    questions = _load(data / "questions.yml")
    by_principle: dict[str, list[dict[str, Any]]] = {}
    for q in questions:
        by_principle.setdefault(q["principle"], []).append(q)
    new_principles, new_questions = [], []
    for k in range(2, factor + 1):
        for p in principles:
            pid = f"{p['id']}-x{k}"
            new_principles.append(dict(p, id=pid, name=f"{p['name']} {k}"))
            for n, q in enumerate(by_principle.get(p["id"], []), 1):
                new_questions.append(dict(q, id=f"{pid}-{n}", principle=pid))
            page = f"amazon/leadership-principles/{p['id']}.md"
            if (docs / page).is_file():
                new_page = f"amazon/leadership-principles/{pid}.md"
                _copy_page(docs, page, new_page, {rf"principle_page\(\s*[\"']{p['id']}[\"']\s*\)": f'principle_page("{pid}")'})
                new_pages.append(new_page)
    _dump(data / "principles.yml", principles + new_principles)
    _dump(data / "questions.yml", questions + new_questions)

    guides = _load(data / "guides.yml")
    new_guides = []
    for k in range(2, factor + 1):
        for g in guides:
            gid = f"{g['id']}-x{k}"
            copy = dict(g, id=gid, title=f"{g['title']} {k}")
            if g.get("page"):
                new_page = re.sub(r"\.md$", f"-x{k}.md", g["page"])
                copy["page"] = new_page
                _copy_page(docs, g["page"], new_page, {rf"related_resources\(\s*[\"']{g['id']}[\"']\s*\)": f'related_resources("{gid}")'})
                new_pages.append(new_page)
            new_guides.append(copy)
    _dump(data / "guides.yml", guides + new_guides)

    config = load_config(project)
    config["nav"] = list(config.get("nav") or []) + [{"Scale test": new_pages}]
    dump_config(config, project / "mkdocs.yml")
    _check(project)
    return new_pages


def _check(project: Path) -> None:
    """Load the scaled data with the site's own loader, so it is known to be valid."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "scaled_macros", project / "macros" / "__init__.py", submodule_search_locations=[str(project / "macros")]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["scaled_macros"] = module
    try:
        spec.loader.exec_module(module)
        module.data.load_site(project / "data")
    finally:
        for name in [n for n in sys.modules if n == "scaled_macros" or n.startswith("scaled_macros.")]:
            del sys.modules[name]
