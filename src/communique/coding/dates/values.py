"""The value of a time expression: an interval of days named at the precision the text
supports (`2025`, `2025-07`, `2025-07-14`, `2025-08-10/2025-08-13`), and the anchor that
relative expressions resolve against."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

PRECISIONS = ("day", "month", "year", "interval")


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_end(year: int, month: int) -> date:
    leap_day = month == 2 and calendar.isleap(year)
    return date(year, month, _DAYS_IN_MONTH[month - 1] + leap_day)


def _exact_precision(a: date, b: date) -> str:
    """The coarsest precision that names the days a..b exactly."""
    if b < a:
        raise ValueError(f"date interval ends before it starts: {a}..{b}")
    if a == b:
        return "day"
    if a.day == 1 and b == month_end(b.year, b.month):
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
        return cls(date(year, month, 1), month_end(year, month), "month")

    @classmethod
    def year(cls, year: int) -> DateValue:
        return cls(date(year, 1, 1), date(year, 12, 31), "year")

    @classmethod
    def between(cls, a: date, b: date) -> DateValue:
        """The days a..b, named at the coarsest precision that is exact (a whole month is
        `2025-07`, not an interval)."""
        return cls(a, b, _exact_precision(a, b))

    @property
    def iso(self) -> str:
        s, e = self.start, self.end
        if self.precision == "day":
            return s.isoformat()
        if self.precision == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if self.precision == "year":
            return f"{s.year:04d}"
        if s.day == 1 and e == month_end(e.year, e.month):
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


def around(anchor: Anchor, days: int) -> DateValue:
    """Bounds for an event lasting `days` that includes the anchor's day(s): a two-day visit
    reported on the 14th ran from the 13th to the 15th at the widest. An end of the anchor that
    nothing bounds (`date.min`, `date.max`) stays unbounded."""
    slack = timedelta(days=max(days, 1) - 1)
    start = anchor.earliest - slack if anchor.earliest - date.min > slack else date.min
    end = anchor.latest + slack if date.max - anchor.latest > slack else date.max
    return DateValue.between(start, end)
