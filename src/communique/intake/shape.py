"""Is this text an article at all? A size and shape check made before cleaning.

A data table, a log, an SGML or XML dump or a whole corpus in one file would otherwise be
cleaned and coded as one enormous "article" full of junk events. Each check looks at the
shape of the lines, not at words, so it holds whatever the file is about.
"""

from __future__ import annotations

import re
from collections import Counter

from ..errors import InputError

# An element tag: <DATE>, </BODY>, <item id="3">.
_TAG = re.compile(r"</?([A-Za-z][\w:.-]*)(?:\s[^<>]*)?/?>")
_WORD = re.compile(r"\S+")
# A line's opening (its first tokens), reduced to its shape: digits -> 9, letters -> a.
_OPENING_TOKENS = 3
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]+")
_CELL_SEPARATORS = (",", "\t", ";", "|")

# Below this many non-blank lines a text is too short for a line shape to mean anything.
_MIN_LINES = 10
# Share of the lines that must share one shape for the text to be a table or a log.
_MAJORITY = 0.6
# More than one tag for every this many words is markup, not prose with a stray tag.
_WORDS_A_TAG = 20
_MIN_TAGS = 20


def refuse_non_article(text: str, source: str, max_words: int) -> None:
    """Raise an InputError naming `source` when `text` is not one article."""
    reason = _markup(text) or _table(text) or _log(text) or _size(text, max_words)
    if reason:
        raise InputError(source, f"not an article: {reason}")


def _markup(text: str) -> str | None:
    tags = Counter(match.group(1).lower() for match in _TAG.finditer(text))
    total = sum(tags.values())
    words = len(_WORD.findall(text))
    if total < _MIN_TAGS or total * _WORDS_A_TAG < words:
        return None
    common = ", ".join(f"<{name}>" for name, _ in tags.most_common(3))
    return f"markup that is not HTML ({total:,} tags such as {common})"


def _table(text: str) -> str | None:
    lines = _lines(text)
    if len(lines) < _MIN_LINES:
        return None
    for separator in _CELL_SEPARATORS:
        cells, rows = Counter(line.count(separator) + 1 for line in lines).most_common(1)[0]
        if cells >= 3 and rows >= _MAJORITY * len(lines):
            name = "tab" if separator == "\t" else repr(separator)
            return f"a table ({rows:,} of {len(lines):,} lines are {cells} cells split by {name})"
    return None


def _log(text: str) -> str | None:
    lines = _lines(text)
    if len(lines) < _MIN_LINES:
        return None
    shape, count = Counter(_opening_shape(line) for line in lines).most_common(1)[0]
    # A log's stamp (a date and time, an address) has three groups of digits or more; a
    # numbered list has one, a live blog's "10:32 GMT" two.
    if shape.count("9") >= 3 and count >= _MAJORITY * len(lines):
        return f"a log ({count:,} of {len(lines):,} lines open with the same stamp)"
    return None


def _size(text: str, max_words: int) -> str | None:
    words = len(_WORD.findall(text))
    if words > max_words:
        return f"{words:,} words, more than one article holds ({max_words:,} at most)"
    return None


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _opening_shape(line: str) -> str:
    opening = " ".join(line.split()[:_OPENING_TOKENS])
    return _LETTERS.sub("a", _DIGITS.sub("9", opening))
