"""The corpus database: its schema, how a build writes it, how readers open it.

Writes go through sqlite-utils (table creation, ``insert_all``, ``enable_fts``).
The read path (``open_corpus`` and :mod:`syriacli.queries`) uses the standard
library's sqlite3 only: importing sqlite-utils costs ~100 ms, and a query command
should start faster than that.

A full build writes a new file beside the corpus and swaps it in with ``os.replace``
only when it is complete; an update is one transaction on the corpus (``recover``
rolls back one a crash left half done). Either way an interrupted build leaves the
old corpus intact.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TypedDict

from .errors import CorpusBusy, CorpusMissing, NotACorpus

#: 44: a form counts its mentions; 43: a month entry folded into the day entry of its happening;
#: 42: a mention's key, name, type, role, org and text as its form (name_forms), no index of
#: mention keys; dates by (article, start) and article_files by id, without rowid; events' first
#: and last days computed; a conflict's articles by rowid; events_fts without column sizes; 32-bit
#: sketch hashes, 128-bit text hashes; 41: short merge keys (precision initial and date), with name
#: pairs; 40: an event's report only for a reprint's, no entries index by last day, meta without
#: rowid, spellings by name rowid; 39: a claim's places by name only, no events index by precision
#: and first day; 38: the merge index without first and last days; 37: no date's or event's
#: expression, claim's text, mention's sentence offsets; 36: an event's clause's offsets, not its
#: summary, and no entry summary; 35: events_fts of the sentence alone; 34: known_names and
#: spellings of the mentioned names only; 33: mention_rows without rowid, its text only where it is
#: not the name; 32: sentences read from the article text, names column of keys; 31: mentions a
#: view of mention_rows, 2 KiB pages; 30: no stored listing
SCHEMA_VERSION = 44
#: FTS5 settings: porter stemming over unicode61 with diacritics folded.
TOKENIZE = "porter unicode61 remove_diacritics 2"
#: BM25 weights for the FTS columns (title, text, names): a title hit counts ten times;
#: the names column only decides whether an article matches, never how well.
RANK_WEIGHTS = (10.0, 1.0, 0.0)
RANK = f"bm25({', '.join(map(str, RANK_WEIGHTS))})"

#: The order of a metric's listing (queries.figures_sql): its index's, and the rows' on disk
#: after a full build (SQLite sorts NULL last in desc, so undated claims come last).
FIGURES_ORDER = "metric, published desc, article, start"

#: The order `articles` lists them in (undated last), which an index of these expressions has.
ARTICLES_ORDER = "(published is null), published, id"

#: Every table and index takes at least a page: at 4 KiB, the ~45 of a small corpus make a
#: third of it (44 articles: 1.28 MB -> 1.15 MB at 2 KiB, the same at 1,000 articles; at
#: 1 KiB, long rows spill to more overflow pages and the file grows again).
PAGE_SIZE = 2048

#: Where an extracted item stands in its article's clean text.
PROVENANCE = {"start": int, "end": int, "sentence_start": int, "sentence_end": int}


class _Table(TypedDict):
    columns: dict[str, type | str]
    pk: str | tuple[str, ...] | None  # None: a rowid table


class TableSpec(_Table, total=False):
    """A table as sqlite-utils creates it: its columns' types, its primary key, and the
    columns that point at another table's row, (column, table, column) (not enforced:
    they tell Datasette and other readers how rows link)."""

    foreign_keys: list[tuple[str, str, str]]


#: A number column that keeps a whole number an integer (7000, not 7000.0) and a fraction
#: a real: SQLite's NUMERIC affinity, which a column declared ANY has.
NUMERIC_COLUMN = "ANY"
#: (column, table, column) of a column holding an article's id.
OF_ARTICLE = ("article", "articles", "id")


TABLES: dict[str, TableSpec] = {
    "articles": {
        "columns": {
            "id": str, "file": str, "title": str, "publisher": str, "url": str,
            "published": str, "published_from": str, "publisher_from": str,
            "title_from": str, "undated_reason": str, "text": str, "words": int,
            "names": str,
            # the article this one reprints (the same story, other page furniture): its
            # claims count once, as the original's (see reprints.py)
            "reprint_of": str,
        },
        "pk": "id",
    },
    # What the build knows of each article's file and text, apart from what a reader
    # reads (Datasette hides the table). Stored by id (WITHOUT ROWID): an update reads every
    # article's source key from these short rows, with no index repeating them.
    "article_files": {
        "columns": {
            "id": str, "raw_hash": str, "raw_size": int, "raw_mtime": float, "source_key": str,
            # what makes two files one article: the same clean text, publisher and date
            # (rows.text_hash)
            "text_hash": str,
        },
        "pk": "id",
        "foreign_keys": [("id", "articles", "id")],
    },
    "events": {
        "columns": {
            # publisher and published as in figures: a timeline reads its sources from an index.
            # report: the article whose report this is when it is another's, the original of
            # a reprint (a timeline counts sources by :data:`REPORT_SQL`); null for the
            # article's own (most events: a copy of its id was a tenth of the table)
            "id": int, "article": str, "report": str, "publisher": str, "published": str,
            "entry": int,
            # its first and last days follow from its date and precision (:data:`GENERATED`)
            "date": str, "precision": str, "rule": str,
            "relative": int, "about": str, "concepts": str,
            "anchor": int,
            **PROVENANCE,
            # its clause in its sentence's offsets: its summary is made from it when read
            # (:data:`CLAUSE_SQL`, summary.summarise), not stored
            "clause_start": int, "clause_end": int,
        },
        "pk": "id",
        "foreign_keys": [OF_ARTICLE, ("entry", "entries", "id")],
    },
    "entries": {
        "columns": {
            "id": int, "date": str, "precision": str, "first_day": str, "last_day": str,
            "about": str, "conflict": str, "sources": int,
            # the event whose summary is the entry's (made when read from its clause, as
            # every event's): a timeline row cites its article
            "lead": int,
        },
        "pk": "id",
    },
    # What a new event must match to join an entry (timeline.entry_keys): an update
    # finds the entries it may change by lookup instead of re-merging a neighbourhood.
    "entry_keys": {"columns": {"key": str, "entry": int}, "pk": ("key", "entry")},
    "figures": {
        "columns": {
            # Its article's publisher and date, copied so a listing of one metric reads in
            # order from one index, without a join or a sort (an article's metadata is in
            # its source key: a change re-extracts the article and rewrites its rows).
            "id": int, "article": str, "publisher": str, "published": str,
            "metric": str, "value": NUMERIC_COLUMN, "low": NUMERIC_COLUMN,
            "high": NUMERIC_COLUMN, "qualifier": str, "unit": str, "noun": str,
            # who says so: a person or an organisation, the organisation a person speaks
            # for, the outlet that relays the claim, and the attribution rule that found it
            "claimant": str, "claimant_org": str, "via": str, "claimant_rule": str,
            # no ``text``: the words of the number are its article's text at start, end
            # (:data:`DERIVED`)
            "as_of": str, "period": str,
            # a reprint's claim that its original makes too: the original's article id
            # (listings leave it out); the original's claim lists its reprints ("a, b")
            "reprint_of": str, "reprints": str,
            # the places its sentence names: a JSON array of their canonical names, made by
            # rows.py; readers give them coordinates from known_names (places.from_json),
            # which hold them once (a claim's copy of them was a sixth of the table)
            "places": str,
            **PROVENANCE,
        },
        "pk": "id",
        "foreign_keys": [OF_ARTICLE],
    },
    # Read through the view ``mentions`` (:data:`MENTIONS_VIEW`). A corpus has some sixty
    # mentions an article, and a few hundred ways a name is mentioned (its key, spelling,
    # role...): a row holds its article's rowid, its start and its form (a row of
    # name_forms), nothing else (each row's own key, role and spelling, with an index of
    # keys, were a sixth of a corpus). No ``end`` (start + the text's length). Stored as
    # its primary key's b-tree (WITHOUT ROWID), in article order: a build appends an
    # article's rows together, and reading by article (store.delete_article,
    # queries.sentence_parts, a claim's --about: queries.CLAIM_ABOUT) reads them together.
    # No index of keys: the articles naming a key are the FTS ``names`` column's
    # (fts.in_names; queries.name_card). The form closes the primary key: two names could
    # start at one place.
    "mention_rows": {
        "columns": {"article": int, "start": int, "form": int},
        "pk": ("article", "start", "form"),
    },
    # How a name is mentioned: its key; its name and type only for a name the table does
    # not know (a known name's are in known_names); the role and organisation the article
    # gives it there; its text only where it is not the name (:data:`MENTION_FORM`); and
    # how many mentions have it (an update drops a form none has, without reading them all).
    "name_forms": {
        "columns": {"id": int, "key": str, "name": str, "type": str, "role": str, "org": str,
                    "text": str, "uses": int},
        "pk": "id",
    },
    "known_names": {
        "columns": {
            "key": str, "name": str, "type": str, "search_variants": str, "case_sensitive": str,
            # a place's coordinates and what they stand for (names.PLACE_PRECISIONS)
            "lat": float, "lon": float, "geo_precision": str,
            # and where it lies in a gazetteer's terms (names.Geo): what ACLED rows carry
            "country": str, "admin1": str, "admin2": str,
        },
        "pk": "key",
    },
    # A spelling's name as its known_names rowid, not its key (a key a spelling, again: a
    # third of the table); write_name_table writes both tables together.
    "spellings": {"columns": {"spelling": str, "name": int}, "pk": "spelling"},
    # How each name is actually written in the corpus: a search ORs these few spellings,
    # not every spelling the table knows (each extra phrase is another pass over postings).
    "seen_spellings": {"columns": {"key": str, "spelling": str}, "pk": ("key", "spelling")},
    # Each article's sketch (extract/sketch.py): what finds its reprints. ``article`` is
    # its article's rowid, as in mention_rows (an id twice a row, with its index, was a
    # third of the table).
    "sketches": {"columns": {"hash": int, "article": int}, "pk": ("hash", "article")},
    # A cache, derived: the tsv line of each claim ("figures") and timeline entry
    # ("timeline") of a large corpus (:data:`LINES_FROM`), made by a full build with the
    # renderer (render.tsv_lines) and used only by the same rendering code (meta
    # lines_figures, lines_timeline: its digest). A row without a line is rendered from
    # the row; an update drops the lines of the rows it changes.
    "lines": {"columns": {"listing": str, "id": int, "line": str}, "pk": ("listing", "id")},
    # A date is where it starts in its article (the rules claim each span once:
    # extract/dates.py), stored in that order (WITHOUT ROWID): an article's dates are read
    # together (queries.sentence_parts, a card), with no index of articles beside them.
    "dates": {
        "columns": {
            # no ``expression``: it is its article's text at start, end (:data:`DERIVED`)
            "article": str, "date": str, "precision": str, "rule": str, "relative": int,
            "start": int, "end": int,
        },
        "pk": ("article", "start"),
        "foreign_keys": [OF_ARTICLE],
    },
}
#: The corpus's settings (schema version, raw folder, extractor digest...), by key.
META: TableSpec = {"columns": {"key": str, "value": str}, "pk": "key"}
#: What every reader reads mentions as: mention_rows with its article's id, and the name
#: and type of a known name (a row holds them only for a name the table does not know).
MENTIONS_VIEW = """create view mentions as select articles.id as article,
  coalesce(f.name, known_names.name) as name, f.key,
  coalesce(f.type, known_names.type) as type, f.role, f.org, f.name is null as known,
  coalesce(f.text, f.name, known_names.name) as text, m.start,
  m.start + length(coalesce(f.text, f.name, known_names.name)) as end
from mention_rows as m join articles on articles.rowid = m.article
join name_forms as f on f.id = m.form
left join known_names on f.name is null and known_names.key = f.key"""
#: The columns of a mention's form (name_forms, but its id), in the order a row of
#: rows.ArticleRecord.mention_rows gives them after its article and start.
MENTION_FORM = ("key", "name", "type", "role", "org", "text")
#: Each form is one row of name_forms, found by its values (ifnull: NULL equals no NULL).
_FORM_VALUES = tuple(f"ifnull({c}, '')" for c in MENTION_FORM)
FORM_INDEX = ("create unique index if not exists name_forms_form on name_forms"
              f" ({', '.join(_FORM_VALUES)})")
#: A row's sentence, cut from its article's text by its offsets: the text is stored once
#: (an event's or a claim's sentence as a column was a tenth of a corpus). ``article`` is
#: the SQL of its article's row; SQLite's substr counts characters, as Python's offsets do.
SENTENCE_SQL = ("substr({article}.text, {table}.sentence_start + 1,"
            " {table}.sentence_end - {table}.sentence_start)")
#: An event's clause, cut from its article's text as its sentence is: what its summary is
#: made of (summary.summarise, in SQL the function :data:`SUMMARY_FUNCTION`).
CLAUSE_SQL = ("substr({article}.text, {table}.sentence_start + {table}.clause_start + 1,"
              " {table}.clause_end - {table}.clause_start)")
#: The SQL function of a clause's summary that Datasette's connections have (serve.py),
#: as every reader that reads a corpus with :func:`open_corpus`.
SUMMARY_FUNCTION = "syriacli_summary"
#: The words a row stands for (a date's expression, a figure's text), cut from its
#: article's text by the row's own offsets.
SPAN_SQL = "substr({article}.text, {table}.start + 1, {table}.end - {table}.start)"
#: What a table's view (``{table}_quoted``, :func:`quoted_view`) adds to its rows: what no
#: table stores because its article's text holds it (an event's or a claim's sentence was a
#: tenth of a corpus, the summaries, expressions and texts another twentieth).
DERIVED = {
    "events": {"quote": SENTENCE_SQL, "expression": SPAN_SQL,
               "summary": f"{SUMMARY_FUNCTION}({CLAUSE_SQL})"},
    "figures": {"quote": SENTENCE_SQL, "text": SPAN_SQL},
    "dates": {"expression": SPAN_SQL},
}


def sentence_sql(table: str, article: str | None = None) -> str:
    """SQL for the sentence (``quote``) of a row of ``table``: from ``article``, the
    articles row joined to it, else from a lookup of the row's article."""
    if article is not None:
        return SENTENCE_SQL.format(article=article, table=table)
    return (f"(select {SENTENCE_SQL.format(article='articles', table=table)} from articles"
            f" where articles.id = {table}.article)")


def quoted_view(table: str) -> str:
    """A view of ``table`` with the :data:`DERIVED` columns of its rows (an event's summary
    made by :data:`SUMMARY_FUNCTION`): what Datasette shows."""
    derived = "".join(f", {sql.format(article='articles', table=table)} as {column}"
                      for column, sql in DERIVED[table].items())
    return (f"create view {table}_quoted as select {table}.*{derived}"
            f" from {table} join articles on articles.id = {table}.article")


def summary_function(conn: sqlite3.Connection) -> None:
    """Give ``conn`` the SQL function :data:`SUMMARY_FUNCTION` (clause -> summary)."""
    from .summary import summarise

    conn.create_function(SUMMARY_FUNCTION, 1,
                         lambda clause: summarise(clause) if isinstance(clause, str) else None,
                         deterministic=True)


#: A mention row's article (an article id) as the rowid mention_rows holds.
ARTICLE_ROWID = "(select rowid from articles where id = ?)"

#: An event's first and last day from its date and precision, as extract.events.day_range
#: makes them: what :func:`events_grouped` reads without the columns (its index lacks them).
FIRST_DAY_SQL = ("case precision when 'year' then substr(date, 1, 4) || '-01-01'"
                 " when 'month' then substr(date, 1, 7) || '-01' else substr(date, 1, 10) end")
LAST_DAY_SQL = ("case precision when 'year' then substr(date, 1, 4) || '-12-31'"
                " when 'month' then date(substr(date, 1, 7) || '-01', '+1 month', '-1 day')"
                " else substr(date, 1, 10) end")
#: Columns SQLite computes from a row's others (never written): the month a facet
#: groups by (Datasette's date facet groups by day); an event's first and last days.
GENERATED = {
    "articles": {"month": "substr(published, 1, 7)"},
    "events": {"first_day": FIRST_DAY_SQL, "last_day": LAST_DAY_SQL,
               "month": "substr(first_day, 1, 7)"},
    "figures": {"month": "substr(published, 1, 7)"},
}
#: Tables looked up by a key of their own (not an integer), stored as their primary key's
#: b-tree (WITHOUT ROWID): a rowid table would need an index repeating every key to find one.
WITHOUT_ROWID = frozenset({"entry_keys", "spellings", "seen_spellings", "sketches", "lines",
                           "mention_rows", "meta", "dates", "article_files"})
#: The rows of a listing's table (figures, entries) from which a full build caches their
#: tsv lines: rendering 34,000 claims of a metric from their rows takes longer than the
#: 200 ms a listing has at 100,000 articles (issue 6); a smaller corpus is not worth the space.
LINES_FROM = 100_000

INDEXES = [
    ("articles", ["published"]),
    ("article_files", ["text_hash"]),
    ("events", ["article"]),
    # An entry's events by what merging compares (events_grouped reads only this index; an
    # event's first and last days follow from its date and precision: not here, a sixth of it).
    ("events", ["entry", "precision", "date", "relative", "about", "concepts", "report",
                "article"]),
    # An entry's mentions in the order they print; its sources (queries._sources_of) from
    # this alone.
    ("events", ["entry", "published", "article", "start", "publisher"]),
    # the timeline's order and range (an entry reaching --from starts in its year: see
    # queries._entry_filters, which needs no index of last days)
    ("entries", ["first_day"]),
    ("entry_keys", ["entry"]),
    # Also what `figures --summary` aggregates, so it reads this index, not the claims.
    ("figures", [*FIGURES_ORDER.split(", "), "value", "low", "high", "unit"]),
    ("figures", ["article"]), ("figures", ["claimant"]),
    ("sketches", ["article"]), ("articles", ["reprint_of"]),
]


def index_name(table: str, columns: list[str]) -> str:
    """The name of an index of :data:`INDEXES` (queries that name an index use this)."""
    return f"idx_{table}_{'_'.join(c.split()[0] for c in columns)}"


def create_schema(db) -> None:
    """Create the tables of an empty sqlite-utils Database; :func:`finish_schema` adds the rest."""
    db.conn.execute(f"pragma page_size = {PAGE_SIZE}")  # before the first table
    # a table another points at first (sqlite-utils checks that it exists)
    for name, spec in sorted(TABLES.items(), key=lambda item: "foreign_keys" in item[1]):
        if name in WITHOUT_ROWID:
            db.execute(_without_rowid(name, spec))
        else:
            db[name].create(spec["columns"], pk=spec["pk"],
                            foreign_keys=spec.get("foreign_keys"))
        for column, expression in GENERATED.get(name, {}).items():
            db.execute(f"alter table {name} add column {column} as ({expression}) virtual")
    db.execute(_without_rowid("meta", META))
    db.execute(FORM_INDEX)
    db.execute(MENTIONS_VIEW)
    for table in DERIVED:
        db.execute(quoted_view(table))
    set_meta(db.conn, schema_version=str(SCHEMA_VERSION))
    db.conn.execute(f"pragma user_version = {SCHEMA_VERSION}")


#: SQLite's column type for each Python type of :data:`TABLES` (sqlite-utils' own).
COLUMN_TYPES = {str: "TEXT", int: "INTEGER", float: "FLOAT"}


def _without_rowid(name: str, spec: TableSpec) -> str:
    """The CREATE TABLE of a table stored as its primary key's b-tree."""
    pk = (spec["pk"],) if isinstance(spec["pk"], str) else tuple(spec["pk"] or ())
    columns = ", ".join(f"{quote(c)} {t if isinstance(t, str) else COLUMN_TYPES[t]}"
                        for c, t in spec["columns"].items())
    links = "".join(f", foreign key ({quote(c)}) references {quote(t)} ({quote(other)})"
                    for c, t, other in spec.get("foreign_keys", []))
    return (f"create table {quote(name)} ({columns},"
            f" primary key ({', '.join(map(quote, pk))}){links}) without rowid")


def write_lines(conn: sqlite3.Connection, listing: str, lines: list[tuple[int, str]]) -> None:
    """Cache the tsv lines of a listing's rows ((id, line) pairs)."""
    conn.executemany("insert or replace into lines (listing, id, line) values (?, ?, ?)",
                     [(listing, i, line) for i, line in lines])


def drop_lines(conn: sqlite3.Connection, listing: str, ids) -> None:
    """Forget the cached lines of these rows (they changed)."""
    for chunk in chunks(list(ids)):
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"delete from lines where listing = ? and id in ({marks})", (listing, *chunk))


def write_name_table(conn: sqlite3.Connection, table) -> None:
    """The names of the variant table that the corpus mentions, as rows, so a query can
    look a spelling up without loading the table.

    Loading and folding the table costs ~50 ms; a search should not pay that. A name no
    article mentions matches nothing in the corpus: the few readers that still want it (a
    name's card, the centre of --near) read it from the table itself
    (queries.shipped_name). The whole table was a ninth of a small corpus.
    """
    from .extract.names import search_variants

    used = {row[0] for row in conn.execute("select distinct key from name_forms")}
    names = [n for n in table if n.key in used]
    conn.execute("delete from known_names")
    conn.execute("delete from spellings")
    conn.executemany(
        "insert into known_names values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(n.key, n.name, n.type, json.dumps(search_variants(n)), json.dumps(list(n.case_sensitive)),
          *((n.geo.lat, n.geo.lon, n.geo.precision, n.geo.country, n.geo.admin1, n.geo.admin2)
            if n.geo else (None,) * 6))
         for n in names],
    )
    # the spellings listed first: a transliteration's key (names.variant_index) never
    # takes the place of a spelling some name is listed with (the same spelling of an
    # unmentioned name is left out after it has taken its place, as the table reads it)
    conn.executemany(
        "insert or ignore into spellings values (?, (select rowid from known_names where key = ?))",
        [(key, name.key) for key, name in _first_spellings(table).items() if name.key in used],
    )


def _first_spellings(table) -> dict:
    """Each spelling's name as the variant table looks it up: its listed spelling first."""
    first: dict = {}
    for index in (table.lookup_index, table.variant_index):
        for key, name in index.items():
            first.setdefault(key, name)
    return first


#: The tables whose indexes follow the timeline's merge (events.entry is set by it).
TIMELINE_TABLES = ("events", "entries", "entry_keys")


def finish_schema(db) -> None:
    """Indexes, FTS indexes and their triggers, after a full build has loaded the rows,
    but the indexes of :data:`TIMELINE_TABLES` (:func:`index_timeline`, after the merge).

    Indexing once over the loaded tables is several times faster than keeping the
    indexes up to date row by row; the triggers then keep FTS current for updates.
    """
    for table, columns in INDEXES:
        if table not in TIMELINE_TABLES:
            db.execute(_create_index(table, columns))
    # --publisher compares without case; only a NOCASE index serves that. Followed by the
    # listing order, it also gives a publisher's first page without sorting all its articles.
    db.execute(f"create index idx_articles_listing on articles ({ARTICLES_ORDER})")
    db.execute("create index idx_articles_publisher_listing"
               f" on articles (publisher collate nocase, {ARTICLES_ORDER})")
    db["articles"].enable_fts(["title", "text", "names"], tokenize=TOKENIZE, create_triggers=True)
    create_events_fts(db.conn)
    db.execute(
        "insert into articles_fts(articles_fts, rank) values ('rank', :rank)", {"rank": RANK}
    )


#: The sentence of the event a trigger inserts (``new``) or deletes (``old``).
_EVENT_SENTENCE = ("(select " + SENTENCE_SQL.format(article="articles", table="{row}")
                + " from articles where articles.id = {row}.article)")


def create_events_fts(conn: sqlite3.Connection) -> None:
    """The events' FTS index, of their sentences (a summary is a part of its sentence:
    indexing it too found no more events, and was half the index), contentless: the sentence
    is its article's text (:data:`SENTENCE_SQL`), so the index stores no copy of it. A
    contentless FTS5 table forgets a row only when told its old values ('delete' with
    them), which the triggers cut from the article's text: its events go before it
    (store.delete_article). Merging rewrites events.entry for thousands of events: only a
    change of the text re-indexes one. No column sizes: a timeline only filters by it,
    never ranks by it (bm25 needs them)."""
    event = "rowid, quote"
    conn.executescript(f"""
        create virtual table events_fts using fts5(quote, content='', columnsize=0,
          tokenize='{TOKENIZE}');
        insert into events_fts ({event}) select events.id,
          {sentence_sql('events', 'articles')} from events
          join articles on articles.id = events.article;
        create trigger events_ai after insert on events begin
          insert into events_fts ({event})
            values (new.id, {_EVENT_SENTENCE.format(row='new')});
        end;
        create trigger events_ad after delete on events begin
          insert into events_fts (events_fts, {event})
            values ('delete', old.id, {_EVENT_SENTENCE.format(row='old')});
        end;
        create trigger events_au after update of sentence_start, sentence_end on events begin
          insert into events_fts (events_fts, {event})
            values ('delete', old.id, {_EVENT_SENTENCE.format(row='old')});
          insert into events_fts ({event})
            values (new.id, {_EVENT_SENTENCE.format(row='new')});
        end;
    """)


def set_meta(conn: sqlite3.Connection, **values: str) -> None:
    conn.executemany(
        "insert or replace into meta (key, value) values (?, ?)", list(values.items())
    )


def write_meta(path: Path, **values: str) -> None:
    """Set values of a corpus file's ``meta`` table, in a transaction of their own."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            set_meta(conn, **values)
    finally:
        conn.close()


def get_meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("select key, value from meta"))


def read_meta(path: Path, key: str) -> str | None:
    """One value of a corpus file's ``meta`` table, read-only; None if it is not there."""
    try:
        recover(path)  # a killed update's hot journal: a read-only reader cannot roll it back
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=LOCK_WAIT)
        try:
            row = conn.execute("select value from meta where key = ?", (key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise CorpusBusy(
                f"the corpus at {path} is locked by another process (a build writing it?):"
                " try again when it ends") from None
        return None
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


#: How long a reader waits for a writer's lock before saying so (seconds).
LOCK_WAIT = 30


def schema_version(path: Path) -> int | None:
    """The schema version of a corpus file; None if it is not a syriacli corpus."""
    value = read_meta(path, "schema_version")
    return int(value) if value is not None and str(value).isdigit() else None


def check_corpus(path: Path) -> None:
    """Raise unless ``path`` is a corpus of this schema version."""
    if not path.exists():
        raise CorpusMissing(f"no corpus at {path}: run `syriacli build` first")
    version = schema_version(path)
    if version is None:
        raise NotACorpus(f"{path} is not a syriacli corpus (left untouched)")
    if version > SCHEMA_VERSION:
        raise NotACorpus(
            f"{path} was built by a newer syriacli (schema {version}, this one reads "
            f"{SCHEMA_VERSION}): upgrade syriacli, or build another corpus with --db"
        )
    if version != SCHEMA_VERSION:
        raise NotACorpus(
            f"{path} was built by schema version {version}, this is {SCHEMA_VERSION}: "
            "run `syriacli build` to rebuild it"
        )
    if missing := missing_tables(path):
        raise NotACorpus(f"{path} lacks its table {', '.join(missing)}: run `syriacli build"
                         " --full` to rebuild it")


def recover(path: Path) -> None:
    """Roll back an update a killed build left half done (SQLite's hot journal), and mark
    the corpus stale: it lacks what that update was adding, so the next query (or `info`)
    says so and the next build completes it.

    A read-only connection cannot roll back, so open read-write once when we may. Taking
    the write lock rolls a hot journal back; a journal SQLite finds not hot (a killed
    update's whose header was never synced: the file was never written) is removed while
    we hold the lock, or every later query would find it again. A running update holds
    the lock: its journal is left alone.
    """
    journal = Path(f"{path}-journal")
    if not (journal.exists() and os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)):
        return
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("begin immediate")
        raw = conn.execute("select value from meta where key = 'raw_dir'").fetchone()
        journal.unlink(missing_ok=True)
        conn.execute("rollback")
    except sqlite3.DatabaseError:
        return
    finally:
        conn.close()
    _mark_stale(path, Path(raw[0]) if raw and raw[0] else None)


def _mark_stale(path: Path, raw_dir: Path | None) -> None:
    """Date the corpus file before its raw folder and manifest: the staleness a query
    checks (corpus.is_stale) is that they changed after it was written. The rollback
    itself may have written the file (an update killed while it committed)."""
    if raw_dir is None:
        return
    times = [path.stat().st_mtime]
    for source in (raw_dir, raw_dir / "manifest.csv"):
        try:
            times.append(source.stat().st_mtime - 1)
        except OSError:
            continue
    try:
        os.utime(path, (min(times), min(times)))
    except OSError:
        pass


#: Tables a corpus cannot work without, FTS indexes included.
REQUIRED_TABLES = (*TABLES, "mentions", "meta", "articles_fts", "events_fts")


def missing_tables(path: Path) -> list[str]:
    """The :data:`REQUIRED_TABLES` a corpus file lacks (someone dropped one)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=LOCK_WAIT)
        try:
            have = {row[0] for row in conn.execute("select name from sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return []
    return [t for t in REQUIRED_TABLES if t not in have]


def corpus_facts(path: Path) -> dict:
    """What `syriacli info` says of a corpus file: its counts, schema and build."""
    facts: dict = {"schema": schema_version(path), "raw_dir": read_meta(path, "raw_dir"),
                   "extractor": read_meta(path, "extractor")}
    if facts["schema"] != SCHEMA_VERSION:
        return facts
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        for key, sql in (
            ("articles", "select count(*) from articles"),
            ("undated", "select count(*) from articles where published is null"),
            ("reprints", "select count(*) from articles where reprint_of is not null"),
            ("timeline_entries", "select count(*) from entries"),
            ("events", "select count(*) from events"),
            ("claims", "select count(*) from figures where reprint_of is null"),
            ("names", "select count(distinct key) from mentions"),
        ):
            facts[key] = conn.execute(sql).fetchone()[0]
    finally:
        conn.close()
    return facts


def article_count(path: Path) -> int:
    """How many articles a corpus file holds (0 for one that cannot say)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.DatabaseError:
        return 0
    finally:
        conn.close()


def open_corpus(path: Path) -> sqlite3.Connection:
    """Open a corpus read-only. Works on a read-only file in a read-only folder."""
    recover(path)
    check_corpus(path)
    # Wait (rather than fail) while an update commits.
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    conn.row_factory = sqlite3.Row
    summary_function(conn)
    return conn


@cache
def insert_columns(table: str) -> tuple[str, ...]:
    """The columns a row of ``table`` is written with (all but an integer id)."""
    columns = TABLES[table]["columns"]
    return tuple(c for c in columns if not (c == "id" and columns[c] is int))


def write_articles(conn: sqlite3.Connection, records, full: bool = False) -> None:
    """Insert a batch of extracted articles (:class:`~syriacli.rows.ArticleRecord`); in a
    ``full`` build, their figures into :data:`FIGURES_LOAD` and their events unmerged
    (:data:`UNMERGED`).

    One ``executemany`` per table for the whole batch, positional tuples made by the
    workers: per-article statements, or dicts built here, cost more than extraction.
    """
    if not records:
        return
    for table in ("articles", "article_files", "events", "figures", "dates"):
        columns = insert_columns(table)
        rows = [r.article for r in records] if table == "articles" else \
            [r.file_row for r in records] if table == "article_files" else \
            [row for r in records for row in getattr(r, table)]
        if full and table == "events":
            at = columns.index("entry")
            rows = [row[:at] + (UNMERGED,) + row[at + 1:] for row in rows]
        _insert(conn, FIGURES_LOAD if full and table == "figures" else table, columns, rows)
    # mention_rows and sketches hold their article's rowid, known once it is written: a
    # lookup of it in SQL for each of some sixty rows an article cost the writing process
    # more than the rows themselves
    rowids = _rowids(conn, [r.id for r in records])
    uses = Counter(form for r in records for _, _, form in r.mention_rows)
    forms = form_ids(conn, uses)
    _insert(conn, "mention_rows", ("article", "start", "form"),
            [(rowids[article], start, forms[form])
             for r in records for article, start, form in r.mention_rows])
    conn.executemany("update name_forms set uses = uses + ? where id = ?",
                     [(n, forms[form]) for form, n in uses.items()])
    _insert(conn, "sketches", ("hash", "article"),
            [(value, rowids[article]) for r in records for value, article in r.sketches])
    conn.executemany("insert or ignore into seen_spellings values (?, ?)",
                     {pair for r in records for pair in r.spellings})


def form_ids(conn: sqlite3.Connection, forms) -> dict[tuple, int]:
    """The name_forms id of each form (:data:`MENTION_FORM` values), added where new."""
    marks = ", ".join("?" * len(MENTION_FORM))
    conn.executemany(f"insert or ignore into name_forms ({', '.join(MENTION_FORM)}, uses)"
                     f" values ({marks}, 0)", forms)
    find = "select id from name_forms where " + " and ".join(f"{v} = ?" for v in _FORM_VALUES)
    return {form: conn.execute(find, [v or "" for v in form]).fetchone()[0] for form in forms}


def drop_unused_forms(conn: sqlite3.Connection) -> None:
    """Forget the forms no mention has any more (after an update removed articles)."""
    conn.execute("delete from name_forms where uses <= 0")


def _insert(conn: sqlite3.Connection, table: str, columns, rows: list[tuple]) -> None:
    if rows:
        conn.executemany(f"insert into {table} ({', '.join(quote(c) for c in columns)})"
                         f" values ({', '.join('?' * len(columns))})", rows)


#: Where a full build loads figures before :func:`cluster_figures` copies them in order.
FIGURES_LOAD = "temp.figures_load"


def stage_figures(conn: sqlite3.Connection) -> None:
    conn.execute(f"create table {FIGURES_LOAD} as select * from figures where 0")


def cluster_figures(conn: sqlite3.Connection) -> None:
    """Copy the staged figures into ``figures`` in listing order, so the rows of one
    metric sit together on disk: at 100,000 articles its 34,000 claims are read from
    ~3,000 pages instead of one page each (~100 ms -> ~15 ms)."""
    columns = ", ".join(map(quote, insert_columns("figures")))
    conn.execute(f"insert into figures ({columns})"
                 f" select {columns} from {FIGURES_LOAD} order by {FIGURES_ORDER}")
    conn.execute(f"drop table {FIGURES_LOAD}")


def delete_article(conn: sqlite3.Connection, article_id: str) -> None:
    conn.execute("delete from lines where listing = 'figures' and id in"
                 " (select id from figures where article = ?)", (article_id,))
    conn.execute("update name_forms set uses = uses - (select count(*) from mention_rows"
                 f" where article = {ARTICLE_ROWID} and form = name_forms.id) where id in"
                 f" (select form from mention_rows where article = {ARTICLE_ROWID})",
                 (article_id, article_id))
    for table in ("mention_rows", "sketches"):
        conn.execute(f"delete from {table} where article = {ARTICLE_ROWID}", (article_id,))
    for table in ("events", "figures", "dates"):
        conn.execute(f"delete from {table} where article = ?", (article_id,))
    conn.execute("delete from article_files where id = ?", (article_id,))
    conn.execute("delete from articles where id = ?", (article_id,))


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def create_indexes(conn: sqlite3.Connection, table: str) -> None:
    """The :data:`INDEXES` of one table now (a full build makes the rest at its end)."""
    for indexed, columns in INDEXES:
        if indexed == table:
            conn.execute(_create_index(table, columns))


def _create_index(table: str, columns: list[str]) -> str:
    spec = ", ".join(quote(c.split()[0]) + c[len(c.split()[0]):] for c in columns)
    return f"create index if not exists {index_name(table, columns)} on {table} ({spec})"


def sketch_groups(conn: sqlite3.Connection, articles: list[str] | None,
                  most: int) -> list[list[str]]:
    """The articles that share each sketch hash, for hashes that 2 to ``most`` articles
    share (more is boilerplate); with ``articles``, only the hashes these have."""
    among = "" if articles is None else (
        " where hash in (select hash from sketches where article in"
        " (select rowid from articles where id in ({})))")
    sql = ("select group_concat((select id from articles where rowid = sketches.article),"
           f" char(31)) from sketches{among} group by hash having count(*) between 2 and ?")
    if articles is None:
        rows = conn.execute(sql, (most,)).fetchall()
    else:
        rows = [row for chunk in chunks(articles)
                for row in conn.execute(sql.format(", ".join("?" * len(chunk))), (*chunk, most))]
    return [row[0].split("\x1f") for row in rows]


def sketch_sizes(conn: sqlite3.Connection, articles) -> dict[str, int]:
    return dict(_chunked(conn, "select articles.id, count(*) from articles"
                               " join sketches on sketches.article = articles.rowid"
                               " where articles.id in ({}) group by articles.id",
                         list(articles)))


def report_of(conn: sqlite3.Connection, articles) -> dict[str, tuple]:
    """id -> (published, reprint_of) of these articles."""
    rows = _chunked(conn, "select id, published, reprint_of from articles where id in ({})",
                    list(articles))
    return {row[0]: (row[1], row[2]) for row in rows}


def reprints_of(path: Path, originals) -> set[str]:
    """The articles of the corpus file that reprint one of these."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in _chunked(
            conn, "select id from articles where reprint_of in ({})", list(originals))}
    finally:
        conn.close()


#: What makes a reprint's claim the same claim as its original's.
SAME_CLAIM = ("metric", "value", "low", "high", "unit")


def link_reprints(conn: sqlite3.Connection, links: dict[str, str]) -> None:
    """Mark each reprint (``links``: reprint -> original): its article and the report
    its events belong to (:func:`relist_reprints` then matches their claims)."""
    conn.executemany("update articles set reprint_of = ? where id = ?",
                     [(o, r) for r, o in links.items()])
    conn.executemany("update events set report = ? where article = ?",
                     [(o, r) for r, o in links.items()])


def relist_reprints(conn: sqlite3.Connection, originals: set[str]) -> list[int]:
    """Match again the claims of these originals' reprints against theirs: a reprint's
    claim the original makes too is marked (listings count it once, as the original's),
    and the original's claim lists the reprints that repeat it. Returns the claims whose
    list changed."""
    changed: list[int] = []
    same = " and ".join(f"o.{c} is r.{c}" for c in SAME_CLAIM)
    for original in sorted(originals):
        reprints = [row[0] for row in conn.execute(
            "select id from articles where reprint_of = ? order by id", (original,))]
        changed += [row[0] for row in conn.execute(
            "select id from figures where article = ? and reprints is not null", (original,))]
        conn.execute("update figures set reprints = null where article = ?", (original,))
        conn.execute("update figures set reprint_of = null where reprint_of = ?", (original,))
        pairs = conn.execute(
            f"select o.id, r.id, r.article from figures o join figures r on {same}"
            " where o.article = ? and r.article in (select id from articles where reprint_of = ?)"
            " order by o.id, r.article, r.start", (original, original)).fetchall() \
            if reprints else []
        taken: set[int] = set()
        by_claim: dict[int, list[str]] = {}
        for claim, repeated, article in pairs:
            if repeated not in taken and article not in by_claim.get(claim, []):
                taken.add(repeated)
                by_claim.setdefault(claim, []).append(article)
        conn.executemany("update figures set reprint_of = ? where id = ?",
                         [(original, r) for r in taken])
        conn.executemany("update figures set reprints = ? where id = ?",
                         [(", ".join(arts), claim) for claim, arts in by_claim.items()])
        changed += by_claim
    return changed


def article_with_text(conn: sqlite3.Connection, text_hash: str) -> str | None:
    """The article whose clean text has this hash, if the corpus has one."""
    row = conn.execute("select id from article_files where text_hash = ? limit 1",
                       (text_hash,)).fetchone()
    return row[0] if row else None


def undated_articles(path: Path) -> list[tuple[str, int]]:
    """The articles without a publication date, each with how many of its dates stay
    unresolved for want of one ("on Wednesday", "last week")."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(
            "select articles.id, (select count(*) from dates where dates.article = articles.id"
            " and dates.date is null) from articles where articles.published is null"
            " order by articles.id"
        ).fetchall()
    finally:
        conn.close()


def article_fingerprints(path: Path) -> dict[str, str]:
    """id -> source key (file, size, mtime, extraction digest, names file, manifest row)."""
    if schema_version(path) != SCHEMA_VERSION:
        return {}
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            row[0]: row[1] for row in conn.execute("select id, source_key from article_files")
        }
    finally:
        conn.close()


def replace_entries(conn: sqlite3.Connection, entries, assignments, drop=()) -> None:
    """Replace the entries ``drop`` by ``entries`` and point events at their new entries."""
    for chunk in chunks(list(drop)):
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"delete from entries where id in ({marks})", chunk)
        conn.execute(f"delete from lines where listing = 'timeline' and id in ({marks})", chunk)
        conn.execute(f"delete from entry_keys where entry in ({marks})", chunk)
    write_entries(conn, entries)
    conn.executemany("update events set entry = ? where id = ?", assignments)


def write_entries(conn: sqlite3.Connection, entries) -> None:
    """Insert timeline entries (``timeline.entry_of`` dicts) and their merge keys."""
    rowid_of = _rowids(conn, {a for e in entries for said in e["conflict"] or ()
                              for a in said["articles"]})
    conn.executemany(
        "insert into entries (id, date, precision, first_day, last_day, about,"
        " conflict, sources, lead) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(e["id"], e["date"], e["precision"], e["first_day"], e["last_day"],
          json.dumps(e["about"]), _stored_conflict(e["conflict"], rowid_of),
          e["sources"], e["lead"])
         for e in entries],
    )
    conn.executemany("insert into entry_keys (key, entry) values (?, ?)",
                     [(key, e["id"]) for e in entries for key in e["keys"]])


def _stored_conflict(conflict: list[dict] | None, rowid_of: dict[str, int]) -> str | None:
    """An entry's conflict as stored: each date with its articles' rowids,
    ``[["2016-03-14", [3, 17]], ...]`` (their ids, in every entry of a happening that
    sources date differently, were two thirds of the table); its precision is the entry's."""
    if not conflict:
        return None
    return json.dumps([[said["date"], [rowid_of[a] for a in said["articles"]]]
                       for said in conflict], separators=(",", ":"))


def read_conflicts(conn: sqlite3.Connection, entries) -> dict[int, list[dict]]:
    """The conflict of each of these entries (rows with id, precision and conflict) that
    has one, as ``timeline.entry_of`` made it: each date with its precision and articles,
    and their publishers (an article without one by its id)."""
    stored = {e["id"]: (e["precision"], json.loads(e["conflict"]))
              for e in entries if e["conflict"]}
    named = {rowid: (article, publisher) for rowid, article, publisher in _chunked(
        conn, "select rowid, id, publisher from articles where rowid in ({})",
        sorted({r for _, said in stored.values() for _, rs in said for r in rs}))}
    return {entry: [_said(date, precision, sorted(named[r] for r in rowids if r in named))
                    for date, rowids in said]
            for entry, (precision, said) in stored.items()}


def _said(date: str, precision: str, articles: list[tuple[str, str | None]]) -> dict:
    """One date of a conflict: the (id, publisher) of the articles that give it."""
    return {"date": date, "precision": precision, "articles": [a for a, _ in articles],
            "publishers": list(dict.fromkeys(p or a for a, p in articles))}


def _rowids(conn: sqlite3.Connection, articles) -> dict[str, int]:
    """The rowid of each of these articles (by id)."""
    return dict(_chunked(conn, "select id, rowid from articles where id in ({})",
                         sorted(articles)))


def index_timeline(conn: sqlite3.Connection) -> None:
    """The indexes of :data:`TIMELINE_TABLES`, once a full build has merged its timeline."""
    for table in TIMELINE_TABLES:
        create_indexes(conn, table)


#: What the merge keys of two shared names say in place of an act (timeline.entry_keys:
#: 'd2016-03-15|=2|Aleppo\x1fVladimir Putin').
PAIR_ACT = "=2"


def month_folds(conn: sqlite3.Connection, months=None,
                singular: frozenset[str] = frozenset()) -> dict[int, int]:
    """The day entry each month entry (of ``months``; None: every one) is a statement of:
    the one day entry of its month that shares its named merge keys (an act and a
    specific name: "the coalition strike near Khasham earlier this month" and "coalition
    jets struck near Khasham on 7 February"; not two names alone, which tell a happening
    only on one day). Each key it shares points at the day entries holding it, and the
    entry is the one they all point at: "Putin toured Hmeimim earlier this month" is the
    day entry of the visit to Hmeimim, though Putin visited two more places that month.
    Where several remain, it cannot tell which, and stays an entry of its own; so does
    one whose sources also give the day entry's day (they told the two apart). An act of
    ``singular`` (a day holds one: identity.singular_acts) is a key without a name: "the
    campaign that began in September 2015" is the day entry of the campaign's start.

    A month key 'm2016-03|withdrawal|Aleppo' (timeline._key_prefix) is looked up as the
    day keys 'd2016-03-01|withdrawal|Aleppo' to 'd2016-03-31|...': lookups of the primary
    key, whatever the size of the corpus."""
    sql = ("select entry_keys.entry, key from entry_keys join entries"
           " on entries.id = entry_keys.entry where entries.precision = 'month'"
           " and key >= 'm' and key < 'n'")
    rows = conn.execute(sql).fetchall() if months is None else \
        _chunked(conn, sql + " and entry_keys.entry in ({})", list(months))
    links: dict[str, set[int]] = {}   # 'm2016-03|act|name' -> the month entries holding it
    for entry, key in rows:
        act, name = key[9:].split("|", 1)
        if act != PAIR_ACT and (name or act in singular):
            links.setdefault(key, set()).add(entry)
    pointed: dict[str, set[int]] = {}    # month key -> the day entries holding it
    day_keys = {f"d{key[1:8]}-{day:02d}{key[8:]}": key for key in links for day in range(1, 32)}
    for key, entry in _chunked(conn, "select key, entry from entry_keys where key in ({})",
                               list(day_keys)):
        pointed.setdefault(day_keys[key], set()).add(entry)
    days: dict[int, set[int]] = {}    # month entry -> the day entries all its keys point at
    for key, entries in pointed.items():
        for held in links[key]:
            days[held] = days[held] & entries if held in days else set(entries)
    return {held: min(day) for held, day in days.items()
            if len(day) == 1 and not _share_a_report(conn, held, min(day))}


def _share_a_report(conn: sqlite3.Connection, one: int, other: int) -> bool:
    """Do two entries have statements of one report? An article that dates a happening
    to its day and says something else of its month ("Putin's visit follows the
    announcement last week") tells them apart."""
    report = REPORT_SQL.replace("events.", "{t}.")
    return conn.execute(
        f"select 1 from events as a join events as b on {report.format(t='a')} ="
        f" {report.format(t='b')} where a.entry = ? and b.entry = ? limit 1", (one, other)
    ).fetchone() is not None


def fold_months(conn: sqlite3.Connection, folds: dict[int, int]) -> None:
    """Make each month entry's events, keys and sources its day entry's (``folds``: month
    entry -> day entry), and drop the month entry."""
    for month, day in folds.items():
        conn.execute("update events set entry = ? where entry = ?", (day, month))
        conn.execute("update or ignore entry_keys set entry = ? where entry = ?", (day, month))
        conn.execute("delete from entry_keys where entry = ?", (month,))
        about = [json.loads(a or "[]") for (a,) in conn.execute(
            "select about from entries where id in (?, ?) order by id != ?", (day, month, day))]
        conn.execute(
            "update entries set about = ?, sources = (select count(distinct"
            f" {REPORT_SQL}) from events where entry = ?) where id = ?",
            (json.dumps(list(dict.fromkeys(a for names in about for a in names))), day, day))
        conn.execute("delete from entries where id = ?", (month,))
    drop_lines(conn, "timeline", [i for pair in folds.items() for i in pair])


def assign_entries(conn: sqlite3.Connection, entry_of_event) -> None:
    """Set events.entry from an array indexed by event id (0: no entry, NULL): a full
    build's assignments, written in id order, so each page of events is rewritten once."""
    conn.executemany("update events set entry = ? where id = ?",
                     ((entry or None, event) for event, entry in enumerate(entry_of_event)
                      if event))


#: The entry of an event a full build has not merged yet: a number as wide as the entry ids
#: it will get (three bytes, up to eight million entries), so that setting them rewrites
#: each row in place (a row that grew split its page: an eighth of the table stood empty).
UNMERGED = -8_388_608

#: What merging needs of an event (``timeline.decode_row`` reads them in this order).
EVENT_FIELDS = ("id", "report", "entry", "date", "precision", "first_day", "last_day", "about",
                "concepts", "relative")
#: The report an event belongs to: its original's for a reprint's event, else its article.
REPORT_SQL = "coalesce(events.report, events.article)"
EVENT_COLUMNS = ", ".join(REPORT_SQL if c == "report"
                         else f"nullif(events.entry, {UNMERGED})" if c == "entry"
                         else f"events.{c}" for c in EVENT_FIELDS)
#: The index a full build's merge reads every dated event from, dropped after it.
MERGE_INDEX = "merge_order"
DATED = "events.precision is not null and events.date is not null"


@contextmanager
def event_rows(conn: sqlite3.Connection):
    """Every dated event with what merging needs, by precision and date (the order
    ``timeline.groups`` streams), read from an index that holds all of it.

    Reading the wide rows (their quotes) in date order reads pages at random: at 100,000
    articles that took 15 s, against 7 s to make this index and read it in order.
    """
    order = "precision, first_day, id"
    rest = ", ".join(c for c in (*EVENT_FIELDS, "article") if c not in order.split(", "))
    conn.execute(f"create index {MERGE_INDEX} on events ({order}, {rest}) where {DATED}")
    rows = conn.execute(f"select {EVENT_COLUMNS} from events indexed by {MERGE_INDEX}"
                        f" where {DATED} order by {order}")
    try:
        yield rows
    finally:
        rows.close()
        conn.execute(f"drop index {MERGE_INDEX}")


def events_of(conn: sqlite3.Connection, articles) -> list[tuple]:
    """The dated events of these articles (:data:`EVENT_COLUMNS`)."""
    return _chunked(conn, f"select {EVENT_COLUMNS} from events where events.date is not null"
                          " and events.article in ({})", list(articles))


#: What makes events of one entry alike for merging (:func:`events_grouped`); their first and
#: last days are their date's at its precision.
GROUP_COLUMNS = ("entry", "precision", "date", "relative", "about", "concepts")


def events_grouped(conn: sqlite3.Connection, entries) -> list[tuple]:
    """The events of these entries, those alike for merging as one row: an entry that
    90,000 articles date the same way is then a few rows, read from one index.

    Columns: those of :data:`EVENT_COLUMNS` (the smallest id), then the
    number of events, their distinct articles as a JSON array, and the
    :data:`GROUP_COLUMNS` values that :func:`move_group` takes.
    """
    group = ", ".join(GROUP_COLUMNS)
    return _chunked(conn, (
        f"select min(id), null, entry, date, precision, {FIRST_DAY_SQL}, {LAST_DAY_SQL}, about,"
        f" concepts, relative, count(*), json_group_array(distinct {REPORT_SQL}),"
        f" {group} from events"
        f" where entry in ({{}}) group by {group}"), list(entries))


def move_group(conn: sqlite3.Connection, entry: int, group: tuple) -> None:
    """Point the events of a :func:`events_grouped` row at another entry."""
    alike = " and ".join(c + " is ?" for c in GROUP_COLUMNS)
    conn.execute(f"update events set entry = ? where {alike}", (entry, *group))


def entries_of(conn: sqlite3.Connection, articles) -> set[int]:
    """The entries that events of these articles belong to."""
    return {row[0] for row in _chunked(
        conn, "select distinct entry from events where entry is not null and article in ({})",
        list(articles))}


def entries_matching(conn: sqlite3.Connection, keys, prefixes) -> set[int]:
    """Entries holding any of these merge keys, or a key starting with one of the prefixes."""
    found = {row[0] for row in _chunked(
        conn, "select distinct entry from entry_keys where key in ({})", list(keys))}
    for prefix in prefixes:
        found.update(row[0] for row in conn.execute(
            "select distinct entry from entry_keys where key >= ? and key < ?",
            (prefix, prefix + "\uffff")))
    return found


def entries_sharing_keys(conn: sqlite3.Connection, entries) -> set[int]:
    """Entries holding a merge key of one of these: the other dates of their happenings."""
    return {row[0] for row in _chunked(
        conn, "select distinct b.entry from entry_keys a join entry_keys b on b.key = a.key"
              " where a.entry in ({})", list(entries))}


def _chunked(conn: sqlite3.Connection, sql: str, values: list) -> list[tuple]:
    """``sql`` with its ``{}`` filled by placeholders, run over ``values`` in chunks."""
    rows: list[tuple] = []
    for chunk in chunks(values):
        rows.extend(conn.execute(sql.format(", ".join("?" * len(chunk))), chunk))
    return rows


def chunks(values: list, size: int = 500):
    """``values`` in slices small enough for one statement's parameters."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def next_entry_id(conn: sqlite3.Connection) -> int:
    return (conn.execute("select max(id) from entries").fetchone()[0] or 0) + 1


def tmp_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.tmp{os.getpid()}")
