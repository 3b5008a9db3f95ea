"""The same article twice: one article, its claims counted once, the copy's file named."""
from __future__ import annotations

import json
import sqlite3

STORY = ("Russian jets pound Idlib\n\n14 March 2016\n\nRussian jets carried out more than 60 "
         "sorties over Idlib on Sunday, the Russian Defence Ministry said.\n")


def _rows(cli, db, *args):
    result = cli(*args, "--format", "json", db=db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_identical_texts_are_one_article(make_raw, build, cli):
    raw = make_raw({
        "a.txt": STORY,
        # the same page saved again: another encoding, other line ends, a BOM
        "b.txt": b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode("utf-8"),
        "c.txt": STORY.replace("60", "70").replace("Idlib", "Hama"),
    })
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    assert "note: b.txt has the same text as article a: one article" in result.stderr
    assert "2 articles" in result.stderr
    assert [a["article"] for a in _rows(cli, db, "articles")] == ["a", "c"]
    sorties = [(f["article"], f["value"]) for f in _rows(cli, db, "figures", "sorties")]
    assert sorted(sorties) == [("a", 60), ("c", 70)]
    # an update that adds one more copy names it too and writes nothing of it
    (raw / "d.txt").write_text(STORY, encoding="utf-8")
    result, db = build(raw, db)
    assert "note: d.txt has the same text as article a" in result.stderr
    assert len(_rows(cli, db, "figures", "sorties")) == 2
    # the original gone, a copy is the article
    (raw / "a.txt").unlink()
    result, db = build(raw, db)
    assert result.exit_code == 0, result.output
    assert "note: d.txt has the same text as article b" in result.stderr
    assert [a["article"] for a in _rows(cli, db, "articles")] == ["b", "c"]


WIRE = (
    "MOSCOW, March 15 (Levant Wire) - Russian warplanes began leaving the Hmeimim air base in "
    "Syria on Tuesday, a day after President Vladimir Putin ordered the main part of the "
    "force to withdraw.\n\n"
    "The Russian Defence Ministry said the first group of Su-34 bombers had taken off from "
    "the base and was flying home over Iran and the Caspian Sea.\n\n"
    "Russian jets have carried out more than 9,000 sorties since the campaign began on "
    "30 September 2015, Defence Minister Sergei Shoigu told Putin on Monday.\n\n"
    "The Syrian Observatory for Human Rights said at least 1,700 civilians had been killed "
    "in Russian strikes over the same period, a figure Moscow disputes.\n\n"
    "Diplomats in Geneva said the announcement took the opposition delegation by surprise as "
    "indirect talks on the future of the country resumed this week.\n"
)


def test_wire_copy_reprinted_by_other_sites_counts_once(make_raw, build, cli):
    reprint = ("Home | World | Middle East\n\nRussian jets start leaving Syria\n\n" + WIRE
               + "\nRead more: Putin's surprise move\n\nShare this article\n")
    excerpt = "\n\n".join(WIRE.split("\n\n")[:4]) + "\n"
    # another wire's report of the same pullout from the same base (at another place it
    # would be another happening: timeline._person_pairs)
    other = WIRE.replace("9,000", "7,000").replace("Su-34", "Su-24").replace(
        "Caspian Sea", "Black Sea").replace("1,700", "2,000").replace("Geneva", "Vienna")
    manifest = ("file,publisher,published\nwire.txt,Levant Wire,2016-03-15\n"
                "portal.txt,Gulf Portal,2016-03-16\nexcerpt.txt,Daily Digest,2016-03-17\n"
                "other.txt,Other Wire,2016-03-15\n")
    raw = make_raw({"wire.txt": WIRE, "portal.txt": reprint, "excerpt.txt": excerpt,
                    "other.txt": other}, manifest)
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    articles = {a["article"]: a["reprint_of"] for a in _rows(cli, db, "articles")}
    assert articles == {"wire": None, "portal": "wire", "excerpt": "wire", "other": None}
    with sqlite3.connect(db) as conn:   # a report is stored only for a reprint's events
        reports = dict(conn.execute("select article, group_concat(distinct"
                                    " coalesce(report, '-')) from events group by article"))
    assert reports == {"wire": "-", "portal": "wire", "excerpt": "wire", "other": "-"}
    # one claim per original report: the reprints' repeats are not claims of their own
    claims = _rows(cli, db, "figures", "sorties")
    sorties = sorted((f["article"], f["value"], f["reprints"]) for f in claims)
    assert sorties == [("other", 7000, None), ("wire", 9000, "excerpt, portal")]
    tsv = cli("figures", "sorties", "--format", "tsv", db=db).stdout.splitlines()
    assert tsv[0].endswith("\treprints\tplaces")
    assert sorted(line.split("\t")[-2] for line in tsv[1:]) == ["", "excerpt, portal"]
    # the timeline counts the report once, and lists where it was reprinted
    [entry] = [e for e in _rows(cli, db, "timeline")
               if e["date"] == "2016-03-15" and "wire" in {m["article"] for m in e["mentions"]}]
    assert {m["article"] for m in entry["mentions"]} >= {"wire", "portal", "excerpt"}
    assert entry["sources"] == 2  # wire (with its reprints) and other
    # the original gone, its reprints are reports of their own again (one the original)
    (raw / "wire.txt").unlink()
    result, db = build(raw, db)
    assert result.exit_code == 0, result.output
    articles = {a["article"]: a["reprint_of"] for a in _rows(cli, db, "articles")}
    assert articles == {"portal": None, "excerpt": "portal", "other": None}
    claims = _rows(cli, db, "figures", "sorties")
    sorties = sorted((f["article"], f["value"], f["reprints"]) for f in claims)
    assert sorties == [("other", 7000, None), ("portal", 9000, "excerpt")]
