"""Event identity across articles: invented reports of the same happenings, worded as
different outlets word them, and near misses of the same day that must stay apart."""

import json

import pytest

from syriacli.identity import identity

MANIFEST = """file,publisher,url,published,title
wire.txt,Northwire,,2017-05-16,
agency.txt,Vostok Agency,,2017-05-16,
blog.txt,Levant Frontline,,2017-05-17,
monitor.txt,Aleppo Watch,,2017-05-17,
courier.txt,Daily Courier,,2016-03-28,
gulf.txt,Gulf Standard,,2016-03-27,
vestnik.txt,Pravda Vestnik,,2016-03-28,
"""

ARTICLES = {
    # a wire dateline, the base by one of its spellings, a weekday for the date
    "wire.txt": "Russian defence chief inspects Syrian naval base\n\nMOSCOW, May 16 (Northwire) -"
                " Russia's defence minister Sergei Shoigu inspected the naval base at Tartus on"
                " Tuesday, the ministry said in a statement.\n\nThe base is Russia's only"
                " foothold on the Mediterranean coast.\n",
    # a state agency: another transliteration, 'arrived ... for an inspection'
    "agency.txt": "Shoygu checks readiness of logistics point\n\nDefence Minister Sergei Shoygu"
                  " arrived in Tartous on May 16, 2017 for an inspection of the Navy\u2019s"
                  " logistics point, the press service reported.\n",
    # a blog a day later that names nothing specific
    "blog.txt": "Minister at the port\n\nOn Tuesday, 16 May, the minister toured the port"
                " facility, speaking with sailors and engineers about repairs to the piers.\n",
    # the same day: a strike and a convoy's arrival at the same town, strikes elsewhere
    "monitor.txt": "Raids and a convoy\n\nRussian warplanes struck the outskirts of Tartus on 16"
                   " May 2017, killing four fighters, the monitor said.\n\nA Russian military"
                   " convoy arrived in Tartus on 16 May 2017 carrying engineering equipment.\n\n"
                   "Air raids hit Saraqib on 16 May 2017.\n\nJets bombed Maarat al-Numan on 16"
                   " May 2017, activists said.\n",
    # one recapture in three styles: a weekday, a dated local spelling, a quoted headline
    "courier.txt": "Army back in Palmyra\n\nSyrian troops backed by Russian air power retook"
                   " Palmyra from Islamic State on Sunday, state media said.\n",
    "gulf.txt": "Tadmur recaptured\n\nThe army regained full control of Tadmur on 27 March 2016"
                " after three weeks of fighting.\n",
    "vestnik.txt": "\u00abPalmyra liberated\u00bb\n\nThe ancient city of Palmyra was liberated from"
                   " the militants on Sunday, March 27, the General Staff said.\n",
}

#: The expected entries of each date: the articles of each entry.
EXPECTED = {
    "2017-05-16": [
        ["agency", "blog", "wire"],  # one inspection, three sources
        ["monitor"],  # the strike on Tartus
        ["monitor"],  # the convoy's arrival at Tartus
        ["monitor"],  # Saraqib
        ["monitor"],  # Maarat al-Numan
    ],
    "2016-03-27": [["courier", "gulf", "vestnik"]],
}


def _entries(cli, db):
    got = json.loads(cli("timeline", "--format", "json", "--all", db=db).stdout)
    by_date: dict[str, list] = {}
    for entry in got:
        articles = sorted({m["article"] for m in entry["mentions"]})   # each source once
        by_date.setdefault(entry["date"], []).append((articles, entry))
    return by_date


@pytest.fixture
def corpus(corpus_of):
    return corpus_of(ARTICLES, MANIFEST)


@pytest.mark.parametrize("day", sorted(EXPECTED))
def test_reports_of_one_happening_are_one_entry_and_others_stay_apart(cli, corpus, day):
    got = _entries(cli, corpus)[day]
    assert sorted(articles for articles, _ in got) == sorted(EXPECTED[day])


def test_a_merged_entry_keeps_every_source_sentence_and_publisher(cli, corpus):
    (entry,) = [e for arts, e in _entries(cli, corpus)["2017-05-16"] if len(arts) == 3]
    assert entry["sources"] == 3 and entry["conflict"] is None
    assert sorted(m["publisher"] for m in entry["mentions"]) == [
        "Levant Frontline", "Northwire", "Vostok Agency"]
    assert {m["expression"] for m in entry["mentions"]} == {"Tuesday", "May 16, 2017",
                                                             "Tuesday, 16 May"}
    assert any("toured the port facility" in m["quote"] for m in entry["mentions"])
    line = [row for row in cli("timeline", "--format", "tsv", db=corpus).stdout.splitlines()
            if "Shoygu" in row or "Shoigu" in row]
    assert len(line) == 1 and "Levant Frontline" in line[0] and "Northwire" in line[0]
    table = cli("timeline", "--format", "table", "--from", "2017-05", db=corpus).stdout
    assert table.count("3 sources:") == 1 and "1 sources" not in table


def _updated_and_full(cli, make_raw, build, tmp_path, articles, manifest, late):
    """The entries (date, articles) of a corpus built without the ``late`` files and then
    updated with them, and of a full build of them all."""
    raw = make_raw({k: v for k, v in articles.items() if k not in late}, manifest)
    _, db = build(raw)
    for name in late:
        (raw / name).write_text(articles[name], encoding="utf-8")
    build(raw, db)
    _, full = build(raw, tmp_path / "full.db")

    def groups(db):
        return sorted((day, arts) for day, rows in _entries(cli, db).items() for arts, _ in rows)

    return groups(db), groups(full)


def test_an_article_added_later_joins_the_entry_a_full_build_makes(
    cli, make_raw, build, tmp_path
):
    updated, full = _updated_and_full(cli, make_raw, build, tmp_path, ARTICLES, MANIFEST,
                                      {"agency.txt", "courier.txt"})
    assert updated == full
    assert ("2017-05-16", ["agency", "blog", "wire"]) in updated


@pytest.mark.parametrize(
    "concepts, about, acts, names",
    [
        # any spelling is one canonical name; a base is also its town
        (["visit"], ["Tartus naval facility"], {"visit"}, {"Tartus naval facility", "Tartus"}),
        # generic names and standing parties tell no happening apart
        (["visit"], ["Russia", "Bashar al-Assad"], {"visit"}, set()),
        # 'arrived for an inspection' is a visit, not an arrival
        (["deployment", "visit"], ["Tartus"], {"visit"}, {"Tartus"}),
        # a strike is matched by place only; a person does not identify it
        (["airstrike"], ["Sergei Shoigu", "Aleppo"], {"airstrike"}, {"Aleppo"}),
        # and never with nothing to place it
        (["airstrike"], ["Sergei Shoigu"], set(), set()),
        # a place the text introduced, which the index does not know, places it too, by its
        # transliteration (any spelling of it is one)
        (["airstrike"], ["Urum al-Kubra"], {"airstrike"}, {"urumkubra"}),
        (["airstrike"], ["Urum al-Kubrah"], {"airstrike"}, {"urumkubra"}),
        (["siege broken"], ["Hass"], {"siege broken"}, {"has"}),
        # beside another act a strike is only backdrop
        (["control change", "airstrike"], ["Palmyra"], {"control change"}, {"Palmyra"}),
    ],
)
def test_identity(concepts, about, acts, names):
    got = identity(tuple(concepts), tuple(about))
    assert {a for a, _ in got.links} | set(got.open) == acts
    assert {n for _, n in got.links} == names


def test_a_strike_never_joins_a_near_date():
    got = identity(("airstrike",), ("Aleppo",))
    assert got.links and not got.near


# --- the act a clause names (concepts.json): near-synonyms and background -----------------

ACT_MANIFEST = """file,publisher,url,published,title
sputnik.txt,Vostok Wire,,2019-10-22,
kurd.txt,Hevi News,,2019-10-22,
ankara.txt,Anatolia Daily,,2019-10-23,
elsewhere.txt,Northwire,,2019-10-22,
tass.txt,Vostok Agency,,2016-03-15,
gulf.txt,Gulf Standard,,2016-03-15,
wire.txt,Northwire,,2016-03-16,
show.txt,Levant Frontline,,2016-05-05,
agency.txt,Vostok Agency,,2016-05-05,
daily.txt,Daily Courier,,2016-05-06,
mine.txt,Aleppo Watch,,2016-05-05,
general1.txt,Northwire,,2017-09-24,
general2.txt,Vostok Agency,,2017-09-23,
general3.txt,Gulf Standard,,2017-09-24,
general4.txt,Aleppo Watch,,2017-09-23,
police1.txt,Vostok Wire,,2019-10-23,
police2.txt,Hevi News,,2019-10-23,
police3.txt,Northwire,,2019-10-23,
base1.txt,Vostok Wire,,2018-01-08,
base2.txt,Northwire,,2018-01-07,
base3.txt,Gulf Standard,,2018-01-06,
carrier1.txt,Northwire,,2016-11-15,
carrier2.txt,Vostok Agency,,2016-11-16,
leader1.txt,Northwire,,2020-01-07,
leader2.txt,Vostok Agency,,2020-01-07,
leader3.txt,Gulf Standard,,2020-01-08,
siege1.txt,Northwire,,2017-09-05,
siege2.txt,Vostok Agency,,2017-09-06,
siege3.txt,Aleppo Watch,,2017-09-05,
deal1.txt,Northwire,,2021-09-01,
deal2.txt,Levant Frontline,,2021-09-01,
deal3.txt,Hevi News,,2021-09-01,
kssana.txt,SANA,,2019-08-21,
kswire.txt,Northwire,,2019-08-22,
ksturk.txt,Anatolia Daily,,2019-08-21,
bureau1.txt,Northwire,,2020-02-04,
bureau2.txt,Northwire,,2020-02-04,
envoy1.txt,Northwire,,2018-05-08,
envoy2.txt,Vostok Agency,,2018-05-09,
envoy3.txt,Gulf Standard,,2018-05-08,
"""

ACT_ARTICLES = {
    # one patrol, three wordings (began patrolling; a patrol toured; patrolled)
    "sputnik.txt": "Military police on patrol\n\nRussian military police began patrolling the"
                   " outskirts of Kobani on Tuesday, the ministry said.\n",
    "kurd.txt": "Patrol in Kobani\n\nA Russian patrol toured villages west of Kobani on"
                " Tuesday, local residents said.\n",
    "ankara.txt": "Russian units near the border\n\nRussian troops patrolled around Kobani on"
                  " 22 October, a day before the deadline expired.\n",
    # a patrol the same day in another town: another happening
    "elsewhere.txt": "Patrols\n\nRussian military police patrolled Manbij on Tuesday.\n",
    # jets leaving a base: pulled out, took off, left ... for home
    "tass.txt": "First group leaves\n\nThe first group of Russian jets took off from the Hmeimim"
                " airbase on Tuesday, the ministry said.\n",
    "gulf.txt": "Jets head home\n\nRussian bombers left the Khmeimim base for home on 15"
                " March, state television showed.\n",
    "wire.txt": "Russia begins pullout\n\nRussia began withdrawing its first warplanes from"
                " Hmeimim on Tuesday, March 15, 2016, a day after the surprise announcement.\n",
    # one concert, with a capture in its background clauses
    "show.txt": "Music in the ruins\n\nOn Thursday an orchestra from St Petersburg played in"
                " Palmyra's Roman theatre, weeks after the city was recaptured from militants.\n",
    "agency.txt": "Concert in Tadmur\n\nA concert was held in Tadmur on Thursday, 5 May, in the"
                  " theatre of the ancient city, which the army liberated in March.\n",
    "daily.txt": "Orchestra in Palmyra\n\nThe orchestra performed in Palmyra on May 5, 2016.\n",
    # the same day and town: a landmine in the recaptured city, another happening
    "mine.txt": "Mine blast\n\nA mine exploded in the recaptured city of Palmyra on Thursday,"
                " 5 May, wounding two engineers.\n",
    # one death in three wordings (died; was killed; killed) at one place, another elsewhere
    "general1.txt": "General dies\n\nA Russian general died on Saturday after shelling near"
                    " Deir ez-Zor, the ministry said on Sunday.\n",
    "general2.txt": "Commander killed\n\nLieutenant General Ivan Morozov was killed on 23"
                    " September near Deir al-Zour, officials said.\n",
    "general3.txt": "Mortar fire\n\nMortar fire killed a senior Russian officer near Deir Ezzor"
                    " on Saturday, Sept. 23.\n",
    "general4.txt": "Raid\n\nTwo fighters were killed in Palmyra on 23 September 2017.\n",
    # one arrival worded three ways; the same act the same day in a town the names index
    # does not know is another happening, not one that names nothing
    "police1.txt": "Police in Kobani\n\nRussian military police entered the town of Kobani on"
                   " Wednesday, the ministry said.\n",
    "police2.txt": "Arrival\n\nRussian military police arrived in Kobani on Wednesday.\n",
    "police3.txt": "Elsewhere\n\nRussian military police arrived in the town of Tel Qasra on"
                   " Wednesday, residents said.\n",
    # the base by its name, by a spelling, and as "the Russian air base in Latakia province"
    "base1.txt": "Drones repelled\n\nOn January 6, militants attempted a drone attack on the"
                 " Khmeimim air base, the ministry said.\n",
    "base2.txt": "Base attacked\n\nThe Russian air base in Latakia province came under attack"
                 " from armed drones on Saturday, January 6.\n",
    "base3.txt": "Swarm\n\nHmeimim was attacked by a swarm of drones on 6 January 2018.\n",
    # strikes at one place; a participle clause after a comma is not the act
    "carrier1.txt": "Carrier jets in action\n\nJets from the carrier bombed targets in Homs on"
                    " Tuesday, marking the ship's first combat deployment.\n",
    "carrier2.txt": "Strikes\n\nRussian aircraft struck militant positions in Homs on Tuesday,"
                    " November 15, the ministry said.\n",
    # a visit and the talks held on it are one happening's
    "leader1.txt": "Surprise trip\n\nVladimir Putin paid a surprise visit to Damascus on"
                   " Tuesday.\n",
    "leader2.txt": "Talks\n\nVladimir Putin held talks with Bashar al-Assad in Damascus on"
                   " January 7, the Kremlin said.\n",
    "leader3.txt": "In the capital\n\nPutin arrived in Damascus on Tuesday, January 7, and met"
                   " Assad at a command post.\n",
    # a siege broken, worded three ways; shelling of the same city that day is apart
    "siege1.txt": "Siege broken\n\nSyrian troops broke the siege of Deir ez-Zor on Tuesday.\n",
    "siege2.txt": "Blockade lifted\n\nThe army lifted the blockade of Deir al-Zour on 5"
                  " September, the ministry said.\n",
    "siege3.txt": "Shelling\n\nShelling killed seven people in Deir ez-Zor on Tuesday, 5"
                  " September 2017.\n",
    # a deal in one town, and another town of the same province the same day
    "deal1.txt": "Police enter\n\nRussian military police entered Daraa al-Balad on Wednesday"
                 " under a deal.\n",
    "deal2.txt": "Deal in force\n\nRussian military police deployed in Daraa al-Balad on"
                 " Wednesday as the agreement took effect.\n",
    "deal3.txt": "Another town\n\nRussian military police entered the town of Tafas in the"
                 " western Daraa countryside on Wednesday.\n",
    # two specific names shared on one date are one happening whatever words name its act
    # (a SANA idiom and a wire's word for a capture); another sharing one name stays apart,
    # and a town and its province are one place, not two names
    "kssana.txt": "Army in Khan Sheikhoun\n\nArmy units led by General Suheil al-Hassan entered"
                  " Khan Sheikhoun on Wednesday after heavy fighting.\n",
    "kswire.txt": "Town falls\n\nForces under General Suheil al-Hassan took full control of"
                  " Khan Shaykhun on Wednesday, a monitor said.\n",
    "ksturk.txt": "Observation post\n\nA Turkish observation post in Khan Shaykhun in Idlib"
                  " came under fire on 21 August 2019.\n",
    # where a wire files from is no name of what it reports: two stories of one bureau and
    # one province that day stay apart
    "bureau1.txt": "Strikes\n\nANKARA/BEIRUT, Feb 4 (Northwire) - Air strikes hit Saraqeb in"
                   " Idlib on Tuesday.\n",
    "bureau2.txt": "Troops\n\nANKARA/BEIRUT, Feb 4 (Northwire) - Turkey sent more troops into"
                   " Idlib on Tuesday.\n",
    # a date is its nearest act's: the killing written before it, not the talks the clause
    # opens with (a wire, a state agency); talks that go ahead that day despite it stay apart
    "envoy1.txt": "Talks overshadowed\n\nThe ceasefire talks were overshadowed after a diplomat"
                  " was shot dead in Idlib on Tuesday.\n",
    "envoy2.txt": "Diplomat killed\n\nA Russian diplomat was killed in Idlib on May 8, the"
                  " foreign ministry said.\n",
    "envoy3.txt": "Astana round\n\nNegotiations in Astana went ahead on Tuesday despite the"
                  " killing of a diplomat in Idlib.\n",
}

ACT_EXPECTED = {
    "2019-10-22": [["ankara", "kurd", "sputnik"], ["elsewhere"]],
    "2016-03-15": [["gulf", "tass", "wire"]],
    "2016-05-05": [["agency", "daily", "show"], ["mine"]],
    "2017-09-23": [["general1", "general2", "general3"], ["general4"]],
    "2019-10-23": [["police1", "police2"], ["police3"]],
    "2018-01-06": [["base1", "base2", "base3"]],
    "2016-11-15": [["carrier1", "carrier2"]],
    "2020-01-07": [["leader1", "leader2", "leader3"]],
    "2017-09-05": [["siege1", "siege2"], ["siege3"]],
    "2021-09-01": [["deal1", "deal2"], ["deal3"]],
    "2019-08-21": [["kssana", "kswire"], ["ksturk"]],
    "2020-02-04": [["bureau1"], ["bureau2"]],
    "2018-05-08": [["envoy1", "envoy2"], ["envoy3"]],
}


@pytest.mark.parametrize("day", sorted(ACT_EXPECTED))
def test_one_act_in_other_words_is_one_entry_and_its_background_is_not_its_act(
        cli, corpus_of, day):
    got = _entries(cli, corpus_of(ACT_ARTICLES, ACT_MANIFEST))[day]
    assert sorted(articles for articles, _ in got) == sorted(ACT_EXPECTED[day])


def test_an_article_sharing_two_names_added_later_joins_as_in_a_full_build(
        cli, make_raw, build, tmp_path):
    updated, full = _updated_and_full(cli, make_raw, build, tmp_path, ACT_ARTICLES,
                                      ACT_MANIFEST, {"kswire.txt"})
    assert updated == full
    assert ("2019-08-21", ["kssana", "kswire"]) in updated


# --- a month's statement and the day entry of its happening ---------------------------

FOLD_MANIFEST = """file,publisher,url,published,title
palm1.txt,Northwire,,2017-03-02,
palm2.txt,Vostok Agency,,2017-03-03,
palm3.txt,Gulf Standard,,2017-03-20,
palm4.txt,Levant Frontline,,2017-03-21,
"""

FOLD_ARTICLES = {
    # one recapture dated to its day by a wire and a state agency ...
    "palm1.txt": "Palmyra retaken\n\nSyrian troops backed by Russian jets recaptured Palmyra on"
                 " Thursday, the army said.\n",
    "palm2.txt": "City liberated\n\nThe Syrian army liberated Palmyra on March 2 with Russian"
                 " air support.\n",
    # ... and to its month by a Gulf daily: one happening, each source's date as written
    "palm3.txt": "Ruins\n\nThe recapture of Palmyra earlier this month left the ancient city's"
                 " monuments badly damaged.\n",
}
#: another recapture at Palmyra that month: the month's statement cannot tell which
AMBIGUOUS = {"palm4.txt": "Airport\n\nSyrian troops recaptured Palmyra's airport on Sunday,"
                          " March 19, after a week of fighting.\n"}


def test_a_months_statement_joins_the_one_day_entry_of_its_happening(cli, corpus_of):
    by_date = _entries(cli, corpus_of(FOLD_ARTICLES, FOLD_MANIFEST))
    assert [articles for articles, _ in by_date["2017-03-02"]] == [["palm1", "palm2", "palm3"]]
    assert "2017-03" not in by_date
    (_, entry), = by_date["2017-03-02"]
    assert entry["sources"] == 3 and entry["conflict"] is None
    said = {m["article"]: (m["date"], m["precision"]) for m in entry["mentions"]}
    assert said["palm3"] == ("2017-03", "month") and said["palm1"] == ("2017-03-02", "day")


def test_a_months_statement_two_day_entries_could_be_stays_apart(cli, corpus_of):
    by_date = _entries(cli, corpus_of({**FOLD_ARTICLES, **AMBIGUOUS}, FOLD_MANIFEST))
    assert [articles for articles, _ in by_date["2017-03"]] == [["palm3"]]
    assert [articles for articles, _ in by_date["2017-03-02"]] == [["palm1", "palm2"]]


@pytest.mark.parametrize("articles, late", [
    (FOLD_ARTICLES, {"palm3.txt"}),                      # the month's statement comes later
    (FOLD_ARTICLES, {"palm1.txt", "palm2.txt"}),         # the day's statements come later
    ({**FOLD_ARTICLES, **AMBIGUOUS}, {"palm4.txt"}),     # a second day entry splits it off
])
def test_an_update_folds_and_unfolds_a_months_statement_as_a_full_build_does(
        cli, make_raw, build, tmp_path, articles, late):
    updated, full = _updated_and_full(cli, make_raw, build, tmp_path, articles, FOLD_MANIFEST,
                                      late)
    assert updated == full


TOUR_MANIFEST = """file,publisher,url,published,title
tour1.txt,Moskva Wire,,2017-12-11,
tour2.txt,Nile Courier,,2017-12-12,
tour3.txt,Bosphorus Daily,,2017-12-12,
tour4.txt,Beirut Monitor,,2017-12-28,
"""

TOUR_ARTICLES = {
    # one leader's day of three visits in three places, each its own happening ...
    "tour1.txt": "At the base\n\nPresident Vladimir Putin made an unannounced visit to the"
                 " Hmeimim air base on Monday.\n",
    "tour2.txt": "In Cairo\n\nPutin arrived in Cairo on Monday for a visit and talks with"
                 " President Abdel Fattah al-Sisi.\n",
    "tour3.txt": "In Ankara\n\nPutin flew on to Ankara on Monday evening for a visit and talks"
                 " with President Recep Tayyip Erdogan.\n",
    # ... and a month's statement naming the leader, whom all three share, and the base
    "tour4.txt": "Review\n\nEarlier this month, Putin toured the Hmaymim airbase and told"
                 " the troops they would soon be home.\n",
}


def test_a_months_statement_joins_the_day_entry_all_its_names_point_at(cli, corpus_of):
    by_date = _entries(cli, corpus_of(TOUR_ARTICLES, TOUR_MANIFEST))
    assert sorted(a for a, _ in by_date["2017-12-11"]) == [["tour1", "tour4"], ["tour2"],
                                                           ["tour3"]]
    assert "2017-12" not in by_date


SINGULAR_MANIFEST = """file,publisher,url,published,title
start1.txt,Kremlin Herald,,2015-09-30,
start2.txt,Gulf Standard,,2015-10-01,
start3.txt,Karachi Ledger,,2015-10-20,
down1.txt,Northwire,,2015-11-24,
down2.txt,Anatolian Courier,,2015-11-29,
down3.txt,Tehran Review,,2015-12-05,
"""

SINGULAR_ARTICLES = {
    # a day holds one start of the campaign: its month's statement is that day's
    "start1.txt": "Strikes begin\n\nRussian jets carried out their first air strikes in"
                  " Syria on Wednesday, the defence ministry said.\n",
    "start2.txt": "Moscow joins\n\nRussia's air campaign began on September 30 with strikes"
                  " near Homs.\n",
    "start3.txt": "Three weeks on\n\nSince Moscow's air campaign began last month, the front"
                  " lines have barely moved.\n",
    # two aircraft downed in one month: a month's statement cannot tell which
    "down1.txt": "Jet lost\n\nA Russian bomber was shot down near the Turkish border on"
                 " Tuesday.\n",
    "down2.txt": "Drone lost\n\nA Turkish drone was shot down over Kilis on Friday.\n",
    "down3.txt": "Crisis\n\nThe aircraft shot down last month has poisoned relations between"
                 " the two capitals.\n",
}


def test_a_months_statement_of_a_singular_act_joins_its_one_day_entry(cli, corpus_of):
    by_date = _entries(cli, corpus_of(SINGULAR_ARTICLES, SINGULAR_MANIFEST))
    assert [a for a, _ in by_date["2015-09-30"]] == [["start1", "start2", "start3"]]
    assert "2015-09" not in by_date
    assert [a for a, _ in by_date["2015-11"]] == [["down3"]]


@pytest.mark.parametrize("late", [{"start3.txt"}, {"start1.txt", "start2.txt"},
                                  {"down2.txt"}])
def test_an_update_folds_a_singular_acts_month_as_a_full_build_does(
        cli, make_raw, build, tmp_path, late):
    updated, full = _updated_and_full(cli, make_raw, build, tmp_path, SINGULAR_ARTICLES,
                                      SINGULAR_MANIFEST, late)
    assert updated == full


PATROL_MANIFEST = """file,publisher,url,published,title
patrol1.txt,Anatolian Courier,,2020-03-15,
patrol2.txt,Defence Briefing Desk,,2020-03-16,
patrol3.txt,Levant Weekly,,2020-04-02,
patrol4.txt,Idlib Voice,,2020-03-18,
"""

PATROL_ARTICLES = {
    # the first joint patrol of a road, in a Turkish outlet, a briefing and a month's review
    "patrol1.txt": "Patrol\n\nRussian and Turkish forces today carried out their first joint"
                   " patrol along the M4 highway near al-Nayrab.\n",
    "patrol2.txt": "Briefing\n\nOn 15.03.2020, the first combined land patrol with the Turkish"
                   " side was carried out on the highway.\n",
    "patrol3.txt": "Review\n\nIn March 2020, Russian and Turkish troops ran their first joint"
                   " patrol on the M4, cut short by protesters.\n",
    # a later patrol recurs: its own entry
    "patrol4.txt": "Second run\n\nA second joint patrol drove along the same stretch of the M4"
                   " on Wednesday.\n",
}


def test_the_first_patrol_of_a_road_is_one_happening(cli, corpus_of):
    by_date = _entries(cli, corpus_of(PATROL_ARTICLES, PATROL_MANIFEST))
    assert [a for a, _ in by_date["2020-03-15"]] == [["patrol1", "patrol2", "patrol3"]]
    assert [a for a, _ in by_date["2020-03-18"]] == [["patrol4"]]


def test_a_month_an_article_also_dates_to_a_day_stays_its_own(cli, corpus_of):
    """An article that gives the day of one happening and the month of another it names
    told them apart (a briefing's wording)."""
    text = ("Airport retaken\n\nTroops recaptured Palmyra's airport on Sunday, March 19."
            " Officials said the recapture of Palmyra earlier this month had cost dozens of"
            " lives.\n")
    by_date = _entries(cli, corpus_of({"palm4.txt": text}, FOLD_MANIFEST))
    assert [a for a, _ in by_date["2017-03-19"]] == [["palm4"]]
    assert [a for a, _ in by_date["2017-03"]] == [["palm4"]]
