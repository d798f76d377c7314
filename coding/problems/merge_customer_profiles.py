"""Merge customer profiles that share an email: the solution shown on the page, its brute-force reference and its random cases."""

from __future__ import annotations

import random
from collections import defaultdict


# --8<-- [start:solution]
def merge_profiles(profiles: list[list[str]]) -> list[list[str]]:
    # Each profile is [name, email, email, ...]; union-find over emails.
    parent: dict[str, str] = {}
    owner: dict[str, str] = {}

    def find(email: str) -> str:
        while parent[email] != email:
            parent[email] = parent[parent[email]]  # path halving
            email = parent[email]
        return email

    for name, *emails in profiles:
        for email in emails:
            parent.setdefault(email, email)
            owner[email] = name
            # Every email in a profile joins the group of the profile's first email.
            parent[find(email)] = find(emails[0])

    groups: dict[str, list[str]] = defaultdict(list)
    for email in parent:
        groups[find(email)].append(email)
    return [[owner[root], *sorted(emails)] for root, emails in groups.items()]


# --8<-- [end:solution]


def reference(profiles: list[list[str]]) -> list[list[str]]:
    """Brute force: keep merging any two groups that share an email until none do."""
    groups = [(profile[0], set(profile[1:])) for profile in profiles]
    merged = True
    while merged:
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if groups[i][1] & groups[j][1]:
                    groups[i] = (groups[i][0], groups[i][1] | groups[j][1])
                    del groups[j]
                    merged = True
                    break
            if merged:
                break
    return [[name, *sorted(emails)] for name, emails in groups]


def same(args: dict[str, object], got: object, expected: object) -> bool:
    """The merged profiles may come in any order; each one's emails are sorted."""
    assert isinstance(got, list) and isinstance(expected, list)
    return sorted(got) == sorted(expected)


NAMES = ["Ana", "Bo", "Chen", "Dara"]


def random_case(rng: random.Random, n: int) -> dict[str, object]:
    """n is the number of profiles, each with one to three emails; an email always belongs to one name."""
    pool = 2 * n + 4  # email k belongs to NAMES[k % 4]
    profiles: list[list[str]] = []
    for _ in range(n):
        person = rng.randrange(len(NAMES))
        choices = range(person, pool, len(NAMES))
        emails = rng.sample(choices, rng.randint(1, min(3, len(choices))))
        profiles.append([NAMES[person], *(f"user{k}@example.com" for k in emails)])
    return {"profiles": profiles}
