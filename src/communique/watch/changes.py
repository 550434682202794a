"""What changed in the relations, as data: each round's canonical events and dyads compared
with what the round before left (`watch_known_events`, `watch_known_dyads`).

The comparison and the changes it finds are written in one transaction with the new state,
so a watcher killed at any point reports each change exactly once when it comes back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..relations import CanonicalEvent, DyadState, Mention, canonical_view, dyad_states
from ..schema import content_id
from ..store.database import Database
from ..store.watch import (
    CHANGES,
    KNOWN_DYADS,
    KNOWN_EVENTS,
    Change,
    KnownDyad,
    KnownEvent,
    ensure_watch_tables,
    has_table,
    insert_rows,
    select_rows,
)


@dataclass
class _Now:
    """The relations as they stand: canonical events, their mentions, and dyad states."""

    events: dict[str, CanonicalEvent]
    mentions: dict[str, Mention]
    dyads: list[DyadState]

    @classmethod
    def read(cls, db: Database) -> _Now:
        view = canonical_view(db)
        return cls(
            {e.canonical_id: e for e in view.events},
            {m.event_id: m for m in view.mentions},
            dyad_states(view.events),
        )


def start_tracking(db: Database) -> None:
    """Make the watch tables; a database watched for the first time is taken as it stands,
    so what it held before is not reported as new."""
    if has_table(db, KNOWN_EVENTS):
        ensure_watch_tables(db)
        return
    # One transaction: a watcher killed before the baseline is kept leaves no tables either.
    with db.transaction():
        ensure_watch_tables(db)
        _remember(db, _Now.read(db))


def detect_changes(db: Database, detected_at: str) -> list[Change]:
    """Record and return what changed since the last call (or since tracking started)."""
    now = _Now.read(db)
    known_events = {k.canonical_id: k for k in select_rows(db, KNOWN_EVENTS)}
    known_tiers = {k.dyad: k.tier for k in select_rows(db, KNOWN_DYADS)}
    found = [
        *_event_changes(now, known_events, detected_at),
        *_dyad_changes(now, known_tiers, detected_at),
    ]
    with db.transaction():
        insert_rows(db, CHANGES, found)
        _remember(db, now)
    return found


def recorded_changes(db: Database, since: str | None = None) -> list[Change]:
    """The changes on record, oldest first; `since` an ISO time (or day) to start from."""
    if not has_table(db, CHANGES):
        return []
    where, params = ("WHERE detected_at >= ?", [since]) if since else ("", [])
    return list(select_rows(db, CHANGES, where, params, order="detected_at, change_id"))


def _remember(db: Database, now: _Now) -> None:
    db.con.execute(f"DELETE FROM {KNOWN_EVENTS.name}")
    db.con.execute(f"DELETE FROM {KNOWN_DYADS.name}")
    known = [
        KnownEvent(e.canonical_id, e.status, e.n_sources, list(e.mention_ids))
        for e in now.events.values()
    ]
    insert_rows(db, KNOWN_EVENTS, known)
    insert_rows(db, KNOWN_DYADS, [KnownDyad(d.dyad, d.tier) for d in now.dyads])


def _event_changes(now: _Now, known: dict[str, KnownEvent], at: str) -> Iterator[Change]:
    for event in now.events.values():
        before = known.get(event.canonical_id)
        if before is None:
            yield _change(at, "new_event", event, None, event.status, now)
            continue
        if before.status != event.status:
            yield _change(at, "status_changed", event, before.status, event.status, now)
        if event.n_sources > before.n_sources:
            added = [i for i in event.mention_ids if i not in set(before.mention_ids)]
            yield _change(
                at, "new_source", event, str(before.n_sources), str(event.n_sources), now, added
            )


def _dyad_changes(now: _Now, known: dict[str, str | None], at: str) -> Iterator[Change]:
    for state in now.dyads:
        if state.dyad not in known:
            latest = _latest_event(state, now)
            yield _change(at, "new_dyad", latest, None, state.tier, now, subject=state.dyad)
        elif known[state.dyad] != state.tier:
            step = state.tier_timeline[-1] if state.tier_timeline else None
            cause = now.events[step.canonical_id] if step else _latest_event(state, now)
            before = known[state.dyad]
            yield _change(at, "tier_changed", cause, before, state.tier, now, subject=state.dyad)


def _latest_event(state: DyadState, now: _Now) -> CanonicalEvent:
    """The dyad's most recently reported canonical event: the news that put it on record."""
    pair = {state.country_a, state.country_b}
    events = [e for e in now.events.values() if {e.source, e.target} == pair]
    return max(events, key=lambda e: (e.first_reported or "", e.canonical_id))


def _change(
    at: str,
    change: str,
    event: CanonicalEvent,
    before: str | None,
    after: str | None,
    now: _Now,
    new_mentions: list[str] | None = None,
    subject: str | None = None,
) -> Change:
    """A change record, its evidence taken from the newest report that shows it."""
    mentions = [now.mentions[i] for i in (new_mentions or event.mention_ids) if i in now.mentions]
    newest = max(mentions, key=lambda m: (m.published or "", m.event_id), default=None)
    subject = subject or event.canonical_id
    return Change(
        change_id=content_id("c", at, change, subject, before, after),
        detected_at=at,
        change=change,
        subject=subject,
        dyad="-".join(sorted((event.source, event.target))),
        kind=event.kind,
        before=before,
        after=after,
        evidence=newest.evidence.text if newest else event.evidence.text,
        source_file=newest.source_file if newest else None,
        confidence=event.confidence,
        sectors=list(event.sectors),
    )
