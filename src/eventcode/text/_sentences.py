"""Splitting articles into sentences, telling headlines and page boilerplate apart.

Scraped news arrives with headlines, bylines, "Published on", photo credits, "ALSO READ" teasers and
navigation. Each line of the input is a paragraph; within a paragraph, sentences end at ``.``, ``!`` or ``?``
followed by a space and a capital, unless the dot ends a known abbreviation (``Gen.``, ``No.``, ``Mr.``) or a
dotted abbreviation followed by a word that does not start sentences (``the U.S. military``).
"""

from __future__ import annotations

import re
from typing import Final, Literal, NamedTuple

__all__ = ["Sentence", "split_sentences"]

Kind = Literal["sentence", "headline", "boilerplate"]


class Sentence(NamedTuple):
    """A sentence (or headline, or boilerplate line) with its offsets into the document."""

    start: int
    end: int
    kind: Kind


TITLE_ABBREVIATIONS: Final = frozenset(
    "mr mrs ms dr prof gen lt col maj capt cpt sgt cpl adm cmdr brig gov sen rep pres rev st amb supt insp sens "
    "reps gens".split()
)
"""Abbreviated titles written before a name ("Gov. Phil Murphy"): their dot ends neither a sentence nor a clause."""

_ABBREV = TITLE_ABBREVIATIONS | frozenset(
    [
        "sr",
        "jr",
        "no",
        "nos",
        "vol",
        "fig",
        "art",
        "sec",
        "dept",
        "est",
        "inc",
        "ltd",
        "corp",
        "co",
        "bros",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "vs",
        "etc",
        "al",
        "approx",
        "govt",
    ]
)

# Words that begin sentences; after "U.S." they mark a real sentence end.
_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "in",
        "on",
        "at",
        "but",
        "and",
        "this",
        "that",
        "these",
        "those",
        "there",
        "his",
        "her",
        "their",
        "its",
        "however",
        "meanwhile",
        "officials",
        "after",
        "before",
        "while",
        "when",
        "as",
        "if",
        "since",
        "according",
        "also",
        "some",
        "many",
        "most",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "last",
        "earlier",
        "later",
        "yet",
        "still",
        "so",
    ]
)

_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_LINE = re.compile(r"[^\n\r]+")
_WORD = re.compile(r"[^\W_]+")

_BOILERPLATE = re.compile(
    r"""^\W*(?:
        latest\ news|top\ news|trending(?:\ now)?|published|on|updated|last\ updated.*|posted.*|
        previous\ story|next\ story|read\ more.*|read\ also.*|also\ read.*|related.*|advertisement|
        share(?:\ this.*)?|follow\ us.*|subscribe.*|sign\ up.*|click\ here.*|exit\ mobile\ version|
        go\ ?to\ ?top|don'?t\ miss|home|menu|search|comments?|leave\ a\ reply.*|source:.*|photo:.*|
        image:.*|file\ photo.*|credit:.*|\d+\ mins?\ read|by\ [\w.\s-]{1,40}|latest\ from.*|
        copyright.*|all\ rights\ reserved.*|more\ from.*|you\ may\ also\ like.*|popular.*|
        recommended.*|watch.*:?|listen.*:?|tags?:.*|filed\ under.*|
        (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\ \d{1,2},?\ \d{4}.*|
        \d{1,2}\ (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\ \d{4}.*|
        \(.*\)
    )\W*$""",
    re.VERBOSE | re.IGNORECASE,
)
# After one of these lines, the following short lines are teasers of other stories.
_TEASER_START = re.compile(
    r"^\W*(?:previous\ story|next\ story|latest\ from.*|don'?t\ miss|trending(?:\ now)?|"
    r"related(?:\ (?:news|stories|articles))?|you\ may\ also\ like|more\ from.*|popular.*|recommended.*)\W*$",
    re.VERBOSE | re.IGNORECASE,
)
_TEASER_INLINE = re.compile(r"^\W*(?:also\ read|read\ also|read\ more|see\ also)\b", re.IGNORECASE | re.VERBOSE)
_FURNITURE = re.compile(
    rf"(?P<teaser>{_TEASER_START.pattern})|{_BOILERPLATE.pattern}|{_TEASER_INLINE.pattern}", re.VERBOSE | re.IGNORECASE
)
"""The three patterns in one, tried in that order (one call for a short line): the group ``teaser`` is set when
the line starts a run of teasers."""


_SHORT = 160
_new = tuple.__new__  # (a Sentence built without the NamedTuple constructor's Python call)


def _is_abbreviation_end(text: str, dot: int, nxt: int) -> bool:
    """Whether the '.' at ``dot`` ends an abbreviation rather than a sentence."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot]
    if not word:
        return False
    low = word.lower()
    if low in _ABBREV:
        return True
    if "." in word or (len(word) == 1 and word.isupper()):  # U.S. / J. (initial)
        m = _WORD.match(text, nxt)
        following = m.group().lower() if m else ""
        return following not in _STARTERS
    return False


def _split_paragraph(text: str, start: int, end: int) -> list[Sentence]:
    if start < end and not _BOUNDARY.search(text, start, end):  # one sentence (the usual case)
        return [_new(Sentence, (start, end, "sentence"))]
    spans: list[Sentence] = []
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        dot = m.start()
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if text[dot] == "." and m.end() - dot == 1 and _is_abbreviation_end(text, dot, nxt):
            continue
        spans.append(_new(Sentence, (s, m.end(), "sentence")))
        s = nxt
    if s < end:
        spans.append(_new(Sentence, (s, end, "sentence")))
    return spans


_last: tuple[str, tuple[Sentence, ...]] | None = None
"""The last text split and its sentences: a batch asks again for the text it has just coded, to count them (the
same str object is the same text: it is immutable, and held here so that its identity is not reused)."""


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of an article (or of a single sentence) with their kinds, in order."""
    global _last
    last = _last
    if last is not None and last[0] is text:
        return list(last[1])
    out = _split(text)
    _last = (text, tuple(out))
    return out


def _split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    in_teasers = False
    seen_body = False
    for line in _LINE.finditer(text):
        a, b = line.start(), line.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            continue
        raw = text[a:b]
        short = len(raw) <= _SHORT  # page furniture is short; long lines are never tested against its patterns
        furniture = _FURNITURE.match(raw) if short else None
        if furniture is not None and furniture.lastgroup == "teaser":
            in_teasers = True
            out.append(_new(Sentence, (a, b, "boilerplate")))
            continue
        if furniture is not None or not _WORD.search(raw):
            out.append(_new(Sentence, (a, b, "boilerplate")))
            continue
        ends_sentence = raw.rstrip("\"'”’)] ")[-1:] in ".!?"
        # the words are counted only where the count matters (not for the usual line of sentences)
        if in_teasers and (not ends_sentence or len(_WORD.findall(raw)) < 25):
            out.append(_new(Sentence, (a, b, "boilerplate")))
            continue
        in_teasers = False
        n_words = len(_WORD.findall(raw)) if not ends_sentence else 0
        if not ends_sentence and n_words <= 25:
            # a headline when it reads like one (several words); single words and names are boilerplate
            kind: Kind = "headline" if n_words >= 3 else "boilerplate"
            if kind == "headline" and seen_body and n_words < 4:
                kind = "boilerplate"
            out.append(_new(Sentence, (a, b, kind)))
            continue
        seen_body = True
        out.extend(_split_paragraph(text, a, b))
    return out
