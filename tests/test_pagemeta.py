"""The page-metadata reader: stamps laid out in pieces, and the credits naming the outlet.

Every page here is invented, each in the style of a kind of outlet (wire, Russian state
media, Central Asian and Iranian agencies, Gulf and South Asian sites, NGOs, blogs).
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syriacli.extract.article import RawArticle, extract_article
from syriacli.extract.pagemeta import credit_name, join_split_stamps, read_publisher, take_stamps

BODY = "Russian jets struck targets near Idlib on Sunday, the ministry said.\n"


def read(raw: str):
    return extract_article(RawArticle("a", "a.txt", raw)).meta


@pytest.mark.parametrize("raw, joined", [
    # an Iranian agency's stamp after the body: weekday, date and time a line each
    ("Tuesday\n3 October 2017\n8:15:07 AM", "Tuesday 3 October 2017 8:15:07 AM"),
    ("Tue.\n4 June 2019", "Tue. 4 June 2019"),
    # an NGO's listing: a label above its value, a blank line between
    ("Published\n\nOctober 4, 2021", "Published October 4, 2021"),
    ("Last updated:\n21 Jan 2018, 14:02 GMT", "Last updated: 21 Jan 2018, 14:02 GMT"),
    ("Written by\n\nProbe Syria team", "Written by Probe Syria team"),
    ("Güncelleme\n05.03.2019", "Güncelleme 05.03.2019"),
    # a date line and its time below it
    ("12 March 2016\n14:05 GMT", "12 March 2016 14:05 GMT"),
])
def test_a_stamp_in_pieces_is_one_line(raw, joined):
    assert join_split_stamps(raw) == joined


@pytest.mark.parametrize("raw", [
    "Monday\n\n\nThe talks resumed.",           # a weekday as a heading over prose
    "Monday\nRussian jets struck Idlib.",       # ... not above a date
    "Published\n" + "a long line of prose that goes on " * 4,
    "The talks resumed\n14:05",                 # a time under prose
])
def test_no_stamp_no_join(raw):
    assert join_split_stamps(raw) == raw


@pytest.mark.parametrize("credit, name", [
    ("TASS", "TASS"),
    ("NIAT “Probe”", "Probe"),
    ('NIA "Probe Press"', "Probe Press"),
    ("ИА «Пробa»", "Пробa"),
    ("", None),
    (None, None),
])
def test_credit_name(credit, name):
    assert credit_name(credit) == name


@pytest.mark.parametrize("raw, publisher", [
    # Central Asian state agency relaying a Russian wire: numeric dateline, quoted credit
    ("Residents leave Aleppo\n\nDUSHANBE, 09.12.2016. /NIAT “Probe”/. About 800 residents "
     "left the city on Friday, the centre said.\n", "Probe"),
    # Russian state wire
    ("MOSCOW, September 6. /PROBE/. Russian planes flew 40 sorties, the ministry said.\n",
     "PROBE"),
    # Iranian religious agency: the credit opens a repeated lede after the stamp
    ("A general is killed near Deir Ezzor\n\n" + BODY + "source : Probe TV / Probe Press\n"
     "Tuesday\n3 October 2017\n8:15:07 AM\n417703\n(Probe News Agency) - A general has "
     "been killed near Deir Ezzor.\n", "Probe News Agency"),
    # Pakistani aggregator: a sign-off under the body
    ("Jets strike Idlib\n\n" + BODY + "\n— Probe Wire\n", "Probe Wire"),
    # Gulf site: the desk signs
    ("Jets strike Idlib\n\nProbe Gulf News Desk\n\n" + BODY, "Probe Gulf News"),
    # NGO listing signed by a team; the outlet is the start the text uses on its own
    ("Six years of strikes\n\nWritten by\n\nProbewatch Syria team\n\nProbewatch has tracked "
     "up to 900 civilian deaths since 2015, and we have identified 40 incidents.\n",
     "Probewatch"),
    # Russian online paper naming itself by its address
    ("Shoigu sums up the year\n\nThe minister spoke at the board. As Probe.Ru reported, the "
     "army took the city.\n", "Probe.Ru"),
    ("The minister spoke at the board. Probeinfo.com earlier reported the figure.\n",
     "Probeinfo.com"),
    # an NGO's own page: its initials as the masthead, spelled out in the text
    ("fbpx\nHomeReportStrikes killed 60 civilians\n\nStrikes killed 60 civilians\n\nPNHR\n\n"
     "The Probe Network for Human Rights (PNHR) states in its report that 60 civilians "
     "were killed.\n", "Probe Network for Human Rights"),
])
def test_publisher_from_a_credit(raw, publisher):
    assert read(raw).publisher == publisher


@pytest.mark.parametrize("raw", [
    # a person signs, not a desk
    "Jets strike Idlib\n\nBy Jane Doe\n\n" + BODY,
    # a headline ending in "Team"
    "Jets Strike Syrian Army Team\n\n" + BODY,
    # another outlet named as a source, not by its address
    "Jets strike Idlib\n\nAs Reuters reported, the army took the city on Sunday.\n",
    # initials the text never spells out
    "Jets strike Idlib\n\nPNHR\n\n" + BODY,
    # "Source:" names where the copy came from, an agency, not the page's outlet
    "Jets strike Idlib\n\n" + BODY + "Source: Probe News Agency\n",
])
def test_no_credit_no_publisher(raw):
    assert read(raw).publisher is None


def test_a_split_stamp_dates_the_page_and_is_no_event():
    raw = ("A general is killed near Deir Ezzor\n\n" + BODY + "/118\nTuesday\n"
           "3 October 2017\n8:15:07 AM\n")
    extraction = extract_article(RawArticle("a", "a.txt", raw))
    assert extraction.meta.published == "2017-10-03"
    assert [e.expression for e in extraction.events] == ["Sunday"]
    assert extraction.events[0].date == "2017-10-01"


def test_read_publisher_without_a_credit():
    assert read_publisher(BODY, []) is None


@pytest.mark.parametrize("line, stamp", [
    # US broadcaster: the time before the date
    ("Posted 7:05 PM ET, Tue June 4, 2019", ("2019-06-04", True)),
    # compact stamp of a South Asian site
    ("04Jun19", ("2019-06-04", False)),
    # Turkish, Arabic, Russian and Persian pages
    ("Güncelleme: 05 Mart 2019", ("2019-03-05", True)),
    ("Yayınlanma: 12 Ekim 2019 Cumartesi", ("2019-10-12", True)),
    ("[05/مارس/2019]", ("2019-03-05", False)),
    ("5 апреля 2016 г., 10:15", ("2016-04-05", False)),
    ("Обновлено 17 июня 2016, 09:31 MSK", ("2016-06-17", True)),
    # a label and a channel: a video's stamp, not the page's
    ("Опубликовано RT Play 5 апреля 2016 г.", ("2016-04-05", False)),
    # year first, and capitals
    ("2016/03/12", ("2016-03-12", False)),
    ("PUBLISHED ON 12 MAR 2016", ("2016-03-12", True)),
    # a stamp that does not say which day it is
    ("Posted 06/05/2019 | 09:31", (None, True)),
])
def test_read_stamp(line, stamp):
    from syriacli.extract.pagemeta import read_stamp

    assert read_stamp(line) == stamp


@pytest.mark.parametrize("line", [
    "Smoke rises over Idlib on March 3, 2019.",       # a caption: prose around its date
    "Syria: 5 March 2019",                             # a headline naming a day
    "In 2015 Russia intervened in Syria",
    "The talks ended on 5 апреля 2016 г. in Astana, the agency said.",
    "Probe News",
])
def test_not_a_stamp(line):
    from syriacli.extract.pagemeta import read_stamp

    assert read_stamp(line) is None


@pytest.mark.parametrize("raw, published, title", [
    ("Jets pound Idlib\n\nPosted 7:05 PM ET, Tue June 4, 2019\n\n" + BODY, "2019-06-04",
     "Jets pound Idlib"),
    ("Jets pound Idlib\n\n04Jun19\n\n" + BODY, "2019-06-04", "Jets pound Idlib"),
    ("Rus jetleri İdlib'i vurdu\n\nGüncelleme: 05 Mart 2019\n\n" + BODY, "2019-03-05",
     "Rus jetleri İdlib'i vurdu"),
    ("Jets pound Idlib\n\n[05/مارس/2019]\n\n" + BODY, "2019-03-05", "Jets pound Idlib"),
    ("Jets pound Idlib\n\n5 апреля 2016 г., 10:15\n\n" + BODY, "2016-04-05", "Jets pound Idlib"),
    # a date glued to the lede, or to the last word of the headline
    ("Jets pound Idlib\n\nJune 4, 2019Damascus - " + BODY, "2019-06-04", "Jets pound Idlib"),
    ("Jets pound IdlibJune 4, 2019\n\n" + BODY, "2019-06-04", "Jets pound Idlib"),
    # a labelled stamp after the body dates the page
    ("Jets pound Idlib\n\n" + BODY * 8 + "Güncelleme: 05 Mart 2019\n", "2019-03-05",
     "Jets pound Idlib"),
])
def test_a_stamp_line_dates_the_page_and_is_no_event(raw, published, title):
    extraction = extract_article(RawArticle("a", "a.txt", raw))
    assert (extraction.meta.published, extraction.meta.title) == (published, title)
    assert {e.expression for e in extraction.events} == {"Sunday"}


def test_a_crawler_date_line_is_left_to_clean():
    raw = " date 2019-08-22 Probe.com\n\nJets pound Idlib\n\n" + BODY
    text, says = take_stamps(raw)
    assert "date 2019-08-22 Probe.com" in text and says.published is None
    assert read(raw).published == "2019-08-22"


def test_a_video_stamp_below_the_body_is_no_event_and_no_publication_date():
    raw = ("Sappers clear Palmyra\n\n" + BODY * 8
           + "Опубликовано RT Play 5 апреля 2016 г.\n\nSappers cleared 3,000 mines.\n")
    extraction = extract_article(RawArticle("a", "a.txt", raw))
    assert extraction.meta.published is None
    assert "апреля" not in extraction.text


# Property tests: any text gives a result or None, never an exception.

STAMPISH = st.text(
    alphabet=st.sampled_from(list("0123456789 /.:,-|[]()АпрелямартMarJunPostedUTC\n")),
    max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=80), STAMPISH))
def test_read_stamp_gives_a_stamp_or_none(line):
    from syriacli.extract.pagemeta import read_stamp

    stamp = read_stamp(line)
    assert stamp is None or (stamp[0] is None or len(stamp[0]) == 10) and isinstance(
        stamp[1], bool)


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=300), STAMPISH))
def test_take_stamps_keeps_every_other_line(raw):
    from syriacli.extract.pagemeta import take_stamps

    text, says = take_stamps(raw)
    assert isinstance(text, str) and (says.published is None or len(says.published) == 10)
    assert len(text.split()) <= len(raw.split()) + 2  # only a glued date splits a word


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=40), STAMPISH), st.text(max_size=100))
def test_why_undated_always_gives_a_reason(dateline, body):
    from syriacli.extract.dates import why_undated

    assert why_undated(dateline, body)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_read_publisher_gives_a_name_or_none(text):
    name = read_publisher(text, text.split("\n")[:3])
    assert name is None or (isinstance(name, str) and name.strip())
