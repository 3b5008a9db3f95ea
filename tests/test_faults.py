"""Fault classes of #32 that failed: each reproduced at a chosen point, without timing."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from conftest import SEEDS, CliRunner

from syriacli.cli import app

SYRIACLI = [sys.executable, "-m", "syriacli"]


def run(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args],
                              env={"NO_COLOR": "1", "COLUMNS": "100", **(env or {})},
                              catch_exceptions=False)


def _info(db) -> dict:
    result = run("info", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)[0]


def _words(db) -> dict[str, int]:
    result = run("articles", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return {a["article"]: a["words"] for a in json.loads(result.stdout)}


def test_a_killed_update_marks_the_corpus_stale_and_the_next_query_completes_it(seed_copy,
                                                                                tmp_path):
    """An article edited in place (its folder's time unchanged), the update killed after it
    began rewriting: the rollback leaves the old text, and `info` and the next query say
    the corpus is stale, where they said it was fresh (#32)."""
    raw, db = seed_copy
    before = _words(db)
    edited = sorted(raw.glob("*.txt"))[1]
    folder_time = raw.stat().st_mtime_ns
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nOne more sentence here.\n",
                      encoding="utf-8")
    os.utime(raw, ns=(folder_time, folder_time))   # as an editor writing in place leaves it
    proc = subprocess.run(SYRIACLI + ["build", "--raw", str(raw), "--db", str(db)],
                          env=dict(os.environ, SYRIACLI_TEST_SIGNAL_AFTER="SIGKILL:1"),
                          capture_output=True, timeout=120)
    assert proc.returncode == -9
    assert (tmp_path / "corpus.db-journal").exists()
    assert _info(db)["stale"] is True
    result = run("articles", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "updating the corpus" in result.stderr
    after = {a["article"]: a["words"] for a in json.loads(result.stdout)}
    assert after[edited.stem] == before[edited.stem] + 4
    assert _info(db)["stale"] is False


def test_an_update_killed_while_committing_is_stale_too(seed_copy, tmp_path):
    """Killed with its changes part written to the file (the rollback writes it again, so
    the file is newer than its raw folder): still stale, and `build` completes it."""
    raw, db = seed_copy
    before = _words(db)
    killer = (
        "import os, signal, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('pragma cache_size = 1')\n"      # spill changed pages to the file
        "conn.execute('begin immediate')\n"
        "conn.execute('delete from mention_rows')\n"
        "conn.execute('delete from articles')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", killer, str(db)])
    assert (tmp_path / "corpus.db-journal").exists()
    assert _info(db)["stale"] is True
    result = run("build", "--raw", raw, "--db", db)
    assert result.exit_code == 0, result.output
    assert _words(db) == before
    assert _info(db)["stale"] is False


def test_a_huge_manifest_value_or_a_nul_byte_costs_that_value_not_the_manifest(make_raw, build):
    """A 200 KB title (past csv's own limit) made the whole manifest be ignored; a NUL
    byte was stored. Each is now that one value, said on stderr (#32)."""
    good = "Jets strike Idlib\n\nRussian jets struck Idlib on Tuesday, the ministry said.\n"
    manifest = ("file,publisher,published,title\n"
                f"a.txt,RT,2016-05-10,\"{'x' * 200_000}\"\n"
                "b.txt,B\x00BC,2016-05-11,Fine\n"
                "c.txt,AP,2016-05-12,Also fine\n")
    raw = make_raw({"a.txt": good, "b.txt": good.replace("Idlib", "Hama"),
                    "c.txt": good.replace("Idlib", "Homs")}, manifest)
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    assert "manifest.csv row 2 (a.txt): the title is 200,000 characters long" in result.stderr
    assert "manifest.csv row 3 (b.txt): a NUL byte removed from the publisher" in result.stderr
    assert "ignored" not in result.stderr.replace("rest of the row used", "")
    rows = {a["article"]: a for a in json.loads(
        run("articles", "--db", db, "--format", "json").stdout)}
    assert rows["a"]["published"] == "2016-05-10" and rows["a"]["publisher"] == "RT"
    assert rows["a"]["title"] != "x" * 200_000
    assert rows["b"]["publisher"] == "BBC" and rows["c"]["title"] == "Also fine"


def test_a_file_of_only_a_bullet_line_is_skipped_with_the_reason(make_raw, build):
    good = "Jets strike Idlib\n\nRussian jets struck Idlib on Tuesday, the ministry said.\n"
    raw = make_raw({"a.txt": good, "bullet.txt": "\u2022\n", "dash.txt": "- \n",
                    "marks.txt": "\u2022 \u2022 *\n"})
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    for name in ("bullet.txt", "dash.txt", "marks.txt"):
        assert f"{name}: no words in it (only marks such as a bullet)" in result.stderr
    assert list(_words(db)) == ["a"]


def test_a_fault_extracting_one_file_skips_it_with_the_reason_not_the_build(
        make_raw, build, monkeypatch):
    """A bug of ours that one page trips (a RecursionError was one) costs that page, said
    with its reason, not the whole build; the next build tries it again."""
    from syriacli.extract import article

    real = article.extract_article

    def faulty(raw, names_file=None):
        if raw.file.endswith("bad.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(raw, names_file)

    monkeypatch.setattr(article, "extract_article", faulty)
    good = "Jets strike Idlib\n\nRussian jets struck Idlib on Tuesday, the ministry said.\n"
    raw = make_raw({"a.txt": good, "bad.txt": good.replace("Idlib", "Homs")})
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    assert "bad.txt: extraction failed (RecursionError: maximum recursion depth" \
        in result.stderr and "please report it" in result.stderr
    assert list(_words(db)) == ["a"]
    monkeypatch.setattr(article, "extract_article", real)
    build(raw, db)
    assert sorted(_words(db)) == ["a", "bad"]


def _on_a_terminal(args: list[str], env: dict) -> bytes:
    """What a command writes to a terminal (a pseudo-terminal: stdout and stderr)."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(SYRIACLI + args, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:        # the command ended and closed the terminal
            break
        if not chunk:
            break
        out += chunk
    proc.wait()
    os.close(master)
    return out


#: An SGR code that sets a colour (foreground, background, bright, 256 or true colour).
COLOUR = re.compile(rb"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]")


def test_term_dumb_and_no_color_get_no_colour_anywhere(seed_db):
    env = {**os.environ, "SYRIACLI_DB": str(seed_db), "SYRIACLI_PAGER": "cat",
           "COLUMNS": "100", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    coloured = _on_a_terminal(["search", "Palmyra", "-n", "1"], env)
    assert COLOUR.search(coloured)          # the check can see colour where there is some
    for extra in ({"TERM": "dumb"}, {"NO_COLOR": "1"}):
        for args in (["timeline", "-n", "3"], ["figures", "sorties"],
                     ["show", "003", "--annotate"]):
            out = _on_a_terminal(args, {**env, **extra})
            assert out and not COLOUR.search(out), (extra, args)
            if extra == {"TERM": "dumb"}:
                assert b"\x1b[" not in out, args


def test_a_db_in_a_folder_that_cannot_be_entered_is_one_line(tmp_path, monkeypatch):
    """What the file system says of a path in a folder without the right to enter it
    (these tests may run as root, who may enter any folder: the refusal is made here)."""
    import pathlib

    closed = tmp_path / "closed"
    stat = pathlib.Path.stat

    def refuse(self, *args, **kwargs):
        if str(self).startswith(str(closed)):
            raise PermissionError(13, "Permission denied", str(self))
        return stat(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "stat", refuse)
    for args in (["articles"], ["info"], ["search", "Palmyra"], ["build", "--raw", SEEDS]):
        result = run(*args, "--db", closed / "in" / "corpus.db")
        assert result.exit_code == 1 and "Traceback" not in result.output, (args, result.output)
        assert result.stderr.startswith(f"Error: permission denied: {closed}"), result.stderr
        assert result.stderr.count("\n") == 1


def test_no_build_leaves_a_lock_file(make_raw, build, tmp_path):
    raw = make_raw({"a.txt": "Jets strike Idlib\n\nRussian jets struck Idlib on Tuesday.\n"})
    result, db = build(raw)
    assert result.exit_code == 0 and db.exists()
    empty = make_raw({}, name="empty")
    failed, _ = build(empty, tmp_path / "other.db")
    assert failed.exit_code == 1 and "no article files" in failed.stderr
    assert not list(tmp_path.glob("*.lock")) and not list(tmp_path.glob(".*.lock"))
