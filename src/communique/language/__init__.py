"""Language: sentences, tokens, entities and the language of a text."""

from .nlp import LanguageTools
from .sentences import Sentence, split_sentences

__all__ = ["LanguageTools", "Sentence", "split_sentences"]
