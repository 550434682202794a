"""Whitespace and Unicode normalisation; quotes, dashes and diacritics stay as they are."""

from __future__ import annotations

import re
import unicodedata

# Line and paragraph separators other than "\n" (after "\r\n" has become "\n").
_LINE_BREAK = re.compile("[\r\u2028\u2029\u0085]")
# Non-breaking and other fixed-width spaces (and tabs) become a plain space.
_ODD_SPACE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000\u000b\u000c]")
# Zero-width characters that carry no meaning in news text are dropped (ZWJ/ZWNJ stay: they
# matter in some scripts and in emoji); so is the soft hyphen.
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u00ad]")
_SPACE_RUN = re.compile(" {2,}")
_BLANK_RUN = re.compile(r"\n{3,}")


def normalize(text: str) -> str:
    """NFC, ``\\n`` line endings, single spaces, trimmed lines, at most one blank line."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n")
    text = _ZERO_WIDTH.sub("", _ODD_SPACE.sub(" ", _LINE_BREAK.sub("\n", text)))
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    text = text.replace(" \n", "\n").replace("\n ", "\n")
    if "\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n", text)
    return text.strip()
