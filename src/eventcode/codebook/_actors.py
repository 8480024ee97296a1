"""The CAMEO-style actor code vocabulary: countries, regions, actor types, agents and organisations.

An actor code is a run of 3-letter segments: a root (an ISO 3166-1 alpha-3 country, a region, or a type
such as ``IGO``) and then agent (sector) or organisation segments: ``AFGMIL``, ``IGOUNO``, ``USAGOVSPY``.
"""

from __future__ import annotations

import threading

import attrs
import pycountry

from eventcode.codebook._data import read_tsv
from eventcode.errors import UnknownCodeError


@attrs.frozen
class ActorCode:
    """One segment of the actor vocabulary."""

    code: str
    kind: str  # country, region, type, agent, org
    name: str


_lock = threading.Lock()
_segments: dict[str, ActorCode] = {}

# Codes in common use that ISO 3166-1 does not assign.
_EXTRA_COUNTRIES = {"XKX": "Kosovo"}


def _load() -> dict[str, ActorCode]:
    if _segments:
        return _segments
    with _lock:
        if _segments:
            return _segments
        found: dict[str, ActorCode] = {}
        for c in pycountry.countries:
            name = getattr(c, "common_name", None) or c.name
            found[c.alpha_3] = ActorCode(c.alpha_3, "country", name)
        for code, name in _EXTRA_COUNTRIES.items():
            found[code] = ActorCode(code, "country", name)
        for row in read_tsv("actor_codes.tsv"):
            found[row["code"]] = ActorCode(row["code"], row["kind"], row["name"])
        try:
            for row in read_tsv("organizations.tsv"):
                found.setdefault(row["code"], ActorCode(row["code"], "org", row["name"]))
        except FileNotFoundError:  # pragma: no cover - the file ships with the package
            pass
        _segments.update(found)
    return _segments


def split_actor_code(code: str) -> list[str]:
    """``"AFGMILREB"`` -> ``["AFG", "MIL", "REB"]``."""
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def get_actor_segment(segment: str) -> ActorCode | None:
    """What a 3-letter segment stands for, or None."""
    return _load().get(segment)


def is_country(segment: str) -> bool:
    """Whether a 3-letter segment is a country code."""
    found = _load().get(segment)
    return found is not None and found.kind == "country"


def country_name(alpha3: str) -> str | None:
    """The common name of a country code."""
    found = _load().get(alpha3)
    return found.name if found is not None and found.kind == "country" else None


def check_actor_code(code: str, where: str | None = None) -> str:
    """Validate an actor code; return it, or raise :class:`UnknownCodeError` naming the bad segment."""
    segs = _load()
    if not code or len(code) % 3 or not code.replace("-", "A").isalpha() or code != code.upper():
        raise UnknownCodeError(code, "actor", where)
    parts = split_actor_code(code)
    root = segs.get(parts[0])
    if root is None or (root.kind == "agent" and len(parts) > 1):
        raise UnknownCodeError(code, "actor", where)
    for part in parts[1:]:
        if part not in segs or (segs[part].kind == "type" and part != "IGO" and part != "NGO"):
            raise UnknownCodeError(code, "actor", where)
    return code


def actor_code_names(code: str) -> list[str]:
    """The names of each segment of an actor code (unknown segments as ``?``)."""
    segs = _load()
    return [segs[p].name if p in segs else "?" for p in split_actor_code(code)]
