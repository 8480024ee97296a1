"""The built-in dictionaries: they load cleanly, and their coverage figures hold (counted from the files)."""

from __future__ import annotations

from collections import Counter

import pycountry
import pytest

from eventcode.codebook import all_event_codes
from eventcode.lexicon import Lexicon, compile_lexicon, load_builtin
from eventcode.lexicon._inflect import plural


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    """The built-in lexicon, loaded once (every entry validated against the codebook on load)."""
    return load_builtin()


def _by_file(lex: Lexicon, prefix: str) -> list[object]:
    return [a for a in lex.actors if a.source.startswith(prefix)]


def test_builtin_compiles(lex: Lexicon) -> None:
    """The built-in set compiles into lookup tables (word classes all defined)."""
    c = compile_lexicon(lex)
    assert c.patterns == len(lex.patterns) and c.verbs


def test_every_country_in_pycountry_is_covered(lex: Lexicon) -> None:
    """Every country and territory in pycountry has an actor entry with its alpha-3 code."""
    codes = {r.code for a in lex.actors for r in a.roles} | {a.default for a in lex.actors}
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in codes]
    assert not missing, missing


def test_country_names_adjectives_and_capitals(lex: Lexicon) -> None:
    """Short forms, demonyms and capital metonyms are there for the countries news names most."""
    phrases = {p.rstrip("!").lower(): a for a in lex.actors for p in a.phrases}
    for phrase, code in [("u.s.", "USA"), ("uk", "GBR"), ("drc", "COD"), ("afghan", "AFG"), ("iraqi", "IRQ"),
                         ("kremlin", "RUSGOV"), ("kabul", "AFGGOV"), ("pentagon", "USAMIL")]:
        assert phrase in phrases, phrase
        assert phrases[phrase].default == code or any(r.code == code for r in phrases[phrase].roles), phrase


def test_organisations_and_groups(lex: Lexicon) -> None:
    """At least 150 IGOs/NGOs and 200 non-state armed groups, parties and movements."""
    orgs = [a for a in lex.actors if a.source.startswith("actors/organizations")]
    groups = [a for a in lex.actors if a.source.startswith("actors/groups")]
    assert len(orgs) >= 150, len(orgs)
    assert len(groups) >= 200, len(groups)


def test_office_holders(lex: Lexicon) -> None:
    """At least 1,500 people with dated roles since 1990."""
    people = [a for a in lex.actors if a.person]
    assert len(people) >= 1500, len(people)
    for p in people:
        for r in p.roles:
            assert r.start is None or r.end is None or r.start < r.end, p.source


def test_agents(lex: Lexicon) -> None:
    """At least 600 agent terms (plurals generated on top)."""
    terms = {a.phrase.lower() for a in lex.agents}
    assert len(terms) >= 600, len(terms)
    assert plural("soldier") == "soldiers" and plural("policeman") == "policemen" and plural("militia") == "militias"


def test_verb_patterns_cover_every_code(lex: Lexicon) -> None:
    """Every CAMEO event code has at least one verb pattern, and there are at least 4,000 in all."""
    per_code = Counter(p.code for p in lex.patterns)
    missing = [c.code for c in all_event_codes() if per_code[c.code] == 0]
    assert not missing, missing
    assert len({(p.code, p.text) for p in lex.patterns}) >= 4000


def test_inflections() -> None:
    """Regular, doubling, -ic and irregular verb forms are generated from lemmas."""
    from eventcode.lexicon._inflect import verb_forms

    irregular = {"meet": (["met"], ["met"]), "shoot": (["shot"], ["shot"])}
    assert {"opens", "opened", "opening"} <= verb_forms("open", irregular, set())
    assert {"stops", "stopped", "stopping"} <= verb_forms("stop", irregular, set())
    assert {"panicked", "panicking"} <= verb_forms("panic", irregular, set())
    assert {"controlled", "controlling"} <= verb_forms("control", irregular, {"control"})
    assert {"met", "meeting", "meets"} <= verb_forms("meet", irregular, set())
    assert {"carries", "carried", "carrying"} <= verb_forms("carry", irregular, set())
    assert {"seizes", "seized", "seizing"} <= verb_forms("seize", irregular, set())
