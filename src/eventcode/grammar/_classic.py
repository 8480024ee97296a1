"""The ``classic`` grammar: TABARI-style shallow clause rules, for TABARI and PETRARCH dictionaries.

A lexicon with ``grammar = "classic"`` is coded by these rules instead of eventcode's native grammar. They
follow the TABARI manual (0.8, chapters 5-8), so that dictionaries written for TABARI and PETRARCH code as
their authors intended:

1. **Words.** Text is read as words: hyphens and underscores are blanks, a possessive ``'s`` stays on its
   word, commas are words. Dictionary words match exactly, or as stems when written ``word*``.
2. **Phrases.** Actors, agents, nouns and adjectives are found longest first; an agent next to an actor (or
   linked by *in*/*of*) adds its code after the actor's (``~GOV``) or before it (``NGO~``); *former* makes it
   ``ELI``. Actors joined by *and*/*or*/*nor* (and commas) form a compound.
3. **Verbs.** A word is a verb when it is a form of a dictionary verb, unless it follows *a*/*an*/*the* or is
   capitalised inside a mixed-case sentence (then it is a noun).
4. **Pronouns.** *he*, *she*, *it* are the first actor of the sentence; *its*, *his*, *her* the first actor
   before them; *they*, *them*, *their* the first compound (else the first actor).
5. **Comma clauses** of a configurable length are deleted; the sentence is split into clauses at conjunctions
   that do not join actors, nouns or adjectives.
6. **Coding.** In each clause the verbs are tried left to right, each with its patterns longest first. The
   source is the first actor before the verb (else the source of the previous clause's event, else the
   first actor after the verb); the target is the first actor after the verb with another code (else before
   it). Pattern slots (``+`` ``$`` ``%`` ``^``) override these defaults; passive voice (*was/were/been* ...
   *by*) swaps them. Paired codes add the reverse event, weak codes are kept only when nothing else is
   coded, dominant codes win over the rest.
7. **Filters.** Discard (``###``) and complex (``+++``) codes, too few words, and the complexity limits of
   :class:`~eventcode.lexicon.CodingOptions` code nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from eventcode.lexicon._classic import GAP, CEl, ClassicTables, CPat, CPhrase
from eventcode.lexicon._model import ActorEntry, AgentEntry, CodingOptions, PatternEntry, TimeShift
from eventcode.text import Token

__all__ = ["ClassicEvent", "ClassicResult", "code_classic"]

DETERMINERS = frozenset(["a", "an", "the"])
CONJ = frozenset(["and", "but", "or", "nor"])
JOINING_CONJ = frozenset(["and", "or", "nor"])
AUX = frozenset(["was", "were", "been"])
SINGULAR = frozenset(["he", "she", "it", "him"])
POSSESSIVE = frozenset(["its", "his", "her"])
PLURAL = frozenset(["they", "them", "their"])
SPECIAL = frozenset(["---", "###", "+++"])


class Word(NamedTuple):
    """A word of the sentence as the classic grammar sees it."""

    text: str
    start: int
    end: int
    upper: bool
    kind: str  # word, comma, num, punct
    raw: str = ""
    """The word as written (for phrases that must match capitalised as written)."""


class Occ(NamedTuple):
    """An actor occurrence: its word positions, its codes (one per member of a coded compound)."""

    first: int
    last: int
    codes: tuple[str, ...]
    name: str | None
    pronoun: bool
    agents: tuple[tuple[str, bool], ...] = ()
    """Agent codes written before the actor (code, prefix?), which a compound may share out."""


class Group(NamedTuple):
    """One actor or several coordinated ones, over word positions first..last."""

    members: tuple[Occ, ...]
    first: int
    last: int

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c for m in self.members for c in m.codes)


class ClassicEvent(NamedTuple):
    """An event of the classic grammar: codes, the actor groups' spans and the pattern that matched."""

    source: str | None
    target: str | None
    code: str
    verb: tuple[int, int]
    """Character span of the verb."""
    source_span: tuple[int, int] | None
    """Character span of the source's words (None for a default code)."""
    target_span: tuple[int, int] | None
    source_name: str | None
    target_name: str | None
    pattern: PatternEntry
    notes: tuple[str, ...]


class ClassicResult(NamedTuple):
    """What one sentence coded, or why it coded nothing."""

    events: list[ClassicEvent]
    status: str  # ok, discard, complex, short
    shift: int
    actors: list[tuple[int, int, str, str | None]]
    """Actor mentions: character span, code, name."""


# ---------------------------------------------------------------------------------------------- words


def make_words(tokens: list[Token], text: str) -> list[Word]:
    """Words of a sentence: hyphens, underscores, periods, ``?`` and ``!`` dropped, ``'s`` kept on its word."""
    out: list[Word] = []
    for t in tokens:
        n = t.norm
        if n in ("-", "_", ".", "?", "!", "--"):
            continue
        raw = text[t.start : t.end]
        if n == "'s" and out and out[-1].kind == "word" and out[-1].end == t.start:
            w = out[-1]
            out[-1] = Word(w.text + "'s", w.start, t.end, w.upper, "word", w.raw)
            continue
        if n in (",", ";"):
            out.append(Word(",", t.start, t.end, False, "comma", raw))
        elif n[:1].isdigit():
            out.append(Word(n, t.start, t.end, False, "num", raw))
        elif n[:1].isalnum() or n == "n't" or n.startswith("'"):
            out.append(Word(n, t.start, t.end, t.upper, "word", raw))
        else:
            out.append(Word(n, t.start, t.end, False, "punct", raw))
    return out


def tok_eq(tok: str, word: str, last: bool) -> bool:
    """Whether a dictionary token matches a word (a stem by prefix; a phrase's last word may be possessive)."""
    if tok.endswith("*"):
        return word.startswith(tok[:-1])
    return word == tok or (last and word == tok + "'s")


def match_phrase(words: list[Word], p: int, toks: tuple[str, ...], limit: int) -> list[int] | None:
    """Positions of ``words`` matching the phrase ``toks`` from ``p`` (``...`` lets words come between)."""
    pos: list[int] = []
    q = p
    gap = False
    n = len(toks)
    for k, tok in enumerate(toks):
        if tok == GAP:
            gap = True
            continue
        last = k == n - 1
        if gap:
            while q < limit and words[q].kind != "comma" and not (words[q].kind != "punct"
                                                                  and tok_eq(tok, words[q].text, last)):
                q += 1
            if q >= limit or words[q].kind == "comma":
                return None
        elif q >= limit or not tok_eq(tok, words[q].text, last):
            return None
        pos.append(q)
        q += 1
        gap = False
    return pos


# ---------------------------------------------------------------------------------------------- phrases


def _phrase_candidates(tables: ClassicTables, w: str) -> list[CPhrase]:
    cands = list(tables.phrase_exact.get(w, ()))
    if w.endswith("'s"):
        cands.extend(tables.phrase_exact.get(w[:-2], ()))
    for n in tables.phrase_stem_lens:
        if n <= len(w):
            hit = tables.phrase_stem.get(w[:n])
            if hit:
                cands.extend(hit)
    return cands


_KIND_ORDER = {"actor": 0, "agent": 1, "noun": 2, "adj": 3}


class PhraseHit(NamedTuple):
    """A dictionary phrase found in the words: its kind, the word positions it covers, its entry."""

    kind: str
    pos: list[int]
    entry: ActorEntry | AgentEntry | TimeShift | str


def find_phrases(words: list[Word], tables: ClassicTables) -> tuple[list[PhraseHit], list[PhraseHit], list[PhraseHit]]:
    """Phrases in the words, longest first: (actors/agents/nouns/adjectives, discards, time phrases)."""
    n = len(words)
    taken = [False] * n
    found: list[PhraseHit] = []
    discards: list[PhraseHit] = []
    times: list[PhraseHit] = []
    for p in range(n):
        if words[p].kind not in ("word", "num"):
            continue
        cands = _phrase_candidates(tables, words[p].text)
        if not cands:
            continue
        best: tuple[tuple[int, int, int], PhraseHit] | None = None
        for c in cands:
            pos = match_phrase(words, p, c.toks, n)
            if pos is None:
                continue
            if c.exact is not None and (len(c.exact) != len(pos)
                                        or any(words[x].raw != e for x, e in zip(pos, c.exact, strict=True))):
                continue
            if c.kind == "discard":
                discards.append(PhraseHit("discard", pos, c.entry))
                continue
            if c.kind == "time":
                times.append(PhraseHit("time", pos, c.entry))
                continue
            if taken[p] or any(taken[x] for x in pos):
                continue
            key = (len(pos), c.rank, -_KIND_ORDER[c.kind])
            if best is None or key > best[0]:
                best = (key, PhraseHit(c.kind, pos, c.entry))
        if best is not None:
            f = best[1]
            for x in f.pos:
                taken[x] = True
            found.append(f)
    return found, discards, times


# ---------------------------------------------------------------------------------------------- actors


def _has_code(code: str, part: str) -> bool:
    """Whether ``part`` already is in ``code`` on the 3-character boundaries of CAMEO codes."""
    return any(code[i : i + len(part)] == part for i in range(0, max(1, len(code) - len(part) + 1), 3))


def join_agent(code: str, agent: str, prefix: bool) -> str:
    """An actor code with an agent code added after it (``~GOV``) or before it (``NGO~``), unless already in."""
    if _has_code(code, agent):
        return code
    return agent + code if prefix else code + agent


class _Actor(NamedTuple):
    first: int
    last: int
    codes: tuple[str, ...]
    name: str | None


PREPOSITIONS = frozenset(["in", "of", "from", "at", "on", "to", "with", "by", "for", "against", "about", "into",
                          "over", "near", "after", "before", "during", "between", "toward", "towards", "under"])
MODALS = frozenset(["should", "would", "could", "may", "might", "must", "can", "will", "shall", "wo", "ca"])


def _phrase_word(words: list[Word], p: int, verbs: AbstractSet[int]) -> bool:
    """A word that can sit inside a noun phrase (not a verb, function word or punctuation)."""
    w = words[p]
    return (w.kind in ("word", "num") and p not in verbs and w.text not in PREPOSITIONS and w.text not in CONJ
            and w.text not in DETERMINERS)


def resolve_actors(words: list[Word], found: list[PhraseHit], day: dt.date | None, opts: CodingOptions,
                   verbs: AbstractSet[int] = frozenset()) -> tuple[list[Occ], set[int], set[int], str]:
    """Actor occurrences with their agents; noun and adjective positions; status (ok/discard/complex)."""
    actors: list[_Actor] = []
    agents: list[tuple[int, int, AgentEntry]] = []
    nouns: set[int] = set()
    adjs: set[int] = set()
    status = "ok"
    for f in found:
        e = f.entry
        if f.kind == "actor" and isinstance(e, ActorEntry):
            code = e.code_on(day) if day is not None else e.default
            if code is None or code == "---" or (not opts.special_codes and code in SPECIAL):
                nouns.update(f.pos)  # a null-coded actor is a noun
                continue
            if code == "###":
                status = "discard"
            elif code == "+++" and status == "ok":
                status = "complex"
            actors.append(_Actor(f.pos[0], f.pos[-1], tuple(c for c in code.split("/") if c), e.name))
        elif f.kind == "agent" and isinstance(e, AgentEntry):
            agents.append((f.pos[0], f.pos[-1], e))
        elif f.kind == "noun":
            nouns.update(f.pos)
        elif f.kind == "adj":
            adjs.update(f.pos)
    by_first = {a.first: k for k, a in enumerate(actors)}
    by_last = {a.last: k for k, a in enumerate(actors)}
    left: dict[int, tuple[int, int, AgentEntry, bool]] = {}  # actor -> agent written before it
    right: dict[int, tuple[int, int, AgentEntry, bool]] = {}  # actor -> agent written after it
    free_agents: list[tuple[int, int, AgentEntry]] = []

    def former(p: int) -> bool:
        return 0 <= p < len(words) and words[p].text == "former"

    def reach(a: int, b: int) -> bool:
        """Whether positions a..b-1 may lie between an actor and its agent."""
        if a >= b:
            return True
        if all(former(x) for x in range(a, b)):
            return b - a <= 1
        return opts.agent_phrase and all(_phrase_word(words, x, verbs) for x in range(a, b))

    for a_first, a_last, ag in agents:
        k: int | None = None
        side = ""
        # an actor before the agent ("Arnor security officials", "Ithilen's president")
        for q in range(a_first - 1, -1, -1):
            cand = by_last.get(q)
            if cand is not None:
                if cand not in right and reach(q + 1, a_first):
                    k, side = cand, "right"
                break
            if not reach(q, a_first):
                break
        if k is None:
            # an actor after the agent ("President Umbardacil", "human rights activists Gondor")
            for q in range(a_last + 1, len(words)):
                cand = by_first.get(q)
                if cand is not None:
                    if cand not in left and reach(a_last + 1, q):
                        k, side = cand, "left"
                    break
                if not reach(a_last + 1, q + 1):
                    break
        if k is None and a_last + 2 < len(words) and words[a_last + 1].text in opts.agent_links:
            q = a_last + 2
            if q < len(words) and words[q].text in DETERMINERS:
                q += 1
            cand = by_first.get(q)
            if cand is not None and cand not in left:
                k, side = cand, "left"
        if k is None:
            free_agents.append((a_first, a_last, ag))
            continue
        a = actors[k]
        fmr = former(min(a_first, a.first) - 1) or any(former(x) for x in range(min(a_last, a.last),
                                                                                   max(a_first, a.first)))
        (right if side == "right" else left)[k] = (a_first, a_last, ag, fmr)
    occs: list[Occ] = []
    for k, a in enumerate(actors):
        first, last, codes = a.first, a.last, a.codes
        agent_codes: list[tuple[str, bool]] = []
        for attached in (left.get(k), right.get(k)):
            if attached is None:
                continue
            g_first, g_last, ag, fmr = attached
            agent_codes.append(("ELI" if fmr else ag.code, ag.prefix and not fmr))
            first, last = min(first, g_first), max(last, g_last)
        for code, prefix in agent_codes:
            codes = tuple(join_agent(c, code, prefix) for c in codes)
        occs.append(Occ(first, last, codes, a.name, False, tuple(agent_codes) if k in left else ()))
    if opts.agents_alone != "drop":
        for a_first, a_last, ag in free_agents:
            code = ag.code if not former(a_first - 1) else "ELI"
            # "Danish media and government": an agent joined to an actor's agent shares its actor
            q = a_first - 1
            while q >= 0 and words[q].text in DETERMINERS:
                q -= 1
            shared = next((o for o in occs if o.last == q - 1 and words[q].text in JOINING_CONJ), None) \
                if opts.agent_distribute and q >= 1 else None
            if shared is not None:
                roots = tuple(c[:3] for c in shared.codes)
                occs.append(Occ(a_first, a_last, tuple(join_agent(r, code, ag.prefix) for r in roots), shared.name,
                                False))
                continue
            tilde = code + "~" if ag.prefix else "~" + code
            code = tilde if opts.agents_alone == "tilde" else "---" + code
            occs.append(Occ(a_first, a_last, (code,), None, False))
    occs.sort(key=lambda o: o.first)
    return occs, nouns, adjs, status


def make_groups(words: list[Word], occs: list[Occ], adjs: set[int], opts: CodingOptions,
                verbs: AbstractSet[int] = frozenset()) -> tuple[list[Group], set[int]]:
    """Coordinated actors as compound groups; the conjunctions and commas they use (not clause breaks)."""
    groups: list[Group] = []
    used: set[int] = set()

    def modifier(x: int) -> bool:
        if words[x].text in DETERMINERS or x in adjs:
            return True
        return opts.compound_modifiers == "any" and _phrase_word(words, x, verbs)

    k = 0
    while k < len(occs):
        members = [occs[k]]
        seps: list[str] = []
        joins: list[list[int]] = []
        while k + 1 < len(occs):
            nxt = occs[k + 1]
            between = list(range(members[-1].last + 1, nxt.first))
            while between and modifier(between[-1]):
                between.pop()
            texts = [words[x].text for x in between]
            if texts in ([","], ["and"], ["or"], ["nor"], [",", "and"], [",", "or"], [",", "nor"]) and (
                opts.compound_absorb or "conj" not in seps
            ):
                sep = "conj" if any(t in JOINING_CONJ for t in texts) else "comma"
            elif opts.compound_absorb and not texts and "conj" in seps and (
                any(x in adjs for x in range(members[-1].last + 1, nxt.first))
                or words[members[-1].last].text.endswith("'s")
            ):
                sep = "conj"  # "... and the evil Arnor awful Gondor", "... and Arnor's Elrond": absorbed
            else:
                break
            members.append(nxt)
            seps.append(sep)
            joins.append(between)
            k += 1
        # a list needs a conjunction; members after the last conjunction joined by commas only are cut off
        if "conj" in seps:
            last_conj = max(i for i, s in enumerate(seps) if s == "conj")
            cut = last_conj + 2
            rest = members[cut:]
            members = members[:cut]
            for b in joins[: cut - 1]:
                used.update(b)
            k -= len(rest)
        else:
            k -= len(members) - 1
            members = members[:1]
        if opts.agent_distribute and len(members) > 1 and members[0].agents:
            spread = [members[0]]
            for m in members[1:]:
                codes = m.codes
                if not m.agents:
                    for code, prefix in members[0].agents:
                        codes = tuple(join_agent(c, code, prefix) for c in codes)
                spread.append(m._replace(codes=codes))
            members = spread
        groups.append(Group(tuple(members), members[0].first, members[-1].last))
        k += 1
    return groups, used


# ---------------------------------------------------------------------------------------------- verbs


def verb_heads(tables: ClassicTables, w: str) -> list[str]:
    """The verb heads a word is a form of, the longest matching form first (TABARI's order)."""
    found: list[tuple[int, str]] = [(len(w), h) for h in tables.verb_exact.get(w, ())]
    for n in tables.verb_stem_lens:
        if n <= len(w):
            found.extend((n, h) for h in tables.verb_stem.get(w[:n], ()))
    found.sort(key=lambda x: -x[0])
    return list(dict.fromkeys(h for _, h in found))


# ---------------------------------------------------------------------------------------------- matching


class _Slots(NamedTuple):
    source: Group | None
    target: Group | None
    compound: Group | None
    skipped: tuple[Group, ...]
    used: frozenset[int]
    end: int
    length: int
    """TABARI length of the words actually matched (for patterns with alternatives)."""


def _tok_len(alt: tuple[str, ...]) -> int:
    return sum(len(t.rstrip("*")) + (0 if t.endswith("*") else 1) for t in alt if t != GAP)


class _Ctx:
    """Per-clause state for pattern matching."""

    __slots__ = ("barrier", "group_at_first", "group_at_last", "hi", "lo", "present", "skip_words", "words")

    def __init__(self, words: list[Word], groups: list[Group], lo: int, hi: int, skip_words: bool = False) -> None:
        self.words = words
        self.skip_words = skip_words
        self.present = frozenset(w.text for w in words[lo:hi])
        self.lo = lo
        self.hi = hi
        self.group_at_first = {g.first: g for g in groups}
        self.group_at_last = {g.last: g for g in groups}
        self.barrier = {k for k in range(lo, hi) if words[k].kind == "comma"}
        for g in groups:
            self.barrier -= set(range(g.first, g.last + 1))


def _seq_forward(ctx: _Ctx, alt: tuple[str, ...], q: int) -> tuple[int, list[int]] | None:
    pos: list[int] = []
    gap = False
    words = ctx.words
    for tok in alt:
        if tok == GAP:
            gap = True
            continue
        if gap:
            while q < ctx.hi and q not in ctx.barrier and not tok_eq(tok, words[q].text, False):
                q += 1
            if q >= ctx.hi or q in ctx.barrier:
                return None
        elif q >= ctx.hi or not tok_eq(tok, words[q].text, False):
            return None
        pos.append(q)
        q += 1
        gap = False
    return q, pos


def _seq_backward(ctx: _Ctx, alt: tuple[str, ...], q: int) -> tuple[int, list[int]] | None:
    """Match ``alt`` so that it ends at ``q`` (inclusive); returns the position before its start."""
    pos: list[int] = []
    gap = False
    words = ctx.words
    for tok in reversed(alt):
        if tok == GAP:
            gap = True
            continue
        if gap:
            while q >= ctx.lo and q not in ctx.barrier and not tok_eq(tok, words[q].text, False):
                q -= 1
            if q < ctx.lo or q in ctx.barrier:
                return None
        elif q < ctx.lo or not tok_eq(tok, words[q].text, False):
            return None
        pos.append(q)
        q -= 1
        gap = False
    return q, pos


def _skippable(w: Word) -> bool:
    """A word ``^`` may pass over when it skips words too: a content word, not a function word."""
    return w.kind == "word" and w.text not in CONJ and w.text not in DETERMINERS and w.text not in PREPOSITIONS


def _candidates(el: CEl, word: str | None, forward: bool) -> tuple[tuple[str, ...], ...]:
    """The alternatives of an element that can start (forward) or end (backward) at ``word``: those indexed
    under the word, and those whose first/last token is a stem or a gap (in the element's order)."""
    table = el.by_first if forward else el.by_last
    loose = el.loose_first if forward else el.loose_last
    if table is None:
        return el.alts
    if word is None:
        return loose
    hit = table.get(word) or table.get(word[:-2]) if word.endswith("'s") else table.get(word)
    if not hit:
        return loose
    if not loose:
        return hit
    keep = set(hit) | set(loose)
    return tuple(a for a in el.alts if a in keep)


def _slot(slots: _Slots, kind: str, g: Group) -> _Slots:
    if kind == "target":
        return slots._replace(target=g)
    if kind == "source":
        return slots._replace(source=g)
    if kind == "compound":
        return slots._replace(compound=g)
    return slots._replace(skipped=(*slots.skipped, g))


def _match_after(ctx: _Ctx, els: tuple[CEl, ...], k: int, q: int, slots: _Slots, failed: set[tuple[int, int]]
                 ) -> _Slots | None:
    """Match ``els[k:]`` from position ``q``; ``failed`` remembers (k, q) that cannot match (no re-tries)."""
    if k == len(els):
        return slots._replace(end=q)
    if (k, q) in failed:
        return None
    res = _after_step(ctx, els, k, q, slots, failed)
    if res is None:
        failed.add((k, q))
    return res


def _after_step(ctx: _Ctx, els: tuple[CEl, ...], k: int, q: int, slots: _Slots, failed: set[tuple[int, int]]
                ) -> _Slots | None:
    el = els[k]
    if el.kind == "any":
        r = q
        while r <= ctx.hi:
            res = _match_after(ctx, els, k + 1, r, slots, failed)
            if res is not None:
                return res
            if r >= ctx.hi or r in ctx.barrier:
                break
            r += 1
        return None
    if el.kind in ("lit", "opt", "class"):
        for alt in _candidates(el, ctx.words[q].text if q < ctx.hi else None, True):
            m = _seq_forward(ctx, alt, q)
            if m is not None:
                add = _tok_len(alt) if el.kind != "class" else 0
                res = _match_after(ctx, els, k + 1, m[0], slots._replace(used=slots.used | frozenset(m[1]),
                                                                          length=slots.length + add), failed)
                if res is not None:
                    return res
        if el.kind == "opt":
            return _match_after(ctx, els, k + 1, q, slots, failed)
        return None
    g = ctx.group_at_first.get(q)
    if g is None and el.kind == "skip" and ctx.skip_words and q < ctx.hi and _skippable(ctx.words[q]):
        return _match_after(ctx, els, k + 1, q + 1, slots, failed)
    if g is None or g.last >= ctx.hi:
        return None
    if el.kind == "compound" and len(g.members) < 2:
        return None
    return _match_after(ctx, els, k + 1, g.last + 1, _slot(slots, el.kind, g), failed)


def _match_before(ctx: _Ctx, els: tuple[CEl, ...], k: int, q: int, slots: _Slots, failed: set[tuple[int, int]]
                  ) -> _Slots | None:
    """Match ``els[:k]`` right to left so that the last element ends at ``q``."""
    if k == 0:
        return slots
    if (k, q) in failed:
        return None
    res = _before_step(ctx, els, k, q, slots, failed)
    if res is None:
        failed.add((k, q))
    return res


def _before_step(ctx: _Ctx, els: tuple[CEl, ...], k: int, q: int, slots: _Slots, failed: set[tuple[int, int]]
                 ) -> _Slots | None:
    el = els[k - 1]
    if el.kind == "any":
        r = q
        while r >= ctx.lo - 1:
            res = _match_before(ctx, els, k - 1, r, slots, failed)
            if res is not None:
                return res
            if r < ctx.lo or r in ctx.barrier:
                break
            r -= 1
        return None
    if el.kind in ("lit", "opt", "class"):
        for alt in _candidates(el, ctx.words[q].text if q >= ctx.lo else None, False):
            m = _seq_backward(ctx, alt, q)
            if m is not None:
                add = _tok_len(alt) if el.kind != "class" else 0
                res = _match_before(ctx, els, k - 1, m[0], slots._replace(used=slots.used | frozenset(m[1]),
                                                                           length=slots.length + add), failed)
                if res is not None:
                    return res
        if el.kind == "opt":
            return _match_before(ctx, els, k - 1, q, slots, failed)
        return None
    g = ctx.group_at_last.get(q)
    if g is None and el.kind == "skip" and ctx.skip_words and q >= ctx.lo and _skippable(ctx.words[q]):
        return _match_before(ctx, els, k - 1, q - 1, slots, failed)
    if g is None or g.first < ctx.lo:
        return None
    if el.kind == "compound" and len(g.members) < 2:
        return None
    return _match_before(ctx, els, k - 1, g.first - 1, _slot(slots, el.kind, g), failed)


def match_pattern(ctx: _Ctx, cp: CPat, v: int) -> _Slots | None:
    """Match one pattern around the verb at ``v``."""
    if cp.required and not cp.required <= ctx.present:
        return None
    empty = _Slots(None, None, None, (), frozenset(), v + 1, 0)
    after = _match_after(ctx, cp.after, 0, v + 1, empty, set())
    if after is None:
        return None
    if not cp.before:
        return after
    res = _match_before(ctx, cp.before, len(cp.before), v - 1, after, set())
    return res._replace(end=after.end) if res is not None else None


def best_match(ctx: _Ctx, pats: list[CPat], v: int, special: bool = True) -> tuple[CPat, _Slots] | None:
    """The verb's pattern that matches, longest first; a match made through alternatives gives way to a
    longer pattern than the words it actually matched (TABARI's rule). Without ``special`` codes, patterns
    coded ``###`` or ``+++`` are passed over."""
    for k, cp in enumerate(pats):
        if not special and cp.entry.code in ("###", "+++"):
            continue
        m = match_pattern(ctx, cp, v)
        if m is None:
            continue
        if m.length < cp.length:
            for cq in pats[k + 1 :]:
                if cq.length <= m.length:
                    break
                m2 = match_pattern(ctx, cq, v)
                if m2 is not None:
                    return cq, m2
        return cp, m
    return None


# ---------------------------------------------------------------------------------------------- commas


def comma_deletions(words: list[Word], protected: set[int], opts: CodingOptions) -> set[int]:
    """Word positions inside comma-delimited clauses that are deleted (TABARI's nonrestrictive clauses).

    Clauses are taken left to right between consecutive commas: the first one (from the sentence start) by
    ``comma_bmin``/``comma_bmax``, inner ones by ``comma_min``/``comma_max`` and the last one (to the end) by
    ``comma_emin``/``comma_emax``; a clause is deleted when its word count n satisfies min < n <= max. A
    deleted clause takes its commas with it, so the clause after it cannot be a final clause.
    """
    commas = [k for k, w in enumerate(words) if w.kind == "comma" and k not in protected]
    gone: set[int] = set()
    if not commas:
        return gone
    n = len(words)

    def count(a: int, b: int) -> int:
        return sum(1 for x in range(a, b) if words[x].kind in ("word", "num"))

    bounds = [-1, *commas, n]
    start_gone = False  # the comma that opens the current clause went with the previous clause
    for i in range(len(bounds) - 1):
        a, b = bounds[i], bounds[i + 1]
        c = count(a + 1, b)
        if i == 0:
            lo, hi = opts.comma_bmin, opts.comma_bmax
        elif b == n:
            if start_gone:
                break
            lo, hi = opts.comma_emin, opts.comma_emax
        else:
            lo, hi = opts.comma_min, opts.comma_max
        if hi > 0 and lo < c <= hi:
            gone.update(range(a + 1, b))
            if a >= 0:
                gone.add(a)
            if b < n:
                gone.add(b)
            start_gone = True
        else:
            start_gone = False
    return gone


# ---------------------------------------------------------------------------------------------- coding


def _resolve_pronouns(words: list[Word], groups: list[Group], taken: set[int]) -> list[Group]:
    """Pronoun occurrences as actor groups (referring only to actors named before them)."""
    out = list(groups)
    real = [g for g in groups if not g.members[0].pronoun]
    for k, w in enumerate(words):
        if w.kind != "word" or k in taken:
            continue
        prior = [g for g in real if g.last < k]
        if not prior:
            continue
        ref: Group | None = None
        if w.text in SINGULAR or w.text in POSSESSIVE:
            ref = prior[0]
        elif w.text in PLURAL:
            ref = next((g for g in prior if len(g.members) > 1), prior[0])
        if ref is not None:
            occ = Occ(k, k, ref.codes, ref.members[0].name, True)
            out.append(Group((occ,), k, k))
    out.sort(key=lambda g: g.first)
    return out


def code_classic(tokens: list[Token], text: str, tables: ClassicTables, day: dt.date | None,
                 opts: CodingOptions | None = None) -> ClassicResult:
    """Code one sentence (its tokens) with the classic grammar."""
    opts = opts or tables.options
    words = make_words(tokens, text)
    found, discards, times = find_phrases(words, tables)
    shift = 0
    if discards:
        return ClassicResult([], "discard", 0, [])
    for t in sorted(times, key=lambda f: f.pos[0]):
        ts = t.entry
        if isinstance(ts, TimeShift):
            if ts.code == "###":
                return ClassicResult([], "discard", 0, [])
            if ts.code == "+++":
                return ClassicResult([], "complex", 0, [])
            if opts.time_shift and ts.code is None and not shift:
                shift = ts.days
    n_words = sum(1 for w in words if w.kind in ("word", "num", "comma"))
    if opts.min_words and n_words < opts.min_words:
        return ClassicResult([], "short", shift, [])
    taken = {x for f in found for x in f.pos}
    # verbs (nouns after determiners, capitalised words in mixed-case text)
    all_caps = not any(c.islower() for c in text if c.isalpha())
    first_word = next((k for k, w in enumerate(words) if w.kind == "word"), -1)
    verbs: dict[int, list[str]] = {}
    nounish: set[int] = set()
    for k, w in enumerate(words):
        if w.kind != "word" or k in taken or w.text.endswith("'s"):
            continue
        if not opts.modal_verbs and w.text in MODALS:
            continue
        heads = verb_heads(tables, w.text)
        if not heads or heads[0] in tables.null_heads:
            continue
        if k > 0 and words[k - 1].text in DETERMINERS:
            nounish.add(k)
            continue
        if w.upper and not all_caps and k != first_word:
            nounish.add(k)
            continue
        verbs[k] = heads
    occs, nouns, adjs, status = resolve_actors(words, found, day, opts, set(verbs))
    nouns |= nounish
    mentions = [(words[o.first].start, words[o.last].end, "/".join(o.codes), o.name) for o in occs]
    if status != "ok":
        return ClassicResult([], status, shift, mentions)
    groups, list_words = make_groups(words, occs, adjs, opts, set(verbs))

    # conjunctions that do not split clauses: in compounds, noun and adjective phrases, verb phrases
    protected: set[int] = set(list_words)
    for k, w in enumerate(words):
        if w.text in CONJ and 0 < k < len(words) - 1:
            prev, nxt = k - 1, k + 1
            if prev in adjs and nxt in adjs:
                protected.add(k)
            elif prev in nouns:
                q = nxt
                while q < len(words) and q in adjs:
                    q += 1
                if q in nouns:
                    protected.add(k)
    full = _Ctx(words, groups, 0, len(words), opts.skip_words)
    for v, heads in verbs.items():
        for head in heads:
            pre = best_match(full, tables.heads.get(head, []), v)
            if pre is not None:
                protected.update(x for x in pre[1].used if words[x].text in CONJ)
                break

    # comma clauses
    gone = comma_deletions(words, {x for x in list_words if words[x].kind == "comma"}, opts)
    if gone:
        keep = [k for k in range(len(words)) if k not in gone]
        remap = {old: new for new, old in enumerate(keep)}
        words = [words[k] for k in keep]
        kept_groups: list[Group] = []
        for g in groups:
            members = tuple(Occ(remap[m.first], remap[m.last], m.codes, m.name, m.pronoun) for m in g.members
                            if m.first in remap and m.last in remap)
            if members:
                kept_groups.append(Group(members, members[0].first, members[-1].last))
        groups = kept_groups
        verbs = {remap[k]: h for k, h in verbs.items() if k in remap}
        protected = {remap[k] for k in protected if k in remap}
        taken = {remap[k] for k in taken if k in remap}
    groups = _resolve_pronouns(words, groups, taken)

    verb_list = sorted(verbs)
    # complexity filters
    n_conj = sum(1 for k, w in enumerate(words) if w.text in CONJ and k not in protected)
    coded_verbs = [v for v in verb_list if _default_code(tables, verbs[v][0]) not in SPECIAL]
    if opts.complex_verbs and len(coded_verbs) >= opts.complex_verbs:
        return ClassicResult([], "complex", shift, mentions)
    if opts.complex_conj and n_conj >= opts.complex_conj:
        return ClassicResult([], "complex", shift, mentions)
    real_groups = [g for g in groups if not g.members[0].pronoun]
    if opts.complex_actors and len(real_groups) >= opts.complex_actors:
        return ClassicResult([], "complex", shift, mentions)
    if opts.no_actor_prior and opts.default_source is None:
        first_verb = coded_verbs[0] if coded_verbs else None
        if first_verb is not None and not any(g.first < first_verb for g in real_groups):
            return ClassicResult([], "complex", shift, mentions)

    # clauses
    bounds = [k for k, w in enumerate(words) if w.text in CONJ and k not in protected]
    if opts.clause_split == "verbs":
        kept_bounds: list[int] = []
        prev = -1
        for i, b in enumerate(bounds):
            nxt = bounds[i + 1] if i + 1 < len(bounds) else len(words)
            if any(prev < v < b for v in verb_list) and any(b < v < nxt for v in verb_list):
                kept_bounds.append(b)
                prev = b
        bounds = kept_bounds
    clauses: list[tuple[int, int]] = []
    start = 0
    for b in [*bounds, len(words)]:
        clauses.append((start, b))
        start = b + 1

    events: list[ClassicEvent] = []
    carry: Group | None = None
    for lo, hi in clauses:
        ctx = _Ctx(words, groups, lo, hi, opts.skip_words)
        clause_has_event = False
        clause_source: Group | None = None
        for v in [x for x in verb_list if lo <= x < hi]:
            bm: tuple[CPat, _Slots] | None = None
            for head in verbs[v]:
                bm = best_match(ctx, tables.heads.get(head, []), v, opts.special_codes)
                if bm is not None:
                    break
            if bm is None:
                continue
            cp, m = bm
            entry = cp.entry
            if entry.code == "###" and opts.special_codes:
                return ClassicResult([], "discard", shift, mentions)
            if entry.code == "+++" and opts.special_codes:
                return ClassicResult([], "complex", shift, mentions)
            if clause_has_event and opts.code_by != "all" and not entry.dominant:
                continue
            evs, src = _events_for(words, groups, ctx, cp, m, v, carry, opts)
            if evs:
                events.extend(evs)
                if src is not None:
                    clause_source = src
                if not entry.weak:
                    clause_has_event = True
        if clause_source is not None:
            carry = clause_source
        if opts.code_by == "sentence" and clause_has_event:
            break
    if any(e.pattern.dominant for e in events):
        events = [e for e in events if e.pattern.dominant]
    if any(not e.pattern.weak for e in events):
        events = [e for e in events if not e.pattern.weak]
    return ClassicResult(_dedupe(events), "ok", shift, mentions)


def _default_code(tables: ClassicTables, head: str) -> str:
    for cp in reversed(tables.heads.get(head, ())):
        if not cp.before and not cp.after:
            return cp.entry.code
    return "---"


def _dedupe(events: list[ClassicEvent]) -> list[ClassicEvent]:
    seen: set[tuple[str | None, str | None, str, tuple[int, int]]] = set()
    out: list[ClassicEvent] = []
    for e in events:
        key = (e.source, e.target, e.code, e.verb)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _first_group(groups: list[Group], lo: int, hi: int, exclude: tuple[Group, ...], avoid: tuple[str, ...]
                 ) -> Group | None:
    for g in groups:
        if lo <= g.first < hi and g not in exclude:
            if avoid and all(c in avoid for c in g.codes):
                continue
            return g
    return None


def _first_code(g: Group) -> str:
    return g.members[0].codes[0] if g.members[0].codes else ""


def _find_target(groups: list[Group], lo: int, hi: int, src: Group, skipped: tuple[Group, ...]) -> Group | None:
    """The first actor in [lo, hi) whose code differs from the source's; failing that, another member of the
    source's own compound."""
    code = _first_code(src)
    for g in groups:
        if not (lo <= g.first < hi) or g in skipped or g is src:
            continue
        if g.members[0].pronoun and g.codes == src.codes and len(g.members) == 1:
            continue
        if _first_code(g) != code:
            return g
        for m in g.members[1:]:
            if m.codes and m.codes[0] != code:
                return Group((m,), m.first, m.last)
    if lo <= src.first < hi:
        for m in src.members:
            if m.codes and m.codes[0] != code:
                return Group((m,), m.first, m.last)
    return None


def _events_for(words: list[Word], groups: list[Group], ctx: _Ctx, cp: CPat, m: _Slots, v: int,
                carry: Group | None, opts: CodingOptions) -> tuple[list[ClassicEvent], Group | None]:
    entry = cp.entry
    notes: list[str] = []
    lo, hi = ctx.lo, ctx.hi
    skipped = m.skipped
    src, tgt = m.source, m.target
    pairs: list[tuple[Occ | None, Occ | None, str | None, str | None]] = []
    src_default = tgt_default = False
    both = m.compound is not None and not (opts.compound_slot == "position" and m.compound.first > v)
    if m.compound is not None and not both:
        tgt = tgt or m.compound  # PETRARCH: a compound after the verb is its target
    if m.compound is not None and both:
        notes.append("compound")
        comp = m.compound
        src = src or comp
        for a in comp.members:
            for b in comp.members:
                if a is not b:
                    pairs.extend(_pairs(a, b))
    else:
        passive = False
        if src is None and tgt is None:
            aux = any(words[x].text in AUX for x in range(max(lo, v - 2), v))
            by = any(words[x].text == "by" for x in range(v + 1, min(hi, v + 3)))
            passive = aux and by
        if passive:
            notes.append("passive")
            by_at = next(x for x in range(v + 1, min(hi, v + 3)) if words[x].text == "by")
            src = _first_group(groups, by_at + 1, hi, skipped, ())
            tgt = _first_group(groups, lo, v, skipped, ())
        else:
            if src is None:
                avoid = tgt.codes if tgt is not None else ()
                excl = (*skipped, *((tgt,) if tgt is not None else ()))
                src = _first_group(groups, lo, v, excl, avoid)
                if src is None and carry is not None and tgt is None:
                    src = carry
                if src is None and opts.default_source is not None and opts.default_source_prior:
                    src_default = True
                if src is None and not src_default:
                    g = _first_group(groups, v + 1, hi, excl, avoid)
                    src = Group(g.members[:1], g.first, g.members[0].last) if g is not None else None
            if tgt is None and (src is not None or src_default):
                basis = src if src is not None else Group((Occ(-1, -1, (), None, False),), -1, -1)
                tgt = _find_target(groups, v + 1, hi, basis, skipped)
                if tgt is None and opts.default_target is not None and opts.default_target_after:
                    tgt_default = True
                if tgt is None and not tgt_default:
                    tgt = _find_target(groups, lo, v, basis, skipped)
                if tgt is None and not tgt_default and src is not None and len(src.members) > 1:
                    tgt = src
        src_members: tuple[Occ | None, ...] = src.members if src is not None else (None,)
        tgt_members: tuple[Occ | None, ...] = tgt.members if tgt is not None else (None,)
        for sm in src_members:
            for tm in tgt_members:
                if sm is not None and tm is not None and sm is tm:
                    continue
                pairs.extend(_pairs(sm, tm))
    out: list[ClassicEvent] = []
    for a_occ, b_occ, a_code, b_code in pairs:
        if a_code is None and opts.default_source is not None:
            a_code = opts.default_source
        if b_code is None and opts.default_target is not None:
            b_code = opts.default_target
        if a_code is None or b_code is None or a_code == b_code:
            continue
        if a_code in SPECIAL or b_code in SPECIAL:
            continue
        vspan = (words[v].start, words[v].end)
        sspan = (words[a_occ.first].start, words[a_occ.last].end) if a_occ is not None else None
        tspan = (words[b_occ.first].start, words[b_occ.last].end) if b_occ is not None else None
        if entry.code not in SPECIAL:
            out.append(ClassicEvent(a_code, b_code, entry.code, vspan, sspan, tspan,
                                    a_occ.name if a_occ else None, b_occ.name if b_occ else None, entry,
                                    tuple(notes)))
        if entry.reverse_code and entry.reverse_code not in SPECIAL:
            out.append(ClassicEvent(b_code, a_code, entry.reverse_code, vspan, tspan, sspan,
                                    b_occ.name if b_occ else None, a_occ.name if a_occ else None, entry,
                                    (*notes, "paired")))
    return out, src


def _pairs(a: Occ | None, b: Occ | None) -> list[tuple[Occ | None, Occ | None, str | None, str | None]]:
    out: list[tuple[Occ | None, Occ | None, str | None, str | None]] = []
    for ca in (a.codes if a is not None else (None,)):
        for cb in (b.codes if b is not None else (None,)):
            out.append((a, b, ca, cb))
    return out
