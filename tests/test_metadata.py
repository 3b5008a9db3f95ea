"""Publication date, publisher and title read from an article's own text (no manifest).

Each case is a short page written in the style of a real outlet; the date must come out
where a careful reader finds it, and nothing where the evidence does not decide.
"""
from __future__ import annotations

import pytest

from syriacli.extract.article import resolve_metadata
from syriacli.extract.clean import clean


def meta(raw: str):
    cleaned = clean(raw)
    return resolve_metadata({}, cleaned, cleaned.text)


BODY = "Russian jets struck targets near Idlib, the ministry said.\n"


@pytest.mark.parametrize("raw, published", [
    # a wire page's stamp with a short weekday and seconds
    ("Russia says strikes hit rebel depots\n\nThu Dec 15, 2016 21:02:18\n\n" + BODY,
     "2016-12-15"),
    # a label and a slash
    ("Syria talks resume in Geneva\n\nPublished / September 30, 2021\n\n" + BODY, "2021-09-30"),
    # a stamp stuck to the end of the headline
    ("Turkey says it downed a drone near Idlib Thursday, May 7, 2020 6:14:52 PM\n\n" + BODY,
     "2020-05-07"),
    # a stamp after the body, weekday, date and time between slashes
    ("Strikes resume on Idlib\n\n" + BODY + "\nMonday / 25 September 2017 / 9:19:42 AM\n",
     "2017-09-25"),
    # a crawler's date line
    (" date 2017-12-11 Putin visits base in Syria\n\n" + BODY, "2017-12-11"),
    # the date given as today's in the first paragraph (an observatory's report)
    ("Airstrikes kill 12 in Idlib\n\nThe Observatory documented the death of 12 civilians "
     "today 30th of September 2016, in airstrikes on Idlib.\n", "2016-09-30"),
    ("Airstrikes kill 12 in Idlib\n\nSOHR documented today, Friday 30 September 2016, the "
     "death of 12 civilians.\n", "2016-09-30"),
    # a year-less dateline, the year from a full date in the body
    ("Cairo, June 25 (EFE) - Russian warplanes struck Idlib on Thursday, the Observatory "
     "said. The ceasefire agreed on 12 June 2020 has collapsed.\n", "2020-06-25"),
    ("Cairo, June 25 (EFE) - Russian warplanes struck Idlib, the Observatory said. The "
     "ceasefire agreed on 12 June 2020 collapsed on June 20, 2020.\n", "2020-06-25"),
    # a year-less dateline, the year decided by the weekday the text names
    ("MOSCOW, September 6. /TASS/. Russian planes flew 1,400 sorties, the commander said on "
     "Wednesday. The operation began in 2015 and was reviewed in 2017.\n", "2017-09-06"),
    # a place and a numeric date opening the first paragraph (Anadolu, Xinhua, SANA styles)
    ("Jets hit Idlib market\n\nANKARA, 15.03.2016 (Anadolu) - Russian warplanes struck a "
     "market in Idlib on Monday, killing 12 civilians, a monitoring group said.\n", "2016-03-15"),
    ("Troops enter Palmyra\n\nDAMASCUS, 2016-03-27 (Xinhua) -- Syrian troops entered Palmyra "
     "on Sunday, state media said.\n", "2016-03-27"),
    ("Army retakes town\n\nHOMS, 21/10/2015 (SANA) - Army units restored security to a town "
     "in the northern countryside on Tuesday, a military source said.\n", "2015-10-21"),
])
def test_publication_date_from_the_text(raw, published):
    assert meta(raw).published == published


@pytest.mark.parametrize("raw", [
    # a year-less dateline and no evidence for a year
    "MOSCOW, September 6. /TASS/. Russian planes flew 1,400 sorties, the commander said.\n",
    # the only year a background one: never guessed from it
    "Cairo, June 25 (EFE) - Russian warplanes struck Idlib, where the war began in 2011.\n",
    # one date of the year before is not enough
    "Cairo, June 25 (EFE) - Russian warplanes struck Idlib, where a truce held on 12 June 2019.\n",
    # an archive's capture date is not the article's
    "Wayback Machine\n1 captures\n11 Dec 16 - 11 Dec 16\n\nRussia strikes Idlib\n\n" + BODY,
    # a date in the body's first sentence is an event, not a dateline
    "On 30 September 2015 Russia began air strikes in Syria, the ministry said.\n",
])
def test_no_publication_date_without_evidence(raw):
    assert meta(raw).published is None


@pytest.mark.parametrize("raw, publisher", [
    ("Damascus, May 3 (AhlulBayt News Agency) - Russian jets hit Idlib on 2 May 2019.\n",
     "AhlulBayt News Agency"),
    ("Cairo, June 25 (EFE) - Russian warplanes struck Idlib.\n", "EFE"),
    ("MOSCOW, September 6. /TASS/. Russian planes flew 1,400 sorties.\n", "TASS"),
    ("DAMASCUS, March 2 (Sputnik) - The Syrian army retook a village.\n", "Sputnik"),
    ("BEIRUT (Reuters) - Russian jets struck Idlib.\n", "Reuters"),
    ("ANKARA (AA) - Turkish troops entered Idlib.\n", "AA"),
    ("ANKARA, 15.03.2016 (Anadolu) - Turkish troops entered Idlib.\n", "Anadolu"),
    ("KUBINKA (Moscow Region), (Sputnik) — The general said the army grew.\n", "Sputnik"),
])
def test_publisher_from_a_wire_credit(raw, publisher):
    assert meta(raw).publisher == publisher


@pytest.mark.parametrize("raw, title", [
    # a site's masthead above the headline
    ("Levant News and Radio\n\nRussian strikes kill 20 in Idlib\n\n" + BODY,
     "Russian strikes kill 20 in Idlib"),
    # an archive banner and its calendar, then a cookie notice, then the headline
    ("Wayback Machine\nNov DEC Jan\n1 captures\nClose Help\n\nCookies on the Example website\n\n"
     "We use cookies to give you a better experience on this site.\n\n"
     "Palmyra: battle for the ancient city\n\n" + BODY, "Palmyra: battle for the ancient city"),
    # a section label and a breadcrumb above the headline and its dateline
    ("Off the wire\nYou are here: Home\n\nRussia to keep base in Syria\n\n"
     "Xinhua, January 21, 2017 Adjust font size:\n\n" + BODY, "Russia to keep base in Syria"),
    # a headline and a long standfirst without a full stop: the headline is the title
    ("Russia bombs Aleppo\n\nThe strikes on the eastern districts killed at least 20 people and "
     "wounded dozens more, according to monitors and rescuers on the ground\n\n" + BODY,
     "Russia bombs Aleppo"),
    ("Russia bombs Aleppo\n\n" + BODY, "Russia bombs Aleppo"),
    ("Russian strikes kill five in Aleppo: sources\n\nWarplanes target residential parts of "
     "Aleppo's Kallaseh district, civil defence officials tell reporters\n\n" + BODY,
     "Russian strikes kill five in Aleppo: sources"),
    ("The Levant Observatory for Human Rights\n\nRussian airstrikes kill 42 civilians in "
     "Idlib, Hama and Aleppo countryside today\n\n" + BODY,
     "Russian airstrikes kill 42 civilians in Idlib, Hama and Aleppo countryside today"),
])
def test_title_is_the_headline_not_a_banner(raw, title):
    assert meta(raw).title == title
