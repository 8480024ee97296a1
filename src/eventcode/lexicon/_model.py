"""The dictionary model: what every reader (native, TABARI, PETRARCH) produces and the compiler consumes."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "Element",
    "Lexicon",
    "LoadReport",
    "PatternEntry",
    "Role",
]


@attrs.frozen
class Role:
    """One code an actor takes, from ``start`` (inclusive) to ``end`` (exclusive); open ends are None."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls in this role's range."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@attrs.frozen
class ActorEntry:
    """An actor: the phrases that name it and the codes it takes over time."""

    name: str
    phrases: tuple[str, ...]
    roles: tuple[Role, ...]
    default: str | None
    source: str
    """``file:line`` of the entry."""
    group: bool = False
    """Marked ``@group``: an organisation whose code changes over time, not a person."""

    @property
    def person(self) -> bool:
        """Whether this is a person (an entry with dated roles not marked ``@group``)."""
        return not self.group and any(r.start is not None or r.end is not None for r in self.roles)

    def code_on(self, day: dt.date | None) -> str | None:
        """The code on ``day`` (the default when no dated role covers it, or without a date)."""
        if day is not None:
            for role in self.roles:
                if (role.start is not None or role.end is not None) and role.covers(day):
                    return role.code
        return self.default


@attrs.frozen
class AgentEntry:
    """An agent noun (``soldiers``) and its agent code (``MIL``)."""

    phrase: str
    code: str
    source: str


ElementKind = Literal["lit", "opt", "class", "target", "source", "gap"]


@attrs.frozen
class Element:
    """One element of a verb pattern.

    ``alternatives`` holds token sequences (normalised) for ``lit`` and ``opt``; ``name`` is the class name
    for ``class``.
    """

    kind: ElementKind
    alternatives: tuple[tuple[str, ...], ...] = ()
    name: str = ""


@attrs.frozen
class PatternEntry:
    """A verb pattern: head lemma, the elements before and after it, its code and flags."""

    code: str
    head: str
    """The lemma (inflected when matching) or, with ``noun_head``, the literal head word."""
    head_rest: tuple[str, ...]
    """Further words of a multi-word head alternative, e.g. ``out`` in "carry out"."""
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    text: str
    source: str
    symmetric: bool = False
    noun_head: bool = False


@attrs.frozen
class LoadReport:
    """What a reader could not translate: counts and first examples (never dropped silently)."""

    untranslated: dict[str, int] = attrs.field(factory=dict)
    examples: dict[str, list[str]] = attrs.field(factory=dict)

    def add(self, what: str, example: str) -> None:
        """Count one untranslated item of kind ``what``."""
        self.untranslated[what] = self.untranslated.get(what, 0) + 1
        ex = self.examples.setdefault(what, [])
        if len(ex) < 5:
            ex.append(example)

    def __bool__(self) -> bool:
        return bool(self.untranslated)


@attrs.define
class Lexicon:
    """Everything a coder knows: actors, agents, verb patterns, word classes, inflections, discards."""

    actors: list[ActorEntry] = attrs.field(factory=list)
    agents: list[AgentEntry] = attrs.field(factory=list)
    patterns: list[PatternEntry] = attrs.field(factory=list)
    classes: dict[str, list[str]] = attrs.field(factory=dict)
    irregular: dict[str, tuple[list[str], list[str]]] = attrs.field(factory=dict)
    doubling: set[str] = attrs.field(factory=set)
    discards: list[str] = attrs.field(factory=list)
    report: LoadReport = attrs.field(factory=LoadReport)
    codebook: str | None = "CAMEO"
    """``CAMEO``: every event and actor code is checked against the codebook; None: codes are kept as written."""

    def extend(self, other: Lexicon) -> None:
        """Add another lexicon's entries (later entries win where phrases collide)."""
        self.actors.extend(other.actors)
        self.agents.extend(other.agents)
        self.patterns.extend(other.patterns)
        for name, words in other.classes.items():
            self.classes.setdefault(name, []).extend(words)
        self.irregular.update(other.irregular)
        self.doubling.update(other.doubling)
        self.discards.extend(other.discards)
        for k, v in other.report.untranslated.items():
            self.report.untranslated[k] = self.report.untranslated.get(k, 0) + v
            self.report.examples.setdefault(k, []).extend(other.report.examples.get(k, [])[:5])
