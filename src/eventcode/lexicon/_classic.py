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


class CEl(NamedTuple):
    """A compiled pattern element: kind and, for words, the token sequences it accepts."""

    kind: str  # lit, class, opt, any, target, source, skip, compound
    alts: tuple[tuple[str, ...], ...]


class CPat(NamedTuple):
    """A compiled verb pattern: elements before and after the verb, TABARI length (longest is tried first)."""

    entry: PatternEntry
    before: tuple[CEl, ...]
    after: tuple[CEl, ...]
    length: int


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
         entry: ActorEntry | AgentEntry | TimeShift | str) -> None:
    if not toks:
        return
    ph = CPhrase(toks, kind, entry, _rank(toks))
    first = toks[0]
    if first.endswith("*"):
        stem.setdefault(first[:-1], []).append(ph)
    else:
        exact.setdefault(first, []).append(ph)


def _expand(el: Element, classes: dict[str, tuple[tuple[str, ...], ...]], source: str) -> CEl:
    if el.kind == "class":
        alts = classes.get(el.name)
        if alts is None:
            raise DictionaryError(f"unknown word class %{el.name}", source)
        return CEl("class", alts)
    if el.kind == "opt":
        return CEl("opt", el.alternatives)
    if el.kind == "gap":
        return CEl("any", ())
    return CEl(el.kind, el.alternatives)


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


def compile_classic(lex: Lexicon) -> ClassicTables:
    """Compile a lexicon's entries into the classic grammar's tables."""
    exact: dict[str, list[CPhrase]] = {}
    stem: dict[str, list[CPhrase]] = {}
    for actor in lex.actors:
        for ph in actor.phrases:
            _add(exact, stem, phrase_tokens(ph.rstrip("!")), "actor", actor)
    for agent in lex.agents:
        _add(exact, stem, phrase_tokens(agent.phrase.rstrip("!")), "agent", agent)
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
    done: dict[tuple[int, int, tuple[str, ...]], tuple[tuple[CEl, ...], tuple[CEl, ...], int]] = {}
    seen_heads: set[str] = set()
    for p in lex.patterns:
        key = (id(p.before), id(p.after), p.head_rest)
        parts = done.get(key)
        if parts is None:
            before = tuple(_expand(e, classes, p.source) for e in p.before)
            after = tuple(CEl("lit", ((t,),)) for t in p.head_rest) + tuple(
                _expand(e, classes, p.source) for e in p.after)
            parts = (before, after, _length(before) + _length(after))
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
