"""Time series of conflict and cooperation (the ``plot`` extra, matplotlib).

:func:`plot_series` draws event counts by QuadClass per period for a dyad, a country or everything, with the
Goldstein sum on a second panel, and writes PNG or SVG (by the file's extension).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from eventcode.analysis.counts import counts
from eventcode.records import Event

__all__ = ["plot_series"]

_QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
_QUAD_COLOURS = {1: "#4e9a06", 2: "#1f6f8b", 3: "#e69f00", 4: "#c0392b"}


def _select(events: Iterable[Event], dyad: tuple[str, str] | None, country: str | None) -> list[Event]:
    out = []
    for e in events:
        src = e.actor.code if e.actor else None
        tgt = e.target.code if e.target else None
        if dyad is not None:
            a, b = dyad
            if not ((src or "").startswith(a) and (tgt or "").startswith(b)):
                continue
        if country is not None and country not in {x.country for x in (e.actor, e.target) if x is not None}:
            continue
        out.append(e)
    return out


def plot_series(
    events: Iterable[Event],
    out: str | Path,
    *,
    dyad: tuple[str, str] | None = None,
    country: str | None = None,
    period: str = "month",
    scheme: str = "gdelt",
    title: str | None = None,
) -> Path:
    """Plot counts by QuadClass (and the Goldstein sum) over time; returns the file written.

    Args:
        dyad: (source prefix, target prefix), e.g. ``("USA", "AFG")`` (prefixes match ``USAMIL``, ``AFGINS``).
        country: events where either side is this alpha-3 country.
        period: day, week, month or year.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("plotting needs matplotlib: pip install 'eventcode[plot]'") from exc
    chosen = [e for e in _select(events, dyad, country) if e.date is not None]
    table = counts(chosen, by=["quad_class"], period=period, scheme=scheme, zero_fill=True)  # type: ignore[arg-type]
    periods = sorted({r.period for r in table if r.period is not None})
    series: dict[int, dict[dt.date, int]] = {q: {} for q in (1, 2, 3, 4)}
    gold: dict[dt.date, float] = {}
    for r in table:
        if r.period is None or r.key[0] not in series:
            continue
        series[r.key[0]][r.period] = r.events
        gold[r.period] = gold.get(r.period, 0.0) + r.goldstein_sum
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    for q, values in series.items():
        ax1.plot(periods, [values.get(p, 0) for p in periods], marker="o", ms=3, lw=1.8,
                 color=_QUAD_COLOURS[q], label=_QUAD_LABELS[q])
    ax1.set_ylabel(f"events per {period}")
    ax1.legend(loc="upper left", frameon=False, ncol=2)
    ax1.grid(alpha=0.3)
    what = f"{dyad[0]} → {dyad[1]}" if dyad else (country or "all actors")
    ax1.set_title(title or f"Conflict and cooperation: {what} (QuadClass, {scheme} scheme)")
    ax2.bar(periods, [gold.get(p, 0.0) for p in periods], width=20 if period == "month" else 5,
            color=["#c0392b" if gold.get(p, 0.0) < 0 else "#1f6f8b" for p in periods])
    ax2.axhline(0, color="black", lw=0.6)
    ax2.set_ylabel("Goldstein sum")
    ax2.grid(alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    path = Path(out)
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


