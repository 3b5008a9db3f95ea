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

``load_table(extra="mine.json")`` adds a file in the same format: an entry whose name or
a variant is already known adds its spellings (and role, org, type when given) to that
name; any other entry is a new name and needs a ``type``. A person's Russian first name
also matches its other transliterations ("Sergei"/"Sergey", see FIRST_NAME_FORMS).

People the table does not know are found where the text introduces them by a title or
role ("Deputy Defence Minister Nikolay Pankov", "Igor Ivanov, a Kremlin aide,", "the
mayor of Aleppo, Hussein Diab", "Omar Abu Laila, who runs ..."); their bare surnames
("Mr Pankov", "Pankov said") link back to them within the same article.
"""
from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from syriacli.errors import SyriacliError
from syriacli.extract.sentences import ABBREVIATIONS, Sentence, sentence_at, split_sentences

TYPES = ("place", "country", "base", "person", "armed group", "state body", "NGO/monitor", "weapon system")
#: Proper nouns: a lowercase occurrence ("trump card", "turkey dinner") is not the name.
CAPITALISED_TYPES = frozenset({"person", "place", "country"})
#: Types a role can name as a person's organisation, best first. Not countries: a
#: "Syria analyst" does not work for Syria.
ORG_TYPES = ("state body", "armed group", "NGO/monitor")

#: Spellings of one first name; a person variant using one also matches the others.
FIRST_NAME_FORMS = (
    ("Sergei", "Sergey", "Sergej"), ("Nikolai", "Nikolay"), ("Dmitry", "Dmitri", "Dmitriy"),
    ("Alexander", "Aleksandr", "Aleksander"), ("Valery", "Valeri", "Valeriy"), ("Yuri", "Yury", "Yuriy"),
    ("Alexei", "Alexey", "Aleksei", "Aleksey"), ("Andrei", "Andrey"), ("Yevgeny", "Evgeny", "Yevgeniy", "Evgeni"),
    ("Vitaly", "Vitali", "Vitaliy"), ("Vassily", "Vasily", "Vasiliy"), ("Gennady", "Gennadiy", "Gennadi"),
    ("Anatoly", "Anatoliy"), ("Georgy", "Georgiy", "Georgi"), ("Maria", "Mariya"), ("Viktor", "Victor"),
    ("Mohammed", "Mohammad", "Muhammad", "Mohamed"),
)

# The role and title vocabulary: lowercase, without full stops.
#: A word that makes the words before a name a role ("spokesman", "Lt. Gen.").
ROLE_HEADS = frozenset("""
    president minister spokesman spokeswoman spokesperson envoy ambassador chairman chairwoman
    chairperson chair head chief chief-of-staff adviser advisor aide conductor commander leader
    secretary secretary-general director director-general mayor governor premier chancellor
    senator congressman congresswoman lawmaker deputy official representative coordinator
    negotiator mediator diplomat journalist reporter correspondent photographer activist analyst
    researcher professor prof pilot navigator general gen major maj colonel col lieutenant lt
    captain capt admiral adm marshal sergeant sgt brigadier brig counterpart patriarch imam
    cleric mufti sheikh emir king prince queen pope ayatollah founder monitor""".split())
#: Titles only when capitalised ("General Gerasimov", not "in general Syrians").
CAPITAL_ONLY = frozenset("""general gen major maj colonel col lieutenant lt captain capt admiral adm
    marshal sergeant sgt brigadier brig king prince queen pope sheikh emir""".split())
#: Courtesy titles introduce a name but are not a role.
HONORIFICS = frozenset("mr mrs ms dr sir mme".split())
#: The other words a role is built from ("Deputy Defence Minister").
ROLE_WORDS = frozenset("""
    vice first senior former acting special foreign defence defense interior affairs security
    military political media press presidential parliamentary upper lower house committee council
    ministry department staff forces force air naval navy army armed opposition rebel main top
    national information humanitarian prime assistant executive state public relations intelligence
    operations directorate aerospace ground group joint regional local chief-of-staff""".split())
#: Little words allowed inside a role ("ambassador to the UN"), never at its start.
ROLE_LINKS = frozenset("and of for to the on in at &".split())
NATIONALITIES = frozenset("""russian syrian turkish american us u.s. british uk french german iranian
    iraqi israeli lebanese jordanian saudi qatari egyptian kurdish chinese ukrainian kazakh
    european arab chechen western""".split())
#: Capitalised words that are never part of a person's name.
NOT_NAME_WORDS = frozenset("""
    the a an in on at and but or of for to by from with as if it its this that these those he she
    they we his her their our after before while when where why what how who meanwhile however also
    yet then there here speaking according monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december north
    south east west northern southern eastern central ministry army council department front state
    forces force command committee party government agency office observatory union nations
    republic base news tv airport province governorate city university institute centre center
    group brigade division corps staff guard police navy air fleet regime coalition court
    parliament assembly duma kremlin god allah islam ramadan eid syrians russians is are was were
    be being been not no all new one two sana ria novosti interfax tass reuters afp bbc sputnik
    xinhua anadolu jazeera arabiya mayadeen manar masdar""".split()
) | NATIONALITIES | HONORIFICS | ROLE_HEADS | ROLE_WORDS
#: Lowercase particles inside a name ("Staffan de Mistura").
PARTICLES = ("de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la",
             "le", "du", "dos", "ben", "abu", "bint")
#: Name parts that belong to the surname after them ("Abu Laila", "de Mistura").
SURNAME_PREFIXES = frozenset("abu de da di del van von bin ibn al el abdel abdul ben".split())
#: Words showing that a phrase after a comma is a clause, not a role ("Putin, the president said").
CLAUSE_WORDS = frozenset("said says say told added stated noted warned who which".split())

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LO = "a-zß-öø-ÿ\u0100-\u017f"
NAME_WORD = (rf"(?:[Oo]['’])?(?:(?:[Aa][lsdrtzn]|[Ee]l|[Aa]sh|[Bb]in|[Ii]bn|[Aa]bu)-)?"
             rf"[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:-[{_UP}{_LO}][{_LO}]+)*")
NAME_PART = rf"(?:{NAME_WORD}|[{_UP}]\.)"
#: Up to five capitalised name parts, maybe with particles between them.
PERSON_NAME = re.compile(rf"{NAME_PART}(?: (?:(?:{'|'.join(PARTICLES)}) )*{NAME_PART}){{0,4}}")
PERSON_NAME_BEFORE = re.compile(rf"(?<![\w'’.-]){PERSON_NAME.pattern}$")
WHO_CLAUSE = re.compile(r", who (?:is |was |has been |had been )?(?:(?:the|a|an) )?([^,.;:!?\n]{3,80})")
COMMA_BEFORE_NAME = re.compile(r", (?=[A-Z])")
APPOSITIVE_END = re.compile(r"[,.;:!?\n()]")
TOKEN = re.compile(r"\S+")
ROLE_TOKEN = re.compile(r"[\w.&'’-]+")
ALL_CAPS_WORD = re.compile(r"[A-Z]{2,}")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
CUE_WORDS = ROLE_HEADS | HONORIFICS
ROLE_TAIL_WORDS = ROLE_LINKS | ROLE_WORDS | ROLE_HEADS | NATIONALITIES | HONORIFICS
APPOSITIVE_WORDS = ROLE_TAIL_WORDS | {"a", "an"}
SPELLING_JOINERS = str.maketrans("", "", " \t-'")
_FIRST_NAME_CANON = {form.lower(): forms[0] for forms in FIRST_NAME_FORMS for form in forms}
_FIRST_NAME_ALTS = {form: forms for forms in FIRST_NAME_FORMS for form in forms}
_SEPARATOR, _APOSTROPHE = object(), object()


def _fold_table() -> dict[int, str]:
    """Accented Latin letters to their ASCII letter, one character for one."""
    table = {0x2018: "'", 0x2019: "'", 0x02BC: "'", 0x2010: "-", 0x2011: "-", 0x2013: "-", 0x2014: "-",
             0x2212: "-", 0x00A0: " ", 0x0131: "i", 0x00F8: "o", 0x00D8: "o", 0x0142: "l", 0x0141: "l",
             0x0111: "d", 0x0110: "d", 0x0127: "h"}
    for code in range(0xC0, 0x250):
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        if len(base) == 1 and base.isascii():
            table.setdefault(code, base.lower())
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """Lowercase, accent-free ``text`` of the same length, so offsets carry over."""
    low = text.lower()
    if len(low) != len(text):  # "İ".lower() is two characters
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # str.translate would visit every character; only the few non-ASCII ones need it
    return low if low.isascii() else NON_ASCII.sub(lambda m: FOLD.get(ord(m.group()), m.group()), low)


def spelling_key(spelling: str) -> str:
    """What a spelling is looked up by: folded, without spaces, hyphens or apostrophes."""
    return fold(spelling.strip()).translate(SPELLING_JOINERS)


def name_key(name: str) -> str:
    """The stable search token of a name: "Deir ez-Zor" -> "deirezzor", "Sergey X" -> "sergeix"."""
    first, _, rest = name.partition(" ")
    folded = fold(f"{_FIRST_NAME_CANON.get(first.lower(), first)} {rest}" if rest else name)
    return re.sub(r"[^a-z0-9]+", "", folded) or re.sub(r"\W+", "", folded)


class BadNameTable(SyriacliError, ValueError):
    """A names file that is not valid JSON in the variant-table format."""


@dataclass(frozen=True)
class Name:
    name: str
    type: str
    variants: tuple[str, ...]
    role: str | None = None
    org: str | None = None
    key: str = ""  # filled in from the name when not given
    case_sensitive: tuple[str, ...] = ()

    def __post_init__(self):
        if not self.key:
            object.__setattr__(self, "key", name_key(self.name))


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


class NameTable:
    """The variant table compiled for matching: one prefix-trie regex for all spellings."""

    def __init__(self, names: list[Name]):
        self.names = tuple(names)
        self.by_key = {n.key: n for n in self.names}
        self.lookup_index: dict[str, Name] = {}
        self._spelling: dict[str, tuple[Name, bool]] = {}  # key -> (name, must be capitalised)
        self._exact: dict[str, Name] = {}
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
        # One scan finds every spelling, the case-sensitive ones (checked against the
        # original text afterwards) and the titles that introduce people.
        spellings = {fold(v) for n in self.names for v in n.variants} | CUE_WORDS | {f"{w}." for w in CUE_WORDS}
        self.pattern = re.compile(r"(?<!\w)" + _trie_regex(spellings))

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def _trie_regex(spellings) -> str:
    """One regex for many folded spellings, factored by prefix; the longest match wins."""
    trie: dict = {}
    for spelling in spellings:
        spelling = re.sub(r"[ -]+", " ", spelling.strip(" -"))
        node = trie
        for ch in spelling:
            node = node.setdefault(_SEPARATOR if ch == " " else _APOSTROPHE if ch == "'" else ch, {})
        if node is not trie:
            node[None] = r"(?!\d)" if spelling[-1].isdigit() else r"(?!\w)" if spelling[-1].isalpha() else ""
    return _emit(trie)


def _emit(node: dict) -> str:
    alternatives = [(r"[ \t-]?" if atom is _SEPARATOR else "'?" if atom is _APOSTROPHE else re.escape(atom))
                    + _emit(child) for atom, child in node.items() if atom is not None]
    if None in node:
        alternatives.append(node[None])  # ending here is tried last, after every longer spelling
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _read_entries(source, text: str) -> list[dict]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadNameTable(f"{source}: not valid JSON ({error})") from None
    if not isinstance(data, list):
        raise BadNameTable(f"{source}: expected a JSON array of name entries")
    for number, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise BadNameTable(f'{source}: entry {number} needs a "name" string')
        for field in ("variants", "case_sensitive"):
            values = entry.get(field, [])
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise BadNameTable(f'{source}: entry {number} ({entry["name"]}): "{field}" must be a list of strings')
        if entry.get("type") is not None and entry["type"] not in TYPES:
            raise BadNameTable(f"{source}: entry {number} ({entry['name']}): type must be one of {', '.join(TYPES)}")
    return data


def _merge(entries: list[dict], extra: list[dict], source) -> list[dict]:
    merged = [dict(e, variants=list(e.get("variants", [])), case_sensitive=list(e.get("case_sensitive", [])))
              for e in entries]
    by_spelling = {spelling_key(s): e for e in reversed(merged) for s in [e["name"], *e["variants"]]}
    for number, new in enumerate(extra, 1):
        spellings = [new["name"], *new.get("variants", [])]
        target = next((by_spelling[k] for k in map(spelling_key, spellings) if k in by_spelling), None)
        if target is None:
            if new.get("type") is None:
                raise BadNameTable(f'{source}: entry {number} ({new["name"]}) is a new name and needs a "type"')
            target = {"name": new["name"], "variants": [], "case_sensitive": []}
            merged.append(target)
        target.update({f: new[f] for f in ("type", "role", "org") if new.get(f) is not None})
        target["variants"] += [s for s in spellings if s not in target["variants"]]
        target["case_sensitive"] += new.get("case_sensitive", [])
        by_spelling.update({spelling_key(s): target for s in spellings if spelling_key(s) not in by_spelling})
    return merged


def _build(entries: list[dict]) -> NameTable:
    names = []
    for entry in entries:
        variants = [entry["name"], *entry.get("variants", []), *entry.get("case_sensitive", [])]
        if entry["type"] == "person":  # "Sergei Shoigu" also spelled "Sergey Shoigu"
            variants += [f"{alt} {rest}" for v in variants for first, _, rest in [v.partition(" ")]
                         for alt in _FIRST_NAME_ALTS.get(first, ()) if rest and alt != first]
        names.append(Name(entry["name"], entry["type"], tuple(dict.fromkeys(variants)), entry.get("role"),
                          entry.get("org"), case_sensitive=tuple(entry.get("case_sensitive", ()))))
    return NameTable(names)


@lru_cache(maxsize=1)
def _default_entries() -> tuple[dict, ...]:
    text = resources.files("syriacli").joinpath("data/names.json").read_text(encoding="utf-8")
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
    """The entry a user's spelling stands for, in any case: "daesh", "Khmeimim", "IS"."""
    phrase = re.sub(r"^the\s+|['’]s$", "", phrase.strip(), flags=re.I)
    return (table or load_table()).lookup_index.get(spelling_key(phrase)) if phrase else None


def search_variants(name: Name) -> list[str]:
    """Spellings safe for full-text search: not the case-sensitive ones ("IS" would find "is")."""
    unique = {fold(v): v for v in reversed(name.variants) if v not in name.case_sensitive}
    return list(reversed(unique.values()))


@dataclass
class _Found:
    start: int
    end: int
    entry: Name | None  # None: a person the table does not know
    person: str = ""    # such a person's name, as introduced
    role: str | None = None


class _Article:
    """One text and the table names found in it, which the person rules consult."""

    def __init__(self, text: str, table: NameTable):
        self.text, self.table, self.cues = text, table, []
        self.found = _table_matches(text, table, self.cues)
        self.starts = [f.start for f in self.found]
        self.by_start = {f.start: f for f in self.found}
        self.ends = {f.end: f for f in self.found}  # also after a possessive: "Assad's"
        self.ends.update({f.end + 2: f for f in self.found if text[f.end:f.end + 2] in ("'s", "’s")})

    def overlapping(self, start: int, end: int) -> _Found | None:
        i = bisect_right(self.starts, end - 1) - 1
        return self.found[i] if i >= 0 and self.found[i].end > start else None


def find_names(text: str, sentences: list[Sentence] | None = None, table: NameTable | None = None) -> list[NameMention]:
    """Every place, person and group named in ``text``, in text order."""
    article = _Article(text, table or load_table())
    found = sorted(article.found + _unknown_persons(article), key=lambda f: f.start)
    found = sorted(found + _surname_links(article, found), key=lambda f: f.start)
    roles: dict[str, str] = {}  # a person keeps the role of their first introduction
    for f in found:
        if f.entry is None or f.entry.type == "person":
            identity = _identity(f)
            if identity not in roles:
                f.role = f.role or _role_before(article, f.start) or _role_after(text, f.end)
                if f.role:
                    roles[identity] = f.role
    return _mentions(text, found, split_sentences(text) if sentences is None else sentences, article.table, roles)


def _table_matches(text: str, table: NameTable, cues: list[int] | None = None) -> list[_Found]:
    """Table names in ``text``, longest first; where title words end goes to ``cues``."""
    found = []
    for match in table.pattern.finditer(fold(text)):
        start, end = match.span()
        exact = table._exact.get(text[start:end])
        if exact is not None:
            if not _all_caps_line(text, start):
                found.append(_Found(start, end, exact))
            continue
        entry, capital = table._spelling.get(match.group().translate(SPELLING_JOINERS), (None, False))
        if entry is not None:
            if not capital or text[start].isupper():
                found.append(_Found(start, end, entry))
        elif cues is not None and text[end:end + 1] == " ":
            word = match.group().rstrip(".")
            if word in CUE_WORDS and (word not in CAPITAL_ONLY and word not in HONORIFICS or text[start].isupper()):
                cues.append(end)
    return found


def _all_caps_line(text: str, pos: int) -> bool:
    """An all-caps headline, where "IS" may be the verb."""
    end = text.find("\n", pos)
    line = text[text.rfind("\n", 0, pos) + 1:end if end >= 0 else len(text)]
    return line == line.upper() and len(ALL_CAPS_WORD.findall(line)) >= 2


def _unknown_persons(article: _Article) -> list[_Found]:
    """People introduced by a title ("Gen. X"), an appositive ("X, a spokesman,",
    "the mayor of Aleppo, X") or a relative clause ("X, who runs ...")."""
    text, persons = article.text, []
    for cue_end in article.cues:
        pos, skipped = _skip_role_tail(article, cue_end)
        person = _name_at(article, pos, single=not skipped) or _appositive(article, cue_end)
        persons.append(person)
    for comma in COMMA_BEFORE_NAME.finditer(text):
        person = _name_at(article, comma.end(), single=False)
        persons.append(person if person and _role_before(article, comma.start(), comma=False) else None)
    persons += [_name_before(article, who.start()) for who in WHO_CLAUSE.finditer(text)]
    kept: list[_Found] = []  # rules may find the same person twice: keep the first, longest span
    for person in sorted((p for p in persons if p is not None), key=lambda p: (p.start, -p.end)):
        if not kept or person.start >= kept[-1].end:
            kept.append(person)
    return kept


def _skip_role_tail(article: _Article, pos: int) -> tuple[int, bool]:
    """Step over the rest of a role after its first title word: "(Secretary) of State",
    "(head) of the Syrian Observatory for Human Rights", "(Adviser) Dr."."""
    text, skipped = article.text, False
    for _ in range(8):
        while text[pos:pos + 1] == " ":
            pos += 1
        hit = article.by_start.get(pos)
        if hit is not None and hit.entry.type != "person":
            pos, skipped = hit.end + (2 if text[hit.end:hit.end + 2] in ("'s", "’s") else 0), True
            continue
        token = ROLE_TOKEN.match(text, pos)
        if token is None or token.group().lower().rstrip(".") not in ROLE_TAIL_WORDS or _ends_sentence(token.group()):
            break
        pos, skipped = token.end(), True
    return pos, skipped


def _name_at(article: _Article, pos: int, single: bool) -> _Found | None:
    match = PERSON_NAME.match(article.text, pos)
    return _person(article, match.start(), match.end(), single) if match else None


def _name_before(article: _Article, end: int) -> _Found | None:
    match = PERSON_NAME_BEFORE.search(article.text, max(0, end - 80), end)
    if not match or article.text[max(0, match.start() - 4):match.start()].lower() == "the ":
        return None
    return _person(article, match.start(), match.end(), single=False, from_right=True)


def _person(article: _Article, start: int, end: int, single: bool, from_right: bool = False) -> _Found | None:
    """Trim a run of capitalised words to a person's name; None if it is not one."""
    text, kept = article.text, []
    tokens = [t.span() for t in TOKEN.finditer(text, start, end)]
    for a, b in reversed(tokens) if from_right else tokens:
        hit = article.overlapping(a, b)
        if hit is not None and hit.entry.type == "person":
            return None  # the table knows them
        if hit is not None or text[a:b].lower().rstrip(".") in NOT_NAME_WORDS:
            break
        kept.append((a, b))
    kept.sort()
    while kept and text[kept[-1][1] - 1] == "." and kept[-1][1] - kept[-1][0] == 2:
        kept.pop()  # a name does not end with an initial
    while kept and text[kept[0][0]:kept[0][1]].lower() in PARTICLES:
        kept.pop(0)
    if not kept or (len(kept) < 2 and not single):
        return None
    a, b = kept[0][0], kept[-1][1]
    first, space, rest = text[a:b].partition(" ")
    # one spelling across articles: "Nikolay Pankov" is listed as "Nikolai Pankov"
    return _Found(a, b, None, person=f"{_FIRST_NAME_CANON.get(first.lower(), first)}{space}{rest}")


def _appositive(article: _Article, cue_end: int) -> _Found | None:
    """"Igor Ivanov, a Kremlin aide, said": a role between commas after the name."""
    text = article.text
    comma = text.rfind(",", max(0, cue_end - 80), cue_end)
    if comma < 0 or "\n" in text[comma:cue_end]:
        return None
    for token in ROLE_TOKEN.finditer(text, comma + 1, cue_end):  # nothing but role words in between
        if token.group().lower().rstrip(".") not in APPOSITIVE_WORDS \
                and not article.overlapping(*token.span()):
            return None
    person = _name_before(article, comma)
    if person is not None:
        person.role = _role_after(text, person.end)
    return person


def _role_before(article: _Article, start: int, comma: bool = True) -> str | None:
    """The role words just before a name: "Deputy Defence Minister", "UN Special Envoy",
    and, across a comma, "the mayor of Aleppo, Hussein Diab"."""
    text = article.text
    window = max(text.rfind("\n", 0, start) + 1, start - 160)
    tokens = [t.span() for t in TOKEN.finditer(text, window, start)]
    items: list[tuple[int, int, str]] = []  # (start, end, kind), right to left
    i = len(tokens) - 1
    while i >= 0:
        a, b = tokens[i]
        word, hit = text[a:b], article.ends.get(b)
        bare = word.lower().rstrip(".")
        if not items and bare in HONORIFICS and word[:1].isupper():
            i -= 1
            continue
        if hit is not None and hit.start >= window and (hit.entry.type != "person" or b > hit.end):
            # a known body, country or place, or anyone's possessive ("Assad's adviser")
            items.append((hit.start, b, "place" if hit.entry.type == "place" and b == hit.end else "name"))
            j = i
            while j >= 0 and tokens[j][0] >= hit.start:
                j -= 1
            i = min(j, i - 1)
            continue
        if not ROLE_TOKEN.fullmatch(word) or _ends_sentence(word):
            break
        if bare in ROLE_HEADS and (bare not in CAPITAL_ONLY or word[:1].isupper()):
            items.append((a, b, "head"))
        elif bare in ROLE_LINKS or bare in ROLE_WORDS or bare in NATIONALITIES:
            items.append((a, b, "link" if bare in ROLE_LINKS else "word"))
        else:
            break
        i -= 1
    while items and items[-1][2] in ("link", "place"):  # a role starts with neither "of" nor "Moscow"
        items.pop()
    if any(kind == "head" for _, _, kind in items):
        return text[items[-1][0]:items[0][1]]
    if not items and comma and text[start - 2:start] == ", ":
        return _role_before(article, start - 2, comma=False)
    return None


def _ends_sentence(word: str) -> bool:
    return word.endswith(".") and len(word) > 2 and word.lower()[:-1] not in ABBREVIATIONS


def _role_after(text: str, end: int) -> str | None:
    """A role after a name: ", the Kremlin spokesman," or ", who runs a monitoring group"."""
    if text[end:end + 2] != ", ":
        return None
    who = WHO_CLAUSE.match(text, end)
    if who:
        return who.group(1).strip()
    stop = APPOSITIVE_END.search(text, end + 2, end + 160)
    phrase = text[end + 2:stop.start() if stop else end + 160]
    words = re.split(r" and (?:a|an|the|also) ", phrase, maxsplit=1)[0].split()  # "X's leader and a member of Y"
    words = words[1:] if words and words[0].lower() in ("a", "an", "the") else words
    if len(words) > 12 or not any(w.lower().rstrip(".") in ROLE_HEADS for w in words[:6]) \
            or any(w.lower() in CLAUSE_WORDS for w in words):
        return None
    return " ".join(words) or None


def _surname_links(article: _Article, found: list[_Found]) -> list[_Found]:
    """Bare surnames ("Mr Pankov", "Lapin said") of people named in full in this text."""
    text, forms = article.text, {}
    for person in found:
        if person.entry is None or person.entry.type == "person":
            for form in _surname_forms(person.person or text[person.start:person.end]):
                other = forms.setdefault(form, person)
                if other is not None and _identity(other) != _identity(person):
                    forms[form] = None  # two people share it
    for single in found:  # "Mr Pankov", found by its title, is the Nikolay Pankov named earlier
        full = forms.get(single.person) if single.entry is None and " " not in single.person else None
        if full is not None:
            single.entry, single.person = full.entry, full.person
    taken = sorted((f.start, f.end) for f in found)
    starts, links = [a for a, _ in taken], []
    for form in sorted((f for f in forms if forms[f] is not None), key=len, reverse=True):
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            i = bisect_right(starts, end - 1) - 1
            if not (pos and (text[pos - 1].isalnum() or text[pos - 1] in "-'’")) \
                    and not (text[end:end + 1].isalnum() or text[end:end + 1] == "-") \
                    and not (i >= 0 and taken[i][1] > pos) and not any(a < end and pos < b for a, b, _ in links):
                links.append((pos, end, forms[form]))
            pos = text.find(form, end)
    return [_Found(a, b, p.entry, person=p.person) for a, b, p in links]


def _surname_forms(full: str) -> list[str]:
    parts = full.split()
    if len(parts) < 2:
        return []
    forms = [parts[-1], parts[-1][3:] if re.match(r"(?i)(?:al|el)-", parts[-1]) else ""]
    if len(parts) >= 3 and parts[-2].lower() in SURNAME_PREFIXES:
        forms.append(f"{parts[-2]} {parts[-1]}")
    return [f for f in forms if f[:1].isupper() and f.lower() not in NOT_NAME_WORDS or " " in f]


def _identity(found: _Found) -> str:
    return found.entry.key if found.entry is not None else name_key(found.person)


def _org_of(role: str, table: NameTable) -> str | None:
    types = {m.entry.type: m.entry.name for m in reversed(_table_matches(role, table))}
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
            key = _identity(f)
            role, org = roles.get(key), orgs.get(key)
            if f.entry is not None:
                name, kind, org = f.entry.name, f.entry.type, org or f.entry.org
            else:
                name, kind = persons.setdefault(key, f.person), "person"
        mentions.append(NameMention(f.start, f.end, text[f.start:f.end], name, kind, key, role, org,
                                    f.entry is not None, *bounds))
    return mentions
