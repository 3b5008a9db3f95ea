"""The commands that hand the corpus to other tools: export (ACLED, TimelineJS, GeoJSON)
and serve (Datasette)."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import render
from .completion import of
from .options import (
    DEFAULT_KM,
    AboutOpt,
    AllOpt,
    ConflictsOpt,
    DbOpt,
    FromOpt,
    KmOpt,
    LimitOpt,
    MatchOpt,
    NearOpt,
    PrecisionOpt,
    PublisherOpt,
    ToOpt,
)
from .run import err, open_db, say

#: `syriacli export`'s formats (export.FORMATS, here so that --help need not import it).
EXPORT_FORMATS = ("acled", "timelinejs", "geojson")


def _export_format(value: str) -> str:
    if value.lower() not in EXPORT_FORMATS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(EXPORT_FORMATS)}")
    return value.lower()


def export(
    format_: Annotated[
        str,
        typer.Argument(metavar="FORMAT", help="acled (CSV), timelinejs (TimelineJS3 JSON) or"
                       " geojson (a FeatureCollection).", callback=_export_format,
                       autocompletion=of(lambda: EXPORT_FORMATS)),
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
    from .. import selection
    from ..export import ACLED_COLUMNS, skipped_lines

    with open_db(db) as conn:
        args = selection.timeline_args(conn, (date_from, date_to, publisher, about, limit),
                                       match, near, km, say, background=all_,
                                       conflicts=conflicts, precision=precision)
        if format_ != "acled":
            render.write_document(selection.export_document(format_, args))
            return
        skipped: dict[str, set] = {}
        render.write_rows(selection.acled_export(args, skipped), ACLED_COLUMNS, "csv")
        for line in skipped_lines(skipped):
            say(line)


def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8001,
):
    """Browse the corpus in a web browser (Datasette, the web extra).

    Search ranked by relevance, the timeline, claims, name cards and events on a map.
    Example: syriacli serve --port 8001
    """
    from .. import serve as web
    from ..corpus import default_db, ensure

    if web.missing_extra():
        err(f"syriacli serve needs Datasette: {web.INSTALL}")
    problem = web.cannot_listen(host, port)
    if problem:
        err(problem)
    path = ensure(db or default_db(), say)
    say(f"serving {path} at http://{host}:{port}/ (Ctrl-C stops)")
    web.run(path, host, port)
