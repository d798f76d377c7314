"""Rightmost category on each level: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random
from collections import deque

from coding.support import TreeNode, build_tree


# --8<-- [start:solution]
def right_side_view(root: TreeNode | None) -> list[int]:
    visible: list[int] = []
    if root is None:
        return visible
    queue: deque[TreeNode] = deque([root])
    while queue:
        # The queue now holds exactly one level; its last node is the rightmost.
        level_size = len(queue)
        for position in range(level_size):
            node = queue.popleft()
            if position == level_size - 1:
                visible.append(node.val)
            if node.left is not None:
                queue.append(node.left)
            if node.right is not None:
                queue.append(node.right)
    return visible


# --8<-- [end:solution]


def run(tree: list[int | None]) -> list[int]:
    """Plain-value adapter: build the tree from its level order and return the visible values."""
    return right_side_view(build_tree(tree))


def reference(tree: list[int | None]) -> list[int]:
    """Brute force: a depth-first walk, left before right, overwriting each depth's value as it goes."""
    last_seen: dict[int, int] = {}
    stack: list[tuple[TreeNode | None, int]] = [(build_tree(tree), 0)]
    while stack:
        node, depth = stack.pop()
        if node is None:
            continue
        last_seen[depth] = node.val
        # Pushed right first so that left is visited first and right overwrites it.
        stack.append((node.right, depth + 1))
        stack.append((node.left, depth + 1))
    return [last_seen[depth] for depth in range(len(last_seen))]


def random_level_order(rng: random.Random, values: list[int]) -> list[int | None]:
    """A random tree shape holding `values`, as a level order with None for missing children."""
    if not values:
        return []
    order: list[int | None] = [values[0]]
    open_slots = 2
    placed = 1
    while placed < len(values):
        # Leave a slot empty now and then, but never the last open one.
        if open_slots == 1 or rng.random() < 0.7:
            order.append(values[placed])
            placed += 1
            open_slots += 1
        else:
            order.append(None)
            open_slots -= 1
    return order


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of categories in the tree; values may repeat, and n = 0 is an empty tree."""
    values = [rng.randint(1, 50) for _ in range(n)]
    return {"tree": random_level_order(rng, values)}
