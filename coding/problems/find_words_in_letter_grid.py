"""Find the listed words in a letter grid: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


# --8<-- [start:solution]
@dataclass
class TrieNode:
    children: dict[str, TrieNode] = field(default_factory=dict)
    word: str | None = None  # set on the node where a listed word ends


def find_words(grid: list[list[str]], words: list[str]) -> list[str]:
    root = TrieNode()
    for word in words:
        node = root
        for letter in word:
            node = node.children.setdefault(letter, TrieNode())
        node.word = word

    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    found: list[str] = []

    def explore(r: int, c: int, parent: TrieNode) -> None:
        letter = grid[r][c]
        node = parent.children.get(letter)
        if node is None:
            return  # no listed word continues this way
        if node.word is not None:
            found.append(node.word)
            node.word = None  # report each word once
        grid[r][c] = "#"  # in use on the current path
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols:
                explore(nr, nc, node)
        grid[r][c] = letter
        if not node.children and node.word is None:
            del parent.children[letter]  # nothing left below: prune the branch

    for r in range(rows):
        for c in range(cols):
            explore(r, c, root)
    return sorted(found)


# --8<-- [end:solution]


def reference(grid: list[list[str]], words: list[str]) -> list[str]:
    """Brute force: search for each word on its own, from every cell, with plain backtracking."""
    rows = len(grid)
    cols = len(grid[0]) if rows else 0

    def spells(word: str, index: int, r: int, c: int, used: set[tuple[int, int]]) -> bool:
        if (
            not (0 <= r < rows and 0 <= c < cols)
            or (r, c) in used
            or grid[r][c] != word[index]
        ):
            return False
        if index == len(word) - 1:
            return True
        used.add((r, c))
        result = any(
            spells(word, index + 1, r + dr, c + dc, used)
            for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))
        )
        used.remove((r, c))
        return result

    return sorted(
        word
        for word in set(words)
        if any(spells(word, 0, r, c, set()) for r in range(rows) for c in range(cols))
    )


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is about the number of grid cells (letters from "abcd"); up to eight words of one to
    five letters, about half of them traced along a real path in the grid."""
    if n == 0:
        return {"grid": [], "words": ["ab"]}
    rows = rng.randint(1, max(1, round(2 * n**0.5)))
    cols = max(1, n // rows)
    grid = [rng.choices("abcd", k=cols) for _ in range(rows)]
    words: list[str] = []
    for _ in range(rng.randint(1, 8)):
        length = rng.randint(1, 5)
        if rng.random() < 0.5:
            words.append("".join(rng.choices("abcd", k=length)))
            continue
        # A random walk that never revisits a cell spells a word that is in the grid.
        r, c = rng.randrange(rows), rng.randrange(cols)
        path = [(r, c)]
        while len(path) < length:
            steps = [
                (r + dr, c + dc)
                for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))
                if 0 <= r + dr < rows
                and 0 <= c + dc < cols
                and (r + dr, c + dc) not in path
            ]
            if not steps:
                break
            r, c = rng.choice(steps)
            path.append((r, c))
        words.append("".join(grid[pr][pc] for pr, pc in path))
    return {"grid": grid, "words": words}
