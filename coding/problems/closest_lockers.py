"""The k closest pickup lockers: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import heapq
import random
from collections import Counter


# --8<-- [start:solution]
def closest_lockers(lockers: list[list[int]], k: int) -> list[list[int]]:
    if k == 0:
        return []
    # A max-heap of the k closest so far, by squared distance (negated,
    # because heapq is a min-heap): the farthest kept locker is on top.
    kept: list[tuple[int, int]] = []  # (-squared distance, index into lockers)
    for index, (x, y) in enumerate(lockers):
        distance = x * x + y * y  # squared: same order, no floating point
        if len(kept) < k:
            heapq.heappush(kept, (-distance, index))
        elif distance < -kept[0][0]:
            heapq.heapreplace(kept, (-distance, index))  # evict the farthest
    return [lockers[index] for _, index in kept]


# --8<-- [end:solution]


def reference(lockers: list[list[int]], k: int) -> list[list[int]]:
    """Brute force: sort every locker by distance and take the first k."""
    return sorted(lockers, key=lambda point: point[0] ** 2 + point[1] ** 2)[:k]


def same(args: dict[str, object], got: object, expected: object) -> bool:
    """Any k lockers drawn from the input whose distances are the k smallest are right, in any order."""
    lockers = args["lockers"]
    assert (
        isinstance(lockers, list) and isinstance(got, list) and isinstance(expected, list)
    )
    available = Counter(tuple(point) for point in lockers)
    for point in got:
        if available[tuple(point)] == 0:
            return False
        available[tuple(point)] -= 1

    def distances(points: list[list[int]]) -> list[int]:
        return sorted(x * x + y * y for x, y in points)

    return distances(got) == distances(expected)


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n lockers on a grid of a random spread, and k.

    Up to n = 12, small enough for the brute force, k is anything from 0 to n; above that it is
    a quarter of n, so that k grows with n as the stated O(n log k), timed as n log n, assumes
    (a k drawn anew for each n would swing the work between n and n log n by chance).
    """
    # Shape first (so the same seed gives the same shape at every n), then the points.
    spread = rng.choice([1, 3, 100, 10_000])
    k_share = rng.random() if n <= 12 else 0.25
    lockers = [
        [rng.randint(-spread, spread), rng.randint(-spread, spread)] for _ in range(n)
    ]
    return {"lockers": lockers, "k": round(k_share * n)}
