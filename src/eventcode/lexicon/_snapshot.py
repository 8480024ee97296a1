"""A lexicon as plain data (strings, numbers, tuples, lists, dicts, sets) and back, for the start-up cache.

Parsing the built-in dictionaries' text takes about a third of a second at every start; their plain form,
read back with :mod:`marshal` from the per-user cache (:mod:`eventcode._cache`), is rebuilt into the same
records several times faster. ``tests/test_dictionaries.py`` checks that a lexicon survives the round trip
unchanged, so a field added to a record without a change here fails there.

Elements shared by several patterns (the patterns expanded from one dictionary line) stay shared.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from eventcode.lexicon._model import (
    ActorEntry,
    AgentEntry,
    CodingOptions,
    Element,
    Lexicon,
    LoadReport,
    PatternEntry,
    Role,
    TimeShift,
)

__all__ = ["FORMAT", "from_plain", "to_plain"]

FORMAT = "lexicon-v2"
"""Changes whenever the plain form below does."""


def _day(d: dt.date | None) -> int | None:
    return None if d is None else d.toordinal()


def _from_day(n: int | None) -> dt.date | None:
    return None if n is None else dt.date.fromordinal(n)


def to_plain(lex: Lexicon) -> tuple[Any, ...] | None:
    """The lexicon as plain data, or None for one this form does not cover (non-default coding options)."""
    if lex.options != CodingOptions():
        return None
    elements: list[tuple[str, tuple[tuple[str, ...], ...], str]] = []
    element_at: dict[int, int] = {}

    def el(e: Element) -> int:
        k = element_at.get(id(e))
        if k is None:
            k = element_at[id(e)] = len(elements)
            elements.append((e.kind, e.alternatives, e.name))
        return k

    patterns = [
        (p.code, p.head, p.head_rest, tuple(el(e) for e in p.before), tuple(el(e) for e in p.after), p.text,
         p.source, p.symmetric, p.noun_head, p.reverse_code, p.weak, p.dominant, p.active)
        for p in lex.patterns
    ]
    actors = [
        (a.name, a.phrases, tuple((r.code, _day(r.start), _day(r.end)) for r in a.roles), a.default, a.source,
         a.group)
        for a in lex.actors
    ]
    agents = [(a.phrase, a.code, a.source, a.prefix) for a in lex.agents]
    shifts = [(t.phrase, t.days, t.code, t.source) for t in lex.time_shifts]
    return (FORMAT, elements, patterns, actors, agents, lex.classes, lex.irregular, lex.verb_forms, lex.doubling,
            lex.discards, (lex.report.untranslated, lex.report.examples), lex.codebook, lex.builtin_patterns,
            lex.grammar, lex.nouns, lex.adjectives, shifts)


def valid(value: object) -> bool:
    """Whether ``value`` looks like this format's plain form (a cache file of another format is not)."""
    return isinstance(value, tuple) and len(value) == 17 and value[0] == FORMAT


def from_plain(value: tuple[Any, ...]) -> Lexicon:
    """The lexicon back from :func:`to_plain`'s plain data."""
    (_, elements, patterns, actors, agents, classes, irregular, verb_forms, doubling, discards, report, codebook,
     builtin_patterns, grammar, nouns, adjectives, shifts) = value
    els = [Element(kind, alts, name) for kind, alts, name in elements]
    lex = Lexicon(
        actors=[ActorEntry(name, phrases, tuple(Role(c, _from_day(s), _from_day(e)) for c, s, e in roles), default,
                           source, group)
                for name, phrases, roles, default, source, group in actors],
        agents=[AgentEntry(phrase, code, source, prefix) for phrase, code, source, prefix in agents],
        patterns=[PatternEntry(code, head, head_rest, tuple(els[k] for k in before), tuple(els[k] for k in after),
                               text, source, symmetric, noun_head, reverse, weak, dominant, active)
                  for (code, head, head_rest, before, after, text, source, symmetric, noun_head, reverse, weak,
                       dominant, active) in patterns],
        classes=classes,
        irregular={k: (list(a), list(b)) for k, (a, b) in irregular.items()},
        verb_forms=verb_forms,
        doubling=set(doubling),
        discards=discards,
        report=LoadReport(report[0], report[1]),
        codebook=codebook,
        builtin_patterns=builtin_patterns,
        grammar=grammar,
        nouns=nouns,
        adjectives=adjectives,
        time_shifts=[TimeShift(phrase, days, code, source) for phrase, days, code, source in shifts],
    )
    return lex
