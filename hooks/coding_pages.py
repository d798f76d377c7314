"""One page per worked coding problem, generated from ``data/coding/problems/<id>.yml``.

Adding a problem takes its YAML file and its module under ``coding/problems/``, nothing else:

* ``on_config`` lists the problem pages in the navigation, after the entry for
  :data:`PROBLEMS_INDEX`, in the order of the patterns in ``data/coding/patterns.yml`` and then by
  file name (the same order the index page shows). mkdocs.yml names the index page only.
* ``on_files`` adds each page as a generated file (``File.generated``, MkDocs 1.6): front matter
  with the problem's title and a description, and one call of the ``coding_problem`` macro, which
  renders every field of the problem and the solution read from its module (``macros/coding.py``).

The data is checked by ``macros.coding.load_coding`` when mkdocs-macros loads the macros; this hook
reads only each problem's id, title and pattern, and stops the build with one line if it cannot.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

PROBLEMS_DATA = Path("data") / "coding" / "problems"
PATTERNS_DATA = Path("data") / "coding" / "patterns.yml"
PROBLEMS_INDEX = "amazon/coding/problems/index.md"  # the nav entry the problem pages follow
PAGE_DIR = "amazon/coding/problems"


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# libyaml's safe loader builds the same objects as yaml.safe_load many times faster, and this hook
# reads every problem's file twice a build (the nav, then the pages). A file it refuses is parsed
# again by the pure-Python loader, so the build stops with the message it has always given.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path, project: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
        try:
            return yaml.load(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            return yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise PluginError(f"{path.relative_to(project).as_posix()}: cannot read: {exc}") from None


def problems(project: Path) -> list[dict[str, str]]:
    """Each problem's id, title and pattern, in the order the pages list them."""
    patterns = _read(project / PATTERNS_DATA, project)
    order = [p.get("id") for p in patterns if isinstance(p, dict)] if isinstance(patterns, list) else []
    found = []
    for path in sorted((project / PROBLEMS_DATA).glob("*.yml")):
        doc = _read(path, project)
        fields = {key: doc.get(key) for key in ("id", "title", "pattern")} if isinstance(doc, dict) else {}
        texts = {key: value for key, value in fields.items() if isinstance(value, str) and value}
        if len(texts) != 3 or texts["id"] != path.stem:
            raise PluginError(
                f"{path.relative_to(project).as_posix()}: needs an id equal to the file name, a title and a pattern"
            )
        found.append(texts)
    return sorted(found, key=lambda p: order.index(p["pattern"]) if p["pattern"] in order else len(order))


# Material's search multiplies every match on a problem page by this. The problems' titles are
# stories in everyday words ("Most water between two walls", "Merge overlapping delivery windows"),
# and a title weighs 1,000 times running text: at 1 they came first for "which leadership principles
# matter most" and "content delivery network". A problem is still found first by its title and by
# the name of the problem it resembles (tests/search-queries/coding.yml, bench/search-eval/).
SEARCH_BOOST = 0.5


def page_path(problem_id: str) -> str:
    return f"{PAGE_DIR}/{problem_id}.md"


def page_source(problem: dict[str, str]) -> str:
    """The generated page: front matter, then the macro that renders the problem."""
    meta = {
        "title": problem["title"],
        "description": f"A worked Amazon-style coding interview problem, {problem['title']}: clarifying questions, "
        "brute force, a tested Python solution, complexity, tests and follow-ups.",
        "search": {"boost": SEARCH_BOOST},
    }
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{{{{ coding_problem({problem['id']!r}) }}}}\n"


def _insert(entries: list[Any], pages: list[str]) -> bool:
    """Put ``pages`` after PROBLEMS_INDEX in the nav list that holds it; True once done."""
    for i, entry in enumerate(entries):
        if entry == PROBLEMS_INDEX or (isinstance(entry, dict) and PROBLEMS_INDEX in entry.values()):
            present = set(map(str, entries))
            entries[i + 1 : i + 1] = [p for p in pages if p not in present]
            return True
        children = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else None
        if isinstance(children, list) and _insert(children, pages):
            return True
    return False


def on_config(config: MkDocsConfig, **kwargs: object) -> MkDocsConfig:
    nav = config["nav"]
    if nav is None:
        return config  # no explicit nav: MkDocs lists every file, generated ones included
    pages = [page_path(p["id"]) for p in problems(_project_dir(config))]
    if not _insert(nav, pages):
        raise PluginError(f"mkdocs.yml: the nav must list {PROBLEMS_INDEX}; the worked problems' pages follow it")
    return config


def on_files(files: Files, *, config: MkDocsConfig, **kwargs: object) -> Files:
    for problem in problems(_project_dir(config)):
        files.append(File.generated(config, page_path(problem["id"]), content=page_source(problem)))
    return files
