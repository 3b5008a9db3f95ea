"""How a text names a person: one vocabulary and one test of a name word, for both readers
of names. speakers.py asks whether a subject as written ends with a person's name ("Lt. Gen.
Sergei Rudskoy"); persons.py finds where running text introduces a person the names table
does not know ("Deputy Minister X", "X, a spokesman,"). Both take what a name word is, what
a title is and which capitalised words are never part of a name from here; the words are
data (persons.json, claimant_cues.json).
"""
from __future__ import annotations

import re
from functools import lru_cache

from syriacli import vocab

CUES = vocab.load("claimant_cues.json")
WORDS = vocab.load("persons.json")

#: Each word naming a nation ("russia", "moscow", "russian") -> its adjective ("Russian").
NATIONALITIES = {word: nation for nation, forms in CUES["nations"].items()
                 for word in forms["adjectives"] + forms["names"]}
#: The adjectives alone ("russian", "u.s."): part of a role ("Russian Defence Minister").
NATIONAL_ADJECTIVES = frozenset(w for forms in CUES["nations"].values()
                                for w in forms["adjectives"])
CALENDAR = vocab.calendar_words()

ROLE_HEADS = frozenset(WORDS["role_heads"])
CAPITAL_ONLY = frozenset(WORDS["capital_only"])
HONORIFICS = frozenset(WORDS["honorifics"])
ROLE_WORDS = frozenset(WORDS["role_words"])
ROLE_LINKS = frozenset(WORDS["role_links"])
PARTICLES = tuple(WORDS["particles"])
SURNAME_PREFIXES = frozenset(WORDS["surname_prefixes"])
#: "the frigate Admiral Grigorovich": a title after a vessel's noun names a ship.
VESSEL_BEFORE = re.compile(rf"\b(?i:{vocab.alternation(WORDS['vessel_nouns'])})\s+$")
#: Words a role is made of after its first title word ("(Secretary) of State"), and with
#: "a"/"an" what an appositive role may hold ("X, a Kremlin aide,").
ROLE_TAIL_WORDS = ROLE_LINKS | ROLE_WORDS | ROLE_HEADS | NATIONAL_ADJECTIVES | HONORIFICS
APPOSITIVE_WORDS = ROLE_TAIL_WORDS | {"a", "an"}
#: The articles, dropped before a name ("the Kremlin") or a role ("the defence minister").
DETERMINERS = frozenset({"the", "a", "an"})
#: Titles, one word each: a multi-word title of claimant_cues.json ("Prime Minister")
#: is read word by word.
TITLES = frozenset(t.lower().rstrip(".") for t in CUES["titles"] if " " not in t) \
    | ROLE_HEADS | HONORIFICS
#: What kind of organisation a word makes a name ("ministry" -> ministry).
KIND_OF_WORD = {word: kind for kind, words in CUES["kinds"].items() for word in words}
SPEAKER_NOUNS = frozenset(CUES["speaker_nouns"])
#: Capitalised words that are never part of a person's name.
NOT_NAMES = frozenset(CUES["not_names"]) | frozenset(WORDS["not_name_words"]) | TITLES \
    | ROLE_WORDS | NATIONAL_ADJECTIVES | CALENDAR

#: An Arabic name's article or kinship word joined to the next word: "al-Saleh", "Abu-".
ARTICLE_PARTICLE = "(?:{})-".format("|".join(
    f"[{p[0].upper()}{p[0]}]{p[1:]}" for p in sorted(WORDS["article_particles"], key=len,
                                                     reverse=True)))
PARTICLE = re.compile(rf"^{ARTICLE_PARTICLE}[A-Z]")
INITIAL = re.compile(r"[A-Z]\.$")
DIGITS = re.compile(r"\d")
DESCRIPTOR = re.compile(rf"(?:{'|'.join(map(re.escape, CUES['descriptors']))})$", re.I)


def key(token: str) -> str:
    """A word as the vocabularies list it: lowercase, no possessive, no trailing stop."""
    return token.lower().removesuffix("'s").removesuffix("’s").rstrip(".,")


def is_title(token: str) -> bool:
    """"Gen.", "Lt.-Col.", "spokesman": every part a title."""
    return all(part in TITLES for part in key(token).split("-") if part)


def is_person_word(token: str) -> bool:
    """May ``token`` be part of a person's name? An initial ("V."), a word with an Arabic
    article ("al-Saleh"), or a capitalised word that is no title, role, nation, calendar
    word, kind of organisation or noun for a source, no acronym and has no digit."""
    if PARTICLE.match(token) or INITIAL.match(token):
        return True
    word = key(token)
    if not token[:1].isupper() or word in NOT_NAMES or word in KIND_OF_WORD \
            or word in SPEAKER_NOUNS:
        return False
    acronym = token.isupper() and len(token) > 1
    return not (acronym or is_title(token) or DIGITS.search(token) or DESCRIPTOR.search(token))


def is_role_word(token: str) -> bool:
    """Is ``token`` a word of a role before a name ("deputy", "of", "the", "Russian")?"""
    return key(token) in APPOSITIVE_WORDS or is_title(token)


#: What follows a place that says where an organisation sits ("UK-based", "a Beirut-based
#: analyst"): the place is no participant and no scene of what the sentence tells.
SEAT_SUFFIXES = ("-based", "\u2013based")


def is_seat(text: str, mention) -> bool:
    """Does the name ``mention`` (with .end) of ``text`` only say where someone is based,
    or where a report was filed (a wire's dateline, "BEIRUT, Oct 1 (Reuters) -")?"""
    return text.startswith(SEAT_SUFFIXES, mention.end) or _in_dateline(text, mention)


#: A paragraph's opening in capitals up to a wire's credit or dash: its dateline
#: ("MOSCOW/BEIRUT, Sept 30 (Reuters) -", "ANKARA -", "DAMASCUS, SYRIA (8:30 P.M.) –").
DATELINE_OPENING = re.compile(r"[A-Z][A-Z.'/ -]*[A-Z](?:,[^\n(]{0,30})?\s*(?:\(|[-–—]\s)")


def _in_dateline(text: str, mention) -> bool:
    start = text.rfind("\n", 0, mention.start) + 1
    if mention.start - start > 40 or not text[mention.start:mention.end].isupper():
        return False
    opening = DATELINE_OPENING.match(text, start)
    return opening is not None and opening.end() > mention.end


#: A headline in title case capitalises its words, not only its names: most of its words of
#: four letters or more are capitalised (TITLE_CASE_SHARE of at least TITLE_CASE_WORDS).
TITLE_WORD = re.compile(r"\b[^\W\d_]{4,}")
TITLE_CASE_SHARE, TITLE_CASE_WORDS = 0.8, 4
#: Small words a title-case headline capitalises too ("Russia To Pull 38 Aircraft Out Of
#: Syria"), which a sentence dense with names does not ("Putin met Erdogan in Sochi").
TITLE_SMALL_WORD = re.compile(r"\b(?:To|Of|Out|On|In|For|As|At|By)\b")


@lru_cache(maxsize=256)
def is_title_case(line: str) -> bool:
    """Are most of ``line``'s longer words capitalised (a headline's style, or a line of names)?"""
    words = TITLE_WORD.findall(line)
    return len(words) >= TITLE_CASE_WORDS and \
        sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def is_headline_case(line: str) -> bool:
    """Is ``line`` a headline in title case, whose capitals are its style's, not names'?"""
    return is_title_case(line) and TITLE_SMALL_WORD.search(line) is not None
