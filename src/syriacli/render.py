"""Every output format, in one place.

``table`` goes through Rich (on a terminal, the default); ``json``, ``jsonl``,
``csv`` and ``tsv`` are written with the standard library straight to stdout,
never through Rich, which wraps, truncates and reads ``[markup]``. Without an
explicit ``--format`` a pipe gets ``tsv`` with a header. ``jsonl`` and ``tsv``
rows are flushed one by one, so a consumer sees them as they come.
"""
from __future__ import annotations

import csv
import json
import re
import os
import sys
from typing import Callable, Iterable

from .queries import MARK_END, MARK_START

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
#: How a snippet's highlighted match is marked in plain-text formats.
PLAIN_MARK = ("**", "**")


def default_format(explicit: str | None) -> str:
    if explicit:
        return explicit
    return "table" if sys.stdout.isatty() else "tsv"


def console(stderr: bool = False):
    """A Rich console honouring NO_COLOR, TERM=dumb and COLUMNS (Rich reads them itself)."""
    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    # Messages on stderr are single lines a user may grep: never wrap them.
    return Console(stderr=stderr, no_color=no_color, highlight=False,
                   soft_wrap=stderr)


#: Characters that make a value need more than str(): line breaks, tabs, snippet marks.
NEEDS_FLATTENING = re.compile(f"[\t\n\r\x0b\x0c{MARK_START}{MARK_END}]|  ")


def plain(value) -> str:
    """A value as one line of plain text for csv/tsv."""
    if value is None:
        return ""
    if isinstance(value, str) and not NEEDS_FLATTENING.search(value):
        return value.strip() if value[:1].isspace() or value[-1:].isspace() else value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list):
        value = ", ".join(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value).replace(MARK_START, PLAIN_MARK[0]).replace(MARK_END, PLAIN_MARK[1])
    return " ".join(text.split())


def unmark(value):
    if isinstance(value, str):
        return value.replace(MARK_START, PLAIN_MARK[0]).replace(MARK_END, PLAIN_MARK[1])
    return value


def json_value(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return unmark(value)


def write_rows(rows: Iterable[dict], columns: list[str], fmt: str,
               table: Callable[[list[dict]], None] | None = None) -> int:
    """Write ``rows`` in ``fmt``; returns how many rows were written."""
    out = sys.stdout
    count = 0
    if fmt == "json":
        out.write("[")
        for row in rows:
            out.write(("," if count else "") + "\n  " + json.dumps(_pick(row, columns), ensure_ascii=False))
            count += 1
        out.write("\n]\n" if count else "]\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(_pick(row, columns), ensure_ascii=False) + "\n")
            out.flush()
            count += 1
    elif fmt == "tsv":
        # Hand-written rather than csv.writer: values are flattened to one line without
        # tabs, so no quoting is needed and `cut -f` works on every row.
        out.write("\t".join(columns) + "\n")
        for row in rows:
            out.write("\t".join(plain(row.get(c)) for c in columns) + "\n")
            out.flush()
            count += 1
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_value(row.get(c)) for c in columns])
            count += 1
    else:
        buffered = list(rows)
        count = len(buffered)
        if table is not None:
            table(buffered)
        else:
            simple_table(buffered, columns)
    out.flush()
    return count


def _pick(row: dict, columns: list[str]) -> dict:
    return {c: _json_deep(row.get(c)) for c in columns}


def _json_deep(value):
    if isinstance(value, list):
        return [_json_deep(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_deep(v) for k, v in value.items()}
    return json_value(value)


def _csv_value(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else unmark(value)


def simple_table(rows: list[dict], columns: list[str], title: str | None = None) -> None:
    from rich.table import Table

    table = Table(title=title, header_style="bold", expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(styled(row.get(c)) for c in columns))
    console().print(table)


def styled(value):
    """A cell for a Rich table: highlight snippet marks, never read [markup]."""
    from rich.text import Text

    if value is None:
        return Text("")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = str(value)
    if MARK_START not in text:
        return Text(text)
    result = Text()
    for i, part in enumerate(text.replace(MARK_END, MARK_START).split(MARK_START)):
        result.append(part, style="bold yellow" if i % 2 else None)
    return result
