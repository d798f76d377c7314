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
        if sum(count * size for count, size in zip(counts, box_sizes, strict=True)) == units:
            boxes = sum(counts)
            if best == -1 or boxes < best:
                best = boxes
    return best


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is about the number of units ordered; one to four distinct box sizes, not always including 1."""
    kinds = rng.randint(1, 4)  # drawn first, so a given seed has the same number of sizes at every n
    units = rng.randint(n // 2, 2 * n)
    box_sizes = rng.sample(range(1, max(kinds, n) + 3), kinds)
    return {"box_sizes": box_sizes, "units": units}
