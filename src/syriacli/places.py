"""Places on a map: the coordinates of the names that are places, and distances.

The coordinates are part of the name vocabulary (each place's ``geo`` in data/names.json,
from GeoNames; see tools/places_from_geonames.py); a build copies them into the corpus's
``known_names`` table, from which a query reads them. A place here is a dict
``{"name", "lat", "lon", "precision"}`` (lat and lon None for a place without
coordinates, which only a names file of one's own can add).
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping

#: The types of names that are places on a map (a country is not a point).
PLACE_TYPES = ("place", "base")
#: Syria's extent (south, west, north, east; degrees), with a little to spare: a place
#: inside it is a place of the war, one outside (Moscow, Geneva) where a claim was made.
SYRIA_EXTENT = (32.2, 35.5, 37.5, 42.5)
#: The mean radius of the Earth (km), as the haversine formula takes it.
EARTH_RADIUS_KM = 6371.0088


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in km (haversine): within 0.5% of the ellipsoid's."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


def in_syria(one: dict) -> bool:
    """Is a place inside Syria's extent? A place without coordinates is taken to be."""
    if one.get("lat") is None or one.get("lon") is None:
        return True
    south, west, north, east = SYRIA_EXTENT
    return south <= one["lat"] <= north and west <= one["lon"] <= east


def place(name: str, lat: float | None, lon: float | None, precision: str | None) -> dict:
    return {"name": name, "lat": lat, "lon": lon, "precision": precision}


def places_named(names: Iterable[str], located: Mapping[str, dict]) -> list[dict]:
    """The places among ``names`` (canonical names, in order), from ``located`` (canonical
    name -> place, every place the corpus knows)."""
    return [located[n] for n in dict.fromkeys(names) if n in located]


def place_text(one: dict) -> str:
    """A place as one short piece of text: ``Palmyra (34.5624 38.28402)`` (no comma: a
    list of them is joined with ", ")."""
    if one["lat"] is None:
        return one["name"]
    return f"{one['name']} ({_degrees(one['lat'])} {_degrees(one['lon'])})"


def places_text(places: list[dict]) -> str:
    return ", ".join(map(place_text, places))


def places_label(places: list[dict]) -> str:
    """Places for a terminal: ``Palmyra 34.56°N 38.28°E, Homs 34.72°N 36.73°E``."""
    return ", ".join(p["name"] if p["lat"] is None else f"{p['name']} {degrees_label(p)}"
                     for p in places)


def degrees_label(spot: dict) -> str:
    """A place's coordinates for a terminal: ``34.56°N 38.28°E``."""
    return (f"{abs(spot['lat']):.2f}°{'N' if spot['lat'] >= 0 else 'S'}"
            f" {abs(spot['lon']):.2f}°{'E' if spot['lon'] >= 0 else 'W'}")


def _degrees(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def from_json(text: str | None, located: Mapping[str, dict]) -> list[dict]:
    """A stored list of place names (figures.places) as places, with the coordinates
    ``located`` gives them (canonical name -> place: the corpus stores them once, in
    known_names, not in every claim); a place it lacks has none."""
    return [located.get(n) or place(n, None, None, None) for n in json.loads(text)] \
        if text else []


def near(located: Mapping[str, dict], centre: dict, km: float) -> list[str]:
    """The names of the places within ``km`` of ``centre``, nearest first."""
    distances = [
        (km_between(centre["lat"], centre["lon"], p["lat"], p["lon"]), name)
        for name, p in located.items() if p["lat"] is not None
    ]
    return [name for distance, name in sorted(distances) if distance <= km]
