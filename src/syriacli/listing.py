"""What the query layer hands the renderers: a listing and the marks inside its values.

Below both ``queries`` (which makes listings) and ``render`` (which writes them), so
neither imports the other for these.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

#: Snippet markers: control characters no article contains, mapped by each renderer.
MARK_START, MARK_END = "\x02", "\x03"


@dataclass(frozen=True)
class Listing:
    """One listing in each shape a format reads it (render.write_listing picks):
    ``rows()`` as dicts for a terminal's table, ``tuples(flat)`` in the order of
    ``columns`` (or of ``flat_columns``: one line's values, for csv), ``lines()`` as the
    tsv lines a full build made (the ``listing`` columns of store.TABLES)."""

    columns: list[str]
    flat_columns: list[str]
    rows: Callable[[], Iterator[dict]]
    tuples: Callable[[bool], Iterator[tuple]]
    lines: Callable[[], Iterable[tuple]]


def list_text(values: list) -> str:
    """A list of text as csv and tsv write it: "a, b" (rows handed over as text go out
    in bulk; a tsv line is still checked, and csv quotes what needs it)."""
    return ", ".join(values)
