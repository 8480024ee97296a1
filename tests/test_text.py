"""Sentence splitting and tokenizing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventcode.text import split_sentences, tokenize


def _sentences(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    """'U.S.', 'Gen.' and 'No.' inside a sentence do not split it."""
    text = "The U.S. military said Gen. Smith met the No. 2 official. The talks ended."
    assert [t for _, t in _sentences(text)] == [
        "The U.S. military said Gen. Smith met the No. 2 official.",
        "The talks ended.",
    ]


def test_sentence_ending_in_abbreviation() -> None:
    """'the U.S.' followed by a sentence starter does end the sentence."""
    text = "Troops were sent by the U.S. The Taliban denied it."
    assert len(_sentences(text)) == 2


def test_headlines_and_boilerplate() -> None:
    """A title line is a headline; page furniture is boilerplate."""
    text = (
        "Latest News\n\nRebels seize border town after week of fighting\n\nPublished\n\non\n\n"
        "(Last Updated On: March 24, 2021)\n\nThe army lost control of the town on Monday.\n\n"
        "ALSO READ: Storm floods the capital\n\nTrending\n\nMinister resigns over scandal\n"
    )
    kinds = _sentences(text)
    assert kinds[1] == ("headline", "Rebels seize border town after week of fighting")
    assert ("sentence", "The army lost control of the town on Monday.") in kinds
    for kind, t in kinds:
        if t in ("Latest News", "Published", "on", "ALSO READ: Storm floods the capital", "Trending",
                 "Minister resigns over scandal", "(Last Updated On: March 24, 2021)"):
            assert kind == "boilerplate", t


def test_tokens_keep_offsets_and_normalise() -> None:
    """Tokens point into the text; their normal form is lower case without accents."""
    text = "Côte d’Ivoire’s army didn't fire."
    toks = tokenize(text)
    assert [t.norm for t in toks] == ["cote", "d'ivoire", "'s", "army", "did", "n't", "fire", "."]
    for t in toks:
        assert text[t.start : t.end]


@given(st.text(max_size=300))
def test_offsets_always_in_text(text: str) -> None:
    """For any string, sentences and tokens lie inside the text, in order."""
    last = 0
    for s in split_sentences(text):
        assert 0 <= s.start <= s.end <= len(text)
        assert s.start >= last
        last = s.end
        for t in tokenize(text, s.start, s.end):
            assert s.start <= t.start < t.end <= s.end


def test_split_again_gives_an_independent_equal_list() -> None:
    """Splitting the same text again (a batch counts what it coded) gives equal sentences in a list of its own."""
    text = "Germany invaded France. Britain protested on Monday.\n\nA second paragraph."
    first = split_sentences(text)
    first.clear()
    again = split_sentences(text)
    assert len(again) == 3
    assert again == split_sentences("".join(list(text)))  # an equal text in another object: split afresh
