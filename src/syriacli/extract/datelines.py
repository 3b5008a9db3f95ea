"""The publication day an article's dateline gives.

A full date ("30 September 2016", "2016-09-30", "30 сентября 2016 г.") is read as
it stands. A slash date that reads both ways ("12/09/2017") is weighed against the
candidate dates of the body (see daterules.py): a news article mostly speaks of the
days just before it appeared.
"""
from __future__ import annotations

import re
from datetime import date

from .daterules import (
    MONTHS,
    RULES,
    WEEKDAYS,
    Candidate,
    absolute_date,
    find_candidates,
    make_date,
    month_number,
    numeric_readings,
)

#: The rules that read a date as it stands, without the article around it.
DATELINE_RULES = ("iso_date", "slash_date", "full_date", "russian_date")
#: How well a weekday named in the body fits a candidate publication day, by days before it.
WEEKDAY_FIT = (3, 2, 2, 1, 0, 0, 0)


def read_dateline(dateline: str, body: str) -> str | None:
    """The publication day an article's dateline gives, or None.

    A slash date that reads both ways ("12/09/2017") is decided by the body: the
    weekdays it names, its year-less "Month Day" dates and month names sit on or
    shortly before publication. No evidence, or a tie, gives None.
    """
    if not isinstance(dateline, str):
        return None
    if CAPITALS.search(dateline):  # "12 MAR 2016": a month in capitals, as stamps print it
        dateline = CAPITALS.sub(_month_cased, dateline)
    for rule in (r for r in RULES if r.name in DATELINE_RULES):
        m = (rule.pattern or rule.key).search(dateline)
        if not m:
            continue
        c = Candidate(rule.name, *m.span(), m.groupdict())
        if rule.before and (before := rule.before.search(dateline, 0, m.start())):
            c.g.update((k, v) for k, v in before.groupdict().items() if v is not None)
        if rule.name == "slash_date":
            readings = numeric_readings(c.g)
            if len(readings) > 1:
                body = body if isinstance(body, str) else ""
                order = _numeric_order(body, c.g["sep"])
                if order:  # the page's own way of writing dates: "13/05/2019" elsewhere
                    a, b, year = int(c.g["a"]), int(c.g["b"]), int(c.g["year"])
                    day, month = (a, b) if order == "day first" else (b, a)
                    readings = [d for d in (make_date(year, month, day),) if d]
                else:
                    readings = _weigh(readings, body)
            return readings[0].isoformat() if len(readings) == 1 else None
        if rule.name == "russian_date" and not (c.g.get("day") and c.g["year"]):
            continue
        value, precision = absolute_date(c)
        return value.isoformat() if value and precision == "day" else None
    return _read_yearless(dateline, body if isinstance(body, str) else "")


def why_undated(dateline: str | None, body: str) -> str:
    """Why an article has no publication day: what a user must check, in a few words
    ("06/05/2019: day or month first?"). ``dateline`` is the one the text gave, if any."""
    if not dateline:
        return "no date in the text or the manifest"
    for rule in RULES:
        if rule.name == "slash_date" and (m := (rule.pattern or rule.key).search(dateline)):
            if len(numeric_readings(m.groupdict())) > 1:
                return f"{m.group()}: day or month first?"
        if rule.name == "month_day" and (rule.pattern or rule.key).search(dateline):
            return f"{dateline.strip()}: which year?"
    return f"{dateline.strip()}: not a day"


#: A word in capitals, which may be a month's name ("MAR", "SEPTEMBER").
CAPITALS = re.compile(r"\b[A-Z]{3,9}\b")


def _month_cased(m: re.Match) -> str:
    word = m.group()
    return word.capitalize() if word.lower() in MONTHS else word


def _numeric_order(body: str, sep: str) -> str | None:
    """"day first" or "month first", as the page's other numeric dates written with the
    same separator show it where they read only one way ("13/05/2019", "05/13/2019");
    None without such a date, or where they disagree."""
    orders = set()
    for c in find_candidates(body):
        if c.rule == "slash_date" and c.g["sep"] == sep:
            a, b = int(c.g["a"]), int(c.g["b"])
            if a > 12 >= b:
                orders.add("day first")
            elif b > 12 >= a:
                orders.add("month first")
    return orders.pop() if len(orders) == 1 else None


def _read_yearless(dateline: str, body: str) -> str | None:
    """The day of a dateline without its year ("MOSCOW, September 6."), the year decided
    by the body: the years it names (and the year after each, for a January article that
    speaks of December) are weighed by the weekdays, dates and years the body gives. The
    year is read only on clear evidence, never from the calendar alone."""
    for rule in RULES:
        if rule.name == "month_day" and (m := (rule.pattern or rule.key).search(dateline)):
            break
    else:
        return None
    month, day = month_number(m.group("month")), int(m.group("day"))
    candidates = find_candidates(body)
    years = sorted({y + later for c in candidates if (y := _year_of(c)) for later in (0, 1)})
    readings = [r for y in years if (r := make_date(y, month, day))]
    scores = sorted(((sum(_support(c, r) for c in candidates), r) for r in readings),
                    reverse=True)
    if not scores or scores[0][0] < YEAR_EVIDENCE:
        return None
    if len(scores) > 1 and scores[1][0] >= scores[0][0]:
        return None
    return scores[0][1].isoformat()


#: How much evidence the body must give for a year-less dateline's year (see _support):
#: a weekday that falls on it (3), or several dates shortly before it (2 each within a
#: month, 1 within three); a date after it counts against.
YEAR_EVIDENCE = 3


def _year_of(c: Candidate) -> int | None:
    year = c.g.get("year")
    if c.rule in ("full_date", "month_year", "iso_date", "year", "slash_date") and year:
        value = int(year)
        return value if 1990 <= value <= 2100 else None
    return None


#: "today 30th of September 2016", "today, Friday 30 September 2016": a report naming
#: its own day in its first lines (the date must follow at once).
TODAY = re.compile(r"\btoday,?\s+(?:the\s+)?(?:\w+day,?\s+)?(?:the\s+)?", re.I)
#: How far into the body a report names its own day.
TODAY_REACH = 1000


def read_today(body: str) -> str | None:
    """The publication day a report gives as today's in its first lines, or None."""
    for m in TODAY.finditer(body, 0, TODAY_REACH):
        for rule in (r for r in RULES if r.name in DATELINE_RULES):
            date_match = (rule.pattern or rule.key).match(body, m.end())
            if date_match:
                return read_dateline(date_match.group(), body)
    return None


def _weigh(readings: list[date], body: str) -> list[date]:
    """The best-supported readings: one, or several on a tie, or none without evidence."""
    scores = [0] * len(readings)
    for c in find_candidates(body):
        for i, reading in enumerate(readings):
            scores[i] += _support(c, reading)
    best = max(scores)
    return [r for r, s in zip(readings, scores, strict=True) if s == best] if best > 0 else []


def _support(c: Candidate, reading: date) -> int:
    g = c.g
    if c.rule == "weekday" and not g.get("rel"):
        return WEEKDAY_FIT[(reading.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7]
    if c.rule == "month_day" and not g["yrel"] and not g["day2"]:
        month, day = month_number(g["month"]), int(g["day"])
        value = make_date(reading.year, month, day)
        if value and value > reading:
            return -1  # would fall after publication: possible (last year's), but less likely
        gap = (reading - value).days if value else 999
        return 3 if gap <= 7 else 2 if gap <= 31 else 1 if gap <= 92 else 0
    if c.rule == "month" and not (g.get("rel") or g["yrel"]):
        gap = (reading.month - month_number(g["month"])) % 12
        return 2 if gap == 0 else 1 if gap == 1 else 0
    if c.rule in ("full_date", "month_year", "iso_date"):
        value = absolute_date(c)[0]
        if value is None:
            return 0
        if value > reading:
            return -2  # news seldom dates things after itself
        gap = (reading - value).days
        return 2 if gap <= 31 and c.rule != "month_year" else 1 if gap <= 92 else 0
    return 0
