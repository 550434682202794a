"""Sentences of alphabetic scripts split at their punctuation (Vietnamese and Turkish).

A line break always ends a sentence (titles, standfirsts and paragraphs carry no full stop of
their own); inside a line a sentence ends at . ! ? or … followed by a space and a capital, a
digit or an opening quote. The exceptions are a language's abbreviations, an initial
("Michael J. Haycock") and, where the language writes ordinals with a full stop ("32.
dakikada"), a short number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")
# An end mark (with closing quotes/brackets) and the space after it, before what may open
# the next sentence.
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[\d\w])")
_WORD_BEFORE = re.compile(r"(\w+)$")


@dataclass(frozen=True)
class Punctuation:
    """How one language ends its sentences."""

    abbreviations: frozenset[str]
    ordinal_dots: bool = False

    def sentences(self, text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for line in _LINE.finditer(text):
            spans.extend(self._in_line(text, line.start(), line.end()))
        return spans

    def _in_line(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        spans = []
        begin = start
        for mark in _END.finditer(text, start, end):
            if self._ends_sentence(text, mark.start(), mark.end()):
                spans.append((begin, mark.end()))
                begin = mark.end()
        spans.append((begin, end))
        return [trimmed for span in spans if (trimmed := _trim(text, *span))]

    def _ends_sentence(self, text: str, mark: int, after: int) -> bool:
        if text[mark] != ".":
            return True
        word = _WORD_BEFORE.search(text, 0, mark)
        if word is None:
            return True
        before = word.group(1)
        if before.lower() in self.abbreviations:
            return False
        if len(before) == 1 and before.isupper():
            return False  # an initial
        if self.ordinal_dots and before.isdigit() and len(before) <= 3:
            return False
        return _starts_sentence(text[after:].lstrip())


def _starts_sentence(rest: str) -> bool:
    first = rest.lstrip("\"'“‘«([")[:1]
    return first.isupper() or first.isdigit()


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
