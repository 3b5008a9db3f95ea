"""Dates a person types (``--from``/``--to``, the manifest's ``published``).

Deliberately small and separate from the running-text rules: a query command reads
one of a few forms, and should not pay for compiling every date pattern (~30 ms).
Month names come from the same vocabulary, data/dates.json.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from .. import vocab
from ..errors import BadDate

DATE_ARG_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, 'Aug 2015', 'August 2015' or '30 Aug 2015'"
NUMERIC = re.compile(
    r"(?P<year>(?:19|20)[0-9]{2})(?:-(?P<month>[0-9]{1,2})(?:-(?P<day>[0-9]{1,2}))?)?")
WORDED = re.compile(
    r"(?:(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?\s+)?(?P<name>[a-z]+)\.?"
    r"(?:\s+(?P<day2>[0-9]{1,2})(?:st|nd|rd|th)?,?)?\s+(?P<year>(?:19|20)[0-9]{2})"
)


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    months = vocab.load("dates.json")["months"]
    return {name.lower().rstrip("."): n for n, row in enumerate(months, 1) for name in row}


#: A date written with numbers and a separator, day or month first ("30/09/2016",
#: "30.09.2016", "9-30-2016").
DAY_MONTH_YEAR = re.compile(
    r"(?P<a>[0-9]{1,2})(?P<sep>[/.-])(?P<b>[0-9]{1,2})(?P=sep)(?P<year>(?:19|20)[0-9]{2})")


def parse_manifest_date(value: str) -> tuple[str, str, str]:
    """A manifest's publication date -> (first day, last day, precision), or BadDate.

    What :func:`parse_date_arg` reads, and dates as people write them with numbers:
    day first ("30/09/2016", "30.09.2016") or month first ("09/30/2016"), whichever the
    numbers allow. One that reads both ways ("03/04/2016": 3 April or 4 March) is
    refused, never guessed.
    """
    m = DAY_MONTH_YEAR.fullmatch(value.strip()) if isinstance(value, str) else None
    if m is None:
        return parse_date_arg(value)
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    readings = {(year, month, day) for day, month in ((a, b), (b, a)) if month <= 12}
    days = [d for d in readings if _is_day(*d)]
    if len(days) != 1:
        why = ("reads both ways (day or month first)" if len(days) > 1
               else "is not a date")
        raise BadDate(f"the date {value!r} {why}: write it as YYYY-MM-DD")
    day = date(*days[0]).isoformat()
    return day, day, "day"


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def parse_date_arg(value: str) -> tuple[str, str, str]:
    """A date typed on the command line -> (first day, last day, precision), or BadDate.

    Accepts "2015", "2015-08", "2015-08-30", "Aug 2015", "August 2015", "30 Aug 2015",
    "August 30, 2015", in any letter case.
    """
    text = " ".join(value.strip().lower().split()) if isinstance(value, str) else ""
    year = month = day = None
    if m := NUMERIC.fullmatch(text):
        year = int(m["year"])
        month, day = m["month"] and int(m["month"]), m["day"] and int(m["day"])
    elif (
        (m := WORDED.fullmatch(text))
        and m["name"] in month_numbers()
        and not (m["day"] and m["day2"])
    ):
        year, month = int(m["year"]), month_numbers()[m["name"]]
        day = int(m["day"] or m["day2"]) if (m["day"] or m["day2"]) else None
    try:
        if year is None:
            raise ValueError
        first = date(year, month or 1, day or 1)
    except ValueError:
        raise BadDate(f"cannot read the date {value!r}: use {DATE_ARG_FORMS}") from None
    if day:
        return first.isoformat(), first.isoformat(), "day"
    if month:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return first.isoformat(), last.isoformat(), "month"
    return first.isoformat(), date(year, 12, 31).isoformat(), "year"
