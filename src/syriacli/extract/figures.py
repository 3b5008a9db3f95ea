"""Numbers in the clean text as attributed claims: how many of what, and who says so.

Named rules run in a fixed order over every number atom (digits, number words, vague
magnitudes such as "dozens") of the text:

1. ``not_a_count``: drop atoms that belong to names and model designations (Su-24,
   Resolution 2254), dates, times, years, durations ("five years", "24 hours"),
   ordinals and "one of".
2. ``read_extent``: join two atoms into a range ("290,000 to 470,000"), read the
   qualifier before ("more than", "some") and the unit after ("percent", "sq km"),
   and swallow a conversion in brackets ("(3,860 sq miles)"), which is the same figure.
3. ``counted_noun``: what is counted: a known noun after the number, past modifiers
   ("1,183 Islamic State (IS) militants", "85 percent of the country's territory"), or
   for a bare count the subject it is reported of ("personnel ... exceeded 4,300").
4. ``Article.state``: what happened to it, from the nearest state cue in the clause
   ("killed", "in need", "remain"); subject and state map onto a metric of metrics.json.
   A number whose metric cannot be named is dropped: precision matters more than coverage.
5. The claimant (claimants.py's sieve), then ``Article.dating``: as-of date and period.
6. ``headline_claimants``: a headline or lede figure nobody claims takes the claimant of
   the same figure in the body.
"""
from __future__ import annotations

__all__ = ["Figure", "find_figures", "metric_names", "metrics_for"]

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from .. import vocab
from .claimants import Attribution, Attributions, WordStart, lowercase, phrase_pattern
from .frames import LEDE_PARAGRAPHS  # the headline and lede, whose figures the body attributes
from .mentions import is_title_case
from .metrics import metric_names, metrics_for, word_forms  # noqa: F401  (re-exported: this module's API)
from .names import NameMention
from .sentences import Sentence, split_sentences

METRICS = vocab.load("metrics.json")


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    metric: str
    noun: str
    claimant: str | None
    as_of: str | None
    period: str | None
    sentence_start: int
    sentence_end: int
    # who else the attribution knows: the claimant's organisation, the relaying outlet, and
    # the sieve rule that named the claimant (claimants.Attribution)
    claimant_org: str | None = None
    via: str | None = None
    claimant_rule: str | None = None


# --- vocabularies (metrics.json) --------------------------------------------------------
NUMBERS = METRICS["numbers"]
SMALL, MULTIPLIERS, SCALES = NUMBERS["small"], NUMBERS["multipliers"], NUMBERS["scales"]
VAGUE, FRACTIONS, QUALIFIERS = NUMBERS["vague"], NUMBERS["fractions"], NUMBERS["qualifiers"]
SUFFIX_QUALIFIERS = NUMBERS["suffix_qualifiers"]
#: Month names and their abbreviations, capitalised (dates.json holds them).
_DATE_WORDS = vocab.load("dates.json")
MONTH_NAMES = "|".join(w for row in _DATE_WORDS["months"] for w in row)
STOP_WORDS = frozenset(NUMBERS["stop_words"])       # end the search for a counted noun
DETERMINERS_AND_POSSESSIVES = frozenset(NUMBERS["determiners"])


# --- patterns: the vocabularies run over folded text (claimants.lowercase), the rest over text --
_NUMBER_WORDS = phrase_pattern([*SMALL, *MULTIPLIERS, *SCALES])
#: Group "m" is the BBC's "4.8m refugees".
ATOM = re.compile(rf"""\b(?:
    (?P<vague>(?:(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions)
        |(?:several|a\s+few|many)\s+(?:dozen|hundred|thousand|million)
        |(?:tens|scores)(?=\s+of\b)|dozens|hundreds|thousands|millions|billions)\b)
   |(?P<fraction>(?:(?:a|one)\s+(?P<part>quarter|third|half)\s+of\s+a|(?P<half>half)\s+a
        |(?:a|one)\s+and\s+a\s+(?P<andhalf>half))\s+(?P<fscale>million|billion)\b)
   |(?P<words>(?:a\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?(?:{_NUMBER_WORDS})
        (?:(?:\s+and\s+|[\s-]+)(?:{_NUMBER_WORDS}))*\b)
   |(?P<digits>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)
        (?:\s*(?P<scale>thousand|million|billion|mln|bn)\b|(?P<m>m)\b)?)""", re.X)
#: Where an atom may start: any digit, or a number word at the start of a word. ATOM itself
#: is tried only there (one cheap pass over the text). The pass opens with one character
#: class, a digit or the non-word character before a word, so that the regex engine skips
#: the letters inside words without trying the pattern; group "word" is the number word.
#: A number word opening the text has no character before it: START_WORD checks it.
START_WORD = re.compile(phrase_pattern(
    [*SMALL, *MULTIPLIERS, *SCALES, *VAGUE, "scores", "several", "many", "half", "a few",
     "a quarter", "a third", "a half", *(f"a {w}" for w in (*MULTIPLIERS, *SCALES))]) + r"\b")
ATOM_START = re.compile(rf"[\W0-9](?:(?<=[0-9])|(?P<word>{START_WORD.pattern}))")
QUALIFIER_BEFORE = re.compile(r"(?:^|(?<=\W))(?:likely\s+|reportedly\s+)?(?:" + "|".join(
    f"(?P<q{i}>{phrase_pattern(p)})" for i, p in enumerate(QUALIFIERS.values())) + r")\s+$", re.I)
SUFFIX = re.compile(r"\s*(?:or\s+more|or\s+so)\b|-?plus\b|\+", re.I)
#: A second noun joined to the counted one, with no number of its own ("children and women").
AND_NOUN = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?")
#: After a counted noun: a rate, and "or more" / "and more" (see after_noun).
RATE = re.compile(r"\s+(?:a|an|per|each)\s+(?P<per>day|week|month|year)\b|\s+daily\b", re.I)
MORE_AFTER = re.compile(r",?\s+(?:or|and)\s+more\b(?!\s+(?:than|of)\b)", re.I)
UNIT = re.compile(r"""(?:-(?=[a-z])|\s*)(?:
    (?P<percent>%|percent\b|per\s*cent\b)
   |(?P<sq_km>square\s+kilomet(?:er|re)s?\b|sq\.?\s*(?:km|kilomet(?:er|re)s?)\b|km2\b|km²)
   |(?P<sq_miles>square\s+miles?\b|sq\.?\s*mi(?:les?)?\b)
   |(?P<hectares>hectares?\b)
   |(?P<tons>(?:metric\s+)?(?:tons?|tonnes?)\b)
   |(?P<km>kilomet(?:er|re)s?\b|km\b)
   |(?P<miles>miles\b))""", re.I | re.X)
OF_UNIT = re.compile(
    r"\s+of(?=\s+(?:metric\s+)?(?:tons?|tonnes?|square|hectares|kilomet))", re.I)
CONVERSION = re.compile(
    r"\s*\((?:about|approximately|some|around|roughly|nearly|over|more than|almost|or)?\s*"
    r"[0-9][0-9,.]*\s*(?:sq\.?|square)?\s*[a-z²2.]{0,12}\s*\)", re.I)
NUMBER_RANGE_JOIN = re.compile(
    rf"\s*(?:{vocab.alternation(_DATE_WORDS['range_joins'] + NUMBERS['number_range_joins'])})\s*",
    re.I)
RANGE_OPEN = re.compile(r"\b(?P<word>between|from)\s+$", re.I)
#: What joins two dates into a period: what joins two numbers (NUMBER_RANGE_JOIN), maybe naming
#: a part of the second ("between September 30th 2015 and the end of 2017", "from 2015 to
#: mid-2016").
DATE_RANGE_JOIN = re.compile(
    NUMBER_RANGE_JOIN.pattern + r"(?:the\s+)?"
    r"(?:(?:end|start|beginning|middle|close)\s+of\s+|(?:early|mid|late)(?:-|\s+))?", re.I)
CHANGE_BEFORE = re.compile(
    rf"\b{phrase_pattern(NUMBERS['change_verbs'])}\s+(?:\w+\s+){{0,2}}from\s+$", re.I)
MONTH_NAME_BEFORE = re.compile(rf"\b(?:{MONTH_NAMES})\.?\s+(?:the\s+)?$")
MONTH_AFTER = re.compile(
    rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAMES})\b|\s+[а-яё]+\s+[0-9]{{4}}")
#: A date written in words and digits ("August 31", "31 August 2019", "2015"): its digits
#: are no other count between a noun and the number it is tied to.
DATE_DIGITS = re.compile(
    rf"\b(?:(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAMES})\b(?:\.?,?\s+\d{{4}})?"
    rf"|(?:19|20)\d{{2}})\b")
DURATION_AFTER = re.compile(
    rf"(?:-|\s+)(?:(?:more|full|long|straight|consecutive|calendar)\s+)?"
    rf"{phrase_pattern(NUMBERS['duration_units'])}\b"
    r"|\s*(?:a\.m\.|p\.m\.|am|pm|gmt|utc|o'clock|hrs)\b", re.I)
YEAR_BEFORE = re.compile(rf"\b{phrase_pattern(NUMBERS['year_words'])}\s+$", re.I)
NOT_AFTER_ONE = re.compile(r"\s+(?:of|another|or|and|side|day|time|way|thing|hand|by)\b", re.I)
#: "a gunner died and another one was hurt": one more, counted.
ANOTHER_ONE = re.compile(r"\band\s+another\s+$", re.I)
NOT_BEFORE_ONE = re.compile(
    r"\b(?:another|no|any|every|each|the|which|this|that|anyone|only)\s+$", re.I)
#: What may stand before a sentence's first word.
#: What may stand before a sentence's first word: a label and a colon, or a dateline and
#: its dash ("ANKARA (Reuters) - Thirty-three soldiers ..."), then spaces, quotes, brackets.
SENTENCE_HEAD = re.compile(r"(?:.*(?::|\s(?:--|[-–—])))?[\s\"“”'(]*", re.S)
PREV_WORD = re.compile(r"([^\W\d_][\w'.-]*)\s+$")
#: A preposition before a capitalised word makes it a place ("in Syria 35,000 fighters"),
#: not the label of a number ("Resolution 2254").
PLACE_BEFORE = re.compile(r"\b(?:in|at|near|across|throughout|inside|outside|around)\s+$", re.I)
FWD_TOKEN = re.compile(r"\s*(?:(?P<open>\()|(?P<quote>[\"“”«»'])"
                       r"|(?P<word>[^\W\d_](?:[\w'./-]*\w)?)|(?P<other>\S))")
DIGIT_AFTER = re.compile(r"[.:/][0-9]")
LETTERS = re.compile(r"[A-Za-z]+")
MODEL = re.compile(r"\b[A-Za-z]{1,4}-[0-9]")
#: What introduces the parts of a total: before a part ("1,733 civilians, including 429
#: children") and, for a bare total, after it ("15 including 2 children", named within a
#: few words).
_BREAKDOWN_WORDS = r"(?:including|among them|among whom|of them|of whom)"
BREAKDOWN = re.compile(rf"\b{_BREAKDOWN_WORDS}\s+$", re.I)
BREAKDOWN_AFTER = re.compile(rf"\s*,?\s*{_BREAKDOWN_WORDS}\s+", re.I)
BREAKDOWN_REACH = 40
#: "71 of 103 cruise missiles", "71 out of 103": a part of a total counts what the total does.
OF_TOTAL = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?\d[\d,.]*\s+(?=[A-Za-z])")
#: A part of a set named before ("23 of the dead", "six of the incidents", "12 of those
#: attacks"): what the number counts is the set's noun.
OF_SET = re.compile(r"\s+of\s+(?:the|those|these|its|their)\s+(?=[A-Za-z])")
#: What stands before the total of "71 of 103 cruise missiles".
PART_BEFORE = re.compile(r"\d\s+(?:out\s+)?of\s+(?:the\s+)?$")
#: A part named after its number ("27 were killed, 9 of whom were children", "9 of them
#: children"): the noun after it is what the number counts, in the state of the total.
PARTITIVE = re.compile(r"\s+of\s+(?:whom|them)\s*,?\s+(?:(?:were|are|was)\s+)?", re.I)
#: "Of those, 2,055 were children": a part named by what it is, of the set the sentence
#: opens by pointing back at (the last count of the sentence before).
SET_OPENER = re.compile(r"\s*(?:Of|Among)\s+(?:those|these|them|the\s+dead|the\s+victims)\s*,",
                        re.I)
COPULA_PART = re.compile(r"\s+(?:were|are)\s+(?:all\s+)?(?=(?P<word>[a-z]+))")
ELLIPSIS = re.compile(r"\s+(?:others|more)\b", re.I)
#: What ties a bare count to the noun before it: a link word, or a change ("fell from").
LINK = re.compile(rf"\b{phrase_pattern(NUMBERS['links'] + NUMBERS['change_verbs'])}\b", re.I)
AND = re.compile(r"\band\b")
#: What joins numbers that share a counted noun ("18 and 7 fighters"), and how many may.
COORDINATED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=\w)")
COORDINATED_NUMBERS = 3
#: What stands between two coordinated figures, the second of which shares the first's
#: qualifier ("over 2.5 thousand gunmen and 120 injured"): the first's noun, maybe a
#: place, and "and", in one clause.
SHARED_QUALIFIER = re.compile(r"[^,;:.()\d]{0,40}\sand\s+")
CLAUSE_BREAK = re.compile(r";|,?\s+but\s+|,\s+(?:while|whereas|although|though)\s+", re.I)
THEN = re.compile(r"\b(?:back then|at the time|at that time|by then|by that time|then)\b", re.I)
#: "since" opening a period up to the date after it: "since September 2015", "since the
#: 30th", "since it began in 2015", "since the campaign started in September 2015",
#: "since the start of the operation in 2015".
#: The openers ("start", "outbreak") are those of a date that anchors a state (events.py).
_SINCE_OPENERS = "|".join(_DATE_WORDS["anchor_since_openers"])
SINCE_BEFORE = re.compile(
    rf"""\bsince\s+(?:the\s+)?
    (?:(?:{_SINCE_OPENERS})\s+of\s+(?:the\s+|its\s+|their\s+)?
        (?:[\w-]+\s+){{0,3}}in\s+
      |(?:it|they|(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:campaign|operation|intervention|war|
            conflict|strikes|offensive|mission|deployment|ceasefire|truce|agreement|deal))\s+
        (?:began|started|was\s+launched|were\s+launched|got\s+under\s?way
            |came\s+into\s+(?:effect|force)|took\s+effect|entered\s+into\s+force)
        \s+(?:in|on)\s+
    )?$""",
    re.I | re.X,
)
PERIOD_TEXT = re.compile(r"""\b(?:over|in|during|within|for|throughout)\s+(?P<p>
    (?:the\s+(?:past|last|first|previous|next|course\s+of\s+the)\s+)?
    (?:(?:almost|nearly|about|around|more\s+than|over|some|just\s+over|just\s+under|roughly)\s+)?
    (?:(?!(?:the|this|that|its|their|each|every)\s)[\w-]+\s+)?"""
    r"(?:days|weeks|months|years|decades|day|week|month|year))\b", re.I | re.X)

SUBJECTS = METRICS["subjects"]
#: The state a metric counts in ("civilians killed": killed), for a part of a set whose noun
#: holds its state ("6,686 civilian deaths"); where a subject lists two states of one
#: metric, its first.
METRIC_STATES = {metric: cue for subject in SUBJECTS.values()
                 for cue, metric in reversed(subject["states"].items())}
NOUN_SUBJECT = {" ".join(n.lower().split()): s for s, v in SUBJECTS.items() for n in v["nouns"]}
SUBJECT_NOUN = re.compile(rf"\b{phrase_pattern(NOUN_SUBJECT)}\b(?!-)")     # over folded text


def subject_of(noun: re.Match) -> str:
    """The subject a SUBJECT_NOUN match names."""
    return NOUN_SUBJECT[" ".join(noun.group().split())]


#: Each cue phrase (lowercase, single-spaced in metrics.json) and the states it may mark.
CUE_STATES = {c: [s for s, cues in METRICS["states"].items() if c in cues]
              for cues in METRICS["states"].values() for c in cues}
STATE_CUE = WordStart(rf"{phrase_pattern(CUE_STATES)}\b")                      # over folded text
UNIT_SUBJECTS = METRICS["unit_subjects"]
#: A share's metric is this and the metric of what it is a share of ("share of deaths").
SHARE_PREFIX = METRICS["shares"]["prefix"]
#: "of the dead", "of all victims": what a share with no counted noun is a share of.
SHARE_OF = re.compile(
    rf"\s+of\s+(?:the\s+|all\s+|those\s+|these\s+)*"
    rf"(?P<w>{phrase_pattern(METRICS['shares']['of_words'])})\b")
#: "80 percent of the ancient city's monuments", "98% of Aleppo", "90 percent of them":
#: what a share of no known metric is a share of (an open share, as open counts).
OPEN_SHARE_OF = re.compile(
    rf"\s+of\s+(?:(?:{vocab.alternation(METRICS['shares']['open_determiners'])})\s+)*"
    r"(?P<np>[\w'’-]+(?:\s+[\w'’-]+){0,3})")
OPEN_SHARE_ENDS = frozenset(METRICS["shares"]["open_ends"])
SHARE_PRONOUNS = frozenset(METRICS["shares"]["pronouns"])
#: "one in ten", "one in every five": a share, as a percentage.
ONE_IN = re.compile(r"\s+in\s+(?:every\s+)?(?=\w)", re.I)
MONEY = METRICS["money"]
#: A currency sign just before a number ("$300 million", "US$4bn", "£3.8 billion").
CURRENCY_BEFORE = re.compile(
    "(?:" + "|".join(re.escape(s) for s in sorted(MONEY["symbols"], key=len, reverse=True))
    + r")\s?$")
#: A currency named after a number, over folded text ("1.2 billion roubles").
CURRENCY_AFTER = re.compile(rf"\s+(?:{phrase_pattern(MONEY['words'])})\b")
PLURALS = frozenset(METRICS["plurals"])
NOT_COUNTED = frozenset(METRICS["not_counted"]) | STOP_WORDS | DETERMINERS_AND_POSSESSIVES
OPEN_MODIFIERS = METRICS["open_modifiers"]
DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|its|their|his|her|our|all)\s+$", re.I)
#: A word of an open count: a lowercase word or a designation ("S-300", "T-90").
OPEN_WORD = re.compile(
    r"\s+(?:(?P<word>[a-z][a-z-]*[a-z])|(?P<model>[A-Z][A-Za-z]*-?[0-9][\w-]*)"
    r"|(?P<name>[A-Z][a-z]+))(?![\w'’-])")
#: A measure word and its "of" between a number and what it counts ("87 units of armoured
#: vehicles", "231 types of weaponry", "14 pieces of artillery").
MEASURE_OF = re.compile(
    rf"\s*{phrase_pattern(NUMBERS['measure_words'] + NUMBERS['kind_words'])}\s+of\b(?:\s+the\b)?",
    re.I)
#: A count of kinds ("231 types of weaponry") counts kinds of the thing, not the thing:
#: its metric is the thing's with "types" ("weapons types"), never set against a count.
KIND_OF = re.compile(rf"\s*{phrase_pattern(NUMBERS['kind_words'])}\s+of\b", re.I)
#: "and" or "or" between two modifiers of an open count's noun.
OPEN_AND = re.compile(r"\s+(?:and|or)(?=\s+[a-z])")
#: The word after a counted noun that is the head of the phrase ("865 bandit leaders",
#: "two cargo planes"): a lowercase plural that is no verb of state.
HEAD_AFTER = re.compile(r" (?P<word>[a-z][a-z-]*[a-z])(?![\w'’-])")
#: What happened to a count of a noun the vocabulary does not know: the state's word.
OPEN_STATES = METRICS["open_states"]["states"]
#: Cues that are nouns ("civilian deaths"): they name what happened to people, never to
#: the thing an open count counts ("4,615 incidents where ... civilian deaths").
OPEN_STATE_NOUNS = frozenset(METRICS["open_states"]["noun_cues"])
#: A verb of death or wounding right before a bare count ("killed 300 in Idlib", a
#: headline's "kill 48"): the count is of people. Its cues that are verbs: one word, no
#: noun of death.
VERB_OF_PEOPLE = re.compile(rf"""\b{phrase_pattern(
    [c for state in ("killed", "wounded") for c in METRICS["states"][state]
     if " " not in c and c not in OPEN_STATE_NOUNS and c != "dying"])}\s+(?:{"|".join(
    f"{phrase_pattern(q)}" for q in QUALIFIERS.values())}\s+)?$""", re.I)
#: A bare count that is the subject of a verb of people's state: "Fewer than 70,000 have
#: returned", "More than 300 were killed" (the state is read as a counted noun's is).
PEOPLE_VERB_AFTER = re.compile(rf"""\s+(?:have|has|had|were|was)\s+(?:been\s+|since\s+|now\s+)?{
    phrase_pattern([c for state in ("killed", "wounded", "fled", "returned", "displaced",
                                    "evacuated")
                    for c in METRICS["states"][state] if " " not in c])}\b""", re.I)
#: A list item is a short paragraph; a list has at most so many items below its lead-in.
LIST_ITEM_WORDS, LIST_ITEMS = 12, 30
DATE_FIELDS = (("date", str), ("start", int), ("end", int))     # what a date mention must have


@cache
def _names_of_type(kind: str | None) -> re.Pattern | None:
    """Every spelling of the names of this type in names.json, as written (case matters:
    "IS", not "is")."""
    if kind is None:
        return None
    spellings = {v for e in vocab.load("names.json") if e["type"] == kind for v in e["variants"]}
    body = "|".join(re.escape(v) for v in sorted(spellings, key=lambda v: (-len(v), v)))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


# --- rules ---------------------------------------------------------------------------
def _atom(m: re.Match) -> tuple[int, int, float | None, bool] | None:
    """(start, end, value, vague) of an ATOM match; None for word runs that are no number.
    A vague amount has no value: "scores of airstrikes" is not 20 of them."""
    g = m.group
    if g("vague"):                                  # "dozens", "tens of thousands": no number
        return m.start(), m.end(), None, True
    if g("fraction"):
        part = FRACTIONS[(g("part") or g("half") or "half").lower()] + (1 if g("andhalf") else 0)
        return m.start(), m.end(), part * SCALES[g("fscale").lower()], False
    if g("digits"):
        scale = 1e6 if g("m") else SCALES.get(g("scale") or "", 1)
        # in decimal: "4.1 million" is 4100000, not the float product 4099999.9999999995
        value = Decimal(g("digits").replace(",", "")) * Decimal(scale)
        return m.start(), m.end(), float(value), False
    return _word_number(m)


def _word_number(m: re.Match) -> tuple[int, int, float, bool] | None:
    """Number words read left to right ("two hundred and fifty thousand"); stops where a
    second number would begin ("three four")."""
    total = current = 0.0
    end, last = m.start(), None
    for w in LETTERS.finditer(m.group()):
        word = w.group().lower()
        if word in ("a", "and"):
            continue
        if word in SMALL:
            small = SMALL[word]
            if last == "small" and not (current % 100 >= 20 and current % 10 == 0 and small < 10):
                break       # "three four": two numbers, keep the first
            current += small
            last = "small"
        elif word in MULTIPLIERS:
            current = (current or 1) * MULTIPLIERS[word]
            last = "mult"
        else:
            total += (current or 1) * SCALES[word]
            current, last = 0.0, "scale"
        end = m.start() + w.end()
    return (m.start(), end, total + current, False) if end > m.start() else None


def not_a_count(text: str, low: str, start: int, end: int, value: float | None,
                is_digits: bool, sentence: Sentence) -> bool:
    """True for numbers that are names, dates, times, years, durations or 'one of'."""
    before, after = text[max(sentence.start, start - 40):start], text[end:end + 40]
    prev_char = text[start - 1] if start > sentence.start else ""
    if prev_char and (prev_char.isalnum() or prev_char in "$£€#.,/:" or
                      (prev_char in "-–" and start > 1 and text[start - 2].isalnum())):
        return True                                    # Su-24, MH17, $4bn, 05:10, v1.2
    if is_digits and after[:1].isalpha() and not UNIT.match(after):
        return True                                    # 1990s, 24was, 1st, 3M
    if is_digits and DIGIT_AFTER.match(after):
        return True                                    # 10.5.2016, 12/03
    if MONTH_NAME_BEFORE.search(before) or MONTH_AFTER.match(after) or DURATION_AFTER.match(after):
        return True
    if _is_year(text, start, end, value) and (YEAR_BEFORE.search(before) or not (
            after[:1] == " " and SUBJECT_NOUN.match(low, end + 1))):
        return True                                    # 2015, unless "2015 troops"
    word = PREV_WORD.search(before)
    if word and word.group(1)[0].isupper() and not word.group(1).endswith("'s") \
            and not SENTENCE_HEAD.fullmatch(text, sentence.start,
                                            start - len(before) + word.start()) \
            and not QUALIFIER_BEFORE.search(before) and not RANGE_OPEN.search(before) \
            and not PLACE_BEFORE.search(before, 0, word.start()) \
            and not title_case(text, sentence):
        return True                                    # Resolution 2254, Route 5
    if not is_digits and text[start].isupper() \
            and not SENTENCE_HEAD.fullmatch(text, sentence.start, start) \
            and not title_case(text, sentence):
        return True                                    # Three Kingdoms
    if value == 1 and not is_digits and not ANOTHER_ONE.search(before) \
            and (NOT_AFTER_ONE.match(after) or NOT_BEFORE_ONE.search(before)):
        return True                                    # one of, another one
    return False


#: A headline in title case capitalises every word, its verbs and number words too
#: ("Russian Jets Kill 40 Militants"): there a capital says nothing of a name.
def title_case(text: str, sentence: Sentence) -> bool:
    """Is the sentence a headline in title case (most of its longer words capitalised)?"""
    return is_title_case(sentence.text)


def _is_year(text: str, start: int, end: int, value: float | None) -> bool:
    # A vague atom has no value, but it is no run of four digits either.
    return (end - start == 4 and text[start:end].isdigit()
            and value is not None and 1900 <= value <= 2099)


class Extent(NamedTuple):
    start: int              # the figure's span: qualifier .. unit
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    unit_text: str | None   # the unit as written, the noun of "27,000 square kilometers"
    after: int              # where the counted noun may start (past a conversion in brackets)
    #: "grew from 19,000 to 78,000": the value changed from, its own figure (start, end, value)
    before: tuple[int, int, float] | None = None


def read_extent(text: str, low: str, m: re.Match, atom, sentence: Sentence) -> Extent:
    """Range, qualifier, unit and conversion around an atom."""
    start, end, value, vague = atom
    lowest = highest = None
    before: tuple[int, int, float] | None = None
    qualifier = "vague" if vague else "exact"
    join = NUMBER_RANGE_JOIN.match(text, end)
    second = (ATOM.match(low, join.end())
              if join and not vague and join.end() < sentence.end else None)
    # a second atom implies a join; saying so again lets the type checker see it
    if join and second and (second.group("digits") or second.group("words")):
        opener = RANGE_OPEN.search(text, max(0, start - 12), start)
        other = _atom(second)
        by_and = join.group().strip().lower() == "and"
        if other and not _is_year(text, *other[:3]) and (
                not by_and or (opener and opener.group("word").lower() == "between")):
            hi, lo = other[2], value
            if second.group("scale") and m.group("digits") and not m.group("scale") \
                    and value < 1000:
                lo = value * SCALES[second.group("scale")]            # "1.5 to 2 million"
            if CHANGE_BEFORE.search(text, max(0, start - 40), start) and value is not None:
                # "rose from 300 to 400": now 400, and 300 before
                before = (start, end, value)
                start, end, value = second.start(), other[1], hi
            elif lo < hi:
                lowest, highest, value, end = lo, hi, None, other[1]
                start = opener.start() if opener else start
    qual = QUALIFIER_BEFORE.search(text, max(sentence.start, start - 30), start)
    if qual:
        start = qual.start()
        if not vague and lowest is None:
            qualifier = next(name for i, name in enumerate(QUALIFIERS) if qual.group(f"q{i}"))
    of = OF_UNIT.match(text, end) if vague else None
    unit_match = UNIT.match(text, of.end() if of else end)
    # every alternative of UNIT is a named group: a match always has a lastgroup
    unit = (unit_match.lastgroup.replace("_", " ")
            if unit_match and unit_match.lastgroup else None)
    end = unit_match.end() if unit_match else end
    suffix = SUFFIX.match(text, end)
    if suffix and not vague and lowest is None:
        qualifier = SUFFIX_QUALIFIERS[" ".join(suffix.group().lower().replace("-", " ").split())]
        end = suffix.end()
    conversion = CONVERSION.match(text, end) if unit else None
    return Extent(start, end, value, lowest, highest, qualifier, unit,
                  unit_match.group().strip(" -") if unit_match else None,
                  conversion.end() if conversion else end, before)


def counted_noun(text: str, low: str, pos: int, limit: int,
                 allow_of: bool) -> tuple[re.Match | None, bool]:
    """The known noun after a number, past modifiers: (noun match, bare) where bare means
    nothing but punctuation or a function word followed the number."""
    lower = caps = steps = 0
    after_of = False
    if text.startswith("-", pos) and text[pos + 1:pos + 2].isalpha():
        pos += 1                        # "a 31-truck convoy", "a 2,000-strong contingent"
    while steps < 12 and pos < limit:
        steps += 1
        while pos < limit and text[pos].isspace():
            pos += 1
        noun = SUBJECT_NOUN.match(low, pos)
        if noun and noun.end() <= limit:
            if not text.startswith("'s", noun.end()):
                return noun, False
            pos, lower = noun.end() + 2, lower + 1      # "the country's territory": a possessor
            continue
        tok = FWD_TOKEN.match(text, pos)
        if not tok or tok.end() > limit:
            break
        if tok.group("open") or tok.group("quote"):   # "(IS)" and quotes are skipped
            close = (text.find(")", tok.end(), min(limit, tok.end() + 40))
                     if tok.group("open") else tok.end() - 1)
            if close < 0:
                break
            pos = close + 1
            continue
        word = tok.group("word")
        if not word:
            return None, steps == 1
        folded = word.lower()
        measure = MEASURE_OF.match(text, tok.start("word")) if steps == 1 else None
        if measure:                                 # "231 types of weaponry": the weaponry
            pos, after_of = measure.end(), True
            continue
        if folded == "of" and allow_of:
            pos, after_of, allow_of = tok.end(), True, False
            continue
        if after_of and folded in DETERMINERS_AND_POSSESSIVES:
            pos = tok.end()
            continue
        if lower and (joined := OPEN_AND.match(text, tok.start() - 1, limit)) \
                and not _plural(text[:tok.start()].split()[-1].lower()):
            pos, lower = joined.end(), lower - 1   # "209 oil production and refining facilities"
            continue
        if folded in STOP_WORDS and not (word.isupper() and len(word) > 1):  # "IS", not "is"
            return None, steps == 1
        if word.islower() and _plural(word) and folded not in CUE_STATES \
                and not SUBJECT_NOUN.match(low, tok.end() + 1):
            return None, False      # "45 attacks with barrel bombs": attacks, not bombs
        caps, lower = (caps + 1, lower) if word[0].isupper() else (caps, lower + 1)
        if caps > 4 or lower > 2:
            break
        pos = tok.end()
    return None, steps <= 1


def coordinated_noun(text: str, low: str, extent: Extent,
                     sentence: Sentence) -> re.Match | None:
    """The noun a bare number shares with the number coordinated after it ("18 and 7
    fighters", "12, 9 and 4 children")."""
    pos = extent.after
    for _ in range(COORDINATED_NUMBERS):
        join = COORDINATED.match(text, pos, sentence.end)
        second = ATOM.match(low, join.end()) if join else None
        if second is None or second.group("vague") or second.group("fraction"):
            return None
        noun, bare = counted_noun(text, low, second.end(), sentence.end, allow_of=False)
        if noun or not bare:
            return noun
        pos = second.end()
    return None


def noun_before(text: str, low: str, sentence: Sentence, start: int) -> re.Match | None:
    """The subject a bare count is reported of: the last known noun before it in the
    sentence, tied to the number by a linking word ("the number ranges from", "exceeded")."""
    last = None
    for m in SUBJECT_NOUN.finditer(low, max(sentence.start, start - 160), start):
        if text.startswith("'s", m.end()):
            continue
        if "units" not in SUBJECTS[subject_of(m)]:
            last = m
    if last is None:
        return None
    between = text[last.end():start]
    if re.search(r"[0-9]", DATE_DIGITS.sub("", between)) or not LINK.search(between):
        return None
    return last


class Article:
    """One article being read: its text, the folded twin the vocabularies run over, its
    sentences and dated mentions, and what is worked out once a sentence (state cues)."""

    def __init__(self, text: str, sentences: list[Sentence], dates: Sequence,
                 publisher: str | None = None, names: Sequence[NameMention] | None = None,
                 list_items: Collection[int] = ()):
        self.text, self.low, self.sentences = text, lowercase(text), sentences
        self.starts = [s.start for s in sentences]
        usable = (d for d in dates
                  if all(isinstance(getattr(d, k, None), t) for k, t in DATE_FIELDS) and d.date)
        self.mentions = sorted(usable, key=lambda d: d.start)
        self.mention_starts = [d.start for d in self.mentions]
        self.attributions = Attributions(text, sentences, self.low, publisher, names,
                                         list_items)
        self._cache: dict[tuple[str, int], list] = {}
        self._dates: dict[int, tuple[int, list, str | None]] = {}
        # sentence -> subject, noun, state of its last figure
        self.last_subject: dict[int, tuple] = {}
        # sentence -> the metric of its last count, which a share after it is a share of
        self.last_metric: dict[int, str] = {}

    def names(self, index: int, subject: str | None) -> bool:
        """Does sentence ``index`` name something of ``subject``, by a noun ("the militants
        who hold") or by a name ("IS controls")?"""
        if subject is None:
            return False
        sentence = self.sentences[index]
        named = _names_of_type(SUBJECTS[subject].get("name_type"))
        return any(subject_of(m) == subject
                   for m in SUBJECT_NOUN.finditer(self.low, sentence.start, sentence.end)) \
            or bool(named and named.search(self.text, sentence.start, sentence.end))

    def in_date(self, start: int, end: int) -> bool:
        i = bisect_right(self.mention_starts, start)
        return any(d.start <= start < d.end or start <= d.start < end
                   for d in self.mentions[max(0, i - 2):i + 1])

    def state(self, index: int, states: dict, start: int, end: int,
              skip: frozenset[str] = frozenset()) -> str | None:
        """The state of the cue nearest the figure, in its clause, that the subject can be in
        (``states``: a subject's states; ``skip``: cue phrases not taken); a cue across an
        "and" counts only when there is no other."""
        if not states:
            return None
        sentence = self.sentences[index]
        lo, hi = sentence.start, sentence.end
        for b_start, b_end in self._sentence(index, "breaks"):
            if b_end <= start:
                lo = b_end
            elif b_start >= end:
                hi = b_start
                break
        best, best_distance = None, None
        for cue_start, cue_end, cue_states in self._sentence(index, "cues"):
            known = [s for s in cue_states if s in states]
            if not known or cue_start < lo or cue_end > hi \
                    or (skip and " ".join(self.low[cue_start:cue_end].split()) in skip):
                continue
            distance = start - cue_end if cue_end <= start else max(0, cue_start - end)
            if AND.search(self.low, min(cue_end, end), max(cue_start, start)):
                distance += 1000    # "One soldier died and two were injured": "two" is injured
            if best_distance is None or distance < best_distance:
                best, best_distance = known[0], distance
        lead = self.lead_in(index) if best is None else None
        if lead is not None:                # a list item: the verb of its lead-in
            cues = [s for i in self.lead_sentences(lead) for *_, cue_states in
                    self._sentence(i, "cues") for s in cue_states if s in states]
            best = cues[0] if cues else None
        return best

    def lead_sentences(self, lead: int) -> list[int]:
        """A list's lead-in and the sentence before it in its paragraph, nearest first
        ("The network documented 210 deaths. Among them:")."""
        before = lead - 1
        if before < 0 or "\n" in self.text[self.sentences[before].end:self.sentences[lead].start]:
            return [lead]
        return [lead, before]

    def lead_source(self, lead: int) -> Attribution | None:
        """Who says what a list's lead-in says: its own source, or that of the sentence
        before it in its paragraph ("..., the monitor said. Those killed included:")."""
        for i in self.lead_sentences(lead):
            who = self.attributions.attribution(i, self.sentences[i].end)
            if who.claimant:
                return who
        return None

    def lead_in(self, index: int) -> int | None:
        """The sentence that leads in the list a short item belongs to ("Those killed
        included:" above "31 children", "12 women"); None for a sentence of no list."""
        if ("lead", index) not in self._cache:
            lead = None
            for i in range(index, max(-1, index - LIST_ITEMS - 1), -1):
                s = self.sentences[i]
                if i < index and s.text.rstrip().endswith(":"):
                    lead = i
                    break
                if len(s.text.split()) > LIST_ITEM_WORDS or \
                        (i < index and "\n" not in self.text[s.end:self.sentences[i + 1].start]):
                    break                   # prose, or two sentences of one paragraph
            self._cache["lead", index] = [lead]
        return self._cache["lead", index][0]

    def _sentence(self, index: int, what: str) -> list:
        """The state cues, the clause breaks or the periods as written of a sentence, found
        once."""
        if (what, index) not in self._cache:
            s = self.sentences[index]
            found: list     # (start, end, states) cues, (start, end) breaks or period matches
            if what == "cues":
                found = [(a, b, CUE_STATES[" ".join(self.low[a:b].split())])
                         for a, b in STATE_CUE.spans(self.low, s.start, s.end)]
            elif what == "breaks":
                found = [m.span() for m in CLAUSE_BREAK.finditer(self.low, s.start, s.end)]
            else:
                found = list(PERIOD_TEXT.finditer(self.text, s.start, s.end))
            self._cache[what, index] = found
        return self._cache[what, index]

    def dating(self, index: int, start: int) -> tuple[str | None, str | None]:
        """(as_of, period): the sentence's dated mentions, nearest first; a range or "since"
        makes a period, "over almost six months" a period as written; "Back then" takes
        the last date before the sentence."""
        lo, rest, period = self._dates_of(index)
        if period is None and (spans := self._sentence(index, "periods")):
            period = min(spans, key=lambda p: abs(p.start() - start)).group("p")
        if rest:
            return min(rest, key=lambda d: abs(d.start - start)).date, period
        if lo and THEN.search(self.text, self.sentences[index].start, start):
            return self.mentions[lo - 1].date, period
        return None, period

    def _dates_of(self, index: int) -> tuple[int, list, str | None]:
        """(the index of the sentence's first date mention, those no period took, the period
        of a range or "since"), found once a sentence: it has as many figures as dates."""
        if index in self._dates:
            return self._dates[index]
        text, sentence = self.text, self.sentences[index]
        lo, hi = (bisect_right(self.mention_starts, edge - 1)
                  for edge in (sentence.start, sentence.end))
        mentions = self.mentions[lo:hi]
        period: str | None = None
        used: set[int] = set()
        for i, d in enumerate(mentions):
            if "/" in d.date:
                period, used = d.date, used | {i}
            elif (i + 1 < len(mentions) and RANGE_OPEN.search(text, sentence.start, d.start)
                  and DATE_RANGE_JOIN.fullmatch(text, d.end, mentions[i + 1].start)):
                period, used = f"{d.date}/{mentions[i + 1].date}", used | {i, i + 1}
            elif SINCE_BEFORE.search(text, sentence.start, d.start):
                period, used = period or f"{d.date}/..", used | {i}
        found = lo, [d for i, d in enumerate(mentions) if i not in used], period
        self._dates[index] = found
        return found


# --- the API -------------------------------------------------------------------------
def find_figures(text: str, sentences: list[Sentence] | None = None, dates: Sequence = (),
                 published: str | None = None, *, publisher: str | None = None,
                 names: Sequence[NameMention] | None = None,
                 list_items: Collection[int] = ()) -> list[Figure]:
    """Every figure of ``text`` whose metric can be named; see the module docstring.
    ``published`` is accepted for symmetry with find_dates: relative dates come resolved
    in ``dates``. ``publisher`` is who published the article: an organisation's own
    report speaks for it where nobody else is named. ``names`` are the article's names
    (names.find_names, found when not given): the people a claimant's surname stands for.
    ``list_items``: where the paragraphs that were a list's items start (clean.py takes
    their markers off)."""
    if not isinstance(text, str) or not text:
        return []
    sentences = split_sentences(text) if sentences is None else sentences
    article = Article(text, sentences, dates or (), publisher, names, list_items)
    figures: list[Figure] = []
    consumed = 0
    for start in atom_starts(article.low):
        m = ATOM.match(article.low, start) if start >= consumed else None
        index = bisect_right(article.starts, start) - 1
        if m is None or index < 0 or start >= article.sentences[index].end:
            continue
        found, consumed = read_figure(article, m, index)
        figures.extend(found)
    return headline_claimants(text, shared_qualifiers(text, figures))


def shared_qualifiers(text: str, figures: list[Figure]) -> list[Figure]:
    """A qualifier in front of coordinated numbers covers each of them: in "over 2.5
    thousand gunmen and 120 injured" both are over; one after ("410 commanders and more than
    90 thousand gunmen") covers only its own."""
    for i in range(1, len(figures)):
        first, second = figures[i - 1], figures[i]
        if second.qualifier == "exact" and second.low is None and first.low is None \
                and first.qualifier not in ("exact", "vague") \
                and first.sentence_start == second.sentence_start and first.end <= second.start \
                and SHARED_QUALIFIER.fullmatch(text, first.end, second.start):
            figures[i] = replace(second, qualifier=first.qualifier)
    return figures




def headline_claimants(text: str, figures: list[Figure]) -> list[Figure]:
    """Rule 6: a figure of the headline or lede that nobody claims takes the claimant of the
    first later figure of the same value and metric that has one ("Russian strikes kill
    200 civilians" over "... documented the deaths of 200 civilians")."""
    lede_end, count = 0, 0
    while count < LEDE_PARAGRAPHS and lede_end >= 0:
        lede_end = text.find("\n", lede_end + 1)
        if lede_end < 0 or text[lede_end + 1:lede_end + 2].strip():
            count += 1
    lede_end = len(text) if lede_end < 0 else lede_end
    # the claimed figures of each value and metric, in order: a lede of one long line
    # looks up its own key's, not every later figure (which was quadratic)
    claimed: dict[tuple, list[int]] = {}
    for i, f in enumerate(figures):
        if f.claimant:
            claimed.setdefault((f.value, f.low, f.high, f.metric), []).append(i)
    for i, figure in enumerate(figures):
        # the lede rule (claimants) guessed from the first source named; the same figure
        # in the body is surer
        if figure.claimant and figure.claimant_rule != "lede" or figure.start >= lede_end:
            continue
        later = claimed.get((figure.value, figure.low, figure.high, figure.metric), [])
        same = next((figures[later[k]] for k in range(bisect_right(later, i), len(later))
                     if figures[later[k]].start >= figure.sentence_end), None)
        if same:
            figures[i] = replace(figure, claimant=same.claimant, claimant_org=same.claimant_org,
                                 via=same.via, claimant_rule="headline")
    return figures


def atom_starts(low: str):
    """Where an atom may start in folded text, in order: each digit, and each number word
    that begins a word and is not inside an earlier number word ("a hundred")."""
    first = START_WORD.match(low)
    if first:
        yield 0
    for candidate in ATOM_START.finditer(low, first.end() if first else 0):
        yield candidate.start() if candidate.lastgroup is None else candidate.start("word")


def read_figure(article: Article, m: re.Match, index: int) -> tuple[list[Figure], int]:
    """Rules 1-5 of the module docstring for one atom: its figures (none when it is not
    one; two for a change, "grew from 19,000 to 78,000") and where the next atom may start
    (past a range or a conversion it took)."""
    text, sentence = article.text, article.sentences[index]
    atom = _atom(m)
    money = read_money(article, m, atom, sentence) if atom and not atom[3] else None
    if money is not None:
        return [_figure(article, index, money, MONEY["metric"], None)], money.end
    if atom is None or article.in_date(*atom[:2]) or not_a_count(
            text, article.low, *atom[:3], bool(m.group("digits")), sentence):
        return [], m.end()
    extent = read_extent(text, article.low, m, atom, sentence)
    extent = one_in(article, extent, sentence) if atom[2] == 1 else extent
    if (often := _frequency(article, index, extent)) is not None:
        return [often], extent.after
    counted = (what_is_counted(article, index, m, atom, extent)
               if extent.after <= sentence.end else None)
    if counted is None and extent.unit == "percent":
        return _share_figure(article, index, m, extent)
    if counted is None:
        return _open_figure(article, index, m, atom, extent)
    return _counted_figure(article, index, m, extent, counted)


#: "45 times" after a verb: how often its act happened (metrics.json ``frequencies``).
TIMES_AFTER = re.compile(
    rf"\s+times\b(?!\s+(?:{vocab.alternation(METRICS['ratio_after_times'])})\b)", re.I)
FREQUENCY_VERB = re.compile(rf"\b(?:{vocab.alternation(METRICS['frequencies'])})", re.I)
#: How far before its count a frequency's verb may stand ("violated the 2018 Sochi
#: memorandum more than 1,300 times").
FREQUENCY_REACH = 80


def _frequency(article: Article, index: int, extent: Extent) -> Figure | None:
    """A count of times an act happened, its metric the act's ("violations")."""
    if extent.unit is not None or not TIMES_AFTER.match(article.low, extent.after):
        return None
    start = max(article.sentences[index].start, extent.start - FREQUENCY_REACH)
    verbs = list(FREQUENCY_VERB.finditer(article.low, start, extent.start))
    if not verbs:
        return None
    metric = METRICS["frequencies"][verbs[-1].group().lower()]
    return _figure(article, index, extent, metric, None)


def _share_figure(article: Article, index: int, m: re.Match,
                  extent: Extent) -> tuple[list[Figure], int]:
    """A percentage without a counted noun: a share of the metric counted just before
    ("killed 300 people (about 35%)"), or of what "one in ten of" names."""
    base = article.last_metric.get(index)       # "killed 300 people (about 35%)"
    if base is None and (of := SHARE_OF.match(article.low, extent.after)):
        base = METRICS["shares"]["of_words"][of.group("w")]    # "one in ten of the dead"
    if base is None:
        return _open_share(article, index, m, extent)
    last = article.last_subject.get(index)
    if not (last and "percent" in SUBJECTS[last[0]].get("units", ())):
        base = SHARE_PREFIX + base              # territory's percent is territory
    return [_figure(article, index, extent, base, None)], extent.after


def _open_share(article: Article, index: int, m: re.Match,
                extent: Extent) -> tuple[list[Figure], int]:
    """A percentage of what no metric counts: a share of the head of the noun phrase after
    "of" ("share of monuments"), a "share" where a pronoun stands there; none without "of"."""
    of = OPEN_SHARE_OF.match(article.text, extent.after)
    if of is None:
        return [], m.end()
    words = of.group("np").split()
    ends = [i for i, w in enumerate(words) if w.lower() in OPEN_SHARE_ENDS]
    run = words[:ends[0]] if ends else words
    # a name ("98% of Aleppo"), else the last plural noun ("of the city's monuments"), else
    # nothing a reader could search by ("of these hit terrain"): a plain share
    if run and all(w[:1].isupper() for w in run):
        noun = " ".join(run)
    else:
        plural = [w for w in run if w.endswith("s") and not w.endswith(("'s", "’s", "ss"))
                  and w.lower() not in SHARE_PRONOUNS]
        noun = plural[-1] if plural else ""
    metric = SHARE_PREFIX + noun if noun else SHARE_PREFIX.removesuffix(" of ")
    return [_figure(article, index, extent, metric, None)], extent.after


def _open_figure(article: Article, index: int, m: re.Match, atom,
                 extent: Extent) -> tuple[list[Figure], int]:
    """A count of a noun no metric names ("12 bridges"): an open metric of it."""
    text, sentence = article.text, article.sentences[index]
    # a headline in title case capitalises its nouns: read it in lowercase
    headline = title_case(text, sentence)
    opened = (open_count(article.low if headline else text, extent, sentence)
              if not atom[3] and extent.unit is None else None)
    if opened is None:
        return [], m.end()
    if headline:                        # its capitals hide names: the head noun alone
        opened = opened[0].split()[-1], opened[1]
    named = with_open_state(article, index, extent, opened[0], extent.after + len(opened[1]))
    named = f"{opened[0]} types" if KIND_OF.match(text, extent.after) else named
    return [_figure(article, index, extent, named, opened[1])], extent.after


def _counted_figure(article: Article, index: int, m: re.Match, extent: Extent,
                    counted: tuple[str, int, str | None]) -> tuple[list[Figure], int]:
    """A count of a subject of metrics.json: its metric by the state its sentence gives
    it; two figures for a change ("grew from 19,000 to 78,000")."""
    text = article.text
    subject, noun_end, noun_text = counted
    states = SUBJECTS[subject]["states"]
    # a part of a total is in the state its own verb gives ("downed 71 of 103 missiles
    # fired"); the total is not in the part's (its own metric: 103 missiles fired)
    part = extent.unit is None and OF_TOTAL.match(text, extent.after)
    total = PART_BEFORE.search(text, max(0, extent.start - 24), extent.start)
    cue = None if total else article.state(
        index, states, extent.start, extent.end if part else max(extent.end, noun_end))
    parent = _parent_set(article, index)
    if parent and parent[2] in states and (
            BREAKDOWN.search(text, extent.start - 20, extent.start)
            or PARTITIVE.match(text, extent.after)
            or _copula_part(text, extent.after, article.sentences[index].end)):
        cue = parent[2]                     # "1,743 refugees returned, including 522 women"
    if cue == "held" and not article.names(index, SUBJECTS[subject].get("held_by")):
        cue = None                                  # "government forces control 85 percent"
    metric: str | None = states.get(cue) or SUBJECTS[subject]["metric"] \
        or open_metric(article, index, extent, noun_text, noun_end)
    if metric is None:
        return [], m.end()
    article.last_subject[index] = subject, noun_text, cue
    group = counted_with(article, subject, noun_text, noun_end)
    if group:                                       # "527 children and women": both, not a part
        metric = f"{group} {cue}" if cue else group
    if KIND_OF.match(text, extent.after):
        metric = f"{subject} types"                 # "two types of missiles"
    if extent.unit == "percent" and "percent" not in SUBJECTS[subject].get("units", ()):
        metric = SHARE_PREFIX + metric              # "60% of the victims children": no toll
    else:
        article.last_metric[index] = metric
    extent = after_noun(text, extent, noun_end)
    figures = [_figure(article, index, extent, metric, noun_text)]
    if extent.before:
        start, end, value = extent.before
        was = extent._replace(start=start, end=end, value=value, qualifier="exact", before=None)
        figures.insert(0, _figure(article, index, was, metric, noun_text))
    return figures, extent.after


def _copula_part(text: str, pos: int, end: int) -> re.Match | None:
    """"12 were children": a part named by what it is; not "two were injured", a state."""
    part = COPULA_PART.match(text, pos, end)
    return part if part and part.group("word") not in CUE_STATES else None


def _parent_set(article: Article, index: int) -> tuple | None:
    """(subject, noun, state) of the set a part in sentence ``index`` is of: the sentence's
    own last count, else the last count of the sentence before where this one opens by
    pointing back at it ("... 6,686 civilians. Of those, 2,055 were children")."""
    own = article.last_subject.get(index)
    if own or not index:
        return own
    sentence = article.sentences[index]
    if not SET_OPENER.match(article.text, sentence.start, sentence.end):
        return None
    before = article.last_subject.get(index - 1)
    if before is None or before[2] is not None:
        return before
    # its state as its metric says it ("6,686 civilian deaths": killed)
    return (*before[:2], METRIC_STATES.get(article.last_metric.get(index - 1) or ""))


def read_money(article: Article, m: re.Match, atom, sentence: Sentence) -> Extent | None:
    """An amount of money ("$300 million", "over 1.2 billion roubles", "£3.8bn"), its
    currency's code as the unit; None for a number with no currency beside it."""
    start, end, value = atom[:3]
    text = article.text
    sign = CURRENCY_BEFORE.search(text, max(sentence.start, start - 4), start)
    named = None if sign else CURRENCY_AFTER.match(article.low, end)
    if value is None:
        return None
    if sign:
        if sign.start() > sentence.start and text[sign.start() - 1].isalnum():
            return None                             # "A$3", "HK$3": no sign of ours
        code, first, last = MONEY["symbols"][sign.group().strip()], sign.start(), end
    elif named:
        code, first, last = MONEY["words"][" ".join(named.group().split())], start, named.end()
    else:
        return None
    qual = QUALIFIER_BEFORE.search(text, max(sentence.start, first - 30), first)
    qualifier = next((name for i, name in enumerate(QUALIFIERS) if qual.group(f"q{i}")),
                     "exact") if qual else "exact"
    return Extent(qual.start() if qual else first, last, value, None, None, qualifier, code,
                  text[first:last], last)


def one_in(article: Article, extent: Extent, sentence: Sentence) -> Extent:
    """"one in ten" as the share it is (10 percent), to the end of its second number."""
    join = ONE_IN.match(article.text, extent.end, sentence.end) if extent.unit is None else None
    every = ATOM.match(article.low, join.end()) if join else None
    other = _atom(every) if every else None
    if other is None or not other[2] or other[2] < 2 or other[3]:
        return extent
    return extent._replace(end=other[1], value=round(100 / other[2], 2), unit="percent",
                           unit_text=article.text[extent.start:other[1]], after=other[1])


def counted_with(article: Article, subject: str, noun: str | None, noun_end: int) -> str | None:
    """The group a count covers when its noun is joined to another ("527 children and
    women"): the two nouns in a fixed order, so that "women and children" is the same
    group; None when the count is of one noun only."""
    joined = AND_NOUN.match(article.text, noun_end) if noun else None
    other = SUBJECT_NOUN.match(article.low, joined.end()) if joined else None
    if noun is None or other is None or subject_of(other) == subject \
            or " ".join(other.group().split()) in CUE_STATES:   # "and wounded 30 others": a verb
        return None
    return " and ".join(sorted({noun.lower(), article.text[other.start():other.end()].lower()}))


def after_noun(text: str, extent: Extent, noun_end: int) -> Extent:
    """What the words after the counted noun add: a rate ("100 sorties a day": unit "per
    day", never set against a total) and a qualifier ("20,000 people or more", "100 sorties
    a day and more": at least)."""
    rate = RATE.match(text, noun_end) if extent.unit is None else None
    if rate:
        extent = extent._replace(unit=f"per {rate.group('per') or 'day'}")
        noun_end = rate.end()
    more = MORE_AFTER.match(text, noun_end)
    if more and extent.qualifier == "exact" and extent.low is None:
        extent = extent._replace(qualifier="at least")
    return extent


def _figure(article: Article, index: int, extent: Extent, metric: str,
            noun: str | None) -> Figure:
    text, sentence = article.text, article.sentences[index]
    as_of, period = article.dating(index, extent.start)
    who = article.attributions.attribution(index, extent.start)
    lead = article.lead_in(index) if who.claimant is None else None
    if lead is not None:                    # a list item: the source of its lead-in
        who = article.lead_source(lead) or who
        as_of, period = (as_of, period) if as_of or period else article.dating(lead, 0)
    return Figure(
        start=extent.start, end=extent.end, text=text[extent.start:extent.end],
        value=extent.value, low=extent.low, high=extent.high, qualifier=extent.qualifier,
        unit=extent.unit, metric=metric,
        noun=noun or text[extent.start:extent.end],
        claimant=who.claimant, as_of=as_of, period=period,
        sentence_start=sentence.start, sentence_end=sentence.end,
        claimant_org=who.org, via=who.via, claimant_rule=who.rule)


def open_count(text: str, extent: Extent, sentence: Sentence) -> tuple[str, str] | None:
    """(metric, noun as written) of a count of a plural noun the vocabulary does not know:
    "105 neighbourhoods", "12 observation posts", "four S-300 launchers". The metric is the
    noun with its lowercase modifiers, as written ("observation posts")."""
    if (extent.value or extent.high or 0) < 2:
        return None                                  # "one" is an indefinite more than a count
    if DEFINITE_BEFORE.search(text, max(sentence.start, extent.start - 12), extent.start):
        return None                         # "the two co-chairs": named before, not counted
    measure = MEASURE_OF.match(text, extent.after, sentence.end) \
        or OF_SET.match(text, extent.after, sentence.end)
    pos, words = (measure.end() if measure else extent.after), []
    for _ in range(OPEN_MODIFIERS + 1):
        tok = OPEN_WORD.match(text, pos, sentence.end)
        if tok is None or (tok.group("word") or "") in NOT_COUNTED:
            return None
        pos = tok.end()
        if tok.group("name"):
            continue                                 # "Four Russian warships"
        words.append(tok)
        word = tok.group("word")
        if word and not word_forms(word).isdisjoint(NOUN_SUBJECT) \
                and not head_after(text, pos, sentence.end):
            return None                              # known, and its rules said no ("5 countries")
        if word and not _plural(word) and (joined := OPEN_AND.match(text, pos, sentence.end)):
            pos = joined.end()                       # "4,349 artillery and rocket specialists"
        if word and _plural(word):
            metric = " ".join(w.group("word") for w in words if w.group("word"))
            first = words[0].start("word") if words[0].group("word") else words[0].start("model")
            return metric, text[first:pos]
    return None


def head_after(text: str, pos: int, limit: int) -> re.Match | None:
    """The noun after a noun at ``pos`` that heads the phrase ("bandit leaders"); None when
    the phrase ends there."""
    head = HEAD_AFTER.match(text, pos, limit)
    if head is None:
        return None
    word = head.group("word")
    return head if _plural(word) and word not in NOT_COUNTED and word not in CUE_STATES else None


def open_metric(article: Article, index: int, extent: Extent, noun: str | None,
                noun_end: int) -> str | None:
    """The metric of a count of a known noun that names no metric alone and whose clause
    says nothing its rules know of: the noun itself ("8,500 residents", "150 military
    vehicles"), with what happened to it; None when it is no claim (a lone "one", "the two",
    "people")."""
    text, sentence = article.text, article.sentences[index]
    word = noun.split()[-1].lower() if noun else ""
    if not _plural(word) or word in NOT_COUNTED or (extent.value or extent.high or 0) < 2 \
            or DEFINITE_BEFORE.search(text, max(sentence.start, extent.start - 12), extent.start):
        return None
    return with_open_state(article, index, extent, word, noun_end)


def with_open_state(article: Article, index: int, extent: Extent, metric: str,
                    noun_end: int) -> str:
    """An open count's metric with what its clause says happened to it ("leaders killed")."""
    cue = article.state(index, OPEN_STATES, extent.start, max(extent.end, noun_end),
                        OPEN_STATE_NOUNS)
    return f"{metric} {OPEN_STATES[cue]}" if cue else metric


def _plural(word: str) -> bool:
    return word in PLURALS or (len(word) > 3 and word.endswith("s")
                               and not word.endswith(("ss", "us", "is")))


def what_is_counted(article: Article, index: int, m: re.Match, atom,
                    extent: Extent) -> tuple[str, int, str | None] | None:
    """(subject, end of its noun, noun as written): the noun after the number, else the
    subject of the figure before it in the sentence ("and 30 others"), else for a bare
    count the noun it is reported of; None when nothing known is counted."""
    text, low, sentence = article.text, article.low, article.sentences[index]
    part = (PARTITIVE.match(text, extent.after, sentence.end)
            or _copula_part(text, extent.after, sentence.end)) \
        if extent.unit is None and _parent_set(article, index) else None
    noun = SUBJECT_NOUN.match(low, part.end(), sentence.end) if part else None
    if noun:                                        # "9 of whom were children"
        return subject_of(noun), noun.end(), text[noun.start():noun.end()]
    total = (OF_TOTAL.match(text, extent.after, sentence.end)
             or OF_SET.match(text, extent.after, sentence.end)) if extent.unit is None else None
    noun, bare = counted_noun(text, low, total.end() if total else extent.after, sentence.end,
                              allow_of=bool(extent.unit) or atom[3])
    shared = coordinated_noun(text, low, extent, sentence) if noun is None and bare else None
    if shared:                                      # "killed 18 and 7 fighters respectively"
        noun, bare = shared, False
    if noun and atom[2] == 1 and not m.group("digits") and extent.unit is None \
            and len(text[extent.after:noun.start()].split()) > 1:
        noun = None                                 # "one" counts only what follows it at once
    if noun and noun.group() == "others" and index in article.last_subject:
        noun = None                                 # "killed 12 soldiers and wounded 30 others"
    head = head_after(text, noun.end(), sentence.end) if noun else None
    if head:                                        # "two cargo planes", "865 bandit leaders"
        noun = SUBJECT_NOUN.match(low, head.start("word"))
        if noun is None:
            return None                             # an open count: open_count names it
    subject = subject_of(noun) if noun else UNIT_SUBJECTS.get(extent.unit)
    if subject and extent.unit in UNIT_SUBJECTS and "units" not in SUBJECTS[subject]:
        subject, noun = UNIT_SUBJECTS[extent.unit], None     # "a 6-km security corridor"
    if subject and noun and MODEL.search(text, extent.after, noun.start()):
        subject = SUBJECTS[subject].get("after_model", subject)     # "4 Su-30SM fighters"
    elided = article.last_subject.get(index) if subject is None and extent.unit is None else None
    if elided and (bare or ELLIPSIS.match(text, extent.after)):
        return elided[0], extent.end, elided[1]     # "killed 12 people and wounded 30 others"
    # a bare count takes the noun before it: any number but a lone "one" ("the toll is now ten")
    if subject is None and bare and extent.unit is None and (atom[2] or 0) >= (
            1 if m.group("digits") else 2):
        noun = noun_before(text, low, sentence, atom[0])
        subject = subject_of(noun) if noun else None
    if subject is None and bare and extent.unit is None and atom[2] and atom[2] >= 2 and (
            VERB_OF_PEOPLE.search(text, max(sentence.start, extent.start - 20), extent.start)
            or PEOPLE_VERB_AFTER.match(text, extent.after, sentence.end)):
        subject = "people"            # "killed more than 300 in ...", "70,000 have returned"
    if subject is None and extent.unit is None \
            and (parts := BREAKDOWN_AFTER.match(text, extent.after)):
        part = SUBJECT_NOUN.search(low, parts.end(),
                                   min(sentence.end, parts.end() + BREAKDOWN_REACH))
        if part:                                    # "15 including 2 children killed": a total
            subject = SUBJECTS[subject_of(part)].get("part_of", "people")
    if subject is None or extent.unit not in SUBJECTS[subject].get("units", [extent.unit]):
        return None
    if noun:                                        # with its modifiers: "IS militants"
        written = text[noun.start():noun.end()] if noun.start() < extent.after or shared else \
            text[extent.after:noun.end()].strip()
        return subject, max(extent.end, noun.end()), written
    return subject, extent.end, extent.unit_text
