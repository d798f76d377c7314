"""How the site customizes Material, checked against the installed Material (no build).

The policy (README, "How it is built"): block overrides in ``overrides/main.html``
first, then overrides at Material's own paths, and a string edit of the output
(``hooks/material_patches.py``) only where neither reaches. Upgrading Material
must fail here, in the unit tier, not in production:

* every override at a path where Material has a template is listed below with
  the sha256 of Material's file it was written against: when Material changes
  that file, compare it with ours, carry the change over, then update the hash;
* every string the hook edits is still in Material's template exactly as often
  as the hook expects.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hooks.material_patches import PATCHES, TEMPLATE, patch
from tests.support import ROOT

MATERIAL = Path(__import__("material").__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"

# Our file at Material's path -> (sha256 of Material's file we wrote it against, what ours changes).
PINNED = {
    "main.html": (
        "9948b55a7bc979c35825df99baba9e6971fca4eb298dea3cdde61e990a2de5e0",
        "block overrides only: escaped titles, social tags, tool scripts, palette script, bundle deferred",
    ),
    "404.html": (
        "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
        "a 404 page that says what happened and leads back",
    ),
    "partials/footer.html": (
        "50c2a75f013b7b03fb97f381860c77df8fd5d13d68f90d3281754b68f69ec894",
        "footer links' labels escaped once, not twice",
    ),
    "partials/javascripts/palette.html": (
        "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
        "empty: the palette script moves after the content",
    ),
    "partials/nav-item.html": (
        "89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
        "copy: no empty tabindex, index sections' nav named",
    ),
    "partials/palette.html": (
        "fb935107ae7d3d7475965019eec36c1ad72bf1d154254dab2474921fcd2710e3",
        "copy: our toggle form instead of Material's component",
    ),
    "partials/progress.html": (
        "f7596002950a7d9f415e1d10d6da4e87af6039f854911875b680ea70522360f4",
        "the progress bar hidden from assistive technology",
    ),
    "partials/search.html": (
        "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
        "the search dialog and landmark named",
    ),
    "partials/source-file.html": (
        "ce5277decac9a8cf3cd44eaa490f010ae985d81ebf68b84239c02da6946718d0",
        "'Last reviewed' from the page's own date",
    ),
    "partials/toc.html": (
        "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
        "no label for a checkbox that is not there",
    ),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def overrides_at_materials_paths() -> list[str]:
    return sorted(
        p.relative_to(OVERRIDES).as_posix()
        for p in OVERRIDES.rglob("*.html")
        if (MATERIAL / p.relative_to(OVERRIDES)).is_file()
    )


def test_every_override_at_a_material_path_is_pinned():
    assert overrides_at_materials_paths() == sorted(PINNED), (
        "list each override of a Material file in PINNED, with the hash of Material's file"
    )


def test_materials_overridden_files_are_the_ones_we_wrote_against():
    changed = [
        f"{name}: Material's file is now {sha256(MATERIAL / name)}; compare it with overrides/{name}, carry the change over, then update PINNED"
        for name, (pinned, _) in PINNED.items()
        if sha256(MATERIAL / name) != pinned
    ]
    assert not changed, "\n".join(changed)


def test_each_string_the_hook_edits_is_in_materials_template_as_often_as_expected():
    source = (MATERIAL / TEMPLATE).read_text(encoding="utf-8")
    assert not (OVERRIDES / TEMPLATE).exists(), (
        f"overrides/{TEMPLATE} would replace the template the edit was checked against"
    )
    for old, new, expected in PATCHES:
        assert source.count(old) == expected, (
            f"Material's {TEMPLATE} has {old!r} {source.count(old)} time(s), expected {expected}"
        )
        assert old not in new or new.count(old) == 0


def test_the_hook_makes_the_toggles_valid_and_keeps_their_ids():
    page = "<body>" + "".join(old for old, _, _ in PATCHES) + "</body>"
    html = patch("index.md", page)
    assert 'autocomplete="off"' in html and html.count("autocomplete") == 1, "only the hidden form keeps autocomplete"
    assert '<form id="__md-toggles" autocomplete="off" hidden></form>' in html
    assert 'id="__drawer" form="__md-toggles">' in html and 'id="__search" form="__md-toggles">' in html


def test_a_changed_material_stops_the_build_naming_the_page_and_the_template():
    with pytest.raises(
        PluginError, match=r"practice/drill\.md contains .* 0 time\(s\), expected 1; Material's base\.html changed"
    ):
        patch("practice/drill.md", "<html></html>")


def _block(template: str, name: str) -> str:
    """The body of ``{% block name %}`` in a template, whitespace-normalized."""
    match = re.search(r"\{%\s*block " + name + r"\s*%\}(.*?)\{%\s*endblock\s*%\}", template, re.S)
    assert match, f"no block {name}"
    return " ".join(match.group(1).split())


def test_the_scripts_block_is_materials_own_with_its_bundle_deferred():
    """overrides/main.html rewrites Material's `scripts` block to defer the bundle: nothing else may differ,
    so a Material upgrade that renames the bundle or changes the block fails here, not on a reader's phone."""
    theirs = _block((MATERIAL / "base.html").read_text(encoding="utf-8"), "scripts")
    ours = _block((OVERRIDES / "main.html").read_text(encoding="utf-8"), "scripts")
    bundle = re.search(r"assets/javascripts/bundle\.\w+\.min\.js'", theirs)
    assert bundle, "Material's scripts block no longer names its bundle"
    assert ours == theirs.replace('"></script>', '" defer></script>', 1), (
        "carry Material's scripts block over, bundle deferred"
    )
