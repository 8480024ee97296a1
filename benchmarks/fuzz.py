"""Fuzz eventcode on demand: code() and the dictionary readers under many random inputs (hypothesis).

Usage: python benchmarks/fuzz.py [--examples N]

code() must return for any string, with offsets inside the text and codes in the codebook. The dictionary
readers must either read a file or raise DictionaryError (a ValueError with file:line); any other exception is
a bug. Results are summarised in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import contextlib
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventcode
from eventcode.codebook import get_event_code
from eventcode.errors import DictionaryError
from eventcode.lexicon import parse_text

_NEWSY = st.lists(st.sampled_from(
    ["Germany", "invaded", "France", "the", "U.S.", "Taliban", "attacked", "police", "in", "Kabul", "said", "on",
     "Tuesday", "and", "not", ",", ".", "\n", "“", "”", "was", "killed", "by", "militants", "will", "meet", "He",
     "(", ")", "'s", "-", "if", "would", "refused", "to", "Mr.", "Gen.", "ALSO READ:", "Published", "$5 million"]),
    max_size=60).map(" ".join)
_TEXT = st.one_of(st.text(max_size=2000), _NEWSY)
_DICT_LINE = st.one_of(
    st.text(alphabet=st.sampled_from("abcXYZ;=+$%*()|{}@!#\t -.0123456789\n"), max_size=80),
    st.sampled_from(["== 190", "== 99", "attack +", "kill + {a|b", "(with +)", "%weapon = gun; bomb", "USAGOV",
                     "    USAGOV 2020-01-01..2021-01-01", "    XXX", "    USA 2021-13-01..", "meet (with) + @sym",
                     "@bad", "Joe Biden; Biden", "    MIL"]),
)
_DICT = st.lists(_DICT_LINE, max_size=12).map("\n".join)


def fuzz_code(n: int) -> None:
    coder = eventcode.default_coder()

    @settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(_TEXT)
    def run(text: str) -> None:
        for e in coder.code(text, date="2021-03-01"):
            assert get_event_code(e.action.code) is not None
            for a in (e.actor, e.target):
                if a is not None and a.start is not None and a.end is not None:
                    assert text[a.start : a.end] == a.text

    run()


def fuzz_readers(n: int) -> None:
    @settings(max_examples=n, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(_DICT, st.sampled_from([".actors", ".agents", ".verbs", ".classes", ".irregular", ".discards"]))
    def run(text: str, kind: str) -> None:
        with contextlib.suppress(DictionaryError):
            parse_text(text, kind, "fuzz" + kind)

    run()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=2000)
    a = ap.parse_args()
    for name, fn in [("code()", fuzz_code), ("native dictionary readers", fuzz_readers)]:
        t = time.perf_counter()
        fn(a.examples)
        print(f"{name}: {a.examples} examples, no failure, {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
