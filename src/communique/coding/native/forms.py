"""Find listed word forms in text, where a word starts: the matcher behind actors and people.

Korean particles and Turkish case endings are written onto the name ("베트남을",
"Türkiye'nin"), so a form may end inside a word; it must start where a word does, and the
longest form at a place wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

Value = TypeVar("Value")

_NO_LETTER_BEFORE = r"(?<![^\W\d_])"
_NO_LETTER_AFTER = r"(?![^\W\d_])"


@dataclass(frozen=True)
class FormMatch(Generic[Value]):
    start: int
    end: int
    text: str
    value: Value


class FormIndex(Generic[Value]):
    """Forms and their values, compiled into one regular expression on first use."""

    def __init__(self, whole_words: bool = False, case_sensitive: bool = False) -> None:
        self.values: dict[str, Value] = {}
        self.whole_words = whole_words
        self.case_sensitive = case_sensitive
        self._pattern: re.Pattern[str] | None = None

    def add(self, form: str, value: Value) -> None:
        key = form if self.case_sensitive else form.casefold()
        if form.strip() and key not in self.values:  # the first value listed for a form wins
            self.values[key] = value
            self._pattern = None

    def add_all(self, forms: Iterable[str], value: Value) -> None:
        for form in forms:
            self.add(form, value)

    def find(self, text: str) -> list[FormMatch[Value]]:
        """Non-overlapping matches, leftmost and then longest first."""
        if not self.values:
            return []
        found = []
        for m in self.pattern.finditer(text):
            key = m.group() if self.case_sensitive else m.group().casefold()
            found.append(FormMatch(m.start(), m.end(), m.group(), self.values[key]))
        return found

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._pattern is None:
            forms = sorted(self.values, key=len, reverse=True)
            body = "|".join(re.escape(f) for f in forms)
            after = _NO_LETTER_AFTER if self.whole_words else ""
            flags = 0 if self.case_sensitive else re.IGNORECASE
            self._pattern = re.compile(f"{_NO_LETTER_BEFORE}(?:{body}){after}", flags)
        return self._pattern
