"""The dictionary model: what every reader (native, TABARI, PETRARCH) produces and the compiler consumes."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

__all__ = [
    "SPECIAL_CODES",
    "ActorEntry",
    "AgentEntry",
    "CodingOptions",
    "Element",
    "Lexicon",
    "LoadReport",
    "PatternEntry",
    "Role",
    "TimeShift",
]

SPECIAL_CODES = frozenset(["---", "###", "+++"])
"""Codes that code no event: ``---`` null (the phrase is not an actor / the match codes nothing), ``###``
discard (the sentence codes nothing), ``+++`` complex (the sentence is too complex to code: nothing)."""


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
    prefix: bool = False
    """The code goes before the actor's code (``NGO`` + ``ARN`` = ``NGOARN``) rather than after it."""


ElementKind = Literal["lit", "opt", "class", "target", "source", "gap", "any", "skip", "compound", "verb"]


@attrs.frozen
class Element:
    """One element of a verb pattern.

    ``alternatives`` holds token sequences (normalised) for ``lit`` and ``opt``; ``name`` is the class name
    for ``class``. A token ending in ``*`` (``negotiat*``) is a stem: it matches any word that starts with it.
    ``any`` is a gap of any length inside the clause (``...``), ``skip`` passes over one actor (``^``) and
    ``compound`` is a coordinated actor that is both source and target (``%``). ``verb`` only marks the verb's
    place while a reader splits a pattern; it is never stored in a pattern.
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
    reverse_code: str | None = None
    """Paired event (``== 032:033``): the target does this to the source as well (receiving the visit)."""
    weak: bool = False
    """Coded only when nothing else is coded in the sentence (``@weak``; TABARI's subordinate ``023?``)."""
    dominant: bool = False
    """When a dominant pattern codes, only dominant events of the sentence are kept (``@dominant``)."""
    active: bool = False
    """Only in the active voice (``@active``): the words before the verb name the doer ("a suicide bomber killed"),
    so the passive ("the suicide bomber was killed by guards") is not this event."""


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


@attrs.frozen
class TimeShift:
    """A phrase that moves the event date (``yesterday`` -1 day), or a special code (``###`` discards)."""

    phrase: str
    days: int
    code: str | None = None
    source: str = ""


@attrs.define
class CodingOptions:
    """Settings of the clause grammar ``classic`` (TABARI and PETRARCH behaviour); all have documented defaults.

    The native grammar ignores them. See ``docs/foreign-dictionaries.md`` for what each does.
    """

    code_by: Literal["clause", "sentence", "all"] = "clause"
    comma_min: int = 2
    comma_max: int = 10
    comma_bmin: int = 128
    comma_bmax: int = 0
    comma_emin: int = 2
    comma_emax: int = 10
    complex_verbs: int = 0
    complex_conj: int = 0
    complex_actors: int = 0
    no_actor_prior: bool = False
    default_source: str | None = None
    default_source_prior: bool = False
    default_target: str | None = None
    default_target_after: bool = False
    min_words: int = 0
    agents_alone: Literal["drop", "tilde", "dashes"] = "drop"
    time_shift: bool = True
    whole_text: bool = False
    """Code each text as one sentence (TABARI's records), not split into sentences."""
    stems: bool = True
    """Words in phrases match as stems unless closed; False: every dictionary word is a complete word."""
    agent_links: tuple[str, ...] = ("in", "of")
    """Prepositions that link an agent to the actor after them ("soldiers *from* Gondor")."""
    agent_phrase: bool = False
    """Agents attach to an actor anywhere in its noun phrase ("Gondor's first deputy *minister*"), not only
    next to it."""
    agent_distribute: bool = False
    """An agent before a list of actors applies to each ("the ambassadors of A, B and C")."""
    special_codes: bool = True
    """``###`` and ``+++`` in patterns and actors discard the sentence / make it too complex; False: such
    patterns are skipped and such actors are not actors (PETRARCH)."""
    skip_words: bool = False
    """``^`` may pass over a word that is not an actor (PETRARCH's noun phrases), not only over an actor."""
    clause_split: Literal["always", "verbs"] = "always"
    """``always``: every conjunction outside a compound splits clauses; ``verbs``: only one with a verb on
    both sides."""
    modal_verbs: bool = True
    """Modal auxiliaries (*should*, *would*, *may*, ...) can be dictionary verbs; False: they never are."""
    compound_modifiers: Literal["listed", "any"] = "listed"
    """Words allowed inside a compound actor before an actor: determiners and listed adjectives, or any word
    that is not a verb, conjunction, preposition or punctuation."""
    compound_absorb: bool = True
    """TABARI's greedy compounds: an actor right after the last member (behind an adjective or a possessive)
    joins it, and lists chain over several conjunctions ("A and B, and C and D"); False: one conjunction."""
    compound_slot: Literal["both", "position"] = "both"
    """``%`` in a pattern: the compound is both source and target (TABARI), or that only before the verb and
    the target after it (PETRARCH: "X and Y have met", "Z agrees with X and Y")."""

    def copy(self) -> CodingOptions:
        """An independent copy (options records change a copy, not the lexicon's)."""
        return attrs.evolve(self)


@attrs.define
class Lexicon:
    """Everything a coder knows: actors, agents, verb patterns, word classes, inflections, discards."""

    actors: list[ActorEntry] = attrs.field(factory=list)
    agents: list[AgentEntry] = attrs.field(factory=list)
    patterns: list[PatternEntry] = attrs.field(factory=list)
    classes: dict[str, list[str]] = attrs.field(factory=dict)
    irregular: dict[str, tuple[list[str], list[str]]] = attrs.field(factory=dict)
    verb_forms: dict[str, list[str]] = attrs.field(factory=dict)
    """Head -> its complete list of surface forms, used instead of inflection (``== forms`` section)."""
    doubling: set[str] = attrs.field(factory=set)
    discards: list[str] = attrs.field(factory=list)
    report: LoadReport = attrs.field(factory=LoadReport)
    codebook: str | None = "CAMEO"
    """``CAMEO``: every event and actor code is checked against the codebook; None: codes are kept as written."""
    builtin_patterns: int = 0
    """How many of ``patterns`` come from the built-in set: the user's patterns after them win ties."""
    grammar: Literal["native", "classic"] = "native"
    """``native``: eventcode's grammar; ``classic``: TABARI-style shallow clause rules (see CodingOptions)."""
    options: CodingOptions = attrs.field(factory=CodingOptions)
    nouns: list[str] = attrs.field(factory=list)
    """Words that are never verbs (TABARI's ``<NOUN>`` list); they also bind coordinated noun phrases."""
    adjectives: list[str] = attrs.field(factory=list)
    time_shifts: list[TimeShift] = attrs.field(factory=list)

    def extend(self, other: Lexicon) -> None:
        """Add another lexicon's entries (later entries win where phrases collide)."""
        self.actors.extend(other.actors)
        self.agents.extend(other.agents)
        self.patterns.extend(other.patterns)
        for name, words in other.classes.items():
            self.classes.setdefault(name, []).extend(words)
        self.irregular.update(other.irregular)
        for head, forms in other.verb_forms.items():
            self.verb_forms[head] = list(dict.fromkeys(self.verb_forms.get(head, []) + forms))
        self.doubling.update(other.doubling)
        self.discards.extend(other.discards)
        self.nouns.extend(other.nouns)
        self.adjectives.extend(other.adjectives)
        self.time_shifts.extend(other.time_shifts)
        if other.grammar != "native":
            self.grammar = other.grammar
            self.options = other.options.copy()
        for k, v in other.report.untranslated.items():
            self.report.untranslated[k] = self.report.untranslated.get(k, 0) + v
            self.report.examples.setdefault(k, []).extend(other.report.examples.get(k, [])[:5])
