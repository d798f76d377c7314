"""Time for a dispatch from the hub to reach every station: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import heapq
import random


# --8<-- [start:solution]
def time_to_reach_all(num_stations: int, roads: list[list[int]], hub: int) -> int:
    # roads are one-way: [from_station, to_station, minutes].
    neighbors: list[list[tuple[int, int]]] = [[] for _ in range(num_stations)]
    for start, end, minutes in roads:
        neighbors[start].append((end, minutes))

    # Dijkstra: always settle the closest station not yet settled.
    fastest: dict[int, int] = {}
    heap: list[tuple[int, int]] = [(0, hub)]
    while heap:
        elapsed, station = heapq.heappop(heap)
        if station in fastest:
            continue  # an older, slower entry for a station already settled
        fastest[station] = elapsed
        for neighbor, minutes in neighbors[station]:
            if neighbor not in fastest:
                heapq.heappush(heap, (elapsed + minutes, neighbor))

    if len(fastest) < num_stations:
        return -1  # some station cannot be reached at all
    return max(fastest.values())


# --8<-- [end:solution]


def reference(num_stations: int, roads: list[list[int]], hub: int) -> int:
    """Brute force: Bellman-Ford, relaxing every road num_stations - 1 times."""
    unreachable = float("inf")
    best = [unreachable] * num_stations
    best[hub] = 0
    for _ in range(num_stations - 1):
        for start, end, minutes in roads:
            best[end] = min(best[end], best[start] + minutes)
    if unreachable in best:
        return -1
    return int(max(best))


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of stations (at least one), with about 3n one-way roads of 1 to 20 minutes.

    Up to n = 12, small enough for the brute force, the hub sometimes cannot reach every station
    and the extra roads number n / 2 to 2n. Above that every station is reachable and there are
    2n extra roads, so the search visits all V + E as the stated complexity counts (a redrawn
    shape for each size swung the work by chance).
    """
    stations = max(n, 1)
    wire_tree = (
        rng.random() < 0.8 or n > 12
    )  # drawn first, so a given seed makes the same choice at every n
    hub = rng.randrange(stations)
    roads: list[list[int]] = []
    if wire_tree:
        # Usually wire a random tree out of the hub, so that every station is reachable.
        order = [s for s in range(stations) if s != hub]
        rng.shuffle(order)
        reached = [hub]
        for station in order:
            roads.append([rng.choice(reached), station, rng.randint(1, 20)])
            reached.append(station)
    extra = rng.randint(stations // 2, 2 * stations) if n <= 12 else 2 * stations
    for _ in range(extra):
        roads.append([rng.randrange(stations), rng.randrange(stations), rng.randint(1, 20)])
    rng.shuffle(roads)
    return {"num_stations": stations, "roads": roads, "hub": hub}
