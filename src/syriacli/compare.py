"""Which claims disagree: pure functions over claim rows (the fields `figures` lists).

Two claims disagree only when they are like claims (:func:`alike`) from different sources
(:func:`same_source`: neither one claimant nor one organisation) and the values their words
allow do not meet. Like claims count the same thing (one metric, one unit, one group), for
the same time and the same place:

- the same time: two tolls over periods ("since 2015", "over six months") are set against
  each other only when the periods are the same; a toll over a period and a running total
  of no stated period (RT's "over 7,000 sorties" against Shoigu's "more than 9,000 over
  almost six months", both in March 2016) when they are of one month (a day's toll is
  kept apart by scale, SAME_SCALE); a toll of one month against one of the same month, of
  a year ("in 2016") against one of that year, never a month's against a year's;
- the same place: the places in Syria their sentences name are the same, or neither names
  one (a toll for the whole country); Idlib's toll is never set against Aleppo's, nor
  Idlib's against the country's.

What a value allows is read as reporters write numbers: a round number is rounded, so
"7,000" is 6,500 to 7,500 and "over 7,000" is 7,000 to 8,000 (past 8,000 the reporter
would have written "over 8,000"), while "1,015" is itself; "at least" and "up to" are
open on one side; a vague amount ("thousands") allows nothing to compare.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from . import vocab
from .extract.speakers import ASIDE  # "(IS)" in "Islamic State (IS) militants"
from .places import in_syria

#: Claims a factor of this apart measure different things (one strike's toll against a
#: campaign's), not the same thing differently.
SAME_SCALE = 10


def rounding_step(value: float) -> float:
    """The step ``value`` was rounded to: 7,000 -> 1,000; 250,000 -> 10,000; 1,015 -> 1;
    85.5 -> 0.1."""
    if value <= 0 or not math.isfinite(value):
        return 1.0
    if value != int(value):
        decimals = len(f"{value:.6f}".rstrip("0").split(".")[1])
        return 10.0**-decimals
    step, n = 1.0, int(value)
    while n % 10 == 0:
        n //= 10
        step *= 10
    return step


def bounds(claim: dict) -> tuple[float, float] | None:
    """The values a claim allows, or None when it allows no comparison (a vague amount)."""
    value, low, high = claim.get("value"), claim.get("low"), claim.get("high")
    if value is None:
        return (float(low), float(high)) if low is not None and high is not None else None
    qualifier = claim.get("qualifier") or "exact"
    if qualifier == "vague":
        return None
    v = float(value)
    step = rounding_step(v)
    return {
        "over": (v, v + step),
        "at least": (v, math.inf),
        "nearly": (v - step, v),
        "up to": (0.0, v),
        "under": (0.0, v),
    }.get(qualifier, (v - step / 2, v + step / 2))  # exact and "about": rounded


@cache
def _group_free() -> frozenset[str]:
    return frozenset(vocab.load("metrics.json")["group_free_nouns"])


QUOTES = "\"“”'‘’«»"


def scope(claim: dict) -> str | None:
    """The group a claim counts: its noun and the names that qualify it ("1,183 Islamic
    State (IS) militants": islamic state militants), or None for a count of all of its
    kind ("2,000 bandits"), of which such a group is a part. Lowercase modifiers do not
    make a group ("combat sorties" are sorties)."""
    words = [w.strip(QUOTES) for w in ASIDE.sub("", claim.get("noun") or "").split()]
    words = [w for w in words if w]
    if not words:
        return None
    named = [w for w in words[:-1] if w[:1].isupper()]
    if not named and words[-1].lower() in _group_free():
        return None
    return " ".join(named + words[-1:]).lower()


def when(claim: dict) -> str | None:
    """The date a claim speaks of: its as-of date, else its article's publication date."""
    return claim.get("as_of") or claim.get("published")


#: Words of a period as written that do not change which period it is ("almost six
#: months", "the past six months": six months).
PERIOD_NOISE = re.compile(
    r"\b(?:the|past|last|previous|course|of|almost|nearly|about|around|more|than|over|some"
    r"|just|under|roughly)\b\s*", re.I)


def period_key(claim: dict) -> str | None:
    """The period a claim counts over, as one key: "2015-09/2016-03" for "between September
    2015 and March 2016", "2015-09/" for "since September 2015" (open: it ends when the
    claim was made, which the month check compares), "six months" for "over almost six
    months"; None for a claim of no period."""
    period = (claim.get("period") or "").strip()
    if not period:
        return None
    if "/" in period:
        start, _, end = period.partition("/")
        return f"{start[:7]}/{'' if end == '..' else end[:7]}"
    return PERIOD_NOISE.sub("", period).lower().strip() or None


def same_time(a: dict, b: dict) -> bool:
    """Do the two claims speak of the same time? Counts grow (sorties, deaths, returns):
    claims of different months are a series, not a disagreement. A claim over a period is
    like only a claim over the same period (:func:`period_key`) or a running total of no
    stated period, of the same month and scale; a date of year precision ("in 2016") is like
    only another of that year, a month or a day like one of its month; an undated claim is
    like one of any time."""
    pa, pb = period_key(a), period_key(b)
    if pa != pb and (pa and pb or not _same_scale(a, b)):
        return False        # two periods, or a period's toll and a day's (a scale apart)
    wa, wb = when(a), when(b)
    if not wa or not wb:
        return True
    if (len(wa) == 4) != (len(wb) == 4):
        return False
    return wa[:7] == wb[:7]


def _same_scale(a: dict, b: dict) -> bool:
    """Are the values the two claims allow within SAME_SCALE of each other?"""
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return False
    small, large = sorted((_size(ba), _size(bb)))
    return bool(small) and large / small <= SAME_SCALE


def where(claim: dict) -> frozenset[str]:
    """The places in Syria a claim's sentence names (places.in_syria): none for a claim
    about the whole country."""
    return frozenset(p["name"] for p in claim.get("places") or () if in_syria(p))


def alike(a: dict, b: dict) -> bool:
    """Do two claims count the same thing, at the same time and place (the module's rule)?"""
    return ((a["metric"], a.get("unit"), scope(a), where(a))
            == (b["metric"], b.get("unit"), scope(b), where(b))) and same_time(a, b)


def same_source(a: dict, b: dict) -> bool:
    """Do two claims come from one source: one claimant, or one organisation where both
    are known (a ministry's statement and its spokesman are one source, however each is
    spelt)? A claim nobody is named for is its publisher's own account."""
    if (a.get("claimant") or a.get("publisher")) == (b.get("claimant") or b.get("publisher")):
        return True
    return bool(a.get("claimant_org")) and a.get("claimant_org") == b.get("claimant_org")


@dataclass(frozen=True)
class Disagreement:
    first: dict
    second: dict
    why: str


def disagreements(claims: list[dict]) -> list[Disagreement]:
    """Pairs of like claims (:func:`alike`) by different claimants and of one scale, whose
    values cannot both be right; each with the reason."""
    pairs = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if not alike(a, b):
                continue
            if same_source(a, b):
                continue
            ba, bb = bounds(a), bounds(b)
            if ba is None or bb is None or not _same_scale(a, b):
                continue
            if ba[1] < bb[0] or bb[1] < ba[0]:
                pairs.append(Disagreement(a, b, f"{_allowed(ba)} against {_allowed(bb)}"))
    return pairs


def _size(allowed: tuple[float, float]) -> float:
    return allowed[0] if math.isinf(allowed[1]) else max(allowed)


def _allowed(allowed: tuple[float, float]) -> str:
    lo, hi = (
        f"{x:,.0f}" if x == int(x) else f"{x:,.2f}" for x in (allowed[0], min(allowed[1], 1e18))
    )
    if math.isinf(allowed[1]):
        return f"{lo} or more"
    return lo if lo == hi else f"{lo} to {hi}"
