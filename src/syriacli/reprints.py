"""Reprints: the same report published again by other sites (wire copy with other page
furniture), found by their sketches (extract/sketch.py) and linked to the original, so
that a claim counts once per original report while its reprints are listed.

Two articles are one report when their sketches share at least :data:`MIN_SHARED`
sentence hashes and at least :data:`MIN_SHARE` of the smaller sketch. Of a group of
reprints, the original is the one published first (then the first id); an update
never takes the original role from an article the corpus already has, so links do not
flip as articles come and go (a full build decides afresh).
"""
from __future__ import annotations

import sqlite3
from collections import Counter
from itertools import combinations

from . import store

MIN_SHARED, MIN_SHARE = 3, 0.5
#: A sentence that more articles than this share is boilerplate, not a reprint's trace.
MOST_REPRINTS = 25


def link(conn: sqlite3.Connection, new: list[str] | None) -> dict[str, str]:
    """Find and mark the reprints among ``new`` articles (None: the whole corpus, in a
    full build) and the corpus; returns reprint -> original."""
    if new == []:
        return {}
    store.create_indexes(conn, "sketches")
    pairs: Counter[tuple[str, str]] = Counter()
    for articles in store.sketch_groups(conn, new, MOST_REPRINTS):
        pairs.update(combinations(sorted(set(articles)), 2))
    fresh = None if new is None else set(new)
    if fresh is not None:
        pairs = Counter({p: n for p, n in pairs.items() if fresh.intersection(p)})
    candidates = {a for pair in pairs for a in pair}
    sizes = store.sketch_sizes(conn, candidates)
    groups = _Groups()
    for (a, b), shared in pairs.items():
        if shared >= MIN_SHARED and shared >= MIN_SHARE * min(sizes[a], sizes[b]):
            groups.join(a, b)
    reports = store.report_of(conn, candidates)
    links: dict[str, str] = {}
    for members in groups.members():
        old = [m for m in members if fresh is not None and m not in fresh]
        original = _first(old, reports) if old else _first(members, reports)
        original = reports[original][1] or original   # an old reprint's own original
        links.update((m, original) for m in members
                     if m != original and reports[m][1] != original)
    if links:
        store.create_indexes(conn, "figures")
        store.link_reprints(conn, links)
    return links


def relist(conn: sqlite3.Connection, originals: set[str]) -> None:
    """Match these originals' claims with their reprints' again (a claim whose list of
    reprints changed loses its cached line)."""
    store.drop_lines(conn, "figures", store.relist_reprints(conn, originals))


def _first(articles: list[str], reports: dict[str, tuple]) -> str:
    """The article published first (undated last), then the first id."""
    return min(articles, key=lambda a: (reports[a][0] is None, reports[a][0] or "", a))


class _Groups:
    """Union-find over article ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, a: str) -> str:
        self.parent.setdefault(a, a)
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def members(self) -> list[list[str]]:
        groups: dict[str, list[str]] = {}
        for a in list(self.parent):
            groups.setdefault(self.find(a), []).append(a)
        return [sorted(g) for g in groups.values()]
