"""Issue 3: the timeline of the seed corpus, merged across sources, conflicts flagged."""

import csv
import io
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def entries(cli, *args):
    result = cli("timeline", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_contract(cli):
    entry = entries(cli)[0]
    assert list(entry) == ["date", "precision", "summary", "publishers", "articles", "about",
                           "conflict", "sources", "background", "places", "article", "title",
                           "publisher", "published", "url", "mentions"]
    assert {"article", "publisher", "published", "quote", "expression"} <= set(entry["mentions"][0])


def test_every_row_cites_the_article_of_its_summary(cli):
    """Each entry carries the title, publisher, date and url of the article whose sentence
    its summary is, in json, jsonl, csv and tsv alike."""
    got = entries(cli)
    bbc = [e for e in got if e["publisher"] == "BBC"]
    assert bbc and all(e["title"] == "Syria conflict: Russia 'to continue air strikes' after"
                       " withdrawal" and e["url"].startswith("https://www.bbc.co.uk/")
                       and e["published"] == "2016-03-15" for e in bbc)
    for e in got:
        assert e["title"] and e["article"] in e["articles"]
        assert any(m["article"] == e["article"] and e["summary"].rstrip("…")[:20].lower()
                   in m["quote"].lower() for m in e["mentions"])
    cited = [[e[c] or "" for c in ("article", "title", "publisher", "published", "url")]
             for e in got]
    tsv = [line.split("\t")[-5:] for line in cli("timeline").stdout.splitlines()[1:]]
    rows = list(csv.reader(io.StringIO(cli("timeline", "--format", "csv").stdout)))[1:]
    jsonl = [json.loads(line) for line in cli("timeline", "--format", "jsonl").stdout.splitlines()]
    assert tsv == [r[-5:] for r in rows] == cited
    assert [{k: v for k, v in e.items()} for e in jsonl] == got


def test_sources_disagree_names_publishers(cli):
    out = cli("timeline", "--format", "table", "--from", "2016-03", "--to", "2016-04",
              env={"COLUMNS": "200"}).stdout
    said = [line for line in out.splitlines() if "sources disagree" in line]
    # 001_1431156e20cd0360 is AP's, 000_616b968fe542e006 RT's; 002 has no publisher
    assert said and "Apr 2016 (AP)" in said[0] and "Mar 2016 (RT, 002_" in said[0]
    assert not any(a in " ".join(said) for a in ("001_1431156e20cd0360", "000_616b968fe542e006"))


def test_august_september_2015(cli):
    got = entries(cli, "--from", "2015-08", "--to", "2015-09")
    assert all(e["date"] <= "2015-09-30" for e in got)
    quotes = [m["quote"] for e in got for m in e["mentions"]]
    assert not any("11 October 2015" in q for q in quotes)
    agreement = [e for e in got if any("Hmeimim airport" in m["quote"] for m in e["mentions"])]
    assert len(agreement) == 1 and {m["article"][:3] for m in agreement[0]["mentions"]} == {
        "001",
        "002",
    }
    assert any("Federation Council" in m["quote"] for e in got for m in e["mentions"])
    first = [e for e in got if e["date"] == "2015-09-30"]
    assert len(first) == 1 and first[0]["precision"] == "day"
    assert len({m["article"] for m in first[0]["mentions"]}) >= 2


def test_conflicts_are_flagged(cli):
    flagged = {e["date"]: e for e in entries(cli) if e["conflict"]}
    withdrawal = flagged["2016-03-14"]
    assert {c["date"] for c in withdrawal["conflict"]} == {"2016-03-14", "2016-03-15"}
    palmyra = flagged["2016-03"]
    assert "Palmyra" in palmyra["about"]
    assert {c["date"]: c["articles"] for c in palmyra["conflict"]}["2016-04"] == [
        "001_1431156e20cd0360"
    ]


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_a_conflict_on_one_line_names_publishers(cli, fmt):
    """csv and tsv print a conflict as text, by publisher; an article without a publisher
    by its id (the row's `articles` column lists every article)."""
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(cli("timeline", "--conflicts", "--format", fmt).stdout),
                               delimiter="\t" if fmt == "tsv" else ","))
    withdrawal = next(r["conflict"] for r in rows if r["date"] == "2016-03-14")
    assert withdrawal.startswith("2016-03-14: ") and "BBC" in withdrawal and "RT" in withdrawal
    assert "003_5c8489880ca76ab4" not in withdrawal    # the BBC article: named by its publisher


def test_dateline_is_not_an_event(cli):
    quotes = [m["quote"] for e in entries(cli) for m in e["mentions"]]
    assert not any("05:10" in q or "12/09/2017" in q for q in quotes)


def test_relative_dates_without_publication_date_stay_off_the_timeline(cli):
    mine = [m for e in entries(cli) for m in e["mentions"] if m["article"].startswith("002")]
    assert not any(m["expression"].endswith("in March") or m["expression"] == "March" for m in mine)


@pytest.mark.parametrize(
    "args, check",
    [
        (
            ["--from", "2016-09-17", "--to", "2016-09-17"],
            lambda got: [e["date"] for e in got if e["precision"] == "day"] == ["2016-09-17"],
        ),
        (
            ["--from", "Sep 2016", "--to", "September 2016"],
            lambda got: (
                got
                and all(
                    e["date"] in ("2016", "2016-09") or e["date"].startswith("2016-09") for e in got
                )
            ),
        ),
        (
            ["--publisher", "AP"],
            lambda got: (
                got
                and all(
                    m["publisher"] == "AP"
                    for e in got
                    for m in e["mentions"]
                    if len(e["mentions"]) == 1
                )
            ),
        ),
        (["--about", "Khmeimim"], lambda got: got and all("Hmeimim" in e["about"] for e in got)),
        (["--match", "convoy"], lambda got: [e["date"] for e in got] == ["2016-09-19"]),
    ],
)
def test_filters(cli, args, check):
    assert check(entries(cli, *args))


def test_table_view_has_strip_groups_badges_and_markers(cli):
    out = cli("timeline", "--format", "table", "--quotes", env={"COLUMNS": "160"}).stdout
    assert "events a month" in out and "⚠" in out and "sources disagree" in out
    assert "14 Mar 2016" in out and "Mar 2016" in out and "“" in out


def test_tsv_is_one_line_per_entry(cli):
    lines = cli("timeline").stdout.splitlines()
    assert lines[0] == ("date\tprecision\tsummary\tpublishers\tarticles\tabout\tconflict"
                        "\tsources\tbackground\tplaces\tarticle\ttitle\tpublisher\tpublished"
                        "\turl")
    assert len(lines) == len(entries(cli)) + 1 and all(line.count("\t") == 14 for line in lines)


@pytest.mark.parametrize("args, said", [
    (["--about", "Palmora"], "No entries: --about 'Palmora' matches nothing in the corpus;"
                             " nearest: Palmyra"),
    (["--publisher", "Reuter"], "No entries: --publisher 'Reuter' matches nothing in the corpus;"
                                " nearest: RT"),
])
def test_a_filter_matching_nothing_names_the_nearest_values(cli, args, said):
    result = cli("timeline", "--format", "json", *args)
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert result.stderr.startswith(said) and result.stderr.count("\n") == 1


def test_filters_matching_nothing_together_say_so(cli):
    result = cli("timeline", "--publisher", "AP", "--from", "2030-01", "--to", "2030-02")
    assert result.exit_code == 0 and result.stdout.count("\n") == 1  # the header alone
    assert result.stderr == "No entries match these filters\n"


def test_incremental_merge_matches_a_full_build(tmp_path, cli):
    import shutil

    from conftest import SEEDS

    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, raw)
    shutil.copy(SEEDS / "manifest.csv", raw)
    db = tmp_path / "corpus.db"
    assert cli("build", "--raw", raw, db=db).exit_code == 0
    for seed in sorted(SEEDS.glob("*.txt"))[3:]:
        shutil.copy(seed, raw)
    (raw / sorted(SEEDS.glob("*.txt"))[0].name).unlink()
    (raw / "extra.txt").write_text(
        (SEEDS / "000_616b968fe542e006.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    update = cli("build", "--raw", raw, db=db)
    assert "2 unchanged, 1 removed" in update.stderr
    full_db = tmp_path / "full.db"
    assert cli("build", "--raw", raw, db=full_db).exit_code == 0

    def canonical(db):
        got = json.loads(cli("timeline", "--format", "json", db=db).stdout)
        return sorted(json.dumps(e, sort_keys=True) for e in got)

    assert canonical(db) == canonical(full_db)
    assert sorted(cli("timeline", "--format", "tsv", db=db).stdout.splitlines()) == sorted(
        cli("timeline", "--format", "tsv", db=full_db).stdout.splitlines()
    )


def test_an_update_joins_and_splits_entries_as_a_full_build_does(make_raw, build, cli, tmp_path):
    texts = {
        "a.txt": "Putin\n\nPresident Vladimir Putin inspected the troops of the garrison on "
                 "14 March 2016.",
        "b.txt": "Shoigu\n\nDefence Minister Sergei Shoigu inspected the troops of the garrison "
                 "on 14 March 2016.",
    }
    raw = make_raw(texts)
    _, db = build(raw)

    def entries(db):
        got = json.loads(cli("timeline", "--format", "json", db=db).stdout)
        return sorted(
            sorted(m["article"] for m in e["mentions"]) for e in got if e["date"] == "2016-03-14"
        )

    assert entries(db) == [["a"], ["b"]]  # different people, nothing unnamed: apart
    (raw / "c.txt").write_text(
        "Inspection\n\nAn inspection of the garrison's troops took place on 14 March 2016.",
        encoding="utf-8",
    )
    build(raw, db)  # an unnamed mention joins both
    full, _ = build(raw, tmp_path / "full.db")
    assert entries(db) == entries(tmp_path / "full.db") == [["a", "b", "c"]]
    (raw / "c.txt").unlink()
    build(raw, db)  # and without it they part again
    assert entries(db) == [["a"], ["b"]]


def test_a_conflict_follows_updates_as_a_full_build_does(make_raw, build, cli, tmp_path):
    """Two sources date one happening differently: each date is an entry, both flagged;
    adding and removing a source updates both entries as a full build would."""
    texts = {
        "a.txt": "Manbij\n\nSyrian troops took control of Manbij on 14 October 2019, SANA said.",
        "b.txt": "Manbij\n\nSyrian government forces took control of Manbij on 15 October 2019, "
                 "the monitor said.",
    }
    raw = make_raw(texts)
    _, db = build(raw)

    def view(db):
        got = json.loads(cli("timeline", "--format", "json", db=db).stdout)
        return sorted(
            (e["date"], sorted(m["article"] for m in e["mentions"]), json.dumps(e["conflict"]))
            for e in got
            if e["date"].startswith("2019-10-1")
        )

    dates = [
        {"date": "2019-10-14", "precision": "day", "articles": ["a"], "publishers": ["a"]},
        {"date": "2019-10-15", "precision": "day", "articles": ["b"], "publishers": ["b"]},
    ]
    assert view(db) == [
        ("2019-10-14", ["a"], json.dumps(dates)),
        ("2019-10-15", ["b"], json.dumps(dates)),
    ]
    (raw / "c.txt").write_text(
        "Manbij\n\nThe army took control of Manbij on 15 October 2019, Ankara said.",
        encoding="utf-8",
    )
    build(raw, db)
    build(raw, tmp_path / "full.db")
    assert view(db) == view(tmp_path / "full.db")
    assert [m for _, m, _ in view(db)] == [["a"], ["b", "c"]]
    (raw / "a.txt").unlink()
    build(raw, db)  # one date left: no conflict on the other entry
    assert view(db) == [("2019-10-15", ["b", "c"], "null")]


def test_the_tsv_lines_follow_a_manifest_change(make_raw, build, cli):
    text = "Pullout\n\nThe withdrawal of Russian forces from Syria began on 14 March 2016.\n"
    raw = make_raw(
        {"a.txt": text, "b.txt": text},
        "file,publisher,published\na.txt,RT,2016-03-20\nb.txt,AP,2016-03-21\n",
    )
    _, db = build(raw)

    def march_14(db):
        return [
            line.split("\t")[3:5]
            for line in cli("timeline", "--format", "tsv", db=db).stdout.splitlines()[1:]
            if line.startswith("2016-03-14")
        ]

    assert march_14(db) == [["RT, AP", "a, b"]]
    (raw / "manifest.csv").write_text(
        "file,publisher,published\na.txt,TASS,2016-03-22\nb.txt,AP,2016-03-21\n"
    )
    result, _ = build(raw, db)
    assert "1 extracted" in result.stderr
    assert march_14(db) == [["AP, TASS", "b, a"]]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.dates(date(2010, 1, 1), date(2020, 12, 31)), st.integers(0, 800))
def test_a_date_range_finds_every_entry_it_overlaps(seed_db, first, days):
    """The index bound on first days (an entry never spans two calendar years) loses nothing."""
    from syriacli import queries
    from syriacli.queries import Filters

    last = first + timedelta(days=days)
    conn = sqlite3.connect(seed_db)
    conn.row_factory = sqlite3.Row
    sql, params = queries.timeline_sql(
        Filters(date_from=first.isoformat(), date_to=last.isoformat()), None
    )
    found = [row["id"] for row in conn.execute(sql, params)]
    expected = [
        row[0]
        for row in conn.execute(
            "select id from entries where last_day >= ? and first_day <= ?",
            (first.isoformat(), last.isoformat()),
        )
    ]
    assert sorted(found) == sorted(expected)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(st.none(), st.dates(date(2014, 1, 1), date(2017, 12, 31))),
    st.integers(0, 900),
    st.sampled_from(["Palmyra", "Vladimir Putin", "Aleppo", "Islamic State"]),
    st.sampled_from([None, "RT", "bbc"]),
)
def test_about_finds_the_entries_with_an_event_naming_it(seed_db, first, days, name, publisher):
    """With or without a date range (two query plans), --about keeps an entry when one of its
    events names the name (and comes from --publisher)."""
    import json as json_

    from syriacli import queries
    from syriacli.queries import Filters

    conn = sqlite3.connect(seed_db)
    conn.row_factory = sqlite3.Row
    key = conn.execute("select key from mentions where name = ? limit 1", (name,)).fetchone()[0]
    start, end = (
        (first.isoformat(), (first + timedelta(days=days)).isoformat()) if first else (None, None)
    )
    sql, params = queries.timeline_sql(
        Filters(date_from=start, date_to=end, about=key, publisher=publisher), None, name
    )
    found = sorted(row["id"] for row in conn.execute(sql, params))
    expected = sorted(
        {
            row["entry"]
            for row in conn.execute(
                "select events.entry, events.about, articles.publisher from events"
                " join entries on entries.id = events.entry"
                " join articles on articles.id = events.article"
                " where (? is null or entries.last_day >= ?)"
                " and (? is null or entries.first_day <= ?)",
                (start, start, end, end),
            )
            if name in json_.loads(row["about"] or "[]")
            and (publisher is None or (row["publisher"] or "").lower() == publisher.lower())
        }
    )
    assert found == expected


def test_no_rendered_line_is_stored(seed_db):
    """Every format renders from the rows: the corpus keeps no pre-rendered line."""
    from syriacli import store

    with store.open_corpus(seed_db) as conn:
        for table in ("entries", "figures"):
            columns = [row[1] for row in conn.execute(f"pragma table_info({table})")]
            assert columns and "listing" not in columns




def test_summaries_are_made_from_the_stored_clause_as_extraction_made_them(seed_build, cli):
    """The corpus stores an event's clause's offsets, not its summary (issue #31): what a
    reader makes of them (events_quoted's summary, with the SQL function Datasette has
    too) is the summary extraction made of each event of the seeds, and a timeline
    entry's is its lead event's."""
    from syriacli import store
    from syriacli.extract.article import RawArticle, extract_article

    raw, db = seed_build
    made = {}
    with open(raw / "manifest.csv", newline="") as f:
        for row in csv.DictReader(f):
            article = Path(row["file"]).stem
            text = (raw / row["file"]).read_text()
            for event in extract_article(RawArticle(article, row["file"], text, row)).events:
                made[article, event.start] = event.summary
    conn = store.open_corpus(db)
    read = {(a, start): summary for a, start, summary in conn.execute(
        "select article, start, summary from events_quoted")}
    assert read == made and len(set(made.values())) > 30
    leads = [read[tuple(row)] for row in conn.execute(
        "select events.article, events.start from entries join events on events.id = entries.lead")]
    assert sorted(e["summary"] for e in entries(cli)) == sorted(leads)
    with sqlite3.connect(db) as plain:   # the tables themselves hold no summary
        for table in ("events", "entries"):
            assert "summary" not in [c[1] for c in plain.execute(f"pragma table_info({table})")]


def test_a_full_build_leaves_no_event_unmerged(seed_db):
    """A full build writes events with a placeholder entry (store.UNMERGED) and sets every
    one: a dated event has its entry, an undated one none; an event's first and last days
    follow from its date and precision."""
    from syriacli.store import UNMERGED

    conn = sqlite3.connect(seed_db)
    rows = conn.execute("select entry, date, precision, first_day, last_day from events").fetchall()
    assert rows and all(entry != UNMERGED for entry, *_ in rows)
    assert all((entry is None) == (date is None) for entry, date, *_ in rows)
    import calendar

    for _, day, precision, first, last in rows:
        year, month = int(day[:4]), int(day[5:7] or 12) if precision != "year" else 12
        end = calendar.monthrange(year, month)[1]
        assert (first, last) == {
            "year": (f"{year}-01-01", f"{year}-12-31"),
            "month": (f"{day}-01", f"{day}-{end:02d}"),
        }.get(precision, (day, day)), (day, precision)
