"""Named historical periods ("the Korean War", "the pandemic") from data/periods.csv, and the
rule that finds them."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from ...settings import DATA_DIR
from .rules import Context, Handler, Hit
from .values import DateValue
from .words import trie

PERIODS_CSV = DATA_DIR / "periods.csv"


@dataclass(frozen=True)
class Period:
    """A named historical period ("the Korean War"); `end` None while it is open."""

    name: str
    aliases: tuple[str, ...]
    start: date
    end: date | None
    source: str


@cache
def load_periods(path: Path = PERIODS_CSV) -> tuple[Period, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(_period_from_row(row) for row in csv.DictReader(handle))


def _period_from_row(row: dict[str, str]) -> Period:
    aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
    end = row["end"].strip()
    return Period(
        name=row["name"].strip(),
        aliases=aliases,
        start=date.fromisoformat(row["start"].strip()),
        end=date.fromisoformat(end) if end else None,
        source=row["source"].strip(),
    )


def on_period(periods: tuple[Period, ...]) -> Handler:
    names = _period_names(periods)

    def handle(m: re.Match[str], ctx: Context) -> Hit | None:
        index = names.get(_alias_key(m.group()).removeprefix("the "))
        if index is None:
            return None
        period = periods[index]
        if period.end is not None:
            return Hit(DateValue.between(period.start, period.end), "period")
        if ctx.anchor is None:  # still going on when the article was written
            return Hit(None, "period")
        end = max(period.start, ctx.anchor.latest)
        return Hit(DateValue.between(period.start, end), "period")

    return handle


_SEPARATORS = re.compile(r"[\s\-–—‐]+")
# Names whose first word is ordinary English must keep its capital: "a great war".
_COMMON_FIRST_WORDS = {"great", "june", "october", "imposed", "sacred", "ramadan"}


def _alias_key(text: str) -> str:
    """A name as looked up: lower case, one space between words, straight apostrophes."""
    return _SEPARATORS.sub(" ", text.replace("’", "'")).strip().lower()


def _period_names(periods: tuple[Period, ...]) -> dict[str, int]:
    names: dict[str, int] = {}
    for index, period in enumerate(periods):
        for alias in (period.name, *period.aliases):
            names.setdefault(_alias_key(alias), index)
    return names


def period_pattern(periods: tuple[Period, ...]) -> str:
    """All names in one prefix tree, any case (but a common first word's capital), any dash
    or space between words."""
    spellings = []
    for key in _period_names(periods):
        common = key.split(" ")[0] in _COMMON_FIRST_WORDS
        spellings.append(key[0].upper() + key[1:] if common else key)
    return rf"(?<!\w)(?:[Tt]he\s+)?(?:{trie(spellings, _name_char)})(?!\w)"


def _name_char(char: str) -> str:
    if char == " ":
        return r"[\s\-–—‐]+"
    if char == "'":
        return "['’]"
    if char.islower():
        return f"[{char}{char.upper()}]"
    return re.escape(char)


PERIOD_REACH = (50, 20)
_TOKEN = re.compile(r"[A-Za-z]+\d*|\d+")
_MINOR_WORDS = {"the", "of", "in", "one", "two"}


def period_triggers(periods: tuple[Period, ...]) -> frozenset[str]:
    """The last content word of each name: "war", "crisis", "pandemic", "ukraine", "wwii"."""
    names = [alias for p in periods for alias in (p.name, *p.aliases)]
    words = [
        [
            w
            for w in _TOKEN.findall(name)
            if len(w) > 2 and w.lower() not in _MINOR_WORDS and not w.isdigit()
        ]
        for name in names
    ]
    return frozenset(w[-1].lower() for w in words if w)
