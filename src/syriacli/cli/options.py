"""The options commands share, declared once: each an ``Annotated`` alias a command puts
on a parameter (``db: DbOpt = None``), with its help, its check and its completion."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from .. import render
from . import completion


def one_of(choices: Callable[[], tuple[str, ...]]):
    """An option callback: the value as ``choices()`` spells it (any case), or refused with
    the valid values (exit 2)."""

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        for known in choices():
            if known.lower() == value.strip().lower():
                return known
        raise typer.BadParameter(f"{value!r} is not one of: {', '.join(choices())}")

    return check


def name_types() -> tuple[str, ...]:
    from ..extract.names import TYPES

    return tuple(TYPES)


#: The precisions of a date.
PRECISIONS = ("day", "month", "year")
FORMAT_HELP = (
    "Output format: table (a terminal's default), json, jsonl, csv, tsv (a pipe's default)."
)
DATE_FORMS = "2015, 2015-08, 2015-08-30, 'Aug 2015', 'August 2015' or '30 Aug 2015'"


def _check_format(value: str | None) -> str | None:
    if value is not None and value not in render.FORMATS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(render.FORMATS)}")
    return value


def _day_bound(which: int):
    """A --from/--to callback: the first (0) or last (1) day of the date typed."""

    def parse(value: str | None) -> str | None:
        if value is None:
            return None
        from ..errors import BadDate
        from ..extract.dateargs import parse_date_arg

        try:
            return parse_date_arg(value)[which]
        except BadDate:
            raise typer.BadParameter(f"{value!r} is not a date; use {DATE_FORMS}") from None

    return parse


DbOpt = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Corpus database [env SYRIACLI_DB; default data/corpus.db of the checkout, else"
        " corpus.db in the user data directory; `syriacli info` says which].",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", help=FORMAT_HELP, callback=_check_format, show_default=False,
                 autocompletion=completion.formats),
]
#: The largest --limit (SQLite's integers end at 2**63 - 1; no corpus has more rows).
MAX_LIMIT = 10**12
LimitOpt = Annotated[
    int | None,
    typer.Option("--limit", "-n", min=0, max=MAX_LIMIT, help="At most this many rows; 0 for all."),
]
FromOpt = Annotated[
    str | None,
    typer.Option("--from", help=f"From this date: {DATE_FORMS}.", callback=_day_bound(0)),
]
ToOpt = Annotated[
    str | None,
    typer.Option("--to", help=f"Up to this date, inclusive: {DATE_FORMS}.", callback=_day_bound(1)),
]
PublisherOpt = Annotated[
    str | None,
    typer.Option(
        "--publisher",
        "-p",
        help="Only this publisher (e.g. BBC).",
        autocompletion=completion.from_corpus("--publisher"),
    ),
]
AboutOpt = Annotated[
    str | None,
    typer.Option("--about", help="Only what names this place, person or group, any spelling.",
                 autocompletion=completion.from_corpus("NAME")),
]
NearOpt = Annotated[
    str | None,
    typer.Option("--near", help="Only what names a place within --km of this place, any"
                 " spelling (Palmyra, Hmeimim…).", autocompletion=completion.from_corpus("NAME")),
]
#: How far `--near` reaches without --km.
DEFAULT_KM = 50.0
KmOpt = Annotated[
    float, typer.Option("--km", min=0, max=20_100, help="How far --near reaches, in km.")
]
MatchOpt = Annotated[
    str | None,
    typer.Option(
        "--match", "-m",
        help="Only events whose sentence matches: the rules of `search` (words, \"a"
        " phrase\", prefix*, OR, -word or NOT word).",
    ),
]
AllOpt = Annotated[
    bool,
    typer.Option(
        "--all", "-a",
        help="Also the background entries (every report only dates a lasting state:"
        " 'since 2011', 'the war that began in 2011'), which the timeline's table and"
        " the exports leave out (the timeline's other formats list them all, with a"
        " background column).",
    ),
]
ConflictsOpt = Annotated[
    bool, typer.Option("--conflicts", help="Only entries whose sources give other dates.")
]
PrecisionOpt = Annotated[
    str | None,
    typer.Option(
        "--precision", help="Only entries dated to the day, the month or the year.",
        callback=one_of(lambda: PRECISIONS),
        autocompletion=completion.of(lambda: PRECISIONS),
    ),
]
