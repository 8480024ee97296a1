"""The rules that attach a place of the sentence to an event verb (eventcode.mentions.location)."""

from __future__ import annotations

import pytest

from eventcode.mentions.location import event_location
from eventcode.mentions.places import find_places


def _location(text: str, verb: str, verbal: bool = False) -> str | None:
    v = text.index(verb)
    loc = event_location(text, 0, len(text), v, v + len(verb), find_places(text), verbal=verbal)
    return loc.text if loc else None


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("A Turkish trader who lived in Syria and two drivers were killed on Monday.", "killed"),
        ("The general, who sent troops from Baghdad to Kirkuk, was reportedly killed.", "killed"),
        ("Aid workers who had worked in Kenya for years were kidnapped last week.", "kidnapped"),
    ],
)
def test_place_in_a_relative_clause_before_the_verb(text: str, verb: str) -> None:
    """A place inside a relative clause is where that clause happened, not the main verb's event."""
    assert _location(text, verb) is None


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The reporter was seized in Kandahar with an interpreter who was later beheaded.", "beheaded"),
        ("Protesters in Lahore condemned the men who gunned down the teacher.", "gunned"),
    ],
)
def test_verb_in_a_relative_clause_about_a_person(text: str, verb: str) -> None:
    """A verb inside a 'who' clause about a person does not take the place of the clause around it."""
    assert _location(text, verb) is None


def test_relative_clause_keeps_its_own_place() -> None:
    """A verb inside the same relative clause as the place still takes it."""
    text = "Gunmen who stormed a hotel in Kabul and killed four guests were arrested."
    assert _location(text, "stormed") == "Kabul"
    assert _location(text, "killed") == "Kabul"


def test_where_clause_takes_the_place() -> None:
    """A 'where' clause is about the place before it: its verb takes that place."""
    text = "There were four blasts, the deadliest of which occurred in Mosul, where a truck bomb killed nine people."
    assert _location(text, "killed") == "Mosul"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Abu Bakr, the group's commander in northern Hama, was killed in an air raid.", "killed"),
        ("Sami Farouk, a doctor at the only hospital in Madaya, was wounded by sniper fire.", "wounded"),
    ],
)
def test_place_in_an_apposition_describes_the_person(text: str, verb: str) -> None:
    """A place inside an apposition between the subject and its verb says who the person is, not where."""
    assert _location(text, verb) is None


def test_apposition_of_a_place_subject() -> None:
    """When the subject is itself a place, its apposition is part of that place, which stays the location."""
    text = "Kindu, the main town in Maniema province, was captured by the rebels."
    assert _location(text, "captured") in ("Kindu", "Maniema province")


def test_participle_after_a_place_is_not_an_apposition() -> None:
    """A participle clause after a place is not an apposition: it keeps the main clause's place."""
    text = "On Friday, a bomb went off at a market in Peshawar, killing six people."
    assert _location(text, "killing") == "Peshawar"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("According to a military source in Homs, the army killed 30 fighters.", "killed"),
        ("Rebels seized two villages, according to residents in Idlib.", "seized"),
    ],
)
def test_place_of_an_according_to_source(text: str, verb: str) -> None:
    """A place in an 'according to' phrase is where the source is, not where the event happened."""
    assert _location(text, verb) is None


def test_fronted_place_sets_the_scene() -> None:
    """A place in a phrase fronted before the sentence is the location of every clause."""
    text = "In Tripoli, two gunmen were killed while three soldiers were wounded."
    assert _location(text, "killed") == "Tripoli"
    assert _location(text, "wounded") == "Tripoli"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Troops patrol the valley under an agreement between Russia and Georgia.", "patrol"),
        ("The war between Eritrea and Ethiopia killed tens of thousands.", "killed"),
        ("Parliament ratified the treaty after the crisis between Peru and Ecuador.", "ratified"),
    ],
)
def test_between_names_parties_of_a_relation(text: str, verb: str) -> None:
    """'between X and Y' after a relation noun names the parties, not a place."""
    assert _location(text, verb) is None


def test_between_after_a_place_noun_is_a_place() -> None:
    """'between X and Y' after a road or positions is a place."""
    assert _location("Gunmen ambushed a bus on the road between Kabul and Jalalabad.", "ambushed") == "Kabul"


def test_place_modifying_a_person_noun() -> None:
    """A place that describes a person ("the Gaza commander of the group") is not the event's location."""
    assert _location("Troops captured the Gaza commander of the brigade on Monday.", "captured") is None


def test_clause_closed_before_the_place() -> None:
    """A verb in a parenthetical clause does not take a place named after the clause closes."""
    text = "The sniper, who was shot at the scene, was said to be a man living in Hebron."
    assert _location(text, "shot") is None


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The pilot was captured by the militia and taken into Chad.", "captured"),
        ("Guards shot a teenager who was trying to cross into Iran.", "shot"),
        ("The colonel was captured in 1944 and sent to a prison camp at Dachau.", "captured"),
    ],
)
def test_destination_of_another_verb(text: str, verb: str) -> None:
    """Where someone was taken, sent or went afterwards is a destination, not the event's location."""
    assert _location(text, verb) is None


@pytest.mark.parametrize(
    ("text", "verb", "where"),
    [
        ("A judge was shot on his way to the court in Peshawar.", "shot", "Peshawar"),
        ("Five rebels were killed as they tried to ambush a convoy near Gao.", "killed", "Gao"),
        ("Israeli troops marched into Jenin on Monday.", "marched", "Jenin"),
    ],
)
def test_route_and_own_motion_keep_the_place(text: str, verb: str, where: str) -> None:
    """A place on the way, after an infinitive, or after the event verb's own 'into' is still its location."""
    assert _location(text, verb) == where


def test_date_phrase_does_not_govern_the_subject() -> None:
    """'In September, X forces ...': the preposition governs the date, not the place after the comma."""
    assert _location("In September, Nairobi police arrested two men.", "arrested") is None
    assert _location("Troops patrolled in the capital city, Nairobi, on Friday.", "patrolled") == "Nairobi"


def test_place_of_a_second_predicate() -> None:
    """'was seized in May and is believed to be held in X': the place belongs to the second predicate."""
    text = "The engineer was seized by gunmen in May and is believed to be held in Tora Bora."
    assert _location(text, "seized") is None
    shared = "Four soldiers were killed and six others were wounded in Kandahar."
    assert _location(shared, "killed") == "Kandahar"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The raid killed three men, including a cleric who used to run a school in Kunduz.", "killed"),
        ("The border is patrolled by troops which have their bases in Djibouti.", "patrolled"),
        ("Police arrested a doctor who was the only surgeon in Madaya.", "arrested"),
    ],
)
def test_background_relative_clause_after_the_verb(text: str, verb: str) -> None:
    """A relative clause saying who someone is (lived, ran, had bases, was the X in Y) gives no event location."""
    assert _location(text, verb) is None


def test_event_relative_clause_after_the_verb_keeps_the_place() -> None:
    """A relative clause about what the victims were doing at the time still places the event."""
    text = "Gunmen killed six guests who were attending a wedding in Kunduz."
    assert _location(text, "killed") == "Kunduz"


def test_hometown_after_a_name_is_not_the_event_location() -> None:
    """ "X, 18, of Atlanta, was shot": the victim's hometown is not where the shooting happened."""
    import eventcode

    events = eventcode.code("Mary Jones, 18, of Atlanta, was shot dead on Friday.")
    assert events and all(e.location is None for e in events)
    events = eventcode.code("Rebels captured the town of Kiklah on Monday.")
    assert any(e.location is not None and e.location.text == "Kiklah" for e in events)


@pytest.mark.parametrize("text", [
    "Police in Kabul arrested two men on Monday, officials said.",
    "In the West Bank city of Nablus, a man riding a motorcycle was shot and killed in a refugee camp.",
    "A man who lived in Lyon and two others were killed in clashes in Marseille.",
])
def test_sentence_tokens_given_or_not_give_the_same_location(text: str) -> None:
    """event_location with the sentence's tokens passed in picks the same place as without them."""
    from eventcode.text import tokenize

    for verb in ("arrested", "killed", "shot"):
        at = text.find(verb)
        if at < 0:
            continue
        # two equal texts in different objects, so that neither call reuses what the other worked out
        one, two = "".join(list(text)), "".join(list(text))
        given = event_location(one, 0, len(one), at, at + len(verb), find_places(one),
                               tokens=tokenize(one, 0, len(one)))
        plain = event_location(two, 0, len(two), at, at + len(verb), find_places(two))
        assert given == plain and given is not None


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("A German engineer was kidnapped on Monday in the province of Wardak, adjacent to Kabul.", "kidnapped",
         "Wardak"),
        ("Gunmen attacked a checkpoint in the town of Tal Afar, close to Mosul.", "attacked", "Tal Afar"),
    ],
)
def test_a_place_next_to_another_is_a_reference_point(text: str, verb: str, expected: str) -> None:
    """'X, adjacent to Y', 'X, close to Y': the event is in X; Y only says where X is."""
    assert _location(text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Hurst won the title with a victory over South Korea's Jeong Jang.", "won", None),
        ("Protesters gathered in Egypt's Tahrir Square on Friday.", "gathered", "Tahrir Square"),
        ("Police arrested five men in Pakistan's Swat valley.", "arrested", "Swat valley"),
    ],
)
def test_a_country_owning_a_name_is_no_location(text: str, verb: str, expected: str | None) -> None:
    """A country before a name that is no place ('South Korea's Jeong Jang') says whose, not where; before a
    place or a landmark ('Egypt's Tahrir Square', 'Pakistan's Swat valley') it is still a location."""
    assert _location(text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Most of those held at Guantanamo were captured in Afghanistan after the invasion.", "captured",
         "Afghanistan"),
        ("Soldiers based in Kandahar were killed in Helmand on Monday.", "killed", "Helmand"),
        ("Five men were held at a prison in Kandahar for a week.", "held", "Kandahar"),
    ],
)
def test_a_participle_phrase_in_the_subject_gives_way(text: str, verb: str, expected: str) -> None:
    """'those held at X were captured in Y': the place of a participle phrase in the subject is not preferred
    over the place of the verb's own clause; the participle as the verb keeps its place."""
    assert _location(text, verb) == expected


@pytest.mark.parametrize(
    "text",
    ["Al-Qaeda in Iraq claimed the attack on Monday.", "The Government of Iraq condemned the bombing."],
)
def test_a_place_inside_an_actor_name_is_no_location(text: str) -> None:
    """'Al-Qaeda in Iraq', 'the Government of Iraq' name the actor; they do not say where its event happened."""
    import eventcode

    events = eventcode.code(text, date="2021-03-01")
    assert events and all(e.location is None for e in events)


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("KABUL, Afghanistan (AP) - Gunmen killed two policemen on Monday.", "killed", "KABUL"),
        ("BAGHDAD, Jan 5 (Reuters) - A bomb killed ten people.", "killed", "BAGHDAD"),
        ("U.S., British and French warplanes patrol the zone.", "patrol", None),
    ],
)
def test_a_dateline_is_a_place_then_a_comma_then_a_place_or_date(text: str, verb: str, expected: str | None) -> None:
    """A dateline ('KABUL, Afghanistan', 'BAGHDAD, Jan 5') locates the story; a country opening a list of
    actors ('U.S., British and French warplanes') does not."""
    assert _location(text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "verbal", "expected"),
    [
        ("The council condemned the recent attacks in Syria on Thursday.", "condemned", True, None),
        ("The council condemned the recent attacks in Syria on Thursday.", "condemned", False, "Syria"),
        ("The minister met his counterpart in Geneva on Monday.", "met", True, "Geneva"),
    ],
)
def test_a_statement_is_not_where_what_it_is_about_happened(text: str, verb: str, verbal: bool,
                                                             expected: str | None) -> None:
    """A statement about 'the attacks in Syria' was not made in Syria; a meeting 'in Geneva' was held there."""
    assert _location(text, verb, verbal) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("He was captured by troops in 1992 and spent seven years in a Jakarta jail.", "captured", None),
        ("Gunmen killed three men and wounded five in Kandahar on Monday.", "killed", "Kandahar"),
        ("Militiamen killed three sheikhs and raped ten women in Darfur.", "killed", "Darfur"),
    ],
)
def test_a_second_predicate_of_what_came_after(text: str, verb: str, expected: str | None) -> None:
    """'captured in 1992 and spent seven years in X': X is where he was afterwards, not where he was captured;
    a second act of violence ('killed three and wounded five in X') shares the place."""
    assert _location(text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Several foreign fighters were killed in the battle for Manbij on Monday.", "killed", "Manbij"),
        ("The donors pledged new aid for Syria on Monday.", "pledged", None),
    ],
)
def test_the_place_fought_over(text: str, verb: str, expected: str | None) -> None:
    """'killed in the battle for X' happened in X; 'aid for X' is no place of the pledge."""
    assert _location(text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "verbal", "expected"),
    [
        ("The town of Kandahar was shelled by government forces.", "shelled", False, "Kandahar"),
        ("On Monday, Aleppo was heavily bombed by warplanes.", "bombed", False, "Aleppo"),
        ("Jordan was shot as he napped in his car.", "shot", False, None),
        ("Iraq was accused by Kuwait of hiding weapons.", "accused", True, None),
    ],
)
def test_the_place_that_is_a_passive_subject(text: str, verb: str, verbal: bool, expected: str | None) -> None:
    """'the town of X was shelled' happened in X; a bare name that may be a person's ('Jordan was shot') and
    the verbs of statements are not located by their subject."""
    assert _location(text, verb, verbal) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Soldiers were patrolling near a U.S. base at Shkin in Paktika province.", "patrolling", "Paktika province"),
        ("Gunmen attacked a Kabul restaurant on Monday.", "attacked", "Kabul"),
    ],
)
def test_a_countrys_building_is_not_where_it_stands(text: str, verb: str, expected: str | None) -> None:
    """'near a U.S. base' is a base of the United States, not a place in it; 'a Kabul restaurant' is in Kabul."""
    assert _location(text, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "where"),
    [
        ("Hundreds of students rallied outside the U.S. Embassy on Friday.", "rallied", None),
        ("Dozens of farmers picketed the U.S. Consulate for two days.", "picketed", None),
        ("Hundreds of students rallied outside the U.S. Embassy in Madrid on Friday.", "rallied", "Madrid"),
    ],
)
def test_country_before_a_capitalised_mission(text: str, verb: str, where: str | None) -> None:
    """A country named before 'Embassy' or 'Consulate' is whose mission it is, not where the event is."""
    assert _location(text, verb) == where


def test_long_relative_clause_closed_before_the_verb() -> None:
    """A place in a long ', who ...,' clause closed right before the main verb is not that verb's location."""
    text = ("The former police chief, who had served under the old regime for a decade and was later charged by a "
            "special court in Lyon, France, shot himself at his home.")
    assert _location(text, "shot") is None
    assert _location("The former police chief, who was charged in Lyon, shot himself in Paris.", "shot") == "Paris"
