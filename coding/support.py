"""Shared helpers for the worked problems: linked-list and tree nodes, built from and read back to plain values."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(eq=False)
class ListNode:
    val: int
    next: ListNode | None = None


@dataclass(eq=False)
class TreeNode:
    val: int
    left: TreeNode | None = None
    right: TreeNode | None = None


def build_list(values: list[int]) -> ListNode | None:
    """The linked list holding `values` in order; None for an empty list."""
    head: ListNode | None = None
    for value in reversed(values):
        head = ListNode(value, head)
    return head


def list_values(head: ListNode | None) -> list[int]:
    """The values of a linked list, head first."""
    values: list[int] = []
    while head is not None:
        values.append(head.val)
        head = head.next
    return values


def build_tree(level_order: list[int | None]) -> TreeNode | None:
    """A binary tree from its level order, None marking a missing child (LeetCode's convention)."""
    if not level_order or level_order[0] is None:
        return None
    root = TreeNode(level_order[0])
    queue: deque[TreeNode] = deque([root])
    index = 1
    while queue and index < len(level_order):
        node = queue.popleft()
        left = level_order[index]
        index += 1
        if left is not None:
            node.left = TreeNode(left)
            queue.append(node.left)
        if index < len(level_order):
            right = level_order[index]
            index += 1
            if right is not None:
                node.right = TreeNode(right)
                queue.append(node.right)
    return root


def tree_level_order(root: TreeNode | None) -> list[int | None]:
    """The level order of a tree with None for missing children, trailing Nones trimmed."""
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
