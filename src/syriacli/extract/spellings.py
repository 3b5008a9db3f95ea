"""How the spellings of a name are compared: case, accents and joiners folded away, and a
Russian first name in any of its transliterations ("Sergei"/"Sergey") taken for one."""
from __future__ import annotations

import re
import unicodedata

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
