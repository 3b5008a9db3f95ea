"""What makes two dated statements one happening: the same kind of act and a shared name.

A statement's *act* is a concept of ``data/concepts.json`` its clause names (a capture,
a withdrawal, a visit: the stems there are the near-synonyms of one act, "inspected",
"toured" and "visit" alike). Two statements of one date are one happening when they share
an act and a specific name (a participant or a place, in its canonical spelling from the
names index, so any spelling counts). Generic names ("Syria", "Moscow") never count: every
other sentence names them.

Recurring acts (strikes, tolls) happen somewhere every day: they are a clause's act only
when it names no other, and they are matched by place alone, on the same date, so strikes
on two towns the same day stay apart even when one ministry announces both. A base
counts as the town beside it as well ("the naval base at Tartus" is at Tartus).

A singular act (a day holds one: an aircraft downed, a campaign's first strikes, a
withdrawal ordered) is its own identity: statements of one date with the same singular
act are one happening, whatever names they share, unless their places are not one place.

A statement that names nothing specific ("the minister toured the port") joins the
happenings of its act and date, unless two of them name different places: then it cannot
tell which, and stays apart from them all (precision before recall: a wrong merge hides a
source under another happening, a missed one only shows a repeat).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from . import vocab
from .extract.events import COUNT_PREFIX, WORDING_PREFIX, concept_table, recurring_acts
from .extract.names import PLACE_TYPES, load_table
from .extract.spellings import spelling_key, variant_key
from .places import km_between

#: How near a base must be to a town to count as being at it.
LOCALITY_KM = 10.0


class Identity(NamedTuple):
    """What one statement's happening is matched by."""

    #: (act, name) pairs: two statements of one date sharing one are one happening.
    links: frozenset[tuple[str, str]]
    #: The links that also join a near date (a happening sources date differently):
    #: not those of recurring acts, which recur at the same place days apart.
    near: frozenset[tuple[str, str]]
    #: The acts of a statement that names nothing specific.
    open: tuple[str, ...]
    #: The specific places it names, and the towns of its bases.
    places: frozenset[str] = frozenset()

    @property
    def acts(self) -> frozenset[str]:
        return frozenset(act for act, _ in self.links) | frozenset(self.open)


@lru_cache(maxsize=1)
def singular_acts() -> frozenset[str]:
    """Acts a day holds one of (concepts.json's ``singular_concepts``)."""
    return frozenset(vocab.load("concepts.json")["singular_concepts"])


@lru_cache(maxsize=1)
def _outranked() -> dict[str, frozenset[str]]:
    """act -> the acts that, named beside it, are the clause's act instead."""
    table = vocab.load("concepts.json")["outranked_concepts"]
    return {act: frozenset(by) for act, by in table.items()}


def generic_names() -> frozenset[str]:
    """The names that never tell one happening from another (concepts.json)."""
    return concept_table()[1]


@lru_cache(maxsize=1)
def _kin() -> dict[str, str]:
    """act -> the act its kin are matched as (concepts.json's ``kin_concepts``: a visit
    and the talks held on it are one happening's)."""
    return {act: group[0] for group in vocab.load("concepts.json")["kin_concepts"]
            for act in group}


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, ...]]:
    """Each place of the names index -> the place keys it matches by: itself and, for a
    base, the towns within LOCALITY_KM."""
    generic = generic_names()
    located = [n for n in load_table() if n.type in PLACE_TYPES and n.name not in generic]
    towns = [n for n in located if n.type == "place" and n.geo and n.geo.precision == "city"]
    keys: dict[str, tuple[str, ...]] = {}
    for place in located:
        near = []
        if place.type != "place" and place.geo:
            near = [
                t.name for t in towns
                if km_between(place.geo.lat, place.geo.lon, t.geo.lat, t.geo.lon) <= LOCALITY_KM
            ]
        keys[place.name] = (place.name, *near)
    return keys


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """Each place of the names index -> the name of the province it lies in, where the
    index knows that province by its name ("Saraqeb" -> "Idlib")."""
    table = load_table()
    regions: dict[str, str] = {}
    for place in table:
        admin1 = place.geo.admin1 if place.geo else None
        region = table.lookup_index.get(spelling_key(admin1)) if admin1 else None
        if region is not None and region.name != place.name:
            regions[place.name] = region.name
    return regions


def one_place(a: str, b: str) -> bool:
    """Is one of two names the province the other lies in ("Saraqeb", "Idlib"), or the
    country it lies in ("Hmeimim", "Syria")? Then they are one place, not two names."""
    regions, lands = _regions(), _lands()
    return regions.get(a) == b or regions.get(b) == a or lands.get(a) == b or lands.get(b) == a


@lru_cache(maxsize=1)
def _lands() -> dict[str, str]:
    """Each place of the names index -> the country it lies in."""
    return {n.name: n.geo.country for n in load_table() if n.geo and n.geo.country}


@lru_cache(maxsize=1)
def foreign_countries() -> frozenset[str]:
    """The countries of the names index that are no generic name (Egypt, Israel; not Syria,
    Russia, Turkey, which every other statement names): where a statement that names no
    place is ("Putin flew on to Cairo for talks with Egypt's president" is not at Hmeimim)."""
    generic = generic_names()
    return frozenset(n.name for n in load_table() if n.type == "country" and n.name not in generic)


@lru_cache(maxsize=1)
def personal_acts() -> frozenset[str]:
    """Recurring acts that befall a person once (concepts.json ``personal_concepts``)."""
    return frozenset(vocab.load("concepts.json")["personal_concepts"])


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Every name of the names index."""
    return frozenset(n.name for n in load_table())


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """The people of the names index."""
    return frozenset(n.name for n in load_table() if n.type == "person")


@lru_cache(maxsize=1)
def capital_places() -> frozenset[str]:
    """The capitals a statement's names hold only where it names them as places (and
    Moscow, Damascus, Washington: generic, they never link two statements)."""
    return frozenset(vocab.load("concepts.json")["capitals"]["names"])


@lru_cache(maxsize=1)
def waters() -> frozenset[str]:
    """The seas and rivers of the names index: where many happenings of a day are, so two
    statements are not at one place, nor one happening, by naming one (a minister talks
    in Damascus of drills in the Mediterranean he watched from Hmeimim that morning)."""
    return frozenset(n.name for n in load_table() if n.geo and n.geo.precision == "water")


@lru_cache(maxsize=65536)
def at_one_place(a: frozenset[str], b: frozenset[str]) -> bool:
    """Do two statements' places name one place (the same, a base and its town, or a town
    and its province)? A sea or river they share does only where one names nothing else.
    Remembered: a busy day compares the same few places pairwise."""
    common = a & b
    if common - waters() or common and (a <= waters() or b <= waters()):
        return True
    return any(one_place(x, y) for x in a for y in b)


def _specific(about: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(every specific name with the towns of its bases, the places among them); a sea or
    a river is a place, where strikes are matched by place, but names no happening; a name
    the index does not know is its transliteration key."""
    generic, places, water, known = generic_names(), _places(), waters(), known_names()
    names: dict[str, None] = {}
    where: dict[str, None] = {}
    for name in about:
        if name in generic:
            continue
        # a name the index does not know, by its transliteration: 'Hass' and 'Has', 'Abu
        # al-Duhur' and 'Abu Dhuhur' (names.variant_key), lower case as no known name is
        keys = places.get(name, (name,)) if name in known else (variant_key(name),)
        if name not in water:
            names.update(dict.fromkeys(keys))
        if name in places:
            where.update(dict.fromkeys(keys))
    return tuple(names), tuple(where)


@lru_cache(maxsize=65536)
def identity(concepts: tuple[str, ...], about: tuple[str, ...]) -> Identity:
    """The acts and names a statement is matched by (its stored ``concepts`` and ``about``)."""
    weak = concept_table()[2]
    names, places = _specific(about)
    # a count the clause gives links as a name does, but names no place and opens nothing
    counts = [c.removeprefix(COUNT_PREFIX) for c in concepts if c.startswith(COUNT_PREFIX)]
    concepts = tuple(c for c in concepts if not c.startswith(COUNT_PREFIX))
    acts = [c for c in concepts if c not in weak and not c.startswith(WORDING_PREFIX)]
    # outranked by any act the clause names, a recurring one too ('a patrol toured the
    # villages' is a patrol, matched as patrols are)
    acts = [c for c in acts if not _outranked().get(c, frozenset()) & set(concepts)]
    acts = sorted({_kin().get(c, c) for c in acts})
    wording = [c for c in concepts if c.startswith(WORDING_PREFIX)]
    # the same count of the same act, a weak one too ("fired 26 cruise missiles")
    counted = frozenset((act, f"#{n}") for act in acts or [c for c in concepts if c in weak]
                        for n in counts)
    if acts:  # then the clause has no wording key (events.merge_concepts)
        links = frozenset((act, name) for act in acts for name in names)
        return Identity(links | counted, links, () if names else tuple(acts), frozenset(places))
    said = frozenset((w, name) for w in wording for name in names)
    # a recurring act at its finest place: a strike in Maarat al-Numan, Idlib is not one
    # in Idlib, which another of that day hits elsewhere
    finest = set(places) - {_regions().get(place) for place in places}
    # ... and a name the index does not know: a place the text introduced ('in Urum
    # al-Kubra, west of Aleppo') or a person killed ('Lieutenant General Valery Asapov was
    # killed on Saturday'), who dies once, as a person of the index does (a death's:
    # timeline._person_pairs joins those only at one place)
    unknown = [name for name in names if name not in known_names()]
    people = [name for name in names if name in person_names()]
    recurring = frozenset(
        (act, where) for act in concepts if act in recurring_acts()
        for where in (*finest, *unknown, *(people if act in personal_acts() else ()))
    )
    return Identity(said | recurring | counted, said, () if names else tuple(wording),
                    frozenset(places))


def is_wording(act: str) -> bool:
    """True for the act of a clause that names none: its wording (see events.merge_concepts)."""
    return act.startswith(WORDING_PREFIX)


def may_be_open(act: str) -> bool:
    """True for an act whose statements naming nothing specific join its one happening of
    the day: not a wording, not a recurring act (those never match without a name)."""
    return not is_wording(act) and act not in recurring_acts()
