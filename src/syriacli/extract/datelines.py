"""The publication day an article's dateline gives.

A full date ("30 September 2016", "2016-09-30", "30 сентября 2016 г.") is read as
it stands. A slash date that reads both ways ("12/09/2017") is weighed against the
candidate dates of the body (see daterules.py): a news article mostly speaks of the
days just before it appeared.
"""
from __future__ import annotations

from datetime import date

from .daterules import (
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
                readings = _weigh(readings, body if isinstance(body, str) else "")
            return readings[0].isoformat() if len(readings) == 1 else None
        if rule.name == "russian_date" and not (c.g.get("day") and c.g["year"]):
            continue
        value, precision = absolute_date(c)
        return value.isoformat() if value and precision == "day" else None
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
        return -2 if value and value > reading else 0  # news seldom dates things after itself
    return 0
