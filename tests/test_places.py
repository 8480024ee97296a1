"""Place mentions: the gazetteer, ambiguity, false positives, and the event's location."""

from __future__ import annotations

import pathlib
import pickle
import subprocess
import sys
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventcode
from eventcode.mentions.location import event_location
from eventcode.mentions.places import default_gazetteer, find_places, name_key

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.text, p.country, p.feature) for p in find_places(text)]


def _texts(text: str) -> list[str]:
    return [p.text for p in find_places(text)]


def test_countries_and_common_names() -> None:
    """Countries are found by their ISO, GeoNames and everyday names."""
    got = _places("Britain, the US, Russia and Ivory Coast met in Bosnia.")
    assert got == [
        ("Britain", "GBR", "country"),
        ("US", "USA", "country"),
        ("Russia", "RUS", "country"),
        ("Ivory Coast", "CIV", "country"),
        ("Bosnia", "BIH", "country"),
    ]


def test_us_is_case_sensitive() -> None:
    """'US' and 'U.S.' are the United States; 'us' never is."""
    assert _texts("Let us hope the U.S. and the US agree.") == ["U.S.", "US"]


def test_divisions_without_diacritics() -> None:
    """First-level divisions match without their diacritics, with 'province' taken into the mention."""
    got = _places("Clashes spread from Logar to Helmand province and Khyber Pakhtunkhwa.")
    assert got == [
        ("Logar", "AFG", "admin1"),
        ("Helmand province", "AFG", "admin1"),
        ("Khyber Pakhtunkhwa", "PAK", "admin1"),
    ]


def test_city_record_fields() -> None:
    """A city carries coordinates, a GeoNames id, its division and its country."""
    (kabul,) = find_places("A bomb exploded in Kabul.")
    assert kabul.feature == "city" and kabul.country == "AFG"
    assert kabul.geonames_id is not None and kabul.admin1 is not None
    assert kabul.latitude is not None and 34 < kabul.latitude < 35
    assert kabul.longitude is not None and 69 < kabul.longitude < 70


def test_spellings_and_punctuation() -> None:
    """Hyphens, apostrophes and articles do not stop a match."""
    assert [p.country for p in find_places("Fighting in al-Bab, Mazar-e-Sharif and Sana'a.")] == ["SYR", "AFG", "YEM"]


def test_ambiguity_by_context() -> None:
    """Georgia, Hyderabad and Punjab follow the countries the text names."""
    assert find_places("Georgia said troops left Tbilisi.")[0].country == "GEO"
    assert find_places("Storms hit Georgia; Atlanta lost power across the United States.")[0].country == "USA"
    assert find_places("Police in Hyderabad, India, arrested two men.")[0].country == "IND"
    assert find_places("Police in Hyderabad arrested two men, Pakistan said.")[0].country == "PAK"
    assert find_places("Floods hit Punjab, Pakistani officials said in Pakistan.")[0].country == "PAK"


def test_ambiguity_by_rank_and_kind() -> None:
    """Without context the capital beats the state and the city beats the province, unless the text says which."""
    assert find_places("He flew to Washington.")[0].feature == "city"
    assert find_places("Militants entered Kandahar.")[0].feature == "city"
    got = find_places("Militants entered Kandahar province.")[0]
    assert (got.feature, got.text) == ("admin1", "Kandahar province")


@pytest.mark.parametrize(
    "text",
    [
        "Reading the report, he said the mobile police were nice.",
        "Police said March was a bad month for the Victoria line.",
        "Afghan and Iraqi officials met Syrian envoys.",
        "Michael Jordan and Kerry Washington watched.",
        "The President Obama administration spoke.",
        "May I ask?",
        "Al Qaeda and the Taliban claimed it.",
    ],
)
def test_not_places(text: str) -> None:
    """Common words, people's names, nationality adjectives and organisations are not places."""
    assert _texts(text) == []


def test_common_word_places_in_context() -> None:
    """A place named like a common word counts in a strict place context."""
    assert _texts("He grew up in Mobile, Alabama, and studied in Reading.") == ["Mobile", "Alabama", "Reading"]


def test_small_towns_need_context() -> None:
    """Small towns and unknown names are found in place constructions."""
    assert "Kinsibba" in _texts("Shelling hit the village of Kinsibba at dawn.")
    assert "Tarnak" in _texts("Gunmen raided the Tarnak district on Friday.") or \
        "Tarnak district" in _texts("Gunmen raided the Tarnak district on Friday.")
    assert _texts("The Thardeh Mountains fell.") == ["Thardeh Mountains"]


@pytest.mark.parametrize(
    "text",
    ["Gunmen invaded Zorbadia village in Zurmi on Friday.", "Herdsmen attacked Zorbadia village at dawn.",
     "Troops stormed the Zorbadia district overnight.", "The army pressed on, targeting the Zorbadia district."],
)
def test_unknown_settlement_after_a_verb_of_attack(text: str) -> None:
    """'attacked X village', 'invaded X village': the place noun makes the unknown name a place."""
    assert "Zorbadia" in _texts(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [("A car bomb exploded in the Al-Maalif neighbourhood on Monday.", "Al-Maalif"),
     ("He was shot dead in the al-Tarikh area of Jiddah.", "al-Tarikh"),
     ("Troops patrolled the Liaquatabad district in central Karachi.", "Liaquatabad"),
     ("He was shot in the Ein el-Hilweh refugee camp.", "Ein el-Hilweh"),
     ("Rebels entered the town of al-Rai in northern Aleppo.", "al-Rai")],
)
def test_unknown_name_with_its_article_before_a_place_noun(text: str, name: str) -> None:
    """'the Al-Maalif neighbourhood': the Arabic article joined by a hyphen is part of the unknown name."""
    assert name in _texts(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [("Soldiers entered a township called Mabvuku overnight.", "Mabvuku"),
     ("The bodies were found in an area known as El Tablazo.", "El Tablazo"),
     ("A man named Ahmed was arrested.", None),
     ("The group, known as Hamas, issued a statement.", None)],
)
def test_a_place_noun_then_its_name(text: str, found: str | None) -> None:
    """'a township called X', 'an area known as X' name a place; 'a man named X', 'the group, known as X' do not."""
    names = _texts(text)
    assert (found in names) if found else names == []


@pytest.mark.parametrize(
    ("text", "found"),
    [("Civilians in Kafr Nabuda expelled the militants.", "Kafr Nabuda"),
     ("Rebels launched an offensive to take back Wadi Barada.", "Wadi Barada"),
     ("The army shelled Tal Hamis on Monday.", "Tal Hamis"),
     ("Wadi said he would resign.", None)],
)
def test_arabic_place_words_open_place_names(text: str, found: str | None) -> None:
    """'Kafr X', 'Wadi X', 'Tal X' (village, valley, hill) name places; the word alone is no place."""
    names = _texts(text)
    assert (found in names) if found else names == []


@pytest.mark.parametrize(
    ("text", "found"),
    [("He was wounded at a rally at Highfield, a Harare township, on Monday.", "Highfield"),
     ("Two bombs exploded in Bayaa, a Sunni and Shiite neighbourhood of the capital.", "Bayaa"),
     ("Ten people were killed in an attack in Kapedo, Baringo county.", "Kapedo")],
)
def test_unknown_name_then_an_apposition_that_calls_it_a_place(text: str, found: str) -> None:
    """'in X, a Harare township', 'in X, a Sunni and Shiite neighbourhood', 'in X, Baringo county'."""
    assert found in _texts(text)


def test_capitalised_name_before_a_settlement_noun_needs_a_place_verb() -> None:
    """An unknown name before 'town' after another verb is not taken for a place ('praised X town hall ...')."""
    assert "Zorbadia" not in _texts("Critics praised Zorbadia town hall meetings.")


@pytest.mark.parametrize(
    "text",
    [
        "Clashes with the Free Syrian Army and Ahrar al-Sham fighters were reported.",
        "The New York Times and Xinhua reported the raid.",
        "The Islamic State of Iraq and the Levant claimed the attack.",
    ],
)
def test_names_inside_longer_names(text: str) -> None:
    """A place name inside an organisation's or newspaper's name is not a place."""
    assert _texts(text) == []


def test_longer_names_kept_in_place_phrases() -> None:
    """A place name before a facility, after a locative preposition or in a title-case headline is kept."""
    assert _texts("A bomb went off near the Baghdad Hotel.") == ["Baghdad"]
    assert _texts("Suicide Bomber Kills Five In Kabul Police Station") == ["Kabul"]


@pytest.mark.parametrize(
    "text",
    [
        "Pension funds sold their shares in Occidental Petroleum last year.",
        "Hundreds of passengers were stranded at Kenya Airways counters on Monday.",
        "He invested in Dallas Corp shares.",
    ],
)
def test_place_name_before_a_company_word(text: str) -> None:
    """A place name before 'Petroleum', 'Airways', 'Corp' ... names a company, even after 'in' or 'at'."""
    assert _texts(text) == []


def test_name_variants_in_text() -> None:
    """'Al-Raqqa' is matched whole; 'the German town of X' is not Germantown; lists of unknown towns."""
    assert _texts("Jets struck Al-Raqqa overnight.") == ["Al-Raqqa"]
    assert _texts("Protesters marched in the western German town of Mainz.") == ["Mainz"]
    got = _texts("Shelling hit the villages of Kafr Tamra, Hayyan and Bayyun at dawn.")
    assert got == ["Kafr Tamra", "Hayyan", "Bayyun"]


def test_public_api_and_offsets() -> None:
    """eventcode.find_places gives places whose offsets slice the text."""
    text = "Troops moved from Basra to the Gaza Strip, then to New York."
    ps = eventcode.find_places(text)
    assert [p.text for p in ps] == ["Basra", "the Gaza Strip", "New York"]
    for p in ps:
        assert p.start is not None and p.end is not None and text[p.start : p.end] == p.text


def test_gazetteer_window() -> None:
    """Gazetteer.find looks only inside [start, end) and reports offsets into the whole text."""
    text = "Kabul was quiet. Fighting went on in Herat."
    start = text.index("Fighting")
    ps = default_gazetteer().find(text, start, len(text))
    assert [(p.text, p.start) for p in ps] == [("Herat", text.index("Herat"))]


def test_gazetteer_shared_and_picklable() -> None:
    """The gazetteer is loaded once and pickles to the shared instance."""
    g = default_gazetteer()
    assert g is default_gazetteer()
    assert pickle.loads(pickle.dumps(g)) is g


def test_lookup() -> None:
    """Gazetteer.lookup lists the places with a name, most important first."""
    got = default_gazetteer().lookup("Tripoli")
    assert got[0].country == "LBY" and len(got) > 1


def test_thread_safe() -> None:
    """Many threads get the same places."""
    text = "Georgia sent envoys to Tbilisi and Hyderabad, Pakistan."
    want = _places(text)
    got: list[object] = []

    def run() -> None:
        for _ in range(20):
            got.append(_places(text))

    threads = [threading.Thread(target=run) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(g == want for g in got)


def _location(text: str, verb: str) -> str | None:
    v = text.index(verb)
    loc = event_location(text, 0, len(text), v, v + len(verb), find_places(text))
    return loc.text if loc else None


@pytest.mark.parametrize(
    ("text", "verb", "where"),
    [
        ("Taliban fighters attacked a checkpoint in Helmand on Sunday.", "attacked", "Helmand"),
        ("Gunmen killed two guards in the capital of Logar province.", "killed", "Logar province"),
        ("A roadside bomb exploded near Kabul, police said.", "exploded", "Kabul"),
        ("Rebels shelled Aleppo overnight.", "shelled", "Aleppo"),
        ("Soldiers opened fire at a checkpoint in Kandahar province.", "opened", "Kandahar province"),
        ("In the West Bank town of Hebron, troops arrested a man.", "arrested", "Hebron"),
        ("A convoy was ambushed 20 km north of Kirkuk.", "ambushed", "Kirkuk"),
        ("Gunmen opened fire in Karachi's old city on Friday.", "opened", "Karachi"),
        ("Troops captured 70 percent of Bosnia in 1992.", "captured", "Bosnia"),
        ("Rebels launched an offensive to capture the town of Marea.", "launched", "Marea"),
        ("Rockets fell close to Benghazi on Friday.", "fell", "Benghazi"),
    ],
)
def test_event_location(text: str, verb: str, where: str) -> None:
    """The place governed by a locative preposition, or the verb's object, is the event's location."""
    assert _location(text, verb) == where


@pytest.mark.parametrize(
    ("text", "verb", "where"),
    [
        ("Gunmen killed three traders in the town of Gusau in northern Nigeria on Monday.", "killed", "Gusau"),
        ("A car bomb exploded in Pakistan's northwestern city of Parachinar, killing 12.", "exploded", "Parachinar"),
        ("In Baqubah, 50 km northeast of Baghdad, gunmen killed two policemen.", "killed", "Baqubah"),
        ("Militants shelled positions at the Kuweires Military Airport northeast of Aleppo.", "shelled",
         "Kuweires Military Airport"),
        ("A bomb killed five people in the Hotan prefecture in the restive Chinese region of Xinjiang.", "killed",
         "Hotan"),
        ("A bomb exploded in the Karrada district of Baghdad.", "exploded", "Karrada"),
        ("Gunmen shot a man dead on Jolo, about 900 kilometers south of Manila.", "shot", "Jolo"),
    ],
)
def test_most_specific_place_of_a_chain(text: str, verb: str, where: str) -> None:
    """Of places that name one location, the most specific is the event's; a reference point never is."""
    assert _location(text, verb) == where


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Afghan forces arrested three militants.", "arrested"),
        ("A Kabul-based group condemned the killings.", "condemned"),
        ("The envoy to Pakistan criticised the raid.", "criticised"),
        ("Pakistan's foreign ministry condemned the attack.", "condemned"),
        ("The minister, who was born in Herat, resigned.", "resigned"),
        ("Thousands of refugees fled to Turkey last week.", "fled"),
        ("Insurgents shot down a U.S. helicopter on Sunday.", "shot"),
        ("Bombs killed 20 people ahead of Iraq's first election.", "killed"),
        ("Troops killed 40 rebels in the 1967 Middle East war.", "killed"),
        ("A roadside bomb killed five people, police in Kirkuk said.", "killed"),
    ],
)
def test_not_event_location(text: str, verb: str) -> None:
    """Adjectives, compounds, possessives, envoys' postings, destinations, modified nouns and where a source
    spoke are not where the event happened."""
    assert _location(text, verb) is None


def test_speech_location_is_not_event_location() -> None:
    """Where a statement was made is not where the reported event happened."""
    text = "Troops killed five militants, the ministry said in Islamabad."
    assert _location(text, "killed") is None
    assert _location(text, "said") == "Islamabad"


@pytest.mark.parametrize(
    ("text", "verb", "where"),
    [
        ("Twelve soldiers were killed on Sunday after the rebels captured the strategic town of Qaryatain.", "killed",
         "Qaryatain"),
        ("A banker was shot dead as he entered a Nairobi restaurant on Friday.", "shot", "Nairobi"),
        ("Militants killed six people in Idlib province on Sunday in the town of Binnish.", "killed", "Binnish"),
        ("Gunmen killed four people in Kwandara village of Jengre ward on Tuesday.", "killed", "Kwandara"),
        ("A teacher was shot dead by two masked men riding a stolen motorbike as he walked home late on Friday "
         "in the town of Binnish.", "shot", "Binnish"),
    ],
)
def test_location_from_other_constructions(text: str, verb: str, where: str) -> None:
    """A place another verb acts on, a place naming a building's site, a town refining a province, X village of Y."""
    assert _location(text, verb) == where


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Thousands of students from across Europe marched on Saturday.", "marched"),
        ("Exiles condemned the attack on the United States.", "attack"),
        ("In the square, 13 captured Savoy nobles were executed.", "executed"),
        ("Militants killed six people in Idlib province on Sunday, 20 km west of Binnish.", "killed"),
    ],
)
def test_not_the_event_location(text: str, verb: str) -> None:
    """An origin, a target country after 'on', a place modifying a person, or a reference point is not refined to."""
    where = _location(text, verb)
    assert where is None or where == "Idlib province"


def test_name_key() -> None:
    """Index keys ignore case, accents, hyphens, commas and apostrophes."""
    assert name_key("Mazār-e Sharīf") == name_key("mazar-e-sharif") == "mazar e sharif"
    assert name_key("Washington, D.C.") == "washington d.c."
    assert name_key("Sana'a") == "sanaa"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    """Any text gives places with valid offsets, and event_location never raises."""
    ps = find_places(text)
    for p in ps:
        assert p.start is not None and p.end is not None and text[p.start : p.end] == p.text
    event_location(text, 0, len(text), 0, min(len(text), 3), ps)


@pytest.mark.slow
def test_compiled_gazetteer_matches_sources() -> None:
    """The compiled gazetteer in package data is what scripts/build_gazetteer.py makes from its sources now."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--check"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


def test_town_name_of_several_countries_resolved_by_the_named_country() -> None:
    """A minor town name shared by several countries takes the country the text names."""
    found = eventcode.find_places("Farmers marched in the town of Mercedes in Uruguay.")
    got = [p for p in found if p.text == "Mercedes"]
    assert got and got[0].country == "URY"


def test_unknown_name_with_an_ayn_apostrophe_kept_whole() -> None:
    """An unknown village name with an apostrophe after "Al-" is found whole, not cut at the apostrophe."""
    got = [p.text for p in eventcode.find_places("Shelling hit the village of Kafr Al-'Uyun overnight.")]
    assert "Kafr Al-'Uyun" in got


@pytest.mark.parametrize("module", ["eventcode.mentions.location", "eventcode.mentions.places",
                                    "eventcode.mentions.dates", "eventcode.grammar._where"])
def test_module_imports_first_in_a_fresh_process(module: str) -> None:
    """Each mention module imports on its own, whichever is imported first (no import cycle)."""
    subprocess.run([sys.executable, "-c", f"import {module}"], check=True, capture_output=True)


@pytest.mark.parametrize(
    ("text", "found"),
    [("Six people were killed in a raid in Kiwandani, Kenya.", "Kiwandani"),
     ("Gunmen shot a cleric in Tumbarai, North Darfur, on Tuesday.", "Tumbarai"),
     ("The talks in Brazzolo, Texas Republicans said, were useful.", None)],
)
def test_an_unknown_name_inside_a_known_place(text: str, found: str | None) -> None:
    """'in X, North Darfur': a known province, state or country closing the phrase makes X a place; not when
    the known name opens a longer capitalised phrase ('Texas Republicans')."""
    names = _texts(text)
    assert (found in names) if found else "Brazzolo" not in names
