"""The raw folder against the corpus (syriacli.survey): the listing, forked or not, and the comparison."""
import os

import pytest

from syriacli import survey


@pytest.fixture
def folder(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(30):
        (raw / f"a{i:02d}.txt").write_text(f"article {i}\n")
    (raw / "B.TXT").write_text("upper case\n")
    (raw / "notes.md").write_text("not an article\n")
    (raw / "sub.txt").mkdir()
    (raw / "gone.txt").symlink_to(raw / "nowhere")
    return raw


def test_listing_takes_txt_files_and_says_why_others_are_not_taken(folder):
    listed = {name: (size, mtime_ns) for name, size, mtime_ns in survey.list_folder(folder)}
    assert len(listed) == 33 and "notes.md" not in listed
    assert listed["B.TXT"][0] == len("upper case\n")
    assert listed["sub.txt"] == (None, "not a regular file")
    assert listed["gone.txt"][0] is None and listed["gone.txt"][1].startswith("cannot be read")


def test_a_forked_listing_is_the_same_listing(folder):
    assert sorted(survey.start_listing(folder, survey.FORK_LISTING_BYTES)()) == sorted(survey.list_folder(folder))


def test_a_listing_child_that_dies_is_listed_here(folder, monkeypatch):
    monkeypatch.setattr(survey, "_send_listing", lambda raw, send: os._exit(3))
    assert sorted(survey.start_listing(folder, survey.FORK_LISTING_BYTES)()) == sorted(survey.list_folder(folder))


def test_survey_sorts_files_into_new_kept_and_removed(folder):
    files = survey.list_folder(folder)
    first = survey.survey(folder, files, survey.ManifestRows(), {"old": "x"}, "", skipped := [], warnings := [])
    assert len(first.todo) == 31 and not first.kept and first.removed == {"old"}
    assert sorted(n for n, _ in skipped) == ["gone.txt", "sub.txt"] and not warnings
    stored = {f.id: f.key for f in first.todo}
    os.utime(folder / "a03.txt", (1, 1))
    again = survey.survey(folder, survey.list_folder(folder), survey.ManifestRows(), stored, "", [], [])
    assert [f.id for f in again.todo] == ["a03"] and len(again.kept) == 30 and not again.removed
    other_names_file = survey.survey(folder, survey.list_folder(folder), survey.ManifestRows(), stored, "digest", [], [])
    assert len(other_names_file.todo) == 31


def test_the_whole_build_with_a_forked_listing(make_raw, build, cli, monkeypatch):
    import json

    monkeypatch.setattr(survey, "FORK_LISTING_BYTES", 0)
    raw = make_raw({"a.txt": "A title\n\nOn 14 March 2016 Putin announced a withdrawal.\n"})
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    (raw / "b.txt").write_text("B title\n\nOn 15 March 2016 jets left Khmeimim.\n")
    result, db = build(raw)
    assert result.exit_code == 0 and "1 extracted, 1 unchanged" in result.stderr, result.stderr
    assert [r["article"] for r in json.loads(cli("articles", "--format", "json", db=db).stdout)] == ["a", "b"]
