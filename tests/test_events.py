"""Tests for the rules of syriacli.extract.events, on sentences written for them.

None is from the seed articles or the development set: they are in the style of wire
copy, NGO reports, Russian, Turkish and Gulf media, about Afrin and Ghouta 2018, Deir
ez-Zor 2017, Manbij and the northeast 2019, Idlib 2019-2020.
"""
from __future__ import annotations

import pytest

from syriacli.extract.article import RawArticle, extract_article
from syriacli.extract.dates import find_dates
from syriacli.extract.events import (
    Event,
    build_events,
    clause_around,
    concepts_in,
    day_range,
    period_endpoints,
    summarise,
)
from syriacli.extract.names import find_names


def events_of(text: str, published: str | None) -> list[Event]:
    return build_events("a", text, find_dates(text, published), find_names(text))


def spans(sentence: str, *expressions: str) -> list[tuple[int, int]]:
    found = []
    for expression in expressions:
        start = sentence.index(expression)
        found.append((start, start + len(expression)))
    return found


# (sentence, the date whose clause is wanted, the other dates in it, the clause)
CLAUSES = [
    ("Rebels shelled Damascus on 10 April while Russian jets struck Douma on 11 April.",
     "10 April", ["11 April"], "Rebels shelled Damascus on 10 April"),
    ("Rebels shelled Damascus on 10 April while Russian jets struck Douma on 11 April.",
     "11 April", ["10 April"], "Russian jets struck Douma on 11 April."),
    ("The SDF withdrew from Tal Abyad on 13 October; Turkish forces entered the town on "
     "14 October.", "14 October", ["13 October"],
     "Turkish forces entered the town on 14 October."),
    ("Turkey lost 33 soldiers on 27 February, and Ankara hit back on 1 March.", "27 February",
     ["1 March"], "Turkey lost 33 soldiers on 27 February"),
    ("Turkey lost 33 soldiers on 27 February, and Ankara hit back on 1 March.", "1 March",
     ["27 February"], "Ankara hit back on 1 March."),
    # no break between the dates: the clause is the whole sentence
    ("Talks held in Sochi on Tuesday followed a call on Monday.", "Tuesday", ["Monday"],
     "Talks held in Sochi on Tuesday followed a call on Monday."),
    # one date: the sentence
    ("Aid trucks crossed at Bab al-Hawa on Friday, the WFP said.", "Friday", [],
     "Aid trucks crossed at Bab al-Hawa on Friday, the WFP said."),
]


@pytest.mark.parametrize("sentence, date, others, clause", CLAUSES)
def test_clause_around(sentence: str, date: str, others: list[str], clause: str) -> None:
    ((start, end),) = spans(sentence, date)
    assert clause_around(sentence, start, end, spans(sentence, *others)) == clause


SUMMARIES = [
    # leading connectives and "according to ..." go
    ("Meanwhile, Turkish drones struck a Syrian army convoy near Saraqeb on Sunday, Anadolu "
     "Agency reported.", "Turkish drones struck a Syrian army convoy near Saraqeb on Sunday"),
    ("According to the Syrian Observatory for Human Rights, 21 civilians were killed in Ariha "
     "on Wednesday.", "21 civilians were killed in Ariha on Wednesday."),
    ("But the Kremlin denied that its jets struck the market on Monday.",
     "The Kremlin denied that its jets struck the market on Monday."),
    # trailing attribution goes, whoever is named in it
    ("In response, Ankara launched Operation Spring Shield, Turkish Defence Minister Hulusi Akar "
     "said.", "Ankara launched Operation Spring Shield"),
    ("Russian military police began patrols in Manbij on October 15, the Russian Defence "
     "Ministry told RIA Novosti.", "Russian military police began patrols in Manbij on October 15"),
    ("Turkish drones struck a convoy near Saraqeb on Sunday, officials said.",
     "Turkish drones struck a convoy near Saraqeb on Sunday"),
    ("Government forces entered the centre of Douma on Thursday, the monitor said.",
     "Government forces entered the centre of Douma on Thursday"),
    ("The pause in Ghouta began on Tuesday,\u201d the general said.",
     "The pause in Ghouta began on Tuesday"),
    # ...unless too little would be left
    ("Shelling resumed, he said.", "Shelling resumed, he said."),
    # long clauses are cut at a word, with an ellipsis
    ("Airstrikes on Maarat al-Numan on 16 December forced tens of thousands to flee towards the "
     "Turkish border where camps were already overcrowded, and aid agencies warned that the "
     "numbers could double within weeks if the offensive continued, the UN said.",
     "Airstrikes on Maarat al-Numan on 16 December forced tens of thousands to flee towards the "
     "Turkish border where camps were already overcrowded, and aid…"),
]


@pytest.mark.parametrize("clause, summary", SUMMARIES)
def test_summarise(clause: str, summary: str) -> None:
    assert summarise(clause) == summary


@pytest.mark.parametrize("text, published, ends", [
    # "between X and Y", "from X to Y": the two ends of one span
    ("Between 1 January and 9 February, 700,000 people fled southern Idlib, OCHA said.",
     "2020-02-20", ["1 January", "9 February"]),
    ("From October 9 to October 22, Turkish forces advanced 30 km, Daily Sabah reported.",
     "2019-11-01", ["October 9", "October 22"]),
    # two happenings joined by "and" are no span
    ("Russian jets struck Ariha on 15 January and Saraqeb on 28 January.", "2020-02-01", []),
    ("Turkey entered Afrin in January 2018 and Manbij's outskirts in October 2019.", None, []),
])
def test_period_endpoints(text: str, published: str | None, ends: list[str]) -> None:
    mentions = find_dates(text, published)
    marked = period_endpoints(text, mentions)
    assert [m.expression for m in mentions if id(m) in marked] == ends


def test_the_ends_of_a_span_are_no_events() -> None:
    text = ("Between 1 January and 9 February, 700,000 people fled southern Idlib, OCHA said. "
            "On 10 February, Turkish reinforcements arrived.")
    assert [e.date for e in events_of(text, "2020-02-20")] == ["2020-02-10"]


@pytest.mark.parametrize("text, published, about", [
    # "the town", "the city", "there" point back at the last place named in the paragraph
    ("Government forces besieged Saraqeb in late January. They entered the town on 8 February, "
     "SANA said.", "2020-02-20", [["Saraqeb"], ["Saraqeb"]]),
    ("Turkish-backed rebels reached Afrin. Looting was reported there on 18 March.",
     "2018-03-25", [["Afrin"]]),
    # a place of its own wins; a new paragraph starts afresh
    ("Jets pounded Douma. The town of Saraqeb fell on 8 February.", "2020-02-20", [["Saraqeb"]]),
    # a place the names index does not know, introduced as a town, is still its place
    ("Jets pounded Douma. The town of Harasta fell on 22 March.", "2018-04-01",
     [["Harasta"]]),
    ("Strikes pounded Afrin in February 2018.\nThe city fell on 18 March, SOHR said.",
     "2018-04-15", [["Afrin"], ["Syrian Observatory for Human Rights"]]),
])
def test_back_references(text: str, published: str, about: list[list[str]]) -> None:
    assert [e.about for e in events_of(text, published)] == about


def test_events_carry_their_date_span_and_concepts() -> None:
    text = ("Russia and Turkey agreed a ceasefire in Idlib on March 5, 2020, Erdogan told "
            "reporters in Moscow.")
    (event,) = events_of(text, "2020-03-06")
    assert (event.date, event.first_day, event.last_day) == ("2020-03-05",) * 3
    assert event.summary == "Russia and Turkey agreed a ceasefire in Idlib on March 5, 2020"
    assert "ceasefire" in event.concepts == concepts_in(text[: text.index(", Erdogan")])
    assert event.about == ["Russia", "Turkey", "Idlib", "Recep Tayyip Erdogan", "Moscow"]


@pytest.mark.parametrize("iso, precision, first, last", [
    ("2020-02", "month", "2020-02-01", "2020-02-29"),
    ("2019-12", "month", "2019-12-01", "2019-12-31"),
    ("2018", "year", "2018-01-01", "2018-12-31"),
    ("2017-09-05", "day", "2017-09-05", "2017-09-05"),
])
def test_day_range(iso: str, precision: str, first: str, last: str) -> None:
    assert day_range(iso, precision) == (first, last)


# --- a role names its holder (issue #33: "the defence minister" is one participant) --------
ROLE_PHRASES = [
    # a state agency: the role given once, the person called by it later
    ("Defence Minister Sergei Shoigu flew to Syria on Monday. On 16 May 2017 the defence "
     "minister inspected the logistics point, the press service said.", "Sergei Shoigu"),
    # wire copy: the head of the role alone, one minister in the article
    ("Russian Defence Minister Sergei Shoigu landed in Latakia. The minister toured the base "
     "on 16 May 2017.", "Sergei Shoigu"),
    # a person the table does not know, introduced by a role
    ("Major General Pavel Gaidukov commands the patrols. On 3 June 2018 the general visited "
     "the checkpoints near Idlib.", "Pavel Gaidukov"),
]


@pytest.mark.parametrize("text, person", ROLE_PHRASES)
def test_a_role_phrase_names_the_one_person_who_holds_it(text, person):
    (event,) = [e for e in events_of(text, None) if e.precision == "day"]
    assert person in event.about


def test_a_role_two_people_hold_names_nobody():
    text = ("Foreign Minister Sergei Lavrov and Defence Minister Sergei Shoigu met in Moscow. "
            "On 16 May 2017 the minister visited the naval base at Tartus.")
    (event,) = [e for e in events_of(text, None) if e.precision == "day"]
    assert "Sergei Lavrov" not in event.about and "Sergei Shoigu" not in event.about


@pytest.mark.parametrize("text, absent", [
    # a monitor's seat (wire), an analyst's (Gulf), a Turkish outlet's dash
    ("The UK-based Syrian Observatory for Human Rights said on 5 May 2017 that 12 people died "
     "in Idlib.", "United Kingdom"),
    ("A Beirut-based analyst said on 6 May 2017 that the talks in Astana had failed.", "Beirut"),
    ("The Gaziantep\u2013based Syrian Interim Government said on 7 May 2017 that 40 families "
     "had returned to al-Bab.", "Gaziantep"),
])
def test_where_someone_is_based_is_no_participant(text, absent):
    (event,) = events_of(text, None)
    assert absent not in event.about and event.about


@pytest.mark.parametrize("text, place, kept", [
    # a capital standing for its government is its country, no place of the happening
    # (Dawn, Press TV)
    ("Tensions between Moscow and Ankara rose sharply on Tuesday after the jet was downed.",
     "Ankara", False),
    ("Tehran's envoy condemned the strike on Monday, the ministry said.", "Tehran", False),
    ("Damascus denied on Monday that its forces had used the base.", "Damascus", False),
    ("Shoigu met Assad in Damascus on Saturday, the ministry said.", "Damascus", True),
    # introduced as a place, it is one (Daily Sabah, a wire)
    ("Russia's ambassador was shot dead at an exhibition in Ankara on Monday.", "Ankara", True),
    ("The three presidents flew to Tehran on 7 September for a summit.", "Tehran", True),
])
def test_a_capital_is_a_place_where_a_preposition_of_place_introduces_it(
        text: str, place: str, kept: bool) -> None:
    (event,) = events_of(text, "2018-09-10")
    assert (place in event.about) is kept
    country = {"Ankara": "Turkey", "Tehran": "Iran", "Damascus": "Syria"}[place]
    assert kept or country in event.about


@pytest.mark.parametrize("clause, expression, counts", [
    # a salvo's count, not its date's day, its time or a weapon's number (RIA, Pentagon)
    ("On 7 April, between 03:42 and 03:56, two destroyers launched 59 Tomahawk missiles",
     "On 7 April", ["count:59"]),
    ("Four ships of the Caspian Flotilla yesterday launched 26 Kalibr-NK missiles at 11 "
     "targets", "yesterday", ["count:26", "count:11"]),
    # small and round counts coincide across happenings; years and decimals are no counts
    ("The Su-24 fell 4.5 km inside Syria in 2015, killing 2 of its crew and 100 others",
     "in 2015", []),
    ("A swarm of 13 drones attacked Hmeimim on 6 January 2018", "on 6 January 2018",
     ["count:13"]),
    # a count in words is a count (Anadolu's, AP's sentence-initial style); still not a
    # small or a round one
    ("Thirty-three Turkish soldiers were martyred and 32 others wounded late on Thursday",
     "late on Thursday", ["count:32", "count:33"]),
    ("twelve civilians and two medics were killed in the raid on Tuesday", "on Tuesday",
     ["count:12"]),
    ("forty soldiers and three officers arrived on Monday", "on Monday", []),
])
def test_a_clause_keeps_its_telling_counts(clause, expression, counts):
    from syriacli.extract.events import clause_counts

    assert clause_counts(clause, expression) == counts


@pytest.mark.parametrize("text, published, kept, dropped", [
    # the date is the stop's, told in a clause after "after": the day happened at the base
    ("Putin arrived in Ankara after an unannounced stop earlier on Monday at the Hmeimim air "
     "base.", "2017-12-12", "Hmeimim", "Ankara"),                              # wire
    ("Shoigu flew back to Moscow after inspecting troops in Palmyra on Sunday.", "2016-05-02",
     "Palmyra", "Moscow"),                                                     # Russian state
])
def test_a_date_in_a_background_clause_is_where_that_clause_is(text, published, kept, dropped):
    events = extract_article(RawArticle("t", "t.txt", f"Headline\n\n{text}",
                                        {"published": published}, "", 0, 0.0, "")).events
    assert events and all(kept in e.about and dropped not in e.about for e in events)


@pytest.mark.parametrize("text, place", [
    # a name the index does not know, after a preposition of place (SANA, a briefing, AFP)
    ("Buses began taking fighters out of Harasta in Eastern Ghouta on Thursday.", "Harasta"),
    ("The convoy that was struck yesterday in Urum al-Kubra, west of Aleppo, carried food.",
     "Urum al-Kubra"),
    ("Shelling near Kafr Nabudah on Monday killed four soldiers.", "Kafr Nabudah"),
])
def test_a_place_the_index_does_not_know_is_introduced_by_its_preposition(text, place):
    events = extract_article(RawArticle("t", "t.txt", f"Headline\n\n{text}",
                                        {"published": "2018-03-23"}, "", 0, 0.0, "")).events
    assert events and all(place in e.about for e in events)


@pytest.mark.parametrize("text, place", [
    # ... or as what a force left, entered, took or shelled (a monitor, Anadolu, Press TV,
    # The Nation)
    ("On Thursday the first buses left Dumayr towards the north, the monitor said.",
     "Dumayr"),
    ("Militants seized Tal Sheer on Monday after a night of clashes.", "Tal Sheer"),
    ("Government troops entered Kafr Zita on Monday, state media reported.", "Kafr Zita"),
    ("Rebels shelled al-Suqaylabiyah on Monday, killing two civilians.", "al-Suqaylabiyah"),
])
def test_a_place_the_index_does_not_know_is_what_a_force_left_or_took(text, place):
    events = extract_article(RawArticle("t", "t.txt", f"Headline\n\n{text}",
                                        {"published": "2018-03-23"}, "", 0, 0.0, "")).events
    assert events and all(place in e.about for e in events)


def test_a_title_after_such_a_verb_opens_a_persons_name_not_a_place():
    text = "The army captured General Ahmed Karim on Monday."
    events = extract_article(RawArticle("t", "t.txt", f"Headline\n\n{text}",
                                        {"published": "2018-03-23"}, "", 0, 0.0, "")).events
    assert events and all(not any(n.startswith("General") for n in e.about) for e in events)


@pytest.mark.parametrize("text", [
    "The envoy spoke in Russian on Monday.",          # a language
    "The talks resume in March, diplomats said on Monday.",
    "Officials left Monday for the talks.",
])
def test_a_language_or_a_month_after_in_is_no_place(text):
    events = extract_article(RawArticle("t", "t.txt", f"Headline\n\n{text}",
                                        {"published": "2018-03-23"}, "", 0, 0.0, "")).events
    assert all(e.about == [] for e in events)
