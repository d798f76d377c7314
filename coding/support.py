"""Node types and plain-value converters shared by the linked-list and tree problems.

Solutions show real node-based functions; their modules convert plain lists to nodes and back
with these helpers, so tests and the benchmark can call every entry with JSON-like values.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(eq=False)
class ListNode:
    """One node of a singly linked list."""

    val: int = 0
    next: ListNode | None = None


@dataclass(eq=False)
class TreeNode:
    """One node of a binary tree."""

    val: int = 0
    left: TreeNode | None = None
    right: TreeNode | None = None


def build_list(values: list[int]) -> ListNode | None:
    """The linked list holding ``values`` in order; None for an empty list."""
    head: ListNode | None = None
    for value in reversed(values):
        head = ListNode(value, head)
    return head


def list_values(head: ListNode | None) -> list[int]:
    """The values of a linked list, from its head to its end."""
    values: list[int] = []
    node = head
    while node is not None:
        values.append(node.val)
        node = node.next
    return values


def build_tree(level_order: list[int | None]) -> TreeNode | None:
    """The binary tree written in LeetCode-style level order, with None for a missing child.

    ``[1, None, 2, 3]`` is a root 1 with no left child, a right child 2, and 3 as 2's left child:
    the children of a missing node are not written.
    """
    if not level_order or level_order[0] is None:
        return None
    root = TreeNode(level_order[0])
    parents: deque[TreeNode] = deque([root])
    index = 1
    while parents and index < len(level_order):
        parent = parents.popleft()
        for side in ("left", "right"):
            if index >= len(level_order):
                break
            value = level_order[index]
            index += 1
            if value is not None:
                child = TreeNode(value)
                setattr(parent, side, child)
                parents.append(child)
    return root


def tree_level_order(root: TreeNode | None) -> list[int | None]:
    """The tree in LeetCode-style level order (the inverse of :func:`build_tree`), trailing Nones trimmed."""
    values: list[int | None] = []
    queue: deque[TreeNode | None] = deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            values.append(None)
            continue
        values.append(node.val)
        queue.append(node.left)
        queue.append(node.right)
    while values and values[-1] is None:
        values.pop()
    return values
