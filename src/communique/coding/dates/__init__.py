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

The steps, one module each: `values` (DateValue, Anchor), `words` (the vocabulary and the
pattern pieces that spell it), `reckoning` (calendar arithmetic over the anchor), `rules`,
`absolute` and `relative` (what each kind of match means), `periods` (named periods),
`patterns` (each rule's pattern and the words that wake it), `expressions` (finding them in a
text), `published` (the publication date a text states) and `deduced` (the one it fixes by
deduction when it states none; import it from there, as it needs the office-holder knowledge).
"""

from .expressions import TimeExpression, find_time_expressions
from .periods import PERIODS_CSV, Period, load_periods
from .published import YearlessDateline, find_publication_date, find_yearless_dateline
from .values import PRECISIONS, Anchor, DateValue, around, parse_iso

__all__ = [
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
