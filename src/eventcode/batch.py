"""Coding many documents: streaming, in order, in processes, with an account of every record.

:func:`code_documents` yields one :class:`Result` per input document, in input order: its events, or the
error that stopped it. Nothing is dropped: the results account for every input, and :class:`Summary` counts
documents, sentences, events and errors. Memory stays bounded: input is consumed lazily, and with ``jobs > 1``
at most a few chunks per worker are in flight.
"""

from __future__ import annotations

import gc
import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Literal

import attrs

from eventcode.coder import Coder
from eventcode.errors import EventcodeError, InputError
from eventcode.records import Document, Event
from eventcode.text import split_sentences

__all__ = ["Result", "Summary", "code_documents", "code_partition", "settle", "to_document"]

OnError = Literal["record", "raise"]


@attrs.frozen
class Result:
    """The outcome for one input document: its events, or the error that stopped it."""

    doc_id: str
    events: tuple[Event, ...] = ()
    error: str | None = None
    """``ErrorClass: reason`` when the document could not be coded."""
    sentences: int = 0
    index: int = 0
    """Position of the document in the input (0-based)."""

    @property
    def ok(self) -> bool:
        """Whether the document was coded."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """An error record (``{"doc_id", "error", "index"}``) or ``{"doc_id", "events": [...]}``."""
        if self.error is not None:
            return {"doc_id": self.doc_id, "index": self.index, "error": self.error}
        return {"doc_id": self.doc_id, "index": self.index, "events": [e.to_dict() for e in self.events]}


@attrs.define
class Summary:
    """Totals of a batch run."""

    documents: int = 0
    sentences: int = 0
    events: int = 0
    errors: int = 0
    seconds: float = 0.0

    def add(self, r: Result) -> None:
        """Count one result."""
        self.documents += 1
        self.sentences += r.sentences
        self.events += len(r.events)
        self.errors += r.error is not None

    def __str__(self) -> str:
        rate = self.sentences / self.seconds if self.seconds else 0.0
        return (f"{self.documents} documents, {self.sentences} sentences, {self.events} events, "
                f"{self.errors} errors in {self.seconds:.1f} s ({rate:,.0f} sentences/s)")


def to_document(item: Document | Mapping[str, Any] | str, index: int) -> Document:
    """A :class:`Document` from a Document, a dict (``text``, ``id``, ``date``, ``url``, ``source``) or a str."""
    if isinstance(item, Document):
        doc = item
    elif isinstance(item, str):
        doc = Document(text=item)
    elif isinstance(item, Mapping):
        doc = Document.from_dict(dict(item))
    else:
        raise InputError(f"expected a Document, dict or str, got {type(item).__name__}", line=index + 1)
    if doc.id is None:
        doc = attrs.evolve(doc, id=str(index))
    return doc


def _code_one(coder: Coder, item: Any, index: int) -> Result:
    doc_id = str(index)
    from eventcode.inputs import InputRecordError

    if isinstance(item, InputRecordError):
        return Result(item.doc_id, (), f"InputError: {item}", 0, index)
    try:
        if isinstance(item, Mapping) and item.get("id") is not None:
            doc_id = str(item["id"])
        elif isinstance(item, Document) and item.id is not None:
            doc_id = item.id
        doc = to_document(item, index)
        doc_id = doc.id or doc_id
        events = coder.code(doc.text, date=doc.date, doc_id=doc_id)
        n_sent = sum(1 for s in split_sentences(doc.text) if s.kind != "boilerplate")
        return Result(doc_id, tuple(events), None, n_sent, index)
    except (EventcodeError, ValueError, TypeError, RecursionError) as exc:
        return Result(doc_id, (), f"{type(exc).__name__}: {exc}", 0, index)


_WORKER_CODER: Coder | None = None


def settle(coder: Coder) -> None:
    """Build the coder's tables now and take them out of the garbage collector's reach (``gc.freeze``).

    For a process that codes for the rest of its life (a worker, the command line): the tables live as long as
    the process, and a full collection would otherwise walk their few hundred thousand objects again and again
    (about a tenth of the coding time in a long run). ``gc.freeze`` is process-wide (every object that exists
    now is never collected), so a library does not call it in a user's process unasked.
    """
    coder.code("Police in Kabul arrested two men on Monday, officials said.", date="2021-01-01")
    gc.freeze()


def _init_worker(coder: Coder) -> None:
    global _WORKER_CODER
    _WORKER_CODER = coder
    settle(coder)


def _code_chunk(chunk: list[tuple[int, Any]]) -> list[Result]:
    assert _WORKER_CODER is not None
    return [_code_one(_WORKER_CODER, item, i) for i, item in chunk]


def code_documents(
    documents: Iterable[Document | Mapping[str, Any] | str],
    *,
    coder: Coder | None = None,
    jobs: int = 1,
    progress: bool = False,
    on_error: OnError | Callable[[Result], None] = "record",
    chunk_size: int = 64,
    summary: Summary | None = None,
) -> Iterator[Result]:
    """Code documents lazily, in input order, yielding one :class:`Result` per input.

    Args:
        documents: any iterable of :class:`Document`, dicts (``text`` and optional ``id``, ``date``, ``url``,
            ``source``) or strings.
        coder: the coder to use (default: the shared built-in coder).
        jobs: worker processes; 1 codes in this process.
        progress: show a progress bar (needs the ``cli`` extra, tqdm).
        on_error: ``"record"`` yields error results and goes on; ``"raise"`` stops at the first error; a callable
            is called with each error result (which is also yielded).
        summary: a :class:`Summary` to fill in as the run goes (read it after the loop).
    """
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, got {jobs}")
    if coder is None:
        from eventcode import default_coder

        coder = default_coder()
    summ = summary if summary is not None else Summary()
    start = time.perf_counter()
    bar: Any = None
    if progress:
        try:
            from tqdm import tqdm

            bar = tqdm(unit="doc", desc="coding")
        except ImportError:  # pragma: no cover - tqdm is in the cli extra
            bar = None

    def emit(r: Result) -> Result:
        summ.add(r)
        summ.seconds = time.perf_counter() - start
        if bar is not None:
            bar.update(1)
        if r.error is not None:
            if on_error == "raise":
                raise InputError(f"document {r.doc_id!r} (input {r.index + 1}): {r.error}")
            if callable(on_error):
                on_error(r)
        return r

    try:
        if jobs == 1:
            for i, item in enumerate(documents):
                yield emit(_code_one(coder, item, i))
            return
        numbered = enumerate(documents)
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(coder,)) as pool:
            pending: list[Future[list[Result]]] = []
            while True:
                while len(pending) < jobs * 3:
                    chunk = list(itertools.islice(numbered, chunk_size))
                    if not chunk:
                        break
                    pending.append(pool.submit(_code_chunk, chunk))
                if not pending:
                    break
                for r in pending.pop(0).result():
                    yield emit(r)
    finally:
        if bar is not None:
            bar.close()


def code_partition(
    documents: Iterable[Document | Mapping[str, Any] | str], coder: Coder | None = None
) -> Iterator[dict[str, Any]]:
    """Events of a partition as flat dicts, one per event (errors as records): for Spark ``mapPartitions``."""
    for r in code_documents(documents, coder=coder):
        if r.error is not None:
            yield {"doc_id": r.doc_id, "error": r.error}
            continue
        for e in r.events:
            yield e.to_dict()
