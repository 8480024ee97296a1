"""Actor entries that once lumped several organisations under one name now name each organisation."""

from __future__ import annotations

import pytest

import eventcode

DATE = "2021-06-01"


def _first(text: str) -> tuple[str, str]:
    actors = eventcode.find_actors(text, date=DATE)
    assert actors, text
    return actors[0].code, actors[0].name


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("Yesh Atid walked out of the coalition talks in Jerusalem.", "ISRPTY", "Yesh Atid"),
        ("Kahol Lavan voted against the budget bill.", "ISRPTY", "Blue and White"),
        ("The HDP boycotted the session in Ankara.", "TURPTY", "Peoples' Democratic Party"),
        ("The MHP backed the motion in parliament.", "TURPTY", "Nationalist Movement Party"),
        ("The DPP won the mayoral race in Kaohsiung.", "TWNPTY", "Democratic Progressive Party"),
        ("The KMT chose a new chairman on Sunday.", "TWNPTY", "Kuomintang"),
        ("JUI-F leaders marched towards the capital.", "PAKPTY", "Jamiat Ulema-e-Islam"),
        ("The Awami National Party condemned the bombing.", "PAKPTY", "Awami National Party"),
        ("Ahrar al-Sham shelled a village near Idlib.", "SYRREB", "Ahrar al-Sham"),
        ("Jaysh al-Islam withdrew from Douma.", "SYRREB", "Jaish al-Islam"),
        ("Asaib Ahl al-Haq threatened the embassy.", "IRQUAF", "Asaib Ahl al-Haq"),
        ("The PFLP claimed the attack near Ramallah.", "PSEINS", "Popular Front for the Liberation of Palestine"),
        ("Abu Sayyaf kidnapped two fishermen off Jolo.", "PHLINS", "Abu Sayyaf"),
        ("The EPA tightened the rules on power plants.", "USAGOV", "Environmental Protection Agency"),
        ("The SEC fined the brokerage on Tuesday.", "USAGOV", "Securities and Exchange Commission"),
        ("Elbit Systems signed a contract with the army.", "ISRBUS", "Elbit"),
        ("Reform UK topped the poll in the county.", "GBRPTY", "Reform UK"),
        ("Die Linke demanded a rent freeze.", "DEUPTY", "The Left party"),
    ],
)
def test_split_entry_names(text: str, code: str, name: str) -> None:
    """A phrase from a formerly lumped entry codes as before and carries its own organisation's name."""
    assert _first(text) == (code, name)


def test_synonyms_share_one_name() -> None:
    """An organisation's full name and acronym still resolve to the same entry name."""
    assert _first("The Democratic Progressive Party met in Taipei.") == _first("The DPP met in Taipei.")
    assert _first("Daesh fighters attacked the town.")[1] == "Islamic State"
