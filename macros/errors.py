"""The errors a data file or a page author can cause, each reported in one line."""

from __future__ import annotations


class DataError(ValueError):
    """A data file is missing, malformed or inconsistent.

    The message always names the file, the entry and the field, so that a
    failed build says exactly what to fix.
    """

    def __init__(self, file: str, entry: str | None, field: str | None, problem: str) -> None:
        self.file = file
        self.entry = entry
        self.field = field
        self.problem = problem
        where = file
        if entry is not None:
            where += f", entry {entry}"
        if field is not None:
            where += f", field '{field}'"
        super().__init__(f"{where}: {problem}")


class AuthorError(LookupError):
    """A page author's mistake: an id the data does not define, or an argument a macro cannot use.

    Lookups and macros raise it with the problem alone ("unknown guide id 'amazn'"); the macro
    wrapper (``macros.context.checked``) adds the page and the call. Any other exception raised
    while a macro runs is a bug in the code, not the author's, and keeps its traceback.
    """


class MacroError(AuthorError):
    """An :class:`AuthorError` located: one line naming the page, the call and the problem, e.g.
    ``docs/index.md: guide_link("amazn"): unknown guide id 'amazn'``.
    """

    def __init__(self, page: str, call: str, problem: str) -> None:
        self.page = page
        self.call = call
        self.problem = problem
        super().__init__(f"{page}: {call}: {problem}")
