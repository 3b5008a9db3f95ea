"""Merge events from different articles into timeline entries.

Two mentions are the same happening when they have the same date at the same
precision, the same kind of act and a shared specific name, or one of them names
nothing specific (see ``identity``, which says what counts). A month-precision entry
joins the one day entry of its month it shares an act and a specific name with (its
dates overlap at its precision: store.month_folds), and stays apart where two could be
it; each mention keeps the date its source gave.

Where sources give different dates for what is plainly the same happening (the
same precision, dates close together, a shared act and a shared specific
name), the entries are merged and the conflict is flagged with each source's
date. An entry never spans more than that window: in a large corpus "airstrikes
on Aleppo" is reported every few days, and letting near dates chain would fold a
year of them into one entry. The entry takes the date most articles give; on a
tie, the date stated outright ("14 March 2016") beats one the resolver inferred
("March 15").

Merging streams: events come ordered by precision and date, and an entry is
finished as soon as no later date can join it, so a build holds only the entries
of a few days in memory, whatever the size of the corpus.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from itertools import combinations, groupby
from typing import NamedTuple

from .identity import (
    Identity,
    at_one_place,
    capital_places,
    foreign_countries,
    generic_names,
    identity,
    is_wording,
    may_be_open,
    one_place,
    person_names,
    recurring_acts,
    singular_acts,
    waters,
)
from .store import EVENT_FIELDS, PAIR_ACT

#: How far apart two dates of the same precision may be and still be one happening.
CONFLICT_WINDOW = {"day": 3, "month": 1, "year": 0}


class Happening(NamedTuple):
    """What merging needs of an event (a slim tuple: a build streams millions)."""

    id: int
    article: str
    date: str
    precision: str
    first_day: str
    last_day: str
    relative: int
    about: tuple[str, ...]
    concepts: tuple[str, ...]
    entry: int | None = None
    #: For a row standing for several events alike (see ``store.events_grouped``): their
    #: articles and what identifies them in the database. ``id`` is then the smallest of
    #: their ids, ``article`` None.
    articles: tuple[str, ...] | None = None
    group: tuple | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        return self.articles or (self.article,)


def _step(day: str, precision: str) -> int:
    """Where a date sits on its precision's scale: days, months or years."""
    if precision == "day":
        return date.fromisoformat(day).toordinal()
    if precision == "month":
        return int(day[:4]) * 12 + int(day[5:7]) - 1
    return int(day[:4])


def _date_at(step: int, precision: str) -> str:
    if precision == "day":
        return date.fromordinal(step).isoformat()
    if precision == "month":
        return f"{step // 12:04d}-{step % 12 + 1:02d}"
    return f"{step:04d}"


class _Cluster:
    """Events that are one happening so far; open while a later date may still join."""

    __slots__ = ("members", "lo", "hi", "links", "articles", "alive")

    def __init__(self, members: list[Happening], step: int):
        self.members, self.lo, self.hi, self.alive = members, step, step, True
        self.articles = {a for e in members for a in e.sources}
        self.links: set[tuple[str, str]] = set()  # (concept, name): what a near date must share
        for e in members:
            self.links.update(identity(e.concepts, e.about).near)


def groups(events: Iterable[Happening]) -> Iterator[list[Happening]]:
    """The members of each entry, from events ordered by (precision, first_day, id).

    Each entry is yielded once no later date can join it.
    """
    for precision, same_precision in groupby(events, key=lambda e: e.precision):
        yield from _groups_of(precision, same_precision)


def _groups_of(precision: str, events: Iterable[Happening]) -> Iterator[list[Happening]]:
    window = CONFLICT_WINDOW.get(precision, 0)
    open_: deque[_Cluster] = deque()  # by lo, oldest first
    linked: dict[tuple[str, str], set[_Cluster]] = defaultdict(set)
    for day, same_date in groupby(events, key=lambda e: e.date):
        step = _step(day, precision)
        while open_ and (not open_[0].alive or open_[0].lo < step - window):
            yield from _close(open_.popleft(), linked)
        for members in _same_date(list(same_date)):
            cluster = _Cluster(members, step)
            target = _join_near(cluster, step, window, linked)
            if target is cluster:
                open_.append(cluster)
            for link in target.links:
                linked[link].add(target)
    for cluster in open_:
        yield from _close(cluster, linked)


def _close(cluster: _Cluster, linked) -> Iterator[list[Happening]]:
    if not cluster.alive:
        return
    cluster.alive = False
    for link in cluster.links:
        holders = linked[link]
        holders.discard(cluster)
        if not holders:
            del linked[link]
    yield cluster.members


def _join_near(cluster: _Cluster, step: int, window: int, linked) -> _Cluster:
    """Fold ``cluster`` into the open entries of near dates it shares a concept and a
    name with, nearest first, as long as the entry stays within the window."""
    if not window or not cluster.links:
        return cluster
    near = {other for link in cluster.links for other in linked.get(link, ())}
    target = cluster
    for other in sorted(near, key=lambda c: (step - c.hi, c.lo, c.members[0].id)):
        # one with a member of this date is one _same_date kept apart: not joined here
        if not other.alive or other is target or other.hi == step:
            continue
        if step - min(other.lo, target.lo) > window or len(other.articles | target.articles) < 2:
            continue
        survivor, absorbed = (other, target) if other.lo <= target.lo else (target, other)
        _absorb(survivor, absorbed, linked)
        target = survivor
    return target


def _absorb(survivor: _Cluster, absorbed: _Cluster, linked) -> None:
    survivor.members.extend(absorbed.members)
    survivor.lo, survivor.hi = min(survivor.lo, absorbed.lo), max(survivor.hi, absorbed.hi)
    survivor.articles |= absorbed.articles
    survivor.links |= absorbed.links
    absorbed.alive = False
    for link in absorbed.links:
        holders = linked.get(link)
        if holders is not None and absorbed in holders:
            holders.discard(absorbed)
            holders.add(survivor)


def _same_date(events: list[Happening]) -> list[list[Happening]]:
    """Events of one date and precision that are one happening (see ``identity``): they
    share an act and a specific name, or one names nothing specific and the other is the
    one happening of its act that day. The result never depends on the order of events."""
    if len(events) == 1:
        return [events]
    keyed = [identity(e.concepts, e.about) for e in events]
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(pairs: Iterable[tuple[int, tuple]]) -> None:
        first: dict[tuple, int] = {}
        for i, key in pairs:
            if key in first:
                parent[find(i)] = find(first[key])
            else:
                first[key] = i

    # A wording no one names anything with is one report, whatever names its copies keep.
    said = {act for ident in keyed for act in ident.open if is_wording(act)}
    people = person_names()
    join(
        (i, (act,) if act in said else (act, name))
        for i, ident in enumerate(keyed)
        for act, name in ident.links
        if name not in people or is_wording(act)   # a person's: _person_pairs
    )
    join((i, (act,)) for i, ident in enumerate(keyed) for act in ident.open if act in said)
    # where each is: its places, and a capital it names as a place (where a person's
    # meeting is, though a capital never links two statements by itself); one naming
    # neither is in the foreign country it names, if any
    capitals, countries = capital_places(), foreign_countries()
    where = [ident.places | capitals.intersection(e.about) or countries.intersection(e.about)
             for ident, e in zip(keyed, events, strict=True)]
    join(_person_pairs(keyed, where, events))
    join(_unnamed_pairs(keyed, where, find))
    join(_two_names(events))
    join(_singular_pairs(keyed))
    clusters: dict[int, list[Happening]] = defaultdict(list)
    for i, event in enumerate(events):
        clusters[find(i)].append(event)
    return list(clusters.values())


def _unnamed_pairs(keyed, where, find) -> Iterator[tuple[int, tuple]]:
    """What events naming nothing specific join: one another by act, and the named
    happenings of their acts that day unless two of those are at different places (no
    telling which)."""
    holders: dict[str, set[int]] = defaultdict(set)
    places: dict[int, set[str]] = defaultdict(set)
    for i, ident in enumerate(keyed):
        for act, _ in ident.links:
            holders[act].add(find(i))
        places[find(i)] |= where[i]
    for i, ident in enumerate(keyed):
        acts = [act for act in ident.open if not is_wording(act)]
        if not acts:
            continue
        yield from ((i, ("unnamed", act)) for act in acts)
        named = sorted({root for act in acts for root in holders.get(act, ())})
        if named and _compatible([places[root] for root in named]):
            yield from ((j, ("named", named[0])) for j in (i, *named))


def _singular_pairs(keyed: list[Identity]) -> Iterator[tuple[int, tuple]]:
    """Statements of one date with the same singular act (identity.singular_acts) are one
    happening, whatever names they use, unless they name places that are not one place."""
    by_act: dict[tuple, list[int]] = defaultdict(list)
    for i, ident in enumerate(keyed):
        for act in ident.acts & singular_acts():
            by_act[("singular", act)].append(i)
    return _at_one_place(by_act, [ident.places for ident in keyed])


def _person_pairs(keyed: list[Identity], where: list[frozenset[str]],
                  events: list[Happening]) -> Iterator[tuple[int, tuple]]:
    """Statements of one date sharing an act and a person are one happening where they can
    be at one place: a person's day holds several (a minister inspects a base in the
    morning and holds talks in the capital after). One that names no place joins those
    it shares other people with ("Assad received Shoigu" and "Shoigu met Assad in
    Damascus", not "Shoigu flew to Hmeimim"), if they are at one place."""
    people = person_names()
    by_person: dict[tuple, list[int]] = defaultdict(list)
    for i, ident in enumerate(keyed):
        for act, name in ident.links:
            if name in people and not is_wording(act):
                by_person[("person", act, name)].append(i)
    if not by_person:
        return
    company = [people.intersection(e.about) for e in events]
    yield from _at_one_place(_by_company(by_person, company), where)
    for key, members in by_person.items():
        person = key[-1]
        for i in (i for i in members if not where[i]):
            met = [j for j in members if where[j] and (company[i] & company[j]) - {person}]
            if met and all(at_one_place(where[a], where[b]) for a, b in combinations(met, 2)):
                yield from ((k, (*key, "met", i)) for k in (i, *met))


def _by_company(groups: dict[tuple, list[int]], company: list[frozenset[str]]
                ) -> dict[tuple, list[int]]:
    """Each person's group of statements split by the company they keep: a minister's talks
    with the president and his talks with the foreign minister that day are two meetings
    ("Assad received Lavrov", "Lavrov met Muallem"). One naming no one else cannot tell
    which, where there are two, and stays alone."""
    split: dict[tuple, list[int]] = {}
    for key, members in groups.items():
        others = {i: company[i] - {key[-1]} for i in members}
        meetings: list[tuple[set[str], list[int]]] = []
        for i in (i for i in members if others[i]):
            joined = [m for m in meetings if m[0] & others[i]]
            merged = (set(others[i]).union(*(m[0] for m in joined)),
                      [i, *(j for m in joined for j in m[1])])
            meetings = [m for m in meetings if m not in joined] + [merged]
        if len(meetings) <= 1:
            split[key] = members
            continue
        for n, (_, same) in enumerate(meetings):
            split[key + (n,)] = same
        split.update((key + ("alone", i), [i]) for i in members if not others[i])
    return split


def _at_one_place(groups: dict[tuple, list[int]], where: list[frozenset[str]]
                  ) -> Iterator[tuple[int, tuple]]:
    """Join the members of each group that are at one place (identity.at_one_place); all of
    a group where none names a place another's differs from; one naming no place joins a
    group whose places differ nowhere (it cannot tell which otherwise)."""
    for key, members in groups.items():
        by_place: dict[frozenset[str], list[int]] = defaultdict(list)   # pairs of places,
        for i in members:                                   # not of statements: a busy day
            by_place[where[i]].append(i)                    # names the same few
        unplaced = by_place.pop(frozenset(), [])
        apart = False
        for a, b in combinations(by_place, 2):
            if at_one_place(a, b):
                yield from ((k, (*key, a)) for k in (*by_place[a], *by_place[b]))
            else:
                apart = True
        for place, same in by_place.items():
            yield from ((i, (*key, place)) for i in same)
        yield from ((i, (*key, "")) for i in unplaced)
        if not apart:
            yield from ((i, key) for i in members)


def _two_names(events: list[Happening]) -> Iterator[tuple[int, tuple]]:
    """Events of one date that share two specific names are one happening, whatever words
    they use for it or its act ("Army units entered Khan Sheikhoun in Idlib" and "forces
    took Khan Shaykhun in southern Idlib"; "Putin and Erdogan met in Sochi", "... signed a
    memorandum in Sochi")."""
    return ((i, ("names", pair)) for i, event in enumerate(events)
            for pair in _name_pairs(event.about))


@lru_cache(maxsize=65536)
def _name_pairs(about: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each pair of the specific names of a statement, as written (a base once, not also
    as the town beside it); a town and its province are one place, no pair; nor is a sea
    or a river one of a pair, which neighbouring happenings share (a strike in Latakia and
    a plane lost off it over the Mediterranean: identity.waters). Remembered:
    a merge asks for each event's several times, and statements name the same few."""
    generic = generic_names() | waters()
    names = sorted({n for n in about if n not in generic})
    return tuple((a, b) for k, a in enumerate(names) for b in names[k + 1:]
                 if not one_place(a, b))


def _compatible(places: list[set[str]]) -> bool:
    """True unless two happenings name places and share none."""
    named = [p for p in places if p]
    return all(a & b for k, a in enumerate(named) for b in named[k + 1 :])


def ordered(events: Iterable[Happening]) -> list[Happening]:
    """Events in the order :func:`groups` takes them."""
    return sorted(events, key=lambda e: (e.precision, e.first_day, e.id))


def merge(
    events: Iterable[Happening], first_id: int = 1
) -> tuple[list[dict], list[tuple[int, int]]]:
    """Entries and (entry id, event id) assignments for events in any order."""
    entries: list[dict] = []
    assignments: list[tuple[int, int]] = []
    for entry, members in as_entries(groups(ordered(events)), first_id):
        entries.append(entry)
        assignments.extend((entry["id"], e.id) for e in members)
    return entries, assignments


def as_entries(
    happenings: Iterable[list[Happening]], first_id: int = 1
) -> Iterator[tuple[dict, list[Happening]]]:
    """Each entry with its events: one entry for each date a happening is given.

    Where sources date one happening differently, each date is an entry of its own,
    flagged with every source's date: the timeline places each claim where its source
    put it, and shows the disagreement at both places.
    """
    entry_id = first_id
    for happening in happenings:
        if len(happening) == 1:
            yield entry_of(entry_id, happening), happening
            entry_id += 1
            continue
        by_date: dict[str, list[Happening]] = defaultdict(list)
        for event in happening:
            by_date[event.date].append(event)
        for members in by_date.values():
            yield entry_of(entry_id, members, happening), members
            entry_id += 1


def entry_of(
    entry_id: int, members: list[Happening], happening: list[Happening] | None = None
) -> dict:
    """The timeline entry of events that give one date to one happening (``happening``:
    all its events, whatever date they give; by default ``members``)."""
    if happening is None and len(members) == 1 and members[0].articles is None:  # a fast path
        (e,) = members
        return {
            "id": entry_id,
            "date": e.date,
            "precision": e.precision,
            "first_day": e.first_day,
            "last_day": e.last_day,
            "lead": e.id,
            "about": list(e.about),
            "conflict": None,
            "sources": 1,
            "keys": sorted(entry_keys(members)),
        }
    happening = happening or members
    lead = min(members, key=lambda e: (bool(e.relative), e.first_day, e.id))
    about: dict[str, None] = {}
    for event in sorted(members, key=lambda e: (e.first_day, e.id)):
        about.update(dict.fromkeys(event.about))
    articles_by_date: dict[str, set[str]] = defaultdict(set)
    for event in happening:
        articles_by_date[event.date].update(event.sources)
    conflict = None
    if len(articles_by_date) > 1:
        conflict = [
            {"date": d, "precision": lead.precision, "articles": sorted(arts)}
            for d, arts in sorted(articles_by_date.items())
        ]
    # Every date's entry holds the keys of the whole happening: an update that touches
    # one of them re-reads them all, and merges as a full build does.
    return {
        "id": entry_id,
        "date": lead.date,
        "precision": lead.precision,
        "first_day": min(e.first_day for e in members),
        "last_day": max(e.last_day for e in members),
        "lead": lead.id,
        "about": list(about),
        "conflict": conflict,
        "sources": len({a for e in members for a in e.sources}),
        "keys": sorted(entry_keys(happening)),
    }


def _key_prefix(precision: str, day: str, concept: str) -> str:
    """A merge key (``store`` table ``entry_keys``) up to its name: the precision's initial
    and the date, then the concept ("d2016-03-15|withdrawal|"): a corpus holds hundreds of
    thousands of keys, twice with their index, so the short form."""
    return f"{precision[0]}{day}|{concept}|"


def entry_keys(members: list[Happening]) -> set[str]:
    """What a later event must match to join this entry (see :func:`probes`): its acts and
    names, and each act of its date alone (``precision|date|act|``), which an event naming
    nothing specific may join and whose count of happenings it depends on."""
    keys: set[str] = set()
    for event in members:
        ident = identity(event.concepts, event.about)
        # an event's few acts, each with its prefix once (its links repeat them)
        prefixes = {act: _key_prefix(event.precision, event.date, act) for act in ident.acts}
        keys.update(prefixes[act] + name for act, name in ident.links)
        keys.update(prefix for act, prefix in prefixes.items()
                    if act in ident.open or may_be_open(act))
        keys.update(_pair_keys(event))
    return keys


def _pair_keys(event: Happening) -> set[str]:
    """The keys of the name pairs an event of this date joins by (:func:`_two_names`)."""
    prefix = _key_prefix(event.precision, event.date, PAIR_ACT)
    return {f"{prefix}{a}\x1f{b}" for a, b in _name_pairs(event.about)}


def probes(event: Happening) -> tuple[set[str], set[str]]:
    """(keys, key prefixes) of the entries ``event`` may join or change: the same date, act
    and name, a near date with the same act and name, and the same date and act of an
    event naming nothing specific; an event naming nothing specific may join anything of
    its date and act."""
    ident = identity(event.concepts, event.about)
    if ident.open:
        return set(), {_key_prefix(event.precision, event.date, act) for act in ident.open}
    keys = {_key_prefix(event.precision, event.date, act) for act in ident.acts
            if act not in recurring_acts()}
    keys |= {_key_prefix(event.precision, event.date, act) + n for act, n in ident.links}
    keys |= _pair_keys(event)
    if event.precision == "day":   # a month's entry it may take in (store.month_folds)
        month = {act: _key_prefix("month", event.date[:7], act) for act in ident.acts}
        keys |= {month[act] + n for act, n in ident.links}
        keys |= {month[act] for act in ident.acts & singular_acts()}
    window = CONFLICT_WINDOW.get(event.precision, 0)
    step = _step(event.date, event.precision)
    days = [_date_at(s, event.precision) for s in range(step - window, step + window + 1)]
    keys |= {_key_prefix(event.precision, d, act) + n for d in days for act, n in ident.near}
    return keys, set()


def keep_ids(
    entries: list[dict], assignments: list[tuple[int, int]], previous: dict[int, int | None]
) -> tuple[list[dict], list[tuple[int, int]]]:
    """Re-merged entries under their old ids where their members were one entry before,
    and only the assignments that change: an update then rewrites few events."""
    members: dict[int, set[int | None]] = defaultdict(set)
    for entry_id, event_id in assignments:
        members[entry_id].add(previous.get(event_id))
    rename: dict[int, int] = {}
    taken: set[int] = set()
    for entry_id, olds in members.items():
        known = {old for old in olds if old is not None}  # None: an event new in this build
        if len(known) == 1 and (old := next(iter(known))) not in taken:
            rename[entry_id] = old
            taken.add(old)
    entries = [dict(e, id=rename.get(e["id"], e["id"])) for e in entries]
    changed = [
        (rename.get(n, n), event)
        for n, event in assignments
        if rename.get(n, n) != previous.get(event)
    ]
    return entries, changed


@lru_cache(maxsize=65536)
def _names(encoded: str | None) -> tuple[str, ...]:
    """A JSON list as a shared tuple: a large corpus repeats the same few thousand lists."""
    return tuple(json.loads(encoded or "[]"))


def decode_group(row) -> Happening:
    """A row of ``store.events_grouped``: several events alike, as one."""
    width = len(EVENT_FIELDS)
    # row[width] is how many events the row stands for, which merging does not need
    articles, group = row[width + 1], tuple(row[width + 2 :])
    return decode_row(row[:width])._replace(articles=tuple(json.loads(articles)), group=group)


def decode_row(row) -> Happening:
    """An event row from the database (the columns of ``store.EVENT_COLUMNS``)."""
    id, article, entry, day, precision, first_day, last_day, about, concepts, relative = row
    return Happening(
        id,
        article,
        day,
        precision,
        first_day,
        last_day,
        relative,
        _names(about),
        _names(concepts),
        entry,
    )
