"""Merge sorted event logs: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import heapq
import random


# --8<-- [start:solution]
def merge_logs(logs: list[list[int]]) -> list[int]:
    # One entry per log: its next unread timestamp, which log, and where in it.
    heads: list[tuple[int, int, int]] = [
        (log[0], log_index, 0) for log_index, log in enumerate(logs) if log
    ]
    heapq.heapify(heads)
    merged: list[int] = []
    while heads:
        timestamp, log_index, position = heapq.heappop(heads)
        merged.append(timestamp)
        log = logs[log_index]
        if position + 1 < len(log):  # this log has more: its next entry joins the heap
            heapq.heappush(heads, (log[position + 1], log_index, position + 1))
    return merged


# --8<-- [end:solution]


def reference(logs: list[list[int]]) -> list[int]:
    """Brute force: pour every timestamp into one list and sort it."""
    everything = [timestamp for log in logs for timestamp in log]
    return sorted(everything)


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    # Shape first (so the same seed gives the same shape at every n), then the timestamps.
    latest = rng.choice([5, 1_000, 10**9])
    log_share = rng.choice([0.02, 0.1, 0.5])
    log_count = round(log_share * n) + rng.randint(0, 2)
    logs: list[list[int]] = [[] for _ in range(log_count)]
    if logs:
        for _ in range(n):
            logs[rng.randrange(log_count)].append(rng.randint(0, latest))
    for log in logs:
        log.sort()
    return {"logs": logs}
