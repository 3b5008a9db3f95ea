"""Where the corpus lives, and making sure it is there and fresh before a query.

The database is ``--db PATH``, else ``$SYRIACLI_DB``, else ``data/corpus.db`` of the
project checkout syriacli runs from (an editable install), else ``corpus.db`` in the
user's data directory (platformdirs: ``~/.local/share/syriacli`` on Linux), whatever
the current directory. Its raw folder is the one it was last built from, else ``raw/``
beside it (``data/raw`` in a checkout).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable
from pathlib import Path

from . import store
from .errors import CorpusMissing

ENV_DB = "SYRIACLI_DB"


def project_root() -> Path | None:
    here = Path(__file__).resolve().parent
    for folder in (here, *here.parents):
        if (folder / "data" / "raw").is_dir() and (folder / "pyproject.toml").exists():
            return folder
    return None


def locate_db(db: Path | None = None) -> tuple[Path, str]:
    """The corpus a command uses, and the rule that chose it (what `syriacli info` says)."""
    if db is not None:
        return Path(db), "--db"
    if os.environ.get(ENV_DB):
        return Path(os.environ[ENV_DB]), f"${ENV_DB}"
    root = project_root()
    if root is not None:
        return root / "data" / "corpus.db", f"the project checkout at {root}"
    from platformdirs import user_data_path

    return user_data_path("syriacli") / "corpus.db", "the user data directory"


def default_db() -> Path:
    return locate_db()[0]


def default_raw(db_path: Path) -> Path | None:
    """The folder a build without ``--raw`` reads: the corpus's own, else the checkout's."""
    root = project_root()
    return raw_dir_for(db_path) or (root / "data" / "raw" if root else None)


def raw_dir_for(db_path: Path) -> Path | None:
    """The raw folder a corpus was built from, or ``raw/`` beside it."""
    built_from = store.read_meta(db_path, "raw_dir") if db_path.exists() else None
    if built_from and Path(built_from).is_dir():
        return Path(built_from)
    beside = db_path.parent / "raw"
    return beside if beside.is_dir() else None


def ensure(db_path: Path, say: Callable[[str], None]) -> Path:
    """Build the corpus first if it is missing or older than its raw files."""
    raw = raw_dir_for(db_path)
    missing = not db_path.exists()
    if missing and raw is None:
        raise CorpusMissing(
            f"no corpus at {db_path}: run `syriacli build --raw DIR --db {db_path}`"
        )
    if raw is not None and (
        missing
        or (os.access(db_path.parent, os.W_OK) and os.access(db_path, os.W_OK)
            and (is_stale(db_path, raw)
                 or (store.schema_version(db_path) or store.SCHEMA_VERSION)
                 < store.SCHEMA_VERSION
                 or bool(store.missing_tables(db_path))))
    ):
        from .build import build

        if build_running(db_path) and not missing:
            say(f"a build of {db_path} is running; searching the corpus as it was")
        else:
            say(
                f"{'building' if missing else 'updating'} the corpus at {db_path} from {raw} first…"
            )
            report = build(raw, db_path)
            say(f"{report.taken} articles in the corpus")
    store.check_corpus(db_path)
    return db_path


def describe(db: Path | None) -> dict:
    """What `syriacli info` says: the corpus path and the rule that chose it, its raw
    folder, counts, schema, version, whether a query would update it first, when built."""
    from . import __version__

    db_path, rule = locate_db(db)
    row: dict = {"corpus": str(db_path), "chosen_by": rule, "exists": db_path.exists()}
    facts = store.corpus_facts(db_path) if db_path.exists() else {}
    raw = raw_dir_for(db_path)
    row.update({"raw_dir": facts.pop("raw_dir", None) or (str(raw) if raw else None),
                **facts, "schema_expected": store.SCHEMA_VERSION, "version": __version__})
    if facts:
        from .survey import extractor_digest

        # a query rebuilds it first (another schema, extraction code or data changed, the
        # raw folder changed, or an update was killed and rolled back: store.recover)
        row["stale"] = (facts["schema"] != store.SCHEMA_VERSION
                        or facts["extractor"] != extractor_digest()
                        or (raw is not None and is_stale(db_path, raw)))
    if db_path.exists():
        from datetime import datetime, timezone

        built = datetime.fromtimestamp(db_path.stat().st_mtime, timezone.utc)
        row["built"] = built.isoformat(timespec="seconds")
    return row


def build_running(db_path: Path) -> bool:
    """True while another process holds the build lock of this corpus."""
    lock = db_path.with_name(db_path.name + ".lock")
    if not lock.exists():
        return False
    try:
        with open(lock) as handle:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            fcntl.flock(handle, fcntl.LOCK_UN)
        return False
    except BlockingIOError:
        return True
    except OSError:
        return False


def is_stale(db_path: Path, raw_dir: Path) -> bool:
    """True when the raw folder or its manifest changed after the corpus was written."""
    try:
        built = db_path.stat().st_mtime
    except OSError:
        return True
    for path in (raw_dir, raw_dir / "manifest.csv"):
        try:
            if path.stat().st_mtime > built:
                return True
        except OSError:
            continue
    return False
