"""Who an article attributes a sentence's figures to.

A sentence's cues are reporting verbs with their subject ("Shoigu said", "the UK-based
Syrian Observatory for Human Rights reported", "Russia's military on Tuesday said"),
"according to X" phrases and inverted verbs ("..., said Viktor Ozerov"). A figure takes
the nearest cue before it, else an "according to" anywhere, else the nearest verb after
it ("..., AP reports"): so the speaker named as subject wins over the agency that
relayed the quote. Pronouns and "the ministry" are resolved against earlier text, and a
sentence with no cue of its own carries on the reported speech of the sentence before
it in the same paragraph ("activists said ... . An airstrike ... killed eight").
Everything is computed lazily, only for sentences that hold a figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import vocab
from .sentences import Sentence

CUES = vocab.load("claimant_cues.json")
FOLD = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def fold(text: str) -> str:
    """Lowercase with every offset kept: the vocabularies run over this twin of the text."""
    low = text.lower()
    # str.lower is ten times faster than translate, but a few letters lowercase to two
    # characters ("İ"); then fold ASCII capitals only.
    return low if len(low) == len(text) else text.translate(FOLD)


def phrase_pattern(phrases) -> str:
    """One regex for a vocabulary of lowercase phrases, as a trie: Python's re tries the
    branches of an alternation one by one, so 300 flat alternatives cost 300 tries a
    position, a trie about one a character. Longest phrase first; spaces match any run
    of whitespace. Run it over folded text (``fold``)."""
    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in " ".join(phrase.lower().split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


class WordStart:
    """A pattern that matches only where a word starts (``\\b`` before a phrase beginning
    with a letter, ending with one), scanned fast: ``spans`` gives what ``finditer`` of
    ``\\b`` + ``body`` would, but searches for a non-word character followed by ``body``,
    a single character class the regex engine skips ahead for instead of trying the
    pattern inside every word."""

    def __init__(self, body: str):
        self.at = re.compile(body)
        self.after = re.compile(rf"\W(?:{body})")

    def spans(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        if pos and not (text[pos - 1].isalnum() or text[pos - 1] == "_"):   # re's \w
            pos -= 1            # the non-word character before ``pos`` opens a match at it
        elif first := self.at.match(text, pos, endpos) if pos == 0 else None:
            yield first.span()
            pos = first.end()   # which ends with a letter: the next match starts later
        for m in self.after.finditer(text, pos, endpos):
            yield m.start() + 1, m.end()


def _alternation(phrases) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


VERB = WordStart(rf"{phrase_pattern(CUES['verbs'])}\b(?!\s+(?:{_alternation(CUES['not_before'])})\b)")
#: Verb forms that are nouns as often as verbs ("recent reports of", "the claims").
NOUNLIKE = frozenset(CUES["nounlike"])
NOUN_USE_BEFORE = re.compile(r"(?:\b(?:the|a|an|recent|latest|new|initial|early|earlier|official|these|those|"
                             r"such|media|news|press|some|many|several|other|unconfirmed|its|their)|'s)\s*$", re.I)
NOUN_USE_AFTER = re.compile(r"\s*(?:of|by|from|on|about|were|was|are|is|have|has)\b", re.I)
SAYING = re.compile(rf"\b{CUES['saying']}\b")                      # over folded text
#: "Russian media quoted him as saying": the one quoted is the claimant, not the medium.
OBJECT_SAYING = re.compile(r"\s+(?P<obj>him|her|them|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+as\s+saying\b")
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
NP_TEXT = r"(?:(?:[A-Z]\.){2,}|[^,;:.()\"“”\n])+"
ACCORDING = re.compile(rf"\b{phrase_pattern(CUES['according'])}\s+")   # over folded text
#: A word each pattern needs: a sentence without any of them is not scanned with it.
ACCORDING_WORDS = tuple(max(p.split(), key=len) for p in CUES["according"])
SAYING_WORD = "saying"
assert SAYING_WORD in CUES["saying"]
NP_AFTER = re.compile(NP_TEXT)
NEGATED = re.compile(rf"\b(?:{_alternation(CUES['negations'])})\s*(?:\w+\s+)?$", re.I)
PASSIVE = re.compile(rf"\b(?:{_alternation(CUES['passive'])})$", re.I)
ADVERBIAL_END = re.compile(rf"(?:^|\s|,)(?:{_alternation(CUES['adverbials'])})\s*,?$", re.I)
OPENER = re.compile(rf"^(?:(?:{_alternation(CUES['openers'])})\b\s*,?\s*)+", re.I)
RELATIVE = re.compile(r"\s*(?:which|who|whose|where)\b", re.I)
BOUNDARY = re.compile(r"[,;:(\"“”]|\s[-–—]\s|\b(?:that|but|while|whereas|because|although|though|if|when)\b", re.I)
AFTER_INVERTED = re.compile(r"\s+(?P<np>(?:the\s+)?[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|of|for|the|and))*)")
AFTER_PASSIVE = re.compile(rf"\s+by\s+(?P<np>{NP_TEXT})")
REPORT_BY = re.compile(r"^.*?\b(?:report|reports|statement|data|figures|estimates?)\s+(?:by|from|of)\s+", re.I)
SURNAME = re.compile(r"\b[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\b(?!\s+[A-Z])")
ORG_RUN = re.compile(r"[A-Z][\w.'-]*(?:\s+(?:(?:of|for|the|on|and)\s+)*[A-Z][\w.'-]*)*")
CAPITAL_RUN = re.compile(r"[A-Z][\w.'-]*(?:\s+(?:al-|bin\s+|de\s+)?[A-Z][\w.'-]*)*")
YEAR_OR_WORD = re.compile(r"^(?:1[89]\d\d|20\d\d|[^\d]*)$")
DETERMINERS = frozenset({"the", "a", "an"})
CONNECTORS = frozenset({"of", "for", "the", "on", "and", "in", "de", "al", "bin", "ibn", "du", "la"})
ROLE_LINKS = frozenset({"of", "for", "in"})
DESCRIPTOR = re.compile(rf"(?:{'|'.join(map(re.escape, CUES['descriptors']))})$", re.I)
TITLES = frozenset(t.lower().rstrip(".") for t in CUES["titles"])
NOT_NAMES = frozenset(CUES["not_names"]) | TITLES
PRONOUNS = CUES["pronouns"]
ANAPHOR = re.compile(rf"^the\s+(?:[a-z-]+\s+)?(?:{_alternation(CUES['anaphors'])})$")
MAX_WORDS = 14
LOOKBACK = 6   # sentences searched for the antecedent of "he" or "the ministry"


@dataclass(frozen=True)
class Cue:
    start: int          # offsets inside the sentence
    end: int
    kind: str           # "verb" | "according"
    claimant: str


class Attributions:
    """The claimant of any offset in an article, sentence by sentence, cached."""

    def __init__(self, text: str, sentences: list[Sentence], folded: str | None = None):
        self.text = text
        self.low = fold(text) if folded is None else folded
        self.sentences = sentences
        self._cues: dict[int, list[Cue]] = {}

    def claimant(self, index: int, offset: int) -> str | None:
        cues = self.cues(index)
        if cues:
            return _choose(cues, offset - self.sentences[index].start)
        if index > 0 and "\n" not in self.text[self.sentences[index - 1].end:self.sentences[index].start]:
            spoken = [c for c in self.cues(index - 1) if c.kind == "verb"]
            if spoken:
                return spoken[-1].claimant
        return None

    def cues(self, index: int) -> list[Cue]:
        if index not in self._cues:
            self._cues[index] = self._find_cues(index)
        return self._cues[index]

    def _find_cues(self, index: int) -> list[Cue]:
        sentence = self.sentences[index]
        s, low = sentence.text, self.low[sentence.start:sentence.end]
        cues: list[Cue] = []
        according = [(m, NP_AFTER.match(s, m.end())) for m in ACCORDING.finditer(low)] \
            if any(word in low for word in ACCORDING_WORDS) else []
        according = [(m.start(), np.end(), np.group()) for m, np in according if np]
        taken = [m.span() for m in SAYING.finditer(low)] if SAYING_WORD in low else []
        verbs = [(a, b, True) for a, b in taken]
        taken += [(a, b) for a, b, _ in according]
        verbs += [(start, end, False) for start, end in VERB.spans(low)
                  if not any(a <= start < b for a, b in taken)]
        for start, end, saying in sorted(verbs):
            claimant = self._verb_claimant(index, s, start, end, saying)
            if claimant:
                cues.append(Cue(start, end, "verb", claimant))
        for start, end, np in according:
            claimant = self._resolve(index, start, s, _tidy(REPORT_BY.sub("", np)), "")
            if claimant:
                cues.append(Cue(start, end, "according", claimant))
        return sorted(cues, key=lambda c: c.start)

    def _verb_claimant(self, index: int, s: str, start: int, end: int, saying: bool) -> str | None:
        verb = s[start:end].lower()
        pre = s[:start].rstrip()
        quoted = OBJECT_SAYING.match(s, end) if verb in ("quoted", "cited") else None
        if quoted:
            obj = quoted.group("obj")
            return self._resolve(index, start, s, OBJECT_PRONOUNS.get(obj, obj), pre)
        if _ending(NEGATED, pre) or verb in NOUNLIKE and (_ending(NOUN_USE_BEFORE, pre) or NOUN_USE_AFTER.match(s, end)):
            return None
        while (m := _ending(ADVERBIAL_END, pre)) and m.start() < len(pre):
            pre = pre[:m.start()].rstrip()
        if passive := _ending(PASSIVE, pre):
            if not saying:
                by = AFTER_PASSIVE.match(s, end)
                return _name_part(_tidy(by.group("np"))) if by else None
            pre = pre[:passive.start()].rstrip()
        if not pre or pre[-1] in "\"”'":
            inverted = AFTER_INVERTED.match(s, end)
            return _name_part(_tidy(inverted.group("np"))) if inverted else None
        appositive = pre.endswith(",")
        pre = pre.rstrip(",").rstrip()
        cut = _last_boundary(pre)
        if appositive and cut and RELATIVE.match(pre, cut):
            pre = pre[:cut].rstrip(" ,")            # "The monitor, which relies on ..., put"
            cut = _last_boundary(pre)
        np = _tidy(pre[cut:])
        if appositive and cut and not _has_name(np):
            earlier = pre[:cut].rstrip(" ,")         # "The Observatory, a Britain-based group, said"
            named = _tidy(earlier[_last_boundary(earlier):])
            np = named if _has_name(named) else np
        if _too_long(np) and " and " in np:
            np = _tidy(np.rsplit(" and ", 1)[1])
        if _too_long(np):
            return None
        return self._resolve(index, start, s, np, pre[:cut])

    def _resolve(self, index: int, at: int, s: str, np: str, before: str) -> str | None:
        """Turn a subject as written into a claimant: pronouns and anaphors looked up."""
        if not np or _too_long(np):
            return None
        kind = PRONOUNS.get(np.lower())
        if kind == "antecedent":
            return _name_part(_tidy(before.rstrip(" ,"))) or None
        if kind == "person":
            return self._last_person(index, s[:at])
        if kind == "claimant":
            return self._last_claimant(index)
        if np.lower() in {"we", "i", "you"}:
            return None
        if ANAPHOR.match(np.lower()) and np[1:].islower():
            return self._last_named(index, s[:at], np.split()[-1]) or np.split(None, 1)[1]
        return _name_part(np)

    def _earlier(self, index: int, head: str):
        """The text before a cue, nearest first: this sentence's head, then earlier sentences."""
        yield head
        for i in range(index - 1, max(-1, index - 1 - LOOKBACK), -1):
            yield self.sentences[i].text

    def _last_person(self, index: int, head: str) -> str | None:
        """Who "he" or "she" is: in the nearest text that names someone, the last person
        quoted, else the last full or titled name, else the subject of a sentence that
        names people by surname only ("Lavrov met Kerry. He said ...")."""
        for back, chunk in enumerate(self._earlier(index, head)):
            if back:
                speakers = [c.claimant for c in self.cues(index - back) if c.kind == "verb" and _is_person(c.claimant)]
                if speakers:
                    return speakers[-1]
            people = _people(chunk)
            if people:
                return people[-1]
            surnames = [m.group() for m in SURNAME.finditer(chunk) if _is_person(m.group())]
            if surnames:
                return surnames[0]
        return None

    def _last_claimant(self, index: int) -> str | None:
        """Who "it" or "they" is: the last claimant before, else the named subject of the
        sentence before ("The Observatory gave new figures. It said ...")."""
        for i in range(index - 1, max(-1, index - 1 - LOOKBACK), -1):
            if self.cues(i):
                return self.cues(i)[-1].claimant
            subject = ORG_RUN.match(self.sentences[i].text)
            if subject and not _is_person(subject.group()):
                return _name_part(subject.group())
        return None

    def _last_named(self, index: int, head: str, word: str) -> str | None:
        for chunk in self._earlier(index, head):
            runs = [m.group() for m in ORG_RUN.finditer(chunk) if word.lower() in m.group().lower().split()]
            if runs:
                return _name_part(runs[-1])
        return None


def _ending(pattern: re.Pattern, s: str) -> re.Match | None:
    """An end-anchored pattern searched only near the end: a search from the start
    would try every position of a long sentence."""
    return pattern.search(s, max(0, len(s) - 40))


def _last_boundary(pre: str) -> int:
    cut = 0
    for m in BOUNDARY.finditer(pre):
        cut = m.end()
    return cut


def _choose(cues: list[Cue], offset: int) -> str:
    before = [c for c in cues if c.end <= offset]
    if before:
        return before[-1].claimant
    according = [c for c in cues if c.kind == "according"]
    return (according or cues)[0].claimant


def _tidy(np: str) -> str:
    np = OPENER.sub("", np.strip(" ,\"“”'"))
    return re.sub(r"\s+", " ", np).strip(" ,")


def _too_long(np: str) -> bool:
    words = np.split()
    return len(words) > MAX_WORDS or not all(YEAR_OR_WORD.match(w.strip(",.")) for w in words)


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
    if 0 < i < len(tokens) and tokens[i].lower() in ROLE_LINKS:
        return " ".join(tokens[i - 1:])             # "the governor of Hatay", not "Hatay"
    while i < len(tokens) and tokens[i].lower() in CONNECTORS:
        i += 1
    return " ".join(tokens[i:]) or None


def _has_name(np: str) -> bool:
    return any(_is_name_word(t) for t in np.split())


def _people(chunk: str) -> list[str]:
    """Person names in a chunk of text, in order: two or three name words, or a title and one."""
    people = []
    for m in CAPITAL_RUN.finditer(chunk):
        tokens = m.group().split()
        i = len(tokens)
        while i > 0 and _name_key(tokens[i - 1]) not in NOT_NAMES and not _name_key(tokens[i - 1]).isdigit():
            i -= 1
        name = tokens[i:][-3:]
        titled = i > 0 and _name_key(tokens[i - 1]) in TITLES
        if len(name) >= 2 or (name and titled):
            people.append(" ".join(name).removesuffix("'s"))
    return people


def _is_person(name: str) -> bool:
    tokens = name.split()
    return bool(tokens) and len(tokens) <= 4 and all(t[:1].isupper() and _name_key(t) not in NOT_NAMES for t in tokens)


def _name_key(token: str) -> str:
    return token.lower().removesuffix("'s").rstrip(".")
