"""LRU cache: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
class _Node:
    """One cache entry; a new node links to itself until it joins the list."""

    def __init__(self, key: int = 0, value: int = 0) -> None:
        self.key = key
        self.value = value
        self.prev: _Node = self
        self.next: _Node = self


class LRUCache:
    """A fixed-capacity cache that evicts the least recently used key.

    A dictionary finds a key's node in O(1). A circular doubly linked list through one
    sentinel keeps the nodes in order of use: sentinel.next is the most recently used,
    sentinel.prev the least, so moving a node to the front and evicting are O(1) too.
    """

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.nodes: dict[int, _Node] = {}
        self.sentinel = _Node()  # no special case for an empty list

    def get(self, key: int) -> int:
        node = self.nodes.get(key)
        if node is None:
            return -1
        self._move_to_front(node)
        return node.value

    def put(self, key: int, value: int) -> None:
        if self.capacity <= 0:
            return
        node = self.nodes.get(key)
        if node is not None:
            node.value = value
            self._move_to_front(node)
            return
        if len(self.nodes) == self.capacity:
            oldest = self.sentinel.prev
            self._unlink(oldest)
            del self.nodes[oldest.key]
        node = _Node(key, value)
        self.nodes[key] = node
        self._link_front(node)

    def _move_to_front(self, node: _Node) -> None:
        self._unlink(node)
        self._link_front(node)

    def _unlink(self, node: _Node) -> None:
        node.prev.next = node.next
        node.next.prev = node.prev

    def _link_front(self, node: _Node) -> None:
        node.prev = self.sentinel
        node.next = self.sentinel.next
        self.sentinel.next.prev = node
        self.sentinel.next = node


# --8<-- [end:solution]


def run(capacity: int, operations: list[list[str | int]]) -> list[int | None]:
    """Replay operations on a new LRUCache: ``["get", key]`` or ``["put", key, value]``.

    Returns one output per operation: what ``get`` returned, or None for ``put``.
    """
    cache = LRUCache(capacity)
    outputs: list[int | None] = []
    for operation in operations:
        if operation[0] == "get":
            outputs.append(cache.get(int(operation[1])))
        else:
            cache.put(int(operation[1]), int(operation[2]))
            outputs.append(None)
    return outputs


def reference(capacity: int, operations: list[list[str | int]]) -> list[int | None]:
    """Brute force: a plain list of (key, value) pairs, most recently used last, searched by scanning."""
    entries: list[tuple[int, int]] = []
    outputs: list[int | None] = []
    for operation in operations:
        key = int(operation[1])
        position = next((i for i, (k, _) in enumerate(entries) if k == key), None)
        if operation[0] == "get":
            if position is None:
                outputs.append(-1)
            else:
                entry = entries.pop(position)
                entries.append(entry)
                outputs.append(entry[1])
            continue
        outputs.append(None)
        if capacity <= 0:
            continue
        if position is not None:
            entries.pop(position)
        elif len(entries) == capacity:
            entries.pop(0)
        entries.append((key, int(operation[2])))
    return outputs


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n operations on keys from a small range, so hits, misses, updates and evictions all occur."""
    capacity = rng.randint(0, 4) if n < 20 else rng.randint(1, max(1, n // 4))
    key_range = max(1, capacity * 2) if n < 20 else max(2, n // 2)
    operations: list[list[str | int]] = []
    for _ in range(n):
        key = rng.randint(0, key_range)
        if rng.random() < 0.5:
            operations.append(["get", key])
        else:
            operations.append(["put", key, rng.randint(0, 99)])
    return {"capacity": capacity, "operations": operations}
