"""Dates and places attached to events."""

from __future__ import annotations

import datetime as dt

import eventcode
from eventcode.grammar._where import DATE_TRIGGERS
from eventcode.mentions.dates import default_finder
from eventcode.text import tokenize

_DATE_SENTENCES = [
    "Rebels attacked the town on Tuesday night.",
    "The talks resumed on 31 May 2018 in Doha.",
    "The envoy arrived yesterday morning and left this afternoon.",
    "Troops withdrew last week, two days ago, or early next month.",
    "Fighting eased over Christmas and on Thanksgiving Day in 2016.",
    "The ministers met on 2020-03-01 and again in late February.",
    "Clashes over the past 24 hours killed six, officials said this evening.",
]


def test_date_pre_check_never_hides_a_date() -> None:
    """Every date the finder resolves contains a trigger word or a digit, so the fast pre-check is safe."""
    finder = default_finder()
    for text in _DATE_SENTENCES:
        mentions = finder.find(text, 0, len(text), dt.date(2021, 3, 3))
        assert mentions, text
        for m in mentions:
            assert any(t.norm in DATE_TRIGGERS or t.norm[:1].isdigit() for t in tokenize(text, m.start, m.end)), m


def test_event_date_from_text_or_publication() -> None:
    """An event takes the sentence's date expression, else the publication date; never today's date."""
    (e,) = eventcode.code("Germany invaded France on Tuesday.", date="2021-03-04")
    assert (e.date, e.date_source) == (dt.date(2021, 3, 2), "text")
    assert e.date_mention is not None and e.date_mention.text == "Tuesday"
    (e,) = eventcode.code("Germany invaded France.", date="2021-03-04")
    assert (e.date, e.date_source) == (dt.date(2021, 3, 4), "publication")
    (e,) = eventcode.code("Germany invaded France on Tuesday.")
    assert e.date is None and e.date_source is None


def test_event_location_attached_to_clause() -> None:
    """A place after 'in' in the event's clause is its location."""
    evs = eventcode.code("Afghan forces attacked Taliban fighters in Helmand province on Monday.", date="2021-03-03")
    assert evs and evs[0].location is not None and evs[0].location.country == "AFG"


def test_explain_shows_each_events_date_and_location() -> None:
    """explain() says which date and which place each event took, and the words they came from."""
    import eventcode

    text = str(eventcode.explain("Police in Kabul arrested two men on Monday, officials said.", date="2021-01-06"))
    assert "date 2021-01-04 (from 'Monday'); location Kabul (from 'Kabul')" in text
    text = str(eventcode.explain("Germany invaded France.", date="2021-01-06"))
    assert "date 2021-01-06 (publication date)" in text
