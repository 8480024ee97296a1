"""Verb patterns of violence, security and protest events (roots 14-20), on invented wire-style sentences."""

from __future__ import annotations

import pytest

import eventcode


def _codes(text: str) -> list[str]:
    return [e.action.code for e in eventcode.code(text, date="2021-01-01")]


def _located(text: str) -> list[tuple[str, str | None]]:
    return [
        (e.action.code, e.location.text if e.location else None)
        for e in eventcode.code(text, date="2021-01-01")
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # patrols by troops, police, warships
        ("Armed soldiers patrolled the streets of Kandahar on Tuesday.", "150"),
        ("Two frigates are patrolling the waters off the Yemeni coast.", "150"),
        ("Peacekeepers will patrol the buffer zone near the border.", "150"),
        ("The navy carried out armed patrols in the strait.", "150"),
        # deployments told in the passive, the force as subject
        ("Extra troops were deployed in the northern province of Kunduz.", "154"),
        ("Hundreds of riot police were deployed outside the stadium.", "153"),
        # the bomb as subject of explode / detonate / go off
        ("A bomb exploded outside a bank in Karachi on Monday.", "183"),
        ("Two homemade bombs went off near a bus station in Manipur.", "183"),
        ("A powerful bomb was detonated next to the courthouse in Izmir.", "183"),
        ("A car bomb exploded near an army checkpoint in Benghazi.", "1832"),
        ("A roadside bomb detonated beside a police vehicle in Helmand.", "1833"),
        ("The bandits detonated dynamite at a mining office in Sonora.", "183"),
        # the violent act named as what happened
        ("The bombing took place near a crowded bus terminal in Peshawar.", "183"),
        ("The shooting occurred at a nightclub in Orlando.", "180"),
        ("Heavy fighting broke out between two militias in Benghazi.", "190"),
        ("Clashes erupted between herders and farmers in Plateau State.", "190"),
        ("The ambush took place on a mountain road near Dir.", "190"),
        # an offensive pressed on with, and military targets
        ("Government forces pressed on with their offensive near Idlib.", "190"),
        ("Jets targeted the rebel countryside of Latakia overnight.", "190"),
        # marches
        ("Some 20,000 workers marched through the streets of Lisbon.", "141"),
        ("Students marched from the campus to the ministry in Dhaka.", "141"),
        ("The crowd marched peacefully to the square in Kiev.", "141"),
        # aircraft as the subject of an attack: aerial weapons (the class word inside the actor's name)
        ("Russian warplanes pounded rebel positions near Hama.", "195"),
        ("The Turkish Air Force killed dozens of militants in northern Iraq.", "195"),
        ("A US drone killed three militants in North Waziristan.", "1952"),
        ("A suicide bomber killed 20 people at a market in Kabul.", "1831"),
        # protesters who clash with police riot (145), not a military clash (190)
        ("Hundreds of protesters clashed with riot police in Nairobi.", "145"),
    ],
)
def test_violence_patterns_code(text: str, code: str) -> None:
    """Each invented report of violence, force or protest codes its CAMEO event."""
    assert code in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Oil prices exploded after the announcement.",
        "The audience exploded with laughter at the premiere.",
        "Her alarm went off at six in the morning.",
        "A fire broke out in a textile factory near Dhaka.",
        "The meeting took place in Geneva on Tuesday.",
        "The retailer is targeting the suburbs of Chicago with new stores.",
        "The students marched up on stage to collect their diplomas.",
        "The company deployed new software in its offices in Berlin.",
    ],
)

def test_violence_patterns_false_positives(text: str) -> None:
    """Figurative explosions, accidents, meetings and business wording code no violence or force event."""
    assert not [c for c in _codes(text) if c[:2] in {"14", "15", "17", "18", "19", "20"}]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Taliban fighters killed five soldiers in Kunduz.", "195"),
        ("A suicide bomber killed 20 people in Kabul.", "195"),
        ("His fighter jet was hit by a missile over Bosnia.", "195"),
        ("Police said the suicide bomber was killed by guards.", "1831"),
    ],
)
def test_aircraft_words_that_are_not_an_air_attack(text: str, code: str) -> None:
    """'fighters' are people, and an aircraft hit by a missile or a bomber killed by guards is the patient."""
    assert code not in _codes(text), _codes(text)


def test_bomb_subject_event_gets_location() -> None:
    """A bomb that exploded in a named town gives the event that town as its location."""
    assert ("183", "Quetta") in _located("A bomb exploded near a mosque in Quetta on Friday.")


def test_patrol_noun_is_not_a_patrol_event() -> None:
    """'A patrol was ambushed' is an ambush (190), not a patrol (150)."""
    codes = _codes("A patrol was ambushed near Kandahar.")
    assert "190" in codes and "150" not in codes
