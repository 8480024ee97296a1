"""The event's location: which of the places found in a sentence is attached to the event's clause.

The places themselves are found by :mod:`eventcode.mentions.places`; this module only attaches them to an
event verb (the rules are described in that module's docstring, "event_location").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import is_, itemgetter
from typing import Any, Final

from eventcode.mentions._calendar import MONTH_ABBREVIATIONS, NAMED_DAYS_AND_MONTHS
from eventcode.mentions.places import (
    _DIRECTIONS,
    _FUNCTION,
    _LANDMARKS,
    _NOT_LOC_BEFORE,
    _OF_HEADS,
    _PLACE_ADJECTIVES,
    _PLACE_NOUNS,
    _PLACE_VERBS,
    _PREP_WEIGHT,
    _SKIP_BACK,
    _SMALL_ADJECTIVES,
    _SPEECH,
    _SPEECH_VERBS,
    _UNITS,
    _WEEKDAYS_MONTHS,
    LOCATIVE,
    PLACE_OBJECT_VERBS,
    default_gazetteer,
)
from eventcode.mentions.places import verb_forms_of as _verb_forms
from eventcode.records import Place
from eventcode.text import Token, tokenize

__all__ = ["attach", "event_location", "window_tokens"]

_FIRST: Final = itemgetter(0)
_START: Final = itemgetter(1)
_END: Final = itemgetter(2)

def event_location(text: str, sentence_start: int, sentence_end: int, verb_start: int, verb_end: int,
                   places: list[Place], tokens: list[Token] | None = None, verbal: bool = False) -> Place | None:
    """The place attached to the event's clause (``None`` when the sentence gives none).

    ``places`` are the places found in the sentence (offsets into ``text``); the verb span is the event's.
    ``tokens``, when given, must be ``tokenize(text, sentence_start, sentence_end)`` (see :func:`window_tokens`
    for a window of a sentence); without them the span is tokenized here. ``verbal``: the event is a statement
    (a comment, an appeal, a criticism ...), so a place describing what it is about is not where it was made
    ("condemned the attacks in Syria").
    """
    here = [p for p in places if p.start is not None and p.end is not None
            and sentence_start <= p.start and p.end <= sentence_end]
    if not here:
        return None
    return attach(text, sentence_start, sentence_end, verb_start, verb_end, here, tokens, verbal)


def attach(text: str, sentence_start: int, sentence_end: int, verb_start: int, verb_end: int, here: list[Place],
           tokens: list[Token] | None = None, verbal: bool = False) -> Place | None:
    """:func:`event_location` for places ``here`` known to lie in the span."""
    sent = _sentence(text, sentence_start, sentence_end, tokens)
    tokens = sent.tokens
    if not tokens:
        return None
    norms = sent.norms
    size = len(tokens)
    spans, place_tok = sent.spans(here)
    if not spans:
        return None
    # (token offsets increase strictly: the verb's first and last tokens are found by bisection)
    v_i = bisect_right(sent.ends, verb_start)  # the first token ending after the verb's start
    if v_i == size:
        v_i = size - 1
    v_j = bisect_left(sent.starts, verb_end)  # the first token starting at or after the verb's end
    verb_words = set(norms[v_i:v_j])
    scores: dict[int, float] = {}
    excluded: set[int] = set()
    for n, (i, j, place) in enumerate(spans):
        if ((j < size and norms[j] in _NOT_LOC_NEXT) or (i > 0 and norms[i - 1] == "-")) \
                and _not_a_location(norms, i, j) and not _possessive(tokens, j, place.feature == "country",
                                                                     place_tok):
            excluded.add(n)
            continue
        if i >= v_j:
            dist = i - v_j
        elif j <= v_i:
            dist = v_i - j
        else:
            dist = 0
        if dist > (_MAX_BEFORE if i < v_j else _MAX_AFTER_ANY):
            continue  # too far whatever the clause boundaries between (see the limits below)
        if i >= v_j and _attribution(norms, j, verb_words):
            continue  # "..., police in Kirkuk said": where the source is, not the event
        # (the tests below only skip places, and the cheapest come first)
        how = _governed(tokens, norms, i, place_tok, n, verb_words, v_j - 1, v_i,
                        place.feature not in ("country", "region"))
        if how is None:
            if _object_of_verb(tokens, v_i, v_j, i, j):
                weight = 1.0  # the event verb's object: "shelled Aleppo", "destroyed an upscale X restaurant"
            elif i == 0 and j < len(tokens) and tokens[j].norm in (",", "(", "-") and tokens[0].start == \
                    sentence_start and text[tokens[0].start : tokens[0].end].isupper() and _dateline(norms, j,
                                                                                                   place_tok):
                weight = 3.0  # dateline: "KABUL, Afghanistan (AP) -"
            elif place.feature != "country" and _building_after(tokens, j):
                weight = 1.5  # "as he entered a Baghdad mosque", "outside his Tokyo home"
            elif not verbal and j <= v_i and _passive_subject(tokens, norms, i, j, v_i, place_tok):
                weight = 1.0  # the subject of a passive: "the village of X was bombed", "X was shelled"
            else:
                continue
        if _other_clause(sent, i, j, v_i, v_j, place_tok):
            continue  # named in a relative clause, an apposition, another predicate or an "according to" phrase
        if how is not None:
            weight = how[0]
            if i >= v_j and _destination(sent, how[1], place_tok, verb_words):
                continue  # "made her way to a camp in X", "transferred to a prison at X"
            if verbal and i >= v_j and how[1] > v_j and norms[how[1] - 1] in _DISTANT_EVENTS:
                continue  # a statement "condemning the attacks in X": where the attacks were, not the statement
        if _modifier(tokens, j) and (weight > 1 or place.feature == "country" or _event_noun_after(tokens, j)
                                     or tokens[j].norm in _PERSON_NOUNS):
            continue  # "shot down a U.S. helicopter", "held the Baghdad regime responsible"
        if place.feature == "country" and (_building_after(tokens, j) or (j < len(tokens) and (
                tokens[j].norm in _MISSIONS or (not tokens[j].upper and tokens[j].norm in _LANDMARKS)))):
            continue  # "near a U.S. base", "outside the U.S. Embassy": a country's building, not where it stands
        if how is not None and j <= v_i and _participle_phrase(norms, how[1]) and all(
                k in place_tok or norms[k] in _VERB_LINKS or norms[k] == "and" for k in range(j, v_i)):
            dist += _PARTICIPLE_COST  # "those held at Guantanamo were captured in Afghanistan": the phrase's place
        marks = sent.marks  # the clause boundaries (see _boundary_marks) between the place and the verb
        if marks:
            dist += 3 * (bisect_left(marks, max(i, v_j)) - bisect_left(marks, min(j, v_i)))
        limit = _MAX_BEFORE if i < v_j else _MAX_AFTER_TOWN if (
            weight == 0 and place.feature not in _BROAD and dist == i - v_j) else _MAX_AFTER
        if dist > limit:
            continue
        scores[n] = weight * 2 + dist
    if not scores:
        return None
    if len(spans) == 1:
        return spans[0][2]  # (what the chain below gives for a single place)
    # A chain of places names one location ("in the town of X in northern Y", "in X, 20 km north of Y", "in Y's
    # northern city of X"): it is as close to the verb as its best-attached member, and stands for its most
    # specific place.
    options: list[tuple[float, int]] = []
    for members, links in _chains(norms, spans, excluded):
        if len(members) == 1:  # (the general case below, for a single place)
            k = members[0]
            if k in scores:
                options.append((scores[k] + _FEATURE_COST.get(spans[k][2].feature or "", 0), k))
            continue
        scored = [k for k in members if k in scores]
        if not scored:
            continue
        score = min(scores[k] + _FEATURE_COST.get(spans[k][2].feature or "", 0) for k in scored)
        i0 = spans[members[0]][0]
        # a chain whose first place is not governed by anything else ("Delhi in India, held by mutineers, ...")
        bare = members[0] not in excluded and (
            i0 == 0 or tokens[i0 - 1].norm in (",", "(", "-", '"') or tokens[i0 - 1].norm in _PREP_WEIGHT)
        options.append((score, _most_specific(spans, members, links, scored, bare)))
    if not options:
        return None
    best = min(options)
    if spans[best[1]][2].feature in _BROAD:
        # "an offensive in the X countryside, targeting the village of Y": a town attached to the clause a little
        # further away names the place more exactly than the province or country around it
        towns = [o for o in options if spans[o[1]][2].feature not in _BROAD and o[0] <= best[0] + _TOWN_SLACK
                 and spans[o[1]][0] > spans[best[1]][0] and not _reference_point(tokens, spans[o[1]][0])]
        if towns:
            best = min(towns)
    return spans[best[1]][2]


_BROAD: Final = frozenset({"country", "region", "admin1"})


class _Sentence:
    """What the rules ask of a sentence's tokens, computed once for all the events of the sentence."""

    __slots__ = ("_marks", "_spans", "end", "ends", "front", "norms", "start", "starts", "text", "tokens", "words")

    def __init__(self, text: str, start: int, end: int, tokens: list[Token]) -> None:
        self.text, self.start, self.end = text, start, end
        self.tokens = tokens
        columns: list[tuple[Any, ...]] = list(zip(*tokens, strict=True)) or [(), (), ()]
        self.norms: tuple[str, ...] = columns[0]
        self.starts: tuple[int, ...] = columns[1]
        self.ends: tuple[int, ...] = columns[2]
        self.words = frozenset(self.norms)
        self.front = _front(self.norms) if self.norms and self.norms[0] in _FRONT_PREPOSITIONS else -1
        self._marks: list[int] | None = None
        self._spans: tuple[tuple[Place, ...], list[tuple[int, int, Place]], dict[int, int]] | None = None

    def spans(self, here: list[Place]) -> tuple[list[tuple[int, int, Place]], dict[int, int]]:
        """The token spans of the places ``here`` (first token, one past the last, the place; in token order,
        places that start or end inside a token left out) and the place (index into the spans) of each token
        they cover. Kept for the last ``here`` (the same place objects): the events of a sentence mostly ask
        for the same places. Both are read-only."""
        got = self._spans
        if got is not None and len(got[0]) == len(here) and all(map(is_, got[0], here)):
            return got[1], got[2]
        starts, ends = self.starts, self.ends
        size = len(starts)
        # Token offsets increase strictly, so a place's first and last tokens are found by bisection.
        spans: list[tuple[int, int, Place]] = []
        for p in here:
            assert p.start is not None and p.end is not None
            i = bisect_left(starts, p.start)
            if i == size or starts[i] != p.start:
                continue
            j = bisect_left(ends, p.end)
            if j == size or ends[j] != p.end:
                continue
            spans.append((i, j + 1, p))
        if len(spans) > 1:
            spans.sort(key=_FIRST)
        place_tok: dict[int, int] = {}
        for n, (i, j, _) in enumerate(spans):
            for k in range(i, j):
                place_tok[k] = n
        self._spans = (tuple(here), spans, place_tok)
        return spans, place_tok

    @property
    def marks(self) -> list[int]:
        """The tokens that are clause boundaries (see :func:`_boundary_marks`), computed when first asked for."""
        if self._marks is None:
            self._marks = _boundary_marks(self.tokens, self.norms) if not _BOUNDARY_MARKS.isdisjoint(self.words) \
                else []
        return self._marks


_last: _Sentence | None = None
"""The span of the last call: the events of a sentence come one after another (a text is immutable, so the same
text object and offsets mean the same tokens)."""


def _sentence(text: str, start: int, end: int, tokens: list[Token] | None) -> _Sentence:
    """The facts of ``text[start:end]``, whose tokens are ``tokens`` (tokenized here when not given)."""
    global _last
    sent = _last
    if sent is None or sent.text is not text or sent.start != start or sent.end != end:
        sent = _last = _Sentence(text, start, end, tokenize(text, start, end) if tokens is None else tokens)
    return sent


def window_tokens(text: str, tokens: list[Token], start: int, end: int, a: int, b: int) -> list[Token]:
    """``tokenize(text, a, b)`` for a window ``a:b`` of the sentence ``start:end`` whose tokens are ``tokens``,
    mostly by slicing them.

    The tokenizer's patterns read only the run of non-space characters they start in and the character after it
    (a lookahead), and a space and the end of the text look alike to them. So the window's tokens are the
    sentence's, except in a run cut by the window's edge: a run cut by ``a`` is tokenized from ``a`` to its end,
    and a run cut by ``b`` (or with a token boundary at ``b``) from its start to ``b``.
    """
    if a == start and b == end:
        return tokens
    size = len(tokens)
    lo = bisect_left(tokens, a, key=_START)  # the first token starting at or after a
    hi = bisect_right(tokens, b, key=_END)  # the tokens ending at or before b
    head: list[Token] = []
    if a > start and lo > 0 and tokens[lo - 1].end > a:
        k = lo - 1  # a cuts this token: find the end of its run
        while k + 1 < size and tokens[k + 1].start == tokens[k].end:
            k += 1
        if k >= hi or k + 1 >= size:
            return tokenize(text, a, b)  # the run reaches b
        head = tokenize(text, a, tokens[k].end)
        lo = k + 1
    tail: list[Token] = []
    if b < end and hi < size and (tokens[hi].start < b or (hi > 0 and tokens[hi - 1].end == b == tokens[hi].start)):
        k = hi  # b cuts this run: find its start
        while k > 0 and tokens[k - 1].end == tokens[k].start:
            k -= 1
        if k < lo:
            return tokenize(text, a, b)  # the run starts before the window's other tokens
        tail = tokenize(text, tokens[k].start, b)
        hi = k
    if head or tail:
        return head + tokens[lo:hi] + tail
    return tokens[lo:hi]


def _dateline(norms: tuple[str, ...], j: int, place_tok: dict[int, int]) -> bool:
    """Whether the place that opens the sentence and ends before token ``j`` (a comma, a parenthesis or a dash)
    is a dateline: "KABUL (AP) -", "KABUL, Afghanistan", "BAGHDAD, Jan 5": after a comma comes another place
    or a date, not the rest of a subject ("U.S., Iraqi forces capture ...")."""
    if norms[j] != ",":
        return True
    nxt = norms[j + 1] if j + 1 < len(norms) else ""
    return j + 1 in place_tok or nxt in _DATE_WORDS or nxt[:1].isdigit()


def _reference_point(tokens: list[Token], i: int) -> bool:
    """Whether the place at token ``i`` is a reference point ("west of X", "20 km from X", "near X", "adjacent to
    X")."""
    k = i - 1
    while k >= 0 and tokens[k].norm in ("the", "a", "an"):
        k -= 1
    if k < 0:
        return False
    w = tokens[k].norm
    return w in ("near", "from") or (w == "of" and k > 0 and tokens[k - 1].norm in _DIRECTIONS) or (
        w == "to" and k > 0 and tokens[k - 1].norm in _NEAR_TO)


_PARTICIPLE_COST: Final = 6
"""Extra distance for a place in a participle phrase before the verb (see :func:`_participle_phrase`)."""
_IRREGULAR_PARTICIPLES: Final = frozenset(
    "held kept born hidden built seen taken known found caught left hit shot struck brought sent".split())



def _participle_phrase(norms: tuple[str, ...], p: int) -> bool:
    """Whether the preposition at token ``p`` follows a participle that describes a noun before it ("those held
    at X", "troops based in X", "a man born in X"), not a verb of the clause ("were held at X"). (The caller
    checks that the event's verb follows the place phrase at once: the phrase is in its subject.)"""
    if p < 2:
        return False
    w = norms[p - 1]
    if not ((w.endswith("ed") and len(w) > 4) or w in _IRREGULAR_PARTICIPLES):
        return False
    before = norms[p - 2]
    return before.isalpha() and before not in _VERB_LINKS and not before.endswith("ly")


_TOWN_SLACK: Final = 8
"""How much further (in score) a town may be than the broad place it refines."""


def _chains(norms: tuple[str, ...], spans: list[tuple[int, int, Place]], excluded: set[int]
            ) -> list[tuple[list[int], dict[int, str]]]:
    """The places of a sentence grouped into chains: each chain's members and the link to each member after
    the first (see :func:`_link`)."""
    out: list[tuple[list[int], dict[int, str]]] = []
    n = 0
    while n < len(spans):
        members = [n]
        links: dict[int, str] = {}
        m = n
        while m + 1 < len(spans) and m not in excluded and m + 1 not in excluded:
            link = _link(norms, spans[m][1], spans[m + 1][0])
            if link is None:
                break
            m += 1
            members.append(m)
            links[m] = link
        out.append((members, links))
        n = m + 1
    return out


_SPECIFIC: Final = {"city": 4, "": 4, "admin1": 3, "region": 2, "country": 1}
_FEATURE_COST: Final = {"country": 3, "region": 2}
"""Extra distance for broad places, so that a town nearby in another phrase wins over a country."""


def _most_specific(spans: list[tuple[int, int, Place]], members: list[int], links: dict[int, str],
                   scored: list[int], bare: bool) -> int:
    """The place a chain stands for: the most specific kind of place, never a reference point ("X, 20 km north
    of Y"); of two places of a kind, the one the link makes the smaller ("X in Y", "X, Y": X; "Y's city of X":
    X; "the Y district of X": the smaller city).

    Places before the first attached member count only if none of them is governed otherwise ("Delhi in India,
    ..." but not "captured by Iran in the Shatt al-Arab"), or if only reference points are attached ("on Jolo,
    940 km south of Manila").
    """
    refs = {k for k, link in links.items() if link == "ref"}
    if bare or all(k in refs for k in scored):
        eligible = [k for k in members if k not in refs]
    else:
        eligible = [k for k in members if k >= scored[0] and k not in refs]
    if not eligible:
        return scored[0]
    best = eligible[0]
    for k in eligible[1:]:
        have = _SPECIFIC.get(spans[best][2].feature or "", 4)
        this = _SPECIFIC.get(spans[k][2].feature or "", 4)
        link = links.get(k)
        inner = link == "poss" or (link == "of" and k == best + 1 and _smaller(spans[k][2], spans[best][2]))
        if this > have or (this == have and inner):
            best = k
    return best


def _smaller(p: Place, q: Place) -> bool:
    """Whether ``p`` is a smaller place than ``q`` of the same kind (of two unknown names neither is: "in X village
    of Y district" stays X)."""
    a, b = _population(p), _population(q)
    return a < b


def _population(p: Place) -> int:
    """A city's population (0 for other places), to tell a town from the city it lies near or in."""
    if p.feature != "city" or p.geonames_id is None:
        return 0
    return default_gazetteer().population(p.name, p.geonames_id)


def _modifier(tokens: list[Token], j: int) -> bool:
    """Whether the place modifies the noun after it ("a U.S. helicopter", "the Baghdad regime")."""
    if j >= len(tokens):
        return False
    t = tokens[j]
    w = t.norm
    return not t.upper and w.isalpha() and w not in _NOT_MODIFIED and not w.endswith(("ed", "ing", "ly"))


def _building_after(tokens: list[Token], j: int) -> bool:
    """Whether the place modifies a building or site noun ("a Baghdad mosque", "his Tokyo apartment")."""
    return j < len(tokens) and not tokens[j].upper and tokens[j].norm in _BUILDINGS


_BUILDINGS: Final = frozenset(
    "home homes house houses apartment apartments residence residences building buildings mosque mosques church "
    "churches temple synagogue school schools hospital hospitals hotel hotels restaurant restaurants cafe cafes "
    "nightclub nightclubs bar market markets marketplace bazaar shop shops store mall office offices compound "
    "prison jail stadium station airport factory plant warehouse theater theatre cinema courthouse bank "
    "checkpoint bus".split()
)
"""Nouns of buildings and sites that a place name modifies as their location ("a Kabul restaurant")."""
_MISSIONS: Final = frozenset(
    "embassy embassies consulate consulates legation chancery".split()  # ("consulate-general": three tokens)
)
"""A country's diplomatic missions, capitalised or not: "the U.S. Embassy" is the country's, wherever it stands."""


def _event_noun_after(tokens: list[Token], j: int) -> bool:
    """Whether the place modifies an event noun ("the 1967 Middle East war", "the Iraq conflict")."""
    for t in tokens[j : j + 3]:
        if t.norm in _EVENT_NOUNS:
            return True
        if t.upper or not t.norm.isalpha():
            return False
    return False


_CONTESTS: Final = frozenset("battle battles fight fighting struggle offensive assault push race".split())
"""Nouns whose "for X" names the place fought over: "the battle for Manbij", "the fight for Sharqat"."""
_DISTANT_EVENTS: Final = frozenset(
    "attack attacks bombing bombings killing killings violence war wars conflict crisis situation policy policies "
    "occupation presence offensive operation operations crackdown fighting clashes strike strikes airstrike "
    "airstrikes air-strikes shelling massacre massacres abuses invasion intervention bombardment raid raids "
    "atrocities crimes persecution repression".split()
)
"""Nouns of events and states that a statement may be about, wherever it was made: a place after them ("the
attacks in Syria", "US policies in the Middle East") is theirs."""
_EVENT_NOUNS: Final = frozenset(
    "war wars conflict crisis uprising revolution election elections campaign talks summit conference meeting "
    "case trial affair scandal deal agreement accord process dispute issue policy question situation peace "
    "problem regime".split()
)
_NOT_NOUNS: Final = frozenset(
    "today yesterday tonight earlier later last this next early late again also still now then here there "
    "overnight soon recently alone itself".split()
)


def _possessive(tokens: list[Token], j: int, country: bool = False, place_tok: dict[int, int] | None = None
                ) -> bool:
    """Whether the place is the possessor of a place noun: "in Karachi's streets", "near Iraq's border".

    A country's name before a name that is no place found here names whose it is, not where: "South Korea's
    Jeong Jang", "Russia's Gazprom" (but "Syria's Idlib", "Afghanistan's Helmand province").
    """
    if j >= len(tokens) or tokens[j].norm not in ("'s", "s"):
        return False
    for k in range(j + 1, min(j + 5, len(tokens))):
        t = tokens[k]
        w = t.norm
        if _of_place_head(w) or w in _LANDMARKS:
            return True
        if t.upper and w.isalpha():
            if country and place_tok is not None and k not in place_tok:
                # a landmark or place noun may follow the name: "Egypt's Tahrir Square", "Iraq's Anbar province"
                return any(_of_place_head(x.norm) or x.norm in _LANDMARKS for x in tokens[k + 1 : k + 4])
            return True  # "at Bethlehem's Church of the Nativity", "Mogadishu's Wadajir district"
        if not (w in _PLACE_ADJECTIVES or w in _SMALL_ADJECTIVES or w in _SKIP_BACK or w.isdigit() or w == "-"
                or w in ("most", "more", "least")):
            return False
    return False


def _of_place_head(w: str) -> bool:
    """A noun that takes a place in an "of" phrase: "the town of X", "the outskirts of X", "north of X"."""
    return w in _OF_HEADS or w in _OF_LOCATIVE or w in _PLACE_NOUNS or w in _DIRECTIONS or w in _LANDMARKS \
        or w in _REGION_WORDS


_REGION_WORDS: Final = frozenset(
    "north south east west northeast northwest southeast southwest centre center heart middle interior "
    "coast capital territory territories zone zones streets street areas sector sectors section sections side "
    "jungle jungles forest forests stronghold strongholds heartland bastion waters perimeter flank flanks "
    "doorstep courtyard portion portions percent half third thirds much most all rest inside outside out "
    "states provinces lands ruins centre downtown entrance gates gate edge control".split()
)


_BE_FORMS: Final = frozenset("was were is are be been being".split())


def _passive_subject(tokens: list[Token], norms: tuple[str, ...], i: int, j: int, v_i: int,
                     place_tok: dict[int, int]) -> bool:
    """Whether the place at tokens ``i:j`` ends the subject of the passive verb at ``v_i`` ("The town of X was
    shelled", "the Niger village of X was bombed"): only auxiliaries and adverbs between, a form of *be* among
    them, and before the place only its noun phrase back to the start of the clause."""
    if j >= v_i or _BE_FORMS.isdisjoint(norms[j:v_i]) or not all(
            w in _AUXILIARIES or w in ("again", "almost") or (w.endswith("ly") and len(w) > 4) for w in norms[j:v_i]):
        return False
    v = norms[v_i]
    if not ((v.endswith("ed") and len(v) > 4) or v in _IRREGULAR_PARTICIPLES):
        return False
    # a bare name is a person as often as a place ("Jordan was shot", "Arad was captured"): only with a verb of
    # places; a place noun in the phrase ("the town of X", "X airport") makes it a place whatever the verb
    named = any(w in _PLACE_NOUNS or w in _LANDMARKS or w in _BUILDINGS for w in norms[i + 1 : j + 1])
    k = i - 1
    while k >= 0:
        w = norms[k]
        if w in (",", ";", ":", "--"):
            break  # "On Monday, the town of X was shelled"
        place_word = _of_place_head(w)
        if not (k in place_tok or place_word or _np_word(w) or w in ("of", "'s", "s")):
            return False
        named = named or place_word
        k -= 1
    return named or (v in _PLACE_VERBS and v not in _PERSON_PATIENT_VERBS)


_PERSON_PATIENT_VERBS: Final = frozenset("captured seized hit struck targeted ambushed attacked raided".split())
"""Verbs of places whose passive subject is a person as often as a place ("X was captured by Hezbollah")."""


def _object_of_verb(tokens: list[Token], v_i: int, v_j: int, i: int, j: int) -> bool:
    """Whether the place at tokens ``i:j`` is the verb's object ("shelled Aleppo", "bombed the Golan"): only
    articles and adjectives between."""
    if i >= v_j and i - v_j <= 3:
        return all(_np_word(t.norm) for t in tokens[v_j:i])
    if v_i < i < v_j and i - v_i <= 4:
        return all(_np_word(t.norm) for t in tokens[v_i + 1 : i])
    return False


def _np_word(w: str) -> bool:
    return w in ("the", "a", "an") or w in _PLACE_ADJECTIVES or w in _SMALL_ADJECTIVES


_MAX_AFTER = 16
_MAX_BEFORE = 26
_MAX_AFTER_TOWN = 20
"""The same for a town or unknown name after "in", "at", "near" in the verb's clause ("... shot dead by two men on
a motorbike as he left a mosque in the town of X"), which is rarely anything but the event's place."""
"""Tokens (clause boundaries count three) beyond which a place after (before) the verb is too far from it to be
its location. A place before the verb is often in a fronted phrase ("In X, ...") or the subject ("A bomb in a
crowded X market killed ..."), further from the verb than a place after it."""
_MAX_AFTER_ANY: Final = max(_MAX_AFTER, _MAX_AFTER_TOWN)

_ATTRIBUTION: Final = frozenset("said says told reported quoted added".split())


def _attribution(norms: tuple[str, ...], j: int, verb_words: set[str]) -> bool:
    """Whether a speech verb follows the place in its clause ("police in Kirkuk said")."""
    for w in norms[j : j + 4]:
        if w in _ATTRIBUTION:
            return w not in verb_words
        if w in _ATTRIBUTION_STOPS:
            return False  # "shot dead in X in what police said was ...": the speech verb is another clause's
    return False


_ATTRIBUTION_STOPS: Final = frozenset(
    [",", ";", ":", ".", '"', "and", "but", "in", "what", "where", "which", "when", "who", "that", "as", "after",
     "before", "while", "because"]
)


_CHAIN_WORDS: Final = frozenset(
    "in near outside inside of , ( ) 's s the a an about some around just nearly roughly also located situated".split()
)
_NEAR_TO: Final = frozenset(["close", "next", "adjacent"])
"""Words that make a reference point of a place after "to": "X, adjacent to Y", "X, close to Y"."""
_REFERENCE: Final = frozenset("near outside km kilometres kilometers kms miles mile from".split()) | _NEAR_TO


def _link(norms: tuple[str, ...], j: int, i: int) -> str | None:
    """How the place ending at token ``j`` and the next one starting at ``i`` name one location, or None.

    ``"ref"``: the second is a reference point ("X, 20 km north of Y", "X near Y"); ``"poss"``: the first owns
    the second ("Y's northern city of X"); ``"of"``: "the X town of Y", "the X district of Y" (either may be
    inside the other); ``"link"``: the second contains the first ("X in Y", "X, Y", "X in the province of Y").
    The words between may only be those of place phrases (prepositions, place nouns, adjectives, distances).
    """
    if i - j > 12 or i <= j:
        return None
    gap = norms[j:i]
    free = 0
    prev = ""
    for k, w in enumerate(gap):
        if w in _PHRASE_WORDS or w[:1].isdigit() or w == "-" or (w == "from" and (prev in _UNITS or prev == "away")) \
                or (w == "to" and prev in _NEAR_TO) or (w in _NEAR_TO and gap[k + 1 : k + 2] == ("to",)):
            prev = w
            continue
        if w in _STOP_BACK or w in _SPEECH or not w.isalpha() or free >= 2 or not (
                prev in ("the", "a", "an") or prev in _PLACE_ADJECTIVES or prev in _SMALL_ADJECTIVES or free):
            return None  # a free word only inside a noun phrase: "in the volatile Chinese region of"

        free += 1
        prev = w
    if not _REFERENCE.isdisjoint(gap) or (gap[-1] == "of" and len(gap) >= 2 and gap[-2] in _DIRECTIONS):
        return "ref"  # "X, 20 km north of Y", "X near Y": Y is a reference point
    if gap[0] in ("'s", "s"):
        return "poss"  # "in Pakistan's northwestern city of X"
    if len(gap) >= 2 and gap[-1] == "of" and gap[-2] in _OF_HEADS and _CHAIN_WORDS.isdisjoint(gap[:-1]):
        return "of"  # "the West Bank town of Nablus", "the Karradah district of Baghdad"
    return "link"




_NOT_LOC_NEXT: Final = frozenset(["'s", "s", "-"])
"""The tokens after a place that :func:`_not_a_location` looks at (a fast pre-check)."""


def _not_a_location(norms: tuple[str, ...], i: int, j: int) -> bool:
    """'Pakistan's ministry', 'a Kabul-based group' (``norms``: the tokens' normalised forms)."""
    if j < len(norms):
        nxt = norms[j]
        if nxt in ("'s", "s"):
            return True
        if nxt == "-" and j + 1 < len(norms) and norms[j + 1].isalpha():
            return True
    return i > 0 and norms[i - 1] == "-"


def _governed(tokens: list[Token], norms: tuple[str, ...], i: int, place_tok: dict[int, int], n: int,
              verb_words: set[str], verb_last: int = -1, verb_head: int = -1, on_ok: bool = False
              ) -> tuple[float, int] | None:
    """The locative preposition that governs the place at token ``i``: (weight, its token index) or None.

    Walks back over the noun phrase the place ends ("in the northern oil city of X", "north of X", "at a
    checkpoint in X", "in a crowded X street"), at most a dozen tokens.
    """
    k = i - 1
    steps = 0
    free = 0  # other lower-case words skipped (adjectives and nouns of the phrase)
    while k >= 0 and steps < 12:
        w = norms[k]
        if steps > 0 and k in (verb_last, verb_head):
            return (0.5, k)  # the verb's object: "targeting the key village of X"
        if w in PLACE_OBJECT_VERBS and not tokens[k].upper:
            return (1.5, k)  # another verb's place object: "..., after capturing the key town of X"
        if w == "of" and k > 0 and (norms[k - 1] in _DIRECTIONS or norms[k - 1] in _OF_LOCATIVE):
            return (0.0, k)  # "north of X", "20 km south of X", "the outskirts of X"
        if w in _PREP_WEIGHT:
            before = norms[k - 1] if k > 0 else ""
            if before in _NOT_LOC_BEFORE or before == "from" or (before in _SPEECH and before not in verb_words
                                                                 and before in _SPEECH_VERBS):
                return None  # "the envoy to X", "people from across X" (an origin), "said in X"
            if w == "into" and before in _MOTION and before not in verb_words:
                return None  # "trying to cross into Turkey", "taken into Lebanon": where they went
            if w in ("to", "toward", "towards"):
                if before in _NEXT_TO:
                    return (0.0, k)  # "close to X", "at the entrance to X"
                if w == "to" and k + 1 < i and norms[k + 1] in _PLACE_VERBS:
                    return (1.0, k)  # "an offensive to capture the town of X"
                return None  # a destination ("fled to Turkey", "extradited to the US"), not where the event is
            if w == "between" and before in _RELATIONS:
                return None  # "talks between X and Y", "a crisis between X and Y": a relation, not a place
            if w == "on" and not on_ok and _ARTICLES.issuperset(norms[k + 1 : i]):
                return None  # "an attack on the United States" is its target; "on the outskirts of X" is a place
            return (float(_PREP_WEIGHT[w]), k)
        if w == "for" and k > 0 and norms[k - 1] in _CONTESTS:
            return (0.0, k)  # "killed in the battle for X": the place fought over is where the fighting is
        if w in ("'s", "s") and k - 1 in place_tok and place_tok[k - 1] != n:
            k -= 1  # "in Pakistan's northwestern city of X": past the possessor
            owner = place_tok[k]
            while k - 1 >= 0 and place_tok.get(k - 1) == owner:
                k -= 1
            k -= 1
            steps += 1
            continue
        if w == "of" and k > 0 and not _of_place_head(norms[k - 1]):
            return None  # "ahead of X", "a commander of X's army": not a place phrase
        if w in _SKIP_BACK or w.isdigit() or w in _PLACE_ADJECTIVES or (k in place_tok and place_tok[k] != n):
            k -= 1
            steps += 1
            continue
        if w in ("and", "or") and steps > 0 and k > 0 and norms[k + 1] in _PLACE_ADJECTIVES \
                and norms[k - 1] in _PLACE_ADJECTIVES:
            k -= 1  # "in central and northern X"
            steps += 1
            continue
        if w == "-" and k > 0 and norms[k - 1].isalpha() and steps > 0:
            k -= 1  # "a Georgian-controlled district of X"
            steps += 1
            continue
        if w in (",", "-") and steps == 0:
            if w == "," and k > 0 and (norms[k - 1] in _DATE_WORDS or norms[k - 1].isdigit()):
                return None  # "In September, U.S. forces ...": the phrase before the comma is a date
            k -= 1
            steps += 1
            continue
        if w in _STOP_BACK or not (w.isalpha() or "-" in w):
            return None
        if free < 3:
            free += 1
            k -= 1
            steps += 1
            continue
        return None
    return None


_OF_LOCATIVE: Final = frozenset(
    "outskirts vicinity heart centre center streets parts part edge edges suburbs suburb environs "
    "countryside border borders".split()
)
_NEXT_TO: Final = _NEAR_TO | frozenset("entrance entrances gateway gates gate closer".split())
"""Words before "to" that make the place after it where the event is ("close to X", "at the entrance to X")."""
_STOP_BACK: Final = frozenset(
    "said says say told is was were are be been being has have had will would could should may might can "
    "and or but who which that when while after before because as by for with than if since where "
    "against from about under like upon amid despite without per including among following "
    "he she it they we i you his her their its our them him us this these those".split()
)


_CLAUSE_STARTS: Final = frozenset("who which where said but while after before as".split())


def _boundary_marks(tokens: list[Token], norms: tuple[str, ...]) -> list[int]:
    """The tokens that are clause boundaries: ';', quotes, ':', ', said', ', who', ', which', ', killing'."""
    out = [k for mark in (";", '"', ":") for k in _positions(norms, mark)]
    last = len(norms) - 1
    for k in _positions(norms, ","):
        if k < last:
            nxt = norms[k + 1]
            if nxt in _CLAUSE_STARTS or (nxt.endswith("ing") and not tokens[k + 1].upper
                                         and nxt not in _NOT_PARTICIPLES):
                out.append(k)  # ", killing five people": a participle clause
    out.sort()
    return out


def _positions(norms: tuple[str, ...], word: str) -> list[int]:
    """Where ``word`` stands in ``norms`` (found with C-level searches: the marks are few)."""
    out: list[int] = []
    k = -1
    for _ in range(norms.count(word)):
        k = norms.index(word, k + 1)
        out.append(k)
    return out


_BOUNDARY_MARKS: Final = frozenset([";", '"', ":", ","])
"""The tokens that may be boundaries (a fast pre-check)."""
_NOT_PARTICIPLES: Final = frozenset("including during according following nothing something anything".split())


_PERSON_NOUNS: Final = frozenset(
    "chief chiefs leader leaders commander commanders head official officials minister ministers governor "
    "mayor spokesman spokeswoman spokesperson envoy ambassador president premier emir boss supremo native "
    "natives resident residents man men woman women teenager teenagers boy boys girl girls student students "
    "businessman journalist reporter".split()
)
"""Nouns of persons that a place name describes ("the West Bank chief of X", "a Gaza resident"): the place says
who the person is, not where the event is."""

_RELATIONS: Final = _EVENT_NOUNS | frozenset(
    "fighting clashes clash battle battles relations ties tension tensions match game final rivalry trade "
    "cooperation treaty negotiations dialogue ceasefire cease-fire truce differences difference hostilities "
    "violence rift standoff feud border-dispute contacts exchange exchanges".split()
)
"""Nouns after which "between X and Y" names the parties of a relation ("talks between X and Y", "the war between
X and Y"), not a place ("on the road between X and Y", "positions between X and Y")."""

_RELATIVE: Final = frozenset("who whom whose which".split())
_PERSON_RELATIVE: Final = frozenset("who whom".split())
_AUXILIARIES: Final = frozenset(
    "was were is are be been being has have had will would could should may might can did does do not never "
    "reportedly allegedly also later then still already subsequently eventually apparently reported "
    "believed said thought".split()
)
_VERB_LINKS: Final = _AUXILIARIES | frozenset("am having to n't who which that".split())
"""Words of a verb group (and relative words): the word before a participle that describes a noun is none of them,
and only they (with "and" and places) may stand between such a phrase and the verb of its subject's clause."""
_FINITE: Final = frozenset("was were is are has have had".split())
_AFTERMATH_VERBS: Final = frozenset(
    "spent became went fled left moved returned remained stayed lived worked served died evacuated escaped made "
    "took sought settled joined studied taught grew".split()
)
"""Past-tense verbs of where someone went or stayed afterwards: after "and", they open a second predicate whose
place is not the first verb's ("was captured in 1992 and spent seven years in a X jail"). Verbs of another act
of violence are not among them: "killed three and raped ten women in X" is one place."""


def _second_verb(between: list[Token], k: int) -> bool:
    """Whether ``between[k]``, after an "and" that follows words of the event verb's own clause, opens a second
    predicate about what came after ("... in 1992 and spent seven years in X")."""
    return k + 1 < len(between) and between[k].norm in _AFTERMATH_VERBS and not between[k].upper


_FRONT_PREPOSITIONS: Final = frozenset(
    "in at during near on outside inside across throughout from around within".split()
)


def _front(norms: tuple[str, ...]) -> int:
    """The last token at which a place is in a phrase fronted before the whole sentence ("In X, ...", "During a
    rally in X, ..."): such a place sets the scene for every clause of the sentence (-1 when there is none)."""
    if not norms or norms[0] not in _FRONT_PREPOSITIONS:
        return -1
    return min((norms.index(w) for w in _FRONT_ENDS if w in norms), default=len(norms))


_FRONT_ENDS: Final = frozenset([",", ";", ":"])


def _other_clause(sent: _Sentence, i: int, j: int, v_i: int, v_j: int, place_tok: dict[int, int]) -> bool:
    """Whether the place at tokens ``i:j`` is named in a clause or phrase of its own, apart from the event verb.

    - an "according to" phrase: "according to a source in X, ..." is where the source is;
    - a relative clause before the verb: "a man who lived in X and two others were killed", "Y, who sent
      troops to X, was killed": where the relative clause happened, not the main clause's event;
    - the verb in a relative clause about a person after the place: "captured in X with a driver who was
      beheaded", "people in X protested against the killers who gunned down ...";
    - an apposition between the subject and its verb: "Y, a commander of the group's operations in X, was
      killed": the place describes the person (not when the subject is itself a place: "X, the main city in
      Y, was captured");
    - after the verb, a place named once its clause has closed ("Y, who was killed at the scene, was said to
      live in X"), in a second predicate ("was captured in May and is believed to be held in X"), or in a
      relative clause saying who someone is ("killed a man who lived in X", "troops which have bases in X").
    A phrase fronted before the sentence ("In X, ...") is the place of all its clauses.
    """
    if i <= sent.front:
        return False
    tokens, norms, words = sent.tokens, sent.norms, sent.words
    # (each scan below runs only if the words it looks for are there)
    if i >= v_j + 2 and (not _FINITE.isdisjoint(norms[v_j + 1 : i]) or not _RELATIVE.isdisjoint(norms[v_j : i - 1])
                         or "and" in norms[v_j + 1 : i - 2]):
        between = tokens[v_j:i]
        for k, t in enumerate(between[:-1]):
            if t.norm == "," and between[k + 1].norm in _FINITE:
                return True  # "the gunman, who was killed at the scene, was thought to be living in X"
            if t.norm in ("and", "but") and between[k + 1].norm in _FINITE:
                return True  # "was captured in June and is believed to be held in X": another predicate
            if t.norm == "and" and k >= 1 and _second_verb(between, k + 1):
                return True  # "was captured by troops in 1992 and spent seven years in a X jail"
            if t.norm in _RELATIVE and _background(between, k + 1) and all(u.norm != "," for u in between[k:]):
                return True  # "killed a man who lived in X", "troops which have their bases in X"
    # "according to ... in X"
    if "according" in words:
        for k in range(i - 1, max(-1, i - 16), -1):
            w = norms[k]
            if w in (",", ";", ":", '"', "(", ")"):
                break
            if w == "to" and k > 0 and norms[k - 1] == "according" and not (k < v_i < i):
                return True
    if j <= v_i:
        # the place in a relative clause that the verb comes after
        for k in range(i - 1, max(-1, i - 14), -1) if not _RELATIVE.isdisjoint(words) else ():
            w = norms[k]
            if w in (",", ";", ":", '"'):
                break
            if w in _RELATIVE and k > 0:
                gap = list(norms[j:v_i])
                while gap and gap[-1] in _AUXILIARIES:
                    gap.pop()
                if gap and gap[0] in ("and", "or") and len(gap) == 1:
                    return False  # "militants who stormed a hotel in X and killed ...": one relative clause
                # "... occurred in X, where a bomb killed ...": the verb's clause is about X
                return "where" not in gap and "which" not in gap
        # a relative clause closed by the comma right before the verb, however long: "S, who was indicted by the
        # tribunal in X, Y, shot himself"
        if norms[v_i - 1] == "," and not _RELATIVE.isdisjoint(norms[:i]) and all(
                k in place_tok or norms[k] == "," for k in range(j, v_i)):
            for k in range(i - 1, 0, -1):
                w = norms[k]
                if w == "," and k - 1 in place_tok:
                    continue  # "in X, Y": the place's own chain
                if w in (",", ";", ":", '"', "(", ")"):
                    if w == "," and norms[k + 1] in _RELATIVE:
                        return True
                    break
        # the verb in a relative clause about a person after the place
        if not _PERSON_RELATIVE.isdisjoint(words):
            for k in range(j, v_i):
                if norms[k] in _PERSON_RELATIVE and _AUXILIARIES.issuperset(norms[k + 1 : v_i]):
                    return True
        # an apposition: "S, ... in X, was killed"
        if "," in words and "," in norms[j:v_i] and "," in norms[:i]:
            before = i - 1 - norms[i - 1 :: -1].index(",")
            after = norms.index(",", j, v_i)
            if before > 0 and before - 1 not in place_tok:
                group = norms[after + 1 : v_i]
                if group and _AUXILIARIES.issuperset(group) and not _FINITE.isdisjoint(group):
                    return True
    return False


_MOTION: Final = _verb_forms(
    "cross take bring move transfer deport flee smuggle tunnel lead return send escape evacuate rush airlift "
    "travel go head relocate extradite"
)
"""Verbs of motion: the place after their "into" is where someone went ("crossing into X", "taken into X")."""
_DETERMINERS: Final = frozenset("the a an his her their its our my your this that these those".split())


def _destination(sent: _Sentence, k: int, place_tok: dict[int, int], verb_words: set[str]) -> bool:
    """Whether the preposition at token ``k`` ("in", "at") is inside a noun phrase that is the destination of a
    verb of motion other than the event's: "(made her way) to a camp in X", "sent to the prison at X", "taken
    into a hospital in X" (not "on his way to work in X", "tried to ambush a patrol near X")."""
    tokens, norms = sent.tokens, sent.norms
    if norms[k] not in ("in", "at", "near", ",") or _TO_WORDS.isdisjoint(norms[max(0, k - 6) : k]):
        return False  # (the walk below stops at most six words back, and returns True only at one of _TO_WORDS)
    m = k - 1
    words = 0
    while m >= 0 and words < 6:
        t = tokens[m]
        w = t.norm
        if w in _TO_WORDS:
            before = tokens[m - 1].norm if m > 0 else ""
            after = tokens[m + 1]
            return before in _MOTION and before not in verb_words and (
                after.upper or after.norm in _DETERMINERS or after.norm in _SKIP_BACK
                or after.norm in _PLACE_ADJECTIVES)
        if m in place_tok or w in ("the", "a", "an", "-", "'s", "s") or w in _SKIP_BACK \
                or w in _PLACE_ADJECTIVES or (w.isalpha() and w not in _STOP_BACK and w not in LOCATIVE
                                              and w not in _PREP_WEIGHT):
            m -= 1
            words += 1
            continue
        return False
    return False


_ARTICLES: Final = frozenset(["the", "a", "an"])
_TO_WORDS: Final = frozenset(["to", "towards", "toward", "into"])
_DATE_WORDS: Final = NAMED_DAYS_AND_MONTHS | frozenset(MONTH_ABBREVIATIONS) | frozenset(
    "today yesterday morning afternoon evening night week month year weekend earlier later".split())
"""Words that end a date phrase ("In September, ...", "On Tuesday, ...")."""


_BACKGROUND: Final = _verb_forms("live work serve lead head command run own have use belong reside study teach hail")
"""Verbs of a relative clause that describes who someone is ("who lived in X", "which has bases in X", "who used
to lead the group in X"), not what happened in the event."""


def _background(tokens: list[Token], k: int) -> bool:
    """Whether the relative clause starting at token ``k`` describes its antecedent: a background verb, or a form
    of "be" before a noun phrase ("who was the only doctor in X")."""
    while k < len(tokens) and tokens[k].norm in ("also", "still", "once", "previously", "formerly", "had", "has",
                                                  "have", "then"):
        if tokens[k].norm in _BACKGROUND and (k + 1 >= len(tokens) or tokens[k + 1].norm in _DETERMINERS):
            return True  # "which has its bases in X"
        k += 1
    if k >= len(tokens):
        return False
    w = tokens[k].norm
    if w in _BACKGROUND:
        return True
    return w in ("was", "were", "is", "are") and k + 1 < len(tokens) and tokens[k + 1].norm in _DETERMINERS


_NOT_MODIFIED: Final = _FUNCTION | _PLACE_NOUNS | _OF_HEADS | _LANDMARKS | _STOP_BACK | _SPEECH | LOCATIVE \
    | _DIRECTIONS | _WEEKDAYS_MONTHS | _NOT_NOUNS | _BUILDINGS
"""Words that are not a noun a place modifies (see :func:`_modifier`)."""
_PHRASE_WORDS: Final = _CHAIN_WORDS | _SKIP_BACK | _PLACE_ADJECTIVES | _SMALL_ADJECTIVES | _PLACE_NOUNS | _OF_HEADS \
    | _OF_LOCATIVE | _DIRECTIONS | _UNITS
"""Words of place phrases that may link two places (see :func:`_link`)."""
