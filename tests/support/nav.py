"""The site's navigation as the build makes it: mkdocs.yml's nav with the entries ``hooks/data_pages.py`` adds
from the data (the principles' pages, the design walkthroughs and the company guides)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from hooks.data_pages import extend_nav
from tests.support import ROOT


def mkdocs_nav(project: Path = ROOT) -> list[Any]:
    """The nav as ``project``'s mkdocs.yml writes it."""

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml's !ENV and !!python/name tags do not concern the nav.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    nav: list[Any] = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    return nav


def site_nav(project: Path = ROOT) -> list[Any]:
    """The nav of ``project``'s mkdocs.yml, extended from its data as the build extends it."""
    nav = mkdocs_nav(project)
    extend_nav(nav, project)
    return nav


def nav_pages(nav: Any) -> list[str]:
    """Every page a nav (or a part of one) lists, in order."""
    return re.findall(r"[\w/.-]+\.md", str(nav))


def section(nav: list[Any], title: str) -> list[Any]:
    """The entries of the top-level section ``title``."""
    return next(entry[title] for entry in nav if isinstance(entry, dict) and title in entry)
