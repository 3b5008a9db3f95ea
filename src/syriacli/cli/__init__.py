"""The command line: parse arguments, call one library function, hand its rows to the
renderer. This module makes the app and registers the commands of its modules:
:mod:`.corpus_commands` (build, info, articles, show), :mod:`.reading` (search, timeline,
figures, names), :mod:`.outputs` (export, serve); the options they share are declared
once in :mod:`.options`, tab completion is in :mod:`.completion`, and how a command runs
(errors, signals, pipes, the pager) in :mod:`.run`."""

from __future__ import annotations

import os
import signal
import sys
from typing import Annotated

import typer

from . import completion
from .corpus_commands import articles, build, info, show
from .outputs import export, serve
from .reading import figures, names, search, timeline
from .run import (
    global_options_first,
    only_the_command_run,
    pager,
    quiet_pipe,
    refuse_undecodable,
    terminated,
    with_errors,
)

app = typer.Typer(
    help="Explore news articles about Russia's military campaign in Syria:"
    " search, timeline, figures, names.",
    no_args_is_help=True,
    add_completion=False,  # _root's own options say what they write where
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"syriacli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
    install_completion: Annotated[
        bool,
        typer.Option("--install-completion", callback=completion.install, is_eager=True,
                     help="Install tab completion for the shell in $SHELL (bash, zsh, fish),"
                     " saying which files it writes and what it adds to them."),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option("--show-completion", callback=completion.show, is_eager=True,
                     help="Print the completion script for the shell in $SHELL, to install"
                     " by hand."),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option("--no-pager",
                     help="Print long terminal views as they are, not through $SYRIACLI_PAGER,"
                     " $PAGER or less -R."),
    ] = False,
) -> None:
    """Explore news articles about Russia's military campaign in Syria: search, timeline,
    figures, names."""
    pager["enabled"] = not no_pager


# In the order --help lists them; each runs inside run.with_errors.
for _command in (build, info, search, articles, show, timeline, export, figures, names, serve):
    app.command()(_command)
for _registered in app.registered_commands:
    _registered.callback = with_errors(_registered.callback)

#: Kept under its old name: tests and scripts read the argument reordering from here.
_global_options_first = global_options_first


def main() -> None:
    """Console entry point: user errors are one line on stderr; `| head` ends quietly."""
    if "_SYRIACLI_COMPLETE" in os.environ:
        completion.register_shells()
    signal.signal(signal.SIGTERM, terminated)
    sys.argv[1:] = global_options_first(sys.argv[1:])
    only_the_command_run(app, [a for a in sys.argv[1:] if a != "--no-pager"][:1])
    refuse_undecodable(sys.argv[1:])
    try:
        app(prog_name="syriacli", standalone_mode=True)
    except BrokenPipeError:
        quiet_pipe()
