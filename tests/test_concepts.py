"""Merge concepts (data/concepts.json): what a dated clause speaks of, so that two sources'
mentions of one happening merge. Sentences written for these tests in the styles of wire
copy, monitors' reports and state media; none is from the seeds or the dev set."""
import pytest

from syriacli.extract.events import concept_table, concepts_in


@pytest.mark.parametrize("clause, concept", [
    # control change
    ("Syrian government forces have taken control of Saraqeb, state news agency SANA said",
     "control change"),
    ("Turkish-backed fighters overran the town of Ras al-Ain on Saturday", "control change"),
    ("Kurdish-led forces expelled Islamic State from its last enclave in Baghouz",
     "control change"),
    ("the army regained full control of eastern Ghouta, the monitor said", "control change"),
    # withdrawal
    ("Moscow began pulling out part of its air group from Hmeimim", "withdrawal"),
    ("Washington will draw down its troops in north-east Syria, officials told Reuters",
     "withdrawal"),
    # campaign start
    ("Ankara launched Operation Peace Spring on 9 October 2019", "campaign start"),
    ("Russia entered the war in September 2015 at Damascus's request", "campaign start"),
    # deployment
    ("Turkey sent troops and armour into Idlib province in February", "deployment"),
    ("Moscow deployed military police to Manbij on Tuesday", "deployment"),
    # departure is a withdrawal: forces leaving, however it is worded
    ("the last Russian bombers departed from the base on Friday", "withdrawal"),
    ("the crews flew home to Lipetsk, the ministry said", "withdrawal"),
    ("A first group of jets left the Latakia air base for home on Tuesday", "withdrawal"),
    # campaign start: a campaign or an operation launched, not any launch
    ("Turkish troops launched a ground offensive into north-east Syria", "campaign start"),
    ("U.S. troops withdrew from the town on Tuesday", "withdrawal"),   # an irregular past
    # an evacuation is a withdrawal: people or fighters leaving a place
    ("The evacuation of fighters and their families from the district began on Thursday",
     "withdrawal"),
    ("Some 300 gunmen were bussed out of the town on Sunday", "withdrawal"),
    # delivery of something
    ("Moscow completed the delivery of S-300 systems to the Syrian army on Tuesday",
     "delivery"),
    ("The ministry finished handing over the air defence batteries on 2 October", "delivery"),
    # a handover or a transfer of arms is one (a think tank, an Indian daily, TASS)
    ("The handover of the S-300 batteries was completed earlier this month", "delivery"),
    ("Russia yesterday finished transferring its air-defence batteries to the army",
     "delivery"),
    ("Moscow has transferred four more fighter jets to the Syrian air force", "delivery"),
    # SANA's idiom for a capture
    ("Army units restored security and stability to the whole city on Sunday",
     "control change"),
    # missiles fired at something
    ("Four warships fired 26 cruise missiles at 11 targets on Wednesday", "airstrike"),
    # the common verbs of war reporting, in more than one word each
    ("Government artillery pounded the southern districts overnight", "airstrike"),
    ("A Russian Su-25 crashed in the countryside on Saturday", "aircraft downed"),
    ("Rebels stormed the village on Monday", "control change"),
    ("Moscow dispatched more military police to the town", "deployment"),
    ("Putin and Erdogan held a phone call on Thursday", "talks"),
    ("President Assad received the Russian defence minister in Damascus on Tuesday", "talks"),
    ("A peace congress opened in the Black Sea resort on Tuesday", "talks"),
    ("Moscow announced three humanitarian corridors out of the besieged districts", "corridor"),
    ("Russia offered safe passage to civilians leaving the eastern districts", "corridor"),
    ("The transport plane went down two minutes after take-off", "aircraft downed"),
    ("The two sides carried out a prisoner exchange near al-Bab", "exchange"),
    ("A humanitarian pause took effect in the eastern districts", "ceasefire"),
    # patrol, ceremony
    ("Russian and Turkish troops held their third joint patrol near Kobani", "patrol"),
    ("Military police patrolled the outskirts of the town on Tuesday", "patrol"),
    # the first patrol of a road happens once (a Turkish ministry, a Russian briefing)
    ("Russian and Turkish troops ran their first joint patrol along the M4 highway",
     "first patrol"),
    ("the first combined land patrol with the Russian side was carried out on Sunday",
     "first patrol"),
    ("The orchestra gave a concert in the Roman theatre of the ancient city", "ceremony"),
    ("Troops marched in a Victory Day parade at the air base on 9 May", "ceremony"),
    # others
    ("Ankara and Moscow agreed a ceasefire in Idlib from midnight", "ceasefire"),
    ("a Syrian Su-24 was shot down over Idlib by Turkish F-16s", "aircraft downed"),
    # an aircraft lost, as a ministry first words it (Tass, RT) or a wire relays it
    ("Contact with the An-26 transport was lost over the sea on approach", "aircraft downed"),
    ("A reconnaissance plane went missing off the coast late on Monday", "aircraft downed"),
    ("the helicopter disappeared from radar screens near the border", "aircraft downed"),
    # a phrasal verb whose particle stands after its object (data: separable_concepts)
    ("President Putin said he was pulling most of Russia's forces out of the country",
     "withdrawal"),
    ("Moscow will bring its last sappers home by the end of the month", "withdrawal"),
    ("The army on Tuesday broke a nearly three-year siege of the city, Xinhua said",
     "siege broken"),
    ("troops linked up with the garrison, ending an enduring two-year siege", "siege broken"),
    ("Ankara launched its long-threatened offensive east of the Euphrates on Wednesday",
     "campaign start"),
    ("Moscow will supply Damascus with the S-300 air defence system within two weeks",
     "delivery"),
    ("The batteries will be delivered to the Syrian army by October, the minister said",
     "delivery"),
    ("Government forces completed their control over the town on Wednesday", "control change"),
    # an agreement by the words diplomats use for one (a State Department briefing, a wire)
    ("The Secretary and the foreign minister reached an arrangement on Friday in Geneva",
     "agreement"),
    ("The accord was unveiled after thirteen hours of talks", "agreement"),
    # a veto is the blocking of a resolution, active or passive (Xinhua, France 24)
    ("Russia blocked a French-drafted resolution on Aleppo on Saturday", "veto"),
    ("A French-drafted resolution on Aleppo was blocked by Russia in the council", "veto"),
    ("most of the contingent will leave Syria by the new year, Dawn reported", "withdrawal"),
    # a death told by its noun (a ministry's statement, a Turkish outlet)
    ("the ministry confirmed the death of Lieutenant General Valery Asapov", "casualty report"),
    ("the assassination of the ambassador at an art gallery in Ankara", "casualty report"),
    # a campaign's first strikes, however many words between (a NATO brief, The Hindu, RT)
    ("Since the first Russian air raids on 30 September, NATO has watched the skies",
     "campaign start"),
    ("the first Russian sorties over Homs were flown on Wednesday", "campaign start"),
    ("Moscow's bombing campaign began on 30 September with strikes around Homs",
     "campaign start"),
    # a killing told by its noun or a wire's verb (Anadolu, AFP, an Iranian daily)
    ("the killing of the envoy at a photo exhibition shocked both capitals", "casualty report"),
    ("the commander was shot dead at a checkpoint outside the town", "casualty report"),
    ("two police officers were gunned down in the city centre", "casualty report"),
    ("the murder of the diplomat would not harm ties, the Kremlin said", "casualty report"),
    # a deal struck, inked: an agreement (a Gulf daily, Press TV)
    ("the two presidents struck a deal after six hours of talks", "agreement"),
    ("the memorandum was inked by the three guarantor states", "agreement"),
    # a parliament's consent is an authorisation (TASS, a wire)
    ("The Federation Council gave its consent to the use of the armed forces abroad",
     "authorisation"),
    ("the upper house gave the green light to the deployment on Wednesday", "authorisation"),
    # an agreement suspended or frozen (a wire, an Israeli daily)
    ("Russia said on Friday it was suspending the flight-safety memorandum", "suspension"),
    ("Moscow's decision to freeze the memorandum with the Pentagon", "suspension"),
    # fighters driven out of a town, however many words between (a Gulf daily, SANA)
    ("troops pushed Islamic State militants out of the ancient city on Thursday",
     "control change"),
    ("the army drove the last armed groups out of the eastern suburbs", "control change"),
    # a town wrested back is a town retaken (The Hindu)
    ("troops wrested the town back from the militants on Sunday", "control change"),
    ("the president's brief stopover at the air base", "visit"),
])
def test_a_clause_names_its_concept(clause, concept):
    assert concept in concepts_in(clause)


@pytest.mark.parametrize("clause, concept", [
    ("talks started in Astana on Monday", "campaign start"),  # "started" alone is no campaign
    # rounds of a mortar or of shelling are no round of talks (a monitor, a wire)
    ("mortar rounds fired at the base killed two servicemen", "talks"),
    ("a fresh round of shelling hit Douma overnight", "talks"),
    ("the minister sent a letter to the UN on Monday", "deployment"),  # nor is "sent"
    ("the main part of the report was published in May", "withdrawal"),
    ("the delegation landed in Geneva on Sunday", "withdrawal"),
    ("the frigate launched eight Kalibr cruise missiles at targets near the city",
     "campaign start"),                      # a launch of missiles is a strike
    ("rebels launched rockets at the air base overnight", "campaign start"),
    ("Russian aircraft delivered pinpoint strikes on eight targets", "delivery"),  # a strike
    ("Damascus received the S-300 missile systems in October", "airstrike"),  # no strike
    ("The convoy was returning from a humanitarian operation", "corridor"),  # aid, no corridor
    ("Ankara recovered the bodies of two soldiers", "control change"),
    # a particle past a conjunction or punctuation belongs to another verb
    ("Medics pull the wounded into the vans and drive out of the district", "withdrawal"),
    ("Crews pull hoses across the yard, then head out again", "withdrawal"),
    ("Residents lost contact with relatives inside the besieged town", "aircraft downed"),
    ("Rebels broke the truce and the siege of the town went on", "siege broken"),
    ("Aid groups supply bread and fuel with trucks from the border", "delivery"),
    ("Aid was distributed in accordance with the plan", "agreement"),
    # a transfer of power is no delivery: only the verb is (a wire)
    ("The council called for a peaceful transfer of power in Damascus", "delivery"),
    # a draft resolution is a document: failing a vote is no veto (AP)
    ("A rival Russian draft resolution failed to win the nine votes it needed", "veto"),
    ("Russian and Turkish troops held their third joint patrol near Kobani", "first patrol"),
    # a deal struck is no strike (a wire, RT)
    ("Putin and his Turkish counterpart struck a deal in Moscow on Thursday", "airstrike"),
    ("the sides struck the deal after a long night of talks", "airstrike"),
])
def test_words_that_do_not_name_the_concept(clause, concept):
    assert concept not in concepts_in(clause)


def test_concepts_come_in_the_order_of_the_file():
    order = list(concept_table()[0])
    found = concepts_in(
        "after the truce, Russian jets started leaving and the army recaptured the town")
    assert found == sorted(found, key=order.index)
    assert {"ceasefire", "withdrawal", "control change"} <= set(found)


def test_every_stem_is_lowercase_and_every_weak_concept_exists():
    concepts, generic, weak = concept_table()
    assert all(stem == stem.lower() for stems in concepts.values() for stem in stems)
    assert weak <= set(concepts)
    assert all(name[:1].isupper() for name in generic)


def test_background_that_holds_the_date_is_the_statements_own():
    from syriacli.extract.events import merge_concepts

    clause = ("The evacuation of the wounded from the district, which started yesterday under "
              "a deal, has brought 8,000 people out")
    # the date is in the relative clause: it is the statement's own, deal and all
    assert {"withdrawal", "agreement"} <= set(merge_concepts(clause, "yesterday"))
    # a date elsewhere leaves the relative clause background
    assert "agreement" not in merge_concepts(clause, "on Friday")


@pytest.mark.parametrize("clause, date, act, other", [
    # a congratulation's occasion is another happening (Kremlin readout, SANA, a wire)
    ("President Putin telephoned President Assad on Sunday to congratulate him on the "
     "recapture of Palmyra", "on Sunday", "talks", "control change"),
    ("Assad on Tuesday received a cable of congratulations from Putin on the breaking of "
     "the siege of Deir ez-Zor", "on Tuesday", "talks", "siege broken"),
    # what a draft demands is no act of the vote (a wire, Dawn)
    ("Russia on Saturday vetoed a French draft demanding an immediate halt to the bombing "
     "of Aleppo", "on Saturday", "veto", "airstrike"),
    # support from the air is no act of the advance (Anadolu, Press TV)
    ("Regime forces backed by Russian air strikes entered the town of Khan Sheikhoun on "
     "Wednesday", "on Wednesday", "deployment", "airstrike"),
    ("Army units, with the support of Russian aviation, liberated Palmyra on Sunday",
     "on Sunday", "control change", "airstrike"),
])
def test_the_occasion_demand_or_support_of_an_act_is_not_the_act(clause, date, act, other):
    from syriacli.extract.events import merge_concepts

    got = merge_concepts(clause, date)
    assert act in got and other not in got


@pytest.mark.parametrize("clause, date, act", [
    # the background clause ends at a comma inside the date (a wire, Daily Sabah, Dawn)
    ("Relations had sunk to their lowest point after Turkey shot down a Russian warplane on "
     "November 24, 2015", "November 24, 2015", "aircraft downed"),
    ("Ties recovered only months after Ankara apologised for the jet on June 27, 2016",
     "June 27, 2016", "apology"),
    ("Aid deliveries stopped after a convoy was shelled near Urum al-Kubra on September 19, "
     "2016, the UN said", "September 19, 2016", "airstrike"),
])
def test_background_holding_a_date_that_runs_past_a_comma(clause, date, act):
    from syriacli.extract.events import merge_concepts

    assert act in merge_concepts(clause, date)


@pytest.mark.parametrize("clause, date, act, other", [
    # what happened 'before' it is another happening (The National's, a wire's wording)
    ("Israeli jets struck targets near the port on Monday evening, shortly before the "
     "surveillance plane disappeared from radar screens", "on Monday evening",
     "airstrike", "aircraft downed"),
    ("The army entered the town on Friday, days before the last buses were evacuated",
     "on Friday", "deployment", "withdrawal"),
    # nor what a relative clause after ', in which' tells (SANA)
    ("Troops entered the town today, in which the minister saw the breaking of the siege",
     "today", "deployment", "siege broken"),
])
def test_a_clause_opened_by_before_is_not_the_statements_act(clause, date, act, other):
    from syriacli.extract.events import merge_concepts

    got = merge_concepts(clause, date)
    assert act in got and other not in got


@pytest.mark.parametrize("clause, date, act, other", [
    # a strike or a killing written nearest before the date is its act, not the deal or
    # the talks the clause opens with (a wire, RT, a monitor, Daily Sabah)
    ("The arrangement was damaged by the coalition strike on Saturday near the airport",
     "on Saturday", "airstrike", "agreement"),
    ("Talks went ahead although the ambassador was assassinated in the capital on Monday",
     "on Monday", "casualty report", "talks"),
    ("The truce was broken when militants shelled the district on Friday evening",
     "on Friday evening", "airstrike", "ceasefire"),
    ("Joint patrols began around the town yesterday under the deal agreed in Sochi",
     "yesterday", "patrol", "agreement"),
    # the nearest act before the date stays; a toll or strike after it does not displace it
    # (an Iranian outlet's, a Pakistani daily's wording)
    ("Terrorists shot down a helicopter over the province on Monday, killing all five",
     "on Monday", "aircraft downed", None),
    ("Talks in Geneva on Monday went ahead as strikes hit the city", "on Monday", "talks",
     None),
    # a strike's words beside a campaign's first are the campaign's (a wire, Dawn)
    ("Russia began its air strikes in Syria on 30 September", "on 30 September",
     "campaign start", None),
    # a date before any act: the nearest after it (SANA's word order)
    ("On Sunday, a car bomb exploded at the entrance of the reconciliation centre",
     "On Sunday", "airstrike", "agreement"),
])
def test_a_date_is_the_date_of_the_act_written_nearest_it(clause, date, act, other):
    from syriacli.extract.events import merge_concepts

    got = merge_concepts(clause, date)
    assert act in got and (other is None or other not in got), got


def test_a_bomber_is_no_strike():
    from syriacli.extract.events import concepts_in

    assert "airstrike" not in concepts_in("Two Russian bombers landed at the base")
    assert "airstrike" in concepts_in("Russian jets bombed the town")
