"""compare.py: which claims disagree. Claim pairs invented for these tests (a monitor
against a ministry, two wire services), none of them the seeds' sorties pair."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syriacli.compare import (
    alike,
    bounds,
    disagreements,
    period_key,
    rounding_step,
    same_time,
    scope,
)


def claim(
    value,
    qualifier="exact",
    claimant="SOHR",
    metric="civilians killed",
    unit=None,
    as_of=None,
    published="2019-06-30",
    low=None,
    high=None,
):
    return {
        "metric": metric,
        "value": value,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "unit": unit,
        "claimant": claimant,
        "publisher": "AFP",
        "as_of": as_of,
        "published": published,
    }


@pytest.mark.parametrize(
    "value, step",
    [
        (7000, 1000),
        (250_000, 10_000),
        (1015, 1),
        (1200, 100),
        (90, 10),
        (85.5, 0.1),
        (0, 1),
    ],
)
def test_rounding_step(value, step):
    assert rounding_step(value) == pytest.approx(step)


@pytest.mark.parametrize(
    "qualifier, value, allowed",
    [
        ("exact", 3000, (2500, 3500)),  # a round number is rounded
        ("exact", 3049, (3048.5, 3049.5)),  # a precise one is itself
        ("over", 4000, (4000, 5000)),  # past 5,000 the reporter writes "over 5,000"
        ("at least", 4000, (4000, math.inf)),
        ("nearly", 700, (600, 700)),
        ("up to", 50, (0, 50)),
        ("about", 20, (15, 25)),
    ],
)
def test_bounds(qualifier, value, allowed):
    assert bounds(claim(value, qualifier)) == pytest.approx(allowed)


def test_a_vague_amount_and_a_range():
    assert bounds(claim(None, "vague")) is None
    assert bounds(claim(None, low=290_000, high=470_000)) == (290_000, 470_000)


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("2019-06-12", "2019-06-30", True),
        ("2019-06", "2019-06-30", True),
        ("2019", "2019-11-02", False),  # a year's toll is never set against a day's
        ("2019", "2019", True),
        ("2019-06-30", "2019-07-01", False),
        ("2018-12", "2019-01", False),
        (None, "2019-06-30", True),
    ],
)
def test_same_time_is_the_same_month(a, b, same):
    assert same_time(claim(1, as_of=a, published=None), claim(1, as_of=b, published=None)) is same


@pytest.mark.parametrize(
    "a, b, disagree",
    [
        # a monitor's toll against a ministry's, the same month
        (claim(3000, "over", "SOHR"), claim(1000, "exact", "Syrian health ministry"), True),
        # "more than 4,000" and "4,200" can both be right
        (claim(4000, "over", "SOHR"), claim(4200, "exact", "White Helmets"), False),
        # "at least 500" never disagrees with more
        (claim(500, "at least", "Amnesty"), claim(2000, "exact", "SOHR"), False),
        # one claimant revising itself is not a disagreement
        (claim(3000, "over", "SOHR"), claim(1000, "exact", "SOHR"), False),
        # nor two spellings of one organisation (a ministry's statement and its spokesman)
        ({**claim(13, claimant="Russia's defense ministry"),
          "claimant_org": "Russian Defence Ministry"},
         {**claim(3, claimant="Igor Konashenkov"), "claimant_org": "Russian Defence Ministry"},
         False),
        # different months are a series
        (
            claim(3000, published="2019-06-30"),
            claim(1000, claimant="UN", published="2019-09-30"),
            False,
        ),
        # different metrics or units, or a scale apart, are different things
        (claim(3000), claim(1000, claimant="UN", metric="militants killed"), False),
        (claim(30, unit="km"), claim(10, claimant="UN", unit="miles"), False),
        (claim(30_000), claim(12, claimant="UN"), False),
        # a vague amount is compared with nothing
        (claim(1000, "vague"), claim(3049, claimant="UN"), False),
    ],
)
def test_disagreements(a, b, disagree):
    assert bool(disagreements([a, b])) is disagree


def test_the_reason_says_what_each_claim_allows():
    (pair,) = disagreements(
        [claim(3000, "over", "SOHR"), claim(1000, "exact", "Syrian health ministry")]
    )
    assert pair.why == "3,000 to 4,000 against 500 to 1,500"


@given(
    st.floats(min_value=0, max_value=1e9, allow_nan=False),
    st.sampled_from(["exact", "over", "at least", "nearly", "up to", "under", "about"]),
)
def test_bounds_hold_the_value(value, qualifier):
    lo, hi = bounds(claim(value, qualifier))
    assert lo <= value <= hi


@pytest.mark.parametrize("noun, group", [
    ("bandits", None), ('"terrorists', None), ("civilians", None),
    ("Islamic State (IS) militants", "islamic state militants"), ("rebels", "rebels"),
    ("combat sorties", "sorties"), ("YPG/PKK terrorists", "ypg/pkk terrorists"), ("", None),
])
def test_the_group_a_claim_counts(noun, group):
    assert scope({"noun": noun}) == group


def test_a_part_is_never_set_against_a_total():
    total = claim(2000, "over", "Russian Defence Ministry", metric="militants killed")
    total["noun"] = "bandits"
    part = claim(1183, claimant="SOHR", metric="militants killed")
    part["noun"] = "Islamic State (IS) militants"
    rival = claim(13000, "nearly", "Russian officials", metric="militants killed")
    rival["noun"] = "terrorists"
    assert [(p.first["value"], p.second["value"]) for p in disagreements([total, part, rival])] == [
        (2000, 13000)]


def toll(value, claimant, period=None, as_of=None, places=(), published="2019-06-30"):
    """A claim of civilians killed, as `figures` lists it, with its period and places."""
    row = claim(value, claimant=claimant, as_of=as_of, published=published)
    row["period"] = period
    row["places"] = [{"name": n, "lat": lat, "lon": lon, "precision": "city"}
                     for n, lat, lon in places]
    return row


IDLIB = ("Idlib", 35.93, 36.63)
ALEPPO = ("Aleppo", 36.2, 37.16)
MOSCOW = ("Moscow", 55.75, 37.62)


@pytest.mark.parametrize("period, key", [
    (None, None), ("", None),
    ("2015-09/2016-02", "2015-09/2016-02"),
    ("2015-09-30/..", "2015-09/"),
    ("almost six months", "six months"),
    ("the past six months", "six months"),
    ("over the past 24 hours", "24 hours"),
])
def test_period_key(period, key):
    assert period_key({"period": period}) == key


@pytest.mark.parametrize("a, b, like", [
    # a monitor's cumulative toll against a ministry's one-day toll (wire style)
    (toll(6900, "SOHR", period="2015-09-30/.."), toll(12, "Syrian health ministry"), False),
    # two tolls since the same start, reported the same month: alike
    (toll(6900, "SOHR", period="2015-09-30/.."), toll(3000, "SNHR", period="2015-09/.."), True),
    # since September 2015 against since January 2019 (TASS against a monitor)
    (toll(6900, "SOHR", period="2015-09/.."), toll(3000, "SNHR", period="2019-01/.."), False),
    # "over the past six months" against "over the past week" (Gulf broadcaster)
    (toll(900, "SOHR", period="the past six months"), toll(90, "UN", period="the past week"),
     False),
    # a running total of no stated period against one "over six months", of one month and
    # scale: the product's own example (RT's officials against Shoigu, March 2016)
    (toll(7000, "Russian officials", as_of="2016-03-15"),
     toll(9000, "Sergei Shoigu", period="almost six months", published="2016-03-15"), True),
    # a month's toll against a year's (Turkish daily against an Iranian agency)
    (toll(400, "White Helmets", as_of="2019-05"), toll(1000, "IRNA", as_of="2019"), False),
    (toll(400, "White Helmets", as_of="2019"), toll(1000, "IRNA", as_of="2019"), True),
    # one province against another, and a province against the whole country
    (toll(40, "SOHR", places=[IDLIB]), toll(12, "SANA", places=[ALEPPO]), False),
    (toll(40, "SOHR", places=[IDLIB]), toll(12, "SANA"), False),
    (toll(40, "SOHR", places=[IDLIB]), toll(12, "SANA", places=[IDLIB]), True),
    # where a claim was made (Moscow) is no place of the war: both tolls are the country's
    (toll(4000, "Russian Defence Ministry", places=[MOSCOW]), toll(1000, "SOHR"), True),
])
def test_only_like_claims_are_compared(a, b, like):
    assert alike(a, b) is like
    if not like:
        assert not disagreements([a, b])


def test_a_year_of_tolls_in_several_provinces_shows_no_disagreement():
    """An invented corpus of the kinds of claims that are unlike though their metric is one:
    none of them disagrees with another."""
    claims = [
        toll(63, "SOHR", as_of="2016-01-24", places=[("Deir ez-Zor", 35.34, 40.14)]),
        toll(44, "activists", as_of="2016-01-24", places=[("Raqqa", 35.95, 39.01)]),
        toll(1733, "SOHR", period="2015-09-30/..", published="2016-03-01"),
        toll(20, "Red Cross", as_of="2016-03-01", places=[ALEPPO]),
        toll(8, "White Helmets", published="2016-03-01", places=[IDLIB]),
        toll(3800, "SNHR", as_of="2016", published="2016-03-01"),
        toll(150, "Anadolu", as_of="2016-03", published="2016-03-01"),
    ]
    assert disagreements(claims) == []


PERIODS = st.sampled_from([None, "2015-09/..", "2015-09-30/..", "2019-01/2019-03", "six months",
                           "the past week"])
DATES = st.sampled_from([None, "2019", "2019-06", "2019-06-12", "2019-07-01", "2018"])
PLACES = st.lists(st.sampled_from([IDLIB, ALEPPO, MOSCOW]), max_size=2)


@given(st.tuples(st.integers(1, 10_000), PERIODS, DATES, PLACES),
       st.tuples(st.integers(1, 10_000), PERIODS, DATES, PLACES))
def test_like_is_symmetric_and_unlike_claims_never_disagree(one, other):
    a = toll(one[0], "SOHR", period=one[1], as_of=one[2], places=one[3])
    b = toll(other[0], "SANA", period=other[1], as_of=other[2], places=other[3])
    assert alike(a, b) is alike(b, a)
    two_periods = period_key(a) and period_key(b) and period_key(a) != period_key(b)
    if two_periods or {p[0] for p in one[3]} - {"Moscow"} != {
            p[0] for p in other[3]} - {"Moscow"}:
        assert not disagreements([a, b])
