"""The modules an optional compiled build turns into C extensions with mypyc (``hatch_build.py`` reads this list).

They are the per-sentence path from tokens to events; the rest runs once per coder or per document and stays
Python. The pure-Python build is the default; docs/scaling.md says how to build the compiled one.
"""

from __future__ import annotations

import importlib
import importlib.machinery

MODULES = (
    "eventcode.text._tokens",
    "eventcode.text._sentences",
    "eventcode.mentions._calendar",
    "eventcode.mentions.actors",
    "eventcode.mentions.dates",
    "eventcode.mentions.places",
    "eventcode.mentions.location",
    "eventcode.grammar._words",
    "eventcode.grammar._where",
    "eventcode.grammar._engine",
    "eventcode.grammar._assemble",
)


def compiled_modules() -> list[str]:
    """Which of :data:`MODULES` this process runs compiled, sorted; empty for the pure-Python build."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(name for name in MODULES
                  if str(getattr(importlib.import_module(name), "__file__", "") or "").endswith(suffixes))
