"""The folding of a name's spellings into one key (spellings.variant_key): the rules of
data/transliteration.json, property-tested, and checked against the shipped name table."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syriacli.extract.names import load_table, lookup
from syriacli.extract.spellings import variant_key

#: Names as outlets write them: Latin letters, accents, Cyrillic, Arabic, hyphens,
#: apostrophes and ayn marks, spaces.
NAME_TEXT = st.text(
    alphabet=st.sampled_from(list("abdehiklnoqrstuxyzAEKQ -'`ʿʾéüШойгуحميم")), max_size=30)


@settings(max_examples=400, deadline=None)
@given(NAME_TEXT)
def test_folding_is_idempotent(spelling):
    key = variant_key(spelling)
    assert variant_key(key) == key


@settings(max_examples=200, deadline=None)
@given(NAME_TEXT)
def test_case_joiners_and_ayn_marks_never_change_the_key(spelling):
    spaced = spelling.replace(" ", "-")
    assert variant_key(spelling.upper()) == variant_key(spelling)
    assert variant_key(spaced) == variant_key(spelling)
    assert variant_key(spelling.replace("'", "ʿ")) == variant_key(spelling)


#: A made-up Arabic-looking name: words of consonant-vowel syllables.
SYLLABLE = st.tuples(st.sampled_from(list("bdfhklmnrstz")), st.sampled_from(["a", "i", "u"]))
WORD = st.lists(SYLLABLE, min_size=2, max_size=4).map(lambda s: "".join(c + v for c, v in s))
NAME = st.lists(WORD, min_size=1, max_size=3)
#: What transliterations do to a letter: y for i, ou for u, kh for h, q for k, a doubled
#: consonant, an ayn mark after a vowel.
LETTER_SPELLINGS = {"i": ["i", "y"], "u": ["u", "ou", "oo"], "h": ["h", "kh"], "k": ["k", "q"],
                    "a": ["a", "a'", "a`", "aʿ"]}


def _respelled(word: str, choices: list[int]) -> str:
    out = []
    for i, letter in enumerate(word):
        forms = LETTER_SPELLINGS.get(letter, [letter, letter * 2])
        out.append(forms[choices[i % len(choices)] % len(forms)])
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(NAME, st.lists(st.integers(0, 3), min_size=1, max_size=8), st.booleans(),
       st.sampled_from(["al-", "el-", "al ", "el "]))
def test_transliterations_of_one_name_map_to_one_key(words, choices, joiner, article):
    written = " ".join(words)
    respelled = ("-" if joiner else " ").join(
        (article if i else "") + _respelled(w, choices) for i, w in enumerate(words))
    assert variant_key(respelled) == variant_key(written)


# Spellings the table does not list, each with the one it does: a rule joins them.
@pytest.mark.parametrize("unlisted, listed", [
    ("Khmeymim", "Hmeimim"),                # kh/h, y/i
    ("Tartoos", "Tartus"),                  # oo/u
    ("Ma'arrat an-Nu'man", "Maarat al-Numan"),  # ayn marks, doubled letters, the article
    ("Maarrat el Numan", "Maarat al-Numan"),
    ("Dayr ez-Zor", "Deir ez-Zor"),         # ay/ei
    ("Raqqah", "Raqqa"),                    # a final h
    ("ash-Shaddadi", "Shaddadi"),
    ("Oniks", "Onyx"),                      # x/ks, y/i
    ("Shoygu", "Shoigu"),
    ("Syrian Observatory of Human Rights", "Syrian Observatory for Human Rights"),
    ("Khan Shaikhoun", "Khan Shaykhun"),
])
def test_variants_map_to_one_key(unlisted, listed):
    assert variant_key(unlisted) == variant_key(listed)


@pytest.mark.parametrize("a, b", [("Homs", "Hama"), ("Idlib", "Ariha"), ("Tartus", "Tadmur"),
                                  ("Deir ez-Zor", "Deir Hafer"), ("Aleppo", "Afrin")])
def test_different_names_keep_different_keys(a, b):
    assert variant_key(a) != variant_key(b)


def test_the_gazetteer_names_do_not_collide():
    """Two names of the table share a key only where the world writes them alike: Douma
    the town is also written Duma, the Russian parliament's name; that key is left out
    of the lookup and the listed spellings decide."""
    owners: dict[str, set[str]] = {}
    for name in load_table():
        for variant in name.variants:
            if variant not in name.case_sensitive:
                owners.setdefault(variant_key(variant), set()).add(name.name)
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {"duma": {"Douma", "State Duma"}}
    assert lookup("Duma").name == "State Duma" and lookup("Douma").name == "Douma"


@pytest.mark.parametrize("typed, name", [
    ("Khmeimeem", "Hmeimim"), ("Shoygu", "Sergei Shoigu"), ("Tartoos", "Tartus"),
    ("Хмеймим", "Hmeimim"), ("حميميم", "Hmeimim"), ("Шойгу", "Sergei Shoigu"),
])
def test_lookup_finds_a_name_by_any_transliteration_or_script(typed, name):
    assert lookup(typed).name == name


# The names index shares the folding: an article that writes a name in a transliteration
# the table does not list still names it (its mentions, --about, the FTS names column).
@pytest.mark.parametrize("sentence, spelling, name", [
    ("Bombers flew from Khmeimeem before dawn.", "Khmeimeem", "Hmeimim"),
    ("Shelling hit Khan Shaikhoun overnight.", "Khan Shaikhoun", "Khan Shaykhun"),
    ("The frigate docked at Tartoos after the exercise.", "Tartoos", "Tartus"),
    ("Rebels in Idleeb rejected the truce.", "Idleeb", "Idlib"),
    ("Defence chief Shoigou inspected the base.", "Shoigou", "Sergei Shoigu"),
])
def test_find_names_reads_a_transliteration_the_table_does_not_list(sentence, spelling, name):
    from syriacli.extract.names import find_names

    found = {m.text: m.name for m in find_names(sentence)}
    assert found.get(spelling) == name


@pytest.mark.parametrize("sentence", [
    "Hamas leaders met in Doha on Monday.",           # short keys are never matched by rule
    "The Hummus Festival opens in Kitchener.",
    "Shipping Minister Tara Holt spoke in Hastings.",
])
def test_ordinary_capitalised_words_are_not_taken_for_names(sentence):
    from syriacli.extract.names import _table_matches, _transliterated, load_table

    table = load_table()
    assert _transliterated(sentence, _table_matches(sentence, table), table) == []
