"""Longest stretch without a repeat: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random
import string


# --8<-- [start:solution]
def longest_unique_stretch(views: str) -> int:
    last_seen: dict[str, int] = {}  # category -> index of its latest view
    start = 0  # the window is views[start : index + 1]
    best = 0
    for index, category in enumerate(views):
        # A repeat inside the window: move the start just past its earlier copy.
        if category in last_seen and last_seen[category] >= start:
            start = last_seen[category] + 1
        last_seen[category] = index
        best = max(best, index - start + 1)
    return best


# --8<-- [end:solution]


def reference(views: str) -> int:
    """Brute force: check every substring for a repeat."""
    best = 0
    for i in range(len(views)):
        for j in range(i + 1, len(views) + 1):
            if len(set(views[i:j])) == j - i:
                best = max(best, j - i)
    return best


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    alphabet = string.ascii_letters[: rng.choice([1, 2, 3, 5, 26, 52])]
    return {"views": "".join(rng.choice(alphabet) for _ in range(n))}
