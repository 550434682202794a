"""The publication date an article's text states: a labelled line, a line that is only a
date, a dateline with its year, a footer line, or a date the lead gives with its weekday; and a
dateline that gives no year, for the deduction in `deduced`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .expressions import find_time_expressions
from .values import DateValue, parse_iso
from .words import DAY, MON, WEEKDAY, WEEKDAY_PREFIX, WEEKDAYS, YEAR, norm, parse_literal

# A full stop may follow an abbreviated month only where something follows ("Jul. 14").
_DM = rf"(?:the\s+)?{DAY}(?:\s+of)?\s+{MON}(?:\.?,?\s+{YEAR})?"
_MD = rf"{MON}\.?\s+{DAY}(?:,?\s+{YEAR})?"

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
# "Feb 13, 2025", "Thursday 13 February" and "(Reuters)" in "JAKARTA, Feb 13, 2025 (Reuters) -".
_DATELINE_DATE = rf"(?P<date>{WEEKDAY_PREFIX}?(?:{_MD}|{_DM}))\s*"
_AGENCY = r"\([^)\n]{1,40}\)\s*"
_DATELINE = re.compile(
    rf"^\W*[A-Z][A-Za-z.'’ -]{{1,40}}\]?(?:,\s*[A-Za-z.' ]{{1,30}})?(?:,|\s[-–—])\s*"
    rf"{_DATELINE_DATE}(?:{_AGENCY})?[-–—:]"
)
_LEADING_WEEKDAY = re.compile(rf"^{WEEKDAY_PREFIX}")
# A dateline without its city: "Jan 5 (Reuters) -".
_AGENCY_DATELINE = re.compile(rf"^\W*{_DATELINE_DATE}{_AGENCY}[-–—:]")
_WEEKDAY_WORD = re.compile(WEEKDAY)
_WEEKDAY_DATE = re.compile(rf"(?P<weekday>{WEEKDAY}),?\s+(?:the\s+)?(?P<date>{_MD}|{_DM})")
_ANY_YEAR = re.compile(rf"(?<!\d){YEAR}")
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
        if label and norm(label["label"]) not in _LABEL_RANK:
            value = _first_date(label["rest"])
            if value is not None:
                return value
    return None


def _lead_weekday_date(head: str) -> DateValue | None:
    for match in _WEEKDAY_DATE.finditer(head):
        parts = parse_literal(match["date"])
        if parts is not None and parts.y is not None and parts.d is not None:
            try:
                value = parts.value(parts.y)
            except ValueError:
                continue
            if WEEKDAYS[value.start.weekday()].lower() == match["weekday"].lower():
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
            parts = parse_literal(_LEADING_WEEKDAY.sub("", m["date"]))
            if parts is not None and parts.m is not None and parts.d is not None:
                # "CAIRO, Sunday, March 17": the weekday may stand where a region would.
                weekday = _WEEKDAY_WORD.search(line, 0, m.end("date"))
                named = _weekday_number(weekday.group()) if weekday else None
                return YearlessDateline(parts.m, parts.d, named, offset + m.end())
        offset += len(line)
    return None


def _weekday_number(text: str) -> int:
    return [name.lower() for name in WEEKDAYS].index(text.lower())


def _dated_line(line: str) -> tuple[int, DateValue] | None:
    label = _LABEL.match(line)
    if label:
        value = _first_date(label["rest"])
        return (_LABEL_RANK.get(norm(label["label"]), 0), value) if value else None
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
    parts = parse_literal(_LEADING_WEEKDAY.sub("", m["date"]))
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
