import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from syriacli.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory):
    """A corpus built once from the shipped seed articles, by the real CLI."""
    folder = tmp_path_factory.mktemp("seed")
    raw = folder / "raw"
    shutil.copytree(SEEDS, raw)
    db = folder / "corpus.db"
    result = CliRunner().invoke(app, ["build", "--raw", str(raw), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


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
