"""Parquet output through pyarrow (the ``parquet`` extra)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from eventcode.records import Event

__all__ = ["write_parquet"]


def write_parquet(events: Iterable[Event], path: str | Path, batch_size: int = 10_000) -> int:
    """Write events to a Parquet file with eventcode's CSV columns, in batches; returns the count."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("Parquet output needs pyarrow: pip install 'eventcode[parquet]'") from exc
    from eventcode.formats._tables import columns, event_rows

    cols = columns("csv")
    writer = None
    n = 0
    batch: list[list[object]] = []

    def flush() -> None:
        nonlocal writer
        if not batch and writer is not None:
            return
        data: dict[str, list[str | None]] = {c: [] for c in cols}
        for row in batch:
            for c, v in zip(cols, row, strict=True):
                data[c].append(None if v == "" else str(v))
        table = pa.table({c: pa.array(v, type=pa.string()) for c, v in data.items()})
        if writer is None:
            writer = pq.ParquetWriter(str(path), table.schema)
        writer.write_table(table)
        batch.clear()

    for row in event_rows(events, "csv"):
        batch.append(row)
        n += 1
        if len(batch) >= batch_size:
            flush()
    flush()
    if writer is not None:
        writer.close()
    return n
