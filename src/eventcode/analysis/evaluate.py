"""Validating a coder against a hand-coded sample.

Gold format (JSON lines), one record per text::

    {"id": "s1", "text": "Germany invaded France.", "date": "2021-03-01",
     "events": [{"source": "DEU", "code": "192", "target": "FRA"}]}

``events`` lists the events a careful human coder expects (an empty list: no event). ``source`` and ``target``
may be null for an unknown or absent actor. :func:`evaluate` matches coded and expected events per record as
multisets at four levels and reports precision, recall and F1 for each:

- ``root``: the two-digit CAMEO root; ``code``: the full code;
- ``dyad``: (source, target), whatever the code; ``triple``: (source, target, code).

It also counts a confusion table by root (expected root -> coded root, with ``-`` for nothing) and the share
of records whose coded triples equal the expected set exactly.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from eventcode.errors import InputError
from eventcode.records import Event

__all__ = ["Evaluation", "GoldRecord", "LevelScore", "evaluate", "read_gold"]

Triple = tuple[str | None, str | None, str]


@attrs.frozen
class GoldRecord:
    """One hand-coded text."""

    id: str
    text: str
    date: str | None
    events: tuple[Triple, ...]


def read_gold(path: str | Path) -> Iterator[GoldRecord]:
    """Gold records from a JSONL file; a malformed line is an error naming the file and line."""
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                evs = tuple(
                    (e.get("source"), e.get("target"), str(e["code"])) for e in obj.get("events", [])
                )
                yield GoldRecord(str(obj.get("id", no)), obj["text"], obj.get("date"), evs)
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                raise InputError(f"not a gold record: {exc}", source=str(path), line=no) from None


@attrs.frozen
class LevelScore:
    """Precision, recall and F1 at one level."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


LEVELS: dict[str, Callable[[Triple], Any]] = {
    "root": lambda t: t[2][:2],
    "code": lambda t: t[2],
    "dyad": lambda t: (t[0], t[1]),
    "triple": lambda t: t,
}


@attrs.frozen
class Evaluation:
    """Scores of a coder on a gold sample."""

    records: int
    exact: int
    levels: Mapping[str, LevelScore]
    confusion: Mapping[tuple[str, str], int]
    failures: tuple[tuple[str, tuple[Triple, ...], tuple[Triple, ...]], ...]
    """(id, expected, coded) for each record whose triples differ."""

    @property
    def exact_share(self) -> float:
        """Share of records coded exactly as expected."""
        return self.exact / self.records if self.records else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {
            "records": self.records,
            "exact_match": round(self.exact_share, 4),
            "levels": {k: {"precision": round(v.precision, 4), "recall": round(v.recall, 4), "f1": round(v.f1, 4),
                           "tp": v.tp, "fp": v.fp, "fn": v.fn} for k, v in self.levels.items()},
            "confusion_by_root": {f"{a}->{b}": n for (a, b), n in sorted(self.confusion.items())},
        }

    def __str__(self) -> str:
        lines = [f"{self.records} records, {self.exact} coded exactly ({self.exact_share:.1%})",
                 f"{'level':8} {'precision':>9} {'recall':>7} {'F1':>6}"]
        for k, v in self.levels.items():
            lines.append(f"{k:8} {v.precision:9.3f} {v.recall:7.3f} {v.f1:6.3f}")
        lines.append("confusion by root (expected -> coded: count)")
        for (a, b), n in sorted(self.confusion.items(), key=lambda x: (-x[1], x[0]))[:30]:
            lines.append(f"  {a} -> {b}: {n}")
        return "\n".join(lines)


def _triples(events: Iterable[Event]) -> tuple[Triple, ...]:
    return tuple(
        (e.actor.code if e.actor else None, e.target.code if e.target else None, e.action.code) for e in events
    )


def evaluate(gold: Iterable[GoldRecord], code: Callable[..., list[Event]]) -> Evaluation:
    """Code each gold text with ``code(text, date=...)`` and score it."""
    counts = {k: [0, 0, 0] for k in LEVELS}
    confusion: Counter[tuple[str, str]] = Counter()
    n = exact = 0
    failures = []
    for rec in gold:
        n += 1
        coded = _triples(code(rec.text, date=rec.date))
        if Counter(coded) == Counter(rec.events):
            exact += 1
        else:
            failures.append((rec.id, rec.events, coded))
        for name, key in LEVELS.items():
            g = Counter(key(t) for t in rec.events)
            c = Counter(key(t) for t in coded)
            tp = sum((g & c).values())
            counts[name][0] += tp
            counts[name][1] += sum(c.values()) - tp
            counts[name][2] += sum(g.values()) - tp
        g_roots = Counter(t[2][:2] for t in rec.events)
        c_roots = Counter(t[2][:2] for t in coded)
        both = g_roots & c_roots
        for r, k in both.items():
            confusion[(r, r)] += k
        left_g = list((g_roots - both).elements())
        left_c = list((c_roots - both).elements())
        for a, b in zip(left_g, left_c, strict=False):
            confusion[(a, b)] += 1
        for a in left_g[len(left_c):]:
            confusion[(a, "-")] += 1
        for b in left_c[len(left_g):]:
            confusion[("-", b)] += 1
    levels = {k: LevelScore(*v) for k, v in counts.items()}
    return Evaluation(n, exact, levels, dict(confusion), tuple(failures))
