"""Places, people and groups named in an article, whatever the spelling.

The variant table is data, ``syriacli/data/names.json``: a JSON array, one object per
canonical name::

    {"name": "Hmeimim", "type": "base", "variants": ["Khmeimim", "Hemeimeem"],
     "org": null, "role": null, "case_sensitive": []}

- ``name``: the canonical spelling, shown everywhere; it is always a variant itself.
- ``type``: one of TYPES below.
- ``variants``: other spellings. Matching ignores case and accents and whether words are
  joined by a space, a hyphen or nothing ("Deir ez-Zor" also finds "Deir Ezzor"). Persons,
  places and countries must be capitalised in the text ("Trump" but not "trump card").
- ``case_sensitive`` (optional): spellings matched only in exactly this case and never on
  all-caps lines: "IS" the group, not "is" the verb; "US", not "us". Search leaves them out.
- ``role``, ``org`` (optional): a person's usual role and the canonical name of their
  organisation.
- ``geo`` (optional; every shipped place and base has one): where it is on a map,
  ``{"lat": 34.5624, "lon": 38.28402, "precision": "city", "source": "GeoNames 163808"}``,
  precision one of PLACE_PRECISIONS. ``tools/places_from_geonames.py`` writes them.
  Optionally ``country``, ``admin1``, ``admin2``: its country and divisions (for a Syrian
  place the governorate and district, spelled as ACLED does), what `export acled` reads.

``load_table(extra="mine.json")`` adds a file in the same format: an entry whose name or
a variant is already known adds its spellings (and role, org, type when given) to that
name; any other entry is a new name and needs a ``type``. A person's Russian first name
also matches its other transliterations ("Sergei"/"Sergey"; spellings.py has them and
the folding of case and accents).

A spelling the table does not list is read by its transliteration key
(spellings.variant_key: "Khmeimeem" is Hmeimim), both where a user types it (:func:`lookup`)
and where an article writes it in a run of capitalised words (:func:`find_names`).

People the table does not know are found where the text introduces them by a title or
role ("Deputy Defence Minister Nikolay Pankov", "Igor Ivanov, a Kremlin aide,", "the
mayor of Aleppo, Hussein Diab", "Omar Abu Laila, who runs ..."); their bare surnames
("Mr Pankov", "Pankov said") link back to them within the same article. Those rules
are in persons.py.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path

from syriacli import vocab
from syriacli.errors import SyriacliError
from syriacli.extract.mentions import CAPITAL_ONLY, HONORIFICS
from syriacli.extract.name_entries import Geo, Name
from syriacli.extract.persons import (
    CUE_WORDS,
    Found,
    MatchedText,
    first_roles,
    identity_of,
    surname_links,
    unknown_persons,
)
from syriacli.extract.sentences import Sentence, sentence_at, split_sentences
from syriacli.extract.spellings import (
    FIRST_NAME_ALTS,
    SPELLING_JOINERS,
    fold,
    spelling_key,
    variant_key,
)
from syriacli.extract.transliterations import RunNames
from syriacli.places import PLACE_TYPES

TYPES = (
    "place", "country", "base", "person", "armed group", "state body", "NGO/monitor",
    "weapon system",
)
#: What a place's coordinates stand for: a city or town ("city"), an installation ("base"),
#: a border crossing ("crossing"), a rough centre of an area ("region"), a point on a river
#: or sea ("water").
PLACE_PRECISIONS = ("city", "base", "crossing", "region", "water")
#: Proper nouns: a lowercase occurrence ("trump card", "turkey dinner") is not the name.
CAPITALISED_TYPES = frozenset({"person", "place", "country"})
#: Types a role can name as a person's organisation, best first. Not countries: a
#: "Syria analyst" does not work for Syria.
ORG_TYPES = ("state body", "armed group", "NGO/monitor")
ALL_CAPS_WORD = re.compile(r"[A-Z]{2,}")
_SEPARATOR, _APOSTROPHE = object(), object()


class BadNameTable(SyriacliError, ValueError):
    """A names file that is not valid JSON in the variant-table format."""


@dataclass(frozen=True)
class NameMention:
    start: int
    end: int
    text: str
    name: str
    type: str
    key: str
    role: str | None
    org: str | None
    known: bool
    sentence_start: int
    sentence_end: int


_MENTION_FIELDS = tuple(f.name for f in fields(NameMention))


def _mention(*values) -> NameMention:
    """``NameMention(*values)`` at half the cost: the frozen dataclass's __init__ sets each
    field through object.__setattr__, and an article has some sixty mentions."""
    mention = object.__new__(NameMention)
    mention.__dict__.update(zip(_MENTION_FIELDS, values, strict=True))
    return mention


class NameTable:
    """The variant table compiled for matching: one prefix-trie regex for all spellings."""

    def __init__(self, names: list[Name]):
        self.names = tuple(names)
        self.by_key = {n.key: n for n in self.names}
        self.lookup_index: dict[str, Name] = {}
        self._spelling: dict[str, tuple[Name, bool]] = {}  # key -> (name, must be capitalised)
        self._exact: dict[str, Name] = {}
        self._readings: dict[str, tuple[Name | None, bool, bool | None]] = {}
        for entry in self.names:
            for variant in entry.variants:
                key = spelling_key(variant)
                self.lookup_index.setdefault(key, entry)
                if variant in entry.case_sensitive:
                    self._exact.setdefault(variant, entry)
                    continue
                capital = entry.type in CAPITALISED_TYPES and variant[:1].isupper()
                old, old_capital = self._spelling.get(key, (entry, True))
                if old is entry:  # the first name to claim a spelling keeps it
                    self._spelling[key] = (entry, old_capital and capital)
            self.lookup_index.setdefault(entry.key, entry)

    @cached_property
    def pattern(self) -> re.Pattern:
        """One scan finds every spelling, the case-sensitive ones (checked against the
        original text afterwards) and the titles that introduce people. Compiled on first
        use: a search only needs ``lookup_index``, and compiling costs ~50 ms."""
        folded = {fold(v) for n in self.names for v in n.variants}
        spellings = folded | CUE_WORDS | {f"{w}." for w in CUE_WORDS}
        return re.compile(r"(?<!\w)" + _trie_regex(spellings))

    def reading(self, folded: str) -> tuple[Name | None, bool, bool | None]:
        """What a folded match of :attr:`pattern` is, remembered (a table's spellings recur
        in every article): (its name, must be capitalised, None) for a spelling; for a word
        that introduces a person (None, False, must be capitalised); else (None, False, None)."""
        known = self._readings.get(folded)
        if known is None:
            entry, capital = self._spelling.get(folded.translate(SPELLING_JOINERS),
                                                (None, False))
            word = folded.rstrip(".")
            cue = None if entry is not None or word not in CUE_WORDS else (
                word in CAPITAL_ONLY or word in HONORIFICS)
            known = self._readings[folded] = (entry, capital, cue)
        return known

    @cached_property
    def run_names(self) -> RunNames[Name]:
        """Names in runs of capitalised words by their transliteration (transliterations.py)."""
        return RunNames(self.variant_index)

    @cached_property
    def variant_index(self) -> dict[str, Name]:
        """Each name by :func:`variant_key` (see :func:`_variant_index`); made on first use:
        folding every spelling costs more than the rest of the table."""
        return _variant_index(self.names)

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def _variant_index(names) -> dict[str, Name]:
    """Each name's spellings by :func:`variant_key` (how any transliteration of it is looked
    up), without the keys two names share ("Duma", the parliament, and Douma the town,
    also written Duma): there the spellings the table lists decide."""
    index: dict[str, Name] = {}
    shared: set[str] = set()
    for entry in names:
        for variant in entry.variants:
            if variant in entry.case_sensitive:
                continue
            key = variant_key(variant)
            if index.setdefault(key, entry) is not entry:
                shared.add(key)
    return {key: entry for key, entry in index.items() if key not in shared}


def _trie_regex(spellings) -> str:
    """One regex for many folded spellings, factored by prefix; the longest match wins."""
    trie: dict = {}
    for spelling in spellings:
        spelling = re.sub(r"[ -]+", " ", spelling.strip(" -"))
        node = trie
        for ch in spelling:
            atom = _SEPARATOR if ch == " " else _APOSTROPHE if ch == "'" else ch
            node = node.setdefault(atom, {})
        if node is not trie:
            last = spelling[-1]
            node[None] = r"(?!\d)" if last.isdigit() else r"(?!\w)" if last.isalpha() else ""
    return _emit(trie)


def _emit(node: dict) -> str:
    alternatives = [
        (r"[ \t-]?" if atom is _SEPARATOR else "'?" if atom is _APOSTROPHE else re.escape(atom))
        + _emit(child)
        for atom, child in node.items() if atom is not None
    ]
    if None in node:
        alternatives.append(node[None])  # ending here is tried last, after every longer spelling
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _read_entries(source, text: str) -> list[dict]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadNameTable(f"{source}: not valid JSON ({error})") from None
    except RecursionError:
        raise BadNameTable(f"{source}: nested too deep to be a names file") from None
    if not isinstance(data, list):
        raise BadNameTable(f"{source}: expected a JSON array of name entries")
    for number, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) \
                or not entry["name"].strip():
            raise BadNameTable(f'{source}: entry {number} needs a "name" string')
        for field in ("variants", "case_sensitive"):
            values = entry.get(field, [])
            if not isinstance(values, list) \
                    or not all(isinstance(v, str) and v.strip() for v in values):
                raise BadNameTable(f'{source}: entry {number} ({entry["name"]}): '
                                   f'"{field}" must be a list of strings')
        if entry.get("type") is not None and entry["type"] not in TYPES:
            raise BadNameTable(f"{source}: entry {number} ({entry['name']}): "
                               f"type must be one of {', '.join(TYPES)}")
        if "geo" in entry and not _valid_geo(entry["geo"]):
            raise BadNameTable(
                f"{source}: entry {number} ({entry['name']}): \"geo\" must be"
                ' {"lat": -90..90, "lon": -180..180, "precision": one of'
                f" {', '.join(PLACE_PRECISIONS)}}}")
    return data


def _valid_geo(geo) -> bool:
    def degrees(value, limit: int) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool) \
            and -limit <= value <= limit

    return isinstance(geo, dict) and degrees(geo.get("lat"), 90) \
        and degrees(geo.get("lon"), 180) and geo.get("precision") in PLACE_PRECISIONS


def _merge(entries: list[dict], extra: list[dict], source) -> list[dict]:
    merged = [
        dict(e, variants=list(e.get("variants", [])),
             case_sensitive=list(e.get("case_sensitive", [])))
        for e in entries
    ]
    by_spelling = {
        spelling_key(s): e for e in reversed(merged) for s in [e["name"], *e["variants"]]
    }
    for number, new in enumerate(extra, 1):
        spellings = [new["name"], *new.get("variants", [])]
        keys = map(spelling_key, spellings)
        target = next((by_spelling[k] for k in keys if k in by_spelling), None)
        if target is None:
            if new.get("type") is None:
                raise BadNameTable(f'{source}: entry {number} ({new["name"]}) '
                                   'is a new name and needs a "type"')
            target = {"name": new["name"], "variants": [], "case_sensitive": []}
            merged.append(target)
        target.update(
            {f: new[f] for f in ("type", "role", "org", "geo") if new.get(f) is not None})
        target["variants"] += [s for s in spellings if s not in target["variants"]]
        target["case_sensitive"] += new.get("case_sensitive", [])
        by_spelling.update(
            {spelling_key(s): target for s in spellings if spelling_key(s) not in by_spelling})
    return merged


def _build(entries: list[dict]) -> NameTable:
    names = []
    for entry in entries:
        variants = [entry["name"], *entry.get("variants", []), *entry.get("case_sensitive", [])]
        if entry["type"] == "person":  # "Sergei Shoigu" also spelled "Sergey Shoigu"
            variants += [f"{alt} {rest}" for v in variants for first, _, rest in [v.partition(" ")]
                         for alt in FIRST_NAME_ALTS.get(first, ()) if rest and alt != first]
        if entry["type"] in PLACE_TYPES:  # "Deir ez-Zor" also spelled "Deir Az Zor"
            variants += [alt for v in variants for alt in article_spellings(v)]
        names.append(Name(entry["name"], entry["type"], tuple(dict.fromkeys(variants)),
                          entry.get("role"), entry.get("org"),
                          case_sensitive=tuple(entry.get("case_sensitive", ())),
                          geo=_geo(entry.get("geo"))))
    return NameTable(names)


#: The Arabic article inside a place's name ("ez-" of "Deir ez-Zor", "al-" of "Maarat
#: al-Numan"): a or e, then l or the next word's first letter (it assimilates), then a
#: hyphen or a space. Transliterations write it every way.
ARABIC_ARTICLE = re.compile(r"(?<= )(?P<vowel>[aAeE])(?P<cons>[lL]|[a-zA-Z])[- ](?P<next>[A-Za-z])")
SUN_LETTERS = frozenset("tdrzsn")


def article_spellings(variant: str) -> list[str]:
    """The other ways of writing the Arabic article in a place's name: "Deir ez-Zor" ->
    "Deir az Zor", "Deir al-Zor", "Deir el Zor", ... (the article's consonant is l or the
    letter after it, its vowel a or e, then a hyphen or a space)."""
    m = ARABIC_ARTICLE.search(variant)
    after = m.group("next").lower() if m else ""
    if not m or m.group("cons").lower() not in ("l", after):
        return []
    head, tail = variant[:m.start()], variant[m.end() - 1:]
    capital = m.group("vowel").isupper()
    # it assimilates only to a "sun letter" ("ash-Sham", "ad-Dana"), never to a vowel
    consonants = ("l", after) if after in SUN_LETTERS else ("l",)
    return [f"{head}{vowel.upper() if capital else vowel}{cons}{joint}{tail}"
            for vowel in "ae" for cons in consonants for joint in "- "]


def _geo(geo: dict | None) -> Geo | None:
    if not geo:
        return None
    return Geo(float(geo["lat"]), float(geo["lon"]), geo["precision"],
               geo.get("country"), geo.get("admin1"), geo.get("admin2"))


@lru_cache(maxsize=1)
def _default_entries() -> tuple[dict, ...]:
    text = vocab.text("names.json")
    return tuple(_read_entries("names.json", text))


@lru_cache(maxsize=1)
def _default_table() -> NameTable:
    return _build(list(_default_entries()))


def load_table(extra: str | Path | None = None) -> NameTable:
    """The shipped variant table, plus the entries of the JSON file ``extra`` if given."""
    if extra is None:
        return _default_table()
    try:
        text = Path(extra).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BadNameTable(f"{extra}: cannot read names file ({error})") from None
    return _build(_merge(list(_default_entries()), _read_entries(extra, text), extra))


def lookup(phrase: str, table: NameTable | None = None) -> Name | None:
    """The entry a user's spelling stands for, in any case: "daesh", "Khmeimim", "IS"; a
    spelling the table does not list by its transliteration ("Hmeymim": :func:`variant_key`)."""
    phrase = re.sub(r"^the\s+|['’]s$", "", phrase.strip(), flags=re.I)
    if not phrase:
        return None
    table = table or load_table()
    found = table.lookup_index.get(spelling_key(phrase))
    return found if found is not None else table.variant_index.get(variant_key(phrase))


def search_variants(name: Name) -> list[str]:
    """Spellings safe for full-text search: not the case-sensitive ones ("IS" would find "is")."""
    unique = {fold(v): v for v in reversed(name.variants) if v not in name.case_sensitive}
    return list(reversed(unique.values()))


def find_names(
    text: str, sentences: list[Sentence] | None = None, table: NameTable | None = None
) -> list[NameMention]:
    """Every place, person and group named in ``text``, in text order."""
    table = table or load_table()
    cues: list[int] = []
    listed = _table_matches(text, table, cues)
    found = sorted(listed + _transliterated(text, listed, table), key=lambda f: f.start)
    article = MatchedText(text, found, cues)
    found = sorted(article.found + unknown_persons(article), key=lambda f: f.start)
    found = sorted(found + surname_links(article, found), key=lambda f: f.start)
    roles = first_roles(article, found)
    if sentences is None:
        sentences = split_sentences(text)
    return _mentions(text, found, sentences, table, roles)


def _table_matches(text: str, table: NameTable, cues: list[int] | None = None) -> list[Found]:
    """Table names in ``text``, longest first; where title words end goes to ``cues``."""
    found = []
    caps_lines = _CapsLines(text)
    for match in table.pattern.finditer(fold(text)):
        start, end = match.span()
        exact = table._exact.get(text[start:end])
        if exact is not None:
            if start not in caps_lines:
                found.append(Found(start, end, exact))
            continue
        entry, capital, cue = table.reading(match.group())
        if entry is not None:
            if not capital or text[start].isupper():
                found.append(Found(start, end, entry))
        elif cue is not None and cues is not None and text[end:end + 1] in (" ", ","):
            if not cue or text[start].isupper():   # ", a spokesman, said"
                cues.append(end)
    return found


def _transliterated(text: str, listed: list[Found], table: NameTable) -> list[Found]:
    """Names written in a transliteration the table does not list (see transliterations.py)."""
    return [Found(start, end, entry)
            for start, end, entry in table.run_names(text, listed)]


class _CapsLines:
    """Which lines of a text are all-caps headlines, where "IS" may be the verb: each line
    read once, found by where lines break (a page of one long line would otherwise be
    read through once for each name in it)."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.caps: dict[int, bool] = {}

    def __contains__(self, pos: int) -> bool:
        after = bisect_left(self.breaks, pos)
        start = self.breaks[after - 1] + 1 if after else 0
        if start not in self.caps:
            end = self.breaks[after] if after < len(self.breaks) else len(self.text)
            line = self.text[start:end]
            self.caps[start] = line == line.upper() and len(ALL_CAPS_WORD.findall(line)) >= 2
        return self.caps[start]


@lru_cache(maxsize=1024)
def _org_of(role: str, table: NameTable) -> str | None:
    types = {m.entry.type: m.entry.name for m in reversed(_table_matches(role, table)) if m.entry}
    return next((types[t] for t in ORG_TYPES if t in types), None)


def _mentions(text, found, sentences, table, roles) -> list[NameMention]:
    orgs = {identity: _org_of(role, table) for identity, role in roles.items()}
    persons: dict[str, str] = {}
    mentions, i = [], 0
    for f in found:
        while i < len(sentences) and sentences[i].end <= f.start:  # both in text order
            i += 1
        sentence = sentences[i] if i < len(sentences) and sentences[i].start <= f.start \
            else sentence_at(sentences, f.start)
        bounds = (sentence.start, sentence.end) if sentence else (f.start, f.end)
        if f.entry is not None and f.entry.type != "person":
            name, kind, key, role, org = f.entry.name, f.entry.type, f.entry.key, None, f.entry.org
        else:
            key = identity_of(f)
            role, org = roles.get(key), orgs.get(key)
            if f.entry is not None:
                name, kind, org = f.entry.name, f.entry.type, org or f.entry.org
            else:
                name, kind = persons.setdefault(key, f.person), "person"
        mentions.append(_mention(f.start, f.end, text[f.start:f.end], name, kind, key, role, org,
                                 f.entry is not None, *bounds))
    return mentions
