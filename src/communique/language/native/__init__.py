"""Native analyzers: sentences and morphology for the languages coded in their own words.

English goes through spaCy (`language.nlp`); Korean, Vietnamese and Turkish each have one
module here, `<language>.py`, that wraps a tool shipping its model in a PyPI package (the
`multilingual` extra) behind the `Analyzer` interface below. The native coding engine
(`coding.native`) sees only this interface, so a language is added by writing its module and
its data folder (`data/<language>/`), not by touching the engine.

A module `<language>.py` defines `create() -> Analyzer`. It is imported only when an article in
that language arrives, so English-only users need none of the extra packages.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Protocol

# The languages with a module here; any other language is stored and flagged, not coded.
LANGUAGES = ("ko", "vi", "tr")


@dataclass(frozen=True)
class Token:
    """One word or morpheme of a document.

    `start`/`end` are character offsets into the whole document text (not the sentence), so
    evidence and names are cut from the original. `pos` is a Universal Dependencies tag (NOUN,
    PROPN, VERB, AUX, ADJ, ADP, PART, NUM, PUNCT, X, ...): the engine's data files name these,
    never a tool's own tag set. `lemma` is the dictionary form as the language's data files
    write their triggers (Korean verbs end in 다: 갖다; Turkish lower-case stems: imzala).
    """

    text: str
    lemma: str
    pos: str
    start: int
    end: int


class Analyzer(Protocol):
    """What the native coding engine needs from a language's tools."""

    language: str

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) character offsets of each sentence of `text`, in order.

        A sentence never crosses a line break: headlines and subheads carry no full stop."""
        ...

    def tokens(self, text: str, start: int, end: int) -> list[Token]:
        """The tokens of `text[start:end]`, with offsets into `text`."""
        ...


def analyzer_for(language: str | None) -> Analyzer | None:
    """A fresh analyzer for `language`, or None when it has no module or its extra is missing.

    Loading a model costs a second or more: keep the analyzer (see `Analyzers`) rather than
    calling this per article.
    """
    if language not in LANGUAGES:
        return None
    try:
        module = import_module(f"{__name__}.{language}")
    except ModuleNotFoundError:  # the module is not written yet, or the extra not installed
        return None
    analyzer: Analyzer = module.create()
    return analyzer


class Analyzers:
    """The analyzers one pipeline has loaded, each made on the first article that needs it."""

    def __init__(self) -> None:
        self._loaded: dict[str, Analyzer | None] = {}

    def get(self, language: str | None) -> Analyzer | None:
        if language is None or language not in LANGUAGES:
            return None
        if language not in self._loaded:
            self._loaded[language] = analyzer_for(language)
        return self._loaded[language]


__all__ = ["LANGUAGES", "Analyzer", "Analyzers", "Token", "analyzer_for"]
