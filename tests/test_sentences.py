import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syriacli.extract.sentences import sentence_at, split_sentences


@pytest.mark.parametrize("text, expected", [
    ("One. Two.", ["One.", "Two."]),
    ("Lt. Gen. Alexander Lapin said so. Then more.",
     ["Lt. Gen. Alexander Lapin said so.", "Then more."]),
    ("Mr. Putin spoke. He left.", ["Mr. Putin spoke.", "He left."]),
    ("The U.S. said no. Moscow agreed.", ["The U.S. said no.", "Moscow agreed."]),
    ("\u201cIt is over.\u201d He said.", ["\u201cIt is over.\u201d", "He said."]),
    ("First para\n\nSecond para.", ["First para", "Second para."]),
    ("On Sept. 30 jets struck. Then 2,000 died.", ["On Sept. 30 jets struck.", "Then 2,000 died."]),
])
def test_split(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_and_lookup():
    text = "Alpha beta. Gamma delta.\n\nEpsilon."
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start:s.end] == s.text
    assert sentence_at(sentences, text.index("Gamma")).text == "Gamma delta."
    assert sentence_at(sentences, text.index("\n")) is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_spans_always_point_into_text(text):
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text
