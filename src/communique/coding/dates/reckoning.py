"""Calendar arithmetic, and reading a relative expression at every day of the anchor: the
value is the hull of its readings, so it bounds the truth instead of inventing a day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from .values import Anchor, DateValue, month_end
from .words import SEASONS, WEEKEND_WORDS

# A bare month up to this many months after the anchor is read as upcoming, else as past.
_MONTHS_AHEAD = 2


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + k
    return n // 12, n % 12 + 1


def shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    year, month = _add_months(d.year, d.month, months)
    return date(year, month, min(d.day, month_end(year, month).day))


def unit_of(d: date, unit: str) -> DateValue:
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


def pick_year(month: int, d: date, rel: str = "") -> int:
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


Resolver = Callable[[date], DateValue | None]


def over_anchor(anchor: Anchor | None, f: Resolver, clip: bool = False) -> DateValue | None:
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


def season_in(name: str, year: int) -> DateValue:
    """The season that begins in `year` (its winter runs into the next year's February)."""
    first, last = SEASONS[name]
    if first < last:
        return DateValue.between(date(year, first, 1), month_end(year, last))
    return DateValue.between(date(year, 12, 1), month_end(year + 1, 2))


def units_before(unit: str, n: int) -> Resolver:
    """The n units up to the day ("the past two years")."""
    return lambda d: DateValue.between(shift(d, unit, -n), d)


def units_after(unit: str, n: int) -> Resolver:
    """The n units from the day on ("the next two weeks", "within a month")."""
    return lambda d: DateValue.between(d, shift(d, unit, n))


def calendar_unit(unit: str, offset: int) -> Resolver:
    """The calendar unit `offset` units from the day's ("last week", "next year")."""
    return lambda d: unit_of(shift(d, unit, offset), unit)


def units_away(unit: str, low: int, high: int) -> Resolver:
    """What "N units ago" (negative counts) or "in N units" names: the day, week, month or
    year around the point, over every count from low to high."""
    return lambda d: _at(shift(d, unit, low), unit).hull(_at(shift(d, unit, high), unit))


def _at(point: date, unit: str) -> DateValue:
    if unit == "decade":  # "two decades ago" is loose: a few years either side
        return DateValue.between(date(point.year - 2, 1, 1), date(point.year + 2, 12, 31))
    return unit_of(point, unit)


def _weekend(saturday: date) -> DateValue:
    return DateValue.between(saturday, saturday + timedelta(days=1))


def weekend_of(rel: str) -> Resolver:
    """Weekends: "this weekend" is the one of the day's week, "last weekend" the latest one
    wholly before the day, "over the weekend" the latest one begun, "next" the first to come."""

    def resolve(d: date) -> DateValue:
        begun = d - timedelta(days=(d.weekday() - 5) % 7)  # latest Saturday on or before d
        if rel == "this":
            return _weekend(d + timedelta(days=5 - d.weekday()))
        if rel in ("next", "coming", "the next", "the coming"):
            return _weekend(begun + timedelta(weeks=1))
        if rel in ("", *WEEKEND_WORDS):
            return _weekend(begun)
        return _weekend(begun - timedelta(weeks=1) if d.weekday() >= 5 else begun)

    return resolve
