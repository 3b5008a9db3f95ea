"""The tsv lines a large corpus caches (store.LINES_FROM) print exactly what the rows print,
follow updates, and are never used by other rendering code than the one that made them."""

import shutil
import sqlite3

import pytest
from conftest import SEEDS

from syriacli import store

LISTINGS = [("figures",), ("figures", "sorties", "--publisher", "bbc"), ("timeline",),
            ("timeline", "--from", "2016-03", "--to", "2016-03")]


@pytest.fixture
def cached(monkeypatch):
    """Builds cache the lines of every corpus, however small."""
    monkeypatch.setattr(store, "LINES_FROM", 0)


def _raw(tmp_path, name="raw"):
    raw = tmp_path / name
    shutil.copytree(SEEDS, raw)
    return raw


def _tsv(cli, db):
    return [cli(*args, "--format", "tsv", db=db).stdout for args in LISTINGS]


def _lines(db) -> dict[str, int]:
    conn = sqlite3.connect(db)
    return dict(conn.execute("select listing, count(*) from lines group by listing"))


def test_a_full_build_caches_the_lines_the_rows_print(cached, build, cli, seed_db, tmp_path):
    _, db = build(_raw(tmp_path))
    conn = sqlite3.connect(db)
    claims = conn.execute("select count(*) from figures where reprint_of is null").fetchone()[0]
    entries = conn.execute("select count(*) from entries").fetchone()[0]
    assert _lines(db) == {"figures": claims, "timeline": entries}
    assert _lines(seed_db) == {}  # a corpus below LINES_FROM caches nothing
    assert _tsv(cli, db) == _tsv(cli, seed_db)


def test_lines_are_used_only_by_the_code_that_made_them(cached, build, cli, tmp_path):
    _, db = build(_raw(tmp_path))
    rendered = _tsv(cli, db)
    with sqlite3.connect(db) as conn:
        conn.execute("update lines set line = 'cached' || char(9) || line")
    assert all("\ncached\t" in out for out in _tsv(cli, db))  # read from the cache
    with sqlite3.connect(db) as conn:
        conn.execute("update meta set value = 'other code' where key like 'lines_%'")
    assert _tsv(cli, db) == rendered


def test_an_update_keeps_the_lines_current(cached, build, cli, tmp_path):
    """Articles added, removed and re-dated: the listings are a full build's."""
    raw = _raw(tmp_path)
    _, db = build(raw)
    before = _lines(db)
    (raw / "000_616b968fe542e006.txt").unlink()
    shutil.copy(SEEDS / "000_616b968fe542e006.txt", raw / "copy.txt")
    manifest = (raw / "manifest.csv").read_text(encoding="utf-8")
    (raw / "manifest.csv").write_text(manifest.replace("2016-03-15", "2016-03-16"),
                                      encoding="utf-8")
    result, _ = build(raw, db)
    assert result.exit_code == 0, result.output
    assert 0 < sum(_lines(db).values()) < sum(before.values())  # changed rows lost theirs
    _, fresh = build(raw, tmp_path / "fresh.db")
    # the same lines; entries of one date may come in another order (their ids differ)
    assert [sorted(out.splitlines()) for out in _tsv(cli, db)] == [
        sorted(out.splitlines()) for out in _tsv(cli, fresh)]
