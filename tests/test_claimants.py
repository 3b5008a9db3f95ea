"""The attribution sieve, rule by rule: (text, the figure's value) -> who claims it.

Every sentence here is written for these tests in the styles of wire copy, NGO reports and
Russian, Turkish and Gulf state media; none comes from the seeds or the development set.
"""
import pytest

from syriacli.extract.claimants import Attributions
from syriacli.extract.figures import find_figures
from syriacli.extract.sentences import split_sentences
from syriacli.extract.speakers import canonical_org, is_claimant, is_person, kind_of, speaker


def figure(text, value, **options):
    found = [f for f in find_figures(text, **options) if value in (f.value, f.low)]
    assert found, [(f.value, f.claimant) for f in find_figures(text, **options)]
    return found[-1]


def check(text, value, claimant, rule, **options):
    f = figure(text, value, **options)
    assert (f.claimant, f.claimant_rule) == (claimant, rule)
    return f


# --- rule 1: a cue in the sentence, wherever dates and adverbials stand --------------------
CUE = [
    ("On 14 March 2016 Defence Minister Sergei Shoigu said "
     "Russian aircraft had flown more than 9,000 sorties.",
     9000, "Sergei Shoigu"),
    ("On 2 October 2017 Major General Igor Konashenkov "
     "told reporters that 420 militants had been killed.",
     420, "Igor Konashenkov"),
    ("Late on Friday the Turkish Defence Ministry said 17 terrorists were killed in northern "
     "Syria.",
     17, "Turkish Defence Ministry"),
    ("According to Amnesty International, at least 112 civilians died in the strikes on the "
     "market.",
     112, "Amnesty International"),
    ("Rescue workers estimated that 60 people were still trapped under the rubble in Ariha.",
     60, "Rescue workers"),
    ("Monitors documented 38 air strikes on hospitals in Idlib province in the first quarter.",
     38, "Monitors"),
    ("In its latest report the Syrian Network for Human "
     "Rights (SNHR) asserted that 224 civilians had been killed.",
     224, "Syrian Network for Human Rights"),
    ("The White Helmets put the death toll from the overnight raids at 23.", 23, "White Helmets"),
    ("Xinhua quoted a Syrian military source as saying "
     "that 35 militants were killed near Deir ez-Zor.",
     35, "Syrian military source"),
    ("State news agency SANA, citing a police source, "
     "said 12 people were wounded by rebel shelling.",
     12, "police source"),
    ("Ankara (AA) - At least 19 civilians were killed in Russian air strikes on Idlib, said "
     "Mustafa Yildiz, a local civil defense official.", 19, "Mustafa Yildiz"),
    # a short form of an organisation the article names in full takes the full name
    ("Lt. Gen. Andrei Sterlin of the Russian General Staff briefed reporters. According to the "
     "General Staff, jets flew 64 sorties overnight.", 64, "Russian General Staff"),
    ("The Syrian Network for Human Rights issued its monthly report on Monday. The Network said "
     "131 civilians were killed in March.", 131, "Syrian Network for Human Rights"),
    # a long role before a name (TASS), and what a source publishes after its name
    ("Jets eliminated more than 300 militants near Saraqeb over the past week, Head of the "
     "Russian Center for Reconciliation of Opposing Sides in Syria Rear Admiral Yuri "
     "Borenkov said on Monday.", 300, "Yuri Borenkov"),
    ("According to SOHR statistics, the death toll has risen to 2,250 civilians since April.",
     2250, "SOHR"),
    ("According to UNHCR figures, 950,000 people have fled since December.", 950000, "UNHCR"),
    ("The strikes killed at least 87 civilians and injured 230, Human Rights Watch found.",
     87, "Human Rights Watch"),
    ("Investigators concluded that 41 people died in the chlorine attack, the OPCW said.",
     41, "Investigators"),
]


@pytest.mark.parametrize("text, value, claimant", CUE)
def test_a_cue_in_the_sentence(text, value, claimant):
    check(text, value, claimant, "cue")


def test_a_person_keeps_the_organisation_their_role_or_name_speaks_for():
    f = check("Colonel General Sergei Rudskoy of the General Staff "
              "said Russian jets had flown 710 sorties in a week.",
              710, "Sergei Rudskoy", "cue")
    assert f.claimant_org == "Russian General Staff"      # a known speaker
    f = check("Syria's Defence Minister Ali Abdullah Ayyoub said the army had retaken 48 villages.",
              48, "Ali Abdullah Ayyoub", "cue")
    # the role's organisation, with its nationality
    assert f.claimant_org == "Syrian Defence Ministry"
    f = check("Hamid Reza, head of the press office of the Iranian Red Crescent, said 40 aid "
              "trucks had reached Aleppo.",
              40, "Hamid Reza", "cue")
    assert f.claimant_org == "Iranian Red Crescent"        # the organisation the role names


# --- relays: a media outlet is never the claimant of another source's figure ----------------
RELAYS = [
    ("Two Russian servicemen were killed by shelling in Hama, "
     "Tass news agency reported, citing the General Staff.",
     2, "General Staff", "Tass news agency", "cue"),
    ("AFP reports: Air strikes on Aleppo have killed 44 civilians since Monday, the Syrian "
     "Observatory for Human Rights said.", 44, "Syrian Observatory for Human Rights", "AFP", "cue"),
    ("The Russian Centre for Reconciliation said the convoy had reached Homs. It carried 28 tonnes "
     "of food, RIA Novosti reported.", 28, "Russian Centre for Reconciliation", "RIA Novosti",
     "relay"),
]


@pytest.mark.parametrize("text, value, claimant, via, rule", RELAYS)
def test_a_media_outlet_relays(text, value, claimant, via, rule):
    f = check(text, value, claimant, rule)
    assert f.via == via


def test_an_outlet_alone_reports_its_own_count():
    check("Russia has lost at least 116 servicemen in Syria, Reuters has calculated.",
          116, "Reuters", "cue")
    check("BEIRUT (AFP) - Air strikes on Douma killed 21 civilians on Sunday.", 21, None, None)


# --- no speaker, no claimant -------------------------------------------------------------
NOBODY = [
    # a stance ("would respond") opens no frame for the facts after it
    "President Erdogan said Turkey would respond to any attack. Thirteen Turkish soldiers were "
    "killed in Idlib this month.",
    # a new paragraph of narrative closes the frame
    "The ministry said the talks would resume in Astana.\n\n"
    "The army has deployed 400 military police to Manbij.",
    "Kremlin spokesman Dmitry Peskov declined to comment. Russia keeps 32 aircraft at the base.",
]


@pytest.mark.parametrize("text", NOBODY)
def test_a_sentence_without_a_speaker_inherits_nothing(text):
    f = find_figures(text)[-1]
    assert (f.claimant, f.claimant_rule) == (None, None)


# --- rule 2: quote continuation ------------------------------------------------------------
QUOTES = [
    # a quotation of several sentences, its speaker named at the end
    ('"Our pilots flew 96 sorties in two days. They destroyed 14 fortified positions," said '
     'Lieutenant General Andrei Kartapolov.', 96, "Andrei Kartapolov"),
    # a quoted paragraph after "..., X added."
    ('The strikes would go on, deputy foreign minister Faisal Mekdad added.\n\n'
     '"The terrorists lost 1,300 fighters in the Ghouta operation alone."', 1300, "Faisal Mekdad"),
    # an open quote that runs on into the next paragraph
    ('Rami Abdel Rahman said: "The regime and its ally have killed 310 people this week.\n\n'
     '"Another 90 civilians were killed in Douma."', 90, "Rami Abdel Rahman"),
]


@pytest.mark.parametrize("text, value, claimant", QUOTES)
def test_a_quotation_keeps_its_speaker(text, value, claimant):
    check(text, value, claimant, "quote")


def test_a_quote_speaker_is_never_a_number_word():
    text = ('MOSCOW, May 4 (TASS) - Russian aviation has struck targets near Palmyra, Major '
            'General Vadim Kulit said.\n\n"Over the past day 40 sorties were flown. Sixty four '
            'terrorists and 12 vehicles were destroyed," he said.')
    check(text, 12, "Vadim Kulit", "reference")


# --- rule 3: pronouns and descriptions resolved to a compatible name ----------------------
REFERENCES = [
    ("Defence Minister Hulusi Akar visited the border on "
     "Sunday. He said 57 terrorists had been neutralised.",
     57, "Hulusi Akar"),
    ("Amnesty International published its findings on Tuesday. The human rights group documented "
     "18 air strikes on schools.", 18, "Amnesty International"),
    ("The Syrian Observatory for Human Rights gave no breakdown. The Britain-based war monitor "
     "said 77 fighters died.", 77, "Syrian Observatory for Human Rights"),
    ("Air strikes killed 31 people in Saraqeb, a monitoring group said. The Syrian Observatory for "
     "Human Rights blamed Russian jets.", 31, "Syrian Observatory for Human Rights"),
    ("Defence Minister Sergei Shoigu chaired the meeting. "
     "The ministry said 1,500 militants had surrendered.",
     1500, "Russian Defence Ministry"),
    ("The Turkish Defence Ministry issued a statement. The statement said 9 soldiers were wounded.",
     9, "Turkish Defence Ministry"),
    ("The Violations Documentation Centre updated its database. The toll includes 440 children.",
     440, "Violations Documentation Centre"),
]


REFERENCES += [
    # a headline's bare description names what the text names next
    ("Russian air strikes kill 23 civilians in Idlib, monitor says\n\nRussian air strikes "
     "hit a market on Sunday, the Syrian Observatory for Human Rights said.",
     23, "Syrian Observatory for Human Rights"),
    ("Air raids kill 40 civilians in Douma, rights group says\n\nAmnesty International "
     "condemned the raids on Monday.", 40, "Amnesty International"),
]


@pytest.mark.parametrize("text, value, claimant", REFERENCES)
def test_a_reference_names_who_it_refers_to(text, value, claimant):
    check(text, value, claimant, "reference")


def test_an_armed_group_is_no_monitor():
    text = ("The Syrian Observatory for Human Rights counted the dead. "
            "The rebel group said it lost 15 fighters.")
    assert figure(text, 15).claimant == "rebel group"


def test_a_reference_without_a_name_in_the_article_stays_as_written():
    check("The defence ministry said 27 drones had been shot down near the base.",
          27, "defence ministry", "cue")


# --- rule 4: an organisation's own report --------------------------------------------------
OWN = [
    ("We estimate that 412 civilians were killed by Russian strikes in February.", 412),
    ("The number of dead rose to 52, including 11 children, in Idlib countryside today.", 52),
    ("Airwars has tracked up to 2,300 civilian deaths from Russian strikes this year.", 2300),
]


@pytest.mark.parametrize("text, value", OWN)
def test_an_organisations_own_report_speaks_for_it(text, value):
    f = figure(text, value, publisher="Airwars")
    assert f.claimant == "Airwars"


def test_a_news_outlet_is_no_claimant_of_its_own_narrative():
    f = figure("Russian jets flew 60 sorties over Hama on Friday.", 60, publisher="Al Jazeera")
    assert (f.claimant, f.claimant_rule) == (None, None)
    f = figure("Russian jets flew 60 sorties over Hama on Friday.",
               60, publisher="Anadolu Agency (via Daily Sabah)")
    assert f.claimant is None


# --- rule 5: a headline figure takes the claimant of the same figure in the body -----------
def test_a_headline_figure_takes_the_body_claimant():
    text = ("Russian drones kill 14 civilians in Idlib\n\n"
            "Russian drones have killed 14 civilians in Idlib "
            "since January, Save the Children said on Monday.")
    f = find_figures(text)[0]
    assert (f.claimant, f.claimant_rule) == ("Save the Children", "headline")


def test_a_body_figure_takes_nothing_from_a_later_one():
    text = ("Syria talks resume in Geneva\n\nDelegations met for a third day.\n\nThe talks opened "
            "in March.\n\nSome 400 civilians were evacuated last week.\n\nThe UN said 400 "
            "civilians were evacuated.")
    assert figure(text, 400).claimant == "UN"
    assert find_figures(text)[0].claimant is None


# --- never a fragment ------------------------------------------------------------------------
FRAGMENTS = [
    ("The London-based Syrian Observatory for Human Rights (SOHR) reported 26 fighters dead.", 26,
     "Syrian Observatory for Human Rights"),
    ("This brings the total to 340 people killed since the truce, officials at the hospital said.",
     340, "officials at the hospital"),
    ("Turnout figures in voting abroad in the 2018 presidential "
     "election suggested 6,000 troops were deployed.",
     6000, "Turnout figures"),
]


@pytest.mark.parametrize("text, value, claimant", FRAGMENTS)
def test_a_claimant_is_a_name(text, value, claimant):
    assert figure(text, value).claimant == claimant


SPEAKERS = [
    ("MOSCOW The Russian Defence Ministry", "Russian Defence Ministry", "ministry",
     "Russian Defence Ministry"),
    ("Col. Gen. Sergei Rudskoy", "Sergei Rudskoy", "person", "Russian General Staff"),
    ("director of monitoring group Airwars", "Airwars", "ngo", "Airwars"),
    ("Interfax news agency", "Interfax news agency", "media", None),
    ("local civil defense officials", "local civil defense officials", None, None),
]


@pytest.mark.parametrize("np, name, kind, org", SPEAKERS)
def test_speaker(np, name, kind, org):
    who = speaker(np)
    assert (who.name, who.kind, who.org) == (name, kind, org)


def test_a_stray_bracket_is_no_part_of_a_name():
    assert speaker("SOHR)").name == "SOHR"


@pytest.mark.parametrize("np", ["This brings the total",
                                "the strikes hit buildings used by the army in 2016",
                                "Eighty three armored vehicles and"])
def test_not_a_speaker(np):
    assert speaker(np) is None or is_claimant(np) is False


def test_kinds():
    names = ("Anadolu Agency", "Human Rights Watch", "UN refugee agency", "US-led coalition",
             "press service of the Russian Defence Ministry")
    assert [kind_of(n) for n in names] == ["media", "ngo", "un", "military", "ministry"]


@pytest.mark.parametrize("name, person", [
    ("Lavrentiev", True), ("Aleppo", False), ("Hmeimim", False),
    ("Syrian Observatory for Human Rights", False),
])
def test_a_name_the_table_knows_as_a_place_or_body_is_no_person(name, person):
    assert is_person(name) is person


def test_attributions_are_lazy_and_cached():
    text = "Shoigu said 100 sorties were flown. Nothing else happened."
    a = Attributions(text, split_sentences(text))
    # the names table knows him: a bare surname takes the full name the names index gives
    assert a.attribution(0, text.index("100")).claimant == "Sergei Shoigu"
    assert set(a._cues) == {0}


# --- a participle after a comma speaks for its clause's subject ---------------------------
PARTICIPLES = [
    ("The Russian Defence Ministry denied the report, saying its aircraft had carried out 41 "
     "sorties against militant targets.", 41, "Russian Defence Ministry", "cue"),
    ("On Sunday, Turkish President Recep Tayyip Erdogan criticised the offensive, adding that "
     "33 soldiers had been killed.", 33, "Recep Tayyip Erdogan", "cue"),
    ("Rescue workers pulled bodies from the rubble overnight, noting that 19 people had died.",
     19, "Rescue workers", "cue"),
    # the cue before the participle speaks for it, not the clause's opening words
    ("Warplanes pounded the area for hours, local residents said, adding that 12 people died.",
     12, "local residents", "cue"),
    # "According to him": the person named before
    ("Lieutenant General Sergei Rudskoy briefed reporters in Moscow. According to him, up to "
     "300 militants were eliminated near Deir ez-Zor.", 300, "Sergei Rudskoy", "reference"),
]


@pytest.mark.parametrize("text, value, claimant, rule", PARTICIPLES)
def test_a_participle_or_an_object_pronoun_names_the_speaker(text, value, claimant, rule):
    check(text, value, claimant, rule)


def test_a_participle_of_no_speech_names_nobody():
    assert figure("Syrian troops advanced on the town, killing 41 militants.", 41).claimant is None


@pytest.mark.parametrize("text, value, claimant", [
    ('Lieutenant General Sergei Rudskoy briefed reporters in Moscow. "The Aerospace Forces '
     'performed 88 combat sorties," Rudskoy said.', 88, "Sergei Rudskoy"),
    # the full name given later in the article, in the names table's one spelling
    ("Lavrov said 300 militants had left the city. Russian Foreign Minister Sergey Lavrov spoke "
     "after talks with his Turkish counterpart.", 300, "Sergei Lavrov"),
    # a person the table does not know, introduced by a title later
    ("Gaidukov said 14 convoys had crossed. Major General Pavel Gaidukov leads the team.",
     14, "Pavel Gaidukov"),
    # named by surname alone: the names table knows him
    ("Konashenkov said 41 sorties had been flown over the past day.", 41, "Igor Konashenkov"),
    # nobody of that surname named in full, nor in the table: as written
    ("Gaidukov told reporters that 9 posts had been set up.", 9, "Gaidukov"),
])
def test_a_surname_takes_the_full_name_the_article_gives(text, value, claimant):
    assert figure(text, value).claimant == claimant


def test_a_monitor_that_monitored_claims_what_it_monitored():
    text = ("Syrian Observatory for Human Rights monitored today, Saturday, Russian warplanes "
            "carrying out 27 airstrikes on the southern countryside of Idlib.")
    check(text, 27, "Syrian Observatory for Human Rights", "cue")
    assert figure("The area was monitored by drones while 14 airstrikes hit the town.",
                  14).claimant is None


# --- an inverted subject with its role after it, and a weekday after the verb -------------
INVERTED_WITH_ROLE = [
    ("Over 2000 fighters have left the eastern districts of the city, Maj. Gen. Ivan Petrov, "
     "the first deputy head of the Main Directorate of the Russian General Staff, said Friday.",
     2000, "Ivan Petrov", "Russian General Staff"),
    ("At least 14 civilians died in the raid, Hassan Qadri, a spokesman for the Idlib health "
     "directorate, told AFP on Sunday.", 14, "Hassan Qadri", None),
    ("Some 350 families returned to their homes in Duma, Colonel Oleg Markov, head of the "
     "Russian Centre for Reconciliation, said Tuesday.", 350, "Oleg Markov", None),
]


@pytest.mark.parametrize("text, value, claimant, org", INVERTED_WITH_ROLE)
def test_an_inverted_subject_with_a_role_and_a_weekday(text, value, claimant, org):
    f = figure(text, value, publisher="Gulf Times")
    assert f.claimant == claimant
    assert org is None or f.claimant_org == org


# --- one name per organisation and person, whatever the article writes around it ----------
MENTIONS = [
    # a date after the name is no part of it (Iranian agency style)
    ("A statement issued by the Russian Defense Ministry on Sunday said 19 militants were "
     "killed near Palmyra.", 19, "Russian Defense Ministry", "Russian Defence Ministry"),
    # a person names.json knows speaks for their organisation, in any spelling (Pravda style)
    ("Speaking to the board, Russian Minister of Defence Sergey Shoygu said 1,200 fighters "
     "had been killed.", 1200, "Sergey Shoygu", "Russian Defence Ministry"),
    # a role names its organisation by any of its names (briefing style, a person nobody knows)
    ("Deputy head of the Ministry of Defence of the Russian Federation Ivan Sokolov told "
     "reporters that 48 militants had surrendered.", 48, "Ivan Sokolov",
     "Russian Defence Ministry"),
    # a kind word used as an adjective names no organisation for "the ministry" (wire style)
    ("Two Russian military advisers were killed by mortar fire, Interfax reported, citing the "
     "defence ministry.", 2, "Russian defence ministry", "Russian Defence Ministry"),
    # a headline's capitalised description resolves forward (Gulf broadcaster style)
    ("Monitoring group says 17 killed in Ariha\n\nAt least 17 people were killed in Ariha, the "
     "Syrian Observatory for Human Rights said.", 17, "Syrian Observatory for Human Rights",
     "Syrian Observatory for Human Rights"),
]


@pytest.mark.parametrize("text, value, claimant, org", MENTIONS)
def test_a_mention_names_its_organisation(text, value, claimant, org):
    f = find_figures(text)
    hit = next(x for x in f if value in (x.value, x.low))
    assert (hit.claimant, hit.claimant_org) == (claimant, org)


@pytest.mark.parametrize("text", [
    "The agency said 40 people were wounded in the shelling of Jisr al-Shughur.",
    "According to the source, 12 tanks were destroyed near Saraqeb.",
    "The statement said 9 soldiers died in the ambush.",
])
def test_a_description_with_nobody_named_is_nobody(text):
    assert find_figures(text)[0].claimant is None


# --- cue forms and references found by probing with articles written in other styles -------
MORE_CUES = [
    # "a military source told Sputnik": an indefinite description is a new source, and "the
    # source" after it is that one (Sputnik style)
    ("Army retakes villages\n\nGovernment forces retook four villages in Hama, a military source "
     "told Sputnik.\n\nAccording to the source, 70 militants were killed.", 70,
     "military source"),
    # "it" after a sentence that opens with a lowercase organisation (Reuters style)
    ("Russia's defence ministry denied the reports. In a statement, it said its jets had flown "
     "18 sorties.", 18, "Russia's defence ministry"),
    # a second source in the same sentence, "gave a toll of" (Al Arabiya style)
    ("The Aleppo Media Center reported that 13 people had been killed, while the Syrian "
     "Observatory for Human Rights gave a toll of 10.", 10, "Syrian Observatory for Human Rights"),
    # concessions are cues (Airwars style)
    ("The US-led coalition acknowledged in its monthly report that 61 civilians had been "
     "killed.", 61, "US-led coalition"),
    # a passive with a participle before "by" (monitor style)
    ("Between 20 and 26 civilians were reported killed by the White Helmets.", 20, "White Helmets"),
    # "according to our data" in a briefing transcript is the speaker's (MoD briefing style)
    ("Briefing\n\nIgor Konashenkov: Good afternoon.\n\nAccording to our data, 4 convoys reached "
     "Deir ez-Zor.\n\nQuestion: When?", 4, "Igor Konashenkov"),
    # "we" inside a quotation on the organisation's own page is the quoted person's (NGO style)
    ('Its chairman, Fadel Abdul Ghany, said: "We estimate that 2.1 million people fled."',
     2.1e6, "Fadel Abdul Ghany"),
    # an appositive description of a named source is that source (wire style)
    ("The Syrian Observatory for Human Rights, a Britain-based monitoring group, put the toll at "
     "465.\n\nThe UN said it could not verify the figures.", 465,
     "Syrian Observatory for Human Rights"),
    # "believed to be" hedges; it reports nothing (AFP style)
    ("Air strikes believed to be carried out by Russian jets killed 11 people in Ariha, "
     "opposition activists said.", 11, "opposition activists"),
    # a name after "in the town of" is a place, not the person of an appositive (Gulf style)
    ("Speaking by phone, Dr Samir Haddad, director of a clinic in the town of Kafr Nabl, said "
     "his staff had treated 35 wounded.", 35, "Samir Haddad"),
    # a nation before a long lowercase description does not make it a fragment (Dawn style)
    ("Syria's White Helmets civil defence group put the death toll at 17.", 17,
     "Syria's White Helmets civil defence group"),
    # "quoting" is "citing"; the outlet relays (Iranian agency style)
    ("SANA, quoting a military source, said troops had killed 16 IS fighters.", 16,
     "military source"),
    # an adviser is a source; the outlet quotes him (Tasnim style)
    ("Tasnim quoted an Iranian military adviser as saying that 500 foreign militants had been "
     "killed.", 500, "Iranian military adviser"),
    # where a source is, is no part of who it is (monitor style)
    ("Four more deaths were reported by the Syrian Civil Defence in Nawa.", 4,
     "Syrian Civil Defence"),
    # a verb inside another's reported clause is what was said, not who said it (wire style)
    ("Dr Hakimi said rescuers had counted 31 air raids on the town.", 31, "Hakimi"),
    ("The colonel's deputy, Major Pavel Orlov, added that army medics had examined 170 "
     "patients.", 170, "Pavel Orlov"),
    # "she" after a person described, not named (UN meeting summary style)
    ("Martin Hollis briefed the Council.\n\nThe representative of the Russian Federation "
     "rejected the accusations. Her country's forces, she said, had conducted 300 strikes.",
     300, "representative of the Russian Federation"),
    # "our assessment" is the voice of whoever says "we": the page's (Airwars style)
    ("Between 580 and 910 civilians were killed in the year, according to our assessment.",
     580, "Syrian Network for Human Rights"),
    # "a ministry statement" is the ministry's, named before (Turkish daily style)
    ("Turkey's defence ministry announced a new patrol.\n\nThe patrol covered about 60 "
     "kilometres east of the river, a ministry statement said.", 60, "Turkey's defence ministry"),
    # "the source" after a sentence that names none goes back to the last one (RIA style)
    ("MOSCOW, Nov 12 - RIA Novosti. Jets destroyed 150 militants, a source in the Russian "
     "military told RIA Novosti.\n\nAccording to the agency's interlocutor, the strikes hit "
     "bases near Homs.\n\n\"Among the targets were 7 training camps,\" the source said.", 7,
     "source in the Russian military"),
    # a name with a number in it is a name, not a date (UK broadcaster style)
    ("Britain's Channel 4 reported seeing a column of some 90 army trucks near Latakia.", 90,
     "Britain's Channel 4"),
    # a quotation in guillemets, its speaker after it (Central Asian agency style)
    ("«In the past day, a total of 6,120 residents left the eastern districts,» the Russian "
     "Centre for Reconciliation said.", 6120, "Russian Centre for Reconciliation"),
    ("The Russian Centre for Reconciliation reported new arrivals.\n\n«A total of 2,210 "
     "residents, including 730 children, left in the past day,» the centre said.", 730,
     "Russian Centre for Reconciliation"),
    # a surname takes a full name from the article, never one across a sentence's end
    # (Iranian broadcaster style)
    ("Lt. Gen. Pavel Orlov briefed reporters on the corridors.\n\nBuses left for the "
     "district of Al-Hamdaniya. Orlov also said that 2,400 civilians had left.", 2400,
     "Pavel Orlov"),
    # a headline's label is no transcript: the body's own source speaks (NGO style)
    ("SNHR: Russian strikes in March\n\nThe Russian defence ministry said in 2019 that its jets "
     "had flown 39,000 sorties.", 39000, "Russian defence ministry"),
]


# "by X's count": the owner of the count speaks, as after "according to"
BY_COUNTS = [
    ("At the height of the siege some 275,000 people were trapped in the east, by the UN's "
     "count.", 275000, "UN"),                                          # wire
    ("By AFP's tally, 42 civilians died in the raids on Idlib province.", 42, "AFP"),
    ("The Syrian Observatory for Human Rights tracks the war through sources on the ground. "
     "More than 500 fighters have died since May, by the Observatory's latest count.", 500,
     "Syrian Observatory for Human Rights"),                           # a monitor's count
]


def claimant_of(text: str, value: float) -> str | None:
    """The claimant of the figure ``value`` of ``text``."""
    return next(x for x in find_figures(text) if x.value == value).claimant


# "according to ROLE, NAME": the person the role names, not the role's last words
ACCORDING_ROLE_NAME = [
    ("Militants launched 47 attacks on residential areas, according to the head of the "
     "Russian Reconciliation Centre in Syria, Rear Admiral Oleg Zhuravlev.",
     47, "Oleg Zhuravlev"),                                            # Russian state media
    ("At least 14 people were killed, according to the director of the civil defence in "
     "Idlib, Mustafa Haj Yousef.", 14, "Mustafa Haj Yousef"),         # Gulf
    ("According to the governor of Homs, Talal Barazi, 300 families returned to the old "
     "city.", 300, "Talal Barazi"),                                    # wire
]


@pytest.mark.parametrize("text, value, claimant", ACCORDING_ROLE_NAME)
def test_according_to_a_role_then_a_name_is_the_person(text, value, claimant):
    assert claimant_of(text, value) == claimant


def test_according_to_a_source_then_a_clause_is_the_source():
    hit = next(x for x in find_figures("The Syrian Observatory for Human Rights counts the "
                                       "dead. According to the Observatory, Russian jets killed "
                                       "12 civilians.") if x.value == 12)
    assert hit.claimant == "Syrian Observatory for Human Rights"


@pytest.mark.parametrize("text, value, claimant", [
    # a monitor's verbs of record: attributing deaths, verifying strikes
    ("Airwars, a UK-based monitoring group, has attributed at least 1,600 civilian deaths in "
     "Aleppo province to likely Russian strikes.", 1600, "Airwars"),
    ("The Institute for the Study of War verified 61 strikes on opposition-held areas in "
     "October.", 61, "Institute for the Study of War"),
    # a passive attributes nothing to its subject
    ("The deaths of 40 civilians were attributed to Russian strikes.", 40, None),
])
def test_verbs_of_record_name_their_subject(text, value, claimant):
    assert claimant_of(text, value) == claimant


@pytest.mark.parametrize("text, value, claimant", [
    # a name in quotation marks inside the subject is part of it (a monitor, a Turkish outlet)
    ('The "Syria Response Coordinators" team documented 1,021 attacks on the northwest.',
     1021, "Syria Response Coordinators team"),
    ("The \u201cHuman Rights Monitor\u201d group said 37 detainees were released in Daraa.",
     37, "Human Rights Monitor group"),
    # a quotation before its speaker is no part of the subject
    ("\u201cWe counted 45 bodies in the rubble,\u201d the local rescuers said.", 45,
     "local rescuers"),
])
def test_a_quoted_name_in_a_subject_is_part_of_it(text, value, claimant):
    assert claimant_of(text, value) == claimant


@pytest.mark.parametrize("text, value, claimant", [
    # what a source published, by the one vocabulary of publications ("a tally by X")
    ("According to a tally by Al Jazeera, at least 38 soldiers were killed in desert ambushes "
     "this year.", 38, "Al Jazeera"),                                 # Lebanese / Gulf
    ("According to an assessment by the Institute for the Study of War, 40 villages changed "
     "hands in March.", 40, "Institute for the Study of War"),       # think-tank
    # a possessive before it: the owner speaks, not what the work is of
    ("According to ISW's analysis of satellite imagery, 8 aircraft left the base.", 8, "ISW"),
    # a capitalised Arabic article opens an outlet's name
    ("Al Arabiya reported that 17 fighters were killed near Deir ez-Zor.", 17, "Al Arabiya"),
])
def test_what_a_source_published_speaks_for_it(text, value, claimant):
    assert claimant_of(text, value) == claimant


@pytest.mark.parametrize("text, value, claimant", BY_COUNTS)
def test_the_owner_of_a_count_speaks(text, value, claimant):
    assert claimant_of(text, value) == claimant


def test_by_is_no_cue_without_a_count():
    hit = next(x for x in find_figures("The town was hit by Russia's jets, killing 12 "
                                       "civilians.") if x.value == 12)
    assert hit.claimant is None


@pytest.mark.parametrize("text, value, claimant", MORE_CUES)
def test_more_cue_forms_and_references(text, value, claimant):
    f = find_figures(text, publisher="Syrian Network for Human Rights")
    hit = next(x for x in f if value in (x.value, x.low))
    assert hit.claimant == claimant


@pytest.mark.parametrize("written, org", [
    ("SOHR activists", "Syrian Observatory for Human Rights"),
    ("Kremlin spokesman", "Kremlin"),
    ("Human Rights Watch researchers", "Human Rights Watch"),
    ("Russian Reconciliation Center in Syria", "Russian Reconciliation Centre"),
    ("Ministry of Defence of the Russian Federation", "Russian Defence Ministry"),
    ("Turkey's Ministry of National Defense", "Turkish Defence Ministry"),
    # a nation's possessive meets the spellings its adjective has ("Russian military")
    ("Russia's military", "Russian Defence Ministry"),
    ("Russia's MoD", "Russian Defence Ministry"),
    ("Turkey's defence ministry", "Turkish Defence Ministry"),
    # a nation's ministry the vocabulary does not know stays as written, never another's
    ("Iranian Defence Ministry", "Iranian Defence Ministry"),
    ("Jordanian army", "Jordanian army"),
])
def test_an_organisation_has_one_name(written, org):
    assert canonical_org(written) == org


def test_a_clause_subject_ends_before_a_verb_and_its_object():
    """", noting that ..." speaks for the clause's subject, which ends where a verb and its
    object begin ("The report analyzes the data of X, noting ..."): not "data of X"."""
    text = ("The report analyzes the figures of the Russian Ministry of Defence, noting that "
            "it claimed 3,000 strikes on militants.")
    f = figure(text, 3000, publisher="Syrian Network for Human Rights")
    assert f.claimant != "figures of the Russian Ministry"
    assert "figures" not in (f.claimant or "")


# Classes a blind held-out set showed, each a rule (claimants.py, speakers.py), in several
# outlets' styles:
# - an indefinite description between commas after a name is the name's ("X, a group of
#   ..., said"): the source is the name, never the description's head noun;
# - a described source keeps its head, before its preposition (and an adverb or a participle
#   before that); a collective head is never the bare noun ("a group of activists");
# - a figure in the subject of a reporting verb counts that subject, it is not its claim
#   ("29 armed groups have declared"): the label, frame or publisher decides; in the
#   passive the reporter is after the verb;
# - "counts" is a tally.
HELD_OUT_CLASSES = [
    ("The Conflict Intelligence Team, a group of Russian investigative bloggers, said it had "
     "identified at least 30 Russian contractors killed in the clash.",
     30, "Conflict Intelligence Team"),                                    # wire
    ("The Violations Documentation Center, a network of activists, said 48 civilians were "
     "killed in the raids.", 48, "Violations Documentation Center"),       # monitor
    ("Baladi Watch, a team of local volunteers, reported that 12 children were wounded.",
     12, "Baladi Watch"),                                                  # Syrian opposition
    ("Activists still inside the enclave told the paper that around 50,000 people remained "
     "trapped.", 50000, "Activists"),                                      # Gulf
    ("A group of activists said 17 civilians were killed in the shelling.", 17,
     "group of activists"),                                                # not "group"
    ("By comparison, the US-led coalition against ISIS has conceded 1,417 civilian deaths.",
     1417, "US-led coalition"),                                            # monitor's report
    ("Doctors still working in the district told Anadolu that 9 children were wounded.",
     9, "Doctors"),                                                        # Turkish agency
    ("Sergei Lavrov: Mr President, the ceasefire is holding. As of today, 42 settlements and "
     "29 armed groups have declared their commitment to the truce.", 29, "Sergei Lavrov"),
    ("Igor Konashenkov: Over the past day 14 more settlements announced that they joined the "
     "truce.", 14, "Igor Konashenkov"),                                    # briefing
    ("Four more deaths were reported by the Syrian Civil Defence in Nawa on Sunday.",
     4, "Syrian Civil Defence"),
    ("The UN refugee agency, UNHCR, counts 6.6 million Syrian refugees worldwide.",
     6600000, "UNHCR"),
    ("Airwars now counts at least 4,300 civilians killed by Russian strikes.", 4300, "Airwars"),
]


@pytest.mark.parametrize("text, value, claimant", HELD_OUT_CLASSES)
def test_classes_a_blind_set_showed(text, value, claimant):
    assert claimant_of(text, value) == claimant


# A headline in title case capitalises words, not names: "Says Top Commander" is a person
# described, whom the lede names after it; an indefinite person in a lede ("a senior
# commander was quoted as saying") is the person the lede names next, not a capitalised word
# of the headline.
@pytest.mark.parametrize("text, value, claimant", [
    ("Russia To Pull 38 Aircraft Out Of Syria, Says Top Commander\n\nMoscow: Russia will bring"
     " home 38 aircraft by the end of the month, a senior commander was quoted as saying.\n\n"
     "Colonel General Sergei Rudakov told the Interfax news agency the rest would stay.",
     38, "Sergei Rudakov"),                                                # South Asian
    ("Monitor Says 40 Civilians Died In Raids On Idlib Town\n\nAt least 40 civilians died in"
     " raids on the town, a war monitor said on Sunday.\n\nRami Abdel Rahman, who heads the"
     " Syrian Observatory for Human Rights, said the toll could rise.", 40,
     "Syrian Observatory for Human Rights"),                               # Gulf
])
def test_a_title_case_headline_and_a_lede_described_source(text, value, claimant):
    found = [f for f in find_figures(text) if f.value == value]
    assert len(found) == 2 and all(claimant in (f.claimant, f.claimant_org) for f in found)


def test_a_lede_source_and_the_next_sentence_describing_it_end():
    """A lede's "a local official" looks for a person named after it; the next sentence's
    "the official" looks back at it: each reads the other's cues once (a recursion before)."""
    text = ("Raids kill 6 in a village near Idlib\n\nIDLIB, Syria - At least six civilians were"
            " killed on Friday in raids on a village, according to a local rescue official.\n\n"
            "Speaking to the agency, the official said 9 others were wounded in the attack.")
    assert {f.value for f in find_figures(text)} >= {6, 9}


# A subject, an aside between commas, its verb: a participle's aside ("The count, published on
# Sunday, says") as a relative clause's; and a name ending in s takes its apostrophe alone.
ASIDES = [
    ("SOHR's weekly count, published on Sunday, says 44 people died in the raids on Ariha.",
     44, "SOHR"),                                                            # wire
    ("The Russian Defence Ministry's statement, released late on Saturday, said 36 militants "
     "were eliminated near Palmyra.", 36, "Russian Defence Ministry"),       # Russian state media
    ("The Syrian Network for Human Rights' monthly report, issued in Paris, documented 212 "
     "civilian deaths in March.", 212, "Syrian Network for Human Rights"),   # monitor
    ("The Syrian Observatory for Human Rights' tally, updated on Monday, puts the toll at 91.",
     91, "Syrian Observatory for Human Rights"),                             # Gulf
    ("Airwars' latest assessment says 19 civilians were likely killed in Raqqa.",
     19, "Airwars"),                                                         # European paper
    ("The White Helmets' count showed 27 people were killed in the strikes on Idlib.",
     27, "White Helmets"),                                                   # Turkish
]


@pytest.mark.parametrize("text, value, claimant", ASIDES)
def test_a_subject_keeps_its_verb_across_an_aside(text, value, claimant):
    assert claimant_of(text, value) == claimant


# A ministry named without its nation is the nation's the text is about there; "the country's
# minister" is that nation's minister.
NATIONS_IN_CONTEXT = [
    ("Moscow hails the campaign as a success. The defence ministry said this week that 63,000 "
     "servicemen had served in Syria.", 63000, "Russian defence ministry"),   # European paper
    ("Ankara rejected the report. The foreign ministry said 3,500 refugees had crossed in a "
     "day.", 3500, "Turkish foreign ministry"),                               # Turkish outlet
    ("Tehran backs Damascus. The Iranian embassy said; the defence ministry said 40 advisers "
     "were in Aleppo.", 40, "Iranian defence ministry"),                      # Iranian outlet
    ("Turkey has neutralised 1,300 regime elements in Idlib, the country's defence minister "
     "said.", 1300, "Turkish defence minister"),                             # Turkish outlet
    ("Russia has destroyed 450 militant positions in Syria, the country's defence minister "
     "told the Duma.", 450, "Russian defence minister"),                     # South Asian
]


@pytest.mark.parametrize("text, value, claimant", NATIONS_IN_CONTEXT)
def test_a_national_body_takes_the_nation_in_context(text, value, claimant):
    assert claimant_of(text, value) == claimant


# "we" and "our data" outside a quotation: whoever published the page, whatever its kind
OWN_VOICE = [
    ("Our dataset shows that 1,200 Russian air strikes took place in 2022.", 1200,
     "Levant Strategy Forum"),
    ("We estimate that 40 combat aircraft remain at Hmeimim.", 40, "Levant Strategy Forum"),
    ("According to our count, 95 civilians were killed in March.", 95, "Levant Strategy Forum"),
]


@pytest.mark.parametrize("text, value, claimant", OWN_VOICE)
def test_we_is_the_publishers_voice(text, value, claimant):
    hit = next(x for x in find_figures(text, publisher="Levant Strategy Forum")
               if value in (x.value, x.low))
    assert hit.claimant == claimant


# "X, a description that ..., said": X, whatever clause the description runs into; an outlet
# that opens its sentence reports on its own, not for the source of the sentence before
DESCRIBED_AND_OWN = [
    ("The White Helmets, a civil defence group that operates in rebel-held areas, said 31 "
     "people had died.", 31, "White Helmets"),                                # wire
    ("The Conflict Intelligence Team, a group of bloggers who track Russian losses, said 14 "
     "contractors died.", 14, "Conflict Intelligence Team"),                  # European paper
    ("Russia's defence ministry said militants fired 60 rockets. Syrian state news agency "
     "SANA said the shelling had killed 13 people.", 13, "SANA"),             # Gulf
    ("The Turkish Defence Ministry said two soldiers were wounded. Anadolu Agency said 9 "
     "civilians were hurt in Reyhanli.", 9, "Anadolu Agency"),                # Turkish
]


@pytest.mark.parametrize("text, value, claimant", DESCRIBED_AND_OWN)
def test_a_described_subject_or_an_outlet_speaks_for_itself(text, value, claimant):
    assert claimant_of(text, value) == claimant


# A claim a source disputes is the claim's source's, not the disputer's ("dismissed claims by
# X that ...", "rejected X's estimate that ..."); a publication's aside names who made it;
# a page's "we" and "our team" speak for it whatever the verb; an organisation is known by
# the kind word its name ends in ("... Medical Aid", "... Relief", "... Forum").
OTHERS_CLAIMS = [
    ("Konashenkov dismissed claims by the so-called Syrian Observatory for Human Rights that "
     "Russian jets had killed 23 civilians near Idlib.", 23,
     "Syrian Observatory for Human Rights"),                                  # Russian state
    ("Moscow rejected the Pentagon's estimate that 200 Russian contractors died near Khasham.",
     200, "Pentagon"),                                                        # wire
    ("Zakharova called the White Helmets' claim that 41 people died a staged provocation.",
     41, "White Helmets"),                                                    # Iranian outlet
    ("Flight logs, compiled by a network of plane spotters in northern Syria, recorded 17 "
     "take-offs from Hmeimim.", 17, "network of plane spotters"),             # investigative
    ("Casualty records, collected by the Violations Documentation Center, show 96 people "
     "were killed in Douma.", 96, "Violations Documentation Center"),         # monitor
    ("Islamic Relief said its clinic was hit. According to data compiled by the "
     "organisation, 41 of its facilities were damaged in 2016.", 41,
     "Islamic Relief"),                                                       # NGO release
]


@pytest.mark.parametrize("text, value, claimant", OTHERS_CLAIMS)
def test_a_claim_is_its_sources_whoever_disputes_or_relays_it(text, value, claimant):
    assert claimant_of(text, value) == claimant


@pytest.mark.parametrize("text, value, publisher", [
    ("Over six weeks, our team analysed 212 videos of the strike.", 212,
     "Tracer Investigations"),                                                # investigative
    ("We geolocated 31 craters in and around the hospital compound.", 31,
     "Tracer Investigations"),
    ("In March our researchers verified 64 civilian deaths in Idlib.", 64,
     "Syrian Rights Monitor"),                                                # monitor's page
])
def test_a_pages_we_narrates_its_own_finding(text, value, publisher):
    hit = next(x for x in find_figures(text, publisher=publisher) if value in (x.value, x.low))
    assert hit.claimant == publisher


@pytest.mark.parametrize("name", ["Frontline Medical Aid", "Islamic Relief",
                                  "Levant Strategy Forum", "Syrian American Medical Society"])
def test_an_organisation_is_known_by_its_kind_word(name):
    assert speaker(name).kind == "ngo"


# --- where a source sits and how it was heard are not who it is ---------------------------
SOURCE_PLACES = [
    # a monitor's people somewhere: the monitor, never the place (a monitor's bulletin, AFP)
    ("Observatory activists in the southern countryside of Idlib reported that about 40 "
     "families fled overnight.", 40, "Observatory activists"),
    ("Local sources in the eastern countryside of Deir ez-Zor said at least 12 fighters were "
     "killed.", 12, "Local sources"),
    ("Rescue workers inside the besieged Eastern Ghouta said 31 people were killed.",
     31, "Rescue workers"),
    # ... but researchers at an organisation are the organisation's (a think-tank brief)
    ("Researchers at the Levant Data Group, an independent project, counted nearly 600 "
     "deaths among contractors.", 600, "Levant Data Group"),
    # a participle after the source says how it was heard (a think-tank brief, Dawn, TASS)
    ("A former Russian officer interviewed for this report said that fewer than 30 jets "
     "remain at the base.", 30, "former Russian officer"),
    ("Activists based in Idlib said 14 civilians were killed in the raids.", 14, "Activists"),
    ("A military source quoted by the agency said 25 militants had been eliminated.", 25,
     "military source"),
    # an aside that names whom the source spoke to (Press TV, Times of Israel, Al Arabiya)
    ("A Russian military adviser, speaking to RIA Novosti on condition of anonymity, said "
     "300 fighters had surrendered.", 300, "Russian military adviser"),
    ("A senior Israeli official, speaking to reporters in Jerusalem, said about 2,000 Iranian "
     "fighters were in Syria.", 2000, "senior Israeli official"),
    ("UN envoy Geir Pedersen met both delegations. The envoy, talking to journalists after "
     "the session, said 17 detainees had been freed.", 17, "Geir Pedersen"),
]


LONG_MINISTRIES = [
    # a ministry named at length without its nation takes the nation the text is about
    # (Anadolu, Daily Sabah: "the National Defense Ministry"; Press TV: "the Ministry of ...")
    ("Ankara (AA) - In a statement, the National Defense Ministry said 36 Turkish soldiers "
     "were killed in the airstrike.", 36, "Turkish National Defense Ministry"),
    ("Tehran - Iran's top diplomat spoke to reporters on Monday. The Ministry of Foreign "
     "Affairs said 12 Iranian advisers had returned home.", 12,
     "Iranian Ministry of Foreign Affairs"),
]


# --- an accusation, a claim made by someone, "its claim": the claim is its maker's ----------
ACCUSATIONS = [
    # the accuser's figure (SANA, Sputnik, Tasnim, a wire)
    ("Damascus accuses the US-led coalition of killing at least 1,600 civilians in Raqqa.",
     1600, "Damascus"),
    ("Moscow accused Washington of sheltering 9,000 militants at al-Tanf.", 9000, "Moscow"),
    ("The Iranian foreign ministry blamed the coalition for killing 45 Syrian soldiers near "
     "Deir ez-Zor.", 45, "Iranian foreign ministry"),
    # a passive accusation is its agent's (a wire)
    ("The coalition was accused by Damascus of killing 28 civilians in a strike on Hajin.", 28,
     "Damascus"),
    # "the claim made by X that": X's, as "claims by X that" (a monitor's report, Al Arabiya)
    ("The monitor rejects the claim made by state media that fewer than 1,000 civilians "
     "remain.", 1000, "state media"),
    ("Ankara dismissed the figures put forward by the SDF that 700 fighters had died.", 700,
     "SDF"),
    # "its claim that": the subject of the clause (a wire, an Israeli daily)
    ("The Russian Defense Ministry has blamed Israel for the loss, repeating its claim that "
     "four Israeli F-16 jets used the plane as cover.", 4, "Russian Defense Ministry"),
]


def test_our_information_is_the_pages_own():
    text = ("The Observatory rejects the claim made by state media that fewer than 1,000 "
            "civilians remain in the pocket. According to our information, around 15,000 "
            "civilians are still trapped in the eastern districts.")
    found = {f.value: f.claimant for f in find_figures(text, publisher="Syria Rights Monitor")}
    assert found == {1000: "state media", 15000: "Syria Rights Monitor"}


# --- an armed group described by what it is: the armed group named before -------------------
ARMED_DESCRIPTIONS = [
    # an Arabic article inside the name, and a description with an armed word (AFP, Enab
    # Baladi, Al-Monitor)
    ("The Hayat Tahrir al-Sham group controls most of the region. In a statement, the "
     "jihadist alliance claimed its fighters had killed more than 50 soldiers.", 50,
     "Hayat Tahrir al-Sham"),
    ("Hayat Tahrir al-Sham holds the crossing. The rebel group said its fighters had downed "
     "three drones over the weekend.", 3, "Hayat Tahrir al-Sham"),
    ("Faylaq al-Rahman fighters repelled the assault. The armed faction said 18 attackers were "
     "killed.", 18, "Faylaq al-Rahman"),
    # ... never a monitor named before it (the White Helmets are no armed group)
    ("The White Helmets said IS fighters had shelled the town. The group said 14 people were "
     "killed.", 14, "White Helmets"),
]


# --- an unnamed official source takes the nation of the state outlet relaying it ------------
RELAYED_NATIONS = [
    # the sentence names the outlet and its nation (SANA, Press TV relaying SANA, Anadolu)
    ("Engineering units of the Syrian Arab Army have cleared more than 4,000 mines in Eastern "
     "Ghouta, a military source told SANA on Tuesday.", 4000, "Syrian military source"),
    ("Syria's official news agency SANA, citing a military source, reported that army units "
     "had advanced more than 20 kilometers.", 20, "Syrian military source"),
    ("Turkish troops neutralised 14 YPG militants in northern Syria, a security source told "
     "Anadolu.", 14, "Turkish security source"),
    # a state outlet relays other sides' sources too: without its nation, no nation
    ("Government forces retook four villages in Hama, a military source told Sputnik. "
     "According to the source, 70 militants were killed.", 70, "military source"),
]


# --- "the group" after the sentence names its subject: that organisation ---------------------
GROUP_AFTER_SUBJECT = [
    # where no organisation of the word's kinds was named before (Rudaw, Al-Manar, a wire)
    ("The Kurdish-led SDF lost around 11,000 fighters in the war against IS, according to the "
     "group.", 11000, "SDF"),
    ("Hezbollah has lost more than 1,200 fighters in Syria, according to the group.", 1200,
     "Hezbollah"),
    ("The Syrian Democratic Forces lost around 9,000 fighters in the war, the group said.",
     9000, "Syrian Democratic Forces"),
    # ... a name, not a description of the actors ("Government forces"): nobody
    ("Government forces shelled 12 villages, the group said.", 12, None),
]


RESCUE_SERVICES = [
    # "the rescue service" is the rescue group named before (Daily Sabah, a wire)
    ("The White Helmets rushed teams to the town. The rescue service said at least 2,950 "
     "people were injured.", 2950, "White Helmets"),
    ("Syria Civil Defence crews worked through the night. The service said 41 bodies had been "
     "recovered.", 41, "Syria Civil Defence"),
]


# --- "which said": the name before the relative pronoun, past a preposition ------------------
WHICH_SAID = [
    # a report that cites another source's figures (a European broadsheet, an NGO note)
    ("The report cites figures from the Syria Response Coordinators group, which estimated "
     "that around 216,000 civilians were displaced.", 216000,
     "Syria Response Coordinators group"),
    ("The decision followed a report by Amnesty International, which said 300 detainees had "
     "died.", 300, "Amnesty International"),
    # a clause that is no name stays with the rules it had ("..., which suggests")
    ("We documented 23 deaths. The number of wounded exceeds 70, which suggests the toll may "
     "rise.", 70, None),
]


# --- "X, the civil defence group operating in ..., said": X --------------------------------
DEFINITE_ASIDES = [
    # a definite description between commas, however long, is the name's before it
    # (Reuters, The National, Dawn)
    ("The White Helmets, the civil defence group operating in opposition-held areas of the "
     "north-west, said at least 1,930 people had died there.", 1930, "White Helmets"),
    ("Airwars, the London-based monitor tracking civilian harm from air strikes, said 120 "
     "civilians were killed.", 120, "Airwars"),
    ("Mustafa Yildiz, the head of the local council, said 19 civilians were killed.", 19,
     "Mustafa Yildiz"),
]


#: The classes of claim above, each by its table: every case is its source's.
CLAIM_CLASSES: dict[str, list[tuple]] = {
    "where a source is and how it was heard are not the source": SOURCE_PLACES,
    "a ministry named at length takes its nation": LONG_MINISTRIES,
    "an accusation or a claim named is its makers": ACCUSATIONS,
    "an armed group described is the armed group named before": ARMED_DESCRIPTIONS,
    "an unnamed source takes the nation of the state outlet relaying it": RELAYED_NATIONS,
    "the group after its sentence names one is that one": GROUP_AFTER_SUBJECT,
    "a rescue service is the rescue group named before": RESCUE_SERVICES,
    "which said is the name before it": WHICH_SAID,
    "a definite description between commas is the names before it": DEFINITE_ASIDES,
}


@pytest.mark.parametrize("text, value, claimant", [
    pytest.param(*case, id=f"{name}: {case[0][:40]}")
    for name, cases in CLAIM_CLASSES.items() for case in cases
])
def test_each_class_of_claim_is_its_sources(text, value, claimant):
    assert claimant_of(text, value) == claimant
