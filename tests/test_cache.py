"""The per-user cache of package data tables (eventcode._cache)."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

import pytest

from eventcode import _cache

_SOURCE = resources.files("eventcode") / "data" / "places" / "ambiguous.txt"


def _read(source: Traversable) -> tuple[list[str], dict[str, str]]:
    lines = source.read_text(encoding="utf-8").splitlines()
    return lines, {str(i): ln for i, ln in enumerate(lines)}


def _valid(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 2


def test_tables_written_then_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first read writes the cache; the next one reads it without reading the source."""
    monkeypatch.setenv("EVENTCODE_CACHE", str(tmp_path))
    first = _cache.cached_tables(_SOURCE, "t1", _read, _valid)
    assert len(list(tmp_path.glob("ambiguous.txt.*.marshal"))) == 1

    def fail(source: Traversable) -> tuple[list[str], dict[str, str]]:
        raise AssertionError("the source was read again")

    assert _cache.cached_tables(_SOURCE, "t1", fail, _valid) == first


def test_damaged_cache_falls_back_to_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged or foreign cache file is ignored and replaced."""
    monkeypatch.setenv("EVENTCODE_CACHE", str(tmp_path))
    expected = _cache.cached_tables(_SOURCE, "t2", _read, _valid)
    (cached,) = tmp_path.glob("ambiguous.txt.*.marshal")
    cached.write_bytes(b"\x00not marshal data")
    assert _cache.cached_tables(_SOURCE, "t2", _read, _valid) == expected
    cached.write_bytes(__import__("marshal").dumps(["a", "list"]))  # readable, but not the tables' shape
    assert _cache.cached_tables(_SOURCE, "t2", _read, _valid) == expected


def test_format_change_reads_the_source_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another table format is another cache file."""
    monkeypatch.setenv("EVENTCODE_CACHE", str(tmp_path))
    _cache.cached_tables(_SOURCE, "v1", _read, _valid)
    _cache.cached_tables(_SOURCE, "v2", _read, _valid)
    assert len(list(tmp_path.glob("ambiguous.txt.*.marshal"))) == 2


def test_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """EVENTCODE_CACHE=off reads the source and writes nothing."""
    monkeypatch.setenv("EVENTCODE_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert _cache.cache_dir() is None
    _cache.cached_tables(_SOURCE, "t3", _read, _valid)
    assert not list(tmp_path.rglob("*.marshal"))


def test_unwritable_cache_still_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder that cannot be created costs nothing but time."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("EVENTCODE_CACHE", str(blocker / "cache"))
    lines, _ = _cache.cached_tables(_SOURCE, "t4", _read, _valid)
    assert lines


def test_value_keyed_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """cached_value builds once per content; other content is another file."""
    monkeypatch.setenv("EVENTCODE_CACHE", str(tmp_path))
    calls: list[int] = []

    def build() -> tuple[str, int]:
        calls.append(1)
        return ("built", len(calls))

    def valid(v: object) -> bool:
        return isinstance(v, tuple) and v[:1] == ("built",)

    assert _cache.cached_value("thing", b"abc", "f1", build, valid) == ("built", 1)
    assert _cache.cached_value("thing", b"abc", "f1", build, valid) == ("built", 1)  # read back, not built
    assert _cache.cached_value("thing", b"abd", "f1", build, valid) == ("built", 2)
    assert len(list(tmp_path.glob("thing.*.marshal"))) == 2


def test_builtin_lexicon_through_the_cache_equals_the_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """The built-in dictionaries read back from the cache are the very records their text parses into."""
    from eventcode.lexicon import _native, _snapshot
    from eventcode.lexicon._model import Lexicon

    parsed = _native._parse_builtin(list(_native._builtin_entries()), Lexicon())
    plain = _snapshot.to_plain(parsed)
    assert plain is not None and _snapshot.valid(plain)
    assert _snapshot.from_plain(plain) == parsed
    monkeypatch.setenv("EVENTCODE_CACHE", str(tmp_path))
    first = _native.load_builtin()  # parses and writes the cache
    assert len(list(tmp_path.glob("builtin-lexicon.*.marshal"))) == 1
    second = _native.load_builtin()  # reads it back
    assert first == parsed and second == parsed
    # patterns expanded from one line still share their elements: as many distinct element objects as parsed
    def distinct(lex: Lexicon) -> int:
        return len({id(e) for p in lex.patterns for e in (*p.before, *p.after)})

    assert distinct(second) == distinct(parsed) < sum(len(p.before) + len(p.after) for p in parsed.patterns)
