"""Validate a whole file while naming the entry of a list the way the file's readers know it.

:func:`macros.schema.validate` names an item of a nested list by its position
("answers #3"); a file whose list items have a natural name ("#3 (principle 'ownership')",
"derived #1 (id 'avg_orders_per_sec')") gets that name instead: when pydantic's first error
lies inside such an item, the item is validated on its own under its name, which raises the
same problem located inside the item. (A candidate for macros/schema.py.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .schema import data_error, validate

M = TypeVar("M", bound=BaseModel)
Namer = Callable[[int, Any], str]  # 1-based position and the raw item -> the entry's name


def validate_named(
    model: type[M], raw: Any, file: str, entry: str | None, items: Mapping[str, tuple[type[BaseModel], Namer]]
) -> M:
    """``raw`` checked against ``model``; an error inside an item of a list field named in
    ``items`` (field -> (the item's model, its namer)) names that item as the entry."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        loc = exc.errors()[0]["loc"]
        if len(loc) >= 2 and loc[0] in items and isinstance(loc[1], int) and isinstance(raw, dict):
            item_model, name = items[str(loc[0])]
            item = raw[loc[0]][loc[1]]
            validate(item_model, item, file, name(loc[1] + 1, item))
        raise data_error(file, entry, exc) from None


def named_by(key: str, prefix: str = "") -> Namer:
    """A namer: ``"{prefix}#3 ({key} 'value')"``, or ``"{prefix}#3"`` when the item has no such text."""

    def name(index: int, raw: Any) -> str:
        value = raw.get(key) if isinstance(raw, dict) else None
        return f"{prefix}#{index}" + (f" ({key} '{value}')" if isinstance(value, str) else "")

    return name
