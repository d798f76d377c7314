"""hooks/search_keywords.py: the words filed in Material's search index beside a page's own,
and bench/search.py's findability evaluation (its files and its fixed split)."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, strategies as st
from mkdocs.utils.yaml import yaml_load

from bench.search import EvalQuery, load_eval, ranked_links, split_of
from hooks import search_keywords as hook
from tests.support import ROOT

SEPARATOR = re.compile(r"""[\s\-/,;:!?()"]+|['’]s?\b|\Bs\b|\b(?:[Aa]|[Tt]he|[Aa]nd)\b""")


def test_a_slip_is_one_letter_left_out_or_two_neighbors_swapped():
    found = hook.slips("raiser")
    assert {"riser", "rasier", "raier"} <= found
    assert "raiser" not in found
    assert hook.slips("loop") == set()  # short words have too many neighbors that are other words


def test_stems_join_the_forms_of_a_word():
    assert hook.stem("preparation") == hook.stem("prepared") == hook.stem("preparing")
    assert hook.stem("failure") == hook.stem("failed") == "fail"
    assert hook.stem("led") == "led"


def test_a_family_member_in_a_title_brings_the_others_and_the_terms_come_first():
    families = [["video streaming", "Netflix", "Prime Video"], ["cache", "Redis"]]
    kw = hook.keywords_for("Walkthrough: Prime Video's Streaming", ["VOD"], hook.Families(families), {}, SEPARATOR)
    assert kw[0] == "VOD"
    assert {"video streaming", "Netflix"} <= set(kw)
    assert "Redis" not in kw
    assert "Prime Video" not in kw  # already in the title


def test_other_spellings_are_keywords_and_other_forms_and_slips_are_variants():
    assert "behaviour" in hook.keywords_for(
        "Preparation and behavior", [], hook.Families([]), {"behavior": "behaviour"}, SEPARATOR
    )
    forms = {"prepar": {"prepare", "preparing", "preparation"}}
    section = hook.variants("Preparation and behavior", SEPARATOR, forms, page=False)
    assert section == {"prepare", "preparing"}  # the title has "preparation"; slips only for a page's title
    assert {"prepare", "prepartion", "behavoir"} <= hook.variants(
        "Preparation and behavior", SEPARATOR, forms, page=True
    )


def test_a_marker_is_filed_under_the_section_it_sits_in_and_removed():
    hook.on_config(None)  # type: ignore[arg-type]
    page = SimpleNamespace(url="amazon/levels/")
    html = (
        '<h1 id="levels">Levels</h1>\n<p>Intro</p>\n<div hidden data-guide-search-terms="SDE levels|seniority"></div>\n'
        '<h2 id="sde-i">SDE I</h2>\n<p><div hidden data-guide-search-terms="entry level"></div></p>\n<p>Text</p>'
    )
    out = hook.on_page_content(html, page, None, None)  # type: ignore[arg-type]
    assert "data-guide-search-terms" not in out and "seniority" not in out
    assert hook._terms == {"amazon/levels/": ["SDE levels", "seniority"], "amazon/levels/#sde-i": ["entry level"]}


def test_the_split_is_fixed_by_the_text_and_near_sixty_forty():
    assert split_of("PR FAQ") == split_of("  pr   faq ") == split_of("PR FAQ")
    queries = load_eval()
    tuning = sum(q.split == "tuning" for q in queries)
    assert len(queries) >= 200
    assert 0.5 < tuning / len(queries) < 0.7


def test_a_target_is_met_by_its_page_or_only_by_its_section():
    page = EvalQuery("f.yml", "q", "amazon/offer/")
    section = EvalQuery("f.yml", "q", "amazon/offer/#sign-on-bonus")
    assert page.met_by("amazon/offer/#base-salary") and page.met_by("amazon/offer/")
    assert section.met_by("amazon/offer/#sign-on-bonus") and not section.met_by("amazon/offer/")


def test_results_are_ranked_group_by_group_then_by_score():
    groups = [[("http://h:1/a/", 5.0), ("http://h:1/a/#x", 9.0)], [("http://h:1/b/?h=q#y", 20.0)]]
    assert ranked_links(groups, "http://h:1/") == ["a/#x", "a/", "b/#y"]


def test_a_bad_evaluation_file_is_named_with_its_entry(tmp_path: Path):
    (tmp_path / "a.yml").write_text("- {query: LP, target: amazon/leadership-principles/}\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("- {query: lp, target: amazon/}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"b\.yml, entry #1: 'lp' is already in a\.yml"):
        load_eval(tmp_path)
    (tmp_path / "b.yml").write_text("- {query: OA, target: /amazon/}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"b\.yml, entry #1 \('OA'\): target must be a path"):
        load_eval(tmp_path)


def test_every_evaluation_target_exists_in_the_built_site(built_site: Path):
    missing = []
    for q in load_eval():
        page, _, anchor = q.target.partition("#")
        html = built_site / page / "index.html"
        if not html.is_file():
            missing.append(f"{q.query!r} -> no page {page}")
        elif anchor and f'id="{anchor}"' not in html.read_text(encoding="utf-8"):
            missing.append(f"{q.query!r} -> no #{anchor} on {page}")
    assert not missing, "; ".join(missing)


# Members in either case (Families lowers them); the text lower case, as keywords_for passes it.
_PHRASE = st.text(alphabet="aAb .+-", min_size=1, max_size=6)


@given(st.lists(st.lists(_PHRASE, min_size=1, max_size=3), max_size=5), st.text(alphabet="ab .+-", max_size=20))
def test_the_families_a_text_is_tested_against_are_all_that_can_match_it(families, text):
    index = hook.Families(families)
    matching = [f for f in families if any(hook._contains(text, m) for m in f)]
    assert [f for f in index.near(text) if any(hook._contains(text, m) for m in f)] == matching


@functools.cache
def _site_separator() -> re.Pattern[str]:
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        plugins = yaml_load(f)["plugins"]
    (search,) = [p["search"] for p in plugins if isinstance(p, dict) and "search" in p]
    return re.compile(search["separator"])


@given(
    st.lists(
        st.sampled_from(
            [*"aAsStTeh '’.-/,()\"“\n\u00a0<>&;", "the", "The", "can", "a.", "'s", "&nbsp;", "&amp;", "<b>", "</b>"]
        ),
        max_size=20,
    ).map("".join)
)
def test_the_words_of_a_text_are_those_the_separator_finds_in_the_whole_text(text):
    """hooks/search_keywords.tokens splits the text's distinct chunks, not the whole text, with the site's separator."""
    separator = _site_separator()
    whole = html.unescape(re.sub(r"<[^>]+>", " ", text))
    assert hook.tokens([text], separator) == set(hook.words(whole, separator))
