"""Vietnamese: underthesea, whose word-segmentation and POS CRF models ship in its wheel.

Vietnamese writes one syllable a space-separated unit and words of one to four syllables
("hội đàm", "Bộ Quốc phòng"), never inflected: a Token is one segmented word, its lemma the
word in lower case (so the data files write "hội đàm"), its offsets those of its first and
last syllable in the original text.

The segmenter's CRF now and then glues a name to the word after it ("Hàn Quốc hội" + "đàm",
since "Quốc hội" is a word; "bán pháo") or leaves a word in pieces ("tập" "trận"); `mend`
checks its words against underthesea's own dictionary (Viet74K) and the names of states, and
cuts or joins them where they disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import underthesea
from babel import Locale
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

# Abbreviations written with a full stop that does not end the sentence (TP. Hồ Chí Minh,
# PGS. TS. Nguyễn ...).
_ABBREVIATIONS = frozenset({"tp", "ts", "pgs", "gs", "ths", "bs", "ncs", "lhq"})

# How far past the cursor a syllable the tokenizer normalised may still be found.
_SLACK = 8


def upos(tag: str) -> str:
    return _UPOS.get(tag, "X")


class VietnameseAnalyzer:
    language = "vi"

    def __init__(self) -> None:
        self.punctuation = Punctuation(_ABBREVIATIONS)
        self.tagger = CRFPOSTagPredictor.Instance()
        self.lexicon = Lexicon.load()

    def sentences(self, text: str) -> list[tuple[int, int]]:
        return self.punctuation.sentences(text)

    def tokens(self, text: str, start: int, end: int) -> list[Token]:
        words = mend(word_tokenize(text[start:end], use_token_normalize=False), self.lexicon)
        if not words:
            return []
        tagged = self.tagger.predict(words)
        spans = align(text, start, end, words)
        return [
            Token(text[s:e], word.lower(), upos(tag), s, e)
            for (word, tag), (s, e) in zip(tagged, spans, strict=True)
        ]


@dataclass(frozen=True)
class Lexicon:
    """What `mend` checks the segmenter's words against: underthesea's own dictionary and the
    names of states in Vietnamese (CLDR, through babel), which the dictionary lacks."""

    words: frozenset[str]
    names: frozenset[str]

    @classmethod
    def load(cls) -> Lexicon:
        path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
        words = frozenset(line.strip().lower() for line in path.open(encoding="utf-8"))
        names = frozenset(name.lower() for name in Locale.parse("vi").territories.values())
        return cls(words, names)

    def is_name(self, syllables: list[str]) -> bool:
        """A state's name, or a foreign one (a syllable Vietnamese does not have)."""
        lowered = [s.lower() for s in syllables]
        return " ".join(lowered) in self.names or any(s not in self.words for s in lowered)


def mend(words: list[str], lexicon: Lexicon) -> list[str]:
    """The segmenter's words, with glued names cut off and split dictionary words joined."""
    pieces = [piece for word in words for piece in _cut(word, lexicon)]
    mended: list[str] = []
    for piece in pieces:
        if mended and _joins(mended[-1], piece, lexicon.words):
            mended[-1] = f"{mended[-1]} {piece}"
        else:
            mended.append(piece)
    return mended


def _cut(word: str, lexicon: Lexicon) -> list[str]:
    """A word the dictionary does not know, cut where the segmenter glued two: a name and the
    word after it ('Hàn Quốc hội' -> 'Hàn Quốc', 'hội'; 'Philippines tập'), or a verb and its
    object ('bán pháo'). Titles stay whole ('Phó Thủ tướng', 'Bộ Ngoại giao')."""
    syllables = word.split()
    if len(syllables) < 2 or word.lower() in lexicon.words:
        return [word]
    capitals = next((i for i, s in enumerate(syllables) if not s[:1].isupper()), len(syllables))
    if capitals == len(syllables):  # a name
        return [word]
    if capitals == 0:
        return syllables if len(syllables) == 2 else [word]
    head, rest = syllables[:capitals], " ".join(syllables[capitals:])
    if lexicon.is_name(head):
        return [" ".join(head), *_cut(rest, lexicon)]
    return [word]


def _joins(left: str, right: str, words: frozenset[str]) -> bool:
    """Whether a lone lower-case syllable and the next make one dictionary word."""
    single = " " not in left and " " not in right and left.islower() and right.islower()
    return single and f"{left} {right}" in words


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
