"""Issue #29: saved pages in the styles of many outlets, no manifest. Each is dated from its
own text or says why not, its outlet is read from its credits where it gives one, and its
timeline holds its dated statements and nothing of its furniture (stamps, bylines,
credits, captions' photo credits).

Every page is invented; "Probe" stands for an outlet's name.
"""
from __future__ import annotations

import pytest

from syriacli.extract.article import RawArticle, extract_article

# (style, page, published, publisher, {event expression: date})
PAGES = [
    ("US broadcaster: a time before the date",
     "Russian jets pound Idlib\n\nBy Jane Doe, Probe News\n\nPosted 7:05 PM ET, Tue June 4, "
     "2019\n\nRussian jets struck a market in Idlib on Monday, killing 12 people, rescuers "
     "said.\n", "2019-06-04", None, {"Monday": "2019-06-03"}),
    ("UK daily: last updated, a zone",
     "Syria: convoy hit near Aleppo\n\nLast updated 21 Jan 2018, 14:02 GMT\n\nA UN convoy was "
     "hit on Saturday, officials said.\n", "2018-01-21", None, {"Saturday": "2018-01-20"}),
    ("Russian state wire: a year-less dateline, a slashed credit",
     "MOSCOW, September 6. /PROBE/. Russian aircraft flew 40 sorties near Deir ez-Zor, the "
     "ministry said on Wednesday. The operation began in 2015 and was reviewed in 2017.\n",
     "2017-09-06", "PROBE", {"Wednesday": "2017-09-06", "2015": "2015", "2017": "2017"}),
    ("Central Asian agency: a numeric dateline, a quoted credit",
     "Residents leave eastern Aleppo\n\nDUSHANBE, 09.12.2016. /NIAT “Probe”/. About 800 "
     "residents left the city, the centre said on Friday.\n", "2016-12-09", "Probe",
     {"Friday": "2016-12-09"}),
    ("Iranian agency: a stamp in pieces after the body, a credit opening the repeated lede",
     "A general is killed near Deir Ezzor\n\nA Russian general was killed by mortar fire, "
     "the ministry said on Sunday.\nsource : Probe TV\nTuesday\n3 October 2017\n8:15:07 AM\n"
     "417703\n(Probe News Agency) - A senior Russian officer died in shelling near Deir Ezzor.\n",
     "2017-10-03", "Probe News Agency", {"Sunday": "2017-10-01"}),
    ("Turkish site: a stamp in Turkish",
     "Rus jetleri İdlib'i vurdu\n\nGüncelleme: 05 Mart 2019\n\nRussian jets struck Idlib on "
     "Monday, killing 9 civilians, the White Helmets said.\n", "2019-03-05", None,
     {"Monday": "2019-03-04"}),
    ("Gulf site: an Arabic month in brackets, a desk signs",
     "Jets hit Maarat al-Numan\n\n[05/مارس/2019]\n\nProbe Gulf News Desk\n\nJets hit the town "
     "last week, residents said.\n", "2019-03-05", "Probe Gulf News",
     {"last week": "2019-02"}),
    ("South Asian aggregator: a compact stamp, a sign-off",
     "Turkish post fired on near Idlib\n\n04Jun19\n\nA Turkish post was fired on earlier this "
     "week, the ministry said.\n\n— Probe Wire\n", "2019-06-04", "Probe Wire",
     {"earlier this week": "2019-06"}),
    ("NGO listing: a label above its date, initials as masthead",
     "PNHR\n\nStrikes killed 60 civilians\n\nPublished\n\nOctober 4, 2021\n\nThe Probe Network "
     "for Human Rights (PNHR) says strikes killed 60 civilians in September 2021.\n",
     "2021-10-04", "Probe Network for Human Rights", {"September 2021": "2021-09"}),
    ("NGO listing signed by a team",
     "Six years of strikes\n\nWritten by\n\nProbewatch Syria team\n\nProbewatch has tracked 900 "
     "civilian deaths since 2015.\n", None, "Probewatch", {"2015": "2015"}),
    ("blog: a byline with bars",
     "Idlib diary\n\nBy Jane Doe | 2017-04-05 | 09:31\n\nThe shelling went on yesterday, from "
     "11.30 AM to noon, neighbours said.\n", "2017-04-05", None, {"yesterday": "2017-04-04"}),
    ("Russian online paper: a crawler's date line, a site naming itself",
     " date 2016-12-22 \n\nThe minister spoke at the year-end board. As Probe.Ru reported, the "
     "army took the city on Monday.\n", "2016-12-22", "Probe.Ru", {"Monday": "2016-12-19"}),
    ("European site: a numeric stamp decided by the page's other numeric dates",
     "Strikes on Ariha\n\n03/02/2020\n\nStrikes hit Ariha, rescuers said. A clinic was hit on "
     "28/01/2020.\n", "2020-02-03", None, {"28/01/2020": "2020-01-28"}),
    ("US blog: a numeric stamp nothing decides",
     "Strikes on Ariha\n\n06/05/2019\n\nStrikes hit Ariha, rescuers said.\n", None, None, {}),
    ("wire copy: a date glued to the lede, a caption and its photo credit",
     "Jets pound Idlib\n\nJune 4, 2019Damascus - Russian jets struck a market on Monday, the "
     "monitor said.\n\nSmoke rises over Idlib on June 2, 2019.\n\nPhoto: Probe/AFP\n",
     "2019-06-04", None, {"Monday": "2019-06-03", "June 2, 2019": "2019-06-02"}),
    ("Russian page: a video's stamp below the body",
     "Sappers clear Palmyra\n\nMOSCOW, April 5 (Probe) - Sappers cleared 3,000 mines in "
     "Palmyra in 2016, the ministry said on Tuesday.\n\nОпубликовано Probe Play 5 апреля "
     "2016 г.\n", "2016-04-05", "Probe", {"2016": "2016", "Tuesday": "2016-04-05"}),
]


@pytest.mark.parametrize("style, raw, published, publisher, events", PAGES,
                         ids=[p[0] for p in PAGES])
def test_a_page_without_manifest(style, raw, published, publisher, events):
    extraction = extract_article(RawArticle("a", "a.txt", raw))
    meta = extraction.meta
    assert (meta.published, meta.publisher) == (published, publisher)
    assert (meta.undated_reason is None) == (published is not None)
    assert {e.expression: e.date for e in extraction.events} == events


def test_the_styles_are_many():
    assert len(PAGES) >= 15
