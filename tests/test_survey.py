"""The raw folder against the corpus (syriacli.survey): the listing, forked or not, and
the comparison."""

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
    (raw / "notes.md").write_text("# A Markdown article\n")
    (raw / "scan.pdf").write_bytes(b"%PDF-1.4")
    (raw / "manifest.csv").write_text("file,publisher\n")
    (raw / ".DS_Store").write_bytes(b"\0")
    (raw / "sub.txt").mkdir()
    (raw / "gone.txt").symlink_to(raw / "nowhere")
    return raw


def test_listing_takes_article_files_and_says_why_others_are_not_taken(folder):
    listed = {name: (size, mtime_ns) for name, size, mtime_ns in survey.list_folder(folder)}
    assert len(listed) == 35 and listed["notes.md"][0] == len("# A Markdown article\n")
    assert listed["scan.pdf"] == (None, survey.NOT_AN_ARTICLE)
    assert "manifest.csv" not in listed and ".DS_Store" not in listed
    assert listed["B.TXT"][0] == len("upper case\n")
    assert listed["sub.txt"] == (None, "not a regular file")
    assert listed["gone.txt"][0] is None and listed["gone.txt"][1].startswith("cannot be read")


@pytest.mark.parametrize("chunk", [1, 3, 2000])
def test_a_shared_listing_is_the_same_listing(folder, monkeypatch, chunk):
    monkeypatch.setattr(survey, "STAT_CHUNK", chunk)
    shared = survey.start_listing(folder, survey.FORK_LISTING_BYTES)()
    assert len(shared) == 35 and sorted(shared) == sorted(survey.list_folder(folder))


def test_a_listing_child_that_dies_is_listed_here(folder, monkeypatch):
    monkeypatch.setattr(survey, "_send_listing", lambda *args: os._exit(3))
    assert sorted(survey.start_listing(folder, survey.FORK_LISTING_BYTES)()) == sorted(
        survey.list_folder(folder)
    )


def test_survey_sorts_files_into_new_kept_and_removed(folder):
    files = survey.list_folder(folder)
    first = survey.survey(
        folder, files, survey.ManifestRows(), {"old": "x"}, "", skipped := [], warnings := []
    )
    assert len(first.todo) == 32 and not first.kept and first.removed == {"old"}
    assert sorted(n for n, _ in skipped) == ["gone.txt", "scan.pdf", "sub.txt"] and not warnings
    stored = {f.id: f.key for f in first.todo}
    os.utime(folder / "a03.txt", (1, 1))
    again = survey.survey(
        folder, survey.list_folder(folder), survey.ManifestRows(), stored, "", [], []
    )
    assert [f.id for f in again.todo] == ["a03"] and len(again.kept) == 31 and not again.removed
    other_names_file = survey.survey(
        folder, survey.list_folder(folder), survey.ManifestRows(), stored, "digest", [], []
    )
    assert len(other_names_file.todo) == 32


def test_the_whole_build_with_a_forked_listing(make_raw, build, cli, monkeypatch):
    import json

    monkeypatch.setattr(survey, "FORK_LISTING_BYTES", 0)
    raw = make_raw({"a.txt": "A title\n\nOn 14 March 2016 Putin announced a withdrawal.\n"})
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    (raw / "b.txt").write_text("B title\n\nOn 15 March 2016 jets left Khmeimim.\n")
    result, db = build(raw)
    assert result.exit_code == 0 and "1 extracted, 1 unchanged" in result.stderr, result.stderr
    assert [
        r["article"] for r in json.loads(cli("articles", "--format", "json", db=db).stdout)
    ] == ["a", "b"]


# --- a manifest that grows at its end -------------------------------------------------


def _article(name: str, day: int) -> str:
    return f"Title of {name}\n\nOn {day} March 2016 jets struck near Palmyra.\n"


def _row(name: str, publisher: str = "RT", published: str = "2016-03-10") -> str:
    return f"{name}.txt,{publisher},https://news.example/{name},{published},Headline {name}\n"


def _corpus_state(db) -> list[tuple]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "select id, publisher, url, published, title, source_key from articles"
            " join article_files using (id) order by id"
        ).fetchall()
    finally:
        conn.close()


def test_an_appended_manifest_is_read_from_where_the_corpus_left_it(
    make_raw, build, monkeypatch, tmp_path
):
    """Every step builds two corpora from one folder: one as a user would, one made to
    read the whole manifest each time. Warnings, counts and stored rows must agree, and
    the appended rows alone are read where they can tell."""
    import sqlite3

    raw = make_raw(
        {f"{n}.txt": _article(n, i + 1) for i, n in enumerate("abc")},
        "file,publisher,url,published,title\n" + "".join(_row(n) for n in "abc"),
    )
    manifest = raw / "manifest.csv"
    fast, whole = tmp_path / "fast.db", tmp_path / "whole.db"
    read = []  # how each survey of the fast corpus's build read the manifest
    real = survey.survey

    def spy(raw_dir, files, manifest, *rest):
        found = real(raw_dir, files, manifest, *rest)
        read.append(
            "whole" if not manifest.appended_only else "appended" if found else "not enough"
        )
        return found

    monkeypatch.setattr(survey, "survey", spy)

    def step(*expected: str):
        read.clear()
        conn = sqlite3.connect(whole) if whole.exists() else None
        if conn:
            with conn:
                conn.execute("delete from meta where key = 'manifest'")
            conn.close()
        a, _ = build(raw, fast)
        assert read == list(expected)
        b, _ = build(raw, whole)
        assert a.exit_code == 0 and b.exit_code == 0, a.output + b.output
        assert a.stderr.replace(str(fast), "DB") == b.stderr.replace(str(whole), "DB")
        assert _corpus_state(fast) == _corpus_state(whole)
        return a.stderr

    def append(text):
        with open(manifest, "a", encoding="utf-8") as handle:
            handle.write(text)

    step("whole")  # first build: nothing remembered
    (raw / "d.txt").write_text(_article("d", 4))
    (raw / "e.txt").write_text(_article("e", 5))
    append(_row("d", "BBC"))
    assert "2 extracted, 3 unchanged" in step("appended")  # e has no row
    assert "up to date" in step("appended")  # nothing changed: no row is parsed
    (raw / "f.txt").write_text(_article("f", 6))
    append(_row("f", published="soon") + _row("ghost"))
    err = step("appended")
    assert "row 6 (f.txt): cannot read the date 'soon'" in err
    assert "row 7: ghost.txt is not in" in err
    err = step("whole")  # warned: the next build reads it whole again
    assert "row 6 (f.txt): cannot read the date 'soon'" in err
    assert "row 7: ghost.txt is not in" in err
    manifest.write_text(
        manifest.read_text().replace(_row("ghost"), "").replace("soon", "2016-03-11")
    )
    step("whole")
    append(_row("a", "AP"))  # a duplicate row of a stored file
    assert "row 7: duplicate row for a.txt; the first is kept" in step("not enough", "whole")
    manifest.write_text(manifest.read_text().replace(_row("a", "AP"), ""))
    step("whole")
    (raw / "b.txt").write_text(_article("b", 12))  # a changed file keeps its row
    (raw / "g.txt").write_text(_article("g", 7))
    append(_row("g"))
    assert "2 extracted" in step("not enough", "whole")
    (raw / "c.txt").unlink()  # a removed file's row is reported
    append(_row("h"))
    (raw / "h.txt").write_text(_article("h", 8))
    assert "row 4: c.txt is not in" in step("not enough", "whole")
    manifest.write_text(
        manifest.read_text().replace(_row("c"), "").replace(_row("a"), _row("a", "Reuters"))
    )
    step("whole")
    assert _corpus_state(fast)[0][1] == "Reuters"
    (raw / "i.txt").write_text(_article("i", 9))
    append('i.txt,AP,https://news.example/i,2016-03-09,"An open quote\n')
    step("appended")
    append('still the title"\n')  # the open value went on: read it whole
    step("whole")
    assert _corpus_state(fast)[-1][4] == "An open quote\nstill the title"


def test_a_manifest_rewritten_without_change_is_remembered_again(make_raw, build):
    raw = make_raw({"a.txt": _article("a", 1)}, "file,publisher,url,published,title\n" + _row("a"))
    result, db = build(raw)
    (raw / "manifest.csv").write_text(
        "file,publisher,url,published,title\n"
        '"a.txt",RT,https://news.example/a,2016-03-10,Headline a\n'
    )
    again, _ = build(raw, db)
    assert "up to date" in again.stderr
    from syriacli import store

    state = survey.ManifestState.from_json(store.read_meta(db, "manifest"))
    assert state.size == (raw / "manifest.csv").stat().st_size
    assert survey.read_manifest(raw, print, state).appended_only


def test_one_id_one_file_the_text_file_first():
    listed = [("a.html", 1, 1), ("a.txt", 1, 1), ("b.md", 1, 1), ("b.htm", 1, 1),
              ("c.html", 1, 1), ("d.txt", None, "cannot be read")]
    assert survey._shadowed(listed) == {"a.html": "a.txt", "b.md": "b.htm"}
    assert survey.article_id("story.v2.html") == "story.v2"


def test_a_change_of_the_merge_rules_rebuilds_like_one_of_extraction():
    """Entries follow the merge rules as rows follow extraction's: an update merging new
    events by new rules into entries merged by old ones would be neither."""
    from syriacli.survey import extraction_inputs

    names = {path.name for path in extraction_inputs()}
    assert {"timeline.py", "identity.py", "concepts.json", "claimants.py"} <= names
