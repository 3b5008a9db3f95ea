"""Split clean article text into sentences, keeping character offsets.

Every extracted item (date, figure, name) points back to its sentence, so the
splitter is deliberately conservative: it breaks at paragraph ends and at
sentence punctuation followed by a capital, a digit or an opening quote, but not
after common abbreviations ("Mr.", "Lt. Gen.", "U.S.", "Sept.").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import vocab

#: Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm brig cmdr cdr cpl pvt gov sen rep rev
    st mt ft vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept est approx
    jr sr u.s u.k u.n e.g i.e a.m p.m""".split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, space.
SENTENCE_BREAK = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["“‘'(\[]?[A-Z0-9А-ЯЁ])""")
PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


#: A word with its own full stops ("U.S", "Lt") before the full stop that ends a chunk.
ABBREVIATION_END = re.compile(r"([A-Za-z][A-Za-z.]*)\.\W*$")
ABBREVIATION_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` end with an abbreviation or an initial?"""
    # ABBREVIATION_END can only match in the run of letters and dots around the chunk's
    # last word character: search from there, not from every position of the chunk.
    pos = end
    while pos > start and not (text[pos - 1].isalnum() or text[pos - 1] == "_"):  # re's \w
        pos -= 1
    while pos > start and text[pos - 1] in ABBREVIATION_CHARS:
        pos -= 1
    match = ABBREVIATION_END.search(text, pos, end)
    if not match:
        return False
    word = match.group(1).lower()
    # A single capital letter before a full stop is an initial ("John F. Kennedy").
    return word in ABBREVIATIONS or len(word) == 1


#: A line that stops on a word no sentence ends with ("... near the town of" / "Saraqeb")
#: was broken by the page mid-sentence: the sentence runs on into the next line.
DANGLING_WORDS = """the a an of to in into on at by for from with and or but as than its their
    his her our some about least nearly almost around including among between near per more
    """.split()
#: (The words as a trie, vocab.alternation: tried at every position of the line's end.)
DANGLING = re.compile(rf"(?<![\w'-])(?:{vocab.alternation(DANGLING_WORDS)})$", re.I)
#: A line of running prose (this many words or more, ending in a lowercase word) followed
#: by a line opening with a digit was broken before its number ("Shelling killed" / "40
#: people ..."); a headline or a list item is shorter.
RUN_ON_WORDS = 8


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` with their offsets; lines are paragraphs, except
    that a line broken mid-sentence runs on into the next (never the first line, the
    headline)."""
    sentences: list[Sentence] = []
    paragraphs = list(PARAGRAPH.finditer(text))
    carried: int | None = None           # where a sentence broken by a line began
    for number, para in enumerate(paragraphs):
        start, para_end = para.span()
        chunk = start if carried is None else carried
        for boundary in SENTENCE_BREAK.finditer(text, start, para_end):
            end = boundary.end()
            if _ends_with_abbreviation(text, chunk, end):
                continue
            _add(sentences, text, chunk, end)
            chunk = end
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        if number and following and _runs_on(text, chunk, para_end, following.start()):
            carried = chunk
        else:
            carried = None
            _add(sentences, text, chunk, para_end)
    return sentences


def _runs_on(text: str, start: int, end: int, following: int) -> bool:
    """Does the sentence at ``text[start:end]``, the end of a line, run on into the line
    that starts at ``following``?"""
    while end > start and text[end - 1].isspace():
        end -= 1
    first = text[following:following + 1]
    if not first.isalnum() or end <= start:
        return False
    if DANGLING.search(text, max(start, end - 12), end):
        return True
    return first.isdigit() and text[end - 1].islower() \
        and len(text[start:end].split()) >= RUN_ON_WORDS


#: The longest sentence read whole. Rules look around a date or a number within its
#: sentence, so a "sentence" of 100 KB (a page without full stops, a list of dates) would
#: cost its length times its items; cut into pieces this long (at a space) it costs
#: linear time. Real sentences stay far below it.
MAX_SENTENCE = 1500


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _add(sentences, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence holding character ``offset`` (sentences sorted by start)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset < sentences[lo].end:
        return sentences[lo]
    return None
