import functools
import hashlib
import shutil
from pathlib import Path
from unittest import mock

import pytest
import typer.testing
from typer.main import get_command

from syriacli.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "raw"


class CliRunner(typer.testing.CliRunner):
    """Typer's runner, with the app's Click command made once: Typer's makes it again at
    every invoke, inspecting every command's signature (~40 ms of an in-process command's
    ~45), which the suite's thousands of invocations each paid. Commands look up what
    they call when run, so a test's monkeypatch still reaches them."""

    def invoke(self, app, args=None, **kwargs):
        # typer.testing names its get_command `_get_command` and calls it in invoke
        with mock.patch.object(typer.testing, "_get_command", _command):
            return super().invoke(app, args, **kwargs)


@functools.cache
def _command(typer_app):
    return get_command(typer_app)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed articles and the corpus built from them once, by the real CLI: (raw, db).
    Tests read them and never change them; a test that changes either takes `seed_copy`."""
    folder = tmp_path_factory.mktemp("seed")
    raw = folder / "raw"
    shutil.copytree(SEEDS, raw)
    db = folder / "corpus.db"
    result = CliRunner().invoke(app, ["build", "--raw", str(raw), "--db", str(db)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    before = _digest(db)
    yield raw, db
    assert _digest(db) == before, "a test changed the shared seed corpus: use seed_copy"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def seed_db(seed_build):
    """The seed corpus, shared by the session: read it, never write it."""
    return seed_build[1]


def _copy_corpus(raw: Path, db: Path, into: Path) -> tuple[Path, Path]:
    """A copy of a raw folder and its corpus in ``into``, as a build there would leave
    them: files keep their sizes and times (what a build's survey compares), and the
    corpus is told its new folder, as a build from there would have recorded it."""
    from syriacli import store

    into.mkdir(exist_ok=True)
    copy_raw, copy_db = into / "raw", into / "corpus.db"
    shutil.copytree(raw, copy_raw)
    shutil.copy(db, copy_db)
    store.write_meta(copy_db, raw_dir=str(copy_raw.resolve()))
    return copy_raw, copy_db


@pytest.fixture
def seed_copy(seed_build, tmp_path):
    """A test's own copy of the seed folder and corpus, for a test that changes either:
    (tmp_path/raw, tmp_path/corpus.db). Copying costs milliseconds, a build seconds."""
    return _copy_corpus(*seed_build, tmp_path)


@pytest.fixture(scope="session")
def _corpora(tmp_path_factory):
    """Corpora built this session, by their files and manifest: (raw, db)."""
    return {}


@pytest.fixture
def corpus_of(_corpora, tmp_path_factory, tmp_path):
    """The path of a corpus built from {file name: text} and an optional manifest text,
    the test's own copy (tmp_path/corpus/corpus.db) of one built once a session: tests
    of the same files share the build, never the file."""

    def make(files, manifest=None):
        key = repr((sorted(files.items()), manifest))
        if key not in _corpora:
            folder = tmp_path_factory.mktemp("corpus")
            raw = _write_raw(folder / "raw", files, manifest)
            db = folder / "corpus.db"
            result = CliRunner().invoke(app, ["build", "--raw", str(raw), "--db", str(db)],
                                        catch_exceptions=False)
            assert result.exit_code == 0, result.output
            _corpora[key] = raw, db
        raw, db = _corpora[key]
        return _copy_corpus(raw, db, tmp_path / "corpus")[1]

    return make


@pytest.fixture
def cli(seed_db):
    """Run the CLI against the seed corpus: cli("search", "Palmyra", "--format", "json")."""

    def run(*args, db=seed_db, env=None):
        return CliRunner().invoke(
            app,
            [str(a) for a in args],
            env={"SYRIACLI_DB": str(db), "NO_COLOR": "1", "COLUMNS": "120", **(env or {})},
            catch_exceptions=False,  # a crash fails the test (the runner would hide it)
        )

    return run


@pytest.fixture
def make_raw(tmp_path):
    """A raw folder from {file name: text} plus an optional manifest text."""

    def make(files, manifest=None, name="raw"):
        return _write_raw(tmp_path / name, files, manifest)

    return make


def _write_raw(raw: Path, files: dict, manifest: str | None) -> Path:
    raw.mkdir()
    for file, text in files.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (raw / file).write_bytes(data)
    if manifest is not None:
        (raw / "manifest.csv").write_text(manifest, encoding="utf-8")
    return raw


@pytest.fixture
def build(tmp_path):
    def run(raw, db=None, *extra):
        db = db or tmp_path / "corpus.db"
        result = CliRunner().invoke(app, ["build", "--raw", str(raw), "--db", str(db), *extra],
                                    catch_exceptions=False)
        return result, db

    return run
