"""Merge events from different articles into timeline entries.

Two mentions are the same happening when they have the same date at the same
precision, share a concept (withdrawal, control change, ceasefire…) and share a
specific name, or one of them names nothing specific. A month-precision mention is
not folded into a day-precision entry: that would claim more than its source said.

Where sources give different dates for what is plainly the same happening (the
same precision, dates close together, a shared concept and a shared specific
name), the entries are merged and the conflict is flagged with each source's
date. The entry takes the date most articles give; on a tie, the date stated
outright ("14 March 2016") beats one the resolver inferred ("March 15").
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from functools import lru_cache

from .events import concept_table

#: How far apart two dates of the same precision may be and still be one happening.
CONFLICT_WINDOW = {"day": 3, "month": 1, "year": 0}


def _keys(event: dict) -> tuple[list[str], set[str]]:
    """The strong concepts and the specific names of an event."""
    _, generic, weak = concept_table()
    concepts = [c for c in event["concepts"] if c not in weak]
    return concepts, {name for name in event["about"] if name not in generic}


def _distance(a: str, b: str, precision: str) -> int:
    if precision == "day":
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    if precision == "month":
        return abs((int(a[:4]) * 12 + int(a[5:7])) - (int(b[:4]) * 12 + int(b[5:7])))
    return abs(int(a[:4]) - int(b[:4]))


class _Clusters:
    """Union-find over event indexes."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.find(j)] = self.find(i)


def merge(events: list[dict], first_id: int = 1) -> tuple[list[dict], list[tuple[int, int]]]:
    """Entries and (entry id, event id) assignments for a list of event rows.

    Each event row needs: id, article, date, precision, first_day, last_day,
    about (list), concepts (list), relative, and optionally summary (else the entry
    names its ``lead`` event, whose summary the caller fills in). Pairs are never compared
    one by one: events meet through shared (concept, name) keys, so merging a
    large corpus stays close to linear.
    """
    clusters = _Clusters(len(events))
    keyed = [_keys(e) for e in events]
    _merge_same_date(events, keyed, clusters)
    _merge_conflicts(events, keyed, clusters)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[clusters.find(i)].append(i)
    entries, assignments = [], []
    ordered = sorted(groups.values(), key=lambda g: (events[g[0]]["first_day"], events[g[0]]["id"]))
    for entry_id, members in enumerate(ordered, start=first_id):
        entry = _entry(entry_id, [events[i] for i in members])
        entries.append(entry)
        assignments.extend((entry_id, events[i]["id"]) for i in members)
    return entries, assignments


def _merge_same_date(events, keyed, clusters: _Clusters) -> None:
    """Same date and precision, a shared strong concept, and a shared specific name
    or no specific name on one side."""
    first: dict[tuple, int] = {}
    for i, event in enumerate(events):
        when = (event["precision"], event["date"])
        concepts, names = keyed[i]
        for concept in concepts:
            targets = [(when, concept, "name", n) for n in names] + [(when, concept, "unnamed")] \
                if names else [(when, concept, "any")]
            for key in targets:
                if key in first:
                    clusters.union(first[key], i)
            for key in [(when, concept, "name", n) for n in names] + [(when, concept, "any")] + \
                    ([] if names else [(when, concept, "unnamed")]):
                first.setdefault(key, i)


def _merge_conflicts(events, keyed, clusters: _Clusters) -> None:
    """Join near dates of one precision that share a strong concept and a specific name."""
    by_key: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, event in enumerate(events):
        if not CONFLICT_WINDOW.get(event["precision"]):
            continue
        concepts, names = keyed[i]
        for concept in concepts:
            for name in names:
                by_key[(event["precision"], concept, name)][event["date"]].append(i)
    for (precision, _, _), dates in by_key.items():
        ordered = sorted(dates)
        for x, day in enumerate(ordered):
            for later in ordered[x + 1:]:
                if _distance(day, later, precision) > CONFLICT_WINDOW[precision]:
                    break
                a, b = dates[day], dates[later]
                if len({events[i]["article"] for i in a + b}) > 1:
                    clusters.union(a[0], b[0])


def _entry(entry_id: int, members: list[dict]) -> dict:
    articles_by_date: dict[str, set[str]] = defaultdict(set)
    outright: dict[str, int] = defaultdict(int)
    for event in members:
        articles_by_date[event["date"]].add(event["article"])
        outright[event["date"]] += 0 if event["relative"] else 1
    chosen = max(
        articles_by_date,
        key=lambda d: (len(articles_by_date[d]), outright[d], -int(d.replace("-", "").ljust(8, "0"))),
    )
    lead = next(
        (e for e in members if e["date"] == chosen and not e["relative"]),
        next(e for e in members if e["date"] == chosen),
    )
    about: list[str] = []
    for event in members:
        about.extend(n for n in event["about"] if n not in about)
    conflict = None
    if len(articles_by_date) > 1:
        precision = members[0]["precision"]
        conflict = [
            {"date": d, "precision": precision, "articles": sorted(arts)}
            for d, arts in sorted(articles_by_date.items())
        ]
    return {
        "id": entry_id, "date": chosen, "precision": lead["precision"],
        "first_day": min(e["first_day"] for e in members if e["date"] == chosen),
        "last_day": max(e["last_day"] for e in members if e["date"] == chosen),
        "summary": lead.get("summary"), "lead": lead["id"], "about": about, "conflict": conflict,
        "sources": len({e["article"] for e in members}),
    }


def keep_ids(entries: list[dict], assignments: list[tuple[int, int]],
             previous: dict[int, int | None]) -> tuple[list[dict], list[tuple[int, int]]]:
    """Re-merged entries under their old ids where their members were one entry before,
    and only the assignments that change: an update then rewrites few events."""
    members: dict[int, set[int | None]] = defaultdict(set)
    for entry_id, event_id in assignments:
        members[entry_id].add(previous.get(event_id))
    rename: dict[int, int] = {}
    taken: set[int] = set()
    for entry_id, olds in members.items():
        known = olds - {None}           # None: an event new in this build
        if len(known) == 1 and (old := next(iter(known))) not in taken:
            rename[entry_id] = old
            taken.add(old)
    entries = [dict(e, id=rename.get(e["id"], e["id"])) for e in entries]
    changed = [(rename.get(n, n), event) for n, event in assignments if rename.get(n, n) != previous.get(event)]
    return entries, changed


def neighbourhood(precision: str, first_day: str, last_day: str) -> tuple[str, str, str]:
    """The (precision, lo, hi) window of first days whose events may merge with this one."""
    window = CONFLICT_WINDOW.get(precision, 0)
    if precision == "day":
        lo = date.fromisoformat(first_day).toordinal() - window
        hi = date.fromisoformat(last_day).toordinal() + window
        return precision, date.fromordinal(lo).isoformat(), date.fromordinal(hi).isoformat()
    if precision == "month":
        y, m = int(first_day[:4]), int(first_day[5:7])
        before = date(y - (m == 1), 12 if m == 1 else m - 1, 1)
        after = date(y + (m == 12), 1 if m == 12 else m + 1, 1)
        return precision, before.isoformat(), after.isoformat()
    return precision, first_day, last_day


@lru_cache(maxsize=65536)
def _names(encoded: str | None) -> tuple[str, ...]:
    """A JSON list as a shared tuple: a large corpus repeats the same few thousand lists."""
    return tuple(json.loads(encoded or "[]"))


def decode_row(row) -> dict:
    """An event row from the database as the plain dict :func:`merge` takes."""
    event = dict(row)
    event["about"] = _names(event["about"])
    event["concepts"] = _names(event["concepts"])
    return event
