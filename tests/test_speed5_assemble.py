"""The shared per-sentence work of the assembly stage gives what the separate steps gave."""

from __future__ import annotations

import itertools

import pytest

from eventcode.grammar._assemble import _MATERIAL_ROOTS, _kept
from eventcode.records import Action
from eventcode.text import tokenize
from eventcode.text._tokens import tokenize_with_norms


@pytest.mark.parametrize("text", [
    "", "   ", "Afghan soldiers killed 12 Taliban fighters in Kandahar on Tuesday.",
    "U.S. officials didn't say; O'Brien's team met in Côte d'Ivoire — “again”.", "a brand-new word: zyxqvw",
])
def test_tokenize_with_norms(text: str) -> None:
    for start, end in ((0, len(text)), (min(2, len(text)), len(text))):
        tokens, norms = tokenize_with_norms(text, start, end)
        assert tokens == tokenize(text, start, end)
        assert norms == tuple(t.norm for t in tokens)


def _old_kept(req: str, has_s: bool, has_t: bool, root: str) -> bool:
    """The test as it was written before (in the pairs loop)."""
    return not ((req == "both" and not (has_s and has_t)) or (req == "source" and not has_s) or (
        req == "either" and not (has_s or has_t)) or (req == "material" and not (
            has_s or has_t or root in _MATERIAL_ROOTS)))


@pytest.mark.parametrize("code", ["010", "190", "042"])
def test_kept_matches_the_require_rules(code: str) -> None:
    action = Action.from_code(code)
    for req, has_s, has_t in itertools.product(("none", "material", "either", "source", "both"), (False, True),
                                               (False, True)):
        assert _kept(req, has_s, has_t, action) == _old_kept(req, has_s, has_t, action.root)
