"""Split a search query typed without spaces: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def can_split(query: str, vocabulary: list[str]) -> bool:
    words = set(vocabulary)
    longest = max((len(word) for word in words), default=0)
    # splittable[i] is True when query[:i] splits into vocabulary words.
    splittable = [True] + [False] * len(query)
    for end in range(1, len(query) + 1):
        # Only the last word is new; it is at most `longest` characters long.
        for start in range(max(0, end - longest), end):
            if splittable[start] and query[start:end] in words:
                splittable[end] = True
                break
    return splittable[len(query)]


# --8<-- [end:solution]


def reference(query: str, vocabulary: list[str]) -> bool:
    """Brute force: try every way to cut the query (2^(n-1) of them) and check each piece."""
    if not query:
        return True
    words = set(vocabulary)
    gaps = len(query) - 1
    for mask in range(1 << gaps):
        pieces: list[str] = []
        start = 0
        for gap in range(gaps):
            if mask >> gap & 1:
                pieces.append(query[start : gap + 1])
                start = gap + 1
        pieces.append(query[start:])
        if all(piece in words for piece in pieces):
            return True
    return False


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the length of the query; three to eight vocabulary words of one to four letters from "abc"."""
    glued = (
        rng.random() < 0.6
    )  # drawn first, so a given seed builds the same kind of query at every n
    vocabulary = [
        "".join(rng.choices("abc", k=rng.randint(1, 4))) for _ in range(rng.randint(3, 8))
    ]
    if glued:
        # Glue vocabulary words together, then sometimes change one letter.
        query = ""
        while len(query) < n:
            query += rng.choice(vocabulary)
        if query and rng.random() < 0.3:
            spot = rng.randrange(len(query))
            query = query[:spot] + rng.choice("abc") + query[spot + 1 :]
    else:
        query = "".join(rng.choices("abc", k=n))
    return {"query": query, "vocabulary": vocabulary}
