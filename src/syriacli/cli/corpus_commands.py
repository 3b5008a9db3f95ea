"""The commands about the corpus itself: build it, say where it is, list and show its
articles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import render
from .completion import from_corpus
from .options import AboutOpt, DbOpt, FormatOpt, FromOpt, LimitOpt, PublisherOpt, ToOpt
from .run import err, open_db, say


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
    from ..build import build as run_build
    from ..corpus import default_raw, locate_db
    from ..views import build_progress, build_summary

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


def info(db: DbOpt = None, fmt: FormatOpt = None):
    """Where the corpus is, why, and what it holds.

    The path and the rule that chose it, the raw folder, counts, schema and version.

    Example: syriacli info
    """
    from ..corpus import describe
    from ..views import info_view

    row = describe(db)
    render.write_rows([row], list(row), render.default_format(fmt), table=info_view)


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

    from .. import queries
    from ..selection import checked_filters
    from ..views import articles_table

    with open_db(db) as conn:
        found = checked_filters(conn, "articles", (date_from, date_to, publisher, about, limit),
                                say)
        rows = queries.articles(conn, replace(found, undated=undated)) if found else iter(())
        render.write_rows(rows, queries.ARTICLES_COLUMNS, render.default_format(fmt),
                          table=articles_table)


def show(
    article_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="Article id (the file name without .txt), the"
                       " start of one (003), or a word of one title.",
                       autocompletion=from_corpus("ID")),
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
    from .. import queries
    from ..views import show_article, show_raw

    with open_db(db) as conn:
        found = queries.article_called(conn, article_id)
    if found is None:
        err(f"no article {article_id!r} (an id, its start or a title word);"
            " `syriacli articles` lists them")
    if raw:
        show_raw(found, _raw_lines(db, found["file"]), fmt)
        return
    show_article(found, annotate, fmt)


def _raw_lines(db: Path | None, file: str) -> list[tuple[str, bool]]:
    """The lines of an article's raw file, marked as cleaning saw them (build.cleaning_of)."""
    from ..build import cleaning_of
    from ..corpus import default_db, raw_dir_for

    folder = raw_dir_for(db or default_db())
    path = folder / file if folder else None
    if path is None or not path.is_file():
        err(f"the raw file {file!r} is not in {folder or 'the corpus raw folder'}:"
            " build the corpus from the folder that holds it (`syriacli build --raw DIR`)")
    try:
        return cleaning_of(path)
    except OSError as exc:
        err(f"cannot read {path} ({exc.strerror or exc})")
