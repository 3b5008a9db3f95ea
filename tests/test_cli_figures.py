"""Issue 4: figures as attributed claims, per metric and source."""
import csv
import io
import json

import pytest

CONTRACT = ["metric", "value", "low", "high", "qualifier", "unit", "text", "claimant",
            "claimant_org", "via", "article", "title", "publisher", "published", "url", "as_of",
            "period", "quote", "reprints", "places"]


def claims(cli, *args, **kw):
    result = cli("figures", *args, "--format", "json", **kw)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_contract_and_range(cli):
    rows = claims(cli, "troops")
    assert list(rows[0]) == CONTRACT
    ranged = [r for r in rows if r["low"] is not None]
    assert ranged and ranged[0]["value"] is None
    assert (ranged[0]["low"], ranged[0]["high"]) == (3000, 6000)


@pytest.mark.parametrize("word", ["sorties", "sortie", "flights", "Sorties"])
def test_sorties_by_any_synonym(cli, word):
    rows = claims(cli, word)
    assert {(r["value"], r["qualifier"], r["publisher"]) for r in rows} == {
        (7000, "over", "RT"), (9000, "over", "BBC")}
    assert any("Shoigu" in (r["claimant"] or "") for r in rows)
    assert all(r["quote"] and r["article"] for r in rows)


def test_civilians_series_and_convoy_toll_are_distinct(cli):
    rows = claims(cli, "civilians")
    observatory = sorted(r["value"] for r in rows if "Observatory" in (r["claimant"] or ""))
    assert observatory == [1000, 1733, 3800]
    assert [r["value"] for r in rows if r["claimant"] == "Red Cross"] == [20]
    assert {r["metric"] for r in rows} <= {"civilians killed", "civilians wounded"}


def test_casualties_spans_metrics(cli):
    metrics = {r["metric"] for r in claims(cli, "casualties")}
    assert {"civilians killed", "militants killed", "deaths"} <= metrics


def test_units_and_breakdowns(cli):
    territory = {(r["value"], r["unit"]) for r in claims(cli, "territory")}
    assert {(85, "percent"), (27000, "sq km"), (10000, "sq km")} <= territory
    assert not any(v in (10425, 3860) for v, _ in territory)       # conversions are not figures
    children = claims(cli, "children")
    assert sorted(r["value"] for r in children if r["metric"] == "children killed") == [200, 429]


def test_filters(cli):
    assert {r["publisher"] for r in claims(cli, "militants", "--publisher", "BBC")} == {"BBC"}
    rows = claims(cli, "civilians", "--claimant", "observatory")
    assert all("Observatory" in r["claimant"] for r in rows)


def test_no_metric_lists_every_claim_in_json_and_the_summary_on_a_terminal(cli):
    assert len(claims(cli)) >= 31
    table = cli("figures", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert "sorties" in table and "claims" in table
    summary = json.loads(cli("figures", "--summary", "--format", "json").stdout)
    sorties = next(s for s in summary if s["metric"] == "sorties")
    assert {"metric": "sorties", "claims": 2}.items() <= sorties.items()


def test_terminal_view_shows_spread_bars_and_disagreement(cli):
    out = cli("figures", "sorties", "--format", "table", "--quotes", env={"COLUMNS": "160"}).stdout
    assert "sorties: 7,000 to 9,000+, 2 claims, 2 claimants" in out
    assert ">7,000" in out and ">9,000" in out and "█" in out
    # RT's officials' running total and Shoigu's "over almost six months", both of March
    # 2016: the disagreement the tool is for
    assert "disagree beyond their qualifiers" in out and "“" in out


def test_no_false_disagreement_in_the_shipped_corpus(cli):
    """The shipped corpus disagrees where RT's officials and Shoigu (BBC) give March 2016's
    running totals of sorties and of militants killed, and nowhere else."""
    summary = json.loads(cli("figures", "--summary", "--format", "json").stdout)
    assert len(summary) > 20
    disagreeing = set()
    for metric in {s["metric"] for s in summary}:
        result = cli("figures", metric, "--format", "table", env={"COLUMNS": "160"})
        assert result.exit_code == 0 and result.stdout, metric
        if "disagree" in result.stdout:
            disagreeing.add(metric)
            assert "(Russian officials, RT) vs" in result.stdout, metric
    assert disagreeing == {"sorties", "militants killed"}


#: Invented reports of one metric: a monitor's and a ministry's toll of the same strike
#: (alike, disagreeing), and tolls of other periods and provinces that are unlike them.
DISAGREEING = {
    "a.txt": "Russian air strikes killed 63 civilians in Maarat al-Numan on Sunday, the "
             "Syrian Observatory for Human Rights said.\n",
    "b.txt": "The Syrian health ministry said air strikes killed 12 civilians in Maarat "
             "al-Numan on Sunday.\n",
    "c.txt": "Since September 2015, Russian strikes have killed 6,900 civilians, the Syrian "
             "Network for Human Rights said in its report.\n",
    "d.txt": "Russian raids killed 20 civilians in Aleppo on Sunday, the White Helmets said.\n",
}


def test_only_like_claims_disagree(make_raw, build, cli):
    manifest = "file,title,publisher,published,url\n" + "".join(
        f"{name},Strikes,{who},2019-06-30,\n"
        for name, who in zip(DISAGREEING, ["AFP", "SANA", "Anadolu", "Al Jazeera"], strict=True))
    result, db = build(make_raw(DISAGREEING, manifest))
    assert result.exit_code == 0, result.output
    out = cli("figures", "civilians", "--format", "table", db=db,
              env={"COLUMNS": "200"}).stdout
    said = [line.strip() for line in out.splitlines() if " vs " in line]
    assert len(said) == 1, out
    assert "63" in said[0] and "12" in said[0] and "6,900" not in said[0]


@pytest.mark.parametrize("args, said", [
    (["zeppelins"], "No claims: METRIC 'zeppelins' matches nothing in the corpus; nearest: "),
    (["sorties", "--publisher", "Nobody"],
     "No claims: --publisher 'Nobody' matches nothing in the corpus; nearest: "),
    (["--claimant", "Shoigo"],
     "No claims: --claimant 'Shoigo' matches nothing in the corpus; nearest: Sergei Shoigu\n"),
    (["--about", "Palmora"],   # no spelling of Palmyra, even by rule
     "No claims: --about 'Palmora' matches nothing in the corpus; nearest: Palmyra"),
])
def test_a_filter_matching_nothing_says_so_and_names_the_nearest(cli, args, said):
    """Exit 0 and no claim; one stderr line naming the filter and the values nearest it."""
    for fmt in ("json", "tsv"):
        result = cli("figures", *args, "--format", fmt)
        assert result.exit_code == 0
        assert result.stdout == ("[]\n" if fmt == "json" else result.stdout.splitlines()[0] + "\n")
        assert result.stderr.startswith(said) and result.stderr.count("\n") == 1


def test_the_nearest_publishers_exist(cli):
    said = cli("figures", "--publisher", "BBC News", "--format", "json").stderr
    assert said.endswith("nearest: BBC, AP, RT\n") or said.endswith("nearest: BBC\n"), said


def test_every_claim_row_cites_its_article_in_every_format(cli):
    """title, publisher, date and url ride on each claim: json, jsonl, csv and tsv alike."""
    cited = ("article", "title", "publisher", "published", "url")
    got = claims(cli, "sorties")
    assert [[c[k] for k in cited] for c in got] == [
        ["000_616b968fe542e006", "A year of Russian anti-ISIS ops in Syria: 5 key milestones",
         "RT", "2016-09-30", None],
        ["003_5c8489880ca76ab4",
         "Syria conflict: Russia 'to continue air strikes' after withdrawal", "BBC",
         "2016-03-15", "https://www.bbc.co.uk/news/world-middle-east-35812371"]]
    jsonl = [json.loads(line) for line in
             cli("figures", "sorties", "--format", "jsonl").stdout.splitlines()]
    assert jsonl == got
    for fmt, rows in (
        ("csv", list(csv.DictReader(io.StringIO(cli("figures", "sorties", "--format",
                                                    "csv").stdout)))),
        ("tsv", list(csv.DictReader(io.StringIO(cli("figures", "sorties", "--format",
                                                    "tsv").stdout), delimiter="\t"))),
    ):
        assert [[r[k] for k in cited] for r in rows] == [
            [c[k] or "" for k in cited] for c in got], fmt


def test_about_is_the_claims_own_sentence(make_raw, build, cli):
    """--about keeps a claim whose own sentence names the place, not one whose article
    names it elsewhere."""
    text = ("Strikes\n\nRussian jets flew 120 sorties near Palmyra, the Defence Ministry said."
            "\n\nIn all, the jets flew 900 sorties over Idlib, the ministry said.\n")
    result, db = build(make_raw({"a.txt": text}))
    assert result.exit_code == 0, result.output
    assert [c["value"] for c in claims(cli, "sorties", db=db)] == [120, 900]
    assert [c["value"] for c in claims(cli, "sorties", "--about", "Palmyra", db=db)] == [120]
    assert [c["value"] for c in claims(cli, "sorties", "--about", "Idlib", db=db)] == [900]


def test_a_claims_publisher_and_date_follow_its_manifest_row(make_raw, build, cli):
    text = "Russian jets flew 120 sorties over Syria, the Defence Ministry said on Monday.\n"
    manifest = "file,title,publisher,published,url\na.txt,Jets,RT,2016-03-02,\n"
    raw = make_raw({"a.txt": text, "b.txt": text}, manifest)
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    rows = claims(cli, "sorties", db=db)
    assert [(r["article"], r["publisher"], r["published"]) for r in rows] == [
        ("a", "RT", "2016-03-02"), ("b", None, None)]
    (raw / "manifest.csv").write_text("file,title,publisher,published,url\n"
                                      "a.txt,Jets,RT,2016-03-02,\nb.txt,Jets,BBC,2016-04-01,\n")
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    rows = claims(cli, "sorties", db=db)
    assert [(r["article"], r["publisher"], r["published"]) for r in rows] == [
        ("b", "BBC", "2016-04-01"), ("a", "RT", "2016-03-02")]
    # "on Monday": the claim is about 28 March, the Monday before its publication
    rows = claims(cli, "sorties", "--publisher", "bbc", "--from", "2016-03-28", db=db)
    assert [r["article"] for r in rows] == ["b"]
    # The tsv listing renders from the same rows: it follows the manifest too.
    tsv = cli("figures", "sorties", "--format", "tsv", db=db).stdout.splitlines()[1:]
    header = cli("figures", "sorties", "--format", "tsv", db=db).stdout.splitlines()[0].split("\t")
    at = [header.index(c) for c in ("article", "publisher", "published")]
    assert [[line.split("\t")[i] for i in at] for line in tsv] == [
        ["b", "BBC", "2016-04-01"], ["a", "RT", "2016-03-02"]]


def test_an_open_metric_is_found_by_its_noun(cli):
    """A count the vocabulary does not know ("two battalions") is listed under its noun, and
    the user's word in any form finds it."""
    for word in ("battalions", "battalion"):
        claims = json.loads(cli("figures", word, "--format", "json").stdout)
        assert [(c["metric"], c["value"], c["qualifier"]) for c in claims] == [
            ("battalions", 2, "up to")]


def test_a_claim_carries_its_citation_and_its_speakers_organisation(make_raw, build, cli):
    """`--claimant "Defence Ministry"` finds what its minister said; each claim has its
    article's title and url, and the outlet that relayed it (invented wire copy)."""
    text = ("Russian Defence Minister Sergei Shoigu said on Monday that Russian jets had flown "
            "2,500 sorties over Idlib.\n\n"
            "Tass news agency reported, citing the General Staff, that 120 militants were "
            "killed.\n")
    manifest = ("file,title,publisher,published,url\n"
                "a.txt,Idlib strikes,Reuters,2019-06-03,https://example.org/a\n")
    _, db = build(make_raw({"a.txt": text}, manifest))
    result = cli("figures", "--claimant", "Defence Ministry", "--format", "json", db=db)
    rows = json.loads(result.stdout)
    assert [(r["value"], r["claimant"], r["claimant_org"]) for r in rows] == [
        (2500, "Sergei Shoigu", "Russian Defence Ministry")]
    assert (rows[0]["title"], rows[0]["url"]) == ("Idlib strikes", "https://example.org/a")
    relayed = json.loads(cli("figures", "militants", "--format", "json", db=db).stdout)
    assert [(r["value"], r["via"]) for r in relayed] == [(120, "Tass news agency")]
    assert "General Staff" in relayed[0]["claimant"]


def test_the_terminal_view_names_the_relaying_outlet(make_raw, build, cli):
    text = "Tass news agency reported, citing the General Staff, that 120 militants were killed.\n"
    _, db = build(make_raw({"a.txt": text}))
    out = cli("figures", "militants", "--format", "table", db=db, env={"COLUMNS": "160"}).stdout
    assert "General Staff via Tass news agency" in out


def test_a_users_word_finds_the_groups_it_is_part_of(make_raw, build, cli):
    text = ("Airstrikes killed 527 children and women in Idlib in 2019, the monitor said.\n\n"
            "Separately, 88 children were killed in Ariha, the monitor said.\n")
    _, db = build(make_raw({"a.txt": text}))
    rows = json.loads(cli("figures", "children", "--format", "json", db=db).stdout)
    assert sorted((r["metric"], r["value"]) for r in rows) == [
        ("children and women killed", 527), ("children killed", 88)]


@pytest.mark.parametrize("asked", ["MoD", "Ministry of Defence", "Russian Defense Ministry",
                                   "defence ministry"])
def test_claimant_finds_one_organisation_by_any_of_its_names(make_raw, build, cli, asked):
    """One organisation written three ways in three articles is one claimant_org, and
    `--claimant` finds all three by any of its names (invented TASS, Gulf and wire copy)."""
    texts = {
        "a.txt": "MOSCOW, May 2. /TASS/. The Ministry of Defence of the Russian Federation said "
                 "its jets flew 84 sorties over Hama.\n",
        "b.txt": "The Russian MoD said 37 militants were killed near Maarat al-Numan.\n",
        "c.txt": "Russia's defence ministry said on Friday it had struck 52 targets in Idlib.\n",
    }
    _, db = build(make_raw(texts))
    rows = json.loads(cli("figures", "--claimant", asked, "--format", "json", db=db).stdout)
    assert sorted((r["value"], r["claimant_org"]) for r in rows) == [
        (37, "Russian Defence Ministry"), (52, "Russian Defence Ministry"),
        (84, "Russian Defence Ministry")]
