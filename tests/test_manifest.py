"""The manifest as people write it: dates day or month first, file names with or without
their ending, and a summary instead of thousands of warnings."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syriacli.errors import BadDate
from syriacli.extract.dateargs import parse_manifest_date

GOOD = "Jets strike Idlib\n\nRussian jets struck Idlib on Tuesday, the ministry said.\n"


@pytest.mark.parametrize("value, day", [
    ("30/09/2016", "2016-09-30"),
    ("30.09.2016", "2016-09-30"),
    ("30-09-2016", "2016-09-30"),
    ("9/30/2016", "2016-09-30"),     # month first, as only it can be
    ("05/05/2016", "2016-05-05"),    # both ways the same day
    ("2016-09-30", "2016-09-30"),
    ("30 September 2016", "2016-09-30"),
])
def test_manifest_dates_as_people_write_them(value, day):
    assert parse_manifest_date(value) == (day, day, "day")


@pytest.mark.parametrize("value, why", [
    ("03/04/2016", "reads both ways"),
    ("31/02/2016", "is not a date"),
    ("13/13/2016", "is not a date"),
])
def test_a_date_that_could_be_two_days_is_refused(value, why):
    with pytest.raises(BadDate, match=why):
        parse_manifest_date(value)


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_clean_refusal(value):
    try:
        first, last, precision = parse_manifest_date(value)
    except BadDate as exc:
        assert str(exc)
    else:
        assert first <= last and precision in ("day", "month", "year")


def test_rows_name_files_with_or_without_their_ending(make_raw, build, cli):
    raw = make_raw(
        {"a.txt": GOOD, "b.html": f"<html><body><article><p>{GOOD}</p></article></body></html>",
         "c.txt": GOOD.replace("Idlib", "Hama"), "d.v2.txt": GOOD.replace("Idlib", "Homs")},
        "file,publisher,published\na,RT,30/09/2016\nb.html,AP,2016-10-01\nc.txt,BBC,03/04/2016\n"
        "d.v2,TASS,2016-10-02\n")
    result, db = build(raw)
    assert result.exit_code == 0, result.output
    assert ("row 4 (c.txt): the date '03/04/2016' reads both ways (day or month first): write"
            " it as YYYY-MM-DD; left empty, rest of the row used") in result.stderr
    rows = {r["article"]: r for r in json.loads(cli("articles", "-f", "json", db=db).stdout)}
    assert (rows["a"]["publisher"], rows["a"]["published"]) == ("RT", "2016-09-30")
    assert (rows["b"]["publisher"], rows["b"]["published"]) == ("AP", "2016-10-01")
    assert (rows["c"]["publisher"], rows["c"]["published"]) == ("BBC", None)
    assert (rows["d.v2"]["publisher"], rows["d.v2"]["published"]) == ("TASS", "2016-10-02")


def test_many_rows_for_missing_files_are_one_warning(make_raw, build):
    manifest = "file,publisher\na.txt,RT\n" + "".join(f"gone{i}.txt,AP\n" for i in range(10_000))
    raw = make_raw({"a.txt": GOOD}, manifest)
    result, _ = build(raw)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "not in" in line]
    assert len(lines) == 1
    assert "10000 rows name files that are not in" in lines[0] and "9995 more" in lines[0]
