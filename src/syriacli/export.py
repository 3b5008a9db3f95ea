"""The corpus in the formats analysts already load: ACLED-style CSV, TimelineJS3 JSON,
GeoJSON. Each export turns rows a query gives (:mod:`syriacli.queries`) into the rows or
the document of its format; :mod:`syriacli.render` writes them.

- ``acled``: one row an event (a dated statement of one report), ACLED's column names
  where ACLED has the column, coded as data/acled.json says; then our own columns.
- ``timelinejs``: a TimelineJS3 document, one slide per timeline entry and publisher.
- ``geojson``: a FeatureCollection: each place named with its counts, and each event at
  the place its sentence names first (the finest precision first).
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from . import vocab
from .extract.names import PLACE_PRECISIONS
from .places import places_named, places_text


def _html(text: str) -> str:
    """Text as HTML text (TimelineJS renders its text as HTML; an article's is never markup)."""
    return html.escape(text, quote=False)

#: ACLED's columns that we fill, then our own (who says so, and where it was said).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities",
    "claimant", "qualifier", "quote", "article", "url", "title", "actors", "places", "date",
    "precision",
]


@lru_cache(maxsize=1)
def coding() -> dict:
    """data/acled.json: how our concepts, precisions and metrics map to ACLED's codes."""
    return vocab.load("acled.json")


def primary_place(places: list[dict]) -> dict | None:
    """The place an event is put at: the first with coordinates of the finest precision
    its sentence names (Palmyra before the Syrian Desert, whatever the order), a capital
    that may stand for its government ("Moscow signed a deal at the Hmeimim base") only
    when the sentence names no other place."""
    located = [p for p in places if p["lat"] is not None]
    if not located:
        return None
    seats = coding()["seats_of_government"]
    return min(located, key=lambda p: (p["name"] in seats,
                                       PLACE_PRECISIONS.index(p["precision"])))


def middle_day(first_day: str, last_day: str) -> str:
    """The middle of a span of days (ACLED dates an event known to the month mid-month)."""
    first, last = date.fromisoformat(first_day), date.fromisoformat(last_day)
    return date.fromordinal((first.toordinal() + last.toordinal()) // 2).isoformat()


def acled_rows(events: Iterable[dict], located: dict[str, dict], types: dict[str, str],
               claims: dict[tuple[str, int], list[dict]]) -> Iterator[dict]:
    """An ACLED row per event (events from queries.timeline_events). ``located``: the
    places by name; ``types``: each name's type; ``claims``: the casualty claims by
    (article, sentence start), from queries.sentence_claims."""
    codes = coding()
    for event in events:
        places = places_named(event["about"], located)
        where = primary_place(places)
        kind = next((codes["event_types"][c] for c in event["concepts"]
                     if c in codes["event_types"]), ["", ""])
        casualty = next(iter(claims.get((event["article"], event["sentence_start"]), [])), {})
        event_date = middle_day(event["first_day"], event["last_day"])
        actors = [n for n in event["about"] if types.get(n) in codes["actor_types"]]
        yield {
            "event_id_cnty": f"SYRIACLI{event['id']}",
            "event_date": event_date,
            "year": event_date[:4],
            "time_precision": codes["time_precision"].get(event["precision"], 3),
            "event_type": kind[0],
            "sub_event_type": kind[1],
            # who acted is not known to the rules: a sentence naming one actor only
            "actor1": actors[0] if len(actors) == 1 else "",
            "location": where["name"] if where else "",
            "latitude": where["lat"] if where else None,
            "longitude": where["lon"] if where else None,
            "geo_precision": codes["geo_precision"][where["precision"]] if where else None,
            "source": event["publisher"] or "",
            "notes": event["summary"],
            "fatalities": _fatalities(casualty),
            "claimant": casualty.get("claimant") or "",
            "qualifier": casualty.get("qualifier") or "",
            "quote": event["quote"],
            "article": event["article"],
            "url": event["url"] or "",
            "title": event["title"] or "",
            "actors": ", ".join(actors),
            "places": places_text(places),
            "date": event["date"],
            "precision": event["precision"],
        }


def _fatalities(claim: dict) -> int | None:
    """ACLED's fatalities from a casualty claim: its value, or a range's low end (ACLED
    codes the lowest reported figure); none for a vague amount."""
    value = claim.get("value") if claim.get("value") is not None else claim.get("low")
    return int(value) if value is not None else None


def timelinejs(entries: Iterable[dict], title: str) -> Iterator[tuple[str, object]]:
    """A TimelineJS3 document as (key, value) pairs, ``events`` a generator: one slide per
    timeline entry and publisher (``group``), the sources' sentences as its text (HTML,
    escaped: article text is never markup)."""
    yield "title", {"text": {"headline": _html(title),
                             "text": "Dated statements from news articles, by publisher."}}
    yield "events", _slides(entries)


def _slides(entries: Iterable[dict]) -> Iterator[dict]:
    for number, entry in enumerate(entries):
        by_publisher: dict[str, list[dict]] = {}
        for mention in entry["mentions"]:
            by_publisher.setdefault(mention["publisher"] or "unknown publisher", []).append(mention)
        for i, (publisher, mentions) in enumerate(by_publisher.items()):
            text = "".join(
                f"<p>“{_html(m['quote'])}” <small>{_html(m['article'])}</small></p>"
                for m in mentions)
            if entry["places"]:
                text += f"<p><small>at {_html(places_text(entry['places']))}</small></p>"
            yield {
                "unique_id": f"entry-{number}-{i}",
                "start_date": start_date(entry["date"], entry["precision"]),
                "text": {"headline": _html(_headline(entry["summary"])), "text": text},
                "group": publisher,
            }


def start_date(iso: str, precision: str) -> dict:
    """A TimelineJS3 date: the year, the month and day only as far as the date knows them."""
    parts = {"year": int(iso[:4])}
    if precision != "year" and len(iso) >= 7:
        parts["month"] = int(iso[5:7])
    if precision in ("day", "week") and len(iso) >= 10:
        parts["day"] = int(iso[8:10])
    return parts


def _headline(summary: str, width: int = 90) -> str:
    if len(summary) <= width:
        return summary
    return summary[:width].rsplit(" ", 1)[0] + "…"


def geojson(events: Iterable[dict], located: dict[str, dict],
            claim_places: Iterable[tuple[str, list[dict]]]) -> Iterator[dict]:
    """GeoJSON features (RFC 7946): each event at its place (``events`` from
    queries.timeline_events), then each place named by an event or a claim
    (``claim_places``: each claim's article and places) with its counts."""
    counts: dict[str, dict] = {}

    def count(name: str, what: str, article: str) -> None:
        tally = counts.setdefault(name, {"articles": set(), "events": 0, "claims": 0})
        tally[what] += 1
        tally["articles"].add(article)

    for event in events:
        places = places_named(event["about"], located)
        for one in places:
            count(one["name"], "events", event["article"])
        where = primary_place(places)
        if where is None:
            continue
        yield _point(where, {
            "kind": "event", "date": event["date"], "precision": event["precision"],
            "summary": event["summary"], "publisher": event["publisher"],
            "article": event["article"], "place": where["name"],
            "places": [p["name"] for p in places],
        })
    for article, places in claim_places:
        for one in places:
            count(one["name"], "claims", article)
    for name, tally in counts.items():
        spot = located.get(name)
        if spot is None or spot["lat"] is None:
            continue
        yield _point(spot, {"kind": "place", "name": name, "precision": spot["precision"],
                           "articles": len(tally["articles"]), "events": tally["events"],
                           "claims": tally["claims"]})


def _point(where: dict, properties: dict) -> dict:
    return {"type": "Feature",
            "geometry": {"type": "Point", "coordinates": [where["lon"], where["lat"]]},
            "properties": properties}
