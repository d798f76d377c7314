"""The one error type the data layer raises."""

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


class MacroError(ValueError):
    """A page called a macro with an id the data does not define (or another value it cannot use).

    The message is one line that names the page, the call and the problem, e.g.
    ``docs/index.md: guide_link("amazn"): unknown guide id 'amazn'``.
    """

    def __init__(self, page: str, call: str, problem: str) -> None:
        self.page = page
        self.call = call
        self.problem = problem
        super().__init__(f"{page}: {call}: {problem}")
