"""compare.py: which claims disagree. Claim pairs invented for these tests (a monitor
against a ministry, two wire services), none of them the seeds' sorties pair."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syriacli.compare import bounds, disagreements, rounding_step, same_time, scope


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
        ("2019", "2019-11-02", True),
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
