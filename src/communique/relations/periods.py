"""ISO 8601 periods as day intervals: `2025`, `2025-07`, `2025-07-14` or `start/end`.

Relations compare dates as intervals of days, so a month-precise report and a day-precise one
of the same happening overlap instead of looking different.
"""

from __future__ import annotations

import calendar
from datetime import date

from ..errors import CommuniqueError

Interval = tuple[date, date]


def period_bounds(text: str) -> Interval:
    """The first and last day of a period (`2025-07` -> 2025-07-01, 2025-07-31)."""
    if "/" in text:
        first, last = text.split("/", 1)
        return period_bounds(first)[0], period_bounds(last)[1]
    parts = text.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
        if len(numbers) == 2:
            year, month = numbers
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(numbers) == 3:
            day = date(*numbers)
            return day, day
    except ValueError:
        pass
    raise CommuniqueError(f"{text!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")


def optional_bounds(text: str | None) -> Interval | None:
    """`period_bounds` for a value that may be missing or malformed in stored data."""
    if not text:
        return None
    try:
        return period_bounds(text[:10] if "T" in text else text)
    except CommuniqueError:
        return None


def width(interval: Interval) -> int:
    """Days covered by the interval: 1 for a day, 31 for July, 365 for a year."""
    return (interval[1] - interval[0]).days + 1


def gap(a: Interval, b: Interval) -> int:
    """Days between two intervals; 0 when they overlap."""
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)
