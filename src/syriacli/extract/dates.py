"""Find temporal expressions in clean article text and resolve them to dates.

Named rules run over the whole text in a fixed order, most specific first; a span
claimed by an earlier rule is not matched again, so "December last year" is one
mention, not a month and a year. The candidates are then resolved in text order,
against the publication date ("last May", "on Tuesday") or the previous resolved
date ("three days later"), each keeping its precision. Nothing is guessed: without
a publication date a relative expression stays unresolved, and a slash date that
reads both ways is decided by evidence or not at all. The two ends of a span
("between May and July") are marked as rule "range", which is no happening.
Vocabularies (month and weekday names, number words, cue words) are data, in
data/dates.json.

For speed a rule does not scan the text with its own pattern: it names a key (a
month name, a day or year number, a unit word like "week"), each key is found
once per text by a pattern the regex engine can skip ahead for, and the rule's
pattern is tried only where its key is. Words that may precede the key ("early",
"last", "Tuesday,", "three days") are one more pattern, tried just before it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable

from dateutil.relativedelta import relativedelta

from ..errors import BadDate
from .sentences import Sentence, sentence_at, split_sentences

VOCAB = json.loads(resources.files("syriacli.data").joinpath("dates.json").read_text("utf-8"))
MONTHS = {name.lower(): n for n, row in enumerate(VOCAB["months"], 1) for name in row}
ABBREVIATED_MONTHS = {a.lower() for row in VOCAB["months"] for a in row[1:]}
RUSSIAN_MONTHS = {name: n for n, row in enumerate(VOCAB["russian_months"], 1) for name in row}
WEEKDAYS = {name.lower(): n for n, name in enumerate(VOCAB["weekdays"])}
NUMBERS = VOCAB["numbers"]
ADVERB_KIND = {w: kind for kind in ("exact", "approximate", "open") for w in VOCAB[f"{kind}_adverbs"]}
FIRST_YEAR, LAST_YEAR = 1900, 2100
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
COARSER = {"day": "month", "month": "year", "year": "year"}
OFFSET = {"this": 0, "last": -1, "next": 1}
STEPS = {"same": 0, "following": 1, "next": 1, "previous": -1, "preceding": -1}
#: How well a weekday named in the body fits a candidate publication day, by days before it.
WEEKDAY_FIT = (3, 2, 2, 1, 0, 0, 0)
# Candidate verdicts: keep the mention, ignore the match, or claim its span without a
# mention (so "over the last year" does not leave "last year" to a later rule).
SKIP, KEEP, BLOCK = 0, 1, 2


def _alt(words, cased: bool = False, flags: str = "") -> str:
    """An alternation, longest first ("Sept." before "Sept"), spaces as \\s+.

    ``cased`` adds capitalised forms instead of using IGNORECASE, which would stop
    the regex engine from skipping ahead on the first letters.
    """
    forms = {f for w in words for f in ((w, w[:1].upper() + w[1:]) if cased else (w,))}
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


_MONTH_WORDS = [w for row in VOCAB["months"] for w in row] + [a + "." for r in VOCAB["months"] for a in r[1:]]
_RUSSIAN = list(RUSSIAN_MONTHS) + [w.capitalize() for w in RUSSIAN_MONTHS]
# Month names only capitalised: "may amount to" and "a march" are not dates.
MONTH = rf"(?P<month>{_alt(_MONTH_WORDS)})(?!\w)"
WEEKDAY_NAME = _alt(VOCAB["weekdays"])
DAY = r"(?P<day>[0-9][0-9]?)(?![0-9])(?:st|nd|rd|th)?"
DAY_RANGE = r"(?:\s*[-–]\s*(?P<day2>[0-9][0-9]?)(?![0-9])(?:st|nd|rd|th)?)?"
YEAR_DIGITS = r"(?P<year>(?:19|20)[0-9]{2})"
YEAR = YEAR_DIGITS + r"(?![0-9]|,[0-9]|[-–/][0-9])"  # not "2,015", "2015-16", "20155"
YEAR_QUALIFIER = r"(?:,?\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year(?![\w-]))?"
NUMBER = rf"(?P<n>{_alt(NUMBERS, cased=True)}|[0-9]{{1,3}})"

# Keys: where to look. Each is scanned once per text, whichever rules share it.
MONTH_KEY = re.compile(rf"{_alt(_MONTH_WORDS)}(?!\w)")
# A day number followed by a capitalised word (a month?) or by a slash or a dot and digits.
DAY_KEY = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9]?(?![0-9])(?=(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-9]+\w*)?(?:\s+of)?\s+[A-Z]|[/.][0-9])")
YEAR_KEY = re.compile(r"[12](?<![0-9][12])[0-9]{3}(?![0-9])")
UNIT_KEY = re.compile(r"day|weekend|week|month|year")

# Rule patterns, matched where their key starts.
ISO_DATE = re.compile(rf"{YEAR_DIGITS}-(?P<mm>0[1-9]|1[0-2])-(?P<dd>[0-3][0-9])(?![0-9-]|[^\WT])")
NUMERIC_DATE = re.compile(
    rf"(?P<a>[0-9][0-9]?)(?P<sep>[/.])(?P<b>[0-9][0-9]?)(?P=sep){YEAR_DIGITS}(?![\w/-]|\.[0-9])")
FULL_MDY = re.compile(rf"{MONTH}\s+{DAY}{DAY_RANGE},?\s+{YEAR}")
FULL_DMY = re.compile(rf"{DAY}{DAY_RANGE}(?:\s+of)?\s+{MONTH},?\s+{YEAR}")
RUSSIAN_DATE = re.compile(
    rf"(?P<rumonth>{_alt(_RUSSIAN)})(?![\w-])(?:\s+{YEAR_DIGITS}(?![0-9])(?:\s*(?:гг?\.|года?(?!\w)))?)?")
MONTH_YEAR = re.compile(rf"{MONTH}(?:\s+of)?\s+{YEAR}")
MONTH_DAY = re.compile(rf"{MONTH}\s+{DAY}(?!\w){DAY_RANGE}(?![:.,/]?[0-9]){YEAR_QUALIFIER}")
DAY_MONTH = re.compile(
    rf"{DAY}{DAY_RANGE}(?:\s+of)?\s+{MONTH}(?![\w-])(?!,?\s*[0-9]{{4}}(?![0-9]))(?!['’]s){YEAR_QUALIFIER}")
AGO = re.compile(r"ago(?![\w-])")
LATER = re.compile(
    r"(?P<unit>day|week|month|year)s?\s+(?P<dir>later|afterwards|after\s+that|earlier|before\s+that)(?![\w-])")
SAME_PERIOD = re.compile(r"(?P<unit>day|week|month|year)(?:\s+(?P<tail>before|after)(?=\s*[,.;:)]))?(?![\w-])")
MONTH_NAME = re.compile(rf"{MONTH}(?![\w-])(?!['’]s\b){YEAR_QUALIFIER}")
RELATIVE_PERIOD = re.compile(r"(?P<unit>day|weekend|week|month|year)(?![\w-])")
#: Days named by a word, by their distance from publication; parts of a day need "this" or "last".
DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
DAY_PARTS = {"this": ("morning", "afternoon", "evening"), "last": ("night", "evening")}
DAY_WORD = re.compile(rf"(?P<word>{_alt(DAY_WORDS, cased=True)})(?![\w'’-])")
DAY_PART = re.compile(r"(?P<word>morning|afternoon|evening|night)(?![\w'’-])")
WEEKDAY = re.compile(
    rf"(?P<weekday>{WEEKDAY_NAME})(?:['’]s)?(?![\w-])(?!\s+{_alt(VOCAB['not_weekday_after'])}(?![\w-]))"
    r"(?:\s+(?:morning|afternoon|evening|night))?")
YEAR_ALONE = re.compile(rf"{YEAR}(?!s\b|['’]s\b)")

# Words that may precede a key, tried just before it (\Z is the key's start).
WEEKDAY_BEFORE = re.compile(rf"(?<![\w-]){WEEKDAY_NAME},?\s+(?:the\s+)?\Z")
YEAR_PART_BEFORE = re.compile(rf"(?<![\w-])(?P<part>{_alt(VOCAB['year_parts'], cased=True)})[\s-]+\Z")
MONTH_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?P<part>{_alt(['early', 'mid', 'late'], cased=True)})[\s-]+"
    rf"|(?P<rel>{_alt(OFFSET, cased=True)})\s+)\Z")
RUSSIAN_DAY_BEFORE = re.compile(r"(?<![\w.,/-])(?P<day>[0-9][0-9]?)\s+\Z")
COUNT_BEFORE = re.compile(rf"(?<![\w-])(?:(?P<adv>{_alt(ADVERB_KIND, cased=True)})\s+)?{NUMBER}\s+\Z")
COUNT_UNIT_BEFORE = re.compile(COUNT_BEFORE.pattern[:-2] + r"(?P<unit>day|week|month|year)s?\s+\Z")
SAME_BEFORE = re.compile(  # "on that day", "over the next year" (a span, not a date)
    r"(?<![\w-])(?:(?P<prep>(?i:on|in|by|during|of|from|since|until|over|for|within))\s+)?"
    r"(?:(?P<mod>[Ee]arlier|[Ll]ater)\s+)?(?P<det>the|The|that|That)\s+"
    r"(?:(?P<rel>same|following|next|previous|preceding|very\s+same)\s+)?\Z")
PERIOD_BEFORE = re.compile(  # "the last year" is a span, not a date
    rf"(?<![\w-])(?:(?P<the>[Tt]he)\s+)?(?:(?P<mod>{_alt(['earlier', 'later', 'early', 'late', 'so far'], cased=True)})"
    rf"[\s-]+)?(?P<rel>{_alt(list(OFFSET) + ['in the', 'over the', 'at the', 'on the', 'during the'], cased=True)})"
    r"\s+\Z")
DAY_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?:(?P<shift>[Tt]he\s+day\s+(?:before|after))\s+|(?P<rel>[Tt]his|[Ll]ast)\s+)?"
    r"(?:(?P<mod>[Ee]arlier|[Ll]ater)\s+)?\Z")
WEEKDAY_REL_BEFORE = re.compile(  # "Black Friday", "every Friday" are no dates
    rf"(?<![\w-])(?:(?P<rel>{_alt(OFFSET, cased=True)})|(?P<name>{_alt(VOCAB['not_weekday_before'])}))\s+\Z")

# Context tests.
DATE_PREP_BEFORE = re.compile(rf"(?<![\w-]){_alt(VOCAB['date_prepositions'], flags='i')}\s+\Z")
CONJ_BEFORE = re.compile(rf"(?:{MONTH}|(?<![\w-])(?:19|20)[0-9]{{2}})\s*(?:and|or|to|through|until|[-–])\s*\Z")
QUANTITY_BEFORE = re.compile(rf"(?<![\w-]){_alt(VOCAB['quantity_before'], flags='i')}\s+(?:of|to)\s+\Z")
# "2000 troops", "2000 GMT", "between 2000 and 3,000": counts and clock times.
NOT_YEAR_AFTER = re.compile(
    rf"\s*(?:{_alt(VOCAB['not_year_after'], flags='i')}(?![\w-])"
    r"|(?:and|or|to|[-–])\s*(?!(?:19|20)[0-9]{2}(?![0-9]|,[0-9]))[0-9])")
# "from 30 September to 2 October 2015", "between September and December 2015": the
# year-less start of a range takes its year from the end.
RANGE_END = re.compile(
    r"\s*(?:[-–]|(?:to|and|until|till|through)\s)\s*"
    rf"(?:(?:the\s+)?(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH}"
    rf"(?:\s+(?P<day2>[0-9]{{1,2}})(?:st|nd|rd|th)?,?)?\s+{YEAR}")
# Two dates joined as the ends of a span ("between May and July", "from 2011 to 2015"):
# their mentions are named "range", which events.py does not take for happenings.
RANGE_JOIN = re.compile(r"\s*(?P<join>[-–]|to|and|until|till|through)\s*")
RANGE_START_BEFORE = re.compile(r"(?<![\w-])(?i:between|from)\s+\Z")
WEAK_PREP_BEFORE = re.compile(rf"(?<![\w-]){_alt(VOCAB['weak_date_prepositions'], flags='i')}\s+\Z")
PERSON_MONTH = re.compile(rf"(?<![\w-]){_alt(VOCAB['person_titles'])}\.?\s+(?P<month>{_alt(_MONTH_WORDS)})(?!\w)")
# The look-ahead test works on words, which is much faster than a regex of phrases.
TOKEN = re.compile(r"[\w'’]+|[;“”\"]")
CLAUSE_EDGES = frozenset(VOCAB["reporting_words"]) | {";", "“", "”", '"'}
FUTURE_CUES = tuple(f" {cue} " for cue in VOCAB["future_cues"]) + ("'ll ",)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    expression: str
    date: str | None
    precision: str | None
    rule: str
    relative: bool
    sentence_start: int
    sentence_end: int


@dataclass
class _Candidate:
    rule: str
    start: int
    end: int
    g: dict  # named groups of the key pattern and of the words before it


def _make(year: int, month: int = 1, day: int = 1) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(word: str | None) -> int | None:
    return MONTHS.get((word or "").rstrip(".").lower())


def _month_of(g: dict) -> int | None:
    return RUSSIAN_MONTHS.get(g["rumonth"].lower()) if g.get("rumonth") else _month_number(g["month"])


def _count(g: dict) -> int | None:
    n = g["n"].lower()
    return int(n) if n.isdigit() else NUMBERS.get(n)


def _before(pattern: re.Pattern, text: str, pos: int) -> bool:
    return pattern.search(text, max(0, pos - 32), pos) is not None


def _inside_quote(text: str, pos: int) -> bool:
    seg = text[text.rfind("\n", max(0, pos - 3000), pos) + 1 or max(0, pos - 3000):pos]
    return seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1


@lru_cache(maxsize=4)
def _people_named_like_months(text: str) -> frozenset[str]:
    return frozenset(p["month"] for p in PERSON_MONTH.finditer(text))


# --- Which matches are dates -------------------------------------------------

def _accept_day(g: dict, text: str, start: int) -> int:
    if not g.get("day"):
        return KEEP if g.get("year") else SKIP  # "апреля 2016", but not "апреля" alone
    day, day2 = int(g["day"]), g.get("day2")
    return KEEP if 1 <= day <= 31 and (day2 is None or day < int(day2) <= 31) else SKIP


def _accept_count(g: dict, text: str, start: int) -> int:
    if not g.get("n"):
        return SKIP
    kind = ADVERB_KIND.get((g.get("adv") or "exact").lower())
    return BLOCK if kind == "open" else KEEP  # "more than a year ago" is no date


def _accept_same(g: dict, text: str, start: int) -> int:
    if not g.get("det"):
        return SKIP
    rel, prep = g.get("rel") or "", (g.get("prep") or "").lower()
    if rel in ("next", "following", "previous", "preceding") and prep in ("over", "for", "within", "in"):
        return BLOCK  # "over the next year": a span of time
    that = g["det"].lower() == "that"
    if rel or (that and (g.get("mod") or prep)):
        return KEEP  # "the same month", "later that day", "on that day"
    return KEEP if g["tail"] and g["unit"] == "day" and not that else SKIP  # "the day before."


def _accept_month(g: dict, text: str, start: int) -> int:
    if g["month"].lower() in ABBREVIATED_MONTHS:
        return SKIP  # alone, an abbreviation needs its full stop: "in Jan Egeland's report"
    if g.get("part") or g.get("rel") or g["yrel"]:
        return KEEP
    if _before(WEAK_PREP_BEFORE, text, start) and g["month"] in _people_named_like_months(text):
        return SKIP  # "criticised by May" where Theresa May is in the news
    return KEEP if _before(DATE_PREP_BEFORE, text, start) or _before(CONJ_BEFORE, text, start) else SKIP


def _accept_period(g: dict, text: str, start: int) -> int:
    rel, mod, unit = " ".join((g.get("rel") or "").lower().split()), (g.get("mod") or "").lower(), g["unit"]
    if rel in OFFSET:
        return BLOCK if g.get("the") and not mod else KEEP
    if rel == "in the":  # "earlier in the day", not "in the year"
        return KEEP if mod in ("earlier", "later") and unit != "weekend" else SKIP
    return KEEP if rel and unit == "weekend" else SKIP  # "over the weekend"


def _accept_day_word(g: dict, text: str, start: int) -> int:
    word, rel = g["word"].lower(), (g.get("rel") or "").lower()
    if word not in DAY_PARTS.get(rel, DAY_WORDS):
        return SKIP  # "morning" alone, "last morning", "this today"
    # "starting with tomorrow" in a quote was said on another day than publication.
    return BLOCK if _inside_quote(text, start) else KEEP


def _accept_weekday(g: dict, text: str, start: int) -> int:
    return SKIP if g.get("name") else KEEP


def _accept_year(g: dict, text: str, start: int) -> int:
    if g.get("part"):
        return KEEP
    if NOT_YEAR_AFTER.match(text, start + 4) or _before(QUANTITY_BEFORE, text, start):
        return SKIP
    return KEEP if _before(DATE_PREP_BEFORE, text, start) or _before(CONJ_BEFORE, text, start) else SKIP


@dataclass(frozen=True)
class Rule:
    name: str
    key: re.Pattern
    pattern: re.Pattern | None = None  # matched where the key starts; None: the key's match
    before: re.Pattern | None = None
    accept: Callable[[dict, str, int], int] | None = None
    edge: str = "-"  # characters (besides letters and digits) that may not precede it
    needs: tuple[str, ...] = ()  # words the lower-cased text must hold for the rule to run


NUMBER_EDGE = "-.,/$£€#"
RULES = (
    Rule("iso_date", YEAR_KEY, ISO_DATE),
    Rule("slash_date", DAY_KEY, NUMERIC_DATE, edge=NUMBER_EDGE),
    Rule("full_date", MONTH_KEY, FULL_MDY, WEEKDAY_BEFORE, _accept_day),
    Rule("full_date", DAY_KEY, FULL_DMY, WEEKDAY_BEFORE, _accept_day, NUMBER_EDGE),
    Rule("russian_date", RUSSIAN_DATE, None, RUSSIAN_DAY_BEFORE, _accept_day),
    Rule("month_year", MONTH_KEY, MONTH_YEAR, MONTH_BEFORE),
    Rule("month_day", MONTH_KEY, MONTH_DAY, WEEKDAY_BEFORE, _accept_day),
    Rule("month_day", DAY_KEY, DAY_MONTH, WEEKDAY_BEFORE, _accept_day, NUMBER_EDGE),
    Rule("ago", AGO, None, COUNT_UNIT_BEFORE, _accept_count),
    Rule("later", UNIT_KEY, LATER, COUNT_BEFORE, _accept_count),
    Rule("same_period", UNIT_KEY, SAME_PERIOD, SAME_BEFORE, _accept_same),
    Rule("month", MONTH_KEY, MONTH_NAME, MONTH_BEFORE, _accept_month),
    Rule("period_relative", UNIT_KEY, RELATIVE_PERIOD, PERIOD_BEFORE, _accept_period),
    Rule("day_word", DAY_WORD, None, DAY_WORD_BEFORE, _accept_day_word, needs=tuple(DAY_WORDS)),
    Rule("day_word", DAY_PART, None, DAY_WORD_BEFORE, _accept_day_word, needs=DAY_PARTS["this"] + ("night",)),
    Rule("weekday", WEEKDAY, None, WEEKDAY_REL_BEFORE, _accept_weekday),
    Rule("year", YEAR_KEY, YEAR_ALONE, YEAR_PART_BEFORE, _accept_year, NUMBER_EDGE),
)


def _candidates(text: str) -> list[_Candidate]:
    """Every rule's matches in rule order, minus those overlapping an earlier claim."""
    claimed = bytearray(len(text))
    found: list[_Candidate] = []
    keys: dict[re.Pattern, list[int]] = {}
    lower = text.lower()
    for rule in RULES:
        if rule.needs and not any(word in lower for word in rule.needs):
            continue
        if rule.key not in keys:
            keys[rule.key] = [k.start() for k in rule.key.finditer(text)]
        for pos in keys[rule.key]:
            m = (rule.pattern or rule.key).match(text, pos)
            if not m:
                continue
            start, end = m.span()
            if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue  # inside a word (and no words-before pattern ends in a letter)
            g = m.groupdict()
            if rule.before:
                before = rule.before.search(text, max(0, start - 32), start)
                if before and before.start() < start:
                    g.update((k, v) for k, v in before.groupdict().items() if v is not None)
                    start = before.start()
            if start and (text[start - 1] in rule.edge or text[start - 1].isalnum()):
                continue
            if claimed.find(1, start, end) != -1:
                continue
            verdict = rule.accept(g, text, start) if rule.accept else KEEP
            if verdict != SKIP:
                claimed[start:end] = b"\x01" * (end - start)
            if verdict == KEEP:
                found.append(_Candidate(rule.name, start, end, g))
    found.sort(key=lambda c: c.start)
    return found


# --- Resolution --------------------------------------------------------------

Resolved = tuple["date | None", "str | None"]


@dataclass
class _Context:
    text: str
    pub: date | None
    anchor: tuple[date, str] | None = None
    sentence: tuple[int, int] = (0, 0)

    def looks_ahead(self, c: _Candidate) -> bool:
        """Does the clause around it speak of the future ("talks will resume on May 5")?

        The clause is cut at reporting words, so "In June, Erdogan said Turkey will"
        speaks of a past June.
        """
        before = TOKEN.findall(self.text[max(self.sentence[0], c.start - 200):c.start].lower())
        after = TOKEN.findall(self.text[c.end:min(self.sentence[1], c.end + 200)].lower())
        before = before[max((i + 1 for i, w in enumerate(before) if w in CLAUSE_EDGES), default=0):]
        after = after[:next((i for i, w in enumerate(after) if w in CLAUSE_EDGES), len(after))]
        clause = f" {' '.join(before + after)} "
        return any(cue in clause for cue in FUTURE_CUES)


def _numeric_readings(g: dict) -> list[date]:
    a, b, year = int(g["a"]), int(g["b"]), int(g["year"])
    if g["sep"] == ".":  # dotted dates are day-first wherever they are written
        return [d for d in (_make(year, b, a),) if d]
    return sorted({d for d in (_make(year, b, a), _make(year, a, b)) if d})


def _slash(c: _Candidate, ctx: _Context) -> Resolved:
    readings = _numeric_readings(c.g)
    if len(readings) > 1 and ctx.pub:  # the reading closest to and not after publication
        readings = [max(r for r in readings if r <= ctx.pub)] if readings[0] <= ctx.pub else []
    return (readings[0], "day") if len(readings) == 1 else (None, None)


def _absolute(c: _Candidate, ctx: _Context | None = None) -> Resolved:
    """Full dates, month and year, ISO and Russian dates: no context needed."""
    g = c.g
    year = int(g["year"])
    if g.get("mm"):
        return _make(year, int(g["mm"]), int(g["dd"])), "day"
    month = _month_of(g)
    if not g.get("day"):
        return _make(year, month), "month"
    if g.get("day2"):  # "28-30 September 2016" lies inside one month
        return (_make(year, month), "month") if _make(year, month, int(g["day2"])) else (None, None)
    return _make(year, month, int(g["day"])), "day"


def _occurrence(c: _Candidate, ctx: _Context, month: int, day: int | None = None) -> date | None:
    """The nearest such day, or month, on or before publication ("in May"; "last May" is
    strictly before), or after it if the clause looks ahead ("talks will resume on May 5")."""
    end = RANGE_END.match(ctx.text, c.end)
    if end and not c.g.get("yrel"):
        last = (_month_number(end["month"]), int(end["day"] or end["day2"] or 31))
        return _make(int(end["year"]) - ((month, day or 1) > last), month, day or 1)
    if ctx.pub is None:
        return None
    rel, yrel = (c.g.get("rel") or "").lower(), c.g.get("yrel")
    if yrel or rel == "this":  # "May 5 last year", "this May"
        return _make(ctx.pub.year + OFFSET[yrel or "this"], month, day or 1)
    pub = ctx.pub if day else ctx.pub.replace(day=1)
    step = 1 if rel == "next" or (not rel and ctx.looks_ahead(c)) else -1
    for k in range(9):  # nine years always hold a 29 February
        value = _make(pub.year + step * k, month, day or 1)
        if value and (value - pub).days * step >= (1 if rel else 0):
            return value
    return None


def _month_day(c: _Candidate, ctx: _Context) -> Resolved:
    if c.g.get("year"):  # a Russian date with its year
        return _absolute(c)
    month = _month_of(c.g)
    value = _occurrence(c, ctx, month, int(c.g["day"]))
    if value and c.g.get("day2"):  # "September 28-30"
        value = value.replace(day=1) if _make(value.year, month, int(c.g["day2"])) else None
        return value, "month"
    return value, "day"


def _span(first: date, last: date) -> tuple[date, str]:
    """A run of days as its month if it lies in one, else as the year of its middle."""
    if (first.year, first.month) == (last.year, last.month):
        return first.replace(day=1), "month"
    return (first + (last - first) / 2).replace(month=1, day=1), "year"


def _relative_period(c: _Candidate, ctx: _Context) -> Resolved:
    if ctx.pub is None:
        return None, None
    pub, unit, mod = ctx.pub, c.g["unit"], (c.g.get("mod") or "").lower()
    rel = " ".join(c.g["rel"].lower().split())
    monday = pub - timedelta(days=pub.weekday())
    if unit == "weekend":  # "over the weekend": the latest one; "this weekend": the coming one
        back = {"last": -2, "this": 5, "next": 5 if pub.weekday() < 5 else 12}.get(rel, 5 if pub.weekday() >= 5 else -2)
        saturday = monday + timedelta(days=back)
        return _span(saturday, saturday + timedelta(days=1))
    rel = rel if rel in OFFSET else "this"
    if unit == "day":
        return pub, "day"
    if unit == "week":
        monday += timedelta(weeks=OFFSET[rel])
        first, last = monday, monday + timedelta(days=6)
        if rel == "this" and mod == "earlier":  # Monday up to the day before publication
            last = max(first, pub - timedelta(days=1))
        elif rel == "this" and mod == "later":
            first = min(last, pub + timedelta(days=1))
        return _span(first, last)
    if unit == "month":
        return pub.replace(day=1) + relativedelta(months=OFFSET[rel]), "month"
    return _make(pub.year + OFFSET[rel]), "year"


def _day_word(c: _Candidate, ctx: _Context) -> Resolved:
    if ctx.pub is None:
        return None, None
    shift = DAY_WORDS.get(c.g["word"].lower(), -1 if (c.g.get("rel") or "").lower() == "last" else 0)
    if c.g.get("shift"):
        shift += -1 if c.g["shift"].endswith("before") else 1
    return ctx.pub + timedelta(days=shift), "day"


def _weekday(c: _Candidate, ctx: _Context) -> Resolved:
    """The latest such day on or before publication (a Friday article's "Wednesday")."""
    if ctx.pub is None:
        return None, None
    wd, rel, pub = WEEKDAYS[c.g["weekday"].lower()], (c.g.get("rel") or "").lower(), ctx.pub
    if rel == "last":
        days = -((pub.weekday() - wd) % 7 or 7)
    elif rel == "next":
        days = (wd - pub.weekday()) % 7 or 7
    elif rel == "this":
        days = wd - pub.weekday()
    elif ctx.looks_ahead(c):
        days = (wd - pub.weekday()) % 7
    else:
        days = -((pub.weekday() - wd) % 7)
    return pub + timedelta(days=days), "day"


def _shifted(base: date, unit: str, n: int) -> tuple[date, str]:
    if unit in ("day", "week"):
        return base + timedelta(days=n * (7 if unit == "week" else 1)), "day"
    if unit == "month":
        return (base + relativedelta(months=n)).replace(day=1), "month"
    return base + relativedelta(years=n), "year"


def _anchor_for(ctx: _Context, unit: str) -> date | None:
    """The previous resolved date, if it is as precise as a step of ``unit`` needs."""
    need = "day" if unit in ("day", "week") else unit
    if ctx.anchor and PRECISION_RANK[ctx.anchor[1]] <= PRECISION_RANK[need]:
        return ctx.anchor[0]
    return None


def _counted(c: _Candidate, ctx: _Context) -> Resolved:
    """"Two weeks ago" from publication; "three days later" from the previous date."""
    n, unit = _count(c.g), c.g["unit"]
    base = ctx.pub if c.rule == "ago" else _anchor_for(ctx, unit)
    if base is None:
        return None, None
    forward = c.rule == "later" and c.g["dir"].startswith(("later", "after"))
    value, precision = _shifted(base, unit, n if forward else -n)
    if c.rule == "ago" and unit == "year" and n == 1:  # "a year ago": the anniversary day
        precision = "day"
    if ADVERB_KIND.get((c.g.get("adv") or "").lower()) == "approximate":
        precision = COARSER[precision]
    return value, precision


def _same_period(c: _Candidate, ctx: _Context) -> Resolved:
    unit, tail = c.g["unit"], c.g["tail"]
    step = STEPS[(c.g.get("rel") or "same").split()[-1]]
    if tail:
        step = -1 if tail == "before" else 1
    base = _anchor_for(ctx, unit)
    if base is None and step < 0 and ctx.pub:  # "the previous day" with nothing before it
        base = ctx.pub
    if base is None:
        return None, None
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        return _span(monday, monday + timedelta(days=6))
    return _shifted(base, unit, step)


RESOLVERS = {
    "iso_date": _absolute, "slash_date": _slash, "full_date": _absolute, "russian_date": _month_day,
    "month_year": _absolute, "month_day": _month_day, "ago": _counted, "later": _counted,
    "same_period": _same_period, "period_relative": _relative_period,
    "month": lambda c, ctx: (_occurrence(c, ctx, _month_of(c.g)), "month"),
    "day_word": _day_word, "weekday": _weekday, "year": lambda c, ctx: (_make(int(c.g["year"])), "year"),
}


def _parse_published(published: str | None) -> date | None:
    if not isinstance(published, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", published.strip()):
        return None
    value = _make(*map(int, published.strip().split("-")))
    return value if value and FIRST_YEAR <= value.year <= LAST_YEAR else None


def find_dates(text: str, published: str | None, sentences: list[Sentence] | None = None) -> list[DateMention]:
    """Date mentions in clean article text, sorted by start, resolved against ``published``."""
    if not isinstance(text, str) or not text:
        return []
    if sentences is None:
        sentences = split_sentences(text)
    ctx = _Context(text, _parse_published(published))
    mentions: list[DateMention] = []
    candidates = _candidates(text)
    range_ends: set[int] = set()
    for i, (c, following) in enumerate(zip(candidates, candidates[1:])):
        join = RANGE_JOIN.fullmatch(text, c.end, following.start)
        if join and (join["join"] != "and" or _before(RANGE_START_BEFORE, text, c.start)):
            range_ends |= {i, i + 1}
    for i, c in enumerate(candidates):
        sentence = sentence_at(sentences, c.start)
        ctx.sentence = (sentence.start, sentence.end) if sentence else (c.start, c.end)
        value, precision = RESOLVERS[c.rule](c, ctx)
        if value is not None and FIRST_YEAR <= value.year <= LAST_YEAR:
            ctx.anchor = (value, precision)
        else:  # an unresolved date hides the ones before it from "a month later"
            value = precision = ctx.anchor = None
        rule = "month_relative" if c.rule == "month" and (c.g.get("rel") or c.g.get("yrel")) else c.rule
        rule = "range" if i in range_ends else rule
        mentions.append(DateMention(
            start=c.start, end=c.end, expression=text[c.start:c.end],
            date=value.isoformat()[: {"day": 10, "month": 7, "year": 4}[precision]] if value else None,
            precision=precision, rule=rule, relative=not c.g.get("year"),  # no year of its own
            sentence_start=ctx.sentence[0], sentence_end=ctx.sentence[1],
        ))
    return mentions


# --- Datelines ---------------------------------------------------------------

def read_dateline(dateline: str, body: str) -> str | None:
    """The publication day an article's dateline gives, or None.

    A slash date that reads both ways ("12/09/2017") is decided by the body: the
    weekdays it names, its year-less "Month Day" dates and month names sit on or
    shortly before publication. No evidence, or a tie, gives None.
    """
    if not isinstance(dateline, str):
        return None
    for rule in (r for r in RULES if r.name in ("iso_date", "slash_date", "full_date", "russian_date")):
        m = (rule.pattern or rule.key).search(dateline)
        if not m:
            continue
        c = _Candidate(rule.name, *m.span(), m.groupdict())
        if rule.before and (before := rule.before.search(dateline, 0, m.start())):
            c.g.update((k, v) for k, v in before.groupdict().items() if v is not None)
        if rule.name == "slash_date":
            readings = _numeric_readings(c.g)
            if len(readings) > 1:
                readings = _weigh(readings, body if isinstance(body, str) else "")
            return readings[0].isoformat() if len(readings) == 1 else None
        if rule.name == "russian_date" and not (c.g.get("day") and c.g["year"]):
            continue
        value, precision = _absolute(c)
        return value.isoformat() if value and precision == "day" else None
    return None


def _weigh(readings: list[date], body: str) -> list[date]:
    """The best-supported readings: one, or several on a tie, or none without evidence."""
    scores = [0] * len(readings)
    for c in _candidates(body):
        for i, reading in enumerate(readings):
            scores[i] += _support(c, reading)
    best = max(scores)
    return [r for r, s in zip(readings, scores) if s == best] if best > 0 else []


def _support(c: _Candidate, reading: date) -> int:
    g = c.g
    if c.rule == "weekday" and not g.get("rel"):
        return WEEKDAY_FIT[(reading.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7]
    if c.rule == "month_day" and not g["yrel"] and not g["day2"]:
        month, day = _month_number(g["month"]), int(g["day"])
        value = _make(reading.year, month, day)
        if value and value > reading:
            return -1  # would fall after publication: possible (last year's), but less likely
        gap = (reading - value).days if value else 999
        return 3 if gap <= 7 else 2 if gap <= 31 else 1 if gap <= 92 else 0
    if c.rule == "month" and not (g.get("rel") or g["yrel"]):
        gap = (reading.month - _month_number(g["month"])) % 12
        return 2 if gap == 0 else 1 if gap == 1 else 0
    if c.rule in ("full_date", "month_year", "iso_date"):
        value = _absolute(c)[0]
        return -2 if value and value > reading else 0  # news seldom dates things after itself
    return 0


# --- Command-line dates -------------------------------------------------------

DATE_ARG_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, 'Aug 2015', 'August 2015' or '30 Aug 2015'"
YEAR_MONTH_ARG = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<mm>[0-9]{1,2}))?")


def parse_date_arg(value: str) -> tuple[str, str, str]:
    """A date typed on the command line -> (first day, last day, precision), or BadDate.

    The forms are those of running text, in any letter case: "2015", "2015-08",
    "2015-08-30", "Aug 2015", "August 2015", "30 Aug 2015", "August 30, 2015".
    """
    text = re.sub(r"\b[a-z]", lambda m: m[0].upper(), value.strip().lower()) if isinstance(value, str) else ""
    first = precision = None
    if m := YEAR_MONTH_ARG.fullmatch(text):
        first, precision = _make(int(m["year"]), int(m["mm"] or 1)), "month" if m["mm"] else "year"
    elif m := next(filter(None, (p.fullmatch(text) for p in (ISO_DATE, FULL_DMY, FULL_MDY, MONTH_YEAR))), None):
        if not m.groupdict().get("day2"):
            first, precision = _absolute(_Candidate("", 0, 0, m.groupdict()))
    if first is None:
        raise BadDate(f"cannot read the date {value!r}: use {DATE_ARG_FORMS}")
    last = {"day": first, "month": first + relativedelta(day=31), "year": first.replace(month=12, day=31)}
    return first.isoformat(), last[precision].isoformat(), precision
