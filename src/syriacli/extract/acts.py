"""Acts ACLED codes, read from one clause: what was done (ACLED's event type and sub-event
type), by which side (``actor1``) and to which (``actor2``).

The words of acts, of requests, threats and the like, and the sides are data
(data/acled.json). The sides come from the clause's structure: the subject before the act
acted, the first side after it was acted upon, except where the grammar turns that round
(a passive "was retaken by X", a loss "X lost the town to Y", a holder "from X"). A clause
whose act is only asked for, intended, threatened or denied is no event of the act, and
neither is an act a report's date stands before ("In December, Amnesty said jets had
struck..." dates the report).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import vocab

#: Name types whose mentions may be sides (names.json); a place only as a seat of
#: government acting for its state ("Moscow signed").
SIDE_TYPES = ("armed group", "state body", "country")
#: How far before an act a request, an intent, a threat or a denial may govern it.
CUE_REACH_WORDS = 12
#: A side that only supports the act ("backed by Russian airstrikes", "relying on Russian
#: air support"): not the one who did it.
SUPPORT_BEFORE = re.compile(r"(?:backed|supported|aided|helped)\s+by\s+(?:the\s+)?$"
                            r"|relying\s+on\s+(?:the\s+)?$", re.I)
SUPPORT_AFTER = re.compile(r"^[\w\s-]{0,12}?\b(?:support|backing|help|cover)\b", re.I)
WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$", re.I)
#: What stands between a passive act and its agent ("retaken by", "launched by").
AGENT_BETWEEN = re.compile(r"^\W*(?:[\w-]+\s+){0,2}?by\s+(?:the\s+)?$", re.I)
LOSS_WINNER_BETWEEN = re.compile(r"\b(?:to|by)\s+(?:the\s+)?$", re.I)
HOLDER_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
#: Lower case only: "IS captured Palmyra" is the group, not a passive.
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$")
#: An opening phrase whose sides set the scene, not the act ("With Damascus facing
#: defeats, Moscow signed...").
SCENE_SETTER = re.compile(r"^\s*(?:with|following|after|amid|despite|as)\b[^,]{0,120},", re.I)


@dataclass(frozen=True)
class Named:
    """A name found in the clause (extract.names), in the clause's offsets."""

    start: int
    end: int
    name: str
    type: str


@dataclass(frozen=True)
class Side:
    start: int
    end: int
    side: str


@dataclass(frozen=True)
class Act:
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    words: str
    start: int
    end: int


@dataclass(frozen=True)
class Coding:
    """A clause's act, or why it has none ("no act ACLED codes", "a request"...)."""

    act: Act | None
    reason: str = ""


@lru_cache(maxsize=1)
def coding() -> dict:
    """data/acled.json: how our concepts, precisions and metrics map to ACLED's codes (the
    acts here, and the export's columns)."""
    return vocab.load("acled.json")


def _words(phrases) -> str:
    return vocab.alternation(phrases)


@lru_cache(maxsize=1)
def _act_table() -> tuple[re.Pattern, dict[str, tuple[int, str, str]]]:
    """One pattern of every act's words, and each word's (rank, event type, sub-event)."""
    owners: dict[str, tuple[int, str, str]] = {}
    for rank, (event_type, sub, words) in enumerate(coding()["acts"]):
        for word in words:
            owners.setdefault(_fold(word), (rank, event_type, sub))
    return re.compile(rf"\b(?:{_words(owners)})\b", re.I), owners


@lru_cache(maxsize=1)
def _cue_table() -> tuple[re.Pattern, dict[str, str]]:
    kinds = {_fold(w): kind for kind, words in coding()["not_acts"].items() for w in words}
    return re.compile(rf"\b(?:{_words(kinds)})\b", re.I), kinds


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    data = coding()
    nouns = _words(data["force_nouns"])
    forces = "|".join(
        rf"(?P<f{i}>\b(?:{_words(adjectives)})\s+(?:[\w-]+\s+)?(?:{nouns})\b)"
        for i, adjectives in enumerate(data["force_words"].values()))
    plain = "|".join(rf"(?P<p{i}>\b(?:[\w.]+-(?:backed|led)\s+)?(?:{_words(words)})\b)"
                     for i, words in enumerate(data["plain_sides"].values()))
    adjectives = "|".join(rf"(?P<a{i}>\b(?:{_words(words)}))"
                          for i, words in enumerate(data["force_words"].values()))
    return {
        "sides": re.compile(f"{forces}|{plain}", re.I),
        # "Russian airstrikes", "the US-led coalition's bombing": the act's own adjective
        "adjective": re.compile(rf"(?:{adjectives})(?:'s)?\s+(?:[\w-]+\s+)?$"),
        "reporting": re.compile(rf"\b(?:{_words(data['reporting'])})\b", re.I),
        "place_word": re.compile(rf"\b(?:{_words(data['place_as_place'])})\s+(?:the\s+)?$",
                                 re.I),
    }


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def code_clause(clause: str, named: list[Named], date_at: int | None = None) -> Coding:
    """The act of ``clause`` in ACLED's terms, or why there is none. ``named``: the names
    found in it; ``date_at``: where its date expression starts."""
    pattern, owners = _act_table()
    found = [(owners[_fold(m.group())], m) for m in pattern.finditer(clause)]
    if not found:
        return Coding(None, "no act ACLED codes")
    (rank, event_type, sub), match = min(found, key=lambda f: (f[0][0], f[1].start()))
    reason = _not_an_act(clause, match.start(), date_at)
    if reason:
        return Coding(None, reason)
    sides = _sides(clause, named)
    actor1, actor2 = _actors(clause, sides, match, _fold(match.group()))
    event_type, sub = _refine(event_type, sub, actor1, actor2, _fold(match.group()))
    if event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        actor1 = actor1 or coding()["unidentified"]
    if event_type == "Strategic developments" and sub != "Agreement":
        actor2 = ""
    return Coding(Act(event_type, sub, actor1, actor2, match.group(), match.start(),
                      match.end()))


def _not_an_act(clause: str, at: int, date_at: int | None) -> str:
    """Why the act at ``at`` is no event of the act: a cue of a request, an intent, a
    threat or a denial among the words just before it, or a report between its date and
    it."""
    cues, kinds = _cue_table()
    reach = clause[:at]
    words = list(re.finditer(r"\S+", reach))
    since = words[-CUE_REACH_WORDS].start() if len(words) >= CUE_REACH_WORDS else 0
    for cue in cues.finditer(reach, since):
        return kinds[_fold(cue.group())]
    if date_at is not None and date_at < at and \
            _patterns()["reporting"].search(clause, date_at, at):
        return "dated by its report, not by the act"
    return ""


def _sides(clause: str, named: list[Named]) -> list[Side]:
    """The sides named in the clause in order: force phrases ("Russian jets", "government
    forces", "rebels", "civilians") and the names of actors, a country only where it is
    not a place ("in Syria"), and none that only supports the act."""
    data = coding()
    labels = [*data["force_words"], *data["plain_sides"]]
    phrases = [Side(m.start(), m.end(), labels[_group_index(m)])
               for m in _patterns()["sides"].finditer(clause)]
    seats = set(data["seats_of_government"])
    for n in named:
        if n.type not in SIDE_TYPES and n.name not in seats:
            continue
        if any(p.start < n.end and n.start < p.end for p in phrases):
            continue
        if (n.type == "country" or n.name in seats) and \
                _patterns()["place_word"].search(clause, 0, n.start):
            continue
        phrases.append(Side(n.start, n.end, data["sides"].get(n.name, n.name)))
    return [s for s in sorted(phrases, key=lambda s: s.start) if not _supports(clause, s)]


def _group_index(match: re.Match) -> int:
    """The index among force_words then plain_sides of the group that matched."""
    name = next(k for k, v in match.groupdict().items() if v is not None)
    offset = 0 if name[0] == "f" else len(coding()["force_words"])
    return offset + int(name[1:])


def _supports(clause: str, side: Side) -> bool:
    before = clause[max(0, side.start - 30):side.start]
    return bool(SUPPORT_BEFORE.search(before) or (
        WITH_BEFORE.search(before) and SUPPORT_AFTER.match(clause[side.end:])))


def _actors(clause: str, sides: list[Side], act: re.Match, words: str) -> tuple[str, str]:
    """(the side that acted, the side acted upon), never one side twice."""
    scene = SCENE_SETTER.match(clause, 0, act.start())
    before = [s for s in sides if s.end <= act.start() and not (scene and s.end <= scene.end())]
    after = [s for s in sides if s.start >= act.end()]
    own = _patterns()["adjective"].search(clause, max(0, act.start() - 40), act.start())
    if own:
        label = list(coding()["force_words"])[int(next(
            k for k, v in own.groupdict().items() if v is not None)[1:])]
        owner = Side(own.start(), act.start(), label)
        return _pair(owner, [s for s in after if HOLDER_BEFORE.search(clause[:s.start])]
                     + after + before)
    agent = next((s for s in after
                  if AGENT_BETWEEN.match(clause[act.end():s.start])), None)
    if words in coding()["territory_loss"]:
        winner = next((s for s in after
                       if LOSS_WINNER_BETWEEN.search(clause[act.end():s.start])), None)
        return _pair(winner, before[:1] if before else [])
    passive = agent is not None or PASSIVE_BEFORE.search(clause, 0, act.start()) is not None
    if passive:
        return _pair(agent, before[:1])
    if not before and words in coding()["two_party"]:
        before, after = after[:1], after[1:]  # "an agreement was signed between X and Y"
    actor1 = before[0] if before else None
    holders = [s for s in after if HOLDER_BEFORE.search(clause[:s.start])]
    return _pair(actor1, holders + after)


def _pair(actor1: Side | None, candidates: list[Side]) -> tuple[str, str]:
    first = actor1.side if actor1 else ""
    second = next((s.side for s in candidates if s.side != first), "")
    return first, second


def _refine(event_type: str, sub: str, actor1: str, actor2: str, words: str) -> tuple[str, str]:
    """The sub-event type the sides decide: who took a place (the government's side
    regains it, anyone else overtakes it; when the winner is unnamed, the loser's side or
    the words say which), and whether an attack fell on civilians."""
    data = coding()
    government = set(data["government_sides"])
    if sub in ("Government regains territory", "Non-state actor overtakes territory"):
        if actor1:
            regains = actor1 in government
        elif actor2:
            regains = actor2 not in government
        else:
            regains = words in data["territory_again"]
        return event_type, ("Government regains territory" if regains
                            else "Non-state actor overtakes territory")
    if (event_type, sub) == tuple(data["attack_on_civilians"]) and actor2 != "Civilians":
        return tuple(data["armed_attack"])  # type: ignore[return-value]
    return event_type, sub
