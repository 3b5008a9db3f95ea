"""figures.py: shares and money as figures (#28). Sentences written for these tests in
several publishers' styles (wire, TASS/RIA, monitor, Gulf, Turkish, Iranian, South Asian)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syriacli.extract.figures import find_figures


def found(sentence):
    return [(f.text, f.value, f.unit, f.metric) for f in find_figures(sentence)]


@pytest.mark.parametrize("sentence, share", [
    # monitor: a share of the victims is no death toll of its own
    ("The Syrian Observatory said 412 civilians were killed in May, 60% of the victims "
     "children.", ("60%", 60, "percent", "share of children killed")),
    # wire: a share in brackets after a toll is a share of that toll
    ("Russian strikes killed 300 people (about 35%) in Idlib, the monitor said.",
     ("about 35%", 35, "percent", "share of deaths")),
    # Gulf broadcaster: "of whom" looks back to the count before it
    ("Some 1,200 people were displaced, 27% of whom were children, the UN said.",
     ("27%", 27, "percent", "share of displaced")),
    # Iranian agency: "of the victims" with no count before it
    ("About 40% of the victims were women, the agency reported.",
     ("About 40%", 40, "percent", "share of deaths")),
    # South Asian daily: "one in ten of the dead"
    ("One in ten of the dead was a child, the rights group said.",
     ("One in ten", 10, "percent", "share of deaths")),
    # monitor: "one in every three of them" after a toll
    ("Russian jets killed 90 civilians, one in every three of them a child, SNHR said.",
     ("one in every three", 33.33, "percent", "share of children killed")),
    # Turkish daily: "nearly one in five of the civilians killed"
    ("Nearly one in five of the civilians killed were children, Anadolu reported.",
     ("Nearly one in five", 20, "percent", "share of civilians killed")),
])
def test_a_share_is_a_share_never_a_toll(sentence, share):
    figures = found(sentence)
    assert share in figures
    tolls = [f for f in figures if f[2] == "percent" and not f[3].startswith("share of")]
    assert not tolls


@pytest.mark.parametrize("sentence, figure", [
    # TASS: a share of territory is territory, in percent
    ("About 85 percent of Syria's territory has been liberated, the ministry said.",
     ("About 85 percent", 85, "percent", "territory liberated")),
    # wire: the percent after an area is the same territory
    ("Militants still hold 27,000 square kilometers, the remaining 15 percent, the general "
     "said.", ("15 percent", 15, "percent", "territory held by militants")),
])
def test_a_percent_of_territory_stays_territory(sentence, figure):
    assert figure in found(sentence)


@pytest.mark.parametrize("sentence, money", [
    # business daily (RBC style)
    ("Moscow has spent $300 million on the operation, RBC reported.",
     ("$300 million", 300e6, "USD", "money")),
    # RIA style: the currency named after the number
    ("The campaign cost 1.2 billion roubles, Vedomosti said.",
     ("1.2 billion roubles", 1.2e9, "RUB", "money")),
    ("The budget set aside 33 billion rubles for the operation, the minister said.",
     ("33 billion rubles", 33e9, "RUB", "money")),
    # British paper
    ("Britain has pledged £3.8 billion in aid to Syrians since 2012, the government said.",
     ("£3.8 billion", 3.8e9, "GBP", "money")),
    # wire: a qualifier and a short scale word
    ("The operation cost more than US$4bn a year, analysts said.",
     ("more than US$4bn", 4e9, "USD", "money")),
    # EU statement
    ("The EU gave €560 million for Syrian refugees in Turkey.",
     ("€560 million", 560e6, "EUR", "money")),
    # Turkish daily
    ("Ankara spent 40 billion dollars hosting refugees, Erdogan said.",
     ("40 billion dollars", 40e9, "USD", "money")),
])
def test_money_with_its_currency(sentence, money):
    assert money in found(sentence)


@pytest.mark.parametrize("sentence", [
    "The strikes began in September 2015, in the 5th year of the war.",
    "The pilot was 45 years old, the ministry said.",
    "The jets took off at 05:30 and flew for three hours.",
    "Two Su-34 bombers and an S-400 battery were sent to Hmeimim.",
    "Turnout was 85%, officials said.",
    "The bomb weighed 500 pounds, the report said.",
])
def test_years_ages_durations_times_models_ordinals_stay_out(sentence):
    assert not [f for f in found(sentence)
                if f[2] in ("percent", "USD", "GBP", "RUB", "EUR")
                or f[3].startswith("share of") or f[3] == "money"]


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(
    [("$", "", "USD"), ("£", "", "GBP"), ("€", "", "EUR"), ("", " roubles", "RUB"),
     ("", " dollars", "USD")]),
    st.sampled_from(["", " million", " billion"]))
def test_any_amount_of_money_reads_back(amount, currency, scale):
    sign, word, code = currency
    sentence = f"The ministry said it spent {sign}{amount:,}{scale}{word} on the campaign."
    money = [f for f in find_figures(sentence) if f.metric == "money"]
    assert len(money) == 1
    factor = {"": 1, " million": 1e6, " billion": 1e9}[scale]
    assert money[0].unit == code and money[0].value == pytest.approx(amount * factor)


@given(st.integers(min_value=2, max_value=1000))
def test_one_in_n_is_a_percentage(n):
    sentence = f"Killed were 900 civilians, one in {n} of them a child, the monitor said."
    shares = [f for f in find_figures(sentence) if f.unit == "percent"]
    assert [round(f.value, 2) for f in shares] == [round(100 / n, 2)]


@given(st.text(max_size=80))
def test_any_text_gives_figures_or_none(text):
    for figure in find_figures(f"It cost ${text} or {text} roubles, one in {text}."):
        assert figure.start <= figure.end
