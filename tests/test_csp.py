"""hooks/csp.py: the hashes it computes, the policy it writes, and every built page carrying it.

Chromium checks the policy against the pages in tests/test_app.py (no violation on any page or
through the tools, an injected script blocked) and tests/test_offline.py (the offline edition).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks.csp import (
    build_policy,
    inline_scripts,
    inline_styles,
    insert,
    page_sources,
    source_hash,
)

POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


def test_a_hash_is_the_one_the_csp_specification_gives_for_its_example():
    # Content Security Policy Level 3, "Hash usage for script elements": alert('Hello, world.');
    assert source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_a_hash_covers_the_text_as_the_browser_sees_it():
    # Non-ASCII text is hashed as UTF-8; the HTML parser turns CR LF and lone CR into LF first.
    assert (
        source_hash("a = '\u00e9';")
        == "'sha256-" + base64.b64encode(hashlib.sha256("a = '\u00e9';".encode()).digest()).decode() + "'"
    )
    assert source_hash("a;\r\nb;\rc;") == source_hash("a;\nb;\nc;")
    assert source_hash("a; ") != source_hash("a;")


def test_only_scripts_the_browser_runs_inline_are_hashed():
    page = (
        '<script>one()</script><script src="x.js"></script><script type="application/json">{"a": 1}</script>'
        '<script type="module">two()</script><SCRIPT type="text/javascript">three()</SCRIPT ><script defer src=y.js></script>'
    )
    assert inline_scripts(page) == ["one()", "two()", "three()"]


def test_style_attributes_are_read_with_their_entities_decoded_and_not_from_scripts():
    page = "<td style=\"text-align: right;\">1</td><p style='color: &quot;red&quot;'>x</p><style>p{}</style><script>x = '<b style=\"no\">'</script>"
    elements, attributes = inline_styles(page)
    assert elements == ["p{}"]
    assert attributes == ["text-align: right;", 'color: "red"']


def test_the_policy_allows_only_the_site_and_its_hashes():
    policy = directives(build_policy({"'sha256-A'"}, set(), {"'sha256-B'"}))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'sha256-A'"]
    assert policy["style-src"] == ["'self'", "'unsafe-hashes'", "'sha256-B'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert not any("unsafe-eval" in s or "unsafe-inline" in s for sources in policy.values() for s in sources)
    assert "'unsafe-hashes'" not in directives(build_policy(set(), {"'sha256-C'"}, set()))["style-src"], (
        "only style attributes need it"
    )


def test_a_build_without_hashes_allows_inline_scripts_instead():
    policy = directives(build_policy({"'sha256-A'"}, set(), set(), inline_scripts_allowed=True))
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]


def test_a_page_adds_to_its_own_policy_in_one_line_of_front_matter():
    extra = page_sources({"script-src": "'wasm-unsafe-eval'", "connect-src": ["'self'", "blob:"]}, "docs/run.md")
    policy = directives(build_policy({"'sha256-A'"}, set(), set(), extra))
    assert policy["script-src"] == ["'self'", "'sha256-A'", "'wasm-unsafe-eval'"]
    assert policy["connect-src"] == ["'self'", "blob:"]


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"script-src": "'unsafe-eval'"}, "'unsafe-eval' is not allowed"),
        ({"style-src": ["'unsafe-inline'"]}, "'unsafe-inline' is not allowed"),
        ({"frame-ancestors": "'none'"}, "unsupported directive 'frame-ancestors'"),
        ({"script-src": ""}, "script-src needs one or more sources"),
        ("script-src 'self'", "must map directives to sources"),
    ],
)
def test_a_page_cannot_weaken_the_policy_or_name_what_a_meta_policy_ignores(extra: object, message: str):
    with pytest.raises(PluginError, match=re.escape(message)) as err:
        page_sources(extra, "docs/run.md")
    assert "docs/run.md" in str(err.value)


def test_the_policy_goes_right_after_the_charset_or_the_build_stops():
    page = '<head><meta charset="utf-8"><script>x()</script></head>'
    out = insert(page, "default-src 'self'", "index.html")
    assert out.index("Content-Security-Policy") < out.index("<script>")
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">' in out
    for bad in ("<head></head>", page + page):
        with pytest.raises(PluginError, match=r"index\.html"):
            insert(bad, "default-src 'self'", "index.html")


class _Inline(HTMLParser):
    """Inline scripts and style attributes, read by Python's HTML parser (not the hook's expressions)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("style") is not None:
            self.styles.append(str(a["style"]))
        if tag == "script" and "src" not in a and a.get("type") in (None, "", "text/javascript", "module"):
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def test_every_built_page_carries_one_policy_before_any_script_allowing_each_of_its_inline_scripts(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 30
    policies = set()
    for path in pages:
        text = path.read_text(encoding="utf-8")
        found = POLICY_META.findall(text)
        assert len(found) == 1, path
        assert text.index("Content-Security-Policy") < text.index("<script"), path
        policy = directives(found[0].replace("&amp;", "&"))
        parser = _Inline()
        parser.feed(text)
        assert parser.scripts, path
        for script in parser.scripts:
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy["script-src"], (path, script[:80])
        for style in parser.styles:
            digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy["style-src"], (path, style)
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        policies.add(found[0])
    assert len(policies) == 1, "one policy on every page, so instant navigation keeps working"
