"""The prose of every built page reads as written: templates and macros join text with their own
whitespace rules (Jinja's trim_blocks drops the line break after a block tag), so a sentence can
end up glued to the next one where the source shows them on separate lines."""

from __future__ import annotations

import html
import re
from pathlib import Path

from tests.htmltext import main_content

# What is not prose (code, keys, diagrams) goes; a block's edge or a line break separates text as
# a reader sees it; an inline element (a link, emphasis) joins its text to its neighbors'.
NOT_PROSE = re.compile(r"<(code|kbd|pre|svg|script|style|math)\b.*?</\1>", re.S | re.I)
BREAK = re.compile(
    r"<br\b[^>]*>|</?(?:p|li|ul|ol|dl|dt|dd|div|h[1-6]|table|thead|tbody|tr|td|th|caption|figure|figcaption"
    r"|blockquote|details|summary|section|nav|aside|header|footer|form|fieldset|legend|label|button|select|option)\b[^>]*>",
    re.I,
)
TAG = re.compile(r"<[^>]+>")
# "word.Next": a sentence's end (a letter, digit, closing bracket or quote, then . ! or ?) and a
# capitalized word with no space between.
GLUED = re.compile(r"[a-z0-9)\]\"'’”][.!?][A-Z][a-z]")


def reader_text(page_html: str) -> str:
    text = TAG.sub("", BREAK.sub("\n", NOT_PROSE.sub(" ", page_html)))
    return html.unescape(text)


def test_no_sentence_runs_into_the_next(built_site: Path) -> None:
    glued = [
        f"{page.relative_to(built_site).as_posix()}: …{text[max(0, m.start() - 40) : m.end() + 20]}…"
        for page in sorted(built_site.rglob("index.html"))
        for text in [reader_text(main_content(page))]
        for m in GLUED.finditer(text)
    ]
    assert not glued, "sentences without a space between them:\n" + "\n".join(glued)


def test_the_check_sees_what_a_reader_sees() -> None:
    assert GLUED.search(reader_text("<p>Read the <a href='x'>guide</a>.Then practice.</p>"))
    assert GLUED.search(reader_text("<p>It takes 45 minutes (or less).Each round differs.</p>"))
    assert not GLUED.search(reader_text("<td>Done.<br>Next step</td><li><p>One.</p><p>Two.</p></li>"))
    assert not GLUED.search(reader_text("<p>Use <code>collections.OrderedDict</code> here.</p>"))
