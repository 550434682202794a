"""An event before merging, and how what one article says twice becomes one event."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..language import Sentence
from ..schema import Location, kinds
from .dates import DateValue
from .lexicon import TriggerMatch
from .people import PersonMention

# A visit or a meeting is one occasion: later sentences about it add context, not sectors.
SINGLE_OCCASION_KINDS = {"VISIT", "MEET"}


@dataclass
class Candidate:
    """An event before merging, with what the coder knew when it made it."""

    kind: str
    source: str
    target: str
    sentence: Sentence
    trigger: TriggerMatch
    status: str
    date: DateValue | None
    date_explicit: bool
    sectors: list[str]
    confidence: float
    people: list[PersonMention] = field(default_factory=list)
    instrument: str | None = None
    tier: tuple[str, str] | None = None
    via_anaphor: bool = False
    explicit_status: bool = False
    location: Location | None = None
    # the date of what this answers ("rejected the demands" made on Monday): no earlier
    answers_date: DateValue | None = None


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """What one article says twice is one event: same kind and pair, compatible dates."""
    merged: list[Candidate] = []
    for c in candidates:
        twin = next((m for m in merged if same_happening(m, c)), None)
        if twin is None:
            merged.append(c)
            continue
        best = (
            c
            if (c.explicit_status, c.confidence) > (twin.explicit_status, twin.confidence)
            else twin
        )
        if best.kind not in SINGLE_OCCASION_KINDS:
            best.sectors = sorted(set(twin.sectors) | set(c.sectors))
        best.instrument = twin.instrument or c.instrument
        best.tier = twin.tier or c.tier
        other = twin if best is c else c
        if other.date_explicit and (not best.date_explicit or narrower(other.date, best.date)):
            # "in 2017 ... signed" and "signed ... in December 2017": the finer date
            best.date, best.date_explicit = other.date, True
        merged[merged.index(twin)] = best
    return merged


def narrower(a: DateValue | None, b: DateValue | None) -> bool:
    return a is not None and (b is None or a.end - a.start < b.end - b.start)


def same_happening(a: Candidate, b: Candidate) -> bool:
    # What did not happen is never the report of what did ("expelled three diplomats ... did
    # not intend to break off relations").
    if a.kind != b.kind or (a.status == "negated") != (b.status == "negated"):
        return False
    directed = kinds()[a.kind].directed
    same_pair = (a.source, a.target) == (b.source, b.target) or (
        not directed and {a.source, a.target} == {b.source, b.target}
    )
    if not same_pair:
        return False
    if a.date_explicit and b.date_explicit and a.date and b.date:
        return a.date.intersect(b.date) is not None
    return True
