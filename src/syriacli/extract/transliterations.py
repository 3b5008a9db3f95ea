"""Names in a transliteration the name table does not list, read in running text by their
transliteration key (spellings.variant_key): "Khmeimeem" is Hmeimim, "Khan Shaikhoun" Khan
Shaykhun. Apart from names.py, which turns what is found here into its mentions."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Generic, TypeVar

from syriacli.extract.spellings import variant_key

Entry = TypeVar("Entry")

#: A run of capitalised words, up to three, joined by a space or a hyphen, each maybe after
#: an Arabic article ("Khan Shaikhoun", "Deir el Zour", "al-Shaddadi"): where a name the
#: table lists in another transliteration may be written. An article assimilated to a sun
#: letter only with its hyphen: "at Tartus", "as Assad said" are English.
_ARTICLE = r"(?:[aAeE](?:sh|[lnrsdtz])-|[aAeE]l )?"
_CAPITALISED_WORD = r"[A-Z][a-z'\u02bf\u02be]+"
NAME_RUN = re.compile(
    rf"(?<![\w'-]){_ARTICLE}{_CAPITALISED_WORD}(?:[- ]{_ARTICLE}{_CAPITALISED_WORD}){{0,2}}"
    r"(?![\w-])")
RUN_WORD = re.compile(rf"{_ARTICLE}{_CAPITALISED_WORD}")
#: The shortest transliteration key matched in running text: a shorter one (four letters
#: or fewer) is too often an ordinary word folded to it.
MIN_RULE_KEY = 5


#: How many distinct runs a :class:`RunNames` remembers before it starts afresh (a
#: corpus of 100,000 articles has millions; the common ones come back at once).
MAX_REMEMBERED_RUNS = 50_000


class RunNames(Generic[Entry]):
    """The names of ``index`` (variant key -> entry) written in runs of capitalised words,
    each distinct run read once: the same runs ("Russian", "Syrian Arab Army") recur in
    every article, and reading one is most of the work."""

    def __init__(self, index: dict[str, Entry]):
        self.index = index
        self._runs: dict[str, list[tuple[int, int, Entry]]] = {}

    def __call__(self, text: str, listed) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of each name written in a run of capitalised words of
        ``text`` that no ``listed`` name (with .start and .end, in text order, none
        overlapping) covers; the longest run of words first."""
        starts = [f.start for f in listed]
        found: list[tuple[int, int, Entry]] = []
        for run in NAME_RUN.finditer(text):
            start, end = run.span()
            i = bisect_left(starts, end) - 1  # the last listed name starting before its end
            if i >= 0 and listed[i].end >= end and listed[i].start <= start:
                continue  # one listed name is the whole run
            if i >= 0 and listed[i].end > start:
                found += self._around_listed(text, run, listed, starts)
            else:
                found += [(start + a, start + b, entry) for a, b, entry in self._named(run.group())]
        return found

    def _named(self, run: str) -> list[tuple[int, int, Entry]]:
        """The names in ``run`` (offsets into it), remembered."""
        named = self._runs.get(run)
        if named is None:
            if len(self._runs) >= MAX_REMEMBERED_RUNS:
                self._runs.clear()
            words = [m.span() for m in RUN_WORD.finditer(run)]
            named = self._runs[run] = _runs_named(run, words, self.index)
        return named

    def _around_listed(self, text: str, run, listed, starts) -> list[tuple[int, int, Entry]]:
        """A run a listed name is part of: the words on each side of it are apart."""
        found: list[tuple[int, int, Entry]] = []
        words: list[tuple[int, int]] = []
        for m in RUN_WORD.finditer(run.group()):
            start, end = m.start() + run.start(), m.end() + run.start()
            i = bisect_left(starts, end) - 1
            if i >= 0 and listed[i].end > start:
                found += _runs_named(text, words, self.index)
                words = []
            else:
                words.append((start, end))
        return found + _runs_named(text, words, self.index)


def _runs_named(text: str, words: list[tuple[int, int]],
                index: dict[str, Entry]) -> list[tuple[int, int, Entry]]:
    found, i = [], 0
    while i < len(words):
        for n in range(len(words) - i, 0, -1):
            start, end = words[i][0], words[i + n - 1][1]
            key = _rule_key(text[start:end])
            entry = index.get(key) if len(key) >= MIN_RULE_KEY else None
            if entry is not None:
                found.append((start, end, entry))
                i += n
                break
        else:
            i += 1
    return found


@lru_cache(maxsize=65536)
def _rule_key(spelling: str) -> str:
    """:func:`variant_key`, remembered: the same capitalised words recur in every article."""
    return variant_key(spelling)
