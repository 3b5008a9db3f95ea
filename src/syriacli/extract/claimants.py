"""Who an article attributes a figure to: a sieve of named rules, tried in order.

1. ``cue``: a cue in the figure's sentence: a reporting verb with its subject ("Shoigu
   said", "the UK-based Syrian Observatory for Human Rights reported", "On 14 March 2016
   Defence Minister Sergei Shoigu said"), "according to X", "citing X", "quoted X as
   saying", an inverted verb ("..., said Viktor Ozerov"). The nearest cue before the
   figure wins, else an "according to" anywhere, else the nearest cue after it. A media
   outlet is never the claimant of another source's figure in its sentence: it is the
   ``via`` ("Interfax reported, citing the defence ministry"); alone in its sentence it
   relays the source of the sentence before (rule ``relay``).
2. ``quote``: a figure inside a quotation takes the speaker of that quotation, named
   before or after it in other sentences, or at the end of the paragraph before a
   quotation that opens its own paragraph ("..., Rudskoy added." then a quoted paragraph).
3. ``reference``: pronouns and descriptions are resolved to the nearest compatible mention:
   "he"/"she" to a person (named, or described: "the representative of ..."), "the
   monitor", "the centre", "its spokesman" to an organisation of that kind named before
   (after, in a headline or lede, or for "a ..."), "it", "the source", "the statement" to
   the last source, "we" and "our data" to the quotation's speaker, the transcript label's
   or the page's; a sentence that opens with "The toll ..." speaks for the source of the
   sentence before. A description nothing resolves ("the agency said") names nobody.
4. the rules of frames.py, where a source named elsewhere speaks for this sentence:
   ``frame`` (the paragraph's, or a lead-in's, a list's), ``label`` (a transcript's
   speaker), ``lede`` (the first source after a headline or lede figure), ``document``
   (a page titled as one source's statement or briefing); background inherits none.
5. ``publisher``: in an organisation's own report (a publisher that is no media outlet),
   a figure nobody else claims is the publisher's.
Otherwise nobody: a place or a fragment ("This brings the total", "Reports") is never a
claimant. Rule 6, a headline figure taking the claimant of the same figure in the body,
needs every figure: figures.py applies it. The organisation (``org``) is given by its one
name, whichever way the article writes it (speakers.canonical_org, from names.json).
Everything is computed lazily and cached by sentence, only for sentences with a figure.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

from .. import vocab
from . import frames
from .mentions import SPEAKER_NOUNS, is_headline_case, is_person_word, is_role_word, is_title
from .names import NameMention, find_names
from .persons import name_word_before
from .sentences import Sentence
from .speakers import (
    ASIDE,
    CUES,
    DETERMINERS,
    KIND_OF_WORD,
    NATIONAL_ORG,
    NATIONALITIES,
    ORG_RUN,
    PREPOSITIONS,
    Speaker,
    canonical_org,
    has_name,
    is_known_name,
    is_person,
    kind_of,
    org_of,
    speaker,
)

ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def lowercase(text: str) -> str:
    """Lowercase with every offset kept: the vocabularies run over this twin of the text."""
    low = text.lower()
    # str.lower is ten times faster than translate, but a few letters lowercase to two
    # characters ("İ"); then lowercase ASCII capitals only.
    return low if len(low) == len(text) else text.translate(ASCII_LOWER)


def phrase_pattern(phrases) -> str:
    """One regex for a vocabulary of lowercase phrases, as a trie: Python's re tries the
    branches of an alternation one by one, so 300 flat alternatives cost 300 tries a
    position, a trie about one a character. Longest phrase first; spaces match any run
    of whitespace. Run it over lowercased text (``lowercase``)."""
    root: dict = {}
    for phrase in phrases:
        node = root
        for ch in " ".join(phrase.lower().split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
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




#: NATIONAL_ORG without its opening \b, which made the regex engine try it at every
#: character of every sentence; without it the engine skips ahead to a nation's capital
#: letter, and _org_runs checks the \b.
assert NATIONAL_ORG.pattern.startswith(r"\b(?:")
NATIONAL_ORG_BODY = re.compile(NATIONAL_ORG.pattern.removeprefix(r"\b"))
PUT_TOLL = (r"(?:puts?|gave|gives|set|sets)\s+(?:the|its|their|a)\s+(?:[\w-]+\s+){0,3}?"
            rf"(?:{vocab.alternation(CUES['put_objects'])})\b")
VERB = WordStart(rf"(?:{phrase_pattern(CUES['verbs'])}\b"
                 rf"(?!\s+(?:{vocab.alternation(CUES['not_before'])})\b)"
                 rf"|{PUT_TOLL})")
#: Verb forms that are nouns as often as verbs ("recent reports of", "the claims").
NOUNLIKE = frozenset(CUES["nounlike"])
NOUN_USE_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|recent|latest|new|initial|early|earlier|official|these|those|"
    r"such|media|news|press|some|many|several|other|unconfirmed|its|their)|'s)\s*$", re.I)
NOUN_USE_AFTER = re.compile(r"\s*(?:of|by|from|on|about|were|was|are|is|have|has)\b", re.I)
SAYING = re.compile(rf"\b{CUES['saying']}\b")                      # over folded text
#: ", saying ...", ", adding that ...": a participle speaking for its clause's subject.
PARTICIPLE = re.compile(rf",\s+(?:{vocab.alternation(CUES['participles'])})\b")  # over folded text
#: A word that reads as a clause's verb after its subject ("denied", "says", "has").
FINITE = re.compile(r"[a-z]+ed|has|have|had|is|was|were|are|says|said|denies|claims")
#: The most words of a clause's opening subject ("The UK-based Syrian Observatory for
#: Human Rights", "Russian Defence Ministry spokesman Igor Konashenkov").
SUBJECT_WORDS = 9
#: "Russian media quoted him as saying": the one quoted is the claimant, not the medium.
OBJECT_SAYING = re.compile(r"\s+(?P<obj>him|her|them|(?:(?:an?|the)\s+)?[\w.'-]+"
                           r"(?:\s+[\w.'-]+){0,5}?)"
                           r"\s+as\s+saying\b")
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
NP_TEXT = r"(?:(?:[A-Z]\.){2,}|[^,;:.()\"“”\n])+"
ACCORDING = re.compile(rf"\b{phrase_pattern(CUES['according'])}\s+")   # over folded text
#: A word each pattern needs: a sentence without any of them is not scanned with it.
ACCORDING_WORDS = tuple(max(p.split(), key=len) for p in CUES["according"])
SAYING_WORD = "saying"
assert SAYING_WORD in CUES["saying"]
NP_AFTER = re.compile(NP_TEXT)
NEGATED = re.compile(rf"\b(?:{vocab.alternation(CUES['negations'])})\s*(?:\w+\s+)?$", re.I)
PASSIVE = re.compile(rf"\b(?:{vocab.alternation(CUES['passive'])})$", re.I)
ADVERBIAL_END = re.compile(rf"(?:^|\s|,)(?:{vocab.alternation(CUES['adverbials'])})\s*,?$", re.I)
#: What may open a clause before its subject: "Back then", "On Tuesday", "Earlier this month"
#: (a connective, an adverbial, a weekday).
OPENERS = CUES["openers"] + CUES["adverbials"] + sorted(vocab.calendar_words())
OPENER = re.compile(rf"^(?:(?:{vocab.alternation(OPENERS)})\b\s*,?\s*)+", re.I)
OPENING_THE = re.compile(r"^the\s+", re.I)
CLAUSE_END = re.compile(r"[,;:()\"“”]|\s[-–—]\s")
#: How far before a verb a participle's aside may open (", published late on Sunday,").
ASIDE_REACH = 40
#: An aside after a subject: a relative clause ("SOHR, which relies on ...,") or a participle
#: and its phrase ("The count, published on Sunday,", "The footage, seen by Reuters,").
RELATIVE_AFTER_COMMA = re.compile(   # ", speaking to RIA Novosti on condition ...," too
    r",\s*(?:(?i:which|who|whose|where)\b|(?:[a-z]+ed|(?!accord)[a-z]{3,}ing|"
    rf"{vocab.alternation(CUES['aside_participles'])})(?:\s+(?:on|by|in|at|from|to|during|after|"
    r"late|earlier|last|this)\b|\s*$))")   # its time may be gone: ADVERBIAL_END took it
BOUNDARY = re.compile(
    r"[,;:(\"“”]|\s[-–—]\s|\b(?:that|but|while|whereas|because|although|though|if|when)\b",
    re.I)
AFTER_INVERTED = re.compile(
    r"\s+(?P<np>(?:the\s+)?[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|of|for|the|and))*)")
INVERTED_END = re.compile(r"\s*(?:[,.;]|$)")
#: An inverted subject in lowercase, maybe with a name after it: "..., said the centre.",
#: "..., said the head of the local council, Ahmad Jumaa."
INVERTED_DESCRIPTION = re.compile(
    r"\s+(?P<np>the\s+(?:[a-z][\w-]*\s+){0,6}?[a-z][\w-]*)"
    r"(?:,\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|[a-z]{1,3}-[A-Z][\w'’-]*)){1,3}))?"
    r"(?=\s*(?:[,.;]|$))")
AFTER_PASSIVE = re.compile(rf"(?:\s+[a-z]+ed)?\s+by\s+(?P<np>{NP_TEXT})")  # "reported killed by"
SURNAME = re.compile(r"\b[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?\b(?!\s+[A-Z])")
PRONOUNS = CUES["pronouns"]
#: A person described, not named, opening a sentence ("The representative of the Russian
#: Federation rejected ..."): whom a "she" after it may mean.
PERSON_DESCRIPTION = re.compile(
    rf"(?i:the|a|an)\s+(?P<who>(?:[a-z][\w-]*\s+){{0,2}}"
    rf"(?:{vocab.alternation([h for h, kind in CUES['references'].items() if kind == 'person'])})"
    r"(?:\s+(?:of|for|to)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?)(?=\s+[a-z])")
#: A full stop after a word of three small letters or more ends a sentence ("Lt." does not).
SENTENCE_END = re.compile(r"[a-z]{3}\.\s")
LOOKBACK = 6   # sentences searched for the antecedent of "he" or "the ministry"
FRAME_REACH = 8  # sentences a frame runs over without naming its source again


#: "the war monitor", "a UK-based monitoring organisation", "the statement": a description
#: of a source, resolved to a name; `references` says what kind of name each head may be.
REFERENCES = CUES["references"]
#: A description instead of a name: "the war monitor", "a monitoring organisation", or a
#: bare "monitor" ("..., monitor says": a headline's), which names what the text names next.
REFERENCE = re.compile(rf"^(?:(?P<det>(?i:the|a|an|this|that|its|their))\s+)?"
                       rf"(?P<mods>(?:(?:[a-z][\w-]*|[A-Z][\w.]*-[a-z]+)\s+){{0,3}})"
                       rf"(?P<head>{vocab.alternation(REFERENCES)})$")
NATIONAL_SOURCES = frozenset(CUES["national_sources"])
#: A name after a preposition at the end of a clause: what a relative pronoun after it
#: stands for.
ANTECEDENT_TAIL = re.compile(r"\b(?:from|by|to|with|of|on|at)\s+(?P<np>(?:the\s+)?[A-Z][^,;]*)$")
#: State outlets and their nation: the unnamed officials they relay are that nation's.
STATE_MEDIA = re.compile(rf"\b(?:{vocab.alternation(CUES['state_media'])})\b")
#: A name in quotation marks inside a subject ("The "Syria Response Coordinators" team"):
#: part of the subject, not a quotation that ends before it.
QUOTED_NAME = re.compile(r"(?:(?<=the )|(?<=The ))[\"“](?P<name>[A-Z][\w'’ -]{1,60})[\"”]"
                         r"(?=\s+[a-z])")
#: "according to the head of the centre, Rear Admiral X.": the person named after the role
ROLE_THEN_NAME = re.compile(r",\s+(?P<name>(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]+)"
                            r"(?=\s*(?:[.;,]|$))")
#: "by the UN's count", "by AFP's latest tally": the owner of the count speaks, as after
#: "according to".
BY_COUNT = re.compile(r"\b(?i:by)\s+(?P<np>(?:the\s+)?[A-Z][^\s,;:]*(?:\s+[A-Z][^\s,;:]*){0,5}?)"
                      r"['’]s\s+(?:(?:own|latest|initial|last|new)\s+)?"
                      rf"(?:{vocab.alternation(CUES['source_publications'])})\b")
#: A claim another source states ("dismissed claims by the Observatory that ...", "rejected
#: the Pentagon's figure that ..."): what follows "that" is the named source's.
_DISPUTED = vocab.alternation(CUES["disputed_claims"])
CLAIM_BY = re.compile(
    rf"\b(?:{_DISPUTED})\s+(?:(?:{vocab.alternation(CUES['claim_makers'])})\s+)?(?:by|from|of)\s+"
    r"(?P<np>(?:the\s+)?[^,;:.()\"“”]{2,80}?)\s+that\b")
#: ... and "X's claim that": the owner before the claim, read back from its noun; "its
#: claim that" is the clause's subject's ("The ministry blamed Israel, repeating its claim").
CLAIM_THAT = re.compile(rf"(?:['’]s?|\b(?P<its>its|their))\s+(?:[a-z]+\s+)?(?:{_DISPUTED})"
                        r"\s+that\b")
#: "Damascus accused the coalition of killing ...": the accuser's claim; "... was accused by
#: X of ...": X's.
ACCUSING = re.compile(rf"\b(?:{vocab.alternation(CUES['accusing_verbs'])})\s+"
                      r"(?P<obj>[^;:.()\"“”]{2,200}?)\s+(?:of|for)\s+[a-z]+ing\b")
CLAIM_OWNER = re.compile(
    r"(?P<owner>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:(?:for|of|and|the)\s+)?[A-Z][\w.'’-]*){0,6})$")
#: "Flight logs, compiled by a network of plane spotters, recorded": who made the
#: publication that speaks, named in its aside.
AUTHORED_ASIDE = re.compile(
    rf",\s*(?:{vocab.alternation(CUES['authoring_participles'])})\s+by\s+(?P<np>[^,;:]{{2,80}})$")
#: Where a described source is ("... plane spotters in northwest Syria"): not its name.
PLACE_TAIL = re.compile(r"\s+(?:in|inside|across|near|around|from)\s+[^,;:]*$")
#: A source described again with a definite or demonstrative determiner ("the same
#: officials", "these sources", "the activists"): the source described so before.
REPEATED = re.compile(r"^(?i:the\s+same|the|these|those|such)\s+(?:[a-z][\w-]*\s+){0,2}"
                      r"(?P<head>[a-z]+)$")
#: "The ministry's statement", "SOHR's latest report": what a source published speaks for it.
PUBLISHED = CUES["source_publications"] + CUES["published_works"]
#: "According to a report by X", "a tally from X": X, whatever it published ("X's analysis of
#: imagery" is X's: no possessive before it).
REPORT_BY = re.compile(rf"^(?:(?!['’]s\s).)*?\b(?:{vocab.alternation(PUBLISHED)})\s+"
                       rf"(?:(?:{vocab.alternation(CUES['authoring_participles'])})\s+)?"
                       r"(?:by|from|of)\s+", re.I)   # "data (compiled) by the organisation"
#: (A name that ends in s takes the apostrophe alone: "the Syrian Observatory for Human Rights'")
POSSESSOR = re.compile(rf"^(?P<owner>.+?)(?:['’]s|(?<=s)['’])\s+(?:[a-z][\w-]*\s+){{0,5}}"
                       rf"(?:{vocab.alternation(PUBLISHED)})$", re.I)
#: "the country's defence minister": the nation the text is about there, as its adjective.
COUNTRY_OWNER = re.compile(r"^(?i:the)\s+(?:country|nation)['’]s(?=\s)")
#: A nation's name or adjective as a text writes it ("Russia", "Moscow", "U.S."): a word of
#: three letters or fewer, or with a stop, in capitals ("US", not the pronoun "us").
NATION_WORD = re.compile("|".join(
    rf"\b{re.escape(w.upper() if len(w) <= 3 or '.' in w else w.title())}(?!\w)"
    for w in sorted(NATIONALITIES, key=len, reverse=True)))
#: A sentence its speaker opens in the first person.
FIRST_PERSON = re.compile(r"[\"“]?(?:I|We)\s")
#: "the centre's chief", "the ministry's spokesman": an organisation speaking by a role.
#: (A named owner, "Russia's envoy", is the speaker's own business: speakers.speaker.)
POSSESSED_ROLE = re.compile(
    rf"^(?P<owner>(?i:the)\s+[a-z][\w\s-]*?)['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}"
    rf"(?P<role>{vocab.alternation(k for k, v in REFERENCES.items() if v == 'person')})$", re.I)
#: "our data", "our assessment": the voice of whoever says "we" here.
OUR_PUBLICATION = re.compile(rf"our\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{vocab.alternation(PUBLISHED)})$")
#: A sentence whose subject is the page's own "we" or "our team", whatever its verb, after
#: an opening phrase ("Over six weeks, our team analysed 212 videos").
WE_NARRATE = re.compile(
    r"^[\W]*(?:[^,\"“”]{0,60},\s*)?(?:[Ww]e|[Oo]ur\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{vocab.alternation(CUES['own_voice_nouns'] + PUBLISHED)}))\b")
#: "a ministry statement", "the army's report": the description of who published it.
DESCRIBED_PUBLICATION = re.compile(
    rf"^(?:(?:a|an|the)\s+)?(?P<owner>(?:[a-z][\w-]*\s+)?(?:{vocab.alternation(CUES['references'])}))"
    rf"\s+(?:{vocab.alternation(PUBLISHED)})$")
ARMED = frozenset(CUES["armed_modifiers"])       # "the rebel group" is no monitor
#: "The toll of 3,049 includes ...": a figure reported before, by whoever reported it.
TALLY_OPENER = re.compile(rf"^[\s\"“”'(]*(?:the|this|that|its|their)\s+(?:[\w-]+\s+){{0,2}}?"
                          rf"(?:{vocab.alternation(CUES['tallies'])})\b", re.I)
QUOTE_OPEN, QUOTE_CLOSE = "“«", "”»"
QUOTE_MARK = re.compile("[“«”»\"]")
ORG_KINDS = frozenset(KIND_OF_WORD.values()) - {"media"} | {"armed"}
NEAR_QUOTE = 80        # characters after a closing quote where its speaker is named


@dataclass(frozen=True)
class Attribution:
    """Who a figure is attributed to, and how that was found."""

    claimant: str | None = None
    org: str | None = None      # the organisation the claimant speaks for (itself, for one)
    via: str | None = None      # the outlet that relayed it ("Tass news agency")
    rule: str | None = None     # the sieve rule that named the claimant
    kind: str | None = None     # "person", a kind of organisation (speakers.KIND_OF_WORD), or None


NOBODY = Attribution()


def _from(who: Speaker | None, rule: str) -> Attribution | None:
    return Attribution(who.name, who.org, None, rule, who.kind) if who else None


@dataclass(frozen=True)
class Cue:
    start: int          # offsets inside the sentence
    end: int
    kind: str           # "verb" | "according"
    who: Attribution

    @property
    def claimant(self) -> str:
        return self.who.claimant or ""


class Attributions:
    """The attribution of any offset in an article, sentence by sentence, cached."""

    def __init__(self, text: str, sentences: list[Sentence], folded: str | None = None,
                 publisher: str | None = None, people: Sequence[NameMention] | None = None,
                 list_items: Collection[int] = ()):
        self.text = text
        self.low = lowercase(text) if folded is None else folded
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self._cues: dict[int, list[Cue]] = {}
        self._quotes: dict[int, list[tuple[int, int]]] = {}
        self._quote_starts: dict[int, list[int]] = {}
        self._orgs: list[tuple[int, Speaker]] | None = None
        self._nations: tuple[list[int], list[str]] | None = None
        # the people the names index found (persons.py: titled, introduced, linked by surname)
        if people is None:
            people = find_names(text, sentences)
        self._people = sorted((m for m in people if m.type == "person" and " " in m.name),
                              key=lambda m: m.start)
        self._people_starts = [m.start for m in self._people]   # looked up, not read through
        self._by_surname: dict[str, tuple[list, list[int]]] = {}
        self._in_we: set[int] = set()
        self._looking_ahead: set[int] = set()   # ledes whose person is being looked for
        # where paragraphs break, and each lede sentence's next source: looked up, not
        # read again for each figure (a page of one long line would cost its square)
        self._newlines = [m.start() for m in re.finditer("\n", text)]
        self._next_source: dict[int, Attribution | None] = {}
        self._backgrounds: dict[int, bool] = {}
        self._full_names: dict[str, Speaker | None] = {}
        self._orgs_of: dict[tuple[str, ...], tuple[list[int], list[Speaker]]] = {}
        own = speaker(publisher.split(" (")[0]) if publisher else None
        self.publisher = _from(own, "publisher") if own and own.kind in ORG_KINDS else None
        # whoever published the page speaks where its own text says "we" ("our data"), a
        # think tank or an outlet as much as a monitor (a publisher is never a person, though
        # three capitalised words read as one: "Levant Strategy Forum")
        name = publisher.split(" (")[0].strip() if publisher else ""
        self.voice = Attribution(name, name, None, "publisher") if name else None
        self.shape = frames.layout(text, sentences,
                                   lambda label: self._named_source(label, "label") is not None,
                                   list_items)
        document = frames.document_source(sentences, self.shape)
        self.document = self._named_source(document, "document") if document else None

    def claimant(self, index: int, offset: int) -> str | None:
        return self.attribution(index, offset).claimant

    def attribution(self, index: int, offset: int) -> Attribution:
        """Rules 1-4 of the module docstring for the figure at ``offset`` of sentence ``index``;
        the organisation by its one name (speakers.canonical_org)."""
        found = self._attribution(index, offset)
        return replace(found, org=canonical_org(found.org)) if found.org else found

    def _attribution(self, index: int, offset: int) -> Attribution:
        own = self._by_cue(index, offset) or self._by_quote(offset) or self._by_tally(index)
        if own:
            return own
        if WE_NARRATE.match(self.sentences[index].text) and (ours := self._we(index, 0)):
            return ours     # "We geolocated 31 craters": the page's own finding
        if self._background(index):
            return self.publisher or NOBODY
        if FIRST_PERSON.match(self.sentences[index].text) and (label := self._by_label(index)):
            return label    # "I want to stress: ...": the speaker's own, not a source they cite
        return (self._by_frame(index) or self._by_label(index) or self._by_lede(index)
                or self.document or self.publisher or NOBODY)

    def _background(self, index: int) -> bool:
        """frames.background of sentence ``index``, read once however many figures it has."""
        if index not in self._backgrounds:
            self._backgrounds[index] = frames.background(self.sentences[index].text)
        return self._backgrounds[index]

    # --- frames.py's rules: a source named in another sentence -------------------------
    def _stated(self, index: int) -> Attribution | None:
        """Who sentence ``index`` itself speaks for: its own cue, or its quotation's speaker."""
        sentence = self.sentences[index]
        return self._by_cue(index, sentence.end) or self._by_quote(sentence.start)

    def _by_frame(self, index: int) -> Attribution | None:
        """frames rule 1: the nearest earlier sentence with a source, in this paragraph or
        across a break the page runs a frame over (a lead-in's colon, a list)."""
        for i in range(index, max(0, index - FRAME_REACH), -1):
            if not (self.shape.same_paragraph(i - 1, i)
                    or frames.runs_on(self.sentences, self.shape, i)):
                return None
            if self.shape.siblings(i - 1, i):
                continue    # list items are parallel: one names its own source, not the next's
            said = self._stated(i - 1)
            if said and said.claimant:
                return None if self._stance(i - 1) else replace(said, rule="frame")
        return None

    def _stance(self, index: int) -> bool:
        """Is what sentence ``index`` reports after its last cue a stance, not facts?"""
        cues = self.cues(index)
        return bool(cues) and frames.stance(self.sentences[index].text[cues[-1].end:])

    def _by_label(self, index: int) -> Attribution | None:
        """frames rule 2: the speaker label in force ("Igor Konashenkov: ...")."""
        label = self.shape.label_for(index)
        return self._named_source(label, "label") if label else None

    def _by_lede(self, index: int) -> Attribution | None:
        """frames rule 3: a headline or lede figure takes the first source named after it."""
        if not self.shape.in_lede(index):
            return None
        reach, i, walked = min(self.shape.lede_reach(), len(self.sentences)), index + 1, []
        found = None
        while i < reach and i not in self._next_source:
            walked.append(i)
            sources = [c.who for c in self.cues(i) if c.who.kind != "media"]
            if sources:
                found = replace(sources[0], rule="lede")
                break
            i += 1
        else:
            found = self._next_source.get(i)
        self._next_source.update(dict.fromkeys(walked, found))
        return found

    def _named_source(self, np: str, rule: str) -> Attribution | None:
        """A label's or a title's source: a person, or an organisation of a known kind. A
        surname alone is a person after a title ("Mr. Ruiz:"), in the full name the names
        index gives ("Tomas Ruiz", introduced earlier)."""
        who = speaker(np)
        words = np.split()
        titled = bool(words) and is_title(words[0])
        if who is None or not (who.kind in ORG_KINDS or who.kind == "person"
                               and (" " in who.name or who.org or titled)):
            return None
        found = _from(who, rule)
        if found and who.kind == "person" and " " not in who.name:
            return replace(self._full_person(found, len(self.text)), rule=rule)
        return found

    # --- rule 1: a cue in the sentence -----------------------------------------------
    def _by_cue(self, index: int, offset: int) -> Attribution | None:
        cues = self.cues(index)
        if not cues:
            return None
        at = offset - self.sentences[index].start
        s = self.sentences[index].text
        sources = [c for c in cues if c.who.kind != "media" and not _counted_by(s, c, at)]
        media = [c for c in cues if c.who.kind == "media"]
        if sources:
            chosen = _choose(sources, at)
            return replace(chosen, via=media[0].claimant) if media else chosen
        if not media:
            return None
        outlet = _choose(media, at)
        # an outlet that opens its sentence reports on its own ("SANA said the shelling had
        # killed 13"); one named after the figure may relay the source before ("It carried
        # 28 tonnes, RIA Novosti reported")
        if any(c.end <= at for c in media):
            return outlet
        relayed = self._relayed(index)
        return replace(relayed, via=outlet.claimant, rule="relay") if relayed else outlet

    def _relayed(self, index: int) -> Attribution | None:
        """The source of the sentence before, in the same paragraph, that an outlet relays."""
        for i in range(index - 1, max(-1, index - 3), -1):
            if "\n" in self.text[self.sentences[i].end:self.sentences[i + 1].start]:
                return None
            sources = [c.who for c in self.cues(i) if c.who.kind != "media"]
            if sources:
                return sources[-1]
        return None

    # --- rule 2: quotation -----------------------------------------------------------
    def _by_quote(self, offset: int) -> Attribution | None:
        span = self._quote_around(offset)
        who = self._quote_speaker(*span) if span else None
        return replace(who, rule="quote") if who else None

    def _paragraph(self, offset: int) -> tuple[int, int]:
        after = bisect_left(self._newlines, offset)
        start = self._newlines[after - 1] + 1 if after else 0
        return start, self._newlines[after] if after < len(self._newlines) else len(self.text)

    def _quote_around(self, offset: int) -> tuple[int, int] | None:
        start, end = self._paragraph(offset)
        if start not in self._quotes:
            self._quotes[start] = _quotations(self.text, start, end)
            self._quote_starts[start] = [a for a, _ in self._quotes[start]]
        # the spans are in order and apart: the last opening at or before offset, if any
        last = bisect_right(self._quote_starts[start], offset) - 1
        span = self._quotes[start][last] if last >= 0 else None
        return span if span and offset < span[1] else None

    def _quote_speaker(self, open_: int, close: int, depth: int = 0) -> Attribution | None:
        """The speaker of the quotation ``text[open_:close]``: a cue outside it in the sentences
        it touches, nearest after it, else before it; for a quotation that opens its
        paragraph, else the speaker at the end of the paragraph before."""
        first = bisect_right(self.starts, open_) - 1
        # the speaker named after a quotation is named in its paragraph
        reach = min(close + NEAR_QUOTE, self._paragraph(max(close - 1, open_))[1])
        last = bisect_right(self.starts, min(reach, len(self.text) - 1)) - 1
        after, before = [], []
        for i in range(max(first, 0), last + 1):
            base = self.sentences[i].start
            for c in self.cues(i):
                if c.who.kind == "media":
                    continue
                if close <= base + c.start <= reach:
                    after.append(c.who)
                elif base + c.end <= open_:
                    before.append(c.who)
        if after or before:
            return after[0] if after else before[-1]
        para = self._paragraph(open_)[0]
        if depth > 3 or para == 0 or self.text[para:open_].strip(" \t-–—•"):
            return None
        prev_end = para - 1
        while prev_end > 0 and self.text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end <= 0:
            return None
        span = self._quote_around(prev_end - 1)
        if span and span[1] >= prev_end:           # an open quote that runs on
            return self._quote_speaker(*span, depth=depth + 1)
        i = bisect_right(self.starts, prev_end - 1) - 1
        spoken = [c.who for c in self.cues(i) if c.kind == "verb" and c.who.kind != "media"] \
            if i >= 0 else []
        return spoken[-1] if spoken else None

    # --- rule 3 for a sentence without a cue: "The toll of 3,049 ..." --------------------
    def _by_tally(self, index: int) -> Attribution | None:
        if index == 0 or not TALLY_OPENER.match(self.sentences[index].text):
            return None
        before = self.sentences[index - 1]
        found = self.attribution(index - 1, before.end - 1)
        if found.claimant and found.rule != "publisher":
            return replace(found, rule="reference")
        subject = _opening_name(before.text)       # "The VDC updated its database. The toll ..."
        who = speaker(subject) if subject else None
        return _from(who, "reference") if who and who.kind in ORG_KINDS else None

    # --- cues ------------------------------------------------------------------------
    def cues(self, index: int) -> list[Cue]:
        if index not in self._cues:
            self._cues[index] = self._find_cues(index)
        return self._cues[index]

    def _find_cues(self, index: int) -> list[Cue]:
        sentence = self.sentences[index]
        s, low = sentence.text, self.low[sentence.start:sentence.end]
        cues: list[Cue] = []
        matches = [(m, NP_AFTER.match(s, m.end())) for m in ACCORDING.finditer(low)] \
            if any(word in low for word in ACCORDING_WORDS) else []
        according = [(m.start(), np.end(), np.group()) for m, np in matches if np]
        according += [(m.start(), m.end(), m.group("np")) for m in BY_COUNT.finditer(s)] \
            if "by " in low else []
        according += _disputed(s) if " that " in low else []
        taken = [m.span() for m in SAYING.finditer(low)] if SAYING_WORD in low else []
        verbs = [(a, b, True) for a, b in taken]
        taken += [(a, b) for a, b, _ in according]
        verbs += [(start, end, False) for start, end in VERB.spans(low)
                  if not any(a <= start < b for a, b in taken)]
        for start, end, saying in sorted(verbs):
            who = self._verb_claimant(index, s, start, end, saying)
            if who and who.claimant:
                cues.append(Cue(start, end, "verb", who))
        for m in PARTICIPLE.finditer(low) if "," in low else ():
            if any(c.start < m.start() for c in cues):
                continue  # "..., residents said, adding that": the cue before speaks
            who = self._clause_subject(index, s, m.start())
            if who and who.claimant:
                cues.append(Cue(m.start(), m.end(), "verb", who))
        for start, end, np in according:
            np = _tidy(REPORT_BY.sub("", np))
            # "According to him, ...": the object pronoun as the subject it stands for;
            # "its claim that": the clause's subject
            who = self._clause_subject(index, s, start) if np in ("its", "their") else \
                _named_after_role(s, end, np) or \
                self._resolve(index, start, s, OBJECT_PRONOUNS.get(np.lower(), np), "")
            if who and who.claimant:
                cues.append(Cue(start, end, "according", who))
        cues += self._accusations(index, s) if "accus" in low or "blam" in low else []
        return _outer(s, sorted(cues, key=lambda c: c.start))

    def _accusations(self, index: int, s: str) -> list[Cue]:
        """The accuser's cue of each accusation in sentence ``index`` (ACCUSING)."""
        cues = []
        for m in ACCUSING.finditer(s):
            obj = m.group("obj")
            who = _from(speaker(_tidy(obj[3:])), "cue") if obj.startswith("by ") else \
                self._clause_subject(index, s, m.start())
            if who and who.claimant:
                cues.append(Cue(m.start(), m.end(), "verb", who))
        return cues

    def _clause_subject(self, index: int, s: str, end: int) -> Attribution | None:
        """Who the clause before ``end`` has as its subject ("Russia's defence ministry
        denied the report, saying ..."): the longest opening run of words that names a
        speaker, after an opener ("On Sunday, ..."); a pronoun or a description is
        resolved as a verb's subject is."""
        clause = s[:end]
        starts = [0] + [m.end() for m in re.finditer(r",\s+", clause)][:2]
        for begin in starts:
            words = clause[begin:].split()
            # the subject ends before its verb ("... ministry denied the report")
            verb = next((i for i, w in enumerate(words) if i and (
                FINITE.fullmatch(w) or w.islower() and w not in PREPOSITIONS
                and i + 1 < len(words) and words[i + 1].lower() in DETERMINERS)), len(words))
            for k in range(min(verb, SUBJECT_WORDS), 0, -1):
                np = _tidy(" ".join(words[:k]))
                who = self._resolve(index, begin, s, np, s[:begin]) if np else None
                if who and who.claimant:
                    return who
        return None

    def _verb_claimant(self, index: int, s: str, start: int, end: int,
                       saying: bool) -> Attribution | None:
        verb = s[start:end].lower()
        pre = s[:start].rstrip()
        quoted = OBJECT_SAYING.match(s, end) if verb in ("quoted", "cited") else None
        if quoted:
            obj = quoted.group("obj")
            return self._resolve(index, start, s, OBJECT_PRONOUNS.get(obj, obj), pre)
        if _ending(NEGATED, pre) or verb in NOUNLIKE and (
                _ending(NOUN_USE_BEFORE, pre) or NOUN_USE_AFTER.match(s, end)):
            return None
        while (m := _ending(ADVERBIAL_END, pre)) and m.start() < len(pre):
            pre = pre[:m.start()].rstrip()
        if passive := _ending(PASSIVE, pre):
            if not saying:
                by = AFTER_PASSIVE.match(s, end)
                return _from(speaker(_tidy(by.group("np"))), "cue") if by else None
            pre = pre[:passive.start()].rstrip()
        inverted = AFTER_INVERTED.match(s, end)
        described = INVERTED_DESCRIPTION.match(s, end) if not inverted and pre else None
        if described and pre[-1] in ",\"”'»":
            return self._inverted_description(index, start, s, described)
        if not pre or pre[-1] in "\"”'»":
            return _from(speaker(_tidy(inverted.group("np"))), "cue") if inverted else None
        if pre[-1] == "," and inverted and INVERTED_END.match(s, inverted.end()):
            if is_headline_case(s):   # "..., Says Top Commander": _resolve reads its capitals
                return self._resolve(index, start, s, _tidy(inverted.group("np")), "")
            who = _from(speaker(_tidy(inverted.group("np"))), "cue")   # ", said Mustafa Yildiz, a"
            if who:                   # not ", Name, the deputy head of ..., said Friday."
                return who
        pre = ASIDE.sub("", pre)                     # "the Observatory (SOHR) said"
        pre = QUOTED_NAME.sub(r"\g<name>", pre)
        # an aside ends in a comma, or in a participle whose time ADVERBIAL_END took off
        # ("The count, published on Sunday, says")
        appositive = pre.endswith(",") or "," in pre[-ASIDE_REACH:] and any(
            m.end() == len(pre)
            for m in RELATIVE_AFTER_COMMA.finditer(pre, max(0, len(pre) - ASIDE_REACH)))
        pre = pre.rstrip(",").rstrip()
        cut = _last_boundary(pre)
        np = _tidy(pre[cut:])
        if appositive and cut and ACCORDING.match(lowercase(np)):
            pre = pre[:cut].rstrip(" ,")              # "SANA, citing a police source, said"
            cut = _last_boundary(pre)
            np = _tidy(pre[cut:])
        named = _named_antecedent(pre[:cut]) \
            if PRONOUNS.get(np.lower()) == "antecedent" else None
        if named:                                      # "figures from the X group, which said"
            return _from(named, "cue")
        if appositive and cut:
            found = self._appositive(index, start, s, pre, cut, np)
            if found:
                return found
            np, cut = _subject_before_aside(pre, cut, np)
        if " and " in np and not speaker(np):
            np = _tidy(np.rsplit(" and ", 1)[1])
        return self._resolve(index, start, s, np, pre[:cut])

    def _appositive(self, index: int, start: int, s: str, pre: str, cut: int, np: str
                    ) -> Attribution | None:
        """A subject whose aside says who speaks: a person and their role ("Hamid Reza, head
        of the press office of the Iranian Red Crescent, said"), or who made the publication
        that speaks ("Flight logs, compiled by a network of plane spotters, recorded")."""
        earlier = pre[:cut].rstrip(" ,")
        first = speaker(_tidy(earlier[_last_boundary(earlier):]))
        role = speaker(np)
        if first and first.kind == "person" and role and role.kind not in ("person", "media"):
            org = first.org or org_of(first.name, np)
            return Attribution(first.name, org, None, "cue", "person")
        authored = AUTHORED_ASIDE.search(pre)
        if authored is None:
            return None
        by = _tidy(authored.group("np"))   # "a network of spotters in northwest Syria"
        by = PLACE_TAIL.sub("", by) if by[:1].islower() else by
        return self._resolve(index, start, s, by, "")

    def _inverted_description(self, index: int, start: int, s: str,
                              described: re.Match) -> Attribution | None:
        """"..., said the centre": the description resolved as a reference; "..., said the
        head of the local council, Ahmad Jumaa": the person named after it."""
        role = described.group("np")
        return _person_in_role(described.group("name") or "", role) \
            or self._resolve(index, start, s, role, "")

    # --- rule 3: references ----------------------------------------------------------
    def _resolve(self, index: int, at: int, s: str, np: str, before: str) -> Attribution | None:
        """Turn a subject as written into a claimant: pronouns and descriptions looked up."""
        if not np:
            return None
        if is_headline_case(s) and not is_known_name(np):
            np = np.lower()             # "Monitor Says ...": a headline's capitals, no name
        if (country := COUNTRY_OWNER.match(np)) and (nation := self._nation_near(index, at)):
            np = nation + np[country.end():]   # "the country's defence minister": Turkish ...
        low = np.lower()
        # an acronym is no pronoun: "WHO reports ..." is the World Health Organization
        acronym = np.isupper() and len(np) > 1
        kind = None if acronym else \
            PRONOUNS.get(low) or ("publisher" if OUR_PUBLICATION.match(low) else None)
        if kind == "antecedent":
            return _from(_antecedent(before), "cue")
        if kind == "person":
            return self._last_person(index, at)
        if kind == "claimant":
            return self._last_claimant(index)
        if kind == "publisher":                      # "we": whoever speaks here
            return self._we(index, at)
        if low in {"i", "you"}:
            return None
        owner = POSSESSOR.match(np) or DESCRIBED_PUBLICATION.match(np) or POSSESSED_ROLE.match(np)
        if owner:
            return self._owner(index, at, s, owner, before)
        repeated = REPEATED.match(np)
        head = repeated.group("head") if repeated else ""
        if head in SPEAKER_NOUNS and REFERENCES.get(head, "person") == "person":
            earlier = self._described(index, head)  # "the official": the official who spoke
            if earlier:
                return earlier
        ref = REFERENCE.match(np) or _opening_reference(np)
        indefinite = ref is not None and (ref.group("det") or "a").lower() in ("a", "an")
        if ref and REFERENCES[ref.group("head").lower()] == "claimant" and indefinite:
            ref = None                    # "a military source told": a new source, not "the"
        wanted = REFERENCES[ref.group("head").lower()] if ref else None
        if ref and ARMED.intersection(ref.group("mods").lower().split()):
            # "the jihadist alliance", "the rebel group": an armed group, never a monitor
            wanted = ["armed"] if isinstance(wanted, list) else None
            ref = ref if wanted else None
        if ref and wanted:
            if wanted == "person" and (ref.group("det") or "").lower() in ("its", "their"):
                return self._spokesman(self.sentences[index].start + at, ref.group("head"))
            found = (self._last_claimant(index) if wanted == "claimant" else
                     self._lede_person(index, at, indefinite, ref.group("head").lower())
                     if wanted == "person" else
                     self._named(self.sentences[index].start + at, wanted, indefinite,
                                 forward=indefinite or self.shape.in_lede(index)))
            if found is None and isinstance(wanted, list) and not indefinite:
                found = self._opening_org(s[:at])  # "The SDF lost 11,000, the group said"
            if found:   # "the ministry": the one named before, by its full name
                return replace(self._completed(found, index, at) or found, rule="reference")
            if not ref.group("mods") and not indefinite:
                return None         # "the agency" with no agency named: a fragment, nobody
        who = _from(speaker(np), "cue")
        if who is None and repeated:        # "the headquarters": the one the article names
            return self._named_by_head(index, self.sentences[index].start + at, head)
        return self._completed(who, index, at)

    def _completed(self, who: Attribution | None, index: int, at: int) -> Attribution | None:
        """A source as written, completed from the article: officials take their nation,
        a short name of an organisation its full name (or its nation), a surname the
        person's full name."""
        if who is None or who.claimant is None:     # _from always names a speaker's claimant
            return who
        if who.claimant.lower() in NATIONAL_SOURCES:
            nation = self._relay_nation(index) or self._nation_before(index)
            if nation is None:
                return who
            described = f"{nation} {who.claimant.lower()}"   # "Officials said": a description
            named = speaker(described)
            return replace(who, claimant=described, org=named.org if named else who.org)
        if who.kind in ORG_KINDS:   # a ministry of any length takes its nation
            full = self._full_name(who) if len(who.claimant.split()) <= 2 else who
            return full if full is not who else self._of_nation(who, index, at)
        if who.kind == "person" and " " not in who.claimant:
            return self._full_person(who, self.sentences[index].start + at)
        return who

    def _owner(self, index: int, at: int, s: str, owner: re.Match, before: str
               ) -> Attribution | None:
        """Who publishes or holds a role: "the ministry's statement", "a ministry statement"
        speak for the ministry; "the centre's chief" is the centre speaking by its role."""
        written = owner.group("owner")
        written = written if written[:1].isupper() or owner.re is POSSESSED_ROLE \
            else f"the {written}"
        found = self._resolve(index, at, s, written, before)
        if owner.re is not POSSESSED_ROLE or not found or found.kind not in ORG_KINDS:
            return found
        return replace(found, claimant=f"{found.claimant} {owner.group('role').lower()}",
                       kind="person")

    @staticmethod
    def _opening_org(clause: str) -> Attribution | None:
        """The organisation a clause opens with, of any kind: what "the group" after it is
        where nothing of the kinds the word names was named before ("Hezbollah has lost 1,200
        fighters, according to the group")."""
        subject = _opening_name(clause)
        who = speaker(subject) if subject else None   # a name, not "Government forces"
        return _from(who, "reference") if who and who.kind in ORG_KINDS \
            and is_known_name(who.name) else None

    def _we(self, index: int, at: int) -> Attribution | None:
        """Who "we" is: the speaker of the quotation it stands in, else of the label in
        force, else the page's own voice (a statement's source, an organisation's report)."""
        offset = self.sentences[index].start + at
        quoted = None
        if index not in self._in_we:              # the quotation's speaker is found by cues
            self._in_we.add(index)                # of this sentence too: look once
            quoted = self._by_quote(offset)
            self._in_we.discard(index)
        return quoted or self._by_label(index) or self.document or self.publisher \
            or self.voice

    def _spokesman(self, at: int, role: str) -> Attribution | None:
        """"Its spokesman": the organisation named nearest before, speaking through its role."""
        owner = self._named(at, sorted(ORG_KINDS), False)
        if owner is None or owner.claimant is None:
            return None
        return replace(owner, claimant=f"{owner.claimant} {role.lower()}", kind="person")

    def _full_name(self, who: Attribution) -> Attribution:
        """A short form of an organisation the article names in full ("the General Staff",
        "the Observatory") takes the full name, the first that contains it word for word."""
        claimant = who.claimant or ""
        if claimant not in self._full_names:   # once an article: a source is cited again
            short = f" {claimant.lower()} "
            self._full_names[claimant] = next(
                (named for _, named in self._org_mentions()
                 if short in f" {named.name.lower()} " and len(named.name) > len(claimant)),
                None)
        named = self._full_names[claimant]
        return replace(who, claimant=named.name, org=named.org) if named else who

    def _full_person(self, who: Attribution, at: int) -> Attribution:
        """A person named by surname alone ("Rudskoy said") takes the full name the names
        index gives them: the person it linked that surname to nearest before ``at``, else
        first after ("Sergei Rudskoy told")."""
        surname = who.claimant or ""
        if surname not in self._by_surname:   # once an article: a surname is cited again
            linked = [m for m in self._people if m.name.endswith(f" {surname}")
                      or m.text == surname or m.text.endswith(f" {surname}")]
            self._by_surname[surname] = (linked, [m.start for m in linked])
        found, starts = self._by_surname[surname]
        before = bisect_left(starts, at)
        named = found[before - 1] if before else found[0] if found else None
        if named is None:
            return who
        return replace(who, claimant=named.name, org=who.org or named.org)

    def _of_nation(self, who: Attribution, index: int, at: int) -> Attribution:
        """A ministry named without its nation ("The defence ministry said") is the nation's
        the text is about there (:meth:`_nation_near`): "Moscow ... The defence ministry"."""
        words = re.sub(r"['’]s\b", "", (who.claimant or "").lower()).split()
        if who.kind != "ministry" or any(w in NATIONALITIES for w in words):
            return who
        nation = self._nation_near(index, at)
        if nation is None:
            return who
        return replace(who, claimant=f"{nation} {who.claimant}",
                       org=f"{nation} {who.org or who.claimant}")

    def _nation_near(self, index: int, at: int) -> str | None:
        """The nation sentence ``index`` names first before offset ``at`` (its subject's:
        "Turkey has neutralised ... in Syria's Idlib, the country's defence minister said"),
        else the one named last in the :data:`LOOKBACK` sentences before ("Russia",
        "Moscow", "Russian": Russian); else the nationality of the nearest source before
        (:meth:`_nation_before`)."""
        positions, nations = self._nation_words()
        start = self.sentences[index].start
        first, i = bisect_left(positions, start), bisect_left(positions, start + at)
        if first < i:
            return nations[first]
        if i and positions[i - 1] >= self.sentences[max(0, index - LOOKBACK)].start:
            return nations[i - 1]
        return self._nation_before(index)

    def _relay_nation(self, index: int) -> str | None:
        """The nation of the state outlet (:data:`STATE_MEDIA`) sentence ``index`` names
        when it also names that nation ("Syria's SANA, citing a military source"; "units of
        the Syrian army ..., a military source told SANA"); not "a military source told
        Sputnik" of Syrian troops' advance, nor any source of a page Press TV publishes:
        state outlets relay other sides' sources too."""
        sentence = self.sentences[index]
        relay = STATE_MEDIA.search(sentence.text)
        if relay is None:
            return None
        nation = CUES["state_media"][relay.group()]
        positions, nations = self._nation_words()
        named = nations[bisect_left(positions, sentence.start):bisect_left(positions, sentence.end)]
        return nation if nation in named else None

    def _nation_words(self) -> tuple[list[int], list[str]]:
        """Where the text names a nation and which (NATION_WORD), read once an article."""
        if self._nations is None:
            found = [(m.start(), NATIONALITIES[m.group().lower()])
                     for m in NATION_WORD.finditer(self.text)]
            self._nations = ([p for p, _ in found], [n for _, n in found])
        return self._nations

    def _nation_before(self, index: int) -> str | None:
        """The nationality of the nearest source before sentence ``index`` that has one."""
        for i in range(index - 1, -1, -1):
            for cue in reversed(self.cues(i)):
                words = f"{cue.claimant} {cue.who.org or ''}".lower().replace("'s", "").split()
                nation = next((NATIONALITIES[w] for w in words if w in NATIONALITIES), None)
                if nation:
                    return nation
        return None

    def _named(self, at: int, kinds: list[str], forward_first: bool,
               forward: bool = True) -> Attribution | None:
        """The organisation of one of ``kinds`` named nearest before ``at`` (after, when
        none is and ``forward`` allows it: in a headline or lede, or first for "a monitoring
        organisation", which introduces a name)."""
        if tuple(kinds) not in self._orgs_of:   # by position: looked up, not read each time
            fitting = [(pos, who) for pos, who in self._org_mentions() if who.kind in kinds]
            self._orgs_of[tuple(kinds)] = ([p for p, _ in fitting], [w for _, w in fitting])
        positions, whos = self._orgs_of[tuple(kinds)]
        before, after = bisect_left(positions, at), bisect_right(positions, at)
        earlier = [whos[before - 1]] if before else []
        later = [whos[after]] if forward and after < len(whos) else []
        for who in (later + earlier if forward_first else earlier + later)[:1]:
            return _from(who, "reference")
        return None

    def _named_by_head(self, index: int, at: int, head: str) -> Attribution | None:
        """The source named nearest before whose name ends in ``head`` ("the headquarters":
        the Interdepartmental Coordination Headquarters that spoke before)."""
        for i in range(index - 1, max(-1, index - 1 - LOOKBACK), -1):
            for cue in reversed(self.cues(i)):
                if (cue.who.claimant or "").lower().split()[-1:] == [head]:
                    return replace(cue.who, rule="reference")
        named = [who for start, who in self._org_mentions()
                 if start < at and who.name.lower().split()[-1:] == [head]]
        return _from(named[-1], "reference") if named else None

    def _org_mentions(self) -> list[tuple[int, Speaker]]:
        """Every organisation the article names, with where: once per article, when needed."""
        if self._orgs is None:
            # an acronym in brackets after its name is the same mention ("... Rights (SOHR)")
            # a name capitalised ("The Syrian Observatory for Human Rights") or in lowercase
            # after its nation ("Russia's defence ministry"): of two that overlap, the longer
            runs = [(s.start + m.start(), s.start + m.end(), m.group())
                    for s in self.sentences for m in _org_runs(s.text)
                    if not s.text.endswith("(", 0, m.start())]
            runs.sort(key=lambda run: run[0] - run[1])
            found: list[tuple[int, Speaker]] = []
            taken = bytearray(len(self.text))     # characters of a mention already kept
            for at, end, words in runs:
                if taken.find(1, at, end) >= 0:
                    continue
                who = speaker(words)
                if who and (who.kind in ORG_KINDS | {"media"} or who.org):
                    found.append((at, _organisation(who)))
                    taken[at:end] = b"\x01" * (end - at)
            self._orgs = sorted(found, key=lambda item: item[0])
        return self._orgs

    def _earlier(self, index: int, at: int):
        """The spans of text before a cue at ``at`` of sentence ``index``, nearest first: the
        sentence's head, then earlier sentences."""
        yield self.sentences[index].start, self.sentences[index].start + at
        for i in range(index - 1, max(-1, index - 1 - LOOKBACK), -1):
            yield self.sentences[i].start, self.sentences[i].end

    def _lede_person(self, index: int, at: int, indefinite: bool, head: str = ""
                     ) -> Attribution | None:
        """Who a person described in a headline or lede is ("Says Top Commander", "a senior
        commander was quoted as saying"): the first person the lede names after it, in
        full; else, for "the" description, the nearest person before in that role ("Major
        General Igor Konashenkov ... The general noted"), else the person before
        (:meth:`_last_person`)."""
        # the next sentence's "the official" looks back here: look forward once
        if self.shape.in_lede(index) and (indefinite or index == 0) \
                and index not in self._looking_ahead:
            self._looking_ahead.add(index)
            named = self._person_named_after(index)
            self._looking_ahead.discard(index)
            if named:
                return named
        if indefinite:
            return None
        return self._in_role(self.sentences[index].start + at, head) \
            or self._last_person(index, at)

    def _in_role(self, before: int, head: str) -> Attribution | None:
        """The nearest person named before offset ``before`` whose role, as the names index
        read it, has the word ``head`` ("Defence Ministry spokesman Major General")."""
        for m in reversed(self._people[:bisect_left(self._people_starts, before)]):
            if head and head in (m.role or "").lower().split():
                return Attribution(m.name, org_of(m.name, m.role or "") or m.org, None,
                                   "reference", "person")
        return None

    def _person_named_after(self, index: int) -> Attribution | None:
        """The first person the lede names in full after sentence ``index``."""
        for i in range(index + 1, min(self.shape.lede_reach(), len(self.sentences))):
            named = [c.who for c in self.cues(i) if c.who.kind == "person"
                     and " " in (name := c.who.claimant or "") and name[:1].isupper()]
            if named:
                return named[0]
        return None

    def _last_person(self, index: int, at: int) -> Attribution | None:
        """Who "he" or "she" is: in the nearest text that names someone, the last person
        quoted, else the last person the names index found written in full, else the subject of a
        sentence that names people by surname only ("Smith met Jones. He said ...")."""
        for back, (start, end) in enumerate(self._earlier(index, at)):
            if back:
                speakers = [c.who for c in self.cues(index - back)
                            if c.kind == "verb" and c.who.kind == "person"]
                if speakers:
                    return replace(speakers[-1], rule="reference")
            named = [m for m in self._people[bisect_left(self._people_starts, start):
                                             bisect_left(self._people_starts, end)]
                     if " " in m.text or m.known]
            chunk = self.text[start:end]
            described = PERSON_DESCRIPTION.match(chunk) if back else None
            if described and not named:   # "The representative of the Russian Federation ..."
                who = described.group("who")
                return Attribution(who, canonical_org(_role_org(who)), None, "reference",
                                   "person")
            if named:
                who = _subject(named, chunk, start) if back else named[-1]
                return Attribution(who.name, org_of(who.name, who.role or "") or who.org, None,
                                   "reference", "person")
            # not a capitalised sentence opener ("Eighty three vehicles ..., he said"), nor a
            # word a title-case headline capitalises ("Russia To Pull 38 Aircraft"), nor the
            # last word of a longer name the index found no person in ("Kafr Nabudah")
            surnames = [m.group() for m in SURNAME.finditer(chunk) if back and m.start()
                        and chunk[:m.start()].rstrip()[-1:] not in ".!?:\"“”'"
                        and not _after_name_word(chunk, m.start())
                        and is_person(m.group())] if not is_headline_case(chunk) else []
            if surnames:
                return _person(surnames[0])
        return None

    def _described(self, index: int, head: str) -> Attribution | None:
        """The nearest earlier source described by the same noun ("Two security sources
        told ... The same sources said": the two security sources), a sentence's subject
        too ("U.S. officials disputed the account. ... the official added")."""
        forms = {head, head.removesuffix("s"), f"{head}s"}
        for i in range(index - 1, max(-1, index - 1 - LOOKBACK), -1):
            opening = (_from(_opening_description(self.sentences[i].text), "reference"),)
            for who in chain((c.who for c in reversed(self.cues(i))), opening):
                words = (who.claimant or "").lower().split() if who else []
                # its head noun: the last word before a preposition ("diplomats in Geneva")
                words = words[:next((j for j, w in enumerate(words) if w in PREPOSITIONS),
                                    len(words))]
                if who and words and words[-1] in forms:
                    return replace(who, rule="reference")
        return None

    def _last_claimant(self, index: int) -> Attribution | None:
        """Who "it" or "they" is: the last claimant before, else the named subject of the
        sentence before ("The Observatory gave new figures. It said ...")."""
        for i in range(index - 1, max(-1, index - 1 - LOOKBACK), -1):
            if self.cues(i):        # the source an outlet relays, rather than the outlet
                sources = [c.who for c in self.cues(i) if c.who.kind != "media"]
                return replace((sources or [self.cues(i)[-1].who])[-1], rule="reference")
            subject = _opening_name(self.sentences[i].text)
            who = speaker(subject) if subject and not is_person(subject) else None
            # an organisation, not any word a sentence opens with ("Since ...", "Two ...");
            # or a source described ("U.S. officials disputed the account. ..., they said")
            who = who if who and who.kind in ORG_KINDS else \
                _opening_description(self.sentences[i].text)
            if who:
                return _from(who, "reference")
        return None


def _antecedent(before: str) -> Speaker | None:
    """Who "which" or "who" stands for: the name after the last preposition before it
    ("The report cites figures from the X group, which estimated": the X group), else
    the clause before it as a subject, where it names one (not "The number of wounded
    exceeds 70, which suggests": a clause, no source)."""
    return _named_antecedent(before) or _naming(speaker(_tidy(before.rstrip(" ,"))))


def _named_antecedent(before: str) -> Speaker | None:
    """The name after the last preposition of a clause, where it names a source."""
    tail = ANTECEDENT_TAIL.search(_tidy(before.rstrip(" ,")))
    return _naming(speaker(tail.group("np"))) if tail else None


def _naming(who: Speaker | None) -> Speaker | None:
    """A speaker that names a source: of a kind, or a name."""
    return who if who and (who.kind or has_name(who.name)) else None


def _disputed(s: str) -> list[tuple[int, int, str]]:
    """(start, end, source) of each claim a sentence attributes to another source, disputed
    or relayed: "claims by X that", "X's estimate that" (CLAIM_BY, CLAIM_THAT)."""
    found = [(m.start(), m.end(), m.group("np")) for m in CLAIM_BY.finditer(s)]
    for m in CLAIM_THAT.finditer(s):
        if m.group("its"):                  # "its claim that": the clause's subject's
            found.append((m.start(), m.end(), m.group("its")))
        elif owner := CLAIM_OWNER.search(s, max(0, m.start() - 90), m.start()):
            found.append((owner.start(), m.end(), owner.group("owner")))
    return found


def _named_after_role(s: str, end: int, role: str) -> Attribution | None:
    """"According to the head of the centre, Rear Admiral X.": the person the role names,
    with the organisation the role speaks for."""
    named = ROLE_THEN_NAME.match(s, end)
    return _person_in_role(named.group("name"), role) if named else None


def _person_in_role(name: str, role: str) -> Attribution | None:
    """The person ``name`` as a cue, speaking for the organisation of ``role`` unless their
    own is known; None when ``name`` is no person."""
    person = speaker(name)
    if person is None or person.kind != "person":
        return None
    return Attribution(person.name, person.org or org_of(person.name, role), None, "cue",
                       "person")


def _role_org(role: str) -> str | None:
    """The organisation a described person speaks for, when the description names one
    ("the spokesman of the Russian Defence Ministry")."""
    tail = re.search(r"\b(?:of|for|to)\s+(?:the\s+)?(.+)$", role)
    return tail.group(1) if tail and speaker(tail.group(1)) else None


def _outer(s: str, cues: list[Cue]) -> list[Cue]:
    """Cues less those inside an earlier verb's reported clause: in "Hakimi said rescuers
    had counted 31 raids" Hakimi says it; "rescuers had counted" is what he said. A comma
    or a quotation mark between the two verbs ends the clause ("..., while the Observatory
    gave a toll of nine")."""
    kept: list[Cue] = []
    for cue in cues:
        outer = next((c for c in reversed(kept) if c.kind == "verb"), None)
        between = s[outer.end:cue.start] if outer else ""
        if cue.kind == "verb" and between.strip() and not CLAUSE_END.search(between):
            continue                      # not "US estimates suggest": no words between
        kept.append(cue)
    return kept


#: A dateline in title case before a dash ("The Hague – ", "Beirut, Lebanon — "): where the
#: report was filed, not who it names.
TITLE_DATELINE = re.compile(r"^(?:[A-Z][\w.'’]*,?\s+){1,4}[-–—]\s+(?=[A-Z])")


#: A source a sentence opens with by description: up to four words before a comma, and
#: where they are ("Opposition activists in Douma, ..."); or its first word alone, its
#: capital the sentence's ("Residents of eastern Aleppo, ...").
_PLACED = r"(?:\s+(?:in|inside|from|near|of)\s+[\w.'’ -]{1,40}?)?,"
OPENING_DESCRIPTION = (re.compile(rf"(?P<np>(?:[\w.'’-]+\s+){{0,3}}(?P<head>[a-z]+)){_PLACED}"),
                       re.compile(rf"(?P<np>(?P<head>[A-Z][a-z]+)){_PLACED}"))


@lru_cache(maxsize=256)
def _opening_description(text: str) -> Speaker | None:
    """The source a sentence opens with by description ("U.S. officials, speaking on
    condition of anonymity, disputed ..."), which "they" and "the officials" may take up."""
    text = TITLE_DATELINE.sub("", text, count=1)
    m = OPENING_DESCRIPTION[0].match(text) or OPENING_DESCRIPTION[1].match(text)
    head = m.group("head").lower() if m else ""
    if m is None or head not in SPEAKER_NOUNS or REFERENCES.get(head, "person") != "person":
        return None     # people who speak ("officials", "diplomats"), not what they publish
    who = speaker(_tidy(m.group("np")))
    return who if who and who.kind is None and who.name else None


def _subject_before_aside(pre: str, cut: int, np: str) -> tuple[str, int]:
    """The subject of a verb after an aside between commas, and where it starts in ``pre``:
    "SANA, a state agency, said" (an indefinite description names what it describes);
    "The monitor, which relies on ..., put"; "SOHR, a Britain-based group, said"; a name
    inside a relative clause is not the subject ("..., which relies on sources inside
    Syria, said")."""
    comma = pre.rfind(",", 0, cut)
    if comma >= 0 and INDEFINITE_ASIDE.match(pre, comma):
        # "The White Helmets, a civil defence group that operates in ..., said": the
        # description opens after the comma, whatever clause it runs into
        np, cut = _described_name(pre, comma + 1, pre[comma + 1:].strip())
    elif np.lower().startswith(("a ", "an ")) or DEFINITE_DESCRIPTION.match(np):
        np, cut = _described_name(pre, cut, np)     # "X, the civil defence group ..., said"
    relative = [m.start() for m in RELATIVE_AFTER_COMMA.finditer(pre) if m.start() < cut]
    if not (not speaker(np) or REFERENCE.match(np) or relative):
        return np, cut
    earlier = pre[:relative[0] if relative else cut].rstrip(" ,")
    named = _tidy(earlier[_last_boundary(earlier):])
    np = named if relative or has_name(named) else np
    return np, len(earlier) - len(named) if named else cut


def _opening_name(text: str) -> str | None:
    """The organisation a sentence opens with (after a dateline), capitalised or in lowercase
    after its nation ("The Russian defence ministry denied ..."), the longer where both read
    one."""
    text = TITLE_DATELINE.sub("", text, count=1)
    the = OPENING_THE.match(text)
    after_the = the.end() if the else 0
    found = [m.group() for m in (ORG_RUN.match(text), NATIONAL_ORG.match(text, after_the)) if m]
    return max(found, key=len) if found else None


def _opening_reference(np: str) -> re.Match | None:
    """A description capitalised because it opens a headline or a sentence ("Monitoring
    group says"), which is no name: it reads as in lowercase."""
    words = np.split()
    if not np[:1].isupper() or len(words) > 3 or words[0].lower() in KIND_OF_WORD \
            or has_name(" ".join(words[1:])):
        return None
    return REFERENCE.match(np[0].lower() + np[1:])


def _org_runs(sentence: str) -> list[re.Match]:
    """ORG_RUN's matches in ``sentence``, then NATIONAL_ORG's."""
    runs = list(ORG_RUN.finditer(sentence))
    pos, search = 0, NATIONAL_ORG_BODY.search
    while (m := search(sentence, pos)) is not None:
        if m.start() and (sentence[m.start() - 1].isalnum() or sentence[m.start() - 1] == "_"):
            pos = m.start() + 1         # no word starts here (re's \b): try the next place
            continue
        runs.append(m)
        pos = m.end()
    return runs


def _organisation(who: Speaker) -> Speaker:
    """The organisation a mention names: itself, or the one a person named speaks for
    ("Defence Minister Sergei Shoigu" names the Defence Ministry for "the ministry")."""
    return Speaker(who.org, who.org, kind_of(who.org)) if who.kind == "person" and who.org else who


def _subject(named: list[NameMention], chunk: str, start: int) -> NameMention:
    """Of the people an earlier sentence names, the one "he" most likely is: its subject, a
    person named before any word but a role's ("Lavrov met Kerry": Lavrov; "Deputy Minister
    X spoke"), else the last one named."""
    for m in named[:1]:
        if all(w[:1].isupper() or is_role_word(w) for w in chunk[:m.start - start].split()):
            return m
    return named[-1]


def _after_name_word(chunk: str, at: int) -> bool:
    """Does a name word other than a title ("President Putin") stand right before ``at``,
    or a preposition ("an activist in Yekaterinburg")? Then the word at ``at`` ends a longer
    name ("Kafr Nabudah") or is a place, no surname said alone."""
    before = name_word_before(chunk, at)
    if before is not None:
        return is_person_word(before)
    words = chunk[max(0, at - 12):at].split()
    return bool(words) and words[-1].lower() in PREPOSITIONS


def _person(name: str) -> Attribution:
    return Attribution(name, org_of(name, ""), None, "reference", "person")


def _quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations of the paragraph ``text[start:end]``, as spans; one left open runs to
    the paragraph's end (a quotation continued in the next paragraph opens it again)."""
    spans, opened = [], None
    for m in QUOTE_MARK.finditer(text, start, end):
        ch, i = m.group(), m.start()
        if opened is None and ch not in QUOTE_CLOSE:
            opened = i
        elif opened is not None and ch not in QUOTE_OPEN:
            spans.append((opened, i + 1))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans


def _ending(pattern: re.Pattern, s: str) -> re.Match | None:
    """An end-anchored pattern searched only near the end: a search from the start
    would try every position of a long sentence."""
    return pattern.search(s, max(0, len(s) - 40))


def _last_boundary(pre: str) -> int:
    cut = 0
    for m in BOUNDARY.finditer(pre):
        cut = m.end()
    return cut


#: An aside opened by an indefinite article after a comma (", a civil defence group ...").
#: A description of what a name before it is ("the civil defence group operating in ..."):
#: lowercase after "the", no name of its own.
DEFINITE_DESCRIPTION = re.compile(r"(?i:the)\s+[a-z]")
INDEFINITE_ASIDE = re.compile(r",\s*(?i:an?)\s")


def _described_name(pre: str, cut: int, np: str) -> tuple[str, int]:
    """"The Conflict Intelligence Team, a group of Russian bloggers, said": an indefinite
    description ``np`` between commas is the name's before it (with where that starts);
    else ``np`` (and ``cut``) as they were."""
    earlier = pre[:cut].rstrip(" ,")
    named = _tidy(earlier[_last_boundary(earlier):])
    if named and has_name(named) and speaker(named):
        return named, len(earlier) - len(named)
    return np, cut


def _counted_by(s: str, cue: Cue, at: int) -> bool:
    """Is the figure at ``at`` in the subject of ``cue``'s verb, with no clause break
    between ("42 settlements and 29 armed groups have declared ...")? Then the subject is
    what the figure counts, not who reports it; in the passive ("four deaths were reported
    by X") the reporter is after the verb."""
    return (cue.kind == "verb" and at < cue.start and not BOUNDARY.search(s, at, cue.start)
            and not _ending(PASSIVE, s[:cue.start].rstrip()))


def _choose(cues: list[Cue], offset: int) -> Attribution:
    before = [c for c in cues if c.end <= offset]
    if before:
        return before[-1].who
    according = [c for c in cues if c.kind == "according"]
    return (according or cues)[0].who


def _tidy(np: str) -> str:
    np = OPENER.sub("", np.strip(" ,\"“”'«»"))
    return re.sub(r"\s+", " ", np).strip(" ,")
