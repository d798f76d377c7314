"""One spelling everywhere readers look: US English (CONTRIBUTING.md says why).

Scans the pages, data, templates, README and CONTRIBUTING for British spellings that have
a US form. Source titles in data/sources/ are left alone: a cited work keeps its own title.

A test rather than a linter: none of the linters `make lint` runs reads prose for British
against US spelling. codespell's en-GB_to_en-US dictionary is the nearest standard tool; it
would be one more Python dependency and still need this file's exceptions (source titles,
data/search.yml's UK spellings kept on purpose).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# British forms with a US form, matched as whole words: -our words, -ise/-isation verbs,
# -re nouns, doubled l, and a few others.
OUR_WORDS = re.compile(
    r"(?i)\b(behaviour\w*|favour\w*|unfavour\w*|colour\w*|neighbour\w*|honour\w*|flavour\w*|candour|humour\w*|labour\w*)\b"
)
OTHER = re.compile(
    r"(?i)\b("
    r"(re)?(organis|memoris|personalis|generalis|prioritis|authoris|realis|recognis|optimis|minimis|maximis|criticis|utilis|serialis|summaris"
    r"|emphasis|standardis|customis|normalis|apologis|categoris)(e|ed|es|ing|ation|ations)"
    r"|analys(e|ed|ing)"
    r"|practis(e|ed|es|ing)|fulfilment|centre(s|d)?|scepti(c|cal|cism)"
    r"|modelling|travelling|cancelled|cancelling|labelled|labelling"
    r"|catalogue|programme|defence|licence|judgement|artefact|whilst|amongst|learnt|spelt"
    r")\b"
)


def files() -> list[Path]:
    docs = [p for p in (ROOT / "docs").rglob("*.md")]
    # data/search.yml lists UK spellings on purpose: search finds the US words by them.
    data = [p for p in (ROOT / "data").rglob("*.yml") if "sources" not in p.parts and p.name != "search.yml"]
    templates = [
        p for p in (ROOT / "overrides").rglob("*") if p.suffix in (".md", ".html") and "javascripts" not in p.parts
    ]
    return sorted(docs + data + templates + [ROOT / "README.md", ROOT / "CONTRIBUTING.md"])


def british(text: str) -> list[str]:
    # aria-labelledby is an HTML attribute name, not English.
    text = text.replace("labelledby", "")
    return [m.group(0) for m in OUR_WORDS.finditer(text)] + [m.group(0) for m in OTHER.finditer(text)]


def test_the_check_tells_british_from_american():
    assert british("Behavioural rounds; practise; organised; fulfilment centre; sceptical") == [
        "Behavioural",
        "practise",
        "organised",
        "fulfilment",
        "centre",
        "sceptical",
    ]
    assert british("Behavioral rounds; practice; organized; fulfillment center; skeptical; aria-labelledby") == []


@pytest.mark.parametrize("path", files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_us_spelling(path: Path):
    found = british(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(ROOT)}: British spellings {found}; the site is written in US English"
