"""Reported-speech frames (issue #27): who claims a figure when the sentence holding it does
not name its source.

Table tests: (article text, the figure's value, who a careful reader says claims it). An
article's paragraphs are separated by blank lines and its first line is the headline. A
claimant may come out as a person or as an organisation, so ``expected`` is a set of
lowercase key words and a figure passes when its ``claimant`` or its ``claimant_org``
contains one of them; ``None`` means nobody claims the figure (``claimant`` is None).
Where a fragment would also contain a loose key word ("Observatory", "ministry") the key
words are the full name's.

The classes, one table each (ids: class-case-publisher style):

1. frame     a frame spans the sentences of a paragraph ("The monitor added ...", "It also
             said ...", "He added ...", a sentence with no cue right after an attributed one)
2. list      a list after a lead-in with a colon, or bulleted under it: every item is the
             lead-in's source
3. whole     a briefing transcript or statement: every figure is its source's, unless another
             source is quoted inside
4. coref     definite descriptions and pronouns resolve to the mention named before (forward
             for a headline)
5. label     a speaker label in a transcript holds until the next label
6. narrative background in a new paragraph, or a paragraph with no source, is nobody's
7. fragment  places and fragments ("Reports", "source", "the statement") are never claimants
8. headline  headline and lede figures with no cue take the source the body names for the story

Every sentence is written for these tests, in the styles of Western wire copy, Russian state
media in English, monitors' reports, Russian MoD briefings, Gulf, Turkish, Iranian and South
Asian outlets; none comes from the seeds or a development set.
"""
from __future__ import annotations

import pytest

from syriacli.extract.article import RawArticle, extract_article
from syriacli.extract.figures import Figure, find_figures

Expected = frozenset[str] | None

SOHR = frozenset({"syrian observatory", "sohr"})
SNHR = frozenset({"syrian network", "snhr"})
RU_MOD = frozenset({"defence ministry", "defense ministry", "ministry of defence",
                    "ministry of defense", "shoigu", "konashenkov"})
CENTRE = frozenset({"centre for reconciliation", "center for reconciliation",
                    "reconciliation centre", "reconciliation center"})
TR_MOD = frozenset({"turkish defence ministry", "turkish defense ministry",
                    "turkish national defense ministry", "national defense ministry",
                    "national defence ministry", "turkish ministry of national defense"})
WHITE_HELMETS = frozenset({"white helmets", "civil defence", "civil defense"})


def figure(text: str, value: float) -> Figure:
    """The first figure of ``text`` with ``value`` (the headline's, where the body repeats it)."""
    found = [f for f in find_figures(text) if value in (f.value, f.low)]
    assert found, [(f.value, f.claimant) for f in find_figures(text)]
    return found[0]


def check(text: str, value: float, expected: Expected) -> None:
    f = figure(text, value)
    if expected is None:
        assert f.claimant is None, (f.claimant, f.claimant_org, f.claimant_rule)
        return
    names = [n.lower() for n in (f.claimant, f.claimant_org) if n]
    assert any(word in name for word in expected for name in names), \
        (f.claimant, f.claimant_org, f.claimant_rule, sorted(expected))


# --- 1. a frame spans the sentences of a paragraph -------------------------------------------
FRAMES = [
    pytest.param(
        "BEIRUT (Reuters) - Russian air strikes on the town of Kafr Nabudah killed 27 people on "
        "Tuesday, the Syrian Observatory for Human Rights said. The monitor added that 12 "
        "children were among the dead.",
        12, SOHR, id="frame-monitor-added-reuters"),
    pytest.param(
        "MOSCOW, March 3. /TASS/. The Russian Defence Ministry said on Tuesday that its aircraft "
        "had flown 46 sorties over the past day. It also said 118 terrorist facilities had been "
        "destroyed in the provinces of Hama and Idlib.",
        118, RU_MOD, id="frame-it-also-said-tass"),
    pytest.param(
        "The Syrian Network for Human Rights said in its monthly report that 173 civilians were "
        "killed across Syria in June. The group also documented 22 air strikes on markets and "
        "schools in the Idlib countryside.",
        22, SNHR, id="frame-group-also-documented-monitor"),
    pytest.param(
        "ANKARA - Turkish Defence Minister Hulusi Akar told reporters that 4 Turkish soldiers had "
        "been wounded in the shelling near Taftanaz. He added that 76 regime soldiers were killed "
        "in the retaliatory fire.",
        76, frozenset({"akar"}), id="frame-he-added-daily-sabah"),
    pytest.param(
        "DAMASCUS, Oct 4 (Reuters) - Rescue workers said the strikes on the vegetable market in "
        "Binnish killed 40 people. Another 25 people were wounded.",
        25, frozenset({"rescue workers"}), id="frame-no-cue-after-cue-reuters"),
    pytest.param(
        "The Syria Civil Defence, known as the White Helmets, said its teams had pulled 31 people "
        "alive from the rubble in Ariha overnight. The organisation also said the death toll had "
        "risen to 17.",
        17, WHITE_HELMETS, id="frame-organisation-also-said-al-arabiya"),
    pytest.param(
        "Syria's official news agency SANA reported that army units had taken 6 villages in the "
        "northern Hama countryside. The agency added that 83 terrorists were killed in the "
        "fighting.",
        83, frozenset({"sana"}), id="frame-agency-added-press-tv"),
    pytest.param(
        "Russian foreign ministry spokeswoman Maria Zakharova said on Thursday that 300 militants "
        "had crossed into Idlib from the north. She also said that 12 Russian military advisers "
        "had been sent to the area.",
        12, frozenset({"zakharova", "foreign ministry"}), id="frame-she-also-said-dawn"),
    pytest.param(
        "Airwars, a London-based monitoring group, said Russian strikes had killed 64 civilians "
        "in the Ghouta in one week. Nineteen children were among the dead, by the same count.",
        19, frozenset({"airwars"}), id="frame-same-count-the-hindu"),
]


@pytest.mark.parametrize("text, value, expected", FRAMES)
def test_a_frame_spans_the_sentences_of_a_paragraph(
        text: str, value: float, expected: Expected) -> None:
    check(text, value, expected)


# --- 2. a list after a lead-in with a colon ----------------------------------------------------
LISTS = [
    pytest.param(
        "The Russian Defence Ministry published the results of the week's strikes near Palmyra. "
        "According to the ministry:\n\n- 31 militants were killed\n- 12 vehicles were destroyed\n"
        "- 5 ammunition depots were hit",
        12, RU_MOD, id="list-dash-according-to-the-ministry-tass"),
    pytest.param(
        "SOHR documented the following casualties on Saturday:\n\n"
        "\u2022 14 civilians killed in Russian airstrikes on Maarrat al-Numan\n"
        "\u2022 6 children killed in Kafranbel\n"
        "\u2022 23 people wounded in Jisr al-Shughur",
        23, SOHR, id="list-bullet-monitor-report"),
    pytest.param(
        "HMEYMIM, Aug 21. /RIA Novosti/. The Russian Center for Reconciliation of the Opposing "
        "Sides reported the following results for the day:\n\n"
        "1. 3 settlements joined the ceasefire\n"
        "2. 41 militants laid down their arms\n"
        "3. 27 tons of humanitarian aid delivered to Aleppo",
        27, CENTRE, id="list-numbered-ria"),
    pytest.param(
        "ANKARA (AA) - Losses inflicted on the regime since Saturday, according to figures "
        "released by the Turkish National Defense Ministry:\n\n"
        "\u2014 2,140 regime troops neutralized\n"
        "\u2014 94 tanks destroyed\n"
        "\u2014 8 drones downed",
        94, TR_MOD, id="list-em-dash-anadolu"),
    pytest.param(
        "The Violations Documentation Center said in its weekly update:\n"
        "- 19 civilians killed in Douma\n"
        "- 7 civilians killed in Harasta",
        7, frozenset({"violations documentation"}), id="list-dash-no-blank-line-monitor"),
    pytest.param(
        "Syria's army general command said in a statement on Sunday that the operation in "
        "eastern Ghouta had achieved the following:\n\n"
        "* 16 towns and villages liberated\n"
        "* 1,200 terrorists killed",
        1200, frozenset({"general command", "syrian army", "syria's army"}),
        id="list-asterisk-press-tv"),
    pytest.param(
        "The Syrian Network for Human Rights recorded in its report for May:\n\n"
        "1. 58 civilians killed by Russian forces\n"
        "2. 11 air strikes on vital civilian facilities",
        11, SNHR, id="list-numbered-monitor-report"),
    # a party's name keying a count is no speaker's label ("Syrian Democratic Forces: 9
    # civilians"): the list is the lead-in's source's (a monitor's monthly report)
    pytest.param(
        "The Syrian Network for Human Rights said the toll broke down by party as follows:\n\n"
        "\u2022 Syrian Democratic Forces: 9 civilians\n"
        "\u2022 Hay'at Tahrir al-Sham: 3 civilians",
        3, SNHR, id="list-party-keys-counts-monitor-report"),
    pytest.param(   # as a page's bullets read once cleaned: a line each, no bullet
        "February's toll, by the party that killed them:\n\n"
        "Syrian Democratic Forces: 9 civilians\n\n"
        "Hay'at Tahrir al-Sham: 3 civilians",
        3, None, id="list-party-keys-counts-no-lead-in-source"),
    pytest.param(
        "Russia's envoy told the Security Council on Monday that the militants in Idlib had:\n\n"
        "- carried out 35 drone attacks on Hmeimim\n"
        "- fired 140 rockets at residential areas of Aleppo",
        140, frozenset({"envoy"}), id="list-dash-gulf-news"),
]


@pytest.mark.parametrize("text, value, expected", LISTS)
def test_a_list_item_is_the_lead_ins(text: str, value: float, expected: Expected) -> None:
    check(text, value, expected)


@pytest.mark.parametrize("text, value, expected", LISTS + [
    pytest.param(   # items that go on from the lead-in, in lowercase, each ended by ";"
        "MOSCOW, October 20. /TASS/. Russian aircraft hit 120 targets in Syria over the week, "
        "Defence Ministry spokesman Igor Konashenkov said on Tuesday.\n\n"
        "\"Over the past day, our aircraft performed 40 sorties,\" Konashenkov said.\n\n"
        "According to the ministry:\n"
        "- near the village of Kafr Zita, a command post was destroyed;\n"
        "- in Hama province, a strike eliminated a camp where up to 80 militants were trained;\n"
        "- in the area of Aleppo, 12 armoured vehicles were put out of action.",
        12, RU_MOD, id="list-lowercase-items-tass"),
    pytest.param(
        "The Syrian Observatory for Human Rights' weekly count, published on Sunday, says:\n\n"
        "1) 17 civilians killed in Russian air raids on Jisr al-Shughur;\n"
        "2) 5 of them were children;\n"
        "3) 44 people injured across the province.",
        44, SOHR, id="list-numbered-parenthesis-monitor"),
])
def test_a_list_item_is_the_lead_ins_once_cleaned(text: str, value: float,
                                                  expected: Expected) -> None:
    """As a page gives the list: cleaning takes the markers off, the items stay a list."""
    raw = RawArticle("t", "t.txt", f"Strikes go on in Syria\n\n{text}", {}, "", 0, 0.0, "")
    found = [f for f in extract_article(raw).figures if value in (f.value, f.low)]
    assert found
    names = [n.lower() for n in (found[0].claimant, found[0].claimant_org) if n]
    if expected is None:
        assert found[0].claimant is None, names
    else:
        assert any(word in name for word in expected for name in names), names


# --- 3. a whole article that is one source's -------------------------------------------------
WHOLE = [
    pytest.param(
        "Press briefing by the Russian Defence Ministry spokesman Igor Konashenkov\n\n"
        "Over the past day aircraft of the Russian Aerospace Forces performed 37 combat sorties "
        "in Syria.\n\n"
        "In the province of Hama, 19 terrorist facilities were destroyed near the settlement of "
        "Kafr Zita.",
        19, RU_MOD, id="whole-briefing-mod"),
    pytest.param(
        "Statement of the Russian Centre for Reconciliation of the Opposing Sides in Syria\n\n"
        "Over the past 24 hours, ceasefire violations were registered in the province of "
        "Latakia.\n\n"
        "Russian servicemen delivered 3.4 tonnes of humanitarian aid to residents of Kafr "
        "Saghir.",
        3.4, CENTRE, id="whole-statement-centre"),
    pytest.param(
        "Syrian Observatory for Human Rights: daily report, 14 November\n\n"
        "Russian warplanes carried out 29 airstrikes on the southern countryside of Idlib "
        "today.\n\n"
        "Regime helicopters dropped 8 barrel bombs on Kafr Sajna.",
        29, SOHR, id="whole-daily-report-monitor"),
    pytest.param(
        "Statement by the Ministry of Foreign Affairs of the Russian Federation\n\n"
        "More than 1,000 militants of Hayat Tahrir al-Sham are concentrated near the "
        "de-escalation zone.\n\n"
        "We call on our partners to fulfil their obligations.",
        1000, frozenset({"foreign ministry", "foreign affairs"}), id="whole-statement-mfa"),
    pytest.param(
        "MOSCOW, Feb 8 (Sputnik) - The Russian Defence Ministry issued a statement on the "
        "incident on Thursday. The ministry's statement reads:\n\n"
        "As a result of the strike, 24 militants and 6 pickup trucks with heavy machine guns "
        "were destroyed.",
        6, RU_MOD, id="whole-statement-reads-sputnik"),
    pytest.param(
        "Press briefing by the Russian Defence Ministry spokesman Igor Konashenkov\n\n"
        "Militants of Jabhat al-Nusra shelled the Aleppo district of Hamdaniyah 12 times.\n\n"
        "According to the White Helmets, 57 people were killed in the area, a figure not "
        "supported by any evidence.",
        57, WHITE_HELMETS, id="whole-briefing-quotes-another-source-mod"),
    pytest.param(
        "Full text: statement of the Syrian Army General Command\n\n"
        "Units of our armed forces have restored security to 11 villages in the northern "
        "countryside of Hama.",
        11, frozenset({"general command", "syrian army"}), id="whole-statement-press-tv"),
    pytest.param(
        "Turkish Defense Ministry statement on Operation Spring Shield\n\n"
        "A total of 1,930 regime elements have been neutralized and 96 tanks destroyed since "
        "Feb. 27.\n\n"
        "Our operations continue in line with the right of self-defense.",
        96, TR_MOD, id="whole-statement-anadolu"),
]


@pytest.mark.parametrize("text, value, expected", WHOLE)
def test_a_whole_article_is_one_sources(text: str, value: float, expected: Expected) -> None:
    check(text, value, expected)


# --- 4. definite descriptions and pronouns ---------------------------------------------------
COREF = [
    pytest.param(
        "MOSCOW (Reuters) - Russia's defence ministry said on Monday its jets had hit 62 targets "
        "near Deir ez-Zor. The ministry said 240 militants were killed.",
        240, frozenset({"defence ministry"}), id="coref-the-ministry-lowercase-reuters"),
    pytest.param(
        "MOSCOW (AP) \u2014 The Russian Defense Ministry on Wednesday confirmed strikes on rebel "
        "positions in Latakia province. In a statement, the ministry said 14 armored vehicles "
        "were destroyed.",
        14, frozenset({"defense ministry", "defence ministry"}), id="coref-the-ministry-ap"),
    pytest.param(
        "BEIRUT (AFP) - Russian-led strikes pounded rebel-held areas of Idlib on Friday, "
        "according to the Syrian Observatory for Human Rights. Eleven civilians were killed in "
        "the village of Maaret Harma, the monitor said.",
        11, SOHR, id="coref-the-monitor-afp"),
    pytest.param(
        "The UK-based Syrian Observatory for Human Rights reported heavy clashes in the Latakia "
        "mountains. The Observatory said 38 pro-government fighters had died since Tuesday.",
        38, SOHR, id="coref-the-observatory-gulf-news"),
    # a source described as a sentence's subject, taken up by "they" or "the official"
    # (wire copy)
    pytest.param(
        "U.S. officials, speaking on condition of anonymity, disputed Moscow's account. More "
        "than 90 percent of the strikes have hit rebel-held areas, they said.",
        90, frozenset({"u.s. officials"}), id="coref-they-after-described-subject-reuters"),
    pytest.param(   # and where they are (AP)
        "Opposition activists in Douma, the largest town still held by the rebels, described "
        "desperate conditions. They said at least 80 people were killed on Monday.",
        80, frozenset({"opposition activists"}), id="coref-they-after-placed-description-ap"),
    pytest.param(
        "U.S. officials, speaking on condition of anonymity, disputed the figures. Of roughly "
        "60 sites reviewed by analysts, only a handful were in Islamic State territory, the "
        "official added.",
        60, frozenset({"u.s. official"}), id="coref-the-official-after-described-subject-ap"),
    # an organisation speaking by a role it names ("the centre's chief": TASS)
    pytest.param(
        "The Russian Centre for Reconciliation said militants opened fire 26 times. In total, "
        "62 drones have been shot down near the base this year, the centre's chief said.",
        62, CENTRE, id="coref-possessed-role-tass"),
    # a short form of a source by the last word of its name ("the headquarters": Sputnik)
    pytest.param(
        "More than 1,200 refugees returned in a day, the Russian Defence Ministry's "
        "Interdepartmental Coordination Headquarters said. Since 2015, a total of 1,238,317 "
        "Syrians have returned home, according to the headquarters.",
        1238317, frozenset({"headquarters"}), id="coref-the-headquarters-sputnik"),
    # a name inside a relative clause is not the subject ("..., which relies on sources
    # inside Syria, said")
    pytest.param(
        "BEIRUT (AFP) - The Syrian Observatory for Human Rights gave a new toll on Sunday. The "
        "Britain-based monitor, which relies on a network of sources inside Syria, said 2,810 "
        "jihadists had been killed.",
        2810, SOHR, id="coref-relative-clause-holds-a-place-afp"),
    pytest.param(
        "The Syrian Democratic Forces, who control most of the land east of the Euphrates, "
        "said 120 fighters had surrendered near Raqqa.",
        120, frozenset({"syrian democratic forces", "sdf"}),
        id="relative-clause-after-a-name-rudaw"),
    pytest.param(
        "The Syrian Network for Human Rights (SNHR) released its annual report on Sunday. The "
        "network said Russian forces had killed 461 civilians during the year.",
        461, SNHR, id="coref-the-network-monitor"),
    pytest.param(
        "Human Rights Watch on Wednesday accused Russian and Syrian forces of targeting schools "
        "in Idlib. The group said it had documented 46 strikes on civilian infrastructure.",
        46, frozenset({"human rights watch"}), id="coref-the-group-dawn"),
    pytest.param(
        "HMEYMIM, June 9. /TASS/. The Russian Centre for Reconciliation of the Opposing Sides in "
        "Syria has recorded new ceasefire violations. According to the centre, militant shelling "
        "of Aleppo wounded 9 civilians over the past day.",
        9, CENTRE, id="coref-the-centre-tass"),
    pytest.param(
        "The Russian Center for reconciliation of the opposing sides said humanitarian corridors "
        "near Eastern Ghouta would stay open. The center said 2,300 civilians were evacuated on "
        "Monday.",
        2300, CENTRE, id="coref-the-center-lowercase-sputnik"),
    pytest.param(
        "The Russian Defence Ministry has denied reports of civilian casualties in Jisr "
        "al-Shughur. Its spokesman said the jets had flown 31 sorties, all against militant "
        "targets.",
        31, RU_MOD, id="coref-its-spokesman-al-arabiya"),
    pytest.param(
        "Russian presidential envoy Alexander Lavrentiev arrived in Damascus on Tuesday for "
        "talks on Idlib. He told reporters that 400 Russian military police would patrol the "
        "buffer zone.",
        400, frozenset({"lavrentiev"}), id="coref-he-after-a-name-the-hindu"),
    pytest.param(
        "Syria Civil Defence (White Helmets) statement, 3 February\n\n"
        "We responded to 47 air strikes on residential neighbourhoods in Idlib over the past 48 "
        "hours.",
        47, WHITE_HELMETS, id="coref-we-own-statement-ngo"),
    pytest.param(
        "Russian raids kill 17 fighters in Latakia hills, monitor says\n\n"
        "BEIRUT (Reuters) - Russian air raids hit positions of an Islamist faction in the "
        "Latakia hills on Thursday, the Syrian Observatory for Human Rights said.",
        17, SOHR, id="coref-headline-monitor-says-forward-reuters"),
    # a source described again by its noun, with "the same", "these", "those" or "the"
    pytest.param(
        "Two Iraqi security sources told Reuters that 30 fighters crossed from Syria overnight. "
        "The same sources said 9 of them were killed near al-Qaim.",
        9, frozenset({"iraqi security sources"}), id="coref-the-same-sources-reuters"),
    pytest.param(
        "US defense officials said on Thursday that 400 troops would remain in eastern Syria. "
        "These officials added that 50 aircraft stayed at bases in the region.",
        50, frozenset({"us defense officials"}), id="coref-these-officials-wire"),
    pytest.param(
        "Local activists in Maarat al-Numan reported intense bombardment overnight. According to "
        "the activists, 12 children were killed in the market.",
        12, frozenset({"local activists"}), id="coref-the-activists-gulf"),
    pytest.param(
        "Diplomats in Geneva said 300 detainees would be released under the deal. Those "
        "diplomats said 20 civilians had been killed in the week before the talks.",
        20, frozenset({"diplomats in geneva"}), id="coref-those-diplomats-trt"),
    pytest.param(
        "Residents of Afrin told Anadolu Agency that 30 homes were destroyed. The residents "
        "added that four people died under the rubble.",
        4, frozenset({"residents of afrin"}), id="coref-the-residents-anadolu"),
    # "the official" is the official described before, not a name the sentence before holds
    pytest.param(
        "Moscow has moved part of its force from Syria to Ukraine, an Israeli defence official "
        "said on Sunday.\n\nSpeaking on condition of anonymity, the official said at least four "
        "fighter jets had left the Hmeimim base.",
        4, frozenset({"israeli defence official"}), id="coref-the-official-israeli-daily"),
    pytest.param(
        "A senior Turkish security official said troops had entered Idlib province near Saraqib. "
        "The official added that 12 observation posts were being reinforced.",
        12, frozenset({"turkish security official"}), id="coref-the-official-turkish-wire"),
    # a description between commas after the name, with a dotted abbreviation in it
    pytest.param(
        "The Syrian Observatory for Human Rights, a U.K.-based monitor, put the number of "
        "soldiers killed in the drone strikes at 170.",
        170, SOHR, id="coref-appositive-uk-based-ap"),
    pytest.param(
        "Airwars, a U.K.-registered monitoring group, said 38 civilians were likely killed in "
        "the raids on Maarat al-Numan.",
        38, frozenset({"airwars"}), id="coref-appositive-registered-monitor"),
]


# "the general", "the minister": the person named before in that role, not the last person
COREF += [
    pytest.param(
        "Defence Ministry spokesman Major General Igor Konashenkov briefed reporters on Sunday. "
        "Foreign Minister Sergei Lavrov, meanwhile, met his Saudi counterpart in Moscow. "
        "The general noted that more than 300 fighters had deserted their positions.",
        300, frozenset({"konashenkov"}), id="coref-the-general-role-tass"),
    pytest.param(
        "ANKARA - Defence Minister Hulusi Akar visited troops on the border on Friday, a day "
        "after President Recep Tayyip Erdogan spoke to Vladimir Putin by phone. The minister "
        "said 2,212 regime elements had been neutralised.",
        2212, frozenset({"akar"}), id="coref-the-minister-role-turkish"),
    pytest.param(
        "GENEVA (AFP) - UN special envoy Staffan de Mistura met opposition delegates on Monday, "
        "hours after Russian Foreign Minister Sergei Lavrov arrived. The envoy said about "
        "275,000 people remained trapped in eastern Aleppo.",
        275000, frozenset({"de mistura"}), id="coref-the-envoy-role-wire"),
    pytest.param(
        "Pentagon spokesman Jeff Davis spoke after Defense Secretary Ash Carter left for "
        "Brussels. The spokesman said 14 Russian aircraft had arrived at the base.",
        14, frozenset({"davis"}), id="coref-the-spokesman-role-briefing"),
    # "he" after an unknown name of two capitalised words: no surname said alone
    pytest.param(
        "Rear Admiral Oleg Zhuravlev spoke to reporters at Hmeimim on Monday. Russian jets "
        "struck militant positions near Kafr Zita overnight. He said 40 militants were killed.",
        40, frozenset({"zhuravlev"}), id="coref-he-not-a-place-of-two-words-ria"),
    pytest.param(
        "Brigadier General Ahmad Khaled briefed the press in Damascus on Tuesday. Fighting "
        "went on around Tell Rifaat, north of Aleppo. He said 25 soldiers had been wounded.",
        25, frozenset({"khaled"}), id="coref-he-not-a-place-of-two-words-sana"),
    # nor a name after a preposition: a place ("in Tafas", "near Jassim")
    pytest.param(
        "Rear Admiral Oleg Zhuravlev spoke to reporters at Hmeimim on Monday. Aid reached "
        "families sheltering in Tafas overnight. He said 40 tonnes of food were delivered.",
        40, frozenset({"zhuravlev"}), id="coref-he-not-a-place-after-in-ria"),
    # the Centre "for Reconciliation of the Opposing Sides" is no person "Opposing Sides"
    pytest.param(
        "MOSCOW (Sputnik) - The Russian Reconciliation Centre for the Opposing Sides said on "
        "Friday that militants had shelled the city 16 times.",
        16, CENTRE, id="name-after-the-is-no-person-sputnik"),
]


@pytest.mark.parametrize("text, value, expected", COREF)
def test_a_description_or_pronoun_resolves(text: str, value: float, expected: Expected) -> None:
    check(text, value, expected)


# --- 5. a speaker label in a transcript ------------------------------------------------------
TRANSCRIPT = (
    "Joint briefing of the Russian Defence Ministry on the situation in Syria\n\n"
    "Sergei Rudskoy: Over the past month government troops, with the support of our aviation, "
    "eliminated more than 320 militants.\n\n"
    "Question: What about the settlements in the south?\n\n"
    "Yuri Borenkov: Another 48 settlements have joined the reconciliation process this month."
)

LABELS = [
    # the speaker answers a source they cite: what they say in the first person is theirs
    # (a ministry briefing's transcript)
    pytest.param(
        "Briefing of the official representative of the Russian Defence Ministry\n\n"
        "Igor Konashenkov: Western media, citing the so-called Syrian Observatory for Human "
        "Rights, claimed that our aircraft struck a hospital, killing 13 people. I want to "
        "stress: the nearest objects engaged by our aviation lie more than 5 kilometres away.",
        5, frozenset({"konashenkov"}), id="label-first-person-answers-a-cited-source-mod"),
    # a verbatim record: a surname after a title, asides before the colon
    pytest.param(
        "Security Council, meeting on the humanitarian situation in Syria\n\n"
        "The President: I give the floor to Ms. Amina Okafor, the relief coordinator.\n\n"
        "Ms. Okafor: Thank you. In June alone, 640 trucks of aid crossed at Bab al-Salam.",
        640, frozenset({"amina okafor"}), id="label-title-surname-un-record"),
    pytest.param(
        "Security Council, meeting on Syria\n\n"
        "Mr. Volkov (Russian Federation) (spoke in Russian): Our military police escorted 14 "
        "convoys to Daraa last month.\n\n"
        "Mr. Hale (United States of America): We counted 9 strikes on clinics.",
        14, frozenset({"volkov"}), id="label-with-asides-un-record"),
    pytest.param(
        "Transcript of the briefing\n\n"
        "Igor Konashenkov: Over the past week our aircraft struck 40 targets in the provinces of "
        "Hama and Idlib.\n\n"
        "Question: How many sorties were flown?\n\n"
        "Igor Konashenkov: A total of 112 sorties.",
        112, frozenset({"konashenkov"}), id="label-konashenkov-answer-mod"),
    pytest.param(TRANSCRIPT, 320, frozenset({"rudskoy"}), id="label-first-speaker-mod"),
    pytest.param(TRANSCRIPT, 48, frozenset({"borenkov"}), id="label-second-speaker-mod"),
    pytest.param(
        "Interview with the governor of Aleppo\n\n"
        "Press TV: How many people have come back to the eastern districts?\n\n"
        "Hussein Diab: More than 220,000 people have returned to their homes in eastern Aleppo.",
        220000, frozenset({"diab"}), id="label-interview-press-tv"),
    pytest.param(
        "LAVROV: Some 10,000 militants remain in the Idlib zone, and they keep attacking the "
        "Hmeimim base.\n\n"
        "CAVUSOGLU: Turkey has set up 12 observation posts to stop these attacks.",
        10000, frozenset({"lavrov"}), id="label-uppercase-press-conference-tass"),
    pytest.param(
        "Igor Konashenkov: In the province of Deir ez-Zor, our aircraft flew 28 sorties.\n\n"
        "In addition, 19 tanks and armoured vehicles of the militants were destroyed near "
        "Mayadin.\n\n"
        "Question: Were there any losses?",
        19, frozenset({"konashenkov"}), id="label-runs-on-to-next-paragraph-mod"),
    pytest.param(
        "Anadolu Agency: What is the situation of the displaced in Idlib?\n\n"
        "Raed al-Saleh: Our teams have documented 96 air strikes on hospitals and schools since "
        "April.",
        96, frozenset({"saleh", "white helmets"}), id="label-interview-anadolu"),
]


@pytest.mark.parametrize("text, value, expected", LABELS)
def test_a_speaker_label_holds_until_the_next(text: str, value: float, expected: Expected) -> None:
    check(text, value, expected)


# --- 6. narrative figures do not inherit -----------------------------------------------------
NARRATIVE = [
    pytest.param(
        "BEIRUT (Reuters) - Russian strikes killed 18 people in Kafr Takharim, the Syrian "
        "Observatory for Human Rights said.\n\n"
        "Idlib is home to about 3 million people, half of them displaced from other parts of "
        "the country.",
        3_000_000, None, id="narrative-background-after-monitor-reuters"),
    pytest.param(
        "MOSCOW, Sept 30. /TASS/. Russian aircraft have flown 44 sorties over the past week, "
        "the Russian Defence Ministry said.\n\n"
        "Russia has kept about 4,000 troops in Syria since the operation began in September "
        "2015.",
        4000, None, id="narrative-background-after-ministry-tass"),
    pytest.param(
        "Russian warplanes carried out 14 raids on Jisr al-Shughur on Sunday.",
        14, None, id="narrative-no-source-wire"),
    pytest.param(
        "The ministry said 70 militants were killed in the strikes.\n\n"
        "The Hmeimim air base, near Latakia, hosts about 30 Russian jets.",
        30, None, id="narrative-background-after-ministry-sputnik"),
    pytest.param(
        "\"We lost 9 fighters in the ambush,\" a rebel commander told Al Arabiya.\n\n"
        "Government forces captured 5 villages near Saraqeb last month.",
        5, None, id="narrative-after-a-quote-al-arabiya"),
    pytest.param(
        "ANKARA (AA) - Regime attacks displaced 2,800 families from Ariha this week, local "
        "officials said.\n\n"
        "Turkey hosts some 3.6 million Syrian refugees, more than any other country.",
        3_600_000, None, id="narrative-background-anadolu"),
    pytest.param(
        "KARACHI: Foreign Office spokesperson said Pakistan was concerned at the fighting in "
        "Idlib.\n\n"
        "The area has been hit by more than 300 air strikes since April.",
        300, None, id="narrative-no-source-dawn"),
    pytest.param(
        "TEHRAN (IRNA) - Iran's foreign minister said the Astana format had brought calm to "
        "Syria, after Russian aircraft flew 60 sorties in support of the army.\n\n"
        "Syrian troops retook 21 villages in the south of Idlib in January.",
        21, None, id="narrative-new-paragraph-irna"),
]


@pytest.mark.parametrize("text, value, expected", NARRATIVE)
def test_a_narrative_figure_is_nobodys(text: str, value: float, expected: Expected) -> None:
    check(text, value, expected)


# --- a dateline in title case names where a report was filed, never who speaks --------------
DATELINES = [
    pytest.param(
        "Monitor: 187 civilians killed in six months\n\n"
        "The Hague \u2013 The Syrian Network for Human Rights (SNHR) released its half-year "
        "report on Monday.\n\n"
        "The report notes that Russian forces carried out at least 41 attacks on schools and "
        "clinics.",
        41, SNHR, id="dateline-the-hague-monitor-release"),
    pytest.param(
        "Beirut \u2013 The Syrian Observatory for Human Rights published its monthly toll on "
        "Sunday. The report said 312 civilians were killed in March.",
        312, SOHR, id="dateline-beirut-gulf"),
    pytest.param(
        "Damascus, Syria \u2014 The Russian Defence Ministry issued a statement on Friday. The "
        "statement said 64 militant positions were destroyed.",
        64, RU_MOD, id="dateline-damascus-syria-wire"),
]


@pytest.mark.parametrize("text, value, expected", DATELINES)
def test_a_title_case_dateline_is_no_source(text: str, value: float, expected: Expected) -> None:
    check(text, value, expected)


# --- 7. places and fragments are never claimants ---------------------------------------------
TOLLS = (
    "SOHR documented the death of 41 civilians on Monday, distributed as follows:\n\n"
    "Idlib: 23 civilians killed, including 5 children\n\n"
    "Hama: 11 civilians killed\n\n"
    "Deir ez-Zor: 7 civilians killed"
)

FRAGMENTS = [
    pytest.param(TOLLS, 11, SOHR, id="fragment-province-heads-a-toll-monitor-report"),
    pytest.param(TOLLS, 7, SOHR, id="fragment-two-word-province-monitor-report"),
    pytest.param(
        "Deaths by province in February\n\n"
        "Idlib: 37 civilians killed\n\n"
        "Aleppo: 12 civilians killed",
        12, None, id="fragment-province-list-no-source-gulf-news"),
    pytest.param(
        "Reports said 30 people were killed in the strike on the market in Saraqeb.",
        30, None, id="fragment-reports-dawn"),
    pytest.param(
        "According to the source, 45 tanks were destroyed in the battle for Khan Sheikhoun.",
        45, None, id="fragment-source-alone-press-tv"),
    pytest.param(
        "DAMASCUS, Jan 12 (Xinhua) - A Syrian military source told Xinhua that the army had "
        "advanced towards Maarat al-Numan. According to the source, 45 tanks of the militants "
        "were destroyed.",
        45, frozenset({"military source"}), id="fragment-source-named-before-xinhua"),
    pytest.param(
        "The statement said 19 Syrian soldiers were killed near the border.",
        19, None, id="fragment-the-statement-alone-daily-sabah"),
    pytest.param(
        "Syria's Foreign Ministry sent a letter to the UN Security Council on Tuesday. The "
        "letter said Turkish forces had killed 14 civilians in Ras al-Ain.",
        14, frozenset({"syria's foreign ministry", "syrian foreign ministry"}),
        id="fragment-the-letter-resolves-tasnim"),
    pytest.param(
        "Idlib recorded 37 civilian deaths in February, the Syrian Network for Human Rights "
        "said.",
        37, SNHR, id="fragment-place-as-subject-monitor"),
    pytest.param(
        "The attack killed 15 people, said the head of the local council, Ahmad Jumaa.",
        15, frozenset({"jumaa", "local council"}), id="fragment-people-is-no-source-afp"),
    # an acronym is no pronoun: WHO is the organisation (a UN situation report's bullets)
    pytest.param(
        "Aleppo situation report\n\n"
        "\u2022 Health: WHO reports at least 8 attacks on health facilities this week.\n"
        "\u2022 Shelter: partners opened three collective shelters.",
        8, frozenset({"who", "world health organization"}), id="fragment-acronym-ocha"),
    # "it" and "the bulletin" go back to an organisation, not to a sentence's first word
    pytest.param(
        "MOSCOW, March 3 (Sputnik) - Since the start of the year, sappers have cleared roads "
        "around Palmyra. It added that 14 armoured vehicles were destroyed near Deir ez-Zor.",
        14, None, id="fragment-since-opens-a-sentence-sputnik"),
    pytest.param(
        "Two columns of trucks reached Douma on Monday. The bulletin added that 2.4 tonnes of "
        "aid had been handed out.",
        2.4, None, id="fragment-two-opens-a-sentence-tass"),
]


@pytest.mark.parametrize("text, value, expected", FRAGMENTS)
def test_a_place_or_fragment_is_no_claimant(text: str, value: float, expected: Expected) -> None:
    check(text, value, expected)


# --- 8. headline and lede figures take the body's source --------------------------------------
HEADLINES = [
    pytest.param(
        "Russian strikes kill 11 civilians in Idlib\n\n"
        "BEIRUT (Reuters) - Russian warplanes struck a market and a bakery in the town of "
        "Sarmin on Sunday, the Syrian Observatory for Human Rights said. Rescuers were still "
        "searching the rubble.",
        11, SOHR, id="headline-monitor-reuters"),
    pytest.param(
        "Russian Aerospace Forces destroy 28 militant facilities in Hama\n\n"
        "MOSCOW, April 2. /TASS/. Russian warplanes have struck positions of Hayat Tahrir "
        "al-Sham in the north of Hama province, the Russian Defence Ministry said on Tuesday.",
        28, RU_MOD, id="headline-ministry-tass"),
    pytest.param(
        "Air raids on Idlib town\n\n"
        "BEIRUT (AP) \u2014 Russian air raids killed 22 civilians in the Idlib town of Maarat "
        "Misrin on Tuesday.\n\n"
        "The dead included 7 children, the Syrian Civil Defense, known as the White Helmets, "
        "said.",
        22, WHITE_HELMETS, id="headline-lede-takes-next-paragraph-ap"),
    pytest.param(
        "Russian airstrikes kill 9 civilians in Idlib's Ariha\n\n"
        "IDLIB, Syria (AA) - Russian warplanes targeted a residential area in the city of Ariha "
        "on Thursday, according to local civil defense officials.",
        9, frozenset({"civil defense"}), id="headline-anadolu"),
    pytest.param(
        "Syrian army liberates 14 villages in southern Idlib\n\n"
        "The Syrian army has recaptured a string of villages from Takfiri terrorists in Idlib's "
        "southern countryside, a Syrian military source told SANA.",
        14, frozenset({"military source"}), id="headline-press-tv"),
    pytest.param(
        "Strikes on Idlib hospital kill 6 medics\n\n"
        "DUBAI: Air strikes hit the main hospital in Kafranbel overnight, the Syrian American "
        "Medical Society (SAMS) said on Wednesday.",
        6, frozenset({"syrian american medical", "sams"}), id="headline-gulf-news"),
    pytest.param(
        "Over 1,600 Russian servicemen return from Syria\n\n"
        "MOSCOW: The Russian Defence Ministry said on Friday that a group of servicemen had "
        "returned to Russia from the Hmeymim air base.",
        1600, RU_MOD, id="headline-the-hindu"),
    pytest.param(
        "Russian jets flew 52 sorties over Deir ez-Zor in a day\n\n"
        "TEHRAN (Tasnim) - Russian warplanes backed the Syrian army's push on the eastern bank "
        "of the Euphrates, the Russian Defence Ministry said.",
        52, RU_MOD, id="headline-tasnim"),
]


@pytest.mark.parametrize("text, value, expected", HEADLINES)
def test_a_headline_figure_takes_the_bodys_source(
        text: str, value: float, expected: Expected) -> None:
    check(text, value, expected)


# --- wire copy: a sentence a paragraph, the next going on with the last ---------------------
CONTINUED = [
    pytest.param("BEIRUT (Reuters) - Russian air strikes killed 40 people in Ariha on Sunday, "
                 "the Syrian Observatory for Human Rights said.\n\n"
                 "Another 25 people were wounded.", 25, SOHR, id="continued-another-reuters"),
    pytest.param("MOSCOW, May 4. /TASS/. Russian aircraft destroyed 12 command posts near Palmyra, "
                 "the Defence Ministry said.\n\n"
                 "In addition, 7 ammunition depots were hit.", 7, RU_MOD,
                 id="continued-in-addition-tass"),
    pytest.param("ISTANBUL (AA) - Regime shelling killed 14 civilians in Idlib, the White Helmets "
                 "said.\n\nAmong the dead were 5 children.", 5, WHITE_HELMETS,
                 id="continued-among-the-dead-anadolu"),
    # a paragraph that does not go on is no one's: the frame ends with its paragraph
    pytest.param("DAMASCUS (AFP) - Russian jets struck rebel positions near Hama, the Syrian "
                 "Observatory for Human Rights said.\n\n"
                 "Government forces have deployed 400 troops to the area.", 400, None,
                 id="not-continued-afp"),
]


# a lasting state told in the present is background, even inside an attributed paragraph
CONTINUED += [
    pytest.param("Three field hospitals were hit, the White Helmets said. Russia keeps two "
                 "military bases in Syria.", 2, None, id="lasting-state-keeps-afp"),
    pytest.param("The monitor said 30 fighters were killed near Deir ez-Zor, the Syrian "
                 "Observatory for Human Rights said. The Islamic State group still controls 40 "
                 "villages along the river.", 40, None, id="lasting-state-controls-monitor"),
    pytest.param("Jordan's army said it had stopped 14 smugglers at the border. The kingdom "
                 "hosts 650,000 registered refugees.", 650000, None,
                 id="lasting-state-hosts-gulf"),
]


@pytest.mark.parametrize("text, value, expected", CONTINUED)
def test_a_paragraph_that_goes_on_keeps_the_source(text: str, value: float,
                                                   expected: Expected) -> None:
    check(text, value, expected)
