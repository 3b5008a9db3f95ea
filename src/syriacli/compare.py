"""Which claims disagree: pure functions over claim rows (the fields `figures` lists).

Two claims disagree when they count the same thing (one metric, one unit, one group),
at the same time, by different claimants, and the values their words allow do not meet.
What a value allows is read as reporters write numbers: a round number is rounded, so
"7,000" is 6,500 to 7,500 and "over 7,000" is 7,000 to 8,000 (past 8,000 the reporter
would have written "over 8,000"), while "1,015" is itself; "at least" and "up to" are
open on one side; a vague amount ("thousands") allows nothing to compare.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from . import vocab
from .extract.speakers import ASIDE  # "(IS)" in "Islamic State (IS) militants"

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


def same_time(a: dict, b: dict) -> bool:
    """Do the two claims speak of the same time? Counts grow (sorties, deaths, returns):
    claims of different months are a series, not a disagreement. A date of year
    precision speaks of any month of its year; an undated claim of any time."""
    wa, wb = when(a), when(b)
    if not wa or not wb:
        return True
    shorter = min(len(wa), len(wb), 7)
    return wa[:shorter] == wb[:shorter]


@dataclass(frozen=True)
class Disagreement:
    first: dict
    second: dict
    why: str


def disagreements(claims: list[dict]) -> list[Disagreement]:
    """Pairs of claims of one metric, unit and scope, by different claimants, at the same
    time and scale, whose values cannot both be right; each with the reason."""
    pairs = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if (a["metric"], a.get("unit"), scope(a)) != (b["metric"], b.get("unit"), scope(b)):
                continue
            if (a.get("claimant") or a.get("publisher")) == (
                b.get("claimant") or b.get("publisher")
            ):
                continue
            ba, bb = bounds(a), bounds(b)
            if ba is None or bb is None or not same_time(a, b):
                continue
            small, large = sorted((_size(ba), _size(bb)))
            if not small or large / small > SAME_SCALE:
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
