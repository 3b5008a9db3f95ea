"""The commands that read the corpus: search, timeline, figures, names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from .. import render
from .completion import from_corpus, of
from .options import (
    DEFAULT_KM,
    MAX_LIMIT,
    AboutOpt,
    AllOpt,
    ConflictsOpt,
    DbOpt,
    FormatOpt,
    FromOpt,
    KmOpt,
    LimitOpt,
    MatchOpt,
    NearOpt,
    PrecisionOpt,
    PublisherOpt,
    ToOpt,
    name_types,
    one_of,
)
from .run import open_db, say

#: How many hits a terminal's search table shows unless --limit says otherwise.
SEARCH_PAGE = 20
QUERY_HELP = (
    'Words (all must be there), "a phrase", prefix*, OR between alternatives (in'
    " capitals), -word or NOT word to leave out (alone too: NOT Palmyra is every article"
    " without it), (parentheses); names match every spelling."
)


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
    from .. import queries, selection

    fmt = render.default_format(fmt)
    page = limit is None and fmt == "table"
    with open_db(db) as conn:
        parsed = selection.search_query(conn, query, say)
        filters = selection.checked_filters(
            conn, "articles", (date_from, date_to, publisher, about,
                               SEARCH_PAGE if page else limit), say)
        table: Callable[[list[dict]], None] | None = None
        if fmt == "table":  # views (and Rich) only for a terminal's table
            from ..views import search_table as table
        hits = queries.search(conn, parsed, filters) if filters else iter(())
        count = render.write_rows(hits, queries.HIT_COLUMNS, fmt, table=table, marks=True)
        if filters and page and count == SEARCH_PAGE:
            total = queries.search_count(conn, parsed, filters)
            if total > count:
                say(f"showing the best {count} of {total} articles; --limit 0 shows them all"
                    " (a pipe or --format json gets them all)")
    if count == 0 and filters:
        say(f"no articles match {query!r}")


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
    from .. import selection

    fmt = render.default_format(fmt)
    with open_db(db) as conn:
        chosen = selection.timeline(conn, (date_from, date_to, publisher, about, limit), match,
                                    near, km, say, background=all_ or fmt != "table",
                                    conflicts=conflicts, precision=precision)
        if quotes and fmt in render.TEXT_FORMATS:
            say(f"Note: --quotes is for the table: {fmt} gives an entry a line without its"
                " sources' sentences; --format json or jsonl has them (mentions)")
        if not render.write_listing(chosen.listing(), fmt, table=_timeline_table(fmt, quotes)) \
                and not chosen.missed:
            say("No entries match these filters")
        hidden = chosen.hidden()
        if hidden:
            say(f"{hidden} background entr{'y' if hidden == 1 else 'ies'} left out"
                f" ('since 2011'); --all shows {'it' if hidden == 1 else 'them'}")


def _timeline_table(fmt: str, quotes: bool) -> Callable[[list], None] | None:
    """The terminal's view of the timeline (Rich only for a table)."""
    if fmt != "table":
        return None
    from ..views import timeline_view

    return lambda entries: timeline_view(entries, quotes)


def figures(
    metric: Annotated[
        str | None,
        typer.Argument(help="What is counted, any synonym: sorties, civilians, troops…",
                       autocompletion=from_corpus("METRIC")),
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
    from .. import selection

    if chart and fmt not in (None, "table"):
        raise typer.BadParameter("--chart draws on a terminal: leave out --format, or use"
                                 " --format table", param_hint="--chart")
    fmt = "table" if chart else render.default_format(fmt)
    with open_db(db) as conn:
        if summary or (metric is None and fmt == "table" and not chart):
            _write_metrics(conn, fmt)
            return
        listing, missed = selection.figures(conn, metric, (date_from, date_to, publisher, about,
                                                            limit), claimant, by_claimant, say)
        table = _figures_table(fmt, chart, quotes, by_claimant)
        if not render.write_listing(listing, fmt, table=table) and not missed:
            say("No claims match these filters")


def _write_metrics(conn, fmt: str) -> None:
    """The metrics of the corpus with their number of claims and value range."""
    from .. import queries
    from ..views import metrics_view

    render.write_rows(queries.figure_metrics(conn), queries.METRIC_COLUMNS, fmt,
                      table=metrics_view)


def _figures_table(fmt: str, chart: bool, quotes: bool,
                   by_claimant: bool) -> Callable[[list], None] | None:
    """The terminal's view of the claims: the chart, or the table (Rich only for them)."""
    if fmt != "table":
        return None
    from ..views import chart_view, figures_view

    if chart:
        return chart_view
    return lambda claims: figures_view(claims, quotes, by_claimant)


def names(
    name: Annotated[
        str | None,
        typer.Argument(help="One name, any spelling: show its card.",
                       autocompletion=from_corpus("NAME")),
    ] = None,
    type_: Annotated[
        str | None,
        typer.Option(
            "--type",
            "-t",
            help="Only names of this type: person, place, country, base, armed group,"
            " state body, NGO/monitor, weapon system.",
            callback=one_of(name_types),
            autocompletion=of(name_types),
        ),
    ] = None,
    db: DbOpt = None,
    fmt: FormatOpt = None,
):
    """The people, places and groups of the corpus, or one name's card.

    Example: syriacli names --type person
    """
    from .. import queries
    from ..selection import about_key
    from ..views import name_card_view

    with open_db(db) as conn:
        if name is None:
            render.write_rows(queries.names(conn, type_), queries.NAME_COLUMNS,
                              render.default_format(fmt))
            return
        card = queries.name_card(conn, about_key(conn, name))
    name_card_view(card, render.default_format(fmt))
