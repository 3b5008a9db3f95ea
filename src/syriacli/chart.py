"""A metric's claims over time as a terminal chart (`figures METRIC --chart`).

One mark a claim: the letter of who claims it (its claimant, else its publisher's own
account), placed at the claim's date (its ``as_of``, else its publication day) and value,
its qualifier drawn before it (``>9,000`` is ``>B``); a range is a vertical stroke from its
low to its high end. A legend under the chart gives each claim's letter, value, claimant,
publisher, date and article. Values spread over more than a factor of 20 are drawn on a
log scale (8 civilians and 3,800 on one chart), said on the axis.

The layout (:func:`scale`, :func:`place`) is plain arithmetic; :func:`chart` makes Rich
text of it.
"""
from __future__ import annotations

import math
from datetime import date

# the marks the table view writes before a value: the chart draws them before a letter
from .labels import QUALIFIER_MARK, value_label

#: Letters for claimants, in the order they first claim something.
SERIES_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#: Rows of the plot area.
HEIGHT = 10
#: Above this ratio of the largest value to the smallest, the value axis is logarithmic.
LOG_RATIO = 20.0
#: The width of the value labels left of the axis.
LABEL_WIDTH = 9
#: The width of a legend's letter and value ("A  >7,000").
LEGEND_VALUE = 14


def claim_day(claim: dict) -> date | None:
    """The day a claim is about: its as_of (the first day of a month or year), else its
    publication day; None when neither is known."""
    iso = claim.get("as_of") or claim.get("published")
    if not iso:
        return None
    parts = [int(p) for p in iso[:10].split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def values_of(claim: dict) -> tuple[float, float] | None:
    """The low and high end a claim draws (the same for a single value); None for a vague
    amount."""
    if claim.get("value") is not None:
        return float(claim["value"]), float(claim["value"])
    if claim.get("low") is not None and claim.get("high") is not None:
        return float(claim["low"]), float(claim["high"])
    return None


def scale(low: float, high: float, height: int = HEIGHT) -> tuple[bool, float, float]:
    """(log, bottom, top) of a value axis holding ``low``..``high``: a log axis when they
    spread over more than LOG_RATIO (and are positive), else a linear one from a round
    number under ``low`` to one over ``high``."""
    if low > 0 and high / low > LOG_RATIO:
        return True, 10 ** math.floor(math.log10(low)), 10 ** math.ceil(math.log10(high))
    if low == high:
        low, high = low * 0.9, high * 1.1 if high else 1.0
    step = _nice_step((high - low) / max(1, height // 2))
    return False, math.floor(low / step) * step, math.ceil(high / step) * step


def _nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least ``raw``."""
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def row_of(value: float, axis: tuple[bool, float, float], height: int = HEIGHT) -> int:
    """The plot row of ``value``: 0 the top, ``height - 1`` the bottom."""
    log, bottom, top = axis
    if log:
        value, bottom, top = (math.log10(max(value, bottom)), math.log10(bottom),
                              math.log10(top))
    share = 0.0 if top == bottom else (value - bottom) / (top - bottom)
    return height - 1 - round(min(1.0, max(0.0, share)) * (height - 1))


def column_of(day: date, first: date, last: date, width: int) -> int:
    """The plot column of ``day`` between ``first`` (column 1) and ``last`` (``width - 2``):
    a column each side is kept for a qualifier glyph."""
    span = (last - first).days
    share = 0.5 if span == 0 else (day - first).days / span
    return 1 + round(share * (width - 3))


def _number(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    return f"{value:,.0f}" if value >= 10 or float(value).is_integer() else f"{value:g}"


def chart(claims: list[dict], width: int, style_of) -> tuple[list, list[tuple]]:
    """The chart of one metric's ``claims``: its lines (Rich Text, ``width`` columns at
    most) and its legend, a (mark, text) pair of Rich Text a claim; ``style_of(who)``
    gives a claimant's colour."""
    from rich.text import Text

    whose = [c.get("claimant") or f"{c.get('publisher') or 'unattributed'} (own account)"
             for c in claims]
    letters = {who: SERIES_LETTERS[i % len(SERIES_LETTERS)]
               for i, who in enumerate(dict.fromkeys(whose))}
    drawn = [(c, who, claim_day(c), values_of(c)) for c, who in zip(claims, whose, strict=True)]
    plotted = [(c, who, day, ends) for c, who, day, ends in drawn if day and ends]
    lines = _plot(plotted, width, letters, style_of) if plotted else []
    glyphs = ", ".join(f"{g} {q}" for q, g in QUALIFIER_MARK.items()
                       if any(c.get("qualifier") == q for c, *_ in plotted))
    if glyphs:
        lines.append(Text(" " * (LABEL_WIDTH + 2) + f"before a letter: {glyphs}", style="dim"))
    return lines, _legend(drawn, letters, style_of)


def _plot(plotted: list[tuple], width: int, letters: dict[str, str], style_of) -> list:
    """The plot's lines: the value axis and the marks, then the time axis under them."""
    from rich.text import Text

    axis = scale(min(ends[0] for *_, ends in plotted), max(ends[1] for *_, ends in plotted))
    first = min(day for _, _, day, _ in plotted)
    last = max(day for _, _, day, _ in plotted)
    plot_width = max(24, min(width, 100) - LABEL_WIDTH - 2)
    grid = _grid(plotted, axis, (first, last, plot_width), letters, style_of)
    labels = {row_of(v, axis): _number(v) for v in _ticks(axis)}
    lines = []
    for y, cells in enumerate(grid):
        line = Text(f"{labels.get(y, ''):>{LABEL_WIDTH}} {'┤' if y in labels else '│'}",
                    style="dim")
        for char, style in cells:
            line.append(char, style=style)
        lines.append(line)
    lines.append(Text(" " * LABEL_WIDTH + " └" + "─" * plot_width, style="dim"))
    start, end = _month(first), _month(last)
    gap = max(1, plot_width - len(start) - len(end))
    lines.append(Text(" " * (LABEL_WIDTH + 2) + (f"{start}{' ' * gap}{end}"
                      if start != end else start), style="dim"))
    if axis[0]:
        lines.append(Text(" " * LABEL_WIDTH + "  (log scale)", style="dim"))
    return lines


def _grid(plotted: list[tuple], axis, span: tuple[date, date, int], letters: dict[str, str],
          style_of) -> list[list[tuple[str, str | None]]]:
    """The plot area, HEIGHT rows of (character, style): each claim's letter at its day
    and value (moved right past a mark already there), its qualifier's glyph before it,
    and a range's stroke down to its low end. ``span``: first day, last day, columns."""
    first, last, plot_width = span
    grid: list[list[tuple[str, str | None]]] = [[(" ", None)] * plot_width
                                                for _ in range(HEIGHT)]
    for claim, who, day, (lo, hi) in sorted(plotted, key=lambda p: p[2]):
        x = column_of(day, first, last, plot_width)
        top_row, low_row = row_of(hi, axis), row_of(lo, axis)
        while grid[top_row][x][0] != " " and x < plot_width - 1:  # side by side
            x += 1
        style = style_of(who)
        for y in range(top_row + 1, low_row + 1):  # a range's stroke
            if grid[y][x][0] == " ":
                grid[y][x] = ("│", style)
        grid[top_row][x] = (letters[who], f"bold {style}")
        glyph = QUALIFIER_MARK.get(claim.get("qualifier") or "")
        if glyph and x > 0 and grid[top_row][x - 1][0] == " ":
            grid[top_row][x - 1] = (glyph, style)
    return grid


def _legend(drawn: list[tuple], letters: dict[str, str], style_of) -> list[tuple]:
    """A (mark, text) pair of each claim: its letter and value; who claims it, where,
    when, and why it is not drawn."""
    from rich.text import Text

    legend = []
    for claim, who, when, ends in drawn:
        mark = Text(letters[who], style=f"bold {style_of(who)}")
        mark.append(f"{value_label(claim):>{LEGEND_VALUE - 1}}", style="bold")
        text = Text(who)
        if claim.get("claimant") and claim.get("publisher"):
            text.append(f"  {claim['publisher']}", style="dim")
        where = claim.get("as_of") or claim.get("published") or "undated"
        text.append(f"  {where}  {claim['article']}", style="dim")
        if not (when and ends):
            text.append(f"  (not drawn: {'vague' if not ends else 'undated'})", style="dim")
        legend.append((mark, text))
    return legend


def _month(day: date) -> str:
    return day.strftime("%b %Y")


def _ticks(axis: tuple[bool, float, float]) -> list[float]:
    """Values labelled on the axis: each power of ten of a log axis, else about five
    round steps."""
    log, bottom, top = axis
    if log:
        return [10 ** e for e in range(round(math.log10(bottom)), round(math.log10(top)) + 1)]
    step = _nice_step((top - bottom) / 4)
    first = math.ceil(bottom / step) * step
    return [first + i * step for i in range(int((top - first) / step + 1e-9) + 1)]
