"""Assembling event records from the engine's matches: actors, pronouns, dates, places, evidence."""

from __future__ import annotations

import datetime as dt
import functools
import operator
from typing import TYPE_CHECKING, NamedTuple

import attrs

from eventcode.codebook import get_actor_segment, split_actor_code
from eventcode.grammar import _where as W
from eventcode.grammar import _words as W_
from eventcode.grammar._engine import Found, Trace, find_events
from eventcode.grammar._explanation import Explanation, SentenceTrace
from eventcode.lexicon._compile import CompiledLexicon
from eventcode.lexicon._model import PatternEntry
from eventcode.mentions.actors import ActorMention, combine, scan
from eventcode.records import Action, Actor, DateMention, DateSource, Event, Evidence, Place, _actor, _event, _evidence
from eventcode.text import Sentence, Token, split_sentences, tokenize
from eventcode.text._tokens import tokenize_with_norms

if TYPE_CHECKING:
    from eventcode.coder import Coder

__all__ = ["Explanation", "SentenceTrace", "code_sentences", "explain_sentences"]

_Resolved = dict[tuple[int, bool], Actor | None]
"""Pronouns resolved by (found event index, whether the source role)."""
_Actors = dict[tuple[int, int, str | None, str | None], Actor]
"""A sentence's actor records by mention (span, code and name): made once, when an event first uses them."""


@functools.lru_cache(maxsize=4096)
def _code_parts(code: str) -> tuple[str | None, tuple[str, ...]]:
    """The country and the sectors of an actor code."""
    parts = split_actor_code(code)
    seg = get_actor_segment(parts[0])
    country = parts[0] if seg is not None and seg.kind == "country" else None
    sectors = []
    for p in parts[1:]:
        s = get_actor_segment(p)
        if s is not None and s.kind == "agent":
            sectors.append(p)
    return country, tuple(sectors)


@functools.lru_cache(maxsize=1024)
def actor_record(code: str | None, name: str | None, text: str, start: int | None, end: int | None) -> Actor:
    """An :class:`Actor` record from a code, splitting out country and sectors.

    Records are immutable, so one is shared by every event of a sentence that names the actor there (the cache
    holds the recent ones).
    """
    return _new_actor(code, name, text, start, end)


_CHECKED_CODES: set[str] = set()
"""Actor codes the :class:`Actor` constructor has accepted (a dictionary's codes, so a bounded set)."""


def _new_actor(code: str | None, name: str | None, text: str, start: int | None, end: int | None) -> Actor:
    """A new actor record from a code (with its country and sectors), built unchecked: the offsets are a token's,
    and the constructor checks the code's shape the first time the code is seen (raising for a malformed one)."""
    country, sectors = _code_parts(code) if code else (None, ())
    if code is not None and code not in _CHECKED_CODES:
        Actor(code=code, country=country, sectors=sectors, name=name, text=text, start=start, end=end)
        _CHECKED_CODES.add(code)
    return _actor(code, country, sectors, name, text, start, end)


@functools.lru_cache(maxsize=2048)
def _action(code: str, where: str | None, codebook: str | None) -> Action:
    """The (immutable) action record of a code, built once per code and pattern source."""
    return Action.from_code(code, where=where, codebook=codebook)


def _mention_actor(m: ActorMention, tokens: list[Token], text: str, made: _Actors) -> Actor:
    """The actor record of a mention, one per mention of the sentence (``made``), so that a mention that fills
    two places of an event is one record there."""
    key = (m.i, m.j, m.code, m.name)
    actor = made.get(key)
    if actor is None:
        a, b = tokens[m.i].start, tokens[m.j - 1].end
        actor = made[key] = _new_actor(m.code, m.name, text[a:b], a, b)
    return actor


def _span_actor(span: tuple[int, int], tokens: list[Token], text: str) -> Actor | None:
    """An uncoded actor for the words in a role's place, if they can be a noun phrase: a trailing preposition
    is left out, and a time phrase ("one day", "over three days"), a clause ("they are trying", "would entail")
    or an adverb or preposition at the start ("only directly", "to the") is no actor."""
    i, j = span
    while j > i and (tokens[j - 1].norm in _TRAILING or not tokens[j - 1].norm[:1].isalnum()):
        j -= 1
    if j <= i:
        return None
    words = [t.norm for t in tokens[i:j]]
    first = words[0]
    counted = len(words) > 1 and (words[1][:1].isdigit() or words[1] in _COUNTED)
    if (first in _NOT_FIRST or first.endswith("ly")) and not (
            first in _APPROXIMATE and counted):  # but "About 800", "more than 2,000", "at least 40"
        return None
    if not _CLAUSE_WORDS.isdisjoint(words):
        return None
    rest = words[1:] if first in _APPROXIMATE else words
    if not _TIME_HEADS.isdisjoint(rest) and all(w in _TIME_PHRASE or w[:1].isdigit() for w in rest):
        return None  # "one day", "over three days"
    a, b = tokens[i].start, tokens[j - 1].end
    return _actor(None, None, (), None, text[a:b], a, b)


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten several few many".split())
_APPROXIMATE = frozenset("about around some nearly almost over more at up roughly approximately".split())
_TIME_UNITS = frozenset("day days week weeks month months year years hour hours minute minutes".split())
_TRAILING = W_.PREPOSITIONS | {"of"}
_COUNTED = _NUMBER_WORDS | {"than", "least"}
_NOT_FIRST = W_.PREPOSITIONS | W_.ADVERB | W_.HYPOTHETICAL
_CLAUSE_WORDS = W_.BE | W_.HAVE | W_.FUTURE | W_.HYPOTHETICAL | W_.DO
_TIME_HEADS = W_.TIME_WORDS | _TIME_UNITS
_TIME_PHRASE = _TIME_HEADS | _NUMBER_WORDS | W_.DETERMINERS


class _Context:
    """Actors (non-locative mentions) seen so far in the document, most recent last (for pronouns and short
    references)."""

    __slots__ = ("recent",)

    def __init__(self, recent: list[ActorMention] | None = None) -> None:
        self.recent: list[ActorMention] = [] if recent is None else recent

    def antecedent(self, kind: str, skip: frozenset[str] = frozenset()) -> ActorMention | None:
        """The most recent actor a pronoun of ``kind`` (person, group, thing) can stand for, none coded ``skip``."""
        for m in reversed(self.recent):
            if m.code is None or m.code in skip:
                continue
            if kind == "person" and not m.person:
                continue
            if kind in ("thing", "group") and m.person:
                continue
            return m
        return None

    def resolve(self, kind: str, pronoun_text: str, start: int, end: int, skip: frozenset[str] = frozenset()
                ) -> Actor | None:
        """The actor a pronoun stands for, with the pronoun's words and offsets."""
        m = self.antecedent(kind, skip)
        return _new_actor(m.code, m.name, pronoun_text, start, end) if m is not None else None

    def push(self, actors: list[ActorMention]) -> None:
        self.recent.extend(actors)
        del self.recent[:-12]


def _sectors(code: str | None) -> tuple[str, ...]:
    """The sectors of an actor's code (as its record has them)."""
    return _code_parts(code)[1] if code else ()


_GROUP_NOUNS = frozenset(["group", "organisation", "organization", "movement", "outfit", "faction", "militia"])
_GROUP_SECTORS = frozenset(["INS", "REB", "SEP", "PTY", "UAF", "OPP", "RAD"])


def _resolve_references(mentions: list[ActorMention], tokens: list[Token], norms: tuple[str, ...], ctx: _Context
                        ) -> list[ActorMention]:
    """Short references: "the militants" and "the group" take the code of the last such actor named before.

    ``norms`` are the tokens' normalised forms."""
    out = list(mentions)
    if not ctx.recent:  # no actor named before: nothing to refer to
        out.sort(key=_START)
        return out
    for k, m in enumerate(out):
        if m.i == 0 or tokens[m.i - 1].norm != "the" or m.code is None or not m.code.startswith("---"):
            continue
        sector = m.code[3:6]
        for actor in reversed(ctx.recent):
            if actor.person or actor.code is None or actor.code.startswith("---") or sector not in _sectors(actor.code):
                continue
            out[k] = m._replace(code=actor.code, name=actor.name)
            break
    if _GROUP_NOUNS.isdisjoint(norms):  # (most sentences)
        out.sort(key=_START)
        return out
    starts = {m.i for m in out}
    for i in range(1, len(tokens)):
        if tokens[i].norm in _GROUP_NOUNS and tokens[i - 1].norm == "the" and i not in starts:
            for actor in reversed(ctx.recent):
                code = actor.code
                if actor.person or code is None or code.startswith("---"):
                    continue
                if code[:3] in ("IGO", "NGO", "IMG") or not _GROUP_SECTORS.isdisjoint(_sectors(code)):
                    out.append(ActorMention(i, i + 1, code, actor.name, False, (), False))
                    break
    out.sort(key=_START)
    return out


_START = operator.itemgetter(0)
"""A mention's first token (``ActorMention.i``)."""


def _run(coder: Coder, text: str, day: dt.date | None, doc_id: str | None, explain: bool
         ) -> tuple[list[Event], list[SentenceTrace]]:
    lex = coder.compiled
    if lex.classic is not None:
        return _run_classic(coder, lex, text, day, doc_id, explain)
    events: list[Event] = []
    traces: list[SentenceTrace] = []
    ctx = _Context()
    for sent in split_sentences(text):
        if sent.kind == "boilerplate":
            if explain:
                traces.append(SentenceTrace(sent.start, sent.end, sent.kind, [], [], [], False))
            continue
        sevents, strace = _code_sentence(coder, lex, text, sent, day, doc_id, ctx, explain)
        events.extend(sevents)
        if strace is not None:
            traces.append(strace)
    return events, traces


_VERBAL = frozenset([1, 3])
"""The QuadClasses of statements (verbal cooperation, verbal conflict)."""


def _outside_names(places: list[Place], named: list[ActorMention], tokens: list[Token]) -> list[Place]:
    """The places that are not part of an actor's name: "Al-Qaeda in Iraq", "the Government of Iraq" name an
    actor, not where its event happens (a place before the name's head, "Kabul police", stays)."""
    inner: list[tuple[int, int]] = []  # character spans of the name after its "in" / "of"
    for m in named:
        for k in range(m.i + 1, m.j - 1):
            if tokens[k].norm in ("in", "of"):
                inner.append((tokens[k + 1].start, tokens[m.j - 1].end))
                break
    if not inner:
        return places
    return [p for p in places if not any(a <= (p.start or 0) and (p.end or 0) <= b for a, b in inner)]


def _code_sentence(coder: Coder, lex: CompiledLexicon, text: str, sent: Sentence, day: dt.date | None,
                   doc_id: str | None, ctx: _Context, explain: bool) -> tuple[list[Event], SentenceTrace | None]:
    """A sentence's events, and (``explain``) its trace."""
    tokens, norms = tokenize_with_norms(text, sent.start, sent.end)
    raw, discard = scan(tokens, text, lex, norms)
    if discard:
        return [], SentenceTrace(sent.start, sent.end, sent.kind, [], [], [], True) if explain else None
    mentions = _resolve_references(combine(raw, tokens, day), tokens, norms, ctx)
    found, dropped, pronouns = find_events(tokens, mentions, lex, headline=sent.kind == "headline")
    named = [m for m in mentions if not m.locative]
    # actor records are made only for the mentions an event uses (and for an explanation's trace)
    made: _Actors = {}
    if not found:
        ctx.push(named)
        if not explain:
            return [], None
        actors = [_mention_actor(m, tokens, text, made) for m in named]
        return [], SentenceTrace(sent.start, sent.end, sent.kind, actors, [], dropped, False)
    resolved: _Resolved = {}
    for idx, kind in pronouns:
        f = found[idx]
        role_kind = kind.split(":")[0]
        is_source = kind.endswith(":source")
        span = f.source_span if is_source else f.target_span
        if span is None:
            continue
        a, b = tokens[span[0]].start, tokens[span[1] - 1].end
        # an object pronoun is not the event's own source: "gunmen opened fire on them", "police arrested them"
        skip = frozenset() if is_source else frozenset(
            [m.code for m in f.sources if m is not None and m.code]
            + [r.code for r in (resolved.get((idx, True)),) if r is not None and r.code])
        # "The army said it had killed ten militants": an actor earlier in the sentence comes first, and the
        # event names it by its own words ("the army"), as a reader would
        m = _Context([m for m in named if tokens[m.j - 1].end <= a]).antecedent(role_kind, skip)
        if m is not None:
            a, b = tokens[m.i].start, tokens[m.j - 1].end
            resolved[idx, is_source] = _new_actor(m.code, m.name, text[a:b], a, b)
        else:
            resolved[idx, is_source] = ctx.resolve(role_kind, text[a:b], a, b, skip)
    if not _NULL_CODES.isdisjoint([f.code for f in found]):  # a discard or complex pattern: the sentence codes nothing
        if not explain:
            return [], None
        actors = [_mention_actor(m, tokens, text, made) for m in named]
        return [], SentenceTrace(sent.start, sent.end, sent.kind, actors, [], dropped, True)
    # (its date and places: only for a sentence that can code events)
    date_mention: DateMention | None = None
    places: list[Place] = []
    if coder.dates:
        date_mention = W.sentence_date(text, sent.start, sent.end, day, tokens)
    if coder.places:
        places = W.sentence_places(text, sent.start, sent.end)
        if places and named and ("of" in norms or "in" in norms):
            places = _outside_names(places, named, tokens)
    # what every event of the sentence shares: its date (the sentence's resolved date, else the publication date)
    when: _When
    if date_mention is not None and date_mention.value is not None:
        when = (date_mention.value, "text", date_mention)
    elif day is not None:
        when = (day, "publication", None)
    else:
        when = _NO_DATE
    here_ = _new(_Here, (coder.require, lex.codebook, text, text[sent.start : sent.end], sent.start, sent.end,
                         sent.kind == "headline", doc_id, when, places, tokens, made))
    if len(found) == 1:  # (the usual case: one match, its events whatever its standing)
        out = _pattern_events(found[0], 0, resolved, here_)
    else:
        out = _prioritised([(f.pattern.entry, _pattern_events(f, idx, resolved, here_)) for idx, f in enumerate(found)])
    ctx.push(named)
    if not explain:
        return out, None
    actors = [_mention_actor(m, tokens, text, made) for m in named]
    return out, SentenceTrace(sent.start, sent.end, sent.kind, actors, out, dropped, False)


_NULL_CODES = frozenset(["###", "+++"])
"""The codes of discard and complex patterns."""

_new = tuple.__new__
"""``_new(_Here, (...))``: a named tuple built without the Python-level ``__new__`` call."""

_When = tuple[dt.date | None, DateSource | None, DateMention | None]
"""An event's date, where it comes from, and the date expression read (when from the text)."""
_NO_DATE: _When = (None, None, None)


class _Here(NamedTuple):
    """What the events of one sentence share, made once per sentence with a match."""

    require: str
    codebook: str | None
    text: str
    sentence_text: str
    start: int
    end: int
    headline: bool
    doc_id: str | None
    when: _When
    places: list[Place]
    tokens: list[Token]
    made: _Actors


def _role_actors(members: tuple[ActorMention | None, ...], span: tuple[int, int] | None, pronoun: Actor | None,
                 made: _Actors, tokens: list[Token], text: str) -> list[Actor | None]:
    """The actors in one role of a match: its mentions, else the words in the role's place, else a pronoun
    resolved for this role only ("he said it was wary of the plan": "it" is the source)."""
    if pronoun is not None and members == (None,):
        return [pronoun]
    acts: list[Actor | None] = []
    for m in members:
        if m is not None:
            acts.append(_mention_actor(m, tokens, text, made))
        elif span is not None:
            acts.append(_span_actor(span, tokens, text))
        else:
            acts.append(None)
    return acts


def _role_actor(m: ActorMention | None, span: tuple[int, int] | None, pronoun: Actor | None, made: _Actors,
                tokens: list[Token], text: str) -> Actor | None:
    """:func:`_role_actors` of a role with one member (the usual case), the actor itself."""
    if m is not None:
        return _mention_actor(m, tokens, text, made)
    if pronoun is not None:
        return pronoun
    return _span_actor(span, tokens, text) if span is not None else None


def _kept(require: str, has_s: bool, has_t: bool, action: Action) -> bool:
    """Whether an event with (``has_s``) a coded source and (``has_t``) a coded target is kept under ``require``."""
    if has_s:
        return has_t or require != "both"
    if has_t:
        return require not in ("both", "source")
    return require == "none" or (require == "material" and action.root in _MATERIAL_ROOTS)


def _events_for(f: Found, idx: int, resolved: _Resolved, here: _Here) -> list[Event]:
    source_span, target_span = f.source_span, f.target_span
    tokens, text, made = here.tokens, here.text, here.made
    pattern = f.pattern.entry
    action = _action(f.code, pattern.source, here.codebook)
    req = here.require
    f_sources, f_targets = f.sources, f.targets
    if len(f_sources) == 1 and len(f_targets) == 1 and not pattern.symmetric:
        # one source and one target (the usual case): at most one event
        s = _role_actor(f_sources[0], source_span,
                        resolved.get((idx, True)) if resolved and source_span else None, made, tokens, text)
        t = _role_actor(f_targets[0], target_span,
                        resolved.get((idx, False)) if resolved and target_span else None, made, tokens, text)
        if s is not None and t is not None and s.code is not None and s.code == t.code and s.start == t.start:
            return []  # one actor in both roles
        has_s = s is not None and s.code is not None
        has_t = t is not None and t.code is not None
        if not _kept(req, has_s, has_t, action):
            return []
        return [_match_event(f, s, action, t, here)]
    sources = _role_actors(f_sources, source_span, resolved.get((idx, True)) if resolved and source_span else None,
                           made, tokens, text)
    targets = _role_actors(f_targets, target_span, resolved.get((idx, False)) if resolved and target_span else None,
                           made, tokens, text)
    pairs: list[tuple[Actor | None, Actor | None]] = []
    for s in sources:
        for t in targets:
            if s is not None and t is not None and s.code is not None and s.code == t.code and s.start == t.start:
                continue
            pairs.append((s, t))
    if pattern.symmetric:
        coded_sources = [s for s in sources if s is not None and s.code]
        if not any(t is not None and t.code for t in targets) and len(coded_sources) > 1:
            pairs = [(a, b) for a in coded_sources for b in coded_sources if a is not b]
        else:
            pairs += [(t, s) for s, t in list(pairs) if t is not None and t.code and s is not None and s.code]
    out: list[Event] = []
    seen: set[tuple[str | None, str | None]] = set()
    for s, t in pairs:
        has_s = s is not None and s.code is not None
        has_t = t is not None and t.code is not None
        if not _kept(req, has_s, has_t, action):
            continue
        if has_s or has_t:
            codes = (s.code if s is not None else None, t.code if t is not None else None)
            if codes in seen:
                continue  # "Joe Biden, the US president, met ...": one actor named twice, one event
            seen.add(codes)
        if not out:
            out.append(_match_event(f, s, action, t, here))
        else:  # the evidence and the location are the match's, shared by its events
            e = out[0]
            out.append(_event(s, action, t, e.sentence, e.sentence_start, e.date, e.date_source, e.date_mention,
                              e.location, e.doc_id, e.headline, e.evidence))
    return out


def _match_event(f: Found, s: Actor | None, action: Action, t: Actor | None, here: _Here) -> Event:
    """The event of a match between ``s`` and ``t``, with the match's evidence and location."""
    tokens, text, places = here.tokens, here.text, here.places
    pattern = f.pattern.entry
    head = tokens[f.head]
    last = tokens[max(f.head, f.end - 1)]
    evidence = _evidence(text[head.start : last.end], head.start, last.end, pattern.text, pattern.source,
                         None, None, f.notes)
    location = _target_place(f, tokens, places) or (W.event_location(
        text, here.start, here.end, head.start, last.end, places, tokens=tokens,
        verbal=action.quad_class in _VERBAL) if places else None)
    ev_date, date_source, date_mention = here.when
    return _event(s, action, t, here.sentence_text, here.start, ev_date, date_source, date_mention, location,
                  here.doc_id, here.headline, evidence)


def _pattern_events(f: Found, idx: int, resolved: _Resolved, here: _Here) -> list[Event]:
    """A match's events: none for the null code ``---``, and the reverse events of a paired code."""
    entry = f.pattern.entry
    rev = entry.reverse_code if entry.reverse_code not in (None, "---", "###", "+++") else None
    if rev is None:
        return _events_for(f, idx, resolved, here) if f.code != "---" else []
    forward = _events_for(f, idx, resolved, here) if f.code != "---" else []
    base = forward or [attrs.evolve(e, actor=e.target, target=e.actor)
                       for e in _events_for(f._replace(code=rev), idx, resolved, here)]
    if forward and "passive" in f.notes and any(el.kind in ("lit", "class") for el in entry.before):
        # "peacekeepers are being deployed" on "%peacekeeper * [deploy] to +": the passive subject the forward
        # event takes as its target is the pattern's own object (the force), not a receiver
        return forward
    action = _action(rev, entry.source, here.codebook)
    reverse = []
    for e in base:
        if e.target is None:
            continue  # the reverse event's actor is the forward receiver: none identified, no reverse event
        if here.require == "source" and e.target.code is None:
            continue
        notes = (*e.evidence.notes, "paired") if e.evidence is not None else ("paired",)
        ev = attrs.evolve(e.evidence, notes=notes) if e.evidence is not None else None
        reverse.append(attrs.evolve(e, actor=e.target, target=e.actor, action=action, evidence=ev))
    return forward + reverse


def _prioritised(per_found: list[tuple[PatternEntry, list[Event]]]) -> list[Event]:
    """Dominant patterns' events win over all others; weak patterns' events only when nothing else codes."""
    if len(per_found) == 1:  # one pattern: its events, whatever its standing
        return per_found[0][1]
    if any(entry.dominant and evs for entry, evs in per_found):
        per_found = [(entry, evs) for entry, evs in per_found if entry.dominant]
    if any(not entry.weak and evs for entry, evs in per_found):
        per_found = [(entry, evs) for entry, evs in per_found if not entry.weak]
    return [e for _, evs in per_found for e in evs]


_MATERIAL_ROOTS = frozenset(["06", "07", "08", "14", "15", "16", "17", "18", "19", "20"])
"""Roots whose events are kept with no identified actor under ``require="material"``."""

_OCCUPY_ROOTS = frozenset(["18", "19", "20", "17", "14", "15", "04"])


def _target_place(f: Found, tokens: list[Token], places: list[Place]) -> Place | None:
    """The place named as the event's target ("captured the Golan", "shelled Aleppo", "visited Kabul")."""
    if not places or f.target_span is None or f.code[:2] not in _OCCUPY_ROOTS:
        return None
    i = f.target_span[0]
    if i >= 2 and tokens[i - 1].norm in ("of", "from") and (
            tokens[i - 2].norm == "," or tokens[i - 2].norm[:1].isdigit()):
        return None  # "Mechelle Torres, 18, of Atlanta, was shot": where a person is from, not where it happened
    a, b = tokens[i].start, tokens[f.target_span[1] - 1].end
    for p in places:
        if p.start is not None and p.end is not None and a <= p.start and p.end <= b and p.feature != "country":
            return p
    return None


def code_sentences(coder: Coder, text: str, day: dt.date | None, doc_id: str | None) -> list[Event]:
    """Events in a text."""
    return _run(coder, text, day, doc_id, False)[0]


def explain_sentences(coder: Coder, text: str, day: dt.date | None) -> Explanation:
    """An explanation of how a text was coded."""
    return Explanation(text, tuple(_run(coder, text, day, None, True)[1]))


# -- the classic grammar (TABARI and PETRARCH dictionaries) -----------------------------------------------


def _classic_actor(code: str | None, name: str | None, span: tuple[int, int] | None, text: str) -> Actor | None:
    if code is None:
        return None
    if span is None:
        return Actor(code=code, name=name)
    return Actor(code=code, name=name, text=text[span[0] : span[1]], start=span[0], end=span[1])


def _run_classic(coder: Coder, lex: CompiledLexicon, text: str, day: dt.date | None, doc_id: str | None,
                 explain: bool) -> tuple[list[Event], list[SentenceTrace]]:
    from eventcode.grammar._classic import code_classic

    tables = lex.classic
    assert tables is not None
    opts = coder.options if coder.options is not None else tables.options
    if opts.whole_text:
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        sents = [Sentence(lead, lead + len(stripped), "sentence")] if stripped else []
    else:
        sents = [s for s in split_sentences(text) if s.kind != "boilerplate"]
    events: list[Event] = []
    traces: list[SentenceTrace] = []
    for sent in sents:
        tokens = tokenize(text, sent.start, sent.end)
        res = code_classic(tokens, text, tables, day, opts)
        sentence_text = text[sent.start : sent.end]
        ev_date = day + dt.timedelta(days=res.shift) if day is not None else None
        out: list[Event] = []
        for e in res.events:
            src = _classic_actor(e.source, e.source_name, e.source_span, text)
            tgt = _classic_actor(e.target, e.target_name, e.target_span, text)
            req = coder.require
            if (req == "both" and (src is None or tgt is None)) or (req == "source" and src is None) or (
                req in ("either", "material") and src is None and tgt is None
            ):
                continue
            out.append(Event(
                actor=src, action=_action(e.code, e.pattern.source, lex.codebook),
                target=tgt, sentence=sentence_text, sentence_start=sent.start, date=ev_date,
                date_source="publication" if ev_date is not None else None, doc_id=doc_id,
                evidence=Evidence(verb_text=text[e.verb[0] : e.verb[1]], verb_start=e.verb[0], verb_end=e.verb[1],
                                  pattern=e.pattern.text, pattern_source=e.pattern.source, actor_source=None,
                                  target_source=None, notes=(*e.notes, *(("shifted",) if res.shift else ()))),
            ))
        events.extend(out)
        if explain:
            actors = [Actor(code=c or None, name=nm, text=text[a:b], start=a, end=b) for a, b, c, nm in res.actors]
            dropped = [] if res.status == "ok" else [Trace(0, "", {"discard": "discard code",
                                                               "complex": "too complex (complexity filter)",
                                                               "short": "fewer words than the minimum"}[res.status])]
            traces.append(SentenceTrace(sent.start, sent.end, sent.kind, actors, out, dropped,
                                        res.status == "discard"))
    return events, traces
