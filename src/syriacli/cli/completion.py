"""Tab completion: the values each argument offers (read from the corpus by
:func:`syriacli.selection.completion_values`), the shells it installs for, and bash's
completions made one shell word each."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import typer

from .. import render
from .run import err

#: The shells completion installs for, and the start-up files each may add a line to.
COMPLETION_SHELLS = {"bash": (".bashrc",), "zsh": (".zshrc",), "fish": ()}


def offer(values: Iterable[str], incomplete: str) -> list[str]:
    """The values starting with what was typed (bash's own matching is case-sensitive
    too); :func:`register_shells` makes each one shell word."""
    return [v for v in dict.fromkeys(values) if v and v.startswith(incomplete)]


def from_corpus(argument: str) -> Callable[[typer.Context, str], list[str]]:
    """A completer of ``argument``'s values in the corpus the command line names (its
    --db, typed before the word being completed)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from ..selection import completion_values

        db = ctx.params.get("db") if ctx is not None else None
        return offer(completion_values(argument, db), incomplete)

    return complete


def of(choices: Callable[[], Iterable[str]]) -> Callable[[str], list[str]]:
    """A completer of fixed values (read when completing, so --help need not import them)."""
    return lambda incomplete: offer(choices(), incomplete)


def formats(incomplete: str) -> list[str]:
    return offer(render.FORMATS, incomplete)


def _shell() -> str:
    shell = Path(os.environ.get("SHELL", "")).name
    if shell not in COMPLETION_SHELLS:
        raise typer.BadParameter(
            f"no completion for the shell {shell or '(none: $SHELL is empty)'}; use one of:"
            f" {', '.join(COMPLETION_SHELLS)} (set $SHELL)")
    return shell


def install(value: bool) -> None:
    """Install completion through Typer, then say every file it wrote or changed."""
    if not value:
        return
    from typer._completion_shared import install as typer_install

    shell = _shell()
    home = Path.home()
    rc_files = [home / name for name in COMPLETION_SHELLS[shell]]
    try:
        before = {rc: rc.read_text() if rc.is_file() else None for rc in rc_files}
        _, script = typer_install(shell=shell, prog_name="syriacli",
                                  complete_var="_SYRIACLI_COMPLETE")
    except (OSError, UnicodeDecodeError) as exc:
        where = getattr(exc, "filename", None)
        why = getattr(exc, "strerror", None) or str(exc)
        err(f"cannot install completion{f' into {where}' if where else ''}: {why};"
            " `syriacli --show-completion` prints the script to install by hand")
    print(f"wrote the {shell} completion script to {script}")
    for rc, old in before.items():
        new = rc.read_text() if rc.is_file() else ""
        added = [line for line in new.splitlines()
                 if line.strip() and line not in (old or "").splitlines()]
        if added:
            print(f"added to {rc}: {'; '.join(added)}")
        elif old is not None:
            print(f"{rc} already loads it: left as it was")
    print("open a new shell (or source the file above) for completion to take effect")
    raise typer.Exit()


def show(value: bool) -> None:
    if not value:
        return
    from typer._completion_shared import get_completion_script

    print(get_completion_script(prog_name="syriacli", complete_var="_SYRIACLI_COMPLETE",
                                shell=_shell()))
    raise typer.Exit()


def register_shells() -> None:
    """Register Typer's shells (its own completion options, which syriacli replaces,
    would), bash with each completion escaped into one shell word: bash inserts a
    completion as it is, so "civilians killed" would be two arguments. Inside a quote the
    user opened, it stays as it is; zsh and fish quote completions themselves."""
    from typer._click.shell_completion import add_completion_class
    from typer._completion_classes import BashComplete, completion_init

    class OneWordBash(BashComplete):
        def format_completion(self, item) -> str:
            word = os.environ.get("COMP_WORDS", "").rsplit(" ", 1)[-1]
            if word.startswith(("'", '"')):
                return str(item.value)
            return re.sub(r"([\\\s'\"$`&|;<>()!*?#~])", r"\\\1", str(item.value))

    completion_init()
    add_completion_class(OneWordBash, "bash")
