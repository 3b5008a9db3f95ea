"""Who a subject as written is: a person (with the organisation their role speaks for), an
organisation of some kind (a media outlet, an NGO, a ministry...) or a described source
("local sources"); anything else is a fragment and names nobody.

Pure functions of a noun phrase and the vocabularies of ``claimant_cues.json``; the
article context (pronouns, "the ministry") is claimants.py's business.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import vocab
from .mentions import (
    CALENDAR,
    CUES,
    DESCRIPTOR,
    DETERMINERS,
    DIGITS,
    KIND_OF_WORD,
    NATIONALITIES,
    NOT_NAMES,
    SPEAKER_NOUNS,
    is_person_word,
    is_title,
)
from .mentions import key as _key

SPEAKERS = CUES["speakers"]
ROLE_ORGS = CUES["role_orgs"]
#: Capitalised words that open a clause without naming anyone ("This brings the total").
NOT_NAME_OPENERS = frozenset(
    "this that these those it its there here what which who whom whose he she "
    "they we i you some many most all both each such other another one "
    "or and more than of according".split())   # "(2) or more credible sources"
CONNECTORS = frozenset(
    {"of", "for", "the", "on", "and", "in", "de", "al", "bin", "ibn", "du", "la"})
#: What joins a person's name to the organisation after it ("Rudskoy of the General Staff").
ORG_LINKS = frozenset({"of", "for", "in"})
PREPOSITIONS = frozenset("in of for from on at by with about over during after before since among"
                         " inside outside near across against within around throughout".split())
#: Heads of a description that count its members ("a group of activists"): never a source
#: alone.
COLLECTIVE_NOUNS = frozenset(CUES["collective_nouns"])
#: Words between a source's head and its preposition ("activists still inside the enclave").
HEAD_ADVERBS = frozenset(w for w in CUES["adverbials"] if " " not in w)
ORG_RUN = re.compile(   # an Arabic article inside a name too: "Hayat Tahrir al-Sham"
    r"[A-Z][\w.'-]*(?:\s+(?:(?:of|for|the|on|and)\s+)*(?:[a-z]{1,3}-)?[A-Z][\w.'-]*)*")
#: An organisation written in lowercase after its nation ("Russia's defence ministry", "the
#: Russian military", "the Turkish defense ministry"), which ORG_RUN does not see whole; not
#: a kind word used as an adjective ("Russian military advisers").
_NATIONS = vocab.alternation({n.title() for n in NATIONALITIES if n.isalpha()})
#: Kind words that also qualify a noun ("military advisers", "government forces"): one
#: of them ends a name only before a verb or a preposition.
ADJECTIVAL = frozenset(CUES["adjectival_kinds"])
_KIND_WORDS = vocab.alternation(set(KIND_OF_WORD) - ADJECTIVAL)
_ADJECTIVAL = vocab.alternation(ADJECTIVAL)
#: What may follow an organisation's name in lowercase: its verb, or a preposition.
_FOLLOWERS = vocab.alternation({w for p in CUES["verbs"] + CUES["passive"] + CUES["adverbials"]
                                + CUES["frames"]["stance"] for w in p.split()[:1]}
                               | PREPOSITIONS | {"and", "to", "that"})
NATIONAL_ORG = re.compile(rf"\b(?:{_NATIONS})(?:'s|’s)?(?:\s+[a-z][\w-]*){{0,2}}?"
                          rf"\s+(?i:{_KIND_WORDS}|(?:{_ADJECTIVAL})(?!\s+(?!(?:{_FOLLOWERS})\b)[a-z]))\b"
                          r"(?:\s+(?:for|of)\s+(?:the\s+)?[A-Za-z][\w-]*)?")
#: "MOSCOW The Russian Defense Ministry", "TEHRAN - Russian aircraft": a dateline, not a name.
CAPITALS_DATELINE = re.compile(r"^(?:[A-Z]{3,}[,.]?\s+)+(?:[-–—]\s*)?(?=[A-Z])")
ASIDE = re.compile(r"\s*\([^()]*\)")                # "(SOHR)", "(Tasnim)"
_WHEN = vocab.alternation(CALENDAR | {"today", "yesterday", "tonight"})
#: A place after a source ("... Civil Defence in Nawa"), which is where it is, not who.
#: Where a source is, after it: "the Syria Civil Defence in Nawa", "Observatory activists
#: in the southern countryside of Idlib", "local sources in eastern Deir ez-Zor".
#: (Not "researchers at the Conflict Data Group": "at the" is where one works.)
TRAILING_WHERE = re.compile(r"(?P<who>.+?)\s+(?:(?:at|from|against)\s+|(?:in|near|inside|"
                            r"across)\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,3})"
                            r"[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*)*$")
#: A participle after a source that says how it was heard or where it sits: "a former
#: Russian officer interviewed for this brief", "activists based in Idlib".
TRAILING_PARTICIPLE = re.compile(rf"(?P<who>.+?)\s+"
                                 rf"(?:{vocab.alternation(CUES['source_participles'])})"
                                 r"\s+(?:by|for|in|at|on|with|to)\s.*$")
TRAILING_WHEN = re.compile(rf"(?:\s+(?:on|late|early|last|this)?\s*(?i:{_WHEN}))+$")
TRAILING_STOP = re.compile(r"(?<=[a-z]{2})\.$")     # "said Andrei Kartapolov." (not "U.S.")
MAX_WORDS = 14
#: What a source publishes, after its name ("SOHR statistics", "according to UN data").
SOURCE_NOUNS = frozenset(CUES["source_publications"])
MAX_LOWER_WORDS = 5     # a source described in lowercase ("local civil defense officials")
#: Words a claimant may not be alone: they say what was said, not who said it ("Reports
#: said", "the statement said", "people said"); with a modifier they may ("local sources").
BARE = frozenset(CUES["bare_nouns"])
#: Spellings that make one organisation ("Russian MoD", "Defence Ministry of Russia"),
#: folded by ``org_key``: the fold replaces each pair's first with its second.
SPELLINGS = [(re.compile(rf"\b{written}\b"), folded) for written, folded in CUES["org_spellings"]]
NAME_KINDS = CUES["name_kinds"]          # names.json's type of an organisation -> its kind


@dataclass(frozen=True)
class Speaker:
    name: str
    org: str | None     # the organisation a person speaks for, or the organisation itself
    kind: str | None    # "person", a kind of organisation from ``kinds``, or None


@lru_cache(maxsize=8192)     # names recur within an article and across a corpus
def org_key(name: str) -> str:
    """An organisation's name folded so that its spellings meet: lowercase, no "the",
    British spelling, a nation's possessive as its adjective ("Russia's defense ministry",
    "the Defence Ministry of Russia", "Ministry of Defence of the Russian Federation" ->
    "russian defence ministry")."""
    key = " ".join(re.sub(r"[’`]", "'", ASIDE.sub("", name).lower()).replace("-", " - ").split())
    # the nation's possessive as its adjective first, so that the spellings below meet it
    key = " ".join(NATIONALITIES.get(w.removesuffix("'s"), w).lower() if w.endswith("'s")
                   else w for w in key.split())
    for written, folded in SPELLINGS:
        key = written.sub(folded, key)
    key = " ".join(w for w in key.split() if w not in DETERMINERS).replace(" - ", "-")
    nation = re.search(r"\s+of\s+(\w+)$", key)   # "defence ministry of russian"
    if nation and nation.group(1) in NATIONALITIES:
        key = f"{NATIONALITIES[nation.group(1)].lower()} {key[:nation.start()]}"
    return re.sub(r"\bministry of ((?:\w+ )?\w+)$", r"\1 ministry", key)


@lru_cache(maxsize=1)
def _names_index() -> tuple[dict[str, tuple[str, str]], frozenset[str], dict[str, str]]:
    """names.json as three lookups: each organisation's folded spellings -> (its name, its
    kind); the folded spellings of places (a place is never a speaker); and each spelling
    of a person who speaks for an organisation -> that organisation ("Shoygu")."""
    orgs: dict[str, tuple[str, str]] = {}
    places: set[str] = set()
    people_orgs: dict[str, str] = {}
    for entry in vocab.load("names.json"):
        kind = NAME_KINDS.get(entry["type"])
        for variant in [entry["name"], *entry.get("variants", [])]:
            if kind:
                orgs.setdefault(org_key(variant), (entry["name"], kind))
            elif entry["type"] in NAME_KINDS["_places"]:
                places.add(org_key(variant))
            elif entry["type"] == "person" and entry.get("org"):
                people_orgs.setdefault(variant.lower(), entry["org"])
    return orgs, frozenset(places), people_orgs


def is_known_name(np: str) -> bool:
    """Does names.json know ``np`` as an organisation or a person who speaks for one?"""
    orgs, _, people_orgs = _names_index()
    return org_key(np) in orgs or np.lower() in people_orgs


@lru_cache(maxsize=8192)
def canonical_org(name: str | None) -> str | None:
    """The one name of an organisation, whichever way it is written ("the Russian MoD" ->
    "Russian Defence Ministry"), or of the one a description opens with ("SOHR activists",
    "Kremlin spokesman"); a name the vocabulary does not know, as written."""
    if not name:
        return name
    orgs = _names_index()[0]
    words = org_key(name).split()
    for end in range(len(words), 0, -1):         # the longest known name it opens with
        known = orgs.get(" ".join(words[:end]))
        if known:
            return known[0]
    return name


def is_place(name: str) -> bool:
    """A place of names.json, which never speaks; a capital does ("Damascus said")."""
    key = org_key(name)
    return key in _names_index()[1] and key not in NATIONALITIES


@lru_cache(maxsize=4096)      # the same subjects recur from sentence to sentence
def speaker(np: str) -> Speaker | None:
    """The claimant a subject as written names, or None when it is a fragment: a dateline,
    a date or an aside before the name is dropped, a person is kept without their title
    ("Col. Gen. Sergey Rudskoy" -> "Sergey Rudskoy")."""
    np = TRAILING_STOP.sub("", " ".join(ASIDE.sub("", np).split()).strip(" ,-–—()"))
    np = TRAILING_WHEN.sub("", np)             # "the Russian Defense Ministry on Sunday"
    tokens = np.split()
    last_digit = max((i for i, t in enumerate(tokens) if DIGITS.search(t)), default=-1)
    if last_digit == len(tokens) - 1 and len(tokens) > 1 and tokens[-1].isdigit() \
            and _is_name_word(tokens[-2]) and _key(tokens[-2]) not in CALENDAR:
        last_digit = -1                        # a name with a number: "Channel 4", "Deir Ezzor 24"
    if last_digit >= 0:                        # "On 14 March 2016 Defence Minister Sergei Shoigu"
        return speaker(" ".join(tokens[last_digit + 1:])) or _head_of(tokens)
    dateline = CAPITALS_DATELINE.match(np)
    if dateline and not any(_key(w) in KIND_OF_WORD for w in dateline.group().split()):
        np = np[dateline.end():]
    tokens = np.split()
    # a name after "the" is no person's ("The Hague", "the Kremlin"): one word alone is not
    determined = bool(tokens) and tokens[0].lower() in DETERMINERS
    while tokens and tokens[0].lower() in DETERMINERS:
        tokens = tokens[1:]
    known = _names_index()[0].get(org_key(" ".join(tokens)))
    if known:                           # "the Ministry of Defence of the Russian Federation"
        return Speaker(" ".join(tokens), " ".join(tokens), kind_of(known[0]) or known[1])
    # "SOHR statistics", "UN data" are the organisation's; "turnout figures" are no one's
    if len(tokens) > 1 and tokens[-1].lower() in SOURCE_NOUNS:
        source = speaker(" ".join(tokens[:-1]))
        if source and source.kind not in (None, "person"):
            return source
    if not tokens:
        return None
    if len(tokens) > MAX_WORDS:
        # a long role before a name (TASS: "Head of the Russian Center for ... Yuri Borenkov")
        person = _person_at_end(tokens)
        return Speaker(person[0], org_of(*person), "person") if person and person[1] else None
    person = _person_at_end(tokens, alone=not determined)
    link = next((i for i, t in enumerate(tokens) if t in ORG_LINKS), None)
    if not person and link:                 # "Colonel General Sergei Rudskoy of the General Staff"
        person = _person_at_end(tokens[:link], alone=False)
        person = person and (person[0], " ".join(tokens[link:]))
    if person:
        person_name, role = person
        return Speaker(person_name, org_of(person_name, role), "person")
    where = TRAILING_WHERE.match(" ".join(tokens))   # "the Syria Civil Defence in Nawa"
    if where and (named := speaker(where.group("who"))) and named.kind:
        return named
    heard = TRAILING_PARTICIPLE.match(" ".join(tokens))
    if heard and (named := speaker(heard.group("who"))):
        return named
    name = _name_part(" ".join(tokens))
    if not name or not is_claimant(name) or is_place(name):
        return _head_of(tokens) if len(tokens) > 1 else None
    known = _names_index()[0].get(org_key(name))
    kind = kind_of(name) or (known[1] if known else None)
    return Speaker(name, name if kind and kind != "media" else None, kind)


def _head_of(tokens: list[str]) -> Speaker | None:
    """A source described at length keeps its head, the words before the first preposition
    (and an adverb or a participle before it): "turnout figures in voting from abroad in the
    ... elections" -> "turnout figures", "activists still inside the enclave", "doctors still
    working in the district" -> "activists", "doctors". A collective
    head counts what follows "of": "a group of activists" -> "activists", and a group of
    what is no source alone stays whole ("group of Russian investigative bloggers")."""
    cut = next((i for i, t in enumerate(tokens) if t.lower() in PREPOSITIONS), 0)
    head = tokens[:cut]
    # a reduced relative clause before the preposition: "doctors still working in ..."
    while len(head) > 1 and (head[-1].lower() in HEAD_ADVERBS
                             or head[-1].islower() and head[-1].endswith("ing")):
        head = head[:-1]
    words = [t for t in head if t.lower() not in DETERMINERS]
    if len(words) == 1 and words[0].lower() in COLLECTIVE_NOUNS and tokens[cut].lower() == "of":
        members = tokens[cut + 1:]   # a count in it is a clause: "The number of ... exceeds 70"
        whole = None if any(DIGITS.search(t) for t in tokens) else Speaker(" ".join(tokens),
                                                                           None, None)
        return speaker(" ".join(members)) or whole
    return speaker(" ".join(head)) if head else None


def is_claimant(name: str) -> bool:
    """A name ends with a name word ("the governor of Hatay") or a noun for a source
    ("rights groups and observers"); a clause or a noun phrase about something else
    ("This brings the total") is a fragment."""
    tokens = name.split()
    if not tokens or len(tokens) > MAX_WORDS or _key(tokens[0]) in NOT_NAME_OPENERS:
        return False
    if len(tokens) == 1 and _key(tokens[0]) in BARE:
        return False
    last = tokens[-2] if tokens[-1].isdigit() and len(tokens) > 1 else tokens[-1]  # "Channel 4"
    if _is_name_word(last):
        return True
    # "local civil defense officials"; a nation before it is no part of the count
    # ("Syria's White Helmets civil defence group")
    nation = 1 if _key(tokens[0]) in NATIONALITIES else 0
    return len(tokens) - nation <= MAX_LOWER_WORDS and _key(last) in SPEAKER_NOUNS


def kind_of(name: str) -> str | None:
    """What kind of organisation a name is: the last kind word of its head (before "of" or
    "for"), else of the whole name ("press service of the Defence Ministry": a ministry)."""
    words = [_key(w) for w in name.replace("-", " ").split()]
    head = words[:next((i for i, w in enumerate(words) if w in ("of", "for")), len(words))]
    for part in (head, words):
        kinds = [KIND_OF_WORD[w] for w in part if w in KIND_OF_WORD]
        if kinds:
            return kinds[-1]
    return None


def org_of(name: str, role: str) -> str | None:
    """The organisation a person speaks for: a known speaker's, else the one their role
    names ("head of ... of the Russian General Staff"), else the role's own ("Russia's
    Defence Minister" -> "Russian Defence Ministry")."""
    words = name.lower().split()
    people_orgs = _names_index()[2]
    keys = (" ".join(words), " ".join(words[-2:]), words[-1] if words else "")
    for table in (SPEAKERS, people_orgs):      # who speaks for whom, then names.json's people
        for key in keys:
            if key in table:
                return table[key]
    for run in reversed(ORG_RUN.findall(role)):
        if canonical_org(run) != run:             # "the Russian Ministry of Defence"
            return canonical_org(run)
        for part in reversed(re.split(r"\s+(?:of|for)\s+(?:the\s+)?", run)):
            national = all(_key(w) in NATIONALITIES for w in part.split())
            if kind_of(part) not in (None, "media") and not national:
                return " ".join(t for t in part.split() if t.lower() not in DETERMINERS)
    low = role.lower()
    for phrase, org in ROLE_ORGS.items():
        if phrase in low:
            nations = [NATIONALITIES[_key(w)] for w in role.split() if _key(w) in NATIONALITIES]
            nation = nations[0] if nations else None
            return f"{nation} {org}" if nation else org
    return None


def is_person(name: str) -> bool:
    """Capitalised words that may be a person's name: no title or nation word, and not a
    country, place or organisation of names.json ("Ukraine", "Aleppo")."""
    tokens = name.split()
    if not tokens or len(tokens) > 4 or not all(t[:1].isupper() and _key(t) not in NOT_NAMES
                                                for t in tokens):
        return False
    orgs, places, _ = _names_index()
    known = org_key(name)
    return known not in orgs and known not in places


def _person_at_end(tokens: list[str], alone: bool = True) -> tuple[str, str] | None:
    """(name, role before it) when a phrase ends with a person's name: two or three name
    words, or one after a title or a role ("spokesman Igor Konashenkov"), or a known
    speaker's surname; ``alone`` lets a single unknown name word be a person by itself."""
    i = len(tokens)
    while i > 0 and len(tokens) - i < 3 and is_person_word(tokens[i - 1]):
        i -= 1
    name = [t.removesuffix("'s").removesuffix("’s") for t in tokens[i:]]
    if not name or (i < len(tokens) and tokens[-1].endswith(("'s", "’s"))):
        return None
    role = tokens[:i]
    known = " ".join(name).lower() in SPEAKERS or name[-1].lower() in SPEAKERS
    if role and (role[-1].lower() in PREPOSITIONS or role[-1].lower() in DETERMINERS) \
            and not known:
        # "a hospital in the town of Busra al-Harir": a place; "the Centre for Reconciliation
        # of the Opposing Sides": a name after "the" is no person's, as at a phrase's start
        return None
    titled = bool(role) and (is_title(role[-1])
                             or role[-1].islower() and _key(role[-1]) in SPEAKER_NOUNS)
    single = alone and not role and _key(name[0]) not in KIND_OF_WORD and _key(name[0]) not in BARE
    if len(name) >= 2 or known or titled or single:
        return " ".join(name), " ".join(role)
    return None


def _is_name_word(token: str) -> bool:
    return token[:1].isupper() and token.lower() not in DETERMINERS and not DESCRIPTOR.search(token)


def _name_part(np: str) -> str | None:
    """Keep a name as written, dropping what introduces it ("committee head Viktor Ozerov")."""
    tokens = np.split()
    while tokens and tokens[0].lower() in DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return None
    if not _is_name_word(tokens[-1]):
        return " ".join(t for t in tokens if not DESCRIPTOR.search(t)) or None
    i = len(tokens)
    while i > 0 and (_is_name_word(tokens[i - 1]) or tokens[i - 1].lower() in CONNECTORS):
        i -= 1
    if 0 < i < len(tokens) and tokens[i].lower() in ORG_LINKS:
        return " ".join(tokens[i - 1:])             # "the governor of Hatay", not "Hatay"
    # a capitalised Arabic article opens the name ("Al Jazeera"), as "al" inside one does not
    while i < len(tokens) and tokens[i].lower() in CONNECTORS and tokens[i] not in ("Al", "El"):
        i += 1
    return " ".join(tokens[i:]) or None


def has_name(np: str) -> bool:
    return any(_is_name_word(t) for t in np.split())

