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

from .events import concept_table

#: How far apart two dates of the same precision may be and still be one happening.
CONFLICT_WINDOW = {"day": 3, "month": 1, "year": 0}


def _specific(about: list[str]) -> set[str]:
    generic = concept_table()[1]
    return {name for name in about if name not in generic}


def _compatible(a: dict, b: dict, *, need_name: bool) -> bool:
    weak = concept_table()[2]
    if not (set(a["concepts"]) & set(b["concepts"])) - weak:
        return False
    names_a, names_b = _specific(a["about"]), _specific(b["about"])
    if names_a & names_b:
        return True
    return not need_name and (not names_a or not names_b)


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


def merge(events: list[dict]) -> tuple[list[dict], list[tuple[int, int]]]:
    """Entries and (entry id, event id) assignments for a list of event rows.

    Each event row needs: id, article, date, precision, first_day, last_day,
    summary, about (list), concepts (list), relative.
    """
    clusters = _Clusters(len(events))
    by_date: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        by_date[(event["precision"], event["date"])].append(i)
    for members in by_date.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if _compatible(events[i], events[j], need_name=False):
                    clusters.union(i, j)
    _merge_conflicts(events, clusters)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(events)):
        groups[clusters.find(i)].append(i)
    entries, assignments = [], []
    ordered = sorted(groups.values(), key=lambda g: (events[g[0]]["first_day"], events[g[0]]["id"]))
    for entry_id, members in enumerate(ordered, start=1):
        entry = _entry(entry_id, [events[i] for i in members])
        entries.append(entry)
        assignments.extend((entry_id, events[i]["id"]) for i in members)
    return entries, assignments


def _merge_conflicts(events: list[dict], clusters: _Clusters) -> None:
    """Join clusters of near dates that speak of the same happening, by the same name."""
    by_precision: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        by_precision[event["precision"]].append(i)
    for precision, members in by_precision.items():
        window = CONFLICT_WINDOW.get(precision, 0)
        if not window:
            continue
        members.sort(key=lambda i: events[i]["first_day"])
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                gap = _distance(events[i]["date"], events[j]["date"], precision)
                if gap > window:
                    break
                if gap and events[i]["article"] != events[j]["article"] and _compatible(
                    events[i], events[j], need_name=True
                ):
                    clusters.union(i, j)


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
        "summary": lead["summary"], "about": about, "conflict": conflict,
        "sources": len({e["article"] for e in members}),
    }


def decode_row(row) -> dict:
    """An event row from the database as the plain dict :func:`merge` takes."""
    event = dict(row)
    event["about"] = json.loads(event["about"] or "[]")
    event["concepts"] = json.loads(event["concepts"] or "[]")
    return event
