"""Minutes until a cold-storage failure spoils every pallet: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random
from collections import deque

# --8<-- [start:solution]
EMPTY, FRESH, SPOILED = 0, 1, 2


def minutes_until_all_spoiled(grid: list[list[int]]) -> int:
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    state = [row[:] for row in grid]  # leave the caller's grid alone

    # Every spoiled pallet starts spreading at minute 0: one queue, many sources.
    queue: deque[tuple[int, int]] = deque()
    fresh = 0
    for r in range(rows):
        for c in range(cols):
            if state[r][c] == SPOILED:
                queue.append((r, c))
            elif state[r][c] == FRESH:
                fresh += 1

    minutes = 0
    while queue and fresh > 0:
        minutes += 1
        for _ in range(len(queue)):  # one minute = one BFS level
            r, c = queue.popleft()
            for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nr, nc = r + dr, c + dc
                if 0 <= nr < rows and 0 <= nc < cols and state[nr][nc] == FRESH:
                    state[nr][nc] = SPOILED  # mark now, so it is queued only once
                    fresh -= 1
                    queue.append((nr, nc))
    return minutes if fresh == 0 else -1


# --8<-- [end:solution]


def reference(grid: list[list[int]]) -> int:
    """Brute force: simulate minute by minute, rescanning the whole grid each time."""
    state = [row[:] for row in grid]
    minutes = 0
    while True:
        if not any(cell == FRESH for row in state for cell in row):
            return minutes
        spoiling = [
            (r, c)
            for r, row in enumerate(state)
            for c, cell in enumerate(row)
            if cell == FRESH
            and any(
                0 <= r + dr < len(state)
                and 0 <= c + dc < len(row)
                and state[r + dr][c + dc] == SPOILED
                for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))
            )
        ]
        if not spoiling:
            return -1
        for r, c in spoiling:
            state[r][c] = SPOILED
        minutes += 1


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is about the number of cells; n = 0 gives an empty grid."""
    if n == 0:
        return {"grid": []}
    rows = rng.randint(1, max(1, round(2 * n**0.5)))
    cols = max(1, n // rows)
    grid = [
        [rng.choices([EMPTY, FRESH, SPOILED], weights=[15, 75, 10])[0] for _ in range(cols)]
        for _ in range(rows)
    ]
    return {"grid": grid}
