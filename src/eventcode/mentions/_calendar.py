"""The names of months and weekdays, for the date finder and for the rules that must not take them for places.

One table, so that the date finder, the place finder and the event-location rules agree on what a date word is.
"""

from __future__ import annotations

from typing import Final

__all__ = ["MONTHS", "MONTH_ABBREVIATIONS", "NAMED_DAYS_AND_MONTHS", "WEEKDAYS", "WEEKDAY_ABBREVIATIONS"]

MONTHS: Final = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
"""Month name -> number."""
MONTH_ABBREVIATIONS: Final = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
"""Abbreviated month name -> number ("May" has no abbreviation)."""
WEEKDAYS: Final = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
"""Weekday name -> number (Monday 0, as :meth:`datetime.date.weekday`)."""
WEEKDAY_ABBREVIATIONS: Final = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
NAMED_DAYS_AND_MONTHS: Final = frozenset(WEEKDAYS) | frozenset(MONTHS)
"""The weekdays' and months' full names."""
