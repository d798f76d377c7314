"""Pages and navigation from the data (hooks/data_pages.py).

A company guide is added with its entry in data/guides.yml and its prose page, and a principle with
its data alone: neither needs a page or a nav entry written by hand. Each is built here in a tiny
project (tests/support/project.py) whose nav names only the index pages, strictly.
"""

from __future__ import annotations

import copy
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.exceptions import PluginError

from hooks import data_pages
from macros import shape
from macros.data import SiteData
from tests.htmltext import main_content
from tests.support import ROOT
from tests.support.data import copy_data, edit_yaml, read_yaml
from tests.support.nav import mkdocs_nav, nav_pages, site_nav
from tests.support.project import mkdocs_build
from tools.longevity import zensical_sources


def _walkthrough_guides(data: Path) -> list[str]:
    return [read_yaml(p)["guide"] for p in sorted((data / "design").glob("*.yml"))]


def _nav(site: SiteData) -> list[Any]:
    """A nav naming only the pages the data's entries follow, as mkdocs.yml does."""
    return [
        "index.md",
        {
            "Amazon": [
                site.guide("amazon").page,
                {"Principles": [site.guide(data_pages.PRINCIPLES_INDEX).page]},
                {"Walkthroughs": [site.guide(data_pages.WALKTHROUGHS_INDEX).page]},
                {"Worked problems": [data_pages.PROBLEMS_INDEX]},
            ]
        },
        {data_pages.COMPANIES_SECTION: []},
    ]


def _project(make: Callable[[Path, dict[str, str]], Path], dst: Path, site: SiteData, pages: dict[str, str]) -> Path:
    """A tiny project with hooks/data_pages.py and :func:`_nav`; every page the nav reaches is a one-line page
    unless ``pages`` gives it. Links from the macros to pages this project lacks are left unchecked."""
    listed = {g.page for g in site.guides if g.kind == "company" and g.page}
    listed |= {site.guide(gid).page for gid in _walkthrough_guides(ROOT / "data")}
    listed |= {site.guide(data_pages.PRINCIPLES_INDEX).page, site.guide(data_pages.WALKTHROUGHS_INDEX).page}
    listed.add(data_pages.PROBLEMS_INDEX)
    docs = {page: "# A page\n" for page in listed if page}
    project = make(dst, {"index.md": "# Tiny\n", **docs, **pages})
    shutil.copy2(ROOT / "hooks" / "data_pages.py", project / "hooks" / "data_pages.py")

    def configure(config: dict[str, Any]) -> None:
        config["hooks"].append("hooks/data_pages.py")
        config["nav"] = _nav(site)
        config["validation"] = {"links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"}}

    edit_yaml(project / "mkdocs.yml", configure)
    return project


def _built(project: Path, site_dir: Path) -> None:
    result = mkdocs_build(project, site_dir)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output


def _built_page(site_dir: Path, page: str) -> Path:
    return site_dir / page.removesuffix(".md").removesuffix("index") / "index.html"


def _primary_nav(html_file: Path) -> str:
    html = html_file.read_text(encoding="utf-8")
    return html[html.index('<nav class="md-nav md-nav--primary"') :]


COMPANY_PAGE = """\
---
title: Example Corp Interview Guide
description: A company guide written for this test.
---

# Example Corp Interview Guide

An example written for this test; the related guides follow.

{{ company_guides() }}
"""


def test_a_company_guide_is_its_guides_entry_and_its_page(
    tiny_project: Callable[[Path, dict[str, str]], Path], site_data: SiteData, tmp_path: Path
) -> None:
    page = "companies/example-corp.md"
    project = _project(tiny_project, tmp_path / "project", site_data, {page: COMPANY_PAGE})
    entry = {"id": "example-corp", "title": "Example Corp Interview Guide", "kind": "company", "page": page}
    edit_yaml(project / "data" / "guides.yml", lambda guides: guides.append({**entry, "blurb": "A test's company."}))
    _built(project, tmp_path / "site")

    built = _built_page(tmp_path / "site", page)
    assert "Example Corp Interview Guide" in main_content(built)
    companies = [g.page for g in site_data.guides if g.kind == "company" and g.id != "amazon"]
    nav = _primary_nav(tmp_path / "site" / "index.html")
    hrefs = re.findall(r'href="(companies/[a-z-]+/)"', nav)
    assert hrefs == [p.removesuffix(".md") + "/" for p in [*companies, page]], "the company guides, in the data's order"


def _new_principle(data: Path, site: SiteData) -> dict[str, Any]:
    """Add a principle to a copy of data/: its entry, its questions, its answer example and its search
    terms, each copied from the last principle's and renamed."""
    last = site.principles[-1].id
    new = "example-principle"
    renamed: dict[str, Any] = {}

    def principles(doc: list[dict[str, Any]]) -> None:
        entry = copy.deepcopy(next(p for p in doc if p["id"] == last))
        entry.pop("corrected", None)
        entry.update(id=new, name="Example Principle", prompt=f"{new}-1")
        renamed.update(entry)
        doc.append(entry)

    def questions(doc: list[dict[str, Any]]) -> None:
        own = [q for q in doc if q["principle"] == last]
        for n, q in enumerate(own, 1):
            doc.append({**copy.deepcopy(q), "id": f"{new}-{n}", "principle": new, "from_source": False})

    def answers(doc: dict[str, Any]) -> None:
        example = copy.deepcopy(next(a for a in doc["answers"] if a["principle"] == last))
        asked = int(example["question"].rsplit("-", 1)[1])
        example.update(principle=new, question=f"{new}-{asked}")
        doc["answers"].append(example)

    def search(doc: dict[str, Any]) -> None:
        page = shape.principle_page(site, new)
        doc["pages"].append({"page": page, "terms": ["an example principle's own term"]})

    edit_yaml(data / "principles.yml", principles)
    edit_yaml(data / "questions.yml", questions)
    edit_yaml(data / "examples" / "answers.yml", answers)
    edit_yaml(data / "search.yml", search)
    return renamed


def test_a_principle_is_its_data_alone(
    tiny_project: Callable[[Path, dict[str, str]], Path], site_data: SiteData, tmp_path: Path
) -> None:
    project = _project(tiny_project, tmp_path / "project", site_data, {})
    principle = _new_principle(project / "data", site_data)
    _built(project, tmp_path / "site")

    page = shape.principle_page(site_data, principle["id"])
    built = _built_page(tmp_path / "site", page)
    assert "<h1" in main_content(built) and principle["name"] in main_content(built)
    index = _built_page(tmp_path / "site", site_data.guide(data_pages.PRINCIPLES_INDEX).page)
    hrefs = re.findall(r'href="([a-z-]+)/"', _primary_nav(index))
    ids = [p.id for p in site_data.principles] + [principle["id"]]
    assert [h for h in hrefs if h in ids] == ids, "the principles' pages, in the data's order"


# --------------------------------------------------------------------------- the nav, without a build


def test_the_nav_follows_the_datas_order(site_data: SiteData, tmp_path: Path) -> None:
    """Reversing the principles and the walkthroughs' order reverses their nav entries."""
    project = tmp_path / "project"
    copy_data(project / "data")
    (project / "mkdocs.yml").write_text(yaml.safe_dump({"nav": _nav(site_data)}), encoding="utf-8")
    before = nav_pages(site_nav(project))
    edit_yaml(project / "data" / "principles.yml", lambda doc: doc.reverse())
    for path in (project / "data" / "design").glob("*.yml"):
        edit_yaml(path, lambda doc: doc.update(order=-doc["order"]))
    after = nav_pages(site_nav(project))

    principles = [shape.principle_page(site_data, p.id) for p in site_data.principles]
    order = {}
    for path in (ROOT / "data" / "design").glob("*.yml"):
        doc = read_yaml(path)
        order[site_data.guide(doc["guide"]).page] = doc["order"]
    walkthroughs = sorted(order, key=order.__getitem__)
    assert [p for p in before if p in principles] == principles
    assert [p for p in after if p in principles] == principles[::-1]
    assert [p for p in before if p in order] == walkthroughs
    assert [p for p in after if p in order] == walkthroughs[::-1]


def test_a_nav_without_the_index_page_names_it(site_data: SiteData, tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_data(project / "data")
    nav = _nav(site_data)
    nav[1]["Amazon"].pop(1)  # the principles' index
    (project / "mkdocs.yml").write_text(yaml.safe_dump({"nav": nav}), encoding="utf-8")
    with pytest.raises(PluginError, match=re.escape(site_data.guide(data_pages.PRINCIPLES_INDEX).page)):
        site_nav(project)


def test_a_mistake_on_a_generated_page_names_its_data(
    tiny_project: Callable[[Path, dict[str, str]], Path], site_data: SiteData, tmp_path: Path
) -> None:
    project = _project(tiny_project, tmp_path / "project", site_data, {})
    principle = _new_principle(project / "data", site_data)
    page = shape.principle_page(site_data, principle["id"])
    edit_yaml(project / "data" / "search.yml", lambda doc: doc["pages"].pop())  # the new principle's terms
    result = mkdocs_build(project, tmp_path / "site")
    errors = re.findall(r"^ERROR\s+-\s+(.*)$", result.stdout + result.stderr, flags=re.MULTILINE)
    assert errors == [
        f'{page} (from data/principles.yml): principle_page("{principle["id"]}"): no entry for {page} in data/search.yml'
    ]


def test_the_zensical_copy_has_every_generated_page_and_nav_entry(tmp_path: Path) -> None:
    """Zensical runs no hooks, so tools/longevity.py writes what they generate into its copy."""
    project = zensical_sources(tmp_path / "project")
    listed = nav_pages(mkdocs_nav(project))
    assert set(nav_pages(site_nav())) <= set(listed)
    assert [page for page in listed if not (project / "docs" / page).is_file()] == []
