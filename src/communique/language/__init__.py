"""Language: sentences, tokens, entities and the language of a text."""

from .nlp import LanguageTools, ParseRequest
from .sentences import Sentence, split_sentences

__all__ = ["LanguageTools", "ParseRequest", "Sentence", "split_sentences"]
