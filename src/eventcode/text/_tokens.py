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
from typing import NamedTuple

__all__ = ["Token", "normalize", "token_norms", "tokenize"]

_TOKEN = re.compile(
    r"""
      (?:[^\W\d_]\.){2,}(?![^\W\d_])          # U.S. U.N. U.S.A.
    | [^\W\d_]+(?=n['’]t\b)                   # did (n't)
    | n['’]t\b                                # n't
    | ['’]s\b                                 # possessive 's
    | \d+(?:[.,:/]\d+)*[^\W\d_]*               # 1,000 3.5 10:30 1990s 21st
    | [^\W_]+(?:['’](?!s\b)[^\W_]+)*          # words, O'Brien, d'Ivoire
    | \S                                      # anything else, one character
    """,
    re.VERBOSE,
)

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
    return list(_tokenize_cached(text, start, len(text) if end is None else end))


@functools.lru_cache(maxsize=64)
def _tokenize_cached(text: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple(_tokenize(text, start, end))


_NORMS: dict[str, str] = {}
"""Normalised forms of the words seen so far (news vocabulary is small: a dict lookup beats lower/translate)."""
_NORMS_MAX = 200_000
_new = tuple.__new__


def _tokenize(text: str, start: int, end: int) -> list[Token]:
    out: list[Token] = []
    append = out.append
    norms = _NORMS
    if len(norms) > _NORMS_MAX:  # bounded memory on endless streams of new words
        norms.clear()
    find = text.find
    pos = start
    # Only whitespace lies between tokens (``\S`` catches any other character), so each token's offset is
    # where its text next occurs: cheaper than a match object per token.
    for s in _TOKEN.findall(text, start, end):
        a = find(s, pos)
        pos = a + len(s)
        n = norms.get(s)
        if n is None:
            n = norms[s] = normalize(s)
        append(_new(Token, (n, a, pos, s[:1].isupper())))
    return out


def token_norms(text: str) -> tuple[str, ...]:
    """The normalised forms of the tokens of ``text`` (what :func:`tokenize` gives, without offsets)."""
    norms = _NORMS
    out = []
    for s in _TOKEN.findall(text):
        n = norms.get(s)
        if n is None:
            n = norms[s] = normalize(s)
        out.append(n)
    return tuple(out)
