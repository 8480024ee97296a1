"""A per-user cache of package data tables that are slow to read from their text form.

The built-in dictionaries take about a third of a second to parse from their text, and the gazetteer's index
as long to build from its compressed text; read back with
:mod:`marshal` (which holds only plain strings, lists, dicts and frozensets here, and runs no code) it takes a
tenth. The cache lives in ``$EVENTCODE_CACHE``, else ``$XDG_CACHE_HOME/eventcode``, else
``~/.cache/eventcode``; ``EVENTCODE_CACHE=off`` turns it off. A file is keyed by the source's size and
modification time, the table format and the Python version, so a new release, a rebuilt gazetteer or another
Python reads the source again. Anything that goes wrong (no home directory, a read-only disk, a damaged or
foreign file) falls back to reading the source: the cache only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cached_tables", "cached_value"]

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off."""
    env = os.environ.get("EVENTCODE_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "no", "false") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventcode"


def _key(source: Traversable, fmt: str) -> str | None:
    try:
        with resources.as_file(source) as path:
            st = path.stat()
    except (OSError, TypeError, ValueError):
        return None
    raw = f"{source.name}|{fmt}|{st.st_size}|{st.st_mtime_ns}|{sys.version_info[:2]}|{marshal.version}"
    return hashlib.blake2b(raw.encode(), digest_size=12).hexdigest()


def cached_tables(source: Traversable, fmt: str, read: Callable[[Traversable], T],
                  valid: Callable[[object], bool]) -> T:
    """``read(source)``, through the cache when one is usable."""
    folder = cache_dir()
    key = _key(source, fmt) if folder is not None else None
    if folder is None or key is None:
        return read(source)
    return _through(folder / f"{source.name}.{key}.marshal", lambda: read(source), valid)


def cached_value(name: str, content: bytes, fmt: str, build: Callable[[], T], valid: Callable[[object], bool]) -> T:
    """``build()``, through the cache when one is usable, keyed by a digest of ``content`` (the sources it is
    built from), the format ``fmt`` and the Python version. ``build()`` must return plain data (see above)."""
    folder = cache_dir()
    if folder is None:
        return build()
    digest = hashlib.blake2b(content, digest_size=12)
    digest.update(f"|{fmt}|{sys.version_info[:2]}|{marshal.version}".encode())
    return _through(folder / f"{name}.{digest.hexdigest()}.marshal", build, valid)


def _through(path: Path, build: Callable[[], T], valid: Callable[[object], bool]) -> T:
    try:
        value = marshal.loads(path.read_bytes())
        if valid(value):
            return value  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    folder = path.parent
    with contextlib.suppress(OSError, ValueError):
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(value))  # type: ignore[arg-type]  # plain data, see read()
            os.replace(tmp, path)  # atomic: readers see the old file or the whole new one
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return value
