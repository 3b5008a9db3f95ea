"""The corpus in a web browser: Datasette with syriacli's metadata (web/metadata.json).

Datasette and datasette-cluster-map are an optional extra (``pip install
'syriacli[web]'``), imported only here and only by ``syriacli serve``. The metadata
hides the internal tables, describes the columns, cuts long cells short in lists, sets
facets, and adds canned queries: the search ranked by relevance (Datasette 0.65 orders a
table's own search box by row, not by rank), the timeline, a metric's claims, a name's
card, and the events on a map (``latitude``/``longitude`` columns, which the cluster-map
plugin draws). A cell holding a JSON list (names, places) shows as plain text.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from . import vocab

#: What `syriacli serve` needs, as pip installs it.
INSTALL = "pip install -e '.[web]' in the checkout (or 'syriacli[web]')"
#: The modules of the web extra.
EXTRA_MODULES = ("datasette", "datasette_cluster_map")
#: The name the corpus is served under, whatever its file is called.
DATABASE = "corpus"
#: The name of syriacli's plugin: JSON lists as text, the search functions.
PLUGIN = "syriacli-corpus"
#: Columns holding JSON lists, shown as text.
JSON_LIST_COLUMNS = frozenset({"about", "concepts", "places", "conflict", "search_variants",
                               "case_sensitive"})


def missing_extra() -> list[str]:
    """The modules of the web extra that cannot be imported."""
    import importlib.util

    missing = []
    for name in EXTRA_MODULES:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):  # a module set to None in sys.modules
            found = False
        if not found:
            missing.append(name)
    return missing


def metadata() -> dict:
    """web/metadata.json: tables, descriptions, facets, canned queries, settings."""
    with open(Path(vocab.__file__).parent / "web" / "metadata.json", encoding="utf-8") as f:
        return json.load(f)


def make_datasette(path: Path):
    """A Datasette serving the corpus at ``path`` read-only, as ``corpus``."""
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm

    meta = metadata()
    settings = meta.pop("settings")
    if pm.get_plugin(PLUGIN) is None:  # before Datasette makes its app: it wraps it then
        pm.register(_corpus_plugin(), name=PLUGIN)
    ds = Datasette([], metadata=meta, settings=settings)
    ds.add_database(_reopening(Database)(ds, path=str(path), is_mutable=True), name=DATABASE)
    return ds


def _file_identity(path: str) -> tuple[int, int] | None:
    """Which file ``path`` names now (device and inode): a full build swaps a new file in
    under the same name (os.replace), and a connection keeps reading the one it opened."""
    import os

    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _reopening(database_class):
    """Datasette's Database, reopening a connection whose file a rebuild replaced: each
    query first asks whether the path still names the file its connection opened (one
    stat), so the server shows the corpus as it is, not as it was when it started. An
    update in place is the same file: SQLite shows its changes by itself."""
    from datasette import database as datasette_database

    class ReopeningDatabase(database_class):
        def connect(self, write=False):
            identity = _file_identity(self.path)   # before opening: a swap after it shows next
            conn = super().connect(write=write)
            self._identities = {**getattr(self, "_identities", {}), id(conn): identity}
            return conn

        async def execute_fn(self, fn):
            return await super().execute_fn(lambda conn: fn(self._current(conn)))

        def _current(self, conn):
            now = _file_identity(self.path)
            if now is None or getattr(self, "_identities", {}).get(id(conn)) == now:
                return conn
            fresh = self.connect()
            self.ds._prepare_connection(fresh, self.name)
            if self._read_connection is conn:        # Datasette without threads
                self._read_connection = fresh
            else:                                    # each thread keeps its own
                setattr(datasette_database.connections, self.name, fresh)
            self._identities.pop(id(conn), None)
            if conn in self._all_file_connections:
                self._all_file_connections.remove(conn)
            conn.close()
            return fresh

    return ReopeningDatabase


def cannot_listen(host: str, port: int) -> str | None:
    """Why the server could not listen at ``host``:``port`` (a port in use, an address
    this machine does not have), or None: asked before Datasette starts, so that the
    reason is one line, not uvicorn's log."""
    import os
    import socket

    try:
        with socket.create_server((host, port)):
            return None
    except OSError as exc:
        why = os.strerror(exc.errno) if exc.errno else str(exc)
        return f"cannot listen on {host}:{port}: {why}; try another --port or --host"


def run(path: Path, host: str, port: int) -> None:
    """Serve the corpus until interrupted."""
    import asyncio

    import uvicorn

    ds = make_datasette(path)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")


def readable(value: str) -> str | None:
    """A JSON list as text: names joined with ", ", a place as `Palmyra (34.56 38.28)`,
    a conflict's dates with how many articles give each; None for anything else."""
    from .places import place_text

    try:
        items = json.loads(value)
    except ValueError:
        return None
    if not isinstance(items, list):
        return None
    parts = []
    for item in items:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, dict) and "lat" in item:
            parts.append(place_text(item))
        elif isinstance(item, list) and len(item) == 2 and isinstance(item[1], list):
            # a conflict's date with its articles' rowids (store.read_conflicts)
            parts.append(f"{item[0]}: {len(item[1])} article{'s' * (len(item[1]) != 1)}")
        else:
            return None
    return ", ".join(parts)


def search_functions(conn) -> None:
    """The SQL functions through which every search of the served corpus reads what a user
    types as ``syriacli search`` does (fts.client_query: quoting, operators, every spelling
    of a name): ``syriacli_match(q)``, what a result must match (FTS5 that matches nothing
    where nothing is left to search), ``syriacli_exclude(q)``, what a query of exclusions
    alone leaves out (else null); ``escape_fts(q)``, Datasette's own for a table's search
    box, replaced by ``syriacli_match``; and ``syriacli_name_key(name)``, the key of a name
    in any spelling, as ``--about`` reads it (null: no such name). Also
    ``syriacli_summary(clause)``, an event's summary, which events_quoted makes."""
    from . import store
    from .fts import client_query
    from .queries import known_key, known_name

    def parsed(query):
        return client_query(query if isinstance(query, str) else "",
                            lambda phrase: known_name(conn, phrase))

    def match(query):
        return parsed(query).match

    conn.create_function("syriacli_match", 1, match)
    conn.create_function("escape_fts", 1, match)
    conn.create_function("syriacli_exclude", 1, lambda query: parsed(query).exclude)
    conn.create_function("syriacli_name_key", 1,
                         lambda name: known_key(conn, name) if isinstance(name, str) else None)
    store.summary_function(conn)   # an event's summary (events_quoted), made from its clause


#: A table page's path: /corpus/figures, /corpus/figures.json (not a row's page).
TABLE_PATH = re.compile(rf"^/{DATABASE}/(?P<table>[^/.]+)(?:\.\w+)?$")


def without_unread_columns(datasette, scope: dict) -> dict:
    """``scope`` of a table page asking for no ``_col``/``_nocol`` of its own, with
    ``_nocol`` for each column its metadata lists in this plugin's ``unread_columns``:
    what a build keeps for its own speed or checks (a claim's tsv line, the words a search
    matches names by), never what a reader reads. Datasette has no setting to hide a
    column; a row's own page still shows them all."""
    match = TABLE_PATH.match(scope.get("path", ""))
    query = scope.get("query_string", b"").decode("latin-1")
    if match is None or "_col=" in query or "_nocol=" in query:
        return scope
    config = datasette.plugin_config(PLUGIN, database=DATABASE, table=match["table"],
                                     fallback=False) or {}
    unread = config.get("unread_columns", [])
    if not unread:
        return scope
    extra = "&".join(f"_nocol={column}" for column in unread)
    return {**scope, "query_string": f"{query}&{extra}".lstrip("&").encode("latin-1")}


def _corpus_plugin():
    """A Datasette plugin: JSON list cells as plain text (render_cell), the search
    functions on the corpus's connections (prepare_connection; last, so that its
    ``escape_fts`` replaces Datasette's), and table pages without the columns no reader
    reads (asgi_wrapper)."""
    from datasette import hookimpl

    class CorpusPlugin:
        @staticmethod
        @hookimpl
        def render_cell(value, column, database):
            if database != DATABASE or column not in JSON_LIST_COLUMNS \
                    or not isinstance(value, str):
                return None
            return readable(value)

        @staticmethod
        @hookimpl(trylast=True)
        def prepare_connection(conn, database):
            if database == DATABASE:
                search_functions(conn)

        @staticmethod
        @hookimpl
        def asgi_wrapper(datasette):
            def wrap(app):
                async def shown(scope, receive, send):
                    await app(without_unread_columns(datasette, scope), receive, send)

                return shown

            return wrap

    return CorpusPlugin
