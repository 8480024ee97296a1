"""Tokenizing with character offsets into the original text.

One compiled regular expression, no backtracking beyond a word: words (with internal apostrophes), dotted
abbreviations (``U.S.``), possessive ``'s`` and ``n't`` as their own tokens, numbers, and single characters
for everything else. Each token keeps a normalised form (lower case, accents folded, curly quotes straightened)
that every dictionary lookup uses, so matching never relies on capitals.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import accumulate, compress, repeat
from operator import itemgetter, not_, sub
from typing import NamedTuple, cast

__all__ = ["Token", "normalize", "token_norms", "tokenize", "tokenize_with_norms"]

_TOKEN = re.compile(
    r"""
      [A-Za-z][A-Za-z0-9]*+(?![\w.'’])        # fast path: a plain ASCII word
    | [,.;:()"$%-]                            # fast path: common punctuation
    | [^\W\d_][^\W_]*+(?![.'’])               # fast path: a plain word
    | [^\w\s'’]                               # fast path: any other punctuation
    | (?:[^\W\d_]\.){2,}(?![^\W\d_])          # U.S. U.N. U.S.A.
    | [^\W\d_]+(?=n['’]t\b)                   # did (n't)
    | n['’]t\b                                # n't
    | ['’]s\b                                 # possessive 's
    | \d+(?:[.,:/]\d+)*[^\W\d_]*               # 1,000 3.5 10:30 1990s 21st
    | [^\W_]+(?:['’](?!s\b)[^\W_]+)*          # words, O'Brien, d'Ivoire
    | \S                                      # anything else, one character
    """,
    re.VERBOSE,
)
"""The tokens. The first four lines only make the common cases quick: a whole letter-and-digit run that starts
with a letter and is followed by no dot or apostrophe (possessive ``*+``: no backtracking), or a character that
is not a letter, digit, ``_``, apostrophe or space, is exactly what the general lines below would match there."""

_SPACED = re.compile(r"\s*+(?:" + _TOKEN.pattern + ")", re.VERBOSE)
"""A token with the whitespace before it: consecutive matches tile the text, so their lengths give the offsets."""

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


class Token(NamedTuple):
    """A token: its normalised form and its offsets into the original text."""

    norm: str
    start: int
    end: int
    upper: bool
    """Whether the token starts with a capital letter (used as a hint, never as the only evidence)."""


def normalize(word: str) -> str:
    """Lower case, accents folded, curly quotes and dashes straightened."""
    w = word.lower().translate(_QUOTES)
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
        w = unicodedata.normalize("NFC", w)
    return w


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, with offsets into ``text``.

    The stages of the coder (actors, dates, places) each ask for the tokens of the same sentence, so recent
    results are kept in a small cache (a string's hash is computed once, so the key is cheap).
    """
    return list(_tokenize_cached(text, start, len(text) if end is None else end)[0])


def tokenize_with_norms(text: str, start: int, end: int) -> tuple[list[Token], tuple[str, ...]]:
    """:func:`tokenize` and the tokens' normalised forms (made with the tokens, for stages that read only those)."""
    tokens, norms = _tokenize_cached(text, start, end)
    return list(tokens), norms


_NORMS: dict[str, str] = {}
"""Normalised forms of the words seen so far (news vocabulary is small: a dict lookup beats lower/translate)."""
_NORMS_MAX = 200_000
_SEEN: dict[str, tuple[str, int, bool]] = {}
"""A match of ``_SPACED`` seen so far (a word and the whitespace before it) -> the word's normalised form,
length and whether it starts with a capital."""
_new = tuple.__new__
_first, _second, _third = itemgetter(0), itemgetter(1), itemgetter(2)


@functools.lru_cache(maxsize=64)
def _tokenize_cached(text: str, start: int, end: int) -> tuple[tuple[Token, ...], tuple[str, ...]]:
    # One regex pass, then C-level maps and zips, no Python code per token: each match is a token with the
    # whitespace before it, so the running sum of the match lengths is where each token ends.
    spaced = _SPACED.findall(text, start, end)
    if not spaced:
        return (), ()
    seen = _SEEN
    if len(seen) > _NORMS_MAX:  # bounded memory on endless streams of new words
        seen.clear()
    got = list(map(seen.get, spaced))  # None for the matches not seen yet
    if None in got:
        for k in compress(range(len(got)), map(not_, got)):  # (only those, picked in C)
            w = spaced[k].lstrip()
            got[k] = seen[spaced[k]] = (_norm(w), len(w), w[:1].isupper())
    info = cast("list[tuple[str, int, bool]]", got)  # (no None left)
    ends = list(accumulate(map(len, spaced), initial=start))
    del ends[0]
    # (the columns of ``info`` read by itemgetters: ``zip(*info)`` would make an iterator object per token)
    starts = map(sub, ends, map(_second, info))
    norms = tuple(map(_first, info))
    return tuple(map(_new, repeat(Token), zip(norms, starts, ends, map(_third, info), strict=True))), norms


def _norm(word: str) -> str:
    """The normalised form of ``word``, remembered."""
    n = _NORMS.get(word)
    if n is None:
        if len(_NORMS) > _NORMS_MAX:
            _NORMS.clear()
        n = _NORMS[word] = normalize(word)
    return n


def token_norms(text: str) -> tuple[str, ...]:
    """The normalised forms of the tokens of ``text`` (what :func:`tokenize` gives, without offsets)."""
    return tuple(map(_norm, _TOKEN.findall(text)))
