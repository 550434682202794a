"""Korean: Kiwi (kiwipiepy), whose model ships in the kiwipiepy-model wheel.

Kiwi splits sentences and morphemes; a morpheme is one Token (a noun, its particle, a verb
stem and its endings are each their own), and verbs carry their dictionary form (갖 -> 갖다).
"""

from __future__ import annotations

from kiwipiepy import Kiwi

from . import Token

# Kiwi's (Sejong) tags to Universal Dependencies tags. Particles (J...) are ADP, endings and
# the suffixes that make verbs PART: the roles and status data name them by their text.
_UPOS = {
    "NNG": "NOUN", "NNB": "NOUN", "XR": "NOUN", "NR": "NUM", "NP": "PRON", "NNP": "PROPN",
    "XSN": "NOUN",  # a noun's suffix makes a noun: 한국산 (Korean-made), 전략적
    "VV": "VERB", "VA": "ADJ", "VX": "AUX", "VCP": "AUX", "VCN": "AUX",
    "MM": "DET", "MAG": "ADV", "MAJ": "CCONJ", "IC": "INTJ",
    "SN": "NUM", "SL": "X", "SH": "X", "SW": "SYM",
}  # fmt: skip
_UPOS_BY_PREFIX = {"J": "ADP", "E": "PART", "X": "PART", "S": "PUNCT"}


def upos(tag: str) -> str:
    """The UD tag of a Kiwi tag ('VV-R', a regular verb, is 'VV')."""
    base = tag.split("-")[0]
    return _UPOS.get(base) or _UPOS_BY_PREFIX.get(base[:1], "X")


class KoreanAnalyzer:
    language = "ko"

    def __init__(self) -> None:
        self.kiwi = Kiwi()

    def sentences(self, text: str) -> list[tuple[int, int]]:
        return [
            (start + s.start, start + s.end)
            for start, end in lines(text)
            for s in self.kiwi.split_into_sents(text[start:end])
        ]

    def tokens(self, text: str, start: int, end: int) -> list[Token]:
        return [
            Token(
                text[start + t.start : start + t.end],
                t.lemma if upos(t.tag) in ("VERB", "ADJ", "AUX") else t.form,
                upos(t.tag),
                start + t.start,
                start + t.end,
            )
            for t in self.kiwi.tokenize(text[start:end])
        ]


def lines(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of `text`: a headline or subhead has no full stop, but its own line."""
    spans, start = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            spans.append((start, start + len(line.rstrip())))
        start += len(line)
    return spans


def create() -> KoreanAnalyzer:
    return KoreanAnalyzer()
