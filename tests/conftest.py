import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syriacli.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed articles and the corpus built from them once, by the real CLI: (raw, db).
    Tests read them and never change them; a test that changes either takes `seed_copy`."""
    folder = tmp_path_factory.mktemp("seed")
    raw = folder / "raw"
    shutil.copytree(SEEDS, raw)
    db = folder / "corpus.db"
    result = CliRunner().invoke(app, ["build", "--raw", str(raw), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return raw, db


@pytest.fixture(scope="session")
def seed_db(seed_build):
    """The seed corpus, shared by the session: read it, never write it."""
    return seed_build[1]


@pytest.fixture
def seed_copy(seed_build, tmp_path):
    """A test's own copy of the seed folder and corpus, as a build in tmp_path would leave
    them: (tmp_path/raw, tmp_path/corpus.db). Copying costs milliseconds, a build seconds.
    Files keep their size and times (what a build's survey compares); the corpus is told
    its new folder, as a build from there would have recorded it."""
    from syriacli import store

    raw, db = tmp_path / "raw", tmp_path / "corpus.db"
    shutil.copytree(seed_build[0], raw)
    shutil.copy(seed_build[1], db)
    store.write_meta(db, raw_dir=str(raw.resolve()))
    return raw, db


@pytest.fixture
def cli(seed_db):
    """Run the CLI against the seed corpus: cli("search", "Palmyra", "--format", "json")."""

    def run(*args, db=seed_db, env=None):
        return CliRunner().invoke(
            app,
            [str(a) for a in args],
            env={"SYRIACLI_DB": str(db), "NO_COLOR": "1", "COLUMNS": "120", **(env or {})},
        )

    return run


@pytest.fixture
def make_raw(tmp_path):
    """A raw folder from {file name: text} plus an optional manifest text."""

    def make(files, manifest=None, name="raw"):
        raw = tmp_path / name
        raw.mkdir()
        for file, text in files.items():
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            (raw / file).write_bytes(data)
        if manifest is not None:
            (raw / "manifest.csv").write_text(manifest, encoding="utf-8")
        return raw

    return make


@pytest.fixture
def build(tmp_path):
    def run(raw, db=None, *extra):
        db = db or tmp_path / "corpus.db"
        result = CliRunner().invoke(app, ["build", "--raw", str(raw), "--db", str(db), *extra])
        return result, db

    return run
