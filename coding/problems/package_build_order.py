"""Build order for packages with dependencies: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random
from collections import deque


# --8<-- [start:solution]
def build_order(num_packages: int, dependencies: list[list[int]]) -> list[int]:
    # [package, prerequisite]: the prerequisite must be built first.
    dependents: list[list[int]] = [[] for _ in range(num_packages)]
    waiting_on = [0] * num_packages
    for package, prerequisite in dependencies:
        dependents[prerequisite].append(package)
        waiting_on[package] += 1

    # Kahn's algorithm: start with everything that waits on nothing.
    ready = deque(p for p in range(num_packages) if waiting_on[p] == 0)
    order: list[int] = []
    while ready:
        package = ready.popleft()
        order.append(package)
        for dependent in dependents[package]:
            waiting_on[dependent] -= 1
            if waiting_on[dependent] == 0:
                ready.append(dependent)

    # Packages on a cycle never reach zero, so they never get built.
    return order if len(order) == num_packages else []


# --8<-- [end:solution]


def reference(num_packages: int, dependencies: list[list[int]]) -> list[int]:
    """Brute force: repeatedly scan for any unbuilt package whose prerequisites are all built."""
    built: set[int] = set()
    order: list[int] = []
    while len(order) < num_packages:
        for package in range(num_packages):
            if package not in built and all(
                prerequisite in built
                for dependent, prerequisite in dependencies
                if dependent == package
            ):
                built.add(package)
                order.append(package)
                break
        else:
            return []  # nothing buildable is left: a cycle
    return order


def same(args: dict[str, object], got: object, expected: object) -> bool:
    """Any valid order is right; when there is none, both must be empty."""
    if expected == []:
        return got == []
    num_packages = args["num_packages"]
    dependencies = args["dependencies"]
    assert (
        isinstance(num_packages, int)
        and isinstance(dependencies, list)
        and isinstance(got, list)
    )
    if sorted(got) != list(range(num_packages)):
        return False
    position = {package: index for index, package in enumerate(got)}
    return all(
        position[prerequisite] < position[package] for package, prerequisite in dependencies
    )


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of packages, with about 2n dependencies; some cases contain a cycle."""
    rank = list(range(n))
    rng.shuffle(rank)  # rank[i] is package i's place in a hidden valid order
    dependencies: list[list[int]] = []
    # Above the brute force's sizes the shape is fixed (exactly 2n dependencies, no cycle), so the
    # benchmark's doubling of n doubles the work; small cases keep every shape, cycles included.
    small = n <= 12
    if n >= 2:
        for _ in range(rng.randint(n // 2, 2 * n) if small else 2 * n):
            a, b = rng.sample(range(n), 2)
            later, earlier = (a, b) if rank[a] > rank[b] else (b, a)
            dependencies.append([later, earlier])
        if small and rng.random() < 0.3:
            a, b = rng.sample(range(n), 2)
            dependencies.append([a, b])  # may close a cycle
    return {"num_packages": n, "dependencies": dependencies}
