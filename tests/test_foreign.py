"""TABARI and PETRARCH readers, the classic grammar, the native format's new syntax and the converter.

Every dictionary here is a small snippet written for these tests (fictional countries: Ruritania RUR,
Freedonia FRD, Sylvania SYL, Latveria LAT), never an entry of the real TABARI or PETRARCH files.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import textwrap

import attrs
import pytest

import eventcode
from eventcode.analysis.suites import read_petrarch_suite, read_tabari_suite, run_suite
from eventcode.cli import main
from eventcode.errors import DictionaryError
from eventcode.lexicon import (
    Lexicon,
    apply_tabari_option,
    compile_lexicon,
    load_files,
    parse_text,
    read_petrarch_actors,
    read_petrarch_agents,
    read_petrarch_discards,
    read_petrarch_verbs,
    read_tabari_actors,
    read_tabari_agents,
    read_tabari_options,
    read_tabari_project,
    read_tabari_verbs,
    write_native,
)
from eventcode.lexicon._petrarch import petrarch_lexicon
from eventcode.lexicon._tabari import tabari_lexicon
from eventcode.records import Actor

TABARI_ACTORS = """\
RURITANIA [RUR] ;a stem: Ruritanian matches too
FREEDONIA_ [FRD]
SYLVANIA= [SYL]
LATVERIA [LAT]
KING_RUDOLF
+RUDOLF_THE_FIFTH
\t[RURGOV 900101-991231]
\t[RURELI]
DOOM [LATGOV <001231]
NOBODY [---]
BIG_TWO [RUR/FRD]
SPORTSCLUB [###]
MARSHALL ISLANDS [MHL]
<NOUN>
SHEEP
</NOUN>
<ADJECTIVE>
EVIL
</ADJECTIVE>
"""

TABARI_AGENTS = """\
SOLDIER_ [~MIL] ;troops
AID_WORKERS_ [NGO~]
FOREIGN_MINISTER_ [~GOVFRM]
BAD_AGENT_ [MIL]
"""

TABARI_VERBS = """\
<SYNSETS>
&MONEY
+DOLLAR
+EURO_
+GOLD BARS
</SYNSETS>
<TIME>
YESTERDAY [-1]
</TIME>
ACCUSE [121]
- SAID * [122]
- SAID_* [123]
ATTACK_ [190]
- * { CIVILIANS | VILLAGES } [180]
BREAK_ [161]
{BROKE_ BROKEN_}
- * TREATY [162]
DONATE [070]
- * &MONEY [071]
FLEW_ [032:033]
- $ * TO + [032:033]
MEET [036:036]
- % * [043]
SAY [010?]
FOOTBALL_ [###]
WARN [130]
- + WAS * BY $ [131]
- * AT ^ + [132]
"""


def tabari(actors: str = TABARI_ACTORS, agents: str = TABARI_AGENTS, verbs: str = TABARI_VERBS,
           options: str = "") -> Lexicon:
    """A TABARI-style lexicon from snippets."""
    lex = tabari_lexicon()
    if options:
        read_tabari_options(options, "t.options", lex)
    read_tabari_actors(actors, "t.actors", lex)
    read_tabari_agents(agents, "t.agents", lex)
    read_tabari_verbs(verbs, "t.verbs", lex)
    return lex


def triples(coder: eventcode.Coder, text: str, date: str = "1995-06-01") -> set[tuple[str, str, str]]:
    """(source, target, code) of the events coded in ``text``."""
    return {(e.actor.code or "", e.target.code or "", e.action.code)
            for e in coder.code(text, date=date) if e.actor and e.target}


def coder(lex: Lexicon, **opts: object) -> eventcode.Coder:
    """A coder on ``lex`` alone, with classic options changed."""
    c = eventcode.Coder(builtin=False, lexicon=lex, require="both", dates=False, places=False)
    if opts:
        c.options = attrs.evolve(lex.options, **opts)
    return c


# ---------------------------------------------------------------------------------------------- TABARI reader


def test_tabari_actor_codes_dates_and_synonyms() -> None:
    """Synonyms share the codes; dated codes become roles with TABARI's inclusive ends."""
    lex = tabari()
    rudolf = next(a for a in lex.actors if a.name == "KING RUDOLF")
    assert rudolf.phrases == ("king rudolf*", "rudolf the fifth*")  # the last words are open: stems
    assert rudolf.roles[0].code == "RURGOV" and rudolf.roles[0].start == dt.date(1990, 1, 1)
    assert rudolf.roles[0].end == dt.date(2000, 1, 1)  # 991231 inclusive -> exclusive end
    assert rudolf.default == "RURELI"
    doom = next(a for a in lex.actors if a.name == "DOOM")
    assert doom.default == "---" and doom.code_on(dt.date(2001, 1, 1)) == "---"  # lone restriction: null after


def test_tabari_stems_endings_and_gaps() -> None:
    """An open word is a stem, a closed one gets the regular plural, ``=`` none, a blank allows a gap."""
    phrases = {a.name: a.phrases for a in tabari().actors}
    assert phrases["RURITANIA"] == ("ruritania*",)
    assert phrases["FREEDONIA"] == ("freedonia", "freedonias")
    assert phrases["SYLVANIA"] == ("sylvania",)
    assert phrases["MARSHALL ISLANDS"] == ("marshall* ... islands*",)


def test_tabari_nouns_adjectives_and_special_codes() -> None:
    """``<NOUN>``/``<ADJECTIVE>`` lists are read; null, discard and compound codes are kept as written."""
    lex = tabari()
    assert lex.nouns == ["sheep*"] and lex.adjectives == ["evil*"]
    codes = {a.name: a.default for a in lex.actors}
    assert codes["NOBODY"] == "---" and codes["SPORTSCLUB"] == "###" and codes["BIG TWO"] == "RUR/FRD"


def test_tabari_agents_prefix_suffix_and_report() -> None:
    """``~CODE`` goes after the actor's code, ``CODE~`` before; an agent code without ``~`` is reported."""
    lex = tabari()
    by_phrase = {g.phrase: g for g in lex.agents}
    assert by_phrase["soldier"].code == "MIL" and not by_phrase["soldier"].prefix
    assert by_phrase["aid workers"].prefix and by_phrase["aid workers"].code == "NGO"
    assert lex.report.untranslated["agent without a ~ code"] == 1


def test_tabari_verbs_patterns_codes_and_forms() -> None:
    """Roots, irregular forms, upper and lower phrases, paired, weak and special codes are translated."""
    lex = tabari()
    assert "broke" in lex.verb_forms["broke"] and "breaks" in lex.verb_forms["break"]
    heads = {p.head for p in lex.patterns}
    assert {"accuse*", "attack", "break", "broke", "broken", "say*"} <= heads
    said = next(p for p in lex.patterns if p.code == "122")
    assert [e.kind for e in said.before] == ["lit", "any"]  # SAID then a gap before the verb
    adjacent = next(p for p in lex.patterns if p.code == "123")
    assert [e.kind for e in adjacent.before] == ["lit"] and adjacent.before[0].alternatives == (("said",),)
    flew = next(p for p in lex.patterns if p.head == "flew" and p.before)
    assert flew.code == "032" and flew.reverse_code == "033"
    assert next(p for p in lex.patterns if p.head == "say*").weak
    assert next(p for p in lex.patterns if p.head == "football").code == "###"


def test_tabari_synsets_and_time_shifts() -> None:
    """Synsets become word classes (stems kept), ``<TIME>`` entries time shifts."""
    lex = tabari()
    assert lex.classes["money"] == ["dollar*", "euro", "gold* ... bars*"]
    assert [(t.phrase, t.days) for t in lex.time_shifts] == [("yesterday*", -1)]


def test_tabari_unreadable_pattern_is_reported_not_dropped_silently() -> None:
    """A pattern the reader cannot translate is counted with its line."""
    lex = tabari(verbs="ACCUSE [121]\n- SAID WITH @ * [122]\n- SAID * [122]\n")
    assert lex.report.untranslated["untranslated verb pattern"] == 1
    assert "t.verbs:2" in lex.report.examples["untranslated verb pattern"][0]


def test_tabari_options_commands() -> None:
    """``.options`` commands set the classic options; the rest is reported."""
    lex = tabari(options="COMPLEX: VERBS[6] NOACTPRIOR\nSET: CODE BY SENTENCE\nCOMMA: MIN=3 MAX=7\n"
                         "DEFAULT: SOURCE [SRC] PRIOR\nLABEL: 010=YIELD\n")
    o = lex.options
    assert (o.complex_verbs, o.no_actor_prior, o.code_by, o.comma_min, o.comma_max) == (6, True, "sentence", 3, 7)
    assert o.default_source == "SRC" and o.default_source_prior
    assert lex.report.untranslated["option without effect on coding"] == 1
    assert apply_tabari_option("SET: MINIMUM WORDS = 4", o) and o.min_words == 4


def test_tabari_project_names_the_files(tmp_path: pathlib.Path) -> None:
    """A ``.project`` file names the actors, agents, verbs and options files."""
    (tmp_path / "x.actors").write_text(TABARI_ACTORS)
    (tmp_path / "x.agents").write_text(TABARI_AGENTS)
    (tmp_path / "x.verbs").write_text(TABARI_VERBS)
    (tmp_path / "x.options").write_text("SET: CODE ALL\n")
    (tmp_path / "x.project").write_text("A test project\n<actorsfile> x.actors\n<verbsfile> x.verbs\n"
                                        "<agentsfile> x.agents\n<optionsfile> x.options\n<textfile> x.text\n")
    lex = read_tabari_project(tmp_path / "x.project")
    assert lex.codebook is None and lex.grammar == "classic" and lex.options.code_by == "all"
    assert len(lex.actors) == 10 and lex.patterns
    c = eventcode.Coder.from_tabari(tmp_path / "x.project")
    assert triples(c, "Ruritania accused Freedonia of lying about the border on Monday.") == {("RUR", "FRD", "121")}


# ---------------------------------------------------------------------------------------------- classic grammar


def test_classic_default_source_and_target() -> None:
    """The first actor before the verb is the source, the first one after it the target."""
    c = coder(tabari())
    assert triples(c, "Ruritania accused Freedonia of lying about the border on Monday.") == {("RUR", "FRD", "121")}
    assert triples(c, "Ruritanian officials accused Freedonia of lying about the border.") == {("RUR", "FRD", "121")}


def test_classic_stems_closed_words_and_endings() -> None:
    """A stem matches any word it starts; a closed word only itself and its plural; ``=`` only itself."""
    c = coder(tabari())
    assert triples(c, "The Ruritanians accused the Freedonias of lying about the border.") == {("RUR", "FRD", "121")}
    assert not triples(c, "The Ruritanians accused the Freedonians of lying about the border.")
    assert not triples(c, "Ruritania accused the Sylvanias of lying about the border on Monday.")


def test_classic_upper_phrases_and_connectors() -> None:
    """Words before the verb match with gaps (blank) or next to it (underscore); longest pattern first."""
    c = coder(tabari())
    assert triples(c, "Ruritania said it would accuse Freedonia of lying about the border.") == {
        ("RUR", "FRD", "122")}
    assert triples(c, "Ruritania said accused Freedonia of lying about the border yesterday.") == {
        ("RUR", "FRD", "123")}


def test_classic_alternatives_synsets_and_irregular_forms() -> None:
    """Alternatives, synset members (stems included) and listed verb forms all match."""
    c = coder(tabari())
    assert triples(c, "Ruritania attacked villages in Freedonia on Monday morning, witnesses said.") == {
        ("RUR", "FRD", "180")}
    assert triples(c, "Ruritania donated millions of dollars to Freedonia on Monday.") == {("RUR", "FRD", "071")}
    assert triples(c, "Ruritania broke the treaty with Freedonia on Monday evening.") == {("RUR", "FRD", "162")}


def test_classic_paired_compound_and_skip_slots() -> None:
    """``032:033`` adds the reverse event; ``%`` pairs a compound; ``^`` skips an actor."""
    c = coder(tabari())
    assert triples(c, "Ruritania flew to Freedonia on Monday for talks on trade.") == {
        ("RUR", "FRD", "032"), ("FRD", "RUR", "033")}
    assert triples(c, "Ruritania and Freedonia will meet in the capital on Monday.") == {
        ("RUR", "FRD", "043"), ("FRD", "RUR", "043")}
    assert triples(c, "Ruritania warned at Latveria about Freedonia on Monday evening.") == {("RUR", "FRD", "132")}


def test_classic_passive_agents_and_compound_codes() -> None:
    """Passive voice swaps source and target; agents join actor codes; ``A/B`` codes code each."""
    c = coder(tabari())
    assert triples(c, "Freedonia was warned by Ruritania on Monday about the border.") == {("RUR", "FRD", "131")}
    assert triples(c, "Ruritanian soldiers accused Freedonia's foreign minister of lying on Monday.") == {
        ("RURMIL", "FRDGOVFRM", "121")}
    assert triples(c, "Aid workers in Latveria accused Freedonia of lying about the border.") == {
        ("NGOLAT", "FRD", "121")}
    assert triples(c, "The big two accused Latveria of lying about the border on Monday.") == {
        ("RUR", "LAT", "121"), ("FRD", "LAT", "121")}


def test_classic_dates_discards_weak_codes_and_time_shifts() -> None:
    """Dated roles follow the date; discard codes code nothing; weak codes give way; time phrases shift."""
    c = coder(tabari())
    s = "King Rudolf accused Freedonia of lying about the border on Monday."
    assert triples(c, s, "1995-01-01") == {("RURGOV", "FRD", "121")}
    assert triples(c, s, "2003-01-01") == {("RURELI", "FRD", "121")}
    assert not triples(c, "The sportsclub accused Freedonia of lying about the border on Monday.")
    assert not triples(c, "Ruritania played football against Freedonia and accused Latveria.")
    assert triples(c, "Ruritania says Freedonia was lying about the border on Monday.") == {("RUR", "FRD", "010")}
    ev = c.code("Yesterday Ruritania accused Freedonia of lying about the border.", date="1995-06-01")
    assert ev[0].date == dt.date(1995, 5, 31)


def test_classic_clauses_commas_and_complexity() -> None:
    """Conjunctions split clauses; short comma clauses are deleted; complexity limits code nothing."""
    c = coder(tabari())
    assert triples(c, "Ruritania accused Freedonia on Monday and attacked villages in Latveria.") == {
        ("RUR", "FRD", "121"), ("RUR", "LAT", "180")}
    assert triples(c, "Ruritania, a small kingdom of the north, accused Freedonia of lying.") == {
        ("RUR", "FRD", "121")}
    assert not triples(coder(tabari(), complex_verbs=2),
                       "Ruritania accused Freedonia on Monday and attacked villages in Latveria.")
    assert not triples(coder(tabari(), min_words=20), "Ruritania accused Freedonia of lying.")


def test_classic_default_codes_and_agents_alone() -> None:
    """DEFAULT source/target codes fill a missing side; agents alone can become actors."""
    c = coder(tabari(), default_source="DEFSRC", default_source_prior=True)
    assert triples(c, "The regime accused Freedonia of lying about the border on Monday.") == {
        ("DEFSRC", "FRD", "121")}
    c2 = coder(tabari(), agents_alone="tilde")
    assert triples(c2, "Soldiers accused Freedonia of lying about the border on Monday.") == {("~MIL", "FRD", "121")}


def test_classic_explain_and_foreign_actor_codes() -> None:
    """Explanations work in the classic grammar; records accept foreign codes."""
    c = coder(tabari())
    text = str(c.explain("Ruritania accused Freedonia of lying about the border on Monday.", date="1995-06-01"))
    assert "RUR" in text and "121" in text
    assert Actor(code="YEMNO").code == "YEMNO" and Actor(code="~MIL").code == "~MIL"


# ---------------------------------------------------------------------------------------------- PETRARCH reader

PETR_ACTORS = """\
<!-- a comment -->
RURITANIA_ [RUR] # the kingdom
+RURITANIAN
KING_RUDOLF
\t[RURGOV 19900101-19991231]
\t[RURELI <19891231]
FREEDONIA_ [FRD]
LATVERIA_ [LAT]
"""

PETR_AGENTS = """\
!PERSON! = MAN, WOMAN
POLICE {} [~COP]
ARMY [~MIL]
CONGRESS!PERSON! [~LEG]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
MEDICS [NGO~]
"""

PETR1_VERBS = """\
&MONEY
+DOLLAR
+PESO_

--- ACCUSE [121] ---
ACCUSE
CHARGE [122]
- SAID * [123]
- * OF &MONEY [124]

--- MEET [036:036] ---
MEET {MEETS MET MEETING}
+SIT_DOWN
- % * [043:043]
"""

PETR2_VERBS = """\
####### VERB PATTERNS #######
--- ACCUSE [121] ---
ACCUSE
- * {BORDER VIOLATION} (OF +) [122]
~ a (a b ACCUSE) SAY = a b 015
"""


def test_petrarch_actors_agents_and_discards() -> None:
    """Actors with dated codes, agents with plural rules and markers, stem discards."""
    lex = petrarch_lexicon()
    read_petrarch_actors(PETR_ACTORS, "p.actors", lex)
    read_petrarch_agents(PETR_AGENTS, "p.agents", lex)
    read_petrarch_discards("+WORLD CUP\nSOCCER_\nGOLF\n", "p.discards", lex)
    rudolf = next(a for a in lex.actors if a.name == "KING RUDOLF")
    assert rudolf.roles[0].start == dt.date(1990, 1, 1) and rudolf.roles[1].end == dt.date(1990, 1, 1)
    assert next(a for a in lex.actors if a.name == "RURITANIA").phrases == ("ruritania", "ruritanian")
    agents = {g.phrase: (g.code, g.prefix) for g in lex.agents}
    assert agents["police"] == ("COP", False) and "polices" not in agents
    assert agents["armies"] == ("MIL", False) and agents["golden geese"] == ("GGS", False)
    assert agents["congressman"] == ("LEG", False) and agents["congresswoman"] == ("LEG", False)
    assert agents["medics"] == ("NGO", True)
    assert lex.discards == ["world cup*", "soccer", "golf*"]
    assert lex.report.untranslated["story-level discard applied to the sentence"] == 1


def test_petrarch1_verbs_blocks_synsets_and_multiwords() -> None:
    """PETRARCH-1 blocks share their patterns; synsets get plurals; ``+`` marks a multi-word verb."""
    lex = petrarch_lexicon()
    read_petrarch_verbs(PETR1_VERBS, "p.verbs", lex)
    assert lex.classes["money"] == ["dollar", "dollars", "peso"]
    charge = [p for p in lex.patterns if p.head == "charge"]
    assert {p.code for p in charge} == {"122", "123", "124"}
    sit = [p for p in lex.patterns if p.head == "sit"]
    assert sit and sit[-1].after[0].alternatives == (("down",),)
    assert {"met", "meets"} <= set(lex.verb_forms["meet"])


def test_petrarch2_phrases_approximated_and_reported() -> None:
    """PETRARCH-2 noun and prepositional phrases become word order; transformations are reported."""
    lex = petrarch_lexicon()
    read_petrarch_verbs(PETR2_VERBS, "p2.verbs", lex)
    p = next(p for p in lex.patterns if p.code == "122")
    kinds = [e.kind for e in p.after]
    assert kinds == ["any", "lit", "any", "lit", "any", "lit", "any", "target"]
    assert lex.report.untranslated["PETRARCH-2 phrase structure approximated as word order"] == 1
    assert lex.report.untranslated["verb transformation (not translated)"] == 1


def test_petrarch_coder_and_options(tmp_path: pathlib.Path) -> None:
    """``Coder.from_petrarch`` codes with PETRARCH's options (agents in the noun phrase, modals never verbs)."""
    for name, body in (("v.txt", PETR1_VERBS), ("a.txt", PETR_ACTORS), ("g.txt", PETR_AGENTS)):
        (tmp_path / name).write_text(body)
    c = eventcode.Coder.from_petrarch(tmp_path / "v.txt", [tmp_path / "a.txt"], tmp_path / "g.txt")
    assert c.lexicon is not None and not c.lexicon.options.modal_verbs
    assert triples(c, "Ruritania said it would charge Freedonia with spying.") == {("RUR", "FRD", "123")}
    assert triples(c, "Ruritania and Freedonia will sit down in the capital on Monday.") == {
        ("RUR", "FRD", "043"), ("FRD", "RUR", "043")}
    assert triples(c, "The army from Latveria accused Freedonia on Monday.") == {("LATMIL", "FRD", "121")}


# ---------------------------------------------------------------------------------------------- native format


NATIVE_VERBS = """\
== 042:043
visit +
== ---
visit + for dinner
== 1711
reportedly [deport] +
== 010
say @weak
"""


def test_native_new_syntax_parses() -> None:
    """Paired sections, the null code, a marked verb with words before it, ``@weak``."""
    lex = parse_text(NATIVE_VERBS, ".verbs")
    visit = lex.patterns[0]
    assert (visit.code, visit.reverse_code) == ("042", "043")
    assert lex.patterns[1].code == "---"
    deport = lex.patterns[2]
    assert deport.head == "deport" and [e.kind for e in deport.before] == ["lit"]
    assert lex.patterns[3].weak


def test_native_grammar_honours_paired_null_and_preceding_words(tmp_path: pathlib.Path) -> None:
    """The native grammar codes paired events, drops null-coded matches, checks words before the verb."""
    (tmp_path / "t.verbs").write_text(NATIVE_VERBS)
    (tmp_path / "t.actors").write_text("Germany\n    DEU\nFrance\n    FRA\n")
    c = eventcode.Coder([tmp_path], builtin=False, dates=False, places=False)
    assert triples(c, "Germany visited France.") == {("DEU", "FRA", "042"), ("FRA", "DEU", "043")}
    assert not triples(c, "Germany visited France for dinner.")
    assert triples(c, "Germany reportedly deported France.") == {("DEU", "FRA", "1711")}
    assert not triples(c, "Germany deported France.")


def test_native_grammar_refuses_classic_only_features() -> None:
    """Stems, ``...`` gaps and prefix agents in a native-grammar lexicon raise a clear error."""
    lex = parse_text("== 190\nattack* ... +\n", ".verbs")
    with pytest.raises(DictionaryError, match="classic grammar"):
        compile_lexicon(lex)


def test_native_settings_times_words_and_forms() -> None:
    """``.settings``, ``.times``, ``.nouns`` and ``== forms`` files read into the lexicon."""
    lex = parse_text("grammar = classic\ncodebook = none\ncode_by = all\nagent_links = in, of, from\n", ".settings")
    parse_text("yesterday = -1\nkickoff = DISCARD\n", ".times", lex=lex)
    parse_text("sheep*\n", ".nouns", lex=lex)
    parse_text("== forms\ndepart departs departed departen\n", ".irregular", lex=lex)
    assert lex.grammar == "classic" and lex.codebook is None and lex.options.code_by == "all"
    assert lex.options.agent_links == ("in", "of", "from")
    assert [(t.phrase, t.days, t.code) for t in lex.time_shifts] == [("yesterday", -1, None), ("kickoff", 0, "###")]
    assert lex.nouns == ["sheep*"] and lex.verb_forms["depart"] == ["departs", "departed", "departen"]


def _normal(lex: Lexicon) -> dict[str, object]:
    return dict(
        actors=[(a.phrases, a.roles, a.default) for a in lex.actors],
        agents=sorted((g.phrase, g.code, g.prefix) for g in lex.agents),
        patterns=[(p.code, p.reverse_code, p.head, p.head_rest, p.before, p.after, p.symmetric, p.noun_head, p.weak,
                   p.dominant) for p in lex.patterns],
        classes={k: v for k, v in lex.classes.items() if v}, forms=lex.verb_forms, discards=lex.discards,
        nouns=lex.nouns, adjectives=lex.adjectives, times=[(t.phrase, t.days, t.code) for t in lex.time_shifts],
        grammar=lex.grammar, codebook=lex.codebook, options=attrs.asdict(lex.options),
    )


def test_write_native_round_trip_tabari(tmp_path: pathlib.Path) -> None:
    """A translated TABARI lexicon written out loads back to an equivalent lexicon that codes the same."""
    lex = tabari(options="COMPLEX: VERBS[6]\n")
    write_native(lex, tmp_path)
    back = load_files([tmp_path], Lexicon())
    assert _normal(back) == _normal(lex)
    s = "Ruritania flew to Freedonia on Monday for talks on trade."
    assert triples(coder(back), s) == triples(coder(lex), s)


def test_write_native_round_trip_petrarch(tmp_path: pathlib.Path) -> None:
    """A translated PETRARCH lexicon written out loads back to an equivalent lexicon."""
    lex = petrarch_lexicon()
    read_petrarch_actors(PETR_ACTORS, "p.actors", lex)
    read_petrarch_agents(PETR_AGENTS, "p.agents", lex)
    read_petrarch_verbs(PETR1_VERBS, "p.verbs", lex)
    read_petrarch_discards("SOCCER_\n", "p.discards", lex)
    write_native(lex, tmp_path / "out")
    assert _normal(load_files([tmp_path / "out"], Lexicon())) == _normal(lex)


# ---------------------------------------------------------------------------------------------- CLI and suites


def test_cli_convert_and_code_with_petrarch(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``eventcode convert`` writes native files; ``--petrarch-*`` and ``-d --no-builtin`` code with them."""
    for name, body in (("v.txt", PETR1_VERBS), ("a.txt", PETR_ACTORS)):
        (tmp_path / name).write_text(body)
    args = ["--petrarch-verbs", str(tmp_path / "v.txt"), "--petrarch-actors", str(tmp_path / "a.txt")]
    assert main(["convert", *args, "-o", str(tmp_path / "native"), "-q"]) == 0
    assert (tmp_path / "native" / "verbs.verbs").exists()
    (tmp_path / "in.txt").write_text("Ruritania accused Freedonia of spying on Monday.")
    assert main(["code", *args, "--format", "text", "-q", str(tmp_path / "in.txt")]) == 0
    assert "RUR\t121\tFRD" in capsys.readouterr().out
    assert main(["code", "-d", str(tmp_path / "native"), "--no-builtin", "--format", "text", "-q",
                 str(tmp_path / "in.txt")]) == 0
    assert "RUR\t121\tFRD" in capsys.readouterr().out


def test_suite_readers_and_scoring(tmp_path: pathlib.Path) -> None:
    """Validation records: expected triples, special codes, ``-{`` and options; PETRARCH XML records."""
    (tmp_path / "v.text").write_text(textwrap.dedent("""\
        950101  OPT-01
        Changing options for the next record.
        /* { OPTION: SET: CODE ALL } */

        950101  T-01
        Ruritania accused Freedonia of lying about the border on Monday.
        /*\\n{ RUR / FRD / 121 } */

        950101  T-02
        Nothing happens in this sentence at all today.
        /*\\n{---} -{ RUR / LAT / 121 } */

        990101  FINAL-01
        The end.
        """))
    recs = read_tabari_suite(tmp_path / "v.text")
    assert [r.id for r in recs] == ["OPT-01", "T-01", "T-02"] and recs[0].options == ("SET: CODE ALL",)
    assert recs[1].expected == {("RUR", "FRD", "121")} and recs[2].partial and "---" in recs[2].special
    c = coder(tabari())
    c.options = c.lexicon.options.copy()  # type: ignore[union-attr]
    result = run_suite(recs, lambda r: triples(c, r.text), lambda o: apply_tabari_option(o, c.options))  # type: ignore[arg-type]
    assert c.options.code_by == "all" and result.passed == [True, True, True]  # type: ignore[union-attr]
    assert recs[2].passes({("RUR", "LAT", "121")})  # -{...}: further events are not checked
    (tmp_path / "p.xml").write_text(
        '<Validation><Sentences><Sentence date="19950101" id="X-1" category="DEMO" sentence="true">'
        '<EventCoding sourcecode="RUR" targetcode="FRD" eventcode="121"></EventCoding>'
        "<Text>Ruritania accused Freedonia.</Text><Parse>(ROOT)</Parse></Sentence></Sentences></Validation>")
    (p,) = read_petrarch_suite(tmp_path / "p.xml")
    assert p.category == "DEMO" and p.expected == {("RUR", "FRD", "121")} and p.date == dt.date(1995, 1, 1)
