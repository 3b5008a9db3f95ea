"""Every output format, in one place.

``table`` goes through Rich (on a terminal, the default); ``json``, ``jsonl``,
``csv`` and ``tsv`` are written with the standard library straight to stdout,
never through Rich, which wraps, truncates and reads ``[markup]``. Without an
explicit ``--format`` a pipe gets ``tsv`` with a header.

Rows are written a chunk at a time, the first chunk small so a consumer sees rows at
once. A chunk is formatted in bulk (``str.join``, ``csv.writer.writerows``, one
``json`` call for all its rows) and then checked for the rare values bulk formatting
gets wrong (line breaks, tabs, runs of spaces, snippet marks, whole numbers stored as
reals): only rows holding one go value by value. Looking at each value in Python
costs ten times more than formatting it, and a listing can have 100,000 rows.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain, islice
from operator import itemgetter

from .listing import MARK_END, MARK_START, Listing, list_text
from .places import places_text

FORMATS = ("table", "json", "jsonl", "csv", "tsv")
#: Formats that print every value as text, one line a row (nested values flattened).
TEXT_FORMATS = ("csv", "tsv")
#: How a snippet's highlighted match is marked in plain-text formats.
PLAIN_MARK = ("**", "**")


def default_format(explicit: str | None) -> str:
    if explicit:
        return explicit
    return "table" if sys.stdout.isatty() else "tsv"


def console(stderr: bool = False):
    """A Rich console honouring NO_COLOR, TERM=dumb and COLUMNS (Rich reads them itself);
    inside :func:`paging`, it writes to the page as the terminal would show it."""
    Console = _console_class()
    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    if _page is not None and not stderr:
        return Console(file=_page, force_terminal=True, no_color=no_color, highlight=False,
                       width=shutil.get_terminal_size().columns)
    # On stderr (the progress bar), never wrap.
    return Console(stderr=stderr, no_color=no_color, highlight=False, soft_wrap=stderr)


@lru_cache(maxsize=1)
def _console_class():
    """Rich's Console, but a closed pipe raises BrokenPipeError, which the command's
    wrapper in cli ends quietly with exit 0 (Rich's own exits 1: `| head` is no error)."""
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    return PipeConsole


#: What a terminal view wrote while :func:`paging` holds it back.
_page: io.StringIO | None = None
#: The pager when neither SYRIACLI_PAGER nor PAGER names one; LESS is set to FRX
#: unless the user set it (as git does): colour kept, one screen printed as it is.
DEFAULT_PAGER, DEFAULT_LESS = "less -R", "FRX"


@contextmanager
def paging(enabled: bool = True):
    """Hold back what terminal views write and show it through the pager, as git and gh
    do, when it is longer than the terminal: $SYRIACLI_PAGER, else $PAGER, else
    ``less -R`` (an empty value or ``cat``: no pager). Quitting the pager early is no
    error. Without a terminal on stdout, or not ``enabled``, it does nothing."""
    global _page
    if not enabled or _page is not None or not sys.stdout.isatty():
        yield
        return
    _page = io.StringIO()
    try:
        yield
    except BaseException:
        sys.stdout.write(_page.getvalue())
        raise
    finally:
        text, _page = _page.getvalue(), None
    _show(text)


def _show(text: str) -> None:
    command = os.environ.get("SYRIACLI_PAGER", os.environ.get("PAGER", DEFAULT_PAGER)).strip()
    fits = text.count("\n") < shutil.get_terminal_size().lines
    program = shlex.split(command)[0] if command else ""
    if fits or program in ("", "cat") or shutil.which(program) is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    env = dict(os.environ)
    env.setdefault("LESS", DEFAULT_LESS)
    pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env,
                             encoding="utf-8", errors="replace")
    assert pager.stdin is not None
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the pager's
    try:
        pager.stdin.write(text)
        pager.stdin.close()
    except BrokenPipeError:  # quit before reading it all
        pass
    finally:
        pager.wait()
        signal.signal(signal.SIGINT, previous)


def say(message: str) -> None:
    """One plain line on stderr (a message a user may grep: no wrapping, no markup, and
    no Rich to import for it, ~20 ms of a command); a file name or a value from an
    article in it cannot drive the terminal."""
    sys.stderr.write(terminal_safe(message) + "\n")
    sys.stderr.flush()


#: What a terminal would act on rather than show: C0 controls but tab and line feed
#: (ESC starts colour, clear-screen, window-title and hyperlink sequences), DEL, C1
#: controls, and the bidi overrides and isolates that reorder what is shown.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: What shows in its place: one character for one, so offsets into a text still hold.
SHOWN_AS = "\ufffd"


#: :data:`UNSAFE` but the snippet marks, for rows whose every cell goes through
#: :func:`styled`, which turns the marks into a highlight.
UNSAFE_BUT_MARKS = re.compile("[\x00\x01\x04-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(value, marks: bool = False):
    """``value`` (text, or a list or dict holding text) with every :data:`UNSAFE`
    character shown as :data:`SHOWN_AS` (with ``marks``, the snippet marks kept): for
    terminal views only; pipes and machine formats get the text as stored."""
    if isinstance(value, str):
        unsafe = UNSAFE_BUT_MARKS if marks else UNSAFE
        return unsafe.sub(SHOWN_AS, value) if unsafe.search(value) else value
    if isinstance(value, list):
        return [terminal_safe(v, marks) for v in value]
    if isinstance(value, dict):
        return {k: terminal_safe(v, marks) for k, v in value.items()}
    return value


#: Characters that make a value need more than str(): line breaks, tabs, snippet marks.
NEEDS_FLATTENING = re.compile(f"[\t\n\r\x0b\x0c{MARK_START}{MARK_END}]|  ")


def plain(value) -> str:
    """A value as one line of plain text for csv/tsv."""
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str) and not NEEDS_FLATTENING.search(value):
        return value.strip() if value[:1].isspace() or value[-1:].isspace() else value
    if value.__class__ is float:  # the digits as they are: no space or mark to flatten
        return str(int(value)) if value.is_integer() else str(value)
    if value.__class__ is int:
        return str(value)
    if isinstance(value, list):
        value = ", ".join(
            v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value
        )
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


#: Rows formatted and written at a time; the first chunk is small.
FIRST_CHUNK, CHUNK = 100, 2000


def write_rows(
    rows: Iterable[dict],
    columns: list[str],
    fmt: str,
    table: Callable[[list[dict]], None] | None = None,
    marks: bool = False,
) -> int:
    """Write dict rows in ``fmt``; returns how many rows were written. ``marks``: the rows
    hold snippet marks, which a table view shows as a highlight (every cell through
    :func:`styled`)."""
    if fmt == "table":
        buffered = [terminal_safe(row, marks) for row in rows]
        if table is not None:
            table(buffered)
        else:
            # a column no row fills only takes a terminal's width (machine formats keep it)
            simple_table(buffered, [c for c in columns if any(r.get(c) for r in buffered)])
        return len(buffered)
    return write_tuples((tuple([row.get(c) for c in columns]) for row in rows), columns, fmt)


def write_listing(
    listing: Listing, fmt: str, table: Callable[[list[dict]], None] | None = None
) -> int:
    """Write a listing (a timeline, claims) in ``fmt`` from its rows: json, jsonl and a
    table every field, csv and tsv one line a row (no nested field, objects as
    :data:`FLAT_TEXT` writes them); returns how many rows were written."""
    if fmt == "table":
        return write_rows(listing.rows(listing.columns), listing.columns, fmt, table=table)
    if fmt == "tsv" and (written := write_cached(listing)) is not None:
        return written
    columns = listing.flat_columns if fmt in TEXT_FORMATS else listing.columns
    values = _flat_values(columns) if fmt in TEXT_FORMATS else itemgetter(*columns)
    return write_tuples(map(values, listing.rows(columns)), columns, fmt)


def write_cached(listing: Listing) -> int | None:
    """Write a listing as tsv from the lines a build cached, when the same code made them
    (None, nothing written, otherwise); rows without a line are rendered from the row."""
    if listing.cached is None or listing.digest != code_digest():
        return None
    columns = listing.flat_columns
    values = _flat_values(columns)

    def text(chunk: list, _: int) -> str:
        if all(item.__class__ is str for item in chunk):
            return "\n".join(chunk) + "\n"
        return "".join(item + "\n" if item.__class__ is str
                       else _tsv_chunk([values(item)], len(columns)) for item in chunk)

    return _write_chunks(listing.cached(), "\t".join(columns) + "\n", text)  # type: ignore[arg-type]


def tsv_lines(listing: Listing) -> Iterator[list[tuple[int, str]]]:
    """(id, tsv line) of each row of a listing, a chunk at a time, as :func:`write_listing`
    writes them (what store's ``lines`` cache holds)."""
    columns = listing.flat_columns
    values = _flat_values(columns)
    for chunk in _chunks(listing.rows(columns)):  # type: ignore[arg-type]
        rows: list[dict] = chunk  # type: ignore[assignment]
        text = _tsv_chunk([values(row) for row in rows], len(columns))
        yield list(zip([row["id"] for row in rows], text[:-1].split("\n"), strict=True))


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the code that makes a listing's rows and their lines (this module,
    queries and places): lines another version made are never used."""
    import hashlib

    from . import places, queries

    digest = hashlib.sha256()
    for module in (sys.modules[__name__], queries, places):
        digest.update(open(module.__file__ or "", "rb").read())
    return digest.hexdigest()[:16]


def conflict_text(conflict: list[dict] | None) -> str:
    """A timeline entry's conflict on one line, by publisher (an article without one by its
    id): "2016-03-14: BBC, RT; 2016-03-15: RT" (the row's ``articles`` lists the articles)."""
    return "; ".join(f"{c['date']}: {list_text(c.get('publishers') or c['articles'])}"
                     for c in conflict or ())


#: How a field holding objects prints in csv and tsv (lists of text join with ", ").
FLAT_TEXT: dict[str, Callable] = {"places": places_text, "conflict": conflict_text}


def _flat_values(columns: list[str]) -> Callable[[dict], tuple]:
    """A row's values of ``columns`` as text, as csv and tsv write them: rows of text alone
    go out in bulk (:func:`_tsv_chunk`, :func:`_csv_chunk`)."""
    get = itemgetter(*columns)
    texts = [FLAT_TEXT.get(c, _flat_text) for c in columns]

    def values(row: dict) -> tuple:
        # text and None, most values, without a call each
        return tuple([value if value.__class__ is str else "" if value is None else text(value)
                      for text, value in zip(texts, get(row), strict=True)])

    return values


def _flat_text(value) -> str:
    """A value as text for csv and tsv (what :func:`plain` prints; a list of text joined
    as :func:`syriacli.listing.list_text` does; whitespace is flattened when written)."""
    if value.__class__ is str:
        return value
    if value is None:
        return ""
    if value.__class__ is list and all(v.__class__ is str for v in value):
        return list_text(value)
    return plain(value)


def write_tuples(rows: Iterable[tuple], columns: list[str], fmt: str) -> int:
    """Write tuples in the order of ``columns`` in any format but ``table``; returns how
    many rows were written.

    Any values print as :func:`plain`, :func:`_csv_value` and :func:`_json_deep` make
    them; text, integers and None (for csv: text only) are the ones written in bulk.
    """
    if fmt == "tsv":
        return _write_chunks(
            rows, "\t".join(columns) + "\n", lambda chunk, _: _tsv_chunk(chunk, len(columns))
        )
    if fmt == "jsonl":
        return _write_chunks(rows, "", lambda chunk, _: _json_chunk(chunk, columns, "\n") + "\n")
    if fmt == "json":
        return _write_chunks(
            rows,
            "[",
            lambda chunk, written: (
                ("," if written else "") + "\n  " + _json_chunk(chunk, columns, ",\n  ")
            ),
            lambda written: "\n]\n" if written else "]\n",
        )
    return _write_chunks(rows, _csv_chunk([columns]), lambda chunk, _: _csv_chunk(chunk))


def _write_chunks(
    rows: Iterable[tuple],
    head: str,
    text: Callable[[list[tuple], int], str],
    tail: Callable[[int], str] = lambda written: "",
) -> int:
    """Write ``head``, each chunk of ``rows`` as ``text`` makes it (given how many rows
    went before), flushed as it goes, then ``tail``; returns how many rows were written."""
    out = sys.stdout
    out.write(head)
    count = 0
    for chunk in _chunks(rows):
        out.write(text(chunk, count))
        out.flush()
        count += len(chunk)
    out.write(tail(count))
    out.flush()
    return count


def tsv_line(values: Sequence) -> str:
    """One row as its tsv line: each value as :func:`plain` makes it, checked as
    :func:`_tsv_chunk` checks a chunk (text is only stripped unless the line shows more
    to do)."""
    line = "\t".join([v.strip() if v.__class__ is str else plain(v) for v in values])
    return line if _plain_as_is(line + "\n", 1, len(values)) else "\t".join(map(plain, values))


def _chunks(rows: Iterable[tuple]) -> Iterable[list[tuple]]:
    rows, size = iter(rows), FIRST_CHUNK
    while chunk := list(islice(rows, size)):
        yield chunk
        size = CHUNK


def _tsv_chunk(chunk: list[tuple], columns: int) -> str:
    """Lines without quoting (values are flattened to one line without tabs, so `cut -f`
    works on every row), each value as :func:`plain` makes it.

    Text is stripped as it is joined: what is left is plain() of it unless a check of
    the whole chunk finds a line break, tab, run of spaces, mark or odd space in it.
    """
    strip = str.strip
    try:
        lines = ["\t".join(map(strip, row)) for row in chunk]
    except TypeError:  # numbers, lists, None: not yet text
        lines = [
            "\t".join([strip(v) if v.__class__ is str else plain(v) for v in row]) for row in chunk
        ]
    text = "\n".join(lines) + "\n"
    if _plain_as_is(text, len(lines), columns):
        return text
    return "".join(tsv_line(row) + "\n" for row in chunk)


#: In lines of stripped values, what shows that a value is not what :func:`plain` makes of it.
ODD_IN_LINES = ("\r", "\x0b", "\x0c", MARK_START, MARK_END, "\x1c", "\x1d", "\x1e", "\x1f", "  ")
#: Whitespace outside ASCII, which str.split() splits on (searched only in non-ASCII text).
UNICODE_SPACE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _plain_as_is(text: str, lines: int, columns: int) -> bool:
    """True when stripped values, joined into these lines, are what :func:`plain` makes of them."""
    return (
        text.count("\t") == lines * (columns - 1)
        and text.count("\n") == lines
        and not any(odd in text for odd in ODD_IN_LINES)
        and (text.isascii() or not UNICODE_SPACE.search(text))
    )


#: What a spreadsheet runs as a formula at the start of a cell (OWASP's CSV injection list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _csv_chunk(chunk: list) -> str:
    try:
        as_is = "".join(chain.from_iterable(chunk))  # TypeError unless every value is text
        if MARK_START in as_is or MARK_END in as_is:
            raise TypeError
    except TypeError:
        chunk = [[_csv_value(v) for v in row] for row in chunk]
    if any(isinstance(v, str) and v.startswith(FORMULA_START) for row in chunk for v in row):
        chunk = [[_no_formula(v) for v in row] for row in chunk]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(chunk)
    return buffer.getvalue()


#: json.dumps(..., ensure_ascii=False) as one reusable encoder (the C one).
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def _json_as_is(text: str) -> bool:
    """True unless encoded JSON may hold a snippet mark (\\u0002, \\u0003) or a whole
    number written as a real (7000.0, 1e+16), which every format prints as an integer."""
    return (
        "\\u000" not in text
        and "e+" not in text
        and (".0" not in text or not any(end in text for end in (".0,", ".0}", ".0]")))
    )


def _json_chunk(chunk: list[tuple], columns: list[str], between: str) -> str:
    """The rows as JSON objects with ``between`` between them, in one encoder call
    when no value holds an object of its own."""
    objects = [dict(zip(columns, row, strict=True)) for row in chunk]
    text = _encode(objects)
    if not _json_as_is(text):
        objects = [{c: _json_deep(v) for c, v in o.items()} for o in objects]
        text = _encode(objects)
    # The top-level objects are joined with "}, {": if that is all, split there.
    if text.count("}, {") == len(objects) - 1:
        return text[1:-1].replace("}, {", "}" + between + "{")
    return between.join(map(_encode, objects))


def _json_deep(value):
    if isinstance(value, list):
        return [_json_deep(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_deep(v) for k, v in value.items()}
    return json_value(value)


def _no_formula(value):
    """A csv cell a spreadsheet shows as text: one that would start a formula ("=HYPERLINK(",
    "+1", "@SUM") gets a leading apostrophe; a number stays a number ("-3")."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER.fullmatch(value):
        return "'" + value
    return value


def _csv_value(value):
    """A value for csv: a list of text as tsv writes it ("a, b"), other lists and
    objects as JSON."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list_text(value)
    if value is True or value is False:
        return plain(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else unmark(value)


#: The longest value of one word (an id, a date, a number) a table keeps on one line.
MAX_UNBROKEN = 24
#: The narrowest a column of text is drawn (wider when its header or longest word is).
MIN_TEXT, MAX_TEXT_MIN = 8, 16
#: What a column costs besides its text: its padding and a border.
COLUMN_EDGES = 3


def simple_table(rows: list[dict], columns: list[str], title: str | None = None) -> None:
    """A table that fits the terminal: ids, dates and numbers never break across lines
    (a column of single words up to :data:`MAX_UNBROKEN` characters keeps its width),
    text wraps at spaces, and the columns that do not fit (the last ones: ``columns``
    come most wanted first) are left out, named on stderr."""
    from rich.table import Table

    out = console()
    cells = [[styled(row.get(c)) for c in columns] for row in rows]
    plans, room, left_out = [], out.width - 1, []
    for i, column in enumerate(columns):
        texts = [row[i].plain for row in cells]
        one_word = all(" " not in t for t in texts)
        longest = max(map(len, texts), default=0)
        if one_word and longest <= MAX_UNBROKEN:
            width = max(len(column), longest)
        else:
            words = max((len(w) for t in texts for w in t.split()), default=0)
            width, one_word = max(MIN_TEXT, min(max(len(column), words), MAX_TEXT_MIN)), False
        if width + COLUMN_EDGES > room:
            left_out.append(column)
            continue
        room -= width + COLUMN_EDGES
        plans.append((i, column, one_word, width))
    table = Table(title=title, header_style="bold", expand=False)
    for _, column, one_word, width in plans:
        if one_word:
            table.add_column(column, no_wrap=True, min_width=width)
        else:
            table.add_column(column, overflow="fold", min_width=width, ratio=1)
    for row in cells:
        table.add_row(*(row[i] for i, *_ in plans))
    out.print(table)
    if left_out:
        say(f"left out at {out.width} columns: {', '.join(left_out)}; a wider terminal or"
            " --format tsv shows them")


def styled(value):
    """A cell for a Rich table: highlight snippet marks, never read [markup]."""
    from rich.text import Text

    if value is None:
        return Text("")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:,}"      # 13,500,000: a reader's number (machine formats keep 13500000)
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    text = str(value)
    if MARK_START not in text:
        return Text(text)
    result = Text()
    for i, part in enumerate(text.replace(MARK_END, MARK_START).split(MARK_START)):
        result.append(part, style="bold yellow" if i % 2 else None)
    return result


def write_document(fields: Iterable[tuple[str, object]]) -> int:
    """One JSON object (a TimelineJS or GeoJSON document) written as it comes: a value
    that is an iterator, not a list or dict, is written as an array a chunk of items at a
    time. Returns how many such items were written."""
    out, count = sys.stdout, 0
    out.write("{")
    for i, (key, value) in enumerate(fields):
        out.write(("," if i else "") + f"\n  {_encode(key)}: ")
        if isinstance(value, (list, dict, str, int, float)) or value is None:
            out.write(_encode(_json_deep(value)))
            continue
        out.write("[")
        written = 0
        for chunk in _chunks(value):  # type: ignore[arg-type]
            out.write(("," if written else "") + "\n    "
                      + ",\n    ".join(_encode(_json_deep(item)) for item in chunk))
            out.flush()
            written += len(chunk)
        out.write("\n  ]" if written else "]")
        count += written
    out.write("\n}\n")
    out.flush()
    return count
