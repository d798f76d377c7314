"""hooks/template_cache.py: which environments may share compiled templates."""

from __future__ import annotations

from pathlib import Path

from jinja2 import DictLoader, Environment, select_autoescape

from hooks.template_cache import cache_for, environment_key


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
