"""Principle pages, and the navigation of principles, walkthroughs and company guides, from their data.

Adding a principle, a design walkthrough or a company guide touches its data and its prose, never
``mkdocs.yml``:

* **Principles** (``data/principles.yml``): ``on_files`` adds one generated page per principle
  (``File.generated``, MkDocs 1.6) beside the principles table's page: front matter with its
  description and tag, then the ``principle_page`` and ``answer_example`` macros, which render
  everything the page shows from the data. ``on_config`` lists the pages after the table's page,
  in the data's order.
* **Design walkthroughs** (``data/design/<id>.yml``): each has its prose page, named by its
  ``guide`` in ``data/guides.yml``; ``on_config`` lists them after the walkthroughs' index page,
  in their ``order``.
* **Company guides** (``kind: company`` in ``data/guides.yml``): ``on_config`` lists every one the
  nav does not already name (Amazon's has its own section) in the section
  :data:`COMPANIES_SECTION`, in the data's order.
* **Worked coding problems** (``data/coding/problems/<id>.yml``): ``on_files`` adds one generated
  page per problem (front matter with its title and a description, then the ``coding_problem``
  macro, which renders the problem and the solution read from its module); ``on_config`` lists
  them after :data:`PROBLEMS_INDEX`, in the order of the patterns in ``data/coding/patterns.yml``
  and then by file name (the order the index page shows).

The index pages are named by their guide ids (:data:`PRINCIPLES_INDEX`, :data:`WALKTHROUGHS_INDEX`),
so the nav in mkdocs.yml names each index page only. The data itself is checked by the macros'
loaders (``macros/data.py``, ``macros/design.py``, ``macros/coding.py``) when mkdocs-macros loads them; this hook reads only
the ids, names, pages and order it needs, and stops the build with one line if it cannot.
"""

from __future__ import annotations

import html
import json
import posixpath
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

DATA = Path("data")
PRINCIPLES_INDEX = "amazon-leadership-principles-page"  # guide id of the principles table; the pages follow it
WALKTHROUGHS_INDEX = "design-walkthroughs"  # guide id of the walkthroughs' index; the walkthroughs follow it
COMPANIES_SECTION = "Other companies"  # the nav section that lists the company guides
PRINCIPLE_TAG = "leadership-principles"
PROBLEMS_INDEX = "amazon/coding/problems/index.md"  # the nav entry the problem pages follow

# libyaml's loader where installed: the same objects as yaml.safe_load, read on every build and rebuild.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _read(project: Path, relative: Path) -> Any:
    path = project / relative
    try:
        text = path.read_text(encoding="utf-8")
        try:
            return yaml.load(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            return yaml.safe_load(text)  # the pure-Python loader's message, as the macros give it
    except (OSError, yaml.YAMLError) as exc:
        raise PluginError(f"{relative.as_posix()}: cannot read: {exc}") from None


def _entries(project: Path, relative: Path, fields: Iterable[str]) -> list[dict[str, Any]]:
    """Each entry of a list file with ``fields``, which must all be present."""
    doc = _read(project, relative)
    entries = doc if isinstance(doc, list) else []
    found = []
    for i, entry in enumerate(entries, 1):
        values = {key: entry.get(key) for key in fields} if isinstance(entry, dict) else {}
        if not values or any(value in (None, "") for value in values.values()):
            raise PluginError(f"{relative.as_posix()}: entry #{i} needs {', '.join(fields)}")
        found.append(values)
    return found


def guide_pages(project: Path) -> dict[str, str]:
    """Guide id -> page, for the guides that have one."""
    doc = _read(project, DATA / "guides.yml")
    entries = doc if isinstance(doc, list) else []
    return {
        g["id"]: g["page"]
        for g in entries
        if isinstance(g, dict) and isinstance(g.get("id"), str) and isinstance(g.get("page"), str)
    }


def _guide_page(pages: dict[str, str], gid: str, needed_by: str) -> str:
    if gid not in pages:
        raise PluginError(f"data/guides.yml: no guide '{gid}' with a page, which {needed_by} needs")
    return pages[gid]


# --------------------------------------------------------------------------- principles


def principles(project: Path) -> list[dict[str, Any]]:
    """Each principle's id and name, in the data's (Amazon's) order."""
    return _entries(project, DATA / "principles.yml", ("id", "name"))


def principle_path(pages: dict[str, str], pid: str) -> str:
    """A principle's page beside the principles table's page (as ``macros.shape.principle_page``)."""
    folder = posixpath.dirname(_guide_page(pages, PRINCIPLES_INDEX, "the principles' pages"))
    return posixpath.join(folder, f"{pid}.md")


def principle_source(principle: dict[str, Any]) -> str:
    """The generated page: front matter, then the macros that render the principle and its example."""
    # Material writes a page's description into an attribute as it is: the name is data, so it is
    # escaped here (a name with a quote would otherwise end the attribute). An apostrophe is safe there.
    name = html.escape(principle["name"], quote=False).replace('"', "&quot;")
    description = (
        f"{name} in Amazon interviews: what it means for engineers, what interviewers listen for, "
        "pitfalls, and practice questions with follow-ups."
    )
    # A JSON string is a YAML double-quoted scalar.
    return (
        f"---\ndescription: {json.dumps(description, ensure_ascii=False)}\ntags: [{PRINCIPLE_TAG}]\n---\n\n"
        f'{{{{ principle_page("{principle["id"]}") }}}}\n\n{{{{ answer_example("{principle["id"]}") }}}}\n'
    )


# --------------------------------------------------------------------------- walkthroughs


def walkthrough_pages(project: Path, pages: dict[str, str]) -> list[str]:
    """Each walkthrough's page, in the walkthroughs' ``order``."""
    found = []
    for path in sorted((project / DATA / "design").glob("*.yml")):
        relative = path.relative_to(project)
        doc = _read(project, relative)
        guide, order = (doc.get("guide"), doc.get("order")) if isinstance(doc, dict) else (None, None)
        if not isinstance(guide, str) or not isinstance(order, int) or isinstance(order, bool):
            raise PluginError(f"{relative.as_posix()}: needs a guide and a whole-number order")
        found.append((order, _guide_page(pages, guide, relative.as_posix())))
    return [page for _, page in sorted(found)]


# --------------------------------------------------------------------------- companies


def company_pages(project: Path) -> list[str]:
    """Every company guide's page, in data/guides.yml's order."""
    doc = _read(project, DATA / "guides.yml")
    entries = doc if isinstance(doc, list) else []
    return [
        g["page"]
        for g in entries
        if isinstance(g, dict) and g.get("kind") == "company" and isinstance(g.get("page"), str)
    ]


# --------------------------------------------------------------------------- worked problems


def problems(project: Path) -> list[dict[str, str]]:
    """Each problem's id, title and pattern, in the order the pages list them."""
    patterns = _read(project, DATA / "coding" / "patterns.yml")
    order = [p.get("id") for p in patterns if isinstance(p, dict)] if isinstance(patterns, list) else []
    found = []
    for path in sorted((project / DATA / "coding" / "problems").glob("*.yml")):
        relative = path.relative_to(project)
        doc = _read(project, relative)
        fields = {key: doc.get(key) for key in ("id", "title", "pattern")} if isinstance(doc, dict) else {}
        texts = {key: value for key, value in fields.items() if isinstance(value, str) and value}
        if len(texts) != 3 or texts["id"] != path.stem:
            raise PluginError(f"{relative.as_posix()}: needs an id equal to the file name, a title and a pattern")
        found.append(texts)
    return sorted(found, key=lambda p: order.index(p["pattern"]) if p["pattern"] in order else len(order))


# Material's search multiplies every match on a problem page by this. The problems' titles are
# stories in everyday words ("Most water between two walls", "Merge overlapping delivery windows"),
# and a title weighs 1,000 times running text: at 1 they came first for "which leadership principles
# matter most" and "content delivery network". A problem is still found first by its title and by
# the name of the problem it resembles (tests/search-queries/coding.yml, bench/search-eval/).
SEARCH_BOOST = 0.5


def problem_path(problem_id: str) -> str:
    return f"{posixpath.dirname(PROBLEMS_INDEX)}/{problem_id}.md"


def problem_source(problem: dict[str, str]) -> str:
    """The generated page: front matter, then the macro that renders the problem."""
    meta = {
        "title": problem["title"],
        "description": f"A worked Amazon-style coding interview problem, {problem['title']}: clarifying questions, "
        "brute force, a tested Python solution, complexity, tests and follow-ups.",
        "search": {"boost": SEARCH_BOOST},
    }
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{{{{ coding_problem({problem['id']!r}) }}}}\n"


# --------------------------------------------------------------------------- the nav


def _listed(entries: list[Any]) -> set[str]:
    """Every page a nav (or part of one) names."""
    found: set[str] = set()
    for entry in entries:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            if isinstance(value, list):
                found |= _listed(value)
            elif isinstance(value, str):
                found.add(value)
    return found


def _children(entry: Any) -> list[Any] | None:
    children = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else None
    return children if isinstance(children, list) else None


def insert_after(entries: list[Any], anchor: str, pages: list[str], present: set[str]) -> bool:
    """Put ``pages`` not already ``present`` after ``anchor`` in the nav list that holds it; True once done."""
    for i, entry in enumerate(entries):
        if entry == anchor or (isinstance(entry, dict) and anchor in entry.values()):
            entries[i + 1 : i + 1] = [p for p in pages if p not in present]
            return True
        children = _children(entry)
        if children is not None and insert_after(children, anchor, pages, present):
            return True
    return False


def append_to_section(entries: list[Any], title: str, pages: list[str], present: set[str]) -> bool:
    """Add ``pages`` not already ``present`` to the end of the nav section ``title``; True once done."""
    for entry in entries:
        children = _children(entry)
        if children is None:
            continue
        if title in entry:
            children.extend(p for p in pages if p not in present)
            return True
        if append_to_section(children, title, pages, present):
            return True
    return False


def extend_nav(nav: list[Any], project: Path) -> None:
    """Add the principles', walkthroughs', company guides' and worked problems' entries to ``nav`` (mkdocs.yml's),
    from the data."""
    pages = guide_pages(project)
    present = _listed(nav)
    principles_index = _guide_page(pages, PRINCIPLES_INDEX, "the principles' pages")
    listed = [principle_path(pages, p["id"]) for p in principles(project)]
    if not insert_after(nav, principles_index, listed, present):
        raise PluginError(f"mkdocs.yml: the nav must list {principles_index}; the principles' pages follow it")
    walkthroughs_index = _guide_page(pages, WALKTHROUGHS_INDEX, "the walkthroughs' nav")
    if not insert_after(nav, walkthroughs_index, walkthrough_pages(project, pages), present):
        raise PluginError(f"mkdocs.yml: the nav must list {walkthroughs_index}; the walkthroughs follow it")
    if not append_to_section(nav, COMPANIES_SECTION, company_pages(project), present):
        raise PluginError(f"mkdocs.yml: the nav must have a section '{COMPANIES_SECTION}' for the company guides")
    if not insert_after(nav, PROBLEMS_INDEX, [problem_path(p["id"]) for p in problems(project)], present):
        raise PluginError(f"mkdocs.yml: the nav must list {PROBLEMS_INDEX}; the worked problems' pages follow it")


def on_config(config: MkDocsConfig, **kwargs: object) -> MkDocsConfig:
    nav = config["nav"]
    if nav is not None:  # without an explicit nav, MkDocs lists every file, generated ones included
        extend_nav(nav, _project_dir(config))
    return config


# --------------------------------------------------------------------------- the files


def _walk_key(src_uri: str) -> tuple[tuple[int, Any], ...]:
    """Where MkDocs' walk of the docs folder puts a file: a folder's files (its index first) before its subfolders."""
    *folders, name = src_uri.split("/")
    return (*((1, folder) for folder in folders), (0, (posixpath.splitext(name)[0] not in ("index", "README"), name)))


def _add_in_walk_order(files: Files, new: list[File]) -> None:
    """Add ``new`` where the files would be had they been written in docs/, so that every page keeps its
    place in the search index, the sitemap and the tags' lists."""
    existing = list(files)
    for file in sorted(new, key=lambda f: _walk_key(f.src_uri)):
        key = _walk_key(file.src_uri)
        at = next((i for i, f in enumerate(existing) if _walk_key(f.src_uri) > key), len(existing))
        existing.insert(at, file)
    for file in list(files):
        files.remove(file)
    for file in existing:
        files.append(file)


def on_files(files: Files, *, config: MkDocsConfig, **kwargs: object) -> Files:
    project = _project_dir(config)
    pages = guide_pages(project)
    generated = [
        File.generated(config, principle_path(pages, p["id"]), content=principle_source(p)) for p in principles(project)
    ]
    _add_in_walk_order(files, generated)
    for problem in problems(project):  # after every other file, where MkDocs has always put them
        files.append(File.generated(config, problem_path(problem["id"]), content=problem_source(problem)))
    return files
