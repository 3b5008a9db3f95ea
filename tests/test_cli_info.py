"""Where the corpus is (one rule a user can predict), `syriacli info`, and a build from
another folder that never silently empties a corpus."""
from __future__ import annotations

import json

from conftest import CliRunner

from syriacli import corpus
from syriacli.cli import app

GOOD = "Jets strike Idlib\n\n14 March 2016\n\nRussian jets struck Idlib on Sunday.\n"


def run(*args, env=None):
    return CliRunner().invoke(app, [str(a) for a in args],
                              env={"NO_COLOR": "1", "COLUMNS": "100", **(env or {})},
                              catch_exceptions=False)


def info(*args, env=None) -> dict:
    result = run("info", "--format", "json", *args, env=env)
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)
    return row


def test_the_corpus_is_db_then_env_then_checkout_then_user_data(tmp_path, monkeypatch):
    monkeypatch.delenv("SYRIACLI_DB", raising=False)
    assert info("--db", tmp_path / "x.db")["chosen_by"] == "--db"
    row = info(env={"SYRIACLI_DB": str(tmp_path / "e.db")})
    assert (row["corpus"], row["chosen_by"]) == (str(tmp_path / "e.db"), "$SYRIACLI_DB")
    assert info()["chosen_by"].startswith("the project checkout at")
    # installed without a checkout: the user data directory, wherever the command runs
    monkeypatch.setattr(corpus, "project_root", lambda: None)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    row = info()
    assert row["corpus"] == str(tmp_path / "data" / "syriacli" / "corpus.db")
    assert (row["chosen_by"], row["exists"]) == ("the user data directory", False)
    text = run("info", "--format", "table").stdout
    assert "no corpus yet at" in text and "syriacli build --raw DIR" in text
    # a build there makes the folder; a query from elsewhere finds it
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, encoding="utf-8")
    assert run("build", "--raw", raw).exit_code == 0
    monkeypatch.chdir(tmp_path / "raw")
    row = info()
    assert (row["exists"], row["articles"], row["raw_dir"]) == (True, 1, str(raw))
    assert row["stale"] is False and row["schema"] == row["schema_expected"]
    assert run("search", "Idlib", "--format", "json").exit_code == 0


def test_a_build_from_another_folder_asks_before_replacing(make_raw, build, tmp_path):
    first = make_raw({"a.txt": GOOD, "b.txt": GOOD.replace("Idlib", "Hama")}, name="first")
    other = make_raw({"c.txt": GOOD.replace("Idlib", "Homs")}, name="other")
    result, db = build(first)
    assert result.exit_code == 0, result.output
    result, _ = build(other, db)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {db} was built from {first}")
    assert "--replace" in result.stderr and "Traceback" not in result.output
    assert info("--db", db)["articles"] == 2          # untouched
    result, _ = build(other, db, "--replace")
    assert result.exit_code == 0, result.output
    assert "2 removed" in result.stderr
    assert info("--db", db)["articles"] == 1


def test_version_and_short_help():
    from syriacli import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"syriacli {__version__}\n"
    for args in (["-h"], ["articles", "-h"]):
        result = run(*args)
        assert result.exit_code == 0 and "Usage: " in result.stdout


def test_no_command_summary_is_cut_at_80_columns():
    result = run("--help", env={"COLUMNS": "80"})
    commands = result.stdout.split("Commands:")[1]
    assert "..." not in commands and commands.count("\n") >= 8
