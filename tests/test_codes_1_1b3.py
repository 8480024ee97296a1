"""CAMEO 1.1b3 codes missing from GDELT's table (1213, 1214, 155, 176, 1951, 1952): in the codebook, and coded."""

from __future__ import annotations

import pytest

import eventcode
from eventcode.codebook import lookup_event_code


@pytest.mark.parametrize(("code", "goldstein", "quad"), [
    ("1213", -4.0, 3), ("1214", -4.0, 3), ("155", -7.2, 4), ("176", -9.0, 4), ("1951", -10.0, 4),
    ("1952", -10.0, 4),
])
def test_codes_in_the_codebook(code: str, goldstein: float, quad: int) -> None:
    """Each code has its name, its parent's Goldstein value and its root's QuadClass."""
    ec = lookup_event_code(code)
    assert ec.name and ec.goldstein == goldstein and ec.quad_class == quad


@pytest.mark.parametrize(("text", "code"), [
    ("Russian hackers launched a cyberattack against Ukraine on Friday.", "176"),
    ("Hackers hacked into the computers of the South Korean army.", "176"),
    ("North Korea has trained hundreds of hackers.", "155"),
    ("Militants were killed in a drone strike in Yemen on Sunday.", "1952"),
    ("Pakistan refused to share intelligence with India.", "1214"),
    ("Serbia rejected a Dutch request to extradite the commander.", "1213"),
])
def test_codes_coded(text: str, code: str) -> None:
    """A common news wording of each code codes it."""
    assert code in [e.action.code for e in eventcode.code(text, date="2021-03-01")]
