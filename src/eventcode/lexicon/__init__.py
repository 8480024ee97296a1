"""Dictionaries: the model, the native reader and writer, the TABARI and PETRARCH readers, the compiler."""

from eventcode.lexicon._compile import CompiledLexicon, compile_lexicon
from eventcode.lexicon._model import (
    ActorEntry,
    AgentEntry,
    CodingOptions,
    Element,
    Lexicon,
    LoadReport,
    PatternEntry,
    Role,
    TimeShift,
)
from eventcode.lexicon._native import builtin_files, load_builtin, load_files, parse_text
from eventcode.lexicon._petrarch import (
    read_petrarch,
    read_petrarch_actors,
    read_petrarch_agents,
    read_petrarch_discards,
    read_petrarch_verbs,
)
from eventcode.lexicon._tabari import (
    apply_tabari_option,
    read_tabari_actors,
    read_tabari_agents,
    read_tabari_files,
    read_tabari_options,
    read_tabari_project,
    read_tabari_verbs,
)
from eventcode.lexicon._writer import write_native

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "CodingOptions",
    "CompiledLexicon",
    "Element",
    "Lexicon",
    "LoadReport",
    "PatternEntry",
    "Role",
    "TimeShift",
    "apply_tabari_option",
    "builtin_files",
    "compile_lexicon",
    "load_builtin",
    "load_files",
    "parse_text",
    "read_petrarch",
    "read_petrarch_actors",
    "read_petrarch_agents",
    "read_petrarch_discards",
    "read_petrarch_verbs",
    "read_tabari_actors",
    "read_tabari_agents",
    "read_tabari_files",
    "read_tabari_options",
    "read_tabari_project",
    "read_tabari_verbs",
    "write_native",
]
