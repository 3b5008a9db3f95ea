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


# Sentences written for these tests, none from the seeds or the development set: wire
# copy, NGO reports, Russian, Turkish and Gulf media.
@pytest.mark.parametrize("text, expected", [
    # abbreviations and titles do not end a sentence
    ("Maj. Gen. Igor Konashenkov briefed reporters. He gave no figures.",
     ["Maj. Gen. Igor Konashenkov briefed reporters.", "He gave no figures."]),
    ("Gov. Talal Barazi said 3,000 families returned to Homs. More are expected.",
     ["Gov. Talal Barazi said 3,000 families returned to Homs.", "More are expected."]),
    ("The U.N. envoy arrived in Damascus. Talks begin on Monday.",
     ["The U.N. envoy arrived in Damascus.", "Talks begin on Monday."]),
    ("The monitor, based in the U.K., counts deaths daily. It relies on sources in Idlib.",
     ["The monitor, based in the U.K., counts deaths daily.", "It relies on sources in Idlib."]),
    ("Aid reached Douma on Feb. 24. Shelling resumed within hours.",
     ["Aid reached Douma on Feb. 24.", "Shelling resumed within hours."]),
    ("The Sept. 2019 summit in Ankara ended. Putin flew home.",
     ["The Sept. 2019 summit in Ankara ended.", "Putin flew home."]),
    ("Dr. Zaher Sahloul of SAMS said hospitals were hit. Col. Hassan said otherwise.",
     ["Dr. Zaher Sahloul of SAMS said hospitals were hit.", "Col. Hassan said otherwise."]),
    ("Russia's RIA Novosti quoted Lt. Col. Sergei Ivanov. He said nothing more.",
     ["Russia's RIA Novosti quoted Lt. Col. Sergei Ivanov.", "He said nothing more."]),
    ("Brig. Gen. Ali Mayhoub read the army statement. Rebels denied it.",
     ["Brig. Gen. Ali Mayhoub read the army statement.", "Rebels denied it."]),
    ("Cmdr. Ozan Yilmaz led the convoy to Tal Abyad. Cpl. Emre Kaya drove.",
     ["Cmdr. Ozan Yilmaz led the convoy to Tal Abyad.", "Cpl. Emre Kaya drove."]),
    ("Rep. Adam Kinzinger criticised the pullout. St. Petersburg hosted talks.",
     ["Rep. Adam Kinzinger criticised the pullout.", "St. Petersburg hosted talks."]),
    # boundaries: question and exclamation marks, ellipses, quotes, digits, Cyrillic
    ("Will the truce hold? Few in Idlib believe it will.",
     ["Will the truce hold?", "Few in Idlib believe it will."]),
    ("Airstrikes hit Ariha! Dozens were wounded.",
     ["Airstrikes hit Ariha!", "Dozens were wounded."]),
    ("Sheikh Ahmed condemned the strikes… Russia did not comment.",
     ["Sheikh Ahmed condemned the strikes…", "Russia did not comment."]),
    ('"We will not leave," the commander said. "This is our land."',
     ['"We will not leave," the commander said.', '"This is our land."']),
    ("'We are besieged,' a resident told AFP. Aid has not arrived.",
     ["'We are besieged,' a resident told AFP.", "Aid has not arrived."]),
    ("Turkey lost 33 soldiers. 2020 was its deadliest year in Syria.",
     ["Turkey lost 33 soldiers.", "2020 was its deadliest year in Syria."]),
    ("The truce took effect at midnight (2200 GMT). Violations were reported.",
     ["The truce took effect at midnight (2200 GMT).", "Violations were reported."]),
    ("Forces advanced 5 km. East of the town, rebels regrouped.",
     ["Forces advanced 5 km.", "East of the town, rebels regrouped."]),
    ("Военная полиция вошла в Манбидж. Патрули начались во вторник.",
     ["Военная полиция вошла в Манбидж.", "Патрули начались во вторник."]),
    ("IDLIB, Syria (AP) — Shelling resumed. Two children died.\nA second paragraph!",
     ["IDLIB, Syria (AP) — Shelling resumed.", "Two children died.", "A second paragraph!"]),
    # an initial is not a sentence end, but a sentence ending on a capitalised word is
    ("The report was signed by Mohammed A. Rahman in Gaziantep. It was sent to Geneva.",
     ["The report was signed by Mohammed A. Rahman in Gaziantep.", "It was sent to Geneva."]),
])
def test_split_own_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


# A line broken mid-sentence runs on into the next (wire copy pasted with hard breaks, a
# PDF report); a headline, a short line and a list item do not (issue 28).
@pytest.mark.parametrize("text, expected", [
    ("Headline\n\nJets struck the outskirts of\nSaraqeb on Monday, Anadolu said.",
     ["Headline", "Jets struck the outskirts of\nSaraqeb on Monday, Anadolu said."]),
    ("Headline\n\nThe network said that shelling across the province killed\n\n"
     "31 civilians in March.",
     ["Headline", "The network said that shelling across the province killed\n\n"
      "31 civilians in March."]),
    ("Headline\n\nAt least\n40 fighters died, the ministry said.",
     ["Headline", "At least\n40 fighters died, the ministry said."]),
    ("Headline of the\n\nBody text.", ["Headline of the", "Body text."]),
    ("Headline\n\nThe dead:\n\n31 children\n\n12 women",
     ["Headline", "The dead:", "31 children", "12 women"]),
    ("Headline\n\nPrisoners swapped\n\n40 soldiers went home.",
     ["Headline", "Prisoners swapped", "40 soldiers went home."]),
])
def test_lines_broken_mid_sentence_run_on(text, expected):
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_broken_line_keeps_its_figure_with_its_verb_and_source():
    from syriacli.extract.figures import find_figures
    text = ("Idlib strikes\n\nRussian jets killed at least\n\n"
            "40 militants near Saraqeb, the Russian Defence Ministry said.")
    (f,) = find_figures(text)
    assert (f.value, f.qualifier, f.metric, f.claimant) == (40, "at least", "militants killed",
                                                            "Russian Defence Ministry")
