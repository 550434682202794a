"""The words of English time expressions (months, weekdays, counts, seasons, day words) and
the regular-expression pieces that spell them; a date as written, parsed into its parts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import NamedTuple

from .values import DateValue

MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)} | {
    abbr.lower(): n for abbr, n in _MONTH_ABBREVIATIONS.items()
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY_ABBREVIATIONS = ["Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"]

# Counts in words; vague ones ("several") are ranges so the value bounds every reading.
_NUMBER_WORDS: dict[str, tuple[int, int]] = {
    "a": (1, 1), "an": (1, 1), "one": (1, 1), "two": (2, 2), "three": (3, 3), "four": (4, 4),
    "five": (5, 5), "six": (6, 6), "seven": (7, 7), "eight": (8, 8), "nine": (9, 9),
    "ten": (10, 10), "eleven": (11, 11), "twelve": (12, 12), "fifteen": (15, 15),
    "eighteen": (18, 18), "twenty": (20, 20), "thirty": (30, 30), "forty": (40, 40),
    "fifty": (50, 50), "a hundred": (100, 100), "a few": (2, 6), "few": (2, 6),
    "several": (2, 9), "a couple of": (2, 3), "a couple": (2, 3), "couple of": (2, 3),
}  # fmt: skip
# The words that name one count exactly: "a" day, "two" days.
EXACT_NUMBERS = {k: v[0] for k, v in _NUMBER_WORDS.items() if v[0] == v[1]}
HYPHEN_NUMBERS = {k: v for k, v in EXACT_NUMBERS.items() if " " not in k}
HYPHEN_NUMBERS.pop("a")
HYPHEN_NUMBERS.pop("an")
HYPHEN_NUMBERS |= {"half": 1, "thirteen": 13, "fourteen": 14, "sixteen": 16, "hundred": 100}


_Tree = dict[str, "_Tree"]


def trie(words: Iterable[str], spell: Callable[[str], str] | None = None) -> str:
    """A regex for exactly these words (a space matches any whitespace), factored by common
    prefixes: the engine tests a character or two per position instead of every word, and
    tries a longer word before its prefix ("June" before "Jun")."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(tree, spell or _char)


def _trie_pattern(node: _Tree, spell: Callable[[str], str]) -> str:
    branches = [spell(c) + _trie_pattern(child, spell) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


def _char(char: str) -> str:
    return r"\s+" if char == " " else re.escape(char)


def _cased(words: Iterable[str]) -> list[str]:
    """Title case and capitals only: a lower-case "may" or "march" is a verb."""
    return [v for w in words for v in (w, w.upper())]


def any_case(words: Iterable[str]) -> str:
    """Lower case, first letter capital, Title Case and capitals; spelled out rather than
    matched case-insensitively, which would keep the engine from skipping quickly."""
    variants = {v for w in words for v in (w, w[:1].upper() + w[1:], w.title(), w.upper())}
    return f"(?:{trie(variants)})"


MON = rf"(?:{trie(_cased([*MONTH_NAMES, *_MONTH_ABBREVIATIONS]))})(?!\w)"
WEEKDAY = rf"(?:{trie(_cased(WEEKDAYS))})(?!\w)"
WEEKDAY_PREFIX = rf"(?:(?:{trie(_cased(WEEKDAYS + _WEEKDAY_ABBREVIATIONS))})(?!\w)\.?,?\s+)"
# Not the "20" of "20,000" nor the "14" of "14:30".
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|[.,:]\d)"
YEAR = r"(?:1[89]\d\d|20\d\d|2100)(?!\w|[.,]\d)"
NUM = rf"(?:\d{{1,3}}|{any_case(_NUMBER_WORDS)})"
UNIT = r"(?i:day|week|month|year|decade)"
# Before a number, not part of a code, amount or reference ("F-16", "$14", "1/2").
NB = r"(?<![\w$€£.,/:-])"


class Parts(NamedTuple):
    """A date as written: any of year, month, day may be missing."""

    y: int | None
    m: int | None
    d: int | None

    def value(self, year: int) -> DateValue:
        """Raises ValueError for a day the month does not have."""
        if self.m is None:
            return DateValue.year(year)
        if self.d is None:
            return DateValue.month(year, self.m)
        return DateValue.day(date(year, self.m, self.d))


_LITERAL_FORMS = [
    re.compile(p)
    for p in (
        rf"(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MON})(?:\.?,?\s+(?P<y>{YEAR}))?",
        rf"(?P<m>{MON})\.?\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
        rf"(?P<m>{MON})(?:\.?,?\s+(?P<y>{YEAR}))?",
        rf"(?P<y>{YEAR})",
        rf"(?:the\s+)?(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
        r"(?P<d>\d\d)",  # the "53" of "1950-53"
    )
]


def parse_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def month_number(text: str) -> int:
    return MONTH_NUMBERS[text.rstrip(".").lower()]


def parse_literal(text: str) -> Parts | None:
    for form in _LITERAL_FORMS:
        m = form.fullmatch(text)
        if m:
            found = m.groupdict()
            return Parts(
                parse_number(found["y"]) if found.get("y") else None,
                month_number(found["m"]) if found.get("m") else None,
                parse_number(found["d"]) if found.get("d") else None,
            )
    return None


def parse_count(text: str) -> tuple[int, int]:
    key = " ".join(text.lower().split())
    return (int(key), int(key)) if key.isdigit() else _NUMBER_WORDS[key]


def norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}


DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip
WEEKEND_WORDS = ("over the weekend", "at the weekend", "during the weekend")
