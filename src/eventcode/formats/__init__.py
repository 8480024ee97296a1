"""Output formats: JSONL (the schema), CSV, GDELT 2.0, Phoenix, ICEWS, PLOVER JSON and Parquet.

Each writer takes an iterable of :class:`~eventcode.records.Event` and a text stream (or a path for Parquet).
``FORMATS`` maps format names to writers; ``columns(name)`` gives a tabular format's column names.
"""

from eventcode.formats._parquet import write_parquet
from eventcode.formats._tables import (
    FORMATS,
    columns,
    event_rows,
    write,
    write_csv,
    write_gdelt,
    write_icews,
    write_jsonl,
    write_phoenix,
    write_plover,
)

__all__ = [
    "FORMATS",
    "columns",
    "event_rows",
    "write",
    "write_csv",
    "write_gdelt",
    "write_icews",
    "write_jsonl",
    "write_parquet",
    "write_phoenix",
    "write_plover",
]
