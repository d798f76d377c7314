"""Fewest docks for a day's truck bookings: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import heapq
import random


# --8<-- [start:solution]
def fewest_docks(bookings: list[list[int]]) -> int:
    busy_until: list[int] = []  # min-heap: when each dock in use becomes free
    for start, end in sorted(bookings):
        if busy_until and busy_until[0] <= start:
            # The dock that frees up first is free by now: reuse it.
            heapq.heapreplace(busy_until, end)
        else:
            heapq.heappush(busy_until, end)  # every dock is busy: open one more
    return len(busy_until)


# --8<-- [end:solution]


def reference(bookings: list[list[int]]) -> int:
    """Brute force: the busiest moment is some booking's start; count who is there at each start."""
    most = 0
    for start, _ in bookings:
        present = sum(
            1 for other_start, other_end in bookings if other_start <= start < other_end
        )
        most = max(most, present)
    return most


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    # Shape first (so the same seed gives the same shape at every n), then the bookings.
    spread = rng.choice([0.2, 2, 20])
    longest = rng.choice([1, 3, 10, 50])
    horizon = max(1, round(spread * n))
    bookings = []
    for _ in range(n):
        start = rng.randint(0, horizon)
        bookings.append([start, start + rng.randint(1, longest)])
    return {"bookings": bookings}
