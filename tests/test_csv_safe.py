"""CSV a spreadsheet opens as text (issue #32): a cell that would start a formula is
neutralised with a leading apostrophe, in every csv output; tsv stays raw for cut and awk."""
import csv
import io

import pytest

from syriacli import render

TEXT = ("Russian jets struck targets near Saraqeb on 3 March 2020, killing 12 civilians, the "
        "Syrian Observatory for Human Rights said.\n")
MANIFEST = ('file,title,publisher,published,url\n'
            'a.txt,"=HYPERLINK(""http://evil.example"",""click"")",@Wire,2020-03-04,'
            'https://example.org/a\n')


def cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


@pytest.fixture
def db(corpus_of):
    return corpus_of({"a.txt": TEXT}, MANIFEST)


@pytest.mark.parametrize("args", [
    ["figures", "civilians", "--format", "csv"],
    ["timeline", "--format", "csv"],
    ["articles", "--format", "csv"],
    ["export", "acled"],
])
def test_csv_output_neutralises_formula_cells(cli, db, args):
    out = cli(*args, db=db).stdout
    got = cells(out)
    assert any(c.startswith(("'=HYPERLINK(", "'@Wire")) for c in got), out
    assert not any(c.startswith(("=", "@")) for c in got)


def test_tsv_stays_raw(cli, db):
    out = cli("figures", "civilians", "--format", "tsv", db=db).stdout
    assert "\t=HYPERLINK(" in out


@pytest.mark.parametrize("value, written", [
    ("=1+2", "'=1+2"), ("+1 555", "'+1 555"), ("@SUM(A1)", "'@SUM(A1)"), ("-x", "'-x"),
    ("-3", "-3"), ("+4.5", "+4.5"), ("plain", "plain"), ("", ""),
])
def test_a_formula_cell_and_a_number(value, written):
    assert render._no_formula(value) == written
