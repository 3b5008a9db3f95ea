"""Read queries over a corpus: each a SQL builder paired with an executor.

Every user value reaches SQL as a ``:named`` parameter; table and column names
are fixed here. Rows come back as plain dicts, streamed where they can be: a listing
(figures, timeline) is one row shape with named fields, which render.write_listing
writes in every format.
"""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import groupby, islice
from operator import itemgetter

from . import store
from .errors import BadQuery, NoSuchArticle
from .extract.speakers import canonical_org
from .fts import Query, in_names
from .listing import MARK_END, MARK_START, Listing
from .places import PLACE_TYPES, from_json, place, places_named
from .store import ARTICLES_ORDER, FIGURES_ORDER, RANK_WEIGHTS, chunks, index_name
from .summary import summarise

#: Where a row's article is cited: every timeline and figures row carries these fields.
CITATION_COLUMNS = ["article", "title", "publisher", "published", "url"]
#: The columns of each listing, in the order every format prints them.
FIGURE_COLUMNS = [
    "metric", "value", "low", "high", "qualifier", "unit", "text", "claimant", "claimant_org",
    "via", *CITATION_COLUMNS, "as_of", "period", "quote", "reprints", "places",
]
#: publishers, articles: of every report of the entry; the citation columns: the article
#: of its summary's sentence (its lead event).
#: sources: how many reports the entry's mentions come from (a reprint counts with its
#: original, see reprints.py).
#: background: every report of the entry only anchors a lasting state to its date
#: (:data:`BACKGROUND_EVENT`).
#: places: the places its sentences name, with coordinates (places.place objects).
#: mentions: each report's sentence (:data:`MENTION_COLUMNS`).
TIMELINE_COLUMNS = [
    "date", "precision", "summary", "publishers", "articles", "about", "conflict", "sources",
    "background", "places", *CITATION_COLUMNS, "mentions",
]


@dataclass
class Filters:
    """Filters shared by the listing commands; dates are ISO first/last days."""

    date_from: str | None = None
    date_to: str | None = None
    publisher: str | None = None
    about: str | None = None  # a name key
    limit: int | None = None
    undated: bool = False  # only the articles without a publication date
    # the timeline's
    background: bool = True  # False: leave out the entries that are background only
    conflicts: bool = False  # only the entries whose sources disagree on the date
    precision: str | None = None  # only entries of this precision: day, month or year
    near: tuple[str, ...] | None = None  # only what names one of these places
    # figures': a metric's claims grouped by claimant (as the table's --by-claimant)
    by_claimant: bool = False


#: The WHERE clause of each article filter; values always go in as parameters.
ARTICLE_FILTERS = {
    "date_from": "{a}.published >= :date_from",
    "date_to": "{a}.published <= :date_to",
    "publisher": "{a}.publisher = :publisher collate nocase",
    "undated": "{a}.published is null",
    # The articles whose FTS names column (their name keys) has it: from the FTS index,
    # not from the mentions (Putin at 100,000 articles: ~0.15 s instead of ~1.9 s).
    "about": "{id} in (select id from articles where rowid in"
    " (select rowid from articles_fts where articles_fts match :about))",
}


def _names_match(key: str) -> str:
    """FTS5 for the articles that name ``key`` (see :data:`ARTICLE_FILTERS`)."""
    from .fts import in_names

    return in_names(key)


def _article_where(
    filters: Filters, alias: str = "articles", id_: str = "articles.id"
) -> tuple[list[str], dict]:
    """The filters on ``alias``'s publisher and published columns and on ``id_``, its article."""
    where, params = [], {}
    for field, clause in ARTICLE_FILTERS.items():
        value = getattr(filters, field)
        if value:
            where.append(clause.format(a=alias, id=id_))
            params[field] = _names_match(value) if field == "about" else value
    return where, params


#: The corpus's rank (the FTS table's configured bm25) as an expression SQLite can
#: order a LIMIT by with a top-N sort; ``order by rank`` sorts every match in full.
SCORE = f"bm25(articles_fts, {', '.join(map(str, RANK_WEIGHTS))})"
SEARCH_COLUMNS = (
    "articles.id as article, articles.title, articles.publisher, articles.published,"
    f" {{score}} as score,"
    f" snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 24) as snippet"
)


def search_sql(filters: Filters) -> tuple[str, dict]:
    """Best match first. With a limit, in two steps: the top rowids by score alone, then
    their rows and snippets (a snippet costs as much as a match: 100,000 matches of
    "Russia" take ~210 ms in one step and ~125 ms in two)."""
    where, params = _article_where(filters)
    where.insert(0, "articles_fts match :query")
    joined = "join articles on articles.rowid = articles_fts.rowid" if len(where) > 1 else ""
    if not filters.limit:
        sql = (
            f"select {SEARCH_COLUMNS.format(score='-articles_fts.rank')}"
            " from articles_fts join articles on articles.rowid = articles_fts.rowid"
            f" where {' and '.join(where)} order by articles_fts.rank"
        )
        return sql, params
    params["limit"] = filters.limit
    sql = (
        f"with top as (select articles_fts.rowid as id, {SCORE} as score from articles_fts {joined}"
        f" where {' and '.join(where)} order by score limit :limit)"
        f" select {SEARCH_COLUMNS.format(score='-top.score')}"
        " from top cross join articles_fts cross join articles"
        " where articles_fts match :query"
        " and articles_fts.rowid = top.id and articles.rowid = top.id"
        " order by top.score"
    )
    return sql, params


def exclusion_sql(filters: Filters) -> tuple[str, dict]:
    """The articles without what ``:exclude`` matches, in the order of ``articles``
    (FTS5 cannot match a NOT alone; a search of nothing but exclusions comes here)."""
    where, params = _article_where(filters)
    where.insert(
        0, "rowid not in (select rowid from articles_fts where articles_fts match :exclude)"
    )
    sql = (
        "select id as article, title, publisher, published, null as score,"
        " substr(text, 1, 160) || iif(length(text) > 160, '…', '') as snippet"
        f" from articles where {' and '.join(where)} order by {ARTICLES_ORDER}"
    )
    if filters.limit:
        sql += " limit :limit"
        params["limit"] = filters.limit
    return sql, params


def search(conn: sqlite3.Connection, query: str | Query, filters: Filters) -> Iterator[dict]:
    """The articles matching ``query`` (FTS5 text, or a :class:`syriacli.fts.Query`)."""
    sql, params, shown = _search_statement(query, filters)
    try:
        cursor = conn.execute(sql, params)
        first = cursor.fetchmany(50)
    except sqlite3.OperationalError as exc:
        raise BadQuery(f"{exc} in query {shown!r}: put words in double quotes") from None
    for row in first:
        yield dict(row)
    for row in cursor:
        yield dict(row)


def search_count(conn: sqlite3.Connection, query: str | Query, filters: Filters) -> int:
    """How many articles :func:`search` would give without a limit."""
    sql, params, _ = _search_statement(query, replace(filters, limit=None))
    return conn.execute(f"select count(*) from ({sql})", params).fetchone()[0]


def _search_statement(query: str | Query, filters: Filters) -> tuple[str, dict, str]:
    """The SQL and parameters of a search, and the FTS5 text to name in an error."""
    if isinstance(query, str):
        query = Query(query)
    if query.match is None:
        sql, params = exclusion_sql(filters)
        params["exclude"] = shown = query.exclude
    else:
        fts_query = query.match
        if filters.about:
            # The FTS index intersects the query with the articles that name it: at
            # 100,000 articles "Palmyra" about Putin took 2.3 s through a list of
            # articles, now 50 ms.
            fts_query = f"({fts_query}) AND {_names_match(filters.about)}"
            filters = replace(filters, about=None)
        sql, params = search_sql(filters)
        params["query"] = shown = fts_query
    return sql, params, shown or ""


def _tuples(conn: sqlite3.Connection, sql: str, params) -> sqlite3.Cursor:
    """Rows as plain tuples, whatever the connection's row factory."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params)


#: The columns `articles` writes, most wanted first (a narrow table leaves out the last).
#: The columns of a search hit, of a name and of a metric's summary, as listings give them.
HIT_COLUMNS = ["article", "title", "publisher", "published", "score", "snippet"]
NAME_COLUMNS = ["name", "type", "articles", "mentions", "spellings", "role", "org", "first",
                "last", "lat", "lon", "geo_precision"]
METRIC_COLUMNS = ["metric", "claims", "articles", "min", "max", "units"]
ARTICLES_COLUMNS = ["article", "published", "publisher", "title", "words", "published_from",
                    "publisher_from", "title_from", "undated_reason", "url", "reprint_of"]


def articles_sql(filters: Filters) -> tuple[str, dict]:
    where, params = _article_where(filters)
    sql = (
        "select id as article, title, publisher, published, published_from, url, words,"
        " reprint_of, title_from, publisher_from, undated_reason"
        " from articles"
        + (f" where {' and '.join(where)}" if where else "")
        + f" order by {ARTICLES_ORDER}"
    )
    if filters.limit:
        sql += " limit :limit"
        params["limit"] = filters.limit
    return sql, params


def articles(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict]:
    sql, params = articles_sql(filters)
    for row in conn.execute(sql, params):
        yield dict(row)


def article(conn: sqlite3.Connection, article_id: str) -> dict | None:
    row = conn.execute("select * from articles where id = :id", {"id": article_id}).fetchone()
    if row is None:
        return None
    # what the row holds, not what is computed from it or repeats it for speed
    derived = {c for cs in store.GENERATED.values() for c in cs}
    result = {k: v for k, v in dict(row).items() if k not in derived}
    # a claim with its sentence, a date with its expression (store.quoted_view)
    for table, source in (("dates", "dates_quoted"), ("figures", "figures_quoted"),
                          ("mentions", "mentions")):
        result[table] = [
            {k: v for k, v in zip(r.keys(), r, strict=True) if k not in derived}
            for r in conn.execute(
                f"select * from {source} where article = :id order by start", {"id": article_id}
            )
        ]
    return result


#: How many candidates an ambiguous article id or title word names.
CANDIDATES_SHOWN = 5


def article_called(conn: sqlite3.Connection, key: str) -> dict | None:
    """The article ``key`` names, as git takes a short hash: its whole id, the start of
    one id, else a word of one title (any case); raises NoSuchArticle when it names
    several, listing them. None when it names none."""
    found = article(conn, key)
    if found is not None:
        return found
    ids = [r[0] for r in conn.execute(
        "select id from articles where substr(id, 1, length(:key)) = :key order by id",
        {"key": key})]
    what = "an id starting"
    if not ids and key.strip():
        word = re.compile(rf"(?<!\w){re.escape(key.strip())}(?!\w)", re.IGNORECASE)
        ids = [r[0] for r in conn.execute(
            "select id, title from articles where instr(lower(title), lower(:key))"
            " order by id", {"key": key.strip()}) if word.search(r[1])]
        what = "a title with the word"
    if len(ids) > 1:
        shown = ", ".join(ids[:CANDIDATES_SHOWN])
        more = f" and {len(ids) - CANDIDATES_SHOWN} more" if len(ids) > CANDIDATES_SHOWN else ""
        raise NoSuchArticle(f"{len(ids)} articles have {what} {key!r}: {shown}{more};"
                            " type more of the id, or another word")
    return article(conn, ids[0]) if ids else None


#: A report that only anchors a lasting state to its date ("since 2011", "the war that
#: began in 2011", see extract.events.is_anchor) at least half a year before it was
#: published: what happened then is not its news. An undated report's anchor counts.
BACKGROUND_EVENT = (
    "(events.anchor and (events.published is null"
    " or events.last_day < date(events.published, '-180 days')))"
)
#: An entry all of whose reports are background.
ENTRY_BACKGROUND = (
    "not exists (select 1 from events where events.entry = entries.id"
    f" and not {BACKGROUND_EVENT})"
)
#: An entry's columns, and whether it is background.
ENTRY_SELECT = ", ".join(
    [f"entries.{c}" for c in store.TABLES["entries"]["columns"]]
    + [f"{ENTRY_BACKGROUND} as background"]
)


def timeline_sql(
    filters: Filters,
    match: str | Query | None,
    about_name: str | None = None,
    select: str = ENTRY_SELECT,
) -> tuple[str, dict]:
    """The query of the timeline's entries: the entries' own filters, then what one of
    their events must match, then the order."""
    where, params = _entry_filters(filters)
    inner, inner_params = _event_filters(filters, match, about_name, where, params)
    if inner:
        where.append(_events_condition(filters, inner, inner_params, bool(where)))
        params.update(inner_params)
    sql = f"select {select} from entries" + (f" where {' and '.join(where)}" if where else "")
    sql += (
        " order by entries.first_day,"
        " entries.precision = 'year', entries.precision = 'month', entries.id"
    )
    if filters.limit:
        sql += " limit :limit"
        params["limit"] = filters.limit
    return sql, params


def _entry_filters(filters: Filters) -> tuple[list[str], dict]:
    """The conditions on an entry's own columns: dates, precision, conflict, background."""
    where: list[str] = []
    params: dict[str, str | int] = {}
    if filters.date_from:
        # An entry covers one day, month or year (events.day_range), never two calendar
        # years: one reaching --from starts in its year, so the index search of first
        # days starts there rather than at the beginning of the corpus.
        where.append("entries.last_day >= :date_from and entries.first_day >= :earliest")
        params["date_from"] = filters.date_from
        params["earliest"] = f"{filters.date_from[:4]}-01-01"
    if filters.date_to:
        where.append("entries.first_day <= :date_to")
        params["date_to"] = filters.date_to
    if filters.precision:
        where.append("entries.precision = :precision")
        params["precision"] = filters.precision
    if filters.conflicts:
        where.append("entries.conflict is not null")
    if not filters.background:
        where.append(f"not ({ENTRY_BACKGROUND})")
    return where, params


def _event_filters(
    filters: Filters, match: str | Query | None, about_name: str | None, where: list[str],
    params: dict,
) -> tuple[list[str], dict]:
    """The conditions one event of an entry must meet (publisher, name, words, near). A
    query of exclusions alone is a condition on the entry, added to ``where``."""
    inner: list[str] = []
    inner_params: dict[str, str | int] = {}
    if filters.publisher:
        inner.append(
            "events.article in"
            " (select id from articles where publisher = :publisher collate nocase)"
        )
        inner_params["publisher"] = filters.publisher
    if filters.about:
        # ``about`` holds the names as json.dumps wrote them (non-ASCII escaped).
        inner.append("events.about like :about_like")
        inner_params["about_like"] = f"%{json.dumps(about_name)}%"
    query = Query(match) if isinstance(match, str) else match
    if query and query.match is not None:
        inner.append("events.id in (select rowid from events_fts where events_fts match :match)")
        inner_params["match"] = query.match
    elif query:  # exclusions alone: no report of the entry may match
        where.append(
            "entries.id not in (select entry from events where id in"
            " (select rowid from events_fts where events_fts match :exclude))"
        )
        params["exclude"] = query.exclude or ""
    if filters.near is not None:
        near = {f"near{i}": name for i, name in enumerate(filters.near)}
        inner.append("exists (select 1 from json_each(events.about)"
                     f" where json_each.value in ({', '.join(':' + k for k in near) or 'null'}))")
        inner_params.update(near)
    return inner, inner_params


def _events_condition(
    filters: Filters, inner: list[str], inner_params: dict, in_range: bool
) -> str:
    """The entry condition that one of its events meets ``inner``."""
    if in_range:
        # Within a date range, each entry of the range is checked through the events
        # index by entry: a name in most articles would otherwise list most events first.
        return ("exists (select 1 from events where events.entry = entries.id"
                f" and {' and '.join(inner)})")
    if filters.about:  # the articles naming it first: an index narrows to them
        about_where, about_params = _article_where(
            Filters(about=filters.about), id_="events.article"
        )
        inner[:0] = about_where
        inner_params.update(about_params)
    return f"entries.id in (select events.entry from events where {' and '.join(inner)})"


def timeline(
    conn: sqlite3.Connection,
    filters: Filters,
    match: str | Query | None = None,
    about_name: str | None = None,
    mentions: bool = True,
) -> Iterator[dict]:
    """Entries as rows of :data:`TIMELINE_COLUMNS` and their ``id``, 500 entries at a time.
    Without ``mentions`` (csv and tsv print none), a row has no mentions: an entry that
    thousands of articles report reads those sentences for nothing."""
    located = place_index(conn)
    sql, params = timeline_sql(filters, match, about_name)
    rows = _fetch_entries(lambda: conn.execute(sql, params), match)
    for chunk in chunks(rows):
        yield from _entry_rows(conn, chunk, located, mentions)


def _entry_rows(conn: sqlite3.Connection, chunk: list, located: dict[str, dict],
                mentions: bool) -> Iterator[dict]:
    """The rows of a chunk of entries (:data:`ENTRY_SELECT`)."""
    ids = [entry["id"] for entry in chunk]
    sources = (_mentions_of if mentions else _sources_of)(conn, ids)
    cited = _cited(conn, [entry["lead"] for entry in chunk])
    # one query a chunk, for the entries with a conflict: its dates' articles and publishers
    conflicts = store.read_conflicts(conn, chunk)
    for entry in chunk:
        row = _entry_row(entry, sources.get(entry["id"], []), conflicts.get(entry["id"]),
                         located)
        *citation, row["summary"] = cited.get(entry["lead"], _UNCITED)
        row.update(zip(CITATION_COLUMNS, citation, strict=True))
        if mentions:
            row["mentions"] = [dict(zip(MENTION_COLUMNS, m, strict=True))
                               for m in sources.get(entry["id"], [])]
        yield row


#: The citation and summary of an entry without a lead event.
_UNCITED = (None,) * (len(CITATION_COLUMNS) + 1)


def _entry_row(entry, sources: list[tuple], conflict: list[dict] | None,
               located: dict[str, dict]) -> dict:
    """An entry's fields but its citation and mentions; ``sources``: (article, publisher,
    ...) of its reports in order."""
    about = json.loads(entry["about"] or "[]")
    return {
        "id": entry["id"],
        "date": entry["date"],
        "precision": entry["precision"],
        "summary": None,  # its lead event's (see _cited)
        "publishers": list(dict.fromkeys(s[1] for s in sources if s[1])),
        "articles": list(dict.fromkeys(s[0] for s in sources)),
        "about": about,
        "conflict": conflict,
        "sources": entry["sources"],
        "background": bool(entry["background"]),
        "places": places_named(about, located),
    }


def _cited(conn: sqlite3.Connection, events: list[int | None]) -> dict[int, tuple]:
    """The :data:`CITATION_COLUMNS` of these events' articles, then the events' summaries
    (made from their clauses, as the corpus stores no summary), by event id."""
    ids = [e for e in events if e is not None]
    if not ids:
        return {}
    rows = _tuples(conn, "select events.id, articles.id, articles.title, articles.publisher,"
                         " articles.published, articles.url,"
                         f" {store.CLAUSE_SQL.format(article='articles', table='events')}"
                         " from events join articles on articles.id = events.article"
                         f" where events.id in ({', '.join('?' * len(ids))})", ids)
    return {row[0]: (*row[1:-1], summarise(row[-1])) for row in rows}


def timeline_listing(
    conn: sqlite3.Connection, filters: Filters, match: str | Query | None, about_name: str | None
) -> Listing:
    """The timeline's entries as a :class:`Listing`."""
    line = _LINE.format(listing="timeline", table="entries")
    sql, params = timeline_sql(filters, match, about_name, select=f"entries.id, {line}")
    located: list[dict] = []

    def rows(ids: list[int]) -> Iterator[dict]:
        located[:] = located or [place_index(conn)]
        entries = _tuples_as_rows(conn, f"select {ENTRY_SELECT} from entries where id in"
                                        f" ({', '.join('?' * len(ids))})", ids)
        return _entry_rows(conn, entries, located[0], False)

    return Listing(
        TIMELINE_COLUMNS,
        lambda columns: timeline(conn, filters, match, about_name, "mentions" in columns),
        lambda: _lines_or_rows(_fetch_entries(lambda: _tuples(conn, sql, params), match), rows),
        _lines_digest(conn, "timeline"),
    )


#: A row's cached tsv line (store table ``lines``), NULL when it has none.
_LINE = ("(select line from lines where lines.listing = '{listing}'"
         " and lines.id = {table}.id)")


def _lines_digest(conn: sqlite3.Connection, listing: str) -> str | None:
    """The digest of the code that made ``listing``'s cached lines; None: no lines."""
    row = conn.execute("select value from meta where key = ?", (f"lines_{listing}",)).fetchone()
    return row[0] if row else None


def _lines_or_rows(found: Iterable[tuple[int, str | None]],
                   rows: Callable[[list[int]], Iterator[dict]]) -> Iterator[str | dict]:
    """Each (id, line) found, as its line, or as its row (``rows`` of a chunk of ids) when
    it has none, in order."""
    found = iter(found)
    while chunk := list(islice(found, 2000)):
        missing = [i for i, line in chunk if line is None]
        made = {row["id"]: row for row in rows(missing)} if missing else {}
        for i, line in chunk:
            yield line if line is not None else made[i]


def _tuples_as_rows(conn: sqlite3.Connection, sql: str, params) -> list[sqlite3.Row]:
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params).fetchall()


def no_rows(columns: list[str]) -> Listing:
    """A listing of these columns without a row (a filter matched nothing)."""
    return Listing(columns, lambda _: iter(()))


def background_count(
    conn: sqlite3.Connection, filters: Filters, match: str | Query | None, about_name: str | None
) -> int:
    """How many background entries the other filters leave (what ``background=False`` hides)."""
    sql, params = timeline_sql(replace(filters, background=True, limit=None), match, about_name)
    return conn.execute(f"select count(*) from ({sql}) where background", params).fetchone()[0]


def _fetch_entries(run: Callable[[], sqlite3.Cursor], match: str | Query | None) -> list:
    """The rows of a timeline query; a --match FTS5 cannot parse is one clear error."""
    try:
        return run().fetchall()
    except sqlite3.OperationalError as exc:
        raise BadQuery(f"{exc} in --match {match!r}: put words in double quotes") from None


#: The fields of one source's mention of a timeline entry.
MENTION_COLUMNS = ("article", "publisher", "published", "quote", "expression", "date", "precision",
                   "reprint_of")


def _mentions_of(conn: sqlite3.Connection, entries: list[int]) -> dict[int, list[tuple]]:
    """The source mentions of many entries in one query (not one query per entry), as
    tuples in the order of :data:`MENTION_COLUMNS`; the expression is cut from the
    sentence by the event's offsets (the corpus stores neither)."""
    found = _per_entry(
        conn, entries, f"article, publisher, published, {store.sentence_sql('events')},"
        " start - sentence_start, end - sentence_start, date, precision, nullif(report, article)"
    )
    return {entry: [(*row[:4], row[3][row[4]:row[5]], *row[6:]) for row in rows]
            for entry, rows in found.items()}


def _sources_of(conn: sqlite3.Connection, entries: list[int]) -> dict[int, list[tuple]]:
    """(article, publisher) of each mention of these entries, in :func:`_mentions_of`'s
    order: read from an index alone, no event row."""
    return _per_entry(conn, entries, "article, publisher")


#: Events in the order of their entry's mentions (entry, published, article, start).
BY_ENTRY = "events indexed by " + index_name(
    "events", ["entry", "published", "article", "start", "publisher"]
)


def _per_entry(
    conn: sqlite3.Connection, entries: list[int], columns: str
) -> dict[int, list[tuple]]:
    """``columns`` of the events of these entries, by entry, ordered by publication
    date, article and place in the article."""
    sql = (
        f"select entry, {columns} from {BY_ENTRY} where entry in ({', '.join('?' * len(entries))})"
        " order by entry, published, article, start"
    )
    rows = _tuples(conn, sql, entries).fetchall()
    return {entry: [row[1:] for row in group] for entry, group in groupby(rows, itemgetter(0))}


#: The fields of a claim's article that its row reads from the article (once for each
#: chunk of claims: a listing of one metric reads in the order of its index).
FIGURE_ARTICLE_FIELDS = ("title", "url")
#: A claim's row: the listed columns, the counted noun (what the table view reads), its id;
#: and where its sentence and its text end: a row reads their offsets (its quote and text
#: hold where they start), and :func:`_claims` cuts them from its article's text
#: (store.DERIVED).
FIGURE_FIELDS = [*FIGURE_COLUMNS, "noun", "id", "sentence_end", "end"]
#: A number column as a row holds it: a real holding a whole number as an integer (7000,
#: not 7000.0), as every format prints it.
NUMBER_VALUE = "iif({c} = cast({c} as integer), cast({c} as integer), {c})"
FIGURE_SELECT = ", ".join(
    "null" if c in FIGURE_ARTICLE_FIELDS
    else NUMBER_VALUE.format(c=f"figures.{c}") if c in ("value", "low", "high")
    else "figures.sentence_start" if c == "quote"
    else "figures.start" if c == "text"
    else f"figures.{c}" for c in FIGURE_FIELDS
)
#: A claim about a name: its own sentence names it (not only another of its article's).
CLAIM_ABOUT = (
    "exists (select 1 from mentions where mentions.key = :about_key"
    " and mentions.article = figures.article and mentions.start >= figures.sentence_start"
    " and mentions.start < figures.sentence_end)"
)


#: The date a claim is about: its as_of (2016, 2016-03 or 2016-03-15), else its article's.
CLAIM_DAY = "coalesce(figures.as_of, figures.published)"


#: `figures --by-claimant`: each metric's claims by claimant (any case; unattributed last),
#: oldest first, as views.figures_view groups them.
BY_CLAIMANT_ORDER = ("metric, coalesce(lower(claimant), '~'), coalesce(published, ''),"
                     " article, start")


def figures_sql(
    metrics: list[str] | None, filters: Filters, claimant: str | None, select: str = FIGURE_SELECT
) -> tuple[str, dict]:
    where, params = _article_where(
        replace(filters, date_from=None, date_to=None, about=None), "figures", "figures.article"
    )
    if filters.about:
        where.append(CLAIM_ABOUT)
        params["about_key"] = filters.about
    # --from/--to: the date the claim is about (as_of, a day, month or year: in the range
    # when any of its days is), else the day it was published.
    if filters.date_from:
        where.append(f"{CLAIM_DAY} || substr('-12-31', length({CLAIM_DAY}) - 3) >= :date_from")
        params["date_from"] = filters.date_from
    if filters.date_to:
        where.append(f"{CLAIM_DAY} || substr('-01-01', length({CLAIM_DAY}) - 3) <= :date_to")
        params["date_to"] = filters.date_to
    where.append("figures.reprint_of is null")  # a reprint's repeat of its original's claim
    if metrics is not None:
        names = {f"m{i}": m for i, m in enumerate(metrics)}
        where.append(f"figures.metric in ({', '.join(':' + k for k in names)})" if names else "0")
        params.update(names)
    if claimant:  # a person, or the organisation they speak for, by any of its names
        where.append("(figures.claimant like :claimant or figures.claimant_org like :claimant"
                     " or figures.claimant_org = :claimant_org)")
        params["claimant"] = f"%{claimant}%"
        params["claimant_org"] = canonical_org(claimant)   # "MoD" -> Russian Defence Ministry
    sql = (
        f"select {select} from figures"
        + (f" where {' and '.join(where)}" if where else "")
        # The order of the (metric, published desc, article, start) index: no sort.
        + f" order by {BY_CLAIMANT_ORDER if filters.by_claimant else FIGURES_ORDER}"
    )
    if filters.limit:
        sql += " limit :limit"
        params["limit"] = filters.limit
    return sql, params


def figures(
    conn: sqlite3.Connection,
    metrics: list[str] | None,
    filters: Filters,
    claimant: str | None = None,
) -> Iterator[dict]:
    """Claims as rows of :data:`FIGURE_FIELDS`, their places as a list."""
    yield from _claims(conn, *figures_sql(metrics, filters, claimant))


def _claims(conn: sqlite3.Connection, sql: str, params: dict | list) -> Iterator[dict]:
    """The claims ``sql`` selects (:data:`FIGURE_SELECT`) as rows, a chunk at a time,
    with the title and url of their articles and their sentences cut from its text."""
    rows = _tuples(conn, sql, params)
    located: dict[str, dict] | None = None
    while chunk := rows.fetchmany(1000):
        cited = _article_fields(conn, {row[ARTICLE_AT] for row in chunk})
        located = place_index(conn) if located is None else located
        for row in chunk:
            claim = dict(zip(FIGURE_FIELDS, row, strict=True))
            claim["places"] = from_json(claim["places"], located)
            *fields, text = cited[claim["article"]]
            claim["quote"] = text[claim["quote"]:claim.pop("sentence_end")]
            claim["text"] = text[claim["text"]:claim.pop("end")]
            claim.update(zip(FIGURE_ARTICLE_FIELDS, fields, strict=True))
            yield claim


#: Where a claim's article id is among its fields.
ARTICLE_AT = FIGURE_FIELDS.index("article")


def _article_fields(conn: sqlite3.Connection, articles: set[str]) -> dict[str, tuple]:
    """The :data:`FIGURE_ARTICLE_FIELDS` of these articles, then their text, by id."""
    found: dict[str, tuple] = {}
    selected = ", ".join((*FIGURE_ARTICLE_FIELDS, "text"))
    for chunk in chunks(sorted(articles)):
        found.update((row[0], row[1:]) for row in _tuples(
            conn, f"select id, {selected} from articles"
                  f" where id in ({', '.join('?' * len(chunk))})", chunk))
    return found


def place_called(conn: sqlite3.Connection, text: str) -> dict | None:
    """The place (places.place) a user's spelling names, mentioned in the corpus or not;
    None for a name that is no place."""
    return place_of_key(conn, known_key(conn, text))


def place_of_key(conn: sqlite3.Connection, key: str | None) -> dict | None:
    """The place (places.place) of a name key; None for a name that is no place."""
    row = _tuples(conn, "select name, lat, lon, geo_precision from known_names"
                        f" where key = ? and type in ({_PLACE_TYPES_SQL})", (key,)).fetchone()
    if row:
        return place(*row)
    entry = shipped_names(conn).by_key.get(key) if key is not None else None
    if entry is None or entry.type not in PLACE_TYPES:
        return None
    geo = entry.geo
    return place(entry.name, *((geo.lat, geo.lon, geo.precision) if geo else (None,) * 3))


def shipped_names(conn: sqlite3.Connection):
    """The variant table the corpus was built with (names.NameTable): the corpus holds
    only the names it mentions (store.write_name_table), and a name's card or the centre
    of --near may be a name it does not (~50 ms to load: read only then)."""
    from .extract.names import load_table

    row = conn.execute("select value from meta where key = 'names_file'").fetchone()
    return load_table(row[0] if row and row[0] else None)


def _shipped_key(conn: sqlite3.Connection, phrase: str) -> str | None:
    """The key of a spelling of the variant table that the corpus does not mention, looked
    up as :func:`known_name` looks one up in the corpus."""
    from .extract.spellings import spelling_key, variant_key

    table = shipped_names(conn)
    for key in (spelling_key(phrase), variant_key(phrase)):
        entry = table.lookup_index.get(key) or table.variant_index.get(key)
        if entry is not None:
            return entry.key
    return None


#: places.PLACE_TYPES as an SQL list.
_PLACE_TYPES_SQL = ", ".join(f"'{t}'" for t in PLACE_TYPES)


def place_index(conn: sqlite3.Connection) -> dict[str, dict]:
    """Every place the corpus's name table knows, by canonical name (places.place)."""
    return {
        row[0]: place(*row)
        for row in _tuples(conn, "select name, lat, lon, geo_precision from known_names"
                                 f" where type in ({_PLACE_TYPES_SQL})", ())
    }


def figures_listing(
    conn: sqlite3.Connection, metrics: list[str] | None, filters: Filters, claimant: str | None
) -> Listing:
    """A metric's claims (every claim without ``metrics``) as a :class:`Listing`."""
    line = _LINE.format(listing="figures", table="figures")
    sql, params = figures_sql(metrics, filters, claimant, select=f"figures.id, {line}")

    def rows(ids: list[int]) -> Iterator[dict]:
        return _claims(conn, f"select {FIGURE_SELECT} from figures"
                             f" where id in ({', '.join('?' * len(ids))})", ids)

    return Listing(
        FIGURE_COLUMNS,
        lambda columns: figures(conn, metrics, filters, claimant),
        lambda: _lines_or_rows(_tuples(conn, sql, params), rows),
        _lines_digest(conn, "figures"),
    )


def figures_claimed_by(conn: sqlite3.Connection, spellings: list[str]) -> list[dict]:
    """Claims whose claimant is written with any of these spellings (a name, a surname, an org)."""
    if not spellings:
        return []
    params = {f"s{i}": f"%{s}%" for i, s in enumerate(spellings)}
    sql, base = figures_sql(None, Filters(), None)
    where = " or ".join(f"figures.claimant like :{k}" for k in params)
    sql = sql.replace(" order by", f" and ({where}) order by", 1)  # figures_sql has a where
    return list(_claims(conn, sql, {**base, **params}))


#: `figures --summary`: read from the figures listing index alone (store.INDEXES).
FIGURE_METRICS_SQL = (
    "select metric, count(*) as claims, count(distinct article) as articles,"
    " min(coalesce(value, low)) as min, max(coalesce(value, high)) as max,"
    " group_concat(distinct unit) as units"
    " from figures group by metric order by claims desc, metric"
)


#: The distinct metrics, one index probe each (a plain "select distinct" reads every row).
METRIC_NAMES_SQL = """
with recursive names(metric) as (
    select min(metric) from figures
    union all
    select (select min(metric) from figures where metric > names.metric) from names
    where names.metric is not null
)
select metric from names where metric is not null"""


def metric_names(conn: sqlite3.Connection) -> list[str]:
    """Every metric the corpus's figures are filed under."""
    return [r[0] for r in conn.execute(METRIC_NAMES_SQL)]


def figure_metrics(conn: sqlite3.Connection) -> Iterator[dict]:
    for row in conn.execute(FIGURE_METRICS_SQL):
        yield dict(row)


def publishers(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "select distinct publisher from articles where publisher is not null order by publisher"
        )
    ]


#: The values each listing filter is matched against, for saying which exist when one
#: matches nothing (:func:`unmatched`).
FILTER_VALUES = {
    "--publisher": "select distinct publisher from articles where publisher is not null",
    "--claimant": "select claimant from figures where claimant is not null"
                  " union select claimant_org from figures where claimant_org is not null",
    "--about": "select distinct name from mentions",
    "METRIC": METRIC_NAMES_SQL,
}
#: How many of the nearest values a note names, and how alike (difflib's ratio) they must be.
NEAREST, NEAREST_CUTOFF = 3, 0.4


def unmatched(conn: sqlite3.Connection, given: dict[str, str | None]) -> list[tuple[str, list]]:
    """The filters among ``given`` (option -> value, as :data:`FILTER_VALUES` names them)
    whose value alone matches nothing in the corpus, each with the nearest values that
    exist (difflib, case aside)."""
    misses = []
    for option, value in given.items():
        if not value or _matches(conn, option, value):
            continue
        existing = [r[0] for r in conn.execute(FILTER_VALUES[option])]
        ranked = sorted(existing, key=lambda v: (-_likeness(value, v), v))[:NEAREST]
        near = [v for v in ranked if _likeness(value, v) >= NEAREST_CUTOFF]
        misses.append((option, near or ranked))
    return misses


def _likeness(typed: str, value: str) -> float:
    """How alike a typed value is to an existing one, or to one of its words (case aside):
    'Shoigo' is most like 'Sergei Shoigu'."""
    typed, value = typed.casefold(), value.casefold()
    return max(difflib.SequenceMatcher(None, typed, part).ratio()
               for part in [value, *value.split()])


def _matches(conn: sqlite3.Connection, option: str, value: str) -> bool:
    """Whether a filter's value alone matches anything, as the listings match it."""
    if option == "--publisher":
        sql = "select 1 from articles where publisher = :v collate nocase limit 1"
    elif option == "--claimant":
        sql = ("select 1 from figures where claimant like :like or claimant_org like :like"
               " or claimant_org = :org limit 1")
    elif option == "--about":
        return known_key(conn, value) is not None
    else:
        from .extract.metrics import metrics_for

        return bool(metrics_for(value, metric_names(conn)))
    params = {"v": value, "like": f"%{value}%", "org": canonical_org(value)}
    return conn.execute(sql, params).fetchone() is not None


def names(conn: sqlite3.Connection, type_: str | None = None) -> Iterator[dict]:
    """Every name with its counts, spellings and the first and last dates of the events
    that name it: one pass over the mentions and one over the events (a correlated scan of
    the events per name took 43 s at 100,000 articles)."""
    where = "where type = :type" if type_ else ""
    sql = (
        "with counted as (select name, type,"
        " count(distinct article) as articles, count(*) as mentions,"
        " replace(group_concat(distinct text), ',', ', ') as spellings,"
        " max(role) as role, max(org) as org"
        f" from mentions {where} group by name, type),"
        " dated as (select named.value as name,"
        " min(events.date) as first, max(events.date) as last"
        " from events, json_each(events.about) as named"
        " where events.date is not null group by named.value)"
        " select counted.*, dated.first, dated.last,"
        " known_names.lat, known_names.lon, known_names.geo_precision"
        " from counted left join dated on dated.name = counted.name"
        " left join known_names on known_names.name = counted.name"
        " and known_names.type = counted.type"
        " order by counted.mentions desc, counted.name"
    )
    for row in conn.execute(sql, {"type": type_}):
        yield dict(row)


def name_card(conn: sqlite3.Connection, key: str) -> dict:
    # the articles naming it from the FTS names column: mentions have no index of keys
    rows = conn.execute(
        "select mentions.*, articles.publisher, articles.published from mentions"
        " join articles on articles.id = mentions.article where mentions.key = :key"
        " and articles.rowid in (select rowid from articles_fts where articles_fts match :names)"
        " order by articles.published, mentions.start",
        {"key": key, "names": in_names(key)},
    ).fetchall()
    if not rows:
        return _unmentioned_card(conn, key)
    first = dict(rows[0])
    card = {
        "name": first["name"],
        "type": first["type"],
        "role": next((r["role"] for r in rows if r["role"]), None),
        "org": next((r["org"] for r in rows if r["org"]), None),
        "spellings": sorted({r["text"] for r in rows}),
        "articles": sorted({r["article"] for r in rows}),
        "mentions": len(rows),
        **_card_place(conn, key),
    }
    card["events"] = [_without_id(e) for e in timeline(conn, Filters(about=key), None,
                                                        card["name"])]
    surnames = [s.split()[-1] for s in card["spellings"] if card["type"] == "person"]
    card["figures"] = [_without_id(c) for c in figures_claimed_by(conn, card["spellings"]
                                                                   + surnames)]
    return card


def _without_id(row: dict) -> dict:
    """A listing's row without its internal id (what a card shows)."""
    row.pop("id", None)
    return row


def _card_place(conn: sqlite3.Connection, key: str) -> dict:
    """A card's ``lat``, ``lon`` and ``geo_precision`` (None for a name that is no place)."""
    spot = place_of_key(conn, key) or place(key, None, None, None)
    return {"lat": spot["lat"], "lon": spot["lon"], "geo_precision": spot["precision"]}


def _unmentioned_card(conn: sqlite3.Connection, key: str) -> dict:
    """The card of a name the variant table knows and no article mentions ("Raqqa")."""
    entry = shipped_names(conn).by_key.get(key)
    return {"name": entry.name if entry else key, "type": entry.type if entry else None,
            "role": None, "org": None, "spellings": [], "articles": [], "mentions": 0,
            **_card_place(conn, key), "events": [], "figures": []}


def name_of(conn: sqlite3.Connection, key: str | None) -> str | None:
    """The canonical name behind a name key."""
    if key is None:
        return None
    row = conn.execute(
        "select coalesce(f.name, known_names.name) from name_forms as f"
        " left join known_names on known_names.key = f.key where f.key = ? limit 1", (key,)
    ).fetchone()
    return row[0] if row else None


def known_name(
    conn: sqlite3.Connection, phrase: str
) -> tuple[str, list[str], list[str], bool] | None:
    """(key, search variants, case-sensitive spellings, complete) of a spelling the variant
    table knows; ``complete`` when the variants are every spelling the corpus uses (none of
    them case-sensitive), so the text alone finds every article naming it."""
    from .extract.spellings import spelling_key, variant_key

    phrase = _bare_name(phrase)
    if not phrase:
        return None
    # a spelling the table lists first, else one of the same transliteration ("Hmeymim")
    row = conn.execute(
        "select known_names.key, search_variants, case_sensitive from spellings"
        " join known_names on known_names.rowid = spellings.name"
        " where spelling in (:spelling, :variant) order by spelling = :spelling desc limit 1",
        {"spelling": spelling_key(phrase), "variant": variant_key(phrase)},
    ).fetchone()
    if not row:
        return None
    key, variants, case_sensitive = row[0], json.loads(row[1]), json.loads(row[2])
    used = [r[0] for r in conn.execute("select spelling from seen_spellings where key = ?", (key,))]
    seen = [s for s in used if s not in case_sensitive]
    # The spellings the corpus uses (plus the one typed), else every spelling known; and
    # the spellings used inside another name ("naval facility at Tartous" is a base, and
    # its article names Tartus too).
    typed = [phrase] if phrase not in case_sensitive else []
    complete = bool(seen) and len(seen) == len(used)
    if not seen:
        return key, variants, case_sensitive, complete
    unseen = [v for v in variants if v not in seen and v not in case_sensitive]
    inside = []
    if unseen:  # one pass over the spellings for all of them
        params = {f"v{i}": f"%{v}%" for i, v in enumerate(unseen)}
        likes = " or ".join(f"spelling like :{k}" for k in params)
        others = [r[0].lower() for r in conn.execute(
            f"select spelling from seen_spellings where key != :key and ({likes})",
            {"key": key, **params})]
        inside = [v for v in unseen if any(v.lower() in other for other in others)]
    return key, list(dict.fromkeys(typed + seen + inside)), case_sensitive, complete


def _bare_name(phrase: str) -> str:
    """A typed name without a leading 'the' or a possessive 's."""
    return re.sub(r"^the\s+|['’]s$", "", phrase.strip(), flags=re.I)


def known_key(conn: sqlite3.Connection, text: str) -> str | None:
    """The key of a name a user typed: any spelling the table knows, or a name seen in the
    corpus."""
    known = known_name(conn, text)
    if known is not None:
        return known[0]
    # the forms that write it, the key that most mentions have first
    row = conn.execute(
        "select f.key from name_forms as f left join known_names on known_names.key = f.key"
        " join mention_rows as m on m.form = f.id"
        " where coalesce(f.name, known_names.name) = :text collate nocase"
        " or coalesce(f.text, f.name, known_names.name) = :text collate nocase"
        " group by f.key order by count(*) desc limit 1",
        {"text": text.strip()},
    ).fetchone()
    if row:
        return row[0]
    phrase = _bare_name(text)
    return _shipped_key(conn, phrase) if phrase else None


#: The fields of an event as the exports read it (see :func:`timeline_events`).
EVENT_EXPORT_COLUMNS = (
    "entry", "id", "article", "publisher", "published", "date", "precision", "first_day",
    "last_day", "summary", "quote", "about", "concepts", "sentence_start", "start", "end",
    "url", "title",
)


def timeline_events(
    conn: sqlite3.Connection,
    filters: Filters,
    match: str | Query | None = None,
    about_name: str | None = None,
) -> Iterator[dict]:
    """The events of the timeline's entries (the same filters, in the same order), each
    a dict of :data:`EVENT_EXPORT_COLUMNS`, ``about`` and ``concepts`` as lists. Only the
    events that pass ``filters``' publisher, about and near themselves, and no reprint's
    copy of its original's event (it is the same report)."""
    sql, params = timeline_sql(filters, match, about_name, select="entries.id")
    entries = [row[0] for row in _fetch_entries(lambda: _tuples(conn, sql, params), match)]
    near = set(filters.near) if filters.near is not None else None
    publisher = filters.publisher.casefold() if filters.publisher else None
    selected = ", ".join(store.sentence_sql("events", "articles") if c == "quote"
                         else store.CLAUSE_SQL.format(article="articles", table="events")
                         if c == "summary" else f"events.{c}" for c in EVENT_EXPORT_COLUMNS[:-2])
    for chunk in chunks(entries):
        order = {entry: i for i, entry in enumerate(chunk)}
        rows = _tuples(
            conn,
            f"select {selected}, articles.url, articles.title from events"
            " join articles on articles.id = events.article"
            f" where events.entry in ({', '.join('?' * len(chunk))})"
            " and events.report is null"
            " order by events.entry, events.published, events.article, events.start",
            chunk,
        ).fetchall()
        for values in sorted(rows, key=lambda r: order[r[0]]):
            event = dict(zip(EVENT_EXPORT_COLUMNS, values, strict=True))
            event["summary"] = summarise(event["summary"])  # selected as its clause
            event["about"] = json.loads(event["about"] or "[]")
            event["concepts"] = json.loads(event["concepts"] or "[]")
            if publisher and (event["publisher"] or "").casefold() != publisher:
                continue
            if about_name and about_name not in event["about"]:
                continue
            if near is not None and near.isdisjoint(event["about"]):
                continue
            yield event


def sentence_claims(
    conn: sqlite3.Connection, articles: list[str], metrics: list[str]
) -> dict[tuple[str, int], list[dict]]:
    """The claims of these metrics in these articles, by (article, sentence start), in
    their order in the text (no reprint's repeat of its original's claim)."""
    if not articles or not metrics:
        return {}
    claims: dict[tuple[str, int], list[dict]] = {}
    names = {f"m{i}": m for i, m in enumerate(metrics)}
    for chunk in chunks(articles):
        ids = {f"a{i}": a for i, a in enumerate(chunk)}
        cursor = conn.execute(
            "select article, sentence_start, start, metric, value, low, high, qualifier,"
            f" {store.SPAN_SQL.format(article='articles', table='figures')} as text,"
            " claimant, claimant_org, as_of, period from figures"
            " join articles on articles.id = figures.article"
            f" where figures.article in ({', '.join(':' + k for k in ids)})"
            f" and metric in ({', '.join(':' + k for k in names)})"
            " and figures.reprint_of is null order by figures.article, figures.start",
            {**ids, **names},
        )
        for row in cursor:
            claim = dict(row)
            claims.setdefault((claim["article"], claim["sentence_start"]), []).append(claim)
    return claims


def sentence_parts(conn: sqlite3.Connection, articles: list[str]) -> dict[str, dict[str, list]]:
    """Each article's resolved date mentions (start, end) and name mentions (start, end,
    name, type), in text order: what cuts a sentence into clauses and names their sides."""
    parts: dict[str, dict[str, list]] = {a: {"dates": [], "names": []} for a in articles}
    for chunk in chunks(articles):
        marks = ", ".join("?" * len(chunk))
        for article, start, end in _tuples(
                conn, f"select article, start, end from dates where article in ({marks})"
                " and date is not null and rule not in ('period', 'range', 'duration')"
                " order by article, start", chunk):
            parts[article]["dates"].append((start, end))
        for article, start, end, name, type_ in _tuples(
                conn, "select article, start, end, name, type from mentions"
                f" where article in ({marks}) order by article, start", chunk):
            parts[article]["names"].append((start, end, name, type_))
    return parts


def place_admin(conn: sqlite3.Connection) -> dict[str, tuple[str, str, str]]:
    """Each place's (country, admin1, admin2) as the name table has them ("" unknown)."""
    return {name: (country or "", admin1 or "", admin2 or "")
            for name, country, admin1, admin2 in _tuples(
                conn, "select name, country, admin1, admin2 from known_names"
                      f" where type in ({_PLACE_TYPES_SQL})", ())}


def name_types(conn: sqlite3.Connection) -> dict[str, str]:
    """The type of each name the name table knows, by canonical name."""
    return dict(_tuples(conn, "select name, type from known_names", ()).fetchall())


def claim_places(conn: sqlite3.Connection, filters: Filters) -> Iterator[tuple[str, list[dict]]]:
    """(article, places) of each claim that names a place, through ``filters``' dates,
    publisher and about (a reprint's repeat of its original's claim left out), only the
    claims naming one of ``filters.near`` when that is set."""
    where, params = _article_where(replace(filters, limit=None), "figures", "figures.article")
    where += ["figures.reprint_of is null", "figures.places is not null"]
    near = set(filters.near) if filters.near is not None else None
    located = place_index(conn)
    for article, stored in _tuples(
            conn, f"select article, places from figures where {' and '.join(where)}", params):
        places = from_json(stored, located)
        if near is None or not near.isdisjoint(p["name"] for p in places):
            yield article, places
