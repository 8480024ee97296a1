"""Coding with Dask on a local cluster of worker processes (needs the dask extra).

Each worker builds the coder once and reuses it for every partition it codes.
"""

from __future__ import annotations


def main(n_workers: int = 2) -> object:
    import dask.bag as db
    from distributed import Client, LocalCluster

    from eventcode.integrations.dask import code_bag

    docs = [{"id": f"d{i}", "text": text, "date": "2021-03-01"} for i, text in enumerate([
        "Afghan forces attacked Taliban fighters in Helmand.",
        "The United States criticized Iran.",
        "Russia and China signed an agreement on energy.",
        "Police arrested ten protesters in Kabul.",
    ] * 5)]
    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        events = code_bag(db.from_sequence(docs, npartitions=4)).compute()
    print(events.groupby("event_root").size())
    return events


if __name__ == "__main__":
    main()
