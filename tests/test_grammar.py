"""The coding engine's grammar, on a tiny dictionary so that each rule is tested on its own."""

from __future__ import annotations

import pickle

import eventcode

Triple = tuple[str | None, str, str | None]


def _triples(coder: eventcode.Coder, text: str, date: str | None = "2021-03-01") -> list[Triple]:
    return [
        (e.actor.code if e.actor else None, e.action.code, e.target.code if e.target else None)
        for e in coder.code(text, date=date)
    ]


def test_subject_verb_object(mini_coder: eventcode.Coder) -> None:
    """Plain subject-verb-object codes source, code and target."""
    assert _triples(mini_coder, "Germany invaded France.") == [("DEU", "192", "FRA")]


def test_lower_case_text(mini_coder: eventcode.Coder) -> None:
    """Matching does not rely on capitals."""
    assert _triples(mini_coder, "germany invaded france") == [("DEU", "192", "FRA")]


def test_agents_combine_with_countries(mini_coder: eventcode.Coder) -> None:
    """'Afghan forces', 'police in Kabul' and bare agents get country + sector codes."""
    assert _triples(mini_coder, "Afghan forces attacked the Taliban.") == [("AFGMIL", "190", "AFGINS")]
    assert _triples(mini_coder, "Police in Kabul attacked militants.") == [("AFGCOP", "190", "---INS")]
    assert _triples(mini_coder, "Afghanistan's army attacked militants.") == [("AFGMIL", "190", "---INS")]


def test_date_restricted_roles(mini_coder: eventcode.Coder) -> None:
    """The same name codes USAELI before the inauguration and USAGOV after it."""
    assert _triples(mini_coder, "Biden criticized Iran.", "2020-06-01") == [("USAELI", "111", "IRN")]
    assert _triples(mini_coder, "Biden criticized Iran.", "2021-06-01") == [("USAGOV", "111", "IRN")]


def test_passive_voice(mini_coder: eventcode.Coder) -> None:
    """'X were killed by Y' makes Y the source and X the target."""
    assert _triples(mini_coder, "Six police officers were killed by militants in Logar.") == [
        ("---INS", "1823", "---COP")
    ]


def test_compound_source_codes_each(mini_coder: eventcode.Coder) -> None:
    """'the US and Britain condemned Iran' codes USA -> IRN and GBR -> IRN."""
    assert _triples(mini_coder, "The US and Britain condemned Iran.") == [
        ("USA", "111", "IRN"),
        ("GBR", "111", "IRN"),
    ]


def test_symmetric_verbs_code_both_directions(mini_coder: eventcode.Coder) -> None:
    """'Russia and China signed an accord' codes both directions."""
    assert sorted(_triples(mini_coder, "Russia and China signed an accord.")) == [
        ("CHN", "057", "RUS"),
        ("RUS", "057", "CHN"),
    ]
    assert sorted(_triples(mini_coder, "Russia met China.")) == [("CHN", "044", "RUS"), ("RUS", "044", "CHN")]


def test_negation_codes_nothing(mini_coder: eventcode.Coder) -> None:
    """'did not attack' codes no attack, and explain says why."""
    assert _triples(mini_coder, "The Taliban did not attack Afghan forces.") == []
    assert "negated" in str(mini_coder.explain("The Taliban did not attack Afghan forces."))


def test_refusal_codes_the_refusal(mini_coder: eventcode.Coder) -> None:
    """'refused to meet' codes the CAMEO refusal code, not a meeting."""
    assert _triples(mini_coder, "Iran refused to meet U.S. officials.") == [("IRN", "125", "USAGOV")]


def test_reported_speech_codes_the_act(mini_coder: eventcode.Coder) -> None:
    """'Officials said the army shelled the town' codes the shelling and no bare statement."""
    codes = [c for _, c, _ in _triples(mini_coder, "Officials said the army shelled the town.")]
    assert codes == ["190"]


def test_statement_alone_is_coded(mini_coder: eventcode.Coder) -> None:
    """A statement with nothing else in the sentence is coded 010."""
    assert [c for _, c, _ in _triples(mini_coder, "Iranian officials said the talks were useful.")] == ["010"]


def test_headline_infinitive_is_an_intention(mini_coder: eventcode.Coder) -> None:
    """Headline 'US to press Taliban ...' is coded, and the embedded 'to stop' is not a separate event."""
    evs = mini_coder.code("US to press Taliban to stop offensive")
    assert [(e.actor.code if e.actor else None, e.target.code if e.target else None) for e in evs] == [
        ("USA", "AFGINS")
    ]
    assert evs[0].headline is False or evs[0].headline is True  # a single line is a headline or sentence
    assert "intent" in evs[0].evidence.notes  # type: ignore[union-attr]


def test_future_codes_intent(mini_coder: eventcode.Coder) -> None:
    """'will visit' is coded as CAMEO's intent to meet (036)."""
    assert _triples(mini_coder, "Germany will visit France next week.") == [("DEU", "036", "FRA")]


def test_hypothetical_is_not_coded(mini_coder: eventcode.Coder) -> None:
    """Conditions and 'would' do not code events that happened."""
    assert _triples(mini_coder, "If Germany invaded France, Britain would condemn Germany.") == []


def test_pronoun_resolves_to_previous_sentence(mini_coder: eventcode.Coder) -> None:
    """'He' is resolved to the person named in the previous sentence."""
    evs = mini_coder.code("Joe Biden arrived on Monday. He criticized Iran.", date="2021-05-01")
    assert [(e.actor.code, e.actor.text, e.target.code) for e in evs if e.actor and e.target] == [
        ("USAGOV", "He", "IRN")
    ]


def test_discards(mini_coder: eventcode.Coder) -> None:
    """Sports results code nothing."""
    assert _triples(mini_coder, "Germany crushed France in the Champions League.") == []


def test_several_events_in_one_sentence(mini_coder: eventcode.Coder) -> None:
    """Two verb phrases give two events."""
    got = _triples(mini_coder, "Germany invaded France and Britain condemned Germany.")
    assert got == [("DEU", "192", "FRA"), ("GBR", "111", "DEU")]


def test_evidence_points_at_words(mini_coder: eventcode.Coder) -> None:
    """Every event carries the verb's words, the pattern and the dictionary line."""
    text = "Germany invaded France."
    (e,) = mini_coder.code(text)
    assert e.evidence is not None
    assert text[e.evidence.verb_start : e.evidence.verb_end] == "invaded France"
    assert e.evidence.pattern == "invade +"
    assert e.evidence.pattern_source.endswith("test.verbs:3")
    assert e.actor is not None and text[e.actor.start : e.actor.end] == "Germany"  # type: ignore[misc]


def test_require_option(mini_coder: eventcode.Coder) -> None:
    """require='both' keeps only events with two coded actors."""
    both = eventcode.Coder(mini_coder.dictionaries, builtin=False, require="both", dates=False, places=False)
    assert _triples(both, "Officials said the army shelled the town.") == []
    assert _triples(both, "Germany invaded France.") == [("DEU", "192", "FRA")]


def test_coder_pickles(mini_coder: eventcode.Coder) -> None:
    """A coder pickles small and codes the same after the trip."""
    clone = pickle.loads(pickle.dumps(mini_coder))
    assert _triples(clone, "Germany invaded France.") == _triples(mini_coder, "Germany invaded France.")


def test_short_references_resolve(mini_coder: eventcode.Coder) -> None:
    """'the militants' takes the code of the insurgents named in the previous sentence."""
    evs = mini_coder.code("The Taliban met Germany. The militants attacked France.", date="2021-03-01")
    assert ("AFGINS", "190", "FRA") in [
        (e.actor.code if e.actor else None, e.action.code, e.target.code if e.target else None) for e in evs
    ]


def test_required_actor_target() -> None:
    """A '+!' slot matches only a known actor: 'fight +!' codes rebels, not poverty."""
    from eventcode.lexicon import parse_text

    lex = parse_text("== 190\nfight +!\n", ".verbs", "t.verbs")
    parse_text("Rebels\n    ---REB\nGermany\n    DEU\n", ".actors", "t.actors", lex)
    coder = eventcode.Coder(builtin=False, lexicon=lex, require="none", dates=False, places=False)
    assert [e.target.code for e in coder.code("Germany fights the rebels.") if e.target] == ["---REB"]
    assert coder.code("Germany fights poverty.") == []


def test_obligation_is_a_demand() -> None:
    """'X said Y must release Z' codes X demanding release of Y (not Y releasing)."""
    from eventcode.lexicon import parse_text

    lex = parse_text("== 0841\nrelease +\n== 010\nsay\n", ".verbs", "t.verbs")
    parse_text("say said said\n", ".irregular", "t.irregular", lex)
    parse_text("Russia\n    RUS\nSudan\n    SDN\nthe pilots\n    ---MIL\n", ".actors", "t.actors", lex)
    coder = eventcode.Coder(builtin=False, lexicon=lex, require="none", dates=False, places=False)
    got = [(e.actor.code if e.actor else None, e.action.code, e.target.code if e.target else None)
           for e in coder.code("Russia said Sudan must release the pilots.")]
    assert got == [("RUS", "1053", "SDN")]


def test_announced_refusal() -> None:
    """'will not release' codes the refusal to release (1243); a past 'did not' codes nothing."""
    from eventcode.lexicon import parse_text

    lex = parse_text("== 0841\nrelease +\n", ".verbs", "t.verbs")
    parse_text("the rebels\n    ---REB\nthe hostages\n    ---CVL\n", ".actors", "t.actors", lex)
    coder = eventcode.Coder(builtin=False, lexicon=lex, require="none", dates=False, places=False)
    assert [e.action.code for e in coder.code("The rebels will not release the hostages.")] == ["1243"]
    assert coder.code("The rebels did not release the hostages.") == []


def _mini(verbs: str, actors: str) -> eventcode.Coder:
    from eventcode.lexicon import parse_text

    lex = parse_text(verbs, ".verbs", "t.verbs")
    parse_text(actors, ".actors", "t.actors", lex)
    return eventcode.Coder(builtin=False, lexicon=lex, require="none", dates=False, places=False)


_ACTORS = "Norway\n    NOR\nChile\n    CHL\nPeru\n    PER\nthe Kurds\n    ---ETH\nnations\n    ---GOV\n"


def test_gap_passes_coordinated_adjectives() -> None:
    """A '*' gap passes over 'political and cultural' before the pattern's noun."""
    coder = _mini("== 1044\ndemand * autonomy from +\n", _ACTORS)
    got = [(e.action.code, e.target.code if e.target else None)
           for e in coder.code("The Kurds demanded political and cultural autonomy from Chile.")]
    assert got == [("1044", "CHL")]


def test_gap_passes_ing_adjective() -> None:
    """A '*' gap passes over an -ing adjective before a noun ('crushing blows')."""
    coder = _mini("== 138\ndeliver * blows to +\n== 190\ncrush +\n", _ACTORS)
    assert [e.action.code for e in coder.code("Norway delivered crushing blows to Chile.")] == ["138"]


def test_gap_ignores_quotation_marks() -> None:
    """Quotation marks inside a gap do not block the pattern."""
    coder = _mini("== 016\nreject * accusations by +\n", _ACTORS)
    got = [e.target.code for e in coder.code('Norway rejected as "totally false" the accusations by Chile.')
           if e.target]
    assert got == ["CHL"]


def test_and_other_is_one_compound() -> None:
    """'Chile and other rich nations' is one compound subject: both are coded."""
    coder = _mini("== 0841\nrelease +\n", _ACTORS)
    got = sorted(e.actor.code for e in coder.code("Chile and other rich nations released Peru.") if e.actor)
    assert got == ["---GOV", "CHL"]


def test_passive_with_time_phrase() -> None:
    """'was arrested last week for spying' still matches 'arrest + for spying'."""
    coder = _mini("== 1125\narrest + for spying\n== 173\narrest +\n", _ACTORS + "engineer\n    ---CVL\n")
    assert [e.action.code for e in coder.code("An engineer was arrested last week for spying.")] == ["1125"]
    assert [e.action.code for e in coder.code("An engineer was arrested in Peru for spying.")] == ["1125"]


def test_hyphenated_prefix_verb() -> None:
    """'re-open' is coded as 'reopen'."""
    coder = _mini("== 0811\nreopen * border to +\n", _ACTORS)
    assert [e.action.code for e in coder.code("Norway re-opened its border to Chile.")] == ["0811"]


def test_undoing_noun_is_not_the_event() -> None:
    """'the lifting of martial law in X' is not imposing martial law."""
    coder = _mini("== 1724\nmartial law in + @noun\n== 010\nwelcome\n", _ACTORS)
    got = [e.action.code for e in coder.code("Norway welcomed the lifting of martial law in Chile.")]
    assert "1724" not in got


def test_named_preposition_takes_a_place_as_target() -> None:
    """A pattern that names 'in' before '+' takes the place after it as the target."""
    coder = _mini("== 074\narrive in +\n", _ACTORS)
    got = [e.target.code for e in coder.code("Norway arrived in Chile on Monday.") if e.target]
    assert got == ["CHL"]


def test_demand_object_then_infinitive() -> None:
    """'demanded the parties in X to allow ...' codes the demanded action on the parties."""
    coder = _mini("== 100\ndemand + to\n== 086\nallow * monitors into +\n",
                  _ACTORS + "the parties\n    ---PTY\n")
    got = [(e.action.code, e.target.code if e.target else None)
           for e in coder.code("Norway demanded the parties in Peru to allow monitors into the area.")]
    assert got == [("1055", "PERPTY")]
    coder = _mini("== 100\ndemand {that|the}\n== 086\nallow * monitors into +\n", _ACTORS + "parties\n    ---PTY\n")
    got = [(e.action.code, e.target.code if e.target else None)
           for e in coder.code("Norway demanded the warring parties in Peru to allow monitors into the area.")]
    assert got == [("1055", "PERPTY")]


def test_refusal_with_unless_stays_a_refusal() -> None:
    """'will not end the strike unless ...' is a refusal, not an ultimatum."""
    coder = _mini("== 082\nend * strike\n", _ACTORS)
    got = [e.action.code for e in coder.code("The Kurds will not end their strike unless Chile pays them.")]
    assert got == ["1242"]


_MOVES = ("== 141\nmarch through +\nmarch in +\n== 1823\nkill +\n== 192\nseize +\n== 190\nattack +\n"
          "== 150\n$ * [station]\n")
_PEOPLE = "Norway\n    NOR\nChile\n    CHL\nthe rebels\n    ---REB\nsoldiers\n    ---MIL\n"


def test_intransitive_verb_after_plain_noun_is_the_main_verb() -> None:
    """'-ed' of an intransitive verb before a preposition is a past tense, not a reduced relative."""
    coder = _mini(_MOVES, _PEOPLE)
    assert [e.action.code for e in coder.code("A crowd marched through the old town.")] == ["141"]


def test_subject_noun_phrase_then_verb_is_the_main_verb() -> None:
    """A transitive '-ed' right after the clause's subject, with no other finite verb, is the verb."""
    coder = _mini(_MOVES, _PEOPLE)
    assert [e.action.code for e in coder.code("Several gunmen of the militia seized in a dawn raid the mayor.")] \
        == ["192"]


def test_reduced_relative_kept_before_a_finite_verb() -> None:
    """'boats seized in the bay were returned': the participle describes the noun."""
    coder = _mini(_MOVES, _PEOPLE)
    assert coder.code("Two fishing boats seized in the bay were returned to Chile.") == []
    assert coder.code("Norway returned the boats seized in the bay.") == []


def test_number_as_subject() -> None:
    """'About 800 marched through ...': a number phrase is the subject noun phrase."""
    coder = _mini(_MOVES, _PEOPLE)
    got = coder.code("About 800 marched through the harbour district on Sunday.")
    assert [e.action.code for e in got] == ["141"]
    assert got[0].actor is not None and got[0].actor.text == "About 800"
    assert coder.code("Another 2,400 marched in the rain on Friday.")[0].action.code == "141"


def test_number_before_transitive_participle_is_not_a_subject() -> None:
    """'9 killed in ambush' tells of the nine; they are not the ones who killed."""
    coder = _mini(_MOVES, _PEOPLE)
    assert all(e.actor is None or e.actor.text != "9" for e in coder.code("9 killed in ambush"))


def test_plural_noun_before_finite_verb_is_not_a_verb() -> None:
    """'mortar attacks continued': a plural noun after a modifier and before a verb is no verb head."""
    coder = _mini(_MOVES, _PEOPLE)
    assert coder.code("Mortar attacks were frequent in the valley.") == []
    assert coder.code("Mortar attacks resumed near the border.") == []
    assert [e.action.code for e in coder.code("The rebels attacks Chile.")] == ["190"]


def test_pattern_source_before_the_verb_overrides_passive() -> None:
    """'$ * [station]': the subject of 'were stationed' is the pattern's source, not a target."""
    coder = _mini(_MOVES, _PEOPLE)
    got = [(e.actor.code if e.actor else None, e.action.code, e.target.code if e.target else None)
           for e in coder.code("Soldiers were stationed along the coast.")]
    assert got == [("---MIL", "150", None)]


def test_paired_code_needs_a_receiver() -> None:
    """A paired code's reverse event needs the forward event's target: no receiver, no reverse event."""
    from eventcode.lexicon import parse_text

    lex = parse_text("== 074:0861\nsend * monitors to +\nsend * monitors\n", ".verbs", "t.verbs")
    parse_text("send sent sent\n", ".irregular", "t.irregular", lex)
    parse_text(_PEOPLE, ".actors", "t.actors", lex)
    coder = eventcode.Coder(builtin=False, lexicon=lex, require="none", dates=False, places=False)
    assert [e.action.code for e in coder.code("Norway sent monitors.")] == ["074"]
    got = [(e.actor.code if e.actor else None, e.action.code, e.target.code if e.target else None)
           for e in coder.code("Norway sent monitors to Chile.")]
    assert got == [("NOR", "074", "CHL"), ("CHL", "0861", "NOR")]


def test_known_target_pattern_in_passive_needs_an_actor_subject() -> None:
    """'release +!' in a passive codes when the subject right before the verb is an actor, not a report's."""
    coder = _mini("== 0841\nrelease +!\n", _PEOPLE)

    def got(text: str) -> list[tuple[str | None, str, str | None]]:
        return [(e.actor.code if e.actor else None, e.action.code, e.target.code if e.target else None)
                for e in coder.code(text)]

    assert got("Soldiers were released by the rebels.") == [("---REB", "0841", "---MIL")]
    assert got("Soldiers were released on Monday.") == [(None, "0841", "---MIL")]
    assert got("A video released by the rebels shows the camp.") == []
    assert got("Soldiers said aid to the region is released.") == []
    assert got("The rebels released soldiers.") == [("---REB", "0841", "---MIL")]


def test_verb_joined_by_and_shares_the_first_verbs_subject() -> None:
    """'X called Y and urged him ...': the subject of 'urged' is X, not Y (the object of 'called')."""
    coder = _mini("== 020\nurge + to\n== 040\nmeet +\n", _ACTORS)
    got = [(e.actor.code if e.actor else None, e.action.code)
           for e in coder.code("Norway called Chile on Monday and urged it to act.")]
    assert got == [("NOR", "020")]


def test_title_abbreviation_dot_is_no_clause_boundary() -> None:
    """'Gov. Phil Murphy declined ...': the dot after an abbreviated title does not cut the subject off."""
    coder = _mini("== 011\ndecline to comment\n", "Gov.!\n    ---GOV\n")
    assert [(e.actor.code if e.actor else None, e.action.code)
            for e in coder.code("Gov. Phil Murphy declined to comment.")] == [("---GOV", "011")]


def test_on_of_a_day_is_not_a_verbs_particle() -> None:
    """'called on Tuesday for X': the 'on' of the day is not 'call on +'; 'called on Chile' still is."""
    coder = _mini("== 020\ncall on +\n== 0256\ncall for * withdrawal\n", _ACTORS)
    assert [e.action.code for e in coder.code("Norway called on Tuesday for the withdrawal of troops.")] == ["0256"]
    assert [e.action.code for e in coder.code("Norway called on Chile to act.")] == ["020"]


def test_active_flag_keeps_a_pattern_out_of_the_passive() -> None:
    """'@active': 'the bomber killed X' codes, 'the bomber was killed by X' does not."""
    from eventcode.lexicon import parse_text

    lex = parse_text("== 1831\n%bomber * [kill] + @active\n", ".verbs", "t.verbs")
    parse_text("%bomber = bomber\n", ".classes", "t.classes", lex)
    parse_text("the bomber\n    ---INS\nguards\n    ---COP\n", ".actors", "t.actors", lex)
    coder = eventcode.Coder(builtin=False, lexicon=lex, require="none", dates=False, places=False)
    assert [e.action.code for e in coder.code("The bomber killed two guards.")] == ["1831"]
    assert [e.action.code for e in coder.code("The bomber was killed by guards.")] == []
