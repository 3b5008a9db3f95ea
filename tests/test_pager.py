"""Long terminal views go through the pager as git's do (#17 item 3): tested on a real
pseudo-terminal, with a pager that quits after a few lines."""

import os
import pty
import struct
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")

PAGER = textwrap.dedent("""
    import os, sys
    with open(sys.argv[1], "w") as out:
        out.write("LESS=" + os.environ.get("LESS", "") + "\\n")
        for i, line in enumerate(sys.stdin):
            out.write(line)
            if i >= 5:
                break  # quit early, as a reader pressing q does
""")


def on_a_terminal(args, env, rows=24, columns=80):
    """Run the CLI with stdout on a pseudo-terminal; (exit code, what the terminal got,
    stderr)."""
    import fcntl
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {k: v for k, v in {**os.environ, **env}.items() if k not in ("COLUMNS", "LINES")}
    proc = subprocess.Popen([sys.executable, "-m", "syriacli", *args], stdout=slave,
                            stderr=subprocess.PIPE, env=env)
    os.close(slave)
    got = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        got += chunk
    code = proc.wait()
    assert proc.stderr is not None
    return code, got.decode("utf-8", "replace"), proc.stderr.read().decode()


@pytest.fixture
def pager(tmp_path):
    script = tmp_path / "pager.py"
    script.write_text(PAGER)
    paged = tmp_path / "paged.txt"
    return f"{sys.executable} {script} {paged}", paged


def test_a_long_view_goes_through_the_pager_in_colour_and_quitting_early_is_exit_0(
        seed_db, pager):
    command, paged = pager
    env = {"SYRIACLI_DB": str(seed_db), "PAGER": command, "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    code, shown, stderr = on_a_terminal(["timeline", "--all"], {**env, "NO_COLOR": ""})
    assert code == 0, stderr
    text = paged.read_text()
    assert text.startswith("LESS=FRX\n")  # as git sets it, unless the user did
    assert "\x1b[" in text and "2011" in text  # colour kept
    assert "Traceback" not in stderr and "Broken pipe" not in stderr
    assert "The Syrian Civil War" not in shown  # the terminal got only what the pager showed


def test_no_pager_and_short_views_print_as_they_are(seed_db, pager):
    command, paged = pager
    env = {"SYRIACLI_DB": str(seed_db), "PAGER": command, "NO_COLOR": ""}
    code, shown, _ = on_a_terminal(["--no-pager", "timeline", "--all"], env)
    assert code == 0 and "The Syrian Civil War" in shown and not paged.exists()
    code, shown, _ = on_a_terminal(["articles"], env, rows=60)
    assert code == 0 and "003_5c8489880ca76ab4" in shown and not paged.exists()
    code, shown, _ = on_a_terminal(["timeline", "--all"], {**env, "PAGER": "cat"})
    assert code == 0 and "The Syrian Civil War" in shown


@pytest.mark.parametrize("args", [
    ["timeline", "--format", "table"],
    ["figures", "sorties", "--format", "table"],
    ["figures", "--format", "table"],
    ["timeline", "--format", "tsv"],
])
def test_a_view_into_a_pipe_closed_early_exits_0(seed_db, args):
    """`syriacli timeline --format table | head -1` under `set -o pipefail` (#32): the reader
    leaves after one line; the writer ends quietly with exit 0, Rich views too (Rich's own
    handler exits 1)."""
    env = {**os.environ, "SYRIACLI_DB": str(seed_db), "COLUMNS": "100", "NO_COLOR": "1"}
    read_end, write_end = os.pipe()
    os.close(read_end)         # the reader has gone before the first write: no race
    try:
        proc = subprocess.run([sys.executable, "-m", "syriacli", *args], stdout=write_end,
                              stderr=subprocess.PIPE, env=env)
    finally:
        os.close(write_end)
    stderr = proc.stderr.decode()
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr and "Broken pipe" not in stderr


@pytest.mark.parametrize("args, moved", [
    (["timeline", "--no-pager"], ["--no-pager", "timeline"]),
    (["figures", "sorties", "--no-pager", "--format", "tsv"],
     ["--no-pager", "figures", "sorties", "--format", "tsv"]),
    (["--no-pager", "timeline"], ["--no-pager", "timeline"]),
    (["search", "--", "--no-pager"], ["search", "--", "--no-pager"]),   # text after --
    (["--db", "x.db", "timeline", "-n", "1"], ["timeline", "--db", "x.db", "-n", "1"]),
    (["--no-pager", "--db=x.db", "articles"], ["--no-pager", "articles", "--db=x.db"]),
    (["--db", "x.db", "--no-pager", "info"], ["--no-pager", "info", "--db", "x.db"]),
    (["search", "--db", "x.db", "Palmyra"], ["search", "--db", "x.db", "Palmyra"]),
    (["--db", "x.db"], ["--db", "x.db"]),                       # no command: Click says so
])
def test_no_pager_after_the_command_and_db_before_it_are_taken(args, moved):
    from syriacli.cli import _global_options_first

    assert _global_options_first(args) == moved


def test_no_pager_after_the_command_runs(seed_db):
    env = {**os.environ, "SYRIACLI_DB": str(seed_db), "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-m", "syriacli", "timeline", "--no-pager",
                           "--format", "tsv"], capture_output=True, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().startswith("date\tprecision\t")


def test_db_before_the_command_runs(seed_db):
    proc = subprocess.run([sys.executable, "-m", "syriacli", "--db", str(seed_db), "articles",
                           "--format", "tsv"], capture_output=True,
                          env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 0, proc.stderr.decode()
    assert len(proc.stdout.decode().splitlines()) == 6
