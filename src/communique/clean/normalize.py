"""Whitespace and Unicode normalisation; quotes, dashes and diacritics stay as they are."""

from __future__ import annotations

import re
import unicodedata

# Non-breaking and other fixed-width spaces become a plain space.
_SPACES = {
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2000": " ",
    "\u2001": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2008": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\u000b": " ",
    "\u000c": " ",
}
# Zero-width characters that carry no meaning in English news text are dropped (ZWJ/ZWNJ stay:
# they matter in some scripts and emoji).
_ZERO_WIDTH = {"\u200b": None, "\u2060": None, "\ufeff": None, "\u00ad": None}
_TRANSLATE = str.maketrans({**_SPACES, **_ZERO_WIDTH})

_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u2029\u0085]")
_SPACE_RUN = re.compile(r"[ \t]+")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize(text: str) -> str:
    """NFC, ``\\n`` line endings, single spaces, trimmed lines, at most one blank line."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_ENDINGS.sub("\n", text).translate(_TRANSLATE)
    lines = (_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))
    text = "\n".join(lines)
    return _BLANK_RUN.sub("\n\n", text).strip("\n")
