"""Escape sequences in article text, titles, manifest values and file names never reach
a terminal raw; pipes and machine formats keep the text as stored."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syriacli import render

TITLE_SEQUENCE = "\x1b]0;pwned\x07"     # sets the window title
CLEAR = "\x1b[2J"                         # clears the screen
LINK = "\x1b]8;;http://evil.example\x1b\\here\x1b]8;;\x1b\\"
BIDI = "\u202e"


@given(st.text())
def test_nothing_a_terminal_acts_on_survives(text):
    safe = render.terminal_safe(text)
    assert len(safe) == len(text) and not render.UNSAFE.search(safe)
    assert all(a == b for a, b in zip(text, safe, strict=True) if b != render.SHOWN_AS)


def test_lists_and_dicts_are_made_safe_deep():
    assert render.terminal_safe({"a": [CLEAR, {"b": "ok\tfine\n"}], "n": 3}) == {
        "a": ["\ufffd[2J", {"b": "ok\tfine\n"}], "n": 3}


@pytest.fixture
def hostile_db(corpus_of):
    return corpus_of(
        {f"evil{CLEAR}.txt": f"Jets strike Idlib{TITLE_SEQUENCE}\n\n14 March 2016\n\n"
                             f"Russian jets{LINK} struck Idlib{BIDI} on Sunday, killing 12 "
                             f"civilians{CLEAR}, activists said.\n"},
        manifest=f"file,publisher\nevil{CLEAR}.txt,Evil{TITLE_SEQUENCE} News\n")


@pytest.mark.parametrize("args", [
    ["show", f"evil{CLEAR}"], ["show", f"evil{CLEAR}", "--annotate"], ["search", "Idlib"],
    ["articles"], ["timeline", "--quotes"], ["figures", "--quotes"], ["names", "Idlib"],
])
def test_terminal_views_show_no_escape(hostile_db, cli, args):
    result = cli(*args, "--format", "table", db=hostile_db, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and BIDI not in result.stdout and "\x07" not in result.stdout


def test_warnings_show_no_escape(make_raw, build):
    raw = make_raw({f"bad{CLEAR}.txt": b"", "ok.txt": "Title\n\nIdlib was quiet.\n"})
    result, _ = build(raw)
    assert "skipped bad\ufffd[2J.txt: empty" in result.stderr and "\x1b" not in result.stderr


def test_machine_formats_keep_the_text_as_stored(hostile_db, cli):
    rows = json.loads(cli("articles", "--format", "json", db=hostile_db).stdout)
    assert rows[0]["publisher"] == f"Evil{TITLE_SEQUENCE} News"


def test_the_stored_text_keeps_what_the_views_hide(hostile_db, cli):
    [article] = json.loads(cli("show", f"evil{CLEAR}", "--format", "json", db=hostile_db).stdout)
    assert CLEAR in article["text"] and BIDI in article["text"]


def test_an_argument_that_is_not_utf8_is_refused_in_one_line(seed_db, tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, SYRIACLI_DB=str(seed_db))
    for args in ([b"search", b"caf\xe9"], [b"articles", b"--publisher", b"\xff"],
                 [b"figures", b"--claimant", b"\xfe"], [b"show", b"\xe9"]):
        result = subprocess.run([sys.executable.encode(), b"-m", b"syriacli", *args],
                                env=env, capture_output=True)
        err = result.stderr.decode()
        assert result.returncode == 2 and "Traceback" not in err, err
        assert err.startswith("Error: the argument") and "not valid UTF-8" in err
        assert err.count("\n") == 1


def test_a_limit_past_what_sqlite_counts_is_refused(cli):
    result = cli("articles", "--limit", "9223372036854775808")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--limit" in result.output


def test_a_file_name_that_is_not_utf8_is_read_with_its_bytes_escaped(make_raw, build, cli):
    import os

    raw = make_raw({"ok.txt": "Title\n\nIdlib was quiet on 5 May 2016.\n"})
    os.rename(raw / "ok.txt", os.fsencode(raw) + b"/caf\xe9.txt")
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    rows = json.loads(cli("articles", "--format", "json", db=db).stdout)
    assert [r["article"] for r in rows] == ["caf\\xe9"]
    assert cli("show", "caf\\xe9", db=db).exit_code == 0
    again, _ = build(raw, db)   # nothing changed: the escaped name is its stable id
    assert again.exit_code == 0 and "up to date" in again.stderr
