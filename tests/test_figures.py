"""Figures: every rule of syriacli.extract.figures as (sentence) -> expected figure."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syriacli import vocab
from syriacli.extract.figures import Figure, find_figures, metric_names, metrics_for


@dataclass(frozen=True)
class Mention:
    """A stand-in for a date mention of syriacli.extract.dates."""
    start: int
    end: int
    expression: str
    date: str
    precision: str
    sentence_start: int = 0
    sentence_end: int = 0


def mention(text: str, expression: str, date: str, precision: str = "month") -> Mention:
    start = text.index(expression)
    return Mention(start, start + len(expression), expression, date, precision)


def one(text: str, value: float | None = None, low: float | None = None, **options) -> Figure:
    """The figure of ``text`` with this value (or range low end)."""
    figures = find_figures(text, **options)
    hits = [f for f in figures if (f.value == value if low is None else f.low == low)]
    assert len(hits) == 1, figures
    return hits[0]


# (sentence, value, qualifier, unit, metric, claimant): one figure of the sentence
CASES = [
    # values: digits with separators and decimals, number words, fractions
    ("Back then officials stated that the Russian jets conducted over 7,000 sorties.",
     7000, "over", None, "sorties", "officials"),
    ("Some 6.5 million people are internally displaced.", 6.5e6, "about", None, "displaced", None),
    ("An estimated 13.5 million people inside Syria are in need of urgent humanitarian assistance.",
     13.5e6, "about", None, "people in need", None),
    ("The Russian air campaign resulted in the loss of three more choppers.",
     3, "exact", None, "helicopters lost", None),
    ("Eight civilians were killed in the raid, activists said.",
     8, "exact", None, "civilians killed", "activists"),
    ("Twenty-five people died when the building collapsed.", 25, "exact", None, "deaths", None),
    ("The war has claimed the lives of more than a quarter of a million people.",
     250_000, "over", None, "deaths", None),
    ("Half a million people have fled the country.", 500_000, "exact", None, "refugees", None),
    ("More than 5.6m people have fled Syria since 2011, the UN says.",
     5.6e6, "over", None, "refugees", "UN"),
    # vague amounts: claims without a number (never an invented one), marked vague
    ("According to a representative, Moscow delivered tens of tons of aid to Aleppo.",
     None, "vague", "tons", "aid delivered", "representative"),
    ("Dozens of civilians were killed in the strikes.",
     None, "vague", None, "civilians killed", None),
    ("Russia killed thousands of jihadists.", None, "vague", None, "militants killed", None),
    ("The war has killed hundreds of thousands of people.", None, "vague", None, "deaths", None),
    ("Millions of people are in need of food aid.", None, "vague", None, "people in need", None),
    ("Scores of airstrikes hit Idlib overnight, the White Helmets said.",
     None, "vague", None, "strikes", "White Helmets"),
    ("Tens of thousands of people fled Afrin, the UN said.",
     None, "vague", None, "displaced", "UN"),
    # qualifiers
    ("An overnight airstrike hit the town, killing at least eight civilians.",
     8, "at least", None, "civilians killed", None),
    ("As many as 2,000 soldiers could stay.", 2000, "up to", None, "troops remaining", None),
    ("Up to 30,000 fighters remain in Idlib, the CIA estimates.",
     30_000, "up to", None, "militants", "CIA"),
    ("Close to 500 civilians were evacuated from the town.",
     500, "nearly", None, "civilians evacuated", None),
    ("Almost 900 settlements have joined the ceasefire, the ministry said.",
     900, "nearly", None, "population centres reconciled", None),  # "the ministry", unnamed
    ("Fewer than 100 fighters were killed.", 100, "under", None, "militants killed", None),
    # held by the government is no territory held by militants (this test said it was)
    ("Less than 20 percent of the country's territory is held by the government.",
     20, "under", "percent", "territory", None),
    ("Government forces now control more than 85 percent of the country, Damascus said.",
     85, "over", "percent", "territory", "Damascus"),
    ("The jihadists still hold about 4,000 square kilometres near Idlib, the monitor said.",
     4000, "about", "sq km", "territory held by militants", None),  # "the monitor", unnamed
    ("Approximately 50 jets were deployed to Hmeimim.", 50, "about", None, "aircraft", None),
    ("Roughly 4,000 Russian personnel are stationed in Syria.",
     4000, "about", None, "troops", None),
    ("In excess of 10,000 militants were killed, officials said.",
     10_000, "over", None, "militants killed", "officials"),
    ("Russia's Defense Ministry never said how many troops it has in Syria, but turnout figures in "
     "voting from abroad indicated Russian military "
     "personnel in the Arab nation likely exceeded 4,300.",
     4300, "over", None, "troops", "turnout figures"),     # the head of the subject, not all of it
    ("Shoigu said 7,000-plus sorties had been flown.", 7000, "over", None, "sorties",
     "Sergei Shoigu"),
    ("No fewer than 40 people died in the shelling.", 40, "at least", None, "deaths", None),
    # units; a conversion in brackets is the same figure
    ("Russia's military on Tuesday said that Syrian troops have liberated about 85 percent of the "
     "war-torn country's territory from militants.", 85, "about", "percent", "territory liberated",
     "Russia's military"),
    ("The army says 85% of Syria's territory has been liberated.",
     85, "exact", "percent", "territory liberated", None),  # "the army", unnamed
    ("IS controls 30 per cent of Syria, the Pentagon said.",
     30, "exact", "percent", "territory held by militants", "Pentagon"),
    ("Speaking to reporters, Lt. Gen. Alexander Lapin said the government must still clear the "
     "militants who hold approximately 27,000 square kilometers "
     "(10,425 square miles), the remaining 15 percent.",
     27_000, "about", "sq km", "territory held by militants", "Alexander Lapin"),
    ("Defence Minister Sergei Shoigu said forces had regained "
     "control of 10,000 sq km (3,860 sq miles) of territory.",
     10_000, "exact", "sq km", "territory regained", "Sergei Shoigu"),
    ("Russian sappers cleared 1,500 hectares around Palmyra.",
     1500, "exact", "hectares", "territory demined", None),
    ("The convoy delivered 300 tonnes of humanitarian aid to Deir ez-Zor.",
     300, "exact", "tons", "aid delivered", None),
    # metric: words between number and noun, the verb of the clause, breakdowns
    ("The Observatory said 1,183 Islamic State (IS) militants had been killed.",
     1183, "exact", None, "militants killed", "Observatory"),
    ("Back then officials stated that jets left nearly 13,000 terrorists dead.",
     13_000, "nearly", None, "militants killed", "officials"),
    ("Shoigu said aircraft had flown sorties, killing more than 2,000 \"bandits\".",
     2000, "over", None, "militants killed", "Sergei Shoigu"),
    ("The Syrian Observatory for Human Rights has claimed that between September 2015 and February "
     "2016, Russian air strikes have killed 1,000 civilians, including 200 children.",
     200, "exact", None, "children killed", "Syrian Observatory for Human Rights"),
    ("An estimated 13.5 million people inside Syria are in need of urgent humanitarian assistance, "
     "including 6 million children, according to the latest report by UNICEF.", 6e6, "exact", None,
     "children in need", "UNICEF"),
    ("According to the Red Cross, 20 civilians and one aid worker died as a result.",
     1, "exact", None, "aid workers killed", "Red Cross"),
    ("According to the Red Cross, 20 civilians and one aid worker died as a result.",
     20, "exact", None, "civilians killed", "Red Cross"),
    ("On that day a UN humanitarian convoy consisting of 31 trucks was attacked.",
     31, "exact", None, "aid trucks", None),
    ("The center introduced three \u201csafe corridors\u201d for civilians willing to leave.",
     3, "exact", None, "humanitarian corridors", None),
    ("The forces regained control of territory, including 400 population centres.",
     400, "exact", None, "population centres liberated", None),
    ("Over 4 million people have fled the country and "
     "some 6.5 million people are internally displaced.",
     4e6, "over", None, "refugees", None),
    ("The UN estimated that around 250,000 residents of "
     "the city have been in dire need of basic supplies.",
     250_000, "about", None, "people in need", "UN"),
    ("The strikes killed 12 people and wounded 30 others.",
     30, "exact", None, "people wounded", None),
    ("One Russian soldier died and two were injured when their vehicle hit a mine.",
     2, "exact", None, "troops wounded", None),
    ("Russia has lost 112 servicemen in Syria, Reuters calculated.",
     112, "exact", None, "troops killed", "Reuters"),
    ("The number of Russian troops in Syria is estimated at 5,000.",
     5000, "exact", None, "troops", None),
    ("The death toll from the attack rose to 53, state media said.",
     53, "exact", None, "deaths", "state media"),
    ("Syria war: 20 dead in Russian air strikes on Idlib", 20, "exact", None, "deaths", None),
    ("A 31-truck convoy reached Aleppo with aid.", 31, "exact", None, "aid trucks", None),
    ("Russia's Defence Ministry said its jets had hit 3,516 terrorist targets.",
     3516, "exact", None, "targets hit", "Russia's Defence Ministry"),
    ("Russia fired 26 cruise missiles from the Caspian Sea.",
     26, "exact", None, "missiles fired", None),
    ("Nearly 900,000 people have fled the fighting since December, the UN says.",
     900_000, "nearly", None, "displaced", "UN"),
    ("The war has driven 11 million people from their homes.",
     11e6, "exact", None, "displaced", None),
    ("A resident said 17 bodies were pulled out of one building.",
     17, "exact", None, "deaths", "resident"),
    ("A 2,000-strong Russian contingent remains at Hmeimim.",
     2000, "exact", None, "troops remaining", None),
    ("As many as 1,743 refugees, including 522 women and 887 children, have returned to Syria, the "
     "Russian Center for Reconciliation of the Opposing Sides in Syria said.",
     522, "exact", None, "refugees returned",
     "Russian Center for Reconciliation of the Opposing Sides in Syria"),
    ("Since 2015 a total of 2,370,941 Syrian citizens have returned home.",
     2_370_941, "exact", None, "refugees returned", None),
    ("Russian sappers defused 8,000 explosive devices in Palmyra.",
     8000, "exact", None, "mines cleared", None),
    # claimants: the speaker named as subject, "according to", reporters after the figure, relatives
    ("Another senior official, upper house defence committee head Viktor Ozerov, said as many as "
     "two battalions - some 800 servicemen - could remain in Syria after the withdrawal, "
     "Interfax news agency reported.",
     800, "about", None, "troops remaining", "Viktor Ozerov"),
    ("However, the UK-based Syrian Observatory for Human Rights reported in early March that 1,733 "
     "civilians, including 429 children, had been killed in Russian air strikes.",
     1733, "exact", None, "civilians killed", "Syrian Observatory for Human Rights"),
    ("Peskov commented on the recent reports by the Syrian Observatory for Human Rights, which "
     "earlier in the day said some 3,800 civilians had been killed.", 3800, "about", None,
     "civilians killed", "Syrian Observatory for Human Rights"),
    ("The Syrian Observatory for Human Rights, a Britain-based "
     "monitoring group, said 2,371 civilians had been killed.",
     2371, "exact", None, "civilians killed", "Syrian Observatory for Human Rights"),
    ("More than 400,000 people have been killed since the conflict began, according to the UN.",
     400_000, "over", None, "deaths", "UN"),
    ("At least 33 Turkish soldiers were killed in an air strike, the governor of Hatay said.",
     33, "at least", None, "troops killed", "governor of Hatay"),
    ("Two Russian military advisers were killed by mortar fire, "
     "Interfax news agency reported, citing the defence ministry.",
     2, "exact", None, "troops killed", "Russian defence ministry"),
    ("The monitor, which draws on contacts inside the country, put the toll at 150.",
     150, "exact", None, "deaths", None),  # "the monitor", unnamed
    ("\"We have completed 71,000 sorties,\" Lt. Gen. Sergei Rudskoi told reporters on Thursday.",
     71_000, "exact", None, "sorties", "Sergei Rudskoi"),
    ("Russia's Defense Ministry never said how many troops it has, but it deployed 4,000 soldiers.",
     4000, "exact", None, "troops", None),
    # how many live somewhere: a population, queried as one (a wire's background, a Kurdish
    # outlet, a UN note)
    ("The province is home to an estimated 2 million people, many of them displaced.",
     2000000, "about", None, "people remaining", None),
    ("Up to 3 million people live in the Idlib zone, according to UN figures.", 3000000,
     "up to", None, "people remaining", "UN"),
    ("Before the war around 400,000 people lived across the eastern suburbs.", 400000,
     "about", None, "people remaining", None),
    # ... not the dead who lived there
    ("The strike killed 12 people who lived in the camp.", 12, "exact", None, "deaths", None),
    # people massed near a border are stranded; refugees who crossed it fled (Reuters, UNHCR)
    ("About 35,000 people had gathered near the closed border crossing on Friday.", 35000,
     "about", None, "people stranded", None),
    ("More than 4,000 refugees crossed into Lebanon over the weekend.", 4000, "over", None,
     "refugees", None),
    # the living pulled from the rubble and the bodies recovered beside them (a rescue
    # service's statement, TASS on an Emergencies Ministry team)
    ("Its teams had pulled 42 people alive from the rubble and recovered the bodies of 105 "
     "others.", 42, "exact", None, "people rescued", None),
    ("Its teams had pulled 42 people alive from the rubble and recovered the bodies of 105 "
     "others.", 105, "exact", None, "deaths", None),
    ("The bodies of 31 people were found in a mass grave near the town.", 31, "exact", None,
     "deaths", None),
    ("Sappers removed 41 pieces of unexploded ordnance from the fields.", 41, "exact", None,
     "mines cleared", None),
    # a bare count as the subject of a verb of people's state (Rudaw, AP, a monitor)
    ("Fewer than 70,000 have returned, according to the Kurdish-led administration.", 70000,
     "under", None, "refugees returned", None),
    ("More than 300 were killed in the two provinces last week.", 300, "over", None, "deaths",
     None),
    # "a population of": with its noun or without (a think tank, a Kurdish outlet)
    ("Before the war the country had a population of about 21 million people.", 21000000,
     "about", None, "people remaining", None),
    ("The city had a pre-war population of more than 2 million.", 2000000, "over", None,
     "people remaining", None),
    # modifiers joined by "and" before a known noun (RIA, a wire relaying the ministry)
    ("Russian jets had destroyed 209 oil production and refining facilities.", 209, "exact",
     None, "targets hit", None),
    ("Aircraft destroyed 31 ammunition and fuel depots near Raqqa.", 31, "exact", None,
     "targets hit", None),
    # a part named by what it is, of a count before it (a monitor's report, a UN note)
    ("Strikes killed 40 people on Monday; 12 were children.", 12, "exact", None,
     "children killed", None),
    ("The monitor counted 312 deaths in March. Among the dead, 14 were children.", 14, "exact",
     None, "children killed", None),
    ("The network documented 6,686 civilian deaths. Of those, 2,055 were children.", 2055,
     "exact", None, "children killed", None),
]


@pytest.mark.parametrize("sentence, value, qualifier, unit, metric, claimant", CASES)
def test_figure(sentence, value, qualifier, unit, metric, claimant):
    figure = one(sentence, value)
    assert (figure.qualifier, figure.unit, figure.metric, figure.claimant) == (
        qualifier, unit, metric, claimant)
    assert sentence[figure.start:figure.end] == figure.text
    assert metric in metric_names()


RANGES = [
    ("It is not clear how many military personnel Russia has deployed, but US estimates suggest "
     "the number ranges from 3,000 to 6,000, AP reports.", 3000, 6000, "troops", "US estimates"),
    ("According to various reports, the total number of fatalities "
     "in the conflict ranges from 290,000 to 470,000 people.",
     290_000, 470_000, "deaths", "various reports"),
    ("An estimated 3,000-6,000 Russian troops are in Syria.", 3000, 6000, "troops", None),
    ("Activists said between 30 and 40 people died in the attack.", 30, 40, "deaths", "Activists"),
    ("The UN said 1.5 to 2 million people were trapped in besieged areas.",
     1.5e6, 2e6, "people besieged", "UN"),
]


@pytest.mark.parametrize("sentence, low, high, metric, claimant", RANGES)
def test_range(sentence, low, high, metric, claimant):
    figure = one(sentence, low=low)
    assert (figure.value, figure.high, figure.qualifier, figure.metric, figure.claimant) == (
        None, high, "exact", metric, claimant)


# A change ("rose from 300 to 400") is two figures, the value before and the value after,
# never a range (Sputnik and monitor styles).
@pytest.mark.parametrize("sentence, expected", [
    ("The death toll rose from 300 to 400 people killed.", [(300, None), (400, None)]),
    ("Government-held territory grew from 21,000 to 64,000 square kilometres, the General "
     "Staff said.", [(21000, "sq km"), (64000, "sq km")]),
    ("The number of refugees fell from 1,200 to 900 in a month.", [(1200, None), (900, None)]),
])
def test_a_change_is_two_figures(sentence, expected):
    figures = find_figures(sentence)
    assert [(f.value, f.unit) for f in figures] == expected
    assert all(f.low is None and f.qualifier == "exact" for f in figures)


def test_a_conversion_is_not_a_second_figure():
    text = ("Government forces hold approximately 27,000 square kilometers (10,425 square miles) "
            "of territory.")
    assert [(f.value, f.unit) for f in find_figures(text)] == [(27_000, "sq km")]


def test_a_breakdown_is_its_own_figure():
    text = ("However, the UK-based Syrian Observatory for Human Rights reported in early March "
            "that 1,733 civilians, including 429 children, had been killed in Russian air strikes, "
            "along with some 1,492 rebels and members of the al-Qaeda-affiliated "
            "al-Nusra Front, and 1,183 Islamic State (IS) militants.")
    got = [(f.value, f.qualifier, f.metric, f.noun) for f in find_figures(text)]
    assert got == [(1733, "exact", "civilians killed", "civilians"),
                   (429, "exact", "children killed", "children"),
                   (1492, "about", "militants killed", "rebels"),
                   (1183, "exact", "militants killed", "Islamic State (IS) militants")]


# --- claimants across sentences ----------------------------------------------------------
CROSS_SENTENCE = [
    ("Deputy Defence Minister Nikolay Pankov spoke on Tuesday. "
     "He said 300 militants remained in the area.", 300, "Nikolai Pankov"),   # one spelling
    # "he" is the sentence's subject, not the last person named
    ("Lavrov met Kerry in Geneva. He said 300 militants had surrendered.", 300, "Sergei Lavrov"),
    ("Major General Pavel Gaidukov hosted Colonel Ahmet Yilmaz at the base. He said 12 posts "
     "were manned.", 12, "Pavel Gaidukov"),
    # a subject that is nobody: the person the sentence names
    ("Reporters in Hmeimim asked Major General Pavel Gaidukov about the raids. He said 14 "
     "militants had been killed.", 14, "Pavel Gaidukov"),
    ("The envoy Staffan de Mistura met opposition delegates on Friday. He said 20 civilians "
     "had died in the shelling.", 20, "Staffan de Mistura"),
    ("The Russian Defence Ministry published its report. "
     "The ministry added that 35 militants had surrendered.",
     35, "Russian Defence Ministry"),
    ("The Syrian Observatory for Human Rights gave new figures. It said 45 civilians were killed.",
     45, "Syrian Observatory for Human Rights"),
    ("But activists said civilians are bearing the brunt of the offensive. An overnight airstrike "
     "hit the town, killing at least eight civilians.", 8, "activists"),  # the paragraph's frame
    ("Activists said the offensive continued.\n\nAn airstrike killed eight civilians.", 8, None),
    ("According to various reports, the war has killed 290,000 people. "
     "Over 4 million people have fled the country.", 4e6, "various reports"),
    ("Russia's media quoted him as saying the war was over. The Russian air campaign resulted in "
     "the loss of three more choppers.", 3, None),
]


@pytest.mark.parametrize("text, value, claimant", CROSS_SENTENCE)
def test_claimant_across_sentences(text, value, claimant):
    assert one(text, value).claimant == claimant


# --- as-of dates and periods from the date mentions -----------------------------------------
def test_back_then_takes_the_date_the_previous_sentence_set():
    text = ("On March 15 Putin ordered the withdrawal. \"I believe that the objectives have been "
            "reached,\" Putin said. "
            "Back then officials stated that the Russian jets conducted over 7,000 sorties.")
    figure = one(text, 7000, dates=[mention(text, "March 15", "2016-03-15", "day")])
    assert (figure.as_of, figure.claimant) == ("2016-03-15", "Russian officials")


def test_a_date_in_the_sentence_is_the_as_of_date():
    text = "The Syrian Observatory reported in early March that 1,733 civilians had been killed."
    assert one(text, 1733, dates=[mention(text, "early March", "2016-03")]).as_of == "2016-03"


def test_between_two_dates_is_a_period():
    text = ("The Syrian Observatory for Human Rights has claimed that between September 2015 and "
            "February 2016, Russian air strikes have killed 1,000 civilians.")
    dates = [mention(text, "September 2015", "2015-09"), mention(text, "February 2016", "2016-02")]
    figure = one(text, 1000, dates=dates)
    assert (figure.period, figure.as_of) == ("2015-09/2016-02", None)


def test_since_a_date_is_an_open_period():
    text = "Russia has flown 9,000 sorties since September 2015."
    figure = one(text, 9000, dates=[mention(text, "September 2015", "2015-09")])
    assert figure.period == "2015-09/.."


@pytest.mark.parametrize("text, expression, iso", [
    ("Russia's military says its air campaign has killed more than 35,000 fighters since it "
     "began in 2015.", "2015", "2015"),
    ("Russian jets have flown more than 35,000 sorties since the operation started in "
     "September 2015, the ministry said.", "September 2015", "2015-09"),
    ("Since the start of the air campaign in September 2015, the Russian air force has "
     "carried out 35,000 strikes.", "September 2015", "2015-09"),
    ("The monitor says 35,000 people have been killed since the Russian intervention began "
     "on 30 September 2015.", "30 September 2015", "2015-09-30"),
    ("The number of people killed since the ceasefire came into effect on August 31, 2019 has "
     "risen to 35,000, the monitor documented.", "August 31, 2019", "2019-08-31"),
])
def test_since_it_began_is_an_open_period_not_the_date_of_the_figure(text, expression, iso):
    figure = one(text, 35000, dates=[mention(text, expression, iso)])
    assert (figure.period, figure.as_of) == (f"{iso}/..", None)


def test_a_period_between_a_date_and_part_of_a_year():
    text = ("Airwars estimates that between 4,300 and 6,400 civilians were likely killed between "
            "September 30th 2015 and the end of 2017.")
    dates = [mention(text, "September 30th 2015", "2015-09-30"), mention(text, "2017", "2017")]
    figure = one(text, low=4300, dates=dates)
    assert (figure.period, figure.as_of) == ("2015-09-30/2017", None)


@pytest.mark.parametrize("text, value, metric", [
    # a number word opening the sentence after a dateline's dash
    ("ANKARA (Reuters) - Thirty-three Turkish soldiers were killed in an air strike in Idlib.",
     33, "troops killed"),
    # a date between the counted noun and its number is no other count
    ("With these new losses, the number of people killed since the ceasefire came into effect "
     "on August 31 has risen to 63, SOHR documented.", 63, "deaths"),
    # a part of a total counts what the total does, in its own verb's state; the total in
    # its own (RT, a ministry briefing, a wire)
    ("Syrian air defences downed 71 of 103 cruise missiles fired by the US and its allies.",
     71, "missiles intercepted"),
    ("Syrian air defences downed 71 of 103 cruise missiles fired by the US and its allies.",
     103, "missiles fired"),
    ("Air defence systems intercepted 12 out of 14 rockets launched at the base overnight.",
     12, "missiles intercepted"),
    ("Russian aircraft hit 40 of 60 targets in the province, the ministry said.", 40,
     "targets hit"),
])
def test_counts_wire_copy_and_monitors_write(text, value, metric):
    assert one(text, value).metric == metric


def test_a_date_after_since_in_another_clause_is_still_the_as_of_date():
    text = "In March 2016 the ministry said 35,000 sorties had been flown, since it keeps count."
    assert one(text, 35000, dates=[mention(text, "March 2016", "2016-03")]).as_of == "2016-03"


def test_a_duration_is_a_period_as_written():
    text = ("Defence Minister Sergei Shoigu said Russian aircraft had flown more than 9,000 "
            "sorties over almost six months.")
    figure = one(text, 9000)
    assert (figure.period, figure.claimant, figure.text) == (
        "almost six months", "Sergei Shoigu", "more than 9,000")


def test_unusable_date_objects_are_ignored():
    text = "Russia has flown 9,000 sorties since September 2015."
    junk = [object(), Mention(0, 5, "Russia", None, "day"), Mention(10, 12, "x", "", "day")]
    assert one(text, 9000, dates=junk).period is None


# --- not figures ------------------------------------------------------------------------------
NOT_FIGURES = [
    "Turkish fighter jets downed a Russian Su-24 bomber near the border.",
    "Moscow said the Su-24was attacked over the Syrian border.",
    "In August 2015, Russia began to send warplanes, T-90 tanks and artillery to Latakia.",
    "Sergey Ivanov said Russia would keep its advanced "
    "S-400 surface-to-air missile system in place.",
    "Russia fired Kalibr cruise missiles at 05:10 local time.",
    "On September 30, 2015 Russian jets conducted their "
    "first strikes against terrorist targets in Syria.",
    "On July 28 this year the center and the government introduced new corridors.",
    "Russia began its campaign on 30 September 2015, and troops arrived in 2016.",
    "The war in Syria has raged for five years.",
    "Assad's greatest victory in the war, now in its seventh year, came in December.",
    "A second day of peace talks is being held in Geneva.",
    "It was a major turn-around two years after Moscow intervened.",
    "The campaign broke a nearly three-year-old siege on the provincial capital.",
    "Russian aircraft carried out strikes in the past 24 hours.",
    "Russian airstrikes over the past year have ensured that Damascus is safe.",
    "A year of Russian anti-ISIS ops in Syria: 5 key milestones",
    "Russia became one of the driving forces behind the reconciliation process.",
    "One of the helicopters was downed in Idlib province in July.",
    "Resolution 2254 was adopted unanimously by the 15-member council.",
    "Troops from 5 countries took part in the exercise.",
    "Turnout was 85%, officials said.",
    "The Three Kingdoms museum was damaged in the fighting.",
    "Millions have fled the conflict.",
    "The remaining 15 percent is desert.",
]


# Counts of what the vocabulary does not know are claims under their noun; distances have
# their unit; "two or three" is a range. Sentences in the styles of Anadolu, TASS, Reuters.
OPEN_COUNTS = [
    ("Turkey has set up 12 observation posts in Idlib, the defence ministry said.",
     ("observation posts", 12, None, None, "exact", None)),
    ("Russia delivered four S-300 launchers to the Syrian army, TASS reported.",
     ("launchers", 4, None, None, "exact", None)),
    ("Government troops have retaken 105 neighbourhoods of eastern Aleppo.",   # now grouped
     ("neighbourhoods liberated", 105, None, None, "exact", None)),
    ("Ankara will deploy up to 11 warships off the coast.",
     ("warships", 11, None, None, "up to", None)),
    ("Opposition groups, as many as two battalions, hold the city.",
     ("battalions", 2, None, None, "up to", None)),
    ("In the 1990s, Russia kept 2 ships at Tartus.", ("ships", 2, None, None, "exact", None)),
    ("The plan created a 20 km buffer zone along the border.",
     ("distance", 20, None, None, "exact", "km")),
    ("The convoy covered more than 300 miles from Deraa.",
     ("distance", 300, None, None, "over", "miles")),
    ("Ankara and Moscow agreed on a 6-km security corridor along the highway.",
     ("distance", 6, None, None, "exact", "km")),
    ("Each Su-25 flies two or three sorties a day, a pilot said.",
     ("sorties", None, 2, 3, "exact", "per day")),
]


@pytest.mark.parametrize("sentence, expected", OPEN_COUNTS)
def test_open_counts_distances_and_or_ranges(sentence, expected):
    (f,) = find_figures(sentence)
    assert (f.metric, f.value, f.low, f.high, f.qualifier, f.unit) == expected


# Rates are their own unit (never set against a total); "or more" and "and more" after
# the noun, and "as high as" before the number, qualify it (TASS, Anadolu, AFP styles).
@pytest.mark.parametrize("sentence, expected", [
    ("Russian jets now fly 120 sorties a day and more, the ministry said.",
     ("sorties", 120, "at least", "per day")),
    ("The coalition carried out 30 strikes a week over Raqqa.",
     ("strikes", 30, "exact", "per week")),
    ("Ankara said 20,000 people or more had been displaced.",
     ("displaced", 20000, "at least", None)),
    ("The death toll could be as high as 18,000, the monitor said.",
     ("deaths", 18000, "up to", None)),
])
def test_rates_and_qualifiers_after_the_noun(sentence, expected):
    (f,) = find_figures(sentence)
    assert (f.metric, f.value, f.qualifier, f.unit) == expected


# A word with a slash between the number and its noun is a modifier (Daily Sabah, AA), and
# so is an acronym that spells a stop word ("IS", not "is").
@pytest.mark.parametrize("sentence, expected", [
    ("Coalition strikes killed 965 IS fighters near Baghouz, the SDF said.",
     ("militants killed", 965)),
    ("Iraqi forces said they killed 40 IS militants in Anbar.", ("militants killed", 40)),
    ("Turkish forces neutralized 19 YPG/PKK terrorists in northern Syria.",
     ("militants killed", 19)),
    ("The army destroyed 7 ISIS/Daesh hideouts near Palmyra.", ("targets hit", 7)),
])
def test_a_slashed_modifier_before_the_noun(sentence, expected):
    f = find_figures(sentence)[0]
    assert (f.metric, f.value) == expected


# "N others" counts people, or the group named before it in the sentence (monitor style).
@pytest.mark.parametrize("text, expected", [
    ("A man was killed in Ariha.\n\n100 others were wounded, the White Helmets said.",
     [("people wounded", 100)]),
    ("The shelling killed 12 soldiers and wounded 30 others, Ankara said.",
     [("troops killed", 12), ("troops wounded", 30)]),
])
def test_others(text, expected):
    assert [(f.metric, f.value) for f in find_figures(text)] == expected


# A count of two groups joined by "and" is of both, never filed as one of them (a part set
# against its total would make a false disagreement). Monitor and Anadolu styles.
@pytest.mark.parametrize("sentence, expected", [
    ("Airstrikes killed 527 children and women in Idlib in 2019, the monitor said.",
     ("children and women killed", 527)),
    ("Shelling wounded 40 women and children in Ariha.", ("children and women wounded", 40)),
    ("Jets killed 20 civilians and militants near Saraqeb.",
     ("civilians and militants killed", 20)),
    ("Jets killed 20 civilians and 12 militants near Saraqeb.", ("civilians killed", 20)),
    ("The shelling killed 12 soldiers and wounded 30 others, Ankara said.", ("troops killed", 12)),
])
def test_a_count_of_two_groups(sentence, expected):
    f = find_figures(sentence)[0]
    assert (f.metric, f.value) == expected


# A verb after a bare count is no counted noun: the count takes the noun before it; a
# civilian toll is civilians killed (monitor and Gulf media styles).
@pytest.mark.parametrize("sentence, expected", [
    ("The toll of 3,210 includes 640 children, the monitor said.",
     ("deaths", 3210, "exact", None)),
    ("The network put the civilian death toll at over 2,400 by the end of June.",
     ("civilians killed", 2400, "over", None)),
    ("The civilian toll stands at 1,150, Gulf News reported.",
     ("civilians killed", 1150, "exact", None)),
])
def test_a_count_before_a_verb_takes_the_noun_before_it(sentence, expected):
    f = find_figures(sentence)[0]
    assert (f.metric, f.value, f.qualifier, f.unit) == expected


@pytest.mark.parametrize("sentence", [
    "The two sides met in Astana on Monday.",          # a definite reference, not a count
    "He has visited Damascus three times.",
    "Turkey and Russia agreed on 5 key principles.",
    "The 15 countries of the council voted.",
])
def test_open_counts_need_a_claim(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_a_figure(sentence):
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n", "0", "one", "1,000,000", "Su-24", "(1,000)", "- 5 -"])
def test_degenerate_text(text):
    assert find_figures(text) == []


# --- metrics_for --------------------------------------------------------------------------------
SELECTS = [
    ("sorties", {"sorties"}), ("sortie", {"sorties"}), ("Flights", {"sorties"}),
    ("missions", {"sorties"}), ("civilians", {"civilians killed", "civilians wounded"}),
    ("civilian", {"civilians killed"}),
    ("casualties", {"deaths", "civilians killed", "militants killed", "children killed"}),
    ("troops", {"troops", "troops remaining"}), ("soldiers", {"troops"}),
    ("servicemen", {"troops remaining"}),
    ("territory",
     {"territory liberated", "territory regained", "territory held by militants", "territory"}),
    ("children", {"children killed", "children in need"}),
    ("need", {"people in need", "children in need"}), ("militants", {"militants killed"}),
    ("terrorists", {"militants killed"}), ("bandits", {"militants killed"}),
    ("aid", {"aid workers killed", "aid trucks", "aid delivered"}),
    ("population", {"population centres"}), ("villages", {"population centres"}),
    ("helicopters", {"helicopters lost"}), ("choppers", {"helicopters lost"}),
    ("corridors", {"humanitarian corridors"}), ("refugees", {"refugees"}),
    ("displaced", {"displaced"}), ("deaths", {"deaths"}), ("fatalities", {"deaths"}),
    ("trucks", {"aid trucks"}), ("lorry", {"aid trucks"}), ("wounded", {"people wounded"}),
    ("injured", {"civilians wounded"}), ("bombs", {"bombs dropped"}),
    ("missiles", {"missiles fired"}), ("tons", {"cargo delivered"}), ("sq km", {"territory"}),
    ("aid workers", {"aid workers killed"}),
]


@pytest.mark.parametrize("word, metrics", SELECTS)
def test_metrics_for(word, metrics):
    assert metrics <= set(metrics_for(word))
    assert metrics_for(word.upper()) == metrics_for(word)


@pytest.mark.parametrize("word", ["", "the", "weather", "zebras", "   "])
def test_metrics_for_unknown(word):
    assert metrics_for(word) == []


def test_metrics_for_selects_narrowly():
    assert "sorties" not in metrics_for("civilians")
    assert not set(metrics_for("refugees")) & {"deaths", "troops"}


def test_the_vocabulary_is_consistent():
    from syriacli.extract.figures import METRICS
    names = set(metric_names())
    for subject in METRICS["subjects"].values():
        assert {subject["metric"], *subject["states"].values()} - {None} <= names
        assert set(subject["states"]) <= set(METRICS["states"])
    for cues in METRICS["states"].values():
        # CUE_STATES looks them up as written
        assert all(cue == " ".join(cue.lower().split()) for cue in cues)


def test_every_metric_is_reachable_by_its_own_name():
    for name in metric_names():
        assert name in metrics_for(name)


# --- any text ------------------------------------------------------------------------------------
FRAGMENTS = st.sampled_from([
    "1,000", "6.5 million", "three", "a quarter of a million", "dozens of", "between", "and", "to",
    "-", "(", ")", "\u201c", "\u201d", "'", "%", "percent", "sq km", "(3,860 sq miles)",
    "civilians", "killed", "people", "in need", "including", "said", "He said", "the ministry",
    "according to", "which", ", ", ". ", "\n\n", "Su-24", "2015", "September 30,", "over",
    "more than", "some", "one of", "Shoigu", "Mr", "Lt.", "İ", "ß", "Сирия", "tens of tons",
    "5 апреля 2016", "$4bn", "24 hours", "five-year", "3,000-6,000", "or more", "-plus",
])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(FRAGMENTS, max_size=40).map(" ".join)))
def test_any_text_gives_figures_inside_it(text):
    figures = find_figures(text)
    assert isinstance(figures, list)
    for f in figures:
        assert isinstance(f, Figure)
        assert 0 <= f.sentence_start <= f.start <= f.end <= f.sentence_end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.metric in metric_names() or f.metric.islower()  # a known metric or an open count
        if f.qualifier == "vague":  # a vague amount has no number at all
            assert f.value is f.low is f.high is None
        else:
            assert (f.value is None) == (f.low is not None)


@settings(max_examples=100, deadline=None)
@given(st.lists(FRAGMENTS, min_size=1, max_size=30).map(" ".join), st.data())
def test_any_date_mentions_are_taken_or_ignored(text, data):
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 12)),
                               max_size=4))
    values = data.draw(st.lists(st.sampled_from(["2016-03", "2015/2016", "", "x"]),
                                min_size=len(spans), max_size=len(spans)))
    dates = [Mention(a, min(len(text), a + n), text[a:a + n], d, "month")
             for (a, n), d in zip(spans, values, strict=True)]
    for f in find_figures(text, dates=dates):
        assert text[f.start:f.end] == f.text



# A bare total broken down into its parts counts what its parts are part of (sentences in
# the styles of a monitor's daily report and of Anadolu).
@pytest.mark.parametrize("sentence, total", [
    ("31 including 12 children and two women killed by airstrikes on Maarat al-Numan.",
     ("civilians killed", 31)),
    ("Turkey said 33, among them 5 officers, died in the attack.", ("deaths", 33)),
    ("In total 40, including 12 soldiers, were wounded in the shelling.", ("people wounded", 40)),
])
def test_a_broken_down_total(sentence, total):
    assert (find_figures(sentence)[0].metric, find_figures(sentence)[0].value) == total


# --- issue 28: every figure a reader sees -------------------------------------------------------
# Verbs of death beyond "killed" (TASS, Anadolu, Iranian and Pakistani styles).
@pytest.mark.parametrize("sentence, expected", [
    ("The minister said 2,400 terrorists were annihilated near Palmyra.",
     ("militants killed", 2400)),
    ("Turkish forces neutralised 14 PKK terrorists, the ministry said.", ("militants killed", 14)),
    ("Some 300 gunmen were liquidated in the operation, Tasnim reported.",
     ("militants killed", 300)),
    ("Eleven civilians lost their lives in the shelling of Ariha.", ("civilians killed", 11)),
    ("At least 40 insurgents perished in the raid, officials in Peshawar said.",
     ("militants killed", 40)),
    ("Jets destroyed 25 militants and 3 depots near Deir ez-Zor.", ("militants killed", 25)),
    ("One farmer and one combatant lost their lives near the town.", ("militants killed", 1)),
])
def test_verbs_of_death(sentence, expected):
    assert expected in [(f.metric, f.value) for f in find_figures(sentence)]


# A headline in title case is a mention like any other: its capitals are no names, but a
# label before a number still is (Gulf, monitor and Turkish headline styles).
@pytest.mark.parametrize("sentence, expected", [
    ("Russian Jets Kill 40 Militants In Idlib Countryside", ("militants killed", 40)),
    ("Regime Forces Killed 2,310 Civilians, Including 512 Children, In 2019",
     ("civilians killed", 2310)),
    ("Three Russian Warships Enter The Bosphorus On Their Way To Tartus", ("warships", 3)),
    ("Army Units Liberate 12 Villages In Hama Countryside", ("population centres liberated", 12)),
    ("Moscow Sends 4 Landing Ships To Tartus", ("ships", 4)),      # capitals hide names
    ("Syrian Army, Allies Liberate 105 Aleppo Neighbourhoods", ("neighbourhoods liberated", 105)),
])
def test_title_case_headlines(sentence, expected):
    assert expected in [(f.metric, f.value) for f in find_figures(sentence)]


@pytest.mark.parametrize("sentence", [
    "UN Security Council Resolution 2254 Was Adopted By All Members",
    "Members of Brigade 93 Met At The Border Crossing",
    "5 Things To Know About Russia's Syria Campaign",
    "The Three Kingdoms Museum Was Damaged In 2016",
])
def test_a_label_in_a_title_case_headline_still_counts_nothing(sentence):
    assert find_figures(sentence) == []


# A place before a number is no label of it ("Resolution 2254"): Russian state media style.
@pytest.mark.parametrize("sentence, expected", [
    ("During the operation in Syria 2,900 terrorists were eliminated, the minister said.",
     ("militants killed", 2900)),
    ("Near Palmyra 15 tanks were destroyed.", ("vehicles destroyed", 15)),
])
def test_a_place_before_a_number(sentence, expected):
    assert expected in [(f.metric, f.value) for f in find_figures(sentence)]


# The counted noun decides the metric, by its head ("bandit leaders" are leaders, "cargo
# planes" are aircraft); the vocabulary groups synonyms; the verb says what happened.
@pytest.mark.parametrize("sentence, expected", [
    ("Strikes eliminated 412 militants, including 38 gang leaders, the ministry said.",
     ("gang leaders killed", 38)),
    ("Imagery shows three Ilyushin Il-76 transport planes at the base.", ("aircraft", 3)),
    ("Four Russian warships sailed past Istanbul on Sunday.", ("warships", 4)),
    ("Two frigates were seen off Tartus, the agency said.", ("warships", 2)),
    ("Moscow wants to keep its two main military bases on the coast.", ("bases", 2)),
    ("Russia has tested 320 types of modern weaponry in the war, Shoigu said.",
     ("weapons types", 320)),
    ("Iran says it supplied two types of missiles to Damascus.", ("missiles types", 2)),
    ("Airstrikes killed more than 300 in the two provinces, the monitor said.", ("deaths", 300)),
    ("Shelling wounded 45 in Ariha on Friday, medics said.", ("people wounded", 45)),
    ("Russian strikes killed 14 and wounded 30 near Ariha.", ("people wounded", 30)),
    ("Regime shelling killed 8 across southern Idlib overnight.", ("deaths", 8)),
    ("Jets killed 30 people besides destroying a bridge.", ("deaths", 30)),
    ("Car bomb kills 12 as Astana talks stall", ("deaths", 12)),
    ("Russian Jets Kill 40 In Idlib Countryside", ("deaths", 40)),
    ("The network recorded 45 attacks with barrel bombs on Idlib in May.", ("attacks", 45)),
    ("We have logged 1,120 incidents in which strikes caused civilian deaths.",
     ("incidents", 1120)),
    ("A column of over 150 Russian army vehicles moved south.", ("vehicles", 150)),
    ("Rebels captured 87 units of armoured vehicles near Hama.", ("vehicles captured", 87)),
    # leaving the besieged districts is an evacuation (before: an open count of residents)
    ("Some 9,200 Aleppo residents left the eastern districts overnight.",
     ("people evacuated", 9200)),
    ("Around 60 medics work in the last hospital of the enclave.", ("medics", 60)),
    ("Nearly 3,100 military engineers and demining specialists served in Syria.",
     ("military engineers", 3100)),
    ("The contingent included 1,200 artillery and rocket specialists.",
     ("artillery rocket specialists", 1200)),
    ("It is estimated that 60,000 people remain in the besieged town.",
     ("people remaining", 60000)),
    ("About half a million people were forced to flee their villages near Idlib.",
     ("displaced", 500000)),
    ("More than 2,000 civilians were transported through the corridor on Monday.",
     ("civilians evacuated", 2000)),
    ("Over 900 children were bussed out of the district, the centre said.",
     ("children evacuated", 900)),
])
def test_the_counted_noun_decides_the_metric(sentence, expected):
    assert expected in [(f.metric, f.value) for f in find_figures(sentence)]


@pytest.mark.parametrize("word, metric", [
    ("warships", "warships"), ("frigates", "warships"), ("bases", "bases"),
    ("weapons", "weapons"), ("weaponry", "weapons"), ("planes", "aircraft"),
    ("residents", "people remaining"), ("neighborhoods", "neighbourhoods"),
    ("districts", "neighbourhoods liberated"), ("ships", "warships"), ("injured", "troops wounded"),
])
def test_new_groups_are_reachable(word, metric):
    assert metric in metrics_for(word)


@pytest.mark.parametrize("found, word", [
    (["gang leaders killed"], "leaders"), (["vehicles"], "vehicles"), (["residents"], "residents"),
    (["medics"], "medics"), (["artillery rocket specialists"], "specialists"),
    (["weapons types"], "weapons"),
])
def test_open_metrics_are_reachable_by_their_noun(found, word):
    assert found[0] in metrics_for(word, found)


# A count of people who are no claim stays out: the sources' own headcount, a lone "people"
# (but how many live somewhere is a population: CASES).
@pytest.mark.parametrize("sentence", [
    "Two senior Western diplomats said the talks had stalled.",
    "Some 300 people gathered outside the embassy on Friday.",
    "The two residents were questioned by police.",
])
def test_not_a_claim_of_the_war(sentence):
    assert find_figures(sentence) == []


# Coordinated numbers: a qualifier in front covers each (RIA, Reuters styles); numbers
# joined by "and" share the noun after the last (monitor style); each is its own figure.
@pytest.mark.parametrize("sentence, expected", [
    ("From the eastern districts were evacuated more than 3.2 thousand fighters and "
     "410 wounded, the centre said.",
     [("militants evacuated", 3200, "over"), ("people wounded", 410, "over")]),
    ("The drones were launched about 60 kilometres from Latakia and 35 kilometres from Jableh.",
     [("distance", 60, "about"), ("distance", 35, "about")]),
    ("Jets killed 640 leaders and more than 20 thousand militants.",
     [("leaders killed", 640, "exact"), ("militants killed", 20000, "over")]),
    ("Strikes killed 21 and 9 fighters in Deraa and Quneitra respectively.",
     [("militants killed", 21, "exact"), ("militants killed", 9, "exact")]),
    ("Shelling killed 12, 5 and 3 civilians in Ariha, Kafranbel and Saraqeb, the monitor said.",
     [("civilians killed", 12, "exact"), ("civilians killed", 5, "exact"),
      ("civilians killed", 3, "exact")]),
    ("The raid killed more than 300 people, including 120 children and 45 women.",
     [("deaths", 300, "over"), ("children killed", 120, "exact"),
      ("deaths", 45, "exact")]),
])
def test_coordinated_numbers(sentence, expected):
    got = [(f.metric, f.value, f.qualifier) for f in find_figures(sentence)]
    assert got == expected


# Number words a bare count, a partitive and "another one" (Reuters, TASS styles).
@pytest.mark.parametrize("sentence, expected", [
    ("The official toll among the troops is now twelve, but only eleven of those were combat "
     "deaths.", [("troops killed", 12), ("troops killed", 11)]),
    ("One soldier died and another one was seriously hurt, the ministry said.",
     [("troops killed", 1), ("troops wounded", 1)]),
])
def test_number_words_and_partitives(sentence, expected):
    assert [(f.metric, f.value) for f in find_figures(sentence)] == expected


NUMBER_WORDS = {"two": 2, "three": 3, "seven": 7, "twelve": 12, "forty": 40, "ninety": 90}


# Property: a number and a known noun give that number, whatever joins a second one; and
# a scale word multiplies a decimal ("4.5 thousand").
@settings(max_examples=60, deadline=None)
@given(st.integers(2, 999), st.integers(2, 999), st.sampled_from(["and", ",", ", and"]),
       st.sampled_from(["thousand", "million"]), st.sampled_from([".5", ".2", ""]))
def test_coordinated_and_scaled_numbers(first, second, join, scale, decimal):
    sentence = f"Strikes killed {first}{join if join == ',' else ' ' + join} {second} militants."
    values = [f.value for f in find_figures(sentence)]
    assert values == [first, second]
    scaled = f"Jets killed more than {first}{decimal} {scale} militants."
    (f,) = find_figures(scaled)
    factor = 1000 if scale == "thousand" else 1_000_000
    assert f.value == pytest.approx(float(f"{first}{decimal}") * factor) and f.qualifier == "over"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(sorted(NUMBER_WORDS)), st.sampled_from(["Strikes", "Shelling"]))
def test_number_words_count(word, verb):
    (f,) = find_figures(f"{verb} killed {word} civilians near Idlib.")
    assert f.value == NUMBER_WORDS[word] and f.metric == "civilians killed"


# A list item takes the verb and the source of its lead-in (monitor, NGO, briefing styles).
SOHR, MOD = "Syrian Observatory for Human Rights", "Russian Defence Ministry"
LIST_PAGES = [
    ("Shelling of the market killed 48 people, the Syrian Observatory for Human Rights said. "
     "Those killed included:\n\n31 children\n\n12 women\n\n4 aid workers",
     [("deaths", 48, SOHR), ("children killed", 31, SOHR), ("deaths", 12, SOHR),
      ("aid workers killed", 4, SOHR)]),
    ("According to the Russian Defence Ministry, the week's strikes destroyed:\n\n14 tanks\n\n"
     "6 armoured vehicles\n\n9 artillery pieces",
     [("vehicles destroyed", 14, MOD), ("vehicles destroyed", 6, MOD),
      ("artillery pieces destroyed", 9, MOD)]),
]


@pytest.mark.parametrize("text, expected", LIST_PAGES)
def test_list_items_inherit_the_lead_in(text, expected):
    assert [(f.metric, f.value, f.claimant) for f in find_figures(text)] == expected


def test_a_short_paragraph_after_prose_is_no_list_item():
    text = "The army said the town was calm.\n\n40 tanks remain there."
    assert [(f.metric, f.value) for f in find_figures(text)] == [("tanks", 40)]


def test_a_page_of_furniture_and_lists_keeps_every_list_number():
    from syriacli.extract.clean import clean
    raw = ("Title of the report\n\nShare\n\nHome | World | Middle East | Syria\n\n"
           "The network documented the deaths of 210 civilians in March. Among them:\n"
           "- 61 children\n• 35 women\n3. 7 medics\n\nRelated Topics\n- Syria war\n\n"
           "We use cookies to improve your experience.\n")
    values = [f.value for f in find_figures(clean(raw).text)]
    assert values == [210, 61, 35, 7]


_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    """English words for 0 < n < 1,000,000 ("two hundred and fifty-one thousand")."""
    if n >= 1000:
        rest = n % 1000
        return f"{_words(n // 1000)} thousand" + (f" {_words(rest)}" if rest else "")
    if n >= 100:
        rest = n % 100
        return f"{_UNITS[n // 100]} hundred" + (f" and {_words(rest)}" if rest else "")
    if n >= 20:
        return _TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else "")
    return _UNITS[n]


# Property: a number written in words, up to the hundreds of thousands, is read whole.
@settings(max_examples=80, deadline=None)
@given(st.integers(2, 999_999), st.sampled_from(["civilians", "militants", "soldiers"]))
def test_number_words_are_read_whole(n, noun):
    (f,) = find_figures(f"The strikes killed {_words(n)} {noun}, the monitor said.")
    assert f.value == n


# A part named after its number counts the noun after it, in the total's state: "9 of whom
# were children" are children killed, not 9 more deaths.
@pytest.mark.parametrize("text, value, metric", [
    ("At least 27 people were killed, 9 of whom were children, the monitor said.", 9,
     "children killed"),                                                   # monitor
    ("Some 400 people were evacuated, 120 of them children, the ICRC said.", 120,
     "children evacuated"),                                                # agency
    ("The raids wounded 60 civilians, 20 of them women, local medics said.", 20,
     "people wounded"),                                                    # Gulf
])
def test_a_part_named_after_its_number(text, value, metric):
    assert next(f for f in find_figures(text) if f.value == value).metric == metric


# Leaving a besieged place is an evacuation (east Aleppo, Ghouta, Homs' Old City).
@pytest.mark.parametrize("text, value, metric", [
    ("The ministry said 9,520 people had left the enclave over the past day.", 9520,
     "people evacuated"),                                                  # Russian state
    ("About 2,000 fighters and their families left eastern Aleppo on Thursday.", 2000,
     "militants evacuated"),                                               # wire
    ("The bombing left 12 people dead in the town.", 12, "deaths"),        # not "left"
])
def test_leaving_a_besieged_place_is_an_evacuation(text, value, metric):
    assert next(f for f in find_figures(text) if f.value == value).metric == metric


# How often an act happened: a count of times after its verb, the act's metric; a ratio
# ("three times as many") is no count.
@pytest.mark.parametrize("text, value, qualifier, metric", [
    ("Militants violated the ceasefire 45 times over the past day, the Russian Centre for "
     "Reconciliation said.", 45, "exact", "violations"),                      # Russian state
    ("Ankara says regime forces breached the Sochi memorandum more than 1,300 times.",
     1300, "over", "violations"),                                             # Turkish
    ("Russia has used its veto 13 times to shield Damascus at the Security Council.",
     13, "exact", "vetoes"),                                                  # European paper
    ("Russian jets have flown over US positions at least 25 times this month, the Pentagon "
     "said.", 25, "at least", "overflights"),                                 # briefing
    ("Drones attacked the Hmeimim air base 14 times in July, the ministry said.",
     14, "exact", "attacks"),                                                 # Gulf
    ("The crossing came under mortar fire 11 times during the five-hour pause.",
     11, "exact", "attacks"),                                                 # Russian state
    ("Ankara has summoned the Russian ambassador at least 3 times since January.",
     3, "at least", "summonses"),                                             # Turkish
])
def test_a_count_of_times_is_how_often_its_act_happened(text, value, qualifier, metric):
    hit = [f for f in find_figures(text) if f.value == value]
    assert [(f.qualifier, f.metric) for f in hit] == [(qualifier, metric)]


@pytest.mark.parametrize("text", [
    "The death toll is three times as high as a year ago.",
    "Prices rose five times more than wages in Damascus.",
])
def test_a_ratio_of_times_is_no_count(text):
    assert not [f for f in find_figures(text) if f.metric in ("violations", "attacks", "strikes")]


# A part of a set named before: what the number counts is the set's noun
@pytest.mark.parametrize("text, value, metric", [
    ("The Observatory said at least 31 of those killed were civilians.", 31, "deaths"),  # wire
    ("At least 23 of the dead were killed in Russian raids, the monitor said.", 23,
     "deaths"),                                                               # monitor
    ("The ministry said three of the drones were shot down by Pantsir systems.", 3,
     "drones downed"),                                                        # Russian state
])
def test_a_part_of_a_named_set_counts_the_sets_noun(text, value, metric):
    assert [(f.value, f.metric) for f in find_figures(text) if f.value == value] == \
        [(value, metric)]


def test_every_state_names_a_metric_of_the_taxonomy():
    """A subject's state gives a metric users query by name (metrics.json ``metrics``): one
    missing from the taxonomy breaks every `figures WORD` query."""
    from syriacli.extract.metrics import metric_words

    data = vocab.load("metrics.json")
    names = {m["name"] for m in data["metrics"]}
    stated = {metric for subject in data["subjects"].values()
              for metric in subject["states"].values()}
    assert stated <= names
    assert metric_words()


@pytest.mark.parametrize("text, value, metric", [
    ("About 4.1 million people in northwest Syria depend on humanitarian aid, OCHA said.",
     4_100_000, "people in need"),                                            # UN update
    ("Some 30,000 people have massed at the Bab al-Salam crossing, the governor said.",
     30_000, "people stranded"),                                              # Turkish
])
def test_people_in_need_or_stranded(text, value, metric):
    assert [(f.value, f.metric) for f in find_figures(text)] == [(value, metric)]


# A percentage of what no metric counts is still a claim: a share of the head of what follows
# "of" (an NGO report, a Gulf daily, a think-tank brief, a wire).
@pytest.mark.parametrize("sentence, value, metric", [
    ("Some 42 percent of these victims were killed in Idlib governorate.", 42,
     "share of deaths"),
    ("About 80 percent of the ancient city's monuments are in good condition.", 80,
     "share of monuments"),
    ("Government troops now control about 98% of Aleppo, the army said.", 98, "share of Aleppo"),
    ("The agency said more than 60 percent of them were women and children.", 60, "share"),
    ("Fewer than 20 percent of these hit terrain held by the group.", 20, "share"),
])
def test_a_share_of_what_no_metric_counts_is_an_open_share(sentence, value, metric):
    found = one(sentence, value)
    assert (found.unit, found.metric) == ("percent", metric)


@pytest.mark.parametrize("sentence", [
    "Turnout was 85%, officials said.",            # a share of nothing named: no claim
    "Strikes fell by about 70 percent.",
])
def test_a_percentage_of_nothing_named_stays_out(sentence):
    assert [f for f in find_figures(sentence) if f.unit == "percent"] == []
