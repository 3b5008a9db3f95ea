"""The command line: parse arguments, call one library function, pick a renderer."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import render
from .errors import SyriacliError, Terminated

if TYPE_CHECKING:
    from typer.models import CommandInfo

app = typer.Typer(
    help="Explore news articles about Russia's military campaign in Syria:"
    " search, timeline, figures, names.",
    no_args_is_help=True,
    add_completion=False,  # _root's own options say what they write where
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _one_of(choices: Callable[[], tuple[str, ...]]):
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


def _name_types() -> tuple[str, ...]:
    from .extract.names import TYPES

    return tuple(TYPES)


#: The precisions of a date.
PRECISIONS = ("day", "month", "year")
#: `syriacli export`'s formats (export.FORMATS, here so that --help need not import it).
EXPORT_FORMATS = ("acled", "timelinejs", "geojson")


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"syriacli {__version__}")
        raise typer.Exit()


#: The shells completion installs for, and the start-up files each may add a line to.
COMPLETION_SHELLS = {"bash": (".bashrc",), "zsh": (".zshrc",), "fish": ()}


def _completion_shell() -> str:
    shell = Path(os.environ.get("SHELL", "")).name
    if shell not in COMPLETION_SHELLS:
        raise typer.BadParameter(
            f"no completion for the shell {shell or '(none: $SHELL is empty)'}; use one of:"
            f" {', '.join(COMPLETION_SHELLS)} (set $SHELL)")
    return shell


def _install_completion(value: bool) -> None:
    """Install completion through Typer, then say every file it wrote or changed."""
    if not value:
        return
    from typer._completion_shared import install

    shell = _completion_shell()
    home = Path.home()
    rc_files = [home / name for name in COMPLETION_SHELLS[shell]]
    try:
        before = {rc: rc.read_text() if rc.is_file() else None for rc in rc_files}
        _, script = install(shell=shell, prog_name="syriacli",
                            complete_var="_SYRIACLI_COMPLETE")
    except (OSError, UnicodeDecodeError) as exc:
        where = getattr(exc, "filename", None)
        why = getattr(exc, "strerror", None) or str(exc)
        _err(f"cannot install completion{f' into {where}' if where else ''}: {why};"
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


def _show_completion(value: bool) -> None:
    if not value:
        return
    from typer._completion_shared import get_completion_script

    print(get_completion_script(prog_name="syriacli", complete_var="_SYRIACLI_COMPLETE",
                                shell=_completion_shell()))
    raise typer.Exit()


#: Whether a long terminal view goes through the pager (``--no-pager`` turns it off).
_pager = {"enabled": True}


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
    install_completion: Annotated[
        bool,
        typer.Option("--install-completion", callback=_install_completion, is_eager=True,
                     help="Install tab completion for the shell in $SHELL (bash, zsh, fish),"
                     " saying which files it writes and what it adds to them."),
    ] = False,
    show_completion: Annotated[
        bool,
        typer.Option("--show-completion", callback=_show_completion, is_eager=True,
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
    _pager["enabled"] = not no_pager

FORMAT_HELP = (
    "Output format: table (a terminal's default), json, jsonl, csv, tsv (a pipe's default)."
)
DATE_FORMS = "2015, 2015-08, 2015-08-30, 'Aug 2015', 'August 2015' or '30 Aug 2015'"


def _offer(values, incomplete: str) -> list[str]:
    """The values starting with what was typed (bash's own matching is case-sensitive
    too); :func:`_completion_shells` makes each one shell word."""
    return [v for v in dict.fromkeys(values) if v and v.startswith(incomplete)]


def _completion_shells() -> None:
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


def _from_corpus(read, ctx: typer.Context | None = None) -> list[str]:
    """``read(conn)`` on the corpus the command line names (its --db, typed before the
    word being completed), else $SYRIACLI_DB, else the default; nothing when there is
    none: completion never prints a traceback into the shell."""
    try:
        from . import store
        from .corpus import locate_db

        db = (ctx.params.get("db") if ctx is not None else None) or None
        with store.open_corpus(locate_db(Path(db) if db else None)[0]) as conn:
            return list(read(conn))
    except Exception:
        return []


def _complete_publishers(ctx: typer.Context, incomplete: str) -> list[str]:
    from . import queries

    return _offer(_from_corpus(queries.publishers, ctx), incomplete)


def _complete_metrics(ctx: typer.Context, incomplete: str) -> list[str]:
    """The metrics the corpus holds claims for (falling back to the taxonomy)."""
    from . import queries

    names = _from_corpus(lambda conn: (r["metric"] for r in queries.figure_metrics(conn)), ctx)
    if not names:
        from .extract.metrics import metric_names

        names = list(metric_names())
    return _offer(names, incomplete)


def _complete_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Every name of the corpus, and every spelling of it that starts so."""
    from . import queries

    def read(conn):
        for row in queries.names(conn, None):
            yield row["name"]
            yield from (row["spellings"] or "").split(", ")

    return _offer(_from_corpus(read, ctx), incomplete)


def _complete_articles(ctx: typer.Context, incomplete: str) -> list[str]:
    from . import queries

    return _offer(_from_corpus(lambda conn: (r["article"] for r in queries.articles(
        conn, queries.Filters())), ctx), incomplete)


def _complete_formats(incomplete: str) -> list[str]:
    return _offer(render.FORMATS, incomplete)


def _complete_types(incomplete: str) -> list[str]:
    return _offer(_name_types(), incomplete)


def _check_format(value: str | None) -> str | None:
    if value is not None and value not in render.FORMATS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(render.FORMATS)}")
    return value


def _day_bound(which: int):
    def parse(value: str | None) -> str | None:
        if value is None:
            return None
        from .errors import BadDate
        from .extract.dateargs import parse_date_arg

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
                 autocompletion=_complete_formats),
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
        autocompletion=_complete_publishers,
    ),
]
AboutOpt = Annotated[
    str | None,
    typer.Option("--about", help="Only what names this place, person or group, any spelling.",
                 autocompletion=_complete_names),
]


NearOpt = Annotated[
    str | None,
    typer.Option("--near", help="Only what names a place within --km of this place, any"
                 " spelling (Palmyra, Hmeimim…).", autocompletion=_complete_names),
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
        callback=_one_of(lambda: PRECISIONS),
        autocompletion=lambda incomplete: _offer(PRECISIONS, incomplete),
    ),
]


def _timeline_args(conn, shared: tuple, match: str | None, near: str | None, km: float,
                   **timeline_filters) -> tuple:
    """What `timeline` and `export` query with, (conn, filters, parsed --match, the
    --about name): the shared filters (date_from, date_to, publisher, about, limit),
    --near, the timeline's own filters; how --match was read said on stderr."""
    from dataclasses import replace

    from .fts import parse
    from .queries import name_of

    filters = replace(_near(conn, _filters(conn, *shared), near, km), **timeline_filters)
    parsed = parse(match) if match else None
    for note in parsed.notes if parsed else ():
        _say(f"Note: {note}")
    return conn, filters, parsed, name_of(conn, filters.about)


def _unmatched(conn, noun: str, given: dict[str, str | None]) -> bool:
    """Say on stderr which filters match nothing, with the nearest values that exist."""
    from .queries import unmatched

    misses = unmatched(conn, given)
    for option, nearest in misses:
        _say(f"No {noun}: {option} {given[option]!r} matches nothing in the corpus;"
             f" nearest: {', '.join(nearest) or 'none'}")
    return bool(misses)


def _near(conn, filters, place: str | None, km: float):
    """``filters`` narrowed to the places within ``km`` of ``place`` (--near)."""
    if place is None:
        return filters
    from dataclasses import replace

    from .places import near
    from .queries import place_called, place_index

    centre = place_called(conn, place)
    if centre is None or centre["lat"] is None:
        raise typer.BadParameter(f"{place!r} is not a place with coordinates;"
                                 " `syriacli names --type place` lists them", param_hint="--near")
    return replace(filters, near=tuple(near(place_index(conn), centre, km)))


def _err(message: str, code: int = 1) -> NoReturn:
    render.say(f"Error: {message}")
    raise typer.Exit(code)


_say = render.say


def _open(db: Path | None):
    from . import store
    from .corpus import default_db, ensure

    return store.open_corpus(ensure(db or default_db(), _say))


def _filters(conn, date_from=None, date_to=None, publisher=None, about=None, limit=None):
    from .queries import Filters

    if date_from and date_to and date_from > date_to:
        raise typer.BadParameter(f"--from {date_from} is after --to {date_to}: the range is empty")
    key = _about_key(conn, about) if about else None
    return Filters(
        date_from=date_from, date_to=date_to, publisher=publisher, about=key, limit=limit
    )


def _about_key(conn, about: str) -> str:
    from .queries import name_key

    key = name_key(conn, about)
    if key is None:
        raise SyriacliError(f"no name {about!r} in the corpus; `syriacli names` lists them")
    return key


@app.command()
def build(
    raw: Annotated[
        Path | None,
        typer.Option(
            "--raw",
            help="Folder of articles (.txt, .md, .html) and an optional manifest.csv"
            " [default: the corpus's own folder, else data/raw of the checkout].",
        ),
    ] = None,
    db: DbOpt = None,
    full: Annotated[
        bool, typer.Option("--full", help="Re-extract every article, changed or not.")
    ] = False,
    names: Annotated[
        Path | None,
        typer.Option(
            "--names",
            exists=True,
            dir_okay=False,
            help="A JSON file of extra names, in the format of data/names.json;"
            " remembered for later updates.",
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Build the corpus from another raw folder than the one it was built from,"
            " or from a folder that has lost most of its files, removing the articles the"
            " folder lacks.",
        ),
    ] = False,
):
    """Build or update the corpus from a folder of raw articles.

    Example: syriacli build --raw data/raw
    """
    from .build import build as run_build
    from .corpus import default_raw, locate_db
    from .views import build_progress, build_summary

    db_path, rule = locate_db(db)
    raw_dir = raw or default_raw(db_path)
    if raw_dir is None:
        raise typer.BadParameter("no raw folder: pass --raw DIR", param_hint="--raw")
    if rule == "the user data directory":
        db_path.parent.mkdir(parents=True, exist_ok=True)
    with build_progress() as progress:
        report = run_build(raw_dir, db_path, full=full, names=names, progress=progress,
                           replace=replace)
    build_summary(report)


@app.command()
def info(db: DbOpt = None, fmt: FormatOpt = None):
    """Where the corpus is, why, and what it holds.

    The path and the rule that chose it, the raw folder, counts, schema and version.

    Example: syriacli info
    """
    from .corpus import describe
    from .views import info_view

    row = describe(db)
    render.write_rows([row], list(row), render.default_format(fmt), table=info_view)


#: How many hits a terminal's search table shows unless --limit says otherwise.
SEARCH_PAGE = 20
QUERY_HELP = (
    'Words (all must be there), "a phrase", prefix*, OR between alternatives (in'
    " capitals), -word or NOT word to leave out (alone too: NOT Palmyra is every article"
    " without it), (parentheses); names match every spelling."
)


@app.command()
def search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help=QUERY_HELP, show_default=False)],
    db: DbOpt = None,
    fmt: FormatOpt = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", min=0, max=MAX_LIMIT,
            help=f"At most this many hits; 0 for all [default: all, but {SEARCH_PAGE} in a"
            " terminal's table].",
            show_default=False,
        ),
    ] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    publisher: PublisherOpt = None,
    about: AboutOpt = None,
):
    """Full-text search of the articles, best match first.

    --from/--to are the publication date. A query that only leaves out (NOT Palmyra)
    lists the articles in publication order. Start a query with "-" after "--":
    syriacli search -- "-Palmyra".

    Example: syriacli search "Palmyra" --from 2016
    """
    from . import queries
    from .fts import name_expander, parse

    fmt = render.default_format(fmt)
    page = limit is None and fmt == "table"
    with _open(db) as conn:
        parsed = parse(query, name_expander(lambda phrase: queries.known_name(conn, phrase)))
        for note in parsed.notes:
            _say(f"Note: {note}")
        filters = _filters(conn, date_from, date_to, publisher, about,
                           SEARCH_PAGE if page else limit)
        table: Callable[[list[dict]], None] | None = None
        if fmt == "table":  # views (and Rich) only for a terminal's table
            from .views import search_table as table
        count = render.write_rows(
            queries.search(conn, parsed, filters),
            ["article", "title", "publisher", "published", "score", "snippet"],
            fmt,
            table=table,
            marks=True,
        )
        if page and count == SEARCH_PAGE:
            total = queries.search_count(conn, parsed, filters)
            if total > count:
                _say(f"showing the best {count} of {total} articles; --limit 0 shows them all"
                     " (a pipe or --format json gets them all)")
    if count == 0:
        _say(f"no articles match {query!r}")


@app.command()
def articles(
    db: DbOpt = None,
    fmt: FormatOpt = None,
    limit: LimitOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    publisher: PublisherOpt = None,
    about: AboutOpt = None,
    undated: Annotated[
        bool,
        typer.Option(
            "--undated",
            help="Only the articles without a publication date, each with the reason"
            " (undated_reason: '06/05/2019: day or month first?'); their relative dates stay"
            " unresolved until a manifest row gives one.",
        ),
    ] = False,
):
    """List the articles of the corpus.

    Each with where its date, publisher and title came from (manifest, page or text), and
    why an undated one has no date. --from/--to are the publication date.

    Example: syriacli articles --publisher RT
    """
    from dataclasses import replace

    from . import queries

    with _open(db) as conn:
        filters = _filters(conn, date_from, date_to, publisher, about, limit)
        from .views import articles_table

        rows = queries.articles(conn, replace(filters, undated=undated))
        render.write_rows(rows, queries.ARTICLES_COLUMNS, render.default_format(fmt),
                          table=articles_table)


@app.command()
def show(
    article_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="Article id (the file name without .txt), the"
                       " start of one (003), or a word of one title.",
                       autocompletion=_complete_articles),
    ],
    db: DbOpt = None,
    annotate: Annotated[
        bool, typer.Option("--annotate", "-a", help="Mark each date, figure and name in the text.")
    ] = False,
    raw: Annotated[
        bool, typer.Option("--raw", help="Print the raw file's lines, those cleaning removed"
                           " (page furniture) dim and marked '-', from the corpus's raw folder.")
    ] = False,
    fmt: FormatOpt = None,
):
    """Print one clean article (--annotate marks what was found).

    --raw prints the raw file's lines, marking those cleaning removed.

    Example: syriacli show 003 --annotate   (or the whole id 003_5c8489880ca76ab4)
    """
    from . import queries
    from .views import show_article, show_raw

    with _open(db) as conn:
        found = queries.article_called(conn, article_id)
    if found is None:
        _err(f"no article {article_id!r} (an id, its start or a title word);"
             " `syriacli articles` lists them")
    if raw:
        show_raw(found, _raw_lines(db, found["file"]), fmt)
        return
    show_article(found, annotate, fmt)


def _raw_lines(db: Path | None, file: str) -> list[tuple[str, bool]]:
    """The lines of an article's raw file, marked as cleaning saw them (build.cleaning_of)."""
    from .build import cleaning_of
    from .corpus import default_db, raw_dir_for

    folder = raw_dir_for(db or default_db())
    path = folder / file if folder else None
    if path is None or not path.is_file():
        _err(f"the raw file {file!r} is not in {folder or 'the corpus raw folder'}:"
             " build the corpus from the folder that holds it (`syriacli build --raw DIR`)")
    try:
        return cleaning_of(path)
    except OSError as exc:
        _err(f"cannot read {path} ({exc.strerror or exc})")


@app.command()
def timeline(
    db: DbOpt = None,
    fmt: FormatOpt = None,
    limit: LimitOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    publisher: PublisherOpt = None,
    about: AboutOpt = None,
    match: MatchOpt = None,
    quotes: Annotated[
        bool, typer.Option("--quotes", "-q", help="Show each source's sentence (json and jsonl"
                           " always have them; csv and tsv never).")
    ] = False,
    all_: AllOpt = False,
    conflicts: ConflictsOpt = False,
    precision: PrecisionOpt = None,
    near: NearOpt = None,
    km: KmOpt = DEFAULT_KM,
):
    """What happened when, merged across sources; conflicts flagged.

    --from/--to are the event's date: an entry of a month or a year is in when any of its
    days is.

    Example: syriacli timeline --from 2015-08 --to 2015-09 --near Palmyra --km 50
    """
    from . import queries

    fmt = render.default_format(fmt)
    with _open(db) as conn:
        missed = _unmatched(conn, "entries", {"--publisher": publisher, "--about": about})
        args = _timeline_args(conn, (date_from, date_to, publisher, None if missed else about,
                                     limit), match, near, km, background=all_ or fmt != "table",
                              conflicts=conflicts, precision=precision)
        filters = args[1]
        table = None
        if fmt == "table":
            from .views import timeline_view

            def table(entries):
                timeline_view(entries, quotes)

        if quotes and fmt in render.TEXT_FORMATS:
            _say(f"Note: --quotes is for the table: {fmt} gives an entry a line without its"
                 " sources' sentences; --format json or jsonl has them (mentions)")
        listing = queries.no_rows(queries.TIMELINE_COLUMNS) if missed else \
            queries.timeline_listing(*args)
        if not render.write_listing(listing, fmt, table=table) and not missed:
            _say("No entries match these filters")
        hidden = 0 if filters.background or missed else queries.background_count(*args)
        if hidden:
            _say(f"{hidden} background entr{'y' if hidden == 1 else 'ies'} left out"
                 f" ('since 2011'); --all shows {'it' if hidden == 1 else 'them'}")


@app.command()
def export(
    format_: Annotated[
        str,
        typer.Argument(metavar="FORMAT", help="acled (CSV), timelinejs (TimelineJS3 JSON) or"
                       " geojson (a FeatureCollection).", callback=_export_format,
                       autocompletion=lambda incomplete: _offer(EXPORT_FORMATS, incomplete)),
    ],
    db: DbOpt = None,
    limit: LimitOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    publisher: PublisherOpt = None,
    about: AboutOpt = None,
    match: MatchOpt = None,
    near: NearOpt = None,
    km: KmOpt = DEFAULT_KM,
    all_: AllOpt = False,
    conflicts: ConflictsOpt = False,
    precision: PrecisionOpt = None,
):
    """The timeline as ACLED CSV, TimelineJS or GeoJSON, to stdout.

    Takes the filters of `timeline` (--limit counts timeline entries); background
    entries ('since 2011') only with --all.

    Example: syriacli export acled --near Palmyra > palmyra.csv
    """
    from . import export as formats
    from . import queries

    with _open(db) as conn:
        args = _timeline_args(conn, (date_from, date_to, publisher, about, limit), match,
                              near, km, background=all_, conflicts=conflicts,
                              precision=precision)
        if format_ == "timelinejs":
            render.write_document(formats.timelinejs(queries.timeline(*args),
                                                     "Russia's campaign in Syria: syriacli"))
        elif format_ == "geojson":
            render.write_document([
                ("type", "FeatureCollection"),
                ("features", formats.geojson(queries.timeline_events(*args),
                                             queries.place_index(conn),
                                             queries.claim_places(conn, args[1]))),
            ])
        else:
            events = list(queries.timeline_events(*args))
            articles = sorted({e["article"] for e in events})
            claims = queries.sentence_claims(conn, articles, formats.coding()["fatality_metrics"])
            skipped: dict[str, set] = {}
            render.write_rows(
                formats.acled_rows(events, queries.place_index(conn), queries.place_admin(conn),
                                   queries.sentence_parts(conn, articles), claims, skipped),
                formats.ACLED_COLUMNS, "csv")
            for line in formats.skipped_lines(skipped):
                _say(line)


def _export_format(value: str) -> str:
    if value.lower() not in EXPORT_FORMATS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(EXPORT_FORMATS)}")
    return value.lower()


@app.command()
def figures(
    metric: Annotated[
        str | None,
        typer.Argument(
            help="What is counted, any synonym: sorties, civilians, troops…",
            autocompletion=_complete_metrics,
        ),
    ] = None,
    db: DbOpt = None,
    fmt: FormatOpt = None,
    limit: LimitOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    publisher: PublisherOpt = None,
    about: AboutOpt = None,
    claimant: Annotated[
        str | None,
        typer.Option("--claimant", "-c", help="Only claims attributed to this (substring)."),
    ] = None,
    quotes: Annotated[
        bool, typer.Option("--quotes", "-q", help="Show each claim's sentence (json, csv and"
                           " tsv always have it: the quote column).")
    ] = False,
    by_claimant: Annotated[
        bool,
        typer.Option("--by-claimant", help="Group claims by claimant instead of newest first"
                     " (in every format)."),
    ] = False,
    summary: Annotated[
        bool,
        typer.Option("--summary", help="The metrics with their number of claims and value range."),
    ] = False,
    chart: Annotated[
        bool,
        typer.Option("--chart", help="Draw the claims over time: a letter a claimant, the"
                     " qualifier before it, a legend with each claim's source."),
    ] = False,
):
    """Reported figures as attributed claims, compared per source.

    Without METRIC a terminal gets the metrics of the corpus; other formats list every claim.
    --from/--to are the date a claim is about (its as_of: "by March" counts in March),
    else the day it was published.
    Example: syriacli figures sorties --quotes   (or --chart)
    """
    from . import queries
    from .extract.metrics import metrics_for

    if chart and fmt not in (None, "table"):
        raise typer.BadParameter("--chart draws on a terminal: leave out --format, or use"
                                 " --format table", param_hint="--chart")
    fmt = "table" if chart else render.default_format(fmt)
    with _open(db) as conn:
        if summary or (metric is None and fmt == "table" and not chart):
            from .views import metrics_view

            render.write_rows(
                queries.figure_metrics(conn),
                ["metric", "claims", "articles", "min", "max", "units"],
                fmt,
                table=metrics_view,
            )
            return
        missed = _unmatched(conn, "claims", {"METRIC": metric, "--publisher": publisher,
                                             "--about": about, "--claimant": claimant})
        metrics = metrics_for(metric, queries.metric_names(conn)) if metric and not missed \
            else None
        from dataclasses import replace

        args = (
            conn,
            metrics,
            replace(_filters(conn, date_from, date_to, publisher, None if missed else about,
                             limit), by_claimant=by_claimant),
            claimant,
        )
        table = None
        if fmt == "table":
            from .views import chart_view, figures_view

            def table(claims):
                if chart:
                    chart_view(claims)
                else:
                    figures_view(claims, quotes, by_claimant)

        listing = queries.no_rows(queries.FIGURE_COLUMNS) if missed else \
            queries.figures_listing(*args)
        if not render.write_listing(listing, fmt, table=table) and not missed:
            _say("No claims match these filters")


@app.command()
def names(
    name: Annotated[
        str | None,
        typer.Argument(help="One name, any spelling: show its card.",
                       autocompletion=_complete_names),
    ] = None,
    type_: Annotated[
        str | None,
        typer.Option(
            "--type",
            "-t",
            help="Only names of this type: person, place, country, base, armed group,"
            " state body, NGO/monitor, weapon system.",
            callback=_one_of(_name_types),
            autocompletion=_complete_types,
        ),
    ] = None,
    db: DbOpt = None,
    fmt: FormatOpt = None,
):
    """The people, places and groups of the corpus, or one name's card.

    Example: syriacli names --type person
    """
    from . import queries
    from .views import name_card_view

    with _open(db) as conn:
        if name is None:
            render.write_rows(
                queries.names(conn, type_),
                [
                    "name",
                    "type",
                    "articles",
                    "mentions",
                    "spellings",
                    "role",
                    "org",
                    "first",
                    "last",
                    "lat",
                    "lon",
                    "geo_precision",
                ],
                render.default_format(fmt),
            )
            return
        card = queries.name_card(conn, _about_key(conn, name))
    name_card_view(card, render.default_format(fmt))


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8001,
):
    """Browse the corpus in a web browser (Datasette, the web extra).

    Search ranked by relevance, the timeline, claims, name cards and events on a map.
    Example: syriacli serve --port 8001
    """
    from . import serve as web
    from .corpus import default_db, ensure

    if web.missing_extra():
        _err(f"syriacli serve needs Datasette: {web.INSTALL}")
    problem = web.cannot_listen(host, port)
    if problem:
        _err(problem)
    path = ensure(db or default_db(), _say)
    _say(f"serving {path} at http://{host}:{port}/ (Ctrl-C stops)")
    web.run(path, host, port)


def main() -> None:
    """Console entry point: user errors are one line on stderr; `| head` ends quietly."""
    if "_SYRIACLI_COMPLETE" in os.environ:
        _completion_shells()
    signal.signal(signal.SIGTERM, _terminated)
    sys.argv[1:] = _global_options_first(sys.argv[1:])
    _only_the_command_run([a for a in sys.argv[1:] if a != "--no-pager"][:1])
    _refuse_undecodable(sys.argv[1:])
    try:
        app(prog_name="syriacli", standalone_mode=True)
    except BrokenPipeError:
        _quiet_pipe()


def _terminated(signum, frame) -> None:
    raise Terminated


def _global_options_first(args: list[str]) -> list[str]:
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


def _refuse_undecodable(args: list[str]) -> None:
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


def _only_the_command_run(first: list[str]) -> None:
    """Register only the command being run: Typer builds every registered command's
    parser on each call (~20 ms for all of them, a sixth of a search)."""
    if not first or any(k.endswith("_COMPLETE") for k in os.environ):
        return
    run = [c for c in app.registered_commands if _command_name(c) == first[0]]
    if not run:  # --help, or a typo Typer should answer with every name
        return
    app.registered_commands = run  # _root is the callback: one command still needs its name


def _quiet_pipe() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)


#: What SQLite says of a damaged file (a bad disk, a copy cut short, a page overwritten).
DAMAGED = re.compile(r"malformed|not a database|disk I/O error")


def _run_with_errors(func):
    """Wrap a command so SyriacliError becomes one line on stderr."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with render.paging(_pager["enabled"]):
                result = func(*args, **kwargs)
            sys.stdout.flush()    # a closed pipe shows here, not in Click (which exits 1)
            return result
        except SyriacliError as exc:
            _err(str(exc), exc.exit_code)
        except sqlite3.DatabaseError as exc:
            if not DAMAGED.search(str(exc)):
                raise
            _err(f"the corpus is damaged ({exc}): rebuild it with `syriacli build --full`", 1)
        except PermissionError as exc:   # --db in a folder the user cannot enter or read
            _err(f"permission denied: {exc.filename or exc}: check the rights of the file"
                 " and of each folder on its way, or pass --db for another corpus")
        except Terminated:
            _err("terminated; the corpus is unchanged", 143)
        except KeyboardInterrupt:
            _err("interrupted; the corpus is unchanged", 130)
        except BrokenPipeError:
            _quiet_pipe()

    return wrapper


for _command in app.registered_commands:
    _command.callback = _run_with_errors(_command.callback)
