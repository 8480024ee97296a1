"""Typed records: validation, immutability, JSON round trips."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcode.errors import InputError, RecordError, UnknownCodeError
from eventcode.records import Action, Actor, Document, Event, to_date
from tests import strategies as s


@given(s.events())
def test_event_round_trip(event: Event) -> None:
    """Event.to_dict() is JSON-ready and from_dict() reads it back equal."""
    data = json.loads(json.dumps(event.to_dict()))
    assert Event.from_dict(data) == event


@given(s.events())
def test_events_pickle(event: Event) -> None:
    """Events pickle (they travel to worker processes)."""
    assert pickle.loads(pickle.dumps(event)) == event


_ANY_RECORD = st.one_of(s.actors(), s.actions, s.places(), s.date_mentions(), s.evidence(), s.events())


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
@given(record=_ANY_RECORD)
def test_every_record_pickles(protocol: int, record: object) -> None:
    """Every record type pickles back to an equal record of its type, at every pickle protocol."""
    back = pickle.loads(pickle.dumps(record, protocol))
    assert type(back) is type(record)
    assert back == record and hash(back) == hash(record)
    assert attrs.astuple(back, recurse=False) == attrs.astuple(record, recurse=False)  # type: ignore[arg-type]


@given(_ANY_RECORD)
def test_unchecked_builders_match_constructors(record: object) -> None:
    """The unchecked builders records reduce to (for pickling, and the coder's own records) give the records
    the constructors give from the same field values."""
    build, values = record.__reduce__()  # type: ignore[misc]
    assert values == attrs.astuple(record, recurse=False)  # type: ignore[arg-type]
    built = build(*values)
    assert type(built) is type(record) and built == type(record)(*values)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.start = 1


def test_action_from_code_fills_codebook_fields() -> None:
    """An Action built from a code carries name, root, QuadClass and Goldstein."""
    a = Action.from_code("0332")
    assert (a.code, a.root, a.quad_class, a.goldstein) == ("0332", "03", 1, 5.2)
    assert a.penta_class == 1


def test_action_rejects_inconsistent_fields() -> None:
    """An Action whose QuadClass disagrees with its code is refused."""
    with pytest.raises(RecordError):
        Action(code="190", name="x", root="19", quad_class=1, goldstein=-10.0)
    with pytest.raises(UnknownCodeError):
        Action.from_code("999")


def test_actor_validates_code_and_span() -> None:
    """Actors refuse malformed codes and spans that end before they start."""
    with pytest.raises(RecordError, match="3-letter"):
        Actor(code="usa-gov", text="x")
    with pytest.raises(RecordError):
        Actor(code="USA", text="x", start=5, end=2)


def test_records_are_frozen() -> None:
    """Records cannot be changed in place."""
    a = Actor(code="USA", country="USA", text="US", start=0, end=2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.code = "IRN"  # type: ignore[misc]


def test_to_date_accepts_date_datetime_and_iso() -> None:
    """Publication dates may be dates, datetimes or ISO strings; anything else is a clear error."""
    d = dt.date(2021, 3, 24)
    assert to_date(d) == d
    assert to_date(dt.datetime(2021, 3, 24, 10, 5)) == d
    assert to_date("2021-03-24") == d
    assert to_date("2021-03-24T10:00:00Z") == d
    assert to_date(None) is None
    with pytest.raises(InputError, match="not an ISO date"):
        to_date("next Tuesday")
    with pytest.raises(InputError, match="expected a date"):
        to_date(20210324)


def test_document_from_dict() -> None:
    """Documents read from dicts name the missing field when text is absent."""
    doc = Document.from_dict({"id": 7, "text": "x", "date": "2020-01-02"})
    assert doc.id == "7" and doc.date == dt.date(2020, 1, 2)
    with pytest.raises(InputError, match="text"):
        Document.from_dict({"id": 1})
