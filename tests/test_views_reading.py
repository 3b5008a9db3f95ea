"""Views that do not make the reader work (#33's view items): numbers with thousands
separators, a readable relevance, `show` by a short id or a title word."""
from __future__ import annotations

import csv
import io
import json

import pytest


def test_the_figures_summary_separates_thousands_and_machine_formats_do_not(cli):
    table = cli("figures", "--summary", "--format", "table").stdout
    assert "13,500,000" in table and "13500000" not in table
    rows = json.loads(cli("figures", "--summary", "--format", "json").stdout)
    assert 13500000 in [r["max"] for r in rows]


def test_search_shows_relevance_as_a_share_of_the_best_hit(cli):
    table = cli("search", "Palmyra", "--format", "table", env={"COLUMNS": "80"}).stdout
    assert "e-0" not in table and "relevance" in table
    shares = [int(cell) for cell in
              (part.strip().rstrip("%") for line in table.splitlines()
               for part in line.split("│")[-2:-1]) if cell.isdigit()]
    assert shares[0] == 100 and shares == sorted(shares, reverse=True) and len(shares) > 1
    hits = json.loads(cli("search", "Palmyra", "--format", "json").stdout)
    assert all(0 < h["score"] < 0.001 for h in hits)    # the raw BM25 score


def test_search_at_80_columns_gives_the_snippet_the_room(cli):
    table = cli("search", "Palmyra", "--format", "table", env={"COLUMNS": "80"}).stdout
    widths = [len(line.split("│")[2]) for line in table.splitlines() if line.count("│") == 4]
    assert widths and min(widths) >= 40


@pytest.mark.parametrize("key", ["003", "003_5c84", "003_5c8489880ca76ab4", "CONFLICT"])
def test_show_takes_an_id_its_start_or_a_title_word(cli, key):
    result = cli("show", key)
    assert result.exit_code == 0, result.output
    assert "BBC · 2016-03-15 · 003_5c8489880ca76ab4" in result.stdout


@pytest.mark.parametrize("key, message", [
    ("00", "Error: 5 articles have an id starting '00': 000_616b968fe542e006, "),
    ("syria", "Error: 5 articles have a title with the word 'syria': "),
    ("palmyr", "Error: no article 'palmyr' (an id, its start or a title word)"),
])
def test_show_names_the_candidates_of_an_ambiguous_key_in_one_line(cli, key, message):
    result = cli("show", key)
    assert result.exit_code == 1 and result.stderr.startswith(message), result.stderr
    assert result.stderr.count("\n") == 1


def test_show_says_publisher_unknown_not_a_question_mark(cli):
    out = cli("show", "002").stdout
    assert "publisher unknown · date unknown · 002_5d151c8b2ee8e763" in out and "? ·" not in out


def test_show_as_json_csv_and_tsv_is_data(cli):
    [article] = json.loads(cli("show", "003", "--format", "json").stdout)
    assert article["text"].startswith("Syria conflict") and article["publisher"] == "BBC"
    assert article["dates"] and article["figures"] and article["mentions"]
    [row] = list(csv.DictReader(io.StringIO(cli("show", "003", "--format", "csv").stdout)))
    assert (row["article"], row["publisher"], row["published"]) == (
        "003_5c8489880ca76ab4", "BBC", "2016-03-15")
    assert "\n" in row["text"] and row["words"] == "1089"
    tsv = cli("show", "003", "--format", "tsv").stdout.splitlines()
    assert tsv[0].split("\t") == ["article", "title", "publisher", "published", "url", "words",
                                  "text"]
    assert len(tsv) == 2 and tsv[1].startswith("003_5c8489880ca76ab4\t")


def test_the_build_bar_names_each_stage_to_the_end(tmp_path, monkeypatch):
    """The bar says what the build does after extracting (it sat at N/N with no label)."""
    import io
    import shutil

    from conftest import SEEDS
    from rich.console import Console
    from rich.progress import Progress, TextColumn

    from syriacli.build import build
    from syriacli.views import BuildBar

    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    monkeypatch.setattr(BuildBar, "SHOWN_FROM", 1)
    seen: list[str] = []
    with Progress(TextColumn("{task.description}"),
                  console=Console(file=io.StringIO(), force_terminal=True)) as progress:
        bar = BuildBar(progress)
        stage = bar.stage

        def record(label):
            stage(label)
            seen.append(progress.tasks[-1].description)

        bar.stage = record
        build(raw, tmp_path / "corpus.db", progress=bar)
        # a full build merges its timeline while it indexes (build._merge_timeline)
        assert seen == ["grouping figures", "linking reprints",
                        "merging the timeline and indexing", "caching listings",
                        "writing the corpus"]
        (raw / "extra.txt").write_text("Extra\n\nJets struck Idlib on 5 May 2016.\n",
                                       encoding="utf-8")
        seen.clear()
        build(raw, tmp_path / "corpus.db", progress=bar)
        assert seen == ["linking reprints", "merging the timeline", "indexing",
                        "writing the corpus"]


def test_articles_table_is_capped_like_the_timeline_and_says_so(cli, monkeypatch):
    from syriacli import views

    monkeypatch.setattr(views, "MAX_TABLE_ROWS", 2)
    result = cli("articles", "--format", "table")
    assert result.exit_code == 0
    assert "showing the first 2 of 5 articles" in result.stderr
    assert sum(result.stdout.count(f"00{i}_") for i in range(5)) == 2
    assert len(cli("articles", "--format", "tsv").stdout.splitlines()) == 6   # pipes get all


def test_the_figures_view_never_cuts_a_value(cli):
    """A range wider than the value column widens it; the text beside it wraps (#32)."""
    out = cli("figures", "deaths", "--format", "table", env={"COLUMNS": "80"}).stdout
    assert "290,000–470,000 " in out and "…" not in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_by_claimant_orders_every_format_and_quotes_says_where_it_cannot(cli):
    """--by-claimant and --quotes were dropped in json/csv/tsv without a word (#32)."""
    def claimants(fmt):
        out = cli("figures", "--by-claimant", "--format", fmt).stdout
        if fmt == "json":
            rows = json.loads(out)
        else:
            rows = list(csv.DictReader(io.StringIO(out), delimiter="\t" if fmt == "tsv" else ","))
        return [(r["metric"], r["claimant"] or None) for r in rows]

    for fmt in ("json", "csv", "tsv"):
        got = claimants(fmt)
        assert got == sorted(got, key=lambda mc: (mc[0], (mc[1] or "~").lower())), fmt
    newest = [r["claimant"] for r in json.loads(cli("figures", "--format", "json").stdout)]
    assert [c for _, c in claimants("json")] != newest        # the option changed the order
    quotes = json.loads(cli("figures", "sorties", "--quotes", "--format", "json").stdout)
    assert all(q["quote"] for q in quotes)
    for fmt in ("csv", "tsv"):
        result = cli("timeline", "--quotes", "--format", fmt)
        assert result.exit_code == 0
        assert f"Note: --quotes is for the table: {fmt} gives an entry a line" in result.stderr
    assert "Note" not in cli("timeline", "--quotes", "--format", "json").stderr
