"""Find many fixed phrases at once (country names, office holders) by looking token sequences
up in a dictionary: one hash lookup per word instead of one regular-expression branch per phrase."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate, compress, count
from typing import Generic, TypeVar

_TOKEN = re.compile(r"\w+|[^\w\s]")
# A token with the whitespace before it: the pieces of a text up to its last token, in order,
# so that their running lengths are where the tokens end.
_SPACED_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s])")
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
    # The token counts of the phrases each folded first token starts, the longest first.
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # The first two folded tokens of the longer phrases: "the" starts some, but mostly not.
    openings: set[tuple[str, str]] = field(default_factory=set)

    def add(self, phrase: str, value: Value, case_sensitive: bool = False) -> None:
        tokens = tuple(_TOKEN.findall(phrase))
        if not tokens:
            return
        table = self.exact if case_sensitive else self.loose
        key = tokens if case_sensitive else tuple(t.casefold() for t in tokens)
        table.setdefault(key, value)
        first = tokens[0].casefold()
        known = self.lengths.get(first, ())
        self.lengths[first] = tuple(sorted({*known, len(tokens)}, reverse=True))
        if len(tokens) > 1:
            self.openings.add((first, tokens[1].casefold()))

    def find(self, text: str) -> list[PhraseMatch[Value]]:
        """Non-overlapping matches, the longest at each position, left to right."""
        # Most tokens start no phrase: the per-token work is done by C loops (findall, map),
        # and Python only looks at the tokens that do.
        pieces = _SPACED_TOKEN.findall(text)
        tokens = list(map(str.lstrip, pieces))
        folded = list(map(str.casefold, tokens))
        starts = compress(count(), map(self.lengths.__contains__, folded))
        ends: list[int] | None = None
        found: list[PhraseMatch[Value]] = []
        free_from = 0  # tokens before this one belong to a phrase found already
        for i in starts:
            if i < free_from or _inside_abbreviation(i, tokens, pieces):
                continue
            hit = self._longest_at(i, tokens, folded)
            if hit is None:
                continue
            length, value = hit
            ends = ends or list(accumulate(map(len, pieces)))
            last = i + length - 1
            found.append(PhraseMatch(ends[i] - len(tokens[i]), ends[last], value))
            free_from = i + length
        return found

    def _longest_at(self, i: int, tokens: list[str], folded: list[str]) -> tuple[int, Value] | None:
        opens = tuple(folded[i : i + 2]) in self.openings
        for length in self.lengths[folded[i]]:
            if i + length > len(tokens) or (length > 1 and not opens):
                continue
            exact = tuple(tokens[i : i + length])
            if exact in self.exact:
                return length, self.exact[exact]
            loose = tuple(folded[i : i + length])
            if loose in self.loose:
                return length, self.loose[loose]
        return None


def _inside_abbreviation(i: int, tokens: list[str], pieces: list[str]) -> bool:
    """The "S" of "U.S." does not start a phrase: the token before it is a period touching it."""
    return i > 0 and tokens[i - 1] == "." and pieces[i] == tokens[i]
