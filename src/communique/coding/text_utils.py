"""Small text helpers shared by the coding components."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\-‐‑–]+")


def fold(text: str) -> str:
    """Case-, diacritic- and hyphen-insensitive form of a name, for matching only."""
    if text.isascii():  # no diacritics to take off: most names, and the cheap path
        return _SPACES.sub(" ", text).strip().casefold()
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip().casefold()


def fold_in_place(text: str) -> str:
    """`fold` one character at a time, so offsets in the result are offsets in `text`."""
    return text.translate(_FOLDED_CHARACTERS)


class _FoldTable(dict[int, str]):
    """str.translate table that folds each character the first time it is seen."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in "-‐‑–" or char.isspace():
            folded = " "
        else:
            folded = fold(char)
            folded = folded if len(folded) == 1 else char.lower()
        self[code] = folded
        return folded


# A pure memo of a fixed function: nothing in it depends on what was folded before.
_FOLDED_CHARACTERS = _FoldTable()


# The characters the regular-expression engine, ignoring case, matches to an ASCII letter that
# lower-casing does not turn into one.
_REGEX_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def fold_like_regex(text: str) -> str:
    """`text` lower-cased so that it contains every literal the case-blind rules can match, each
    character in its place (lower-casing keeps word characters word characters)."""
    low = text.lower()
    if "ı" in low or "ſ" in low or "\u0307" in low:  # U+0307 is what "İ" leaves behind
        return text.translate(_REGEX_FOLDS).lower()
    return low
