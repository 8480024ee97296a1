"""From tokens and actor mentions to events: verb patterns, subjects, objects, voice, modality.

The engine is parser-free. For each sentence it walks the tokens once, tries the verb patterns whose head
form occurs there (most specific first), and for each match decides:

- the **target**: the actor at the pattern's ``+`` (determiners, numbers, adjectives skipped), or none;
- the **source**: the nearest actor to the left of the verb in its clause (relative clauses skipped),
  a pronoun resolved to the context, or, failing that, the noun phrase before the verb, uncoded;
- **voice**: a participle after a form of *be* is passive: the subject is the target, "by X" the source;
- **polarity and modality**: negation drops the event; conditionals and hypotheticals ("if", "would")
  drop it; announced or intended actions ("will", "plans to", "vowed to", headline "X to ...") are coded
  as the codebook's intent or threat code for the action;
- **coordination**: "X and Y" as source or target codes each; symmetric patterns code both directions;
- **infinitives**: "urged X to stop attacks" is the urging, not an attack.

Each decision is recorded in the event's evidence notes, and :class:`Trace` keeps the ones that dropped a
match, for ``explain``.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Final, NamedTuple, cast

from eventcode.grammar import _words as W
from eventcode.lexicon._compile import ONE_WORD, CompiledLexicon, CompiledPattern, PatternList
from eventcode.mentions._calendar import NAMED_DAYS_AND_MONTHS
from eventcode.mentions.actors import ActorMention
from eventcode.text import Token
from eventcode.text._sentences import TITLE_ABBREVIATIONS

__all__ = ["Found", "Group", "Trace", "find_events"]


class Group(NamedTuple):
    """One or more coordinated actor mentions ("the US and Britain"), or an uncoded noun phrase."""

    members: tuple[ActorMention, ...]
    i: int
    j: int


class Found(NamedTuple):
    """A coded event before records are built: token spans and decisions."""

    code: str
    pattern: CompiledPattern
    head: int
    end: int
    sources: tuple[ActorMention | None, ...]
    source_span: tuple[int, int] | None
    targets: tuple[ActorMention | None, ...]
    target_span: tuple[int, int] | None
    notes: tuple[str, ...]


class Trace(NamedTuple):
    """A match that was not coded, and why."""

    head: int
    pattern: str
    reason: str


class _Match(NamedTuple):
    end: int
    target: Group | None
    target_span: tuple[int, int] | None
    source: Group | None


_new = tuple.__new__
_norm_of = itemgetter(0)  # a token's norm
"""``_new(_Match, (...))``: a named tuple built without the Python-level ``__new__`` call (on the matcher's hot
path)."""


class _Sentence:
    """Per-sentence state for matching."""

    __slots__ = ("_skip", "appositions", "chain_start", "failed", "groups_at", "in_mention", "inside", "lex",
                 "mention_at", "n", "norms", "pair", "passive", "tokens")

    def __init__(self, tokens: list[Token], mentions: list[ActorMention], lex: CompiledLexicon) -> None:
        self.tokens = tokens
        self.n = len(tokens)
        self.norms = list(map(_norm_of, tokens))
        self._skip: list[bool | None] = [None] * self.n  # skippable(p), computed once per position
        self.lex = lex
        self.passive = False
        self.inside: list[bool] = []
        self.chain_start = -1  # the token before the current verb's auxiliaries
        self.pair: bool | None = None  # whether the current verb's subject is a compound ("X and Y"); lazily
        self.failed: set[int] = set()  # the rests of patterns that failed at a position, for this verb (rest_keys)
        self.mention_at: dict[int, ActorMention] = {}
        self.in_mention = [False] * self.n
        for m in mentions:
            self.mention_at[m.i] = m
            self.in_mention[m.i : m.j] = [True] * (m.j - m.i)
        self.appositions = _appositions(tokens, self.norms, mentions, lex)
        self.groups_at: dict[int, Group] = {}
        k = 0
        ms = [m for m in mentions if not m.locative]
        while k < len(ms):
            members = [ms[k]]
            closed = False  # a conjunction has joined the last member: "X and Y, Z" does not go on
            while k + 1 < len(ms):
                nxt = ms[k + 1]
                if nxt.i - members[-1].j > 4:
                    break  # too far apart for any joiner (and for the slices below)
                between = self.norms[members[-1].j : nxt.i]
                if closed and between[:1] == [","]:
                    break  # "fighting between the Taliban and government forces, the Pentagon said"
                if tuple(between) in _JOINERS or (
                        between[:2] == ["and", "other"] and len(between) <= 4
                        and all(t.isalpha() and t not in W.SKIPPABLE for t in between[2:])):
                    # "Japan and other rich nations": the other members of a class
                    members.append(nxt)
                    closed = closed or any(w in ("and", "or", "&", "well") for w in between)
                    k += 1
                    continue
                break
            groups = [members]
            if len(members) > 1 and self._verb_before(members[0].i) and self._verb_after(members[-1].j):
                # "X invaded France and Britain condemned X": the last conjunct starts a new clause
                groups = [members[:-1], members[-1:]]
            for part in groups:
                g = _new(Group, (tuple(part), part[0].i, part[-1].j))
                for mem in part:
                    self.groups_at[mem.i] = g
            k += 1

    def _verb_before(self, p: int) -> bool:
        q = p - 1
        while q >= 0 and self.tokens[q].norm in W.SKIPPABLE and self.tokens[q].norm != "that":
            q -= 1  # ("concluded that X and Y must ...": the compound is the clause's subject)
        return q >= 0 and self.tokens[q].norm in self.lex.verbs

    def _verb_after(self, p: int) -> bool:
        if p >= self.n:
            return False
        norm = self.tokens[p].norm
        return norm in self.lex.verbs or norm in W.FUTURE or norm in W.HAVE or norm in W.HYPOTHETICAL or (
            norm in W.BE and norm not in ("'s",)
        )

    def skippable(self, p: int) -> bool:
        """Whether a gap or an actor slot may pass over the word at ``p`` (computed once per position)."""
        got = self._skip[p]
        if got is None:
            got = self._skip[p] = self._skippable(p)
        return got

    def _skippable(self, p: int) -> bool:
        norm = self.tokens[p].norm
        if norm in W.SKIPPABLE:
            if norm == "at":
                return p + 1 < self.n and self.tokens[p + 1].norm == "least"
            return True
        if norm == "on" and p + 1 < self.n and self.tokens[p + 1].norm in W.TIME_WORDS:
            return True  # "denied on Thursday charges"
        if norm in _NOT_SKIPPABLE:  # boundaries, prepositions, conjunctions, clause words, the comma
            return False
        if norm in W.TIME_WORDS or norm == "'s":
            return True  # "denied on Thursday charges", "backed Assad's bid"
        if p > 0 and self.tokens[p - 1].norm == "-" and self.tokens[p - 1].end == self.tokens[p].start:
            return True  # "long-standing", "US-led", "open-ended": the second half of a compound
        cands = self.lex.verbs.get(norm)
        if cands is not None:
            rests = cands.verb_rests()
            if rests is not None and not any(self.seq(p + 1, rest) for rest in rests):
                cands = None  # "full-scale": only "scale back" is a verb phrase here, and "back" does not follow
        if cands is not None:
            # "the captured ships", "both sides": a verb form used as an adjective or a noun
            return p > 0 and (self.tokens[p - 1].norm in W.DETERMINERS or self.tokens[p - 1].norm in _NUMBER_WORDS
                              or self.tokens[p - 1].norm in ("both", "all", "some"))
        if norm in _SKIPPABLE_SYMBOLS:
            return True
        if norm == "-":  # "rebel-held", "Kabul-based"
            return 0 < p < self.n - 1 and self.tokens[p - 1].end == self.tokens[p].start
        return norm[:1].isalnum()

    def compound_subject(self) -> bool:
        """Whether the subject of the verb being matched is a compound ("Serbia and Kosovo failed to ...")."""
        if self.pair is None:
            g, _, _ = _subject(self, self.chain_start, self.inside, 0) if self.chain_start >= 0 else (None, None, 0)
            self.pair = g is not None and len(g.members) > 1
        return self.pair

    def gap_word(self, p: int, start: int) -> bool:
        """Words a ``*`` gap passes over beyond :meth:`skippable`: "political and cultural (autonomy)",
        "(deliver) devastating (blows)": coordinated adjectives and an -ing adjective before its noun."""
        if p + 1 >= self.n:
            return False
        norm = self.tokens[p].norm
        if self.in_mention[p] and self.tokens[p].upper:
            return True  # "asked X for full United States support": an actor's name as a modifier
        nxt = self.tokens[p + 1]
        nn = nxt.norm
        plain_next = (nn.isalpha() and not nxt.upper and nn not in _FUNCTION_WORDS and not _is_verb(self.lex, nn))
        if norm in ("and", "or"):
            prev = self.tokens[p - 1]
            return (p > start and (plain_next or nn == "other") and prev.norm.isalpha() and not prev.upper
                    and prev.norm not in W.SKIPPABLE and not _is_verb(self.lex, prev.norm))
        if norm.endswith("ing") and len(norm) > 5 and norm in self.lex.verbs and not self.tokens[p].upper:
            return plain_next or (nn.isalpha() and not nxt.upper and nn.endswith("s") and not nn.endswith("ss")
                                  and nn not in W.SKIPPABLE)
        return False

    def seq(self, p: int, alt: tuple[str, ...]) -> bool:
        if not alt:
            return True
        if p + len(alt) > self.n:
            return False
        tokens = self.tokens
        for x, w in enumerate(alt):  # noqa: SIM110 - a plain loop is faster than all() on this hot path
            if tokens[p + x].norm != w:
                return False
        return True


_JOINERS = frozenset([("and",), (",",), (",", "and"), ("&",), ("as", "well", "as"), ("or",), ("and", "the"),
                       (",", "the"), (",", "and", "the"), ("and", "its"), ("and", "their"), ("and", "his"),
                       ("and", "her")])
"""The words that join two actors into one group ("X and Y", "X, Y", "X as well as Y")."""


_CLAUSE_MODALS = frozenset(["must", "should", "shall"])
"""Modals between a target and the verb of its clause that a pattern's words need not spell out."""


def _match(s: _Sentence, pat: CompiledPattern, k: int, pos: int) -> _Match | None:
    els = pat.after
    size = len(els)
    norms = s.norms
    n = s.n
    while True:  # words and optional words go on here: the last way on needs no call of its own
        if k == size:
            return _new(_Match, (pos, None, None, None))
        el = els[k]
        kind = el.kind
        if kind != "lit" and kind != "opt":
            break
        # the ends of the alternatives that match here, longest first
        rests = el.firsts.get(norms[pos]) if pos < n else None
        if rests is ONE_WORD:  # (most alternatives are one word)
            if kind == "lit":
                pos += 1
                k += 1
                continue
            ends = [pos + 1]
        else:
            ends = [pos + 1 + len(rest) for rest in rests if not rest or s.seq(pos + 1, rest)] if rests else []
        if kind == "lit":
            if not ends:
                return None
            for end in ends[:-1]:
                r = _match(s, pat, k + 1, end)
                if r is not None:
                    return r
            pos = ends[-1]
            k += 1
            continue
        if ends and k + 1 == size:
            return _new(_Match, (ends[0], None, None, None))  # the pattern's last element: no call for the end
        for end in ends:
            r = _match(s, pat, k + 1, end)
            if r is not None:
                return r
        # absent: the rest can only match where one of its first words stands
        firsts = pat.starts[k + 1]
        if firsts is not None and (pos >= n or norms[pos] not in firsts):
            return None
        k += 1
    # the rest can only match where one of its first words stands: test that here, before a recursive call
    firsts = pat.starts[k + 1]
    if kind == "gap":
        # "(in|at) * (on|in) * {demanding|...}": after several gaps the same rest is tried at the same place again
        # and again, and other patterns of the verb with the same rest try it too: its failure there is remembered (the
        # outcome depends on the rest and the place only, see ``rest_keys``)
        failed = s.failed
        key = pat.rest_keys[k] + pos
        if key in failed:
            return None
        reach = pat.reach[k]
        if reach is not None:
            # the literal after this run of gaps and optional words must start within its reach
            near = norms[pos : pos + reach[0] + 1]
            if reach[1].isdisjoint(near) and '"' not in near:
                return None
        q = pos
        words = 0
        # the rest starts with another run of optional words and gaps ("* (on|in) * {demanding|...}"): where its
        # literal is out of reach, it need not be tried
        later = pat.reach[k + 1] if firsts is None and k + 1 < size else None
        while True:
            if firsts is None or (q < n and norms[q] in firsts):
                if later is not None:
                    near = norms[q : q + later[0] + 1]
                    r = None if later[1].isdisjoint(near) and '"' not in near else _match(s, pat, k + 1, q)
                else:
                    r = _match(s, pat, k + 1, q)
                if r is not None:
                    return r
            if q >= n or words >= 4:
                break
            norm = norms[q]
            if norm == '"':
                q += 1  # 'rejected as "baseless" the charges': quotation marks inside a gap are not words
                continue
            skip = s._skip[q]  # skippable(q), inline when known
            if not ((s.skippable(q) if skip is None else skip) or s.gap_word(q, pos)):
                break
            if norm in W.UNDOING_NOUNS and q + 1 < n and norms[q + 1] in ("of", "to"):
                break  # "announced the lifting of martial law" is not declaring it
            q += 1
            words += 1
        failed.add(key)
        return None
    # target or source slot ("target!" is a target that must be an actor: ``+!`` in the dictionary)
    required = kind == "target!"
    if (kind == "target" or required) and s.passive:
        if k + 1 == size:
            return _new(_Match, (pos, None, None, None))
        r = _match(s, pat, k + 1, pos)
        if r is None and pos < s.n:
            # "was arrested last week for spying", "was detained in Cairo on charges of ...", "was expelled by
            # the army from ...": the object moved to the subject, a time, place or agent phrase may stand here
            q = _after_place_or_time(s, pos)
            if q == pos and s.tokens[pos].norm == "by":
                g = s.groups_at.get(pos + 1)
                q = g.j if g is not None else pos
            if q > pos:
                r = _match(s, pat, k + 1, q)
        return r
    p = pos
    skipped = 0
    while p < n and skipped <= 4:
        grp = s.groups_at.get(p)
        if grp is None and p == pos and k > 0 and els[k - 1].kind in ("lit", "opt") and pos > 0 \
                and s.tokens[pos - 1].norm in _PLACE_PREPS:
            loc = s.mention_at.get(p)
            if loc is not None and loc.locative and loc.code:
                # "peacekeepers arrived in Haiti", "sent troops to Mali": the pattern names the preposition, so
                # the place is the target
                grp = Group((loc,), loc.i, loc.j)
        if grp is not None:
            if k + 1 == size:  # the slot ends the pattern ("kill +"): the match ends with the actor
                if kind != "source":
                    return _new(_Match, (grp.j, grp, (grp.i, grp.j), None))
                return _new(_Match, (grp.j, None, None, grp))
            r = _match(s, pat, k + 1, grp.j)
            if r is None and k + 1 < size and els[k + 1].kind == "lit":
                # "expel + %diplomat" on "expelled Russian diplomats": the words after the slot may be the
                # tail of the actor phrase itself
                last = grp.members[-1]
                for q in range(last.i, last.j):  # "released the correspondent": the phrase's head word
                    # (a variable of its own: the compiled build types ``r`` as None inside this branch)
                    head = _match(s, pat, k + 1, q)
                    if head is not None:
                        r = head
                        break
                if r is None:
                    # "urged the rebels in Nepal to ...", "appealed to the government on Monday to ...": a place
                    # or a time phrase may close the actor phrase
                    q = _after_place_or_time(s, grp.j)
                    if q > grp.j:
                        r = _match(s, pat, k + 1, q)
                if r is None and grp.j < s.n and s.tokens[grp.j].norm in _CLAUSE_MODALS:
                    # "insisted that Libya must hand over the suspects": the actor is the clause's subject
                    r = _match(s, pat, k + 1, grp.j + 1)
            if r is not None:
                if kind != "source":
                    return _new(_Match, (r.end, grp, (grp.i, grp.j), r.source))
                return _new(_Match, (r.end, r.target, r.target_span, grp))
            break
        if not s.skippable(p):
            break
        p += 1
        skipped += 1
    # no actor here: an uncoded noun phrase (kept for the evidence) or nothing
    if required:
        if k + 1 == size and pat.entry.symmetric and s.compound_subject():
            return _new(_Match, (pos, None, None, None))  # "X and Y met on Sunday": the partner is in the subject
        return None
    if k + 1 == size:
        q = pos
        while q < s.n and q - pos < 6 and s.skippable(q):
            q += 1
        span = (pos, q) if q > pos else None
        return _new(_Match, (pos, None, span, None)) if kind == "target" else _new(_Match, (pos, None, None, None))
    for g2 in range(6):
        if g2 and (pos + g2 - 1 >= n or not s.skippable(pos + g2 - 1)):
            break
        if firsts is not None and (pos + g2 >= n or norms[pos + g2] not in firsts):
            continue
        r = _match(s, pat, k + 1, pos + g2)
        if r is not None:
            content = any(s.tokens[x].norm not in W.SKIPPABLE for x in range(pos, pos + g2))
            span = (pos, pos + g2) if g2 and content else None
            return _new(_Match, (r.end, r.target, span, r.source)) if kind == "target" else r
    return None


def _reduced_relative(s: _Sentence, tokens: list[Token], i: int, covered: list[bool]) -> bool:
    """ "weapons seized last year", "people killed in the blast": a participle after a plain noun, no object."""
    if i == 0 or i + 1 >= s.n or tokens[i].norm not in s.lex.participles or covered[i - 1]:
        return False
    prev = tokens[i - 1]
    pn = prev.norm
    if ((prev.upper and i > 1) or not pn.isalpha() or pn in _NOT_A_NOUN or pn.endswith("ly") or _is_verb(s.lex, pn)):
        return False
    nxt = tokens[i + 1].norm
    if nxt == "by" or not (nxt in W.TIME_WORDS or (nxt in W.PREPOSITIONS and nxt != "to")):
        return False
    # "sources said Wednesday", "officials stressed on Monday": a speaker's verb keeps its subject
    if tokens[i].norm in W.REPORTING or any(c.code.startswith("01") for c in s.lex.verbs.get(tokens[i].norm, ())):
        return False
    if not s.lex.lemmas.get(tokens[i].norm, frozenset()).isdisjoint(W.INTRANSITIVE):
        return False  # "a bomb exploded in the market": an intransitive verb has no passive participle
    return not _main_verb(s, tokens, i, covered)


def _main_verb(s: _Sentence, tokens: list[Token], i: int, covered: list[bool]) -> bool:
    """Whether the verb at ``i`` comes right after its clause's subject noun phrase and the clause has no other
    finite verb ("several thousand of them demonstrated against the plan"; not "weapons seized last year were
    destroyed", "police found weapons seized in a raid")."""
    lex = s.lex
    p = i - 1
    while p >= 0:  # the noun phrase back to the start of the clause
        norm = tokens[p].norm
        if norm in W.BOUNDARY or norm in (",", ";", ":", "but") or norm in W.CLAUSE_STOP or norm in W.REPORTING:
            break  # ("and", "or" join nouns in the phrase: "returned arms and ammunition seized last year")
        if norm in W.PREPOSITIONS and not (
                norm == "of" or (norm in W.SKIPPABLE and norm != "to")
                or (norm == "to" and p > 0 and tokens[p - 1].norm == "up")):
            return False  # "aid to people displaced in ...": the noun is a preposition's object
        if norm in W.BE or norm in W.HAVE or norm in W.DO or norm in W.HYPOTHETICAL or norm in W.FUTURE:
            return False
        if not covered[p] and (_is_verb(lex, norm) or (norm.endswith("ed") and len(norm) > 4 and not tokens[p].upper)) \
                and not (p > 0 and (tokens[p - 1].norm in W.DETERMINERS or tokens[p - 1].norm in W.SKIPPABLE)):
            return False  # "found weapons seized in a raid": the noun is the object of a verb
        p -= 1
    for q in range(p - 1):
        if tokens[q].norm in W.BE and (tokens[q + 1].norm in lex.participles or (
                (tokens[q + 1].norm in W.ADVERB or tokens[q + 1].norm.endswith("ly")) and q + 2 < i
                and tokens[q + 2].norm in lex.participles)):
            return False  # "five were killed and four others injured": a passive with its auxiliary left out
    n = s.n
    q = i + 1
    while q < n:  # no other finite verb in the clause
        t = tokens[q]
        norm = t.norm
        if norm in W.BOUNDARY or norm == ";" or norm in W.CLAUSE_STOP or norm in W.REPORTING \
                or norm in W.CONJUNCTIONS or norm in ("when", "where", "as"):
            return True
        if norm in W.FINITE_AUX:
            return False
        if not t.upper and not covered[q] and norm.endswith("ed") and len(norm) > 4 and norm.isalpha() \
                and tokens[q - 1].norm not in W.DETERMINERS and tokens[q - 1].norm not in W.PREPOSITIONS:
            return False  # "people killed in the blast included ..."
        if (not covered[q] and not norm.endswith("ing") and _is_verb(lex, norm)
                and not _noun_use(lex, tokens, q, covered)):
            return False  # "the refugees displaced in the war return home"
        q += 1
    return True


def _after_place_or_time(s: _Sentence, p: int) -> int:
    """The end of a place ("in Nepal") or time phrase ("on Monday", "today") starting at ``p``; ``p`` if none."""
    if p + 1 < s.n and s.tokens[p].norm in ("in", "from", "of"):
        m = s.mention_at.get(p + 1)
        if m is not None:
            return m.j
        q = p + 1
        while q < s.n and q < p + 4 and s.tokens[q].upper and s.tokens[q].norm.isalpha():
            q += 1  # "the parties in Yemen" where the place was folded into the actor's code
        return q if q > p + 1 and not any(s.mention_at.get(x) for x in range(p + 1, q)) else p
    if p < s.n and s.tokens[p].norm == "(":
        for q in range(p + 1, min(s.n, p + 10)):  # "the Revolutionary United Front (RUF) to ...": an aside
            if s.tokens[q].norm == ")":
                return q + 1
        return p
    return _after_time(s, p)


def _after_time(s: _Sentence, p: int) -> int:
    """The end of a time phrase ("on Monday", "today", "last week") starting at ``p``; ``p`` if none."""
    q = p
    while q < s.n and q < p + 3 and (s.tokens[q].norm in W.TIME_WORDS or (
            s.tokens[q].norm == "on" and q + 1 < s.n and s.tokens[q + 1].norm in W.TIME_WORDS)):
        q += 1
    return q


def _aux_chain(tokens: list[Token], head: int) -> tuple[int, list[str]]:
    """Walk left over auxiliaries and adverbs; return the index before the chain and the words in it."""
    words: list[str] = []
    p = head - 1
    while p >= 0:
        norm = tokens[p].norm
        if tokens[p].upper and p > 0 and norm in W.HYPOTHETICAL:
            break  # "Theresa May will ...": a name, not the modal
        if (norm in W.TIME_WORDS and norm not in ("last", "this")) or (
                norm == "on" and p + 1 < head and tokens[p + 1].norm in W.TIME_WORDS):
            p -= 1  # "threatened on Monday to impose": a time phrase inside the chain
            continue
        if norm in _CHAIN_WORDS or (norm.endswith("ly") and len(norm) > 4 and not tokens[p].upper):
            words.append(norm)
            p -= 1
            continue
        break
    return p, words


def _appositions(tokens: list[Token], norms: list[str], mentions: list[ActorMention], lex: CompiledLexicon,
                 ) -> dict[int, int]:
    """``", <noun phrase> ,"`` right after an actor and before a verb, by the offsets of its two commas: "Zalmay
    Khalilzad, the American envoy for Afghan reconciliation, visited Kabul" (the source is Khalilzad, not
    "Afghan"; the envoy is Khalilzad himself)."""
    n = len(norms)
    out: dict[int, int] = {}
    if "," not in norms:
        return out
    for a in {m.j for m in mentions if not m.locative}:
        if a >= n - 2 or norms[a] != ",":
            continue
        b = a + 1
        while b < n and b - a <= 12 and norms[b] not in _APPOSITION_ENDS:
            w = norms[b]
            if w in _CLAUSE_WORDS or (w in lex.participles and not tokens[b].upper):
                break  # a clause, not a noun phrase
            b += 1
        if b >= n - 1 or b == a + 1 or norms[b] != ",":
            continue
        nxt = norms[b + 1]
        if nxt in lex.verbs or nxt in W.ADVERB or nxt in W.FUTURE or nxt in W.HAVE:
            out[a] = b
    return out


_APPOSITION_ENDS = frozenset([",", ".", ";", ":", "(", ")", '"'])
_CLAUSE_WORDS = W.BE | W.HAVE | W.REPORTING | W.CONJUNCTIONS | frozenset(W.PRONOUNS)
"""Words that make what follows an actor's comma a clause, not an apposition."""


def _relative_spans(norms: list[str]) -> list[bool]:
    """Tokens inside ", who/which ... ," asides, which the subject search skips (``norms``: the tokens' norms)."""
    n = len(norms)
    inside = [False] * n
    p = 0
    while True:
        try:
            p = norms.index(",", p, n - 1)  # the commas are few: jump from one to the next
        except ValueError:
            return inside
        if norms[p + 1] in _RELATIVE_WORDS:
            q = p + 1
            while q < n and norms[q] not in (",", ".", ";"):
                q += 1
            if q < n and norms[q] == ",":
                inside[p : q + 1] = [True] * (q + 1 - p)
            p = q
        p += 1


_RELATIVE_WORDS = frozenset(["who", "which", "whose", "where"])


def _subject(s: _Sentence, start: int, inside: list[bool], floor: int) -> tuple[Group | None, str | None, int]:
    """Nearest actor group left of ``start`` in the clause; or a pronoun; returns (group, pronoun, index)."""
    p = start
    first_word = True
    norms = s.norms
    in_mention = s.in_mention
    while p >= floor:
        if inside[p]:
            p -= 1
            continue
        norm = norms[p]
        if norm == ")":
            # "Amnesty International (AI) accused ...": skip a short parenthesis
            q = p - 1
            while q >= floor and p - q < 8 and s.tokens[q].norm != "(":
                q -= 1
            if q >= floor and s.tokens[q].norm == "(":
                p = q - 1
                continue
            break
        if (norm in W.BOUNDARY or norm in (";", ":")) and not (norm == "." and _title_dot(s.tokens, p)):
            break
        m = s.mention_at.get(p) if in_mention[p] else None
        if m is None and in_mention[p]:
            # a mention ending here?
            for q in range(max(floor, p - 8), p + 1):
                mm = s.mention_at.get(q)
                if mm is not None and mm.i <= p < mm.j:
                    m = mm
                    break
        if m is not None and not m.locative:
            if m.i >= 2 and s.tokens[m.i - 1].norm == "of":
                for q in range(max(floor, m.i - 9), m.i - 1):
                    head = s.mention_at.get(q)
                    if head is not None and head.j == m.i - 1 and not head.locative:
                        m = head  # "Houthi rebels of Yemen claimed ...": the phrase's head, not its complement
                        break
            g = s.groups_at.get(m.i)
            return g, None, p
        if first_word and norm in W.PRONOUNS:
            return None, norm, p
        if norm.isalnum():
            first_word = False
        p -= 1
    return None, None, p


def _on_first(cp: CompiledPattern) -> bool:
    """Whether the pattern's first word after the verb is "on" ("call on +", "agree on")."""
    if cp.head_rest:
        return cp.head_rest[0] == "on"
    return bool(cp.after) and cp.after[0].kind == "lit" and "on" in cp.after[0].firsts


_DAY_NAMES: Final = NAMED_DAYS_AND_MONTHS | {"today", "tonight", "yesterday", "tomorrow"}
_NEXT_PERIODS: Final = NAMED_DAYS_AND_MONTHS | frozenset(
    "week month year weekend spring summer autumn fall winter".split())


def _future_time_after(norms: tuple[str, ...] | list[str], p: int) -> bool:
    """Whether the clause after token ``p`` dates the event ahead ("would hold talks ... next month", "would visit
    Iran tomorrow"): then "would" reports a plan, not a hypothesis."""
    for k in range(p, min(p + 14, len(norms))):
        w = norms[k]
        if w in W.BOUNDARY or w in W.CONDITIONAL or w in W.CLAUSE_STOP:
            return False
        if w == "tomorrow" or (w == "next" and k + 1 < len(norms) and norms[k + 1] in _NEXT_PERIODS) or (
                w == "coming" and k + 1 < len(norms) and norms[k + 1] in ("days", "weeks", "months")):
            return True
    return False


def _title_dot(tokens: list[Token], p: int) -> bool:
    """Whether the "." at ``p`` ends an abbreviated title before a name ("Gov. Phil Murphy", "Sen. Smith"), not
    a clause."""
    return 0 < p < len(tokens) - 1 and tokens[p - 1].end == tokens[p].start and tokens[p + 1].upper \
        and tokens[p - 1].norm in TITLE_ABBREVIATIONS


_SKIPPABLE_SYMBOLS = frozenset(["$", "€", "£", "¥", "%", "'"])
_NOT_SKIPPABLE = W.BOUNDARY | W.PREPOSITIONS | W.CONJUNCTIONS | W.CLAUSE_STOP | W.CONDITIONAL | {","}
"""Words a gap or an actor slot never passes over (unless :data:`W.SKIPPABLE` or a time phrase says so first)."""
_FUNCTION_WORDS = W.SKIPPABLE | W.PREPOSITIONS | W.CLAUSE_STOP | W.CONJUNCTIONS | W.DETERMINERS
"""Words that are not the plain content word after a coordinated or -ing adjective in a gap."""
_VERB_BEFORE = W.BE | W.HAVE | W.DO | W.HYPOTHETICAL | W.FUTURE | W.NEGATION | frozenset(W.PRONOUNS) | W.ADVERB
"""Words after which a verb form is a verb, not a noun ("was ready", "will visit", "they attacked", "also met")."""
_CHAIN_WORDS = (W.BE | W.HAVE | W.DO | W.NEGATION | W.HYPOTHETICAL | W.FUTURE | W.ADVERB
                | {"to", "going", "set", "about", "likely", "expected", "due", "able", "ready"})
"""The auxiliaries, modals, negations and adverbs of a verb's chain (besides -ly adverbs and time phrases)."""
_NOT_A_NOUN = (frozenset(W.PRONOUNS) | W.CONJUNCTIONS | W.CLAUSE_STOP | W.REPORTING | W.ADVERB | W.SKIPPABLE
               | W.PREPOSITIONS | W.TIME_WORDS)
"""Words before a participle that are not the noun a reduced relative describes."""
_PLACE_PREPS = frozenset(["in", "at", "to", "into", "inside", "on"])
_PARTICLES = frozenset(["down", "up", "off", "out", "back", "over", "away", "in", "on", "through"])
_QUANTIFIERS = frozenset(["about", "some", "another", "than", "least", "to", "over", "nearly", "almost", "around",
                          "roughly", "estimated", "only", "just", "all", "the", "these", "those"])
_PLACE_ADVERBS = frozenset(["outside", "inside", "along", "around", "throughout", "past", "down", "near", "beside"])
_NOUN_AFTER = frozenset(["on", "against", "by", "across", "near", "in", "inside", "targeting", "of"])
_NUMBER_WORDS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many",
                           "more", "further", "fresh", "new", "renewed", "repeated", "deadly", "recent", "heavy"])


def _noun_use(lex: CompiledLexicon, tokens: list[Token], i: int, covered: list[bool] | None = None) -> bool:
    """Whether a verb form is used as a noun here ("the attack", "reduce attacks", "Taliban attacks on")."""
    prev = tokens[i - 1].norm
    if covered is not None and covered[i - 1] and not tokens[i].norm.endswith("s"):
        return False  # right after an actor: its verb ("Israeli jets shelled")
    if prev in _VERB_BEFORE or (prev.endswith("ly") and not tokens[i - 1].upper):
        return False  # "was ready", "has met", "will visit", "did not attack", "they attacked", "also met"
    if prev[:1].isdigit() and tokens[i].norm in lex.participles and i + 1 < len(tokens) and _number_subject(
            lex, tokens, i):
        return False  # "about 500 marched through the city", "some 200 stormed the building": a number as subject
    if prev in W.DETERMINERS or prev in _NUMBER_WORDS or prev[:1].isdigit():
        return True
    if prev == "-" and tokens[i - 1].end == tokens[i].start:
        return True  # "government-backed", "Russian-made": part of a compound adjective
    if (prev in W.PREPOSITIONS or prev == "of") and prev != "to":
        return True  # "weeks of protests", "after attacks"
    norm = tokens[i].norm
    if (prev != "to" and _is_verb(lex, prev) and not tokens[i - 1].upper and not norm.endswith(("ed", "ing"))
            and (norm in lex.lemmas.get(norm, ()) or (norm.endswith("s") and not norm.endswith("ss")))
            and not (i >= 2 and _noun_use(lex, tokens, i - 1, covered))):
        # "reduce attacks", "launched strikes" (a base or -s form right after a verb); but in "the jets hit
        # Hamas" the word before is itself a noun, and "hit" the verb
        return True
    if not norm.endswith("s") or norm.endswith("ss") or i + 1 >= len(tokens):
        return False
    # "Taliban attacks on police"
    return tokens[i + 1].norm in _NOUN_AFTER or _verb_follows(lex, tokens, i, covered)


def _verb_follows(lex: CompiledLexicon, tokens: list[Token], i: int, covered: list[bool] | None) -> bool:
    """Whether a finite verb follows the "-s" form at ``i``, which is then a plural noun, its subject ("heart
    attacks occur more often", "rocket attacks continued", "Taliban attacks killed five"); not "Rebels attacks
    the town", "Russia condemns renewed attacks"."""
    n = len(tokens)
    q = i + 1
    while q < n and (tokens[q].norm in W.ADVERB or (tokens[q].norm.endswith("ly") and len(tokens[q].norm) > 4)):
        q += 1  # "attacks also continued"
    if q >= n:
        return False
    t = tokens[q]
    nn = t.norm
    if t.upper or not nn.isalpha():
        return False
    if nn in W.FINITE_AUX:
        return True
    plain = covered is None or not covered[i - 1]  # a plain modifier before: "heart attacks", "rocket attacks"
    if (nn.endswith("ed") and len(nn) > 4) or (nn in lex.participles and nn not in lex.lemmas.get(nn, ())):
        # a past form, regular or not ("jets struck", "rebels fought"; not "hit", also a base form)
        if plain:
            return True
        # after an actor ("Taliban attacks killed five"), unless the -ed word is an adjective ("renewed attacks")
        f = tokens[q + 1].norm if q + 1 < n else "."
        return not (f.isalpha() and f not in W.SKIPPABLE and f not in W.DETERMINERS and f not in W.PREPOSITIONS
                    and not tokens[q + 1].upper)
    if (not nn.endswith("s") and nn not in _PARTICLES and nn in lex.verbs and q + 1 < n
            and (tokens[q + 1].upper or tokens[q + 1].norm in W.DETERMINERS)):
        return True  # "Israeli jets hit Hamas positions": a verb with its object after the plural
    if plain and not nn.endswith("s") and nn not in _PARTICLES:
        cands = lex.verbs.get(nn)  # a base form that is never a noun ("occur", "continue"; not "attack")
        return cands is not None and not any(c.entry.noun_head for c in cands) and nn in lex.lemmas.get(nn, ())
    return False


def _number_subject(lex: CompiledLexicon, tokens: list[Token], i: int) -> bool:
    """Whether the past form at ``i``, after a number, is the verb of that number as its subject: an object follows
    ("some 200 stormed the building"), or the verb is intransitive ("about 500 marched through the city"); not
    "12 killed in blast", where the number is what the participle tells of."""
    if i > 1 and tokens[i - 2].norm not in _QUANTIFIERS and tokens[i - 2].norm not in (",", ";", ":"):
        return False  # "about 500", "another 1,500", "more than 2,000": not "on Sept. 11", "in 1992"
    nxt = tokens[i + 1].norm
    if nxt in W.DETERMINERS:
        return True
    return ((nxt in W.PREPOSITIONS or nxt in W.TIME_WORDS or nxt in _PLACE_ADVERBS) and nxt != "by"
            and not lex.lemmas.get(tokens[i].norm, frozenset()).isdisjoint(W.INTRANSITIVE))


def _reversed(tokens: list[Token], i: int) -> bool:
    """Whether the noun phrase at ``i`` follows a noun that undoes it ("the lifting of", "an end to")."""
    q = i - 1
    while q > 0 and tokens[q].norm in W.DETERMINERS:
        q -= 1
    return q > 0 and tokens[q].norm in ("of", "to") and tokens[q - 1].norm in W.UNDOING_NOUNS


def _coordinated_subject(s: _Sentence, lex: CompiledLexicon, obj: Group, inside: list[bool]
                         ) -> tuple[Group | None, str | None, int] | None:
    """"X called Y on Monday and urged him to ...": the actor nearest before "and V" is the object of the verb
    before it, so the joined verb shares that verb's subject. The subject (as :func:`_subject` gives it) of the
    verb right before the object ``obj``, or None when no verb stands there."""
    tokens = s.tokens
    q = obj.i - 1
    while q >= 0 and tokens[q].norm in W.SKIPPABLE:
        q -= 1
    w = tokens[q].norm if q > 0 else ""
    if q <= 0 or tokens[q].upper or not w.endswith("ed") or not (len(w) > 4 or _is_verb(lex, w)):
        return None  # a past tense right before the object ("called Y", "met Y"; "led Y" is a verb of the lexicon)
    cs, _ = _aux_chain(tokens, q)
    if cs < 0 or tokens[cs].norm in W.BOUNDARY or tokens[cs].norm == ",":
        return None
    subj, pronoun, at = _subject(s, cs, inside, 0)
    if subj is None and pronoun is None:
        return None
    return subj, pronoun, at


def _is_verb(lex: CompiledLexicon, norm: str) -> bool:
    cands = lex.verbs.get(norm)
    return cands is not None and bool(cands.verbs())


def _np_left(s: _Sentence, start: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase just before ``start`` (an uncoded subject), as a token span."""
    end = start + 1
    p = start
    got: list[int] = []
    while p >= floor and len(got) < 8:
        norm = s.tokens[p].norm
        if norm in W.BOUNDARY or norm == "," or norm in W.CLAUSE_STOP or norm in W.REPORTING:
            break
        if norm in W.PREPOSITIONS:
            if got and ((norm in ("about", "over", "around") and s.tokens[p + 1].norm[:1].isdigit())
                        or (norm == "at" and s.tokens[p + 1].norm == "least")):
                got.append(p)  # "about 500", "at least 500": a number phrase
                p -= 1
                continue
            if got and norm in ("in", "at", "near", "on", "of", "from", "outside"):
                got = []  # what we collected was the object of a prepositional phrase: skip it
                end = p
                p -= 1
                continue
            break
        if norm in W.CONJUNCTIONS or (p != start and not s.tokens[p].upper and _is_verb(s.lex, norm)):
            break
        got.append(p)
        p -= 1
    if not got:
        return None
    return (min(got), end)


def find_events(
    tokens: list[Token],
    mentions: list[ActorMention],
    lex: CompiledLexicon,
    *,
    headline: bool = False,
) -> tuple[list[Found], list[Trace], list[tuple[int, str]]]:
    """Events in one sentence; the matches dropped (for explain); pronouns needing resolution (index, kind)."""
    s = _Sentence(tokens, mentions, lex)
    n = s.n
    norms = s.norms
    inside = _relative_spans(norms)
    s.inside = inside
    mentions_by_start = {m.i: m for m in mentions if not m.locative}
    for a, b in s.appositions.items():
        for x in range(a, b + 1):
            inside[x] = True
    for k1 in [x for x in range(2, n) if norms[x] == "by"] if "by" in norms else ():
        k = k1 - 1
        # "warplanes supported by Russia pounded ...": the agent of a reduced relative is not the subject
        if norms[k] in lex.participles and norms[k - 1][:1].isalpha():
            q = k + 2
            while q < n and q < k + 8 and tokens[q].norm not in W.BOUNDARY and tokens[q].norm != ",":
                m_at = mentions_by_start.get(q)
                if m_at is not None:
                    q = m_at.j
                    break
                q += 1
            for x in range(k, min(q, n)):
                inside[x] = True
    covered = s.in_mention  # the tokens inside an actor mention
    conditionals = [k for k, w in enumerate(norms) if w in W.CONDITIONAL] if not W.CONDITIONAL.isdisjoint(norms) else []
    first_conditional = conditionals[0] if conditionals else n
    last_conditional = conditionals[-1] if conditionals else -1
    found: list[Found] = []
    trace: list[Trace] = []
    pronouns: list[tuple[int, str]] = []
    consumed_until = -1
    head_events: dict[int, int] = {}  # head token -> index in found
    verbs = lex.verbs
    raw_verbs = cast("dict[str, PatternList | None]", verbs)  # (a VerbIndex is a dict: its own get, below)
    # most words are not verbs: only the verb forms and prefixes are visited (in order; a match ending further on
    # moves ``i`` past the ones it covers)
    heads = verbs.keys() & norms
    if "-" in norms:  # (a prefix that is not a verb form itself is a head only before a hyphen)
        heads.update(W.VERB_PREFIXES.intersection(norms))
    i = 0
    for at in [k for k, w in enumerate(norms) if w in heads] if heads else ():
        if at < i:
            continue
        i = at
        if covered[i] or i <= consumed_until:
            i += 1
            continue
        hnorm = norms[i]
        tok = tokens[i]
        a0 = i + 1  # where the words after the verb start
        cands = dict.get(raw_verbs, hnorm)  # (the dict's own get: a form compiled before is the common case)
        if cands is None and hnorm in verbs:
            cands = verbs[hnorm]  # compiled now
        if (cands is None and hnorm in W.VERB_PREFIXES and i + 2 < n and tokens[i + 1].norm == "-"
                and tok.end == tokens[i + 1].start and tokens[i + 1].end == tokens[i + 2].start):
            # "re-open", "co-sponsor", "counter-attack": a hyphenated prefix; the joined verb, else the verb itself
            hnorm = tokens[i + 2].norm
            cands = lex.verbs.get(tok.norm + hnorm) or lex.verbs.get(hnorm)
            a0 = i + 3
        if not cands:
            i += 1
            continue
        # the patterns that can match after the verb, or after a time phrase there ("agreed on Monday that",
        # "urged today ..."); when there are none, only a reduced relative's trace can come of this verb
        tried = cands.matchable(norms[a0] if a0 < n else "", norms[a0 : a0 + 24])  # (_tried, inline)
        q = _after_time(s, a0) if a0 < n and (norms[a0] in W.TIME_WORDS or norms[a0] == "on") else a0
        tried_later = _tried(s, cands, q) if q > a0 else []
        if tried and q > a0 and norms[a0] == "on" and norms[a0 + 1] in _DAY_NAMES:
            # "called on Tuesday for the withdrawal": the "on" of a day is not the "on" of "call on +" (a noun's
            # "attacks on Tuesday" keeps its pattern: the attack is still one)
            tried = [cp for cp in tried if cp.entry.noun_head or cp.before or not _on_first(cp)]
        if not tried and not tried_later and not _reduced_relative(s, tokens, i, covered):
            i += 1
            continue
        if i > 0 and _noun_use(lex, tokens, i, covered):
            cands = cands.nouns()
            if not cands:
                i += 1
                continue
            tried = [cp for cp in tried if cp.entry.noun_head]
            tried_later = [cp for cp in tried_later if cp.entry.noun_head]
        chain_start, chain = _aux_chain(tokens, i)
        if not chain and _reduced_relative(s, tokens, i, covered):
            trace.append(Trace(i, tok.norm, "participle after a noun: describes the noun, not an event"))
            i += 1
            continue
        s.passive = hnorm in lex.participles and (
            (bool(chain) and chain[0] in W.BE)
            # "a helicopter captured by the army": a participle after its noun, with its agent
            or (not chain and i + 2 < n and tokens[i + 1].norm == "by" and i > 0 and tokens[i - 1].norm[:1].isalpha()
                and not (tokens[i + 2].norm[:1].isdigit() or tokens[i + 2].norm in _NUMBER_WORDS
                         or tokens[i + 2].norm in ("one", "a", "half", "about", "around", "nearly", "up", "more")))
        )  # but not "cut by half", "shortened by one hour": a measure, not an agent
        if s.passive and tok.norm in W.ADJECTIVAL_TO and i + 1 < n and tokens[i + 1].norm == "to":
            s.passive = False  # "is opposed to the plan": an adjective taking an object, not a passive
        s.chain_start = chain_start
        s.pair = None
        best = _best(s, tried, i, a0)
        if best is None and tried_later:
            best = _best(s, tried_later, i, q)
        if best is None:
            i += 1
            continue
        cp, r = best
        if s.passive and cp.entry.before and _own_source(cp):
            s.passive = False  # "troops were deployed" on "$ * [deploy]": the subject is the pattern's source
        notes: list[str] = []
        code = cp.code
        noun = cp.entry.noun_head
        if noun and _reversed(tokens, i):
            # "the lifting of martial law", "an end to the blockade": the noun names what is undone
            trace.append(Trace(i, cp.entry.text, f"undone: {tokens[i - 1].norm} ..."))
            i = max(r.end, i + 1)
            continue
        # infinitive after a verb: modality from the governing verb
        gov = chain_start
        if not noun and chain and chain[0] == "to" and gov >= 0:
            gnorm = tokens[gov].norm
            glemmas = lex.lemmas.get(gnorm, frozenset()) | {gnorm}
            earlier = head_events.get(gov)
            if earlier is not None and found[earlier].end > i:
                i += 1
                continue  # the governing verb's pattern already covers this one
            if glemmas & W.NEGATING_VERBS or _lemma_in(gnorm, W.NEGATING_VERBS):
                trace.append(Trace(i, cp.entry.text, f"refused or failed: {tokens[gov].norm} to ..."))
                i = r.end if r.end > i else i + 1
                continue
            if gnorm in W.CAPACITY_NOUNS:
                trace.append(Trace(i, cp.entry.text, f"a capacity, not an event: {gnorm} to ..."))
                i = r.end if r.end > i else i + 1
                continue
            if glemmas & W.INTENT_VERBS or _lemma_in(gnorm, W.INTENT_VERBS):
                if earlier is not None:
                    found[earlier] = found[earlier]._replace(code="")  # superseded by the embedded action
                code = _intent(code)
                notes.append("intent")
            elif glemmas & W.ACTUAL_VERBS or _lemma_in(gnorm, W.ACTUAL_VERBS):
                notes.append("attempt")
            elif headline and (tokens[gov].upper or _ends_mention(s, gov)):
                code = _intent(code)  # headline "US to press Taliban ...": an announced action
                notes.append("intent")
        if (not noun and len(chain) >= 2 and chain[0] == "to" and (chain[1] in W.BE or chain[1] in ("set", "due"))
                and "intent" not in notes):  # "is to visit", "is set to sign", "are due to meet"
            code = _intent(code)
            notes.append("intent")
        if not noun:
            if not W.NEGATION.isdisjoint(chain):
                announced = not _ANNOUNCING.isdisjoint(chain)
                refusal = _refusal(code) if announced else None
                if refusal is None:
                    trace.append(Trace(i, cp.entry.text, "negated"))
                    i = r.end if r.end > i else i + 1
                    continue
                code = refusal  # "will not release the hostages": a refusal (1243)
                notes.append("refusal")
            obligation = "must" in chain or ("to" in chain and not _HAS.isdisjoint(chain))
            if obligation and first_conditional > i and _demand(code) is not None:
                code = _demand(code) or code  # "Sudan must return the helicopter": a demand on Sudan
                notes.append("demand")
            elif ("would" in chain and _OTHER_MODALS.isdisjoint(chain)
                  and not _in_condition(tokens, conditionals, i)
                  and (not W.REPORTING.isdisjoint(norms[:chain_start + 1]) or last_conditional > i
                       or _future_time_after(norms, r.end))):
                # "the rebels said they would release ...": an announced intention; "X would close the strait
                # unless ...": a conditional threat (or offer)
                code = _intent(code)
                notes.append("intent")
            elif (not _MAYBE.isdisjoint(chain) and last_conditional > i
                  and not _in_condition(tokens, conditionals, i) and _intent(code).startswith("13")):
                code = _intent(code)  # "X may halt its mediation if ...": a conditional threat
                notes.append("intent")
            elif not W.HYPOTHETICAL.isdisjoint(chain) or _in_condition(tokens, conditionals, i):
                trace.append(Trace(i, cp.entry.text, "hypothetical or conditional"))
                i = r.end if r.end > i else i + 1
                continue
            if (not W.FUTURE.isdisjoint(chain) or ("going" in chain and "to" in chain)) and "refusal" not in notes:
                code = _intent(code)
                if "intent" not in notes:
                    notes.append("intent")
            if ("intent" in notes and not code.startswith("13") and "would" not in chain and "refusal" not in notes
                    and any(k > i and tokens[k].norm == "unless" for k in conditionals)):
                code = "130"  # "will withdraw the force unless ...": an ultimatum, not an offer
        # source and target
        source: Group | None = r.source
        target: Group | None = r.target
        target_span = r.target_span
        source_span: tuple[int, int] | None = None
        pronoun: str | None = None
        if cp.source_after and not s.passive and not noun:
            # "came under fire from $": the source is after the verb, so the subject is the target
            subj, pronoun, at = _subject(s, chain_start, inside, 0)
            target = subj
            target_span = (subj.i, subj.j) if subj else None
            if pronoun:
                pronouns.append((len(found), pronoun + ":target"))
                target_span = (at, at + 1)
            notes.append("source after verb")
        elif s.passive:
            notes.append("passive")
            subj, pronoun, _ = _subject(s, chain_start, inside, 0)
            if pronoun is None and any(e.kind == "target!" for e in cp.after) and (subj is None or not all(
                    norms[q] in W.ADVERB or norms[q].endswith("ly") for q in range(subj.j, chain_start + 1))):
                # ``+!`` in a passive: the subject is the target and must be an actor right before the verb
                # ("prisoners were released"), not "a video released by the rebels" or "aid to the region is released"
                trace.append(Trace(i, cp.entry.text, "passive: the subject is no actor, and the pattern needs one"))
                i = r.end if r.end > i else i + 1
                continue
            target = subj
            target_span = (subj.i, subj.j) if subj else None
            # "by X" after the match
            q = i + 1  # "was arrested by police for spying": the agent may come inside the match, or after it
            while q < n and q < r.end + 6 and tokens[q].norm != "by" and tokens[q].norm not in W.BOUNDARY:
                q += 1
            source = None
            if q < n and tokens[q].norm == "by":
                q += 1
                while q < n and q < r.end + 10 and s.groups_at.get(q) is None and s.skippable(q):
                    q += 1
                source = s.groups_at.get(q)
            if pronoun:
                pronouns.append((len(found), pronoun + ":target"))
        elif source is None:
            if noun:
                # the actor right before the noun ("Taliban attack on", "U.S. airstrikes on")
                q = i - 1
                while q >= 0 and (tokens[q].norm in W.SKIPPABLE or tokens[q].norm == "'s") and tokens[q].norm != "of":
                    q -= 1
                m: ActorMention | None = None
                for x in range(max(0, q - 6), q + 1):
                    mm = s.mention_at.get(x)
                    if mm is not None and mm.j == q + 1 and not mm.locative:
                        m = mm
                if m is not None:
                    source = s.groups_at.get(m.i)
                else:
                    q = r.end
                    if q + 1 < n and tokens[q].norm == "by":
                        source = s.groups_at.get(q + 1)
            elif found and found[-1].end <= chain_start + 1 and chain_start >= 0 and (
                (tok.norm.endswith("ing") and tokens[chain_start].norm == ",")
                or tokens[chain_start].norm == "and"
            ):
                # ", killing dozens" / "killed two and wounded five": the clause shares the subject before it
                prev = found[-1]
                source = s.groups_at.get(prev.sources[0].i) if prev.sources[0] is not None else None
                if source is None:
                    source_span = prev.source_span
                notes.append("shared subject")
            else:
                subj, pronoun, at = _subject(s, chain_start, inside, 0)
                if subj is not None and chain_start > 0 and norms[chain_start] == "and":
                    subj, pronoun, at = _coordinated_subject(s, lex, subj, inside) or (subj, pronoun, at)
                source = subj
                if subj is None and pronoun is None:
                    source_span = _np_left(s, chain_start, 0)
                if pronoun:
                    source_span = (at, at + 1)
                    pronouns.append((len(found), pronoun + ":source"))
                elif headline and subj is None:
                    notes.append("headline")
        if "demand" in notes and source is not None:
            # the one who must act is the target; the source is who said so ("Russia said Sudan must ...")
            speaker, _, _ = _subject(s, source.i - 1, inside, 0) if source.i > 0 else (None, None, 0)
            target, target_span, source = source, (source.i, source.j), speaker
            source_span = None
        if (noun and cp.entry.symmetric and source is None and target is not None and len(target.members) > 1
                and target.i > 0 and tokens[target.i - 1].norm == "between"):
            # "the signing of an agreement between X and Y", "talks between X and Y": both are the parties
            source, target, target_span = target, None, None
        if source is not None:
            source_span = (source.i, source.j)
        if target is not None:
            target_span = (target.i, target.j)
        elif target_span is not None and target_span[1] - target_span[0] == 1 and \
                norms[target_span[0]] in W.OBJECT_PRONOUNS:
            # "urged him to ...": an object pronoun is resolved like a subject one (an actor named before)
            pronouns.append((len(found), W.OBJECT_PRONOUNS[norms[target_span[0]]] + ":target"))
        srcs: tuple[ActorMention | None, ...] = source.members[:4] if source else (None,)
        tgts: tuple[ActorMention | None, ...] = target.members[:4] if target else (None,)
        if len(srcs) > 1 or len(tgts) > 1:
            notes.append("compound")
        if cp.entry.symmetric:
            notes.append("symmetric")
        if (pronouns and pronouns[-1][0] == len(found) and srcs == (None,) and tgts == (None,)
                and source_span is not None and target_span is not None):
            # the record builder resolves a pronoun for one role; an uncoded phrase in the other role would be
            # taken for the same pronoun ("he said it was wary of the plan"): keep only the pronoun
            if pronouns[-1][1].endswith(":source"):
                target_span = None
            else:
                source_span = None
        head_events[i] = len(found)
        end = r.end
        governs = None if noun else _GOVERNS.get(code)
        if governs is not None:
            # "urged X to lift the ban", "demanded that X withdraw", "agreed to allow access", "denied that X
            # shelled Y": the clause the verb governs names what is appealed for, demanded, intended or denied
            emb = _embedded(s, r.end, covered)
            if emb is not None:
                v, subj = emb
                ecands = lex.verbs[tokens[v].norm].verbs()
                was_passive = s.passive
                s.passive = False
                s.pair = False
                eb = _best(s, _tried(s, ecands, v + 1), v, v + 1) if ecands else None
                s.passive = was_passive
                if eb is not None:
                    ecp, er = eb
                    new_code = "" if governs == "deny" else _governed(governs, ecp.code)
                    if new_code is not None:
                        end = max(er.end, v + 1)
                        notes.append("denied clause" if governs == "deny" else "governed clause")
                        if new_code:
                            code = new_code
                        if tgts == (None,) and governs != "deny":
                            g = subj if subj is not None else er.target
                            if g is not None:
                                tgts = g.members[:4]
                                target_span = (g.i, g.j)
                            elif target_span is None:
                                target_span = er.target_span
        found.append(_new(Found, (code, cp, i, end, srcs, source_span, tgts, target_span, tuple(notes))))
        if end > r.end:
            consumed_until = end - 1
            i = end
            continue
        # an infinitive right after this match is governed by it ("urged X to stop ...")
        e = r.end
        if e < n and tokens[e].norm in ("to", "of", "for", "from", "against", "into") and not noun:
            consumed_until = e + 2 if tokens[e].norm == "to" else e + 1
        i = max(r.end, i + 1)
    kept = [f for f in found if f.code]
    if len(kept) != len(found):
        # indices into found were recorded for pronouns: remap
        remap = {id(f): k for k, f in enumerate(kept)}
        pronouns = [(remap[id(found[x])], kind) for x, kind in pronouns if found[x].code]
    codes = {f.code for f in kept}
    if "010" in codes and len(codes) > 1:  # plain statements and other events
        dropped = [f for f in kept if f.code == "010"]
        for f in dropped:
            trace.append(Trace(f.head, f.pattern.entry.text, "plain statement dropped: another event is coded"))
        ids = {id(f) for f in dropped}
        remap2: dict[int, int] = {}
        kept2: list[Found] = []
        for k, f in enumerate(kept):
            if id(f) not in ids:
                remap2[k] = len(kept2)
                kept2.append(f)
        pronouns = [(remap2[x], kind) for x, kind in pronouns if x in remap2]
        kept = kept2
    return kept, trace, pronouns


def _tried(s: _Sentence, cands: PatternList, after: int) -> list[CompiledPattern]:
    """The patterns (in order) that may match with their words starting at ``after``: those whose next word can
    be the one there and whose required words are all ahead. Any other pattern cannot match there."""
    nxt = s.norms[after] if after < s.n else ""
    return cands.matchable(nxt, s.norms[after : after + 24])


def _best(s: _Sentence, tried: list[CompiledPattern], i: int, after: int) -> tuple[CompiledPattern, _Match] | None:
    """The first (most specific) pattern of the verb at ``i`` that matches, its words starting at ``after``, of the
    patterns :func:`_tried` there."""
    s.failed.clear()  # (what fails depends on the verb: its voice, its subject)
    passive = s.passive  # (set back to this after each pattern)
    for cp in tried:
        if passive and (cp.entry.noun_head or cp.entry.active):
            continue
        if cp.before and not _before_ok(s, cp, len(cp.before), i - 1):
            continue
        pos = after
        if cp.head_rest:
            if not s.seq(pos, cp.head_rest):
                continue
            pos += len(cp.head_rest)
        if passive and cp.entry.before and _own_source(cp):
            s.passive = False  # "$ * [deploy] to +": the pattern places its source itself, so no passive reading
            s.failed.clear()  # (failures remembered in one reading do not hold in the other)
            r = _match(s, cp, 0, pos)
            s.passive = True
            s.failed.clear()
        else:
            r = _match(s, cp, 0, pos)
        if r is not None:
            return cp, r
    return None


_ANNOUNCING = W.FUTURE | {"would", "'d"}
_HAS = frozenset(["has", "have", "had"])
_OTHER_MODALS = W.HYPOTHETICAL - {"would", "'d"}
_MAYBE = frozenset(["may", "might", "could"])


def _own_source(cp: CompiledPattern) -> bool:
    """Whether the pattern marks its source before the verb (``$ * [deploy]``)."""
    return any(el.kind == "source" for el in cp.entry.before)


_GOVERNS = {"020": "appeal", "100": "demand", "030": "intent", "130": "threat", "016": "deny"}
"""Generic codes whose verbs govern a clause that says what is appealed for, demanded, intended or denied."""

_APPEALS = {"105": "028", "106": "0256", "107": "0256", "108": "026"}
"""Appeal codes (02x) where they do not parallel the demand code (10x) with the same digits."""


def _embedded(s: _Sentence, e: int, covered: list[bool]) -> tuple[int, Group | None] | None:
    """The verb of the clause a match ending at ``e`` governs, and the clause's subject if it has one."""
    tokens = s.tokens
    n = s.n
    if e >= n:
        return None
    subj: Group | None = None
    q = _after_place_or_time(s, e)
    if q > e and q < n and tokens[q].norm == "to":
        e = q
    prev = tokens[e - 1].norm
    norm = tokens[e].norm
    if norm == "to":
        v = e + 1
    elif prev in ("to", "must", "should"):
        v = e
    elif norm == "that" or prev == "that":
        # "demanded that Israel withdraw": the first verb of the clause, after its subject
        v = e + 1 if norm == "that" else e
        limit = min(n, v + 10)
        while v < limit:
            t = tokens[v].norm
            if t in W.BOUNDARY or t == "," or t in W.CLAUSE_STOP:
                return None
            if subj is None and s.groups_at.get(v) is not None:
                subj = s.groups_at[v]
                v = subj.j
                continue
            if (not covered[v] and t in s.lex.verbs and not _noun_use(s.lex, tokens, v, covered)
                    and t not in W.HAVE and t not in W.BE and t not in W.DO):
                break
            v += 1
        else:
            return None
    else:
        q = e
        while q < n and q < e + 3 and s.groups_at.get(q) is None and s.skippable(q):
            q += 1  # "demanded the warring parties to ..."
        g = s.groups_at.get(q)
        if g is None:
            return None
        q = _after_place_or_time(s, g.j)  # "urged the parties in Yemen to ..."
        if q >= n or tokens[q].norm != "to":
            return None
        subj, v = g, q + 1  # "called for Israel to withdraw"
    while v < n and (tokens[v].norm in W.ADVERB or (tokens[v].norm.endswith("ly") and len(tokens[v].norm) > 4)):
        v += 1  # "to immediately lift"
    if v + 2 < n and tokens[v].norm in W.VERB_PREFIXES and tokens[v + 1].norm == "-" and not covered[v]:
        v += 2  # "agreed to re-open": the verb after the prefix
    if v >= n or covered[v] or tokens[v].norm not in s.lex.verbs:
        return None
    return v, subj


def _governed(kind: str, code: str) -> str | None:
    """The code of appealing for, demanding, intending or threatening the action ``code``; None if none."""
    from eventcode.codebook import get_event_code

    if code[:2] in ("01", "02", "10", "03", "13") or code in ("---", "###", "+++"):
        return None
    if kind == "appeal":
        if code.startswith("057"):
            return "027"  # "urged them to reach an agreement": to settle the dispute
        d = _demand(code)
        if d is None:
            return None
        if d == "100" and code.startswith("08"):
            return "025"  # "urged X to pay compensation": an appeal to yield
        a = _APPEALS.get(d, "02" + d[2:])
        return a if get_event_code(a) is not None else None
    if kind == "demand":
        return _demand(code)
    x = _intent(code)
    if x == code or not x.startswith("03" if kind == "intent" else "13"):
        return None
    return x


def _in_condition(tokens: list[Token], conditionals: list[int], i: int) -> bool:
    """Whether token ``i`` is inside an "if/unless/whether" clause (up to the next comma or stop)."""
    for k in reversed(conditionals):
        if k < i:
            return not any(t.norm == "," or t.norm in W.BOUNDARY for t in tokens[k + 1 : i])
    return False


def _before_ok(s: _Sentence, cp: CompiledPattern, k: int, q: int) -> bool:
    """Whether the words a pattern requires before its verb (``said ... [deplore]``, the first ``k`` elements of
    its ``before``) end at token ``q``.

    Matched right to left: a word element must end exactly at ``q``; ``*`` lets up to four words come
    between; an optional element may be absent.
    """
    if k == 0:
        return True
    kind = cp.before[k - 1].kind
    if kind == "gap":
        return any(_before_ok(s, cp, k - 1, q - g) for g in range(5) if q - g >= -1)
    if q >= 0:
        for alt in cp.before_ends[k - 1].get(s.norms[q], ()):  # the alternatives that end with the word at q
            start = q + 1 - len(alt)
            if start >= 0 and s.seq(start, alt) and _before_ok(s, cp, k - 1, start - 1):
                return True
    return kind == "opt" and _before_ok(s, cp, k - 1, q)


def _lemma_in(form: str, lemmas: frozenset[str]) -> bool:
    for suffix, repl in (("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("ied", "y"),
                         ("ies", "y")):
        if form.endswith(suffix) and form[: len(form) - len(suffix)] + repl in lemmas:
            return True
    return form in lemmas


def _ends_mention(s: _Sentence, p: int) -> bool:
    for x in range(max(0, p - 8), p + 1):
        m = s.mention_at.get(x)
        if m is not None and m.j == p + 1:
            return True
    return False


def _refusal(code: str) -> str | None:
    from eventcode.codebook import get_event_code, refusal_code

    return refusal_code(code) if get_event_code(code) is not None else None


def _demand(code: str) -> str | None:
    from eventcode.codebook import demand_code, get_event_code

    return demand_code(code) if get_event_code(code) is not None else None


def _intent(code: str) -> str:
    from eventcode.codebook import get_event_code, intent_code

    return intent_code(code) if get_event_code(code) is not None else code
