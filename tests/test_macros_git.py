"""hooks/macros_git.py: mkdocs-macros' git variable, read from git only when a page uses it."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from jinja2 import Environment, StrictUndefined, UndefinedError
from super_collections import SuperDict

from hooks import macros_git
from hooks.macros_git import LazyGitInfo

INFO = {"status": True, "commit": "0123abcd", "short_commit": "0123", "author": "A. Writer", "date": None}


def counting() -> tuple[list[int], Any]:
    calls: list[int] = []

    def read() -> dict[str, Any]:
        calls.append(1)
        return dict(INFO)

    return calls, read


def test_nothing_runs_until_a_field_is_read():
    calls, read = counting()
    git = LazyGitInfo(read)
    assert "read when a page first uses it" in str(git)
    # mkdocs-macros serialises every variable for its debug line on each build.
    SuperDict({"git": git, "other": 1}).to_json()
    assert calls == []
    assert git.commit == "0123abcd" and git["author"] == "A. Writer" and git.get("tag", "") == ""
    assert sorted(git) == sorted(INFO) and len(git) == len(INFO)
    assert calls == [1], "read once, then kept"


def test_pages_see_the_same_fields_as_before():
    _, read = counting()
    env = Environment(undefined=StrictUndefined)
    page = env.from_string("{{ git.short_commit }} by {{ git['author'] }}{% if git.status %}, clean{% endif %}")
    assert page.render(git=LazyGitInfo(read)) == "0123 by A. Writer, clean"
    with pytest.raises(UndefinedError):
        env.from_string("{{ git.no_such_field }}").render(git=LazyGitInfo(read))


def test_the_hook_wraps_mkdocs_macros_once(monkeypatch: pytest.MonkeyPatch):
    from mkdocs_macros import context

    calls, read = counting()
    monkeypatch.setattr(context, "get_git_info", read)
    config = SimpleNamespace(plugins={"macros": object()})
    macros_git.on_config(config)  # type: ignore[arg-type]
    macros_git.on_config(config)  # type: ignore[arg-type]  # mkdocs serve: every rebuild
    git = context.get_git_info()
    assert isinstance(git, LazyGitInfo) and calls == []
    assert git.commit == "0123abcd" and calls == [1]
    assert context.get_git_info.wrapped is read  # wrapped once, not twice


def test_a_changed_mkdocs_macros_stops_the_build(monkeypatch: pytest.MonkeyPatch):
    from mkdocs.exceptions import PluginError
    from mkdocs_macros import context

    monkeypatch.delattr(context, "get_git_info")
    with pytest.raises(PluginError, match="mkdocs_macros.context has no get_git_info"):
        macros_git.on_config(SimpleNamespace(plugins={"macros": object()}))  # type: ignore[arg-type]
