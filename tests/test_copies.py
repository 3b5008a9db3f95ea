"""The same article twice: one article, its claims counted once, the copy's file named."""
from __future__ import annotations

import json

STORY = ("Russian jets pound Idlib\n\n14 March 2016\n\nRussian jets carried out more than 60 "
         "sorties over Idlib on Sunday, the Russian Defence Ministry said.\n")


def _rows(cli, db, *args):
    result = cli(*args, "--format", "json", db=db)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_identical_texts_are_one_article(make_raw, build, cli):
    raw = make_raw({
        "a.txt": STORY,
        # the same page saved again: another encoding, other line ends, a BOM
        "b.txt": b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode("utf-8"),
        "c.txt": STORY.replace("60", "70").replace("Idlib", "Hama"),
    })
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    assert "note: b.txt has the same text as article a: one article" in result.stderr
    assert "2 articles" in result.stderr
    assert [a["article"] for a in _rows(cli, db, "articles")] == ["a", "c"]
    sorties = [(f["article"], f["value"]) for f in _rows(cli, db, "figures", "sorties")]
    assert sorted(sorties) == [("a", 60), ("c", 70)]
    # an update that adds one more copy names it too and writes nothing of it
    (raw / "d.txt").write_text(STORY, encoding="utf-8")
    result, db = build(raw, db)
    assert "note: d.txt has the same text as article a" in result.stderr
    assert len(_rows(cli, db, "figures", "sorties")) == 2
    # the original gone, a copy is the article
    (raw / "a.txt").unlink()
    result, db = build(raw, db)
    assert result.exit_code == 0, result.output
    assert "note: d.txt has the same text as article b" in result.stderr
    assert [a["article"] for a in _rows(cli, db, "articles")] == ["b", "c"]
