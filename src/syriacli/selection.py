"""What a command's filters select, read against the corpus: a name to its key, --near to
the places around one, the filters of the timeline and its exports, the nearest values of a
filter that matches nothing, the values tab completion offers. The CLI parses the options
and hands them here; the SQL stays in :mod:`syriacli.queries`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from . import queries
from .errors import BadOption, SyriacliError
from .fts import Query, parse
from .listing import Listing
from .places import near as places_near
from .queries import Filters


def about_key(conn: sqlite3.Connection, about: str) -> str:
    """The key of the name ``about`` (any spelling), or an error naming the fix."""
    key = queries.known_key(conn, about)
    if key is None:
        raise SyriacliError(f"no name {about!r} in the corpus; `syriacli names` lists them")
    return key


def filters(conn: sqlite3.Connection, date_from: str | None = None, date_to: str | None = None,
            publisher: str | None = None, about: str | None = None,
            limit: int | None = None) -> Filters:
    """The filters every listing shares, --about read as its name's key."""
    if date_from and date_to and date_from > date_to:
        raise BadOption(f"--from {date_from} is after --to {date_to}: the range is empty")
    key = about_key(conn, about) if about else None
    return Filters(date_from=date_from, date_to=date_to, publisher=publisher, about=key,
                   limit=limit)


def near(conn: sqlite3.Connection, found: Filters, place: str | None, km: float) -> Filters:
    """``found`` narrowed to the places within ``km`` of ``place`` (--near)."""
    if place is None:
        return found
    centre = queries.place_called(conn, place)
    if centre is None or centre["lat"] is None:
        raise BadOption(f"{place!r} is not a place with coordinates;"
                        " `syriacli names --type place` lists them", option="--near")
    return replace(found, near=tuple(places_near(queries.place_index(conn), centre, km)))


#: What the timeline's queries take: (conn, filters, parsed --match, the --about name).
TimelineArgs = tuple[sqlite3.Connection, Filters, Query | None, str | None]


def timeline_args(conn: sqlite3.Connection, shared: tuple, match: str | None,
                  place: str | None, km: float, say: Callable[[str], None],
                  **timeline_filters) -> TimelineArgs:
    """What `timeline` and `export` query with: the shared filters (date_from, date_to,
    publisher, about, limit), --near, the timeline's own filters; how --match was read
    said through ``say``."""
    found = replace(near(conn, filters(conn, *shared), place, km), **timeline_filters)
    parsed = parse(match) if match else None
    for note in parsed.notes if parsed else ():
        say(f"Note: {note}")
    return conn, found, parsed, queries.name_of(conn, found.about)


def unmatched_notes(conn: sqlite3.Connection, noun: str,
                    given: dict[str, str | None]) -> list[str]:
    """A line for each filter that matches nothing, with the nearest values that exist."""
    return [f"No {noun}: {option} {given[option]!r} matches nothing in the corpus;"
            f" nearest: {', '.join(nearest) or 'none'}"
            for option, nearest in queries.unmatched(conn, given)]


def search_query(conn: sqlite3.Connection, query: str, say: Callable[[str], None]) -> Query:
    """``query`` parsed, its names matching every spelling; how it was read said."""
    from .fts import name_expander

    parsed = parse(query, name_expander(lambda phrase: queries.known_name(conn, phrase)))
    for note in parsed.notes:
        say(f"Note: {note}")
    return parsed


def checked_filters(conn: sqlite3.Connection, noun: str, shared: tuple,
                    say: Callable[[str], None]) -> Filters | None:
    """The shared filters (date_from, date_to, publisher, about, limit), or None when
    --publisher or --about matches nothing in the corpus (the nearest values said), as
    `timeline` and `figures` answer it: no rows, exit 0."""
    _, _, publisher, about, _ = shared
    if _say_misses(conn, noun, {"--publisher": publisher, "--about": about}, say):
        return None
    return filters(conn, *shared)


def _say_misses(conn: sqlite3.Connection, noun: str, given: dict[str, str | None],
                say: Callable[[str], None]) -> bool:
    notes = unmatched_notes(conn, noun, given)
    for note in notes:
        say(note)
    return bool(notes)


@dataclass
class TimelineSelection:
    """What `timeline` lists: the query's arguments, or nothing when a filter matched
    nothing (the nearest values said)."""

    args: TimelineArgs
    missed: bool

    def listing(self) -> Listing:
        if self.missed:
            return queries.no_rows(queries.TIMELINE_COLUMNS)
        return queries.timeline_listing(*self.args)

    def hidden(self) -> int:
        """How many background entries the listing leaves out."""
        if self.args[1].background or self.missed:
            return 0
        return queries.background_count(*self.args)


def timeline(conn: sqlite3.Connection, shared: tuple, match: str | None, place: str | None,
             km: float, say: Callable[[str], None], **timeline_filters) -> TimelineSelection:
    """The timeline's selection from the shared filters (date_from, date_to, publisher,
    about, limit), --match, --near and its own filters; a filter matching nothing said."""
    date_from, date_to, publisher, about, limit = shared
    missed = _say_misses(conn, "entries", {"--publisher": publisher, "--about": about}, say)
    args = timeline_args(conn, (date_from, date_to, publisher, None if missed else about,
                                limit), match, place, km, say, **timeline_filters)
    return TimelineSelection(args, missed)


def figures(conn: sqlite3.Connection, metric: str | None, shared: tuple, claimant: str | None,
            by_claimant: bool, say: Callable[[str], None]) -> tuple[Listing, bool]:
    """The claims of ``metric`` (any synonym) under the shared filters (date_from, date_to,
    publisher, about, limit), and whether a filter matched nothing (the nearest values
    said; no claims then)."""
    from .extract.metrics import metrics_for

    date_from, date_to, publisher, about, limit = shared
    missed = _say_misses(conn, "claims", {"METRIC": metric, "--publisher": publisher,
                                          "--about": about, "--claimant": claimant}, say)
    metrics = metrics_for(metric, queries.metric_names(conn)) if metric and not missed \
        else None
    found = replace(filters(conn, date_from, date_to, publisher, None if missed else about,
                            limit), by_claimant=by_claimant)
    if missed:
        return queries.no_rows(queries.FIGURE_COLUMNS), True
    return queries.figures_listing(conn, metrics, found, claimant), False


def export_document(format_: str, args: TimelineArgs) -> Iterator[tuple[str, object]] | list:
    """The timeline as a TimelineJS or GeoJSON document (pairs of a JSON object)."""
    from . import export

    conn, found = args[0], args[1]
    if format_ == "timelinejs":
        return export.timelinejs(queries.timeline(*args), "Russia's campaign in Syria: syriacli")
    return [("type", "FeatureCollection"),
            ("features", export.geojson(queries.timeline_events(*args),
                                        queries.place_index(conn),
                                        queries.claim_places(conn, found)))]


def acled_export(args: TimelineArgs, skipped: dict[str, set]) -> Iterator[dict]:
    """The timeline's events as ACLED rows; what each left out is added to ``skipped``
    as the rows are written (:func:`syriacli.export.skipped_lines` says it)."""
    from . import export

    conn = args[0]
    events = list(queries.timeline_events(*args))
    articles = sorted({e["article"] for e in events})
    claims = queries.sentence_claims(conn, articles, export.coding()["fatality_metrics"])
    return export.acled_rows(events, queries.place_index(conn), queries.place_admin(conn),
                             queries.sentence_parts(conn, articles), claims, skipped)


def _names_and_spellings(conn: sqlite3.Connection) -> Iterator[str]:
    for row in queries.names(conn, None):
        yield row["name"]
        yield from (row["spellings"] or "").split(", ")


#: What completion offers for each argument, read from an open corpus.
_COMPLETION_READERS: dict[str, Callable[[sqlite3.Connection], Iterable[str]]] = {
    "--publisher": queries.publishers,
    "METRIC": lambda conn: [r["metric"] for r in queries.figure_metrics(conn)],
    "NAME": _names_and_spellings,
    "ID": lambda conn: [r["article"] for r in queries.articles(conn, Filters())],
}


def completion_values(argument: str, db: str | Path | None) -> list[str]:
    """The values of ``argument`` (a key of the readers above) in the corpus ``db`` names,
    else $SYRIACLI_DB's, else the default; nothing when there is none: completion never
    prints a traceback into the shell. METRIC falls back to the taxonomy's names."""
    from .corpus import locate_db
    from .store import open_corpus

    try:
        with open_corpus(locate_db(Path(db) if db else None)[0]) as conn:
            found = list(_COMPLETION_READERS[argument](conn))
    except Exception:
        found = []
    if not found and argument == "METRIC":
        from .extract.metrics import metric_names

        found = list(metric_names())
    return found
