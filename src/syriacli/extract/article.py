"""Everything extracted from one article: a pure function of its raw text and manifest row.

This is what the build's process pool runs, one article per call, so it takes and
returns plain picklable data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..events import build_events
from ..queries import FIGURE_COLUMNS
from ..render import tsv_line
from ..store import insert_columns
from .clean import clean
from .dates import find_dates, read_dateline
from .figures import find_figures
from .names import find_names, load_table
from .sentences import split_sentences

WORD = re.compile(r"\w+")
#: Metadata fields the manifest may give; where it is silent the text may.
META_FIELDS = ("title", "publisher", "published")


@dataclass
class RawArticle:
    id: str
    file: str
    text: str
    manifest: dict = field(default_factory=dict)
    raw_hash: str = ""
    raw_size: int = 0
    raw_mtime: float = 0.0
    source_key: str = ""


@dataclass
class ArticleRecord:
    """An article's rows, each a tuple in :func:`syriacli.store.insert_columns` order."""

    article: tuple
    events: list[tuple]
    figures: list[tuple]
    mentions: list[tuple]
    dates: list[tuple]

    @property
    def id(self) -> str:
        return self.article[0]


def resolve_metadata(manifest: dict, cleaned, body: str) -> dict:
    """The manifest wins; where it is silent, read the value from the text; else empty."""
    from_text = {
        "title": cleaned.title,
        "publisher": cleaned.publisher,
        "published": read_dateline(cleaned.dateline, body) if cleaned.dateline else None,
    }
    meta = {}
    for key in META_FIELDS:
        given = (manifest.get(key) or "").strip() or None
        value = given or from_text[key]
        meta[key] = value
        meta[f"{key}_from"] = "manifest" if given else ("text" if value else None)
    meta["url"] = (manifest.get("url") or "").strip() or None
    return meta


@lru_cache(maxsize=4)
def _table(names_file: str | None):
    return load_table(names_file)


def extract_article(raw: RawArticle, names_file: str | None = None) -> ArticleRecord:
    cleaned = clean(raw.text)
    text = cleaned.text
    meta = resolve_metadata(raw.manifest, cleaned, text)
    sentences = split_sentences(text)
    dates = find_dates(text, meta["published"], sentences)
    names = find_names(text, sentences, _table(names_file))
    figures = find_figures(text, sentences, dates, meta["published"], publisher=meta["publisher"])
    events = build_events(raw.id, text, dates, names)
    article = {
        "id": raw.id, "file": raw.file, "text": text, "words": len(WORD.findall(text)),
        "names": " ".join(sorted({n.key for n in names})),
        "raw_hash": raw.raw_hash, "raw_size": raw.raw_size, "raw_mtime": raw.raw_mtime,
        "source_key": raw.source_key,
        **{k: meta[k] for k in ("title", "publisher", "url", "published",
                                "published_from", "publisher_from", "title_from")},
    }
    # Rows leave the worker as tuples in the table's column order, so the one process
    # that writes the database only hands them to SQLite.
    # Events and figures carry their article's publisher and date (see store.TABLES).
    shared = {"article": raw.id, "publisher": meta["publisher"], "published": meta["published"]}
    return ArticleRecord(
        article=as_row("articles", article),
        events=[as_row("events", {**e.row(), **shared}) for e in events],
        figures=_listed(_rows("figures", figures, shared, text)),
        mentions=_rows("mentions", names, {"article": raw.id}),
        dates=_rows("dates", dates, {"article": raw.id}),
    )


@lru_cache(maxsize=None)
def _columns(table: str) -> tuple[tuple[str, ...], int | None]:
    """``table``'s insert columns, and where its quote column is."""
    columns = insert_columns(table)
    return tuple(columns), columns.index("quote") if "quote" in columns else None


def as_row(table: str, values: dict) -> tuple:
    return tuple(map(values.get, _columns(table)[0]))


def _rows(table: str, items, article: dict, text: str | None = None) -> list[tuple]:
    """Each item's fields in ``table``'s column order, with the ``article`` columns it
    shares with its article and the quote of its sentence when ``text`` is given
    (booleans stay booleans: SQLite stores them as the integers 1 and 0)."""
    columns, quote_at = _columns(table)
    shared = [(columns.index(column), value) for column, value in article.items()]
    if text is None:
        quote_at = None
    rows = []
    for item in items:
        row = list(map(item.__dict__.get, columns))
        for at, value in shared:
            row[at] = value
        if quote_at is not None:
            row[quote_at] = text[item.sentence_start:item.sentence_end]
        rows.append(tuple(row))
    return rows


@lru_cache(maxsize=1)
def _listing_places() -> tuple[int, list[int]]:
    """Where a figure row's ``listing`` goes, and where the values it lists are."""
    columns = _columns("figures")[0]
    return columns.index("listing"), [columns.index(c) for c in FIGURE_COLUMNS]


def _listed(rows: list[tuple]) -> list[tuple]:
    """Figure rows with their ``listing``: the line `figures --format tsv` prints."""
    at, picks = _listing_places()
    return [(*row[:at], tsv_line([row[i] for i in picks]), *row[at + 1:]) for row in rows]
