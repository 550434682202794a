"""Time expressions in English news text, resolved to ISO 8601 values (ONTOLOGY.md, Dates).

A value is an interval of days named at the precision the text supports: `2025`, `2025-07`,
`2025-07-14` or `2025-08-10/2025-08-13`. Relative expressions ("on Friday", "last year", "in
July") resolve against an `Anchor`: the publication day, or for an undated article an interval
that bounds when it was written. Over an interval anchor a relative expression resolves to the
union of its readings at every day of the anchor, so the value bounds the truth instead of
inventing a day.

It runs on every candidate sentence of large corpora, so there is no parser call per token:
one regular expression finds the words that can start or end a time expression (month and
weekday names, years, "week", "ago"...), and each rule's compiled pattern runs only in the
few characters around the words that wake it. Overlapping matches are settled longest first.
"""

from __future__ import annotations

import calendar
import csv
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import NamedTuple

from ..settings import DATA_DIR

__all__ = [
    "KINDS",
    "PERIODS_CSV",
    "PRECISIONS",
    "Anchor",
    "DateValue",
    "Period",
    "TimeExpression",
    "YearlessDateline",
    "around",
    "find_publication_date",
    "find_time_expressions",
    "find_yearless_dateline",
    "load_periods",
    "parse_iso",
]

PRECISIONS = ("day", "month", "year", "interval")
KINDS = ("absolute", "relative", "duration", "period")
PERIODS_CSV = DATA_DIR / "periods.csv"


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_end(year: int, month: int) -> date:
    leap_day = month == 2 and calendar.isleap(year)
    return date(year, month, _DAYS_IN_MONTH[month - 1] + leap_day)


# ------------------------------------------------------------------------------------- values
def _exact_precision(a: date, b: date) -> str:
    """The coarsest precision that names the days a..b exactly."""
    if b < a:
        raise ValueError(f"date interval ends before it starts: {a}..{b}")
    if a == b:
        return "day"
    if a.day == 1 and b == _month_end(b.year, b.month):
        if (a.year, a.month) == (b.year, b.month):
            return "month"
        if a.year == b.year and a.month == 1 and b.month == 12:
            return "year"
    return "interval"


@dataclass(frozen=True)
class DateValue:
    """The days from `start` to `end` (inclusive), named at `precision`."""

    start: date
    end: date
    precision: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"date value ends before it starts: {self.start}..{self.end}")
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown date precision {self.precision!r}")
        if (
            self.precision != "interval"
            and _exact_precision(self.start, self.end) != self.precision
        ):
            raise ValueError(f"{self.start}..{self.end} is not one {self.precision}")

    @classmethod
    def day(cls, d: date) -> DateValue:
        return cls(d, d, "day")

    @classmethod
    def month(cls, year: int, month: int) -> DateValue:
        return cls(date(year, month, 1), _month_end(year, month), "month")

    @classmethod
    def year(cls, year: int) -> DateValue:
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def between(cls, a: date, b: date) -> DateValue:
        """The days a..b, named at the coarsest precision that is exact (a whole month is
        `2025-07`, not an interval)."""
        return cls(a, b, _exact_precision(a, b))

    @staticmethod
    def parse_iso(text: str) -> DateValue | None:
        return parse_iso(text)

    @property
    def iso(self) -> str:
        s, e = self.start, self.end
        if self.precision == "day":
            return s.isoformat()
        if self.precision == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if self.precision == "year":
            return f"{s.year:04d}"
        if s.day == 1 and e == _month_end(e.year, e.month):
            if s.month == 1 and e.month == 12:
                return f"{s.year:04d}/{e.year:04d}"
            return f"{s.year:04d}-{s.month:02d}/{e.year:04d}-{e.month:02d}"
        return f"{s.isoformat()}/{e.isoformat()}"

    def __str__(self) -> str:
        return self.iso

    def intersect(self, other: DateValue) -> DateValue | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        return DateValue.between(start, end) if start <= end else None

    def hull(self, other: DateValue) -> DateValue:
        """The smallest value covering both."""
        return DateValue.between(min(self.start, other.start), max(self.end, other.end))

    def contains(self, other: DateValue | date) -> bool:
        if isinstance(other, DateValue):
            return self.start <= other.start and other.end <= self.end
        return self.start <= other <= self.end


_ISO_PART = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _parse_iso_part(text: str) -> DateValue | None:
    m = _ISO_PART.fullmatch(text.strip())
    if m is None:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None  # the year group is not optional
    try:
        if month is None:
            return DateValue.year(year)
        if day is None:
            return DateValue.month(year, month)
        return DateValue.day(date(year, month, day))
    except ValueError:
        return None


def parse_iso(text: str) -> DateValue | None:
    """`2025`, `2025-07`, `2025-07-14`, or an interval of two of these joined by `/`."""
    if "/" not in text:
        return _parse_iso_part(text)
    first, _, last = text.partition("/")
    a, b = _parse_iso_part(first), _parse_iso_part(last)
    if a is None or b is None or b.end < a.start:
        return None
    return DateValue.between(a.start, b.end)


@dataclass(frozen=True)
class Anchor:
    """When the article was written: one day (earliest == latest) or an interval bounding it."""

    earliest: date
    latest: date

    def __post_init__(self) -> None:
        if self.latest < self.earliest:
            raise ValueError(f"anchor ends before it starts: {self.earliest}..{self.latest}")

    @classmethod
    def on(cls, d: date) -> Anchor:
        return cls(d, d)

    @classmethod
    def within(cls, value: DateValue) -> Anchor:
        """An anchor from a publication date of any precision (`2025-07` bounds the day)."""
        return cls(value.start, value.end)


def around(anchor: Anchor, days: int) -> DateValue:
    """Bounds for an event lasting `days` that includes the anchor's day(s): a two-day visit
    reported on the 14th ran from the 13th to the 15th at the widest. An end of the anchor that
    nothing bounds (`date.min`, `date.max`) stays unbounded."""
    slack = timedelta(days=max(days, 1) - 1)
    start = anchor.earliest - slack if anchor.earliest - date.min > slack else date.min
    end = anchor.latest + slack if date.max - anchor.latest > slack else date.max
    return DateValue.between(start, end)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression at text[start:end]. `value` is None when it cannot be resolved (no
    anchor, or a duration); `days` is the length of a duration ("a two-day visit" -> 2).
    `preposition` is the word before it ("since", "by", "until" change what it means)."""

    text: str
    start: int
    end: int
    value: DateValue | None
    kind: str
    days: int | None = None
    preposition: str | None = None


@dataclass(frozen=True)
class Period:
    """A named historical period ("the Korean War"); `end` None while it is open."""

    name: str
    aliases: tuple[str, ...]
    start: date
    end: date | None
    source: str


@cache
def load_periods(path: Path = PERIODS_CSV) -> tuple[Period, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(_period_from_row(row) for row in csv.DictReader(handle))


def _period_from_row(row: dict[str, str]) -> Period:
    aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
    end = row["end"].strip()
    return Period(
        name=row["name"].strip(),
        aliases=aliases,
        start=date.fromisoformat(row["start"].strip()),
        end=date.fromisoformat(end) if end else None,
        source=row["source"].strip(),
    )


# ----------------------------------------------------------------------------- vocabulary
_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)} | {
    abbr.lower(): n for abbr, n in _MONTH_ABBREVIATIONS.items()
}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
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
_HYPHEN_NUMBERS = {k: v[0] for k, v in _NUMBER_WORDS.items() if v[0] == v[1] and " " not in k}
_HYPHEN_NUMBERS.pop("a")
_HYPHEN_NUMBERS.pop("an")
_HYPHEN_NUMBERS |= {"half": 1, "thirteen": 13, "fourteen": 14, "sixteen": 16, "hundred": 100}

# How far a vague window reaches when the text gives no count ("in recent years").
_DEFAULT_COUNT = {"day": 14, "week": 8, "month": 12, "year": 5, "decade": 3}
# Upper bounds in days, so `around` never cuts a duration short.
_UNIT_DAYS = {"hour": 1, "day": 1, "night": 1, "week": 7, "month": 31, "year": 366}
# A bare month up to this many months after the anchor is read as upcoming, else as past.
_MONTHS_AHEAD = 2
# "recently" / "recent": up to about six months before the article.
_RECENT_DAYS = 180


_Tree = dict[str, "_Tree"]


def _trie(words: Iterable[str], spell: Callable[[str], str] | None = None) -> str:
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


def _any_case(words: Iterable[str]) -> str:
    """Lower case, first letter capital, Title Case and capitals; spelled out rather than
    matched case-insensitively, which would keep the engine from skipping quickly."""
    variants = {v for w in words for v in (w, w[:1].upper() + w[1:], w.title(), w.upper())}
    return f"(?:{_trie(variants)})"


_MON = rf"(?:{_trie(_cased([*_MONTH_NAMES, *_MONTH_ABBREVIATIONS]))})(?!\w)"
_WEEKDAY = rf"(?:{_trie(_cased(_WEEKDAYS))})(?!\w)"
_WEEKDAY_PREFIX = rf"(?:(?:{_trie(_cased(_WEEKDAYS + _WEEKDAY_ABBREVIATIONS))})(?!\w)\.?,?\s+)"
# Not the "20" of "20,000" nor the "14" of "14:30".
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|[.,:]\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)(?!\w|[.,]\d)"
_NUM = rf"(?:\d{{1,3}}|{_any_case(_NUMBER_WORDS)})"
_UNIT = r"(?i:day|week|month|year|decade)"
# Before a number, not part of a code, amount or reference ("F-16", "$14", "1/2").
_NB = r"(?<![\w$€£.,/:-])"

# A full stop may follow an abbreviated month only where something follows ("Jul. 14").
_DM = rf"(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:\.?,?\s+{_YEAR})?"
_MD = rf"{_MON}\.?\s+{_DAY}(?:,?\s+{_YEAR})?"


class _Parts(NamedTuple):
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
        rf"(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MON})(?:\.?,?\s+(?P<y>{_YEAR}))?",
        rf"(?P<m>{_MON})\.?\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?",
        rf"(?P<m>{_MON})(?:\.?,?\s+(?P<y>{_YEAR}))?",
        rf"(?P<y>{_YEAR})",
        rf"(?:the\s+)?(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?",
        r"(?P<d>\d\d)",  # the "53" of "1950-53"
    )
]


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _month_number(text: str) -> int:
    return _MONTH_NUMBERS[text.rstrip(".").lower()]


def _parse_literal(text: str) -> _Parts | None:
    for form in _LITERAL_FORMS:
        m = form.fullmatch(text)
        if m:
            found = m.groupdict()
            return _Parts(
                _number(found["y"]) if found.get("y") else None,
                _month_number(found["m"]) if found.get("m") else None,
                _number(found["d"]) if found.get("d") else None,
            )
    return None


def _count(text: str) -> tuple[int, int]:
    key = " ".join(text.lower().split())
    return (int(key), int(key)) if key.isdigit() else _NUMBER_WORDS[key]


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


# --------------------------------------------------------------------------- arithmetic
def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + k
    return n // 12, n % 12 + 1


def _shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    year, month = _add_months(d.year, d.month, months)
    return date(year, month, min(d.day, _month_end(year, month).day))


def _unit_of(d: date, unit: str) -> DateValue:
    """The calendar day, week (Monday to Sunday), month, year or decade containing d."""
    if unit == "day":
        return DateValue.day(d)
    if unit == "week":
        monday = d - timedelta(days=d.weekday())
        return DateValue.between(monday, monday + timedelta(days=6))
    if unit == "month":
        return DateValue.month(d.year, d.month)
    if unit == "year":
        return DateValue.year(d.year)
    first = d.year - d.year % 10
    return DateValue.between(date(first, 1, 1), date(first + 9, 12, 31))


def _pick_year(month: int, d: date, rel: str = "") -> int:
    """The year of a month named without one, seen from day d: "last July" is the latest
    before d's month, "next July" the first after, a bare "July" the latest not more than
    `_MONTHS_AHEAD` months after d (past-tense news, but "in January" in December is next)."""
    here = d.year * 12 + d.month
    years = (d.year - 1, d.year, d.year + 1)
    if rel in ("last", "past"):
        return max(y for y in years if y * 12 + month < here)
    if rel in ("next", "coming"):
        return min(y for y in years if y * 12 + month > here)
    if rel == "this":
        return d.year
    return max(y for y in years if y * 12 + month - here <= _MONTHS_AHEAD)


_Resolver = Callable[[date], DateValue | None]


def _over(anchor: Anchor | None, f: _Resolver, clip: bool = False) -> DateValue | None:
    """f read at every day of the anchor: the hull of its readings at both ends (every f
    here moves forward with the day). `clip` keeps an expression about the current period
    from reaching before an interval anchor ("this year" when the article is from 2023-08
    to 2025-04 starts 2023-08)."""
    if anchor is None:
        return None
    # An anchor end that nothing bounds (date.min, date.max) leaves that side of the value
    # unbounded too: read there, f would only move the unknown day.
    known = [d for d in (anchor.earliest, anchor.latest) if date.min < d < date.max]
    readings = [f(d) for d in known]
    if not readings or any(reading is None for reading in readings):
        return None
    start = min(r.start for r in readings if r) if anchor.earliest > date.min else date.min
    end = max(r.end for r in readings if r) if anchor.latest < date.max else date.max
    if clip and anchor.earliest < anchor.latest:
        start = max(start, min(anchor.earliest, end))
    return DateValue.between(start, end)


# -------------------------------------------------------------------------------- rules
@dataclass(frozen=True)
class _Context:
    text: str
    anchor: Anchor | None
    clip: bool


class _Hit(NamedTuple):
    value: DateValue | None
    kind: str
    days: int | None = None


_Handler = Callable[[re.Match[str], _Context], _Hit | None]


@dataclass(frozen=True)
class _Rule:
    """A pattern and what its matches mean. Group `x`, when present, is the expression
    itself; the rest of the match (a preposition such as "in") only licenses it. Every match
    contains one of the `triggers` (lower-case words, or `#year` / `#tens` for numbers) and
    reaches at most `before` / `after` characters beyond it, so the pattern runs only there."""

    pattern: re.Pattern[str]
    handler: _Handler
    triggers: frozenset[str]
    before: int
    after: int

    @property
    def has_core(self) -> bool:
        return "x" in self.pattern.groupindex


_PREPOSITION_BEFORE = re.compile(
    r"(?i)(?<!\w)(in|on|at|since|by|from|until|till|before|after|of|during|through|throughout|"
    r"between|for|to|around|circa|as\s+of)\s+$"
)


def _preposition_before(text: str, start: int) -> str | None:
    before = _PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
    return _norm(before.group(1)) if before else None


def _literal(parts: _Parts, ctx: _Context, rel: str = "") -> _Hit | None:
    """An absolute date; without a year it takes one from the anchor."""
    if parts.y is not None:
        try:
            return _Hit(parts.value(parts.y), "absolute")
        except ValueError:
            return None
    try:
        parts.value(2000)  # a leap year: is there such a day at all?
    except ValueError:
        return None
    month = parts.m or 1

    def resolve(d: date) -> DateValue | None:
        try:
            return parts.value(_pick_year(month, d, rel))
        except ValueError:  # 29 February of a common year
            return None

    return _Hit(_over(ctx.anchor, resolve), "absolute")


def _on_iso(m: re.Match[str], ctx: _Context) -> _Hit | None:
    return _literal(_Parts(int(m["y"]), int(m["mo"]), int(m["d"])), ctx)


def _on_numeric(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """14/07/2025 and 07/14/2025 are clear, 03/04/2025 is not; dotted dates are day first."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if not 1800 <= year <= 2100:
        return None
    if m["sep"] == ".":
        return _literal(_Parts(year, b, a), ctx)
    if a > 12:
        return _literal(_Parts(year, b, a), ctx)
    if b > 12 or a == b:
        return _literal(_Parts(year, a, b), ctx)
    return None


def _on_day(m: re.Match[str], ctx: _Context) -> _Hit | None:
    year = _number(m["y"]) if m["y"] else None
    return _literal(_Parts(year, _month_number(m["m"]), _number(m["d"])), ctx)


def _on_month_year(m: re.Match[str], ctx: _Context) -> _Hit | None:
    return _literal(_Parts(int(m["y"]), _month_number(m["m"]), None), ctx)


# The verbs and names the months are spelled like ("by May" is often Theresa May).
_LOOSE_MONTH_PREPOSITIONS = {"by", "from", "before", "after", "to"}


def _on_month(m: re.Match[str], ctx: _Context) -> _Hit | None:
    month = _month_number(m["m"])
    prep = _norm(m.groupdict().get("p"))
    if month == 5 and prep in _LOOSE_MONTH_PREPOSITIONS:
        return None
    rel = _norm(m.groupdict().get("r"))
    hit = _literal(_Parts(None, month, None), ctx, rel=rel)
    return hit._replace(kind="relative") if hit and rel else hit  # "last July"


# What a number before a noun counts: "by 2000 troops", "of 2030 people".
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|[-–]?fold\b)|\s+(?i:percent|per\s+cent|million|billion|trillion|bn|mn)\b"
)
_COUNTED_NOUN_AFTER = re.compile(
    r"\s+(?:[A-Za-z]+\s+)?(?i:people|persons|personnel|troops|soldiers|men|women|children|"
    r"tonnes|tons|units|km|kilometres|kilometers|miles|metres|meters|times|members|cases|"
    r"deaths|refugees|migrants|workers|students|votes|vehicles|tanks|barrels|hectares|acres|"
    r"megawatts|mw|dollars|euros|yuan|won|yen|rupees|pounds|jobs|projects|companies|firms|"
    r"missiles|drones|aircraft|ships|vessels|containers|homes|houses|points|seats|delegates|"
    r"participants|visitors|tourists|pilgrims|prisoners|detainees|staff|employees|officers)\b"
)
_QUANTITY_BEFORE_OF = re.compile(
    r"(?i)\b(?:total|number|sum|maximum|minimum|average|estimated|force|crowd|group|"
    r"population|budget|price|cost|value|figure|capacity|range|fleet|army|contingent|"
    r"deployment)\s+$"
)
# Prepositions after which a number is as often a count as a year.
_COUNTING_PREPOSITIONS = {"of", "by", "from", "to", "between", "around", "circa"}


def _counts_something(ctx: _Context, end: int, prep: str) -> bool:
    after = ctx.text[end : end + 40]
    if _QUANTITY_AFTER.match(after):
        return True
    return prep in _COUNTING_PREPOSITIONS and bool(_COUNTED_NOUN_AFTER.match(after))


def _on_year(m: re.Match[str], ctx: _Context) -> _Hit | None:
    prep = _norm(m["p"])
    if _counts_something(ctx, m.end(), prep):
        return None
    if prep == "of" and _QUANTITY_BEFORE_OF.search(ctx.text[max(0, m.start() - 20) : m.start()]):
        return None
    return _Hit(DateValue.year(int(m["y"])), "absolute")


def _on_range(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """Two dates as written, the first completed from the second (or the reverse, as in
    "August 10-13"): "10 to 13 August", "from July to September", "between 2022 and 2024",
    "in 2022 and 2024", "1950-53"."""
    a, b = _parse_literal(m["a"]), _parse_literal(m["b"])
    if a is None or b is None:
        return None
    conn = _norm(m["c"]).strip("-–—") or "-"
    prep = _preposition_before(ctx.text, m.start()) or ""
    if a.m is None and a.d is None:
        return _year_range(m, a, b, conn, prep, ctx)
    if not _range_reads_as_one(a, b, conn, prep):
        return None
    if a.m is None:
        a = a._replace(m=b.m)
    if b.m is None:
        if b.d is None or a.d is None:
            return None
        b = b._replace(m=a.m)
    return _day_range(a, b, ctx)


def _range_reads_as_one(a: _Parts, b: _Parts, conn: str, prep: str) -> bool:
    """Whether "A conn B" is one span: "July 4 and 5 people" is not, "10 and 11 August" is."""
    if b.m is None and b.y is None and (b.d is None or a.m is None or a.d is None):
        return False  # "July - 13" or a bare number after a month
    if a.m is None and b.m is None:
        return False
    if conn == "and":
        return prep == "between" or a.m is None or (a.d is None and b.d is None)
    if conn == "-":
        return True
    return prep == "from" or a.d is not None or b.y is not None


def _day_range(a: _Parts, b: _Parts, ctx: _Context) -> _Hit | None:
    assert a.m is not None and b.m is not None
    wraps = (a.m, a.d or 1) > (b.m, b.d or 31)  # "December 28 - January 3"

    def build(first: int, last: int) -> DateValue | None:
        try:
            start, end = a.value(first).start, b.value(last).end
        except ValueError:
            return None
        return DateValue.between(start, end) if start < end else None

    if b.y is not None:
        value = build(a.y if a.y is not None else b.y - wraps, b.y)
        return _Hit(value, "absolute") if value else None
    if a.y is not None:
        value = build(a.y, a.y + wraps)
        return _Hit(value, "absolute") if value else None
    if build(2000 - wraps, 2000) is None:  # no such days in any year
        return None
    month = b.m

    def resolve(d: date) -> DateValue | None:
        last = _pick_year(month, d)
        return build(last - wraps, last)

    return _Hit(_over(ctx.anchor, resolve), "absolute")


def _year_range(
    m: re.Match[str], a: _Parts, b: _Parts, conn: str, prep: str, ctx: _Context
) -> _Hit | None:
    """Years: "2019-2021", "1950-53", "from 2020 to 2025", "between 2022 and 2024", and "in
    2022 and 2024" (the years in which something happened: the interval bounds them)."""
    assert a.y is not None
    if conn == "and" and prep not in ("between", "in", "during"):
        return None
    if _counts_something(ctx, m.end(), prep or "between"):
        return None
    if b.y is not None:
        end = b.value(b.y).end if b.m is not None else date(b.y, 12, 31)
    elif b.m is None and b.d is not None and conn == "-":
        last = a.y - a.y % 100 + b.d  # "1950-53"
        if last <= a.y:
            return None
        end = date(last, 12, 31)
    else:
        return None
    if end.year <= a.y:
        return None
    return _Hit(DateValue.between(date(a.y, 1, 1), end), "absolute")


def _on_decade(m: re.Match[str], ctx: _Context) -> _Hit | None:
    if m["dec"]:
        first = int(m["dec"])
    else:
        short = int(m["dd"])
        first = (2000 if short < 20 else 1900) + short  # the '90s, the '00s
    low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(_norm(m["mod"]), (0, 9))
    return _Hit(DateValue.between(date(first + low, 1, 1), date(first + high, 12, 31)), "absolute")


# Parts of a year (months) and of a month (days) named by "early", "the end of", "Q3"...
_YEAR_PARTS = {
    "early": (1, 4), "mid": (5, 8), "late": (9, 12), "beginning of": (1, 3), "start of": (1, 3),
    "middle of": (5, 8), "end of": (10, 12), "end": (10, 12), "first half of": (1, 6),
    "second half of": (7, 12), "first quarter of": (1, 3), "second quarter of": (4, 6),
    "third quarter of": (7, 9), "fourth quarter of": (10, 12), "q1": (1, 3), "q2": (4, 6),
    "q3": (7, 9), "q4": (10, 12), "h1": (1, 6), "h2": (7, 12),
}  # fmt: skip
_MONTH_PARTS = {
    "early": (1, 10), "mid": (11, 20), "late": (21, 31), "beginning of": (1, 10),
    "start of": (1, 10), "middle of": (11, 20), "end of": (21, 31), "end": (21, 31),
    "first half of": (1, 15), "second half of": (16, 31),
}  # fmt: skip
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "final": "fourth"}
_OFFSETS = {"this": 0, "the": 0, "last": -1, "next": 1}


def _part_key(text: str) -> str:
    words = [_ORDINALS.get(w, w) for w in _norm(text.replace("-", " ")).split()]
    words = [w for w in words if w not in ("the", "very")]
    if words[-1:] == ["quarter"] or words[-1:] == ["half"]:
        words.append("of")  # "third-quarter 2024"
    return " ".join(words).replace("last quarter", "fourth quarter")


def _part_of_year(year: int, key: str) -> DateValue:
    first, last = _YEAR_PARTS[key]
    return DateValue.between(date(year, first, 1), _month_end(year, last))


def _part_of_month(year: int, month: int, key: str) -> DateValue:
    first, last = _MONTH_PARTS[key]
    end = _month_end(year, month)
    return DateValue.between(date(year, month, first), end.replace(day=min(last, end.day)))


def _season(name: str, year: int) -> DateValue:
    first, last = _SEASONS[name]
    if first < last:
        return DateValue.between(date(year, first, 1), _month_end(year, last))
    return DateValue.between(date(year, 12, 1), _month_end(year + 1, 2))


def _on_part(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """Part of a year or month: "early 2024", "mid-July", "the end of last year", "Q3 2024",
    "the summer of 2022"."""
    key = _part_key(m["mod"])
    season = key.removesuffix(" of")
    if season in _SEASONS:
        if not m["y"]:
            return None  # "prices will fall next year"
        year = int(m["y"])  # "winter 2024" is Dec 2023 - Feb 2024 or Dec 2024 - Feb 2025
        return _Hit(
            _season(season, year - (season == "winter")).hull(_season(season, year)), "absolute"
        )
    if m["y"]:
        return _Hit(_part_of_year(int(m["y"]), key), "absolute") if key in _YEAR_PARTS else None
    if m["m"]:
        return _month_part(m, key, ctx)
    unit, offset = _norm(m["unit"]), _OFFSETS[_norm(m["rel"])]
    parts = _YEAR_PARTS if unit == "year" else _MONTH_PARTS
    if key not in parts:
        return None

    def resolve(d: date) -> DateValue:
        base = _unit_of(_shift(d, unit, offset), unit).start
        if unit == "year":
            return _part_of_year(base.year, key)
        return _part_of_month(base.year, base.month, key)

    return _Hit(_over(ctx.anchor, resolve), "relative")


def _month_part(m: re.Match[str], key: str, ctx: _Context) -> _Hit | None:
    if key not in _MONTH_PARTS:
        return None
    month = _month_number(m["m"])
    if m["my"]:
        return _Hit(_part_of_month(int(m["my"]), month, key), "absolute")

    def resolve(d: date) -> DateValue:
        return _part_of_month(_pick_year(month, d), month, key)

    return _Hit(_over(ctx.anchor, resolve), "absolute")


_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip
_WEEKEND_WORDS = ("over the weekend", "at the weekend", "during the weekend")


def _back(unit: str, n: int) -> _Resolver:
    """The n units up to the day ("the past two years")."""
    return lambda d: DateValue.between(_shift(d, unit, -n), d)


def _ahead(unit: str, n: int) -> _Resolver:
    """The n units from the day on ("the next two weeks", "within a month")."""
    return lambda d: DateValue.between(d, _shift(d, unit, n))


def _calendar(unit: str, offset: int) -> _Resolver:
    """The calendar unit `offset` units from the day's ("last week", "next year")."""
    return lambda d: _unit_of(_shift(d, unit, offset), unit)


def _about(unit: str, low: int, high: int) -> _Resolver:
    """What "N units ago" (negative counts) or "in N units" names: the day, week, month or
    year around the point, over every count from low to high."""
    return lambda d: _at(_shift(d, unit, low), unit).hull(_at(_shift(d, unit, high), unit))


def _at(point: date, unit: str) -> DateValue:
    if unit == "decade":  # "two decades ago" is loose: a few years either side
        return DateValue.between(date(point.year - 2, 1, 1), date(point.year + 2, 12, 31))
    return _unit_of(point, unit)


def _weekend(saturday: date) -> DateValue:
    return DateValue.between(saturday, saturday + timedelta(days=1))


def _weekend_of(rel: str) -> _Resolver:
    """Weekends: "this weekend" is the one of the day's week, "last weekend" the latest one
    wholly before the day, "over the weekend" the latest one begun, "next" the first to come."""

    def resolve(d: date) -> DateValue:
        begun = d - timedelta(days=(d.weekday() - 5) % 7)  # latest Saturday on or before d
        if rel == "this":
            return _weekend(d + timedelta(days=5 - d.weekday()))
        if rel in ("next", "coming", "the next", "the coming"):
            return _weekend(begun + timedelta(weeks=1))
        if rel in ("", *_WEEKEND_WORDS):
            return _weekend(begun)
        return _weekend(begun - timedelta(weeks=1) if d.weekday() >= 5 else begun)

    return resolve


def _on_day_word(m: re.Match[str], ctx: _Context) -> _Hit | None:
    word = _norm(m["w"])
    if word in _WEEKEND_WORDS:
        return _Hit(_over(ctx.anchor, _weekend_of(word)), "relative")
    return _Hit(_over(ctx.anchor, _calendar("day", _DAY_WORDS[word])), "relative")


_UNIT_OFFSETS = {"this": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}


def _on_unit(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """Calendar units: "last week", "this year", "next month", "the past decade"."""
    rel, unit = _norm(m["r"]), _norm(m["unit"])
    resolve: _Resolver
    if unit == "weekend":
        resolve = _weekend_of(rel)
    elif rel in ("the past", "the last", "past", "this past"):
        resolve = _back(unit, 1)
    elif rel in ("the next", "the coming"):
        resolve = _ahead(unit, 1)
    elif rel in _UNIT_OFFSETS:
        resolve = _calendar(unit, _UNIT_OFFSETS[rel])
    else:  # "the previous year", "the following week": counted from the story, not the article
        return _Hit(None, "relative")
    return _Hit(_over(ctx.anchor, resolve, clip=ctx.clip and rel == "this"), "relative")


def _on_earlier_later(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """Part of the current unit: "earlier this year" runs from its start to the article,
    "later this month" from the article to its end."""
    unit, earlier = _norm(m["unit"]), _norm(m["el"]) == "earlier"

    def resolve(d: date) -> DateValue:
        whole = _unit_of(d, unit)
        return DateValue.between(whole.start, d) if earlier else DateValue.between(d, whole.end)

    return _Hit(_over(ctx.anchor, resolve, clip=ctx.clip), "relative")


def _on_ago(m: re.Match[str], ctx: _Context) -> _Hit | None:
    low, high = _count(m["n"])
    return _Hit(_over(ctx.anchor, _about(_norm(m["unit"]), -high, -low)), "relative")


# "the first visit in 20 years" looks back; "talks will resume in two weeks" looks ahead.
_LOOKS_BACK = re.compile(
    r"(?i)\b(?:first|last\s+time|since|longest|highest|lowest|biggest|largest|worst|best)\b"
)


def _on_in_count(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """Counts ahead: "in two weeks", "within a month"; and back: "the first visit in 20 years"."""
    low, high = _count(m["n"])
    unit, prep = _norm(m["unit"]), _norm(m["p"])
    sentence_start = max(ctx.text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
    if prep == "within":
        resolve = _ahead(unit, high)
    elif _LOOKS_BACK.search(ctx.text, sentence_start, m.start()):
        resolve = _back(unit, high)
    else:
        resolve = _about(unit, low, high)
    return _Hit(_over(ctx.anchor, resolve), "relative")


def _on_window(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """Windows: "the past two years", "recent months", "the next few weeks"."""
    unit, rel = _norm(m["unit"]), _norm(m["w"])
    high = _count(m["n"])[1] if m["n"] else _DEFAULT_COUNT[unit]
    if rel in ("the past", "the last", "recent"):
        return _Hit(_over(ctx.anchor, _back(unit, high)), "relative")
    if rel in ("the next", "the coming"):
        return _Hit(_over(ctx.anchor, _ahead(unit, high)), "relative")
    return _Hit(None, "relative")  # "the previous two weeks": counted from the story


def _on_recent(m: re.Match[str], ctx: _Context) -> _Hit | None:
    return _Hit(_over(ctx.anchor, _back("day", _RECENT_DAYS)), "relative")


_NAMED_DAY = re.compile(r"(?:Good|Black|Cyber|Holy|Super)\s+$")


def _on_weekday(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """Weekdays: "on Friday" is the latest Friday on or before the article (news is past
    tense); over an interval anchor that reaches up to six days before it, never a guess."""
    target, rel = _WEEKDAYS.index(m["wd"].title()), _norm(m["r"])
    if not rel and _NAMED_DAY.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None  # "Good Friday", "Black Monday" are days of their own

    def resolve(d: date) -> DateValue:
        back = (d.weekday() - target) % 7
        if rel in ("next", "coming"):
            return DateValue.day(d + timedelta(days=(target - d.weekday()) % 7 or 7))
        if rel == "this":
            return DateValue.day(d + timedelta(days=target - d.weekday()))
        if rel in ("last", "past"):
            back = back or 7
        return DateValue.day(d - timedelta(days=back))

    return _Hit(_over(ctx.anchor, resolve), "relative")


def _on_season(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """Seasons: "this summer", "last winter" (northern: winter runs December to February)."""
    name, rel = _norm(m["s"]), _norm(m["r"])

    def resolve(d: date) -> DateValue:
        seasons = [_season(name, y) for y in range(d.year - 2, d.year + 2)]
        if rel in ("next", "coming"):
            return next(s for s in seasons if s.start > d)
        if rel in ("last", "past"):
            return [s for s in seasons if s.end < d][-1]
        current = [s for s in seasons if s.contains(d)]
        return current[0] if current else _season(name, d.year)

    return _Hit(_over(ctx.anchor, resolve), "relative")


def _on_duration(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """Lengths: "a two-day visit", "week-long", "for three days" give days, not a date."""
    unit = _norm(m["unit"]).removesuffix("s")
    words = _norm(m.groupdict().get("n")) or "1"
    count = int(words) if words.isdigit() else _HYPHEN_NUMBERS.get(words) or _count(words)[1]
    if unit == "hour":
        return _Hit(None, "duration", max(1, -(-count // 24)))
    return _Hit(None, "duration", count * _UNIT_DAYS[unit] + (unit == "night"))


def _on_period(periods: tuple[Period, ...]) -> _Handler:
    names = _period_names(periods)

    def handle(m: re.Match[str], ctx: _Context) -> _Hit | None:
        index = names.get(_alias_key(m.group()).removeprefix("the "))
        if index is None:
            return None
        period = periods[index]
        if period.end is not None:
            return _Hit(DateValue.between(period.start, period.end), "period")
        if ctx.anchor is None:  # still going on when the article was written
            return _Hit(None, "period")
        end = max(period.start, ctx.anchor.latest)
        return _Hit(DateValue.between(period.start, end), "period")

    return handle


_SEPARATORS = re.compile(r"[\s\-–—‐]+")
# Names whose first word is ordinary English must keep its capital: "a great war".
_COMMON_FIRST_WORDS = {"great", "june", "october", "imposed", "sacred", "ramadan"}


def _alias_key(text: str) -> str:
    """A name as looked up: lower case, one space between words, straight apostrophes."""
    return _SEPARATORS.sub(" ", text.replace("’", "'")).strip().lower()


def _period_names(periods: tuple[Period, ...]) -> dict[str, int]:
    names: dict[str, int] = {}
    for index, period in enumerate(periods):
        for alias in (period.name, *period.aliases):
            names.setdefault(_alias_key(alias), index)
    return names


def _period_pattern(periods: tuple[Period, ...]) -> str:
    """All names in one prefix tree, any case (but a common first word's capital), any dash
    or space between words."""
    spellings = []
    for key in _period_names(periods):
        common = key.split(" ")[0] in _COMMON_FIRST_WORDS
        spellings.append(key[0].upper() + key[1:] if common else key)
    return rf"(?<!\w)(?:[Tt]he\s+)?(?:{_trie(spellings, _name_char)})(?!\w)"


def _name_char(char: str) -> str:
    if char == " ":
        return r"[\s\-–—‐]+"
    if char == "'":
        return "['’]"
    if char.islower():
        return f"[{char}{char.upper()}]"
    return re.escape(char)


# ------------------------------------------------------------------------------ patterns
_YEAR_PREPOSITIONS = _any_case(
    ["in", "since", "by", "from", "until", "till", "before", "after", "of", "during", "through",
     "throughout", "circa", "around", "the year", "as of", "as early as", "beginning in",
     "starting in", "ending in"]
)  # fmt: skip
_MONTH_PREPOSITIONS = _any_case(
    ["in", "since", "until", "till", "during", "through", "throughout", "by", "from", "before",
     "after", "to", "the month of", "as of", "as early as"]
)  # fmt: skip
_RELATIVE = _any_case(["last", "next", "this", "coming", "past"])
_UNIT_RELATIONS = _any_case(
    ["this", "last", "next", "past", "coming", "previous", "the past", "the last", "the coming",
     "the next", "the previous", "the following", "this past"]
)  # fmt: skip
_WINDOW_RELATIONS = _any_case(
    ["the past", "the last", "the next", "the coming", "the previous", "the following", "recent"]
)
_DURATION_NUMBER = rf"(?:\d{{1,3}}|{_any_case(_HYPHEN_NUMBERS)})"


_PART_WORDS = ("end", "beginning", "start", "middle")
_HALVES = ("first", "second", "1st", "2nd")
_QUARTERS = ("first", "second", "third", "fourth", "final", "last", "1st", "2nd", "3rd", "4th")


def _part_phrases() -> list[str]:
    """Words that name part of a year or month: "early", "the very end of", "the first half
    of", "third-quarter", "the summer of"."""
    the, of = ("", "the "), ("", " of")
    phrases = ["early", "mid", "late", "q1", "q2", "q3", "q4", "h1", "h2"]
    phrases += [f"{t}{v}{w} of" for t in the for v in ("", "very ") for w in _PART_WORDS]
    phrases += [f"{t}{o}{sep}half{f}" for t in the for o in _HALVES for sep in " -" for f in of]
    phrases += [
        f"{t}{o}{sep}quarter{f}" for t in the for o in _QUARTERS for sep in " -" for f in of
    ]
    phrases += [f"{t}{season}{f}" for t in the for season in _SEASONS for f in of]
    return phrases


_PART = rf"(?:{_any_case(_part_phrases())}|[Ee]nd(?=-))"
_SEASON = _any_case(_SEASONS)
_RANGE_A = (
    rf"{_NB}(?:the\s+)?{_DAY}(?:(?:\s+of)?\s+{_MON}(?:\.?,?\s+{_YEAR})?)?"
    rf"|{_MON}(?:\.?\s+{_DAY})?(?:\.?,?\s+{_YEAR})?|{_NB}{_YEAR}"
)
_RANGE_B = (
    rf"(?:the\s+)?{_DAY}(?:(?:\s+of)?\s+{_MON}(?:\.?,?\s+{_YEAR})?|,?\s+{_YEAR})?"
    rf"|{_MON}(?:\.?\s+{_DAY})?(?:\.?,?\s+{_YEAR})?|{_YEAR}|\d\d(?!\w)"
)

_PATTERNS: tuple[tuple[str, _Handler], ...] = (
    (r"(?<![\w/.-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d)", _on_iso),
    (
        r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"
        r"(?![\w/]|\.\d)",
        _on_numeric,
    ),
    (
        rf"{_NB}{_WEEKDAY_PREFIX}?(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MON})"
        rf"(?:\.?,?\s+(?P<y>{_YEAR}))?",
        _on_day,
    ),
    (rf"{_NB}{_WEEKDAY_PREFIX}?(?P<m>{_MON})\.?\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?", _on_day),
    (rf"(?<!\w)(?P<m>{_MON})\.?,?\s+(?P<y>{_YEAR})", _on_month_year),
    (rf"(?<!\w)(?P<p>{_MONTH_PREPOSITIONS})\s+(?P<x>(?P<m>{_MON}))", _on_month),
    (rf"(?P<x>(?<!\w)(?P<r>{_RELATIVE})\s+(?P<m>{_MON}))", _on_month),
    (rf"(?<!\w)(?P<p>{_YEAR_PREPOSITIONS})\s+(?P<x>(?P<y>{_YEAR}))", _on_year),
    (
        rf"(?P<a>{_RANGE_A})(?P<c>\s*[-–—]\s*|\s+(?i:to|and|until|till|through|thru)\s+)"
        rf"(?P<b>{_RANGE_B})",
        _on_range,
    ),
    (
        rf"(?<!\w)(?:{_any_case(['the'])}\s+)?(?:(?P<mod>{_any_case(['early', 'mid', 'late'])})"
        r"[\s-]+)?(?:(?P<dec>(?:1[89]|20)\d0)|['’](?P<dd>\d0))['’]?s(?!\w)",
        _on_decade,
    ),
    (
        rf"(?<!\w)(?P<mod>{_PART})[\s-]+"
        rf"(?:(?P<y>{_YEAR})|(?P<m>{_MON})(?:\.?,?\s+(?P<my>{_YEAR}))?"
        r"|(?i:(?P<rel>this|last|next|the)\s+(?P<unit>year|month)(?!\w)))",
        _on_part,
    ),
    (rf"(?<!\w)(?P<w>{_any_case([*_DAY_WORDS, *_WEEKEND_WORDS])})(?!\w)", _on_day_word),
    (
        rf"(?<!\w)(?P<r>{_UNIT_RELATIONS})\s+"
        r"(?P<unit>(?i:week|weekend|month|year|decade))(?!\w)",
        _on_unit,
    ),
    (
        rf"(?<!\w)(?P<el>{_any_case(['earlier', 'later'])})(?i:\s+(?:this|in\s+the)\s+"
        r"(?P<unit>day|week|month|year))(?!\w)",
        _on_earlier_later,
    ),
    (rf"(?<!\w)(?P<n>{_NUM})\s+(?P<unit>{_UNIT})(?i:s?\s+ago)(?!\w)", _on_ago),
    (
        rf"(?<!\w)(?P<p>{_any_case(['in', 'within'])})"
        r"(?i:\s+(?:(?:about|around|some|another|just|only)\s+)?)"
        rf"(?P<n>{_NUM})\s+(?P<unit>{_UNIT})(?i:s?(?:['’]\s+time)?)(?!\w)",
        _on_in_count,
    ),
    (
        rf"(?<!\w)(?P<w>{_WINDOW_RELATIONS})\s+(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT})(?i:s)(?!\w)",
        _on_window,
    ),
    (rf"(?<!\w){_any_case(['recent', 'recently'])}(?!\w)", _on_recent),
    (
        rf"(?:(?<!\w)(?P<r>{_RELATIVE})\s+)?(?<!\w)(?P<wd>{_WEEKDAY})",
        _on_weekday,
    ),
    (rf"(?<!\w)(?P<r>{_RELATIVE})\s+(?P<s>{_SEASON})(?!\w)", _on_season),
    (
        rf"(?<![\w-])(?P<n>{_DURATION_NUMBER})[-‐]"
        r"(?P<unit>(?i:hour|day|night|week|month|year))(?i:[-\s]long)?(?![\w-])",
        _on_duration,
    ),
    (
        rf"(?<![\w-])(?P<unit>{_any_case(['day', 'week', 'month', 'year'])})[-\s]?(?i:long)(?!\w)",
        _on_duration,
    ),
    (
        rf"(?<!\w){_any_case(['for'])}\s+"
        r"(?P<x>(?P<n>" + _NUM + r")\s+(?P<unit>(?i:days?|nights?|weeks?|months?)))(?!\w)",
        _on_duration,
    ),
)


# Which words wake each handler's patterns, and how far (characters before, after) a match
# reaches from such a word. Every match contains one, so a pattern runs only near them.
_MONTH_KEYS = frozenset(_MONTH_NUMBERS)
_UNIT_KEYS = frozenset(
    f"{u}{s}" for u in ("day", "week", "weekend", "month", "year", "decade") for s in ("", "s")
)
_LONG_KEYS = frozenset({"hour", "hours", "night", "nights", "long", "daylong", "weeklong"})
_DATE_KEYS = _MONTH_KEYS | {"#year"}
_DAY_WORD_KEYS = frozenset(
    ["today", "tonight", "yesterday", "tomorrow", "morning", "afternoon", "evening", "night",
     "weekend"]
)  # fmt: skip


class _Wake(NamedTuple):
    keys: frozenset[str]
    before: int
    after: int


_WAKE: dict[_Handler, _Wake] = {
    _on_iso: _Wake(frozenset({"#year"}), 10, 10),
    _on_numeric: _Wake(frozenset({"#year"}), 10, 10),
    _on_day: _Wake(_MONTH_KEYS, 35, 20),
    _on_month_year: _Wake(_MONTH_KEYS, 5, 10),
    _on_month: _Wake(_MONTH_KEYS, 20, 5),
    _on_year: _Wake(frozenset({"#year"}), 20, 5),
    _on_range: _Wake(_DATE_KEYS, 30, 25),
    _on_decade: _Wake(frozenset({"#year", "#tens"}), 15, 5),
    _on_part: _Wake(_DATE_KEYS | _UNIT_KEYS, 35, 15),
    _on_day_word: _Wake(_DAY_WORD_KEYS, 25, 5),
    _on_unit: _Wake(_UNIT_KEYS, 25, 5),
    _on_earlier_later: _Wake(_UNIT_KEYS, 25, 5),
    _on_ago: _Wake(frozenset({"ago"}), 40, 5),
    _on_in_count: _Wake(_UNIT_KEYS, 45, 10),
    _on_window: _Wake(_UNIT_KEYS, 45, 5),
    _on_recent: _Wake(frozenset({"recent", "recently"}), 5, 5),
    _on_weekday: _Wake(frozenset(w.lower() for w in _WEEKDAYS), 15, 5),
    _on_season: _Wake(frozenset(_SEASONS), 15, 5),
    _on_duration: _Wake(_UNIT_KEYS | _LONG_KEYS, 30, 10),
}
_PERIOD_REACH = (50, 20)
_TOKEN = re.compile(r"[A-Za-z]+\d*|\d+")
_MINOR_WORDS = {"the", "of", "in", "one", "two"}


def _number_key(token: str) -> str:
    """Numbers wake rules by kind: `#year` (1800-2100) or `#tens` (the "90" of "the '90s")."""
    if len(token) == 4 and 1800 <= int(token) <= 2100:
        return "#year"
    return "#tens" if len(token) == 2 and token.endswith("0") else ""


def _period_triggers(periods: tuple[Period, ...]) -> frozenset[str]:
    """The last content word of each name: "war", "crisis", "pandemic", "ukraine", "wwii"."""
    names = [alias for p in periods for alias in (p.name, *p.aliases)]
    words = [
        [
            w
            for w in _TOKEN.findall(name)
            if len(w) > 2 and w.lower() not in _MINOR_WORDS and not w.isdigit()
        ]
        for name in names
    ]
    return frozenset(w[-1].lower() for w in words if w)


@dataclass(frozen=True)
class _Scanner:
    """The compiled rules and, for each trigger word, the rules it wakes with their reach."""

    rules: tuple[_Rule, ...]
    woken_by: dict[str, tuple[tuple[int, int, int], ...]]
    triggers: re.Pattern[str]

    def windows(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """The rules woken in `text`, each with the disjoint stretches around its triggers.
        This loop runs once per trigger word of the corpus, so it stays bare."""
        spans: dict[int, list[tuple[int, int]]] = {}
        woken_by = self.woken_by
        for token in self.triggers.finditer(text):
            word = token.group()
            woken = woken_by.get(word) or woken_by.get(_number_key(word), ())
            token_start, token_end = token.span()
            for index, before, after in woken:
                start, end = token_start - before, token_end + after
                rule_spans = spans.get(index)
                if rule_spans is None:
                    spans[index] = [(start if start > 0 else 0, end)]
                elif rule_spans[-1][1] >= start:
                    rule_spans[-1] = (rule_spans[-1][0], end)
                else:
                    rule_spans.append((start, end))
        return spans


@cache
def _default_scanner() -> _Scanner:
    """The scanner for the shipped periods (looked up without hashing them on every call)."""
    return _scanner(load_periods())


@cache
def _scanner(periods: tuple[Period, ...]) -> _Scanner:
    rules = [_Rule(re.compile(p), h, *_WAKE[h]) for p, h in _PATTERNS]
    period_pattern = re.compile(_period_pattern(periods))
    rules.append(
        _Rule(period_pattern, _on_period(periods), _period_triggers(periods), *_PERIOD_REACH)
    )
    woken_by: dict[str, list[tuple[int, int, int]]] = {}
    for index, rule in enumerate(rules):
        for key in rule.triggers:
            for variant in {key, key.capitalize(), key.upper()}:
                woken_by.setdefault(variant, []).append((index, rule.before, rule.after))
    words = _trie(key for key in woken_by if not key.startswith("#"))
    triggers = re.compile(rf"(?<![A-Za-z\d])(?:{words})(?![A-Za-z])|(?<!\d)\d+")
    return _Scanner(tuple(rules), {k: tuple(v) for k, v in woken_by.items()}, triggers)


# ---------------------------------------------------------------------------------- scan
def find_time_expressions(
    text: str,
    anchor: Anchor | None,
    *,
    periods: tuple[Period, ...] | None = None,
    clip: bool = True,
) -> list[TimeExpression]:
    """Time expressions in `text`, sorted by offset, without overlaps (longest match wins).
    Relative ones resolve against `anchor` (value None without one). `periods` replaces the
    shipped list of named periods; `clip=False` lets "this year" over an interval anchor
    start on 1 January of the anchor's first year instead of at the anchor."""
    ctx = _Context(text, anchor, clip)
    scanner = _default_scanner() if periods is None else _scanner(periods)
    found: list[tuple[int, int, int, _Hit]] = []
    for index, spans in scanner.windows(text).items():
        rule = scanner.rules[index]
        for lo, hi in spans:
            for m in rule.pattern.finditer(text, lo, hi):
                hit = rule.handler(m, ctx)
                if hit is not None:
                    start, end = m.span("x") if rule.has_core else m.span()
                    found.append((start, end, index, hit))
    return [_expression(text, start, end, hit) for start, end, hit in _longest_first(found)]


def _longest_first(found: list[tuple[int, int, int, _Hit]]) -> list[tuple[int, int, _Hit]]:
    """Keep the longest of overlapping matches (then the earliest, then the first rule)."""
    starts: list[int] = []
    kept: list[tuple[int, int, _Hit]] = []
    for start, end, _, hit in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2])):
        i = bisect_left(starts, start)
        if (i > 0 and kept[i - 1][1] > start) or (i < len(kept) and kept[i][0] < end):
            continue
        starts.insert(i, start)
        kept.insert(i, (start, end, hit))
    return kept


def _expression(text: str, start: int, end: int, hit: _Hit) -> TimeExpression:
    preposition = _preposition_before(text, start)
    return TimeExpression(text[start:end], start, end, hit.value, hit.kind, hit.days, preposition)


# ---------------------------------------------------------------------- publication date
_HEAD_CHARS = 400
_LABEL = re.compile(
    r"(?i)^\W*(?P<label>date|dated|(?:first\s+)?published|posted|(?:last\s+)?updated|"
    r"last\s+modified|modified)(?:\s+(?:on|at))?\b\s*[:=\-–—]?\s*(?P<rest>.*)$"
)
_ISO_STAMP = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?:[T\s]\d{1,2}:\d{2}\S*)?(?!\d)")
# What may stand beside a date on a line of its own: times, time zones, separators.
_DATE_LINE_RESIDUE = re.compile(
    r"(?:[\s,|/·•\-–—:()]|\d{1,2}[:.]\d{2}(?::\d{2})?|[ap]\.?m\.?|[AP]\.?M\.?|[A-Z]{2,4}"
    r"|(?:GMT|UTC)[+-]?\d{0,2}(?::?\d{2})?)*"
)
_DATELINE = re.compile(
    rf"^\W*[A-Z][A-Za-z.'’ -]{{1,40}}\]?(?:,\s*[A-Za-z.' ]{{1,30}})?(?:,|\s[-–—])\s*"
    rf"(?P<date>{_WEEKDAY_PREFIX}?(?:{_MD}|{_DM}))\s*(?:\([^)\n]{{1,40}}\)\s*)?[-–—:]"
)
_LEADING_WEEKDAY = re.compile(rf"^{_WEEKDAY_PREFIX}")
# A dateline without its city: "Jan 5 (Reuters) -".
_AGENCY_DATELINE = re.compile(
    rf"^\W*(?P<date>{_WEEKDAY_PREFIX}?(?:{_MD}|{_DM}))\s*\([^)\n]{{1,40}}\)\s*[-–—:]"
)
_WEEKDAY_WORD = re.compile(_WEEKDAY)
_WEEKDAY_DATE = re.compile(rf"(?P<weekday>{_WEEKDAY}),?\s+(?:the\s+)?(?P<date>{_MD}|{_DM})")
_ANY_YEAR = re.compile(rf"(?<!\d){_YEAR}")
_DIGIT = re.compile(r"\d")
# Rank of each source: publication labels, then a date line, a dateline, then "updated".
_LABEL_RANK = {"updated": 3, "last updated": 3, "last modified": 3, "modified": 3}


def find_publication_date(text: str) -> DateValue | None:
    """The publication date an article's text states: in its head a `date 2026-01-23` line,
    a line that is only a date ("Wednesday, August 13, 2025"), "Published 12 March 2025",
    "Updated: ...", or a dateline with its year ("JAKARTA, Feb 13, 2025 (Reuters) -");
    else a "Published ..." line in its footer; else a date the lead gives with its weekday
    ("on Tuesday, September 20, 2022,"), the day news is written on or the day after."""
    head = _head(text)
    found: list[tuple[int, int, DateValue]] = []
    for position, line in enumerate(head.splitlines()):
        # A date that resolves without an anchor has a year, so a line without digits has none.
        ranked = _dated_line(line) if _DIGIT.search(line) else None
        if ranked is not None:
            found.append((ranked[0], position, ranked[1]))
    if found:
        return min(found, key=lambda f: (f[0], f[1]))[2]
    return _footer_date(text[len(head) :]) or _lead_weekday_date(head)


def _head(text: str) -> str:
    line_end = text.find("\n", _HEAD_CHARS)
    return text[: line_end if 0 <= line_end < _HEAD_CHARS + 200 else _HEAD_CHARS]


def _footer_date(rest: str) -> DateValue | None:
    """A labelled publication line ("Published 3 May 2024 14:05 BST") among the last lines."""
    tail = rest[-_HEAD_CHARS:].splitlines()
    for line in reversed(tail):
        label = _LABEL.match(line)
        if label and _norm(label["label"]) not in _LABEL_RANK:
            value = _first_date(label["rest"])
            if value is not None:
                return value
    return None


def _lead_weekday_date(head: str) -> DateValue | None:
    for match in _WEEKDAY_DATE.finditer(head):
        parts = _parse_literal(match["date"])
        if parts is not None and parts.y is not None and parts.d is not None:
            try:
                value = parts.value(parts.y)
            except ValueError:
                continue
            if _WEEKDAYS[value.start.weekday()].lower() == match["weekday"].lower():
                return value
    return None


@dataclass(frozen=True)
class YearlessDateline:
    """A dateline that gives the month and day but no year ("CAIRO, March 17 (KUNA) --")."""

    month: int
    day: int
    weekday: int | None  # 0 = Monday, when the dateline names it
    end: int  # where the dateline ends in the text


def find_yearless_dateline(text: str) -> YearlessDateline | None:
    offset = 0
    for line in _head(text).splitlines(keepends=True):
        m = _DATELINE.match(line) or _AGENCY_DATELINE.match(line)
        if m is not None and not _ANY_YEAR.search(line, 0, m.end()):
            parts = _parse_literal(_LEADING_WEEKDAY.sub("", m["date"]))
            if parts is not None and parts.m is not None and parts.d is not None:
                # "CAIRO, Sunday, March 17": the weekday may stand where a region would.
                weekday = _WEEKDAY_WORD.search(line, 0, m.end("date"))
                named = _weekday_number(weekday.group()) if weekday else None
                return YearlessDateline(parts.m, parts.d, named, offset + m.end())
        offset += len(line)
    return None


def _weekday_number(text: str) -> int:
    return [name.lower() for name in _WEEKDAYS].index(text.lower())


def _dated_line(line: str) -> tuple[int, DateValue] | None:
    label = _LABEL.match(line)
    if label:
        value = _first_date(label["rest"])
        return (_LABEL_RANK.get(_norm(label["label"]), 0), value) if value else None
    value = _date_only_line(line)
    if value:
        return 1, value
    value = _dateline_date(line)
    return (2, value) if value else None


def _first_date(text: str) -> DateValue | None:
    stamp = _ISO_STAMP.search(text)
    if stamp:
        return parse_iso(stamp.group(1))
    for expression in find_time_expressions(text, None):
        if expression.kind == "absolute" and expression.value is not None:
            return expression.value
    return None


def _date_only_line(line: str) -> DateValue | None:
    stamp = _ISO_STAMP.search(line)
    if stamp and _DATE_LINE_RESIDUE.fullmatch(line[: stamp.start()] + line[stamp.end() :]):
        return parse_iso(stamp.group(1))
    expressions = [e for e in find_time_expressions(line, None) if e.kind == "absolute"]
    if len(expressions) != 1:
        return None
    only = expressions[0]
    if only.value is None or only.value.precision not in ("day", "month"):
        return None  # a heading such as "The 1990s" is not a publication date
    rest = line[: only.start] + line[only.end :]
    return only.value if _DATE_LINE_RESIDUE.fullmatch(rest) else None


def _dateline_date(line: str) -> DateValue | None:
    m = _DATELINE.match(line)
    if m is None:
        return None
    parts = _parse_literal(_LEADING_WEEKDAY.sub("", m["date"]))
    if parts is None or parts.m is None:
        return None
    year = parts.y
    if year is None:
        # Only the dateline's own words give its year ("(Agency - 3 October, 2019)"); a year
        # in the story after it ("its 2025 budget will rise") may be any year but this one.
        in_dateline = _ANY_YEAR.search(line, 0, m.end())
        if in_dateline is None:
            return None
        year = int(in_dateline.group())
    try:
        return parts.value(year)
    except ValueError:
        return None
