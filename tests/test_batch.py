"""Batches: order, error records, nothing lost, processes, threads, pickling."""

from __future__ import annotations

import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from hypothesis import given, settings
from hypothesis import strategies as st

import eventcode
from eventcode.inputs import InputRecordError

_TEXTS = ["Germany invaded France.", "The United States criticized Iran.", "Nothing happened.",
          "Afghan forces attacked the Taliban in Helmand on Monday."]


def _items() -> st.SearchStrategy[object]:
    good = st.sampled_from(_TEXTS).map(lambda t: {"text": t, "date": "2021-03-01"})
    bad = st.sampled_from([{"id": "x"}, {"text": 5}, {"text": "a", "date": "not a date"}, 7, None])
    return st.one_of(good, st.sampled_from(_TEXTS), bad)


@settings(max_examples=25, deadline=None)
@given(st.lists(_items(), max_size=12))
def test_every_input_accounted_for(items: list[object]) -> None:
    """For any input, results come back in order, one per input: events or an error record."""
    results = list(eventcode.code_documents(items))  # type: ignore[arg-type]
    assert [r.index for r in results] == list(range(len(items)))
    for item, r in zip(items, results, strict=True):
        valid_dict = isinstance(item, dict) and isinstance(item.get("text"), str) and item.get("date") != "not a date"
        if valid_dict or isinstance(item, str):
            assert r.ok
        else:
            assert r.error, item


def test_summary_counts() -> None:
    """The summary counts documents, events and errors."""
    summary = eventcode.Summary()
    docs = [{"id": str(i), "text": t} for i, t in enumerate(_TEXTS)] + [{"id": "bad"}]
    results = list(eventcode.code_documents(docs, summary=summary))
    assert summary.documents == 5 and summary.errors == 1
    assert summary.events == sum(len(r.events) for r in results) > 0
    assert "5 documents" in str(summary)


def test_input_record_errors_pass_through() -> None:
    """A malformed input line becomes an error result with its file and line."""
    (r,) = eventcode.code_documents([InputRecordError("f:3", "f.jsonl", 3, "malformed JSON")])
    assert r.doc_id == "f:3" and "f.jsonl:3" in (r.error or "")


def test_processes_give_the_same_results() -> None:
    """jobs=2 codes in worker processes and keeps input order and results."""
    docs = [{"id": str(i), "text": _TEXTS[i % 4], "date": "2021-03-01"} for i in range(40)]
    one = [(r.doc_id, [e.to_dict() for e in r.events]) for r in eventcode.code_documents(docs)]
    two = [(r.doc_id, [e.to_dict() for e in r.events]) for r in eventcode.code_documents(docs, jobs=2, chunk_size=7)]
    assert one == two


def test_processes_account_for_every_input() -> None:
    """jobs=3 (this process and two workers sharing the chunks) yields one result per input, errors included."""
    bad: list[object] = [{"id": "x"}, {"text": 5}, 7, None]
    items = [bad[i % 4] if i % 5 == 0 else {"id": f"d{i}", "text": _TEXTS[i % 4]} for i in range(60)]
    one = [(r.index, r.doc_id, r.error, [e.to_dict() for e in r.events])
           for r in eventcode.code_documents(items)]  # type: ignore[arg-type]
    three = [(r.index, r.doc_id, r.error, [e.to_dict() for e in r.events])
             for r in eventcode.code_documents(items, jobs=3, chunk_size=4)]  # type: ignore[arg-type]
    assert [x[0] for x in three] == list(range(60))
    assert three == one
    assert sum(x[2] is not None for x in three) == 12


def test_threads_share_one_coder() -> None:
    """A coder shared by threads codes as it does alone."""
    coder = eventcode.Coder()
    expected = [[e.to_dict() for e in coder.code(t)] for t in _TEXTS]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: [e.to_dict() for e in coder.code(t)], _TEXTS * 5))
    assert got == expected * 5


def test_coder_pickles_small() -> None:
    """A built coder pickles without its compiled tables and codes the same afterwards."""
    coder = eventcode.Coder()
    coder.code("warm up")
    data = pickle.dumps(coder)
    assert len(data) < 2000
    clone = pickle.loads(data)
    assert [e.to_dict() for e in clone.code(_TEXTS[0])] == [e.to_dict() for e in coder.code(_TEXTS[0])]


def test_settle_builds_the_tables_and_freezes_them() -> None:
    """settle() leaves the coder built and its tables frozen out of the collector (run in its own process)."""
    code = ("import gc, eventcode; from eventcode.batch import settle; c = eventcode.Coder(); settle(c); "
            "print(gc.get_freeze_count(), len(c.code('Israeli jets struck Gaza on Monday.', date='2021-01-02')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    frozen, events = int(out[0]), int(out[1])
    assert frozen > 100_000  # the dictionaries' objects
    assert events >= 1
