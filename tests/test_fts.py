import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syriacli.errors import BadQuery
from syriacli.fts import parse, translate


def fake_names(phrase):
    known = {"isis": "islamicstate", "deir ez-zor": "deirezzor"}
    key = known.get(phrase.lower())
    return f'(names : "{key}")' if key else None


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Palmyra", '"Palmyra"'),
        ("Palmyra retaken", '"Palmyra" AND "retaken"'),
        ('"air base"', '"air base"'),
        ("withdr*", '"withdr"*'),
        ("Palmyra OR Aleppo", '"Palmyra" OR "Aleppo"'),
        ("Palmyra NOT Aleppo", '"Palmyra" NOT "Aleppo"'),
        ("(Palmyra OR Aleppo) Russia", '( "Palmyra" OR "Aleppo" ) AND "Russia"'),
        ("Su-24", '"Su 24"'),
        ("Al-Nusra", '"Al Nusra"'),
        ('"unbalanced', '"unbalanced"'),
        ("AND Palmyra", '"Palmyra"'),
        ("Palmyra OR", '"Palmyra"'),
        ("( Palmyra", '"Palmyra"'),
        ("Palmyra )", '"Palmyra"'),
        ("'; DROP TABLE articles; --", '"DROP" AND "TABLE" AND "articles"'),
    ],
)
def test_translate(query, expected):
    assert translate(query) == expected


def test_names_expand_greedily():
    assert (
        translate("ISIS Deir ez-Zor", fake_names)
        == '(names : "islamicstate") AND (names : "deirezzor")'
    )


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
        parsed = parse(query)
    except BadQuery:
        return
    assert (parsed.match is None) != (parsed.exclude is None)
    fts.execute("select count(*) from t where t match ?", (parsed.match or parsed.exclude,))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "-Palmyra",
                "-(",
                '-"air',
                "Khmeimim",
                "ISIS",
                "Deir",
                "ez-Zor",
                "IS",
                "is",
                "(",
                ")",
                "OR",
                "NOT",
                "AND",
                '"',
                "Su-24",
                "x*",
                "Palmyra",
                "al-Nusra",
            ]
        ),
        max_size=8,
    )
)
def test_expanded_names_stay_valid_fts5(fts, words):
    from syriacli.fts import name_expansion

    try:
        parsed = parse(" ".join(words), name_expansion)
    except BadQuery:
        return
    fts.execute("select count(*) from t where t match ?", (parsed.match or parsed.exclude,))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Palmyra OR ( )", '"Palmyra"'),
        ("Palmyra (( )) Aleppo", '"Palmyra" AND "Aleppo"'),
    ],
)
def test_empty_parentheses_leave_no_dangling_operator(query, expected):
    assert translate(query) == expected


def test_every_shipped_name_key_is_one_fts_token_of_its_own() -> None:
    """--about and name searches match `names : "key"`: each key must stay one token after
    the tokenizer's stemming, and no two keys may stem alike."""
    import sqlite3

    from syriacli.extract.names import load_table
    from syriacli.store import TOKENIZE

    keys = sorted({name.key for name in load_table(None)})
    conn = sqlite3.connect(":memory:")
    conn.execute(f"create virtual table t using fts5(k, tokenize='{TOKENIZE}')")
    conn.execute("create virtual table v using fts5vocab(t, 'instance')")
    conn.executemany("insert into t(rowid, k) values (?, ?)", enumerate(keys))
    tokens: dict[int, list[str]] = {}
    for term, doc in conn.execute("select term, doc from v"):
        tokens.setdefault(doc, []).append(term)
    assert all(len(tokens[i]) == 1 for i in range(len(keys)))
    assert len({tokens[i][0] for i in range(len(keys))}) == len(keys)
