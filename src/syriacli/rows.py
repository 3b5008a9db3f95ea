"""The one adapter from extraction to storage: an article's extraction as the rows the
build writes, each a tuple in :func:`syriacli.store.insert_columns` order.

The build's pool workers call it right after extraction, so what crosses to the one
process that writes the database is plain tuples it only hands to SQLite.
"""
from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from .extract.article import ArticleExtraction
from .extract.mentions import is_seat
from .places import PLACE_TYPES
from .store import insert_columns


@dataclass
class ArticleRecord:
    """An article's rows, each a tuple in :func:`syriacli.store.insert_columns` order."""

    article: tuple
    file_row: tuple  # its row of article_files
    events: list[tuple]
    figures: list[tuple]
    mention_rows: list[tuple]  # (article, start, form): store.write_articles
    dates: list[tuple]
    sketches: list[tuple]
    spellings: set[tuple[str, str]]  # (key, text) of each name as the article writes it

    @property
    def id(self) -> str:
        return self.article[0]

    @property
    def file(self) -> str:
        return self.article[_columns("articles").index("file")]

    @property
    def text_hash(self) -> str:
        return self.file_row[_columns("article_files").index("text_hash")]


def text_hash(text: str, publisher: str | None, published: str | None) -> str:
    """What copies of one article share: a digest of its clean text, publisher and date
    (two saves of one page, in UTF-8 and in cp1252, or with other line ends, clean to the
    same text; the same text from two publishers is two reports, a reprint). 128 bits of
    sha256 (stored twice, with its index: the whole digest was more than a corpus needs)."""
    return hashlib.sha256(f"{publisher}\x1f{published}\x1f{text}".encode()).hexdigest()[:32]


def article_rows(extraction: ArticleExtraction) -> ArticleRecord:
    """The rows of one article's extraction."""
    source, meta, text = extraction.source, extraction.meta, extraction.text
    article = {
        "id": source.id, "file": source.file, "text": text, "words": extraction.words,
        "names": names_column({n.key for n in extraction.names}), **vars(meta),
    }
    file_row = {
        "id": source.id, "raw_hash": source.raw_hash, "raw_size": source.raw_size,
        "raw_mtime": source.raw_mtime, "source_key": source.source_key,
        "text_hash": text_hash(text, meta.publisher, meta.published),
    }
    # Events and figures carry their article's publisher and date (see store.TABLES).
    shared = {"article": source.id, "publisher": meta.publisher, "published": meta.published}
    return ArticleRecord(
        article=as_row("articles", article),
        file_row=as_row("article_files", file_row),
        # report: none of its own (store.link_reprints sets a reprint's original)
        events=[as_row("events", {**_event_values(e), **shared, "report": None})
                for e in extraction.events],
        figures=_placed(_rows("figures", extraction.figures, shared),
                        _claim_places(extraction)),
        mention_rows=_mention_rows(extraction.names, source.id),
        dates=_rows("dates", extraction.dates, {"article": source.id}),
        sketches=[(value, source.id) for value in extraction.sketch],
        spellings={(n.key, n.text) for n in extraction.names},
    )


def _mention_rows(names, article_id: str) -> list[tuple]:
    """(article, start, form) of each of an article's name mentions, its form in
    store.MENTION_FORM's order: a known name's name and type are the name table's
    (store.MENTIONS_VIEW reads them there), so its form holds neither; and a mention's
    text only where it is not that name."""
    return [(article_id, m.start,
             (m.key, None if m.known else m.name, None if m.known else m.type, m.role, m.org,
              None if m.text == m.name else m.text))
            for m in names]


def names_column(keys) -> str:
    """The FTS ``names`` column of an article naming ``keys``: each key once. A search
    finds an article by any spelling of a name through its key (fts.name_expander ORs
    ``names : key``), so the column holds no spelling: the table's spellings of every
    name, one folded word each, were half as long as the article text; and a word search
    never matches part of a name it does not write ("Iraq" inside "Islamic State of
    Iraq")."""
    return " ".join(sorted(keys))


def _event_values(event) -> dict:
    """An event's fields as its columns hold them: lists as JSON arrays, a flag as 0 or 1."""
    return {**event.__dict__, "about": json.dumps(event.about), "relative": int(event.relative),
            "concepts": json.dumps(event.concepts), "anchor": int(event.anchor)}


@cache
def _columns(table: str) -> tuple[str, ...]:
    """``table``'s insert columns (an item's sentence is none: store.SENTENCE)."""
    return tuple(insert_columns(table))


def as_row(table: str, values: dict) -> tuple:
    return tuple(map(values.get, _columns(table)))


def _rows(table: str, items, article: dict) -> list[tuple]:
    """Each item's fields in ``table``'s column order, with the ``article`` columns it
    shares with its article (booleans stay booleans: SQLite stores them as the integers
    1 and 0)."""
    columns = _columns(table)
    shared = [(columns.index(column), value) for column, value in article.items()]
    rows = []
    for item in items:
        row = list(map(item.__dict__.get, columns))
        for at, value in shared:
            row[at] = value
        rows.append(tuple(row))
    return rows


def _placed(rows: list[tuple], places: list[str | None]) -> list[tuple]:
    """Figure rows with their ``places`` (JSON)."""
    places_at = _columns("figures").index("places")
    return [(*row[:places_at], where, *row[places_at + 1:])
            for row, where in zip(rows, places, strict=True)]


def _claim_places(extraction: ArticleExtraction) -> list[str | None]:
    """For each figure, the places its sentence names as a JSON array of their names
    (None: none); readers give them their coordinates from known_names (places.from_json)."""
    # found by where they start: a line of thousands of figures and places costs linear time
    places = sorted((m for m in extraction.names if m.type in PLACE_TYPES
                     and not is_seat(extraction.text, m)), key=lambda m: m.start)
    starts = [m.start for m in places]
    result = []
    for figure in extraction.figures:
        named = dict.fromkeys(m.name for m in places[
            bisect_left(starts, figure.sentence_start):bisect_left(starts, figure.sentence_end)])
        result.append(json.dumps(list(named), ensure_ascii=False) if named else None)
    return result
