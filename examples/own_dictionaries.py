"""Adding your own actors and verb patterns to the built-in dictionaries.

The files in examples/dictionaries/ use eventcode's native format (docs/dictionaries.md). Entries in your
files are loaded after the built-in set, so where a phrase is in both, yours wins.
"""

from __future__ import annotations

import pathlib

import eventcode

HERE = pathlib.Path(__file__).resolve().parent


def main() -> list[eventcode.Event]:
    coder = eventcode.Coder(dictionaries=[HERE / "dictionaries"])
    text = "The Eastern Shield Militia impounded trucks belonging to Governor Example Khan."
    events = coder.code(text, date="2021-05-01")
    for e in events:
        print(e.actor.code if e.actor else None, e.action.code, e.action.name,
              e.target.code if e.target else None, "|", e.evidence.pattern_source if e.evidence else "")
    print(coder.explain(text, date="2021-05-01"))
    return events


if __name__ == "__main__":
    main()
