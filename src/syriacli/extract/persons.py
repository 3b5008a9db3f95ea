"""People the variant table does not know, found where the text introduces them.

A title or role introduces a name ("Deputy Defence Minister Nikolay Pankov", "Gen. X"),
and so do an appositive ("Igor Ivanov, a Kremlin aide,", "the mayor of Aleppo, Hussein
Diab") and a relative clause ("Omar Abu Laila, who runs ..."). Their bare surnames
("Mr Pankov", "Pankov said") link back to them within the same article, and a person
keeps the role of their first introduction. The rules consult the table names that
names.py found in the text: a known name ends an unknown person's name, and a known
body or place may be part of a role ("the Kremlin spokesman", "Assad's adviser").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from syriacli.extract.mentions import (
    APPOSITIVE_WORDS,
    ARTICLE_PARTICLE,
    CAPITAL_ONLY,
    CUES,
    HONORIFICS,
    NATIONAL_ADJECTIVES,
    PARTICLES,
    ROLE_HEADS,
    ROLE_LINKS,
    ROLE_TAIL_WORDS,
    ROLE_WORDS,
    SURNAME_PREFIXES,
    VESSEL_BEFORE,
    is_person_word,
)
from syriacli.extract.sentences import ABBREVIATIONS
from syriacli.extract.spellings import FIRST_NAME_CANON, name_key

if TYPE_CHECKING:
    from syriacli.extract.name_entries import Name

#: Words showing that a phrase after a comma is a clause, not a role ("Putin, the president said").
CLAUSE_WORDS = frozenset(CUES["verbs"]) | {"say", "who", "which"}

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LO = "a-zß-öø-ÿ\u0100-\u017f"
NAME_WORD = (rf"(?:[Oo]['’])?(?:{ARTICLE_PARTICLE})?"
             rf"[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:-[{_UP}{_LO}][{_LO}]+)*")
NAME_PART = rf"(?:{NAME_WORD}|[{_UP}]\.)"
#: Up to five capitalised name parts, maybe with particles between them.
PERSON_NAME = re.compile(rf"{NAME_PART}(?: (?:(?:{'|'.join(PARTICLES)}) )*{NAME_PART}){{0,4}}")
PERSON_NAME_BEFORE = re.compile(rf"(?<![\w'’.-]){PERSON_NAME.pattern}$")
#: A capitalised word just before a surname makes it part of another name ("Abdel Basset
#: Sarout" is not the "Ahmad Sarout" named earlier), unless the word is a title or the like.
NAME_WORD_BEFORE = re.compile(rf"(?<![\w'’.-])({NAME_WORD}) \Z")
WHO_CLAUSE = re.compile(
    r", who (?:is |was |has been |had been )?(?:(?:the|a|an) )?([^,.;:!?\n]{3,80})")
COMMA_BEFORE_NAME = re.compile(r", (?=[A-Z])")
APPOSITIVE_END = re.compile(r"[,.;:!?\n()]")
TOKEN = re.compile(r"\S+")
#: The title word that ends where a cue does ("Admiral", "Gen.").
TITLE_BEFORE = re.compile(r"[\w.'’-]*\Z")
ROLE_TOKEN = re.compile(r"[\w.&'’-]+")
#: Titles the table scan of names.py also finds: a person may be introduced where one ends.
CUE_WORDS = ROLE_HEADS | HONORIFICS


@dataclass
class Found:
    """A name found in the text: a table entry, or a person the table does not know."""

    start: int
    end: int
    entry: Name | None  # None: a person the table does not know
    person: str = ""    # such a person's name, as introduced
    role: str | None = None

    @property
    def type(self) -> str:
        """The table entry's type; a person the table does not know is a "person"."""
        return self.entry.type if self.entry is not None else "person"


class MatchedText:
    """One text and the table names found in it, which the person rules consult; ``cues``
    are where the title words that may introduce a person end."""

    def __init__(self, text: str, found: list[Found], cues: list[int]):
        self.text, self.found, self.cues = text, found, cues
        self.starts = [f.start for f in self.found]
        self.by_start = {f.start: f for f in self.found}
        self.ends = {f.end: f for f in self.found}  # also after a possessive: "Assad's"
        self.ends.update(
            {f.end + 2: f for f in self.found if text[f.end:f.end + 2] in ("'s", "’s")})

    def overlapping(self, start: int, end: int) -> Found | None:
        i = bisect_right(self.starts, end - 1) - 1
        return self.found[i] if i >= 0 and self.found[i].end > start else None


def unknown_persons(article: MatchedText) -> list[Found]:
    """People introduced by a title ("Gen. X"), an appositive ("X, a spokesman,",
    "the mayor of Aleppo, X") or a relative clause ("X, who runs ...")."""
    text, persons = article.text, []
    for cue_end in article.cues:
        word = TITLE_BEFORE.search(text, max(0, cue_end - 40), cue_end)
        title = cue_end - (len(word.group()) if word else 0)
        if VESSEL_BEFORE.search(text, max(0, title - 30), title):
            continue                  # "the frigate Admiral Grigorovich": a ship's name
        pos, skipped = _skip_role_tail(article, cue_end)
        person = _name_at(article, pos, single=not skipped) or _appositive(article, cue_end)
        persons.append(person)
    for comma in COMMA_BEFORE_NAME.finditer(text):
        person = _name_at(article, comma.end(), single=False)
        with_role = person and _role_before(article, comma.start(), comma=False)
        persons.append(person if with_role else None)
    persons += [_name_before(article, who.start()) for who in WHO_CLAUSE.finditer(text)]
    kept: list[Found] = []  # rules may find the same person twice: keep the first, longest span
    for person in sorted((p for p in persons if p is not None), key=lambda p: (p.start, -p.end)):
        if not kept or person.start >= kept[-1].end:
            kept.append(person)
    return kept


def _skip_role_tail(article: MatchedText, pos: int) -> tuple[int, bool]:
    """Step over the rest of a role after its first title word: "(Secretary) of State",
    "(head) of the Syrian Observatory for Human Rights", "(Adviser) Dr."."""
    text, skipped = article.text, False
    for _ in range(8):
        while text[pos:pos + 1] == " ":
            pos += 1
        hit = article.by_start.get(pos)
        if hit is not None and hit.type != "person":
            pos, skipped = hit.end + (2 if text[hit.end:hit.end + 2] in ("'s", "’s") else 0), True
            continue
        token = ROLE_TOKEN.match(text, pos)
        if token is None or token.group().lower().rstrip(".") not in ROLE_TAIL_WORDS \
                or _ends_sentence(token.group()):
            break
        pos, skipped = token.end(), True
    return pos, skipped


def _name_at(article: MatchedText, pos: int, single: bool) -> Found | None:
    match = PERSON_NAME.match(article.text, pos)
    return _person(article, match.start(), match.end(), single) if match else None


def _name_before(article: MatchedText, end: int) -> Found | None:
    match = PERSON_NAME_BEFORE.search(article.text, max(0, end - 80), end)
    if not match or article.text[max(0, match.start() - 4):match.start()].lower() == "the ":
        return None
    return _person(article, match.start(), match.end(), single=False, from_right=True)


def _person(
    article: MatchedText, start: int, end: int, single: bool, from_right: bool = False
) -> Found | None:
    """Trim a run of capitalised words to a person's name; None if it is not one."""
    text, kept = article.text, []
    tokens = [t.span() for t in TOKEN.finditer(text, start, end)]
    for a, b in reversed(tokens) if from_right else tokens:
        hit = article.overlapping(a, b)
        if hit is not None and hit.type == "person":
            return None  # the table knows them
        if hit is not None or text[a:b] not in PARTICLES and not is_person_word(text[a:b]):
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
    return Found(a, b, None, person=f"{FIRST_NAME_CANON.get(first.lower(), first)}{space}{rest}")


def _appositive(article: MatchedText, cue_end: int) -> Found | None:
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


def _role_before(article: MatchedText, start: int, comma: bool = True) -> str | None:
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
        if hit is not None and hit.start >= window and (hit.type != "person" or b > hit.end):
            # a known body, country or place, or anyone's possessive ("Assad's adviser")
            kind = "place" if hit.type == "place" and b == hit.end else "name"
            items.append((hit.start, b, kind))
            j = i
            while j >= 0 and tokens[j][0] >= hit.start:
                j -= 1
            i = min(j, i - 1)
            continue
        if not ROLE_TOKEN.fullmatch(word) or _ends_sentence(word):
            break
        if bare in ROLE_HEADS and (bare not in CAPITAL_ONLY or word[:1].isupper()):
            items.append((a, b, "head"))
        elif bare in ROLE_LINKS or bare in ROLE_WORDS or bare in NATIONAL_ADJECTIVES:
            items.append((a, b, "link" if bare in ROLE_LINKS else "word"))
        else:
            break
        i -= 1
    while items and items[-1][2] in ("link", "place"):
        items.pop()  # a role starts with neither "of" nor "Moscow"
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
    # "X's leader and a member of Y"
    words = re.split(r" and (?:a|an|the|also) ", phrase, maxsplit=1)[0].split()
    words = words[1:] if words and words[0].lower() in ("a", "an", "the") else words
    if len(words) > 12 or not any(w.lower().rstrip(".") in ROLE_HEADS for w in words[:6]) \
            or any(w.lower() in CLAUSE_WORDS for w in words):
        return None
    return " ".join(words) or None


def surname_links(article: MatchedText, found: list[Found]) -> list[Found]:
    """Bare surnames ("Mr Pankov", "Lapin said") of people named in full in this text."""
    text = article.text
    forms: dict[str, Found | None] = {}  # None: a surname two people share
    for person in found:
        if person.type == "person":
            for form in _surname_forms(person.person or text[person.start:person.end]):
                other = forms.setdefault(form, person)
                if other is not None and identity_of(other) != identity_of(person):
                    forms[form] = None  # two people share it
    for single in found:  # "Mr Pankov", found by its title, is the Nikolay Pankov named earlier
        bare = single.entry is None and " " not in single.person
        full = forms.get(single.person) if bare else None
        if full is not None:
            single.entry, single.person = full.entry, full.person
    taken = sorted((f.start, f.end) for f in found)
    starts = [a for a, _ in taken]
    links: list[tuple[int, int, Found]] = []
    people = {form: person for form, person in forms.items() if person is not None}
    for form in sorted(people, key=len, reverse=True):
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            i = bisect_right(starts, end - 1) - 1
            if not (pos and (text[pos - 1].isalnum() or text[pos - 1] in "-'’")) \
                    and not (text[end:end + 1].isalnum() or text[end:end + 1] == "-") \
                    and not (i >= 0 and taken[i][1] > pos) \
                    and not any(a < end and pos < b for a, b, _ in links) \
                    and not _inside_longer_name(text, pos, people[form]):
                links.append((pos, end, people[form]))
            pos = text.find(form, end)
    return [Found(a, b, p.entry, person=p.person) for a, b, p in links]


def name_word_before(text: str, pos: int) -> str | None:
    """The capitalised name word right before ``pos`` ("Kafr" before "Nabudah"), if any."""
    before = NAME_WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return before.group(1) if before else None


def _inside_longer_name(text: str, pos: int, person: Found) -> bool:
    """Is the surname at ``pos`` part of another person's name? Not when the word before it
    is a title, or the person's own first name spelled otherwise ("Nikolay" for "Nikolai")."""
    before = name_word_before(text, pos)
    if before is None or not is_person_word(before):
        return False
    word, first = (w.lower() for w in (before, person.person.partition(" ")[0]))
    return FIRST_NAME_CANON.get(word, word) != FIRST_NAME_CANON.get(first, first)


def _surname_forms(full: str) -> list[str]:
    parts = full.split()
    if len(parts) < 2:
        return []
    forms = [parts[-1], parts[-1][3:] if re.match(r"(?i)(?:al|el)-", parts[-1]) else ""]
    if len(parts) >= 3 and parts[-2].lower() in SURNAME_PREFIXES:
        forms.append(f"{parts[-2]} {parts[-1]}")
    return [f for f in forms if is_person_word(f) or " " in f]


def first_roles(article: MatchedText, found: list[Found]) -> dict[str, str]:
    """Each person's role by identity: a person keeps the role of their first introduction."""
    roles: dict[str, str] = {}
    for f in found:
        if f.type == "person":
            identity = identity_of(f)
            if identity not in roles:
                f.role = f.role or _role_before(article, f.start) \
                    or _role_after(article.text, f.end)
                if f.role:
                    roles[identity] = f.role
    return roles


def identity_of(found: Found) -> str:
    """One key for every mention of a person: their table key, or that of their name."""
    return found.entry.key if found.entry is not None else name_key(found.person)
