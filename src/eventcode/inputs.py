"""Reading documents from files: ``.txt`` (one article a file), JSONL and CSV, and standard input.

Bad input never stops a batch silently: a malformed JSONL line or CSV row becomes an :class:`InputRecordError`
item carrying the file, line and reason, which the batch turns into an error record; undecodable bytes are an
error naming the file and byte offset, unless ``errors="replace"`` asks for replacement characters.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from eventcode.errors import InputError
from eventcode.records import Document

__all__ = ["FieldNames", "InputRecordError", "read_documents"]


@attrs.frozen
class FieldNames:
    """Which fields of a JSONL object or CSV row hold the text, id, date and url."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    url: str = "url"
    source: str = "source"


@attrs.frozen
class InputRecordError:
    """An input record that could not be read: where it was and why."""

    doc_id: str
    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


def _decode(data: bytes, name: str, errors: str) -> str:
    try:
        return data.decode("utf-8-sig", errors=errors)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 at byte {exc.start} (use --encoding-errors replace to decode with replacement)",
            source=name,
        ) from None


def _from_mapping(obj: dict[str, Any], fields: FieldNames, default_id: str, name: str, line: int
                  ) -> Document | InputRecordError:
    text = obj.get(fields.text)
    rid = obj.get(fields.id)
    doc_id = str(rid) if rid not in (None, "") else default_id
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return InputRecordError(doc_id, name, line, f"field {fields.text!r} is {what}")
    try:
        return Document(text=text, id=doc_id, date=obj.get(fields.date) or None, url=obj.get(fields.url) or None,
                        source=obj.get(fields.source) or None)
    except InputError as exc:
        return InputRecordError(doc_id, name, line, f"field {fields.date!r}: {exc.reason}")


def _jsonl(text: str, name: str, fields: FieldNames) -> Iterator[Document | InputRecordError]:
    for no, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        default_id = f"{Path(name).stem}:{no}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputRecordError(default_id, name, no, f"malformed JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(obj, dict):
            yield InputRecordError(default_id, name, no, f"expected a JSON object, got {type(obj).__name__}")
            continue
        yield _from_mapping(obj, fields, default_id, name, no)


def _csv(text: str, name: str, fields: FieldNames) -> Iterator[Document | InputRecordError]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or fields.text not in reader.fieldnames:
        raise InputError(f"CSV has no {fields.text!r} column (columns: {reader.fieldnames})", source=name, line=1)
    width = len(reader.fieldnames)
    for row in reader:
        no = reader.line_num
        default_id = f"{Path(name).stem}:{no}"
        extra = row.get(None)
        if extra or any(v is None for v in row.values()):
            got = width + len(extra or []) - sum(v is None for v in row.values())
            yield InputRecordError(str(row.get(fields.id) or default_id), name, no,
                                   f"row has {got} fields, header has {width}")
            continue
        yield _from_mapping(dict(row), fields, default_id, name, no)


def read_documents(paths: list[str], fields: FieldNames | None = None, errors: str = "strict",
                   fmt: str | None = None) -> Iterator[Document | InputRecordError]:
    """Documents from files (``-`` is standard input), by extension: ``.jsonl``/``.json``, ``.csv``, else text."""
    fields = fields or FieldNames()
    for name in paths:
        if name == "-":
            data = sys.stdin.buffer.read()
            label = "<stdin>"
            kind = fmt or "txt"
        else:
            p = Path(name)
            try:
                data = p.read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read: {exc.strerror}", source=name) from None
            label = name
            suffix = p.suffix.lower()
            by_suffix = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv"}
            kind = fmt or by_suffix.get(suffix, "txt")
        text = _decode(data, label, errors)
        if kind == "jsonl":
            yield from _jsonl(text, label, fields)
        elif kind == "csv":
            yield from _csv(text, label, fields)
        else:
            yield Document(text=text, id="stdin" if name == "-" else Path(name).stem)
