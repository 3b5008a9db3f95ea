"""Candidate date expressions in text: the vocabularies, the patterns and the named rules.

The rules run over the whole text in a fixed order, most specific first; a span
claimed by an earlier rule is not matched again, so "December last year" is one
candidate, not a month and a year. Each candidate keeps its rule's name and the
named groups of its match; dates.py resolves them. A candidate that names its own
year ("5 May 2016", "12/09/2017") can be read here without context. Vocabularies
(month and weekday names, number words, cue words) are data, in data/dates.json.

For speed a rule does not scan the text with its own pattern: it names a key (a
month name, a day or year number, a unit word like "week"), each key is found
once per text by a pattern the regex engine can skip ahead for, and the rule's
pattern is tried only where its key is. Words that may precede the key ("early",
"last", "Tuesday,", "three days") are one more pattern, tried just before it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .. import vocab

DATES_VOCAB = vocab.load("dates.json")
MONTHS = {name.lower(): n for n, row in enumerate(DATES_VOCAB["months"], 1) for name in row}
ABBREVIATED_MONTHS = {a.lower() for row in DATES_VOCAB["months"] for a in row[1:]}
RUSSIAN_MONTHS = {name: n for n, row in enumerate(DATES_VOCAB["russian_months"], 1) for name in row}
WEEKDAYS = {name.lower(): n for n, name in enumerate(DATES_VOCAB["weekdays"])}
COUNTS = vocab.load("metrics.json")
#: Number words ("three days ago"), from the one table of them; "a"/"an" count one here.
COUNT_WORDS = {**COUNTS["numbers"]["small"], "a": 1, "an": 1}
#: What a count is of: the plural counted nouns and the units of metrics.json ("2000
#: drones", "2000 km"). Singulars and capitalised nouns are left out: "in 2015 Syria",
#: "since 2012 aid" are years.
COUNTED_WORDS = [
    n for s in COUNTS["subjects"].values() for n in s["nouns"]
    if n[:1].islower() and (n.endswith("s") or n in COUNTS["plurals"] or n == "aircraft")
] + COUNTS["numbers"]["other_counted"]
ADVERB_KIND = {
    w: kind
    for kind in ("exact", "emphatic", "approximate", "open")
    for w in DATES_VOCAB[f"{kind}_adverbs"]
}
OFFSET = {"this": 0, "last": -1, "next": 1}
# Candidate verdicts: keep the mention, ignore the match, or claim its span without a
# mention (so "over the last year" does not leave "last year" to a later rule).
SKIP, KEEP, BLOCK = 0, 1, 2


def _alt(words, cased: bool = False, flags: str = "") -> str:
    """An alternation, longest first ("Sept." before "Sept"), spaces as \\s+.

    ``cased`` adds capitalised forms instead of using IGNORECASE, which would stop
    the regex engine from skipping ahead on the first letters.
    """
    forms = {f for w in words for f in ((w, w[:1].upper() + w[1:]) if cased else (w,))}
    body = vocab.alternation(forms)   # a trie: see there
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


_MONTH_WORDS = [w for row in DATES_VOCAB["months"] for w in row] + [
    a + "." for r in DATES_VOCAB["months"] for a in r[1:]
]
_RUSSIAN = list(RUSSIAN_MONTHS) + [w.capitalize() for w in RUSSIAN_MONTHS]
# Month names only capitalised: "may amount to" and "a march" are not dates.
MONTH = rf"(?P<month>{_alt(_MONTH_WORDS)})(?!\w)"
WEEKDAY_NAME = _alt(DATES_VOCAB["weekdays"])
DAY = r"(?P<day>[0-9][0-9]?)(?![0-9])(?:st|nd|rd|th)?"
DAY_RANGE = r"(?:\s*[-–]\s*(?P<day2>[0-9][0-9]?)(?![0-9])(?:st|nd|rd|th)?)?"
# Before its month a run of days may be written out too ("from 28 to 30 December", "between
# 1 and 5 March"); after it, "March 15 and 16 people" could be a count, so only the dash.
DAY_SPAN = DAY_RANGE.replace(r"\s*[-–]\s*", r"(?:\s*[-–]\s*|\s+(?:to|and|until|through)\s+)")
YEAR_DIGITS = r"(?P<year>(?:19|20)[0-9]{2})"
YEAR = YEAR_DIGITS + r"(?![0-9]|,[0-9]|[-–/][0-9])"  # not "2,015", "2015-16", "20155"
YEAR_QUALIFIER = r"(?:,?\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year(?![\w-]))?"
COUNT_NUMBER = rf"(?P<n>{_alt(COUNT_WORDS, cased=True)}|[0-9]{{1,3}})"

# Keys: where to look. Each is scanned once per text, whichever rules share it.
MONTH_KEY = re.compile(rf"{_alt(_MONTH_WORDS)}(?!\w)")
# A day number followed by a capitalised word (a month?) or by a slash or a dot and digits.
DAY_KEY = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9]?(?![0-9])(?=(?:st|nd|rd|th)?"
    r"(?:(?:\s*[-–]\s*|\s+(?:to|and|until|through)\s+)[0-9]+\w*)?(?:\s+of)?\s+[A-Z]|[/.][0-9])")
YEAR_KEY = re.compile(r"[12](?<![0-9][12])[0-9]{3}(?![0-9])")
UNIT_KEY = re.compile(r"day|weekend|week|month|year")

# Rule patterns, matched where their key starts.
ISO_DATE = re.compile(rf"{YEAR_DIGITS}-(?P<mm>0[1-9]|1[0-2])-(?P<dd>[0-3][0-9])(?![0-9-]|[^\WT])")
NUMERIC_DATE = re.compile(
    rf"(?P<a>[0-9][0-9]?)(?P<sep>[/.])(?P<b>[0-9][0-9]?)(?P=sep){YEAR_DIGITS}(?![\w/-]|\.[0-9])")
FULL_MDY = re.compile(rf"{MONTH}\s+{DAY}{DAY_RANGE},?\s+{YEAR}")
FULL_DMY = re.compile(rf"{DAY}{DAY_SPAN}(?:\s+of)?\s+{MONTH},?\s+{YEAR}")
RUSSIAN_DATE = re.compile(
    rf"(?P<rumonth>{_alt(_RUSSIAN)})(?![\w-])(?:\s+{YEAR_DIGITS}(?![0-9])(?:\s*(?:гг?\.|года?(?!\w)))?)?")
MONTH_YEAR = re.compile(rf"{MONTH}(?:\s+of)?\s+{YEAR}")
MONTH_DAY = re.compile(rf"{MONTH}\s+{DAY}(?!\w){DAY_RANGE}(?![:.,/]?[0-9]){YEAR_QUALIFIER}")
DAY_MONTH = re.compile(
    rf"{DAY}{DAY_SPAN}(?:\s+of)?\s+{MONTH}(?![\w-])(?!,?\s*[0-9]{{4}}(?![0-9]))(?!['’]s){YEAR_QUALIFIER}")
AGO = re.compile(r"ago(?![\w-])")
LATER = re.compile(
    r"(?P<unit>day|week|month|year)s?\s+"
    # "A day after, ...": after or before with nothing following is "later"/"earlier"
    r"(?P<dir>later|afterwards|after\s+that|earlier|before\s+that|(?:after|before)(?=\s*[,.;:]))"
    r"(?![\w-])")
SAME_PERIOD = re.compile(
    r"(?P<unit>day|week|month|year)(?:\s+(?P<tail>before|after)(?=\s*[,.;:)]))?(?![\w-])")
MONTH_NAME = re.compile(rf"{MONTH}(?![\w-])(?!['’]s\b){YEAR_QUALIFIER}")
RELATIVE_PERIOD = re.compile(r"(?P<unit>day|weekend|week|month|year)(?![\w-])")
#: Days named by a word, by their distance from publication; parts of a day need "this" or "last".
DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
DAY_PARTS = {"this": ("morning", "afternoon", "evening"), "last": ("night", "evening")}
#: "Yesterday's concert" is a day's; "today's Syria" is the present, no day.
POSSESSIVE_DAY_WORDS = frozenset({"yesterday"})
DAY_WORD = re.compile(rf"(?P<word>{_alt(DAY_WORDS, cased=True)})(?P<possessive>['’]s)?(?![\w'’-])")
DAY_PART = re.compile(r"(?P<word>morning|afternoon|evening|night)(?![\w'’-])")
#: "New Year's Eve" -> (12, 31): days a calendar names (dates.json), any case, either apostrophe.
NAMED_DAYS = {name.lower(): tuple(day) for name, day in DATES_VOCAB["named_days"].items()}
_NAMED_FORMS = [*NAMED_DAYS, *(name.replace("'", "’") for name in NAMED_DAYS)]
NAMED_DAY = re.compile(rf"(?P<named>{_alt(_NAMED_FORMS, flags='i')})(?![\w'’-])")
WEEKDAY = re.compile(
    rf"(?P<weekday>{WEEKDAY_NAME})(?:['’]s)?(?![\w-])(?!\s+{_alt(DATES_VOCAB['not_weekday_after'])}(?![\w-]))"
    r"(?:\s+(?:morning|afternoon|evening|night))?")
YEAR_ALONE = re.compile(rf"{YEAR}(?!s\b|['’]s\b)")
#: A day of the month alone, as an ordinal after "since the", "on the" ("since the 30th"):
#: the latest such day on or before publication. Not "the 30th anniversary".
ORDINAL_DAY = re.compile(r"(?P<day>[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)(?![\w-])"
                         rf"(?!\s+(?:of\s+)?(?:{_alt(_MONTH_WORDS)}|anniversary|century|"
                         r"time|day|week|month|year|round|session|division|brigade|army|floor)\b)")
ORDINAL_HINT = re.compile(r"[0-9](?:st|nd|rd|th)")     # every ORDINAL_DAY match holds one
ORDINAL_DAY_BEFORE = re.compile(r"(?<![\w-])(?P<prep>[Ss]ince|[Oo]n|[Ff]rom|[Uu]ntil|[Bb]y)"
                                r"\s+the\s+\Z")

# Words that may precede a key, tried just before it (\Z is the key's start).
WEEKDAY_BEFORE = re.compile(rf"(?<![\w-]){WEEKDAY_NAME},?\s+(?:the\s+)?\Z")
YEAR_PART_BEFORE = re.compile(
    rf"(?<![\w-])(?P<part>{_alt(DATES_VOCAB['year_parts'], cased=True)})[\s-]+\Z")
MONTH_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?P<part>{_alt(['early', 'mid', 'late'], cased=True)})[\s-]+"
    rf"|(?P<rel>{_alt(OFFSET, cased=True)})\s+)\Z")
RUSSIAN_DAY_BEFORE = re.compile(r"(?<![\w.,/-])(?P<day>[0-9][0-9]?)\s+\Z")
COUNT_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?P<adv>{_alt(ADVERB_KIND, cased=True)})\s+)?{COUNT_NUMBER}\s+\Z")
COUNT_UNIT_BEFORE = re.compile(COUNT_BEFORE.pattern[:-2] + r"(?P<unit>day|week|month|year)s?\s+\Z")
SAME_BEFORE = re.compile(  # "on that day", "over the next year" (a span, not a date)
    r"(?<![\w-])(?:(?P<prep>(?i:on|in|by|during|of|from|since|until|over|for|within))\s+)?"
    r"(?:(?P<mod>[Ee]arlier|[Ll]ater)\s+)?(?P<det>the|The|that|That)\s+"
    r"(?:(?P<rel>same|following|next|previous|preceding|very\s+same)\s+)?\Z")
_PERIOD_REL = list(OFFSET) + ["in the", "over the", "at the", "on the", "during the"]
PERIOD_BEFORE = re.compile(  # "the last year" is a span, not a date
    r"(?<![\w-])(?:(?P<the>[Tt]he)\s+)?"
    rf"(?:(?P<mod>{_alt(['earlier', 'later', 'early', 'late', 'so far'], cased=True)})[\s-]+)?"
    rf"(?P<rel>{_alt(_PERIOD_REL, cased=True)})\s+\Z")
DAY_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?:(?P<shift>[Tt]he\s+day\s+(?:before|after))\s+|(?P<rel>[Tt]his|[Ll]ast)\s+"
    r"|(?P<since>[Ss]ince\s+the)\s+"
    r"|(?P<within>(?:[Ee]arlier|[Ll]ater)\s+in\s+the)\s+)?"
    r"(?:(?P<mod>[Ee]arlier|[Ll]ater)\s+)?\Z")
WEEKDAY_REL_BEFORE = re.compile(  # "Black Friday", "every Friday" are no dates
    rf"(?<![\w-])(?:(?P<rel>{_alt(OFFSET, cased=True)})"
    rf"|(?P<name>{_alt(DATES_VOCAB['not_weekday_before'])}))\s+\Z")

# Context tests.
DATE_PREP_BEFORE = re.compile(
    rf"(?<![\w-]){_alt(DATES_VOCAB['date_prepositions'], flags='i')}\s+\Z")
CONJ_BEFORE = re.compile(
    rf"(?:{MONTH}|(?<![\w-])(?:19|20)[0-9]{{2}})\s*(?:and|or|to|through|until|[-–])\s*\Z")
QUANTITY_BEFORE = re.compile(
    rf"(?<![\w-]){_alt(DATES_VOCAB['quantity_before'], flags='i')}\s+(?:of|to)\s+\Z")
# "2000 troops", "2000 GMT", "between 2000 and 3,000": counts and clock times.
NOT_YEAR_AFTER = re.compile(
    rf"\s*(?:{_alt(DATES_VOCAB['not_year_after'] + COUNTED_WORDS, flags='i')}(?![\w-])"
    r"|(?:and|or|to|[-–])\s*(?!(?:19|20)[0-9]{2}(?![0-9]|,[0-9]))[0-9])")
# A year or a month used as an adjective: a determiner or a possessive before it, a
# lower-case word after it (for a year, no count's noun: NOT_YEAR_AFTER is tried first):
# "its 2015 intervention", "the March offensive".
DETERMINER_BEFORE = re.compile(
    rf"(?<![\w-])(?:{_alt(DATES_VOCAB['adjective_determiners'], cased=True)}"
    r"|[A-Z][\w-]*['’]s)\s+\Z")
ADJECTIVE_AFTER = re.compile(r"\s+[a-z][a-z-]{2,}(?![\w'’])")
WEAK_PREP_BEFORE = re.compile(
    rf"(?<![\w-]){_alt(DATES_VOCAB['weak_date_prepositions'], flags='i')}\s+\Z")
PERSON_MONTH = re.compile(
    rf"(?<![\w-]){_alt(DATES_VOCAB['person_titles'])}\.?\s+(?P<month>{_alt(_MONTH_WORDS)})(?!\w)")


@dataclass
class Candidate:
    rule: str
    start: int
    end: int
    g: dict  # named groups of the key pattern and of the words before it


def make_date(year: int, month: int = 1, day: int = 1) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_number(word: str) -> int:
    """The number of a month name MONTH matched ("Sept." is 9)."""
    return MONTHS[word.rstrip(".").lower()]


def month_of(g: dict) -> int:
    """The month of a match of MONTH or of RUSSIAN_DATE."""
    return RUSSIAN_MONTHS[g["rumonth"].lower()] if g.get("rumonth") else month_number(g["month"])


def matches_before(pattern: re.Pattern, text: str, pos: int) -> bool:
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
    # "more than a year ago" is no date; "about two years ago" is none either: it cannot
    # be placed at the precision its words give, and a coarser one would say what the
    # source did not ("2015" for "almost four months ago" in January 2016).
    return BLOCK if kind in ("open", "approximate") else KEEP


def _accept_same(g: dict, text: str, start: int) -> int:
    if not g.get("det"):
        return SKIP
    rel, prep = g.get("rel") or "", (g.get("prep") or "").lower()
    stepped = rel in ("next", "following", "previous", "preceding")
    if stepped and prep in ("over", "for", "within", "in"):
        return BLOCK  # "over the next year": a span of time
    that = g["det"].lower() == "that"
    if rel or (that and (g.get("mod") or prep)):
        return KEEP  # "the same month", "later that day", "on that day"
    return KEEP if g["tail"] and g["unit"] == "day" and not that else SKIP  # "the day before."


def _date_context(text: str, start: int) -> bool:
    """A date preposition ("in", "since") or a date and a conjunction ("2015 and") before."""
    return matches_before(DATE_PREP_BEFORE, text, start) or matches_before(CONJ_BEFORE, text, start)


def _accept_month(g: dict, text: str, start: int) -> int:
    if g["month"].lower() in ABBREVIATED_MONTHS:
        return SKIP  # alone, an abbreviation needs its full stop: "in Jan Egeland's report"
    if g.get("part") or g.get("rel") or g["yrel"]:
        return KEEP
    weak = matches_before(WEAK_PREP_BEFORE, text, start)
    if (weak or matches_before(DETERMINER_BEFORE, text, start)) and \
            g["month"] in _people_named_like_months(text):
        return SKIP  # "criticised by May", "the May government" where Theresa May is news
    if matches_before(DETERMINER_BEFORE, text, start) and \
            ADJECTIVE_AFTER.match(text, start + len(g["month"])):
        return KEEP  # "the March offensive": a month as an adjective
    return KEEP if _date_context(text, start) else SKIP


def _accept_period(g: dict, text: str, start: int) -> int:
    rel = " ".join((g.get("rel") or "").lower().split())
    mod, unit = (g.get("mod") or "").lower(), g["unit"]
    if rel in OFFSET:
        return BLOCK if g.get("the") and not mod else KEEP
    if rel == "in the":  # "earlier in the day", not "in the year"
        return KEEP if mod in ("earlier", "later") and unit != "weekend" else SKIP
    return KEEP if rel and unit == "weekend" else SKIP  # "over the weekend"


def _accept_day_word(g: dict, text: str, start: int) -> int:
    word, rel = g["word"].lower(), (g.get("rel") or "").lower()
    if g.get("within") or g.get("since"):  # "earlier in the morning", "since the morning":
        rel = "this"                         # a part of the day of publication
    if word not in DAY_PARTS.get(rel, DAY_WORDS) \
            or g.get("possessive") and word not in POSSESSIVE_DAY_WORDS:
        return SKIP  # "morning" alone, "last morning", "this today", "today's Russia"
    # "starting with tomorrow" in a quote was said on another day than publication.
    return BLOCK if _inside_quote(text, start) else KEEP


def _accept_ordinal_day(g: dict, text: str, start: int) -> int:
    return KEEP if g.get("prep") else SKIP     # "the 30th" needs "since", "on", "from"


def _accept_weekday(g: dict, text: str, start: int) -> int:
    return SKIP if g.get("name") else KEEP


def _accept_year(g: dict, text: str, start: int) -> int:
    if g.get("part"):
        return KEEP
    if NOT_YEAR_AFTER.match(text, start + 4) or matches_before(QUANTITY_BEFORE, text, start):
        return SKIP
    if matches_before(DETERMINER_BEFORE, text, start) and ADJECTIVE_AFTER.match(text, start + 4):
        return KEEP  # "its 2015 intervention", "the 2011 civil war": a year as an adjective
    return KEEP if _date_context(text, start) else SKIP


@dataclass(frozen=True)
class Rule:
    name: str
    key: re.Pattern
    pattern: re.Pattern | None = None  # matched where the key starts; None: the key's match
    before: re.Pattern | None = None
    accept: Callable[[dict, str, int], int] | None = None
    edge: str = "-"  # characters (besides letters and digits) that may not precede it
    needs: tuple[str, ...] = ()  # words the lower-cased text must hold for the rule to run
    # what the text must match for the rule to run: a scan the regex engine can skip
    # ahead in, sparing one of a key it must try at every character
    hint: re.Pattern | None = None


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
    Rule("day_word", DAY_PART, None, DAY_WORD_BEFORE, _accept_day_word,
         needs=DAY_PARTS["this"] + ("night",)),
    Rule("weekday", WEEKDAY, None, WEEKDAY_REL_BEFORE, _accept_weekday),
    Rule("named_day", NAMED_DAY, needs=("christmas", "new year")),
    Rule("ordinal_day", ORDINAL_DAY, None, ORDINAL_DAY_BEFORE, _accept_ordinal_day,
         hint=ORDINAL_HINT),
    Rule("year", YEAR_KEY, YEAR_ALONE, YEAR_PART_BEFORE, _accept_year, NUMBER_EDGE),
)


def find_candidates(text: str) -> list[Candidate]:
    """Every rule's matches in rule order, minus those overlapping an earlier claim."""
    claimed = bytearray(len(text))
    found: list[Candidate] = []
    keys: dict[re.Pattern, list[int]] = {}
    lower = text.lower()
    for rule in RULES:
        if rule.needs and not any(word in lower for word in rule.needs) \
                or rule.hint and not rule.hint.search(text):
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
                found.append(Candidate(rule.name, start, end, g))
    found.sort(key=lambda c: c.start)
    return found


# --- Readings that need no context -------------------------------------------

#: What a resolver gives: a date and its precision ("day", "month", "year"), or two Nones.
Resolved = tuple["date | None", "str | None"]


def numeric_readings(g: dict) -> list[date]:
    a, b, year = int(g["a"]), int(g["b"]), int(g["year"])
    if g["sep"] == ".":  # dotted dates are day-first wherever they are written
        return [d for d in (make_date(year, b, a),) if d]
    return sorted({d for d in (make_date(year, b, a), make_date(year, a, b)) if d})


def absolute_date(c: Candidate, ctx: object = None) -> Resolved:
    """Full dates, month and year, ISO and Russian dates: no context needed.

    ``ctx`` is unused; it is there so that this is one of the resolvers in dates.py.
    """
    g = c.g
    year = int(g["year"])
    if g.get("mm"):
        return make_date(year, int(g["mm"]), int(g["dd"])), "day"
    month = month_of(g)
    if not g.get("day"):
        return make_date(year, month), "month"
    if g.get("day2") and not make_date(year, month, int(g["day2"])):
        return None, None  # "28-31 September 2016" is no run of days
    # "28-30 September 2016": the run's first day, which the text names exactly
    return make_date(year, month, int(g["day"])), "day"
