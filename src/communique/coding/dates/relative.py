"""Handlers for expressions relative to the article's day ("yesterday", "last week", "two
years ago", "on Friday", "this summer") and for lengths ("a two-day visit")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .reckoning import (
    Resolver,
    calendar_unit,
    over_anchor,
    season_in,
    unit_of,
    units_after,
    units_away,
    units_before,
    weekend_of,
)
from .rules import Context, Hit
from .values import DateValue
from .words import DAY_WORDS, HYPHEN_NUMBERS, WEEKDAYS, WEEKEND_WORDS, norm, parse_count

# How far a vague window reaches when the text gives no count ("in recent years").
_DEFAULT_COUNT = {"day": 14, "week": 8, "month": 12, "year": 5, "decade": 3}
# Upper bounds in days, so `around` never cuts a duration short.
_UNIT_DAYS = {"hour": 1, "day": 1, "night": 1, "week": 7, "month": 31, "year": 366}
# "recently" / "recent": up to about six months before the article.
_RECENT_DAYS = 180


def on_day_word(m: re.Match[str], ctx: Context) -> Hit | None:
    word = norm(m["w"])
    if word in WEEKEND_WORDS:
        return Hit(over_anchor(ctx.anchor, weekend_of(word)), "relative")
    return Hit(over_anchor(ctx.anchor, calendar_unit("day", DAY_WORDS[word])), "relative")


_UNIT_OFFSETS = {"this": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}


def on_unit(m: re.Match[str], ctx: Context) -> Hit | None:
    """Calendar units: "last week", "this year", "next month", "the past decade"."""
    rel, unit = norm(m["r"]), norm(m["unit"])
    resolve: Resolver
    if unit == "weekend":
        resolve = weekend_of(rel)
    elif rel in ("the past", "the last", "past", "this past"):
        resolve = units_before(unit, 1)
    elif rel in ("the next", "the coming"):
        resolve = units_after(unit, 1)
    elif rel in _UNIT_OFFSETS:
        resolve = calendar_unit(unit, _UNIT_OFFSETS[rel])
    else:  # "the previous year", "the following week": counted from the story, not the article
        return Hit(None, "relative")
    return Hit(over_anchor(ctx.anchor, resolve, clip=ctx.clip and rel == "this"), "relative")


def on_earlier_later(m: re.Match[str], ctx: Context) -> Hit | None:
    """Part of the current unit: "earlier this year" runs from its start to the article,
    "later this month" from the article to its end."""
    unit, earlier = norm(m["unit"]), norm(m["el"]) == "earlier"

    def resolve(d: date) -> DateValue:
        whole = unit_of(d, unit)
        return DateValue.between(whole.start, d) if earlier else DateValue.between(d, whole.end)

    return Hit(over_anchor(ctx.anchor, resolve, clip=ctx.clip), "relative")


def on_ago(m: re.Match[str], ctx: Context) -> Hit | None:
    low, high = parse_count(m["n"])
    return Hit(over_anchor(ctx.anchor, units_away(norm(m["unit"]), -high, -low)), "relative")


# "the first visit in 20 years" looks back; "talks will resume in two weeks" looks ahead.
_LOOKS_BACK = re.compile(
    r"(?i)\b(?:first|last\s+time|since|longest|highest|lowest|biggest|largest|worst|best)\b"
)


def on_in_count(m: re.Match[str], ctx: Context) -> Hit | None:
    """Counts ahead: "in two weeks", "within a month"; and back: "the first visit in 20 years"."""
    low, high = parse_count(m["n"])
    unit, prep = norm(m["unit"]), norm(m["p"])
    sentence_start = max(ctx.text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
    if prep == "within":
        resolve = units_after(unit, high)
    elif _LOOKS_BACK.search(ctx.text, sentence_start, m.start()):
        resolve = units_before(unit, high)
    else:
        resolve = units_away(unit, low, high)
    return Hit(over_anchor(ctx.anchor, resolve), "relative")


def on_window(m: re.Match[str], ctx: Context) -> Hit | None:
    """Windows: "the past two years", "recent months", "the next few weeks"."""
    unit, rel = norm(m["unit"]), norm(m["w"])
    high = parse_count(m["n"])[1] if m["n"] else _DEFAULT_COUNT[unit]
    if rel in ("the past", "the last", "recent"):
        return Hit(over_anchor(ctx.anchor, units_before(unit, high)), "relative")
    if rel in ("the next", "the coming"):
        return Hit(over_anchor(ctx.anchor, units_after(unit, high)), "relative")
    return Hit(None, "relative")  # "the previous two weeks": counted from the story


def on_recent(m: re.Match[str], ctx: Context) -> Hit | None:
    return Hit(over_anchor(ctx.anchor, units_before("day", _RECENT_DAYS)), "relative")


_NAMED_DAY = re.compile(r"(?:Good|Black|Cyber|Holy|Super)\s+$")


def on_weekday(m: re.Match[str], ctx: Context) -> Hit | None:
    """Weekdays: "on Friday" is the latest Friday on or before the article (news is past
    tense); over an interval anchor that reaches up to six days before it, never a guess."""
    target, rel = WEEKDAYS.index(m["wd"].title()), norm(m["r"])
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

    return Hit(over_anchor(ctx.anchor, resolve), "relative")


def on_season(m: re.Match[str], ctx: Context) -> Hit | None:
    """Seasons: "this summer", "last winter" (northern: winter runs December to February)."""
    name, rel = norm(m["s"]), norm(m["r"])

    def resolve(d: date) -> DateValue:
        seasons = [season_in(name, y) for y in range(d.year - 2, d.year + 2)]
        if rel in ("next", "coming"):
            return next(s for s in seasons if s.start > d)
        if rel in ("last", "past"):
            return [s for s in seasons if s.end < d][-1]
        current = [s for s in seasons if s.contains(d)]
        return current[0] if current else season_in(name, d.year)

    return Hit(over_anchor(ctx.anchor, resolve), "relative")


def on_duration(m: re.Match[str], ctx: Context) -> Hit | None:
    """Lengths: "a two-day visit", "week-long", "for three days" give days, not a date."""
    unit = norm(m["unit"]).removesuffix("s")
    words = norm(m.groupdict().get("n")) or "1"
    count = int(words) if words.isdigit() else HYPHEN_NUMBERS.get(words) or parse_count(words)[1]
    if unit == "hour":
        return Hit(None, "duration", max(1, -(-count // 24)))
    return Hit(None, "duration", count * _UNIT_DAYS[unit] + (unit == "night"))
