"""Fewest full boxes for an order: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import itertools
import random


# --8<-- [start:solution]
def fewest_boxes(box_sizes: list[int], units: int) -> int:
    # fewest[t] = fewest full boxes holding exactly t units. units + 1 means
    # "impossible": even boxes of size 1 never need more than `units` of them.
    impossible = units + 1
    fewest = [0] + [impossible] * units
    for total in range(1, units + 1):
        for size in box_sizes:
            if size <= total:
                fewest[total] = min(fewest[total], fewest[total - size] + 1)
    return fewest[units] if fewest[units] != impossible else -1


# --8<-- [end:solution]


def reference(box_sizes: list[int], units: int) -> int:
    """Brute force: try every combination of box counts and keep the smallest that fits exactly."""
    best = -1
    for counts in itertools.product(*(range(units // size + 1) for size in box_sizes)):
        if (
            sum(count * size for count, size in zip(counts, box_sizes, strict=True))
            == units
        ):
            boxes = sum(counts)
            if best == -1 or boxes < best:
                best = boxes
    return best


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """An order of n units and the box sizes, not always including 1.

    Up to n = 12, small enough for the brute force, there are one to four sizes, some larger
    than the order, so every count is reachable. Above that there are always three sizes of at
    most 26 units, as a warehouse stocks: the complexity, O(U·k), grows with n only while the
    number of sizes k stays fixed, and a size larger than most totals would skip most of the work.
    """
    kinds = rng.randint(1, 4) if n <= 12 else 3
    box_sizes = rng.sample(range(1, max(kinds, min(n, 24)) + 3), kinds)
    return {"box_sizes": box_sizes, "units": n}
