"""Grammar: verb patterns, clause decisions and event assembly."""

from eventcode.grammar._assemble import code_sentences, explain_sentences
from eventcode.grammar._explanation import Explanation, SentenceTrace

__all__ = ["Explanation", "SentenceTrace", "code_sentences", "explain_sentences"]
