"""Row layouts of the event formats users already load, and their writers.

What stays empty, and why, is documented in ``docs/formats.md``: eventcode codes sentences, so the corpus
statistics of GDELT (mentions, sources, articles, tone) and ICEWS's story ids and publishers come from the
caller's metadata where it has them (``doc_id``, URL), else stay empty.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

from eventcode.codebook import lookup_event_code
from eventcode.records import Actor, Event

__all__ = ["FORMATS", "columns", "event_rows", "write", "write_csv", "write_gdelt", "write_icews",
           "write_jsonl", "write_phoenix", "write_plover"]

GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()

PHOENIX_COLUMNS = (
    "EventID Date Year Month Day SourceActorFull SourceActorEntity SourceActorRole SourceActorAttribute "
    "TargetActorFull TargetActorEntity TargetActorRole TargetActorAttribute EventCode EventRootCode PentaClass "
    "GoldsteinScore Issues Lat Lon LocationName StateName CountryCode SentenceID URLs NewsSources"
).split()

ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]

CSV_COLUMNS = [
    "event_id", "doc_id", "date", "date_source", "source_code", "source_name", "source_country", "source_sectors",
    "source_text", "source_start", "source_end", "event_code", "event_name", "event_root", "quad_class",
    "goldstein", "target_code", "target_name", "target_country", "target_sectors", "target_text", "target_start",
    "target_end", "location_name", "location_country", "location_admin1", "latitude", "longitude", "geonames_id",
    "headline", "sentence_start", "verb_text", "pattern", "pattern_source", "notes", "sentence",
]

# PLOVER's event categories by CAMEO root (the PLOVER manual's crosswalk is finer; this is the root level).
PLOVER_BY_ROOT = {
    "01": "CONSULT", "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE",
    "07": "AID", "08": "CONCEDE", "09": "CONSULT", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT",
    "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}
PLOVER_BY_CODE = {"057": "AGREE", "087": "RETREAT", "0874": "RETREAT", "0873": "RETREAT", "166": "SANCTION",
                  "173": "COERCE", "174": "COERCE", "192": "COERCE", "191": "COERCE"}


def event_id(e: Event, n: int) -> str:
    """A stable id for an event: a hash of its document, sentence offset, verb offset and codes, plus a count."""
    ev = e.evidence
    key = f"{e.doc_id}|{e.sentence_start}|{ev.verb_start if ev else ''}|{e.action.code}|{e.dyad}|{n}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _code(a: Actor | None) -> str:
    return a.code or "" if a is not None else ""


def _ymd(e: Event) -> str:
    return e.date.strftime("%Y%m%d") if e.date else ""


def _num(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}".rstrip("0").rstrip(".")


def _span(a: Actor | None) -> list[Any]:
    if a is None:
        return ["", ""]
    return ["" if a.start is None else a.start, "" if a.end is None else a.end]


def _csv_row(e: Event, n: int) -> list[Any]:
    a, t, loc, ev = e.actor, e.target, e.location, e.evidence
    return [
        event_id(e, n), e.doc_id or "", e.date.isoformat() if e.date else "", e.date_source or "",
        _code(a), a.name or "" if a else "", a.country or "" if a else "", ";".join(a.sectors) if a else "",
        a.text if a else "", *_span(a),
        e.action.code, e.action.name, e.action.root, e.action.quad_class, e.action.goldstein,
        _code(t), t.name or "" if t else "", t.country or "" if t else "", ";".join(t.sectors) if t else "",
        t.text if t else "", *_span(t),
        loc.name if loc else "", loc.country or "" if loc else "", loc.admin1 or "" if loc else "",
        _num(loc.latitude) if loc else "", _num(loc.longitude) if loc else "",
        loc.geonames_id or "" if loc else "",
        int(e.headline), e.sentence_start, ev.verb_text if ev else "", ev.pattern if ev else "",
        ev.pattern_source if ev else "", ";".join(ev.notes) if ev else "", e.sentence,
    ]


def _gdelt_actor(a: Actor | None) -> list[str]:
    if a is None or a.code is None:
        return [""] * 10
    types = list(a.sectors[:3]) + [""] * (3 - len(a.sectors[:3]))
    known = a.code[3:6] if a.code.startswith(("IGO", "NGO", "IMG")) else ""
    return [a.code, (a.name or a.text).upper(), a.country or "", known, "", "", "", *types]


def _gdelt_row(e: Event, n: int) -> list[Any]:
    code = e.action.code
    loc = e.location
    geo: list[Any] = ["", "", "", "", "", "", "", ""]
    if loc is not None:
        gtype = {"country": 1, "admin1": 5, "city": 4}.get(loc.feature or "", 4)
        geo = [gtype, loc.name, loc.country or "", loc.admin1 or "", "", _num(loc.latitude), _num(loc.longitude),
               loc.geonames_id or ""]
    frac = ""
    if e.date:
        frac = f"{e.date.year + (e.date.timetuple().tm_yday - 1) / 365:.4f}"
    return [
        int(event_id(e, n)[:12], 16), _ymd(e), _ymd(e)[:6], _ymd(e)[:4], frac,
        *_gdelt_actor(e.actor), *_gdelt_actor(e.target),
        int(e.headline), code, code[:3], code[:2], e.action.quad_class, e.action.goldstein, 1, 1, 1, "",
        *([""] * 8), *([""] * 8), *geo, _ymd(e), e.doc_id or "",
    ]


def _phoenix_actor(a: Actor | None) -> list[str]:
    if a is None or a.code is None:
        return ["", "", "", ""]
    entity = a.code[:3]
    roles = a.code[3:6]
    attrs = a.code[6:]
    return [a.code, entity, roles, attrs]


def _penta(e: Event) -> int | str:
    return lookup_event_code(e.action.code).quad_classes["penta"] if e.action.codebook else ""


def _phoenix_row(e: Event, n: int) -> list[Any]:
    loc = e.location
    return [
        event_id(e, n), _ymd(e), _ymd(e)[:4], _ymd(e)[4:6], _ymd(e)[6:8],
        *_phoenix_actor(e.actor), *_phoenix_actor(e.target),
        e.action.code, e.action.root, _penta(e), e.action.goldstein,
        "", _num(loc.latitude) if loc else "", _num(loc.longitude) if loc else "", loc.name if loc else "",
        loc.admin1 or "" if loc else "", loc.country or "" if loc else "",
        f"{e.doc_id or ''}-{e.sentence_start}", e.doc_id if e.doc_id and "://" in e.doc_id else "", "",
    ]


def _icews_side(a: Actor | None) -> list[str]:
    if a is None:
        return ["", "", ""]
    from eventcode.codebook import get_actor_segment

    sectors = [get_actor_segment(s) for s in a.sectors]
    return [a.name or a.text, ",".join(s.name.split(":")[0] for s in sectors if s), a.country or ""]


def _icews_row(e: Event, n: int) -> list[Any]:
    loc = e.location
    feature = loc.feature if loc else None
    return [
        event_id(e, n), e.date.isoformat() if e.date else "", *_icews_side(e.actor), e.action.name, e.action.code,
        e.action.goldstein, *_icews_side(e.target), e.doc_id or "", "", "",
        loc.name if loc and feature == "city" else "", "", loc.admin1 or "" if loc else "",
        loc.country or "" if loc else "", _num(loc.latitude) if loc else "", _num(loc.longitude) if loc else "",
    ]


def plover_record(e: Event, n: int = 0) -> dict[str, Any]:
    """A PLOVER-style JSON record (event type by CAMEO crosswalk; mode and context left empty)."""
    a, t, loc = e.actor, e.target, e.location
    return {
        "id": event_id(e, n),
        "date": e.date.isoformat() if e.date else None,
        "event_type": PLOVER_BY_CODE.get(e.action.code, PLOVER_BY_ROOT.get(e.action.root, "")),
        "mode": "",
        "context": [],
        "cameo_code": e.action.code,
        "source": a.country or a.code if a else None,
        "source_actor": a.text if a else None,
        "source_agent": list(a.sectors) if a else [],
        "target": t.country or t.code if t else None,
        "target_actor": t.text if t else None,
        "target_agent": list(t.sectors) if t else [],
        "event_text": e.sentence,
        "location": None if loc is None else {
            "name": loc.name, "country": loc.country, "admin1": loc.admin1, "lat": loc.latitude,
            "lon": loc.longitude, "geonames_id": loc.geonames_id,
        },
        "story_id": e.doc_id,
    }


_ROWS: dict[str, tuple[list[str], Callable[[Event, int], list[Any]]]] = {
    "csv": (CSV_COLUMNS, _csv_row),
    "gdelt": (GDELT_COLUMNS, _gdelt_row),
    "phoenix": (PHOENIX_COLUMNS, _phoenix_row),
    "icews": (ICEWS_COLUMNS, _icews_row),
}


def columns(fmt: str) -> list[str]:
    """Column names of a tabular format (csv, gdelt, phoenix, icews)."""
    return list(_ROWS[fmt][0])


def event_rows(events: Iterable[Event], fmt: str) -> Iterable[list[Any]]:
    """Rows of a tabular format."""
    row = _ROWS[fmt][1]
    for n, e in enumerate(events):
        yield row(e, n)


def write_jsonl(events: Iterable[Event], out: IO[str]) -> int:
    """JSON lines, one event per line as in ``schemas/event.schema.json``; returns the count."""
    n = 0
    for e in events:
        out.write(json.dumps(e.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_table(events: Iterable[Event], out: IO[str], fmt: str, delimiter: str, header: bool) -> int:
    w = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if header:
        w.writerow(columns(fmt))
    n = 0
    for r in event_rows(events, fmt):
        w.writerow(r)
        n += 1
    return n


def write_csv(events: Iterable[Event], out: IO[str], header: bool = True) -> int:
    """eventcode's flat CSV (one row per event, actor and place fields spelled out)."""
    return _write_table(events, out, "csv", ",", header)


def write_gdelt(events: Iterable[Event], out: IO[str], header: bool = False) -> int:
    """GDELT 2.0 event table: 61 tab-separated columns (no header, as GDELT ships)."""
    return _write_table(events, out, "gdelt", "\t", header)


def write_phoenix(events: Iterable[Event], out: IO[str], header: bool = False) -> int:
    """Phoenix: 26 tab-separated columns."""
    return _write_table(events, out, "phoenix", "\t", header)


def write_icews(events: Iterable[Event], out: IO[str], header: bool = True) -> int:
    """ICEWS: 20 tab-separated columns with ICEWS's header names."""
    return _write_table(events, out, "icews", "\t", header)


def write_plover(events: Iterable[Event], out: IO[str]) -> int:
    """PLOVER-style JSON lines."""
    n = 0
    for e in events:
        out.write(json.dumps(plover_record(e, n), ensure_ascii=False) + "\n")
        n += 1
    return n


FORMATS: dict[str, Callable[[Iterable[Event], IO[str]], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "gdelt": write_gdelt,
    "phoenix": write_phoenix,
    "icews": write_icews,
    "plover": write_plover,
}


def write(events: Iterable[Event], out: IO[str], fmt: str = "jsonl") -> int:
    """Write events in a named format; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(sorted(FORMATS))} (or parquet)")
    return FORMATS[fmt](events, out)
