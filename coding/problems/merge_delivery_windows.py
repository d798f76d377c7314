"""Merge overlapping delivery windows: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random


# --8<-- [start:solution]
def merge_windows(windows: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(windows):  # by start; sorted() leaves the input untouched
        if merged and start <= merged[-1][1]:
            # Overlaps or touches the last merged window: extend it.
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


# --8<-- [end:solution]


def reference(windows: list[list[int]]) -> list[list[int]]:
    """Brute force: keep merging any two windows that meet until no two do, then sort."""
    pending = [list(window) for window in windows]
    changed = True
    while changed:
        changed = False
        for i in range(len(pending)):
            for j in range(i + 1, len(pending)):
                a, b = pending[i], pending[j]
                if a[0] <= b[1] and b[0] <= a[1]:
                    pending[i] = [min(a[0], b[0]), max(a[1], b[1])]
                    del pending[j]
                    changed = True
                    break
            if changed:
                break
    return sorted(pending)


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    # Shape first (so the same seed gives the same shape at every n), then the windows.
    spread = rng.choice([0.5, 3, 20])
    longest = rng.choice([0, 1, 5, 30])
    horizon = max(1, round(spread * n))
    windows = []
    for _ in range(n):
        start = rng.randint(0, horizon)
        windows.append([start, start + rng.randint(0, longest)])
    return {"windows": windows}
