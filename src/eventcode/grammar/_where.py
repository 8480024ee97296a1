"""When and where: the sentence's date and the event's place, from the mention finders."""

from __future__ import annotations

import datetime as dt

from eventcode.records import DateMention, Place

__all__ = ["event_location", "sentence_date", "sentence_places"]


def sentence_date(text: str, start: int, end: int, day: dt.date | None) -> DateMention | None:
    """The first resolved date expression in the sentence, if any."""
    try:
        from eventcode.mentions import dates
    except ImportError:  # pragma: no cover - during development only
        return None
    for m in dates.default_finder().find(text, start, end, day):
        if m.value is not None:
            return m
    return None


def sentence_places(text: str, start: int, end: int) -> list[Place]:
    """Places named in the sentence."""
    try:
        from eventcode.mentions import places
    except ImportError:  # pragma: no cover - during development only
        return []
    return places.default_gazetteer().find(text, start, end)


def event_location(text: str, s_start: int, s_end: int, v_start: int, v_end: int, found: list[Place]
                   ) -> Place | None:
    """The place attached to the event's clause."""
    from eventcode.mentions import places

    # Look only at a window around the verb: the place attached to a clause is near it, and the cost of a
    # sentence with many events stays linear.
    a = max(s_start, v_start - _WINDOW)
    b = min(s_end, v_end + _WINDOW)
    near = [p for p in found if p.start is not None and p.end is not None and a <= p.start and p.end <= b]
    if not near:
        return None
    return places.event_location(text, a, b, v_start, v_end, near)


_WINDOW = 250
