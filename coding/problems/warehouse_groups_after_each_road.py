"""Connected warehouse groups after each new road: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def groups_after_each_road(num_warehouses: int, roads: list[list[int]]) -> list[int]:
    # Union-find: each group is a tree, named by its root.
    parent = list(range(num_warehouses))
    size = [1] * num_warehouses

    def find(warehouse: int) -> int:
        # Path halving: point each node on the way at its grandparent, keeping trees flat.
        while parent[warehouse] != warehouse:
            parent[warehouse] = parent[parent[warehouse]]
            warehouse = parent[warehouse]
        return warehouse

    groups = num_warehouses
    counts: list[int] = []
    for a, b in roads:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            # Hang the smaller tree under the larger one (union by size).
            if size[root_a] < size[root_b]:
                root_a, root_b = root_b, root_a
            parent[root_b] = root_a
            size[root_a] += size[root_b]
            groups -= 1
        counts.append(groups)
    return counts


# --8<-- [end:solution]


def reference(num_warehouses: int, roads: list[list[int]]) -> list[int]:
    """Brute force: after each road, count the groups from scratch with a depth-first search."""
    counts: list[int] = []
    for opened in range(1, len(roads) + 1):
        neighbors: list[list[int]] = [[] for _ in range(num_warehouses)]
        for a, b in roads[:opened]:
            neighbors[a].append(b)
            neighbors[b].append(a)
        seen: set[int] = set()
        groups = 0
        for start in range(num_warehouses):
            if start in seen:
                continue
            groups += 1
            seen.add(start)
            stack = [start]
            while stack:
                for neighbor in neighbors[stack.pop()]:
                    if neighbor not in seen:
                        seen.add(neighbor)
                        stack.append(neighbor)
        counts.append(groups)
    return counts


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of warehouses, with about n roads (repeats and roads already inside a group included)."""
    if n == 0:
        return {"num_warehouses": 0, "roads": []}
    roads = [
        [rng.randrange(n), rng.randrange(n)] for _ in range(rng.randint(n // 2, n + 2))
    ]
    return {"num_warehouses": n, "roads": roads}
