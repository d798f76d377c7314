"""Longest chain of nesting boxes: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import bisect
import itertools
import random


# --8<-- [start:solution]
def longest_nesting_chain(boxes: list[list[int]]) -> int:
    # Sort by width; for equal widths put the longer box first, so two boxes of
    # the same width can never both land in the increasing run below.
    ordered = sorted(boxes, key=lambda box: (box[0], -box[1]))

    # Now the answer is the longest strictly increasing run of lengths.
    # tails[k] = smallest length that ends an increasing run of k + 1 boxes.
    tails: list[int] = []
    for _, length in ordered:
        slot = bisect.bisect_left(tails, length)
        if slot == len(tails):
            tails.append(length)
        else:
            tails[slot] = length
    return len(tails)


# --8<-- [end:solution]


def reference(boxes: list[list[int]]) -> int:
    """Brute force: check every subset of boxes for a valid nesting chain."""
    best = 0
    for mask in range(1 << len(boxes)):
        chosen = sorted(box for bit, box in enumerate(boxes) if mask >> bit & 1)
        if all(a[0] < b[0] and a[1] < b[1] for a, b in itertools.pairwise(chosen)):
            best = max(best, len(chosen))
    return best


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of boxes; sides run from 1 to about n, so equal sides are common."""
    side = max(2, n)
    return {"boxes": [[rng.randint(1, side), rng.randint(1, side)] for _ in range(n)]}
