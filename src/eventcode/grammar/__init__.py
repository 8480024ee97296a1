"""Grammar: verb patterns, clause decisions and event assembly."""

from eventcode.grammar._assemble import Explanation, SentenceTrace, code_sentences, explain_sentences

__all__ = ["Explanation", "SentenceTrace", "code_sentences", "explain_sentences"]
