"""Compiling a lexicon into the lookup tables the coder runs on.

One phrase index (first token -> candidate phrases, longest first) holds actors, agents and discards; one verb
index maps every inflected form of every head to its patterns, most specific first. Word classes are expanded
into alternatives here, so matching at run time is dictionary lookups and tuple comparisons only.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple

from eventcode.errors import DictionaryError
from eventcode.lexicon._inflect import participles, plural, verb_forms
from eventcode.lexicon._model import ActorEntry, AgentEntry, Element, Lexicon, PatternEntry
from eventcode.text import token_norms, tokenize

if TYPE_CHECKING:
    from eventcode.lexicon._classic import ClassicTables

__all__ = ["ONE_WORD", "ByThird", "CElement", "CompiledLexicon", "CompiledPattern", "PatternList", "Phrase",
           "PhraseCand", "PhraseStart", "VerbIndex", "compile_lexicon"]

PhraseKind = Literal["actor", "agent", "discard"]


class Phrase(NamedTuple):
    """A candidate phrase in the index: the tokens after the first, its kind and entry."""

    rest: tuple[str, ...]
    length: int
    kind: PhraseKind
    entry: ActorEntry | AgentEntry | str
    exact: tuple[str, ...] | None
    """For case-sensitive phrases, the exact token texts."""


class CElement(NamedTuple):
    """A compiled pattern element: alternatives indexed by their first token (for ``lit`` and ``opt``)."""

    kind: str
    firsts: dict[str, tuple[tuple[str, ...], ...]]
    """First token -> the remaining tokens of each alternative starting with it, longest first."""


class CompiledPattern(NamedTuple):
    """A verb pattern ready to match: head form's following words and the elements after them."""

    code: str
    head_rest: tuple[str, ...]
    after: tuple[CElement, ...]
    specificity: int
    entry: PatternEntry
    first: frozenset[str] | None
    """The tokens that can follow the head when the pattern matches (None: any), to skip patterns fast."""
    before: tuple[CElement, ...] = ()
    """Words required before the verb (``said ... [deplore]``), matched right to left from the verb."""
    needs: tuple[frozenset[str], ...] = ()
    """For each required literal element after the verb, the tokens one of which must occur after the head."""
    starts: tuple[frozenset[str] | None, ...] = ()
    """For each ``k`` up to ``len(after)``: the tokens one of which must stand where ``after[k:]`` starts to match
    there (None: any token, or the end of the sentence). Lets the matcher skip positions without trying them."""
    reach: tuple[tuple[int, frozenset[str]] | None, ...] = ()
    """For each ``k`` where a run of gaps and optional elements leads to a literal (``after[k]`` a gap or an
    optional element of the run): how many words the run from ``k`` can pass over at most (a gap four, an optional
    element its longest alternative; quotation marks aside) and the literal's first tokens, one of which must stand
    that near (None for the other elements)."""
    before_ends: tuple[dict[str, tuple[tuple[str, ...], ...]], ...] = ()
    """For each element of ``before``: its last token -> the alternatives (whole) that end with it, to match right
    to left from the token there (empty for a gap)."""
    rest_keys: tuple[int, ...] = ()
    """For each ``k`` up to ``len(after)``: a number shared by the patterns whose ``after[k:]`` matches exactly
    where this one's does (the same elements, the same kind of element before them, the same symmetry), shifted
    left 32 bits: plus a token position, the key under which the matcher remembers that the rest failed there."""
    source_after: bool = False
    """Whether the pattern has a source slot after the verb and no target slot ("came under fire from $")."""


class CompiledLexicon(NamedTuple):
    """The lookup tables of a coder."""

    phrases: dict[str, list[Phrase]]
    """First token -> one-token phrases (and, under the key ``first + " " + second``, longer phrases)."""
    verbs: Mapping[str, PatternList]
    """Inflected form -> its verb patterns (a :class:`VerbIndex`, which compiles a form's patterns when it is first
    looked up: typed as a mapping so that compiled callers go through its own ``get``)."""
    participles: frozenset[str]
    lemmas: dict[str, frozenset[str]]
    """Inflected form -> lemmas (for explanations and the passive)."""
    actors: int
    agents: int
    patterns: int
    codebook: str | None = "CAMEO"
    classic: ClassicTables | None = None
    """The classic grammar's tables, when the lexicon asks for that grammar (the native tables are then empty)."""
    phrase_starts: Mapping[str | None, PhraseStart] = MappingProxyType({})
    """``phrases`` by first token, ready for the actor scan: the candidates by second token (the longer phrases
    with that second token, then the one-token phrases), then the one-token phrases alone (for any other second
    token). A token that is not a key starts no actor, agent or discard phrase."""


PhraseCand = tuple[int, tuple[str, ...], "tuple[str, ...] | None", bool, Phrase]
"""A phrase as the actor scan tries it: its length, its tokens after the second (empty for a phrase of one or two
tokens), its exact texts (case-sensitive phrases), whether it is a discard phrase, and the phrase."""

ByThird = dict[str | None, list[PhraseCand]]
"""The candidates of a first and second token that start phrases with many third tokens ("al -": "al - qaeda",
"al - shabab", ...), by third token: the phrases of three tokens or more with that third token, then those of two
tokens and of one token, in order; under None (and for a third token that is not a key) those of two and one alone."""

PhraseStart = tuple[dict[str | None, list[PhraseCand]], list[PhraseCand], dict[str | None, ByThird]]
"""What a first token can start: by second token, the phrases of two tokens or more with that second token followed
by those of one token; then those of one token alone (a second token that is not a key starts nothing longer); then,
for the second tokens that start phrases with many third tokens (these are not keys of the first), the candidates by
third token."""


def _phrase_starts(phrases: dict[str, list[Phrase]]) -> dict[str | None, PhraseStart]:
    # tens of thousands of new tuples and lists, none of them garbage: a collection of the whole heap meanwhile would
    # cost more than building them
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_phrase_starts(phrases)
    finally:
        if enabled:
            gc.enable()


def _build_phrase_starts(phrases: dict[str, list[Phrase]]) -> dict[str | None, PhraseStart]:
    def cands(ps: list[Phrase]) -> list[PhraseCand]:
        return [(c[1], c[0][1:], c[4], c[2] == "discard", c) for c in ps]  # (length, tail, exact, discard, phrase)

    def by_third(cs: list[PhraseCand]) -> ByThird:
        # the longest come first: the phrases of three tokens or more, then the others; a phrase with another third
        # token cannot match, so leaving it out keeps the order of those that can
        table: ByThird = {}
        short: list[PhraseCand] = []
        for c in cs:
            if c[0] > 2:
                table.setdefault(c[1][0], []).append(c)
            else:
                short.append(c)
        for got in table.values():
            got.extend(short)
        table[None] = short
        return table

    longer: dict[str, dict[str | None, list[PhraseCand]]] = {}
    many: dict[str, dict[str | None, ByThird]] = {}
    ones = {k: cands(v) for k, v in phrases.items() if " " not in k}
    for key, ps in phrases.items():
        if " " in key:
            first, second = key.split(" ", 1)
            cs = cands(ps) + ones.get(first, [])
            if len(ps) > 3 and len({c.rest[1] for c in ps if c.length > 2}) > 3:
                many.setdefault(first, {})[second] = by_third(cs)
            else:
                longer.setdefault(first, {})[second] = cs
    firsts = {k.split(" ", 1)[0] for k in phrases}
    return {first: (longer.get(first) or {}, ones.get(first) or [], many.get(first) or {}) for first in firsts}


def _add_phrase(index: dict[str, list[Phrase]], text: str, kind: PhraseKind, entry: ActorEntry | AgentEntry | str,
                source: str) -> None:
    exact_case = text.endswith("!")
    text = text.rstrip("!").strip()
    norms = token_norms(text)
    if not norms:
        raise DictionaryError(f"empty phrase {text!r}", source)
    exact = tuple(text[t.start : t.end] for t in tokenize(text)) if exact_case else None
    key = norms[0] if len(norms) == 1 else norms[0] + " " + norms[1]
    index.setdefault(key, []).append(Phrase(norms[1:], len(norms), kind, entry, exact))


def _expand(el: Element, classes: dict[str, tuple[tuple[str, ...], ...]], source: str) -> Element:
    if el.kind != "class":
        return el
    alts = classes.get(el.name)
    if alts is None:
        raise DictionaryError(f"unknown word class %{el.name}", source)
    return Element("lit", alts)


def _celement(el: Element, memo: dict[tuple[str, tuple[tuple[str, ...], ...]], CElement]) -> CElement:
    key = (el.kind + el.name, el.alternatives)
    found = memo.get(key)
    if found is not None:
        return found
    memo[key] = found = _build_celement(el)
    return found


def _build_celement(el: Element) -> CElement:
    firsts: dict[str, list[tuple[str, ...]]] = {}
    for alt in el.alternatives:
        if alt:
            firsts.setdefault(alt[0], []).append(alt[1:])
    kind = "target!" if el.kind == "target" and el.name == "!" else el.kind
    return CElement(kind, {k: _rests(v) for k, v in firsts.items()})


class _OneWord(tuple[tuple[str, ...], ...]):
    __slots__ = ()

    def __reduce__(self) -> str:
        return "ONE_WORD"  # pickled by name: the same object once unpickled


ONE_WORD: Final[tuple[tuple[str, ...], ...]] = _OneWord(((),))
"""The rests of the one-word alternative alone, under its word in :attr:`CElement.firsts`: a matcher may test for
this object (``is``) to skip comparing the words after (it stays this object through pickling)."""


def _rests(alts: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """The rests of the alternatives with one first word: longest first, without repeats."""
    if len(alts) == 1:
        return ONE_WORD if not alts[0] else (alts[0],)
    got = tuple(sorted(set(alts), key=lambda a: -len(a)))
    return ONE_WORD if got == ONE_WORD else got


def _specificity(p: PatternEntry) -> int:
    """Two for each word or word class the pattern requires (before the verb too: "%military_aircraft * [kill] +"
    is more specific than "kill +"), one for a target slot."""
    score = len(p.head_rest) * 2
    for el in (*p.before, *p.after):
        if el.kind in ("lit", "class"):
            score += 2
        elif el.kind == "target":
            score += 1
        elif el.kind == "opt":
            score += 0
    return score


def compile_lexicon(lex: Lexicon) -> CompiledLexicon:
    """Compile a lexicon into lookup tables."""
    if lex.grammar == "classic":
        from eventcode.lexicon._classic import compile_classic

        return CompiledLexicon(phrases={}, verbs={}, participles=frozenset(), lemmas={}, actors=len(lex.actors),
                               agents=len(lex.agents), patterns=len(lex.patterns), codebook=lex.codebook,
                               classic=compile_classic(lex))
    from eventcode.lexicon._classic import check_native_features

    check_native_features(lex)
    phrases: dict[str, list[Phrase]] = {}
    # Agents first, then actors: where a phrase is both ("Revolutionary Guards"), the actor entry wins.
    for agent in lex.agents:
        _add_phrase(phrases, agent.phrase, "agent", agent, agent.source)
        if not agent.phrase.endswith("!"):
            pl = plural(agent.phrase.lower())
            if pl and pl != agent.phrase.lower():
                _add_phrase(phrases, pl, "agent", agent, agent.source)
    for actor in lex.actors:
        for ph in actor.phrases:
            _add_phrase(phrases, ph, "actor", actor, actor.source)
    for d in lex.discards:
        _add_phrase(phrases, d, "discard", d, "discards")
    # Later entries win over earlier ones with the same phrase: keep the last of each (rest, exact) key.
    for key0, cands in phrases.items():
        seen: dict[tuple[tuple[str, ...], tuple[str, ...] | None, str], Phrase] = {}
        for c in cands:
            seen[(c.rest, c.exact, c.kind if c.kind == "discard" else "x")] = c
        phrases[key0] = sorted(seen.values(), key=lambda c: (-c.length, c.exact is None))

    classes: dict[str, tuple[tuple[str, ...], ...]] = {}
    for name, words in lex.classes.items():
        alts: set[tuple[str, ...]] = set()
        for w in words:
            norms = token_norms(w)
            if not norms:
                continue
            alts.add(norms)
            pl = plural(" ".join(norms))
            if pl:
                alts.add(tuple(pl.split(" ")))
        classes[name] = tuple(sorted(alts, key=lambda a: (-len(a), a)))

    for p in lex.patterns:  # unknown classes are dictionary errors now, not when a verb is first met
        for el in (*p.after, *p.before):
            if el.kind == "class" and el.name not in classes:
                raise DictionaryError(f"unknown word class %{el.name}", p.source)
    parts: set[str] = set()
    lemmas: dict[str, set[str]] = {}
    pending: dict[str, list[int]] = {}
    forms_of: dict[tuple[str, bool], frozenset[str]] = {}
    for index, p in enumerate(lex.patterns):
        forms = forms_of.get((p.head, p.noun_head))
        if forms is None:
            if p.noun_head:
                pl = plural(p.head)
                forms = frozenset([p.head, pl] if pl else [p.head])
            elif p.head in lex.verb_forms:  # listed forms (== forms), no inflection
                forms = frozenset(lex.verb_forms[p.head])
            else:
                forms = frozenset(verb_forms(p.head, lex.irregular, lex.doubling))
                parts.update(participles(p.head, lex.irregular, lex.doubling))
            forms_of[(p.head, p.noun_head)] = forms
        for f in forms:
            pending.setdefault(f, []).append(index)
            lemmas.setdefault(f, set()).add(p.head)
    return CompiledLexicon(
        phrases=phrases,
        phrase_starts=_phrase_starts(phrases),
        verbs=VerbIndex(pending, _PatternCompiler(lex.patterns, lex.builtin_patterns, classes)),
        participles=frozenset(parts),
        lemmas={k: frozenset(v) for k, v in lemmas.items()},
        actors=len(lex.actors),
        agents=len(lex.agents),
        patterns=len(lex.patterns),
        codebook=lex.codebook,
    )


_Shape = tuple[tuple[CElement, ...], tuple[frozenset[str], ...], tuple[frozenset[str] | None, ...],
               tuple[tuple[int, frozenset[str]] | None, ...], tuple[int, ...], bool]
"""The parts of a compiled pattern its elements after the verb and its symmetry determine: ``after``, ``needs``,
``starts``, ``reach``, ``rest_keys``, ``source_after``."""


class _PatternCompiler:
    """Compiles patterns by their index in the lexicon, each once, sharing compiled elements."""

    def __init__(self, patterns: list[PatternEntry], user_from: int,
                 classes: dict[str, tuple[tuple[str, ...], ...]]) -> None:
        self._patterns = patterns
        self._user_from = user_from
        self._classes = classes
        self._memo: dict[tuple[str, tuple[tuple[str, ...], ...]], CElement] = {}
        self._by_id: dict[int, tuple[Element, CElement]] = {}
        self._firsts: dict[int, tuple[CElement, frozenset[str]]] = {}
        self._done: dict[int, CompiledPattern] = {}
        self._unions: dict[tuple[frozenset[str], frozenset[str]], frozenset[str]] = {}
        self._lists: dict[tuple[int, ...], PatternList] = {}
        self._rests: dict[tuple[int, bool, bool, int], int] = {}  # the rest_keys of patterns, by rest
        self._shapes: dict[tuple[int, ...], _Shape] = {}  # by the symmetry and the ids of the compiled elements
        self._by_elements: dict[tuple[int, ...], _Shape] = {}  # the same by the ids of the patterns' elements

    def _cel(self, el: Element, source: str) -> CElement:
        # Patterns expanded from one line share their Element objects: a memo by identity saves hashing the
        # (long, uncached) alternative tuples again for each of them.
        got = self._by_id.get(id(el))
        if got is not None and got[0] is el:
            return got[1]
        ce = _celement(_expand(el, self._classes, source), self._memo)
        self._by_id[id(el)] = (el, ce)
        return ce

    def _first_tokens(self, ce: CElement) -> frozenset[str]:
        got = self._firsts.get(id(ce))
        if got is not None and got[0] is ce:
            return got[1]
        f = frozenset(ce.firsts)
        self._firsts[id(ce)] = (ce, f)
        return f

    def _lookahead(self, after: tuple[CElement, ...]) -> tuple[tuple[frozenset[str] | None, ...],
                                                             tuple[tuple[int, frozenset[str]] | None, ...]]:
        """A pattern's ``starts`` and ``reach``, worked out right to left in one pass."""
        # starts: a literal starts with one of its first tokens; an optional element with one of its own or,
        # absent, with what follows it; a gap, a slot or the end may stand before anything.
        starts: list[frozenset[str] | None] = [None]
        reach: list[tuple[int, frozenset[str]] | None] = []
        run: tuple[int, frozenset[str]] | None = None  # the words a run of gaps and options before a literal passes
        for el in reversed(after):
            nxt = starts[-1]
            kind = el.kind
            if kind == "lit":
                first = self._first_tokens(el)
                starts.append(first)
                run = (0, first)
                reach.append(None)
                continue
            if kind == "opt" and nxt is not None:
                key = (self._first_tokens(el), nxt)
                got = self._unions.get(key)
                if got is None:
                    got = self._unions[key] = key[0] | nxt
                starts.append(got)
            else:
                starts.append(None)
            if kind == "gap" and run is not None:
                run = (run[0] + 4, run[1])
                reach.append(run)
                continue
            if kind == "opt" and run is not None:
                run = (run[0] + 1 + max((len(rest) for rests in el.firsts.values() for rest in rests), default=0),
                       run[1])
                reach.append(run)
                continue
            if kind != "opt":
                run = None
            reach.append(None)
        starts.reverse()
        reach.reverse()
        return tuple(starts), tuple(reach)

    def pattern(self, index: int) -> CompiledPattern:
        """The compiled pattern at this index of the lexicon's patterns."""
        cp = self._done.get(index)
        if cp is not None:
            return cp
        p = self._patterns[index]
        # the patterns expanded from the dictionaries have a few thousand distinct element sequences among tens of
        # thousands of patterns: what depends on the sequence (and the symmetry) only is worked out once for it,
        # found by the identity of the pattern's elements (patterns expanded from one line share them; the patterns
        # keep them alive) or else of the compiled elements (shared and kept in _memo)
        element_key = (p.symmetric, *map(id, p.after))
        shape = self._by_elements.get(element_key)
        if shape is None:
            after = tuple(self._cel(el, p.source) for el in p.after)
            shape_key = (p.symmetric, *map(id, after))
            shape = self._shapes.get(shape_key)
            if shape is None:
                shape = self._shapes[shape_key] = self._shape(after, p.symmetric)
            self._by_elements[element_key] = shape
        after, needs, starts, reach, rest_keys, source_after = shape
        if p.head_rest:
            first: frozenset[str] | None = frozenset([p.head_rest[0]])
        elif after and after[0].kind == "lit":
            first = self._first_tokens(after[0])
        else:
            first = None
        before = tuple(self._cel(el, p.source) for el in p.before if el.kind in ("lit", "class", "opt", "gap"))
        ends: list[dict[str, tuple[tuple[str, ...], ...]]] = []
        for el in before:
            by_last: dict[str, list[tuple[str, ...]]] = {}
            for head, rests in el.firsts.items():
                for rest in rests:
                    alt = (head, *rest)
                    by_last.setdefault(alt[-1], []).append(alt)
            ends.append({w: tuple(alts) for w, alts in by_last.items()})
        cp = CompiledPattern(p.code, p.head_rest, after, _specificity(p), p, first, before, needs, starts, reach,
                             tuple(ends), rest_keys, source_after)
        self._done[index] = cp
        return cp

    def _shape(self, after: tuple[CElement, ...], symmetric: bool) -> _Shape:
        """What a pattern's elements after the verb (with its symmetry) determine: the elements, ``needs``,
        ``starts``, ``reach`` and ``rest_keys``."""
        needs = tuple(self._first_tokens(el) for el in after if el.kind == "lit" and el.firsts)
        # right to left: a rest is its first element (by identity: compiled elements are shared and kept in _memo),
        # the kind of the element before it, and the rest after it
        rest_keys = [0] * (len(after) + 1)
        nxt = 0
        for k in range(len(after), -1, -1):
            key = (id(after[k]) if k < len(after) else 0, k > 0 and after[k - 1].kind in ("lit", "opt"), symmetric,
                   nxt)
            nxt = rest_keys[k] = self._rests.setdefault(key, (len(self._rests) + 1) << 32)
        kinds = {el.kind for el in after}
        source_after = "source" in kinds and "target" not in kinds and "target!" not in kinds
        return (after, needs, *self._lookahead(after), tuple(rest_keys), source_after)

    def patterns(self, indexes: list[int]) -> PatternList:
        """The patterns, most specific first; at equal specificity the user's own (loaded after the built-in
        set) first, then in file order."""
        key = tuple(indexes)
        got = self._lists.get(key)
        if got is not None:
            return got  # the forms of one verb share their list (and its index)
        user_from = self._user_from
        pats = self._patterns
        order = sorted(indexes, key=lambda i: (-_specificity(pats[i]), -(i >= user_from), i))
        got = self._lists[key] = PatternList(self.pattern(i) for i in order)
        return got


class _Index(NamedTuple):
    """A form's patterns indexed by the word that must follow the head and by the words they need, as bit sets
    (bit ``k``: the pattern at position ``k``)."""

    any_next: int
    """The patterns that may start with any word after the head."""
    by_next: dict[str, int]
    """A word -> the patterns whose first word after the head may be it."""
    by_need: dict[str, int]
    """For each of a pattern's three most selective required elements (its first, second, third by number of
    first words): a word of any required element -> the patterns whose element of that rank can start with it,
    the three ranks packed in one int (rank ``r`` from bit ``r * shift``: one OR per word ahead gathers all three,
    and the garbage collector does not track a dict of ints)."""
    fewer: int
    """For each rank (packed the same way), the patterns with no required element of that rank (they need nothing
    there)."""
    many: int
    """The patterns with more than three required elements: the others are checked by checking their ranks."""
    shift: int
    """The number of patterns: the width of each rank in ``by_need`` and ``fewer``."""


class PatternList(list[CompiledPattern]):
    """A form's patterns, most specific first, with an index of the ones that can match in a given context."""

    __slots__ = ("_decoded", "_index", "_nouns", "_rests", "_verbs")

    def __init__(self, items: Iterable[CompiledPattern] = ()) -> None:
        super().__init__(items)
        self._index: _Index | None = None
        self._decoded: dict[int, list[CompiledPattern]] = {}
        """A bit set of patterns -> the patterns (:meth:`matchable` returns these lists: callers must not change
        them)."""
        self._nouns: PatternList | None = None
        self._verbs: PatternList | None = None
        self._rests: tuple[tuple[tuple[str, ...], ...] | None] | None = None

    def verb_rests(self) -> tuple[tuple[str, ...], ...] | None:
        """The words one of which must follow the form for a verb (not noun) pattern of it to apply ("scale"
        only in "scale back"); None when some verb pattern needs none. Built once."""
        got = self._rests
        if got is None:
            verbs = self.verbs()
            rests = None if any(not cp.head_rest for cp in verbs) else tuple(cp.head_rest for cp in verbs)
            got = self._rests = (rests,)
        return got[0]

    def nouns(self) -> PatternList:
        """The patterns whose head is a noun ("attack on +"), in order; built once."""
        got = self._nouns
        if got is None:
            got = PatternList(cp for cp in self if cp.entry.noun_head)
            got = self._nouns = self if len(got) == len(self) else got  # (all nouns: this list and its index)
        return got

    def verbs(self) -> PatternList:
        """The patterns whose head is a verb, in order; built once."""
        got = self._verbs
        if got is None:
            got = PatternList(cp for cp in self if not cp.entry.noun_head)
            got = self._verbs = self if len(got) == len(self) else got  # (all verbs: this list and its index)
        return got

    def _build_index(self) -> _Index:
        any_next = 0
        # the patterns by the set of their next words and, for each rank, by the set of their required element's
        # first words first (patterns share these sets), then by word
        by_first: dict[frozenset[str], int] = {}
        by_set: tuple[dict[frozenset[str], int], ...] = ({}, {}, {})
        shift = len(self)
        fewer = 0
        many = 0
        for k, cp in enumerate(self):
            bit = 1 << k
            if cp.first is None:
                any_next |= bit
            else:
                by_first[cp.first] = by_first.get(cp.first, 0) | bit
            needs = sorted(cp.needs, key=len)
            for r in range(3):
                if r < len(needs):
                    d = by_set[r]
                    d[needs[r]] = d.get(needs[r], 0) | bit
                else:
                    fewer |= bit << (r * shift)
            if len(needs) > 3:
                many |= bit
        by_next: dict[str, int] = {}
        for first, bits in by_first.items():
            for w in first:
                by_next[w] = by_next.get(w, 0) | bits
        by_need: dict[str, int] = {}
        for r, d in enumerate(by_set):
            for need, bits in d.items():
                packed = bits << (r * shift)
                for w in need:
                    by_need[w] = by_need.get(w, 0) | packed
        index = _Index(any_next, by_next, by_need, fewer, many, shift)
        self._index = index  # idempotent: threads racing here store equal indexes
        return index

    def matchable(self, nxt: str, ahead: Sequence[str]) -> list[CompiledPattern]:
        """The patterns (in order) that may match with ``nxt`` next and the words ``ahead`` in the clause: those
        whose first word after the head may be ``nxt`` and each of whose required elements can start with a word
        ahead. A verb with hundreds of patterns tries only the few that can match here. (The list may be shared
        with later calls: do not change it.)"""
        any_next, by_next, by_need, fewer, many, shift = self._index or self._build_index()
        cands = any_next | by_next.get(nxt, 0)
        if not cands:
            return []
        # the patterns whose element of each rank can start with a word ahead (or that have none of that rank)
        present = by_need.keys() & ahead  # the words ahead that some required element can start with
        m = fewer
        for w in present:
            m |= by_need[w]
        cands &= m & (m >> shift) & (m >> (shift + shift))
        out = self._decoded.get(cands)
        if out is None:
            out = self._decode(cands)
        if cands & many:  # (the words of their fourth and later required elements are not all keys of by_need)
            words = set(ahead)
            return [cp for cp in out if len(cp.needs) <= 3 or not any(words.isdisjoint(need) for need in cp.needs)]
        return out

    def _decode(self, cands: int) -> list[CompiledPattern]:
        """The patterns of the bit set ``cands``, in order (remembered: a verb meets few distinct sets)."""
        out: list[CompiledPattern] = []
        bits = cands
        while bits:  # lowest bit first
            low = bits & -bits
            bits ^= low
            out.append(self[low.bit_length() - 1])
        if len(self._decoded) < 512:
            self._decoded[cands] = out
        return out


_ABSENT: Final = object()


class VerbIndex(dict[str, PatternList]):
    """Inflected form -> its verb patterns, most specific first.

    Every form is a key from the start (``form in index`` is a plain lookup), but a form's patterns are
    compiled the first time it is looked up: a coder starts fast and compiles only the verbs its text uses.
    Compiling is idempotent, so threads racing on one form store equal lists.
    """

    __slots__ = ("_compiler", "_pending")

    def __init__(self, pending: dict[str, list[int]], compiler: _PatternCompiler) -> None:
        super().__init__(dict.fromkeys(pending))  # type: ignore[arg-type]  # None: not compiled yet
        self._pending = pending
        self._compiler = compiler

    def _fill(self, key: str) -> PatternList:
        got = self._compiler.patterns(self._pending[key])
        dict.__setitem__(self, key, got)
        return got

    def get(self, key: str, default: Any = None) -> Any:
        got = dict.get(self, key, _ABSENT)
        if got is None:
            return self._fill(key)
        return default if got is _ABSENT else got

    def __getitem__(self, key: str) -> PatternList:
        got = dict.__getitem__(self, key)
        return self._fill(key) if got is None else got

    def values(self) -> Any:
        return [self[k] for k in self]

    def items(self) -> Any:
        return [(k, self[k]) for k in self]

    def __reduce__(self) -> Any:
        return (dict, (self.items(),))
