"""Balanced brackets: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def is_balanced(template: str) -> bool:
    opener_for = {")": "(", "]": "[", "}": "{"}
    open_brackets: list[str] = []  # the brackets still waiting to be closed, innermost last
    for bracket in template:
        if bracket in opener_for:
            # A closer must match the innermost bracket still open.
            if not open_brackets or open_brackets.pop() != opener_for[bracket]:
                return False
        else:
            open_brackets.append(bracket)
    return not open_brackets  # anything left open is unbalanced


# --8<-- [end:solution]


def reference(template: str) -> bool:
    """Brute force: delete adjacent matching pairs until none is left; balanced means nothing remains."""
    previous = None
    while previous != template:
        previous = template
        template = template.replace("()", "").replace("[]", "").replace("{}", "")
    return template == ""


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """A template of n brackets, balanced or broken by one replaced bracket.

    The replaced bracket lies among the last twelve, so the solution reads about n brackets
    before it can answer, which is the work its O(n) describes (a break at a random place
    would stop it early by chance). Up to n = 12, small enough for the brute force, that still
    puts the break anywhere, the first bracket included.
    """
    # Shape first (so the same seed gives the same shape at every n), then the brackets.
    kinds = rng.choice(["()", "()[]", "()[]{}"])
    broken = rng.random() < 0.5
    broken_from_end = rng.randrange(12)
    pairs = [(kinds[i], kinds[i + 1]) for i in range(0, len(kinds), 2)]
    chars: list[str] = []
    still_open: list[str] = []
    for position in range(n):
        remaining = n - position
        must_close = len(still_open) == remaining
        if still_open and (must_close or rng.random() < 0.5):
            chars.append(still_open.pop())
        else:
            opener, closer = rng.choice(pairs)
            chars.append(opener)
            still_open.append(closer)
    # With n odd the string cannot balance; otherwise it does unless a bracket is replaced.
    if chars and broken:
        chars[max(0, len(chars) - 1 - broken_from_end)] = rng.choice(kinds)
    return {"template": "".join(chars)}
