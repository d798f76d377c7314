"""Search suggestions while a customer types: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


# --8<-- [start:solution]
@dataclass
class TrieNode:
    children: dict[str, TrieNode] = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)  # the 3 smallest names


def suggestions_while_typing(products: list[str], typed: str) -> list[list[str]]:
    root = TrieNode()
    # Inserting in sorted order means the first 3 names to pass through a node
    # are that prefix's 3 smallest: each node keeps a short list, never re-sorted.
    for product in sorted(set(products)):
        node = root
        for letter in product:
            node = node.children.setdefault(letter, TrieNode())
            if len(node.suggestions) < 3:
                node.suggestions.append(product)

    results: list[list[str]] = []
    current: TrieNode | None = root
    for letter in typed:
        # Once the prefix matches nothing, every longer prefix matches nothing too.
        current = current.children.get(letter) if current is not None else None
        results.append(list(current.suggestions) if current is not None else [])
    return results


# --8<-- [end:solution]


def reference(products: list[str], typed: str) -> list[list[str]]:
    """Brute force: for every prefix, filter all product names and sort the matches."""
    names = set(products)
    return [
        sorted(name for name in names if name.startswith(typed[:length]))[:3]
        for length in range(1, len(typed) + 1)
    ]


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of product names: one to seven letters from "abcdef", about one in five a
    repeat of an earlier name; the typed text is up to seven letters, usually the start of a real name."""
    from_catalog = (
        rng.random() < 0.7
    )  # drawn first, so a given seed types the same kind of text at every n
    products: list[str] = []
    for _ in range(n):
        if products and rng.random() < 0.2:
            products.append(rng.choice(products))
        else:
            products.append("".join(rng.choices("abcdef", k=rng.randint(1, 7))))
    if from_catalog and products:
        typed = rng.choice(products) + "".join(rng.choices("abcdef", k=rng.randint(0, 2)))
    else:
        typed = "".join(rng.choices("abcdef", k=rng.randint(0, 7)))
    return {"products": products, "typed": typed}
