"""Every distinct bundle from a cart with repeated items: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def distinct_bundles(items: list[int]) -> list[list[int]]:
    items = sorted(items)  # equal items side by side, so repeats are easy to skip
    bundles: list[list[int]] = []
    chosen: list[int] = []

    def extend(start: int) -> None:
        bundles.append(chosen.copy())  # every partial choice is itself a bundle
        for i in range(start, len(items)):
            # For this slot, try each distinct value once: a second equal item
            # here would only rebuild bundles we already have.
            if i > start and items[i] == items[i - 1]:
                continue
            chosen.append(items[i])
            extend(i + 1)
            chosen.pop()

    extend(0)
    return bundles


# --8<-- [end:solution]


def reference(items: list[int]) -> list[list[int]]:
    """Brute force: every one of the 2^n subsets by bitmask, duplicates removed with a set."""
    seen: set[tuple[int, ...]] = set()
    for mask in range(1 << len(items)):
        seen.add(tuple(sorted(item for bit, item in enumerate(items) if mask >> bit & 1)))
    return [list(bundle) for bundle in seen]


def same(args: dict[str, object], got: object, expected: object) -> bool:
    """Bundles may come in any order; each bundle lists its items in ascending order."""
    assert isinstance(got, list) and isinstance(expected, list)
    return sorted(got) == sorted(expected)


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of items in the cart (keep it small: the answer can hold 2^n bundles).
    Product ids come from 1..3n, so repeats happen but most bundles are distinct."""
    return {"items": [rng.randint(1, 3 * n) for _ in range(n)]}
