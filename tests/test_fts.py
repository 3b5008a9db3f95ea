import sqlite3

import pytest
from hypothesis import given, settings, strategies as st

from syriacli.errors import BadQuery
from syriacli.fts import translate


def fake_names(phrase):
    known = {"isis": "islamicstate", "deir ez-zor": "deirezzor"}
    key = known.get(phrase.lower())
    return f'(names : "{key}")' if key else None


@pytest.mark.parametrize("query, expected", [
    ("Palmyra", '"Palmyra"'),
    ("Palmyra retaken", '"Palmyra" "retaken"'),
    ('"air base"', '"air base"'),
    ("withdr*", '"withdr"*'),
    ("Palmyra OR Aleppo", '"Palmyra" OR "Aleppo"'),
    ("Palmyra NOT Aleppo", '"Palmyra" NOT "Aleppo"'),
    ("(Palmyra OR Aleppo) Russia", '( "Palmyra" OR "Aleppo" ) "Russia"'),
    ("Su-24", '"Su 24"'),
    ("Al-Nusra", '"Al Nusra"'),
    ('"unbalanced', '"unbalanced"'),
    ("AND Palmyra", '"Palmyra"'),
    ("Palmyra OR", '"Palmyra"'),
    ("( Palmyra", '"Palmyra"'),
    ("Palmyra )", '"Palmyra"'),
    ("'; DROP TABLE articles; --", '"DROP" "TABLE" "articles"'),
])
def test_translate(query, expected):
    assert translate(query) == expected


def test_names_expand_greedily():
    assert translate("ISIS Deir ez-Zor", fake_names) == '(names : "islamicstate") (names : "deirezzor")'


@pytest.mark.parametrize("query", ["", "   ", "AND", "(", "()", "OR NOT", '""', "*", "--"])
def test_nothing_to_search(query):
    with pytest.raises(BadQuery):
        translate(query)


@pytest.fixture(scope="module")
def fts():
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table t using fts5(body, names)")
    conn.execute("insert into t values ('the Su-24 was downed', '')")
    return conn


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_input_is_valid_fts5_or_bad_query(fts, query):
    try:
        translated = translate(query)
    except BadQuery:
        return
    fts.execute("select count(*) from t where t match ?", (translated,)).fetchone()
