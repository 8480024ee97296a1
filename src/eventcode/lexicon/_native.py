"""Reader for eventcode's native dictionary format (see ``docs/dictionaries.md``).

Every error names the file and line. Files are read as data with this parser; nothing in them is executed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Protocol

import attrs

from eventcode.codebook import check_actor_code, get_actor_segment, get_event_code
from eventcode.errors import DictionaryError, UnknownCodeError
from eventcode.lexicon._model import (
    ActorEntry,
    AgentEntry,
    CodingOptions,
    Element,
    Lexicon,
    PatternEntry,
    Role,
    TimeShift,
)
from eventcode.text import token_norms

__all__ = ["builtin_files", "load_files", "parse_text"]


class _Readable(Protocol):
    name: str

    def read_text(self, encoding: str = ...) -> str: ...


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            yield no, line


@functools.lru_cache(maxsize=65536)
def _norms(phrase: str) -> tuple[str, ...]:
    return token_norms(phrase)


def _tokens(text: str) -> tuple[str, ...]:
    """Tokens of a pattern word or alternative: as text tokenizes, plus ``word*`` stems and ``...`` gaps."""
    if "*" not in text and "..." not in text:
        return _norms(text)
    out: list[str] = []
    for piece in text.split():
        if piece == "...":
            out.append("...")
        elif piece.endswith("*") and len(piece) > 1:
            toks = list(_norms(piece[:-1]))
            if toks:
                toks[-1] += "*"
            out.extend(toks)
        else:
            out.extend(_norms(piece))
    return tuple(out)


def _date(value: str, path: str, no: int) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DictionaryError(f"bad date {value!r} (expected YYYY-MM-DD)", path, no) from None


_ROLE = re.compile(r"^([A-Z0-9/~-]+)(?:\s+(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?)?$")

# Special codes are written as words in native files (``#`` starts a comment): DISCARD = ###, COMPLEX = +++.
_SPECIAL_IN = {"DISCARD": "###", "COMPLEX": "+++"}
_SPECIAL_OUT = {v: k for k, v in _SPECIAL_IN.items()}


def code_in(code: str) -> str:
    """A code as written in a native file, as the model keeps it (``DISCARD`` -> ``###``)."""
    return _SPECIAL_IN.get(code, code)


def code_out(code: str) -> str:
    """A model code as a native file writes it (``###`` -> ``DISCARD``)."""
    return _SPECIAL_OUT.get(code, code)


def _parse_actors(text: str, path: str, lex: Lexicon) -> None:
    names: list[str] | None = None
    names_line = 0
    roles: list[Role] = []
    default: str | None = None
    group = False

    def flush() -> None:
        nonlocal names, roles, default, group
        if names is not None:
            if not roles and default is None:
                raise DictionaryError(f"actor {names[0]!r} has no code line", path, names_line)
            phrases = tuple(n for n in names if n)
            lex.actors.append(
                ActorEntry(
                    name=phrases[0].rstrip("!").replace(" ... ", " ").replace("*", ""),
                    phrases=phrases,
                    roles=tuple(roles),
                    default=default,
                    source=f"{path}:{names_line}",
                    group=group,
                )
            )
        names, roles, default, group = None, [], None, False

    for no, line in _lines(text):
        if line[0].isspace():
            if names is None:
                raise DictionaryError("code line without an actor name line above it", path, no)
            m = _ROLE.match(line.strip())
            if not m:
                raise DictionaryError(f"bad code line {line.strip()!r} (expected CODE [FROM..TO])", path, no)
            code, start, end = code_in(m.group(1)), m.group(2) or "", m.group(3) or ""
            if lex.codebook is not None and code not in ("---", "###", "+++"):
                try:
                    check_actor_code(code, where=f"{path}:{no}")
                except UnknownCodeError as exc:
                    raise DictionaryError(f"unknown actor code {code!r}", path, no) from exc
            if ".." in line:
                s, e = _date(start, path, no), _date(end, path, no)
                if s and e and e <= s:
                    raise DictionaryError(f"date range ends before it starts: {start}..{end}", path, no)
                roles.append(Role(code, s, e))
            else:
                if default is not None:
                    raise DictionaryError(f"second default code {code!r} (first: {default!r})", path, no)
                default = code
        else:
            flush()
            body = line.rstrip()
            if body.endswith("@group"):
                group = True
                body = body[: -len("@group")]
            names = [n.strip() for n in body.split(";") if n.strip()]
            names_line = no
            if not names:
                raise DictionaryError("empty name line", path, no)
    flush()


def _parse_agents(text: str, path: str, lex: Lexicon) -> None:
    nouns: list[str] | None = None
    nouns_line = 0
    for no, line in _lines(text):
        if line[0].isspace():
            code = line.strip()
            if nouns is None:
                raise DictionaryError("code line without agent nouns above it", path, no)
            prefix = code.endswith("~")  # NGO~: the agent's code goes before the actor's
            code = code.strip("~")
            seg = get_actor_segment(code)
            if lex.codebook is not None and (seg is None or seg.kind != "agent"):
                raise DictionaryError(f"unknown agent code {code!r}", path, no)
            for noun in nouns:
                lex.agents.append(AgentEntry(noun, code, f"{path}:{nouns_line}", prefix=prefix))
            nouns = None
        else:
            if nouns is not None:
                raise DictionaryError("agent nouns without a code line below them", path, nouns_line)
            nouns = [n.strip() for n in line.split(";") if n.strip()]
            nouns_line = no
    if nouns is not None:
        raise DictionaryError("agent nouns without a code line below them", path, nouns_line)


_PIECE = re.compile(r"\{[^{}]*\}|\([^()]*\)|\[[^\[\]]*\]|\S+")
_CLASS_NAME = re.compile(r"^%[a-z_][a-z0-9_]*$")


_BAD_ALTERNATIVE = re.compile(r"[{}()+$%]|(?<!\S)\*(?!\S)")
_ALTERNATIVES: dict[str, tuple[tuple[str, ...], ...]] = {}
"""Bodies already read (the same ``{a|b|c}`` recurs on many lines); only well-formed ones are kept."""


def _alternatives(body: str, path: str, no: int) -> tuple[tuple[str, ...], ...]:
    got = _ALTERNATIVES.get(body)
    if got is not None:
        return got
    alts = []
    for alt in body.split("|"):
        alt = alt.strip()
        if not alt or _BAD_ALTERNATIVE.search(alt):
            raise DictionaryError(f"bad alternative {alt!r} in {body!r}", path, no)
        toks = _tokens(alt.lstrip("="))
        if not toks:
            raise DictionaryError(f"bad alternative {alt!r} in {body!r}", path, no)
        alts.append(toks)
    if len(_ALTERNATIVES) > 100_000:
        _ALTERNATIVES.clear()
    got = _ALTERNATIVES[body] = tuple(alts)
    return got


_SPECIAL_GROUP = re.compile(r"([({])([^(){}]*?(?:[+$%^]|(?<![^\s({|])\*(?![^\s)}|]))[^(){}]*)([)}])")


def _parse_pattern(line: str, code: str, path: str, no: int, reverse: str | None = None) -> list[PatternEntry]:
    """One pattern line. A bracket group holding a slot, a class or a gap (``(with +)``, ``{into|across * into}``)
    expands into one pattern per alternative (and, for an optional group, one without it)."""
    m = _SPECIAL_GROUP.search(line)
    if m:
        if (m.group(1) == "(") != (m.group(3) == ")"):
            raise DictionaryError(f"unbalanced brackets in {m.group(0)!r}", path, no)
        variants = [alt.strip() for alt in m.group(2).split("|")]
        if m.group(1) == "(":
            variants.append("")
        out: list[PatternEntry] = []
        for v in variants:
            out.extend(_parse_pattern(line[: m.start()] + v + line[m.end() :], code, path, no, reverse))
        return out
    return _parse_one(line, code, path, no, reverse)


def _parse_one(line: str, code: str, path: str, no: int, reverse: str | None = None) -> list[PatternEntry]:
    flags = set()
    body = line
    while "@" in body:
        body, _, flag = body.rpartition("@")
        flag = flag.strip()
        if flag not in ("sym", "noun", "weak", "dominant", "active"):
            raise DictionaryError(f"unknown pattern flag @{flag}", path, no)
        flags.add(flag)
    pieces = _PIECE.findall(body)
    if not pieces:
        raise DictionaryError("empty pattern", path, no)
    elements: list[Element] = []
    head_index: int | None = None
    heads: list[tuple[str, tuple[str, ...]]] = []
    noun_head = "noun" in flags
    marked = any(p.startswith("[") for p in pieces)
    for piece in pieces:
        if piece == "+":
            elements.append(Element("target"))
        elif piece == "+!":
            elements.append(Element("target", name="!"))  # the target must be a known actor
        elif piece == "$":
            elements.append(Element("source"))
        elif piece == "*":
            elements.append(Element("gap"))
        elif piece == "...":
            elements.append(Element("any"))
        elif piece == "^":
            elements.append(Element("skip"))
        elif piece == "%":
            elements.append(Element("compound"))
        elif piece.startswith("["):
            if not piece.endswith("]") or head_index is not None:
                raise DictionaryError(f"bad verb marker {piece!r} (one [verb] a pattern)", path, no)
            inner = piece[1:-1].strip()
            literal = inner.startswith("=")
            words = _tokens(inner.lstrip("="))
            if not words or "..." in words:
                raise DictionaryError(f"bad verb {piece!r}", path, no)
            head_index = len(elements)
            heads = [(words[0], words[1:])]
            noun_head = noun_head or literal
            elements.append(Element("lit", ()))
        elif piece.startswith("%"):
            if not _CLASS_NAME.match(piece):
                raise DictionaryError(f"bad word class name {piece!r}", path, no)
            elements.append(Element("class", name=piece[1:]))
        elif piece.startswith("("):
            if not piece.endswith(")"):
                raise DictionaryError(f"unbalanced parenthesis in {piece!r}", path, no)
            elements.append(Element("opt", _alternatives(piece[1:-1], path, no)))
        elif piece.startswith("{"):
            if not piece.endswith("}"):
                raise DictionaryError(f"unbalanced brace in {piece!r}", path, no)
            alts = _alternatives(piece[1:-1], path, no)
            if head_index is None and not marked:
                head_index = len(elements)
                heads = [(a[0], a[1:]) for a in alts if a]
                elements.append(Element("lit", ()))  # placeholder for the head
            else:
                elements.append(Element("lit", alts))
        elif any(ch in piece for ch in "{}()|"):
            raise DictionaryError(f"unbalanced brackets in {piece!r}", path, no)
        else:
            literal = piece.startswith("=")
            words = _tokens(piece.lstrip("="))
            if not words:
                raise DictionaryError(f"bad word {piece!r}", path, no)
            if head_index is None and not marked:
                head_index = len(elements)
                heads = [(words[0], words[1:])]
                noun_head = noun_head or literal
                elements.append(Element("lit", ()))
            else:
                elements.append(Element("lit", (words,)))
    if head_index is None:
        raise DictionaryError("pattern has no verb (no literal word)", path, no)
    before = tuple(elements[:head_index])
    if not marked and any(e.kind in ("lit", "class") for e in before):
        raise DictionaryError("words before the verb need the verb marked: said ... [deplore]", path, no)
    after = tuple(elements[head_index + 1 :])
    return [
        PatternEntry(
            code=code,
            head=h,
            head_rest=rest,
            before=before,
            after=after,
            text=line.strip(),
            source=f"{path}:{no}",
            symmetric="sym" in flags,
            noun_head=noun_head,
            reverse_code=reverse,
            weak="weak" in flags,
            dominant="dominant" in flags,
            active="active" in flags,
        )
        for h, rest in heads
    ]


def _parse_verbs(text: str, path: str, lex: Lexicon) -> None:
    code: str | None = None
    reverse: str | None = None
    for no, line in _lines(text):
        stripped = line.strip()
        if stripped.startswith("=="):
            parts = stripped[2:].split()
            if not parts:
                raise DictionaryError("section line without a code", path, no)
            fwd, colon, rev = parts[0].partition(":")
            code, reverse = code_in(fwd or "---"), (code_in(rev or "---") if colon else None)
            for c in (code, reverse):
                if c is not None and lex.codebook is not None and c not in ("---", "###", "+++") \
                        and get_event_code(c) is None:
                    raise DictionaryError(f"unknown CAMEO event code {c!r}", path, no)
            continue
        if code is None:
            raise DictionaryError("pattern before the first '== CODE' section line", path, no)
        lex.patterns.extend(_parse_pattern(stripped, code, path, no, reverse))


def _parse_classes(text: str, path: str, lex: Lexicon) -> None:
    for no, line in _lines(text):
        name, eq, words = line.strip().partition("=")
        name = name.strip()
        if not eq or not _CLASS_NAME.match(name):
            raise DictionaryError("expected '%class = word; word'", path, no)
        lex.classes.setdefault(name[1:], []).extend(w.strip() for w in words.split(";") if w.strip())


def _parse_irregular(text: str, path: str, lex: Lexicon) -> None:
    section = "irregular"
    for no, line in _lines(text):
        stripped = line.strip()
        if stripped.startswith("=="):
            section = stripped[2:].strip()
            if section not in ("doubling", "irregular", "forms"):
                raise DictionaryError(f"unknown section {section!r}", path, no)
            continue
        parts = stripped.split()
        if section == "forms":
            head = parts[0].lower()
            lex.verb_forms[head] = list(dict.fromkeys([*lex.verb_forms.get(head, []),
                                                       *(p.lower() for p in parts[1:] or parts)]))
            continue
        if section == "doubling":
            lex.doubling.update(p.lower() for p in parts)
            continue
        if len(parts) < 3:
            raise DictionaryError("expected 'lemma past past-participle'", path, no)
        lex.irregular[parts[0].lower()] = (parts[1].lower().split("/"), parts[2].lower().split("/"))


def _parse_discards(text: str, path: str, lex: Lexicon) -> None:
    for _no, line in _lines(text):
        lex.discards.append(line.strip())


def _parse_words(target: str) -> Callable[[str, str, Lexicon], None]:
    def parse(text: str, path: str, lex: Lexicon) -> None:
        out = lex.nouns if target == "nouns" else lex.adjectives
        for _no, line in _lines(text):
            out.append(line.strip())

    return parse


def _parse_times(text: str, path: str, lex: Lexicon) -> None:
    for no, line in _lines(text):
        phrase, eq, value = line.strip().rpartition("=")
        phrase, value = phrase.strip(), value.strip()
        if not eq or not phrase:
            raise DictionaryError("expected 'phrase = DAYS' (or DISCARD, COMPLEX, NULL)", path, no)
        if value.upper() in ("DISCARD", "COMPLEX", "NULL"):
            lex.time_shifts.append(TimeShift(phrase, 0, {"NULL": "---"}.get(value.upper(), code_in(value.upper())),
                                             f"{path}:{no}"))
            continue
        try:
            lex.time_shifts.append(TimeShift(phrase, int(value), None, f"{path}:{no}"))
        except ValueError:
            raise DictionaryError(f"bad number of days {value!r}", path, no) from None


_OPTION_FIELDS = {f.name: f for f in attrs.fields(CodingOptions)}


def _parse_settings(text: str, path: str, lex: Lexicon) -> None:
    """``key = value`` lines: ``grammar``, ``codebook`` and the classic grammar's options."""
    for no, line in _lines(text):
        key, eq, value = line.strip().partition("=")
        key, value = key.strip().replace("-", "_"), value.strip()
        if not eq:
            raise DictionaryError("expected 'key = value'", path, no)
        if key == "grammar":
            if value not in ("native", "classic"):
                raise DictionaryError(f"grammar is native or classic, not {value!r}", path, no)
            lex.grammar = value  # type: ignore[assignment]
        elif key == "codebook":
            lex.codebook = None if value.lower() == "none" else value
        elif key in _OPTION_FIELDS:
            try:
                setattr(lex.options, key, _option_value(_OPTION_FIELDS[key], value))
            except ValueError as exc:
                raise DictionaryError(f"bad value for {key}: {exc}", path, no) from None
        else:
            raise DictionaryError(f"unknown setting {key!r}", path, no)


def _option_value(field: attrs.Attribute[object], value: str) -> object:
    default = field.default
    if isinstance(default, bool):
        if value.lower() not in ("true", "false"):
            raise ValueError(f"expected true or false, not {value!r}")
        return value.lower() == "true"
    if isinstance(default, int):
        return int(value)
    if isinstance(default, tuple):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if value.lower() == "none":
        return None
    return value


_KINDS: dict[str, Callable[[str, str, Lexicon], None]] = {
    ".actors": _parse_actors,
    ".agents": _parse_agents,
    ".verbs": _parse_verbs,
    ".classes": _parse_classes,
    ".irregular": _parse_irregular,
    ".discards": _parse_discards,
    ".settings": _parse_settings,
    ".nouns": _parse_words("nouns"),
    ".adjectives": _parse_words("adjectives"),
    ".times": _parse_times,
}


def _kind_of(name: str, parent: str) -> str:
    """The kind of a dictionary file from its extension, or (built-ins) its name and folder."""
    for ext in _KINDS:
        if name.endswith(ext):
            return ext
    if parent == "verbs":
        return ".verbs"
    if parent == "classes":
        return ".classes"
    if name.startswith("agents"):
        return ".agents"
    if name.startswith("irregular"):
        return ".irregular"
    if name.startswith("discards"):
        return ".discards"
    raise DictionaryError(
        f"cannot tell what kind of dictionary {name!r} is: name it *.actors, *.agents, *.verbs, "
        "*.classes, *.irregular, *.discards, *.settings, *.nouns, *.adjectives or *.times"
    )


def parse_text(text: str, kind: str, path: str = "<string>", lex: Lexicon | None = None) -> Lexicon:
    """Parse one dictionary's text of the given kind (``.actors``, ``.verbs``, ...) into a lexicon."""
    lex = lex if lex is not None else Lexicon()
    if kind not in _KINDS:
        raise DictionaryError(f"unknown dictionary kind {kind!r}", path)
    _KINDS[kind](text, path, lex)
    return lex


def _builtin_entries() -> Iterator[tuple[str, str, str]]:
    root = resources.files("eventcode") / "data"
    for sub in ("", "actors", "classes", "verbs"):
        folder = root / sub if sub else root
        if not folder.is_dir():
            continue
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.is_file() and item.name.endswith((".txt", ".actors")):
                if sub == "" and not item.name.startswith(("agents", "irregular", "discards")):
                    continue
                yield item.name, sub, item.read_text(encoding="utf-8")


def builtin_files() -> list[str]:
    """Names of the built-in dictionary files, relative to ``eventcode/data``."""
    return [f"{sub + '/' if sub else ''}{name}" for name, sub, _ in _builtin_entries()]


def load_builtin(lex: Lexicon | None = None) -> Lexicon:
    """The built-in dictionaries (into ``lex`` when given).

    Into a new, empty lexicon they come from the per-user start-up cache when it holds the parse of the same
    files (see :mod:`eventcode._cache`; about five times faster than parsing their text).
    """
    lex = lex if lex is not None else Lexicon()
    entries = list(_builtin_entries())
    if lex == Lexicon():
        from eventcode import _cache
        from eventcode.lexicon import _snapshot

        content = "\0".join(f"{sub}/{name}\0{text}" for name, sub, text in entries).encode()
        plain = _cache.cached_value("builtin-lexicon", content, _snapshot.FORMAT,
                                    lambda: _snapshot.to_plain(_parse_builtin(entries, Lexicon())), _snapshot.valid)
        if plain is not None:
            got = _snapshot.from_plain(plain)
            for field in attrs.fields(Lexicon):
                setattr(lex, field.name, getattr(got, field.name))
            return lex
    return _parse_builtin(entries, lex)


def _parse_builtin(entries: list[tuple[str, str, str]], lex: Lexicon) -> Lexicon:
    for name, sub, text in entries:
        rel = f"{sub + '/' if sub else ''}{name}"
        parse_text(text, _kind_of(name, sub), rel, lex)
    lex.builtin_patterns = len(lex.patterns)
    return lex


def load_files(paths: Iterable[str | Path], lex: Lexicon | None = None) -> Lexicon:
    """Native dictionary files (or folders of them) into a lexicon."""
    lex = lex if lex is not None else Lexicon()
    for p in paths:
        path = Path(p)
        files = sorted(x for x in path.rglob("*") if x.is_file()) if path.is_dir() else [path]
        files.sort(key=lambda f: not f.name.endswith(".settings"))  # settings first: they set the codebook
        for f in files:
            try:
                text = f.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise DictionaryError(f"not UTF-8 at byte {exc.start}", str(f)) from None
            except OSError as exc:
                raise DictionaryError(f"cannot read: {exc.strerror}", str(f)) from None
            parse_text(text, _kind_of(f.name, f.parent.name), str(f), lex)
    return lex
