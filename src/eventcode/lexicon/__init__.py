"""Dictionaries: the model, the native reader, and the compiler to lookup tables."""

from eventcode.lexicon._compile import CompiledLexicon, compile_lexicon
from eventcode.lexicon._model import ActorEntry, AgentEntry, Lexicon, LoadReport, PatternEntry, Role
from eventcode.lexicon._native import builtin_files, load_builtin, load_files, parse_text

__all__ = [
    "ActorEntry",
    "AgentEntry",
    "CompiledLexicon",
    "Lexicon",
    "LoadReport",
    "PatternEntry",
    "Role",
    "builtin_files",
    "compile_lexicon",
    "load_builtin",
    "load_files",
    "parse_text",
]
