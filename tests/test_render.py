"""Issue 6: the bulk writers print exactly what writing value by value prints, in every format."""
import csv
import io
import json
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syriacli import render
from syriacli.render import plain

COLUMNS = ["text", "number", "note"]
FORMATS = ["tsv", "csv", "json", "jsonl"]


def reference(rows: list[tuple], columns: list[str], fmt: str) -> str:
    """The writer as it was before chunks: one value at a time through plain(), _csv_value,
    _json_deep."""
    out = io.StringIO()
    if fmt == "tsv":
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(plain(v) for v in row) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            # a cell that would start a spreadsheet formula is neutralised (#32)
            writer.writerow([render._no_formula(render._csv_value(v)) for v in row])
    else:
        objects = [json.dumps({c: render._json_deep(v) for c, v in zip(columns, row, strict=True)},
                              ensure_ascii=False)
                   for row in rows]
        if fmt == "jsonl":
            out.write("".join(o + "\n" for o in objects))
        else:
            out.write("[" + ",".join("\n  " + o for o in objects) + ("\n]\n" if objects else "]\n"))
    return out.getvalue()


def written(rows, columns, fmt, capsys, dicts=False) -> str:
    if dicts:
        count = render.write_rows([dict(zip(columns, row, strict=True)) for row in rows], columns,
                                  fmt)
    else:
        count = render.write_tuples(iter(rows), columns, fmt)
    assert count == len(rows)
    return capsys.readouterr().out


AWKWARD = [
    ("plain words", 7000, None),
    ("tab\there", 3.5, "line\nbreak"),
    ("  padded  ", -0.0, "two  spaces"),
    ('say "quoted", with comma', 1e20, "curly ‘quotes’ and Кириллица"),
    ("non\xa0breaking", 0.30000000000000004, "\x1cfile separator"),
    ("snippet \x02mark\x03", None, "trailing\u3000"),
    ("", 12, " "),
    ("e+ looks like a number", 10**17, "\\u0002 typed by hand"),
    ("carriage\rreturn", float("inf"), "vertical\x0btab"),
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_awkward_values_match_the_value_by_value_writer(fmt, capsys):
    assert written(AWKWARD, COLUMNS, fmt, capsys) == reference(AWKWARD, COLUMNS, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_awkward_values_as_dicts(fmt, capsys):
    assert written(AWKWARD, COLUMNS, fmt, capsys, dicts=True) == reference(AWKWARD, COLUMNS, fmt)


def test_exact_text_of_each_format(capsys):
    rows = [("a\tb", 7000, None), ("Кириллица “x”", 2.5, ["x", "y"]), ('q "1", 2', None, "")]
    assert written(rows, COLUMNS, "tsv", capsys) == (
        "text\tnumber\tnote\n"
        "a b\t7000\t\n"
        "Кириллица “x”\t2.5\tx, y\n"
        'q "1", 2\t\t\n')
    assert written(rows, COLUMNS, "csv", capsys) == (
        "text,number,note\n"
        'a\tb,7000,\n'
        'Кириллица “x”,2.5,"x, y"\n'  # a list of text as tsv writes it
        '"q ""1"", 2",,\n')
    assert written(rows, COLUMNS, "jsonl", capsys) == (
        '{"text": "a\\tb", "number": 7000, "note": null}\n'
        '{"text": "Кириллица “x”", "number": 2.5, "note": ["x", "y"]}\n'
        '{"text": "q \\"1\\", 2", "number": null, "note": ""}\n')
    assert written(rows, COLUMNS, "json", capsys) == (
        '[\n  {"text": "a\\tb", "number": 7000, "note": null},\n'
        '  {"text": "Кириллица “x”", "number": 2.5, "note": ["x", "y"]},\n'
        '  {"text": "q \\"1\\", 2", "number": null, "note": ""}\n]\n')


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_rows(fmt, capsys):
    assert written([], COLUMNS, fmt, capsys) == reference([], COLUMNS, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_many_chunks_one_odd_row(fmt, capsys):
    rows = [(f"row {i}", i, None) for i in range(render.FIRST_CHUNK + render.CHUNK + 5)]
    rows[render.FIRST_CHUNK + 7] = ("odd\trow", 1.0, {"nested": [2.0]})
    assert written(rows, COLUMNS, fmt, capsys) == reference(rows, COLUMNS, fmt)


def test_rows_with_objects_of_their_own(capsys):
    rows = [("a", 1, [{"article": "x", "quote": "}, {"}]),
            ("b", 2, [{"article": "y"}, {"article": "z"}])]
    for fmt in ("json", "jsonl"):
        assert written(rows, COLUMNS, fmt, capsys) == reference(rows, COLUMNS, fmt)


def test_unicode_space_is_every_non_ascii_space():
    spaces = {chr(c) for c in range(128, sys.maxunicode + 1) if chr(c).isspace()}
    assert {c for c in spaces if render.UNICODE_SPACE.match(c)} == spaces
    assert not [c for c in map(chr, range(128, 0x3100))
                if render.UNICODE_SPACE.match(c) and c not in spaces]


VALUES = st.one_of(
    st.none(), st.integers(-10**20, 10**20), st.floats(allow_nan=False),
    st.text(alphabet=st.sampled_from("ab ,\"'\t\n\r\x0b\x02\x03\x1c\x85\xa0\u2009\u3000é…Ж\\{}+e"),
            max_size=12),
    st.lists(st.text(alphabet="ab \t", max_size=4), max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(VALUES, VALUES, VALUES), max_size=6))
def test_any_values_match_the_value_by_value_writer(rows):
    for fmt in FORMATS:
        out = io.StringIO()
        real, sys.stdout = sys.stdout, out
        try:
            render.write_tuples(rows, COLUMNS, fmt)
        finally:
            sys.stdout = real
        assert out.getvalue() == reference(rows, COLUMNS, fmt), fmt


# The bulk path end to end: `figures` and `timeline` from a real corpus, every format.
ARTICLES = {
    "a.txt": "Russian jets “hit” Палмира targets\n\n"
             "On 14 March 2016 Defence Minister Sergei Shoigu said Russian aircraft had flown "
             "more than 9,000 sorties, including “night” raids near Palmyra.\n\n"
             'The ministry said on 15 March 2016 that about 2.5 percent of the sorties were '
             '"reconnaissance", while Sergei Shoigu\'s deputy claimed over 7,000 sorties.\n',
    "b.txt": "Withdrawal begins\n\nPutin announced on 14 March 2016 that the main part of the "
             "Russian contingent would leave Syria; the BBC said 12.5 percent of jets left.\n",
}
MANIFEST = "file,publisher,published\na.txt,RT,2016-03-16\nb.txt,BBC,2016-03-15\n"


@pytest.fixture
def awkward_db(corpus_of):
    return corpus_of(ARTICLES, MANIFEST)


def test_figures_tsv_exact(awkward_db, cli):
    out = cli("figures", "sorties", "--format", "tsv", db=awkward_db).stdout
    assert out == (
        "metric\tvalue\tlow\thigh\tqualifier\tunit\ttext\tclaimant\tclaimant_org\tvia\tarticle\t"
        "title\tpublisher\tpublished\turl\tas_of\tperiod\tquote\treprints\tplaces\n"
        "share of sorties\t2.5\t\t\tabout\tpercent\tabout 2.5 percent\tRussian Defence Ministry\t"
        "Russian Defence Ministry\t\ta\tRussian jets “hit” Палмира targets\tRT\t2016-03-16\t\t"
        "2016-03-15\t\t"
        "The ministry said on 15 March 2016 that about 2.5 percent of the sorties were "
        "\"reconnaissance\", while Sergei Shoigu's deputy claimed over 7,000 sorties.\t\t\n"
        "sorties\t9000\t\t\tover\t\tmore than 9,000\tSergei Shoigu\tRussian Defence Ministry\t\ta\t"
        "Russian jets “hit” Палмира targets\tRT\t2016-03-16\t\t2016-03-14\t\t"
        "On 14 March 2016 Defence Minister Sergei Shoigu said Russian aircraft had flown more than "
        "9,000 sorties, including “night” raids near Palmyra.\t\tPalmyra (34.5624 38.28402)\n"
        "sorties\t7000\t\t\tover\t\tover 7,000\tSergei Shoigu's deputy\t\t\ta\t"
        "Russian jets “hit” Палмира targets\tRT\t2016-03-16\t\t2016-03-15\t\t"
        "The ministry said on 15 March 2016 that about 2.5 percent of the sorties were "
        "\"reconnaissance\", while Sergei Shoigu's deputy claimed over 7,000 sorties.\t\t\n")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", [["figures"], ["figures", "sorties"], ["timeline"],
                                  ["timeline", "--from", "2016-03-15"]])
def test_commands_match_the_value_by_value_writer(awkward_db, cli, fmt, args):
    from syriacli import queries, store
    from syriacli.places import places_text
    from syriacli.queries import Filters

    with store.open_corpus(awkward_db) as conn:
        if args[0] == "figures":
            columns = queries.FIGURE_COLUMNS
            from syriacli.extract.metrics import metrics_for

            metrics = metrics_for("sorties", queries.metric_names(conn)) if len(args) > 1 else None
            dicts = list(queries.figures(conn, metrics, Filters()))
        else:
            date_from = "2016-03-15" if len(args) > 1 else None
            dicts = list(queries.timeline(conn, Filters(date_from=date_from)))
            columns = queries.TIMELINE_COLUMNS
            for e in dicts:  # the lists a row carries are those of its mentions
                assert e["publishers"] == list(dict.fromkeys(
                    m["publisher"] for m in e["mentions"] if m["publisher"]))
                assert e["articles"] == list(dict.fromkeys(m["article"] for m in e["mentions"]))
            if fmt in ("csv", "tsv"):  # one line a row: no mentions, a conflict as text
                columns = [c for c in columns if c != "mentions"]
                dicts = [{**e, "conflict": "; ".join(f"{c['date']}: {', '.join(c['articles'])}"
                                                     for c in e["conflict"] or [])}
                         for e in dicts]
    assert dicts
    if fmt in ("csv", "tsv"):  # a list of places prints as text (places.places_text)
        dicts = [{**d, "places": places_text(d["places"])} for d in dicts]
    expected = reference([tuple(d[c] for c in columns) for d in dicts], columns, fmt)
    result = cli(*args, "--format", fmt, db=awkward_db)
    assert result.exit_code == 0 and result.stdout == expected


@given(st.one_of(st.floats(), st.integers(), st.booleans()))
def test_plain_numbers_print_as_the_general_rule_prints_them(value):
    """plain()'s shortcut for numbers: whole reals as integers, the rest as str() writes them."""
    if isinstance(value, bool):  # a flag: as JSON writes it
        assert plain(value) == ("true" if value else "false")
        return
    shown = int(value) if isinstance(value, float) and value.is_integer() else value
    assert plain(value) == " ".join(str(shown).split())


#: Text plain() has to flatten: padding, runs of spaces, tabs, newlines, snippet marks, a
#: no-break space.
ODD_SPACING = st.sampled_from([" x ", "a  b", "a\tb", "a\nb", "\x02m\x03", "a\u00a0b", "é "])


@settings(max_examples=300)
@given(st.lists(st.one_of(st.none(), st.text(), st.floats(), st.integers(), ODD_SPACING),
                min_size=1, max_size=8))
def test_tsv_line_is_each_value_as_plain_makes_it(values):
    assert render.tsv_line(values) == "\t".join(plain(v) for v in values)
