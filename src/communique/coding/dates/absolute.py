"""Handlers for dates as written: "14 July 2025", "07/14/2025", "in July", "2019-2021",
"the 1990s", "early 2024", "the end of last year"."""

from __future__ import annotations

import re
from datetime import date

from .reckoning import over_anchor, pick_year, season_in, shift, unit_of
from .rules import Context, Hit, preposition_before
from .values import DateValue, month_end
from .words import SEASONS, Parts, month_number, norm, parse_literal, parse_number


def _literal(parts: Parts, ctx: Context, rel: str = "") -> Hit | None:
    """An absolute date; without a year it takes one from the anchor."""
    if parts.y is not None:
        try:
            return Hit(parts.value(parts.y), "absolute")
        except ValueError:
            return None
    try:
        parts.value(2000)  # a leap year: is there such a day at all?
    except ValueError:
        return None
    month = parts.m or 1

    def resolve(d: date) -> DateValue | None:
        try:
            return parts.value(pick_year(month, d, rel))
        except ValueError:  # 29 February of a common year
            return None

    return Hit(over_anchor(ctx.anchor, resolve), "absolute")


def on_iso(m: re.Match[str], ctx: Context) -> Hit | None:
    return _literal(Parts(int(m["y"]), int(m["mo"]), int(m["d"])), ctx)


def on_numeric(m: re.Match[str], ctx: Context) -> Hit | None:
    """14/07/2025 and 07/14/2025 are clear, 03/04/2025 is not; dotted dates are day first."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if not 1800 <= year <= 2100:
        return None
    if m["sep"] == ".":
        return _literal(Parts(year, b, a), ctx)
    if a > 12:
        return _literal(Parts(year, b, a), ctx)
    if b > 12 or a == b:
        return _literal(Parts(year, a, b), ctx)
    return None


def on_day(m: re.Match[str], ctx: Context) -> Hit | None:
    year = parse_number(m["y"]) if m["y"] else None
    return _literal(Parts(year, month_number(m["m"]), parse_number(m["d"])), ctx)


def on_month_year(m: re.Match[str], ctx: Context) -> Hit | None:
    return _literal(Parts(int(m["y"]), month_number(m["m"]), None), ctx)


# The verbs and names the months are spelled like ("by May" is often Theresa May).
_LOOSE_MONTH_PREPOSITIONS = {"by", "from", "before", "after", "to"}


def on_month(m: re.Match[str], ctx: Context) -> Hit | None:
    month = month_number(m["m"])
    prep = norm(m.groupdict().get("p"))
    if month == 5 and prep in _LOOSE_MONTH_PREPOSITIONS:
        return None
    rel = norm(m.groupdict().get("r"))
    hit = _literal(Parts(None, month, None), ctx, rel=rel)
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


def _counts_something(ctx: Context, end: int, prep: str) -> bool:
    after = ctx.text[end : end + 40]
    if _QUANTITY_AFTER.match(after):
        return True
    return prep in _COUNTING_PREPOSITIONS and bool(_COUNTED_NOUN_AFTER.match(after))


def on_year(m: re.Match[str], ctx: Context) -> Hit | None:
    prep = norm(m["p"])
    if _counts_something(ctx, m.end(), prep):
        return None
    if prep == "of" and _QUANTITY_BEFORE_OF.search(ctx.text[max(0, m.start() - 20) : m.start()]):
        return None
    return Hit(DateValue.year(int(m["y"])), "absolute")


def on_range(m: re.Match[str], ctx: Context) -> Hit | None:
    """Two dates as written, the first completed from the second (or the reverse, as in
    "August 10-13"): "10 to 13 August", "from July to September", "between 2022 and 2024",
    "in 2022 and 2024", "1950-53"."""
    a, b = parse_literal(m["a"]), parse_literal(m["b"])
    if a is None or b is None:
        return None
    conn = norm(m["c"]).strip("-–—") or "-"
    prep = preposition_before(ctx.text, m.start()) or ""
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


def _range_reads_as_one(a: Parts, b: Parts, conn: str, prep: str) -> bool:
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


def _day_range(a: Parts, b: Parts, ctx: Context) -> Hit | None:
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
        return Hit(value, "absolute") if value else None
    if a.y is not None:
        value = build(a.y, a.y + wraps)
        return Hit(value, "absolute") if value else None
    if build(2000 - wraps, 2000) is None:  # no such days in any year
        return None
    month = b.m

    def resolve(d: date) -> DateValue | None:
        last = pick_year(month, d)
        return build(last - wraps, last)

    return Hit(over_anchor(ctx.anchor, resolve), "absolute")


def _year_range(
    m: re.Match[str], a: Parts, b: Parts, conn: str, prep: str, ctx: Context
) -> Hit | None:
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
    return Hit(DateValue.between(date(a.y, 1, 1), end), "absolute")


def on_decade(m: re.Match[str], ctx: Context) -> Hit | None:
    if m["dec"]:
        first = int(m["dec"])
    else:
        short = int(m["dd"])
        first = (2000 if short < 20 else 1900) + short  # the '90s, the '00s
    low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(norm(m["mod"]), (0, 9))
    return Hit(DateValue.between(date(first + low, 1, 1), date(first + high, 12, 31)), "absolute")


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

_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "final": "fourth"}
_OFFSETS = {"this": 0, "the": 0, "last": -1, "next": 1}


def _part_key(text: str) -> str:
    words = [_ORDINALS.get(w, w) for w in norm(text.replace("-", " ")).split()]
    words = [w for w in words if w not in ("the", "very")]
    if words[-1:] == ["quarter"] or words[-1:] == ["half"]:
        words.append("of")  # "third-quarter 2024"
    return " ".join(words).replace("last quarter", "fourth quarter")


def _part_of_year(year: int, key: str) -> DateValue:
    first, last = _YEAR_PARTS[key]
    return DateValue.between(date(year, first, 1), month_end(year, last))


def _part_of_month(year: int, month: int, key: str) -> DateValue:
    first, last = _MONTH_PARTS[key]
    end = month_end(year, month)
    return DateValue.between(date(year, month, first), end.replace(day=min(last, end.day)))


def on_part(m: re.Match[str], ctx: Context) -> Hit | None:
    """Part of a year or month: "early 2024", "mid-July", "the end of last year", "Q3 2024",
    "the summer of 2022"."""
    key = _part_key(m["mod"])
    season = key.removesuffix(" of")
    if season in SEASONS:
        if not m["y"]:
            return None  # "prices will fall next year"
        year = int(m["y"])  # "winter 2024" is Dec 2023 - Feb 2024 or Dec 2024 - Feb 2025
        return Hit(
            season_in(season, year - (season == "winter")).hull(season_in(season, year)), "absolute"
        )
    if m["y"]:
        return Hit(_part_of_year(int(m["y"]), key), "absolute") if key in _YEAR_PARTS else None
    if m["m"]:
        return _month_part(m, key, ctx)
    unit, offset = norm(m["unit"]), _OFFSETS[norm(m["rel"])]
    parts = _YEAR_PARTS if unit == "year" else _MONTH_PARTS
    if key not in parts:
        return None

    def resolve(d: date) -> DateValue:
        base = unit_of(shift(d, unit, offset), unit).start
        if unit == "year":
            return _part_of_year(base.year, key)
        return _part_of_month(base.year, base.month, key)

    return Hit(over_anchor(ctx.anchor, resolve), "relative")


def _month_part(m: re.Match[str], key: str, ctx: Context) -> Hit | None:
    if key not in _MONTH_PARTS:
        return None
    month = month_number(m["m"])
    if m["my"]:
        return Hit(_part_of_month(int(m["my"]), month, key), "absolute")

    def resolve(d: date) -> DateValue:
        return _part_of_month(pick_year(month, d), month, key)

    return Hit(over_anchor(ctx.anchor, resolve), "absolute")
