"""The pattern of each rule, and which words wake it: every match contains one of its trigger
words and reaches at most so many characters beyond it, so the pattern runs only there."""

from __future__ import annotations

from typing import NamedTuple

from . import absolute, relative
from .rules import Handler
from .words import (
    DAY,
    DAY_WORDS,
    HYPHEN_NUMBERS,
    MON,
    MONTH_NUMBERS,
    NB,
    NUM,
    SEASONS,
    UNIT,
    WEEKDAY,
    WEEKDAY_PREFIX,
    WEEKDAYS,
    WEEKEND_WORDS,
    YEAR,
    any_case,
)

_YEAR_PREPOSITIONS = any_case(
    ["in", "since", "by", "from", "until", "till", "before", "after", "of", "during", "through",
     "throughout", "circa", "around", "the year", "as of", "as early as", "beginning in",
     "starting in", "ending in"]
)  # fmt: skip
_MONTH_PREPOSITIONS = any_case(
    ["in", "since", "until", "till", "during", "through", "throughout", "by", "from", "before",
     "after", "to", "the month of", "as of", "as early as"]
)  # fmt: skip
_RELATIVE = any_case(["last", "next", "this", "coming", "past"])
_UNIT_RELATIONS = any_case(
    ["this", "last", "next", "past", "coming", "previous", "the past", "the last", "the coming",
     "the next", "the previous", "the following", "this past"]
)  # fmt: skip
_WINDOW_RELATIONS = any_case(
    ["the past", "the last", "the next", "the coming", "the previous", "the following", "recent"]
)
_DURATION_NUMBER = rf"(?:\d{{1,3}}|{any_case(HYPHEN_NUMBERS)})"


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
    phrases += [f"{t}{season}{f}" for t in the for season in SEASONS for f in of]
    return phrases


_PART = rf"(?:{any_case(_part_phrases())}|[Ee]nd(?=-))"
_SEASON = any_case(SEASONS)
_RANGE_A = (
    rf"{NB}(?:the\s+)?{DAY}(?:(?:\s+of)?\s+{MON}(?:\.?,?\s+{YEAR})?)?"
    rf"|{MON}(?:\.?\s+{DAY})?(?:\.?,?\s+{YEAR})?|{NB}{YEAR}"
)
_RANGE_B = (
    rf"(?:the\s+)?{DAY}(?:(?:\s+of)?\s+{MON}(?:\.?,?\s+{YEAR})?|,?\s+{YEAR})?"
    rf"|{MON}(?:\.?\s+{DAY})?(?:\.?,?\s+{YEAR})?|{YEAR}|\d\d(?!\w)"
)

PATTERNS: tuple[tuple[str, Handler], ...] = (
    (r"(?<![\w/.-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?!\d)", absolute.on_iso),
    (
        r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"
        r"(?![\w/]|\.\d)",
        absolute.on_numeric,
    ),
    (
        rf"{NB}{WEEKDAY_PREFIX}?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{MON})"
        rf"(?:\.?,?\s+(?P<y>{YEAR}))?",
        absolute.on_day,
    ),
    (
        rf"{NB}{WEEKDAY_PREFIX}?(?P<m>{MON})\.?\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
        absolute.on_day,
    ),
    (rf"(?<!\w)(?P<m>{MON})\.?,?\s+(?P<y>{YEAR})", absolute.on_month_year),
    (rf"(?<!\w)(?P<p>{_MONTH_PREPOSITIONS})\s+(?P<x>(?P<m>{MON}))", absolute.on_month),
    (rf"(?P<x>(?<!\w)(?P<r>{_RELATIVE})\s+(?P<m>{MON}))", absolute.on_month),
    (rf"(?<!\w)(?P<p>{_YEAR_PREPOSITIONS})\s+(?P<x>(?P<y>{YEAR}))", absolute.on_year),
    (
        rf"(?P<a>{_RANGE_A})(?P<c>\s*[-–—]\s*|\s+(?i:to|and|until|till|through|thru)\s+)"
        rf"(?P<b>{_RANGE_B})",
        absolute.on_range,
    ),
    (
        rf"(?<!\w)(?:{any_case(['the'])}\s+)?(?:(?P<mod>{any_case(['early', 'mid', 'late'])})"
        r"[\s-]+)?(?:(?P<dec>(?:1[89]|20)\d0)|['’](?P<dd>\d0))['’]?s(?!\w)",
        absolute.on_decade,
    ),
    (
        rf"(?<!\w)(?P<mod>{_PART})[\s-]+"
        rf"(?:(?P<y>{YEAR})|(?P<m>{MON})(?:\.?,?\s+(?P<my>{YEAR}))?"
        r"|(?i:(?P<rel>this|last|next|the)\s+(?P<unit>year|month)(?!\w)))",
        absolute.on_part,
    ),
    (rf"(?<!\w)(?P<w>{any_case([*DAY_WORDS, *WEEKEND_WORDS])})(?!\w)", relative.on_day_word),
    (
        rf"(?<!\w)(?P<r>{_UNIT_RELATIONS})\s+"
        r"(?P<unit>(?i:week|weekend|month|year|decade))(?!\w)",
        relative.on_unit,
    ),
    (
        rf"(?<!\w)(?P<el>{any_case(['earlier', 'later'])})(?i:\s+(?:this|in\s+the)\s+"
        r"(?P<unit>day|week|month|year))(?!\w)",
        relative.on_earlier_later,
    ),
    (rf"(?<!\w)(?P<n>{NUM})\s+(?P<unit>{UNIT})(?i:s?\s+ago)(?!\w)", relative.on_ago),
    (
        rf"(?<!\w)(?P<p>{any_case(['in', 'within'])})"
        r"(?i:\s+(?:(?:about|around|some|another|just|only)\s+)?)"
        rf"(?P<n>{NUM})\s+(?P<unit>{UNIT})(?i:s?(?:['’]\s+time)?)(?!\w)",
        relative.on_in_count,
    ),
    (
        rf"(?<!\w)(?P<w>{_WINDOW_RELATIONS})\s+(?:(?P<n>{NUM})\s+)?(?P<unit>{UNIT})(?i:s)(?!\w)",
        relative.on_window,
    ),
    (rf"(?<!\w){any_case(['recent', 'recently'])}(?!\w)", relative.on_recent),
    (
        rf"(?:(?<!\w)(?P<r>{_RELATIVE})\s+)?(?<!\w)(?P<wd>{WEEKDAY})",
        relative.on_weekday,
    ),
    (rf"(?<!\w)(?P<r>{_RELATIVE})\s+(?P<s>{_SEASON})(?!\w)", relative.on_season),
    (
        rf"(?<![\w-])(?P<n>{_DURATION_NUMBER})[-‐]"
        r"(?P<unit>(?i:hour|day|night|week|month|year))(?i:[-\s]long)?(?![\w-])",
        relative.on_duration,
    ),
    (
        rf"(?<![\w-])(?P<unit>{any_case(['day', 'week', 'month', 'year'])})[-\s]?(?i:long)(?!\w)",
        relative.on_duration,
    ),
    (
        rf"(?<!\w){any_case(['for'])}\s+"
        r"(?P<x>(?P<n>" + NUM + r")\s+(?P<unit>(?i:days?|nights?|weeks?|months?)))(?!\w)",
        relative.on_duration,
    ),
)


# Which words wake each handler's patterns, and how far (characters before, after) a match
# reaches from such a word. Every match contains one, so a pattern runs only near them.
_MONTH_KEYS = frozenset(MONTH_NUMBERS)
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


WAKE: dict[Handler, _Wake] = {
    absolute.on_iso: _Wake(frozenset({"#year"}), 10, 10),
    absolute.on_numeric: _Wake(frozenset({"#year"}), 10, 10),
    absolute.on_day: _Wake(_MONTH_KEYS, 35, 20),
    absolute.on_month_year: _Wake(_MONTH_KEYS, 5, 10),
    absolute.on_month: _Wake(_MONTH_KEYS, 20, 5),
    absolute.on_year: _Wake(frozenset({"#year"}), 20, 5),
    absolute.on_range: _Wake(_DATE_KEYS, 30, 25),
    absolute.on_decade: _Wake(frozenset({"#year", "#tens"}), 15, 5),
    absolute.on_part: _Wake(_DATE_KEYS | _UNIT_KEYS, 35, 15),
    relative.on_day_word: _Wake(_DAY_WORD_KEYS, 25, 5),
    relative.on_unit: _Wake(_UNIT_KEYS, 25, 5),
    relative.on_earlier_later: _Wake(_UNIT_KEYS, 25, 5),
    relative.on_ago: _Wake(frozenset({"ago"}), 40, 5),
    relative.on_in_count: _Wake(_UNIT_KEYS, 45, 10),
    relative.on_window: _Wake(_UNIT_KEYS, 45, 5),
    relative.on_recent: _Wake(frozenset({"recent", "recently"}), 5, 5),
    relative.on_weekday: _Wake(frozenset(w.lower() for w in WEEKDAYS), 15, 5),
    relative.on_season: _Wake(frozenset(SEASONS), 15, 5),
    relative.on_duration: _Wake(_UNIT_KEYS | _LONG_KEYS, 30, 10),
}
