"""Smallest truck capacity that meets the deadline: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def smallest_truck_capacity(weights: list[int], days: int) -> int:
    def days_needed(capacity: int) -> int:
        used, load = 1, 0
        for weight in weights:
            if load + weight > capacity:  # this package starts the next day
                used += 1
                load = 0
            load += weight
        return used

    # The heaviest package must fit; the total weight ships everything in one day.
    low, high = max(weights), sum(weights)
    while low < high:
        capacity = (low + high) // 2
        if days_needed(capacity) <= days:
            high = capacity  # it works, so the answer is this or smaller
        else:
            low = capacity + 1  # too small, so the answer is larger
    return low


# --8<-- [end:solution]


def reference(weights: list[int], days: int) -> int:
    """Brute force: try every capacity upward from the heaviest package until the plan fits."""
    capacity = max(weights)
    while True:
        trips = [0]
        for weight in weights:
            if trips[-1] + weight <= capacity:
                trips[-1] += weight
            else:
                trips.append(weight)
        if len(trips) <= days:
            return capacity
        capacity += 1


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    # Shape first (so the same seed gives the same shape at every n), then the weights.
    heaviest = rng.choice([1, 5, 50, 500])
    days_share = rng.random() * 1.2  # sometimes more days than packages
    count = max(1, n)
    weights = [rng.randint(1, heaviest) for _ in range(count)]
    return {"weights": weights, "days": max(1, round(days_share * count))}
