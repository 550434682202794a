"""Find many fixed phrases at once (country names, office holders) by looking token sequences
up in a dictionary: one hash lookup per word instead of one regular-expression branch per phrase."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Generic, TypeVar

_TOKEN = re.compile(r"\w+|[^\w\s]")
Value = TypeVar("Value")


@dataclass(frozen=True)
class PhraseMatch(Generic[Value]):
    start: int
    end: int
    value: Value


@dataclass
class PhraseIndex(Generic[Value]):
    """Phrases matched on whole tokens: exactly, or ignoring case."""

    exact: dict[tuple[str, ...], Value] = field(default_factory=dict)
    loose: dict[tuple[str, ...], Value] = field(default_factory=dict)
    lengths: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    def add(self, phrase: str, value: Value, case_sensitive: bool = False) -> None:
        tokens = tuple(_TOKEN.findall(phrase))
        if not tokens:
            return
        table = self.exact if case_sensitive else self.loose
        key = tokens if case_sensitive else tuple(t.casefold() for t in tokens)
        table.setdefault(key, value)
        self.lengths[tokens[0].casefold()].add(len(tokens))

    def find(self, text: str) -> list[PhraseMatch[Value]]:
        """Non-overlapping matches, the longest at each position, left to right."""
        spans = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
        folded = [token.casefold() for _, _, token in spans]
        found: list[PhraseMatch[Value]] = []
        i = 0
        while i < len(spans):
            hit = self._longest_at(i, spans, folded)
            if hit is None or _inside_abbreviation(i, spans):
                i += 1
                continue
            length, value = hit
            found.append(PhraseMatch(spans[i][0], spans[i + length - 1][1], value))
            i += length
        return found

    def _longest_at(
        self, i: int, spans: list[tuple[int, int, str]], folded: list[str]
    ) -> tuple[int, Value] | None:
        for length in sorted(self.lengths.get(folded[i], ()), reverse=True):
            if i + length > len(spans):
                continue
            exact = tuple(token for _, _, token in spans[i : i + length])
            if exact in self.exact:
                return length, self.exact[exact]
            loose = tuple(folded[i : i + length])
            if loose in self.loose:
                return length, self.loose[loose]
        return None


def _inside_abbreviation(i: int, spans: list[tuple[int, int, str]]) -> bool:
    """The "S" of "U.S." does not start a phrase: the token before it is a period touching it."""
    return i > 0 and spans[i - 1][2] == "." and spans[i - 1][1] == spans[i][0]
