"""What the coder saw and decided, sentence by sentence: the records behind :func:`eventcode.explain`.

They live apart from the assembly of events so that they stay ordinary Python classes when the hot modules are
compiled (docs/scaling.md)."""

from __future__ import annotations

from typing import NamedTuple

import attrs

from eventcode.grammar._engine import Trace
from eventcode.records import Actor, Event


class SentenceTrace(NamedTuple):
    """What the coder saw and decided in one sentence."""

    start: int
    end: int
    kind: str
    actors: list[Actor]
    events: list[Event]
    dropped: list[Trace]
    discarded: bool


@attrs.frozen
class Explanation:
    """Step by step, why each event in a text was or was not coded."""

    text: str
    sentences: tuple[SentenceTrace, ...]

    def __str__(self) -> str:
        lines: list[str] = []
        for s in self.sentences:
            lines.append(f"[{s.kind}] {self.text[s.start:s.end]}")
            if s.kind == "boilerplate":
                lines.append("  skipped: page boilerplate")
                continue
            if s.discarded:
                lines.append("  skipped: contains a discard phrase (sports, entertainment, ...)")
                continue
            for a in s.actors:
                lines.append(f"  actor   {a.text!r} -> {a.code or '(uncoded)'}" + (f" ({a.name})" if a.name else ""))
            for e in s.events:
                ev = e.evidence
                src = f"{e.actor.code or '?'} {e.actor.text!r}" if e.actor else "-"
                tgt = f"{e.target.code or '?'} {e.target.text!r}" if e.target else "-"
                lines.append(f"  EVENT   {src} -> {e.action.code} {e.action.name} -> {tgt}")
                if ev is not None:
                    lines.append(f"          verb {ev.verb_text!r}, pattern '{ev.pattern}' ({ev.pattern_source})"
                                 + (f", rules: {', '.join(ev.notes)}" if ev.notes else ""))
                when = "none" if e.date is None else e.date.isoformat() + (
                    f" (from {e.date_mention.text!r})" if e.date_mention is not None else " (publication date)")
                where = "none" if e.location is None else f"{e.location.name} (from {e.location.text!r})"
                lines.append(f"          date {when}; location {where}")
            for t in s.dropped:
                lines.append(f"  dropped pattern '{t.pattern}': {t.reason}")
            if not s.events and not s.dropped:
                lines.append("  no verb pattern matched")
        return "\n".join(lines)


