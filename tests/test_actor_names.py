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
        ("Jobbik staged a rally outside the parliament in Budapest.", "HUNPTY", "Jobbik"),
        ("The Tisza party led the latest opinion poll.", "HUNPTY", "Tisza party"),
        ("Konfederacja refused to back the budget.", "POLPTY", "Konfederacja"),
        ("Golden Dawn members were convicted in Athens.", "GRCPTY", "Golden Dawn"),
        ("The LDK joined the governing coalition in Pristina.", "XKXPTY", "Democratic League of Kosovo"),
        ("Dashnaktsutyun organised a march in Yerevan.", "ARMPTY", "Armenian Revolutionary Federation"),
        ("The Shor Party called supporters onto the streets of Chisinau.", "MDAPTY", "Shor Party"),
        ("The Proud Boys gathered outside the courthouse.", "USARAD", "Proud Boys"),
        ("The Congressional Black Caucus endorsed the bill.", "USAPTY", "Congressional Black Caucus"),
        ("The Bloc Quebecois voted against the motion in Ottawa.", "CANPTY", "Bloc Quebecois"),
        ("The PAN filed a complaint against the governor.", "MEXPTY", "National Action Party"),
        ("CJNG gunmen ambushed a convoy in Michoacan.", "MEXCRM", "Jalisco New Generation Cartel"),
        ("Segunda Marquetalia rejected the ceasefire offer.", "COLREB", "Segunda Marquetalia"),
        ("The Cali Cartel bribed local officials.", "COLCRM", "Cali Cartel"),
        ("Voluntad Popular called for new elections in Caracas.", "VENOPP", "Popular Will"),
        ("Comando Vermelho fought police in a Rio favela.", "BRACRM", "Red Command"),
        ("Viv Ansanm blocked the road to the airport in Port-au-Prince.", "HTICRM", "Viv Ansanm"),
        ("The IPCC published a new assessment on Monday.", "IGOUNOENV", "Intergovernmental Panel on Climate Change"),
        ("The ICTR sentenced the former mayor to life.", "IGOUNOJUD", "International Criminal Tribunal for Rwanda"),
        ("UNFICYP reported a violation of the buffer zone.", "IGOUNOMIL", "UNFICYP"),
        ("Frontex rescued migrants off Lampedusa.", "IGOEECCOP", "Frontex"),
        ("Mercy Corps delivered food to the camp.", "NGODEV", "Mercy Corps"),
        ("The NSA intercepted the calls.", "USASPY", "National Security Agency"),
        ("Rosneft raised its output forecast.", "RUSBUS", "Rosneft"),
        ("Mossad recruited the informant in Vienna.", "ISRSPY", "Mossad"),
        ("The TDF shelled a town south of Mekelle.", "ETHREB", "Tigray Defense Forces"),
        ("OAPEC ministers met in Kuwait.", "IGOOPC", "Organization of Arab Petroleum Exporting Countries"),
        ("The Syrian National Council elected a new chairman.", "SYROPP", "Syrian National Council"),
    ],
)
def test_split_entry_names(text: str, code: str, name: str) -> None:
    """A phrase from a formerly lumped entry codes as before and carries its own organisation's name."""
    assert _first(text) == (code, name)


def test_synonyms_share_one_name() -> None:
    """An organisation's full name and acronym still resolve to the same entry name."""
    assert _first("The Democratic Progressive Party met in Taipei.") == _first("The DPP met in Taipei.")
    assert _first("Daesh fighters attacked the town.")[1] == "Islamic State"


def test_split_organisations_get_different_names() -> None:
    """Two organisations from one former entry, named in one sentence, carry two different names."""
    actors = eventcode.find_actors("The Sinaloa Cartel clashed with Los Zetas near the border.", date=DATE)
    assert [(a.code, a.name) for a in actors] == [("MEXCRM", "Sinaloa Cartel"), ("MEXCRM", "Los Zetas")]


def test_second_round_synonyms_share_one_name() -> None:
    """Acronyms and translations kept together after the second round still resolve to one entry name."""
    assert _first("ELN rebels bombed a pipeline.")[1] == _first("The National Liberation Army bombed a pipeline.")[1]
    assert _first("The Movimiento al Socialismo won the vote.")[1] == "Movement for Socialism"
    assert _first("The UNHCR opened a new office.")[1] == _first("The UN refugee agency opened a new office.")[1]
