"""The prose of every built page reads as written: templates and macros join text with their own
whitespace rules (Jinja's trim_blocks drops the line break after a block tag), so a sentence can
end up glued to the next one where the source shows them on separate lines."""

from __future__ import annotations

import re
from pathlib import Path

from tests.htmltext import elements, main_content

PROSE = {"p", "li", "td", "th", "summary", "blockquote"}
# "word.Next": two lower-case letters, the end of a sentence, a capitalized word with no space between.
GLUED = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")


def test_no_sentence_runs_into_the_next(built_site: Path) -> None:
    glued = [
        f"{page.relative_to(built_site).as_posix()}: …{text[max(0, m.start() - 40) : m.end() + 20]}…"
        for page in sorted(built_site.rglob("index.html"))
        for tag, _, text in elements(main_content(page))
        if tag in PROSE and (m := GLUED.search(text))
    ]
    assert not glued, "sentences without a space between them:\n" + "\n".join(glued)
