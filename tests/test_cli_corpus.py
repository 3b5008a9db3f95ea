"""Issue 2: build, search, articles, show, output formats, error paths."""
import csv
import io
import json
import sqlite3
import subprocess
import sys

import pytest


def as_json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_build_takes_every_seed_with_manifest_metadata(cli):
    rows = as_json(cli("articles", "--format", "json"))
    assert len(rows) == 5
    assert set(rows[0]) == {"article", "title", "publisher", "published", "published_from", "url",
                            "words", "reprint_of", "title_from", "publisher_from",
                            "undated_reason"}
    by_id = {r["article"]: r for r in rows}
    assert by_id["003_5c8489880ca76ab4"]["publisher"] == "BBC"
    assert by_id["003_5c8489880ca76ab4"]["url"].startswith("https://www.bbc.co.uk/")
    assert by_id["002_5d151c8b2ee8e763"]["published"] is None
    assert by_id["000_616b968fe542e006"]["published_from"] == "manifest"


def test_metadata_from_text_alone(make_raw, build, cli):
    from conftest import SEEDS

    files = {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")}
    result, db = build(make_raw(files))
    assert result.exit_code == 0, result.output
    rows = {r["article"]: r for r in as_json(cli("articles", "--format", "json", db=db))}
    # 12/09 by the "on Tuesday" evidence
    assert rows["001_1431156e20cd0360"]["published"] == "2017-09-12"
    assert rows["001_1431156e20cd0360"]["publisher"] == "AP"
    assert rows["000_616b968fe542e006"]["published"] == "2016-09-30"
    assert rows["004_de0ce38edba8a025"]["published"] == "2016-09-30"
    assert rows["003_5c8489880ca76ab4"]["publisher"] == "BBC"
    assert rows["002_5d151c8b2ee8e763"]["published"] is None          # no dateline: never guessed
    assert rows["002_5d151c8b2ee8e763"]["undated_reason"] == "no date in the text or the manifest"
    assert rows["001_1431156e20cd0360"]["published_from"] == "text"
    assert rows["001_1431156e20cd0360"]["undated_reason"] is None


def test_search_palmyra_lists_four_articles_best_first(cli):
    rows = as_json(cli("search", "Palmyra", "--format", "json"))
    assert {r["article"] for r in rows} == {
        "000_616b968fe542e006", "001_1431156e20cd0360", "002_5d151c8b2ee8e763",
        "003_5c8489880ca76ab4"}
    assert list(rows[0]) == ["article", "title", "publisher", "published", "score", "snippet"]
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert all("**Palmyra**" in r["snippet"] for r in rows)


@pytest.mark.parametrize("query, articles", [
    ("Khmeimim", 4), ("Hmeymim", 4), ("Deir el-Zour", 2), ("Tartus", 1), ("Daesh", 5),
    ("Fatah al-Sham", 4), ("Su-24", 2), ('"air base"', 3),
])
def test_search_name_variants(cli, query, articles):
    assert len(as_json(cli("search", query, "--format", "json"))) == articles


def test_isis_finds_is_but_not_the_verb(make_raw, build, cli):
    raw = make_raw({"a.txt": "Title A\n\nIS militants attacked the town.",
                    "b.txt": "Title B\n\nThis is fine."})
    _, db = build(raw)
    found = as_json(cli("search", "ISIS", "--format", "json", db=db))
    assert [r["article"] for r in found] == ["a"]


@pytest.mark.parametrize("query",
                         ["Su-24", "Al-Nusra", '"unbalanced', "Palmyra OR", "(Palmyra",
                          "'; DROP TABLE articles; --", "a\x00b"])
def test_awkward_queries_work(cli, query):
    result = cli("search", query, "--format", "json")
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)


@pytest.mark.parametrize("query", ["AND", "(", '""'])
def test_unsearchable_query_is_one_line(cli, query):
    result = cli("search", query)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: nothing to search for")
    assert result.stderr.count("\n") == 1


def test_search_filters(cli):
    rows = as_json(cli("search", "Russia", "--format", "json", "--from", "2016-09", "--to",
                       "Sep 2016"))
    assert rows and all(r["published"] == "2016-09-30" for r in rows)
    rows = as_json(cli("search", "Russia", "--format", "json", "--publisher", "bbc"))
    assert [r["publisher"] for r in rows] == ["BBC"]
    assert len(as_json(cli("search", "Russia", "--format", "json", "--limit", "2"))) == 2


def test_no_matches_exits_zero_with_a_note(cli):
    result = cli("search", "zeppelin", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "no articles match" in result.stderr


def test_formats(cli):
    tsv = cli("articles").stdout.splitlines()            # not a terminal: tsv with a header
    assert tsv[0].split("\t")[:3] == ["article", "published", "publisher"] and len(tsv) == 6
    rows = list(csv.DictReader(io.StringIO(cli("articles", "--format", "csv").stdout)))
    assert len(rows) == 5 and rows[0]["article"]
    lines = cli("articles", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["article"]
    table = cli("articles", "--format", "table").stdout
    assert "003_5c8489880ca76ab4" in table and "\x1b[" not in table


def test_show(cli):
    result = cli("show", "003_5c8489880ca76ab4")
    assert result.exit_code == 0
    assert "Russia will continue air strikes" in result.stdout
    assert "media caption" not in result.stdout


def test_show_json_gives_each_figure_as_data_without_its_listing_line(cli):
    (article,) = json.loads(cli("show", "003_5c8489880ca76ab4", "--format", "json").stdout)
    assert article["figures"]
    assert all("quote" in f and "listing" not in f for f in article["figures"])


@pytest.mark.parametrize("args, code, message", [
    (["show", "nope"], 1, "Error: no article 'nope'"),
    (["search", "x", "--from", "soon"], 2, "2015-08"),
    (["search", "x", "--format", "xml"], 2, "table, json, jsonl, csv, tsv"),
    (["search", "x", "--limit", "-1"], 2, "--limit"),
    (["timeline", "--from", "2016", "--to", "2015"], 2, "range is empty"),
])
def test_user_errors(cli, args, code, message):
    result = cli(*args)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_missing_corpus_is_one_line(cli, tmp_path):
    result = cli("search", "x", db=tmp_path / "none" / "corpus.db")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no corpus at") and result.stderr.count("\n") == 1


def test_not_a_corpus_is_refused_untouched(cli, build, make_raw, tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table x (y)").connection.commit()
    before = other.read_bytes()
    result = cli("search", "x", db=other)
    assert result.exit_code == 1 and "not a syriacli corpus" in result.stderr
    result, _ = build(make_raw({"a.txt": "T\n\nText."}), other)
    assert result.exit_code == 1 and other.read_bytes() == before


def test_rebuild_of_unchanged_input_is_a_no_op(make_raw, build):
    raw = make_raw({"a.txt": "Title\n\nOn 14 March 2016 Putin announced a withdrawal."})
    first, db = build(raw)
    assert first.exit_code == 0
    second, _ = build(raw, db)
    assert "up to date" in second.stderr


def test_query_on_missing_corpus_builds_it_first(make_raw, cli, tmp_path):
    make_raw({"a.txt": "Title\n\nPalmyra was retaken in March 2016."})
    db = tmp_path / "corpus.db"   # raw/ beside it
    result = cli("search", "Palmyra", "--format", "json", db=db)
    assert result.exit_code == 0 and "building the corpus" in result.stderr
    assert [r["article"] for r in json.loads(result.stdout)] == ["a"]


def test_python_m_help_smoke():
    result = subprocess.run([sys.executable, "-m", "syriacli", "--help"], capture_output=True,
                            text=True)
    assert result.returncode == 0 and "timeline" in result.stdout


def test_the_entry_point_runs_each_command_by_name(seed_db):
    # main() registers only the command being run (a faster start); each must still work.
    def run(*args):
        return subprocess.run([sys.executable, "-m", "syriacli", *args], capture_output=True,
                              text=True)
    searched = run("search", "Palmyra", "--db", str(seed_db), "--format", "json")
    assert searched.returncode == 0 and json.loads(searched.stdout)
    assert run("names", "--db", str(seed_db), "--format", "csv").stdout.startswith("name,type")
    assert "QUERY" in run("search", "--help").stdout.upper()
    wrong = run("search")
    assert wrong.returncode == 2 and "Missing argument" in wrong.stderr
    unknown = run("serch", "x")
    assert unknown.returncode == 2 and "No such command" in unknown.stderr


def test_lower_case_is_is_a_word_not_the_group(make_raw, build, cli):
    raw = make_raw({"a.txt": "Title A\n\nIslamic State militants attacked the town.",
                    "b.txt": "Title B\n\nThis is fine."})
    _, db = build(raw)
    assert [r["article"] for r in as_json(cli("search", "is", "--format", "json", db=db))] == ["b"]
    assert [r["article"] for r in as_json(cli("search", "IS", "--format", "json", db=db))] == ["a"]


def test_incremental_build_re_extracts_only_what_changed(make_raw, build, cli):
    import os

    raw = make_raw({"a.txt": "A\n\nOn 14 March 2016 Putin spoke.", "b.txt": "B\n\nIdlib.",
                    "c.txt": "C\n\nHoms."},
                   "file,publisher\na.txt,RT\n")
    first, db = build(raw)
    assert "3 extracted" in first.stderr
    (raw / "b.txt").write_text("B\n\nIdlib was shelled on 5 May 2016.", encoding="utf-8")
    os.utime(raw / "b.txt", (1, 1))
    (raw / "c.txt").unlink()
    (raw / "d.txt").write_text("D\n\nHama.", encoding="utf-8")
    (raw / "manifest.csv").write_text("file,publisher\na.txt,BBC\n", encoding="utf-8")
    second, _ = build(raw, db)
    assert "3 articles (3 extracted, 0 unchanged, 1 removed)" in second.stderr
    rows = {r["article"]: r for r in json.loads(cli("articles", "--format", "json", db=db).stdout)}
    assert sorted(rows) == ["a", "b", "d"] and rows["a"]["publisher"] == "BBC"
    third, _ = build(raw, db)
    assert "up to date" in third.stderr
    full, _ = build(raw, db, "--full")
    assert "3 extracted" in full.stderr


def test_mentions_share_their_forms_and_an_update_forgets_unused_ones(make_raw, build, cli):
    """A name written one way is one form however often it is mentioned; a name no article
    mentions any more leaves neither its form nor its row of `names`."""
    raw = make_raw({"a.txt": "A\n\nPutin met Assad. Putin left. Then Putin spoke in Homs.",
                    "b.txt": "B\n\nShoigu visited Hama."})
    _, db = build(raw)
    conn = sqlite3.connect(db)
    forms = dict(conn.execute("select key, count(*) from name_forms group by key"))
    mentions = dict(conn.execute("select key, count(*) from mentions group by key"))
    assert forms["vladimirputin"] == 1 and mentions["vladimirputin"] == 3
    (raw / "b.txt").unlink()
    build(raw, db)
    keys = {k for (k,) in conn.execute("select key from name_forms")}
    assert "sergeishoigu" not in keys and "hama" not in keys and "homs" in keys
    # each form counts its mentions (what lets an update drop it without a scan)
    assert conn.execute("select count(*) from name_forms where uses != (select count(*)"
                        " from mention_rows where form = name_forms.id)").fetchone() == (0,)
    listed = {r["name"] for r in json.loads(cli("names", "--format", "json", db=db).stdout)}
    assert "Hama" not in listed and "Homs" in listed


@pytest.fixture
def vocabularies(tmp_path, monkeypatch):
    """A copy of the shipped vocabulary files, read by extraction and its digest instead."""
    import shutil

    from syriacli import survey, vocab

    copy = tmp_path / "data"
    shutil.copytree(vocab.DATA, copy)
    monkeypatch.setattr(vocab, "DATA", str(copy))
    survey.extractor_digest.cache_clear()
    yield copy
    survey.extractor_digest.cache_clear()


def stored_keys(db):
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("select id, source_key from article_files"))


def test_editing_a_vocabulary_file_re_extracts_every_article(make_raw, build, vocabularies):
    from syriacli import survey

    raw = make_raw({"a.txt": "A\n\nOn 14 March 2016 Putin spoke.", "b.txt": "B\n\nIdlib.",
                    "c.txt": "C\n\nHoms."})
    first, db = build(raw)
    assert "3 extracted" in first.stderr and "up to date" in build(raw, db)[0].stderr
    before = stored_keys(db)
    metrics = vocabularies / "metrics.json"
    table = json.loads(metrics.read_text(encoding="utf-8"))
    # An edit that changes no rule's outcome, so no cached table differs from the shipped one.
    table["_doc"] += " Edited by a test."
    metrics.write_text(json.dumps(table, ensure_ascii=False, indent=2), encoding="utf-8")
    survey.extractor_digest.cache_clear()           # a new process computes it afresh
    second, _ = build(raw, db)
    assert second.exit_code == 0, second.output
    assert "3 articles (3 extracted, 0 unchanged, 0 removed)" in second.stderr
    after = stored_keys(db)
    assert after.keys() == before.keys() and all(after[i] != before[i] for i in before)
    assert "up to date" in build(raw, db)[0].stderr


def test_editing_the_names_file_re_extracts_every_article(make_raw, build, tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps([{"name": "Qaryatayn", "type": "place",
                                  "variants": ["Qaryatein"]}]),
                     encoding="utf-8")
    raw = make_raw({"a.txt": "A\n\nQaryatein fell.", "b.txt": "B\n\nIdlib."})
    first, db = build(raw, None, "--names", str(extra))
    assert "2 extracted" in first.stderr
    extra.write_text(json.dumps([{"name": "Qaryatayn", "type": "place",
                                  "variants": ["Qaryatein", "Al-Qaryatayn"]}]), encoding="utf-8")
    second, _ = build(raw, db)                       # the corpus remembers the file
    assert "2 articles (2 extracted, 0 unchanged, 0 removed)" in second.stderr


@pytest.mark.parametrize("query, expected", [
    ("withdr*", {"000", "002", "003"}),
    ("Palmyra NOT Aleppo", {"002"}),
    ("Voronezh OR Astana", {"001", "003"}),
    ('"air base" Latakia', {"000", "001", "003"}),
])
def test_query_syntax_through_the_cli(cli, query, expected):
    assert {r["article"][:3] for r in as_json(cli("search", query, "--format", "json"))} == expected


def test_search_ors_the_spellings_the_corpus_uses(seed_db):
    from syriacli import queries
    from syriacli.store import open_corpus

    with open_corpus(seed_db) as conn:
        key, spellings, case_sensitive, complete = queries.known_name(conn, "Hmeymim")
        assert key == "hmeimim" and "IS" not in spellings and complete
        # as the corpus writes it, "airbase in Latakia" (the names table's description) too
        assert set(spellings) == {"Hmeymim", "Hmeimim", "Khmeimim", "Hemeimeem",
                                  "airbase in Latakia"}
        key, spellings, case_sensitive, complete = queries.known_name(conn, "Daesh")
        assert "IS" in case_sensitive and "IS" not in spellings and "Daesh" in spellings
        assert not complete         # the seeds write "IS": only the names column finds it
    from syriacli.fts import name_expander, translate

    with open_corpus(seed_db) as conn:
        expand = name_expander(lambda phrase: queries.known_name(conn, phrase))
        assert "names :" not in translate("Khmeimim", expand)
        assert 'names : "islamicstate"' in translate("ISIS", expand)


def test_an_update_changing_most_of_the_corpus_writes_a_new_file(make_raw, build, cli, monkeypatch):
    import os

    from syriacli import survey

    monkeypatch.setattr(survey, "REWRITE_THRESHOLD", 1)
    raw = make_raw({"a.txt": "A\n\nAleppo.", "b.txt": "B\n\nIdlib.", "c.txt": "C\n\nHoms."})
    _, db = build(raw)
    inode = db.stat().st_ino
    os.utime(raw / "a.txt", (1, 1))
    one, _ = build(raw, db)             # one of three: updated in place
    assert "(1 extracted, 2 unchanged, 0 removed)" in one.stderr and db.stat().st_ino == inode
    for name in ("a.txt", "b.txt"):
        os.utime(raw / name, (2, 2))
    most, _ = build(raw, db)            # two of three: a new file swapped in
    assert "(3 extracted, 0 unchanged, 0 removed)" in most.stderr and db.stat().st_ino != inode
    listed = json.loads(cli("articles", "--format", "json", db=db).stdout)
    assert {r["article"] for r in listed} == {"a", "b", "c"}


@pytest.mark.parametrize("filters",
                         [{}, {"publisher": "RT"}, {"date_from": "2016-01-01"},
                          {"about": "palmyra"}])
@pytest.mark.parametrize("query", ["Russia", "Palmyra", '"air strikes"', "Syria OR Aleppo"])
def test_a_limited_search_is_the_head_of_the_whole_ranking(seed_db, query, filters):
    """With a limit, search ranks by score alone first and adds snippets to the top rows only."""
    from syriacli import queries
    from syriacli.queries import Filters

    conn = sqlite3.connect(seed_db)
    conn.row_factory = sqlite3.Row
    every = list(queries.search(conn, query, Filters(**filters)))
    assert every
    for limit in (1, 2, 3, 1000):
        head = list(queries.search(conn, query, Filters(limit=limit, **filters)))
        assert [(r["article"], r["snippet"]) for r in head] == [
            (r["article"], r["snippet"]) for r in every[:limit]]
        assert [r["score"] for r in head] == pytest.approx([r["score"] for r in every[:limit]])


@pytest.mark.parametrize("query",
                         ["Russia", "Palmyra", '"air strikes"', "Syria OR Aleppo", "withdrawal"])
@pytest.mark.parametrize("about", ["Palmyra", "Vladimir Putin", "Islamic State", "Aleppo"])
def test_search_about_keeps_the_articles_that_name_it(seed_db, query, about):
    """search --about goes through the FTS names column; the articles are those the
    mentions table says name it, ranked as without --about."""
    from syriacli import queries
    from syriacli.queries import Filters

    conn = sqlite3.connect(seed_db)
    conn.row_factory = sqlite3.Row
    key = queries.known_key(conn, about)
    naming = {row[0] for row in conn.execute("select article from mentions where key = ?", (key,))}
    every = [r for r in queries.search(conn, query, Filters()) if r["article"] in naming]
    for limit in (None, 2):
        found = list(queries.search(conn, query, Filters(about=key, limit=limit)))
        assert [(r["article"], r["snippet"]) for r in found] == [
            (r["article"], r["snippet"]) for r in every[:limit]]


def test_a_folder_without_manifest_lists_where_metadata_came_from_and_why_undated(
        make_raw, build, cli):
    """Issue #29: pages in several outlets' styles, no manifest; each is dated or listed as
    undated with its reason, and `articles` says where each field came from."""
    body = "Russian jets struck a market in Idlib on Sunday, the monitor said.\n"
    files = {
        "a.txt": "Jets pound Idlib\n\nPosted 7:05 PM ET, Mon June 3, 2019\n\n" + body,
        "b.txt": "Jets pound Idlib\n\n06/05/2019\n\nJets struck a market, the monitor said.\n",
        "c.txt": "DUSHANBE, 09.12.2016. /NIAT “Probe”/. About 800 residents left, the centre "
                 "said on Friday.\n",
        "d.txt": "Jets pound Idlib\n\nMOSCOW, September 6. /PROBE/. Jets flew 40 sorties, the "
                 "ministry said.\n",
    }
    result, db = build(make_raw(files))
    assert result.exit_code == 0, result.output
    result = cli("articles", "--format", "csv", db=db)
    assert result.exit_code == 0, result.output
    rows = {r["article"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    fields = ("published", "published_from", "publisher", "publisher_from", "title_from",
              "undated_reason")
    assert {k: tuple(rows[k][f] for f in fields) for k in rows} == {
        "a": ("2019-06-03", "text", "", "", "text", ""),
        "b": ("", "", "", "", "text", "06/05/2019: day or month first?"),
        "c": ("2016-12-09", "text", "Probe", "text", "", ""),
        "d": ("", "", "PROBE", "text", "text", "September 6: which year?"),
    }
    undated = cli("articles", "--undated", "--format", "csv", db=db)
    assert [r["article"] for r in csv.DictReader(io.StringIO(undated.stdout))] == ["b", "d"]


def test_the_words_no_table_stores_are_cut_from_the_article_text(cli, seed_db):
    """A date's expression, an event's expression and a claim's text are the article's
    text at their offsets, and the corpus stores none of them (issue #31); every reader
    still gets them: show, the timeline's mentions, the figures listing."""
    (article,) = json.loads(cli("show", "003_5c8489880ca76ab4", "--format", "json").stdout)
    assert article["dates"] and all(
        d["expression"] and d["expression"] == article["text"][d["start"]:d["end"]]
        for d in article["dates"])
    assert article["figures"] and all(
        f["text"] and f["text"] == article["text"][f["start"]:f["end"]] and f["text"] in f["quote"]
        for f in article["figures"])
    mentions = [m for e in json.loads(cli("timeline", "--format", "json").stdout)
                for m in e["mentions"]]
    assert mentions and all(m["expression"] and m["expression"] in m["quote"] for m in mentions)
    claims = json.loads(cli("figures", "--format", "json").stdout)
    assert claims and all(c["text"] and c["text"] in c["quote"] for c in claims)
    with sqlite3.connect(seed_db) as conn:
        stored = {t: {c[1] for c in conn.execute(f"pragma table_info({t})")}
                  for t in ("dates", "events", "figures")}
    assert "expression" not in stored["dates"] | stored["events"]
    assert "text" not in stored["figures"]


def test_a_claims_places_are_stored_by_name_and_read_with_their_coordinates(cli, seed_db):
    """figures.places holds the names alone (issue #31: coordinates once, in known_names);
    the listing gives each place its coordinates from there."""
    placed = [p for c in json.loads(cli("figures", "--format", "json").stdout)
              for p in c["places"]]
    with sqlite3.connect(seed_db) as conn:
        stored = [json.loads(row[0]) for row in conn.execute(
            "select places from figures where places is not null")]
        known = {name: (lat, lon) for name, lat, lon in conn.execute(
            "select name, lat, lon from known_names where lat is not null")}
    assert stored and all(isinstance(name, str) for names in stored for name in names)
    assert placed and any(p["name"] in known for p in placed)
    assert all((p["lat"], p["lon"]) == known.get(p["name"], (None, None)) for p in placed)
