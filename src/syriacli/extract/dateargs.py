"""Dates a person types (``--from``/``--to``, the manifest's ``published``), read with the patterns of running text."""
from __future__ import annotations

import re

from dateutil.relativedelta import relativedelta

from ..errors import BadDate
from .daterules import FULL_DMY, FULL_MDY, ISO_DATE, MONTH_YEAR, Candidate, absolute_date, make_date

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
        first, precision = make_date(int(m["year"]), int(m["mm"] or 1)), "month" if m["mm"] else "year"
    elif m := next(filter(None, (p.fullmatch(text) for p in (ISO_DATE, FULL_DMY, FULL_MDY, MONTH_YEAR))), None):
        if not m.groupdict().get("day2"):
            first, precision = absolute_date(Candidate("", 0, 0, m.groupdict()))
    if first is None:
        raise BadDate(f"cannot read the date {value!r}: use {DATE_ARG_FORMS}")
    last = {"day": first, "month": first + relativedelta(day=31), "year": first.replace(month=12, day=31)}
    return first.isoformat(), last[precision].isoformat(), precision
