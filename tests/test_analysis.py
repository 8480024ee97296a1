"""Counts, evaluation and plots."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

import eventcode
from eventcode.analysis import counts, evaluate, one_a_day, read_gold
from eventcode.records import Action, Actor, Event

HERE = pathlib.Path(__file__).parent


def _ev(src: str, code: str, tgt: str, day: str) -> Event:
    return Event(actor=Actor(src, country=src[:3]), action=Action.from_code(code), target=Actor(tgt, country=tgt[:3]),
                 sentence="s", date=dt.date.fromisoformat(day))


EVENTS = [
    _ev("USAMIL", "190", "AFGINS", "2021-01-05"),
    _ev("USAMIL", "190", "AFGINS", "2021-01-05"),
    _ev("USAGOV", "042", "AFGGOV", "2021-01-20"),
    _ev("AFGINS", "1823", "AFGCOP", "2021-03-02"),
]


def test_counts_by_dyad_and_month() -> None:
    """Counts by dyad and month sum Goldstein values and split cooperation from conflict."""
    table = counts(EVENTS, by="dyad", period="month")
    rows = {(r.key[0], r.period): r for r in table}
    r = rows[(("USAMIL", "AFGINS"), dt.date(2021, 1, 1))]
    assert (r.events, r.goldstein_sum, r.conflict, r.cooperation, r.net_cooperation) == (2, -20.0, 2, 0, -2)
    assert r.goldstein_mean == -10.0


def test_counts_zero_fill_and_dedupe() -> None:
    """zero_fill makes a full panel; dedupe applies the one-a-day filter."""
    panel = counts(EVENTS, by=["source_country", "quad_class"], period="month", zero_fill=True)
    periods = {r.period for r in panel}
    assert periods == {dt.date(2021, 1, 1), dt.date(2021, 2, 1), dt.date(2021, 3, 1)}
    assert len(panel) == len({r.key for r in panel}) * 3
    assert len(one_a_day(EVENTS)) == 3
    assert sum(r.events for r in counts(EVENTS, by="root", dedupe=True)) == 3


def test_counts_country_counts_both_sides_and_schemes() -> None:
    """'country' counts an event for each distinct country; QuadClass follows the chosen scheme."""
    assert sum(r.events for r in counts(EVENTS, by="country")) == 7
    icews = {r.key[0]: r.events for r in counts(EVENTS, by="quad_class", scheme="icews")}
    assert icews == {1: 1, 4: 3}
    with pytest.raises(ValueError, match="cannot count by"):
        counts(EVENTS, by="colour")


def test_counts_records_and_pandas() -> None:
    """Rows flatten to CSV-ready dicts and to a pandas DataFrame."""
    recs = counts(EVENTS, by="dyad").records()
    assert {"dyad", "events", "goldstein_sum", "net_cooperation"} <= set(recs[0])
    pd = pytest.importorskip("pandas")
    assert isinstance(counts(EVENTS, by="dyad").to_pandas(), pd.DataFrame)


def test_evaluate_on_fixture(mini_coder: eventcode.Coder) -> None:
    """The regression fixture is coded exactly by the mini dictionaries, and the scores say so."""
    res = evaluate(read_gold(HERE / "data" / "gold_small.jsonl"), mini_coder.code)
    assert res.records == 6 and res.exact == 6
    assert res.levels["triple"].f1 == 1.0
    assert res.confusion[("19", "19")] == 1


def test_evaluate_counts_errors() -> None:
    """A coder that codes nothing has zero recall and a confusion row for each missed root."""
    res = evaluate(read_gold(HERE / "data" / "gold_small.jsonl"), lambda text, date=None: [])
    assert res.levels["code"].recall == 0.0 and res.exact == 2
    assert res.confusion[("19", "-")] == 1


def test_plot_renders_png(tmp_path: pathlib.Path) -> None:
    """A time series plot is written as a PNG."""
    pytest.importorskip("matplotlib")
    from eventcode.analysis.plot import plot_series

    path = plot_series(EVENTS, tmp_path / "usa_afg.png", dyad=("USA", "AFG"))
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
