"""Run the TABARI and PETRARCH validation suites and list every failing record, expected vs coded.

Usage: python scripts/validate_suites.py [--suite tabari|petrarch|both] [--shared PATH] [--quiet]

The suites are read from ../shared/reference at run time (never copied into the project):
TABARI's Validate.text with the dictionaries Validate.project names, and PETRARCH's
text/PETR.UnitTest.records.xml with dictionaries/PETR.Validate.*. Only the sentence text of the PETRARCH
records is used, never their parse trees.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventcode import Coder  # noqa: E402
from eventcode.analysis.suites import (  # noqa: E402
    SuiteResult,
    coder_triples,
    read_petrarch_suite,
    read_tabari_suite,
    run_suite,
)
from eventcode.lexicon import apply_tabari_option  # noqa: E402


def run_tabari(shared: pathlib.Path) -> SuiteResult:
    base = shared / "reference" / "tabari"
    coder = Coder.from_tabari(base / "Validate.project")
    opts = coder.compiled.classic.options.copy()  # type: ignore[union-attr]
    opts.whole_text = True  # TABARI codes each record as one sentence
    coder.options = opts
    return run_suite(read_tabari_suite(base / "Validate.text"), lambda r: coder_triples(coder, r),
                     lambda o: apply_tabari_option(o, opts))


def run_petrarch(shared: pathlib.Path) -> SuiteResult:
    base = shared / "reference" / "petrarch2"
    d = base / "dictionaries"
    coder = Coder.from_petrarch(d / "PETR.Validate.verbs.txt", [d / "PETR.Validate.actors.txt"],
                                d / "PETR.Validate.agents.txt", d / "PETR.Validate.discards.txt")
    return run_suite(read_petrarch_suite(base / "text" / "PETR.UnitTest.records.xml"),
                     lambda r: coder_triples(coder, r))


def show(name: str, result: SuiteResult, quiet: bool) -> None:
    print(f"== {name}: {sum(result.passed)}/{len(result.passed)} passed ({result.rate:.1%})")
    print(result.table())
    if quiet:
        return
    for rec, coded in result.failures():
        exp = sorted(rec.expected)
        extra = (" " + " ".join(sorted(rec.special))) if rec.special else ""
        print(f"\n-- {rec.id} [{rec.category}] {rec.date}{' (partial)' if rec.partial else ''}")
        print(f"   text:     {rec.text[:300]}")
        print(f"   expected: {exp}{extra}")
        print(f"   coded:    {sorted(coded)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", choices=["tabari", "petrarch", "both"], default="both")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="path of ../shared")
    ap.add_argument("-q", "--quiet", action="store_true", help="only the pass rates")
    args = ap.parse_args(argv)
    shared = pathlib.Path(args.shared)
    if not (shared / "reference").is_dir():
        print(f"validate_suites: {shared}/reference not found", file=sys.stderr)
        return 2
    for name, fn in (("TABARI", run_tabari), ("PETRARCH", run_petrarch)):
        if args.suite in (name.lower(), "both"):
            t = time.perf_counter()
            res = fn(shared)
            show(name, res, args.quiet)
            print(f"   ({time.perf_counter() - t:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
