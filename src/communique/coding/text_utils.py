"""Small text helpers shared by the coding components."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\-‐‑–]+")


def fold(text: str) -> str:
    """Case-, diacritic- and hyphen-insensitive form of a name, for matching only."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip().casefold()


def fold_in_place(text: str) -> str:
    """`fold` one character at a time, so offsets in the result are offsets in `text`."""
    return "".join(_fold_char(c) for c in text)


def _fold_char(char: str) -> str:
    if char in "-‐‑–":
        return " "
    folded = fold(char) if not char.isspace() else " "
    return folded if len(folded) == 1 else char.lower()
