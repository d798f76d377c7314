"""Compiled templates kept between builds: hooks/template_cache.py and the macro renderer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, select_autoescape

from hooks.template_cache import cache_for, cached_from_string, environment_key
from macros.render import Renderer


def test_the_same_settings_give_the_same_folder_in_every_process():
    a = Environment(autoescape=select_autoescape(), trim_blocks=True)
    b = Environment(autoescape=select_autoescape(), trim_blocks=True)
    assert environment_key(a) == environment_key(b)  # autoescape is a new function each time: named, not by address


def test_settings_that_change_the_compiled_code_change_the_folder():
    plain = environment_key(Environment())
    for changed in (
        Environment(trim_blocks=True),
        Environment(lstrip_blocks=True),
        Environment(autoescape=True),
        Environment(finalize=str),
        Environment(variable_start_string="[[", variable_end_string="]]"),
        Environment(extensions=["jinja2.ext.loopcontrols"]),
    ):
        assert environment_key(changed) != plain


def test_a_cached_template_is_recompiled_when_its_source_changes(tmp_path: Path):
    sources = {"page.html": "one {{ x }}"}

    def render() -> str:
        env = Environment(loader=DictLoader(sources))
        env.bytecode_cache = cache_for(env, tmp_path, "test")
        return env.get_template("page.html").render(x=1)

    assert render() == "one 1"
    assert render() == "one 1"  # from the cache
    assert len(list(tmp_path.glob(".cache/jinja/test-*/*.cache"))) == 1
    sources["page.html"] = "two {{ x }}"
    assert render() == "two 1"


def test_a_page_compiled_once_renders_from_the_cache_in_a_later_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def from_string(source: str) -> str:
        env = Environment()
        used: set[str] = set()
        env.from_string = cached_from_string(env, cache_for(env, tmp_path, "pages"), used)  # type: ignore[method-assign]
        text = env.from_string(source).render(x=2)
        assert len(used) == 1
        return text

    assert from_string("page {{ x }} {% if x %}yes{% endif %}") == "page 2 yes"

    def no_compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    with monkeypatch.context() as m:
        m.setattr(Environment, "compile", no_compile)
        assert from_string("page {{ x }} {% if x %}yes{% endif %}") == "page 2 yes"
    assert from_string("an edited page {{ x }}") == "an edited page 2"
    assert len(list(tmp_path.glob(".cache/jinja/pages-*/*.cache"))) == 2


def test_the_macro_templates_render_the_same_from_their_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.md").write_text("{{ value }}\n", encoding="utf-8")
    (tmp_path / "t" / "b.html").write_text("<p>{{ value }}</p>\n", encoding="utf-8")

    def render() -> tuple[str, str]:
        r = Renderer(tmp_path / "t", tmp_path / "cache")
        return r.render("a.md", value="*x*"), r.render("b.html", value="<x>")

    first = render()
    assert first == ("&#42;x&#42;\n", "<p>&lt;x&gt;</p>\n")
    assert len(list(tmp_path.glob("cache/macros-*/*.cache"))) == 2
    with monkeypatch.context() as m:
        m.setattr(Environment, "compile", lambda *a, **k: (_ for _ in ()).throw(AssertionError("compiled again")))
        assert render() == first
    assert Renderer(tmp_path / "t").render("a.md", value="*x*") == first[0]  # no cache: the same output


def test_after_a_build_only_the_pages_it_used_stay_compiled(tmp_path: Path):
    from types import SimpleNamespace

    from hooks import template_cache

    env = Environment()
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), plugins={"macros": SimpleNamespace(env=env)})
    for sources in (["old page", "kept page"], ["kept page", "new page"]):
        template_cache.on_pre_build(config)  # type: ignore[arg-type]
        for source in sources:
            env.from_string(source).render()
        template_cache.on_post_build(config)  # type: ignore[arg-type]
    left = sorted(p.name for p in tmp_path.glob(".cache/jinja/pages-*/*.cache"))
    cache = cache_for(env, tmp_path, "pages")
    expected = sorted(
        cache.pattern % cache.get_bucket(env, hashlib.sha256(s.encode()).hexdigest(), None, s).key
        for s in ("kept page", "new page")
    )
    assert left == expected


def test_the_macros_and_the_hook_keep_their_templates_in_one_folder():
    from hooks.template_cache import CACHE_DIR
    from macros.pages import CACHE_DIR as MACROS_CACHE_DIR

    assert MACROS_CACHE_DIR == CACHE_DIR  # bench and tests empty CACHE_DIR for a cold build: both must go
