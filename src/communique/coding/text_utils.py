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
