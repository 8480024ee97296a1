"""Verb patterns: common news wordings code the right event (invented sentences), roots 06-08 and 10-20."""

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
        # "X said that Y must ...": a demand on Y, sub-coded by what Y must do
        ("The French government said that Iran must stop its attacks.", ("FRA", "10", "IRN")),
        ("Britain insisted that Libya must hand over the two suspects.", ("GBR", "1013", "LBY")),
        ("Canada declared on Monday that Russia must withdraw its troops.", ("CAN", "106", "RUS")),
        # a day or adverb between "demanded" and its clause
        ("Turkish officials demanded Friday that Greece match the offer.", ("TUR", "10", "GRC")),
        ("The union reiterated its demand today that Italy release the prisoners.", ("", "1053", "ITA")),
        # rejections: what the rejected proposal asks for sets the sub-code
        ("Nepal rejected an Indian proposal for signing a free trade agreement.", ("NPL", "1211", "IND")),
        ("Peru rejected a Chilean request to question the prisoners.", ("PER", "121", "CHL")),
        ("Japan rejected a demand by China to sever its alliance with the United States.", ("JPN", "1212", "CHN")),
        ("Iraq is opposed to Turkish mediation in the dispute.", ("IRQ", "126", "TUR")),
        ("The rebels refused to allow UN planes to land in the city.", ("REB", "1245", "IGOUNO")),
        ("Spain refused to commit any assistance to Morocco.", ("ESP", "122", "MAR")),
        # threats
        ("The Catalan parliament threatened on Tuesday to secede from Spain.", ("", "1313", "ESP")),
        ("Hamas threatened to deliver crushing blows to Israel.", ("PSE", "138", "ISR")),
        ("Hezbollah threatened to resume terrorist attacks against Israel.", ("LBN", "1383", "ISR")),
        ("The police chief warned that police will no longer tolerate street protests.", ("COP", "137", None)),
        # rallying opposition, protest forms
        ("A Syrian newspaper called on Arabs to unite against Israel.", ("SYR", "113", "ISR")),
        ("The opposition party began collecting signatures for a referendum.", ("", "140", None)),
        ("Rebels blocked transport into the capital on Tuesday.", ("REB", "144", None)),
        # reduce relations
        ("Japan said it had halted economic aid to Zambia.", ("JPN", "1621", "ZMB")),
        ("The United States suspended part of a military aid program for Mali.", ("USA", "1622", "MLI")),
        ("Iran failed to reach a deal with the European Union on Sunday.", ("IRN", "164", "IGOEEC")),
        ("Sudan forced Oxfam out of the country last year.", ("SDN", "166", "NGO")),
        # force
        ("Iraq mounted a full-scale invasion of Kuwait.", ("IRQ", "192", "KWT")),
        ("Soldiers forced out hundreds of villagers from their homes.", ("MIL", "201", None)),
    ],
)
def test_root_10_20_wordings(text: str, expected: tuple[str, str, str | None]) -> None:
    """A common news wording of a root 10-20 event codes that event, with its source and target."""
    src, code, tgt = expected
    events = _codes(text)
    hits = [
        e for e in events
        if e[1].startswith(code) and src in e[0] and (tgt is None or (e[2] is not None and tgt in e[2]))
    ]
    assert hits, events


@pytest.mark.parametrize(
    "text",
    [
        "The minister said that talks must continue next week.",
        "Iran failed to reach a deal.",
        "The company collected its payments on time.",
        "The court threatened on Monday to fine the newspaper.",
    ],
)
def test_no_false_events(text: str) -> None:
    """Near-misses of the new wordings code no demand, mass expulsion, halted talks or secession threat."""
    codes = [c for _, c, _ in _codes(text)]
    assert not any(c.startswith(("10", "164", "201", "1313", "140")) for c in codes), codes


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
def test_root_06_08_wordings(text: str, expected: tuple[str, str, str | None]) -> None:
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
