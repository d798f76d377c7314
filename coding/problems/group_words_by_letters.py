"""Group words by their letters: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random
from collections import Counter


# --8<-- [start:solution]
def group_by_letters(words: list[str]) -> list[list[str]]:
    # Two words belong together when they use the same letters the same number of times,
    # so the sorted letters are a key that every word of a group shares.
    groups: dict[str, list[str]] = {}
    for word in words:
        key = "".join(sorted(word))
        groups.setdefault(key, []).append(word)
    # Dictionaries keep insertion order: groups come out in order of their first word.
    return list(groups.values())


# --8<-- [end:solution]


def reference(words: list[str]) -> list[list[str]]:
    """Brute force: compare each word's letter counts with the first word of every group so far."""
    groups: list[list[str]] = []
    for word in words:
        counts = Counter(word)
        for group in groups:
            if Counter(group[0]) == counts:
                group.append(word)
                break
        else:
            groups.append([word])
    return groups


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n words of up to six letters from a small alphabet, so that groups, repeats and empty words occur."""
    alphabet = rng.choice(["ab", "abc", "abcde"])
    words = [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(n)
    ]
    return {"words": words}
