"""Issue 5: bad input, interrupted builds and hostile queries lose nothing and crash nothing."""

import fcntl
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS, CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from syriacli.build import POOL_THRESHOLD, SIGNAL_HOOK
from syriacli.cli import app

GOOD = "A title\n\nOn 14 March 2016 Putin announced a withdrawal from Syria.\n"
SYRIACLI = [sys.executable, "-m", "syriacli"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_awkward_files_are_ingested_or_skipped_with_reasons(make_raw, build, cli, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("Linked title\n\nPalmyra was retaken in March 2016.\n", encoding="utf-8")
    raw = make_raw(
        {
            "cp1252.txt": (
                "Caf\u00e9 title\n\nThe caf\u00e9 in Aleppo was hit on 5 May 2016.\n"
            ).encode("cp1252"),
            "bom.txt": "\ufeffBOM title\n\nIdlib was shelled.\n".encode("utf-8"),
            "binary.txt": bytes(range(256)) * 40,
            "empty.txt": b"",
            "blank.txt": b"  \n\t\n ",
            "with space \u00e9\u00e8.txt": "Spaced title\n\nHoms was quiet.\n",
            "crlf.txt": b"CRLF title\r\n\r\nHama was quiet.\r\n",
            "big.txt": b"x" * (11 * 1024 * 1024),
            "scan.pdf": b"%PDF-1.4",
        }
    )
    (raw / "link.txt").symlink_to(outside)
    (raw / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "warning: cp1252.txt: not UTF-8; read as cp1252" in err
    for name, reason in [
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("big.txt", "larger than"),
        ("dangling.txt", "cannot be read"),
        ("scan.pdf", "not an article file"),
    ]:
        assert f"skipped {name}: {reason}" in err
    assert "5 articles" in err and "6 skipped" in err
    ids = {r["article"] for r in json.loads(cli("articles", "--format", "json", db=db).stdout)}
    assert ids == {"cp1252", "bom", "with space \u00e9\u00e8", "crlf", "link"}
    show = cli("show", "cp1252", db=db).stdout
    assert "caf\u00e9 in Aleppo" in show and "\r" not in cli("show", "crlf", db=db).stdout


def test_unreadable_file_is_skipped(make_raw, build, monkeypatch):
    raw = make_raw({"ok.txt": GOOD, "secret.txt": GOOD})
    from syriacli import build as build_module

    real = build_module.read_file

    def deny(path):
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(
        build_module, "read_file", deny
    )  # root reads anything, so chmod cannot show this
    result, _ = build(raw)
    assert result.exit_code == 0
    assert "skipped secret.txt: cannot be read (Permission denied)" in result.stderr


def test_manifest_problems_are_warnings_naming_the_row(make_raw, build, cli):
    manifest = (
        "\ufefffile,publisher,published,extra,title\n"
        'a.txt,RT,2016-09-30,x,"Title, with comma"\n'
        "b.txt,BBC,not a date,,B\n"
        "a.txt,AP,2017-01-01,,dup\n"
        "ghost.txt,AP,,,\n"
    )
    raw = make_raw({"a.txt": GOOD, "b.txt": GOOD, "c.txt": GOOD}, manifest)
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "unknown columns ignored: extra" in err
    assert "row 3 (b.txt): cannot read the date 'not a date'" in err
    assert "row 4: duplicate row for a.txt" in err
    assert "row 5: ghost.txt is not in" in err
    rows = {r["article"]: r for r in json.loads(cli("articles", "--format", "json", db=db).stdout)}
    assert rows["a"]["title"] == "Title, with comma" and rows["a"]["publisher"] == "RT"
    assert rows["b"]["publisher"] == "BBC" and rows["b"]["published"] is None
    assert "c" in rows


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda tmp: (tmp / "missing", tmp / "c.db"), "does not exist"),
        (lambda tmp: ((tmp / "empty").mkdir() or tmp / "empty", tmp / "c.db"), "no article files"),
        (lambda tmp: (SEEDS, tmp / "nofolder" / "c.db"), "does not exist"),
    ],
)
def test_build_refusals_are_one_line(tmp_path, setup, message):
    raw, db = setup(tmp_path)
    result = CliRunner().invoke(app, ["build", "--raw", str(raw), "--db", str(db)],
                                catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_second_build_exits_with_a_clear_message(make_raw, build):
    raw = make_raw({"a.txt": GOOD})
    first, db = build(raw)
    with open(db.with_name(db.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        second, _ = build(raw, db, "--full")
    assert second.exit_code == 1 and "another build" in second.stderr


def _articles(db: Path) -> list[str]:
    """The article ids of a corpus, read without the query commands' automatic update."""
    from syriacli.store import open_corpus

    with open_corpus(db) as conn:
        return sorted(row[0] for row in conn.execute("select id from articles"))


#: Variants of each seed added to a corpus of the seeds: the fewest whose build reads them
#: in a pool of workers (each test's corpus is a copy of one built once: `seed_copy`).
COPIES = -(-POOL_THRESHOLD // len(list(SEEDS.glob("*.txt"))))
#: The point where the build is stopped: after the pool started and before it is done.
STOP_AFTER = 30


def _add_variants(raw: Path, copies: int = COPIES) -> int:
    """Add ``copies`` variants of each seed to ``raw``; how many articles were added."""
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(copies):
        for seed in seeds:
            _variant(seed, raw / f"{seed.stem}_{i}.txt", i)
    return copies * len(seeds)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
@pytest.mark.parametrize("mode", ["--full", "incremental"])
def test_killed_build_leaves_the_old_corpus_intact(seed_copy, tmp_path, sig, mode):
    """A build stopped part way (the build signals itself after STOP_AFTER articles through
    a test hook: no timing) leaves the old corpus as it was, no temp file and no traceback;
    Ctrl-C exits 130 and SIGTERM 143, each with one line (#32)."""
    raw, db = seed_copy
    env = dict(os.environ, SYRIACLI_DB=str(db))
    before, articles = digest(db), _articles(db)
    added = _add_variants(raw)
    assert added >= POOL_THRESHOLD and STOP_AFTER < added   # stopped inside the pool
    args = ["build", "--raw", str(raw)] + (["--full"] if mode == "--full" else [])
    # Ctrl-C reaches the whole group from a terminal, `kill PID` and `timeout` the build
    # alone, `kill -9 -PGID` the group
    whom = ":group" if sig != signal.SIGTERM else ""
    hook = {SIGNAL_HOOK: f"{signal.Signals(sig).name}:{STOP_AFTER}{whom}"}
    proc = subprocess.run(SYRIACLI + args, env={**env, **hook}, capture_output=True,
                          timeout=120, start_new_session=True)
    err = proc.stderr
    assert b"Traceback" not in err
    if sig != signal.SIGKILL:
        code, word = (130, b"interrupted") if sig == signal.SIGINT else (143, b"terminated")
        assert proc.returncode == code and word in err, err
        assert len(err.strip().splitlines()) == 1, err
        assert not list(tmp_path.glob(".corpus.db.tmp*"))
        assert digest(db) == before
    else:
        assert proc.returncode == -signal.SIGKILL
    if mode == "--full":
        assert digest(db) == before  # the new file was never swapped in
    if sig == signal.SIGKILL:  # a build is the first to open it again
        copy = tmp_path / "copy" / "corpus.db"
        copy.parent.mkdir()
        for path in tmp_path.glob("corpus.db*"):
            shutil.copy(path, copy.parent / path.name)
        again = subprocess.run(
            SYRIACLI + ["build", "--raw", str(raw), "--db", str(copy)],
            capture_output=True,
            text=True,
        )
        assert again.returncode == 0, again.stderr
        assert len(_articles(copy)) == len(articles) + added
    assert _articles(db) == articles  # an update in place was rolled back


def test_queries_during_a_build_see_the_old_corpus(seed_copy, tmp_path):
    """The build stops itself (SIGSTOP through the test hook) with its new file half
    written; a query then reads the old corpus, and the resumed build swaps the new in."""
    raw, db = seed_copy
    env = dict(os.environ, SYRIACLI_DB=str(db))
    added = _add_variants(raw, 2)
    proc = subprocess.Popen(
        SYRIACLI + ["build", "--raw", str(raw), "--full"],
        env={**env, SIGNAL_HOOK: "SIGSTOP:8"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _, status = os.waitpid(proc.pid, os.WUNTRACED)    # returns once it has stopped
        assert os.WIFSTOPPED(status), status
        assert list(tmp_path.glob(".corpus.db.tmp*"))       # stopped midway
        during = subprocess.run(
            SYRIACLI + ["articles", "--format", "json"], env=env, capture_output=True,
            text=True, timeout=60,
        )
    finally:
        os.kill(proc.pid, signal.SIGCONT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert during.returncode == 0, during.stderr
    assert "a build of" in during.stderr and "is running" in during.stderr
    assert len(json.loads(during.stdout)) == 5
    assert len(_articles(db)) == 5 + added


def test_read_only_corpus_can_be_searched(tmp_path, seed_db):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "corpus.db"
    shutil.copy(seed_db, db)
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        runner = CliRunner()
        result = runner.invoke(app, ["search", "Palmyra", "--format", "json", "--db", str(db)],
                               catch_exceptions=False)
        assert result.exit_code == 0 and len(json.loads(result.stdout)) == 4
        assert runner.invoke(app, ["articles", "--db", str(db)],
                             catch_exceptions=False).exit_code == 0
    finally:
        folder.chmod(0o755)


def test_older_schema_is_rebuilt_not_misread(make_raw, build, cli):
    raw = make_raw({"a.txt": GOOD})
    _, db = build(raw)
    conn = sqlite3.connect(db)
    conn.execute("update meta set value = '1' where key = 'schema_version'")
    conn.commit()
    conn.close()
    result = cli("articles", "--format", "json", db=db)
    assert result.exit_code == 0 and "updating the corpus" in result.stderr
    assert [r["article"] for r in json.loads(result.stdout)] == ["a"]


def test_garbage_db_is_refused(cli, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    before = digest(junk)
    result = cli("search", "x", db=junk)
    assert result.exit_code == 1 and "not a syriacli corpus" in result.stderr
    assert digest(junk) == before


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_search_string_exits_cleanly_and_alters_nothing(seed_db, query):
    before = digest(seed_db)
    result = CliRunner().invoke(
        app, ["search", "--db", str(seed_db), "--format", "json", "--", query],
        catch_exceptions=False,
    )
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert digest(seed_db) == before


@pytest.mark.parametrize("option", ["--publisher", "--about", "--claimant", "--match"])
@pytest.mark.parametrize("value", ["'; DROP TABLE articles; --", '" OR 1=1 --', "a\x00b", "%_%"])
def test_hostile_option_values_are_only_parameters(cli, seed_db, option, value):
    command = {"--claimant": "figures", "--match": "timeline"}.get(option, "timeline")
    before = digest(seed_db)
    result = cli(command, option, value, "--format", "json")
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert digest(seed_db) == before


def test_head_ends_quietly(seed_db):
    env = dict(os.environ, SYRIACLI_DB=str(seed_db))
    proc = subprocess.Popen(
        SYRIACLI + ["timeline", "--format", "tsv"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=30) == 0
    assert proc.stderr.read() == b""


def test_no_ansi_when_piped_and_no_color(seed_db):
    env = dict(os.environ, SYRIACLI_DB=str(seed_db), NO_COLOR="1", TERM="dumb")
    out = subprocess.run(
        SYRIACLI + ["timeline", "--format", "table"], env=env, capture_output=True, text=True
    )
    assert out.returncode == 0 and "\x1b[" not in out.stdout and "2016" in out.stdout


def test_completion_offers_metrics_and_publishers(seed_db):
    env = dict(
        os.environ,
        SYRIACLI_DB=str(seed_db),
        _SYRIACLI_COMPLETE="complete_bash",
        COMP_WORDS="syriacli figures sort",
        COMP_CWORD="2",
    )
    out = subprocess.run(
        SYRIACLI[:1] + ["-c", "from syriacli.cli import main; main()"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert "sorties" in out.stdout
    env.update(COMP_WORDS="syriacli search x --publisher B", COMP_CWORD="4")
    out = subprocess.run(
        SYRIACLI[:1] + ["-c", "from syriacli.cli import main; main()"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert "BBC" in out.stdout


def test_query_during_an_update_uses_the_corpus_as_it_was(make_raw, build, cli):
    raw = make_raw({"a.txt": GOOD})
    _, db = build(raw)
    (raw / "b.txt").write_text(GOOD, encoding="utf-8")
    os.utime(raw, (time.time() + 10, time.time() + 10))
    with open(db.with_name(db.name + ".lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = cli("articles", "--format", "json", db=db)
    assert result.exit_code == 0 and "a build of" in result.stderr
    assert [r["article"] for r in json.loads(result.stdout)] == ["a"]


def test_touching_the_raw_folder_costs_one_check_not_one_per_query(make_raw, build, cli):
    raw = make_raw({"a.txt": GOOD})
    _, db = build(raw)
    written = time.time() - 2
    os.utime(db, (written, written))     # the folder is touched after the corpus was written
    os.utime(raw)
    first = cli("articles", db=db)
    assert "updating the corpus" in first.stderr
    second = cli("articles", db=db)
    assert second.exit_code == 0 and second.stderr == ""


def test_events_fts_follows_text_not_entry_changes(seed_db):
    conn = sqlite3.connect(seed_db)
    sql = conn.execute("select sql from sqlite_master where name = 'events_au'").fetchone()[0]
    assert "update of sentence_start, sentence_end on events" in sql.lower()


def _events_vocabulary(db: Path) -> list[tuple]:
    """Each word of the events' FTS index with its number of events and of uses."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("create virtual table temp.words using fts5vocab(main, events_fts, row)")
        return conn.execute("select term, doc, cnt from temp.words order by term").fetchall()
    finally:
        conn.close()


def test_an_updated_events_index_is_a_full_builds(make_raw, build, tmp_path):
    # contentless (store.create_events_fts): an update forgets an event's words only when
    # given them exactly, cut from its article's text; a wrong cut leaves words behind
    # (each of two dates has its clause as its summary, and the sentence as its quote:
    # "lavrov" is in the first event's quote only)
    later = ("A title\n\nThe city was held by rebels since May 2015 before Lavrov saw it"
             " in March 2016.\n")
    raw = make_raw({"a.txt": GOOD, "b.txt": later.replace("Lavrov", "Idlib"), "c.txt": later})
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    (raw / "b.txt").write_text(later.replace("Lavrov", "Hama"))
    (raw / "c.txt").unlink()
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    result, full = build(raw, tmp_path / "full.db", "--full")
    assert result.exit_code == 0, result.output
    words = _events_vocabulary(db)
    assert words == _events_vocabulary(full)
    assert "hama" in {w[0] for w in words} and not {"idlib", "lavrov"} & {w[0] for w in words}


def test_an_upper_case_extension_is_an_article_its_manifest_row_names(make_raw, build, cli):
    raw = make_raw({"a.txt": GOOD, "B.TXT": GOOD}, "file,publisher\nB.TXT,AP\n")
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    assert "not in" not in result.stderr
    rows = {r["article"]: r for r in json.loads(cli("articles", "--format", "json", db=db).stdout)}
    assert rows["B"]["publisher"] == "AP" and "a" in rows
    (raw / "B.TXT").unlink()
    result, db = build(raw)
    assert "B.TXT is not in" in result.stderr
    assert [
        r["article"] for r in json.loads(cli("articles", "--format", "json", db=db).stdout)
    ] == ["a"]


def test_a_file_name_is_printed_as_it_is(make_raw, build):
    """Messages print names literally: no markup, no emoji codes (Rich would print
    ':smile:' as an emoji)."""
    raw = make_raw({"ok.txt": GOOD, "a:smile:[b].txt": ""})
    result, _ = build(raw)
    assert result.exit_code == 0
    assert "skipped a:smile:[b].txt: empty" in result.stderr


def _variant(seed: Path, path: Path, i: int) -> None:
    """A seed article with a line of its own: not a copy (copies are one article)."""
    path.write_bytes(seed.read_bytes() + f"\n\nVariant {i}.\n".encode())


def test_a_killed_update_never_locks_readers_out(seed_db, tmp_path):
    """A process killed mid-transaction leaves a hot journal; the next query rolls it
    back (it does not read the half-written file as 'not a syriacli corpus')."""
    db = tmp_path / "corpus.db"
    shutil.copy(seed_db, db)
    killer = (
        "import os, signal, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('begin immediate')\n"
        "conn.execute('delete from articles')\n"
        "conn.execute(\"update meta set value = 'x' where key = 'schema_version'\")\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", killer, str(db)])
    assert Path(f"{db}-journal").exists()
    result = CliRunner().invoke(app, ["articles", "--format", "json", "--db", str(db)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 5


def test_a_locked_corpus_is_said_to_be_busy_not_broken(seed_db, tmp_path, monkeypatch):
    from syriacli import store

    db = tmp_path / "corpus.db"
    shutil.copy(seed_db, db)
    monkeypatch.setattr(store, "LOCK_WAIT", 0.1)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("begin exclusive")
    try:
        result = CliRunner().invoke(app, ["articles", "--db", str(db)], catch_exceptions=False)
    finally:
        writer.execute("rollback")
        writer.close()
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "is locked by another process" in result.stderr
    assert "not a syriacli corpus" not in result.stderr


@pytest.mark.parametrize("mode", [["--full"], []])
def test_a_build_that_would_lose_most_articles_is_refused(make_raw, build, tmp_path, mode):
    """Files that vanished or cannot be read (an unmounted share, a sync under way) do not
    silently replace a corpus with less (#32): the build refuses, says how many articles
    it would keep and why, and leaves the corpus as it was; --replace accepts it."""
    raw = make_raw({f"a{i}.txt": f"Russian jets struck Idlib on {i + 1} May 2019, activists "
                    f"said, killing {i + 3} civilians.\n" for i in range(24)})
    first, db = build(raw)
    assert first.exit_code == 0, first.output
    before = digest(db)
    for path in sorted(raw.glob("a*.txt"))[:20]:
        path.unlink()                                # gone, as from an unmounted share
    refused, _ = build(raw, db, *mode)
    assert refused.exit_code == 1
    assert "would leave 4 of the 24 articles" in refused.stderr
    assert "--replace" in refused.stderr and "Traceback" not in refused.stderr
    assert digest(db) == before
    accepted, _ = build(raw, db, *mode, "--replace")
    assert accepted.exit_code == 0, accepted.output
    assert len(_articles(db)) == 4


def _damage_table(db: Path, table: str) -> None:
    """Overwrite the root page of ``table``, as a bad disk or a cut copy would."""
    conn = sqlite3.connect(db)
    page_size = conn.execute("pragma page_size").fetchone()[0]
    (root,) = conn.execute("select rootpage from sqlite_master where name = ?", (table,)).fetchone()
    conn.close()
    with open(db, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def test_a_damaged_corpus_is_named_in_one_line_and_a_full_build_repairs_it(make_raw, build,
                                                                            cli):
    first, db = build(make_raw({"a.txt": GOOD}))
    assert first.exit_code == 0
    (article,) = _articles(db)
    _damage_table(db, "articles")
    damaged = cli("show", article, db=db)
    assert damaged.exit_code == 1
    assert "the corpus is damaged" in damaged.stderr and "build --full" in damaged.stderr
    assert "Traceback" not in damaged.output and len(damaged.stderr.strip().splitlines()) == 1
    repaired, _ = build(db.parent / "raw", db, "--full")
    assert repaired.exit_code == 0, repaired.output
    assert cli("show", article, db=db).exit_code == 0
