"""Verb patterns of CAMEO roots 06-08 (cooperation, aid, yielding): common news wordings code the right event."""

from __future__ import annotations

import pytest

import eventcode


def _codes(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (e.actor.code if e.actor else "", e.action.code, e.target.code if e.target else None)
        for e in eventcode.code(text, date="2021-01-01")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known actor set free, active and passive
        ("The rebels released two Kenyan soldiers on Friday.", ("---REB", "0841", "KENMIL")),
        ("Dozens of political prisoners were released in Minsk.", ("", "0841", "---OPP")),
        # tariffs undone are eased sanctions, not imposed ones
        ("Canada cut tariffs on Chinese steel last week.", ("CAN", "085", "CHN")),
        ("Mexico rolled back tariffs on American corn.", ("MEX", "085", "USA")),
        # medical staff sent abroad, troops arriving for a peacekeeping mission
        ("Cuba sent health workers to Peru.", ("CUB", "073", "PER")),
        ("Irish troops arrived in Lebanon to join the UN peacekeeping mission.", ("IRLMIL", "074", "LBN")),
        # exercises held with another army: military cooperation (062), both ways; alone: a show of force (150)
        ("China held naval drills with Russia on Monday.", ("RUS", "062", "CHN")),
        ("Iran held naval drills in the Gulf.", ("IRN", "150", None)),
    ],
)
def test_common_wordings(text: str, expected: tuple[str, str, str | None]) -> None:
    """Each sentence codes the expected (source, event code, target) among its events."""
    assert expected in _codes(text), _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "A video released by the rebels shows the burned village.",
        "The report was released by Amnesty International on Monday.",
    ],
)
def test_release_of_a_thing_is_no_release_of_persons(text: str) -> None:
    """A video or report released by an actor codes no 0841."""
    assert not [c for c in _codes(text) if c[1] == "0841"], _codes(text)
