"""`figures METRIC --chart` (#19): the claims over time, readable at 80 columns."""

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from syriacli.chart import HEIGHT, column_of, row_of, scale


def chart(cli, *args, columns="80"):
    result = cli("figures", *args, "--chart", env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_sorties_chart_draws_both_seed_claims_readable_at_80_columns(cli):
    lines = chart(cli, "sorties")
    assert lines[0].startswith("sorties: 7,000 to 9,000+, 2 claims")
    assert all(len(line) <= 80 for line in lines)
    plot = [line for line in lines if "┤" in line or "│" in line[:12]]
    assert len(plot) == HEIGHT
    rows = {mark: i for i, line in enumerate(plot) for mark in re.findall(r">([AB])", line)}
    # Shoigu's "more than 9,000" is drawn above the officials' "over 7,000"
    legend = {line.split()[0]: line for line in lines if re.match(r"[AB] ", line)}
    shoigu = next(letter for letter, line in legend.items() if "Sergei Shoigu" in line)
    officials = next(letter for letter, line in legend.items() if "Russian officials" in line)
    assert rows[shoigu] < rows[officials]
    assert ">9,000" in legend[shoigu] and "BBC" in legend[shoigu]
    assert "003_5c8489880ca76ab4" in legend[shoigu]
    assert "9,000" in plot[rows[shoigu]] and "7,000" in plot[rows[officials]]
    assert any("> over" in line for line in lines)


def test_a_wide_spread_is_drawn_on_a_log_scale_and_undated_claims_are_listed(cli):
    lines = chart(cli, "civilians")
    assert all(len(line) <= 80 for line in lines)
    assert any("(log scale)" in line for line in lines)
    assert any("not drawn: undated" in line for line in lines)
    assert sum(1 for line in lines if re.match(r"[A-Z] ", line)) == 5
    assert any("Mar 2016" in line and "Sep 2017" in line for line in lines)


def test_chart_with_a_machine_format_is_a_usage_error(cli):
    result = cli("figures", "sorties", "--chart", "--format", "json")
    assert result.exit_code == 2 and "--chart" in result.stderr


@given(st.lists(st.floats(min_value=0.5, max_value=1e7), min_size=1, max_size=20))
def test_every_value_lands_inside_the_plot_in_order(values):
    axis = scale(min(values), max(values))
    rows = [row_of(v, axis) for v in sorted(values)]
    assert all(0 <= r < HEIGHT for r in rows)
    assert rows == sorted(rows, reverse=True)  # larger values higher up (smaller rows)
    assert row_of(max(values), axis) <= row_of(min(values), axis)


@given(st.dates(min_value=date(2011, 1, 1), max_value=date(2030, 12, 31)),
       st.integers(min_value=0, max_value=4000), st.integers(min_value=24, max_value=120))
def test_every_day_lands_inside_the_plot_leaving_room_for_a_qualifier(first, days, width):
    from datetime import timedelta

    last = first + timedelta(days=days)
    for day in (first, first + timedelta(days=days // 2), last):
        assert 1 <= column_of(day, first, last, width) <= width - 2
