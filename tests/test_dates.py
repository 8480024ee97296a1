"""Date mentions: finding and resolving them against the publication date."""

from __future__ import annotations

import datetime as dt
import pickle
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventcode
from eventcode.mentions.dates import DateFinder, default_finder, find_dates

WED = dt.date(2018, 5, 30)  # a Wednesday


def _found(text: str, ref: dt.date | None = WED) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.value.isoformat() if m.value else None, m.precision) for m in find_dates(text, reference=ref)]


def _one(text: str, ref: dt.date | None = WED) -> tuple[str, str | None, str]:
    got = _found(text, ref)
    assert len(got) == 1, got
    return got[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels took the town on May 24.", ("May 24", "2018-05-24", "day")),
        ("The treaty was signed on 31 May 2018 in Geneva.", ("31 May 2018", "2018-05-31", "day")),
        ("Voting ended on May 24, 2017, officials said.", ("May 24, 2017", "2017-05-24", "day")),
        ("The deal was struck on Sept. 30, the minister said.", ("Sept. 30", "2017-09-30", "day")),
        ("The file is dated 2016-03-04.", ("2016-03-04", "2016-03-04", "day")),
        ("Troops withdrew in March 2016.", ("March 2016", "2016-03-01", "month")),
        ("The ceasefire collapsed in March.", ("March", "2018-03-01", "month")),
        ("Elections were held in 2016.", ("2016", "2016-01-01", "year")),
        ("Fighting resumed in late February.", ("late February", "2018-02-01", "month")),
        ("He said on Saturday, April 21: the talks are over.", ("Saturday, April 21", "2018-04-21", "day")),
    ],
)
def test_absolute_dates(text: str, expected: tuple[str, str, str]) -> None:
    """Month-day, day-month-year, ISO, month-year, month and year expressions resolve."""
    assert _one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked a convoy yesterday.", ("yesterday", "2018-05-29", "day")),
        ("The minister resigned today.", ("today", "2018-05-30", "day")),
        ("Talks open tomorrow in the capital.", ("tomorrow", "2018-05-31", "day")),
        ("The army said Wednesday it had regained the pass.", ("Wednesday", "2018-05-30", "day")),
        ("Police said on Tuesday that two men were held.", ("Tuesday", "2018-05-29", "day")),
        ("A bomb went off Thursday night near the market.", ("Thursday night", "2018-05-24", "day")),
        ("The envoy arrived last Friday.", ("last Friday", "2018-05-25", "day")),
        ("The summit opens next Monday.", ("next Monday", "2018-06-04", "day")),
        ("Leaders will meet on Friday to sign it.", ("Friday", "2018-06-01", "day")),
        ("Two soldiers died two days ago.", ("two days ago", "2018-05-28", "day")),
        ("The rally was banned last week.", ("last week", "2018-05-21", "day")),
        ("Prices rose this week.", ("this week", "2018-05-28", "day")),
        ("Prices rose earlier this month.", ("earlier this month", "2018-05-01", "month")),
        ("The vote is due early next month.", ("early next month", "2018-06-01", "month")),
        ("Output fell last year.", ("last year", "2017-01-01", "year")),
        ("Twelve people died in the past 24 hours.", ("the past 24 hours", "2018-05-30", "day")),
    ],
)
def test_relative_dates(text: str, expected: tuple[str, str, str]) -> None:
    """Relative expressions resolve against a Wednesday publication date."""
    assert _one(text) == expected


def test_weekday_is_most_recent_including_publication_day() -> None:
    """A bare weekday is the most recent such day, the publication day itself included."""
    assert _one("The rebels attacked on Wednesday.")[1] == "2018-05-30"
    assert _one("The rebels attacked on Thursday.")[1] == "2018-05-24"


def test_future_marker_only_in_its_clause() -> None:
    """A future marker before a reporting verb does not make a later weekday future."""
    assert _one("Officials who will travel said Monday the road was open.")[1] == "2018-05-28"


@pytest.mark.parametrize(
    "text",
    [
        "Protesters may march on the capital.",
        "A march through the city drew crowds.",
        "The Sunday Times published the letter.",
        "About 2,000 troops and 1,500 police were deployed.",
        "Some 2000 troops were deployed.",
        "The 24-hour news cycle never stops.",
        "Prime Minister Theresa May spoke.",
        "He paid $2016 for the car.",
        "Good Friday services were held.",
    ],
)
def test_false_positives_avoided(text: str) -> None:
    """Modal 'may', the noun 'march', newspapers, counts and named days are not dates."""
    assert _found(text) == []


def test_without_reference() -> None:
    """Without a publication date, relative expressions and yearless days have no value; absolute ones do."""
    got = _found("On Tuesday, May 24, and on June 2, 2017, and yesterday.", None)
    assert got == [("Tuesday, May 24", None, "day"), ("June 2, 2017", "2017-06-02", "day"), ("yesterday", None, "day")]


def test_decade_found_not_resolved() -> None:
    """A decade is found but has no single date."""
    assert _one("Violence peaked in the 1990s.") == ("the 1990s", None, "year")


def test_reference_forms() -> None:
    """The reference may be a date, a datetime, an ISO string or a free-form date string."""
    for ref in (WED, dt.datetime(2018, 5, 30, 14, 0), "2018-05-30", "May 30, 2018"):
        assert find_dates("It happened yesterday.", reference=ref)[0].value == dt.date(2018, 5, 29)


def test_public_api_and_offsets() -> None:
    """eventcode.find_dates gives mentions whose offsets slice the text."""
    text = "Late on Monday, two days ago, troops left; in March 2016 they came."
    ms = eventcode.find_dates(text, reference=WED)
    assert [m.text for m in ms] == ["Monday", "two days ago", "March 2016"]
    for m in ms:
        assert text[m.start : m.end] == m.text


def test_finder_window() -> None:
    """DateFinder.find looks only inside [start, end) and reports offsets into the whole text."""
    text = "Yesterday was calm. On Friday the shelling began."
    start = text.index("On")
    ms = default_finder().find(text, start, len(text), WED)
    assert [(m.text, m.start) for m in ms] == [("Friday", text.index("Friday"))]


def test_finder_shared_and_picklable() -> None:
    """The default finder is built once and pickles."""
    f = default_finder()
    assert f is default_finder()
    g = pickle.loads(pickle.dumps(f))
    assert isinstance(g, DateFinder)
    assert g.find("today", 0, 5, WED)[0].value == WED


def test_thread_safe() -> None:
    """Finders give the same answers from many threads."""
    text = "On Tuesday and last week and in March 2016."
    want = _found(text)
    got: list[object] = []

    def run() -> None:
        got.append(_found(text))

    threads = [threading.Thread(target=run) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [want] * 8


@given(st.text(max_size=300), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_any_text(text: str, ref: dt.date) -> None:
    """Any text gives mentions with valid offsets, and never raises."""
    for m in find_dates(text, reference=ref):
        assert text[m.start : m.end] == m.text
        assert m.precision in ("day", "month", "year")


@given(st.dates(min_value=dt.date(1950, 1, 8), max_value=dt.date(2090, 12, 24)), st.integers(0, 6))
def test_weekday_window(ref: dt.date, wd: int) -> None:
    """A bare weekday lands in the week ending on the publication day, 'next' in the week after it."""
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][wd]
    past = find_dates(f"They met on {name}.", reference=ref)[0].value
    nxt = find_dates(f"They meet next {name}.", reference=ref)[0].value
    assert past is not None and nxt is not None
    assert past.weekday() == wd and 0 <= (ref - past).days <= 6
    assert nxt.weekday() == wd and 1 <= (nxt - ref).days <= 7
