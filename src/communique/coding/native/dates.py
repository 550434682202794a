"""Date expressions of one language (data/<lang>/dates.toml), resolved against the
publication date into coding/dates' DateValue, as English ones are."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..dates import DateValue
from ..dates.reckoning import calendar_unit


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: DateValue


@dataclass(frozen=True)
class _Relative:
    unit: str
    offset: int


class DateFinder:
    def __init__(self, table: dict[str, Any]) -> None:
        self.patterns = [re.compile(p["regex"], re.IGNORECASE) for p in table.get("pattern", [])]
        self.months = {k.casefold(): v for k, v in table.get("months", {}).items()}
        self.future = tuple(table.get("future", []))
        self.past = tuple(table.get("past", []))
        self.until = tuple(table.get("until", []))
        self.until_now = tuple(table.get("until_now", []))
        self.follow_chars = 2 + max(map(len, self.until + self.until_now), default=0)
        self.before_chars: int = table.get("before_chars", 60)
        # A date that opens its sentence, set off by a comma ("Ngày 29/11, ..."), dates
        # every trigger of the sentence, not only the first after it.
        self.heads_sentence: bool = table.get("heads_sentence", False)
        self.after_chars: int = table.get("after_chars", 12)
        relatives = {
            w.casefold(): _Relative(r["unit"], r["offset"])
            for r in table.get("relative", [])
            for w in r["words"]
        }
        self.relatives = relatives
        words = "|".join(re.escape(w) for w in sorted(relatives, key=len, reverse=True))
        after = r"(?![^\W\d_])" if table.get("right_boundary", "word") == "word" else ""
        self.relative = re.compile(
            rf"(?<![^\W\d_])(?:{words}){after}" if words else r"(?!x)x", re.IGNORECASE
        )

    def find(self, text: str, published: DateValue | None) -> list[DateMention]:
        """The dates in `text` that the publication date lets us resolve, in order."""
        if published is None:
            return []
        taken: list[tuple[int, int]] = []
        found = []
        for pattern in [*self.patterns, self.relative]:
            for m in pattern.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                value = self._value(m, text, published)
                if value is not None:
                    taken.append((m.start(), m.end()))
                    found.append(DateMention(m.start(), m.end(), value))
        return sorted(found, key=lambda d: d.start)

    def _value(self, m: re.Match[str], text: str, published: DateValue) -> DateValue | None:
        relative = self.relatives.get(m.group().casefold())
        if relative is not None:
            return calendar_unit(relative.unit, relative.offset)(published.end)
        before = text[max(0, m.start() - 8) : m.start()].rstrip()
        direction = 1 if before.endswith(self.future) else -1 if before.endswith(self.past) else 0
        try:
            value = _literal(m.groupdict(), self.months, published.end, direction)
        except ValueError:  # "31 February": not a date
            return None
        follows = text[m.end() : m.end() + self.follow_chars].lstrip()
        if value is None:
            return None
        if value.start <= published.end and follows.startswith(self.until_now):
            return value.hull(DateValue.day(published.end))  # "from the 11th": until now
        if value.end >= published.start and follows.startswith(self.until):
            return value.hull(DateValue.day(published.start))  # "until 2026": from now
        return value


def _literal(
    groups: dict[str, str | None], months: dict[str, int], anchor: date, direction: int
) -> DateValue | None:
    """A date from its parts; what the text leaves out is the anchor's, taken so that the
    date is not after the anchor (or, said to be ahead, not before it)."""
    year, month, day, last_day = (_number(groups.get(g)) for g in ("year", "month", "day", "day2"))
    if groups.get("monthname"):
        month = months.get(str(groups["monthname"]).casefold())
    last_day = last_day or day
    if month is None and day is None:
        return DateValue.year(year) if year else None
    if day is None:
        assert month is not None
        y = year or _year_of(month, anchor, direction)
        return DateValue.month(y, month)
    assert last_day is not None
    if month is None:
        y, month = _month_of(day, anchor, direction)
        year = year or y
    y = year or _year_of(month, anchor, direction, day)
    return DateValue.between(date(y, month, day), date(y, month, last_day))


def _number(group: str | None) -> int | None:
    return int(group) if group else None


def _year_of(month: int, anchor: date, direction: int, day: int = 1) -> int:
    later = (month, day) > (anchor.month, anchor.day)
    if direction > 0:
        return anchor.year + int((month, day) < (anchor.month, anchor.day))
    return anchor.year - int(later)


def _month_of(day: int, anchor: date, direction: int) -> tuple[int, int]:
    if direction > 0 and day < anchor.day:
        return (anchor.year + anchor.month // 12, anchor.month % 12 + 1)
    if direction <= 0 and day > anchor.day:
        return (anchor.year - int(anchor.month == 1), (anchor.month - 2) % 12 + 1)
    return anchor.year, anchor.month
