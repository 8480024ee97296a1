"""TABARI's and PETRARCH's own validation suites, coded with their own dictionaries through eventcode.

The suites and dictionaries are read from ``../shared/reference`` at test time (never copied into the
project); the tests skip when ``../shared`` is absent. A record passes when the set of (source, target, code)
triples coded equals the expected set. The pass rate per category is printed (``pytest -s`` shows it);
``scripts/validate_suites.py`` lists every failing record with expected and coded triples.
"""

from __future__ import annotations

import pathlib

import pytest

from eventcode import Coder
from eventcode.analysis.suites import (
    SuiteResult,
    coder_triples,
    read_petrarch_suite,
    read_tabari_suite,
    run_suite,
)
from eventcode.lexicon import apply_tabari_option

pytestmark = [pytest.mark.slow, pytest.mark.shared]

TABARI_TARGET = 0.95
PETRARCH_TARGET = 0.85


def _report(name: str, result: SuiteResult) -> None:
    print(f"\n{name}: {sum(result.passed)}/{len(result.passed)} records pass ({result.rate:.1%})")
    print(result.table())


def test_tabari_validation_suite(shared_dir: pathlib.Path) -> None:
    """TABARI's Validate.text (records before FINAL-01) with the dictionaries Validate.project names: >= 95%."""
    base = shared_dir / "reference" / "tabari"
    coder = Coder.from_tabari(base / "Validate.project")
    assert coder.compiled.classic is not None
    opts = coder.compiled.classic.options.copy()
    opts.whole_text = True  # TABARI codes each record as one sentence
    coder.options = opts
    records = read_tabari_suite(base / "Validate.text")
    assert len(records) >= 461 and records[-1].id != "FINAL-01"
    result = run_suite(records, lambda r: coder_triples(coder, r), lambda o: apply_tabari_option(o, opts))
    _report("TABARI Validate.text", result)
    assert result.rate >= TABARI_TARGET, [r.id for r, _ in result.failures()]


def test_petrarch_validation_suite(shared_dir: pathlib.Path) -> None:
    """PETRARCH's unit-test records (sentence text only) with the PETR.Validate.* dictionaries: >= 85%."""
    base = shared_dir / "reference" / "petrarch2"
    d = base / "dictionaries"
    coder = Coder.from_petrarch(d / "PETR.Validate.verbs.txt", [d / "PETR.Validate.actors.txt"],
                                d / "PETR.Validate.agents.txt", d / "PETR.Validate.discards.txt")
    records = read_petrarch_suite(base / "text" / "PETR.UnitTest.records.xml")
    assert len(records) == 284
    result = run_suite(records, lambda r: coder_triples(coder, r))
    _report("PETRARCH PETR.UnitTest.records.xml", result)
    assert result.rate >= PETRARCH_TARGET, [r.id for r, _ in result.failures()]


def test_phoenix_dictionaries_load_and_code(shared_dir: pathlib.Path) -> None:
    """The full Phoenix actor set and CAMEO.2.0 translate, with what is not translated reported."""
    d = shared_dir / "reference" / "petrarch2" / "dictionaries"
    coder = Coder.from_petrarch(d / "CAMEO.2.0.txt", [d / "Phoenix.Countries.actors.txt",
                                                      d / "Phoenix.International.actors.txt",
                                                      d / "Phoenix.MilNonState.actors.txt"],
                                d / "Phoenix.agents.txt", d / "Phoenix.discards.txt")
    lex = coder.lexicon
    assert lex is not None and len(lex.actors) > 25000 and len(lex.patterns) > 40000
    assert lex.report.untranslated["verb transformation (not translated)"] > 0
    events = coder.code("Israeli troops killed three Palestinian militants in Gaza on Monday.", date="2014-07-01")
    assert any(e.actor and e.actor.code == "ISRMIL" for e in events)
