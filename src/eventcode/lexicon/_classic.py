"""Compiling a lexicon for the ``classic`` grammar (TABARI- and PETRARCH-style clause rules).

The classic grammar matches dictionary words against the text's words with TABARI's conventions: a token
ending in ``*`` is a stem (any word that starts with it), ``...`` lets any words come between two tokens,
and every other token must equal the word (an actor's last word may also carry the possessive ``'s``). This
module builds the lookup tables: one phrase index for actors, agents, nouns, adjectives, discards and time
phrases (exact first tokens and stem first tokens), one verb index from surface forms and stems to the
patterns of a verb, longest pattern first (TABARI's order).
"""

from __future__ import annotations

from typing import NamedTuple

from eventcode.errors import DictionaryError
from eventcode.lexicon._model import ActorEntry, AgentEntry, CodingOptions, Element, Lexicon, PatternEntry, TimeShift
from eventcode.text import tokenize

__all__ = ["CEl", "CPat", "CPhrase", "ClassicTables", "compile_classic", "phrase_tokens"]

GAP = "..."


def phrase_tokens(text: str) -> tuple[str, ...]:
    """Tokens of a phrase written with ``word*`` stems and ``...`` gaps (plain text tokenizes as usual)."""
    out: list[str] = []
    for piece in text.split():
        if piece.isascii() and (piece.isalnum() or (piece[:-1].isalnum() and piece.endswith("*"))):
            out.append(piece.lower())
            continue
        if piece == GAP:
            if out and out[-1] != GAP:
                out.append(GAP)
            continue
        stem = piece.endswith("*") and len(piece) > 1
        toks = [t.norm for t in tokenize(piece[:-1] if stem else piece) if t.norm not in ("-", "_")]
        if not toks:
            continue
        if stem:
            toks[-1] += "*"
        out.extend(toks)
    while out and out[-1] == GAP:
        out.pop()
    while out and out[0] == GAP:
        out.pop(0)
    return tuple(out)


class CPhrase(NamedTuple):
    """A phrase of the phrase index: its tokens, kind, entry and rank (longer phrases first)."""

    toks: tuple[str, ...]
    kind: str  # actor, agent, noun, adj, discard, time
    entry: ActorEntry | AgentEntry | TimeShift | str
    rank: int
    exact: tuple[str, ...] | None = None
    """For a phrase written with a final ``!``: the words as they must be capitalised."""


class CEl(NamedTuple):
    """A compiled pattern element: kind and, for words, the token sequences it accepts."""

    kind: str  # lit, class, opt, any, target, source, skip, compound
    alts: tuple[tuple[str, ...], ...]
    by_first: dict[str, tuple[tuple[str, ...], ...]] | None = None
    """Alternatives by their first token, when it is a complete word (the rest are in ``loose_first``)."""
    loose_first: tuple[tuple[str, ...], ...] = ()
    by_last: dict[str, tuple[tuple[str, ...], ...]] | None = None
    loose_last: tuple[tuple[str, ...], ...] = ()


def _indexed(kind: str, alts: tuple[tuple[str, ...], ...]) -> CEl:
    """An element with its alternatives indexed by first and last word (for fast matching)."""
    def index(pick: int) -> tuple[dict[str, tuple[tuple[str, ...], ...]], tuple[tuple[str, ...], ...]]:
        table: dict[str, list[tuple[str, ...]]] = {}
        loose: list[tuple[str, ...]] = []
        for a in alts:
            t = a[pick]
            if t == GAP or t.endswith("*"):
                loose.append(a)
            else:
                table.setdefault(t, []).append(a)
        return {k: tuple(v) for k, v in table.items()}, tuple(loose)

    first, loose_first = index(0)
    last, loose_last = index(-1)
    return CEl(kind, alts, first, loose_first, last, loose_last)


class CPat(NamedTuple):
    """A compiled verb pattern: elements before and after the verb, TABARI length (longest is tried first)."""

    entry: PatternEntry
    before: tuple[CEl, ...]
    after: tuple[CEl, ...]
    length: int
    required: frozenset[str] = frozenset()
    """Words the pattern cannot match without (complete words of its fixed parts), to skip it fast."""


class ClassicTables(NamedTuple):
    """Lookup tables of the classic grammar."""

    phrase_exact: dict[str, list[CPhrase]]
    phrase_stem: dict[str, list[CPhrase]]
    phrase_stem_lens: tuple[int, ...]
    verb_exact: dict[str, list[str]]
    verb_stem: dict[str, list[str]]
    verb_stem_lens: tuple[int, ...]
    heads: dict[str, list[CPat]]
    null_heads: frozenset[str]
    """Heads whose only pattern is the bare null code: such words are not verbs at all."""
    options: CodingOptions


def _rank(toks: tuple[str, ...]) -> int:
    """More words first, then more letters; a complete word counts one more than a stem (TABARI's ``_``)."""
    gaps = toks.count(GAP)
    words = len(toks) - gaps
    stems = sum(1 for t in toks if t.endswith("*"))
    return words * 1000 + sum(map(len, toks)) - 3 * gaps - 2 * stems + words


def _add(exact: dict[str, list[CPhrase]], stem: dict[str, list[CPhrase]], toks: tuple[str, ...], kind: str,
         entry: ActorEntry | AgentEntry | TimeShift | str, cased: str | None = None) -> None:
    if not toks:
        return
    ph = CPhrase(toks, kind, entry, _rank(toks),
                 tuple(cased[t.start : t.end] for t in tokenize(cased)) if cased else None)
    first = toks[0]
    if first.endswith("*"):
        stem.setdefault(first[:-1], []).append(ph)
    else:
        exact.setdefault(first, []).append(ph)


def _expand(el: Element, classes: dict[str, tuple[tuple[str, ...], ...]], source: str,
            memo: dict[tuple[str, str, tuple[tuple[str, ...], ...]], CEl]) -> CEl:
    key = (el.kind, el.name, el.alternatives)
    found = memo.get(key)
    if found is not None:
        return found
    if el.kind == "class":
        alts = classes.get(el.name)
        if alts is None:
            raise DictionaryError(f"unknown word class %{el.name}", source)
        found = _indexed("class", alts)
    elif el.kind in ("lit", "opt"):
        found = _indexed(el.kind, el.alternatives)
    elif el.kind == "gap":
        found = CEl("any", ())
    else:
        found = CEl(el.kind, el.alternatives)
    memo[key] = found
    return found


def _length(els: tuple[CEl, ...]) -> int:
    """TABARI's pattern length: letters and ``_`` connectors of the fixed words, with the longest alternative.

    A complete (non-stem) word was written with a trailing ``_`` in TABARI's syntax, so it counts one more.
    """
    n = 0
    for el in els:
        if el.kind == "lit":
            n += max(sum(len(t.rstrip("*")) + (0 if t.endswith("*") else 1) for t in a if t != GAP)
                     for a in el.alts)
    return n


def _required(els: tuple[CEl, ...]) -> frozenset[str]:
    out: set[str] = set()
    for el in els:
        if el.kind == "lit" and len(el.alts) == 1:
            out.update(t for t in el.alts[0] if t != GAP and not t.endswith("*"))
    return frozenset(out)


def compile_classic(lex: Lexicon) -> ClassicTables:
    """Compile a lexicon's entries into the classic grammar's tables."""
    exact: dict[str, list[CPhrase]] = {}
    stem: dict[str, list[CPhrase]] = {}
    for actor in lex.actors:
        for ph in actor.phrases:
            _add(exact, stem, phrase_tokens(ph.rstrip("!")), "actor", actor,
                 ph.rstrip("!") if ph.endswith("!") else None)
    for agent in lex.agents:
        ph = agent.phrase
        _add(exact, stem, phrase_tokens(ph.rstrip("!")), "agent", agent, ph.rstrip("!") if ph.endswith("!") else None)
    for w in lex.nouns:
        _add(exact, stem, phrase_tokens(w), "noun", w)
    for w in lex.adjectives:
        _add(exact, stem, phrase_tokens(w), "adj", w)
    for d in lex.discards:
        _add(exact, stem, phrase_tokens(d), "discard", d)
    for ts in lex.time_shifts:
        _add(exact, stem, phrase_tokens(ts.phrase), "time", ts)
    for table in (exact, stem):
        for cands in table.values():
            cands.sort(key=lambda c: -c.rank)

    classes: dict[str, tuple[tuple[str, ...], ...]] = {}
    for name, words in lex.classes.items():
        alts = {phrase_tokens(w) for w in words}
        classes[name] = tuple(sorted((a for a in alts if a), key=lambda a: (-len(a), a)))

    heads: dict[str, list[CPat]] = {}
    verb_exact: dict[str, set[str]] = {}
    verb_stem: dict[str, set[str]] = {}
    done: dict[tuple[int, int, tuple[str, ...]], tuple[tuple[CEl, ...], tuple[CEl, ...], int, frozenset[str]]] = {}
    seen_heads: set[str] = set()
    el_memo: dict[tuple[str, str, tuple[tuple[str, ...], ...]], CEl] = {}
    for p in lex.patterns:
        key = (id(p.before), id(p.after), p.head_rest)
        parts = done.get(key)
        if parts is None:
            before = tuple(_expand(e, classes, p.source, el_memo) for e in p.before)
            after = tuple(_indexed("lit", ((t,),)) for t in p.head_rest) + tuple(
                _expand(e, classes, p.source, el_memo) for e in p.after)
            parts = (before, after, _length(before) + _length(after), _required(before + after))
            done[key] = parts
        heads.setdefault(p.head, []).append(CPat(p, *parts))
        if p.head in seen_heads:
            continue
        seen_heads.add(p.head)
        if p.head.endswith("*"):
            verb_stem.setdefault(p.head[:-1], set()).add(p.head)
        else:
            forms = lex.verb_forms.get(p.head)
            if forms is None:
                from eventcode.lexicon._inflect import verb_forms

                forms = sorted(verb_forms(p.head, lex.irregular, lex.doubling))
            for f in forms:
                if f.endswith("*"):
                    verb_stem.setdefault(f[:-1], set()).add(p.head)
                else:
                    verb_exact.setdefault(f, set()).add(p.head)
    for pats in heads.values():
        pats.sort(key=lambda c: -c.length)  # stable: file order among equals
    null_heads = frozenset(h for h, pats in heads.items()
                           if len(pats) == 1 and pats[0].entry.code == "---"
                           and pats[0].entry.reverse_code in (None, "---") and not pats[0].before
                           and not pats[0].after)
    return ClassicTables(
        phrase_exact=exact,
        phrase_stem=stem,
        phrase_stem_lens=tuple(sorted({len(k) for k in stem}, reverse=True)),
        verb_exact={k: sorted(v) for k, v in verb_exact.items()},
        verb_stem={k: sorted(v) for k, v in verb_stem.items()},
        verb_stem_lens=tuple(sorted({len(k) for k in verb_stem}, reverse=True)),
        heads=heads,
        null_heads=null_heads,
        options=lex.options.copy(),
    )


def _classic_only(text: str) -> bool:
    """Whether phrase text uses a stem (``word*``) or a gap (``...``)."""
    return ("*" in text or "..." in text) and any(
        t == GAP or (t.endswith("*") and len(t) > 1) for t in text.split())


def check_native_features(lex: Lexicon) -> None:
    """Raise when a lexicon for the native grammar uses features only the classic grammar has.

    Stems (``word*``), ``...`` gaps, ``^`` and ``%`` slots and prefix agents (``NGO~``) are features of the
    classic grammar (``grammar = classic`` in a ``.settings`` file); the native grammar refuses them rather
    than ignoring them.
    """
    def fail(what: str, where: str) -> None:
        raise DictionaryError(f"{what} needs the classic grammar (a .settings file with 'grammar = classic')",
                              where)

    for a in lex.actors:
        for ph in a.phrases:
            if _classic_only(ph):
                fail(f"stem or gap in actor phrase {ph!r}", a.source)
    for g in lex.agents:
        if g.prefix:
            fail(f"prefix agent {g.code}~", g.source)
        if _classic_only(g.phrase):
            fail(f"stem or gap in agent phrase {g.phrase!r}", g.source)
    for name, words in lex.classes.items():
        for w in words:
            if _classic_only(w):
                fail(f"stem or gap in %{name} word {w!r}", "classes")
    for d in lex.discards:
        if _classic_only(d):
            fail(f"stem or gap in discard {d!r}", "discards")
    checked: set[int] = set()
    for p in lex.patterns:
        if p.head.endswith("*"):
            fail(f"stem verb {p.head!r}", p.source)
        for els in (p.before, p.after):
            if not els or id(els) in checked:
                continue
            for el in els:
                if el.kind in ("any", "skip", "compound"):
                    fail({"any": "'...'", "skip": "'^'", "compound": "'%'"}[el.kind] + " in a pattern", p.source)
                for alt in el.alternatives:
                    for t in alt:
                        if t == GAP or (t.endswith("*") and len(t) > 1):
                            fail("stem or gap in a pattern word", p.source)
            checked.add(id(els))
    if lex.nouns or lex.adjectives or lex.time_shifts:
        fail("noun, adjective or time lists", "lexicon")
