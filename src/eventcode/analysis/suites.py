"""The TABARI and PETRARCH validation suites: reading their records and scoring a coder on them.

- TABARI's ``Validate.text``: records of a date/id line, the text, and a ``/* ... */`` comment holding the
  expected events ``{ SOURCE / TARGET / CODE }``, the special codes ``{---}`` (no event), ``{###}``
  (discarded), ``{+++}`` (too complex: no event), ``-{...}`` (further events are not checked) and
  ``{ OPTION: ... }`` records that change the ``.options`` settings for the records after them. The suite
  ends at the record ``FINAL-01``.
- PETRARCH's ``PETR.UnitTest.records.xml``: ``<Sentence>`` records with ``<EventCoding>`` expectations
  (``noevents`` and ``error`` records expect none); only the ``<Text>`` is used, never the parse trees.

A record passes when the set of (source, target, code) triples coded equals the expected set (with
``-{...}``: contains it; with ``{+++}`` or ``{###}``: when nothing is coded, or the listed triples are).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import attrs

__all__ = ["SuiteRecord", "SuiteResult", "read_petrarch_suite", "read_tabari_suite", "run_suite"]

Triple = tuple[str, str, str]


@attrs.frozen
class SuiteRecord:
    """One validation record: its id, category, date, text and expectations."""

    id: str
    category: str
    date: dt.date | None
    text: str
    expected: frozenset[Triple]
    special: frozenset[str] = frozenset()
    """Special codes listed: ``---``, ``###``, ``+++``."""
    partial: bool = False
    """``-{...}`` was listed: events beyond the expected ones are not checked."""
    options: tuple[str, ...] = ()
    """``.options`` commands this record applies (for itself and the records after it)."""

    def passes(self, coded: set[Triple]) -> bool:
        """Whether the coded triples satisfy the record."""
        if self.special & {"###", "+++"} and not coded:
            return True
        if self.partial:
            return self.expected <= coded
        return coded == set(self.expected)


@attrs.define
class SuiteResult:
    """Outcome of a suite: per record, the coded triples and whether it passed."""

    records: list[SuiteRecord]
    coded: list[set[Triple]]
    passed: list[bool]

    @property
    def rate(self) -> float:
        """Share of records passed."""
        return sum(self.passed) / len(self.passed) if self.passed else 0.0

    def by_category(self) -> dict[str, tuple[int, int]]:
        """Category -> (passed, total), in the order categories first appear."""
        total: Counter[str] = Counter()
        ok: Counter[str] = Counter()
        for r, p in zip(self.records, self.passed, strict=True):
            total[r.category] += 1
            ok[r.category] += int(p)
        return {c: (ok[c], total[c]) for c in total}

    def failures(self) -> list[tuple[SuiteRecord, set[Triple]]]:
        """The failing records with what was coded."""
        return [(r, c) for r, c, p in zip(self.records, self.coded, self.passed, strict=True) if not p]

    def table(self) -> str:
        """Pass rates per category, as text."""
        lines = [f"{'category':<12} {'passed':>6} {'total':>6} {'rate':>7}"]
        for cat, (ok, n) in self.by_category().items():
            lines.append(f"{cat:<12} {ok:>6} {n:>6} {ok / n:>7.1%}")
        lines.append(f"{'ALL':<12} {sum(self.passed):>6} {len(self.passed):>6} {self.rate:>7.1%}")
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- TABARI

_HEADER = re.compile(r"^(\d+)\s+(.*\S)\s*$")
_BRACES = re.compile(r"(-?)\{([^{}]*)\}")


def _tabari_date(raw: str) -> dt.date | None:
    from eventcode.lexicon._foreign import foreign_date

    for cand in (raw, raw[:8], raw[:6]):
        try:
            return foreign_date(cand)
        except ValueError:
            continue
    return None


def _category(rid: str) -> str:
    m = re.match(r"[A-Za-z]+", rid)
    return m.group().upper() if m else "OTHER"


def read_tabari_suite(path: str | Path, *, stop: str = "FINAL-01") -> list[SuiteRecord]:
    """The records of a TABARI validation file, up to (not including) the record ``stop``."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    out: list[SuiteRecord] = []
    lines = text.splitlines()
    k = 0
    while k < len(lines):
        m = _HEADER.match(lines[k])
        if not m:
            k += 1
            continue
        date_raw, rest = m.group(1), m.group(2)
        ids = rest.split()
        rid = next((t for t in ids if re.search(r"[A-Za-z]", t)), ids[0])
        if rid == stop:
            break
        body: list[str] = []
        k += 1
        while k < len(lines) and lines[k].strip():
            body.append(lines[k])
            k += 1
        joined = "\n".join(body)
        cut = joined.find("/*")
        sentence = joined if cut < 0 else joined[:cut]
        comment = "" if cut < 0 else joined[cut:]
        expected: set[Triple] = set()
        special: set[str] = set()
        options: list[str] = []
        partial = False
        for opt in re.findall(r"\{\s*OPTION:(.*?)(?:\}|\*/|$)", comment, re.S | re.I):
            options.append(" ".join(opt.split()))
        comment = re.sub(r"\{\s*OPTION:.*?(?:\}|\*/|$)", " ", comment, flags=re.S | re.I)
        for dash, inner in _BRACES.findall(comment):
            inner = inner.strip()
            if dash:
                partial = True
                continue
            squeezed = inner.replace(" ", "")
            if squeezed in ("---", "###", "+++"):
                special.add(squeezed)
                continue
            parts = [p.strip() for p in inner.split("/")]
            if len(parts) == 3 and all(parts):
                expected.add((parts[0], parts[1], parts[2]))
        out.append(SuiteRecord(id=rid, category=_category(rid), date=_tabari_date(date_raw),
                               text=" ".join(sentence.split()), expected=frozenset(expected),
                               special=frozenset(special), partial=partial, options=tuple(options)))
    return out


# ---------------------------------------------------------------------------------------------- PETRARCH


def read_petrarch_suite(path: str | Path) -> list[SuiteRecord]:
    """The ``<Sentence>`` records of a PETRARCH validation XML file (text and expected events only)."""
    root = ET.parse(str(path)).getroot()
    out: list[SuiteRecord] = []
    for s in root.iter("Sentence"):
        rid = s.get("id", "")
        text_el = s.find("Text")
        if text_el is None or text_el.text is None:
            continue
        expected: set[Triple] = set()
        for ev in s.iter("EventCoding"):
            src, tgt, code = ev.get("sourcecode"), ev.get("targetcode"), ev.get("eventcode")
            if src is not None and tgt is not None and code is not None:
                expected.add((src.strip('"'), tgt.strip('"'), code))
        raw_date = (s.get("date") or "").strip()
        try:
            day: dt.date | None = dt.date(int(raw_date[:4]), int(raw_date[4:6]), int(raw_date[6:8]))
        except ValueError:
            day = None
        out.append(SuiteRecord(id=rid, category=(s.get("category") or _category(rid)).upper(), date=day,
                               text=" ".join(text_el.text.split()), expected=frozenset(expected)))
    return out


# ---------------------------------------------------------------------------------------------- running


def run_suite(records: Iterable[SuiteRecord], code: Callable[[SuiteRecord], Iterable[Triple]],
              apply_options: Callable[[str], object] | None = None) -> SuiteResult:
    """Code every record (applying its option commands first) and score it."""
    recs = list(records)
    coded: list[set[Triple]] = []
    passed: list[bool] = []
    for r in recs:
        if apply_options is not None:
            for o in r.options:
                apply_options(o)
        got = set(code(r))
        coded.append(got)
        passed.append(r.passes(got))
    return SuiteResult(recs, coded, passed)


def coder_triples(coder: object, record: SuiteRecord) -> set[Triple]:
    """The (source, target, code) triples a coder codes for a record."""
    from eventcode.coder import Coder

    assert isinstance(coder, Coder)
    out: set[Triple] = set()
    for e in coder.code(record.text, date=record.date):
        out.add((e.actor.code if e.actor and e.actor.code else "---",
                 e.target.code if e.target and e.target.code else "---", e.action.code))
    return out
