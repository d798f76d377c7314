"""Restore the lost signs of stock adjustments: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import itertools
import random


# --8<-- [start:solution]
def sign_patterns(amounts: list[int], target: int) -> list[str]:
    patterns: list[str] = []
    signs: list[str] = []

    def place(index: int, total: int) -> None:
        if index == len(amounts):
            if total == target:
                patterns.append("".join(signs))
            return
        # Try "+" before "-", so the patterns come out in sorted order.
        for sign, change in (("+", amounts[index]), ("-", -amounts[index])):
            signs.append(sign)
            place(index + 1, total + change)
            signs.pop()  # undo the choice before trying the next one

    place(0, 0)
    return patterns


# --8<-- [end:solution]


def reference(amounts: list[int], target: int) -> list[str]:
    """Brute force: list every sign string with itertools.product and keep those that add up."""
    matches: list[str] = []
    for signs in itertools.product("+-", repeat=len(amounts)):
        total = sum(
            amount if sign == "+" else -amount
            for sign, amount in zip(signs, amounts, strict=True)
        )
        if total == target:
            matches.append("".join(signs))
    return matches


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of adjustment slips (keep it small: there are 2^n sign strings to try).
    Usually the target comes from a real sign choice, so at least one pattern fits."""
    reachable = rng.random() < 0.8
    amounts = [rng.randint(0, 9) for _ in range(n)]
    if reachable:
        target = sum(amount * rng.choice((1, -1)) for amount in amounts)
    else:
        target = rng.randint(-9 * n - 1, 9 * n + 1)
    return {"amounts": amounts, "target": target}
