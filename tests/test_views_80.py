"""Terminal views at 80 columns (#17 item 3): ids and dates never break, wrapped text
stays under its column, what does not fit is named."""

import re

import pytest

DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ID = re.compile(r"\b\d{3}_[0-9a-f]{16}\b")
#: The start of a date or an id, cut short.
BROKEN = re.compile(r"\d{4}-\d{0,2}(-\d?)?|\d{3}_[0-9a-f]{0,15}")


def table(cli, *args):
    result = cli(*args, "--format", "table", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("args", [["articles"], ["names"], ["search", "Palmyra"],
                                  ["figures", "--summary"]])
def test_no_line_is_wider_than_80_and_ids_and_dates_stay_whole(cli, args):
    out = table(cli, *args).stdout
    assert out and all(len(line) <= 80 for line in out.splitlines())
    whole = cli(*args, "--format", "tsv").stdout
    for pattern in (DATE, ID):
        # every id and date a pipe gets, the table shows whole (or left out its column)
        assert set(pattern.findall(out)) <= set(pattern.findall(whole))
    for line in out.splitlines():
        for cell in (c.strip() for c in re.split("[│┃]", line)):
            # a date or an id cut short, its rest on the next line
            assert not BROKEN.fullmatch(cell), line


def test_articles_at_80_columns_show_whole_dates_and_name_what_is_left_out(cli):
    result = table(cli, "articles")
    assert "2016-03-15" in result.stdout and "003_5c8489880ca76ab4" in result.stdout
    assert "left out at 80 columns: " in result.stderr and "url" in result.stderr


def test_wrapped_timeline_lines_stay_under_their_column(cli):
    out = table(cli, "timeline", "--quotes", "--all").stdout.splitlines()
    body = [line for line in out if line.strip() and not line.startswith(("events", "20", "Jan",
            "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"))]
    assert body and all(len(line) <= 80 for line in out)
    for line in body:
        # a date right-aligned in the first 12 columns, or nothing there
        head = line[:14]
        assert head.strip() == "" or re.fullmatch(r" *[0-9A-Za-z ]{3,12}  ", head), line


def test_figures_with_quotes_wrap_under_their_column(cli):
    out = table(cli, "figures", "civilians", "--quotes").stdout.splitlines()
    assert all(len(line) <= 80 for line in out)
    claims = [line for line in out if re.match(r" {0,13}\S+ █", line)]
    assert len(claims) == 5
    for line in out[1:]:
        if line.strip() and line not in claims:
            # a claim's quote, its id or its claimant wrapped: under the text, never at column 0
            assert line.startswith(" " * 4), line
    assert any(line.startswith(" " * 15 + "“") for line in out)
    assert "001_1431156e20cd0360" in "\n".join(out)
