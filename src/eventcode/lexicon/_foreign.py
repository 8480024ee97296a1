"""Shared pieces of the TABARI and PETRARCH readers: their phrase syntax, codes and dates.

TABARI-family phrases are words joined by connectors. A blank lets other words come between two words, an
underscore makes them consecutive, and a word that does not end in ``_`` is a *stem* (``ERIADOR`` matches
"Eriadorian"); ``~`` keeps the stem but makes the next word consecutive. Patterns add slots (``+`` target,
``$`` source, ``%`` compound, ``^`` skip an actor, ``*`` the verb), alternatives ``{ a | b }`` and synsets
``&NAME``. This module turns them into eventcode's phrase tokens and pattern elements:

- a token ending in ``*`` is a stem; the token ``...`` is a gap of any length (both documented in
  ``docs/dictionaries.md``);
- a pattern becomes the elements before the verb and the elements after it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import NamedTuple

from eventcode.lexicon._model import Element, LoadReport
from eventcode.text import tokenize

__all__ = [
    "Item",
    "PatternSyntaxError",
    "alt_tokens",
    "class_name",
    "fast_phrase",
    "foreign_date",
    "items_to_elements",
    "parse_code",
    "parse_roles",
    "phrase_string",
    "scan_items",
    "word_tokens",
]

GAP = "..."


class PatternSyntaxError(ValueError):
    """A phrase the reader cannot translate (reported, never raised to the user)."""


class Item(NamedTuple):
    """One scanned element of a phrase: a word, a slot, a synset or alternatives, and its connector."""

    kind: str  # word, slot, synset, alt
    value: str
    open: bool
    alts: tuple[tuple[Item, ...], ...]
    adjacent: bool
    """Whether the next item must follow immediately (``_`` or ``~``) rather than after any words."""


_SLOTS = "+$%^*"
_WORD_END = re.compile(r"[\s_~{}|]")


def word_tokens(word: str, open_: bool) -> tuple[str, ...]:
    """Tokens of one dictionary word: normalised like text, the last one marked ``*`` when it is a stem."""
    if word.isascii() and word.isalnum():  # the common case, without the tokenizer
        low = word.lower()
        return (low + "*",) if open_ else (low,)
    toks = [t.norm for t in tokenize(word.lower()) if t.norm not in ("-", "_")]
    if not toks:
        return ()
    if open_ and toks[-1][-1:].isalnum():
        toks[-1] += "*"
    return tuple(toks)


_SIMPLE = re.compile(r"^[^\s_~{}|&+$%^*@=]+(?:[ \t_]+[^\s_~{}|&+$%^*@=]+)*[ \t_]*$")
_SPLIT = re.compile(r"([ \t_]+)")


def scan_items(text: str, synsets: frozenset[str] | set[str] = frozenset(), *, stems: bool = True) -> list[Item]:
    """Scan a TABARI/PETRARCH phrase into items (raises PatternSyntaxError on what cannot be read)."""
    if _SIMPLE.match(text):  # words and connectors only: the common case of names
        parts = _SPLIT.split(text.strip(" \t"))
        if parts and parts[-1] == "":
            parts.pop()
        out: list[Item] = []
        for k in range(0, len(parts), 2):
            conn = parts[k + 1] if k + 1 < len(parts) else ""
            closed = "_" in conn
            adjacent = closed and not any(c in " \t" for c in conn[conn.index("_"):])
            out.append(Item("word", parts[k], stems and not closed, (), adjacent))
        return out
    return _scan(text, 0, synsets, stems, top=True)[0]


def _connector(text: str, pos: int) -> tuple[bool, bool, int]:
    """Read connector characters after a word: (closed, adjacent, new position)."""
    seq = ""
    while pos < len(text) and text[pos] in " \t_~":
        seq += text[pos]
        pos += 1
    closed = "_" in seq and "~" not in seq
    if "~" in seq:
        adjacent = True
    elif "_" in seq:
        adjacent = not any(c in " \t" for c in seq[seq.index("_"):])
    else:
        adjacent = False
    return closed, adjacent, pos


def _scan(text: str, pos: int, synsets: frozenset[str] | set[str], stems: bool, top: bool
          ) -> tuple[list[Item], int]:
    items: list[Item] = []
    n = len(text)
    while pos < n:
        ch = text[pos]
        if ch in " \t_~":
            pos += 1
            continue
        if ch in "}|":
            if top:
                raise PatternSyntaxError(f"unbalanced {ch!r}")
            return items, pos
        if ch == "{":
            alts: list[tuple[Item, ...]] = []
            pos += 1
            while True:
                sub, pos = _scan(text, pos, synsets, stems, top=False)
                alts.append(tuple(sub))
                if pos >= n:
                    raise PatternSyntaxError("unclosed '{'")
                if text[pos] == "|":
                    pos += 1
                    continue
                pos += 1  # '}'
                break
            _closed, adjacent, pos = _connector(text, pos)
            items.append(Item("alt", "", False, tuple(alts), adjacent))
            continue
        if ch in _SLOTS and (pos + 1 >= n or text[pos + 1] in " \t_~{}|"):
            pos += 1
            _closed, adjacent, pos = _connector(text, pos)
            items.append(Item("slot", ch, False, (), adjacent))
            continue
        if ch == "&":
            m = re.match(r"&[A-Za-z0-9_]+", text[pos:])
            if not m:
                raise PatternSyntaxError("bad synset name")
            name = m.group()
            # the longest defined synset name (an underscore may also be a connector after the name)
            while name not in synsets and "_" in name:
                name = name[: name.rindex("_")]
            if name not in synsets:
                raise PatternSyntaxError(f"undefined synset {m.group()}")
            pos += len(name)
            _closed, adjacent, pos = _connector(text, pos)
            items.append(Item("synset", name, False, (), adjacent))
            continue
        m = _WORD_END.search(text, pos)
        end = m.start() if m else n
        word = text[pos:end]
        pos = end
        no_endings = word.endswith("=")
        word = word.rstrip("=")
        closed, adjacent, pos = _connector(text, pos)
        if "@" in word:
            raise PatternSyntaxError("attribution token @")
        items.append(Item("word", word, stems and not closed and not no_endings, (), adjacent))
    return items, pos


def alt_tokens(seq: tuple[Item, ...], classes: dict[str, list[str]], limit: int = 400) -> list[tuple[str, ...]]:
    """Flatten one alternative (words, gaps, synsets) into token tuples."""
    outs: list[tuple[str, ...]] = [()]
    for k, it in enumerate(seq):
        if it.kind == "word":
            parts = [word_tokens(it.value, it.open)]
        elif it.kind == "synset":
            parts = [tuple(w.split(" ")) for w in classes.get(class_name(it.value), [])]
        elif it.kind == "alt":
            parts = [t for a in it.alts for t in alt_tokens(a, classes, limit)]
        else:
            raise PatternSyntaxError(f"slot {it.value} inside alternatives")
        gap: tuple[str, ...] = (GAP,) if (not it.adjacent and k + 1 < len(seq)) else ()
        outs = [o + p + gap for o in outs for p in parts if p]
        if len(outs) > limit:
            raise PatternSyntaxError("too many alternatives")
    return [o for o in outs if o]


def class_name(name: str) -> str:
    """The eventcode word-class name of a synset (``&TIETYPES`` -> ``tietypes``)."""
    return re.sub(r"[^a-z0-9_]", "_", name.lstrip("&").lower()).strip("_") or "synset"


def items_to_elements(items: list[Item], classes: dict[str, list[str]]) -> list[Element]:
    """Items to pattern elements: consecutive items stay consecutive, blanks become ``any`` gaps."""
    out: list[Element] = []
    for k, it in enumerate(items):
        if it.kind == "word":
            toks = word_tokens(it.value, it.open)
            if not toks:
                continue
            out.append(Element("lit", (toks,)))
        elif it.kind == "slot":
            kind = {"+": "target", "$": "source", "%": "compound", "^": "skip", "*": "verb"}[it.value]
            out.append(Element(kind))  # type: ignore[arg-type]
        elif it.kind == "synset":
            out.append(Element("class", name=class_name(it.value)))
        else:
            alts = tuple(t for a in it.alts for t in alt_tokens(a, classes))
            if not alts:
                raise PatternSyntaxError("empty alternatives")
            out.append(Element("lit", tuple(dict.fromkeys(alts))))
        if not it.adjacent and k + 1 < len(items):
            out.append(Element("any"))
    return out


def fast_phrase(text: str, stems: bool) -> str | None:
    """:func:`phrase_string` of a phrase made only of words and connectors (None for anything else)."""
    if not _SIMPLE.match(text):
        return None
    parts = _SPLIT.split(text.strip(" \t"))
    if parts and parts[-1] == "":
        parts.pop()
    toks: list[str] = []
    last = len(parts) - 1
    for k in range(0, len(parts), 2):
        conn = parts[k + 1] if k < last else ""
        closed = "_" in conn
        adjacent = closed and not any(c in " \t" for c in conn[conn.index("_"):])
        toks.extend(word_tokens(parts[k], stems and not closed))
        if not adjacent and k + 2 <= last:
            toks.append(GAP)
    while toks and toks[-1] == GAP:
        toks.pop()
    return " ".join(toks) if toks else None


def phrase_string(items: list[Item]) -> str:
    """An actor/agent/noun phrase as eventcode phrase text: tokens, ``*`` stems, ``...`` gaps."""
    toks: list[str] = []
    for k, it in enumerate(items):
        if it.kind != "word":
            raise PatternSyntaxError(f"unexpected {it.value or it.kind} in a phrase")
        toks.extend(word_tokens(it.value, it.open))
        if not it.adjacent and k + 1 < len(items):
            toks.append(GAP)
    while toks and toks[-1] == GAP:
        toks.pop()
    if not toks:
        raise PatternSyntaxError("empty phrase")
    return " ".join(toks)


_CODE = re.compile(r"^[A-Za-z0-9/~#+\-]+$")


_CODES: dict[str, tuple[str, str | None, bool, bool] | None] = {}


def parse_code(raw: str) -> tuple[str, str | None, bool, bool] | None:
    """An event code as written: (code, reverse code, weak, dominant); None if unreadable.

    ``032:033`` is a paired code, ``023?`` subordinate (weak), ``031!`` dominant, ``- - -`` the null code.
    """
    if raw in _CODES:
        return _CODES[raw]
    res = _parse_code(raw)
    if len(_CODES) < 10000:
        _CODES[raw] = res
    return res


def _parse_code(raw: str) -> tuple[str, str | None, bool, bool] | None:
    c = raw.strip().replace(" ", "")
    weak = c.endswith("?")
    dominant = c.endswith("!")
    c = c.rstrip("?!")
    if not c:
        return None
    fwd, colon, rev = c.partition(":")
    fwd = fwd or "---"
    for part in (fwd, rev) if colon else (fwd,):
        if part and not _CODE.match(part):
            return None
    return fwd.upper(), (rev.upper() if colon and rev else ("---" if colon else None)), weak, dominant


@functools.lru_cache(maxsize=8192)
def foreign_date(raw: str, *, yyyy: bool | None = None) -> dt.date:
    """A TABARI/PETRARCH date: YYMMDD (00-30 is 20xx) or YYYYMMDD; raises ValueError."""
    s = raw.strip()
    if not s.isdigit():
        raise ValueError(raw)
    if yyyy is True or (yyyy is None and len(s) == 8):
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    if len(s) != 6:
        raise ValueError(raw)
    yy = int(s[:2])
    return dt.date(2000 + yy if yy <= 30 else 1900 + yy, int(s[2:4]), int(s[4:6]))


_SIMPLE_BLOCK = re.compile(r"^\s*\[\s*([A-Za-z0-9/~#+]+|---)\s*\]\s*$")
_RESTRICT = re.compile(r"^\s*([<>])\s*(\d+)\s*$|^\s*(\d+)\s*-\s*(\d+)\s*$")


def parse_roles(block: str, report: LoadReport, where: str
                ) -> tuple[list[tuple[str, dt.date | None, dt.date | None]], str | None] | None:
    """``[CODE]`` / ``[CODE <950601]`` / ``[CODE 950601-990815]`` blocks: dated roles and the default.

    Returns ``(roles, default)`` with TABARI's inclusive ends turned into eventcode's (start inclusive, end
    exclusive); None when a block cannot be read (reported).
    """
    roles: list[tuple[str, dt.date | None, dt.date | None]] = []
    default: str | None = None
    simple = _SIMPLE_BLOCK.match(block)
    if simple:
        return roles, simple.group(1).upper()
    blocks = re.findall(r"\[([^\]]*)\]", block)
    if not blocks:
        return None
    for b in blocks:
        b = b.strip()
        if not b:
            report.add("empty code block", where)
            continue
        m = re.match(r"^(- - -|[^\s<>]+)\s*(.*)$", b)
        if not m:
            report.add("unreadable actor code", f"{where}: [{b}]")
            continue
        code = m.group(1).replace(" ", "").upper()
        rest = m.group(2).strip()
        if not rest:
            default = code
            continue
        r = _RESTRICT.match(rest)
        try:
            if r and r.group(1) == "<":
                roles.append((code, None, foreign_date(r.group(2)) + dt.timedelta(days=1)))
            elif r and r.group(1) == ">":
                roles.append((code, foreign_date(r.group(2)), None))
            elif r:
                start, end = foreign_date(r.group(3)), foreign_date(r.group(4)) + dt.timedelta(days=1)
                if end <= start:
                    report.add("date range that ends before it starts", f"{where}: [{b}]")
                    continue
                roles.append((code, start, end))
            else:
                raise ValueError(rest)
        except ValueError:
            report.add("unreadable date restriction", f"{where}: [{b}]")
    return roles, default
