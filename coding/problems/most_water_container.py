"""Most water between two walls: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def max_water(heights: list[int]) -> int:
    left, right = 0, len(heights) - 1
    best = 0
    while left < right:
        width = right - left
        water = width * min(heights[left], heights[right])
        best = max(best, water)
        # The shorter wall caps every narrower pair that keeps it,
        # so none of those pairs can beat this one: drop that wall.
        if heights[left] < heights[right]:
            left += 1
        else:
            right -= 1
    return best


# --8<-- [end:solution]


def reference(heights: list[int]) -> int:
    """Brute force: try every pair of walls."""
    best = 0
    for i in range(len(heights)):
        for j in range(i + 1, len(heights)):
            best = max(best, (j - i) * min(heights[i], heights[j]))
    return best


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    tallest = rng.choice([0, 1, 5, 100, 10_000])
    return {"heights": [rng.randint(0, tallest) for _ in range(n)]}
