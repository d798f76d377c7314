"""Count subarrays with a given sum: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def count_subarrays_with_sum(nums: list[int], target: int) -> int:
    # The sum of nums[i:j] is prefix[j] - prefix[i]. For each end j, count the
    # earlier prefixes equal to prefix[j] - target: each one starts a subarray.
    seen_prefixes: dict[int, int] = {0: 1}  # the empty prefix, before the first number
    prefix = 0
    count = 0
    for number in nums:
        prefix += number
        count += seen_prefixes.get(prefix - target, 0)
        seen_prefixes[prefix] = seen_prefixes.get(prefix, 0) + 1
    return count


# --8<-- [end:solution]


def reference(nums: list[int], target: int) -> int:
    """Brute force: sum every contiguous, non-empty subarray from scratch."""
    count = 0
    for start in range(len(nums)):
        for end in range(start + 1, len(nums) + 1):
            if sum(nums[start:end]) == target:
                count += 1
    return count


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n small numbers, negatives and zeros included, and a target near their range so matches occur."""
    nums = [rng.randint(-3, 3) for _ in range(n)]
    return {"nums": nums, "target": rng.randint(-4, 4)}
