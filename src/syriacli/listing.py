"""What the query layer hands the renderers: a listing and the marks inside its values.

Below both ``queries`` (which makes listings) and ``render`` (which writes them), so
neither imports the other for these.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

#: Snippet markers: control characters no article contains, mapped by each renderer.
MARK_START, MARK_END = "\x02", "\x03"


#: Fields that csv and tsv (one line a row) leave out: each holds a list of objects.
NESTED_COLUMNS = frozenset({"mentions"})


@dataclass(frozen=True)
class Listing:
    """A listing's rows, dicts with named fields made once by the query layer;
    render.write_listing writes every format from them. ``rows(columns)`` gives at
    least ``columns`` of each row (a format that prints no mentions does not read them)."""

    columns: list[str]
    rows: Callable[[list[str]], Iterator[dict]]
    #: The tsv lines a build cached (store.LINES_FROM), or the row where there is none, in
    #: the listing's order; and the digest of the code that made them (None: no cache).
    cached: Callable[[], Iterator[str | dict]] | None = None
    digest: str | None = None

    @property
    def flat_columns(self) -> list[str]:
        """The columns of csv and tsv."""
        return [c for c in self.columns if c not in NESTED_COLUMNS]


def list_text(values: list) -> str:
    """A list of text as csv and tsv write it: "a, b" (rows handed over as text go out
    in bulk; a tsv line is still checked, and csv quotes what needs it)."""
    return ", ".join(values)
