"""Reverse a route in batches of k: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random

from coding.support import ListNode, build_list, list_values


# --8<-- [start:solution]
def reverse_in_batches(head: ListNode | None, k: int) -> ListNode | None:
    # before_batch is the node just ahead of the batch we are about to reverse.
    dummy = ListNode(0, head)
    before_batch = dummy
    while True:
        # Walk k nodes ahead; a batch shorter than k stays as it is.
        last: ListNode | None = before_batch
        for _ in range(k):
            if last is None:
                break
            last = last.next
        first = before_batch.next
        if last is None or first is None:
            return dummy.next
        after_batch = last.next

        # Reverse the batch in place; its first node ends up before after_batch.
        previous: ListNode | None = after_batch
        current: ListNode | None = first
        while current is not None and current is not after_batch:
            following = current.next
            current.next = previous
            previous, current = current, following

        # Stitch the reversed batch in: last is now its head, first its tail.
        before_batch.next = last
        before_batch = first


# --8<-- [end:solution]


def run(values: list[int], k: int) -> list[int]:
    """Plain-value adapter: build the list, reverse it in batches, read the result back."""
    return list_values(reverse_in_batches(build_list(values), k))


def reference(values: list[int], k: int) -> list[int]:
    """Brute force: cut the plain list into slices of k and reverse each full slice."""
    result: list[int] = []
    for start in range(0, len(values), k):
        batch = values[start : start + k]
        result.extend(reversed(batch) if len(batch) == k else batch)
    return result


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of stops on the route; k ranges from 1 to a little past n."""
    values = [rng.randint(1, 99) for _ in range(n)]
    return {"values": values, "k": rng.randint(1, n + 2)}
