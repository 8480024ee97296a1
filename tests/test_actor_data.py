"""Actor dictionary and place stop-list entries: people, entry names, shared group names, place false positives."""

from __future__ import annotations

import pytest

import eventcode


def _actor(text: str, date: str) -> tuple[str | None, str | None]:
    acts = [a for a in eventcode.find_actors(text, date=date) if a.name]
    assert acts, text
    return acts[0].code, acts[0].name


@pytest.mark.parametrize(("text", "date", "code", "name"), [
    ("Ronald Reagan flew to Ottawa for a meeting.", "1984-03-02", "USAGOV", "Ronald Reagan"),
    ("Mitterand spoke to reporters in Lyon.", "1990-05-04", "FRAGOV", "François Mitterrand"),
    ("Omar El Bashir addressed a rally in Khartoum.", "2003-02-10", "SDNGOV", "Omar al-Bashir"),
    ("Omar Hassan al-Bashir addressed a rally.", "2003-02-10", "SDNGOV", "Omar al-Bashir"),
    ("King Hassan received the envoy in Rabat.", "1991-07-01", "MARGOV", "King Hassan II"),
    ("Prosper Avril promised elections.", "1989-05-01", "HTIGOV", "Prosper Avril"),
    ("Anwar el-Sadat flew to Jerusalem.", "1977-11-19", "EGYGOV", "Anwar Sadat"),
    ("Chun Doo-hwan visited a factory.", "1985-04-01", "KORGOV", "Chun Doo-hwan"),
])
def test_heads_of_state_and_spellings(text: str, date: str, code: str, name: str) -> None:
    """Leaders of the 1980s and common spelling variants code the right person and role on the date."""
    assert _actor(text, date) == (code, name)


def test_dated_roles_end() -> None:
    """Before or after office a leader is an elite, not the government."""
    assert _actor("Ronald Reagan gave a speech in Ohio.", "1979-06-01")[0] == "USAELI"
    assert _actor("Helmut Kohl attacked the coalition.", "1980-06-01")[0] == "DEUOPP"


@pytest.mark.parametrize(("text", "name"), [
    ("Yoruba elders criticised the plan.", "Yoruba"),
    ("The Washington Post printed the letter.", "Washington Post"),
    ("Igbo traders protested in the market.", "Igbo"),
    ("Zulu chiefs met in the hall.", "Zulu"),
])
def test_entry_name_names_the_phrase(text: str, name: str) -> None:
    """An entry's name (its first phrase) names what the matched phrase names, not another member of a lump."""
    assert _actor(text, "2001-01-01")[1] == name


def test_maoists_take_the_named_country() -> None:
    """Maoist rebels are not Indian by default: a country named with them decides."""
    assert _actor("Maoist rebels in Nepal ambushed a patrol.", "2003-01-01")[0] == "NPLREB"
    assert [a.code for a in eventcode.find_actors("Maoist rebels ambushed a patrol.", date="2003-01-01")] == ["---REB"]
    assert _actor("Nepalese Maoists ambushed a patrol.", "2003-01-01")[0] == "NPLINS"
    assert _actor("Nepalese Maoists joined the cabinet.", "2008-09-01")[0] == "NPLPTY"


@pytest.mark.parametrize("text", [
    "A designer at Hermes said the show had gone well.",
    "He parked his Mercedes near the embassy.",
    "Veterans gathered in the Battle of the Bulge museum.",
    "Television crews filmed Prince Charles at the ceremony.",
    "The new Omega watch was shown in a shop window.",
])
def test_brands_words_and_people_are_not_places(text: str) -> None:
    """Brand names, common words and people's names that are also small towns are not found as places."""
    assert [p.text for p in eventcode.find_places(text)] == []


def test_sizeable_brand_towns_still_found_in_place_context() -> None:
    """A real town with a brand's name is still a place in a strict place context."""
    assert [p.text for p in eventcode.find_places("Floods hit the town of Mercedes on Monday.")] == ["Mercedes"]


@pytest.mark.parametrize(("text", "code"), [
    ("Maoists in Nepal stormed a district office.", "NPLINS"),
    ("Maoists from Peru stormed a district office.", "PERINS"),
])
def test_group_of_no_country_placed_by_in_country(text: str, code: str) -> None:
    """A group with no country of its own takes the country that "in/from" links to it."""
    events = eventcode.code(text, date="2004-06-01")
    assert events and events[0].actor is not None
    assert events[0].actor.code == code


def test_group_placed_only_by_a_linked_country() -> None:
    """Without a linked country the group keeps its unknown root."""
    events = eventcode.code("Maoists stormed a district office.", date="2004-06-01")
    assert events and events[0].actor is not None
    assert events[0].actor.code == "---INS"
