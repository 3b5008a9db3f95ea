"""Build a corpus database from a folder of raw article texts.

The build reads every article file (``.txt``, ``.md``, a saved web page ``.html`` or
``.htm``; see survey.ARTICLE_SUFFIXES) and an optional ``manifest.csv`` in the raw
folder, names every other file it leaves, and re-extracts only the articles whose file
or manifest row changed since the last build. A full build (or one where most articles
changed) writes a new file beside the corpus and swaps it in with ``os.replace`` when
complete; an update runs as one SQLite transaction on the corpus itself. Either way
readers see the old corpus until the end, and Ctrl-C or a crash leaves it as it was.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import reprints, store
from .errors import BuildError
from .identity import singular_acts
from .survey import (
    ManifestState,
    SourceFile,
    Survey,
    changes,
    extractor_digest,
    start_listing,
)

#: Larger than any news article: a file this big is a mistake, not an article.
MAX_BYTES = 10 * 1024 * 1024
#: Below this many articles to extract, a process pool costs more than it saves.
POOL_THRESHOLD = 64
#: The page cache of an update (KiB; pages are taken only as the update needs them).
UPDATE_CACHE_KIB = 256 * 1024
#: Articles written to the database per batch.
WRITE_BATCH = 200
#: The most events a full build's merge holds at once, to merge them while it indexes
#: (_merge_timeline): some 40 MB; a corpus of more streams them.
MERGE_ALONGSIDE = 200_000


@dataclass
class BuildReport:
    path: Path
    taken: int = 0
    extracted: int = 0
    reused: int = 0
    removed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False
    raw_dir: Path | None = None
    #: Articles without a publication date, each with its count of unresolved dates.
    undated: list[tuple[str, int]] = field(default_factory=list)
    #: Files whose text another article has (file, that article's id): counted once.
    copies: list[tuple[str, str]] = field(default_factory=list)


CONTROL = bytes(c for c in range(32) if c not in b"\t\n\r\f")


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, warning) or (None, reason to skip)."""
    head = data[:8192]
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and (
        b"\x00" in head or sum(head.count(bytes([c])) for c in CONTROL) > len(head) // 20
    ):
        return None, "binary, not text"
    for encoding in ("utf-16",) * utf16 + ("utf-8-sig",):
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252"), "not UTF-8; read as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8; read as latin-1"


def read_file(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def cleaning_of(path: Path) -> list[tuple[str, bool]]:
    """The lines of a raw article file (the text of a saved web page) with whether cleaning
    removed each (clean.marked_lines), for `show --raw`; OSError when it cannot be read."""
    from .extract.clean import marked_lines
    from .extract.pages import is_page, read_page

    text, _ = decode(read_file(str(path)))
    if text is None:
        return []
    page = read_page(text) if is_page(path.name) else None
    return marked_lines(page.text if page else text)


def load(source: SourceFile):
    """(RawArticle or None, reason to skip or None, warning or None) for one file."""
    from .extract.article import RawArticle

    if source.size > MAX_BYTES:
        return None, f"larger than {MAX_BYTES // (1024 * 1024)} MB", None
    try:
        data = read_file(source.path)
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})", None
    text, note = decode(data)
    if text is None:
        return None, note, None
    if not text.strip():
        return None, "empty", None
    digest = hashlib.sha256(data).hexdigest()
    raw = RawArticle(source.id, source.file, text, source.manifest, digest, source.size,
                     source.mtime_ns / 1e9, source.key)
    return raw, None, (f"{source.file}: {note}" if note else None)


#: How much of an extraction fault's message a skipped file's reason quotes.
EXTRACTION_FAULT_LENGTH = 120


def process(source: SourceFile):
    """Read and extract one file, and make its rows: what a pool worker runs.
    (file, :class:`~syriacli.rows.ArticleRecord` or None, skip, warning)."""
    from .extract.article import NoArticleText, extract_article
    from .rows import article_rows

    raw, skip, warning = load(source)
    if raw is None:
        return source.file, None, skip, warning
    try:
        record = article_rows(extract_article(raw, source.names_file))
    except NoArticleText as exc:
        return source.file, None, str(exc), warning
    except Exception as exc:  # noqa: BLE001 - a fault of ours on one page must not cost a build
        reason = f"{type(exc).__name__}: {exc}"[:EXTRACTION_FAULT_LENGTH]
        return source.file, None, f"extraction failed ({reason}); please report it", warning
    return source.file, record, None, warning


def build(raw_dir: Path, db_path: Path, *, full: bool = False, names: Path | None = None,
          progress: Callable[[Iterator, int], Iterator] | None = None,
          replace: bool = False) -> BuildReport:
    """Build or update the corpus at ``db_path`` from ``raw_dir``; see the module docstring.

    ``names``: a JSON file of extra names (the format of data/names.json), remembered
    by the corpus so later updates use it too. A corpus built from another folder is
    refused unless ``replace``: building it from this one would remove its articles.

    Top down: the survey decides what changed, extraction runs, the store writes.
    """
    # The real file behind a symlinked --db: one lock for both names, and a full build
    # replaces the file, leaving the link a link.
    raw_dir, db_path = Path(raw_dir), Path(db_path).resolve()
    _check_paths(raw_dir, db_path, replace)
    if db_path.exists() and store.missing_tables(db_path):
        full = True   # a corpus missing a table (a dropped FTS index) is written afresh
    report = BuildReport(db_path)
    with _lock(db_path):
        _remove_stale_tmp(db_path)
        store.recover(db_path)
        names_file, names_digest = _names_file(names, db_path)
        found = _survey(raw_dir, db_path, full, names_digest)
        report.warnings += found.warnings
        report.skipped += found.skipped
        try:
            if found.stored and not replace:   # an update that would remove most articles
                _refuse_shrinking(db_path, len(found.todo) + len(found.kept), report)
            _build_into(db_path, found, report, progress, names_file, replace)
        except (sqlite3.OperationalError, OSError) as exc:
            if not _disk_full(exc):
                raise
            raise BuildError(
                f"the disk holding {db_path.parent} is full ({exc}); the corpus is as it"
                " was: free some space and build again") from None
    report.raw_dir = raw_dir
    if db_path.exists():
        report.undated = store.undated_articles(db_path)
    return report


def _check_paths(raw_dir: Path, db_path: Path, replace: bool) -> None:
    """Refuse a build that cannot or must not write ``db_path`` from ``raw_dir``."""
    if not raw_dir.is_dir():
        raise BuildError(f"raw folder {raw_dir} does not exist")
    if not db_path.parent.is_dir():
        raise BuildError(f"cannot write {db_path}: folder {db_path.parent} does not exist")
    if not os.access(db_path.parent, os.W_OK):
        raise BuildError(f"cannot write {db_path}: folder {db_path.parent} is not writable")
    store.recover(db_path)    # a killed update's hot journal, before the file is judged
    if db_path.exists() and store.schema_version(db_path) is None:
        raise BuildError(f"{db_path} exists and is not a syriacli corpus; refusing to overwrite it")
    if db_path.exists() and (store.schema_version(db_path) or 0) > store.SCHEMA_VERSION:
        raise BuildError(f"{db_path} was built by a newer syriacli (schema "
                         f"{store.schema_version(db_path)}); refusing to rebuild it as an"
                         " older one: upgrade syriacli, or pass --db for another corpus")
    if db_path.exists() and not os.access(db_path, os.W_OK):
        raise BuildError(f"cannot write {db_path}: the file is read-only (queries still read"
                         " it as it is)")
    built_from = store.read_meta(db_path, "raw_dir") if db_path.exists() else None
    if built_from and Path(built_from) != raw_dir.resolve() and not replace:
        raise BuildError(
            f"{db_path} was built from {built_from}, not {raw_dir}: building it from there"
            " would remove the articles that folder lacks; pass --replace to do so, or"
            " --db PATH for a corpus of its own")


def _survey(raw_dir: Path, db_path: Path, full: bool, names_digest: str) -> Survey:
    """What changed in ``raw_dir`` against the corpus's stored keys (none for ``full``).
    The folder's listing starts first: on a large corpus a forked process stats the
    files while this one reads the stored keys."""
    corpus_bytes = 0 if full or not db_path.exists() else db_path.stat().st_size
    listing = start_listing(raw_dir, corpus_bytes)
    try:
        old = {} if full else store.article_fingerprints(db_path)
        known = ManifestState.from_json(store.read_meta(db_path, "manifest")) if old else None
    except BaseException:
        listing()                            # collected even when reading failed
        raise
    return changes(raw_dir, listing, old, known, names_digest)


def _names_file(names: Path | None, db_path: Path) -> tuple[str | None, str]:
    """The user's names file (given, or remembered by the corpus) and a digest of it."""
    if names is None and db_path.exists():
        remembered = store.read_meta(db_path, "names_file")
        names = Path(remembered) if remembered and Path(remembered).is_file() else None
    if names is None:
        return None, ""
    from .extract.names import load_table

    load_table(names)  # a bad file is one clear error now, not one per worker
    return str(Path(names).resolve()), hashlib.sha256(Path(names).read_bytes()).hexdigest()


def _build_into(db_path, found: Survey, report, progress, names_file,
                replace: bool = False) -> None:
    """Write what the survey found."""
    todo, removed, old = found.todo, found.removed, found.stored
    report.reused, report.removed = len(found.kept), len(removed)
    meta = partial(_meta, Path(found.folder), names_file, found, report)
    if not todo and not removed and old:
        report.unchanged, report.taken = True, len(found.kept)
        remembered = meta()["manifest"]
        if remembered != (found.known.to_json() if found.known else ""):
            store.write_meta(db_path, manifest=remembered)   # rewritten, not changed
        os.utime(db_path)  # checked now: later queries need not look at the raw folder again
        return
    rewrite = found.rewrites
    if rewrite:
        report.reused = 0
        todo = todo + found.kept_sources()
    if old and not rewrite:
        orphans = _orphans(db_path, found, todo)
        todo, report.reused = todo + orphans, report.reused - len(orphans)
    todo.sort(key=lambda f: f.file)       # articles are written in file name order
    for source in todo:
        source.names_file = names_file
    if rewrite:
        _write_beside(db_path, todo, report, progress, names_file, meta, replace)
    else:
        _update_in_place(db_path, todo, removed | {s.id for s in todo if s.id in old},
                         report, progress, names_file, meta)
    report.taken = report.extracted + report.reused


#: A build that would leave fewer than this share of a corpus's articles, and at least
#: SHRINK_MIN fewer, is refused without --replace: files that vanished or could not be
#: read (an unmounted share, a sync under way) must not silently replace a corpus.
SHRINK, SHRINK_MIN = 0.5, 10


def _refuse_shrinking(db_path: Path, kept: int, report: BuildReport) -> None:
    had = store.article_count(db_path)
    if kept >= had * SHRINK or had - kept < SHRINK_MIN:
        return
    unreadable = len(report.skipped)
    raise BuildError(
        f"this build would leave {kept} of the {had} articles of {db_path}"
        + (f" ({unreadable} files could not be read)" if unreadable else "")
        + ": is the raw folder all there? The corpus is left as it was; pass --replace to"
          " build it from what the folder holds now")


def _disk_full(exc: BaseException) -> bool:
    return getattr(exc, "errno", None) == errno.ENOSPC or "disk is full" in str(exc)


def _orphans(db_path, found: Survey, todo) -> list[SourceFile]:
    """The kept articles that reprint one that changes or goes: extracted again, so that
    their claims are their own again (or a new original's)."""
    going = found.removed | {s.id for s in todo if s.id in found.stored}
    orphans = store.reprints_of(db_path, going) - going if going else set()
    return found.kept_sources(orphans)


def _meta(raw_dir: Path, names_file: str | None, found: Survey, report: BuildReport) -> dict:
    """What the corpus remembers of its build. Its manifest only when every row and file
    was taken: a warning or a skipped file must show again in the next build."""
    state = None if report.skipped else found.manifest.state
    return dict(raw_dir=str(raw_dir.resolve()), extractor=extractor_digest(),
                names_file=names_file or "", manifest=state.to_json() if state else "")


def _write_beside(db_path, todo, report, progress, names_file, meta,
                  replace: bool = False) -> None:
    """A full build: a new file beside the corpus, swapped in when complete."""
    tmp = store.tmp_path_for(db_path)
    try:
        db = _open_writable(tmp, fresh=True)
        stage = partial(_stage, progress)
        with db.conn:
            store.stage_figures(db.conn)
            _write_all(db.conn, todo, report, progress, fresh=True)
            stage("grouping figures")
            store.cluster_figures(db.conn)
            stage("linking reprints")
            reprints.relist(db.conn, set(reprints.link(db.conn, None).values()))
            stage("merging the timeline and indexing")
            _merge_timeline(db.conn, alongside=lambda: _index(db, names_file))
            stage("caching listings")
            _cache_lines(db.conn)
            store.set_meta(db.conn, **meta())
            stage("writing the corpus")
        db.conn.close()
        if todo and not report.extracted and db_path.exists():
            raise BuildError(
                f"none of the {len(todo)} files of the raw folder could be read (did they"
                f" go during the build?); {db_path} is left as it was")
        if db_path.exists() and not replace:
            _refuse_shrinking(db_path, report.extracted, report)
        os.replace(tmp, db_path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _update_in_place(db_path, todo, stale, report, progress, names_file, meta) -> None:
    """An incremental build: one SQLite transaction on the corpus itself.

    Copying a large corpus to swap it would cost more than the update; SQLite's own
    atomic commit gives the same guarantee (a killed update is rolled back, readers
    see the old corpus until the commit).
    """
    conn = _open_writable(db_path, fresh=False)
    conn.isolation_level = None
    conn.execute("begin immediate")
    try:
        losing = store.entries_of(conn, stale)
        # originals whose reprints change: their claims list their reprints again
        relist = {o for _, o in store.report_of(conn, stale).values() if o}
        for article_id in stale:
            store.delete_article(conn, article_id)
        added = _write_all(conn, todo, report, progress, fresh=False)
        if stale:
            store.drop_unused_forms(conn)
        _stage(progress, "linking reprints")
        relist.update(reprints.link(conn, added).values())
        reprints.relist(conn, relist - set(stale) | relist & set(added))
        _stage(progress, "merging the timeline")
        _update_timeline(conn, added, losing)
        _stage(progress, "indexing")
        store.write_name_table(conn, _variant_table(names_file))
        store.set_meta(conn, **meta())
        _stage(progress, "writing the corpus")
        conn.execute("commit")
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back already (a full disk)
            conn.execute("rollback")
        raise
    finally:
        conn.close()


def _stage(progress, label: str) -> None:
    """Name the stage a build is in after extracting on its progress bar (views.BuildBar),
    so the bar does not sit at N/N for the seconds of merging and indexing."""
    stage = getattr(progress, "stage", None)
    if stage is not None:
        stage(label)


def _variant_table(names_file: str | None):
    """The variant table this build extracts with (the shipped one plus a user's file)."""
    from .extract.names import load_table

    return load_table(names_file)


def _write_all(conn, todo, report, progress, *, fresh: bool) -> list[str]:
    """Extract and insert every article in ``todo``; returns the ids written.

    A file with the same clean text as an article already written (the same page saved
    twice) is one article: it is not written, and the report names it as a copy. A
    ``fresh`` (full) build's corpus holds nothing else yet (and no index): ``texts``
    alone decides; its figures go to :data:`store.FIGURES_LOAD`, its events unmerged.
    """
    written: list[str] = []
    batch = []
    texts: dict[str, str] = {}
    for record in _extract_all(todo, report, progress):
        original = texts.get(record.text_hash) or (
            None if fresh else store.article_with_text(conn, record.text_hash))
        if original is not None:
            report.copies.append((record.file, original))
            continue
        texts[record.text_hash] = record.id
        batch.append(record)
        if len(batch) >= WRITE_BATCH:
            store.write_articles(conn, batch, fresh)
            written.extend(r.id for r in batch)
            batch = []
    store.write_articles(conn, batch, fresh)
    written.extend(r.id for r in batch)
    report.extracted += len(written)
    return written


def _remove_stale_tmp(db_path: Path) -> None:
    """Files a killed build left behind (we hold the lock, so no build is writing them)."""
    for stale in db_path.parent.glob(f".{db_path.name}.tmp*"):
        try:
            stale.unlink()
        except OSError:
            pass


def _open_writable(path: Path, fresh: bool):
    """A full build's new file as a sqlite-utils Database with its schema (a crash
    discards the file, so no journal), or an update's plain, durable connection (an
    update needs none of sqlite-utils, whose import costs ~0.1 s)."""
    if not fresh:
        conn = sqlite3.connect(path)
        conn.execute("pragma journal_mode = delete")
        conn.execute("pragma synchronous = normal")
        # Changed pages stay in this cache until the commit: spilling them to the file
        # mid-update would take the exclusive lock early and block every reader for the
        # rest of the update; held here, readers see the old corpus until the commit.
        conn.execute(f"pragma cache_size = -{UPDATE_CACHE_KIB}")
        conn.execute("pragma cache_spill = off")
        return conn
    import sqlite_utils

    db = sqlite_utils.Database(path)
    db.conn.execute("pragma journal_mode = off")
    db.conn.execute("pragma synchronous = off")
    store.create_schema(db)
    return db


def _extract_all(todo: list[SourceFile], report: BuildReport,
                 progress: Callable[[Iterator, int], Iterator] | None):
    """Extracted records, in a process pool when there are many: workers read the files too."""
    pooled = len(todo) >= POOL_THRESHOLD and (os.cpu_count() or 1) >= 2
    results: Iterator[tuple]
    if pooled:
        from itertools import chain
        from multiprocessing import get_context

        # The first article is extracted here: the imports, compiled patterns and caches
        # it warms are then inherited by every forked worker instead of built in each
        # (~0.25 s of CPU per worker, an eighth of a 1,000-article build).
        first = process(todo[0])
        pool = get_context("fork" if hasattr(os, "fork") else "spawn").Pool(
            os.cpu_count(), initializer=_ignore_sigint)
        results = chain([first], pool.imap(process, todo[1:], chunksize=8))
    else:
        results = map(process, todo)
    if progress is not None:
        results = progress(results, len(todo))
    hook = _signal_hook()
    try:
        for done, (file, record, skip, warning) in enumerate(results, 1):
            if hook and done == hook[1]:
                _send(hook)
            if warning:
                report.warnings.append(warning)
            if skip:
                report.skipped.append((file, skip))
            if record is not None:
                yield record
    finally:
        if pooled:
            pool.terminate()


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which stops them and cleans up; the
    SIGTERM that stops them ends them quietly (not the main process's handler, which
    raises)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


#: A test hook: "SIGTERM:40" makes a build send itself that signal once it has read 40
#: articles ("SIGKILL:40:group": to its process group, workers too, as `kill -9 -PGID`),
#: so the tests of a killed build stop it at a chosen point, without timing.
SIGNAL_HOOK = "SYRIACLI_TEST_SIGNAL_AFTER"


def _signal_hook() -> tuple[int, int, bool] | None:
    """(signal, count, whole group) from SIGNAL_HOOK, or None."""
    value = os.environ.get(SIGNAL_HOOK)
    if not value:
        return None
    import signal

    name, count, group = (value.split(":") + ["", ""])[:3]
    return getattr(signal, name), int(count or 0), group == "group"


def _send(hook: tuple[int, int, bool]) -> None:
    sig, _, group = hook
    if group:
        os.killpg(os.getpgid(0), sig)
    os.kill(os.getpid(), sig)


def _index(db, names_file: str | None) -> None:
    """A full build's name table, indexes and FTS indexes (but the timeline's)."""
    store.write_name_table(db.conn, _variant_table(names_file))
    store.finish_schema(db)


def _merge_timeline(conn: sqlite3.Connection, alongside: Callable[[], None]) -> None:
    """Merge every event into timeline entries, and run ``alongside`` (the indexing)
    meanwhile; then index the timeline's tables.

    Up to :data:`MERGE_ALONGSIDE` events are read at once and merged on a thread while
    ``alongside`` runs: SQLite indexes without Python's lock, so the merge (Python) and the
    indexing (SQLite) take both cores instead of one after the other. More are streamed
    (holding them all would take more memory than a build may), and indexed after.
    """
    from array import array
    from concurrent.futures import ThreadPoolExecutor

    from .timeline import as_entries, decode_row, groups

    last_event = conn.execute("select max(id) from events").fetchone()[0] or 0
    entry_of_event = array("q", bytes(8 * (last_event + 1)))
    events = None
    with store.event_rows(conn) as rows:
        if last_event > MERGE_ALONGSIDE:
            _write_merged(conn, as_entries(groups(map(decode_row, rows))), entry_of_event)
        else:
            events = list(map(decode_row, rows))
    if events is None:
        alongside()
    else:
        with ThreadPoolExecutor(1) as pool:
            merged = pool.submit(lambda: list(as_entries(groups(events))))
            alongside()
            _write_merged(conn, merged.result(), entry_of_event)
    store.assign_entries(conn, entry_of_event)
    store.index_timeline(conn)
    store.fold_months(conn, store.month_folds(conn, None, singular_acts()))


def _write_merged(conn: sqlite3.Connection, merged, entry_of_event) -> None:
    """Write entries as they come (only each event's entry is held until the end)."""
    batch = []
    for entry, members in merged:
        batch.append(entry)
        for event in members:
            entry_of_event[event.id] = entry["id"]
        if len(batch) >= WRITE_BATCH * 10:
            store.write_entries(conn, batch)
            batch = []
    store.write_entries(conn, batch)


def _update_timeline(conn: sqlite3.Connection, added: list[str], losing: set[int]) -> None:
    """Merge the events of ``added`` articles into the timeline, and re-merge the entries
    that lost events (``losing``). Only the entries a new event may join are read, found
    by their merge keys, and their events alike are read as one: the cost follows the
    change, not the size of the corpus or of its largest entries."""
    from .timeline import decode_group, decode_row, keep_ids, merge, probes

    new = [decode_row(row) for row in store.events_of(conn, added)]
    # An entry that loses events may change the conflict its happening's other dates show.
    losing = losing | store.entries_sharing_keys(conn, losing) if losing else losing
    keys, prefixes = set(), set()
    for event in new:
        more_keys, more_prefixes = probes(event)
        keys |= more_keys
        prefixes |= more_prefixes
    touched = losing | store.entries_matching(conn, keys, prefixes)
    events = [decode_group(row) for row in store.events_grouped(conn, touched)] + new
    entries, assignments = merge(events, store.next_entry_id(conn))
    previous = {e.id: e.entry for e in events}
    entries, changed = keep_ids(entries, assignments, previous)
    # An entry that kept its id and its members is what it was, but for the conflict of its
    # happening, which another date's events may have changed: leave the others' rows alone.
    rewrite = (losing | {n for n, _ in changed}
               | {previous[i] for _, i in changed if previous[i] is not None})
    rewrite |= {e["id"] for e in entries if e["conflict"]}
    entries = [e for e in entries if e["id"] in rewrite]
    groups = {e.id: e.group for e in events if e.group is not None}
    store.replace_entries(conn, entries, [(n, i) for n, i in changed if i not in groups],
                          drop=touched & rewrite)
    for entry, first_id in changed:
        if first_id in groups:
            store.move_group(conn, entry, groups[first_id])
    # a month's statement joins the one day entry of its month it shares a key with
    store.fold_months(conn, store.month_folds(conn, touched | {e["id"] for e in entries},
                                                singular_acts()))


def _cache_lines(conn: sqlite3.Connection) -> None:
    """A large corpus's tsv lines (store.LINES_FROM), made by the renderer from the rows
    and marked with the digest of the code that made them."""
    from . import queries, render

    listings = {
        "figures": ("figures", lambda: queries.figures_listing(conn, None, queries.Filters(),
                                                               None)),
        "timeline": ("entries", lambda: queries.timeline_listing(conn, queries.Filters(),
                                                                 None, None)),
    }
    factory, conn.row_factory = conn.row_factory, sqlite3.Row
    try:
        for name, (table, listing) in listings.items():
            if conn.execute(f"select count(*) from {table}").fetchone()[0] < store.LINES_FROM:
                continue
            for lines in render.tsv_lines(listing()):
                store.write_lines(conn, name, lines)
            store.set_meta(conn, **{f"lines_{name}": render.code_digest()})
    finally:
        conn.row_factory = factory


class _lock:
    """An exclusive lock beside the corpus: a second build exits with a clear message.

    The lock file is removed when the build ends, however it ends (no stray
    ``corpus.db.lock``). It is removed while still locked, so a build that opened it
    just before finds, once it holds the lock, that the name is no longer its file, and
    opens the new one: two builds never hold two files of one name."""

    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")

    def __enter__(self):
        while True:
            try:
                self.handle = open(self.path, "a")
            except OSError as exc:
                raise BuildError(f"cannot write {self.path}: {exc.strerror}") from None
            try:
                fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self.handle.close()
                raise BuildError(f"another build of {self.path.name[:-5]} is running;"
                                 " try again when it ends") from None
            if self._still_named():
                return self
            self.handle.close()           # removed by the build that ended: take the new one

    def _still_named(self) -> bool:
        try:
            return os.stat(self.path).st_ino == os.fstat(self.handle.fileno()).st_ino
        except OSError:
            return False

    def __exit__(self, *exc):
        try:
            self.path.unlink()
        except OSError:
            pass
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()
        return False
