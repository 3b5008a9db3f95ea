"""What a command's options select (syriacli.selection), called as the CLI calls it."""

import pytest

from syriacli import selection
from syriacli.errors import BadOption, SyriacliError
from syriacli.store import open_corpus


@pytest.fixture
def conn(seed_db):
    with open_corpus(seed_db) as opened:
        yield opened


def test_a_range_ending_before_it_starts_is_a_bad_option_of_no_one_option(conn):
    with pytest.raises(BadOption, match="--from 2017-01-01 is after --to 2016-12-31") as raised:
        selection.filters(conn, "2017-01-01", "2016-12-31")
    assert raised.value.option is None and raised.value.exit_code == 2


def test_about_is_read_as_its_names_key_and_an_unknown_name_names_the_fix(conn):
    assert selection.filters(conn, about="Palmira").about == selection.about_key(conn, "Palmyra")
    with pytest.raises(SyriacliError, match="no name 'Palmora' in the corpus; `syriacli names`"):
        selection.about_key(conn, "Palmora")


def test_near_a_place_without_coordinates_is_a_bad_near(conn):
    found = selection.filters(conn)
    assert selection.near(conn, found, None, 50) is found
    assert selection.near(conn, found, "Palmyra", 1).near
    with pytest.raises(BadOption) as raised:
        selection.near(conn, found, "Atlantis", 50)
    assert raised.value.option == "--near"


def test_a_filter_matching_nothing_gets_a_line_with_the_nearest_values(conn):
    notes = selection.unmatched_notes(conn, "claims", {"--about": "Palmora", "--publisher": None})
    assert notes == ["No claims: --about 'Palmora' matches nothing in the corpus; nearest:"
                     + notes[0].split("nearest:")[1]]
    assert "Palmyra" in notes[0]


def test_the_match_notes_go_to_say_and_the_timeline_args_carry_the_about_name(conn):
    said: list[str] = []
    args = selection.timeline_args(conn, (None, None, None, "Palmyra", None), "Palmyra or Hama",
                                   None, 50, said.append, background=True)
    assert args[0] is conn and args[1].background and args[3] == "Palmyra"
    assert said == ['Note: "or" was searched as a word; for the operator type OR in capitals']


def test_completion_reads_the_corpus_and_never_raises(seed_db, tmp_path):
    assert "Palmyra" in selection.completion_values("NAME", seed_db)
    assert selection.completion_values("--publisher", seed_db)
    assert selection.completion_values("--publisher", tmp_path / "none.db") == []
    # without a corpus the metrics still come from the taxonomy
    assert "sorties" in selection.completion_values("METRIC", tmp_path / "none.db")


def test_the_corpus_holds_the_names_it_mentions_and_reads_the_others_from_the_table(conn):
    """known_names and spellings hold only the mentioned names (issue 31); a name the
    corpus lacks is still a name (--about, a card) and a centre for --near."""
    stored = {row[0] for row in conn.execute("select key from known_names")}
    assert stored == {row[0] for row in conn.execute("select distinct key from mentions")}
    assert not conn.execute("select 1 from spellings where name not in"
                            " (select rowid from known_names)").fetchone()
    assert "raqqa" not in stored
    assert selection.about_key(conn, "Raqqah") == "raqqa"
    found = selection.near(conn, selection.filters(conn), "Raqqa", 200)
    assert "Deir ez-Zor" in found.near and "Raqqa" not in found.near  # no article names it
