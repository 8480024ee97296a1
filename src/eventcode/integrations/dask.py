"""Coding with Dask (the ``dask`` extra): a bag of documents or a DataFrame text column into an events DataFrame.

The coder is pickled once into the task graph and unpickled on each worker, where it builds its dictionaries on
first use and keeps them for every partition that worker codes (the compiled tables are cached per process).

>>> import dask.bag as db                                                     # doctest: +SKIP
>>> from eventcode.integrations.dask import code_bag
>>> events = code_bag(db.from_sequence(docs, npartitions=8))                   # doctest: +SKIP
>>> events.groupby("event_root").size().compute()                               # doctest: +SKIP

For Spark, use :func:`eventcode.code_partition` with ``rdd.mapPartitions``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from eventcode.batch import code_documents
from eventcode.coder import Coder
from eventcode.formats import columns, event_rows
from eventcode.records import Document

__all__ = ["EVENT_COLUMNS", "code_bag", "code_dataframe", "events_frame"]

EVENT_COLUMNS = [*columns("csv"), "error"]

_CODERS: dict[int, Coder] = {}


def _worker_coder(coder: Coder | None) -> Coder:
    """One coder per process and configuration: built on the first partition, reused for the rest."""
    if coder is None:
        from eventcode import default_coder

        return default_coder()
    key = hash((tuple(map(str, coder.dictionaries)), coder.builtin, coder.require, coder.dates, coder.places))
    cached = _CODERS.get(key)
    if cached is None:
        _CODERS[key] = cached = coder
    return cached


def events_frame(documents: Iterable[Document | Mapping[str, Any] | str], coder: Coder | None = None) -> Any:
    """A pandas DataFrame of the events of some documents (one row per event, one per failed document)."""
    import pandas as pd

    rows: list[list[Any]] = []
    for r in code_documents(documents, coder=_worker_coder(coder)):
        if r.error is not None:
            blank: list[Any] = [None] * (len(EVENT_COLUMNS) - 1)
            blank[EVENT_COLUMNS.index("doc_id")] = r.doc_id
            rows.append([*blank, r.error])
            continue
        for row in event_rows(r.events, "csv"):
            rows.append([None if v == "" else v for v in row] + [None])
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    return frame.astype({c: "object" for c in EVENT_COLUMNS})


def _meta() -> Any:
    import pandas as pd

    return pd.DataFrame({c: pd.Series([], dtype="object") for c in EVENT_COLUMNS})


def code_bag(bag: Any, coder: Coder | None = None) -> Any:
    """Code a ``dask.bag`` of documents (dicts, strings or Documents) into a Dask DataFrame of events."""
    import dask.dataframe as dd

    parts = bag.map_partitions(lambda part: [events_frame(part, coder)])
    delayed = parts.to_delayed()
    return dd.from_delayed([d.__getitem__(0) for d in delayed], meta=_meta())


def code_dataframe(frame: Any, text: str = "text", id: str | None = "id", date: str | None = "date",
                   coder: Coder | None = None) -> Any:
    """Code a text column of a Dask DataFrame (with optional id and date columns) into a DataFrame of events."""
    cols = [c for c in (text, id, date) if c is not None]

    def part(pdf: Any) -> Any:
        docs = ({"text": row[0], "id": row[1] if id else None, "date": row[2] if date else None}
                if id and date else {"text": row[0], "id": row[1] if id else None}
                for row in pdf[cols].itertuples(index=False, name=None))
        return events_frame(docs, coder)

    return frame.map_partitions(part, meta=_meta())
