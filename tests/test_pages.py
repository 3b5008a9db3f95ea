"""Saved web pages and Markdown files as articles: the page's text and metadata in, its
navigation, cookie notices, related links and comments out."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from syriacli.extract.pages import read_page

PAGES = Path(__file__).parent / "fixtures" / "pages"
WIRE = (PAGES / "levant-wire.html").read_bytes()
OBSERVATORY = (PAGES / "observatory-report.htm").read_bytes()
CHROME = ("cookies", "Accept all", "Middle East", "Related", "Putin and Erdogan", "Comments",
          "Reader99", "500 people", "All rights reserved", "Privacy", "You may also like",
          "30 people died", "Share this", "Donate")


@pytest.mark.parametrize("html, title, published, publisher, url", [
    (WIRE, "Russian jets strike Idlib depots, ministry says", "2019-05-07", "Levant Wire",
     "https://levantwire.example/2019/05/07/russian-jets-idlib"),
    (OBSERVATORY, "Observatory: airstrikes kill 9 in Hama countryside", "2018-02-14", None, None),
])
def test_a_page_gives_its_text_and_metadata(html, title, published, publisher, url):
    page = read_page(html)
    assert page is not None
    assert (page.title, page.published, page.publisher, page.url) == (
        title, published, publisher, url)
    assert page.text.startswith(title + "\n\n")
    for chrome in CHROME:
        assert chrome not in page.text


def test_a_page_without_article_text_gives_none():
    nav = b"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>"
    assert read_page(nav) is None


def _rows(cli, db, *args):
    result = cli(*args, "--format", "json", db=db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _events(cli, db) -> list[tuple[str, str]]:
    """(date, article) of every mention of every timeline entry."""
    return [(e["date"], m["article"]) for e in _rows(cli, db, "timeline") for m in e["mentions"]]


def test_a_folder_of_text_pages_and_markdown_builds_one_corpus(make_raw, build, cli):
    raw = make_raw({
        "wire.html": WIRE,
        "observatory.htm": OBSERVATORY,
        "notes.md": "# Russia ends its Syria drawdown\n\n*MOSCOW*, 15 March 2016 - Russian jets "
                    "began leaving [Hmeimim](https://example.org/hmeimim) on Tuesday, the "
                    "ministry said.\n",
        "plain.txt": "Strikes hit Idlib\n\n12 May 2019\n\nRussian jets struck Idlib on Saturday.\n",
        "scan.pdf": b"%PDF-1.4 binary",
        "menu.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
    })
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    assert "scan.pdf" in result.output and "not an article file" in result.output
    assert "menu.html" in result.output and "without article text" in result.output
    articles = {a["article"]: a for a in _rows(cli, db, "articles")}
    assert sorted(articles) == ["notes", "observatory", "plain", "wire"]
    wire = articles["wire"]
    assert (wire["title"], wire["published"], wire["publisher"], wire["published_from"]) == (
        "Russian jets strike Idlib depots, ministry says", "2019-05-07", "Levant Wire", "page")
    assert wire["url"] == "https://levantwire.example/2019/05/07/russian-jets-idlib"
    assert articles["notes"]["title"] == "Russia ends its Syria drawdown"
    assert articles["notes"]["published"] == "2016-03-15"
    # the page's figures are claims, with their claimants; the comments' are not
    figures = _rows(cli, db, "figures")
    wire_values = {f["value"] for f in figures if f["article"] == "wire"}
    assert {30, 12, 39000} <= wire_values and 500 not in wire_values
    # the <time> and <meta> dates are metadata, not events; "on Tuesday" resolves by the page date
    events = _events(cli, db)
    assert ("2019-05-07", "wire") in events
    assert not any(date in ("2019-05-08", "2018-02-15") for date, _ in events)
    shown = cli("show", "wire", db=db)
    assert "cookies" not in shown.stdout and "Reader99" not in shown.stdout


def test_the_manifest_wins_over_the_page(make_raw, build, cli):
    raw = make_raw({"wire.html": WIRE},
                   manifest="file,publisher,published\nwire.html,Levant Wire Arabic,2019-05-08\n")
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    [article] = _rows(cli, db, "articles")
    assert (article["publisher"], article["published"], article["published_from"]) == (
        "Levant Wire Arabic", "2019-05-08", "manifest")


def test_undated_articles_are_named_listed_and_resolved_once_dated(make_raw, build, cli):
    raw = make_raw({
        "undated.txt": "Jets strike Idlib\n\nRussian jets struck Idlib on Wednesday and again "
                       "last week, activists said.\n",
        "dated.txt": "Jets strike Hama\n\n14 March 2016\n\nRussian jets struck Hama on Sunday.\n",
    })
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.stderr.splitlines() if "publication date" in line]
    assert "1 article without a publication date: undated (2 dates unresolved)" in warning
    assert "manifest.csv" in warning and "undated.txt,2016-03-15" in warning
    assert [a["article"] for a in _rows(cli, db, "articles", "--undated")] == ["undated"]
    annotated = cli("show", "undated", "--annotate", db=db).stdout
    assert "on Wednesday [unresolved]" in annotated
    assert not [d for d, article in _events(cli, db) if article == "undated"]
    # a manifest row gives the date: the next build resolves them
    (raw / "manifest.csv").write_text("file,published\nundated.txt,2016-03-18\n", encoding="utf-8")
    result, db = build(raw, db)
    assert result.exit_code == 0 and "publication date" not in result.stderr
    assert _rows(cli, db, "articles", "--undated") == []
    assert ("2016-03-16", "undated") in _events(cli, db)


def test_captions_and_table_cells_are_paragraphs():
    """Issue #29: a caption and a table's cells are text, like the list items around them."""
    html = (
        "<html><head><title>Jets pound Idlib</title></head><body><article>"
        "<h1>Jets pound Idlib</h1><p>Russian jets struck a market in Idlib on Sunday, killing "
        "12 civilians, the monitor said.</p><ul><li>Jets struck Ariha on March 3, 2019, "
        "killing 4 people.</li></ul><figure><img src='a.jpg'><figcaption>Smoke rises over "
        "Idlib on March 2, 2019.</figcaption></figure><table><tr><th>Day</th><th>Killed</th>"
        "</tr><tr><td>Strikes on 5 March 2019</td><td>14 civilians</td></tr></table><p>The "
        "monitor said more than 40 civilians had died in the province.</p></article></body>"
        "</html>")
    page = read_page(html)
    assert page is not None
    paragraphs = page.text.split("\n\n")
    for text in ("- Jets struck Ariha on March 3, 2019, killing 4 people.",
                 "Smoke rises over Idlib on March 2, 2019.", "Strikes on 5 March 2019",
                 "14 civilians"):
        assert text in paragraphs
    assert "|" not in page.text
