"""eventcode: political event data from news text.

Who did what to whom, when and where, coded in CAMEO::

    >>> import eventcode
    >>> [e.action.root for e in eventcode.code("Germany invaded France.")]
    ['19']

``code()`` uses a default :class:`Coder` with the built-in dictionaries, built once on first use.
"""

from __future__ import annotations

import datetime as dt
import threading

from eventcode._compiled import compiled_modules
from eventcode.analysis import CountRow, CountTable, counts, one_a_day
from eventcode.batch import Result, Summary, code_documents, code_partition
from eventcode.coder import Coder
from eventcode.errors import (
    CodebookError,
    DictionaryError,
    EventcodeError,
    InputError,
    RecordError,
    UnknownCodeError,
)
from eventcode.grammar import Explanation
from eventcode.records import Action, Actor, DateMention, Document, Event, Evidence, Place

__version__ = "0.1.0"

__all__ = [
    "Action",
    "Actor",
    "CodebookError",
    "Coder",
    "CountRow",
    "CountTable",
    "DateMention",
    "DictionaryError",
    "Document",
    "Event",
    "EventcodeError",
    "Evidence",
    "Explanation",
    "InputError",
    "Place",
    "RecordError",
    "Result",
    "Summary",
    "UnknownCodeError",
    "__version__",
    "code",
    "code_documents",
    "code_partition",
    "compiled_modules",
    "counts",
    "default_coder",
    "explain",
    "find_actors",
    "find_dates",
    "find_places",
    "one_a_day",
]

_default: Coder | None = None
_default_lock = threading.Lock()


def default_coder() -> Coder:
    """The shared coder behind :func:`code` (built-in dictionaries, default options)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Coder()
    return _default


def code(text: str, *, date: dt.date | dt.datetime | str | None = None, doc_id: str | None = None) -> list[Event]:
    """Code ``text`` (a sentence, headline or article) into events with the default coder.

    ``date`` is the publication date (``datetime.date``, ``datetime.datetime`` or ISO string).
    """
    return default_coder().code(text, date=date, doc_id=doc_id)


def explain(text: str, *, date: dt.date | dt.datetime | str | None = None) -> Explanation:
    """Why each event in ``text`` was or was not coded (``print()`` it)."""
    return default_coder().explain(text, date=date)


def find_actors(text: str, *, date: dt.date | dt.datetime | str | None = None) -> list[Actor]:
    """Actor mentions in ``text`` with their codes on ``date``; offsets are into ``text``."""
    from eventcode.mentions.actors import find_actors as _find

    return _find(default_coder(), text, date)


def find_dates(text: str, *, reference: dt.date | dt.datetime | str | None = None) -> list[DateMention]:
    """Date expressions in ``text``, resolved against the publication date ``reference``."""
    from eventcode.mentions.dates import find_dates as _find

    return _find(text, reference=reference)


def find_places(text: str) -> list[Place]:
    """Places named in ``text`` (countries, provinces, cities), resolved in the gazetteer."""
    from eventcode.mentions.places import find_places as _find

    return _find(text)
