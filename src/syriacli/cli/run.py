"""How a command runs: the arguments put where Click reads them, the errors a user can
cause as one line on stderr (never a traceback), SIGTERM and Ctrl-C, the pager, a closed
pipe ending quietly."""

from __future__ import annotations

import functools
import os
import re
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from .. import render
from ..errors import BadOption, SyriacliError, Terminated

if TYPE_CHECKING:
    from typer.models import CommandInfo

#: Whether a long terminal view goes through the pager (``--no-pager`` turns it off).
pager = {"enabled": True}

say = render.say


def err(message: str, code: int = 1) -> NoReturn:
    render.say(f"Error: {message}")
    raise typer.Exit(code)


def open_db(db: Path | None):
    """The corpus --db names (else the default), built or updated first when it must be."""
    from .. import store
    from ..corpus import default_db, ensure

    return store.open_corpus(ensure(db or default_db(), say))


def terminated(signum, frame) -> None:
    raise Terminated


def global_options_first(args: list[str]) -> list[str]:
    """`--no-pager` and `--db` where users put them: `--no-pager` after the command too
    (`syriacli timeline --no-pager`) is moved before it, where Click reads it; `--db PATH`
    before the command (`syriacli --db x.db timeline`) after it, where each command reads
    it. After `--` it is text."""
    args = _db_after_command(args)
    end = args.index("--") if "--" in args else len(args)
    if "--no-pager" not in args[1:end]:
        return args
    return ["--no-pager"] + [a for a in args[:end] if a != "--no-pager"] + args[end:]


def _db_after_command(args: list[str]) -> list[str]:
    """``args`` with a `--db PATH` (or `--db=PATH`) given before the command moved after it."""
    before: list[str] = []
    db: list[str] = []
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "--":
        if args[i] == "--db" and i + 1 < len(args):
            db, i = args[i:i + 2], i + 2
        elif args[i].startswith("--db="):
            db, i = [args[i]], i + 1
        else:
            before, i = before + [args[i]], i + 1
    if not db or i >= len(args) or args[i] == "--":
        return args
    return before + [args[i]] + db + args[i + 1:]


def _command_name(command: CommandInfo) -> str | None:
    """The name Typer gives a command: its own, else its function's."""
    return command.name or (command.callback.__name__ if command.callback else None)


#: Options whose value is a path: any bytes the file system allows are fine there.
PATH_OPTIONS = ("--db", "--raw", "--names")


def refuse_undecodable(args: list[str]) -> None:
    """An argument that is not valid UTF-8 (Python keeps its bytes as surrogates) is
    refused in one line; a path's value is taken as the file system gives it."""
    for i, arg in enumerate(args):
        path = (i > 0 and args[i - 1] in PATH_OPTIONS) or arg.startswith(
            tuple(f"{o}=" for o in PATH_OPTIONS))
        if not path and any("\udc80" <= ch <= "\udcff" for ch in arg):
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            render.say(f"Error: the argument '{shown}' is not valid UTF-8: type it again in"
                       " UTF-8 (check the terminal's encoding)")
            sys.exit(2)


def only_the_command_run(app: typer.Typer, first: list[str]) -> None:
    """Register only the command being run: Typer builds every registered command's
    parser on each call (~20 ms for all of them, a sixth of a search)."""
    if not first or any(k.endswith("_COMPLETE") for k in os.environ):
        return
    run = [c for c in app.registered_commands if _command_name(c) == first[0]]
    if not run:  # --help, or a typo Typer should answer with every name
        return
    app.registered_commands = run  # the root callback: one command still needs its name


def quiet_pipe() -> NoReturn:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)


#: What SQLite says of a damaged file (a bad disk, a copy cut short, a page overwritten).
DAMAGED = re.compile(r"malformed|not a database|disk I/O error")


def with_errors(func):
    """Wrap a command so SyriacliError becomes one line on stderr."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with render.paging(pager["enabled"]):
                result = func(*args, **kwargs)
            sys.stdout.flush()    # a closed pipe shows here, not in Click (which exits 1)
            return result
        except BadOption as exc:    # as Click says a bad value: the usage, exit 2
            raise typer.BadParameter(str(exc), param_hint=exc.option) from None
        except SyriacliError as exc:
            err(str(exc), exc.exit_code)
        except sqlite3.DatabaseError as exc:
            if not DAMAGED.search(str(exc)):
                raise
            err(f"the corpus is damaged ({exc}): rebuild it with `syriacli build --full`", 1)
        except PermissionError as exc:   # --db in a folder the user cannot enter or read
            err(f"permission denied: {exc.filename or exc}: check the rights of the file"
                " and of each folder on its way, or pass --db for another corpus")
        except Terminated:
            err("terminated; the corpus is unchanged", 143)
        except KeyboardInterrupt:
            err("interrupted; the corpus is unchanged", 130)
        except BrokenPipeError:
            quiet_pipe()

    return wrapper
