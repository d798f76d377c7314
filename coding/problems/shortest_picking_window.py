"""Shortest aisle stretch that fills an order: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random
from collections import Counter


# --8<-- [start:solution]
def shortest_picking_window(aisle: str, order: str) -> str:
    if not aisle or not order:
        return ""
    still_needed = Counter(order)  # item -> copies the window still lacks (may go negative)
    missing = len(order)  # copies still lacking in total
    best_start, best_length = 0, 0  # best_length 0 means "none found yet"
    left = 0
    for right, item in enumerate(aisle):
        if still_needed[item] > 0:
            missing -= 1
        still_needed[item] -= 1
        # The window covers the order: shrink it from the left while it still does.
        while missing == 0:
            length = right - left + 1
            if best_length == 0 or length < best_length:
                best_start, best_length = left, length
            dropped = aisle[left]
            still_needed[dropped] += 1
            if still_needed[dropped] > 0:
                missing += 1
            left += 1
    return aisle[best_start : best_start + best_length]


# --8<-- [end:solution]


def reference(aisle: str, order: str) -> str:
    """Brute force: try windows from shortest to longest, left to right, and count each one."""
    if not order:
        return ""
    needed = Counter(order)
    for length in range(1, len(aisle) + 1):
        for start in range(len(aisle) - length + 1):
            have = Counter(aisle[start : start + length])
            if all(have[item] >= count for item, count in needed.items()):
                return aisle[start : start + length]
    return ""


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    # Shape first (so the same seed gives the same shape at every n), then the letters.
    alphabet = "ABCDEF"[: rng.choice([1, 2, 3, 4, 6])]
    order_share = rng.choice([0.0, 0.0, 0.05, 0.2, 0.5])
    order_length = max(rng.choice([0, 1, 1, 2, 3]), round(order_share * n))
    # Sometimes the order asks for an item the aisle never stocks.
    order_alphabet = alphabet + ("Z" if rng.random() < 0.15 else "")
    aisle = "".join(rng.choice(alphabet) for _ in range(n))
    order = "".join(rng.choice(order_alphabet) for _ in range(order_length))
    return {"aisle": aisle, "order": order}
