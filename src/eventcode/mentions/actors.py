"""Finding actor mentions in tokens: dictionary actors, agents, and how they combine.

One pass over the compiled phrase index finds actor names, agent nouns and discard phrases (longest match
first). Adjacent pieces then combine into actor mentions: "Afghan" + "soldiers" -> AFGMIL, "President" +
"Joe Biden" -> the person's code on the publication date, "police in Kabul" and "Afghanistan's army" ->
country + agent. A place-like actor after a locative preposition ("in Kabul") is a place, not an actor.
"""

from __future__ import annotations

import datetime as dt
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from eventcode.codebook import get_actor_segment
from eventcode.lexicon._compile import CompiledLexicon, Phrase, PhraseStart
from eventcode.lexicon._model import ActorEntry, AgentEntry
from eventcode.records import Actor
from eventcode.text import Token

__all__ = ["ActorMention", "RawMention", "combine", "find_actors", "scan"]


class RawMention(NamedTuple):
    """A phrase found in the index: token span [i, j)."""

    i: int
    j: int
    phrase: Phrase


class ActorMention(NamedTuple):
    """An actor named in a sentence: token span [i, j), its code on the date, and where it came from."""

    i: int
    j: int
    code: str | None
    name: str | None
    person: bool
    sources: tuple[str, ...]
    locative: bool
    """Not an actor here: a place after a locative preposition ("in Kabul") or a modifier ("rebel-held")."""


LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
        "around",
        "into",
        "toward",
        "towards",
        "within",
    ]
)
_LINKS = frozenset(("of", "in", "from", "for"))


_norm_of = itemgetter(0)
_new = tuple.__new__


def scan(tokens: list[Token], text: str, lex: CompiledLexicon, token_norms: tuple[str, ...] | None = None
         ) -> tuple[list[RawMention], bool]:
    """Index matches over tokens (longest first, left to right) and whether a discard phrase occurs.

    ``token_norms``, when given, are the tokens' normalised forms (as the tokenizer gives them with the tokens).
    """
    found: list[RawMention] = []
    discard = False
    norms: tuple[str | None, ...] = (  # None: no second (third) token
        (*map(_norm_of, tokens), None, None) if token_norms is None else (*token_norms, None, None))
    entries = list(map(lex.phrase_starts.get, norms))  # None where no phrase starts: most tokens, skipped in C
    nxt = 0
    for i in compress(range(len(tokens)), entries):
        if i < nxt:  # inside the phrase found last
            continue
        start: PhraseStart = entries[i]  # type: ignore[assignment]  # (compress passes only those that are not None)
        by_second, one, many = start
        # the phrases of two tokens or more with this second token (and third token: "al - qaeda"; longest first),
        # then those of this token alone; most first tokens start only longer phrases, and the second token is not
        # theirs: nothing to try
        second = norms[i + 1]
        cands = by_second.get(second, one)
        if many and second in many:  # many longer phrases with this second token: by third token
            by_third = many[second]
            cands = by_third.get(norms[i + 2]) or by_third[None]
        for k, tail, exact, dropped, c in cands:
            if tail and norms[i + 2 : i + k] != tail:  # (a phrase too long for the sentence fails too)
                continue
            if exact is not None and any(
                text[tokens[i + x].start : tokens[i + x].end] != w for x, w in enumerate(exact)
            ):
                continue
            if dropped:  # a discard phrase
                discard = True
            else:
                found.append(_new(RawMention, (i, i + k, c)))
                nxt = i + k
            break
    return found, discard


def _vague(code: str) -> bool:
    """A root that says less than a country: a region (LAM, MEA, WST) or unknown (---)."""
    if code.startswith("---"):
        return True
    seg = get_actor_segment(code[:3])
    return seg is not None and seg.kind == "region"


_LOCATIVE_FILLERS = frozenset(["the", "a", "neighbouring", "neighboring", "nearby", "northern", "southern",
                               "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
                               "southwestern", "northeast", "northwest", "southeast", "southwest", "north", "south",
                               "east", "west", "restive", "remote", "town", "city", "village", "province",
                               "district", "region", "capital", "of", "'s"])


def _after_locative(tokens: list[Token], i: int) -> bool:
    """Whether a locative preposition governs the phrase at ``i`` ("in Kabul", "near the town of Samarra")."""
    q = i - 1
    steps = 0
    while q >= 0 and steps < 5:
        norm = tokens[q].norm
        if norm in LOCATIVE:
            return True
        if norm not in _LOCATIVE_FILLERS:
            return False
        q -= 1
        steps += 1
    return False


def _join(root_code: str, agent: str) -> str:
    root = root_code[:3]
    return root + agent if root != agent else root


def _linked(raw: list[RawMention], k: int, tokens: list[Token], i: int, j: int) -> ActorEntry | None:
    """The actor (not a person) that "of/in/from/for" links to the phrase ``i:j`` of ``raw[k]`` ("police in
    Kabul", "the army of Pakistan"), unless a possessive owns the phrase ("its army in Iraq")."""
    if k + 1 >= len(raw) or j >= len(tokens) or tokens[j].norm not in _LINKS:
        return None
    if i > 0 and tokens[i - 1].norm in ("its", "their", "his", "her", "our"):
        return None
    nxt = raw[k + 1]
    if not (nxt.i == j + 1 or (nxt.i == j + 2 and tokens[j + 1].norm == "the")):
        return None
    e2 = nxt.phrase.entry
    return e2 if isinstance(e2, ActorEntry) and not e2.person else None


def combine(raw: list[RawMention], tokens: list[Token], day: dt.date | None) -> list[ActorMention]:
    """Combine raw mentions into actor mentions (country + agent, title + person, agent + of + country)."""
    out: list[ActorMention] = []
    k = 0
    n = len(raw)
    n_tokens = len(tokens)
    while k < n:
        m = raw[k]
        i, j, _ = m
        sources: list[str] = []
        code: str | None = None
        name: str | None = None
        person = False
        agent: str | None = None
        root: str | None = None
        # absorb a run of adjacent pieces: [actor] [agent...] [person] / [agent] [person] ...
        run = [m]
        while k + 1 < n:
            nxt = raw[k + 1]
            gap = nxt.i - j
            if gap == 0 or (gap == 1 and tokens[j].norm in ("'s", "-")):
                run.append(nxt)
                j = nxt.j
                k += 1
                continue
            break
        # a person anywhere in the run gives the code; otherwise the first actor's root with the last agent
        for piece in run:
            e = piece.phrase.entry
            if isinstance(e, ActorEntry):
                sources.append(e.source)
                if e.roles:
                    c, is_person = e.code_on(day), e.person
                else:  # most entries (countries, groups): no dated role, so no person, and the default on any day
                    c, is_person = e.default, False
                if is_person:
                    code, name, person = c, e.name, True
                elif c and (root is None or (len(c) > len(root) and c[:3] == root[:3])
                            or (_vague(root) and not _vague(c))):
                    # "Yemen's Houthis": the more specific code of the same country; "Latin American FARC
                    # rebels": a country or organisation beats a region or an unknown root
                    root, name = c, e.name
            elif isinstance(e, AgentEntry):
                sources.append(e.source)
                agent = e.code
        if not person:
            if root is not None and agent is not None:
                code = _join(root, agent) if len(root) == 3 or root.endswith("GOV") else root
            elif root is not None:
                code = root
                e2 = _linked(raw, k, tokens, i, j) if root.startswith("---") else None
                c2 = e2.code_on(day) if e2 is not None else None
                if e2 is not None and c2 and not c2.startswith("---"):
                    # a group of no one country, placed by "in/of/from" + a country: "Maoists in Nepal" -> NPLINS
                    code = c2[:3] + root[3:]
                    sources.append(e2.source)
                    k += 1
            elif agent is not None:
                # agent followed by "of/in/from" + a country actor: "police in Kabul", "the army of Pakistan"
                e2 = _linked(raw, k, tokens, i, j)
                c2 = e2.code_on(day) if e2 is not None else None
                if e2 is not None and c2:
                    # "police in Kabul" -> AFGCOP; "a spokesman for Hamas" -> Hamas's own code
                    code = c2 if len(c2) > 3 and not c2.endswith("GOV") else _join(c2, agent)
                    sources.append(e2.source)
                    name = e2.name
                    k += 1
                    # the country after "in" is consumed here; the span stays the agent's words
                if code is None:
                    code = "---" + agent
        # "in Kabul", "in neighbouring Iraq", "near the town of X": a place (countries and capitals only;
        # "fire from Taliban fighters" is an actor)
        locative = (not person and agent is None and (code is None or len(code) == 3 or code.endswith("GOV"))
                    and _after_locative(tokens, i))
        # "rebel-held city", "Kabul-based group", "pro-Taliban papers": a modifier, not an actor
        modifier = (j + 1 < n_tokens and tokens[j].norm == "-" and tokens[j].end == tokens[j + 1].start
                    and tokens[j - 1].end == tokens[j].start)
        if i >= 2 and tokens[i - 1].norm == "-" and tokens[i - 2].norm in ("pro", "anti", "non", "ex"):
            if agent is not None and len(run) > 1:
                code, name = "---" + agent, None  # "pro-government militias": the militias, side unknown
            else:
                modifier = True
        out.append(_new(ActorMention, (i, j, code, name, person, tuple(sources), locative or modifier)))
        k += 1
    return out


def find_actors(coder: object, text: str, date: object = None) -> list[Actor]:
    """Actor mentions in ``text`` found with ``coder``'s dictionaries (for :func:`eventcode.find_actors`)."""
    from eventcode.coder import Coder
    from eventcode.grammar._assemble import actor_record
    from eventcode.records import to_date
    from eventcode.text import split_sentences, tokenize

    assert isinstance(coder, Coder)
    day = to_date(date)
    lex = coder.compiled
    out: list[Actor] = []
    for sent in split_sentences(text):
        tokens = tokenize(text, sent.start, sent.end)
        raw, _ = scan(tokens, text, lex)
        for m in combine(raw, tokens, day):
            if m.locative:
                continue
            a, b = tokens[m.i].start, tokens[m.j - 1].end
            out.append(actor_record(m.code, m.name, text[a:b], a, b))
    return out
