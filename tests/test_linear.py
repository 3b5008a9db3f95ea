"""Extraction costs linear time in its input: each rule's work per sentence is bounded,
checked by counting work (never by timing)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from syriacli.extract import clean, events, sentences
from syriacli.extract.article import RawArticle, extract_article


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="ab .,\n", max_size=8000))
def test_no_sentence_is_longer_than_the_bound(text):
    for s in sentences.split_sentences(text):
        assert len(s.text) <= sentences.MAX_SENTENCE
        assert text[s.start:s.end] == s.text


def test_a_page_without_full_stops_is_cut_at_spaces():
    text = "Russian jets struck Idlib and Hama " * 200
    pieces = sentences.split_sentences(text)
    assert len(pieces) > 1 and all(len(p.text) <= sentences.MAX_SENTENCE for p in pieces)
    assert all(not p.text.startswith(" ") and not p.text.endswith(" ") for p in pieces)


def test_a_date_looks_for_its_clause_once_each_way(monkeypatch):
    calls = {"last": 0, "first": 0}
    last, first = events._last_break, events._first_break

    def count_last(*args):
        calls["last"] += 1
        return last(*args)

    def count_first(*args):
        calls["first"] += 1
        return first(*args)

    monkeypatch.setattr(events, "_last_break", count_last)
    monkeypatch.setattr(events, "_first_break", count_first)
    dates = 80
    text = "Title\n\n" + "on 5 May 2016, " * dates + "jets struck Idlib."
    extraction = extract_article(RawArticle("x", "x.txt", text, {"published": "2016-05-10"}))
    assert len(extraction.events) >= dates // 2
    # one scan before and one after each date (not one per neighbour: that was cubic)
    assert calls["last"] <= dates and calls["first"] <= dates


def test_emphasis_spans_are_bounded():
    # an unclosed star is matched against a bounded stretch, not the rest of the line
    assert ".+?" not in clean.EMPHASIS.pattern and "{1,300}?" in clean.EMPHASIS.pattern
    assert clean.strip_markup("*MOSCOW* said *a " * 3).startswith("MOSCOW said")


def _lines_run(text: str) -> int:
    """How many lines of Python extracting ``text`` and making its rows runs (caches warm)."""
    import sys

    from syriacli.rows import article_rows

    raw = RawArticle("x", "x.txt", text, {"published": "2016-05-10"})
    extract_article(raw)
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += event == "line"
        return tracer

    sys.settrace(tracer)
    try:
        article_rows(extract_article(raw))
    finally:
        sys.settrace(None)
    return count


def test_a_page_of_one_line_costs_linear_work_in_its_length():
    """The seed articles run together into one line (a page saved without its breaks): four
    times the length is about four times the work. Each sentence's names, places, org
    mentions, quotations and lede source are looked up by position, not read from the
    start of the line for each figure or date (that was 8.4 times here, 281 s at 5 MB)."""
    from conftest import SEEDS

    body = " ".join(" ".join(" ".join(p.read_text(encoding="utf-8").split("\n")[2:]).split())
                    for p in sorted(SEEDS.glob("*.txt")))
    line = (body + " ") * 20
    small, large = (_lines_run(f"A long page\n\n{line[:n]}\n") for n in (40_000, 160_000))
    assert large < 4.5 * small
