"""Dask integration on a local cluster of worker processes."""

from __future__ import annotations

import pytest

import eventcode

dask = pytest.importorskip("dask")
pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")


@pytest.mark.slow
def test_code_bag_on_local_cluster(tmp_path: object) -> None:
    """A bag of documents is coded on two worker processes into the same events as in-process coding."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    from eventcode.integrations.dask import code_bag, code_dataframe

    docs = [{"id": f"d{i}", "text": t, "date": "2021-03-01"} for i, t in enumerate(
        ["Germany invaded France.", "The United States criticized Iran.", "Nothing happened today.",
         "Afghan forces attacked the Taliban."] * 3)]
    expected = sum(len(eventcode.code(d["text"], date=d["date"])) for d in docs)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        frame = code_bag(db.from_sequence(docs, npartitions=4)).compute()
        assert len(frame) == expected
        assert set(frame["doc_id"]) <= {d["id"] for d in docs}
        ddf = dask.dataframe.from_pandas(pd.DataFrame(docs), npartitions=2)
        frame2 = code_dataframe(ddf).compute()
        assert sorted(frame2["event_code"]) == sorted(frame["event_code"])


def test_code_partition_serves_spark() -> None:
    """code_partition turns an iterator of documents into flat event dicts and error records."""
    out = list(eventcode.code_partition(iter([{"id": "a", "text": "Germany invaded France."}, {"id": "b"}])))
    assert any(o.get("error") for o in out if o.get("doc_id") == "b")
    assert all("error" in o or "action" in o for o in out)
