"""Palindrome ignoring punctuation: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def is_clean_palindrome(text: str) -> bool:
    left, right = 0, len(text) - 1
    while left < right:
        # Skip anything that is not a letter or digit, from both ends.
        if not text[left].isalnum():
            left += 1
        elif not text[right].isalnum():
            right -= 1
        elif text[left].lower() != text[right].lower():
            return False
        else:
            left += 1
            right -= 1
    return True


# --8<-- [end:solution]


def reference(text: str) -> bool:
    """Brute force: build the cleaned, lowercased copy and compare it with its reverse."""
    cleaned = "".join(ch.lower() for ch in text if ch.isalnum())
    return cleaned == cleaned[::-1]


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """A text of n characters: a palindrome up to case, or one with a changed character,
    with punctuation and spaces sprinkled in.

    The changed character lies within six of the middle, so the two pointers walk about the
    whole text before they can answer, which is the work its O(n) describes (a change at a
    random place would stop them early by chance). Up to n = 12, small enough for the brute
    force, that still puts the change anywhere, the ends included.
    """
    # Shape first (so the same seed gives the same shape at every n), then the characters.
    letters = rng.choice(["ab", "aAbB", "xY7", "abc01"])
    broken = rng.random() < 0.5
    broken_from_middle = rng.randrange(-6, 7)
    noise_share = rng.random() / 3
    noise = round(noise_share * n)
    kept = n - noise
    half = [rng.choice(letters) for _ in range(kept // 2)]
    middle = [rng.choice(letters)] if kept % 2 else []
    # A palindrome up to case; when broken, one character is changed, which usually breaks it.
    chars = (
        half
        + middle
        + [ch.swapcase() if rng.random() < 0.3 else ch for ch in reversed(half)]
    )
    if chars and broken:
        at = min(max(len(chars) // 2 + broken_from_middle, 0), len(chars) - 1)
        chars[at] = rng.choice(letters)
    # Sprinkle punctuation and spaces anywhere, including at the ends.
    for _ in range(noise):
        chars.insert(rng.randint(0, len(chars)), rng.choice(" ,.-!:"))
    return {"text": "".join(chars)}
