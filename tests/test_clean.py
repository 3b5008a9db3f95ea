import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syriacli.extract.clean import clean


def test_site_chrome_is_dropped_and_header_read():
    raw = (
        "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon closeicon fbicon\n"
        "30 Sep, 2016 05:10\n\n"
        "A year of Russian ops: 5 key milestones\n\n"
        "Precisely a year ago Moscow joined the campaign.\n\n"
        "READ MORE: 'Best gift to terrorists' – Moscow\n\n"
        "Read more [Another story](#)\n\n"
        "Trends [Russian anti-terror op in Syria](#), [Syria unrest](#)\n\n"
        "The end.\n"
    )
    article = clean(raw)
    assert article.title == "A year of Russian ops: 5 key milestones"
    assert article.dateline == "30 Sep, 2016 05:10"
    assert article.text == "Precisely a year ago Moscow joined the campaign.\n\nThe end."


def test_bbc_banner_related_topics_captions():
    raw = (
        "BBC News\n\nSyria conflict: Russia 'to continue air strikes'\n\nRelated Topics\n"
        "  • Syrian civil war\nmedia captionVideo showed jets\nRussia will continue air strikes.\n"
        "image copyrightAFP\nMore on the Syria conflict\n\n  • IS: The full story\nThe end.\n"
    )
    article = clean(raw)
    assert article.publisher == "BBC"
    assert article.text == "Russia will continue air strikes.\n\nThe end."


def test_ap_signoff_byline_and_broken_paragraph():
    raw = (
        "Russia says Syria government seized most territory\n\n12/09/2017 09:03 by admin\n\n"
        "The IS militants were finally driven out\n\nof the city in March 2017.\n\n- AP"
    )
    article = clean(raw)
    assert article.publisher == "AP"
    assert article.dateline == "12/09/2017 09:03"
    assert article.text == "The IS militants were finally driven out of the city in March 2017."


def test_markdown_links_emphasis_and_lookalikes():
    raw = ("Title\n\nPeskov said \u201c*neither Islamic State*\u201d is in the [report](#) "
           "\u2014 Syria\u2019s\u00a0army.")
    assert clean(raw).text == ("Peskov said \u201cneither Islamic State\u201d is in the report "
                               "\u2014 Syria's army.")


def test_crlf_and_bom():
    assert clean("\ufeffTitle\r\n\r\nBody text here.\r\n").text == "Body text here."


def test_title_repeated_as_heading_is_dropped():
    assert clean("Same title\n\nSame title\n\nBody.").text == "Body."


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_clean_never_raises(raw):
    article = clean(raw)
    assert isinstance(article.text, str)
    assert "\r" not in article.text


@pytest.mark.parametrize("line, dateline", [
    ("30 Sep, 2016 05:10", "30 Sep, 2016 05:10"),
    ("12/09/2017 09:03 by admin", "12/09/2017 09:03"),
    ("Published: Friday 30 September 2016 14:05 GMT", "30 September 2016 14:05 GMT"),
    ("Sept. 30, 2015 at 5:10 pm ET", "Sept. 30, 2015 at 5:10 pm ET"),
    ("Updated 2016-09-30T05:10:00Z", "2016-09-30T05:10:00Z"),
])
def test_datelines(line, dateline):
    assert clean(f"Title\n\n{line}\n\nBody text.").dateline == dateline


@pytest.mark.parametrize("opening, publisher", [
    ("MOSCOW (Reuters) - Russia said on Monday", "Reuters"),
    ("BEIRUT (AP) \u2014 Syrian troops advanced", "AP"),
    ("Russia said on Monday (Reuters) - nothing", None),
])
def test_wire_service_opening_names_the_publisher(opening, publisher):
    assert clean(f"Title\n\n{opening}.").publisher == publisher


# Datelines as wire services and archives print them (sentences written for these tests,
# in the style of TASS, Reuters, EFE, Anadolu and a crawled page).
@pytest.mark.parametrize("raw, dateline, publisher, body", [
    ("ANKARA, October 12. /TASS/. Turkish troops entered Idlib on Monday.",
     "October 12", "TASS", "Turkish troops entered Idlib on Monday."),
    ("Title\n\nBEIRUT, Oct 1 (Reuters) - Russian jets struck rebel areas near Hama.",
     "Oct 1", "Reuters", "Russian jets struck rebel areas near Hama."),
    ("Title\n\nCairo, June 25 (EFE) - Egypt called for a ceasefire in Syria.",
     "June 25", "EFE", "Egypt called for a ceasefire in Syria."),
    ("Title\n\nDOHA, March 3, 2020 - Qatar condemned the strikes on Idlib.",
     "March 3, 2020", None, "Qatar condemned the strikes on Idlib."),
    ("Title\n\nFeb 28, 2020- Turkish drones hit Syrian army positions.",
     "Feb 28, 2020", None, "Turkish drones hit Syrian army positions."),
    (" date 2019-10-14 Syrian army moves north - Local News, Weather\n\n"
     "Syrian troops moved north on Sunday.",
     "2019-10-14", None, "Syrian troops moved north on Sunday."),
    ("Title\n\nANKARA, March 2, 2020\n\nTurkey said it downed two Syrian jets.",
     "March 2, 2020", None, "Turkey said it downed two Syrian jets."),
    ("Title\n\nAnadolu, 2 March 2020 Adjust font size:\n\nTurkey said it downed two jets.",
     "2 March 2020", None, "Turkey said it downed two jets."),
    ("Title\n\n14.10.2019, Syria.\n\nSyrian troops entered Manbij.",
     "14.10.2019", None, "Syrian troops entered Manbij."),
    ("Title\n\nMehmet Yilmaz   |03.03.2020\n\nANKARA\n\nTurkish drones hit regime tanks.",
     "03.03.2020", None, "ANKARA\n\nTurkish drones hit regime tanks."),
    ("Title\n\nBy Leila Haddad | March 5, 2020 09:12\n\nThe truce held overnight.",
     "March 5, 2020 09:12", None, "The truce held overnight."),
    ("Title\n\nSource: Xinhua | 2020-01-15 04:10:33 | Editor: huaxia\n\n"
     "DAMASCUS, Jan. 14 (Xinhua) -- "
     "Three soldiers were killed.", "2020-01-15 04:10:33", "Xinhua", "Three soldiers were killed."),
    ("Title\n\nBeirut (AFP) - Jets struck Douma on Tuesday.\n\n"
     "Last updated: 20 Feb 2018 - 14:02\n\nThe toll rose.",
     "20 Feb 2018 - 14:02", "AFP", "Jets struck Douma on Tuesday."),
    # a credit without a date is furniture too (its place is where the desk sits, not news)
    ("Title\n\nBEIRUT (Reuters) - Russian jets struck Idlib.", None, "Reuters",
     "Russian jets struck Idlib."),
    ("Title\n\nDamascus, SANA - Army units restored security to Palmyra on Sunday.", None,
     "SANA", "Army units restored security to Palmyra on Sunday."),
])
def test_datelines_that_open_a_page_or_its_first_paragraph(raw, dateline, publisher, body):
    article = clean(raw)
    assert (article.dateline, article.publisher) == (dateline, publisher)
    assert article.text.startswith(body)


@pytest.mark.parametrize("body", [
    # a place and a date, but no dateline: no dash, no credit
    "In Moscow, March 15 was a quiet day.",
    "March 15 marked five years of war.",
    "On 5 May 2016, jets struck Aleppo.",
])
def test_a_sentence_that_opens_with_a_date_is_body(body):
    article = clean(f"Title\n\n{body}")
    assert article.text == body and article.dateline is None


@pytest.mark.parametrize("line", [
    "Nov DEC Jan", "2018 2019 2020", "14 Oct 19 - 14 Oct 19", "Oct 2019 | Nov 2019",
    "Home | World | Middle East | Syria", "Sport • Business • Health • Science",
])
def test_calendar_bars_and_menus_are_chrome(line):
    assert clean(f"Title\n\n{line}\n\nBody text.").text == "Body text."


@pytest.mark.parametrize("raw, text", [
    ("Title\n\n- More than 400,000 people have been killed in the war, a monitor says.\n\nEnd.",
     "More than 400,000 people have been killed in the war, a monitor says.\n\nEnd."),
    ("Title\n\n\u2022 Turkish drones struck a convoy near Saraqeb on Thursday, officials said. (AA)"
     "\n\nEnd.",
     "Turkish drones struck a convoy near Saraqeb on Thursday, officials said. (AA)\n\nEnd."),
    ("Title\n\n- [Syria: the full story](#)\n\u2022 Russia sends more jets to Syria\n"
     "- U.S. envoy meets Lavrov.\n\nEnd.",
     "End."),
])
def test_bullets_keep_prose_and_drop_lists_of_links(raw, text):
    assert clean(raw).text == text


@pytest.mark.parametrize("line", [
    "(Reporting by Suleiman Al-Khalidi; Editing by Alison Williams)",
    "Additional reporting by Ece Toksabay in Ankara",
    "Photo: AFP / Omar Haj Kadour",
    "(Photo by Aaref Watad/AFP via Getty Images)",
    "File photo - Syrian army soldiers in Aleppo, 22 December 2016",
    "Video duration 02 minutes 45 seconds",
    "WATCH: Russian jets over Idlib, 5 March 2020",
    "© 2019 Reuters. All rights reserved.",
    "Copyright 2017 The Associated Press.",
    "Follow us on Twitter @TRTWorld",
    "By Rana Haddad",
    "By Rana Haddad and Ali Kemal | Reuters",
    "Author: Maria Petrova",
])
def test_credits_and_captions_are_chrome(line):
    text = clean(f"Title\n\nBody text here.\n\n{line}\n\nThe end.").text
    assert text == "Body text here.\n\nThe end."


@pytest.mark.parametrize("line", [
    "Photographs published by SANA showed troops in Khan Sheikhoun on Friday.",
    "Video footage showed jets striking Maarat al-Numan, activists said.",
    "Editing the figures, the monitor raised the toll to 3,210.",
    "By the time Russian jets arrived, the rebels had left.",
    "By Tuesday the army had retaken Palmyra.",
])
def test_prose_about_photos_and_videos_stays(line):
    assert clean(f"Title\n\n{line}").text == line


@pytest.mark.parametrize("raw, dateline, text", [
    # labelled, after the body (Gulf News style): the article's date, not an event
    ("Title\n\nRussian strikes hit Ariha.\n\nThe monitor gave no toll.\n\nResidents fled.\n\n"
     "Published: September 8, 2019 16:26", "September 8, 2019 16:26",
     "Russian strikes hit Ariha.\n\nThe monitor gave no toll.\n\nResidents fled."),
    # a second date line further down is furniture all the same
    ("Title\n\n12 March 2020\n\nTroops moved.\n\nMore came.\n\nThen more.\n\n13 March 2020\n\nEnd.",
     "12 March 2020", "Troops moved.\n\nMore came.\n\nThen more.\n\nEnd."),
])
def test_date_lines_below_the_top(raw, dateline, text):
    article = clean(raw)
    assert (article.dateline, article.text) == (dateline, text)


# A list is what a reader reads: each line stays, its own paragraph, without its marker,
# whatever its length or ending; only lists of links go (issue 28). Monitor, NGO and
# briefing styles, with dashes, bullets, numbers and the "- " trafilatura gives an <li>.
@pytest.mark.parametrize("raw, text", [
    ("Title\n\nShelling hit Ariha, the monitor said. The dead:\n- 31 children\n• 12 women\n"
     "1. 4 aid workers\n2) 3 paramedics\n\nEnd.",
     "Shelling hit Ariha, the monitor said. The dead:\n\n31 children\n\n12 women\n\n"
     "4 aid workers\n\n3 paramedics\n\nEnd."),
    ("Title\n\nBody text.\n\nThe briefing gave these totals:\n\n– 1,200 sorties\n\n"
     "– 340 targets hit\n\nEnd.",
     "Body text.\n\nThe briefing gave these totals:\n\n1,200 sorties\n\n340 targets hit\n\nEnd."),
    ("Title\n\nBody text.\n\nKey figures\n- men: 40\n- women: 12\n\nEnd.",
     "Body text.\n\nKey figures\n\nmen: 40\n\nwomen: 12\n\nEnd."),
])
def test_list_lines_are_kept(raw, text):
    assert clean(raw).text == text


@pytest.mark.parametrize("raw", [
    "Title\n\nBody text.\n\nRelated Topics\n- Syrian civil war\n- Idlib offensive\n\nEnd.",
    "Title\n\nBody text.\n\n- [Aleppo: the full story](#)\n- Jets strike Idlib again\n\nEnd.",
])
def test_lists_of_links_are_dropped(raw):
    assert clean(raw).text == "Body text.\n\nEnd."


# A line the next line continues in lowercase was broken mid-sentence (wire copy with hard
# breaks): it is prose, not the headline, and it is joined to its continuation.
def test_a_broken_first_line_is_no_headline():
    raw = ("Jets Kill 23 Civilians In Idlib, Monitor Says\n\n"
           "BEIRUT (AFP) - Warplanes killed 23 civilians, including seven children, in\n"
           "northwest Syria on Tuesday, a war monitor said.\n")
    article = clean(raw)
    assert article.title == "Jets Kill 23 Civilians In Idlib, Monitor Says"
    assert article.text == ("Warplanes killed 23 civilians, including seven children, in "
                            "northwest Syria on Tuesday, a war monitor said.")


# A caption under the headline (a sentence and its credit in brackets) is prose: it stays
# in the text, the headline above it stays the title, and the labels below it are no title.
@pytest.mark.parametrize("caption", [
    "Two bombers parked on the apron at the coastal airfield. (Defence Ministry press office)",
    "Smoke rises over the ridge after the raid! (AFP)",
    'The convoy leaves the depot at dawn." (Photo agency)',
])
def test_a_caption_below_the_headline_is_kept_as_text(caption):
    raw = f"Bombers Return To Base\n\n{caption}\n\nstart date\n\nSeptember 30, 2021\n\n" \
          "The air force said its crews flew twelve missions over the week."
    article = clean(raw)
    assert article.title == "Bombers Return To Base"
    assert caption in article.text and caption not in article.dropped
