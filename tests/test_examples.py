"""Every example script runs."""

from __future__ import annotations

import pathlib
import runpy
import sys

import pytest

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"


def _load(name: str) -> dict[str, object]:
    sys.path.insert(0, str(EXAMPLES))
    try:
        return runpy.run_path(str(EXAMPLES / name), run_name="example")
    finally:
        sys.path.remove(str(EXAMPLES))


def test_code_folder(tmp_path: pathlib.Path) -> None:
    """Coding the bundled folder writes a CSV with a header and events."""
    out = tmp_path / "events.csv"
    summary = _load("code_folder.py")["main"]([str(EXAMPLES / "articles"), str(out), "--date", "2021-03-03"])  # type: ignore[operator]
    assert summary.documents >= 1 and summary.errors == 0
    assert len(out.read_text().splitlines()) > 1


def test_monthly_counts(tmp_path: pathlib.Path) -> None:
    """The monthly US-Afghanistan counts print rows and draw a PNG."""
    pytest.importorskip("matplotlib")
    rows = _load("monthly_counts.py")["main"](str(tmp_path / "plot.png"))  # type: ignore[operator]
    assert any(r["events"] for r in rows)
    assert (tmp_path / "plot.png").read_bytes()[:4] == b"\x89PNG"


def test_own_dictionaries() -> None:
    """Your own actor and verb files code what the built-in set alone does not."""
    events = _load("own_dictionaries.py")["main"]()  # type: ignore[operator]
    assert [(e.actor.code if e.actor else None, e.action.code, e.target.code if e.target else None)
            for e in events] == [("AFGUAF", "1711", "AFGGOV")]


@pytest.mark.slow
def test_dask_example() -> None:
    """The Dask example codes on a local cluster."""
    pytest.importorskip("distributed")
    events = _load("dask_coding.py")["main"]()  # type: ignore[operator]
    assert len(events) > 0
