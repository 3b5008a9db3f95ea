"""A timeline worth reading (#17 item 7): background hidden in a terminal's table,
--all, --conflicts, --precision."""

import json

import pytest

from syriacli.extract.events import is_anchor


def entries(cli, *args, **kw):
    result = cli("timeline", "--format", "json", *args, **kw)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("sentence, date, anchor", [
    # background: a lasting state dated by its start
    ("Syria has been locked in a civil war since 2011, the monitor said.", "2011", True),
    ("The conflict, which began in March 2011, has killed more than 350,000 people.",
     "March 2011", True),
    ("Moscow has backed Assad since the start of the uprising in March 2011.", "March 2011", True),
    ("The war that broke out in 2011 has displaced half the population, the UN says.",
     "2011", True),
    ("Ever since September 2015, Russian jets have flown from Hmeimim.", "September 2015", True),
    # happenings
    ("Russia began its air campaign in Syria on 30 September 2015, TASS reported.",
     "30 September 2015", False),
    ("Turkish jets shot down a Russian Su-24 on November 24, 2015, Anadolu Agency said.",
     "November 24, 2015", False),
    ("SOHR said 14 civilians were killed in air strikes on Idlib on 3 May 2019.",
     "3 May 2019", False),
    ("The ceasefire came into force on 27 February 2016, since when fighting has eased.",
     "27 February 2016", False),
])
def test_what_anchors_a_state(sentence, date, anchor):
    assert is_anchor(sentence, 0, sentence.index(date)) is anchor


@pytest.fixture
def corpus(corpus_of):
    return corpus_of({
        "a.txt": "Strikes\n\nMOSCOW, 12 October 2017 (Reuters) - Syria has been at war since"
                 " 2011. Russian jets struck Idlib on 10 October 2017, the ministry said.\n",
        "b.txt": "Talks\n\nDamascus, 20 October 2017 - The war, which began in 2011, goes on."
                 " Russian jets struck Idlib on 11 October 2017, a monitor said. Talks opened"
                 " in October 2017.\n",
    })


def test_background_is_left_out_of_a_terminal_table_and_listed_elsewhere(cli, corpus):
    every = entries(cli, db=corpus)
    background = [e for e in every if e["background"]]
    assert [e["date"] for e in background] == ["2011", "2011"]
    assert all(not e["background"] for e in every if e["date"] != "2011")
    table = cli("timeline", "-f", "table", db=corpus, env={"COLUMNS": "100"})
    assert "2 background entries left out" in table.stderr and "--all" in table.stderr
    assert "2011" not in table.stdout and "Idlib" in table.stdout
    shown = cli("timeline", "-f", "table", "--all", db=corpus, env={"COLUMNS": "100"})
    assert "2011" in shown.stdout and "background" not in shown.stderr
    tsv = cli("timeline", db=corpus).stdout.splitlines()
    at = tsv[0].split("\t").index("background")
    assert {line.split("\t")[0]: line.split("\t")[at] for line in tsv[1:]}["2011"] == "true"


def test_a_recent_since_is_news_not_background(cli, make_raw, build):
    raw = make_raw({"a.txt": "Sorties\n\nMOSCOW, 5 January 2016 (TASS) - Since December 25,"
                             " Russian jets have flown 164 sorties, the ministry said.\n"})
    _, db = build(raw)
    (entry,) = entries(cli, db=db)
    assert entry["date"] == "2015-12-25" and entry["background"] is False


def test_conflicts_and_precision(cli, corpus, seed_db):
    every = entries(cli)
    conflicts = entries(cli, "--conflicts")
    assert conflicts and all(e["conflict"] for e in conflicts)
    assert len(conflicts) == sum(1 for e in every if e["conflict"])
    for precision in ("day", "month", "year"):
        some = entries(cli, "--precision", precision.upper())
        assert some and {e["precision"] for e in some} == {precision}
    assert cli("timeline", "--precision", "week").exit_code == 2


def test_one_report_carried_by_several_articles_is_one_entry(cli, make_raw, build):
    """A sentence naming no strong concept (no strike, no capture) still merges with
    its copies in other articles; a different sentence of the same date does not."""
    wire = ("Diplomats in Geneva said on 14 March 2016 that the Syrian government delegation"
            " had asked for more time.")
    raw = make_raw({
        "tass.txt": f"Geneva\n\nGENEVA, March 15, 2016 (TASS) - {wire}\n",
        # the same words, spaced and punctuated differently
        "aa.txt": "Geneva talks\n\nANKARA, 15 March 2016 (AA) - " + wire.replace(" that", ",  that")
                  + "\n",
        "sohr.txt": "Geneva\n\nMarch 16, 2016 - The opposition delegation met the UN envoy"
                    " on 14 March 2016, the Observatory said.\n",
    })
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    day = [e for e in entries(cli, "--precision", "day", db=db) if e["date"] == "2016-03-14"]
    assert sorted(e["sources"] for e in day) == [1, 2]
    (merged,) = [e for e in day if e["sources"] == 2]
    assert {m["article"] for m in merged["mentions"]} == {"tass", "aa"}


def test_a_numeric_dateline_is_the_date_of_the_article_not_an_event(cli, make_raw, build):
    raw = make_raw({"a.txt": "Jets hit Idlib market\n\nANKARA, 15.03.2016 (Anadolu) - Russian"
                             " warplanes struck a market in Idlib on Monday, killing 12"
                             " civilians, a monitoring group said.\n"})
    _, db = build(raw)
    (entry,) = entries(cli, db=db)
    assert entry["date"] == "2016-03-14" and entry["mentions"][0]["expression"] == "Monday"
