"""`syriacli serve` (#19): Datasette with syriacli's metadata, driven by Datasette's own
test client (no socket, no network). Skipped where the web extra is not installed."""

import asyncio
import json
import sqlite3

import pytest
from conftest import CliRunner

from syriacli import queries, serve

datasette = pytest.importorskip("datasette")


@pytest.fixture(scope="module")
def get(seed_db):
    ds = serve.make_datasette(seed_db)
    asyncio.run(ds.invoke_startup())

    def fetch(path: str):
        response = asyncio.run(ds.client.get(path))
        assert response.status_code == 200, (path, response.text[:500])
        return response

    return fetch


def test_internal_tables_are_hidden(get):
    corpus = get("/corpus.json").json()
    tables = {t["name"]: t["hidden"] for t in corpus["tables"]}
    for internal in ("articles_fts", "events_fts", "sketches", "entry_keys", "spellings",
                     "seen_spellings", "meta", "mention_rows", "name_forms"):
        assert tables.get(internal, True) is True, internal
    for shown in ("articles", "entries", "events", "figures", "known_names"):
        assert tables[shown] is False, shown
    # mentions is a view of mention_rows that reads as the table did
    assert "mentions" in {v["name"] for v in corpus["views"]}
    rows = get("/corpus/mentions.json?_shape=array&key=palmyra").json()
    assert rows and {r["name"] for r in rows} == {"Palmyra"}


def test_the_search_ranks_by_relevance_as_the_cli_does(get, cli):
    rows = get("/corpus/search.json?q=Palmyra&_shape=array").json()
    ranked = [r["article"] for r in json.loads(cli("search", "Palmyra", "-f", "json").stdout)]
    assert [r["article"] for r in rows] == ranked
    assert "**Palmyra**" in rows[0]["snippet"]


def test_the_map_query_gives_each_event_its_place_coordinates(get):
    rows = get("/corpus/events_on_a_map.json?_shape=array").json()
    palmyra = [r for r in rows if r["place"] == "Palmyra"]
    assert palmyra and all(abs(r["latitude"] - 34.56) < 0.05 and abs(r["longitude"] - 38.28) < 0.05
                           for r in palmyra)
    # datasette-cluster-map draws the rows of any query with latitude/longitude columns
    page = get("/corpus/events_on_a_map").text
    assert "datasette-cluster-map" in page or "cluster-map" in page


def test_json_lists_read_as_text_and_long_text_is_cut(get):
    page = get("/corpus/entries?_size=5").text
    assert "[&#34;" not in page and '["' not in page
    articles = get("/corpus/articles").text
    assert "…" in articles or "&hellip;" in articles  # truncate_cells_html


def test_a_conflict_reads_as_its_dates_with_how_many_articles_give_each(get):
    rows = get("/corpus/entries.json?_shape=array&conflict__notblank=1").json()
    assert rows
    page = get("/corpus/entries?conflict__notblank=1").text
    assert "[[" not in page and " article" in page


def test_canned_queries_for_timeline_claims_and_a_name(get):
    claims = get("/corpus/claims.json?metric=sorties&_shape=array").json()
    assert {c["value"] for c in claims} == {7000, 9000}
    for spelling in ("hmeimim", "Khmeimim", "Hemeimeem", "Khmeimeem", "Хмеймим"):
        card = get(f"/corpus/name_card.json?name={spelling}&_shape=array").json()
        assert card[0]["name"] == "Hmeimim" and card[0]["articles"] >= 3
    for nobody in ("", "Nobody", "'", '"'):
        assert get(f"/corpus/name_card.json?name={nobody}&_shape=array").json() == []
    timeline = get("/corpus/timeline.json?from=2015-09&to=2015-09&_shape=array").json()
    # an entry of a month or a year is in when any of its days is, as in `timeline`
    assert any(e["date"].startswith("2015-09") for e in timeline)
    assert all(e["date"] in ("2015", "2015-09") or e["date"].startswith("2015-09-")
               for e in timeline)


def test_facets_are_set(get):
    facets = get("/corpus/figures.json").json()["facet_results"]
    assert {"publisher", "metric", "claimant"} <= set(facets)


def test_serve_without_the_extra_says_how_to_install_it(cli, monkeypatch):
    monkeypatch.setattr(serve, "missing_extra", lambda: ["datasette"])
    result = cli("serve")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: syriacli serve needs Datasette: {serve.INSTALL}"


def test_serve_on_a_port_in_use_is_one_line(cli):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = cli("serve", "--port", port)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot listen on 127.0.0.1:{port}: ")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def _cli_articles(cli, query: str) -> set[str]:
    result = cli("search", "-f", "json", "--", query)
    assert result.exit_code == 0, result.output
    return {r["article"] for r in json.loads(result.stdout)}


#: What people type into a search box, awkward on purpose.
AWKWARD = ['"', "", "(", ")", "*", "O'Brien", "Su-24", "al-Nusra", "NOT", "-word", "AND OR",
           '"unclosed phrase', "Palmyra NOT", "a:b", "^", "{title}", "'"]


@pytest.mark.parametrize("typed", AWKWARD)
def test_no_search_box_answers_an_error(get, typed):
    from urllib.parse import quote

    for path in (f"/corpus/search.json?_shape=array&q={quote(typed)}",
                 f"/corpus/articles.json?_shape=array&_search={quote(typed)}",
                 f"/corpus/events.json?_shape=array&_search={quote(typed)}"):
        assert isinstance(get(path).json(), list)  # get() asserts HTTP 200
    for path in (f"/corpus/search?q={quote(typed)}", f"/corpus/articles?_search={quote(typed)}"):
        assert "fts5" not in get(path).text


@pytest.mark.parametrize("query", ["Khmeimim", "Hmeimim", "Khmeimeem", "Su-24", "al-Nusra",
                                   "Daesh", "Palmyra OR Aleppo", '"air base"', "-Palmyra",
                                   "NOT Palmyra", "Palmyra -Aleppo"])
def test_every_search_box_finds_what_the_cli_finds(get, cli, query):
    from urllib.parse import quote

    wanted = _cli_articles(cli, query)
    page = get(f"/corpus/search.json?_shape=array&q={quote(query)}").json()
    assert {r["article"] for r in page} == wanted
    if not query.startswith(("-", "NOT")):  # a table's box has no "all but" (see README)
        box = get(f"/corpus/articles.json?_shape=array&_col=id&_search={quote(query)}").json()
        assert {r["id"] for r in box} == wanted


def test_a_spelling_the_corpus_does_not_use_finds_the_name(cli):
    # "Khmeimim" is the table's, "Khmeimeem" only the transliteration rules'
    assert _cli_articles(cli, "Khmeimeem") == _cli_articles(cli, "Hmeimim")
    assert len(_cli_articles(cli, "Hmeimim")) >= 3


@pytest.mark.parametrize("spelling", ["Khmeimim", "Hmeymim", "Daesh", "ISIL"])
def test_a_plain_fts_client_finds_a_name_by_its_key(seed_db, cli, spelling):
    # the names column holds each name's key, not its spellings (issue #31): a client
    # without syriacli's expansion finds every article naming it by the key
    sqlite_utils = pytest.importorskip("sqlite_utils")
    conn = sqlite3.connect(seed_db)
    key = queries.known_name(conn, spelling)[0]
    conn.close()
    found = {r["id"] for r in sqlite_utils.Database(seed_db)["articles"].search(
        f'names : "{key}"')}
    assert found == _cli_articles(cli, spelling) and found


INTERNAL_COLUMNS = {"raw_hash", "raw_mtime", "raw_size", "source_key", "text_hash"}


def test_no_internal_column_shows(get):
    tables = {t["name"]: t for t in get("/corpus.json").json()["tables"]}
    assert tables["article_files"]["hidden"] is True
    for name, table in tables.items():
        if not table["hidden"]:
            assert not INTERNAL_COLUMNS & set(table["columns"]), name
    page = get("/corpus/articles").text
    assert not any(column in page for column in INTERNAL_COLUMNS)


def test_every_table_is_described_or_hidden(seed_db):
    import sqlite3

    described = serve.metadata()["databases"]["corpus"]["tables"]
    with sqlite3.connect(seed_db) as conn:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'"
                                             " and name not like '%fts_%'")]
    for table in tables:
        meta = described.get(table, {})
        assert meta.get("hidden") or meta.get("description"), table


@pytest.mark.parametrize("table, facets", [
    ("articles", {"publisher", "month"}),
    ("figures", {"publisher", "metric", "claimant", "month"}),
    ("events", {"publisher", "month"}),
])
def test_facets_on_publisher_metric_claimant_and_month(get, table, facets):
    results = get(f"/corpus/{table}.json?_size=1").json()["facet_results"]
    assert facets <= set(results)
    if "month" in facets:
        months = [r["value"] for r in results["month"]["results"]]
        assert months and all(len(m) == 7 and m[4] == "-" for m in months if m)


def test_whole_numbers_are_integers(get):
    claims = get("/corpus/figures.json?metric=sorties&_shape=array").json()
    assert claims and all(isinstance(c["value"], int) for c in claims if c["value"] is not None)
    page = get("/corpus/figures?metric=sorties").text
    assert ">7000<" in page.replace(" ", "") and "7000.0" not in page


def test_figures_and_events_link_to_their_article(get):
    rows = get("/corpus/figures.json?_labels=on&_size=3&_shape=array").json()
    titles = {a["id"]: a["title"] for a in get("/corpus/articles.json?_shape=array").json()}
    for row in rows:
        assert row["article"]["label"] == titles[row["article"]["value"]]
    event = get("/corpus/events.json?_labels=on&_size=1&_shape=array").json()[0]
    assert event["entry"]["value"] and event["article"]["label"]
    article = rows[0]["article"]["value"]
    page = get(f"/corpus/articles/{article}").text  # a row page lists the rows linking to it
    assert f"/corpus/figures?article={article}" in page


@pytest.mark.parametrize("table, unread", [("figures", {"claimant_rule"}),
                                           ("entries", {"lead"}), ("articles", {"names"}),
                                           ("events", {"report", "anchor"})])
def test_table_pages_leave_out_what_no_reader_reads(get, table, unread):
    columns = set(get(f"/corpus/{table}.json?_size=1").json()["columns"])
    assert columns and not unread & columns
    assert not unread & set(get(f"/corpus/{table}.json?_size=1&_sort=id").json()["columns"])
    asked = get(f"/corpus/{table}.json?_size=1&_col={sorted(unread)[0]}").json()["columns"]
    assert sorted(unread)[0] in asked  # a page that names its columns gets them


def test_serve_shows_the_corpus_a_rebuild_swapped_in(seed_db, tmp_path):
    """A full build replaces the file (os.replace): the server reads the new one on its
    next query, not the one it opened when it started (#32)."""
    import shutil

    from conftest import SEEDS

    from syriacli.cli import app

    db = tmp_path / "corpus.db"
    shutil.copy(seed_db, db)
    ds = serve.make_datasette(db)
    asyncio.run(ds.invoke_startup())

    def count() -> int:
        response = asyncio.run(ds.client.get("/corpus.json?sql=select+count(*)+as+n+from+articles"
                                             "&_shape=array"))
        assert response.status_code == 200, response.text[:300]
        return response.json()[0]["n"]

    assert count() == 5
    inode = db.stat().st_ino
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    (raw / "extra.txt").write_text("Extra\n\nJets struck Idlib on 5 May 2016.\n",
                                   encoding="utf-8")
    result = CliRunner().invoke(app, ["build", "--raw", str(raw), "--db", str(db), "--full",
                                      "--replace"])
    assert result.exit_code == 0, result.output
    assert db.stat().st_ino != inode           # a new file under the old name
    assert [count() for _ in range(4)] == [6] * 4   # each of Datasette's threads reopens
