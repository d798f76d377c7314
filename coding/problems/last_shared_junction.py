"""Last shared junction on a conveyor tree: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random

from coding.support import TreeNode, build_tree


# --8<-- [start:solution]
def last_shared_junction(root: TreeNode | None, p: int, q: int) -> TreeNode | None:
    # Returns the node for p or q if this subtree holds one of them,
    # or their lowest common ancestor if it holds both.
    if root is None or root.val == p or root.val == q:
        return root
    left = last_shared_junction(root.left, p, q)
    right = last_shared_junction(root.right, p, q)
    if left is not None and right is not None:
        # p and q sit on different sides: the routes split here.
        return root
    return left if left is not None else right


# --8<-- [end:solution]


def run(tree: list[int | None], p: int, q: int) -> int:
    """Plain-value adapter: build the tree from its level order and return the junction's id."""
    junction = last_shared_junction(build_tree(tree), p, q)
    assert junction is not None, "p and q must be in the tree"
    return junction.val


def _subtree_values(node: TreeNode | None) -> set[int]:
    if node is None:
        return set()
    return {node.val} | _subtree_values(node.left) | _subtree_values(node.right)


def reference(tree: list[int | None], p: int, q: int) -> int:
    """Brute force: of all nodes whose subtree holds both p and q, take the one with the smallest subtree."""
    best: tuple[int, int] | None = None
    stack = [build_tree(tree)]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        below = _subtree_values(node)
        if p in below and q in below and (best is None or len(below) < best[0]):
            best = (len(below), node.val)
        stack.extend([node.left, node.right])
    assert best is not None
    return best[1]


def random_level_order(rng: random.Random, values: list[int]) -> list[int | None]:
    """A random tree shape holding `values`, as a level order with None for missing children."""
    if not values:
        return []
    order: list[int | None] = [values[0]]
    open_slots = 2
    placed = 1
    while placed < len(values):
        # Leave a slot empty now and then, but never the last open one.
        if open_slots == 1 or rng.random() < 0.75:
            order.append(values[placed])
            placed += 1
            open_slots += 1
        else:
            order.append(None)
            open_slots -= 1
    return order


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of junctions (at least one); ids are distinct, p and q may be equal."""
    values = rng.sample(range(1, 10 * n + 10), max(n, 1))
    return {
        "tree": random_level_order(rng, values),
        "p": rng.choice(values),
        "q": rng.choice(values),
    }
