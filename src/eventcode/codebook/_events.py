"""CAMEO event codes, their names, Goldstein values and QuadClass under several schemes."""

from __future__ import annotations

import threading
from typing import Final

import attrs

from eventcode.codebook._data import read_tsv
from eventcode.errors import UnknownCodeError

QUAD_SCHEMES: Final = ("gdelt", "icews", "penta", "penta_roots")
"""Named QuadClass schemes. ``gdelt`` (the default) and ``icews`` give 1-4, the two ``penta`` schemes 0-4."""


@attrs.frozen
class EventCode:
    """One CAMEO event code with what the codebook says of it."""

    code: str
    name: str
    root: str
    goldstein: float
    goldstein_phoenix: float | None
    quad_classes: dict[str, int] = attrs.field(eq=False, hash=False)

    @property
    def quad_class(self) -> int:
        """QuadClass under the default (GDELT) scheme."""
        return self.quad_classes["gdelt"]


_lock = threading.Lock()
_codes: dict[str, EventCode] = {}
_intents: dict[str, str] = {}
_demands: dict[str, str] = {}
_refusals: dict[str, str] = {}


def _load() -> dict[str, EventCode]:
    if _codes:
        return _codes
    with _lock:
        if _codes:
            return _codes
        quads = {row["root"]: {s: int(row[s]) for s in QUAD_SCHEMES} for row in read_tsv("quad_classes.tsv")}
        codes: dict[str, EventCode] = {}
        for row in read_tsv("event_codes.tsv"):
            code = row["code"]
            ph = row["goldstein_phoenix"]
            codes[code] = EventCode(
                code=code,
                name=row["name"],
                root=code[:2],
                goldstein=float(row["goldstein"]),
                goldstein_phoenix=float(ph) if ph else None,
                quad_classes=quads[code[:2]],
            )
        _intents.update({row["code"]: row["intent"] for row in read_tsv("modality.tsv")})
        _demands.update({row["code"]: row["demand"] for row in read_tsv("demand.tsv")})
        _refusals.update({row["code"]: row["refusal"] for row in read_tsv("negation.tsv")})
        _codes.update(codes)
    return _codes


def all_event_codes() -> list[EventCode]:
    """Every event code, in code order."""
    return sorted(_load().values(), key=lambda c: c.code)


def get_event_code(code: str, default: EventCode | None = None) -> EventCode | None:
    """The event code ``code``, or ``default`` when it is not in the codebook."""
    return _load().get(code, default)


def lookup_event_code(code: str, where: str | None = None) -> EventCode:
    """The event code ``code``; :class:`UnknownCodeError` (naming ``where`` it came from) if unknown."""
    found = _load().get(code)
    if found is None:
        raise UnknownCodeError(code, "event", where)
    return found


def quad_class(code: str, scheme: str = "gdelt") -> int:
    """QuadClass (or PentaClass) of an event code under a named scheme."""
    if scheme not in QUAD_SCHEMES:
        raise ValueError(f"unknown QuadClass scheme {scheme!r}; choose one of {', '.join(QUAD_SCHEMES)}")
    return lookup_event_code(code).quad_classes[scheme]


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    """The table's value for the longest prefix of ``code`` (at least the root) that it lists."""
    _load()
    for n in range(len(code), 1, -1):
        found = table.get(code[:n])
        if found is not None:
            return found
    return None


def intent_code(code: str) -> str:
    """The code for announcing or intending ``code`` ("will meet" -> 036); ``code`` itself if none applies."""
    return _by_prefix(_intents, code) or code


def demand_code(code: str) -> str | None:
    """The code for demanding ``code`` of someone ("X must release Y" -> 1053), or None where none applies."""
    return _by_prefix(_demands, code)


def refusal_code(code: str) -> str | None:
    """The code for refusing ``code`` ("will not release" -> 1243), or None where none applies."""
    return _by_prefix(_refusals, code)
