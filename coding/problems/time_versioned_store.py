"""Time-versioned key-value store: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import bisect
import random


# --8<-- [start:solution]
class TimeVersionedStore:
    """Stores every value a key had, and answers "what was the value at time t?".

    Timestamps for one key arrive in non-decreasing order, so each key's history is a
    sorted list and a lookup is a binary search over it.
    """

    def __init__(self) -> None:
        self.times: dict[str, list[int]] = {}
        self.values: dict[str, list[str]] = {}

    def set(self, key: str, value: str, timestamp: int) -> None:
        self.times.setdefault(key, []).append(timestamp)
        self.values.setdefault(key, []).append(value)

    def get(self, key: str, timestamp: int) -> str:
        times = self.times.get(key)
        if not times:
            return ""
        # The number of versions written at or before `timestamp`; the latest of them wins.
        position = bisect.bisect_right(times, timestamp)
        if position == 0:
            return ""
        return self.values[key][position - 1]


# --8<-- [end:solution]


def run(operations: list[list[str | int]]) -> list[str | None]:
    """Replay operations on a new store: ``["set", key, value, t]`` or ``["get", key, t]``.

    Returns one output per operation: what ``get`` returned, or None for ``set``.
    """
    store = TimeVersionedStore()
    outputs: list[str | None] = []
    for operation in operations:
        if operation[0] == "set":
            store.set(str(operation[1]), str(operation[2]), int(operation[3]))
            outputs.append(None)
        else:
            outputs.append(store.get(str(operation[1]), int(operation[2])))
    return outputs


def reference(operations: list[list[str | int]]) -> list[str | None]:
    """Brute force: keep every (key, time, value) write and scan all of them on each read."""
    writes: list[tuple[str, int, str]] = []
    outputs: list[str | None] = []
    for operation in operations:
        if operation[0] == "set":
            writes.append((str(operation[1]), int(operation[3]), str(operation[2])))
            outputs.append(None)
            continue
        key, timestamp = str(operation[1]), int(operation[2])
        answer, best_time = "", None
        for write_key, write_time, value in writes:
            # Later writes at the same time replace earlier ones, hence >=.
            if (
                write_key == key
                and write_time <= timestamp
                and (best_time is None or write_time >= best_time)
            ):
                answer, best_time = value, write_time
        outputs.append(answer)
    return outputs


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n operations on a few keys; each key's write times never decrease, reads ask any time."""
    keys = [f"k{i}" for i in range(max(1, n // 8) if n >= 20 else 2)]
    clock = {key: 0 for key in keys}
    operations: list[list[str | int]] = []
    for _ in range(n):
        key = rng.choice(keys)
        if rng.random() < 0.5:
            clock[key] += rng.randint(0, 3)
            operations.append(["set", key, f"v{rng.randint(0, 9)}", clock[key]])
        else:
            operations.append(["get", key, rng.randint(0, clock[key] + 2)])
    return {"operations": operations}
