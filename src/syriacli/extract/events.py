"""Dated statements: one event per resolved date expression in an article.

An event is the clause holding a resolved date, with a short summary a reader can
scan, the names it is about, the concepts it speaks of (for merging across
sources) and its provenance (article, sentence, date expression, offsets).
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from .. import vocab
from ..places import PLACE_TYPES
from ..summary import summarise
from .figures import DATE_DIGITS, NUMBERS
from .mentions import DETERMINERS, NATIONAL_ADJECTIVES, is_seat

__all__ = ["summarise"]  # its home is syriacli.summary; extraction's tests read it here

#: Where a sentence with several dates is cut into clauses.
SUMMARY_BREAK = re.compile(
    r"[;:–—]|,? (?:but|while|whereas|which|after|before|when|until) |, and |\. ")
#: Rules whose mention is a span of time, not a happening on that date.
NOT_EVENT_RULES = frozenset({"period", "range", "duration"})
#: "between September 2015 and February 2016", "from May to July": a span, not two happenings.
PERIOD_OPENING = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.I)
PERIOD_JOIN = re.compile(
    rf"^\s*(?:{vocab.alternation(vocab.load('dates.json')['range_joins'])})\s*(?:the\s+)?$", re.I)
#: A sentence that points back at a place named just before ("the ancient city").
BACK_REFERENCE = re.compile(
    r"\b(?:the|that|this) (?:ancient |historic |northern |eastern |southern |western )?"
    r"(?:city|town|base|province|area|region)\b(?! of [A-Z])|\bthere\b",  # not "the town of X"
    re.I,
)


@dataclass
class Event:
    article: str
    date: str
    precision: str
    first_day: str
    last_day: str
    expression: str
    rule: str
    relative: bool
    quote: str
    about: list[str]
    concepts: list[str] = field(default_factory=list)
    #: The date only anchors a lasting state ("since 2011", "the war that began in
    #: 2011"): background unless recent (see queries.BACKGROUND).
    anchor: bool = False
    start: int = 0
    end: int = 0
    sentence_start: int = 0
    sentence_end: int = 0
    #: its clause, in its sentence's offsets: what its summary is made of (stored instead)
    clause_start: int = 0
    clause_end: int = 0

    @property
    def summary(self) -> str:
        return summarise(self.quote[self.clause_start:self.clause_end])


@lru_cache(maxsize=1)
def concept_table() -> tuple[dict[str, list[str]], frozenset[str], frozenset[str]]:
    """(concept -> stems, generic names, weak concepts) from concepts.json."""
    data = vocab.load("concepts.json")
    return data["concepts"], frozenset(data["generic_names"]), frozenset(data["weak_concepts"])


@lru_cache(maxsize=1)
def _concept_pattern() -> tuple[re.Pattern, dict[str, list[str]]]:
    """One alternation of every stem, longest first, and stem -> concepts.

    At one place in a clause the longest stem wins ("started leaving" is a withdrawal,
    not a campaign start); one scan serves every concept.
    """
    concepts = concept_table()[0]
    owners: dict[str, list[str]] = {}
    for name, stems in concepts.items():
        for stem in stems:
            owners.setdefault(stem.lower(), []).append(name)
    alternation = vocab.alternation(owners, literal=True)   # a trie: see there
    # Matched against lower-cased text: IGNORECASE makes this alternation several times slower.
    return re.compile(rf"\b(?:{alternation})"), owners


@lru_cache(maxsize=1)
def _concept_rank() -> dict[str, int]:
    return {name: rank for rank, name in enumerate(concept_table()[0])}


#: The most words between a separable verb and its particle ("pulling most of its forces out").
PARTICLE_REACH = 4


@lru_cache(maxsize=1)
def _separable() -> list[tuple[str, re.Pattern, str]]:
    """(stem, pattern, concept) of each phrasal verb of concepts.json's
    ``separable_concepts``: its stem, then its particle after a few words (not across
    punctuation or a conjunction: "they pull levers and go out" is no withdrawal). A
    pattern runs only over a text that holds its stem (a scan of its own for each)."""
    table = vocab.load("concepts.json")["separable_concepts"]
    particles: dict[tuple[str, str], list[str]] = {}    # one pattern a verb of a concept
    for concept, phrases in table.items():
        for verb, particle in phrases:
            particles.setdefault((concept, verb), []).append(particle)
    return [(verb, re.compile(rf"\b{re.escape(verb)}\w*\s+(?:(?!(?:and|or|but|then)\b)"
                              rf"[\w'-]+\s+){{1,{PARTICLE_REACH}}}"
                              rf"(?:{vocab.alternation(words)})\b"), concept)
            for (concept, verb), words in particles.items()]


def concepts_in(text: str) -> list[str]:
    """The concepts named in ``text``, in the order of concepts.json."""
    return sorted(concept_spans(text), key=_concept_rank().__getitem__)


def concept_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where ``text`` names each concept it names (its words' spans)."""
    pattern, owners = _concept_pattern()
    low = text.lower()
    found: dict[str, list[tuple[int, int]]] = {}
    for match in pattern.finditer(low):
        for name in owners[match.group()]:
            found.setdefault(name, []).append(match.span())
    for stem, verb, concept in _separable():
        if stem in low and (phrase := verb.search(low)):
            found.setdefault(concept, []).append(phrase.span())
    return found


@lru_cache(maxsize=1)
def recurring_acts() -> frozenset[str]:
    """Acts that happen somewhere every day (concepts.json's ``recurring_concepts``)."""
    return frozenset(vocab.load("concepts.json")["recurring_concepts"])


def date_acts(spans: dict[str, list[tuple[int, int]]], at: tuple[int, int]) -> list[str]:
    """The concepts of a clause that its date at ``at`` is the date of. A clause naming a
    recurring act (a strike, a toll) beside another is matched by the other (identity.py),
    unless the recurring act is the one written nearest before the date (or, where no act
    comes before it, nearest after it): 'the arrangement was damaged by the coalition
    strike on Saturday' dates the strike, 'the talks went ahead although the ambassador
    was assassinated in Ankara on Monday' the killing; 'talks in Geneva on Monday as
    strikes hit Aleppo' date the talks, and 'shot down a helicopter on Monday, killing
    five' the downing. Then the other acts are left out."""
    strong = [c for c in spans if c not in concept_table()[2]]   # not weak, not recurring
    # a recurring act's words in or beside another's are that act's ('began its air
    # strikes', 'the first air strikes')
    taken = [span for c in strong for span in spans[c]]
    own = {c: [(a, b) for a, b in spans[c] if not any(x <= b + 1 and a <= y + 1
                                                       for x, y in taken)]
           for c in spans if c in recurring_acts()}
    recurring = [c for c, where in own.items() if where]
    if not recurring or not strong:
        return list(spans)
    spans = {**spans, **own}
    before = {c: min((at[0] - end for start, end in spans[c] if start < at[0]), default=None)
              for c in (*recurring, *strong)}
    if any(d is not None for d in before.values()):
        distance = {c: d for c, d in before.items() if d is not None}
    else:
        distance = {c: min(start - at[1] for start, _ in spans[c]) for c in before}
    nearest = min(distance.values())
    if any(distance.get(c) == nearest for c in strong):
        return list(spans)
    return [c for c in spans if c not in strong]


#: The merge key of a clause that names no strong concept (see :func:`merge_concepts`).
WORDING_PREFIX = "wording:"


def merge_concepts(clause: str, expression: str = "") -> list[str]:
    """The concepts a clause merges by: those it names, and where none of them is strong
    (only "said", "war"...), its wording, so that the same report carried by several
    articles ("A fresh row between Moscow and Washington blew up Wednesday...") is one
    timeline entry and not one for each copy. Case, punctuation and spacing are not
    part of the wording; a different word is. Background words are not the clause's act,
    unless they hold its date ``expression`` ("the evacuation, which started yesterday")."""
    parts, at = [], 0
    for start, end in background_spans(clause):
        if not _holds(clause, (start, end), expression):
            parts += [clause[at:start], " "]
            at = end
    text = "".join(parts) + clause[at:] if parts else clause
    spans = concept_spans(text)
    held = text.find(expression) if expression else -1
    if held >= 0 and len(spans) > 1:
        spans = {c: spans[c] for c in date_acts(spans, (held, held + len(expression)))}
    concepts = sorted(spans, key=_concept_rank().__getitem__)
    weak = concept_table()[2]
    if all(c in weak for c in concepts):
        words = " ".join(re.findall(r"\w+", clause.casefold()))
        concepts.append(WORDING_PREFIX + hashlib.blake2b(words.encode(), digest_size=8).hexdigest())
    return concepts


#: A count a clause gives ("launched 26 cruise missiles"), kept with its concepts: sources
#: that give the same count of the same act on the same day report one happening.
COUNT_PREFIX = "count:"
#: A number written in digits, not part of a time, a date, a decimal or a name ("Su-24").
COUNT = re.compile(r"(?<![\w.,:/-])(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?![\w:/-]|[.,]\d)")
#: The smallest count that tells a happening: smaller ones coincide (two dead, three
#: villages); a round one (20, 100) is an estimate sources share for different things.
TELLING_COUNT = 10
#: A count written in words ("Thirty-three Turkish soldiers", "twelve civilians"): a tens
#: word and a unit, or one word (metrics.json ``numbers.small``).
_UNITS = {w: n for w, n in NUMBERS["small"].items() if 0 < n < 10}
WORD_COUNT = re.compile(
    rf"\b(?P<a>{vocab.alternation(NUMBERS['small'])})(?:[- ](?P<b>{vocab.alternation(_UNITS)}))?\b",
    re.I)


def clause_counts(clause: str, expression: str = "") -> list[str]:
    """The telling counts of a clause (:data:`TELLING_COUNT`), as :data:`COUNT_PREFIX`
    concepts: not its date's numbers, nor another date's (figures.DATE_DIGITS: a year, a
    day beside its month)."""
    held = clause.find(expression) if expression else -1
    dates: list[tuple[int, int]] | None = None     # read only for a count that may tell
    counts: dict[str, None] = {}
    for m, value in _counts(clause):
        if value < TELLING_COUNT or value % 10 == 0 \
                or 0 <= held <= m.start() < held + len(expression):
            continue
        if dates is None:
            dates = [d.span() for d in DATE_DIGITS.finditer(clause)]
        if not any(a <= m.start() < b for a, b in dates):
            counts[f"{COUNT_PREFIX}{value}"] = None
    return list(counts)


def _counts(clause: str) -> Iterator[tuple[re.Match, int]]:
    """Each number of a clause and its value, in digits or in words ("Thirty-three")."""
    for m in COUNT.finditer(clause):
        yield m, int(m.group("n").replace(",", ""))
    small = NUMBERS["small"]
    for m in WORD_COUNT.finditer(clause):
        tens = small[m.group("a").lower()]
        yield m, tens + (_UNITS[m.group("b").lower()] if m.group("b") and tens >= 20
                         and tens % 10 == 0 else 0)


@lru_cache(maxsize=256)
def background_spans(clause: str) -> tuple[tuple[int, int], ...]:
    """Where a clause's background words are (:func:`_background`), remembered: a clause's
    concepts and the place of its date read them both."""
    return tuple(m.span() for m in _background().finditer(clause))


def _holds(clause: str, span: tuple[int, int], expression: str) -> bool:
    """Does the background at ``span`` hold the date ``expression``? It may run past the
    background's end ("after Turkey shot down a warplane on November 24, 2015": the
    background stops at the date's comma)."""
    return bool(expression) and span[0] <= clause.find(expression, span[0]) < span[1]


@lru_cache(maxsize=1)
def _background() -> re.Pattern:
    """The words of a clause that are not its act (concepts.json's ``background``): a
    relative clause after ", which", a participle clause after a comma (", marking the
    first deployment"), a clause opened by "after", "since" or "before", each to the next comma; a
    participle used as an adjective ("the recaptured city")."""
    data = vocab.load("concepts.json")["background"]
    before = vocab.alternation(data["before_openers"])
    openers = vocab.alternation([o.lstrip(", ") for o in data["openers"] if o.startswith(",")])
    words = vocab.alternation([o for o in data["openers"] if not o.startswith(",")])
    determiners = vocab.alternation(data["participle_after"])
    support = vocab.alternation(data["support_phrases"])
    by_air = vocab.alternation(data["support_by_air"])
    return re.compile(
        rf"(?i:,\s*(?:{openers})\b)[^,;]*|,\s*[a-z]+ing\b[^,;]*"
        rf"|\b(?i:(?:(?:{before})\s+)?(?:{words}))\b[^,;]*"
        rf"|\b(?i:{support})\s+(?:[\w-]+\s+){{0,3}}?(?i:{by_air})\b"
        rf"|\b(?i:{determiners})\s+(?:newly\s+)?[a-z]+ed\b(?=\s+[a-z])")


@lru_cache(maxsize=64)
def _clause_concepts(clause: str, expression: str) -> tuple[str, ...]:
    """merge_concepts, once for the events of a sentence that share its clause (a long
    sentence of many dates would read itself once for each)."""
    concepts = merge_concepts(clause, expression)
    if any(not c.startswith(WORDING_PREFIX) for c in concepts):
        concepts += clause_counts(clause, expression)   # an act's counts tell its happening
    return tuple(concepts)


def day_range(iso: str, precision: str) -> tuple[str, str]:
    """First and last day covered by a date at its precision."""
    year = int(iso[:4])
    if precision == "year":
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(iso[5:7])
    if precision == "month":
        following = date(year + month // 12, month % 12 + 1, 1)
        return f"{year:04d}-{month:02d}-01", (following - timedelta(days=1)).isoformat()
    return iso[:10], iso[:10]


def clause_around(sentence: str, start: int, end: int, others: list[tuple[int, int]]) -> str:
    """The part of a sentence that belongs to the date at [start, end) (:func:`clause_span`)."""
    lo, hi = clause_span(sentence, start, end, others)
    return sentence[lo:hi]


def clause_span(sentence: str, start: int, end: int,
                others: list[tuple[int, int]]) -> tuple[int, int]:
    """Where the clause of the date at [start, end) starts and ends in its sentence.

    With one date the clause is the sentence; with several, the sentence is cut at
    clause breaks that lie between this date and its neighbours.
    """
    lo, hi = 0, len(sentence)
    # The last break after any earlier date is the last one after the first of them (and
    # the first break before any later date, the first one before the last of them): one
    # scan each way, not one per neighbour.
    before = [o_end for _, o_end in others if o_end <= start]
    after = [o_start for o_start, o_end in others if o_end > start and o_start >= end]
    if before and (cut := _last_break(sentence, min(before), start)) is not None:
        lo = cut
    if after and (cut := _first_break(sentence, end, max(after))) is not None:
        hi = cut
    # the clause without the punctuation and spaces at its edges
    kept = sentence[lo:hi]
    stripped = kept.lstrip(CLAUSE_TRIM)
    lo += len(kept) - len(stripped)
    return lo, lo + len(stripped.rstrip(CLAUSE_TRIM))


#: What a clause is stripped of at its edges.
CLAUSE_TRIM = " ,;:–—"


def _last_break(text: str, lo: int, hi: int) -> int | None:
    found = None
    for match in SUMMARY_BREAK.finditer(text, lo, hi):
        found = match.end()
    return found


def _first_break(text: str, lo: int, hi: int) -> int | None:
    match = SUMMARY_BREAK.search(text, lo, hi)
    return match.start() if match else None


@lru_cache(maxsize=1)
def _anchor_before() -> re.Pattern:
    """What stands just before a date that anchors a lasting state (dates.json)."""
    data = vocab.load("dates.json")
    openers = "|".join(data["anchor_since_openers"])
    began = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in data["anchor_began"])
    return re.compile(
        rf"(?:\bsince\s+(?:the\s+(?:{openers})\s+of\s+(?:[\w'’-]+\s+){{0,6}}?(?:in\s+)?)?"
        rf"|\b(?:that|which)\s+(?:had\s+|has\s+)?(?:{began})\s+(?:in\s+|on\s+)?)$",
        re.I,
    )


#: How far before a date its anchoring words may start.
ANCHOR_REACH = 120


def is_anchor(text: str, sentence_start: int, start: int) -> bool:
    """True when the date at ``start`` follows "since" (or "since the start of the war
    in") or a relative clause's "that began in": it anchors a state, not a happening."""
    return bool(_anchor_before().search(text, max(sentence_start, start - ANCHOR_REACH), start))


def build_events(article: str, text: str, dates, names) -> list[Event]:
    """Events of one article from its date mentions and name mentions."""
    events: list[Event] = []
    resolved = [d for d in dates if d.date and d.rule not in NOT_EVENT_RULES]
    spans = period_endpoints(text, resolved)
    resolved = [d for d in resolved if id(d) not in spans]
    in_sentence: dict[int, list] = {}
    index = _ByStart([n for n in names if not is_seat(text, n)])   # not "UK-based"
    holders = _RoleHolders(names)
    newlines = [-1] + [m.start() for m in re.finditer("\n", text)]
    for d in resolved:
        in_sentence.setdefault(d.sentence_start, []).append(d)
    abouts: dict[int, list[str]] = {}
    for mention in resolved:
        s_start, s_end = mention.sentence_start, mention.sentence_end
        sentence = text[s_start:s_end]
        others = [
            (d.start - s_start, d.end - s_start)
            for d in in_sentence[s_start]
            if d is not mention
        ]
        lo, hi = clause_span(sentence, mention.start - s_start, mention.end - s_start, others)
        clause = sentence[lo:hi]
        if s_start not in abouts:   # once a sentence, however many dates it has
            abouts[s_start] = _sentence_about(text, s_start, s_end, index, holders, newlines)
        about = _where_the_date_is(list(abouts[s_start]), index, s_start, s_end,
                                   s_start + lo, clause, mention.expression)
        first, last = day_range(mention.date, mention.precision)
        events.append(Event(
            article=article, date=mention.date, precision=mention.precision,
            first_day=first, last_day=last, expression=mention.expression,
            rule=mention.rule, relative=mention.relative,
            quote=sentence, about=about,
            concepts=list(_clause_concepts(clause, mention.expression)),
            anchor=is_anchor(text, s_start, mention.start), start=mention.start,
            end=mention.end, sentence_start=s_start, sentence_end=s_end, clause_start=lo,
            clause_end=hi,
        ))
    return events


def _where_the_date_is(about: list[str], index: _ByStart, s_start: int, s_end: int,
                       at: int, clause: str, expression: str) -> list[str]:
    """``about`` without the places named outside the background clause that holds the
    date, if one does ("Putin arrived in Ankara after a stop earlier on Monday at Hmeimim":
    what happened that day happened at Hmeimim, not in Ankara)."""
    held = next((span for span in background_spans(clause)
                 if _holds(clause, span, expression)), None)
    if held is None:
        return about
    places = index.places.within(s_start, s_end)
    inside = {n.name for n in places if at + held[0] <= n.start < at + held[1]}
    outside = {n.name for n in places} - inside
    return [name for name in about if name not in outside] if inside else about


def _sentence_about(text: str, s_start: int, s_end: int, index: _ByStart,
                    holders: _RoleHolders, newlines: list[int]) -> list[str]:
    """What the sentence at [s_start, s_end) names: its names (not a region around a place
    it introduces), the holders of roles it names, the places it introduces, and for "the
    town" or "there" the place named before it in its paragraph."""
    sentence = text[s_start:s_end]
    introduced = _introduced_places(text, s_start, s_end, index)
    about = _names_between(_not_governments(
        text, _not_regions(text, index.within(s_start, s_end), introduced)))
    about += [p for p in holders.named_in(sentence) if p not in about]
    about += [p for p in introduced if p not in about]
    if BACK_REFERENCE.search(sentence) and not index.places.within(s_start, s_end):
        paragraph = newlines[bisect_left(newlines, s_start) - 1] + 1
        about += [p for p in _place_before(index.places, paragraph, s_start) if p not in about]
    return about


@lru_cache(maxsize=1)
def _place_intro() -> re.Pattern:
    """A place introduced by what it is ("the town of Ain Issa"), by a preposition of place
    ("out of Harasta") or as what a force left, entered or took ("seized Tal Sheer"):
    concepts.json."""
    data = vocab.load("concepts.json")["introduced_places"]
    nouns, prepositions = vocab.alternation(data["nouns"]), vocab.alternation(data["prepositions"])
    verbs = vocab.alternation(data["verbs"])
    word = r"(?:(?:[Aa]l|[Ee]l|[Aa][sdtnrz]h?)-)?[A-Z][\w'’]*"
    return re.compile(rf"\b(?:(?:{nouns}) of|(?:{prepositions})|(?:{verbs})) "
                      rf"(?P<name>{word}(?:[ -]{word}){{0,3}})(?!['’\w])")


def _introduced_places(text: str, start: int, end: int, index: _ByStart) -> list[str]:
    """The places a sentence introduces that the names index does not know."""
    known = [(n.start, n.end) for n in index.within(start, end)]
    nots = _not_places()
    return [m.group("name") for m in _place_intro().finditer(text, start, end)
            if not any(a < m.end("name") and m.start("name") < b for a, b in known)
            and m.group("name").lower() not in nots
            and m.group("name").split()[0].lower() not in nots]


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    """Capitalised words that introduce no place after a preposition of place or a verb of
    taking (:func:`_place_intro`): languages, bodies and titles (concepts.json), months and
    days, nations."""
    data = vocab.load("concepts.json")["introduced_places"]["not_places"]
    return frozenset(data) | vocab.calendar_words() | NATIONAL_ADJECTIVES


def period_endpoints(text: str, dates) -> set[int]:
    """ids of date mentions that open or close a "between X and Y" span."""
    ends: set[int] = set()
    for first, second in zip(dates, dates[1:], strict=False):
        if first.sentence_start != second.sentence_start:
            continue
        if PERIOD_OPENING.search(text, first.sentence_start, first.start) and \
                PERIOD_JOIN.match(text[first.end:second.start]):
            ends.update((id(first), id(second)))
    return ends


class _ByStart:
    """Name mentions in text order, found by where they start: each event looks up its own
    sentence's, so a line of thousands of dates and names costs linear time, not the
    product of the two."""

    def __init__(self, names, places: bool = False):
        self.names = sorted(names, key=lambda n: n.start)
        self.starts = [n.start for n in self.names]
        if not places:
            self.places = _ByStart([n for n in names if n.type in PLACE_TYPES], places=True)

    def within(self, start: int, end: int) -> list:
        return self.names[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def _place_before(places: _ByStart, paragraph_start: int, start: int) -> list[str]:
    """The last place named in the paragraph before ``start``."""
    last = bisect_left(places.starts, start) - 1
    return [places.names[last].name] if last >= 0 and places.starts[last] >= paragraph_start \
        else []


class _RoleHolders:
    """The people an article names with their role, found again where it calls them by the
    role alone ("the defence minister", "the minister"): a role names its holder only when
    one person of the article holds it."""

    def __init__(self, names):
        holders: dict[str, set[str]] = {}
        for m in names:
            if m.type == "person" and m.role:
                words = [w for w in m.role.lower().replace("'s", "").split()
                         if w not in NATIONAL_ADJECTIVES and w not in DETERMINERS]
                for key in {" ".join(words), words[-1] if words else ""} - {""}:
                    holders.setdefault(key, set()).add(m.name)
        self.roles = {key: next(iter(who)) for key, who in holders.items() if len(who) == 1}

    def named_in(self, sentence: str) -> list[str]:
        """The holders of the roles ``sentence`` names after "the" (a word may stand
        between: "the Russian defence minister")."""
        low = sentence.lower()
        return [person for key, person in self.roles.items() if _after_the(low, key)]


def _after_the(low: str, phrase: str) -> bool:
    """Is ``phrase`` a whole phrase of ``low`` with "the" one or two words before it?"""
    at = low.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        whole = (at == 0 or not low[at - 1].isalnum()) and not low[end:end + 1].isalnum()
        if whole and "the" in low[max(0, at - 40):at].split()[-2:]:
            return True
        at = low.find(phrase, end)
    return False


@lru_cache(maxsize=1)
def _region_words() -> tuple[re.Pattern, re.Pattern]:
    """What makes a place a region around another ("the Daraa countryside", "the province of
    Homs"): the words after it, the words before it (concepts.json)."""
    words = vocab.alternation(vocab.load("concepts.json")["introduced_places"]["region_words"])
    return (re.compile(rf"(?:\s*(?:,|\band\b)\s*[A-Z][\w'’-]*)*\s+(?i:{words})s?\b"),
            re.compile(rf"\b(?i:{words})\s+of\s+(?:the\s+)?$"))


def _not_regions(text: str, names: list, introduced: list[str]) -> list:
    """The mentions of a sentence without the places it writes as a region around a place
    it introduces ("the town of Tafas in the western Daraa countryside": Tafas)."""
    if not introduced:
        return names
    after, before = _region_words()
    return [n for n in names if n.type not in PLACE_TYPES or not (
        after.match(text, n.end) or before.search(text, max(0, n.start - 30), n.start))]


@lru_cache(maxsize=1)
def _capitals() -> tuple[dict[str, str], re.Pattern]:
    """(capital -> the country it stands for, what introduces a capital as a place)."""
    data = vocab.load("concepts.json")["capitals"]
    words = vocab.alternation(data["place_words"])
    return data["names"], re.compile(rf"\b(?i:{words})\s+(?:the\s+)?$")


def _not_governments(text: str, names: list) -> list:
    """The mentions of a sentence with a capital standing for its government ("Moscow and
    Ankara traded accusations") as its country: a capital is a place where a preposition of
    place introduces it ("in Ankara")."""
    capitals, place = _capitals()
    return [n if n.name not in capitals or place.search(text, max(0, n.start - 16), n.start)
            else replace(n, name=capitals[n.name]) for n in names]


def _names_between(names) -> list[str]:
    """The names of these mentions, once each, weapon systems left out."""
    return list(dict.fromkeys(n.name for n in names if n.type != "weapon system"))
