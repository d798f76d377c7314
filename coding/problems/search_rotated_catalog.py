"""Search a rotated sorted catalog: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def search_rotated(ids: list[int], target: int) -> int:
    low, high = 0, len(ids) - 1
    while low <= high:
        middle = (low + high) // 2
        if ids[middle] == target:
            return middle
        # One of the two halves around middle is always in sorted order.
        if ids[low] <= ids[middle]:  # low..middle is sorted
            if ids[low] <= target < ids[middle]:
                high = middle - 1
            else:
                low = middle + 1
        else:  # middle..high is sorted
            if ids[middle] < target <= ids[high]:
                low = middle + 1
            else:
                high = middle - 1
    return -1


# --8<-- [end:solution]


def reference(ids: list[int], target: int) -> int:
    """Brute force: look at every position."""
    for index, value in enumerate(ids):
        if value == target:
            return index
    return -1


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    # Shape first (so the same seed gives the same shape at every n), then the values.
    rotate_share = rng.random()
    present = rng.random() < 0.6
    target_share = rng.random()
    values = sorted(rng.sample(range(-3 * n - 5, 3 * n + 6), n))
    shift = int(rotate_share * n)
    ids = values[shift:] + values[:shift]
    if present and ids:
        target = ids[int(target_share * n)]
    else:
        taken = set(ids)
        target = rng.choice([v for v in range(-3 * n - 7, 3 * n + 8) if v not in taken])
    return {"ids": ids, "target": target}
