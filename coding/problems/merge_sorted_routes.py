"""Merge two sorted delivery lists: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random

from coding.support import ListNode, build_list, list_values


# --8<-- [start:solution]
def merge_sorted(first: ListNode | None, second: ListNode | None) -> ListNode | None:
    # A dummy head means the first real node needs no special case.
    dummy = ListNode(0)
    tail = dummy
    while first is not None and second is not None:
        # "<=" takes ties from the first list, so equal times keep their order.
        if first.val <= second.val:
            tail.next = first
            first = first.next
        else:
            tail.next = second
            second = second.next
        tail = tail.next
    # At most one list has nodes left, and they are already sorted.
    tail.next = first if first is not None else second
    return dummy.next


# --8<-- [end:solution]


def run(first: list[int], second: list[int]) -> list[int]:
    """Plain-value adapter: build both lists, merge them, read the result back."""
    return list_values(merge_sorted(build_list(first), build_list(second)))


def reference(first: list[int], second: list[int]) -> list[int]:
    """Brute force: put every value in one list and sort it."""
    return sorted(first + second)


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the total number of nodes in the two lists; either list may be empty."""
    values = [rng.randint(-n, n) for _ in range(n)]
    cut = rng.randint(0, n)
    return {"first": sorted(values[:cut]), "second": sorted(values[cut:])}
