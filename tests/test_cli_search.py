"""Search semantics as a person types them (#17): exclusions, OR, likely slips, and no
silent truncation; the same rules for ``timeline --match``."""

import json

import pytest

from syriacli.fts import parse


def as_json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def articles(result) -> set[str]:
    return {row["article"] for row in as_json(result)}


def test_every_exclusion_form_leaves_the_word_out(cli):
    every = articles(cli("articles", "-f", "json"))
    palmyra = articles(cli("search", "Palmyra", "-f", "json"))
    assert palmyra and every - palmyra, "the seeds must have articles with and without Palmyra"
    for query in ("NOT Palmyra", "-Palmyra", '-"Palmyra"', "NOT (Palmyra)"):
        assert articles(cli("search", "-f", "json", "--", query)) == every - palmyra, query
    russia = articles(cli("search", "Russia", "-f", "json"))
    assert articles(cli("search", "-f", "json", "--", "Russia -Palmyra")) == russia - palmyra
    assert articles(cli("search", "-f", "json", "--", "Russia NOT Palmyra")) == russia - palmyra


def test_an_exclusion_alone_keeps_the_other_filters(cli):
    rows = as_json(cli("search", "-f", "json", "--publisher", "RT", "--", "NOT Palmyra"))
    assert all(r["publisher"] == "RT" for r in rows)


def test_or_in_capitals_joins_and_a_lowercase_or_is_named(cli):
    either = articles(cli("search", "Palmyra OR Aleppo", "-f", "json"))
    assert either >= articles(cli("search", "Aleppo", "-f", "json")) | articles(
        cli("search", "Palmyra", "-f", "json"))
    result = cli("search", "Palmyra or Aleppo", "-f", "json")
    assert result.exit_code == 0
    assert '"or" was searched as a word' in result.stderr and "OR in capitals" in result.stderr
    assert "searched as a word" not in cli("search", "Palmyra OR Aleppo", "-f", "json").stderr


def test_timeline_match_excludes_every_entry_a_report_of_which_matches(cli):
    every = as_json(cli("timeline", "-f", "json"))
    hits = as_json(cli("timeline", "-f", "json", "--match", "withdrawal"))
    without = as_json(cli("timeline", "-f", "json", "--match", "NOT withdrawal"))
    assert hits and without
    key = lambda e: (e["date"], e["summary"])  # noqa: E731
    assert {key(e) for e in hits}.isdisjoint({key(e) for e in without})
    assert len(hits) + len(without) == len(every)
    assert not any("withdrawal" in m["quote"].lower() for e in without for m in e["mentions"])
    dashed = as_json(cli("timeline", "-f", "json", "--match", "-withdrawal"))
    assert [key(e) for e in dashed] == [key(e) for e in without]


@pytest.mark.parametrize("query, match, exclude", [
    ("Palmyra NOT Aleppo", '"Palmyra" NOT "Aleppo"', None),
    ("Russia -Palmyra -Aleppo", '"Russia" NOT ("Palmyra" OR "Aleppo")', None),
    ('Russia -"air base"', '"Russia" NOT "air base"', None),
    ("Russia Syria -(Palmyra OR Aleppo)",
     '("Russia" AND "Syria") NOT ( "Palmyra" OR "Aleppo" )', None),
    ("NOT Palmyra", None, '"Palmyra"'),
    ("-Palmyra -Aleppo", None, '"Palmyra" OR "Aleppo"'),
    ("Su-24 -Palmyra", '"Su 24" NOT "Palmyra"', None),
    ("(Russia -Palmyra) OR Homs", '( "Russia" NOT "Palmyra" ) OR "Homs"', None),
])
def test_parse(query, match, exclude):
    parsed = parse(query)
    assert (parsed.match, parsed.exclude) == (match, exclude)


def test_a_slip_note_only_between_words():
    assert parse("Palmyra not Aleppo").notes
    assert not parse("or Palmyra").notes and not parse('"Palmyra or Aleppo"').notes


@pytest.fixture
def many(make_raw, build):
    files = {
        f"a{i:02d}.txt": f"Report {i}\n\nDamascus, 1{i % 9} May 2016\n\nRussian jets struck"
        f" targets near Palmyra on day {i}, the ministry said.\n"
        for i in range(27)
    }
    result, db = build(make_raw(files))
    assert result.exit_code == 0, result.output
    return db


def test_a_pipe_gets_every_hit_and_a_terminal_table_a_page_with_the_count(cli, many):
    assert len(as_json(cli("search", "Palmyra", "-f", "json", db=many))) == 27
    tsv = cli("search", "Palmyra", db=many)
    assert len(tsv.stdout.splitlines()) == 28 and not tsv.stderr
    table = cli("search", "Palmyra", "-f", "table", db=many)
    assert table.exit_code == 0
    assert "showing the best 20 of 27 articles; --limit 0 shows them all" in table.stderr
    assert table.stdout.count("a0") + table.stdout.count("a1") + table.stdout.count("a2") == 20
    everything = cli("search", "Palmyra", "-f", "table", "--limit", "0", db=many)
    assert not everything.stderr and "a26" in everything.stdout
    assert len(as_json(cli("search", "Palmyra", "-f", "json", "-n", "5", db=many))) == 5


def test_figures_from_to_is_the_date_a_claim_is_about(cli):
    """RT (30 Sep 2016) reports over 7,000 sorties as of 15 March 2016: a March 2016
    range finds it; a September one does not."""
    march = as_json(cli("figures", "sorties", "-f", "json", "--from", "2016-03", "--to", "2016-03"))
    assert any(f["value"] == 7000 and f["published"] == "2016-09-30" for f in march)
    assert all((f["as_of"] or f["published"])[:7] == "2016-03" for f in march)
    september = as_json(cli("figures", "sorties", "-f", "json", "--from", "2016-09-01",
                            "--to", "2016-09-30"))
    assert not any(f["value"] == 7000 and f["as_of"] == "2016-03-15" for f in september)


def test_a_month_as_of_is_inside_a_range_covering_any_of_its_days(cli):
    claims = as_json(cli("figures", "-f", "json"))
    month = next(f for f in claims if f["as_of"] and len(f["as_of"]) == 7)
    day = f"{month['as_of']}-15"
    inside = as_json(cli("figures", "-f", "json", "--from", day, "--to", day))
    assert any(f["quote"] == month["quote"] for f in inside)


def test_csv_and_tsv_write_lists_alike(cli):
    import csv
    import io

    tsv = cli("timeline").stdout.splitlines()
    rows = list(csv.reader(io.StringIO(cli("timeline", "-f", "csv").stdout)))
    assert [line.split("\t") for line in tsv] == rows
    assert not any(value.startswith("[") for row in rows for value in row)


@pytest.mark.parametrize("command", [["search", "Palmyra"], ["articles"]])
@pytest.mark.parametrize("option, value, nearest", [
    ("--publisher", "Nobdy", "BBC"),
    ("--about", "Palmora", "Palmyra"),
])
def test_a_filter_matching_nothing_says_so_as_timeline_does(cli, command, option, value,
                                                            nearest):
    """search and articles answer a filter that matches nothing as timeline and figures
    do: no rows, exit 0, one stderr line naming the filter and the nearest values."""
    result = cli(*command, option, value, "--format", "json")
    assert result.exit_code == 0 and result.stdout == "[]\n"
    said = f"No articles: {option} {value!r} matches nothing in the corpus; nearest: "
    assert result.stderr.startswith(said) and nearest in result.stderr
    assert result.stderr.count("\n") == 1
