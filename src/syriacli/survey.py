"""What in a raw folder changed since the last build: its manifest, its files, and each
file's source key against the one the corpus stored.

A no-op check of 100,000 files has about a second, so the folder is listed once (a
stat per file, shared with a forked process on a large corpus, which starts while this
one reads the manifest and the stored keys), and an unchanged file costs one string and
one comparison.

A manifest grows at its end as articles are added. The corpus remembers the manifest
it was built from (:class:`ManifestState`); when that is still the start of the file,
only the rows after it are parsed (at 100,000 rows the whole file costs ~0.4 s), and
the survey takes every other file's row to be the one its stored key was made with.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import stat
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import overload

from . import vocab
from .errors import BuildError
from .extract.pages import PAGE_SUFFIXES

PACKAGE = Path(__file__).resolve().parent
MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "publisher", "url", "published", "title")


@dataclass(slots=True)
class SourceFile:
    id: str
    file: str
    path: str                        # a str: a Path per file costs a second per 100,000 files
    size: int
    mtime_ns: int                    # its modification time (an integer: no float to format)
    manifest: dict
    key: str = ""                   # its source_key
    names_file: str | None = None   # a user's names file merged into the variant table


def extraction_inputs() -> list[Path]:
    """What an article's rows follow besides the article: the extraction code, the
    adapter that makes its rows (rows.py), vocab.py and every vocabulary file; and the
    rules that merge its events into the timeline's entries (timeline.py, identity.py): an
    update merges new events by the rules the rest were merged by, or rebuilds."""
    code = [*sorted((PACKAGE / "extract").glob("*.py")), PACKAGE / "rows.py", PACKAGE / "vocab.py",
            PACKAGE / "timeline.py", PACKAGE / "identity.py"]
    return code + sorted(path for path in Path(vocab.DATA).iterdir() if path.is_file())


@lru_cache(maxsize=1)
def extractor_digest() -> str:
    """A short sha256 of :func:`extraction_inputs`, part of every source key: editing
    a rule or a vocabulary file makes the next build re-extract every article. Made once
    a process, from some twenty small files (a build's workers never need it)."""
    digest = hashlib.sha256()
    for path in extraction_inputs():
        data = path.read_bytes()
        digest.update(f"{path.parent.name}/{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()[:16]


#: The longest manifest value taken (a title, a URL): a longer one is a mistake (a pasted
#: article), left empty with a warning, the rest of its row and of the manifest used.
MAX_MANIFEST_FIELD = 4000
#: A NUL byte: never a character of a title or a name, and a C string's end in other
#: tools (escape sequences stay: terminal views neutralise them, data keeps them as written).
MANIFEST_NUL = "\x00"


#: A manifest row's fields besides the file, in the order of its row key (:func:`row_key`).
ROW_FIELDS = tuple(k for k in MANIFEST_COLUMNS if k != "file")


@dataclass(frozen=True)
class ManifestState:
    """What a corpus remembers of the manifest it was built from: its length, a digest
    of its bytes, how many rows follow the header, and the header."""

    size: int
    sha256: str
    rows: int
    header: tuple[str, ...]

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> ManifestState | None:
        try:
            state = json.loads(text or "null")
            return cls(int(state["size"]), str(state["sha256"]), int(state["rows"]),
                       tuple(state["header"]))
        except (ValueError, TypeError, KeyError):
            return None


class ManifestRows:
    """Manifest rows by file name: each row's values (:data:`ROW_FIELDS`), its line for
    later warnings and its part of its file's source key. A row becomes a dict only for
    a file that is extracted: at 100,000 rows a dict each costs ~0.1 s of every update.

    ``appended_only``: the rows are only those after the manifest the corpus was built
    from, which is unchanged. ``state``: what to remember of this manifest; None when
    it must be parsed whole next time too."""

    def __init__(self) -> None:
        self.values: dict[str, tuple[str, ...]] = {}
        self.lines: dict[int, str] = {}
        self.row_keys: dict[str, str] = {}
        self.appended_only = False
        self.state: ManifestState | None = None

    @overload
    def get(self, name: str) -> dict | None: ...
    @overload
    def get(self, name: str, default: dict) -> dict: ...

    def get(self, name: str, default: dict | None = None) -> dict | None:
        values = self.values.get(name)
        return default if values is None else dict(zip(ROW_FIELDS, values, strict=True))


def read_manifest(
    raw_dir: Path, warn: Callable[[str], None], known: ManifestState | None = None
) -> ManifestRows:
    """Manifest rows by file name (none without a readable manifest); every problem is a
    warning naming the row. With ``known`` (the manifest the corpus was built from) still
    at the start of the file, only the rows after it."""
    path = raw_dir / MANIFEST
    if not path.exists():
        return ManifestRows()
    try:
        data = path.read_bytes()
        if known is not None and (appended := _appended(data, known, warn)) is not None:
            return appended
        rows = ManifestRows()
        # a value past csv's own limit (128 KiB) is ours to refuse (_clean_values), row by
        # row: csv would stop the whole manifest at it
        csv.field_size_limit(max(len(data), csv.field_size_limit()))
        reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
        header = [c.strip() for c in next(reader, [])]
        if "file" not in header:
            warn(f"{MANIFEST}: no 'file' column; manifest ignored")
            return rows
        unknown = [c for c in header if c not in MANIFEST_COLUMNS]
        if unknown:
            warn(f"{MANIFEST}: unknown columns ignored: {', '.join(unknown)}")
        count, ends_whole = _read_rows(reader, header, rows, warn, start=2)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        warn(f"{MANIFEST}: cannot be read ({exc}); ignored")
        return ManifestRows()
    if ends_whole and data.endswith(b"\n"):
        digest = hashlib.sha256(data).hexdigest()
        rows.state = ManifestState(len(data), digest, count, tuple(header))
    return rows


def _appended(data: bytes, known: ManifestState, warn) -> ManifestRows | None:
    """The rows after ``known``, when the file still starts with it; None (and nothing
    warned) when it does not or what follows cannot be read."""
    if len(data) < known.size or data[known.size - 1:known.size] != b"\n":
        return None
    digest = hashlib.sha256(memoryview(data)[:known.size])
    if digest.hexdigest() != known.sha256:
        return None
    rows = ManifestRows()
    told: list[str] = []
    try:
        csv.field_size_limit(max(len(data), csv.field_size_limit()))     # see read_manifest
        reader = csv.reader(io.StringIO(data[known.size:].decode("utf-8"), newline=""))
        count, ends_whole = _read_rows(reader, list(known.header), rows, told.append,
                                       start=known.rows + 2)
    except (UnicodeDecodeError, csv.Error):
        return None
    for message in told:
        warn(message)
    rows.appended_only = True
    if ends_whole and data.endswith(b"\n"):
        digest.update(memoryview(data)[known.size:])
        rows.state = ManifestState(len(data), digest.hexdigest(), known.rows + count, known.header)
    return rows


def _read_rows(reader, header: list[str], rows: ManifestRows, warn, start: int) -> tuple[int, bool]:
    """A csv.reader over 100,000 rows (numbered from ``start``): plain lists, each
    distinct date parsed once. Returns how many rows there were, and whether the last
    ends where its line does (a quoted value left open at the end runs into the next
    row when more are appended)."""
    from .errors import BadDate
    from .extract.dateargs import parse_manifest_date

    where = {k: header.index(k) for k in MANIFEST_COLUMNS if k in header}
    file_at, width = where["file"], len(header)
    at = [where.get(k) for k in ROW_FIELDS]
    complete_at = [where[k] for k in ROW_FIELDS] if all(k in where for k in ROW_FIELDS) else None
    date_at = ROW_FIELDS.index("published")
    published: dict[str, tuple[str, str | None]] = {}  # value -> (day or "", why not)
    line = start - 1
    row: list[str] = []
    for line, row in enumerate(reader, start=start):
        written = row[file_at].strip() if file_at < len(row) else ""
        name = manifest_key(written)
        if not name:
            warn(f"{MANIFEST} row {line}: no file name; row ignored")
            continue
        if name in rows.values:
            warn(f"{MANIFEST} row {line}: duplicate row for {written}; the first is kept")
            continue
        if complete_at is not None and len(row) >= width:   # the usual, complete row
            values = [row[i].strip() for i in complete_at]
        else:
            values = [row[i].strip() if i is not None and i < len(row) else "" for i in at]
        if max(map(len, values)) > MAX_MANIFEST_FIELD or MANIFEST_NUL in "".join(values):
            values = _clean_values(values, f"{MANIFEST} row {line} ({written})", warn)
        value = values[date_at]
        if value:
            if value not in published:
                try:
                    first, _, precision = parse_manifest_date(value)
                    published[value] = (first, None) if precision == "day" else (
                        "", f"published {value!r} is not a day")
                except BadDate as exc:
                    published[value] = ("", str(exc))
            day, why = published[value]
            if why:
                warn(f"{MANIFEST} row {line} ({written}): {why}; left empty, rest of the row used")
            values[date_at] = day
        rows.values[name] = row_values = tuple(values)
        rows.lines[line] = written
        rows.row_keys[name] = row_key(row_values)
    return line - start + 1, not any("\n" in v or "\r" in v for v in row)


def _clean_values(values: list[str], where: str, warn) -> list[str]:
    """A row's values without a NUL byte and without a value longer
    than :data:`MAX_MANIFEST_FIELD`, each change said."""
    cleaned = []
    for column, value in zip(ROW_FIELDS, values, strict=True):
        if len(value) > MAX_MANIFEST_FIELD:
            warn(f"{where}: the {column} is {len(value):,} characters long (at most"
                 f" {MAX_MANIFEST_FIELD:,}); left empty, rest of the row used")
            value = ""
        elif MANIFEST_NUL in value:
            warn(f"{where}: a NUL byte removed from the {column}")
            value = value.replace(MANIFEST_NUL, "")
        cleaned.append(value)
    return cleaned


def row_key(values: tuple[str, ...]) -> str:
    """A manifest row's part of a source key (what extraction takes from the row), from
    its values in :data:`ROW_FIELDS` order."""
    return "\x1f" + "\x1f".join(values)


#: The row key of a file the manifest does not list.
NO_ROW = row_key(("",) * len(ROW_FIELDS))


#: An update changing more articles than this and than half the corpus writes a new file.
REWRITE_THRESHOLD = 1000


@dataclass
class Survey:
    """The raw folder against the corpus: what to extract, what is kept, what is gone.
    :func:`changes` adds what a build needs besides: the manifest it read, the stored
    keys it compared with, and what it warns of and skips."""

    todo: list[SourceFile]
    kept: list[tuple]               # (id, file, size, mtime_ns) of each unchanged file
    removed: set[str]
    folder: str = ""
    manifest: ManifestRows = field(default_factory=ManifestRows)
    stored: dict[str, str] = field(default_factory=dict)   # the corpus's id -> source key
    known: ManifestState | None = None                     # the manifest it remembers
    warnings: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rewrites(self) -> bool:
        """Nothing to keep, or most of it changed (a new extractor): a fresh file is
        faster than rewriting most of the corpus in place, row by row with its indexes
        live."""
        return not self.stored or (len(self.todo) + len(self.removed)
                                   > max(len(self.stored) // 2, REWRITE_THRESHOLD))

    def kept_sources(self, ids: set[str] | None = None) -> list[SourceFile]:
        """The kept files (those of ``ids``, or all) as files to extract again."""
        return [source_file(self.folder, name, size, mtime_ns, self.manifest, self.stored[i])
                for i, name, size, mtime_ns in self.kept if ids is None or i in ids]


#: A file of the listing: (name, size, mtime_ns), or (name, None, why it cannot be taken).
Listed = tuple[str, int, int] | tuple[str, None, str]
#: A corpus file larger than this (~2,000 articles) is checked with the listing shared.
FORK_LISTING_BYTES = 64 * 1024 * 1024
#: Files a process stats at a time when two share the listing.
STAT_CHUNK = 2000


#: The files read as articles: plain text, Markdown (text with markup the cleaner
#: reads) and saved web pages (see extract/pages.py).
ARTICLE_SUFFIXES = (".txt", ".md", *PAGE_SUFFIXES)
NOT_AN_ARTICLE = f"not an article file (only {', '.join(ARTICLE_SUFFIXES)} are read)"


def manifest_key(written: str) -> str:
    """How a manifest row names its file: with or without the ending ("01_story.txt",
    "01_story"), read as the article id; another ending is part of the name."""
    return article_id(written) if is_article_file(written) else written


#: Manifest rows naming files the folder lacks that a build names one by one; past
#: that, one warning counts them.
MISSING_NAMED = 5


def _missing_warnings(missing: list[tuple[int, str]], raw_dir: Path) -> list[str]:
    if len(missing) <= MISSING_NAMED:
        return [f"{MANIFEST} row {line}: {name} is not in {raw_dir}" for line, name in missing]
    named = ", ".join(f"{name} (row {line})" for line, name in missing[:MISSING_NAMED])
    return [f"{MANIFEST}: {len(missing)} rows name files that are not in {raw_dir}: "
            f"{named} and {len(missing) - MISSING_NAMED} more"]


def shown_name(file_name: str) -> str:
    """A file name as the corpus stores and shows it: a name that is not valid UTF-8
    (its bytes kept as surrogates) with those bytes escaped ("caf\\xe9.txt")."""
    if file_name.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in file_name):
        return file_name
    return file_name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def article_id(file_name: str) -> str:
    """An article's id: its file name without the ending ("story.html" -> "story")."""
    return os.path.splitext(file_name)[0]


def is_article_file(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES)


def list_folder(raw_dir: Path) -> list[Listed]:
    """The article files of the folder, one stat each, in no particular order, and
    every other file as one that cannot be taken (the build names them)."""
    names = _article_names(raw_dir)
    return _stat_files(os.fspath(raw_dir), names) + _others(raw_dir, names)


def _article_names(raw_dir: Path) -> list[str]:
    return [name for name in os.listdir(raw_dir) if is_article_file(name)]


def _others(raw_dir: Path, names: list[str]) -> list[Listed]:
    """The folder's files that are not articles (a pdf, an image), to be reported; the
    manifest, hidden files and sub-folders are not reported."""
    taken = set(names)
    return [(name, None, NOT_AN_ARTICLE) for name in os.listdir(raw_dir)
            if name not in taken and name != MANIFEST and not name.startswith(".")
            and os.path.isfile(os.path.join(raw_dir, name))]


def _stat_files(folder: str, names: list[str]) -> list[Listed]:
    files: list[Listed] = []
    for name in names:
        try:
            # follows a symlink; a dangling one raises
            info = os.stat(os.path.join(folder, name))
        except OSError as exc:
            files.append((name, None, f"cannot be read ({exc.strerror or exc})"))
            continue
        files.append((name, info.st_size, info.st_mtime_ns) if stat.S_ISREG(info.st_mode)
                     else (name, None, "not a regular file"))
    return files


def start_listing(raw_dir: Path, corpus_bytes: int) -> Callable[[], list[Listed]]:
    """Start :func:`list_folder`; call the result for the listing. For a large corpus a
    forked process starts on the stats (a stat costs ~4 us here, 0.45 s for 100,000
    files) while this one reads the manifest and the stored keys; when the listing is
    asked for, this one takes its share of what is left, a chunk at a time."""
    if corpus_bytes < FORK_LISTING_BYTES or not hasattr(os, "fork"):
        return lambda: list_folder(raw_dir)
    from multiprocessing import get_context

    context = get_context("fork")
    folder, names = os.fspath(raw_dir), _article_names(raw_dir)
    taken = context.Value("q", 0)           # chunks claimed so far, by either process
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_send_listing, args=(folder, names, taken, send), daemon=True)
    child.start()
    send.close()

    def result() -> list[Listed]:
        try:
            mine = _stat_share(folder, names, taken)
            return receive.recv() + mine + _others(raw_dir, names)
        except EOFError:                     # the child died: list here instead
            return list_folder(raw_dir)
        finally:
            receive.close()
            child.join()
    return result


def _stat_share(folder: str, names: list[str], taken) -> list[Listed]:
    """Stat chunks of ``names`` until none is left unclaimed."""
    files: list[Listed] = []
    while True:
        with taken.get_lock():
            chunk = taken.value
            taken.value += 1
        part = names[chunk * STAT_CHUNK:(chunk + 1) * STAT_CHUNK]
        if not part:
            return files
        files += _stat_files(folder, part)


def _send_listing(folder: str, names: list[str], taken, send) -> None:
    try:
        send.send(_stat_share(folder, names, taken))
    finally:
        send.close()


def survey(raw_dir: Path, files: list[Listed], manifest: ManifestRows, old: dict[str, str],
           names_digest: str, skipped: list[tuple[str, str]], warnings: list[str]) -> Survey | None:
    """The listed ``files`` against the corpus (``old``: id -> stored source key;
    ``names_digest``: of the user's names file): no sorting, no object for a file that
    has not changed.

    With only the manifest's appended rows (``manifest.appended_only``), a file they do
    not name has the row its stored key was made with, and a new file has none; that
    holds while no stored file changed or went and no appended row names one. None
    when it does not hold: the manifest must be read whole."""
    appended_only = manifest.appended_only
    if appended_only and not old.keys().isdisjoint(manifest.values):
        return None
    todo: list[SourceFile] = []
    kept: list[tuple] = []
    seen: list[str] = []
    shadowed = _shadowed(files)
    row_keys = manifest.row_keys.get
    stored = old.get
    folder = os.fspath(raw_dir)
    # A file's source key, what decides whether it is re-extracted: its name, size and
    # modification time, the extraction code and vocabularies (extractor_digest), the
    # user's names file and its manifest row (row_key). Hashing every file would make a
    # no-op build of 100,000 articles cost seconds.
    rest = f"\x1f{extractor_digest()}\x1f{names_digest}"
    for listed in files:
        if listed[1] is None:
            skipped.append((listed[0], listed[2]))    # the listing's why it cannot be taken
            continue
        name, size, mtime_ns = listed
        if name in shadowed:
            skipped.append((name, f"same id as {shadowed[name]}: rename one of them"))
            continue
        shown = shown_name(name)
        file_id = article_id(shown)
        key = f"{shown}\x1f{size}\x1f{mtime_ns}{rest}"
        row = row_keys(file_id)
        was = stored(file_id)
        seen.append(name)
        if row is None and appended_only and was is not None:
            if not was.startswith(key + "\x1f"):       # every row key starts so
                return None
            kept.append((file_id, name, size, mtime_ns))
            continue
        key += row or NO_ROW
        if was == key:
            kept.append((file_id, name, size, mtime_ns))
        else:
            todo.append(source_file(folder, name, size, mtime_ns, manifest, key))
    if manifest.lines:
        present = {manifest_key(name) for name in (*seen, *(name for name, _ in skipped))}
        missing = [(line, written) for line, written in manifest.lines.items()
                   if manifest_key(written) not in present]
        warnings.extend(_missing_warnings(missing, raw_dir))
    removed = set(old).difference(article_id(shown_name(name)) for name in seen)
    return None if removed and appended_only else Survey(todo, kept, removed)


def _shadowed(files: list[Listed]) -> dict[str, str]:
    """Files whose id another file has ("story.html" beside "story.txt"), each with the
    file that keeps the id: a .txt file, else the first name in sorted order."""
    others = sorted(f[0] for f in files if f[1] is not None and not f[0].endswith(".txt"))
    if not others:
        return {}
    names = {f[0] for f in files if f[1] is not None}
    owner: dict[str, str] = {}
    shadowed = {}
    for name in others:
        file_id = article_id(name)
        first = file_id + ".txt" if file_id + ".txt" in names else owner.setdefault(file_id, name)
        if first != name:
            shadowed[name] = first
    return shadowed


def source_file(folder: str, name: str, size: int, mtime_ns: int, manifest: ManifestRows,
                key: str) -> SourceFile:
    """The :class:`SourceFile` of a listed file, with its manifest row and source key."""
    shown = shown_name(name)
    return SourceFile(article_id(shown), shown, os.path.join(folder, name), size, mtime_ns,
                      manifest.get(article_id(shown), {}), key)


def changes(raw_dir: Path, listing: Callable[[], list[Listed]], old: dict[str, str],
            known: ManifestState | None, names_digest: str) -> Survey:
    """What changed in ``raw_dir`` since the corpus was built: ``listing`` from
    :func:`start_listing`, ``old`` and ``known`` the corpus's stored source keys and
    remembered manifest (empty and None for a full build)."""
    told: list[str] = []
    try:
        manifest = read_manifest(raw_dir, told.append, known)
    finally:
        files = listing()                # collected even when reading failed
    skipped: list[tuple[str, str]] = []
    found = survey(raw_dir, files, manifest, old, names_digest, skipped, told)
    if found is None:                    # the appended rows cannot tell: read it whole
        told, skipped = [], []
        manifest = read_manifest(raw_dir, told.append)
        found = survey(raw_dir, files, manifest, old, names_digest, skipped, told)
        assert found is not None, "a whole manifest always settles the survey"
    if not found.todo and not found.kept and not skipped:
        raise BuildError(
            f"raw folder {raw_dir} has no article files ({', '.join(ARTICLE_SUFFIXES)})")
    found.stored = old
    if manifest.appended_only and found.rewrites:
        manifest = read_manifest(raw_dir, lambda _: None)     # kept files need their rows
    if told:
        manifest.state = None
    found.folder, found.manifest, found.known = os.fspath(raw_dir), manifest, known
    found.warnings, found.skipped = told, skipped
    return found
