"""When and where: the sentence's date and the event's place, from the mention finders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from eventcode.mentions._calendar import MONTH_ABBREVIATIONS, NAMED_DAYS_AND_MONTHS, WEEKDAY_ABBREVIATIONS
from eventcode.records import DateMention, Place
from eventcode.text import Token

__all__ = ["DATE_TRIGGERS", "event_location", "sentence_date", "sentence_places"]


_RELATIVE = ("yesterday today tomorrow tonight week weekend weeks month months year years decade decades day days "
             "hours christmas easter halloween valentine eve boxing thanksgiving morning afternoon evening night "
             "noon midnight")
DATE_TRIGGERS = NAMED_DAYS_AND_MONTHS | frozenset(MONTH_ABBREVIATIONS) | WEEKDAY_ABBREVIATIONS | frozenset(
    _RELATIVE.split())
"""Words without which a sentence holds no date expression the date finder resolves (a fast pre-check)."""


def sentence_date(text: str, start: int, end: int, day: dt.date | None, tokens: Sequence[Token] = ()
                  ) -> DateMention | None:
    """The first resolved date expression in the sentence, if any.

    With the sentence's tokens, a sentence with no digit and no date word is skipped without running the
    date finder.
    """
    windows: list[tuple[int, int]] | None = None
    if tokens:
        # Every date expression holds a date word or a number: scan only around those (an expression starts
        # at most _BEFORE tokens before its date word and ends at most _AFTER tokens after it).
        last = len(tokens) - 1
        windows = []
        for k, t in enumerate(tokens):
            norm = t.norm
            if norm in DATE_TRIGGERS or norm[:1].isdigit():
                a = tokens[k - _BEFORE if k > _BEFORE else 0].start
                b = tokens[k + _AFTER if k + _AFTER < last else last].end
                if windows and a <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], b)
                else:
                    windows.append((a, b))
        if not windows:
            return None
    from eventcode.mentions import dates

    return dates.default_finder().first(text, start, end, day, windows=windows)


_BEFORE = 7
_AFTER = 4


def sentence_places(text: str, start: int, end: int) -> list[Place]:
    """Places named in the sentence."""
    from eventcode.mentions import places

    return places.default_gazetteer().find(text, start, end)


def event_location(text: str, s_start: int, s_end: int, v_start: int, v_end: int, found: list[Place],
                   tokens: list[Token] | None = None, verbal: bool = False) -> Place | None:
    """The place attached to the event's clause.

    ``tokens``, when given, are the sentence's (``tokenize(text, s_start, s_end)``): they are reused instead of
    tokenizing the window again. ``verbal``: the event is a statement (see :func:`location.attach`).
    """
    # Look only at a window around the verb: the place attached to a clause is near it, and the cost of a
    # sentence with many events stays linear.
    a = max(s_start, v_start - _WINDOW)
    b = min(s_end, v_end + _WINDOW)
    near = [p for p in found if p.start is not None and p.end is not None and a <= p.start and p.end <= b]
    if not near:
        return None
    from eventcode.mentions import location

    window = location.window_tokens(text, tokens, s_start, s_end, a, b) if tokens is not None else None
    return location.attach(text, a, b, v_start, v_end, near, window, verbal)


_WINDOW = 250
