"""End-to-end coding with the built-in dictionaries, on sentences written for these tests."""

from __future__ import annotations

import pytest

import eventcode


def triples(text: str, date: str | None = "2021-06-01") -> list[tuple[str | None, str, str | None]]:
    return [(e.actor.code if e.actor else None, e.action.code, e.target.code if e.target else None)
            for e in eventcode.code(text, date=date)]


def test_foundation_examples() -> None:
    """Invasion, criticism, and a sentence with no event."""
    assert triples("Germany invaded France.") == [("DEU", "192", "FRA")]
    got = triples("The United States criticized Iran.")
    assert [(s, c[:2], t) for s, c, t in got] == [("USA", "11", "IRN")]
    assert triples("The weather in the capital was mild for the season.") == []


@pytest.mark.parametrize(("phrase", "code"), [
    ("Afghan forces", "AFGMIL"), ("U.S. troops", "USAMIL"), ("The Pentagon", "USAMIL"),
    ("The State Department", "USAGOV"), ("Taliban militants", "AFGINS"), ("Police in Kabul", "AFGCOP"),
    ("Iraqi protesters", "IRQOPP"), ("Washington", "USAGOV"), ("Moscow", "RUSGOV"), ("The Kremlin", "RUSGOV"),
    ("Kabul", "AFGGOV"),
])
def test_actors_agents_and_seats_of_power(phrase: str, code: str) -> None:
    """Country + agent combinations and capitals code as documented."""
    got = triples(f"{phrase} condemned the attack on the convoy.")
    assert got and got[0][0] == code, got


def test_dated_roles() -> None:
    """The publication date decides a person's role."""
    assert triples("Joe Biden criticized Iran.", "2019-05-01")[0][0] == "USAELI"
    assert triples("Joe Biden criticized Iran.", "2022-05-01")[0][0] == "USAGOV"


def test_compound_and_symmetric() -> None:
    """Both directions for a signed accord; each source for a joint condemnation."""
    got = triples("Russia and China signed an agreement on energy.")
    assert {(s, t) for s, _, t in got} >= {("RUS", "CHN"), ("CHN", "RUS")}
    got = triples("The US and Britain condemned Iran.")
    assert {(s, t) for s, _, t in got} == {("USA", "IRN"), ("GBR", "IRN")}


def test_passive_negation_reported_speech() -> None:
    """Passive sources, negation and reported speech."""
    got = triples("Six police officers were killed by Taliban militants in Logar.")
    assert ("AFGINS", "1823", "---COP") in got
    assert triples("The Taliban did not attack Afghan forces.") == []
    codes = [c for _, c, _ in triples("Officials said the Afghan army shelled the town.")]
    assert codes and "010" not in codes and all(c.startswith("19") for c in codes)


def test_headlines() -> None:
    """Headlines code as headlines."""
    evs = eventcode.code("US to press Taliban to stop offensive\n\nThe talks went on.", date="2021-08-10")
    assert evs and evs[0].headline and evs[0].actor and evs[0].actor.code == "USA"
    assert evs[0].target and evs[0].target.code == "AFGINS"
    got = triples("Bangladesh rejects Pakistan's claim")
    assert got and got[0][0] == "BGD" and got[0][1].startswith("12")


def test_pronouns_to_previous_sentence() -> None:
    """'He' takes the person named in the sentence before."""
    evs = eventcode.code("Zalmay Khalilzad arrived in Doha on Monday. He met Taliban negotiators.", date="2020-02-10")
    assert any(e.actor and e.actor.text == "He" and e.actor.code == "USAGOV" for e in evs)


def test_discards() -> None:
    """Sports results code no conflict."""
    assert triples("Barcelona crushed Real Madrid 4-0 in the Champions League on Saturday.") == []


def test_boilerplate_codes_nothing() -> None:
    """Page furniture and teasers of other stories code nothing."""
    text = ("Trending\n\nALSO READ: Rebels attack army base in the north\n\nNext Story\n\n"
            "Troops attack rebel base\n")
    assert eventcode.code(text) == []
