"""tools.build: a failed build publishes nothing, and a build is reproducible.

* Nothing half-published: a build that fails, early (bad data) or late (after
  every page was written, on a strict-mode warning), leaves the site that was
  already there byte for byte as it was, with no staging folder left behind.
* Deterministic: two builds of the same sources, in different folders and
  environments (hash seed, time zone), give byte-identical files, the
  compressed sitemap included.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support import ROOT
from tests.support.data import edit_yaml
from tools.build import build, source_date_epoch


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    out = [f"only in the first: {p}" for p in sorted(a.keys() - b.keys())]
    out += [f"only in the second: {p}" for p in sorted(b.keys() - a.keys())]
    out += [f"differs: {p}" for p in sorted(a.keys() & b.keys()) if a[p] != b[p]]
    return out


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory, project_factory: Callable[[Path], Path]) -> Path:
    """A frozen copy of the build inputs, so edits to the working tree cannot leak in mid-test."""
    return project_factory(tmp_path_factory.mktemp("sources") / "project")


# --------------------------------------------------------------------------- nothing half-published


def break_data(project: Path) -> None:
    edit_yaml(project / "data" / "principles.yml", lambda doc: doc[0].pop("name"))


def break_a_link(project: Path) -> None:
    """Fails only at the end: MkDocs writes every page, then strict mode aborts on the warning."""
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n", encoding="utf-8")


@pytest.mark.parametrize("breakage", [break_data, break_a_link], ids=["bad-data", "late-failure"])
def test_failed_build_leaves_the_published_site_intact(
    breakage: Callable[[Path], None], built_site: Path, tmp_path: Path, project_factory: Callable[[Path], Path]
) -> None:
    project = project_factory(tmp_path / "project")
    breakage(project)
    published = tmp_path / "out" / "site"
    shutil.copytree(built_site, published)  # the site a previous, good build published
    before = snapshot(published)

    result = build(published, config=project / "mkdocs.yml")

    assert result.returncode != 0, "the broken project built"
    assert snapshot(published) == before, "the failed build changed the published site"
    leftovers = sorted(p.name for p in published.parent.iterdir() if p != published)
    assert not leftovers, f"the failed build left staging folders behind: {leftovers}"


def test_failed_first_build_creates_no_site(tmp_path: Path, project_factory: Callable[[Path], Path]) -> None:
    project = project_factory(tmp_path / "project")
    break_data(project)
    target = tmp_path / "out" / "site"
    result = build(target, config=project / "mkdocs.yml")
    assert result.returncode != 0
    assert not target.exists()
    assert not list(target.parent.iterdir())


# --------------------------------------------------------------------------- deterministic


def test_two_builds_of_the_same_sources_are_byte_identical(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The commit's time, as tools.build would take it from git (the copy has no .git).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", source_date_epoch(ROOT))
    builds = []
    # POSIX time zones 26 hours apart, so any local-time date would differ.
    for name, seed, zone in (("first", "1", "AOE+12"), ("second", "2", "LINT-14")):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        monkeypatch.setenv("TZ", zone)
        out = tmp_path / name / "site"
        result = build(out, config=sources / "mkdocs.yml")
        assert result.returncode == 0, result.stderr
        builds.append(snapshot(out))
    first, second = builds
    assert "sitemap.xml.gz" in first and "sitemap.xml" in first
    assert len(first) > 50, sorted(first)
    diff = differences(first, second)
    assert not diff, f"{len(diff)} file(s) differ between two builds of the same sources:\n" + "\n".join(diff)
