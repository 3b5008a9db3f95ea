"""`syriacli serve` (#19): Datasette with syriacli's metadata, driven by Datasette's own
test client (no socket, no network). Skipped where the web extra is not installed."""

import asyncio
import json

import pytest

from syriacli import serve

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
    tables = {t["name"]: t["hidden"] for t in get("/corpus.json").json()["tables"]}
    for internal in ("articles_fts", "events_fts", "sketches", "entry_keys", "spellings",
                     "seen_spellings", "meta"):
        assert tables.get(internal, True) is True, internal
    for shown in ("articles", "entries", "events", "figures", "mentions", "known_names"):
        assert tables[shown] is False, shown


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


def test_canned_queries_for_timeline_claims_and_a_name(get):
    claims = get("/corpus/claims.json?metric=sorties&_shape=array").json()
    assert {c["value"] for c in claims} == {7000, 9000}
    for spelling in ("hmeimim", "Khmeimim", "Hemeimeem"):
        card = get(f"/corpus/name_card.json?name={spelling}&_shape=array").json()
        assert card[0]["name"] == "Hmeimim" and card[0]["articles"] >= 3
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


def test_serve_shows_the_corpus_a_rebuild_swapped_in(seed_db, tmp_path):
    """A full build replaces the file (os.replace): the server reads the new one on its
    next query, not the one it opened when it started (#32)."""
    import shutil

    from conftest import SEEDS
    from typer.testing import CliRunner

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
