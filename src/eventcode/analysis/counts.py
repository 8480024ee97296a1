"""Conflict and cooperation counts: by dyad, actor, country, sector, code, QuadClass, place and period.

>>> from eventcode.analysis import counts
>>> table = counts(events, by=["dyad", "quad_class"], period="month")   # doctest: +SKIP
>>> for row in table: print(row.key, row.period, row.events, row.goldstein_sum)   # doctest: +SKIP

Each row counts events and sums Goldstein values; ``net_cooperation`` is cooperation minus conflict events
(QuadClass 1-2 minus 3-4 under the chosen scheme; for the Penta schemes 1-2 minus 3-4, class 0 neutral).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs

from eventcode.codebook import QUAD_SCHEMES, lookup_event_code
from eventcode.records import Event

__all__ = ["DIMENSIONS", "CountRow", "CountTable", "counts", "one_a_day", "period_start"]

Period = Literal["day", "week", "month", "year"] | None

DIMENSIONS = (
    "actor", "target", "dyad", "undirected_dyad", "source_country", "target_country", "country",
    "source_sector", "target_sector", "root", "code", "quad_class", "location", "admin1", "location_country",
)


def period_start(day: dt.date, period: str) -> dt.date:
    """The first day of the period containing ``day`` (weeks start on Monday)."""
    if period == "day":
        return day
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"period must be day, week, month or year, not {period!r}")


def _next_period(day: dt.date, period: str) -> dt.date:
    if period == "day":
        return day + dt.timedelta(days=1)
    if period == "week":
        return day + dt.timedelta(days=7)
    if period == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day.replace(year=day.year + 1)


def _quad(e: Event, scheme: str) -> int | None:
    if e.action.codebook is None:
        return None
    return lookup_event_code(e.action.code).quad_classes[scheme]


def _code(a: Any) -> str | None:
    return a.code if a is not None else None


def _values(e: Event, dim: str, scheme: str) -> list[Any]:
    """Values of one dimension for an event (``country`` yields both sides)."""
    if dim == "actor":
        return [_code(e.actor)]
    if dim == "target":
        return [_code(e.target)]
    if dim == "dyad":
        return [(_code(e.actor), _code(e.target))]
    if dim == "undirected_dyad":
        pair = sorted((_code(e.actor) or "", _code(e.target) or ""))
        return [(pair[0] or None, pair[1] or None)]
    if dim == "source_country":
        return [e.actor.country if e.actor else None]
    if dim == "target_country":
        return [e.target.country if e.target else None]
    if dim == "country":
        cs = {a.country for a in (e.actor, e.target) if a is not None and a.country}
        return sorted(cs) or [None]
    if dim == "source_sector":
        return list(e.actor.sectors) if e.actor and e.actor.sectors else [None]
    if dim == "target_sector":
        return list(e.target.sectors) if e.target and e.target.sectors else [None]
    if dim == "root":
        return [e.action.root]
    if dim == "code":
        return [e.action.code]
    if dim == "quad_class":
        return [_quad(e, scheme)]
    if dim == "location":
        return [e.location.name if e.location else None]
    if dim == "admin1":
        return [e.location.admin1 if e.location else None]
    if dim == "location_country":
        return [e.location.country if e.location else None]
    raise ValueError(f"cannot count by {dim!r}; choose from {', '.join(DIMENSIONS)}")


@attrs.frozen
class CountRow:
    """One cell of a count table."""

    key: tuple[Any, ...]
    period: dt.date | None
    events: int
    goldstein_sum: float
    cooperation: int
    conflict: int

    @property
    def goldstein_mean(self) -> float | None:
        """Mean Goldstein value (None for an empty cell)."""
        return self.goldstein_sum / self.events if self.events else None

    @property
    def net_cooperation(self) -> int:
        """Cooperation events minus conflict events."""
        return self.cooperation - self.conflict


@attrs.frozen
class CountTable:
    """Rows of counts with the dimensions that key them."""

    by: tuple[str, ...]
    period: Period
    rows: tuple[CountRow, ...]

    def __iter__(self) -> Any:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Any]]:
        """Plain dicts, one per row (dyads as ``SRC|TGT`` strings), ready for CSV."""
        out = []
        for r in self.rows:
            d: dict[str, Any] = {}
            for name, v in zip(self.by, r.key, strict=True):
                d[name] = "|".join(x or "" for x in v) if isinstance(v, tuple) else v
            if self.period:
                d["period"] = r.period.isoformat() if r.period else None
            d.update(events=r.events, goldstein_sum=round(r.goldstein_sum, 3),
                     goldstein_mean=None if r.goldstein_mean is None else round(r.goldstein_mean, 3),
                     cooperation=r.cooperation, conflict=r.conflict, net_cooperation=r.net_cooperation)
            out.append(d)
        return out

    def to_pandas(self) -> Any:
        """A pandas DataFrame of :meth:`records` (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install 'eventcode[pandas]'") from exc
        return pd.DataFrame(self.records())


def one_a_day(events: Iterable[Event]) -> list[Event]:
    """Phoenix's filter: keep the first event per (date, source, target, code)."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for e in events:
        key = (e.date, _code(e.actor), _code(e.target), e.action.code)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def counts(
    events: Iterable[Event],
    by: str | Sequence[str] = ("dyad",),
    period: Period = None,
    *,
    scheme: str = "gdelt",
    zero_fill: bool = False,
    dedupe: bool = False,
    coded_only: bool = False,
) -> CountTable:
    """Count events by dimensions and period.

    Args:
        by: one or more of :data:`DIMENSIONS` (a comma-separated string works too).
        period: ``day``, ``week``, ``month``, ``year`` or None (no time split). Events without a date are
            counted under period None.
        scheme: QuadClass scheme for ``quad_class`` and the cooperation/conflict split.
        zero_fill: every combination of the keys seen x every period between the first and last: a panel.
        dedupe: apply :func:`one_a_day` first.
        coded_only: skip events whose source or target has no actor code.
    """
    dims = tuple(x.strip() for x in by.split(",")) if isinstance(by, str) else tuple(by)
    for d in dims:
        if d not in DIMENSIONS:
            raise ValueError(f"cannot count by {d!r}; choose from {', '.join(DIMENSIONS)}")
    if scheme not in QUAD_SCHEMES:
        raise ValueError(f"unknown QuadClass scheme {scheme!r}")
    evs = list(events)
    if dedupe:
        evs = one_a_day(evs)
    cells: dict[tuple[tuple[Any, ...], dt.date | None], list[float]] = {}
    for e in evs:
        if coded_only and (_code(e.actor) is None or _code(e.target) is None):
            continue
        p = period_start(e.date, period) if period and e.date else None
        q = _quad(e, scheme)
        coop = q in (1, 2)
        conf = q in (3, 4)
        keys: list[tuple[Any, ...]] = [()]
        for d in dims:
            keys = [(*k, v) for k in keys for v in _values(e, d, scheme)]
        for k in keys:
            c = cells.setdefault((k, p), [0, 0.0, 0, 0])
            c[0] += 1
            c[1] += e.action.goldstein or 0.0
            c[2] += coop
            c[3] += conf
    if zero_fill and period:
        periods = sorted({p for _, p in cells if p is not None})
        if periods:
            allp = [periods[0]]
            while allp[-1] < periods[-1]:
                allp.append(_next_period(allp[-1], period))
            for k in {k for k, _ in cells}:
                for p in allp:
                    cells.setdefault((k, p), [0, 0.0, 0, 0])

    def sort_key(item: tuple[tuple[tuple[Any, ...], dt.date | None], list[float]]) -> tuple[str, str]:
        (k, p), _ = item
        return (repr(k), p.isoformat() if p else "")

    rows = tuple(
        CountRow(k, p, int(c[0]), float(c[1]), int(c[2]), int(c[3]))
        for (k, p), c in sorted(cells.items(), key=sort_key)
    )
    return CountTable(dims, period, rows)
