"""The spaCy pipeline and the language detector, loaded once per process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cached_property
from typing import Any

import py3langid
import spacy
from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

from ..errors import CommuniqueError

# Words that make about a fifth of any English prose and are rare as words in other languages:
# an opening where they make an eighth or more is English, without asking the identifier,
# which costs as much as the rest of reading an article. Openings of fewer words, such as a
# headline in capitals, go to the identifier.
_ENGLISH_WORDS = frozenset(
    ("the", "of", "and", "to", "that", "with", "was", "were", "said", "which", "from", "has")
    + ("have", "for", "is")
)
_ENGLISH_SHARE = 0.125
_ENGLISH_MIN_WORDS = 20


def _reads_as_english(sample: str) -> bool:
    words = sample.lower().split()
    english = sum(word in _ENGLISH_WORDS for word in words)
    return len(words) >= _ENGLISH_MIN_WORDS and english >= _ENGLISH_SHARE * len(words)


class LanguageTools:
    """spaCy (loaded lazily, once) and an offline language identifier."""

    def __init__(
        self,
        model_name: str,
        components: Sequence[str] = (
            "tok2vec",
            "tagger",
            "parser",
            "attribute_ruler",
            "lemmatizer",
            "ner",
        ),  # fmt: skip
    ) -> None:
        # The coder reads the dependency parse (roles), lemmas (frames) and `doc.ents`
        # (people); only candidate sentences are parsed, so the full pipeline is affordable.
        self.model_name = model_name
        self.components = list(components)

    @cached_property
    def nlp(self) -> SpacyLanguage:
        try:
            return spacy.load(self.model_name, enable=self.components)
        except OSError as exc:
            raise CommuniqueError(
                f"spaCy model {self.model_name!r} is not installed; install the package that "
                "ships it (see README) or set `spacy_model`"
            ) from exc

    def load(self) -> None:
        """Load both models now, so that the first article does not pay for them."""
        self.nlp  # noqa: B018
        py3langid.classify("load the language identifier")

    def parse(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Doc]:
        return self.nlp.pipe(texts, batch_size=batch_size)

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of the text's language, or None for text too short to tell."""
        if len(text[:2000].split(maxsplit=4)) < 5:
            return None
        # py3langid's cost grows with the sample; 400 characters already named the same
        # language as 2,000 on every article of the shared, sample and benchmark corpora.
        sample = text[:600]
        if len(text) > len(sample):
            sample = sample.rpartition(" ")[0] or sample  # no word cut in half
        if _reads_as_english(sample):
            return "en"
        language: Any = py3langid.classify(sample)[0]
        return str(language)
