"""Compiling a lexicon into the lookup tables the coder runs on.

One phrase index (first token -> candidate phrases, longest first) holds actors, agents and discards; one verb
index maps every inflected form of every head to its patterns, most specific first. Word classes are expanded
into alternatives here, so matching at run time is dictionary lookups and tuple comparisons only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, NamedTuple

from eventcode.errors import DictionaryError
from eventcode.lexicon._inflect import participles, plural, verb_forms
from eventcode.lexicon._model import ActorEntry, AgentEntry, Element, Lexicon, PatternEntry
from eventcode.text import tokenize

if TYPE_CHECKING:
    from eventcode.lexicon._classic import ClassicTables

__all__ = ["CElement", "CompiledLexicon", "CompiledPattern", "Phrase", "compile_lexicon"]

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


class CompiledLexicon(NamedTuple):
    """The lookup tables of a coder."""

    phrases: dict[str, list[Phrase]]
    """First token -> one-token phrases (and, under the key ``first + " " + second``, longer phrases)."""
    verbs: dict[str, list[CompiledPattern]]
    participles: frozenset[str]
    lemmas: dict[str, frozenset[str]]
    """Inflected form -> lemmas (for explanations and the passive)."""
    actors: int
    agents: int
    patterns: int
    codebook: str | None = "CAMEO"
    classic: ClassicTables | None = None
    """The classic grammar's tables, when the lexicon asks for that grammar (the native tables are then empty)."""


def _add_phrase(index: dict[str, list[Phrase]], text: str, kind: PhraseKind, entry: ActorEntry | AgentEntry | str,
                source: str) -> None:
    exact_case = text.endswith("!")
    text = text.rstrip("!").strip()
    toks = tokenize(text)
    if not toks:
        raise DictionaryError(f"empty phrase {text!r}", source)
    norms = tuple(t.norm for t in toks)
    exact = tuple(text[t.start : t.end] for t in toks) if exact_case else None
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
    return CElement(kind, {k: tuple(sorted(set(v), key=lambda a: -len(a))) for k, v in firsts.items()})


def _specificity(p: PatternEntry) -> int:
    score = len(p.head_rest) * 2
    for el in p.after:
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
            norms = tuple(t.norm for t in tokenize(w))
            if not norms:
                continue
            alts.add(norms)
            pl = plural(" ".join(norms))
            if pl:
                alts.add(tuple(pl.split(" ")))
        classes[name] = tuple(sorted(alts, key=lambda a: (-len(a), a)))

    verbs: dict[str, list[CompiledPattern]] = {}
    memo: dict[tuple[str, tuple[tuple[str, ...], ...]], CElement] = {}
    parts: set[str] = set()
    lemmas: dict[str, set[str]] = {}
    user_from = lex.builtin_patterns
    rank: dict[int, int] = {}
    for index, p in enumerate(lex.patterns):
        after = tuple(_celement(_expand(el, classes, p.source), memo) for el in p.after)
        if p.head_rest:
            first: frozenset[str] | None = frozenset([p.head_rest[0]])
        elif after and after[0].kind == "lit":
            first = frozenset(after[0].firsts)
        else:
            first = None
        before = tuple(_celement(_expand(el, classes, p.source), memo) for el in p.before
                       if el.kind in ("lit", "class", "opt", "gap"))
        needs = tuple(frozenset(el.firsts) for el in after if el.kind == "lit" and el.firsts)
        cp = CompiledPattern(p.code, p.head_rest, after, _specificity(p), p, first, before, needs)
        rank[id(cp)] = 1 if index >= user_from else 0
        if p.noun_head:
            forms = {p.head}
            pl = plural(p.head)
            if pl:
                forms.add(pl)
        elif p.head in lex.verb_forms:  # listed forms (== forms), no inflection
            forms = set(lex.verb_forms[p.head])
        else:
            forms = verb_forms(p.head, lex.irregular, lex.doubling)
            parts.update(participles(p.head, lex.irregular, lex.doubling))
        for f in forms:
            verbs.setdefault(f, []).append(cp)
            lemmas.setdefault(f, set()).add(p.head)
    for vcands in verbs.values():
        # most specific first; at equal specificity the user's own patterns (loaded after the built-in set) first
        vcands.sort(key=lambda c: (-c.specificity, -rank[id(c)]))
    return CompiledLexicon(
        phrases=phrases,
        verbs=verbs,
        participles=frozenset(parts),
        lemmas={k: frozenset(v) for k, v in lemmas.items()},
        actors=len(lex.actors),
        agents=len(lex.agents),
        patterns=len(lex.patterns),
        codebook=lex.codebook,
    )
