"""Worked examples: the annotated answers' data and pages, and the walkthroughs in the nav."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros.errors import DataError
from macros.examples import count_words, load_examples
from tests.htmltext import elements, main_content, normalize
from tests.support.data import edit_yaml
from tests.support.nav import section, site_nav

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
WALKTHROUGHS = sorted(p.stem for p in (DATA / "design").glob("*.yml"))


def _principle_ids() -> list[str]:
    """Principle ids for parametrizing, read without validation so a bad data file fails tests, not collection."""
    try:
        return [p["id"] for p in yaml.safe_load((DATA / "principles.yml").read_text(encoding="utf-8"))]
    except Exception:  # noqa: BLE001 - the data tests report what is wrong with the file
        return ["principles.yml-unreadable"]


PRINCIPLE_IDS = _principle_ids()


@pytest.fixture(scope="module")
def site(site_data):
    return site_data


@pytest.fixture(scope="module")
def examples(site):
    return load_examples(DATA, site)


# --------------------------------------------------------------------------- data


def test_one_example_per_principle_in_amazons_order(site, examples) -> None:
    assert [a.principle.id for a in examples.answers] == [p.id for p in site.principles]


def test_every_strong_answer_speaks_within_the_sites_answer_length(site, examples) -> None:
    """The site's one number for answer length (data/numbers.yml) bounds every strong answer at the stated pace."""
    n = site.number("answer-minutes")
    low, high = (n.value, n.value) if n.value is not None else (n.low, n.high)
    for a in examples.answers:
        minutes = a.strong_words / examples.words_per_minute
        assert low <= minutes <= high, f"{a.principle.id}: {a.strong_words} words is {minutes:.1f} minutes"


def test_examples_span_every_domain_and_both_levels(examples) -> None:
    domains = {a.domain for a in examples.answers}
    assert domains == {"services", "data", "mobile", "infrastructure"}
    assert {a.level for a in examples.answers} == {"SDE II", "SDE III"}
    assert max(sum(a.domain == d for a in examples.answers) for d in domains) <= 6


def test_every_kind_of_mediocre_answer_is_shown_and_spines_are_shorter_than_answers(examples) -> None:
    """Each kind of plausible but mediocre answer appears at least twice, and a spine is a cut, not a retelling."""
    from macros.examples import FLAWS

    flaws = [a.mediocre.flaw for a in examples.answers]
    assert {f: flaws.count(f) for f in FLAWS} == {f: max(2, flaws.count(f)) for f in FLAWS}
    for a in examples.answers:
        assert a.spine_words < a.strong_words / 2, a.principle.id
        assert [b.part for b in a.spine] == sorted({b.part for b in a.spine}, key=[p.part for p in a.strong].index), (
            a.principle.id
        )


def test_learn_and_be_curious_and_dive_deep_tell_different_stories(examples) -> None:
    """Two principles, two stories: neither example may reuse the other's title or opening."""
    lbc, dd = examples.for_principle("learn-and-be-curious"), examples.for_principle("dive-deep")
    assert lbc.title != dd.title and lbc.domain != dd.domain
    assert not set(lbc.strong[0].text.split()[:12]) >= set(dd.strong[0].text.split()[:12])


def test_weak_answers_are_shorter_and_every_example_has_probes(examples) -> None:
    for a in examples.answers:
        assert sum(count_words(p.text) for p in a.weak) < a.strong_words / 3, a.principle.id
        assert len(a.probes) >= 2, a.principle.id


@pytest.fixture
def answers_copy(tmp_path: Path) -> Path:
    """A data folder holding a copy of examples/answers.yml alone: the examples are checked against the
    site's own data (``site``), which these tests leave as it is."""
    data = tmp_path / "data"
    (data / "examples").mkdir(parents=True)
    shutil.copy2(DATA / "examples" / "answers.yml", data / "examples" / "answers.yml")
    return data


def _edit(data: Path, change) -> None:
    edit_yaml(data / "examples/answers.yml", change)


def _set(index: int, field: str, value):
    return lambda doc: doc["answers"][index].__setitem__(field, value)


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            _set(0, "principle", "customer-obsesion"),
            "#1 (principle 'customer-obsesion'), field 'principle': unknown principle",
        ),
        (
            _set(1, "question", "ownership-99"),
            "#2 (principle 'ownership'), field 'question': unknown question 'ownership-99'",
        ),
        (_set(1, "question", "frugality-1"), "field 'question': 'frugality-1' belongs to 'frugality', not 'ownership'"),
        (
            lambda doc: doc["answers"][0]["strong"][0]["notes"][0].__setitem__("listen_for", 9),
            "#1 (principle 'customer-obsession') strong #1 notes #1, field 'listen_for': must be 1 to 5",
        ),
        (
            lambda doc: doc["answers"][0]["weak"][0]["notes"][0].__setitem__("pitfall", 0),
            "weak #1 notes #1, field 'pitfall': must be 1 to 5",
        ),
        (
            lambda doc: doc["answers"][0]["strong"].reverse(),
            "field 'strong': parts must run situation, task, action, result, reflection in that order",
        ),
        (
            lambda doc: doc["answers"].pop(),
            "field 'answers': no example for principle(s): success-and-scale-bring-broad-responsibility",
        ),
        (
            lambda doc: doc["answers"].append(dict(doc["answers"][0])),
            "field 'principle': a second example (first is #1)",
        ),
        (
            _set(2, "domain", "frontend"),
            "field 'domain': 'frontend' is not one of: 'services', 'data', 'mobile' or 'infrastructure'",
        ),
        (
            lambda doc: doc["answers"][0]["mediocre"].__setitem__("flaw", "vague"),
            "#1 (principle 'customer-obsession'), field 'mediocre.flaw': 'vague' is not one of: 'we', 'no-baseline', 'hypothetical' or 'other-principle'",
        ),
        (
            lambda doc: doc["answers"][0]["mediocre"].__setitem__("fits", "ownership"),
            "field 'mediocre.fits': is only for the flaw 'other-principle'",
        ),
        (
            lambda doc: doc["answers"][2]["mediocre"].__setitem__("fits", "invent-and-simplify"),
            "field 'mediocre.fits': must name a principle other than the example's own",
        ),
        (
            lambda doc: doc["answers"][0]["mediocre"].__setitem__("parts", doc["answers"][0]["weak"][:1]),
            "#1 (principle 'customer-obsession'), field 'mediocre.parts': has no 'action' part",
        ),
        (
            lambda doc: doc["answers"][0]["mediocre"]["parts"].__setitem__(slice(1, None), []),
            "field 'mediocre.parts': has no 'action' part",
        ),
        (
            lambda doc: doc["answers"][1].__setitem__(
                "mediocre", {**doc["answers"][1]["mediocre"], "parts": doc["answers"][1]["weak"]}
            ),
            "#2 (principle 'ownership'), field 'mediocre': is ",
        ),
        (
            lambda doc: doc["answers"][0]["spine"].__delitem__(0),
            "#1 (principle 'customer-obsession'), field 'spine': has no 'situation' part",
        ),
        (
            lambda doc: doc["answers"][0].__setitem__(
                "spine", [{"part": p["part"], "text": p["text"]} for p in doc["answers"][0]["strong"]]
            ),
            "#1 (principle 'customer-obsession'), field 'spine': is ",
        ),
        (
            lambda doc: doc["answers"][3]["strong"].__delitem__(2),
            "#4 (principle 'are-right-a-lot'), field 'strong': is ",
        ),
    ],
)
def test_bad_examples_name_file_entry_and_field(answers_copy: Path, site, change, expected: str) -> None:
    _edit(answers_copy, change)
    with pytest.raises(DataError) as err:
        load_examples(answers_copy, site)
    assert str(err.value).startswith("data/examples/answers.yml")
    assert expected in str(err.value)


@pytest.mark.parametrize(
    "change, entry, field",
    [
        (lambda doc: doc.update(speed=150), "", "speed"),
        (_set(2, "colour", "red"), ", entry #3 (principle 'invent-and-simplify')", "colour"),
        (
            lambda doc: doc["answers"][0]["strong"][0]["notes"][0].update(source="x"),
            ", entry #1 (principle 'customer-obsession') strong #1 notes #1",
            "source",
        ),
        (
            lambda doc: doc["answers"][1]["mediocre"].update(score=2),
            ", entry #2 (principle 'ownership')",
            "mediocre.score",
        ),
    ],
)
def test_an_unknown_key_is_refused_in_one_line_naming_file_entry_and_field(
    answers_copy: Path, site, change, entry: str, field: str
) -> None:
    _edit(answers_copy, change)
    with pytest.raises(DataError) as err:
        load_examples(answers_copy, site)
    assert str(err.value) == f"data/examples/answers.yml{entry}, field '{field}': is not a field this entry may have"


# --------------------------------------------------------------------------- nav


def test_each_walkthrough_and_the_collection_are_in_the_nav_under_amazon(site) -> None:
    amazon = section(site_nav(), "Amazon")
    listed = re.findall(r"amazon/design/([a-z0-9-]+)\.md", str(amazon))
    by_order = sorted(
        WALKTHROUGHS, key=lambda w: yaml.safe_load((DATA / f"design/{w}.yml").read_text("utf-8"))["order"]
    )
    assert listed == ["index", *by_order], "the walkthroughs follow their index, in their order"
    assert "amazon/answer-examples.md" in str(amazon)
    for w in WALKTHROUGHS:
        guide = site.guide(f"design-{w}")
        assert guide.page == f"amazon/design/{w}.md"


# --------------------------------------------------------------------------- built pages


@pytest.mark.parametrize("principle", PRINCIPLE_IDS)
def test_each_principle_page_shows_its_example(built_site: Path, principle: str, examples) -> None:
    example = examples.for_principle(principle)
    html = main_content(built_site / f"amazon/leadership-principles/{principle}/index.html")
    assert 'id="example-answer"' in html
    assert html.count('class="guide-example guide-example--strong"') == 1
    assert html.count('class="guide-example guide-example--weak"') == 1
    text = normalize(re.sub(r"<[^>]+>", " ", html))
    assert example.question in text
    assert "written for this guide" in text
    assert normalize(example.strong[0].text) in text
    notes = html.count('class="guide-example__note ')
    assert notes == sum(len(p.notes) for p in example.strong + example.weak + example.mediocre.parts)
    assert html.count('class="guide-example guide-example--mediocre"') == 1
    assert 'id="example-answer-mediocre"' in html and 'id="example-answer-spine"' in html
    assert normalize(example.mediocre.verdict) in text
    for beat in example.spine:
        assert normalize(beat.text) in text
    for probe in example.probes:
        assert normalize(probe.question) in text


def test_the_collection_page_lists_all_sixteen_and_links_to_each(built_site: Path, site) -> None:
    html = main_content(built_site / "amazon/answer-examples/index.html")
    links = [a.get("href") for tag, a, _ in elements(html) if tag == "a" and "#example-answer" in (a.get("href") or "")]
    expected = [f"../leadership-principles/{p.id}/#example-answer" for p in site.principles]
    assert links == expected


@pytest.mark.parametrize("walkthrough", WALKTHROUGHS)
def test_each_walkthrough_page_has_its_diagram_flow_and_estimates(built_site: Path, walkthrough: str) -> None:
    html = main_content(built_site / f"amazon/design/{walkthrough}/index.html")
    assert len(re.findall(r'<svg class="guide-diagram__svg"[^>]* role="img" aria-labelledby="', html)) == 1
    flow = re.search(r'<ol class="guide-diagram__flow">(.*?)</ol>', html, re.S).group(1)
    spec = yaml.safe_load((DATA / f"design/{walkthrough}.yml").read_text(encoding="utf-8"))
    assert flow.count("<li>") == len(spec["diagram"]["flow"])
    assert html.count('<tr id="estimate-') == len(spec["assumptions"]) + len(spec["derived"])
    assert "<script" not in html.split('class="guide-diagram"', 1)[1].split("</figure>", 1)[0]
