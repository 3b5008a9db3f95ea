"""Read queries over a corpus: each a SQL builder paired with an executor.

Every user value reaches SQL as a ``:named`` parameter; table and column names
are fixed here. Rows come back as plain dicts, streamed where they can be; the
listings the plain-text formats print in bulk (figures, timeline) also come as tuples
in the order of their columns, which the renderers write without building a dict.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import groupby
from operator import itemgetter

from . import store
from .errors import BadQuery, NoSuchArticle
from .extract.speakers import canonical_org
from .fts import Query
from .places import PLACE_TYPES, from_json, place, places_named, places_text
from .store import ARTICLES_ORDER, FIGURES_ORDER, RANK_WEIGHTS, chunks, index_name

#: Snippet markers: control characters no article contains, mapped by each renderer.
MARK_START, MARK_END = "\x02", "\x03"

#: The columns of each listing, in the order every format prints them.
FIGURE_COLUMNS = [
    "metric",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "text",
    "claimant",
    "claimant_org",
    "via",
    "article",
    "title",
    "publisher",
    "published",
    "url",
    "as_of",
    "period",
    "quote",
    "reprints",
    "places",
]
#: The figure columns holding numbers; the others are TEXT columns.
FIGURE_NUMBERS = frozenset({"value", "low", "high"})
#: Where a claim's places are among its columns: stored as JSON (places.place objects),
#: a list in json, text (places.places_text) in csv, tsv and tables.
FIGURE_PLACES = FIGURE_COLUMNS.index("places")
#: sources: how many reports the entry's mentions come from (a reprint counts with its
#: original, see reprints.py).
#: background: every report of the entry only anchors a lasting state to its date
#: (:data:`BACKGROUND_EVENT`).
#: places: the places its sentences name, with coordinates (places.place objects).
TIMELINE_COLUMNS = ["date", "precision", "summary", "about", "conflict", "sources", "background",
                    "mentions", "places"]
#: Timeline columns for csv/tsv: one flat line per entry.
FLAT_TIMELINE_COLUMNS = [
    "date",
    "precision",
    "summary",
    "publishers",
    "articles",
    "about",
    "conflict",
    "background",
    "places",
]

#: How a number column (REAL affinity: a real or NULL) comes back as a tuple value. A
#: real holding a whole number comes back as an integer (7000, not 7000.0), as every
#: format prints it. As text, NULL is '' and whole numbers are their digits; other reals
#: stay numbers: SQLite writes them with 15 digits, Python with as many as it takes
#: (0.30000000000000004).
NUMBER_VALUE = "iif({c} = cast({c} as integer), cast({c} as integer), {c})"
TEXT_VALUE = (
    "iif({c} = cast({c} as integer), cast(cast({c} as integer) as text), coalesce({c}, ''))"
)


@dataclass(frozen=True)
class Listing:
    """One listing in each shape a format reads it (render.write_listing picks):
    ``rows()`` as dicts for a terminal's table, ``tuples(flat)`` in the order of
    ``columns`` (or of ``flat_columns``: one line's values, for csv), ``lines()`` as the
    tsv lines a full build made (the ``listing`` columns of store.TABLES)."""

    columns: list[str]
    flat_columns: list[str]
    rows: Callable[[], Iterator[dict]]
    tuples: Callable[[bool], Iterator[tuple]]
    lines: Callable[[], Iterable[tuple]]


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


def listing_sql(sql: str, columns: list[str], numbers: frozenset[str], text: bool = False) -> str:
    """``sql`` cut to ``columns``, the ``numbers`` among them as :data:`NUMBER_VALUE` or
    :data:`TEXT_VALUE`, the others text as it is ('' for NULL when ``text``).

    The others must be TEXT columns (SQLite stores any number put in one as text): the
    checks the number expressions make cost a third of a 34,000-row listing.
    The renderers write such tuples as they come, with no per-value work in Python.
    """
    value = TEXT_VALUE if text else NUMBER_VALUE
    as_is = "coalesce({c}, '')" if text else "{c}"
    selected = ", ".join((value if c in numbers else as_is).format(c=_quote(c)) for c in columns)
    return f"select {selected} from ({sql})"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tuples(conn: sqlite3.Connection, sql: str, params) -> sqlite3.Cursor:
    """Rows as plain tuples, whatever the connection's row factory."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params)


#: The columns `articles` writes, most wanted first (a narrow table leaves out the last).
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
    result = dict(row)
    for table in ("dates", "figures", "mentions"):
        result[table] = [
            {k: v for k, v in zip(r.keys(), r, strict=True) if k not in store.SPEED_COLUMNS}
            for r in conn.execute(
                f"select * from {table} where article = :id order by start", {"id": article_id}
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
    [f"entries.{c}" for c in store.TABLES["entries"]["columns"] if c not in store.SPEED_COLUMNS]
    + [f"{ENTRY_BACKGROUND} as background"]
)


def timeline_sql(
    filters: Filters,
    match: str | Query | None,
    about_name: str | None = None,
    select: str = ENTRY_SELECT,
) -> tuple[str, dict]:
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
    inner, inner_params = [], {}
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
    if inner and where:
        # Within a date range, each entry of the range is checked through the events
        # index by entry: a name in most articles would otherwise list most events first.
        where.append(
            "exists (select 1 from events where events.entry = entries.id"
            f" and {' and '.join(inner)})"
        )
        params.update(inner_params)
    elif inner:
        if filters.about:  # the articles naming it first: an index narrows to them
            about_where, about_params = _article_where(
                Filters(about=filters.about), id_="events.article"
            )
            inner[:0] = about_where
            inner_params.update(about_params)
        where.append(f"entries.id in (select events.entry from events where {' and '.join(inner)})")
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


def timeline(
    conn: sqlite3.Connection,
    filters: Filters,
    match: str | Query | None = None,
    about_name: str | None = None,
) -> Iterator[dict]:
    """Entries as dicts of every column, their ``about``, ``conflict``, ``mentions`` and
    ``places`` as lists."""
    located = place_index(conn)
    for row, mentions in _entries(conn, filters, match, about_name):
        entry = dict(row)
        entry["about"] = json.loads(entry["about"] or "[]")
        entry["places"] = places_named(entry["about"], located)
        entry["conflict"] = json.loads(entry["conflict"]) if entry["conflict"] else None
        entry["background"] = bool(entry["background"])
        entry["mentions"] = [dict(zip(MENTION_COLUMNS, m, strict=True)) for m in mentions]
        yield entry


def timeline_rows(
    conn: sqlite3.Connection,
    filters: Filters,
    match: str | Query | None = None,
    about_name: str | None = None,
    flat: Callable[[list], str] | None = None,
) -> Iterator[tuple]:
    """Entries as tuples in the order of :data:`TIMELINE_COLUMNS`, or with ``flat`` (how
    a list prints as text) of :data:`FLAT_TIMELINE_COLUMNS` (see :func:`flat_entry`)."""
    if flat is None:
        for e in timeline(conn, filters, match, about_name):
            yield tuple(e[column] for column in TIMELINE_COLUMNS)
        return
    about_text: dict[str | None, tuple[str, str]] = {}
    located = place_index(conn)
    for entry, sources in _entries(conn, filters, match, about_name, _sources_of):
        yield flat_entry(entry, sources, flat, about_text, located)


def flat_entry(entry, sources: list[tuple], flat: Callable[[list], str], about_text: dict,
               located: dict[str, dict]) -> tuple:
    """An entry row as one line's values (:data:`FLAT_TIMELINE_COLUMNS`): the publishers
    and articles of its mentions (``sources``, from :func:`_sources_of`), its conflict and
    its places (from ``located``, :func:`place_index`) as text, its mentions' sentences
    left out. ``about_text`` caches the few lists of names (and their places) entries
    share."""
    about, conflict = entry["about"], entry["conflict"]
    if about not in about_text:
        names = json.loads(about or "[]")
        about_text[about] = (flat(names), places_text(places_named(names, located)))
    if conflict:
        conflict = "; ".join(
            f"{c['date']}: {', '.join(c['articles'])}" for c in json.loads(conflict)
        )
    return (
        entry["date"],
        entry["precision"],
        entry["summary"],
        flat(list(dict.fromkeys([publisher for _, publisher in sources if publisher]))),
        flat(list(dict.fromkeys([article for article, _ in sources]))),
        about_text[about][0],
        conflict or "",
        "true" if entry["background"] else "false",  # text: the line goes out in bulk
        about_text[about][1],
    )


def timeline_lines(
    conn: sqlite3.Connection,
    filters: Filters,
    match: str | Query | None = None,
    about_name: str | None = None,
) -> list[tuple[str, int]]:
    """Entries as (tsv line, id) tuples, made by the full build that wrote them
    (:func:`entry_listings`), or here for an entry an update re-merged since."""
    sql, params = timeline_sql(filters, match, about_name, select="entries.listing, entries.id")
    rows = _fetch_entries(lambda: _tuples(conn, sql, params), match)
    missing = [entry for line, entry in rows if line is None]
    if missing:
        made = {entry: line for lines in entry_listings(conn, missing) for line, entry in lines}
        rows = [(line if line is not None else made[entry], entry) for line, entry in rows]
    return rows


def entry_listings(conn: sqlite3.Connection, ids: list[int]) -> Iterator[list[tuple[str, int]]]:
    """(tsv line, id) of these entries, a batch at a time: each line as `timeline
    --format tsv` prints the entry from its rows (:func:`flat_entry`)."""
    from .render import tsv_lines

    about_text: dict[str | None, tuple[str, str]] = {}
    located = place_index(conn)
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    for chunk in chunks(ids):
        entries = cursor.execute(
            f"select {ENTRY_SELECT} from entries where id in ({', '.join('?' * len(chunk))})", chunk
        ).fetchall()
        sources = _sources_of(conn, chunk)
        lines = tsv_lines(
            [flat_entry(e, sources.get(e["id"], []), ", ".join, about_text, located)
             for e in entries],
            len(FLAT_TIMELINE_COLUMNS),
        )
        yield list(zip(lines, [e["id"] for e in entries], strict=True))


def timeline_listing(
    conn: sqlite3.Connection, filters: Filters, match: str | Query | None, about_name: str | None
) -> Listing:
    """The timeline's entries as a :class:`Listing`."""
    args = (conn, filters, match, about_name)
    return Listing(
        TIMELINE_COLUMNS,
        FLAT_TIMELINE_COLUMNS,
        rows=lambda: timeline(*args),
        tuples=lambda flat: timeline_rows(*args, flat=list_text if flat else None),
        lines=lambda: timeline_lines(*args),
    )


def list_text(values: list) -> str:
    """A list of text as csv and tsv write it: "a, b" (rows handed over as text go out
    in bulk; a tsv line is still checked, and csv quotes what needs it)."""
    return ", ".join(values)


def background_count(
    conn: sqlite3.Connection, filters: Filters, match: str | Query | None, about_name: str | None
) -> int:
    """How many background entries the other filters leave (what ``background=False`` hides)."""
    sql, params = timeline_sql(replace(filters, background=True, limit=None), match, about_name)
    return conn.execute(f"select count(*) from ({sql}) where background", params).fetchone()[0]


def _entries(
    conn: sqlite3.Connection,
    filters: Filters,
    match: str | Query | None,
    about_name: str | None,
    mentions_of=None,
) -> Iterator[tuple[sqlite3.Row, list[tuple]]]:
    """Each entry row with its mentions (``mentions_of``, else :func:`_mentions_of`),
    fetched for 500 entries at a time."""
    mentions_of = mentions_of or _mentions_of
    sql, params = timeline_sql(filters, match, about_name)
    rows = _fetch_entries(lambda: conn.execute(sql, params), match)
    for chunk in chunks(rows):
        mentions = mentions_of(conn, [entry["id"] for entry in chunk])
        for entry in chunk:
            yield entry, mentions.get(entry["id"], [])


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
    tuples in the order of :data:`MENTION_COLUMNS`."""
    return _per_entry(
        conn, entries, "article, publisher, published, quote, expression, date, precision,"
        " nullif(report, article)"
    )


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


#: What a claim's row holds for every format but tsv (which reads its `listing` line).
#: What the table view reads of a claim: the listed columns and the counted noun.
FIGURE_SELECT = ", ".join(FIGURE_COLUMNS) + ", noun"


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
        replace(filters, date_from=None, date_to=None), "figures", "figures.article"
    )
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
    sql, params = figures_sql(metrics, filters, claimant)
    for row in conn.execute(sql, params):
        claim = dict(row)
        claim["places"] = from_json(claim["places"])
        yield claim


def figure_rows(
    conn: sqlite3.Connection,
    metrics: list[str] | None,
    filters: Filters,
    claimant: str | None = None,
    text: bool = False,
) -> Iterator[tuple]:
    """Claims as tuples in the order of :data:`FIGURE_COLUMNS` (see :func:`listing_sql`),
    their places as text when ``text``, else as a list."""
    sql, params = figures_sql(metrics, filters, claimant)
    rows = _tuples(conn, listing_sql(sql, FIGURE_COLUMNS, FIGURE_NUMBERS, text), params)
    as_value = _places_json_as_text if text else from_json
    for row in rows:
        yield (*row[:FIGURE_PLACES], as_value(row[FIGURE_PLACES]), *row[FIGURE_PLACES + 1:])


def _places_json_as_text(stored: str | None) -> str:
    return places_text(from_json(stored))


def figure_line(values) -> str:
    """A claim's line of `figures --format tsv` from its :data:`FIGURE_COLUMNS` values as
    stored (what figures.listing holds: rows.py and reprints.py make it)."""
    from .render import tsv_line

    values = list(values)
    values[FIGURE_PLACES] = _places_json_as_text(values[FIGURE_PLACES])
    return tsv_line(values)


def place_called(conn: sqlite3.Connection, text: str) -> dict | None:
    """The place (places.place) a user's spelling names, mentioned in the corpus or not;
    None for a name that is no place."""
    return place_of_key(conn, name_key(conn, text))


def place_of_key(conn: sqlite3.Connection, key: str | None) -> dict | None:
    """The place (places.place) of a name key; None for a name that is no place."""
    row = _tuples(conn, "select name, lat, lon, geo_precision from known_names"
                        f" where key = ? and type in ({_PLACE_TYPES_SQL})", (key,)).fetchone()
    return place(*row) if row else None


#: places.PLACE_TYPES as an SQL list.
_PLACE_TYPES_SQL = ", ".join(f"'{t}'" for t in PLACE_TYPES)


def place_index(conn: sqlite3.Connection) -> dict[str, dict]:
    """Every place the corpus's name table knows, by canonical name (places.place)."""
    return {
        row[0]: place(*row)
        for row in _tuples(conn, "select name, lat, lon, geo_precision from known_names"
                                 f" where type in ({_PLACE_TYPES_SQL})", ())
    }


def figure_lines(
    conn: sqlite3.Connection,
    metrics: list[str] | None,
    filters: Filters,
    claimant: str | None = None,
) -> sqlite3.Cursor:
    """Claims as 1-tuples of their tsv line, made at build time (see store.TABLES)."""
    return _tuples(conn, *figures_sql(metrics, filters, claimant, select="listing"))


def figures_listing(
    conn: sqlite3.Connection, metrics: list[str] | None, filters: Filters, claimant: str | None
) -> Listing:
    """A metric's claims (every claim without ``metrics``) as a :class:`Listing`."""
    args = (conn, metrics, filters, claimant)
    return Listing(
        FIGURE_COLUMNS,
        FIGURE_COLUMNS,
        rows=lambda: figures(*args),
        tuples=lambda flat: figure_rows(*args, text=flat),
        lines=lambda: figure_lines(*args),
    )


def figures_claimed_by(conn: sqlite3.Connection, spellings: list[str]) -> list[dict]:
    """Claims whose claimant is written with any of these spellings (a name, a surname, an org)."""
    if not spellings:
        return []
    params = {f"s{i}": f"%{s}%" for i, s in enumerate(spellings)}
    sql, base = figures_sql(None, Filters(), None)
    where = " or ".join(f"figures.claimant like :{k}" for k in params)
    sql = sql.replace(" order by", f" and ({where}) order by", 1)  # figures_sql has a where
    return [{**row, "places": from_json(row["places"])}
            for row in map(dict, conn.execute(sql, {**base, **params}))]


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
    rows = conn.execute(
        "select mentions.*, articles.publisher, articles.published from mentions"
        " join articles on articles.id = mentions.article where mentions.key = :key"
        " order by articles.published, mentions.start",
        {"key": key},
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
    card["events"] = list(timeline(conn, Filters(about=key), None, card["name"]))
    surnames = [s.split()[-1] for s in card["spellings"] if card["type"] == "person"]
    card["figures"] = figures_claimed_by(conn, card["spellings"] + surnames)
    return card


def _card_place(conn: sqlite3.Connection, key: str) -> dict:
    """A card's ``lat``, ``lon`` and ``geo_precision`` (None for a name that is no place)."""
    spot = place_of_key(conn, key) or place(key, None, None, None)
    return {"lat": spot["lat"], "lon": spot["lon"], "geo_precision": spot["precision"]}


def _unmentioned_card(conn: sqlite3.Connection, key: str) -> dict:
    """The card of a name the variant table knows and no article mentions ("Raqqa")."""
    from .extract.names import load_table

    entry = load_table().by_key.get(key)
    return {"name": entry.name if entry else key, "type": entry.type if entry else None,
            "role": None, "org": None, "spellings": [], "articles": [], "mentions": 0,
            **_card_place(conn, key), "events": [], "figures": []}


def name_of(conn: sqlite3.Connection, key: str | None) -> str | None:
    """The canonical name behind a name key."""
    if key is None:
        return None
    row = conn.execute("select name from mentions where key = ? limit 1", (key,)).fetchone()
    return row[0] if row else None


def known_name(
    conn: sqlite3.Connection, phrase: str
) -> tuple[str, list[str], list[str], bool] | None:
    """(key, search variants, case-sensitive spellings, complete) of a spelling the variant
    table knows; ``complete`` when the variants are every spelling the corpus uses (none of
    them case-sensitive), so the text alone finds every article naming it."""
    from .extract.spellings import spelling_key

    phrase = re.sub(r"^the\s+|['’]s$", "", phrase.strip(), flags=re.I)
    if not phrase:
        return None
    row = conn.execute(
        "select known_names.key, search_variants, case_sensitive from spellings"
        " join known_names on known_names.key = spellings.key where spelling = :spelling",
        {"spelling": spelling_key(phrase)},
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


def name_key(conn: sqlite3.Connection, text: str) -> str | None:
    """The key of a name a user typed: any spelling the table knows, or a name seen in the
    corpus."""
    known = known_name(conn, text)
    if known is not None:
        return known[0]
    row = conn.execute(
        "select key from mentions where name = :text collate nocase or text = :text collate nocase"
        " group by key order by count(*) desc limit 1",
        {"text": text.strip()},
    ).fetchone()
    return row[0] if row else None


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
    selected = ", ".join(f"events.{c}" for c in EVENT_EXPORT_COLUMNS[:-2])
    for chunk in chunks(entries):
        order = {entry: i for i, entry in enumerate(chunk)}
        rows = _tuples(
            conn,
            f"select {selected}, articles.url, articles.title from events"
            " join articles on articles.id = events.article"
            f" where events.entry in ({', '.join('?' * len(chunk))})"
            " and events.report = events.article"
            " order by events.entry, events.published, events.article, events.start",
            chunk,
        ).fetchall()
        for values in sorted(rows, key=lambda r: order[r[0]]):
            event = dict(zip(EVENT_EXPORT_COLUMNS, values, strict=True))
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
            "select article, sentence_start, start, metric, value, low, high, qualifier, text,"
            " claimant, claimant_org, as_of, period from figures"
            f" where article in ({', '.join(':' + k for k in ids)})"
            f" and metric in ({', '.join(':' + k for k in names)}) and reprint_of is null"
            " order by article, start",
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
    for article, stored in _tuples(
            conn, f"select article, places from figures where {' and '.join(where)}", params):
        places = from_json(stored)
        if near is None or not near.isdisjoint(p["name"] for p in places):
            yield article, places
