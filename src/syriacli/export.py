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
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from . import vocab
from .extract.acts import Act, Named, code_clause, coding
from .extract.events import clause_around
from .extract.names import PLACE_PRECISIONS
from .places import places_named, places_text


def _html(text: str) -> str:
    """Text as HTML text (TimelineJS renders its text as HTML; an article's is never markup)."""
    return html.escape(text, quote=False)

#: ACLED's columns that we fill, then our own (who says so, and where it was said).
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
    "claimant", "qualifier", "quote", "article", "url", "title", "actors", "places", "date",
    "precision",
]
#: Why a dated statement is no ACLED row (acts.code_clause's reasons, and these).
YEAR_ONLY = "known only to the year"
NO_PLACE = "no place named"


@lru_cache(maxsize=1)
def _near() -> re.Pattern:
    """Words before a place that put an event near it ("near the cities of Homs")."""
    return re.compile(rf"\b(?:{vocab.alternation(coding()['near'])})\s+(?:[\w-]+\s+){{0,4}}$",
                      re.I)


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


def acled_rows(events: Iterable[dict], located: dict[str, dict],
               admin: dict[str, tuple[str, str, str]], parts: dict[str, dict[str, list]],
               claims: dict[tuple[str, int], list[dict]],
               skipped: dict[str, set]) -> Iterator[dict]:
    """An ACLED row per event (queries.timeline_events) whose clause tells an act ACLED
    codes, at a place, on a day, week or month. ``located``: the places by name;
    ``admin``: their (country, admin1, admin2); ``parts``: each article's date and name
    mentions (queries.sentence_parts); ``claims``: the casualty claims by (article,
    sentence start), from queries.sentence_claims. What is left out is added to
    ``skipped``, reason -> ids (entries for a date known only to the year)."""
    codes = coding()
    for event in events:
        if event["precision"] not in codes["time_precision"]:
            skipped.setdefault(YEAR_ONLY, set()).add(event["entry"])
            continue
        clause, offset, named = _clause(event, parts[event["article"]])
        found = code_clause(clause, named, event["start"] - event["sentence_start"] - offset)
        if found.act is None:
            skipped.setdefault(found.reason, set()).add(event["id"])
            continue
        in_clause = [n.name for n in named if n.name in located]
        places = places_named(in_clause or event["about"], located)
        where = primary_place(places)
        if where is None:
            skipped.setdefault(NO_PLACE, set()).add(event["id"])
            continue
        yield _row(event, found.act, where, admin.get(where["name"], ("", "", "")),
                   _near_place(event, parts[event["article"]], where["name"]),
                   _tolls(claims.get((event["article"], event["sentence_start"]), []),
                          event["sentence_start"] + offset, clause, event["date"]), places)


def _row(event: dict, act: Act, where: dict, admin: tuple[str, str, str], near: bool,
         tolls: tuple[int, list[dict], str], places: list[dict]) -> dict:
    codes = coding()
    event_date = middle_day(event["first_day"], event["last_day"])
    fatalities, counted, not_counted = tolls
    geo = codes["geo_precision"][where["precision"]]
    return {
        "event_id_cnty": f"SYRIACLI{event['id']}",
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": codes["time_precision"][event["precision"]],
        "event_type": act.event_type,
        "sub_event_type": act.sub_event_type,
        "actor1": act.actor1,
        "actor2": act.actor2,
        "country": admin[0],
        "admin1": admin[1],
        "admin2": admin[2],
        "location": where["name"],
        "latitude": where["lat"],
        "longitude": where["lon"],
        "geo_precision": max(geo, 2) if near else geo,
        "source": event["publisher"] or "",
        "notes": event["summary"] + not_counted,
        "fatalities": fatalities,
        "claimant": next((c["claimant"] for c in counted if c.get("claimant")), ""),
        "qualifier": next((c["qualifier"] for c in counted if c.get("qualifier")), ""),
        "quote": event["quote"],
        "article": event["article"],
        "url": event["url"] or "",
        "title": event["title"] or "",
        "actors": ", ".join(dict.fromkeys(a for a in (act.actor1, act.actor2) if a)),
        "places": places_text(places),
        "date": event["date"],
        "precision": event["precision"],
    }


def _clause(event: dict, parts: dict[str, list]) -> tuple[str, int, list[Named]]:
    """The clause of the event's date (as extract.events cut it), where it starts in the
    sentence, and the names in it in the clause's offsets."""
    sentence, s_start = event["quote"], event["sentence_start"]
    s_end = s_start + len(sentence)
    others = [(a - s_start, b - s_start) for a, b in parts["dates"]
              if s_start <= a < s_end and a != event["start"]]
    clause = clause_around(sentence, event["start"] - s_start, event["end"] - s_start, others)
    offset = max(sentence.find(clause), 0)
    lo, hi = s_start + offset, s_start + offset + len(clause)
    named = [Named(a - lo, b - lo, name, type_) for a, b, name, type_ in parts["names"]
             if lo <= a and b <= hi]
    return clause, offset, named


def _near_place(event: dict, parts: dict[str, list], name: str) -> bool:
    """Does the sentence put the event near its place rather than in it?"""
    s_start = event["sentence_start"]
    at = next((a for a, _, n, _ in parts["names"]
               if n == name and s_start <= a < s_start + len(event["quote"])), None)
    return at is not None and bool(_near().search(event["quote"], 0, at - s_start))


def _tolls(claims: list[dict], start: int, clause: str,
           day: str) -> tuple[int, list[dict], str]:
    """ACLED's fatalities from the casualty claims of the act's own clause (starting at
    ``start`` in the text, dated ``day``): none a running total (as of another date, or
    worded as one: "since", "so far", "had been killed") or a period's total; a part
    (children among civilians) not counted twice; 0 when there is none, as ACLED does.
    Also the claims counted and a note of every other toll of the sentence."""
    parts = coding()["fatality_parts"]
    running = _running().search(clause) is not None
    own = [c for c in claims if start <= c["start"] < start + len(clause) and not running
           and c.get("as_of") in (None, "", day) and not c.get("period")
           and _fatalities(c) is not None]
    metrics = {c["metric"] for c in own}
    counted = [c for c in own if parts.get(c["metric"]) not in metrics]
    others = [c for c in claims if c not in own]
    notes = "".join(f" [toll not counted as fatalities: {c['text']} {c['metric']}"
                    f" ({_why_not(c)})]" for c in others)
    return sum(_fatalities(c) or 0 for c in counted), counted, notes


@lru_cache(maxsize=1)
def _running() -> re.Pattern:
    return re.compile(rf"\b(?:{vocab.alternation(coding()['running_total'])})\b", re.I)


def _why_not(claim: dict) -> str:
    if claim.get("as_of"):
        return f"a running total as of {claim['as_of']}"
    if claim.get("period"):
        return f"a total over {claim['period']}"
    if _fatalities(claim) is None:
        return "no number"
    return "not this act's"


def skipped_lines(skipped: dict[str, set]) -> list[str]:
    """What `export acled` left out, one line a reason, for stderr."""
    lines = []
    if YEAR_ONLY in skipped:
        count = len(skipped[YEAR_ONLY])
        lines.append(f"{count} entr{'y' if count == 1 else 'ies'} {YEAR_ONLY} left out;"
                     " --all to see them in `timeline`")
    other = {k: len(v) for k, v in skipped.items() if k != YEAR_ONLY}
    if other:
        lines.append(f"{sum(other.values())} dated statements are no ACLED event, left out: "
                     + ", ".join(f"{n} {why}" for why, n in sorted(other.items(),
                                                                  key=lambda kv: -kv[1])))
    return lines


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
