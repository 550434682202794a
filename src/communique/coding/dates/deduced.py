"""The publication date an article's text fixes by deduction when nothing states it.

A dateline without a year ("WARSAW, March 5 (Agency) -") leaves one date a year. Each year is
kept only if it agrees with everything the text says: the weekday the dateline names; the
weekdays named for what happened, which in a dated news report are the dateline's day or the
day before ("on Wednesday" in a Thursday report); a weekday written with a date ("Friday
(Jan 6)"); and the terms of the office holders named with their titles. The office-holder
table bounds the years: no year is considered outside the terms it lists (before an office's
first listed holder, or after the last day it knows of, it can rule nothing out). One year
left is the date; several give an interval that covers them, never a pick; none, no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..knowledge import Knowledge
from ..offices import Holder
from ..people import PeopleFinder
from .published import YearlessDateline, find_yearless_dateline
from .values import DateValue
from .words import MONTH_NAMES, MONTH_NUMBERS, WEEKDAYS, month_number

_MONTHS = "|".join(sorted((m.capitalize() for m in MONTH_NUMBERS), key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAYS)
# A weekday that names a day of the report's own week: not "last Friday", "next Monday",
# "every Sunday", "Good Friday", "the Sunday Times", nor one written with a date.
_NOT_THIS_WEEK = ("last", "next", "this", "coming", "every", "each", "following", "previous")
_BARE_WEEKDAY = re.compile(
    "".join(f"(?<!{w} )(?<!{w.capitalize()} )" for w in _NOT_THIS_WEEK)
    + rf"(?<!Good )(?<!Black )\b({_WEEKDAY})\b(?!\s*[,(]?\s*(?:{_MONTHS}|\d))"
    + r"(?!\s+[A-Z])(?!'s|’s)"
)
# "Friday (Jan 6)", "Tuesday, 4 March", "Wednesday March 5": a weekday written with its date.
_WEEKDAY_WITH_DATE = re.compile(
    rf"\b({_WEEKDAY}),?\s*\(?\s*(?:({_MONTHS})\.?\s+(\d{{1,2}})|(\d{{1,2}})\s+({_MONTHS}))\b"
    r"(?![,\s]*\d{4})"
)


# A year the text looks back to ("signed an accord in 2019", "since 2021"): the report is no
# earlier.
_PAST_YEAR = re.compile(r"\b(?:in|since|during)\s+((?:19|20)\d\d)\b(?!\s*[-–/]\s*\d)")
# A day still to come ("will fly to Cebu on Thursday") says nothing of the report's day.
_FUTURE = re.compile(
    r"\b(?:will|shall|would|is to|are to|to be|scheduled|expected|due to|set to|plans? to)\b"
)


@dataclass(frozen=True)
class Deduced:
    value: DateValue
    reason: str


class PublicationDates:
    """Deduces publication dates; the office-holder knowledge is loaded once, when made."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.people = PeopleFinder(knowledge.offices)
        self.known_until = knowledge.offices.known_until

    def deduce(self, text: str) -> Deduced | None:
        """The date a yearless dateline and the text around it fix, with how it was deduced."""
        dateline = find_yearless_dateline(text)
        if dateline is None:
            return None
        holders = self._titled_holders(text)
        if not holders:
            return None  # nothing bounds the years
        body = text[dateline.end :]
        named = _weekdays_named(body)
        paired = [_pair(m) for m in _WEEKDAY_WITH_DATE.finditer(body)]
        not_before = _year_looked_back_to(body)
        held = [
            day
            for day in _dateline_days(dateline, holders, self.known_until)
            if day.year >= not_before
            and all(_held_on(holder, day, self.known_until) for holder in holders)
        ]
        fits = [day for day in held if _weekdays_fit(day, dateline, named, paired)]
        if not fits and named:
            # A day named further down may be earlier in the week than the report's day
            # before it ("clashed on Monday" in a Thursday report): the lead's day still holds.
            named = named[:1]
            fits = [day for day in held if _weekdays_fit(day, dateline, named, paired)]
        if not fits:
            return None
        value = DateValue.between(fits[0], fits[-1])
        return Deduced(value, _reason(dateline, fits, holders, named, not_before))

    def _titled_holders(self, text: str) -> list[Holder]:
        """The office holders the text names with a title, in the present."""
        people = self.people.find(text, 0, None, self.knowledge.gazetteer.find(text))
        return list({p.holder: None for p in people if p.titled and p.holder and p.holder.terms})


def _weekdays_named(body: str) -> list[int]:
    """The weekdays named for what happened, not for what is still to come."""
    return [
        WEEKDAYS.index(m.group(1))
        for m in _BARE_WEEKDAY.finditer(body)
        if not _said_of_the_future(body, m.start())
    ]


def _year_looked_back_to(body: str) -> int:
    """The latest year the text looks back to (0 for none): the report is no earlier."""
    looked_back = [
        int(m.group(1))
        for m in _PAST_YEAR.finditer(body)
        if not _said_of_the_future(body, m.start())
    ]
    return max(looked_back, default=0)


def _dateline_days(dateline: YearlessDateline, holders: list[Holder], until: date) -> list[date]:
    """The dateline's month and day in every year the holders' listed terms reach."""
    first = min(t.start.year for h in holders for t in h.terms)
    last = max(min(t.end, until).year for h in holders for t in h.terms)
    days = []
    for year in range(first, last + 1):
        try:
            days.append(date(year, dateline.month, dateline.day))
        except ValueError:  # 29 February in a common year
            continue
    return days


def _held_on(holder: Holder, day: date, until: date) -> bool:
    return day <= until and any(term.contains(day) for term in holder.terms)


def _weekdays_fit(
    day: date, dateline: YearlessDateline, named: list[int], paired: list[tuple[int, int, int]]
) -> bool:
    if dateline.weekday is not None and day.weekday() != dateline.weekday:
        return False
    report_days = {day.weekday(), (day - timedelta(days=1)).weekday()}
    if any(weekday not in report_days for weekday in named):
        return False
    return all(_pair_fits(day, pair) for pair in paired)


def _pair(match: re.Match[str]) -> tuple[int, int, int]:
    """(weekday, month, day) of "Friday (Jan 6)" or "Tuesday, 4 March"."""
    weekday, month_a, day_a, day_b, month_b = match.groups()
    return WEEKDAYS.index(weekday), month_number(month_a or month_b), int(day_a or day_b)


def _pair_fits(day: date, pair: tuple[int, int, int]) -> bool:
    """Whether the paired date, in the year nearest the report, falls on its weekday."""
    weekday, month, number = pair
    year = day.year + (1 if month - day.month < -6 else -1 if month - day.month > 6 else 0)
    try:
        return date(year, month, number).weekday() == weekday
    except ValueError:
        return False


def _said_of_the_future(body: str, at: int) -> bool:
    """Whether the sentence holding `at` looks ahead before reaching it."""
    return _FUTURE.search(body, body.rfind(".", 0, at) + 1, at) is not None


def _reason(
    dateline: YearlessDateline,
    fits: list[date],
    holders: list[Holder],
    named: list[int],
    not_before: int,
) -> str:
    day = f"{MONTH_NAMES[dateline.month - 1]} {dateline.day}"
    terms = ", ".join(f"{h.title} {h.name}" for h in holders)
    said = ", ".join(dict.fromkeys(WEEKDAYS[w] for w in named)) or "none"
    back = f", the text looking back to {not_before}" if not_before else ""
    years = " and ".join(str(d.year) for d in fits) if len(fits) <= 3 else f"{len(fits)} years"
    verdict = f"only {years} fits" if len(fits) == 1 else f"{years} fit, so an interval covers them"
    return (
        f"the dateline gives {day} without a year; with the terms of {terms} (as the "
        f"office-holder table lists them) and the weekdays named ({said}){back}, {verdict}"
    )
