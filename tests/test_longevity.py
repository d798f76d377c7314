"""Longevity: the site builds with ProperDocs and Zensical and says the same things.

Material for MkDocs is maintained until 2027-05-05 and MkDocs 2.0 drops
plugins, so the site must be able to move (README, "Longevity"). Each
generator is installed from its own hash-locked file into ``.cache/venvs/``
(:mod:`tools.longevity`) and builds the real sources strictly:

* ProperDocs from the unchanged mkdocs.yml: the output equals MkDocs's file
  for file, apart from the generator's name;
* Zensical 0.0.73, which runs ``macros.define_env`` through its own
  mkdocs-macros re-implementation: every page carries the same generated
  content (links, table rows, headings) as in the MkDocs build.

For all three builds the principles table, the question counts and the
cross-links are checked against data/ itself.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from hooks.app import precached
from macros.data import SiteData
from tests.support import ROOT
from tools.longevity import (
    ZENSICAL_UNSUPPORTED_OVERRIDES,
    build_properdocs,
    build_zensical,
)

PRINCIPLES_PAGE = Path("amazon/leadership-principles/index.html")
BASE = "http://site.invalid/"


def _site_url(site: Path) -> str:
    """The site_url a build used: its home page, first in its sitemap."""
    match = re.search(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert match, site
    return match.group(1)


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Path:
    out = tmp_path_factory.mktemp("properdocs") / "site"
    result = build_properdocs(out, site_url=_site_url(built_site))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Path:
    out = tmp_path_factory.mktemp("zensical") / "site"
    result = build_zensical(out, site_url=_site_url(built_site))
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def builds(built_site: Path, properdocs_site: Path, zensical_site: Path) -> dict[str, Path]:
    return {"mkdocs": built_site, "properdocs": properdocs_site, "zensical": zensical_site}


class _Article(HTMLParser):
    """What a page's article says: links (text, absolute target), table rows and headings.

    Permalink anchors, tag chips and anchors without ``href`` are theme chrome, not content.
    """

    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url
        self.links: list[tuple[str, str]] = []
        self.rows: list[tuple[str, ...]] = []
        self.headings: list[tuple[str, str]] = []
        self._inside = False
        self._chrome = 0
        self._link: list[str] | None = None
        self._row: list[str] | None = None
        self._cell: str | None = None
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article" and "md-content__inner" in a.get("class", ""):
            self._inside = True
        elif not self._inside:
            return
        elif tag == "a":
            if "headerlink" in a.get("class", "") or "md-tag" in a.get("class", "") or "href" not in a:
                self._chrome += 1
            else:
                self._link = [a["href"], ""]
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = ""
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, ""]

    def handle_endtag(self, tag: str) -> None:
        if not self._inside:
            return
        if tag == "article":
            self._inside = False
        elif tag == "a" and self._chrome:
            self._chrome -= 1
        elif tag == "a" and self._link:
            href, text = self._link
            target = href if re.match(r"^[a-z][a-z0-9+.-]*:", href) else urljoin(self.url, href)
            self.links.append((" ".join(text.split()), target))
            self._link = None
        elif tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(tuple(self._row))
            self._row = None
        elif re.fullmatch(r"h[1-6]", tag) and self._heading:
            self.headings.append((self._heading[0], " ".join(self._heading[1].split())))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if not self._inside or self._chrome:
            return
        if self._link:
            self._link[1] += data
        if self._cell is not None:
            self._cell += data
        if self._heading:
            self._heading[1] += data


def article(site: Path, rel: Path) -> _Article:
    parser = _Article(BASE + rel.as_posix())
    parser.feed((site / rel).read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(p.relative_to(site) for p in site.rglob("*.html") if p.name != "404.html")


def _generator(site: Path) -> str:
    match = re.search(r'<meta name="generator" content="([^"]*)"', (site / "index.html").read_text(encoding="utf-8"))
    assert match, site
    return match.group(1)


def test_each_build_is_from_its_own_generator(builds: dict[str, Path]) -> None:
    assert _generator(builds["mkdocs"]).startswith("mkdocs-1.6.1,")
    assert _generator(builds["properdocs"]).startswith("mkdocs-ProperDocs 1.6.7,")
    assert _generator(builds["zensical"]) == "zensical-0.0.73"


def test_properdocs_builds_the_same_site(built_site: Path, properdocs_site: Path) -> None:
    files = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(properdocs_site) for p in properdocs_site.rglob("*") if p.is_file())
    generator = re.compile(r'<meta name="generator" content="[^"]*">')
    for rel in files:
        ours, theirs = (built_site / rel).read_bytes(), (properdocs_site / rel).read_bytes()
        if rel.suffix == ".html":
            ours_text, theirs_text = (generator.sub("", b.decode("utf-8")) for b in (ours, theirs))
            # Only the 404 page's whitespace differs; compare words.
            assert ours_text.split() == theirs_text.split(), rel
        elif rel.as_posix() == "sw.js":
            # The service worker lists the same files; their revisions hash the pages, generator name included.
            urls = [[e["url"] for e in precached(site)] for site in (built_site, properdocs_site)]
            assert urls[0] == urls[1]
        else:
            assert ours == theirs, rel


def test_zensical_pages_say_what_mkdocs_pages_say(built_site: Path, zensical_site: Path) -> None:
    ours = pages(built_site)
    assert ours == pages(zensical_site)
    # Zensical runs no hooks, so its Tags page shows each tag's id where ours shows the name
    # from data/tags.yml (hooks/tag_names.py; the README says so).
    tag_names = yaml.safe_load((ROOT / "data" / "tags.yml").read_text(encoding="utf-8"))
    for rel in ours:
        a, b = article(built_site, rel), article(zensical_site, rel)
        assert a.headings, rel
        if str(rel) == "tags/index.html":
            b.headings = [(level, tag_names.get(h, h)) for level, h in b.headings]
        assert a.headings == b.headings, rel
        assert a.rows == b.rows, rel
        assert a.links == b.links, rel


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs", "zensical"])
def test_principles_table_and_question_counts_follow_the_data(
    builds: dict[str, Path], generator: str, site_data: SiteData
) -> None:
    site = builds[generator]
    data = site_data
    table = article(site, PRINCIPLES_PAGE)
    header, *rows = [r for r in table.rows if r]
    assert (header[0], header[1], header[-1]) == ("#", "Principle", "Questions")
    # A summary the site corrects shows the source's words struck through, then the correction.
    assert [(r[0], r[1], r[3]) for r in rows] == [
        (str(i), p.name, str(len(data.questions_for(p.id)))) for i, p in enumerate(data.principles, 1)
    ]
    assert all(r[2].startswith(p.summary) for r, p in zip(rows, data.principles, strict=True))
    links = dict(table.links)
    for principle in data.principles:
        target = links[principle.name]
        assert target == f"{BASE}amazon/leadership-principles/{principle.id}/"
        page = article(site, Path(urlsplit(target).path.lstrip("/")) / "index.html")
        asked = [h for level, h in page.headings if level == "h3" and re.match(r"\d+\. ", h)]
        assert len(asked) == len(data.questions_for(principle.id)), (generator, principle.id)


@pytest.mark.parametrize("generator", ["mkdocs", "properdocs", "zensical"])
def test_cross_links_resolve(builds: dict[str, Path], generator: str) -> None:
    site = builds[generator]
    checked = 0
    for rel in pages(site):
        for _, target in article(site, rel).links:
            if not target.startswith(BASE):
                continue
            path = urlsplit(target).path.lstrip("/")
            file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
            assert file.is_file(), f"{generator}: {rel} links to {target}"
            checked += 1
    assert checked > 100


def test_zensical_gaps_are_named_and_still_real() -> None:
    """Every override left out of the Zensical build exists, with the reason it is left out."""
    for rel, why in ZENSICAL_UNSUPPORTED_OVERRIDES.items():
        assert (ROOT / rel).is_file(), f"{rel} is gone: drop it from ZENSICAL_UNSUPPORTED_OVERRIDES"
        assert why
    source_file = (ROOT / "overrides/partials/source-file.html").read_text(encoding="utf-8")
    assert re.search(r"\.(isoformat|strftime)\(", source_file), "source-file.html was ported: build it with Zensical"
