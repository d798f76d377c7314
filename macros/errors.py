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
