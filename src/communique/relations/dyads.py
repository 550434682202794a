"""The state of every dyad: partnership tier over time, counts, balance, contacts, instruments.

A dyad is an unordered pair of actors. Its state is derived from canonical events, so a
happening reported by ten outlets counts once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..schema import TIERS, kinds
from .fusion import CanonicalEvent

# Only what happened changes the state of a relationship: an upgrade that is planned or
# proposed is not yet a tier, and a meeting that was called off is not a contact.
HAPPENED = ("occurred", "ongoing")
TIER_KINDS = ("ESTABLISH_RELATIONS", "UPGRADE_RELATIONS")
INSTRUMENT_KINDS = ("SIGN_AGREEMENT",)


@dataclass
class TierStep:
    date: str | None
    tier: str
    tier_wording: str | None
    canonical_id: str


@dataclass
class Instrument:
    instrument: str
    date: str | None
    sectors: list[str]
    canonical_id: str


@dataclass
class DyadState:
    dyad: str
    country_a: str
    country_b: str
    tier: str | None
    tier_wording: str | None
    tier_since: str | None
    tier_timeline: list[TierStep] = field(default_factory=list)
    events: int = 0
    mentions: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_sector: dict[str, int] = field(default_factory=dict)
    by_year: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    cooperative: int = 0
    conflictual: int = 0
    balance: float | None = None
    goldstein_mean: float | None = None
    first_contact: str | None = None
    last_contact: str | None = None
    instruments: list[Instrument] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def partner_of(self, country: str) -> str:
        return self.country_b if self.country_a == country else self.country_a


def dyad_key(a: str, b: str) -> tuple[str, str]:
    first, second = sorted((a, b))
    return first, second


def dyad_states(events: Iterable[CanonicalEvent]) -> list[DyadState]:
    """The state of every dyad that has a canonical event, busiest first."""
    grouped: dict[tuple[str, str], list[CanonicalEvent]] = {}
    for event in events:
        if event.source != event.target:
            grouped.setdefault(dyad_key(event.source, event.target), []).append(event)
    states = [dyad_state(a, b, group) for (a, b), group in grouped.items()]
    return sorted(states, key=lambda s: (-s.events, s.dyad))


def dyad_state(a: str, b: str, events: list[CanonicalEvent]) -> DyadState:
    timeline = tier_timeline(events)
    current = max(timeline, key=lambda step: TIERS.index(step.tier), default=None)
    happened = _by_date([e for e in events if e.status in HAPPENED])
    cooperative, conflictual, goldstein = _balance(events)
    return DyadState(
        dyad=f"{a}-{b}",
        country_a=a,
        country_b=b,
        tier=current.tier if current else None,
        tier_wording=current.tier_wording if current else None,
        tier_since=current.date if current else None,
        tier_timeline=timeline,
        events=len(events),
        mentions=sum(e.n_mentions for e in events),
        by_kind=_counts(e.kind for e in events),
        by_sector=_counts(s for e in events for s in e.sectors),
        by_year=_counts(e.date_start[:4] for e in events if e.date_start),
        by_status=_counts(e.status for e in events),
        cooperative=cooperative,
        conflictual=conflictual,
        balance=(cooperative - conflictual) / (cooperative + conflictual)
        if cooperative + conflictual
        else None,
        goldstein_mean=goldstein,
        first_contact=happened[0].date if happened else None,
        last_contact=happened[-1].date if happened else None,
        instruments=_instruments(events),
    )


def tier_timeline(events: list[CanonicalEvent]) -> list[TierStep]:
    """Each tier the dyad reached, at the earliest date a report gives for reaching it."""
    reached: dict[str, TierStep] = {}
    for event in _by_date([e for e in events if e.kind in TIER_KINDS and e.status in HAPPENED]):
        # Establishing relations is the diplomatic tier whatever tier the sentence mentions
        # ("ties established in 1992, upgraded to a comprehensive strategic partnership").
        tier = "diplomatic_relations" if event.kind == "ESTABLISH_RELATIONS" else event.tier
        if tier in TIERS and tier not in reached:
            reached[tier] = TierStep(event.date, tier, event.tier_wording, event.canonical_id)
    return sorted(
        reached.values(), key=lambda s: (s.date is None, s.date or "", TIERS.index(s.tier))
    )


def _by_date(events: list[CanonicalEvent]) -> list[CanonicalEvent]:
    """Dated events in date order (the narrower date first on a tie), undated ones last."""
    return sorted(
        events,
        key=lambda e: (e.date_start is None, e.date_start or "", e.date_end or "", e.canonical_id),
    )


def _counts(values: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items()))


def _balance(events: list[CanonicalEvent]) -> tuple[int, int, float | None]:
    """Cooperative and conflictual events (PLOVER quad classes 1-2 and 3-4), and mean Goldstein.

    A negated event did not happen, so it weighs on neither side.
    """
    info = kinds()
    counted = [info[e.kind] for e in events if e.kind in info and e.status != "negated"]
    cooperative = sum(1 for k in counted if k.quad_class <= 2)
    goldstein = sum(k.goldstein for k in counted) / len(counted) if counted else None
    return cooperative, len(counted) - cooperative, goldstein


def _instruments(events: list[CanonicalEvent]) -> list[Instrument]:
    signed = [
        e
        for e in _by_date(events)
        if e.kind in INSTRUMENT_KINDS and e.status in HAPPENED and e.instrument
    ]
    return [Instrument(e.instrument or "", e.date, e.sectors, e.canonical_id) for e in signed]
