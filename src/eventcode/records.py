"""The typed records eventcode produces: events and the mentions they are made of.

All records are frozen, slotted attrs classes. Offsets (``start``/``end``) are character offsets into the
original document text, so ``text[m.start:m.end] == m.text`` holds for every mention and for the actors of
every event. ``to_dict()`` gives JSON-ready data (dates as ISO strings) and ``from_dict()`` reads it back.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable
from itertools import repeat
from typing import Any, Literal, TypeVar

import attrs

from eventcode.codebook import lookup_event_code
from eventcode.errors import InputError, RecordError

__all__ = [
    "Action",
    "Actor",
    "DateMention",
    "Document",
    "Event",
    "Evidence",
    "Place",
    "to_date",
]

R = TypeVar("R", bound=attrs.AttrsInstance)
Precision = Literal["day", "month", "year"]
_ACTOR_CODE = re.compile(r"^(?:(?:[A-Z]{3}|---)(?:[A-Z]{3})*|[A-Z0-9~-]+)$")
"""CAMEO-style runs of 3-letter segments, or the codes of a foreign dictionary loaded with ``codebook=None``
(TABARI and PETRARCH sets use codes such as ``YEMNO``, ``AR1`` or ``~MIL``): capitals, digits, ``-``, ``~``."""


def to_date(value: object, field: str = "date") -> dt.date | None:
    """A ``datetime.date`` from a date, a datetime or an ISO string (``None`` stays ``None``)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            raise InputError(f"not an ISO date (YYYY-MM-DD): {value!r}", field=field) from None
    raise InputError(f"expected a date, datetime or ISO string, got {type(value).__name__}", field=field)


def _str_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(map(str, value))  # type: ignore[call-overload]


def _offsets(instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 0:
        raise RecordError(f"{type(instance).__name__}.{attribute.name} must be >= 0, got {value}")


def _check_span(self: Any) -> None:
    if self.start is not None and self.end is not None and self.end < self.start:
        raise RecordError(f"{type(self).__name__} ends ({self.end}) before it starts ({self.start})")


@attrs.frozen(slots=True)
class Actor:
    """Who acts or is acted on: a CAMEO actor code with the words that named it."""

    code: str | None
    """Full CAMEO-style code (``USAMIL``, ``AFGINS``, ``IGOUNO``); ``None`` when the words name no known actor.

    Built-in and native dictionaries are checked against the CAMEO actor vocabulary when they load; the record
    itself checks the code's shape only, so that dictionaries in other vocabularies can be used."""
    country: str | None = None
    """ISO 3166-1 alpha-3 code, or None for non-state and unknown actors."""
    sectors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    """Agent (sector) codes, e.g. ``("GOV",)`` or ``("MIL",)``."""
    name: str | None = None
    """Canonical name from the dictionary."""
    text: str = ""
    start: int | None = attrs.field(default=None, validator=_offsets)
    end: int | None = attrs.field(default=None, validator=_offsets)

    def __attrs_post_init__(self) -> None:
        _check_span(self)
        if self.code is not None and not _ACTOR_CODE.match(self.code):
            raise RecordError(
                f"actor code {self.code!r} is not a code (3-letter upper-case segments, or capitals, digits, - and ~)"
                + (f" (actor {self.text!r})" if self.text else "")
            )

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # pickles small, loads fast (see the end)
        return _actor, _ACTOR_FIELDS(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        d = attrs.asdict(self)
        d["sectors"] = list(self.sectors)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        """Read back what :meth:`to_dict` wrote."""
        return cls(**{**data, "sectors": tuple(data.get("sectors") or ())})


@attrs.frozen(slots=True)
class Action:
    """What was done: a CAMEO event code with its name, root, QuadClass and Goldstein value.

    Codes are checked against the CAMEO codebook. Dictionaries in another scheme (the WEIS codes of old TABARI
    validation files, say) code with ``codebook=None``: the code is kept as written, with no name, QuadClass or
    Goldstein value.
    """

    code: str
    name: str
    root: str
    quad_class: int | None
    goldstein: float | None
    codebook: str | None = "CAMEO"

    @classmethod
    def from_code(cls, code: str, where: str | None = None, *, codebook: str | None = "CAMEO") -> Action:
        """The action for a code, filled from the codebook (unknown CAMEO codes raise)."""
        if codebook is None:
            return cls(code=code, name="", root=code[:2], quad_class=None, goldstein=None, codebook=None)
        ec = lookup_event_code(code, where)
        return cls(code=ec.code, name=ec.name, root=ec.root, quad_class=ec.quad_class, goldstein=ec.goldstein)

    def __attrs_post_init__(self) -> None:
        if self.codebook is None:
            return
        if self.codebook != "CAMEO":
            raise RecordError(f"unknown codebook {self.codebook!r} (CAMEO, or None for codes outside any codebook)")
        ec = lookup_event_code(self.code)
        if self.root != ec.root or self.quad_class != ec.quad_class:
            raise RecordError(f"action {self.code}: root/QuadClass do not agree with the codebook")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _action, _ACTION_FIELDS(self)

    @property
    def penta_class(self) -> int | None:
        """PentaClass 0-4 by root range (01-02, 03-05, 06-08, 09-13, 14-20)."""
        if self.codebook is None:
            return None
        return lookup_event_code(self.code).quad_classes["penta_roots"]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Action:
        """Read back what :meth:`to_dict` wrote."""
        return cls(**data)


@attrs.frozen(slots=True)
class Place:
    """A place named in text, resolved in a gazetteer."""

    name: str
    country: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    feature: str | None = None
    """``country``, ``admin1``, ``city``, ``region`` (territories, seas, world regions), or None for a place
    named by construction ("the village of X") that the gazetteer does not know."""
    text: str = ""
    start: int | None = attrs.field(default=None, validator=_offsets)
    end: int | None = attrs.field(default=None, validator=_offsets)

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _place, _PLACE_FIELDS(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        """Read back what :meth:`to_dict` wrote."""
        return cls(**data)


@attrs.frozen(slots=True)
class DateMention:
    """A date expression found in text, resolved to a calendar date."""

    text: str
    start: int = attrs.field(validator=_offsets)
    end: int = attrs.field(validator=_offsets)
    value: dt.date | None
    precision: Precision = "day"

    def __attrs_post_init__(self) -> None:
        _check_span(self)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _date_mention, _DATE_MENTION_FIELDS(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        d = attrs.asdict(self)
        d["value"] = self.value.isoformat() if self.value else None
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        """Read back what :meth:`to_dict` wrote."""
        return cls(**{**data, "value": to_date(data.get("value"))})


@attrs.frozen(slots=True)
class Evidence:
    """Why an event was coded: the words and the dictionary entries behind it."""

    verb_text: str
    verb_start: int
    verb_end: int
    pattern: str
    """The verb pattern that matched, as written in its dictionary."""
    pattern_source: str
    """Where the pattern is defined: ``file:line``."""
    actor_source: str | None = None
    """Dictionary entry (``file:line``) of the source actor."""
    target_source: str | None = None
    notes: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    """Grammar rules that applied: ``passive``, ``intent``, ``compound``, ``pronoun``, ``reported`` ..."""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _evidence, _EVIDENCE_FIELDS(self)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        d = attrs.asdict(self)
        d["notes"] = list(self.notes)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        """Read back what :meth:`to_dict` wrote."""
        return cls(**{**data, "notes": tuple(data.get("notes") or ())})


DateSource = Literal["text", "publication"]


@attrs.frozen(slots=True)
class Event:
    """One coded event: source actor, action, target actor, when, where, and the evidence."""

    actor: Actor | None
    action: Action
    target: Actor | None
    sentence: str
    sentence_start: int = 0
    date: dt.date | None = None
    date_source: DateSource | None = None
    """``text`` when a date expression in the sentence gave the date, ``publication`` when it is the document's."""
    date_mention: DateMention | None = None
    location: Place | None = None
    doc_id: str | None = None
    headline: bool = False
    evidence: Evidence | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _event, _EVENT_FIELDS(self)

    @property
    def dyad(self) -> tuple[str | None, str | None]:
        """(source code, target code)."""
        return (
            self.actor.code if self.actor is not None else None,
            self.target.code if self.target is not None else None,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict, as described by ``schemas/event.schema.json``."""
        return {
            "doc_id": self.doc_id,
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source,
            "date_mention": self.date_mention.to_dict() if self.date_mention else None,
            "actor": self.actor.to_dict() if self.actor else None,
            "action": self.action.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "headline": self.headline,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Read back what :meth:`to_dict` wrote."""

        def opt(kind: Any, key: str) -> Any:
            v = data.get(key)
            return kind.from_dict(v) if v is not None else None

        return cls(
            actor=opt(Actor, "actor"),
            action=Action.from_dict(data["action"]),
            target=opt(Actor, "target"),
            sentence=data["sentence"],
            sentence_start=data.get("sentence_start", 0),
            date=to_date(data.get("date")),
            date_source=data.get("date_source"),
            date_mention=opt(DateMention, "date_mention"),
            location=opt(Place, "location"),
            doc_id=data.get("doc_id"),
            headline=bool(data.get("headline", False)),
            evidence=opt(Evidence, "evidence"),
        )


@attrs.frozen(slots=True)
class Document:
    """An article (or any text) to code, with its metadata."""

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    id: str | None = None
    date: dt.date | None = attrs.field(default=None, converter=to_date)
    source: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {
            "id": self.id,
            "text": self.text,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "url": self.url,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """A document from a dict with ``text`` and optional ``id``, ``date``, ``source``, ``url``."""
        if "text" not in data or not isinstance(data["text"], str):
            raise InputError("record has no text", field="text")
        return cls(
            text=data["text"],
            id=None if data.get("id") is None else str(data["id"]),
            date=data.get("date"),
            source=data.get("source"),
            url=data.get("url"),
        )


# -- records from values already checked --------------------------------------------------------------------
# The library makes many records from values it has already checked (codes from its compiled dictionaries,
# offsets of tokens), and unpickling remakes records that were checked when first made. The functions below
# give the same records as the constructors, without their conversions and checks: a new object whose slots are
# set one by one from the field values in constructor order. Pickling reduces a record to its function and that
# tuple (its ``*_FIELDS`` getter), which dumps and loads in under half the time of attrs' default state dicts.
# The records made most often (actors, events, their evidence) have hand-written functions, twice as fast as the
# generic loop of :func:`_builder`; ``tests/test_records.py`` checks every function against its constructor.

_new = object.__new__
_setattr = object.__setattr__


def _builder(cls: type[R], name: str) -> Callable[..., R]:
    """The function ``name`` (pickle finds it by that name in this module) making ``cls`` records."""
    names = tuple(f.name for f in attrs.fields(cls))

    def build(*values: Any) -> R:
        obj = _new(cls)
        any(map(_setattr, repeat(obj), names, values))  # object.__setattr__ returns None: sets every field
        return obj

    build.__name__ = build.__qualname__ = name
    return build


def _fields(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """A record's field values in constructor order."""
    return operator.attrgetter(*(f.name for f in attrs.fields(cls)))


def _setters(cls: type, names: str) -> list[Callable[[object, object], None]]:
    """The slot setters of ``cls``'s fields (``names``: all of them, in constructor order)."""
    if names.split() != [f.name for f in attrs.fields(cls)]:
        raise AssertionError(f"{cls.__name__}'s fields are not {names}")
    return [cls.__dict__[n].__set__ for n in names.split()]


_action = _builder(Action, "_action")
_place = _builder(Place, "_place")
_date_mention = _builder(DateMention, "_date_mention")
_ACTOR_FIELDS = _fields(Actor)
_ACTION_FIELDS = _fields(Action)
_PLACE_FIELDS = _fields(Place)
_DATE_MENTION_FIELDS = _fields(DateMention)
_EVIDENCE_FIELDS = _fields(Evidence)
_EVENT_FIELDS = _fields(Event)

_a_code, _a_country, _a_sectors, _a_name, _a_text, _a_start, _a_end = _setters(
    Actor, "code country sectors name text start end")


def _actor(code: str | None, country: str | None, sectors: tuple[str, ...], name: str | None, text: str,
           start: int | None, end: int | None) -> Actor:
    obj = _new(Actor)
    _a_code(obj, code)
    _a_country(obj, country)
    _a_sectors(obj, sectors)
    _a_name(obj, name)
    _a_text(obj, text)
    _a_start(obj, start)
    _a_end(obj, end)
    return obj


_v_text, _v_start, _v_end, _v_pattern, _v_source, _v_actor_source, _v_target_source, _v_notes = _setters(
    Evidence, "verb_text verb_start verb_end pattern pattern_source actor_source target_source notes")


def _evidence(verb_text: str, verb_start: int, verb_end: int, pattern: str, pattern_source: str,
              actor_source: str | None, target_source: str | None, notes: tuple[str, ...]) -> Evidence:
    obj = _new(Evidence)
    _v_text(obj, verb_text)
    _v_start(obj, verb_start)
    _v_end(obj, verb_end)
    _v_pattern(obj, pattern)
    _v_source(obj, pattern_source)
    _v_actor_source(obj, actor_source)
    _v_target_source(obj, target_source)
    _v_notes(obj, notes)
    return obj


(_e_actor, _e_action, _e_target, _e_sentence, _e_sentence_start, _e_date, _e_date_source, _e_date_mention,
 _e_location, _e_doc_id, _e_headline, _e_evidence) = _setters(
    Event, "actor action target sentence sentence_start date date_source date_mention location doc_id headline"
    " evidence")


def _event(actor: Actor | None, action: Action, target: Actor | None, sentence: str, sentence_start: int,
           date: dt.date | None, date_source: DateSource | None, date_mention: DateMention | None,
           location: Place | None, doc_id: str | None, headline: bool, evidence: Evidence | None) -> Event:
    obj = _new(Event)
    _e_actor(obj, actor)
    _e_action(obj, action)
    _e_target(obj, target)
    _e_sentence(obj, sentence)
    _e_sentence_start(obj, sentence_start)
    _e_date(obj, date)
    _e_date_source(obj, date_source)
    _e_date_mention(obj, date_mention)
    _e_location(obj, location)
    _e_doc_id(obj, doc_id)
    _e_headline(obj, headline)
    _e_evidence(obj, evidence)
    return obj
