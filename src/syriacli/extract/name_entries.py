"""An entry of the names table (data/names.json, names.py reads it): a canonical name,
its type and spellings, and where a place is.

Below both names.py (which finds names) and persons.py (which links people the table
knows), so neither imports the other for it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .spellings import name_key


@dataclass(frozen=True)
class Geo:
    """Where a place is: WGS 84 degrees, and what the point stands for
    (names.PLACE_PRECISIONS)."""

    lat: float
    lon: float
    precision: str
    #: where it is in a gazetteer's terms: the country, its first- and second-level
    #: divisions (a Syrian governorate and district, as ACLED names them); None if unknown
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None


@dataclass(frozen=True)
class Name:
    name: str
    type: str
    variants: tuple[str, ...]
    role: str | None = None
    org: str | None = None
    key: str = ""  # filled in from the name when not given
    case_sensitive: tuple[str, ...] = ()
    geo: Geo | None = None

    def __post_init__(self):
        if not self.key:
            object.__setattr__(self, "key", name_key(self.name))
