"""The precomputed lookup tables of the actor scan and the pattern index give the same answers as plain searches."""

from __future__ import annotations

import pytest

import eventcode
from eventcode.lexicon._compile import CompiledLexicon
from eventcode.mentions.actors import RawMention, scan
from eventcode.text import Token, tokenize

SENTENCES = [
    "Al-Qaeda and al-Shabab fighters attacked the town, while Islamic State militants fled.",
    "The Islamic State of Iraq and the Levant claimed the attack on United Nations peacekeepers.",
    "Members of the Syrian Arab Army and the armed forces of the Republic of Korea met in Seoul.",
    "Pro-government militias and anti-Taliban forces clashed near Kabul on Monday.",
    "al",
    "Al -",
]


def _plain_scan(tokens: list[Token], text: str, lex: CompiledLexicon) -> tuple[list[RawMention], bool]:
    """The scan over the phrase index itself: longest first, left to right."""
    norms = [t.norm for t in tokens]
    found: list[RawMention] = []
    discard = False
    i = 0
    while i < len(tokens):
        cands = (lex.phrases.get(" ".join(norms[i : i + 2]), []) if i + 1 < len(tokens) else []) + lex.phrases.get(
            norms[i], [])
        step = 1
        for c in cands:
            if tuple(norms[i + 1 : i + c.length]) != c.rest:
                continue
            if c.exact is not None and any(
                    text[tokens[i + x].start : tokens[i + x].end] != w for x, w in enumerate(c.exact)):
                continue
            if c.kind == "discard":
                discard = True
            else:
                found.append(RawMention(i, i + c.length, c))
                step = c.length
            break
        i += step
    return found, discard


@pytest.fixture(scope="module")
def lex() -> CompiledLexicon:
    return eventcode.Coder().compiled


@pytest.mark.parametrize("text", SENTENCES)
def test_scan_matches_plain_scan(lex: CompiledLexicon, text: str) -> None:
    tokens = tokenize(text)
    assert scan(tokens, text, lex) == _plain_scan(tokens, text, lex)


def test_matchable_is_a_filter_of_the_patterns(lex: CompiledLexicon) -> None:
    tokens = [t.norm for t in tokenize("troops in the capital on Friday against the new law and the police")]
    for form in ("demonstrated", "killed", "attacked", "seized"):
        pats = lex.verbs[form]
        for after in range(len(tokens)):
            got = pats.matchable(tokens[after], tokens[after : after + 24])
            ahead = set(tokens[after : after + 24])
            want = [cp for cp in pats if (cp.first is None or tokens[after] in cp.first)
                    and all(not ahead.isdisjoint(need) for need in cp.needs)]
            assert got == want
            assert pats.matchable(tokens[after], tokens[after : after + 24]) == want  # (remembered lists)
