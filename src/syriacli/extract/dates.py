"""Find temporal expressions in clean article text and resolve them to dates.

Named rules run over the whole text in a fixed order, most specific first; a span
claimed by an earlier rule is not matched again, so "December last year" is one
mention, not a month and a year. The candidates are then resolved in text order,
against the publication date ("last May", "on Tuesday") or the previous resolved
date ("three days later"), each keeping its precision. Nothing is guessed: without
a publication date a relative expression stays unresolved, and a slash date that
reads both ways is decided by evidence or not at all. The two ends of a span
("between May and July") are marked as rule "range", which is no happening.
Candidates are found by the rules of daterules.py; datelines.py reads the
publication day of an article's dateline, dateargs.py the dates typed on the
command line.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .. import vocab
from .dateargs import parse_date_arg
from .datelines import read_dateline, read_today, why_undated
from .daterules import (
    ADVERB_KIND,
    COUNT_WORDS,
    DATES_VOCAB,
    DAY_WORDS,
    MONTH,
    NAMED_DAYS,
    OFFSET,
    WEEKDAYS,
    YEAR,
    Candidate,
    Resolved,
    absolute_date,
    find_candidates,
    make_date,
    matches_before,
    month_number,
    month_of,
    numeric_readings,
)
from .sentences import Sentence, sentence_at, split_sentences

__all__ = ["DateMention", "find_dates", "parse_date_arg", "read_dateline", "read_today",
           "why_undated"]

FIRST_YEAR, LAST_YEAR = 1900, 2100
#: News writes a day without its year for this year's days and for the last few months'
#: ("December 24" in January); a day further back in another year would carry its year,
#: so without one it is no date: "Since September 30" in an August article may mean any
#: earlier September.
YEARLESS_REACH_DAYS = 183
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
#: How much of an ISO date a precision keeps ("2016-03" for a month).
ISO_LENGTH = {"day": 10, "month": 7, "year": 4}
STEPS = {"same": 0, "following": 1, "next": 1, "previous": -1, "preceding": -1}
# "from 30 September to 2 October 2015", "between September and December 2015": the
# year-less start of a range takes its year from the end.
RANGE_END = re.compile(
    r"\s*(?:[-–]|(?:to|and|until|till|through)\s)\s*"
    rf"(?:(?:the\s+)?(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH}"
    rf"(?:\s+(?P<day2>[0-9]{{1,2}})(?:st|nd|rd|th)?,?)?\s+{YEAR}")
# Two dates joined as the ends of a span ("between May and July", "from 2011 to 2015"):
# their mentions are named "range", which events.py does not take for happenings.
RANGE_JOIN = re.compile(rf"\s*(?P<join>{vocab.alternation(DATES_VOCAB['range_joins'])})\s*")
RANGE_START_BEFORE = re.compile(r"(?<![\w-])(?i:between|from)\s+\Z")
# The look-ahead test works on words, which is much faster than a regex of phrases.
CLAUSE_TOKEN = re.compile(r"[\w'’]+|[;“”\"]")
CLAUSE_EDGES = frozenset(DATES_VOCAB["reporting_words"]) | {";", "“", "”", '"'}
FUTURE_CUES = tuple(f" {cue} " for cue in DATES_VOCAB["future_cues"]) + ("'ll ",)
#: A future cue that is also a noun, after a determiner: "a plan to halt fighting".
NOUN_CUE = re.compile(
    rf" (?:{vocab.alternation(DATES_VOCAB['noun_cue_determiners'], literal=True)})"
    rf" (?:{vocab.alternation(DATES_VOCAB['noun_future_cues'], literal=True)}) ")


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


# --- Resolution --------------------------------------------------------------

@dataclass
class _Context:
    text: str
    pub: date | None
    anchor: tuple[date, str] | None = None
    sentence: tuple[int, int] = (0, 0)
    #: month -> the year of the latest month the text named with its year ("September 2015").
    named_months: dict[int, int] = field(default_factory=dict)

    def looks_ahead(self, c: Candidate) -> bool:
        """Does the clause around it speak of the future ("talks will resume on May 5")?

        The clause is cut at reporting words, so "In June, Erdogan said Turkey will"
        speaks of a past June.
        """
        before = CLAUSE_TOKEN.findall(
            self.text[max(self.sentence[0], c.start - 200):c.start].lower())
        after = CLAUSE_TOKEN.findall(self.text[c.end:min(self.sentence[1], c.end + 200)].lower())
        before = before[max((i + 1 for i, w in enumerate(before) if w in CLAUSE_EDGES), default=0):]
        after = after[:next((i for i, w in enumerate(after) if w in CLAUSE_EDGES), len(after))]
        clause = NOUN_CUE.sub(" ", f" {' '.join(before + after)} ")
        return any(cue in clause for cue in FUTURE_CUES)


def _slash(c: Candidate, ctx: _Context) -> Resolved:
    readings = numeric_readings(c.g)
    if len(readings) > 1 and ctx.pub:  # the reading closest to and not after publication
        readings = [max(r for r in readings if r <= ctx.pub)] if readings[0] <= ctx.pub else []
    return (readings[0], "day") if len(readings) == 1 else (None, None)


def _occurrence(c: Candidate, ctx: _Context, month: int, day: int | None = None) -> date | None:
    """The nearest such day, or month, on or before publication ("in May"; "last May" is
    strictly before), or after it if the clause looks ahead ("talks will resume on May 5")."""
    end = RANGE_END.match(ctx.text, c.end)
    if end and not c.g.get("yrel"):
        last = (month_number(end["month"]), int(end["day"] or end["day2"] or 31))
        return make_date(int(end["year"]) - ((month, day or 1) > last), month, day or 1)
    if ctx.pub is None:
        return None
    rel, yrel = (c.g.get("rel") or "").lower(), c.g.get("yrel")
    if yrel or rel == "this":  # "May 5 last year", "this May"
        return make_date(ctx.pub.year + OFFSET[yrel or "this"], month, day or 1)
    pub = ctx.pub if day else ctx.pub.replace(day=1)
    step = 1 if rel == "next" or (not rel and ctx.looks_ahead(c)) else -1
    for k in range(9):  # nine years always hold a 29 February
        value = make_date(pub.year + step * k, month, day or 1)
        if value and (value - pub).days * step >= (1 if rel else 0):
            if k and not rel and day and abs((value - pub).days) > YEARLESS_REACH_DAYS:
                # "Since September 30" in an August article: which September? The one the
                # text named ("the campaign began in September 2015"), else none.
                named = ctx.named_months.get(month)
                return make_date(named, month, day) if named else None
            return value
    return None


def _month_day(c: Candidate, ctx: _Context) -> Resolved:
    if c.g.get("year"):  # a Russian date with its year
        return absolute_date(c)
    month = month_of(c.g)
    value = _occurrence(c, ctx, month, int(c.g["day"]))
    if value and c.g.get("day2") and not make_date(value.year, month, int(c.g["day2"])):
        return None, None  # "September 28-31" is no run of days
    return value, "day"  # "September 28-30": the run's first day, which the text names


#: The longest run of days a month stands for even when the run crosses into the next:
#: a week or a weekend is never a year ("last week" in a Tuesday 5 March article).
WEEK_DAYS = 7


def _span(first: date, last: date) -> tuple[date, str]:
    """A run of days as its month if it lies in one; a week across two months as the month
    holding most of its days (that of its middle); a longer run as the year of its middle."""
    middle = first + (last - first) / 2
    if (first.year, first.month) == (last.year, last.month) or (last - first).days < WEEK_DAYS:
        return middle.replace(day=1), "month"
    return middle.replace(month=1, day=1), "year"


def _relative_period(c: Candidate, ctx: _Context) -> Resolved:
    if ctx.pub is None:
        return None, None
    pub, unit, mod = ctx.pub, c.g["unit"], (c.g.get("mod") or "").lower()
    rel = " ".join(c.g["rel"].lower().split())
    monday = pub - timedelta(days=pub.weekday())
    if unit == "weekend":  # "over the weekend": the latest one; "this weekend": the coming one
        back = {"last": -2, "this": 5, "next": 5 if pub.weekday() < 5 else 12}.get(
            rel, 5 if pub.weekday() >= 5 else -2
        )
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
    return make_date(pub.year + OFFSET[rel]), "year"


def _day_word(c: Candidate, ctx: _Context) -> Resolved:
    if ctx.pub is None:
        return None, None
    last = (c.g.get("rel") or "").lower() == "last"
    shift = DAY_WORDS.get(c.g["word"].lower(), -1 if last else 0)
    if c.g.get("shift"):
        shift += -1 if c.g["shift"].endswith("before") else 1
    return ctx.pub + timedelta(days=shift), "day"


def _ordinal_day(c: Candidate, ctx: _Context) -> Resolved:
    """"since the 30th": the latest 30th on or before publication."""
    if ctx.pub is None:
        return None, None
    day, at = int(c.g["day"]), ctx.pub.replace(day=1)
    for _ in range(3):                  # this month, else the last with that many days
        if day <= calendar.monthrange(at.year, at.month)[1]:
            found = at.replace(day=day)
            if found <= ctx.pub:
                return found, "day"
        at = (at - timedelta(days=1)).replace(day=1)
    return None, None


def _weekday(c: Candidate, ctx: _Context) -> Resolved:
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


def _count(g: dict) -> int:
    n = g["n"].lower()  # digits, or a number word of COUNT_NUMBER, the pattern that matched it
    return int(n) if n.isdigit() else COUNT_WORDS[n]


def _counted(c: Candidate, ctx: _Context) -> Resolved:
    """"Two weeks ago" from publication; "three days later" from the previous date."""
    n, unit = _count(c.g), c.g["unit"]
    base = ctx.pub if c.rule == "ago" else _anchor_for(ctx, unit)
    if base is None:
        return None, None
    forward = c.rule == "later" and c.g["dir"].startswith(("later", "after"))
    value, precision = _shifted(base, unit, n if forward else -n)
    kind = ADVERB_KIND.get((c.g.get("adv") or "").lower())
    if kind == "exact" and c.rule == "ago" and unit in ("month", "year"):
        value, precision = base + relativedelta(**{f"{unit}s": -n}), "day"  # "exactly a year ago"
    return value, precision


def _same_period(c: Candidate, ctx: _Context) -> Resolved:
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
    "iso_date": absolute_date, "slash_date": _slash, "full_date": absolute_date,
    "russian_date": _month_day, "month_year": absolute_date, "month_day": _month_day,
    "ago": _counted, "later": _counted, "same_period": _same_period,
    "period_relative": _relative_period,
    "month": lambda c, ctx: (_occurrence(c, ctx, month_of(c.g)), "month"),
    "day_word": _day_word, "weekday": _weekday, "ordinal_day": _ordinal_day,
    "named_day": lambda c, ctx: (
        _occurrence(c, ctx, *NAMED_DAYS[c.g["named"].lower().replace("’", "'")]), "day"),
    "year": lambda c, ctx: (make_date(int(c.g["year"])), "year"),
}


def _parse_published(published: str | None) -> date | None:
    if not isinstance(published, str):
        return None
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", published.strip()):
        return None
    value = make_date(*map(int, published.strip().split("-")))
    return value if value and FIRST_YEAR <= value.year <= LAST_YEAR else None


#: The longest run of days ("between Monday and Tuesday", "from 4 to 9 March") whose first
#: day is a happening, as that of a run written as one date ("March 4-9") is.
RUN_OF_DAYS = 7


def _first_days(mentions: list[DateMention], pairs: list[int], own_rules: list[str]) -> None:
    """The start of a span of a few days ("between Monday and Tuesday") is its first day,
    under its own rule; its end, and the ends of longer spans, stay "range"."""
    for i in pairs:
        first, last = mentions[i], mentions[i + 1]
        if first.precision == last.precision == "day" and first.date and last.date and \
                0 < (date.fromisoformat(last.date) - date.fromisoformat(first.date)).days \
                <= RUN_OF_DAYS:
            mentions[i] = replace(first, rule=own_rules[i])


def find_dates(
    text: str, published: str | None, sentences: list[Sentence] | None = None
) -> list[DateMention]:
    """Date mentions in clean article text, sorted by start, resolved against ``published``."""
    if not isinstance(text, str) or not text:
        return []
    if sentences is None:
        sentences = split_sentences(text)
    ctx = _Context(text, _parse_published(published))
    mentions: list[DateMention] = []
    candidates = find_candidates(text)
    range_ends: set[int] = set()
    pairs: list[int] = []  # where a span starts: i, its end i + 1
    own_rules: list[str] = []
    for i, (c, following) in enumerate(zip(candidates, candidates[1:], strict=False)):
        join = RANGE_JOIN.fullmatch(text, c.end, following.start)
        if join and (join["join"] != "and" or matches_before(RANGE_START_BEFORE, text, c.start)):
            range_ends |= {i, i + 1}
            pairs.append(i)
    for i, c in enumerate(candidates):
        sentence = sentence_at(sentences, c.start)
        ctx.sentence = (sentence.start, sentence.end) if sentence else (c.start, c.end)
        value, precision = RESOLVERS[c.rule](c, ctx)
        iso: str | None = None
        # A resolver gives a date with its precision, or two Nones.
        if value is not None and precision is not None and FIRST_YEAR <= value.year <= LAST_YEAR:
            ctx.anchor = (value, precision)
            iso = value.isoformat()[: ISO_LENGTH[precision]]
            if c.g.get("year") and precision != "year":
                ctx.named_months[value.month] = value.year
        else:  # an unresolved date hides the ones before it from "a month later"
            precision = ctx.anchor = None
        relative_month = c.rule == "month" and (c.g.get("rel") or c.g.get("yrel"))
        rule = "month_relative" if relative_month else c.rule
        own_rules.append(rule)
        rule = "range" if i in range_ends else rule
        mentions.append(DateMention(
            start=c.start, end=c.end, expression=text[c.start:c.end],
            date=iso,
            precision=precision, rule=rule, relative=not c.g.get("year"),  # no year of its own
            sentence_start=ctx.sentence[0], sentence_end=ctx.sentence[1],
        ))
    _first_days(mentions, pairs, own_rules)
    return mentions
