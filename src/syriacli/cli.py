"""The command line: parse arguments, call one library function, pick a renderer."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import render
from .errors import SyriacliError

if TYPE_CHECKING:
    from collections.abc import Callable

    from typer.models import CommandInfo

app = typer.Typer(
    help="Explore news articles about Russia's military campaign in Syria:"
    " search, timeline, figures, names.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _name_type(value: str | None) -> str | None:
    """A --type value as the vocabulary spells it; an unknown one is refused with the list."""
    if value is None:
        return None
    from .extract.names import TYPES

    for known in TYPES:
        if known.lower() == value.strip().lower():
            return known
    raise typer.BadParameter(f"{value!r} is not a type; use one of: {', '.join(TYPES)}")


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        print(f"syriacli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
) -> None:
    """Explore news articles about Russia's military campaign in Syria: search, timeline,
    figures, names."""

FORMAT_HELP = (
    "Output format: table (a terminal's default), json, jsonl, csv, tsv (a pipe's default)."
)
DATE_FORMS = "2015, 2015-08, 2015-08-30, 'Aug 2015', 'August 2015' or '30 Aug 2015'"


def _complete_publishers(incomplete: str):
    try:
        from . import queries, store
        from .corpus import default_db

        with store.open_corpus(default_db()) as conn:
            return [p for p in queries.publishers(conn) if p.lower().startswith(incomplete.lower())]
    except Exception:  # completion must never print a traceback into the shell
        return []


def _complete_metrics(incomplete: str):
    """The metrics the corpus holds claims for (falling back to the taxonomy)."""
    try:
        from . import queries, store
        from .corpus import default_db

        with store.open_corpus(default_db()) as conn:
            names = [row["metric"] for row in queries.figure_metrics(conn)]
    except Exception:  # no corpus yet
        from .extract.metrics import metric_names

        names = metric_names()
    return [m for m in names if m.startswith(incomplete.lower())]


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
    typer.Option("--format", "-f", help=FORMAT_HELP, callback=_check_format, show_default=False),
]
#: The largest --limit (SQLite's integers end at 2**63 - 1; no corpus has more rows).
MAX_LIMIT = 10**12
LimitOpt = Annotated[
    int | None,
    typer.Option("--limit", "-n", min=1, max=MAX_LIMIT, help="At most this many rows."),
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
    typer.Option("--about", help="Only what names this place, person or group, any spelling."),
]


NearOpt = Annotated[
    str | None,
    typer.Option("--near", help="Only what names a place within --km of this place, any"
                 " spelling (Palmyra, Hmeimim…)."),
]
#: How far `--near` reaches without --km.
DEFAULT_KM = 50.0
KmOpt = Annotated[
    float, typer.Option("--km", min=0, max=20_100, help="How far --near reaches, in km.")
]


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
            " removing the articles that folder lacks.",
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
    from . import __version__, store
    from .corpus import locate_db, raw_dir_for
    from .views import info_view

    db_path, rule = locate_db(db)
    row = {"corpus": str(db_path), "chosen_by": rule, "exists": db_path.exists()}
    facts = store.corpus_facts(db_path) if db_path.exists() else {}
    raw = raw_dir_for(db_path)
    row.update({"raw_dir": facts.pop("raw_dir", None) or (str(raw) if raw else None),
                **facts, "schema_expected": store.SCHEMA_VERSION, "version": __version__})
    if facts:
        from .survey import extractor_digest

        # a query rebuilds it first (another schema, or extraction code or data changed)
        row["stale"] = (facts["schema"] != store.SCHEMA_VERSION
                        or facts["extractor"] != extractor_digest())
    if db_path.exists():
        from datetime import datetime, timezone

        built = datetime.fromtimestamp(db_path.stat().st_mtime, timezone.utc)
        row["built"] = built.isoformat(timespec="seconds")
    render.write_rows([row], list(row), render.default_format(fmt), table=info_view)


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help='Words, "a phrase", prefix*, OR, NOT; names match every spelling.')
    ],
    db: DbOpt = None,
    fmt: FormatOpt = None,
    limit: LimitOpt = 20,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    publisher: PublisherOpt = None,
    about: AboutOpt = None,
):
    """Full-text search of the articles, best match first.

    Example: syriacli search "Palmyra" --from 2016
    """
    from . import queries
    from .fts import name_expander, translate

    with _open(db) as conn:
        fts_query = translate(query, name_expander(lambda phrase: queries.known_name(conn, phrase)))
        rows = queries.search(
            conn, fts_query, _filters(conn, date_from, date_to, publisher, about, limit)
        )
        fmt = render.default_format(fmt)
        table: Callable[[list[dict]], None] | None = None
        if fmt == "table":  # views (and Rich) only for a terminal's table
            from .views import search_table as table
        count = render.write_rows(
            rows,
            ["article", "title", "publisher", "published", "score", "snippet"],
            fmt,
            table=table,
        )
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
            help="Only the articles without a publication date (their relative dates stay"
            " unresolved until a manifest row gives one).",
        ),
    ] = False,
):
    """List the articles of the corpus.

    Example: syriacli articles --publisher RT
    """
    from dataclasses import replace

    from . import queries

    with _open(db) as conn:
        filters = _filters(conn, date_from, date_to, publisher, about, limit)
        rows = queries.articles(conn, replace(filters, undated=undated))
        render.write_rows(
            rows,
            ["article", "published", "publisher", "title", "words", "published_from", "url",
             "reprint_of"],
            render.default_format(fmt),
        )


@app.command()
def show(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="Article id (the file name without .txt).")
    ],
    db: DbOpt = None,
    annotate: Annotated[
        bool, typer.Option("--annotate", "-a", help="Mark each date, figure and name in the text.")
    ] = False,
    fmt: FormatOpt = None,
):
    """Print one clean article (--annotate marks what was found).

    Example: syriacli show 003_5c8489880ca76ab4 --annotate
    """
    from . import queries
    from .views import show_article

    with _open(db) as conn:
        found = queries.article(conn, article_id)
    if found is None:
        _err(f"no article {article_id!r}; `syriacli articles` lists them")
    show_article(found, annotate, fmt)


@app.command()
def timeline(
    db: DbOpt = None,
    fmt: FormatOpt = None,
    limit: LimitOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    publisher: PublisherOpt = None,
    about: AboutOpt = None,
    match: Annotated[
        str | None,
        typer.Option("--match", "-m", help="Only events whose text matches these words."),
    ] = None,
    quotes: Annotated[
        bool, typer.Option("--quotes", "-q", help="Show each source's sentence.")
    ] = False,
    near: NearOpt = None,
    km: KmOpt = DEFAULT_KM,
):
    """What happened when, merged across sources; conflicts flagged.

    Example: syriacli timeline --from 2015-08 --to 2015-09 --near Palmyra --km 50
    """
    from . import queries
    from .fts import translate

    fmt = render.default_format(fmt)
    with _open(db) as conn:
        filters = _near(conn, _filters(conn, date_from, date_to, publisher, about, limit),
                        near, km)
        args = (
            conn,
            filters,
            translate(match) if match else None,
            queries.name_of(conn, filters.about),
        )
        if fmt == "table":
            from .views import timeline_view

            render.write_rows(
                queries.timeline(*args),
                queries.TIMELINE_COLUMNS,
                fmt,
                table=lambda entries: timeline_view(entries, quotes),
            )
        elif fmt == "tsv":
            render.write_lines(queries.timeline_lines(*args), queries.FLAT_TIMELINE_COLUMNS)
        else:
            flat = fmt in render.TEXT_FORMATS
            render.write_tuples(
                queries.timeline_rows(*args, flat=render.list_text(fmt) if flat else None),
                queries.FLAT_TIMELINE_COLUMNS if flat else queries.TIMELINE_COLUMNS,
                fmt,
            )


@app.command()
def export(
    format_: Annotated[
        str,
        typer.Argument(metavar="FORMAT", help="acled (CSV), timelinejs (TimelineJS3 JSON) or"
                       " geojson (a FeatureCollection).", callback=_export_format),
    ],
    db: DbOpt = None,
    limit: LimitOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    publisher: PublisherOpt = None,
    about: AboutOpt = None,
    match: Annotated[
        str | None,
        typer.Option("--match", "-m", help="Only events whose text matches these words."),
    ] = None,
    near: NearOpt = None,
    km: KmOpt = DEFAULT_KM,
):
    """The timeline as ACLED-style CSV, TimelineJS3 or GeoJSON, to stdout.

    Takes the filters of `timeline` (--limit counts timeline entries).
    Example: syriacli export acled --near Palmyra > palmyra.csv
    """
    from . import export as formats
    from . import queries
    from .fts import translate

    with _open(db) as conn:
        filters = _near(conn, _filters(conn, date_from, date_to, publisher, about, limit),
                        near, km)
        args = (conn, filters, translate(match) if match else None,
                queries.name_of(conn, filters.about))
        located = queries.place_index(conn)
        if format_ == "timelinejs":
            render.write_document(formats.timelinejs(queries.timeline(*args),
                                                     "Russia's campaign in Syria: syriacli"))
        elif format_ == "geojson":
            render.write_document([
                ("type", "FeatureCollection"),
                ("features", formats.geojson(queries.timeline_events(*args), located,
                                             queries.claim_places(conn, filters))),
            ])
        else:
            events = list(queries.timeline_events(*args))
            claims = queries.sentence_claims(conn, sorted({e["article"] for e in events}),
                                             formats.coding()["fatality_metrics"])
            render.write_rows(
                formats.acled_rows(events, located, queries.name_types(conn), claims),
                formats.ACLED_COLUMNS, "csv")


def _export_format(value: str) -> str:
    from .export import FORMATS

    if value.lower() not in FORMATS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(FORMATS)}")
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
        bool, typer.Option("--quotes", "-q", help="Show each claim's sentence.")
    ] = False,
    by_claimant: Annotated[
        bool,
        typer.Option("--by-claimant", help="Group claims by claimant instead of newest first."),
    ] = False,
    summary: Annotated[
        bool,
        typer.Option("--summary", help="The metrics with their number of claims and value range."),
    ] = False,
):
    """Reported figures as attributed claims, compared per source.

    Without METRIC a terminal gets the metrics of the corpus; other formats list every claim.
    Example: syriacli figures sorties --quotes
    """
    from . import queries
    from .extract.metrics import metrics_for

    fmt = render.default_format(fmt)
    with _open(db) as conn:
        if summary or (metric is None and fmt == "table"):
            from .views import metrics_view

            render.write_rows(
                queries.figure_metrics(conn),
                ["metric", "claims", "articles", "min", "max", "units"],
                fmt,
                table=metrics_view,
            )
            return
        metrics = metrics_for(metric, queries.metric_names(conn)) if metric else None
        if metric and not metrics:
            _err(f"no metric matches {metric!r}; `syriacli figures --summary` lists them")
        args = (
            conn,
            metrics,
            _filters(conn, date_from, date_to, publisher, about, limit),
            claimant,
        )
        if fmt == "table":
            from .views import figures_view

            render.write_rows(
                queries.figures(*args),
                queries.FIGURE_COLUMNS,
                fmt,
                table=lambda claims: figures_view(claims, quotes, by_claimant),
            )
        elif fmt == "tsv":
            render.write_lines(queries.figure_lines(*args), queries.FIGURE_COLUMNS)
        else:
            render.write_tuples(
                queries.figure_rows(*args, text=fmt == "csv"), queries.FIGURE_COLUMNS, fmt
            )


@app.command()
def names(
    name: Annotated[
        str | None, typer.Argument(help="One name, any spelling: show its card.")
    ] = None,
    type_: Annotated[
        str | None,
        typer.Option(
            "--type",
            "-t",
            help="Only names of this type: person, place, country, base, armed group,"
            " state body, NGO/monitor, weapon system.",
            callback=_name_type,
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
    """Browse the corpus in a web browser (Datasette; needs the web extra).

    Search ranked by relevance, the timeline, claims, name cards and events on a map.
    Example: syriacli serve --port 8001
    """
    from . import serve as web
    from .corpus import default_db, ensure

    if web.missing_extra():
        _err(f"syriacli serve needs Datasette: {web.INSTALL}")
    path = ensure(db or default_db(), _say)
    _say(f"serving {path} at http://{host}:{port}/ (Ctrl-C stops)")
    web.run(path, host, port)


def main() -> None:
    """Console entry point: user errors are one line on stderr; `| head` ends quietly."""
    _only_the_command_run(sys.argv[1:2])
    _refuse_undecodable(sys.argv[1:])
    try:
        app(prog_name="syriacli", standalone_mode=True)
    except BrokenPipeError:
        _quiet_pipe()


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


def _run_with_errors(func):
    """Wrap a command so SyriacliError becomes one line on stderr."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except SyriacliError as exc:
            _err(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _err("interrupted; the corpus is unchanged", 130)
        except BrokenPipeError:
            _quiet_pipe()

    return wrapper


for _command in app.registered_commands:
    _command.callback = _run_with_errors(_command.callback)
