"""Places on a map, exports and the chart (#19): coordinates in the vocabulary, places
of entries and claims, `timeline --near`, `export acled|timelinejs|geojson`."""

import csv
import io
import json

import jsonschema
import pytest

from syriacli import vocab
from syriacli.places import km_between

#: Palmyra as GeoNames has it (Tadmur, 163808).
PALMYRA = (34.5624, 38.28402)


def within(lat, lon, place=PALMYRA, km=2.0):
    return km_between(lat, lon, *place) <= km


def test_every_shipped_place_and_base_has_coordinates_in_range():
    entries = json.loads(vocab.text("names.json"))
    places = [e for e in entries if e["type"] in ("place", "base")]
    assert len(places) > 50
    for entry in places:
        geo = entry.get("geo")
        assert geo, entry["name"]
        # Syria and its neighbours (Iraq, Jordan, Lebanon, Turkey, Israel), the seas off them
        # and the places the war's diplomacy met in (Moscow, Geneva, Astana, Sochi…)
        assert -90 <= geo["lat"] <= 90 and -180 <= geo["lon"] <= 180, entry["name"]
        assert geo["precision"] in ("city", "base", "crossing", "region", "water")
        assert geo["source"], entry["name"]


def test_names_of_type_place_show_their_coordinates(cli):
    rows = json.loads(cli("names", "--type", "place", "--format", "json").stdout)
    palmyra = next(r for r in rows if r["name"] == "Palmyra")
    assert within(palmyra["lat"], palmyra["lon"]) and palmyra["geo_precision"] == "city"
    table = cli("names", "--type", "place", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert "34.56" in table and "38.28" in table


def test_a_names_file_with_bad_coordinates_is_one_line(make_raw, build, tmp_path):
    raw = make_raw({"a.txt": "Russian jets struck Tadmur on Monday.\n"})
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps([{"name": "Tadmur East", "type": "place",
                                 "geo": {"lat": 134.0, "lon": 38.3, "precision": "city"}}]))
    result, _ = build(raw, None, "--names", str(mine))
    assert result.exit_code != 0
    assert "geo" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_timeline_entries_and_claims_carry_their_places(cli):
    entries = json.loads(cli("timeline", "--format", "json", "--all").stdout)
    located = [p for e in entries for p in e["places"]]
    assert located and all(p["lat"] is not None for p in located)
    palmyra = [p for p in located if p["name"] == "Palmyra"]
    assert palmyra and within(palmyra[0]["lat"], palmyra[0]["lon"])
    claims = json.loads(cli("figures", "--format", "json").stdout)
    assert any(p["name"] for c in claims for p in c["places"])
    # csv: the places as text, no JSON
    rows = list(csv.DictReader(io.StringIO(cli("timeline", "--format", "csv").stdout)))
    text = next(r["places"] for r in rows if "Palmyra" in r["places"])
    assert "Palmyra (34.5624 38.28402)" in text and "{" not in text


def test_timeline_near_palmyra_keeps_what_is_within_reach(cli):
    near = json.loads(cli("timeline", "--near", "Tadmur", "--km", "50", "--format", "json",
                          "--all").stdout)
    assert near
    for entry in near:
        assert any(p["lat"] is not None and km_between(p["lat"], p["lon"], *PALMYRA) <= 50
                   for p in entry["places"]), entry["summary"]
    everything = json.loads(cli("timeline", "--format", "json", "--all").stdout)
    assert len(near) < len(everything)
    wider = json.loads(cli("timeline", "--near", "Palmyra", "--km", "400", "--format", "json",
                           "--all").stdout)
    assert len(wider) > len(near)  # Latakia, Hmeimim, Aleppo are 150-300 km away


@pytest.mark.parametrize("place, says", [("Atlantis", "not a place"),
                                         ("Russia", "not a place")])
def test_near_something_that_is_no_place_is_a_usage_error(cli, place, says):
    result = cli("timeline", "--near", place)
    assert result.exit_code == 2 and says in result.stderr and "Traceback" not in result.output


def acled(cli, *args):
    result = cli("export", "acled", *args)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_acled_export_puts_palmyra_at_palmyra_with_acled_precisions(cli):
    rows = acled(cli)
    for column in ("event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                   "location", "latitude", "longitude", "geo_precision", "source", "notes",
                   "fatalities", "claimant", "qualifier", "quote", "article", "url"):
        assert column in rows[0]
    palmyra = [r for r in rows if r["location"] == "Palmyra"]
    assert palmyra
    for row in palmyra:
        assert within(float(row["latitude"]), float(row["longitude"]))
        assert row["time_precision"] == {"day": "1", "week": "2", "month": "3"}[row["precision"]]
    assert {r["time_precision"] for r in palmyra} >= {"3"}
    assert all(r["time_precision"] in ("1", "2", "3") for r in rows)
    assert all(len(r["event_date"]) == 10 for r in rows)


def test_acled_codes_an_air_strike_and_reads_fatalities_from_its_sentence(cli):
    rows = acled(cli)
    strikes = [r for r in rows if r["sub_event_type"] == "Air/drone strike"]
    assert strikes and all(r["event_type"] == "Explosions/Remote violence" for r in strikes)
    with_deaths = [r for r in rows if r["fatalities"] != "0"]
    for row in with_deaths:
        assert row["fatalities"].isdigit() and row["fatalities"] in row["quote"].replace(",", "") \
            or row["qualifier"]  # "eight civilians": the number in words


def test_exports_leave_background_out_unless_asked(cli):
    default = acled(cli)
    everything = acled(cli, "--all")
    assert {r["event_id_cnty"] for r in default} <= {r["event_id_cnty"] for r in everything}
    assert not any("since 2011" in r["quote"] for r in default)
    # background is no ACLED act; the slides show it only with --all
    slides = json.loads(cli("export", "timelinejs").stdout)["events"]
    assert len(json.loads(cli("export", "timelinejs", "--all").stdout)["events"]) > len(slides)


#: TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format.html), as a schema.
TIMELINEJS = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"$ref": "#/$defs/slide_without_date"},
        "events": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/slide"}},
    },
    "$defs": {
        "date": {
            "type": "object", "required": ["year"],
            "properties": {"year": {"type": "integer"},
                           "month": {"type": "integer", "minimum": 1, "maximum": 12},
                           "day": {"type": "integer", "minimum": 1, "maximum": 31}},
            "additionalProperties": False,
        },
        "text": {"type": "object",
                 "properties": {"headline": {"type": "string"}, "text": {"type": "string"}}},
        "slide_without_date": {"type": "object",
                               "properties": {"text": {"$ref": "#/$defs/text"}}},
        "slide": {
            "type": "object", "required": ["start_date", "text"],
            "properties": {"start_date": {"$ref": "#/$defs/date"},
                           "text": {"$ref": "#/$defs/text"},
                           "group": {"type": "string"},
                           "unique_id": {"type": "string"}},
        },
    },
}

#: RFC 7946 as far as the export uses it: a FeatureCollection of Points, [lon, lat].
GEOJSON = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object", "required": ["type", "geometry", "properties"],
            "properties": {
                "type": {"const": "Feature"},
                "geometry": {"type": "object", "required": ["type", "coordinates"],
                             "properties": {"type": {"const": "Point"},
                                            "coordinates": {"type": "array", "minItems": 2,
                                                            "maxItems": 3,
                                                            "items": {"type": "number"}}}},
                "properties": {"type": ["object", "null"]},
            }}},
    },
}


def test_timelinejs_export_validates_and_keeps_dates_to_their_precision(cli):
    result = cli("export", "timelinejs")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.validate(document, TIMELINEJS)
    ids = [e["unique_id"] for e in document["events"]]
    assert len(ids) == len(set(ids))
    months = [e for e in document["events"] if "Palmyra" in e["text"]["text"]]
    assert months and all(e["start_date"]["year"] >= 2015 for e in months)
    assert any("day" not in e["start_date"] for e in document["events"])  # "in March 2016"
    assert "<script" not in result.stdout


def test_geojson_export_validates_with_longitude_first(cli):
    result = cli("export", "geojson")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.validate(document, GEOJSON)
    places = {f["properties"]["name"]: f for f in document["features"]
              if f["properties"]["kind"] == "place"}
    lon, lat = places["Palmyra"]["geometry"]["coordinates"]
    assert within(lat, lon)
    assert places["Palmyra"]["properties"]["articles"] >= 2
    assert any(f["properties"]["kind"] == "event" for f in document["features"])
    for feature in document["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -90 <= lat <= 90 and -180 <= lon <= 180


def test_export_of_an_unknown_format_is_a_usage_error(cli):
    result = cli("export", "kml")
    assert result.exit_code == 2 and "acled" in result.stderr


def test_export_in_a_closed_pipe_ends_quietly(cli):
    # --limit counts timeline entries; the first ones are no ACLED act, a few more hold one
    result = cli("export", "acled", "--limit", "20")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) >= 2


def test_a_capital_standing_for_its_government_yields_to_the_place_of_the_event():
    from syriacli.export import primary_place

    def at(name, precision="city"):
        return {"name": name, "lat": 1.0, "lon": 1.0, "precision": precision}

    # "With Damascus facing defeats, Moscow signed a deal ... at the Hemeimeem base"
    assert primary_place([at("Damascus"), at("Moscow"), at("Hmeimim", "base")])["name"] \
        == "Hmeimim"
    # a capital alone is where the sentence puts it
    assert primary_place([at("Moscow")])["name"] == "Moscow"
    assert primary_place([at("Syrian Desert", "region"), at("Palmyra")])["name"] == "Palmyra"


def test_the_seed_deal_at_the_base_is_exported_at_the_base(cli):
    rows = acled(cli)
    deal = next(r for r in rows if "Hemeimeem base" in r["quote"])
    assert deal["location"] == "Hmeimim"


def test_a_claims_places_leave_out_where_its_source_is_based(make_raw, build, cli):
    raw = make_raw({"a.txt": "Idlib toll\n\nThe Beirut-based monitor said 12 civilians were "
                             "killed in Idlib on Monday."})
    _, db = build(raw)
    (claim,) = json.loads(cli("figures", "civilians", "--format", "json", db=db).stdout)
    assert [p["name"] for p in claim["places"]] == ["Idlib"]
