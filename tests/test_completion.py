"""Tab completion (#17 item 5): one shell word per value, names, --about, --format,
--type and article ids completed, and an install that says what it writes where."""

import os
import subprocess
import sys

import pytest


def complete(words: str, seed_db, shell="bash") -> list[str]:
    """What completing the last of ``words`` (as bash passes them: joined by spaces, a
    typed space escaped) offers."""
    import shlex

    env = dict(os.environ, SYRIACLI_DB=str(seed_db), _SYRIACLI_COMPLETE=f"complete_{shell}",
               COMP_WORDS=words, COMP_CWORD=str(len(shlex.split(words + '"' * (
                   words.count('"') % 2))) - 1))
    out = subprocess.run([sys.executable, "-m", "syriacli"], env=env, capture_output=True,
                         text=True)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    return [line for line in out.stdout.splitlines() if line]


@pytest.mark.parametrize("words, offered", [
    ("syriacli figures civ", r"civilians\ killed"),
    ("syriacli names Pal", "Palmyra"),
    ("syriacli names --type arm", r"armed\ group"),
    ("syriacli timeline --about Vlad", r"Vladimir\ Putin"),
    ("syriacli figures civilians\\ k", r"civilians\ killed"),
    ("syriacli search x --about Khmei", "Khmeimim"),
    ("syriacli timeline --format js", "jsonl"),
    ("syriacli timeline --precision mo", "month"),
    ("syriacli show 003", "003_5c8489880ca76ab4"),
    ("syriacli export geo", "geojson"),
    ("syriacli export acled --near Pal", "Palmyra"),
])
def test_bash_gets_each_value_as_one_shell_word(seed_db, words, offered):
    assert offered in complete(words, seed_db)


def test_a_value_is_not_escaped_inside_an_opened_quote(seed_db):
    assert "civilians killed" in complete('syriacli figures "civ', seed_db)


def test_without_a_corpus_completion_stays_quiet(tmp_path):
    assert complete("syriacli names Pal", tmp_path / "none.db") == []


def run_install(tmp_path, shell):
    env = dict(os.environ, HOME=str(tmp_path), SHELL=f"/bin/{shell}")
    return subprocess.run([sys.executable, "-m", "syriacli", "--install-completion"], env=env,
                          capture_output=True, text=True)


def test_install_says_which_files_it_writes_and_what_it_adds(tmp_path):
    (tmp_path / ".bashrc").write_text("export EDITOR=vi\n")
    out = run_install(tmp_path, "bash")
    assert out.returncode == 0, out.stderr
    script = tmp_path / ".bash_completions" / "syriacli.sh"
    assert f"wrote the bash completion script to {script}" in out.stdout
    assert script.is_file() and "_SYRIACLI_COMPLETE" in script.read_text()
    line = f"source '{script}'"
    assert f"added to {tmp_path / '.bashrc'}: {line}" in out.stdout
    assert (tmp_path / ".bashrc").read_text().startswith("export EDITOR=vi\n")
    assert line in (tmp_path / ".bashrc").read_text()
    again = run_install(tmp_path, "bash")
    assert "already loads it" in again.stdout
    assert (tmp_path / ".bashrc").read_text().count(line) == 1


def test_an_unknown_shell_is_one_line_and_writes_nothing(tmp_path):
    out = run_install(tmp_path, "tcsh")
    assert out.returncode == 2 and "no completion for the shell tcsh" in out.stderr
    assert "Traceback" not in out.stderr and not list(tmp_path.iterdir())


def test_completion_reads_the_corpus_the_command_line_names(seed_db, tmp_path):
    """--db typed before the word being completed is the corpus completed from (#32)."""
    none = tmp_path / "none.db"
    assert complete("syriacli names Pal", none) == []
    assert "Palmyra" in complete(f"syriacli names --db {seed_db} Pal", none)
    assert "003_5c8489880ca76ab4" in complete(f"syriacli show --db {seed_db} 003", none)
    assert "RT" in complete(f"syriacli search x --db {seed_db} --publisher R", none)


@pytest.mark.parametrize("odd", [".bashrc", ".bash_completions"])
def test_an_odd_shell_file_is_one_line_not_a_traceback(tmp_path, odd):
    """A start-up file that is a folder, or a completions folder that is a file: the
    install cannot write there, and says so in one line (#32)."""
    if odd == ".bashrc":
        (tmp_path / odd).mkdir()
    else:
        (tmp_path / odd).write_text("not a folder\n")
    out = run_install(tmp_path, "bash")
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert out.stderr.startswith("Error: cannot install completion into ")
    assert len(out.stderr.strip().splitlines()) == 1 and "--show-completion" in out.stderr
