"""How the spellings of a name are compared: case, accents and joiners folded away, and a
Russian first name in any of its transliterations ("Sergei"/"Sergey") taken for one; and,
looser, the key every transliteration of an Arabic or Russian name folds to
(:func:`variant_key`, its rules in data/transliteration.json), which the name table's
lookup, the corpus's spellings and the extraction of names share."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from syriacli import vocab

#: Spellings of one first name; a person variant using one also matches the others.
FIRST_NAME_FORMS = (
    ("Sergei", "Sergey", "Sergej"), ("Nikolai", "Nikolay"), ("Dmitry", "Dmitri", "Dmitriy"),
    ("Alexander", "Aleksandr", "Aleksander"), ("Valery", "Valeri", "Valeriy"),
    ("Yuri", "Yury", "Yuriy"), ("Alexei", "Alexey", "Aleksei", "Aleksey"), ("Andrei", "Andrey"),
    ("Yevgeny", "Evgeny", "Yevgeniy", "Evgeni"), ("Vitaly", "Vitali", "Vitaliy"),
    ("Vassily", "Vasily", "Vasiliy"), ("Gennady", "Gennadiy", "Gennadi"), ("Anatoly", "Anatoliy"),
    ("Georgy", "Georgiy", "Georgi"), ("Maria", "Mariya"), ("Viktor", "Victor"),
    ("Mohammed", "Mohammad", "Muhammad", "Mohamed"),
)
NON_ASCII = re.compile(r"[^\x00-\x7f]")
SPELLING_JOINERS = str.maketrans("", "", " \t-'")
FIRST_NAME_CANON = {form.lower(): forms[0] for forms in FIRST_NAME_FORMS for form in forms}
FIRST_NAME_ALTS = {form: forms for forms in FIRST_NAME_FORMS for form in forms}


def _fold_table() -> dict[int, str]:
    """Accented Latin letters to their ASCII letter, one character for one."""
    table = {
        0x2018: "'", 0x2019: "'", 0x02BC: "'", 0x2010: "-", 0x2011: "-", 0x2013: "-", 0x2014: "-",
        0x2212: "-", 0x00A0: " ", 0x0131: "i", 0x00F8: "o", 0x00D8: "o", 0x0142: "l", 0x0141: "l",
        0x0111: "d", 0x0110: "d", 0x0127: "h",
    }
    for code in range(0xC0, 0x250):
        decomposed = unicodedata.normalize("NFKD", chr(code))
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
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
    if low.isascii():
        return low
    return NON_ASCII.sub(lambda m: FOLD.get(ord(m.group()), m.group()), low)


def spelling_key(spelling: str) -> str:
    """What a spelling is looked up by: folded, without spaces, hyphens or apostrophes."""
    return fold(spelling.strip()).translate(SPELLING_JOINERS)


def name_key(name: str) -> str:
    """The stable search token of a name: "Deir ez-Zor" -> "deirezzor", "Sergey X" -> "sergeix"."""
    first, _, rest = name.partition(" ")
    folded = fold(f"{FIRST_NAME_CANON.get(first.lower(), first)} {rest}" if rest else name)
    return re.sub(r"[^a-z0-9]+", "", folded) or re.sub(r"\W+", "", folded)


#: Marks a transliteration writes for the Arabic ayn and hamza, or as an apostrophe.
AYN_MARKS = str.maketrans("", "", "'`\u02bf\u02be\u02bb\u00b4")
#: Words of a name: what separates them.
NAME_WORDS = re.compile(r"[^\w]+|_+")
DOUBLED = re.compile(r"(\w)\1+")
#: Rounds of the rules at most (they reach a fixed point in two or three).
VARIANT_KEY_ROUNDS = 8


@lru_cache(maxsize=1)
def _rules() -> tuple[frozenset[str], re.Pattern, frozenset[str], tuple, re.Pattern]:
    """data/transliteration.json compiled: the article's forms, its joined form before a
    doubled sun letter ("Ezzor"), the small words, the letter pairs, a word's final h."""
    data = vocab.load("transliteration.json")
    vowels, consonants = data["articles"]["vowels"], data["articles"]["consonants"]
    forms = frozenset(v + c for v in vowels for c in consonants)
    sun = "".join(c for c in consonants if len(c) == 1 and c != "l")
    joined = re.compile(rf"^[{vowels}]([{sun}])\1")
    pairs = tuple(tuple(p) for p in data["letters"]["pairs"])
    final_h = re.compile(rf"(?<=[{data['word_endings']['drop_h_after']}])h$")
    return forms, joined, frozenset(data["small_words"]["words"]), pairs, final_h


def variant_key(spelling: str) -> str:
    """The key every transliteration of a name folds to, by the rules of
    data/transliteration.json: "Khmeimim", "Hmeymim" and "Hmeimim" give one key, as do
    "Ma'arrat an-Nu'man" and "Maarat al-Numan", "Tartous" and "Tartus", "Syrian Observatory
    for Human Rights" and "... of Human Rights". Idempotent; a spelling in another script
    (Cyrillic, Arabic) keeps its letters, folded for case."""
    key = spelling
    for _ in range(VARIANT_KEY_ROUNDS):
        folded = _variant_round(key)
        if folded == key:
            break
        key = folded
    return key


def _variant_round(spelling: str) -> str:
    forms, joined, small, pairs, final_h = _rules()
    words = [w for w in NAME_WORDS.split(fold(spelling).translate(AYN_MARKS)) if w]
    # an article stands before another word; a small word only inside a longer name
    words = [w for i, w in enumerate(words) if not (
        w in forms and i < len(words) - 1 or w in small and len(words) > 2)] or words
    words = words[:1] + [joined.sub(r"\1", w) for w in words[1:]]
    key = "".join(words)
    for spelling_of, form in pairs:
        key = key.replace(spelling_of, form)
    return final_h.sub("", DOUBLED.sub(r"\1", key))
