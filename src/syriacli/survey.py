"""What in a raw folder changed since the last build: its manifest, its files, and each
file's source key against the one the corpus stored.

A no-op check of 100,000 files has about a second, so the folder is listed once (a
stat per file, in a forked process on a large corpus while this one reads the manifest
and the stored keys), and an unchanged file costs one string and one comparison.
"""
from __future__ import annotations

import csv
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

#: Bump when extraction changes, so a build re-extracts everything.
EXTRACTOR_VERSION = "2"
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


#: A manifest row's fields besides the file, in the order of its row key (:func:`row_key`).
ROW_FIELDS = tuple(k for k in MANIFEST_COLUMNS if k != "file")


class ManifestRows:
    """Manifest rows by file name: each row's values (:data:`ROW_FIELDS`), its line for
    later warnings and its part of its file's source key. A row becomes a dict only for
    a file that is extracted: at 100,000 rows a dict each costs ~0.1 s of every update."""

    def __init__(self):
        self.values: dict[str, tuple[str, ...]] = {}
        self.lines: dict[int, str] = {}
        self.row_keys: dict[str, str] = {}

    def get(self, name: str, default: dict | None = None) -> dict | None:
        values = self.values.get(name)
        return default if values is None else dict(zip(ROW_FIELDS, values))


def read_manifest(raw_dir: Path, warn: Callable[[str], None]) -> ManifestRows:
    """Manifest rows by file name (none without a readable manifest); every problem is a
    warning naming the row."""
    path = raw_dir / MANIFEST
    rows = ManifestRows()
    if not path.exists():
        return rows
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [c.strip() for c in next(reader, [])]
            if "file" not in header:
                warn(f"{MANIFEST}: no 'file' column; manifest ignored")
                return rows
            unknown = [c for c in header if c not in MANIFEST_COLUMNS]
            if unknown:
                warn(f"{MANIFEST}: unknown columns ignored: {', '.join(unknown)}")
            _read_rows(reader, header, rows, warn)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        warn(f"{MANIFEST}: cannot be read ({exc}); ignored")
    return rows


def _read_rows(reader, header: list[str], rows: ManifestRows, warn) -> None:
    """A csv.reader over 100,000 rows: plain lists, each distinct date parsed once."""
    from .errors import BadDate
    from .extract.dateargs import parse_date_arg

    where = {k: header.index(k) for k in MANIFEST_COLUMNS if k in header}
    file_at, width = where["file"], len(header)
    complete = all(k in where for k in ROW_FIELDS)
    at = [where.get(k) for k in ROW_FIELDS]
    date_at = ROW_FIELDS.index("published")
    published: dict[str, str | None] = {}
    for line, row in enumerate(reader, start=2):
        name = row[file_at].strip() if file_at < len(row) else ""
        if not name:
            warn(f"{MANIFEST} row {line}: no file name; row ignored")
            continue
        if name in rows.values:
            warn(f"{MANIFEST} row {line}: duplicate row for {name}; the first is kept")
            continue
        if complete and len(row) >= width:                  # the usual, complete row
            values = [row[i].strip() for i in at]
        else:
            values = [row[i].strip() if i is not None and i < len(row) else "" for i in at]
        value = values[date_at]
        if value:
            if value not in published:
                try:
                    first, _, precision = parse_date_arg(value)
                    published[value] = first if precision == "day" else None
                except BadDate:
                    published[value] = ""
            day = published[value]
            if not day:
                warn(f"{MANIFEST} row {line}: " + (f"bad date {value!r}; left empty, rest of the row used"
                     if day == "" else f"published {value!r} is not a day; left empty"))
            values[date_at] = day or ""
        rows.values[name] = values = tuple(values)
        rows.lines[line] = name
        rows.row_keys[name] = row_key(values)


def row_key(values: tuple[str, ...]) -> str:
    """A manifest row's part of a source key (what extraction takes from the row), from
    its values in :data:`ROW_FIELDS` order."""
    return "\x1f" + "\x1f".join(values)


#: The row key of a file the manifest does not list.
NO_ROW = row_key(("",) * len(ROW_FIELDS))


@dataclass
class Survey:
    """The raw folder against the corpus: what to extract, what is kept, what is gone."""

    todo: list[SourceFile]
    kept: list[tuple]               # (id, file, size, mtime_ns) of each unchanged file
    removed: set[str]


#: A file of the listing: (name, size, mtime_ns), or (name, None, why it cannot be taken).
Listed = tuple[str, int | None, int | str]
#: A corpus file larger than this (~2,000 articles) is checked with the listing forked.
FORK_LISTING_BYTES = 64 * 1024 * 1024


def list_folder(raw_dir: Path) -> list[Listed]:
    """The ``.txt`` files of the folder, one stat each, in no particular order."""
    files = []
    with os.scandir(raw_dir) as entries:
        for entry in entries:
            name = entry.name
            if name[-4:].lower() != ".txt":
                continue
            try:
                info = entry.stat()          # follows a symlink; a dangling one raises
            except OSError as exc:
                files.append((name, None, f"cannot be read ({exc.strerror or exc})"))
                continue
            files.append((name, info.st_size, info.st_mtime_ns) if stat.S_ISREG(info.st_mode)
                         else (name, None, "not a regular file"))
    return files


def start_listing(raw_dir: Path, corpus_bytes: int) -> Callable[[], list[Listed]]:
    """Start :func:`list_folder`; call the result for the listing. For a large corpus the
    stats run in a forked process while this one reads the manifest and the stored keys
    (at 100,000 files: ~0.45 s of stats hidden behind ~0.6 s of reading)."""
    if corpus_bytes < FORK_LISTING_BYTES or not hasattr(os, "fork"):
        return lambda: list_folder(raw_dir)
    from multiprocessing import get_context

    context = get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_send_listing, args=(raw_dir, send), daemon=True)
    child.start()
    send.close()

    def result() -> list[Listed]:
        try:
            return receive.recv()
        except EOFError:                     # the child died: list here instead
            return list_folder(raw_dir)
        finally:
            receive.close()
            child.join()
    return result


def _send_listing(raw_dir: Path, send) -> None:
    try:
        send.send(list_folder(raw_dir))
    finally:
        send.close()


def survey(raw_dir: Path, files: list[Listed], manifest: ManifestRows, old: dict[str, str],
           digest: str, skipped: list[tuple[str, str]], warnings: list[str]) -> Survey:
    """The listed ``files`` against the corpus (``old``: id -> stored source key): no
    sorting, no object for a file that has not changed."""
    todo, kept, seen = [], [], []
    row_keys = manifest.row_keys.get
    stored = old.get
    folder = os.fspath(raw_dir)
    for name, size, mtime_ns in files:
        if size is None:
            skipped.append((name, mtime_ns))    # here the listing's why it cannot be taken
            continue
        file_id = name[:-4]
        key = source_key(name, size, mtime_ns, digest, row_keys(name, NO_ROW))
        seen.append(name)
        if stored(file_id) == key:
            kept.append((file_id, name, size, mtime_ns))
        else:
            todo.append(source_file(folder, name, size, mtime_ns, manifest, key))
    present = {*seen, *(name for name, _ in skipped)}
    for line, name in manifest.lines.items():
        if name not in present:
            warnings.append(f"{MANIFEST} row {line}: {name} is not in {raw_dir}")
    return Survey(todo, kept, set(old).difference(name[:-4] for name in seen))


def source_file(folder: str, name: str, size: int, mtime_ns: int, manifest: ManifestRows,
                key: str) -> SourceFile:
    """The :class:`SourceFile` of a listed file, with its manifest row and source key."""
    return SourceFile(name[:-4], name, os.path.join(folder, name), size, mtime_ns, manifest.get(name, {}), key)


def source_key(file: str, size: int, mtime_ns: int, names_digest: str, row: str) -> str:
    """What decides whether an article must be re-extracted: its file's name, size and
    modification time, its manifest row (:func:`row_key`), the extractor version and the
    user's names file. Reading every file to hash it would make a no-op build of 100,000
    articles cost seconds."""
    return f"{file}\x1f{size}\x1f{mtime_ns}\x1f{EXTRACTOR_VERSION}\x1f{names_digest}{row}"
