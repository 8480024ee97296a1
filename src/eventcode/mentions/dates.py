"""Finding date expressions in news text and resolving them against the publication date.

One compiled regular expression (built once, no nested quantifiers) finds absolute dates ("May 24",
"31 May 2018", "Sept. 30, 1998", "2018-05-31", "March 2018", "in March", "in 2016", "the 1990s") and relative
ones ("Wednesday", "last Friday", "Tuesday night", "yesterday", "today", "two days ago", "last week",
"earlier this month", "early next month", "late last year", "the past 24 hours", "Christmas"). Each mention
gets a :class:`~eventcode.records.DateMention` whose ``value`` is a ``datetime.date`` and whose ``precision``
says how much of it the text gave:

* ``day``: the day itself. A **week** ("last week", "this week", "earlier this week") resolves to its
  Monday with precision ``day`` (weeks start on Monday, as in ISO 8601), a **weekend** to its Saturday.
* ``month``: the first of the month ("in March", "last month", "late February", "two months ago").
* ``year``: the 1st of January ("in 2016", "last year", "a year ago").

How relative expressions are resolved against the publication date ``reference``:

* A bare weekday ("Wednesday", "on Tuesday", "early Friday", "Tuesday night") is the most recent such day,
  the publication day included, as in wire copy where "said Wednesday" in a story dated Wednesday is that
  day. It is the next such day (the publication day included) when the clause before it marks the future:
  ``will``, ``'ll``, ``shall``, ``going to``, ``due to``, ``expected to``, ``plans to``, ``planned``,
  ``scheduled``, ``set to``, ``to be held``, ``upcoming``, ``as early as``, and no reporting or past verb
  ("said", "told", "was") comes between that word and the weekday. ``would`` is not a marker: in reported
  speech ("said he would visit on Tuesday") it is as often past as future relative to the publication day.
  "last Tuesday" / "the previous Tuesday" is strictly before the publication day, "next Tuesday" / "this
  coming Tuesday" strictly after it. A holiday ("Christmas", "Thanksgiving") is resolved like a month-day.
* A month and day without a year ("May 24") takes the year that puts it nearest the publication date, with
  future dates counted as twice as far (news mostly reports the past); with a future marker, the first such
  day on or after the publication date. A month alone ("in March") is resolved the same way by months.
* Without a reference, relative expressions and month-days without a year get ``value=None`` (never today's
  date); absolute dates with a year still resolve.
* Some expressions are found but not resolved (``value=None``): decades ("the 1990s"), spans ("the past
  few days", "the past year") and anaphoric ones ("two days later", "a year earlier").

False positives avoided: "may" the modal and "march" the noun or verb (a month name must be capitalised;
a bare "May" or "March" needs a preposition or modifier before it: "in May", "since March", "early May"),
newspapers and named days ("Sunday Times", "Bloody Sunday", "Good Friday"), numbers that are not years
("2,000 troops", "$2000", "2000 troops": a bare year needs "in", "since", "by", "during", ... before it),
and "the 24-hour news cycle".

dateparser is used only to read a ``reference`` given as a free-form string (cached); the scan itself is
regular expressions and tables.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
from collections.abc import Iterator, Sequence
from typing import Final

from eventcode.mentions._calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from eventcode.records import DateMention, Precision

__all__ = ["DateFinder", "default_finder", "find_dates", "to_reference"]

_MONTHS: Final = MONTHS
_ABBR: Final = MONTH_ABBREVIATIONS
_WEEKDAYS: Final = WEEKDAYS
_NUMBERS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "a couple of": 2, "couple of": 2,
}  # fmt: skip


def _cased(words: list[str]) -> str:
    """Title-case and upper-case spellings of words, longest first (month names must be capitalised)."""
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return "|".join(sorted(forms, key=lambda s: (-len(s), s)))


_MON_FULL = _cased(list(_MONTHS))
# An abbreviation takes an optional dot; "May" has none. Full names come first so "Sept" does not cut "September".
_MON = rf"(?:{_MON_FULL}|(?:{_cased(list(_ABBR))})\.?)"
_WD = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DAY = r"(?<![\d,.$£€])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[:,.]\d)"
_YEAR = r"(?<![\d,.$£€])(?:1[89]\d\d|20\d\d)(?!\d|[,.]\d)"
_MOD = r"(?i:early|late|mid|earlier|later|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+middle\s+of|the\s+start\s+of|start\s+of)"  # noqa: E501
_NUM = r"(?i:\d{1,3}|a\s+couple\s+of|couple\s+of|a\s+few|few|several|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"  # noqa: E501
_PART = r"(?i:morning|afternoon|evening|night)"
_PAPERS = r"Times|Telegraph|Express|Mirror|Herald|Tribune|Post|Observer|Mail|Independent|Star|People|Sport|Business|Magazine|Review|Edition|School|Service|Mass|Prayers?"  # noqa: E501
_NAMED_DAY = tuple(f"{w} " for w in (
    "Bloody", "Good", "Black", "Ash", "Palm", "Easter", "Super", "Holy", "Cyber", "Maundy", "Orthodox"))
"""Words that make a weekday after them a named day ("Good Friday"), each with its following space."""

_UNITS = "day|week|month|year|decade"
# The first word of every expression, with what must follow it (after white space) where that is narrow enough to
# reject most occurrences of a common word ("the", "a", "one"); an empty entry needs only the word's end. The
# look-ahead built from it (see _gate) must accept every start the alternatives of _PATTERN accept: a new
# alternative, modifier or number word that can open an expression needs its word here.
_STARTS: Final = {
    **dict.fromkeys([*_WEEKDAYS, *_MONTHS, *_ABBR], ""),
    **dict.fromkeys(
        "early late mid earlier later end beginning start last next this coming past previous following christmas "
        "thanksgiving halloween boxing valentine yesterday today tomorrow tonight".split(), ""),
    **dict.fromkeys(
        "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty several few".split(),
        _UNITS),
    "the": r"\d|end|beginning|middle|start|day|previous|following|past|last|coming|week|month|year|early|late|mid",
    "a": rf"couple|few|{_UNITS}", "an": _UNITS, "couple": "of", "new": "year",
}  # fmt: skip


# A number starts an expression as a year ("2018", "1990s", "2018-05-31"), or as a day or count before a month
# ("31 May", "1st of June") or a unit ("10 days ago").
_NUMBER_START = rf"(?:1[89]|20)\d\d|\d{{1,3}}(?:st|nd|rd|th)?\s+(?i:of\s+)?(?:[A-Z]|(?i:{_UNITS}))"


def _gate() -> str:
    """Look-aheads for the start of an expression: a number as in :data:`_NUMBER_START`, a non-ASCII letter (left
    to the full pattern) or a word of :data:`_STARTS`, grouped by first letter so that the engine rejects a word
    on its first character; the first look-ahead, one character class, rejects most word starts at once."""
    by_first: dict[str, list[str]] = {}
    for word, follow in _STARTS.items():
        by_first.setdefault(word[0], []).append(word[1:] + (rf"\s+(?:{follow})" if follow else r"\b"))
    branches = [_NUMBER_START, r"[^\x00-\x7f]"] + [
        f"[{c}{c.upper()}](?i:{'|'.join(sorted(rests, key=lambda r: (-len(r), r)))})"
        for c, rests in sorted(by_first.items())]
    first = "".join(c + c.upper() for c in sorted(by_first))
    return rf"(?=[\d{first}\x80-\U0010ffff])(?={'|'.join(branches)})"


# Every expression starts at a word boundary: the leading ``\b`` fails fast inside words, and the look-aheads
# (a superset of the first words the alternatives accept) fail fast on the other words, most of the cost.
_PATTERN = re.compile(
    rf"""\b{_gate()}(?:
      (?P<iso>(?<![\d-])(?P<iso_y>(?:1[89]|20)\d\d)-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\d-]))
    | (?P<md>(?:(?P<md_wd>{_WD}),?\s+)?(?P<md_mon>{_MON})\s(?P<md_day>{_DAY})(?:,?\s(?P<md_year>{_YEAR}))?)\b
    | (?P<dm>(?:(?P<dm_wd>{_WD}),?\s+)?(?:the\s)?(?P<dm_day>{_DAY})(?:\sof)?\s(?P<dm_mon>{_MON})
             (?:,?\s(?P<dm_year>{_YEAR}))?)\b
    | (?P<my>(?:(?P<my_mod>{_MOD})[\s-])?(?P<my_mon>{_MON}),?\s(?:of\s)?(?P<my_year>{_YEAR}))\b
    | (?P<hol>(?:(?P<hol_rel>(?i:last|next|this))\s)?(?P<hol_name>Christmas\sEve|Christmas\sDay|Christmas
             |New\sYear['’]s\sEve|New\sYear['’]s\sDay|Thanksgiving\sDay|Thanksgiving|Halloween|Boxing\sDay
             |Valentine['’]s\sDay))\b
    | (?P<mo>(?:(?P<mo_mod>{_MOD})[\s-])?(?:(?P<mo_rel>(?i:last|next|this|coming|past))\s)?
             (?P<mo_mon>{_MON_FULL}))\b(?![-’']\w)
    | (?P<rd>(?:(?P<rd_mod>(?i:early|late|earlier|later|the\s+day\s+before|the\s+day\s+after))\s)?
             (?<!USA\s)(?P<rd_word>(?i:yesterday|today|tomorrow|tonight))(?:\s(?P<rd_part>{_PART}))?)\b
    | (?P<pt>(?P<pt_which>(?i:this|last))\s(?P<pt_part>{_PART}))\b
    | (?P<wd>(?:(?P<wd_mod>(?i:last|next|this\s+coming|this\s+past|this|coming|past|the\s+previous
                                |the\s+following|previous|following|early|late|earlier|later))\s)?
             (?P<wd_day>{_WD})(?![-\w])(?!\s(?:{_PAPERS})\b)(?:['’]s\b)?(?:\s(?P<wd_part>{_PART})\b)?)
    | (?P<ago>(?P<ago_n>{_NUM})\s(?P<ago_unit>(?i:days?|weeks?|months?|years?|decades?))
             \s(?P<ago_dir>(?i:ago|earlier|later|before|after|from\s+now)))\b
    | (?P<hrs>(?i:(?:the\s)?(?:past|last|previous)\s(?:24|twenty-four)\shours))\b
    | (?P<rel>(?:(?P<rel_mod>(?i:early|late|earlier|later|mid|the\s+end\s+of|end\s+of|the\s+beginning\s+of
                                |beginning\s+of|the\s+start\s+of|start\s+of|the\s+middle\s+of))[\s-])?
             (?P<rel_which>(?i:last|next|this|the\s+past|the\s+coming|past|coming|the\s+previous|previous|the))
             \s(?P<rel_unit>(?i:week|weekend|month|year)))\b(?!-)
    | (?P<dec>(?i:the\s)?(?:(?i:early|late|mid)[\s-])?(?P<dec_y>(?:1[89]|20)\d0)['’]?s)\b
    | (?P<yr>(?:(?P<yr_mod>{_MOD})[\s-])?(?P<yr_year>{_YEAR}))\b(?!-\w)
    )""",
    re.VERBOSE,
)

_MONTH_CONTEXT: Final = frozenset(
    "in since by until till through throughout during before after from of between last next this early late "
    "mid and or to".split()
)
_STRICT_MONTH_CONTEXT: Final = frozenset(
    "in since by until till through throughout during before after from between early late mid".split()
)
_YEAR_CONTEXT: Final = frozenset(
    "in since by until till through throughout during before after from of between early late mid year "
    "fiscal spring summer autumn fall winter circa".split()
)
_YEAR_NOUNS: Final = frozenset(
    "election elections war attack attacks budget census summit olympics games campaign vote referendum "
    "uprising revolution coup invasion agreement accord deal ceasefire truce law constitution crisis "
    "earthquake flood floods report season presidential parliamentary general legislative local polls "
    "massacre bombing bombings riots protests genocide offensive treaty".split()
)
_FUTURE_WORDS = (r"will|shall|going\s+to|due\s+to|expected\s+to|plans?\s+to|planning\s+to|scheduled|set\s+to|"
                 r"to\s+be\s+held|upcoming|is\s+to|are\s+to|planned|planning|plans|intends?\s+to|as\s+(?:early|soon)\s+as")
# The same alternatives grouped by first letter (in their order), so that the engine rejects a word on its first
# character; a word starting with a non-ASCII letter (which may fold to an ASCII one) gets the whole list.
_FUTURE = re.compile(
    r"\b(?:[wW](?i:ill)|[sS](?i:hall|cheduled|et\s+to)|[gG](?i:oing\s+to)|[dD](?i:ue\s+to)|[eE](?i:xpected\s+to)"
    r"|[pP](?i:lans?\s+to|lanning\s+to|lanned|lanning|lans)|[tT](?i:o\s+be\s+held)|[uU](?i:pcoming)"
    r"|[iI](?i:s\s+to|ntends?\s+to)|[aA](?i:re\s+to|s\s+(?:early|soon)\s+as)"
    rf"|(?=[^\x00-\x7f])(?i:{_FUTURE_WORDS}))\b|['’](?i:ll)\b"
)
_FUTURE_HINTS: Final = ("to", "will", "shall", "scheduled", "plan", "upcoming", "early", "soon", "'ll")
"""A substring of every match of ``_FUTURE`` in lower-cased ASCII text (most clauses hold none: a few substring
searches then replace the regular expression's scan)."""
_PAST_REPORT = re.compile(
    r"\b(?:said|says|told|announced|reported|added|stated|confirmed|noted|declared|was|were|had|did)\b",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"[.!?;]\s|\n")
_WORD_BEFORE = re.compile(r"(\w+)[\s-]*$")
_WORD_AFTER = re.compile(r"\s*(['’]s\b|\w+)")


def _month_num(word: str) -> int:
    w = word.lower().rstrip(".")
    return _MONTHS.get(w) or _ABBR[w]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def _nearest_year(month: int, day: int, ref: dt.date, future: bool) -> dt.date | None:
    """The year for a month-day: nearest the reference, future dates counted twice as far."""
    cands = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day)) is not None]
    if not cands:
        return None
    if future:
        after = [d for d in cands if d >= ref]
        return min(after) if after else max(cands)

    def cost(d: dt.date) -> int:
        diff = (d - ref).days
        return 2 * diff if diff > 0 else -diff

    return min(cands, key=cost)


def _nearest_month(month: int, ref: dt.date, future: bool, rel: str | None) -> dt.date:
    """The year for a month alone, by the same rule as :func:`_nearest_year`, or by last/next/this."""
    here = ref.year * 12 + ref.month - 1
    cands = [(y, y * 12 + month - 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if rel == "this":
        return dt.date(ref.year, month, 1)
    if rel in ("last", "past"):
        y = max(y for y, k in cands if k < here)
    elif rel in ("next", "coming") or future:
        y = min(y for y, k in cands if k >= here + (rel is not None))
    else:
        y = min(cands, key=lambda c: 2 * (c[1] - here) if c[1] > here else here - c[1])[0]
    return dt.date(y, month, 1)


def _weekday(wd: int, ref: dt.date, mode: str) -> dt.date:
    """``mode``: ``past`` (on or before), ``before`` (strictly), ``future`` (on or after), ``after`` (strictly)."""
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if mode == "past":
        return ref - dt.timedelta(days=back)
    if mode == "before":
        return ref - dt.timedelta(days=back or 7)
    if mode == "future":
        return ref + dt.timedelta(days=fwd)
    return ref + dt.timedelta(days=fwd or 7)


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


_HOLIDAYS: Final = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
    "new year's day": (1, 1), "halloween": (10, 31), "boxing day": (12, 26), "valentine's day": (2, 14),
}  # fmt: skip


class DateFinder:
    """Finds and resolves date expressions; built once (see :func:`default_finder`), immutable, thread-safe."""

    __slots__ = ("_pattern",)

    def __init__(self) -> None:
        self._pattern = _PATTERN

    def __reduce__(self) -> tuple[type[DateFinder], tuple[()]]:
        return (DateFinder, ())

    def find(self, text: str, start: int = 0, end: int | None = None, reference: dt.date | None = None, *,
             windows: Sequence[tuple[int, int]] | None = None) -> list[DateMention]:
        """Date mentions in ``text[start:end]`` with offsets into ``text``, resolved against ``reference``.

        ``windows`` (sorted, disjoint spans inside ``start:end``) limits the scan to those spans, for a caller
        that knows where the date words are; context before a mention (future markers, a preposition) is still
        read back to ``start``.
        """
        return list(self._mentions(text, start, end, reference, windows))

    def first(self, text: str, start: int = 0, end: int | None = None, reference: dt.date | None = None, *,
              windows: Sequence[tuple[int, int]] | None = None) -> DateMention | None:
        """The first mention of :meth:`find` with a resolved ``value``, if any, found without scanning further
        (a mention's resolution depends only on the text and the mentions before it)."""
        for mention in self._mentions(text, start, end, reference, windows):
            if mention.value is not None:
                return mention
        return None

    def _mentions(self, text: str, start: int, end: int | None, reference: dt.date | None,
                  windows: Sequence[tuple[int, int]] | None) -> Iterator[DateMention]:
        if end is None:
            end = len(text)
        if isinstance(reference, dt.datetime):
            reference = reference.date()
        last_year_end = -100
        finditer = self._pattern.finditer
        resolve = self._resolve
        for a, b in ((start, end),) if windows is None else windows:
            for m in finditer(text, a, b):
                kind = m.lastgroup
                if kind is None:  # pragma: no cover - every alternative is a named group
                    continue
                got = resolve(kind, m, text, start, reference, last_year_end)
                if got is None:
                    continue
                value, precision, s, e = got
                if kind == "yr":
                    last_year_end = e
                yield DateMention(text=text[s:e], start=s, end=e, value=value, precision=precision)

    # -- resolving one match -------------------------------------------------------------------------------

    def _resolve(self, kind: str, m: re.Match[str], text: str, lo: int, ref: dt.date | None, last_year_end: int
                 ) -> tuple[dt.date | None, Precision, int, int] | None:
        s, e = m.span()
        g = m.group
        if kind == "iso":
            return _safe_date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))), "day", s, e
        if kind in ("md", "dm"):
            month = _month_num(g(kind + "_mon"))
            day = int(g(kind + "_day").rstrip("stndrh"))
            year = g(kind + "_year")
            if year is not None:
                return _safe_date(int(year), month, day), "day", s, e
            if ref is None:
                return None, "day", s, e
            return _nearest_year(month, day, ref, _future(text, lo, s)), "day", s, e
        if kind == "my":
            mod = g("my_mod")
            if mod is None and g("my_mon") in ("May", "MAY") and _prev_word(text, lo, s) in ("theresa", "prime"):
                return None
            return dt.date(int(g("my_year")), _month_num(g("my_mon")), 1), "month", s, e
        if kind == "mo":
            return self._month_only(m, text, lo, ref)
        if kind == "yr":
            return self._year_only(m, text, lo, last_year_end)
        if kind == "dec":
            return None, "year", s, e
        if kind == "hol":
            return self._holiday(m, text, lo, ref)
        if ref is None:
            return None, _RELATIVE_PRECISION.get(kind, "day"), s, e
        if kind == "rd":
            word = g("rd_word").lower()
            offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
            mod = (g("rd_mod") or "").lower()
            if mod.startswith("the day before"):
                offset -= 1
            elif mod.startswith("the day after"):
                offset += 1
            return ref + dt.timedelta(days=offset), "day", s, e
        if kind == "pt":
            if g("pt_which").lower() == "last":
                if g("pt_part").lower() != "night":
                    return None
                return ref - dt.timedelta(days=1), "day", s, e
            return ref, "day", s, e
        if kind == "wd":
            return self._weekday(m, text, lo, ref)
        if kind == "ago":
            return self._ago(m, ref)
        if kind == "hrs":
            return ref, "day", s, e
        if kind == "rel":
            return self._relative(m, text, lo, ref)
        return None  # pragma: no cover

    def _month_only(self, m: re.Match[str], text: str, lo: int, ref: dt.date | None
                    ) -> tuple[dt.date | None, Precision, int, int] | None:
        s, e = m.span()
        word = m.group("mo_mon")
        mod, rel = m.group("mo_mod"), m.group("mo_rel")
        if mod is None and rel is None:
            prev = _prev_word(text, lo, s)
            strict = word in ("May", "MAY", "March", "MARCH")
            if prev not in (_STRICT_MONTH_CONTEXT if strict else _MONTH_CONTEXT):
                return None
            nxt = _next_word(text, e)
            if strict and nxt and nxt[:1].isupper():
                return None
        month = _MONTHS[word.lower()]
        if ref is None:
            return None, "month", s, e
        rel_l = rel.lower() if rel else None
        return _nearest_month(month, ref, _future(text, lo, s), rel_l), "month", s, e

    def _year_only(self, m: re.Match[str], text: str, lo: int, last_year_end: int
                   ) -> tuple[dt.date | None, Precision, int, int] | None:
        s, e = m.span()
        year = int(m.group("yr_year"))
        if m.group("yr_mod") is None:
            prev = _prev_word(text, lo, s)
            nxt = _next_word(text, e)
            ok = (
                prev in _YEAR_CONTEXT
                or nxt in ("'s", "’s")
                or (prev in ("and", "or", "to") and 0 <= s - last_year_end <= 12)
                or (prev == "the" and nxt in _YEAR_NOUNS)
            )
            if not ok:
                return None
        return dt.date(year, 1, 1), "year", s, e

    def _holiday(self, m: re.Match[str], text: str, lo: int, ref: dt.date | None
                 ) -> tuple[dt.date | None, Precision, int, int] | None:
        s, e = m.span()
        if ref is None:
            return None, "day", s, e
        name = m.group("hol_name").replace("’", "'").lower()
        name = " ".join(name.split())
        rel = (m.group("hol_rel") or "").lower()
        future = rel == "next" or (rel != "last" and _future(text, lo, s))
        if name.startswith("thanksgiving"):
            cands = [_thanksgiving(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
            if rel == "last":
                return max(d for d in cands if d < ref), "day", s, e
            if future:
                return min(d for d in cands if d >= ref), "day", s, e
            return min(cands, key=lambda d: abs((d - ref).days)), "day", s, e
        month, day = _HOLIDAYS[name]
        if rel == "last":
            d = _safe_date(ref.year, month, day)
            if d is None or d >= ref:
                d = _safe_date(ref.year - 1, month, day)
            return d, "day", s, e
        return _nearest_year(month, day, ref, future), "day", s, e

    def _weekday(self, m: re.Match[str], text: str, lo: int, ref: dt.date
                 ) -> tuple[dt.date | None, Precision, int, int] | None:
        s, e = m.span()
        if text.endswith(_NAMED_DAY, lo, s):
            return None
        wd = _WEEKDAYS[m.group("wd_day").lower()]
        mod = " ".join((m.group("wd_mod") or "").lower().split())
        if mod in ("last", "past", "this past", "the previous", "previous"):
            mode = "before"
        elif mod in ("next", "coming", "this coming", "the following", "following"):
            mode = "after"
        else:
            mode = "future" if _future(text, lo, s) else "past"
        return _weekday(wd, ref, mode), "day", s, e

    def _ago(self, m: re.Match[str], ref: dt.date) -> tuple[dt.date | None, Precision, int, int] | None:
        s, e = m.span()
        unit = m.group("ago_unit").lower().rstrip("s")
        direction = " ".join(m.group("ago_dir").lower().split())
        nword = " ".join(m.group("ago_n").lower().split())
        n = int(nword) if nword.isdigit() else _NUMBERS.get(nword)
        precision: Precision = "day" if unit in ("day", "week") else "month" if unit == "month" else "year"
        if direction not in ("ago", "from now") or n is None or unit == "decade":
            return None, precision, s, e
        sign = -1 if direction == "ago" else 1
        if unit == "day":
            return ref + dt.timedelta(days=sign * n), "day", s, e
        if unit == "week":
            return ref + dt.timedelta(days=sign * 7 * n), "day", s, e
        if unit == "month":
            y, mo = _add_months(ref.year, ref.month, sign * n)
            return dt.date(y, mo, 1), "month", s, e
        return dt.date(ref.year + sign * n, 1, 1), "year", s, e

    def _relative(self, m: re.Match[str], text: str, lo: int, ref: dt.date
                  ) -> tuple[dt.date | None, Precision, int, int] | None:
        s, e = m.span()
        which = " ".join(m.group("rel_which").lower().split())
        unit = m.group("rel_unit").lower()
        mod = m.group("rel_mod")
        precision: Precision = "month" if unit == "month" else "year" if unit == "year" else "day"
        if which == "the":
            # "the week", "the year" alone are not dates; "the end of the month" and "over the weekend" are.
            if mod is None and not (unit == "weekend" and _prev_word(text, lo, s) in ("over", "at", "during")):
                return None
            which = "this"
        if which in ("the past", "past", "the coming", "coming") and unit != "weekend":
            return None, precision, s, e
        step = -1 if which in ("last", "the previous", "previous", "past", "the past") else (
            1 if which in ("next", "coming", "the coming") else 0)
        if unit == "week":
            return _monday(ref) + dt.timedelta(days=7 * step), "day", s, e
        if unit == "weekend":
            mode = ("future" if _future(text, lo, s) else "past") if step == 0 else (
                "before" if step < 0 else "after")
            return _weekday(5, ref, mode), "day", s, e
        if unit == "month":
            y, mo = _add_months(ref.year, ref.month, step)
            return dt.date(y, mo, 1), "month", s, e
        return dt.date(ref.year + step, 1, 1), "year", s, e


_RELATIVE_PRECISION: Final[dict[str, Precision]] = {"rd": "day", "pt": "day", "wd": "day", "hrs": "day"}


def _prev_word(text: str, lo: int, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(lo, pos - 30), pos)
    return m.group(1).lower() if m else ""


def _next_word(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text, pos, min(len(text), pos + 30))
    return m.group(1) if m else ""


def _future(text: str, lo: int, pos: int) -> bool:
    """Whether the clause before ``pos`` (back to the sentence start, at most 100 characters) marks the future."""
    begin = max(lo, pos - 100)
    for b in _BOUNDARY.finditer(text, begin, pos):
        begin = b.end()
    clause = text[begin:pos]
    if clause.isascii():  # (a non-ASCII letter may match a letter of _FUTURE case-insensitively)
        low = clause.lower()
        if not any(hint in low for hint in _FUTURE_HINTS):
            return False
    last_future = -1
    for f in _FUTURE.finditer(text, begin, pos):
        last_future = f.end()
    if last_future < 0:
        return False
    return _PAST_REPORT.search(text, last_future, pos) is None


_default: DateFinder | None = None
_lock = threading.Lock()


def default_finder() -> DateFinder:
    """The shared :class:`DateFinder` (built once)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = DateFinder()
    return _default


@functools.lru_cache(maxsize=256)
def _parse_reference(text: str) -> dt.date | None:
    import dateparser

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed is not None else None


def to_reference(reference: dt.date | dt.datetime | str | None) -> dt.date | None:
    """A publication date from a date, a datetime, an ISO string or a free-form date string ("May 3, 2018")."""
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    text = str(reference).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    from eventcode.errors import InputError

    got = _parse_reference(text)
    if got is None:
        raise InputError(f"not a date: {reference!r}", field="reference")
    return got


def find_dates(text: str, *, reference: dt.date | dt.datetime | str | None = None) -> list[DateMention]:
    """Date expressions in ``text``, resolved against the publication date ``reference``."""
    return default_finder().find(text, 0, len(text), to_reference(reference))
