"""Hypothesis strategies for eventcode's records, kept in one place."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from eventcode.codebook import all_event_codes
from eventcode.records import Action, Actor, DateMention, Event, Evidence, Place

_CODES = [c.code for c in all_event_codes()]
_ACTOR_CODES = ["USA", "AFGGOV", "AFGINS", "USAMIL", "IGOUNO", "---INS", "RUSGOV", "GBR", "IRNGOV", "CHNMIL"]

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 200)).map(lambda t: (t[0], t[0] + t[1]))


@st.composite
def actors(draw: st.DrawFn) -> Actor:
    """An Actor record, coded or not."""
    from eventcode.grammar._assemble import actor_record

    code = draw(st.one_of(st.none(), st.sampled_from(_ACTOR_CODES)))
    s, e = draw(spans)
    return actor_record(code, draw(st.one_of(st.none(), texts)), draw(texts), s, e)


actions = st.sampled_from(_CODES).map(Action.from_code)


@st.composite
def places(draw: st.DrawFn) -> Place:
    """A Place record."""
    s, e = draw(spans)
    return Place(
        name=draw(texts),
        country=draw(st.one_of(st.none(), st.sampled_from(["AFG", "USA", "PAK"]))),
        admin1=draw(st.one_of(st.none(), texts)),
        latitude=draw(st.one_of(st.none(), st.floats(-90, 90))),
        longitude=draw(st.one_of(st.none(), st.floats(-180, 180))),
        geonames_id=draw(st.one_of(st.none(), st.integers(1, 10**8))),
        feature=draw(st.sampled_from([None, "country", "admin1", "city"])),
        text=draw(texts),
        start=s,
        end=e,
    )


dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))


@st.composite
def date_mentions(draw: st.DrawFn) -> DateMention:
    """A DateMention record."""
    s, e = draw(spans)
    return DateMention(draw(texts), s, e, draw(st.one_of(st.none(), dates)),
                       draw(st.sampled_from(["day", "month", "year"])))


@st.composite
def evidence(draw: st.DrawFn) -> Evidence:
    """An Evidence record."""
    s, e = draw(spans)
    return Evidence(draw(texts), s, e, draw(texts), draw(texts), draw(st.one_of(st.none(), texts)),
                    draw(st.one_of(st.none(), texts)), draw(st.lists(texts, max_size=3)))


@st.composite
def events(draw: st.DrawFn) -> Event:
    """An Event record."""
    return Event(
        actor=draw(st.one_of(st.none(), actors())),
        action=draw(actions),
        target=draw(st.one_of(st.none(), actors())),
        sentence=draw(texts),
        sentence_start=draw(st.integers(0, 10**6)),
        date=draw(st.one_of(st.none(), dates)),
        date_source=draw(st.sampled_from([None, "text", "publication"])),
        date_mention=draw(st.one_of(st.none(), date_mentions())),
        location=draw(st.one_of(st.none(), places())),
        doc_id=draw(st.one_of(st.none(), texts)),
        headline=draw(st.booleans()),
        evidence=draw(st.one_of(st.none(), evidence())),
    )
