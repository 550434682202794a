"""The questions people ask about relations, answered as DataFrames.

partners(db, "KOR")               # KOR's partners, ranked, with tier and last contact
timeline(db, "KOR", "VNM")        # the dyad's canonical events, in date order, with evidence
find_events(db, country="TUR", kind="SIGN_AGREEMENT", since="2025-01",
            sector="defense_industry")
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..store.database import Database
from .dyads import DyadState, dyad_key, dyad_state, dyad_states
from .fusion import CanonicalEvent
from .periods import period_bounds
from .store import canonical_view

PARTNER_COLUMNS = [
    "partner", "tier", "tier_wording", "tier_since", "events", "mentions", "cooperative",
    "conflictual", "balance", "first_contact", "last_contact",
]  # fmt: skip
TIMELINE_COLUMNS = [
    "date", "kind", "source", "target", "status", "sectors", "instrument", "tier", "confidence",
    "n_sources", "n_mentions", "first_reported", "evidence", "outlets", "canonical_id",
]  # fmt: skip
EVENT_COLUMNS = [
    "date", "kind", "source", "target", "status", "sectors", "instrument", "tier", "confidence",
    "n_sources", "n_mentions", "first_reported", "canonical_id",
]  # fmt: skip


@dataclass(frozen=True)
class EventFilter:
    """Which canonical events to keep; a field left None keeps everything.

    `since` and `until` are ISO periods (`2025`, `2025-01`, `2025-01-15`): an event is kept
    when its date interval reaches into [since, until]. Undated events fail a date filter.
    """

    country: str | None = None
    partner: str | None = None
    kind: str | None = None
    sector: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None

    def keeps(self, event: CanonicalEvent) -> bool:
        actors = (event.source, event.target)
        return (
            (self.country is None or self.country in actors)
            and (self.partner is None or self.partner in actors)
            and (self.kind is None or event.kind == self.kind)
            and (self.sector is None or self.sector in event.sectors)
            and (self.status is None or event.status == self.status)
            and self._in_period(event)
        )

    def _in_period(self, event: CanonicalEvent) -> bool:
        if self.since is None and self.until is None:
            return True
        if not event.date_start or not event.date_end:
            return False
        after = self.since is None or event.date_end >= period_bounds(self.since)[0].isoformat()
        before = self.until is None or event.date_start <= period_bounds(self.until)[1].isoformat()
        return after and before


def canonical_events(db: Database, where: EventFilter | None = None) -> list[CanonicalEvent]:
    """Canonical events in date order (undated last), filtered."""
    chosen = where or EventFilter()
    return [e for e in canonical_view(db).events if chosen.keeps(e)]


def dyads(db: Database) -> list[DyadState]:
    """The state of every dyad, busiest first."""
    return dyad_states(canonical_view(db).events)


def dyad(db: Database, a: str, b: str) -> DyadState:
    """The state of one dyad (empty when the two never met in the corpus)."""
    first, second = dyad_key(a, b)
    return dyad_state(first, second, canonical_events(db, EventFilter(country=a, partner=b)))


def partners(db: Database, country: str) -> pd.DataFrame:
    """A country's partners, most events first, with tier and first and last contact."""
    rows = [
        {"partner": state.partner_of(country), **state.to_dict()}
        for state in dyads(db)
        if country in (state.country_a, state.country_b)
    ]
    frame = pd.DataFrame(rows, columns=PARTNER_COLUMNS)
    return frame.sort_values(
        ["events", "last_contact", "partner"], ascending=[False, False, True], na_position="last"
    ).reset_index(drop=True)


def timeline(db: Database, a: str, b: str) -> pd.DataFrame:
    """The dyad's canonical events in date order, each with the evidence of its first report."""
    rows = [_row(e) for e in canonical_events(db, EventFilter(country=a, partner=b))]
    return pd.DataFrame(rows, columns=TIMELINE_COLUMNS)


def find_events(db: Database, **where: str | None) -> pd.DataFrame:
    """Canonical events matching `EventFilter` fields given as keywords."""
    rows = [_row(e) for e in canonical_events(db, EventFilter(**where))]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def _row(event: CanonicalEvent) -> dict[str, object]:
    return {**event.to_dict(), "evidence": event.evidence.text}
