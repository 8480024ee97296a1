"""The tables the pattern compiler shares between patterns and the engine's shortcuts give what plain work gives."""

from __future__ import annotations

import pickle

import pytest

import eventcode
from eventcode.lexicon._compile import ONE_WORD, CompiledLexicon, CompiledPattern

FORMS = ("said", "demonstrated", "killed", "attacked", "seized", "urged", "met", "attack", "talks")


@pytest.fixture(scope="module")
def lex() -> CompiledLexicon:
    return eventcode.Coder().compiled


def _patterns(lex: CompiledLexicon) -> list[CompiledPattern]:
    return [cp for form in FORMS if form in lex.verbs for cp in lex.verbs[form]]


def test_shared_shapes_match_the_elements(lex: CompiledLexicon) -> None:
    for cp in _patterns(lex):
        kinds = [el.kind for el in cp.after]
        assert len(cp.starts) == len(kinds) + 1 and len(cp.reach) == len(kinds) == len(cp.rest_keys) - 1
        assert cp.needs == tuple(frozenset(el.firsts) for el in cp.after if el.kind == "lit" and el.firsts)
        assert cp.source_after == ("source" in kinds and "target" not in kinds and "target!" not in kinds)
        for k, reach in enumerate(cp.reach):
            if reach is not None:  # a run of gaps and optional elements before a literal
                assert kinds[k] in ("gap", "opt")
                assert "lit" in kinds[k:]
        for el in cp.after:
            for rests in el.firsts.values():
                assert (rests is ONE_WORD) == (rests == ((),))


def test_one_word_survives_pickling(lex: CompiledLexicon) -> None:
    verbs = pickle.loads(pickle.dumps({form: lex.verbs[form] for form in FORMS if form in lex.verbs}))
    seen = 0
    for pats in verbs.values():
        for cp in pats:
            for el in cp.after:
                for rests in el.firsts.values():
                    if rests == ((),):
                        assert rests is ONE_WORD
                        seen += 1
    assert seen


def test_verbs_and_nouns_lists(lex: CompiledLexicon) -> None:
    for form in FORMS:
        pats = lex.verbs.get(form)
        if pats is None:
            continue
        assert list(pats.verbs()) == [cp for cp in pats if not cp.entry.noun_head]
        assert list(pats.nouns()) == [cp for cp in pats if cp.entry.noun_head]
        tokens = ["the", "police", "in", "the", "capital", "on", "friday", "against", "the", "law", "."]
        for after in range(len(tokens)):
            want = [cp for cp in pats.verbs() if (cp.first is None or tokens[after] in cp.first)
                    and all(not set(tokens[after:]).isdisjoint(need) for need in cp.needs)]
            assert pats.verbs().matchable(tokens[after], tokens[after:]) == want


def test_coding_is_the_same_after_pickling() -> None:
    coder = eventcode.Coder()
    text = ("Police in Cairo arrested 20 protesters on Monday. Iran urged the United States to lift the sanctions, "
            "and the two sides met in Geneva.")
    before = coder.code(text, date="2021-03-01")
    again = pickle.loads(pickle.dumps(coder))
    assert again.code(text, date="2021-03-01") == before
