"""Issue 7: names, name cards and the annotated reading view."""
import json

import pytest

PEOPLE = {"Putin", "Assad", "Shoigu", "Lavrov", "Kerry", "Peskov", "Konashenkov", "Lapin",
          "Pankov", "Ozerov", "Ivanov", "Kirby", "Erdogan", "de Mistura", "Pinheiro", "Gergiev",
          "Shaaban", "Abu Laila"}


def test_people_of_the_seed_corpus_each_once(cli):
    rows = json.loads(cli("names", "--type", "person", "--format", "json").stdout)
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)) == 18
    assert all(any(name.endswith(p) for name in names) for p in PEOPLE)


def test_hmeimim_card(cli):
    card = json.loads(cli("names", "Khmeimim", "--format", "json").stdout)[0]
    assert card["name"] == "Hmeimim" and len(card["articles"]) == 4
    assert {"Hmeimim", "Khmeimim", "Hemeimeem"} <= set(card["spellings"])


def test_person_card_has_role_org_and_claims(cli):
    card = json.loads(cli("names", "Shoigu", "--format", "json").stdout)[0]
    assert card["org"] == "Russian Defence Ministry"
    assert {f["metric"] for f in card["figures"]} >= {"sorties"}


def test_about_filters_search_and_figures(cli):
    hits = json.loads(cli("search", "Russia", "--about", "Deir el-Zour", "--format", "json").stdout)
    assert {h["article"][:3] for h in hits} == {"001", "004"}
    # a claim is about a name its own sentence names (any spelling): article 004 names
    # Deir ez-Zor too, but in no sentence of a claim
    claims = json.loads(cli("figures", "--about", "Deir el-Zour", "--format", "json").stdout)
    assert [(c["article"][:3], c["metric"], c["value"]) for c in claims] == [
        ("001", "civilians killed", 8)]
    assert all("Deir el-Zour" in c["quote"] for c in claims)


def test_annotated_article_piped(cli):
    out = cli("show", "003_5c8489880ca76ab4", "--annotate").stdout
    assert "on Tuesday [2016-03-15]" in out and "Monday's [2016-03-14]" in out
    assert "more than 9,000 sorties [sorties >9,000]" in out or "[sorties >9,000]" in out
    assert "Nikolay Pankov [Nikolai Pankov · person]" in out


def test_annotated_article_on_a_terminal_is_coloured(cli):
    out = cli("show", "003_5c8489880ca76ab4", "--annotate", "--format", "table",
              env={"NO_COLOR": ""}).stdout
    assert "[2016-03-15]" in out


def test_user_names_file_extends_the_table(make_raw, build, cli, tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps([{"name": "Qaryatayn", "type": "place",
                                  "variants": ["Al-Qaryatayn", "Qaryatein"]}]),
                     encoding="utf-8")
    raw = make_raw({"a.txt": "A\n\nFighting reached Qaryatein on 3 April 2016.",
                    "b.txt": "B\n\nAl-Qaryatayn fell."})
    result, db = build(raw, None, "--names", str(extra))
    assert result.exit_code == 0, result.output
    card = json.loads(cli("names", "Qaryatayn", "--format", "json", db=db).stdout)[0]
    assert card["type"] == "place" and card["articles"] == ["a", "b"]
    assert len(json.loads(cli("search", "Al-Qaryatayn", "--format", "json", db=db).stdout)) == 2
    (raw / "c.txt").write_text("C\n\nQaryatein again.", encoding="utf-8")
    assert build(raw, db)[0].exit_code == 0                       # remembered without --names
    card = json.loads(cli("names", "Qaryatayn", "--format", "json", db=db).stdout)[0]
    assert len(card["articles"]) == 3


def test_bad_names_file_is_one_line(make_raw, build, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result, _ = build(make_raw({"a.txt": "A\n\nText."}), None, "--names", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1


def test_the_names_listing_dates_a_name_written_outside_ascii(make_raw, build, cli, tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps([{"name": "Кедровка", "type": "base", "variants": ["Kedrovka"]}],
                                ensure_ascii=False),
                     encoding="utf-8")
    raw = make_raw({"a.txt": "A\n\nJets landed at Kedrovka on 3 April 2016.\n\n"
                             "More jets came to Kedrovka on 9 May 2016.\n"})
    result, db = build(raw, None, "--names", str(extra))
    assert result.exit_code == 0, result.output
    rows = json.loads(cli("names", "--format", "json", db=db).stdout)
    listed = {row["name"]: row for row in rows}
    assert (listed["Кедровка"]["first"], listed["Кедровка"]["last"]) == ("2016-04-03", "2016-05-09")
    assert listed["Кедровка"]["mentions"] == 2 and listed["Кедровка"]["articles"] == 1
    for extra_args in ([], ["--from", "2016-04", "--to", "2016-05"]):
        entries = json.loads(cli("timeline", "--about", "Kedrovka", *extra_args, "--format",
                                 "json", db=db).stdout)
        assert [e["date"] for e in entries] == ["2016-04-03", "2016-05-09"]


@pytest.mark.parametrize("about",
                         ["Palmyra", "Vladimir Putin", "Islamic State", "Aleppo", "Khmeimim"])
def test_about_keeps_exactly_the_articles_that_name_it(cli, seed_db, about):
    """--about (through the FTS names column) agrees with the mentions table, in articles;
    in figures, the claims whose own sentence names it, in any spelling."""
    import sqlite3

    from syriacli import queries

    conn = sqlite3.connect(seed_db)
    key = queries.known_key(conn, about)
    spelt: dict[str, set[str]] = {}
    for article, text in conn.execute("select article, text from mentions where key = ?", (key,)):
        spelt.setdefault(article, set()).add(text)
    listed = json.loads(cli("articles", "--about", about, "--format", "json").stdout)
    assert {a["article"] for a in listed} == set(spelt)
    every = json.loads(cli("figures", "--format", "json").stdout)
    claims = json.loads(cli("figures", "--about", about, "--format", "json").stdout)
    assert claims == [c for c in every
                      if any(text in c["quote"] for text in spelt.get(c["article"], ()))]
    assert len(claims) < len([c for c in every if c["article"] in spelt])


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_a_known_name_no_article_mentions_has_an_empty_card(cli, fmt):
    result = cli("names", "Raqqa", "--format", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        card = json.loads(result.stdout)[0]
        assert (card["name"], card["type"], card["mentions"], card["articles"]) == (
            "Raqqa", "place", 0, [])
    else:
        assert "Raqqa (place)" in result.stdout
        assert "no article of the corpus mentions it" in result.stdout


def test_a_name_is_found_inside_a_longer_one(make_raw, build, cli):
    """"naval facility at Tartous" is a base's name, and its article names Tartus too:
    searching the place in another spelling finds it (wire-copy sentences)."""
    raw = make_raw({
        "a.txt": "Base\n\nMoscow will keep its naval facility at Tartous for 49 years, "
                 "TASS said.\n",
        "b.txt": "Port\n\nRussian warships docked in Tartus on Monday, SANA reported.\n",
    })
    _, db = build(raw)
    hits = json.loads(cli("search", "Tartus", "--format", "json", db=db).stdout)
    assert sorted(h["article"] for h in hits) == ["a", "b"]


def test_a_card_in_tsv_is_tsv(cli):
    lines = cli("names", "Putin", "--format", "tsv").stdout.splitlines()
    assert lines[0].split("\t") == ["name", "type", "role", "org", "spellings", "articles",
                                    "mentions", "lat", "lon", "geo_precision", "events",
                                    "figures"]
    assert lines[1].startswith("Vladimir Putin\tperson\t") and len(lines) == 2


def test_a_place_card_says_where_it_is(cli):
    card = json.loads(cli("names", "Tadmur", "--format", "json").stdout)[0]
    assert (round(card["lat"], 2), round(card["lon"], 2), card["geo_precision"]) == (
        34.56, 38.28, "city")
    table = cli("names", "Hemeimeem", "--format", "table", env={"COLUMNS": "80"}).stdout
    assert "at 35.40°N 35.95°E (base)" in table
    unmentioned = cli("names", "Raqqa", "--format", "table").stdout
    assert "°N" in unmentioned and "no article of the corpus mentions it" in unmentioned
    person = json.loads(cli("names", "Putin", "--format", "json").stdout)[0]
    assert person["lat"] is None


def test_an_unknown_type_is_refused_with_the_valid_ones(cli):
    result = cli("names", "--type", "foo")
    assert result.exit_code == 2 and "is not one of: place, country" in result.output
    assert cli("names", "--type", "Person", "--format", "json").exit_code == 0


def test_an_unknown_publisher_is_empty_not_a_question_mark(make_raw, build, cli):
    raw = make_raw({"a.txt": "Jets strike Idlib\n\nOn 14 March 2016 Russian jets struck Idlib.\n"})
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    lines = cli("timeline", "--format", "tsv", db=db).stdout.splitlines()
    assert len(lines) > 1 and all("?" not in line.split("\t")[3] for line in lines[1:])
