"""Days until a busier day: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def days_until_busier(orders: list[int]) -> list[int]:
    wait = [0] * len(orders)
    # Days still waiting for a busier one. Their counts never increase from
    # bottom to top, so a new day resolves the waiting days from the top down.
    waiting: list[int] = []
    for day, count in enumerate(orders):
        while waiting and orders[waiting[-1]] < count:
            earlier = waiting.pop()
            wait[earlier] = day - earlier
        waiting.append(day)
    return wait  # days left on the stack never see a busier day: 0


# --8<-- [end:solution]


def reference(orders: list[int]) -> list[int]:
    """Brute force: from each day, scan forward to the first busier day."""
    wait = []
    for day, count in enumerate(orders):
        later = next(
            (other for other in range(day + 1, len(orders)) if orders[other] > count), None
        )
        wait.append(0 if later is None else later - day)
    return wait


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    # Shape first (so the same seed gives the same shape at every n), then the counts.
    busiest = rng.choice([0, 2, 10, 1000, 100_000])
    return {"orders": [rng.randint(0, busiest) for _ in range(n)]}
