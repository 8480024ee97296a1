"""Text: sentence splitting (with scraped-page boilerplate) and tokenizing with character offsets."""

from eventcode.text._sentences import Sentence, split_sentences
from eventcode.text._tokens import Token, normalize, token_norms, tokenize

__all__ = ["Sentence", "Token", "normalize", "split_sentences", "token_norms", "tokenize"]
