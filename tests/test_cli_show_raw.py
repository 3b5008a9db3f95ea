"""`show --raw`: what cleaning removed, shown (#28). A page written for this test: menus,
share buttons and cookie text around a monitor's report with a dashed, a bulleted and a
numbered list."""
import json

PAGE = """Home | World | Middle East | Opinion | Video
Share on Facebook
Monitor: Russian raids kill 47 in Idlib

The monitoring group said Russian air raids killed 47 people in Idlib province on Sunday.
Those killed included:
– 31 children
• 12 women
1. 4 aid workers
We use cookies to improve your experience. Accept all cookies to continue.
"""
FURNITURE = ["Home | World | Middle East | Opinion | Video",
             "We use cookies to improve your experience. Accept all cookies to continue."]
LIST = ["– 31 children", "• 12 women", "1. 4 aid workers"]


def built(make_raw, build):
    manifest = "file,publisher,published\nidlib.txt,Gulf Daily,2019-06-02\n"
    raw = make_raw({"idlib.txt": PAGE}, manifest)
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    return db


def test_raw_marks_what_cleaning_removed(make_raw, build, cli):
    db = built(make_raw, build)
    result = cli("show", "idlib", "--raw", "--format", "json", db=db)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    removed = {r["line"] for r in rows if r["removed"]}
    assert set(FURNITURE) <= removed
    kept = {r["line"] for r in rows if not r["removed"]}
    assert set(LIST) <= kept
    assert [r["line"] for r in rows if r["line"]] == [line for line in PAGE.split("\n") if line]


def test_raw_as_text_marks_removed_lines(make_raw, build, cli):
    db = built(make_raw, build)
    out = cli("show", "idlib", "--raw", db=db).stdout
    assert f"- {FURNITURE[0]}\n" in out and f"  {LIST[0]}\n" in out
    table = cli("show", "idlib", "--raw", "--format", "table", db=db,
                env={"COLUMNS": "200"}).stdout
    assert f"- {FURNITURE[1]}" in table and "idlib.txt" in table


def test_every_list_number_is_a_claim_and_shown(make_raw, build, cli):
    db = built(make_raw, build)
    shown = cli("show", "idlib", db=db).stdout
    assert all(item.split(" ", 1)[1] in shown for item in LIST)
    assert "cookies" not in shown and "Opinion" not in shown
    rows = json.loads(cli("figures", "--format", "json", db=db).stdout)
    assert {31, 12, 4} <= {r["value"] for r in rows}


def test_raw_without_its_file_is_one_line(make_raw, build, cli):
    db = built(make_raw, build)
    (db.parent / "raw").rename(db.parent / "moved")       # an unmounted share
    result = cli("show", "idlib", "--raw", db=db)
    assert result.exit_code == 1
    assert result.stderr == ("Error: the raw file 'idlib.txt' is not in the corpus raw folder:"
                             " build the corpus from the folder that holds it"
                             " (`syriacli build --raw DIR`)\n")
