"""Vietnamese: underthesea, whose word-segmentation and POS CRF models ship in its wheel.

Vietnamese writes one syllable a space-separated unit and words of one to four syllables
("hội đàm", "Bộ Quốc phòng"), never inflected: a Token is one segmented word, its lemma the
word in lower case (so the data files write "hội đàm"), its offsets those of its first and
last syllable in the original text.

The segmenter's CRF now and then glues a name to the word after it ("Hàn Quốc hội" + "đàm",
since "Quốc hội" is a word) or leaves a word in pieces ("tập" "trận"); `mend` checks its words
against underthesea's own dictionary (Viet74K) and cuts or joins them where it disagrees.
"""

from __future__ import annotations

from pathlib import Path

import underthesea
from underthesea import word_tokenize
from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

from . import Token
from .punctuation import Punctuation

# The VLSP tag set underthesea's tagger uses, to Universal Dependencies tags.
_UPOS = {
    "N": "NOUN", "Nc": "NOUN", "Nu": "NOUN", "Ny": "PROPN", "Nb": "NOUN", "Np": "PROPN",
    "V": "VERB", "Vb": "VERB", "A": "ADJ", "P": "PRON", "R": "ADV", "L": "DET", "M": "NUM",
    "E": "ADP", "C": "CCONJ", "CC": "CCONJ", "I": "INTJ", "T": "PART", "Y": "PROPN",
    "Z": "X", "X": "X", "CH": "PUNCT",
}  # fmt: skip

# Abbreviations written with a full stop that does not end the sentence.
_ABBREVIATIONS = frozenset({"tp", "th.s", "ts", "pgs", "gs", "ths", "bs", "ông", "bà", "st"})

# How far past the cursor a syllable the tokenizer normalised may still be found.
_SLACK = 8


def upos(tag: str) -> str:
    return _UPOS.get(tag, "X")


class VietnameseAnalyzer:
    language = "vi"

    def __init__(self) -> None:
        self.punctuation = Punctuation(_ABBREVIATIONS)
        self.tagger = CRFPOSTagPredictor.Instance()
        self.dictionary = _dictionary()

    def sentences(self, text: str) -> list[tuple[int, int]]:
        return self.punctuation.sentences(text)

    def tokens(self, text: str, start: int, end: int) -> list[Token]:
        words = mend(word_tokenize(text[start:end], use_token_normalize=False), self.dictionary)
        if not words:
            return []
        tagged = self.tagger.predict(words)
        spans = align(text, start, end, words)
        return [
            Token(text[s:e], word.lower(), upos(tag), s, e)
            for (word, tag), (s, e) in zip(tagged, spans, strict=True)
        ]


def _dictionary() -> frozenset[str]:
    path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
    return frozenset(line.strip().lower() for line in path.open(encoding="utf-8"))


def mend(words: list[str], dictionary: frozenset[str]) -> list[str]:
    """The segmenter's words, with glued names cut off and split dictionary words joined."""
    pieces = [piece for word in words for piece in _cut_name(word, dictionary)]
    mended: list[str] = []
    for piece in pieces:
        if mended and _joins(mended[-1], piece, dictionary):
            mended[-1] = f"{mended[-1]} {piece}"
        else:
            mended.append(piece)
    return mended


def _cut_name(word: str, dictionary: frozenset[str]) -> list[str]:
    """'Hàn Quốc hội' -> 'Hàn Quốc', 'hội': capitalised syllables glued to a lower-case word."""
    syllables = word.split()
    if len(syllables) < 3 or word.lower() in dictionary:
        return [word]
    capitals = next((i for i, s in enumerate(syllables) if not s[:1].isupper()), len(syllables))
    if capitals < 2 or capitals == len(syllables):
        return [word]
    return [" ".join(syllables[:capitals]), " ".join(syllables[capitals:])]


def _joins(left: str, right: str, dictionary: frozenset[str]) -> bool:
    """Whether a lone lower-case syllable and the next make one dictionary word."""
    single = " " not in left and " " not in right and left.islower() and right.islower()
    return single and f"{left} {right}" in dictionary


def align(text: str, start: int, end: int, words: list[str]) -> list[tuple[int, int]]:
    """The (start, end) offsets in `text` of each segmented word, syllable by syllable.

    underthesea joins a word's syllables with one space and may normalise a character
    (NFC, tone-mark placement), so each syllable is looked for just past the previous one,
    and where it cannot be found its length is taken as it is.
    """
    cursor = start
    spans = []
    for word in words:
        first = -1
        for syllable in word.split():
            found = _find(text, syllable, cursor, end)
            first = found if first < 0 else first
            cursor = found + len(syllable)
        spans.append((first, min(cursor, end)))
    return spans


def _find(text: str, syllable: str, cursor: int, end: int) -> int:
    while cursor < end and text[cursor].isspace():
        cursor += 1
    found = text.find(syllable, cursor, min(end, cursor + len(syllable) + _SLACK))
    return found if found >= 0 else cursor


def create() -> VietnameseAnalyzer:
    return VietnameseAnalyzer()
