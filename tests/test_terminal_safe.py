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
def hostile_db(make_raw, build):
    raw = make_raw(
        {f"evil{CLEAR}.txt": f"Jets strike Idlib{TITLE_SEQUENCE}\n\n14 March 2016\n\n"
                             f"Russian jets{LINK} struck Idlib{BIDI} on Sunday, killing 12 "
                             f"civilians{CLEAR}, activists said.\n"},
        manifest=f"file,publisher\nevil{CLEAR}.txt,Evil{TITLE_SEQUENCE} News\n")
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    return db


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
