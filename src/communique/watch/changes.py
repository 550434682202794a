"""What changed in the relations, as data: each round's canonical events and dyads compared
with what the round before left (`watch_known_events`, `watch_known_dyads`).

A round reads only what moved since the last one. Its watermark is the mentions the last
round knew (each known event keeps its mention ids): the canonical events whose mentions
differ from those are the ones new or changed, and only they and the dyads they belong to are
read and compared, so a round costs what it brought, not the whole history. The result is
the one a full reread gives (tested); a database whose canonical events are not current, or
one where a known event vanished (a recode), is read whole.

The comparison and the changes it finds are written in one transaction with the new state,
so a watcher killed at any point reports each change exactly once when it comes back.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..relations import CanonicalEvent, DyadState, Mention, canonical_view, dyad_states
from ..relations.dyads import dyad_key
from ..relations.store import MENTIONS, is_current, stored_canonical, stored_mentions
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
    """The relations as they stand, or the part of them a round touched: canonical events,
    the dyad states among them, and the mentions (all of them, or read as asked for)."""

    events: dict[str, CanonicalEvent]
    dyads: list[DyadState]
    mentions: dict[str, Mention]
    db: Database | None = None  # where mentions not in `mentions` are read from

    @classmethod
    def read(cls, db: Database) -> _Now:
        view = canonical_view(db)
        return cls(
            {e.canonical_id: e for e in view.events},
            dyad_states(view.events),
            {m.event_id: m for m in view.mentions},
        )

    @classmethod
    def read_touched(cls, db: Database, touched: Sequence[str]) -> _Now | None:
        """The canonical events `touched`, and every event of their dyads; None when one of
        them is gone (its dyad is not known then, so the whole is read instead)."""
        changed = stored_canonical(db, ids=touched)
        if len(changed) < len(touched):
            return None
        dyads = sorted(
            {"-".join(dyad_key(e.source, e.target)) for e in changed if e.source != e.target}
        )
        events = stored_canonical(db, ids=touched, dyads=dyads)
        states = dyad_states(e for e in events if e.source != e.target)
        return cls({e.canonical_id: e for e in events}, states, {}, db)

    def mentions_of(self, ids: Sequence[str]) -> list[Mention]:
        if self.db is None:
            return [self.mentions[i] for i in ids if i in self.mentions]
        return stored_mentions(self.db, ids)


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


def detect_changes(db: Database, detected_at: str, incremental: bool = True) -> list[Change]:
    """Record and return what changed since the last call (or since tracking started).

    With `incremental=False` the whole history is read and compared, as the incremental
    reading is tested against (and as a repair after the watch tables were edited by hand).
    """
    touched = _touched(db) if incremental and is_current(db) else None
    if touched == []:
        return []
    now = _Now.read_touched(db, touched) if touched is not None else None
    if now is None:
        return _record(db, _Now.read(db), detected_at, whole=True)
    return _record(db, now, detected_at, whole=False)


def _touched(db: Database) -> list[str]:
    """The canonical events whose mentions differ from those the last round knew: new ones,
    ones with new reports, and ones that lost or exchanged some."""
    rows = db.con.execute(
        f"WITH known AS (SELECT canonical_id, unnest(mention_ids) AS event_id "
        f"FROM {KNOWN_EVENTS.name}), now AS (SELECT canonical_id, event_id FROM {MENTIONS.name}) "
        "SELECT canonical_id FROM (FROM now EXCEPT FROM known) "
        "UNION SELECT canonical_id FROM (FROM known EXCEPT FROM now) ORDER BY canonical_id"
    ).fetchall()
    return [row[0] for row in rows]


def _record(db: Database, now: _Now, detected_at: str, whole: bool) -> list[Change]:
    """Compare `now` with what is known of it, record the changes and remember `now`."""
    if whole:
        known_events = select_rows(db, KNOWN_EVENTS)
        known_dyads = select_rows(db, KNOWN_DYADS)
    else:
        known_events = select_rows(db, KNOWN_EVENTS, "WHERE canonical_id IN ?", [list(now.events)])
        known_dyads = select_rows(db, KNOWN_DYADS, "WHERE dyad IN ?", [[d.dyad for d in now.dyads]])
    found = [
        *_event_changes(now, {k.canonical_id: k for k in known_events}, detected_at),
        *_dyad_changes(now, {k.dyad: k.tier for k in known_dyads}, detected_at),
    ]
    with db.transaction():
        insert_rows(db, CHANGES, found)
        _remember(db, now, whole)
    return found


def recorded_changes(db: Database, since: str | None = None) -> list[Change]:
    """The changes on record, oldest first; `since` an ISO time (or day) to start from."""
    if not has_table(db, CHANGES):
        return []
    where, params = ("WHERE detected_at >= ?", [since]) if since else ("", [])
    return list(select_rows(db, CHANGES, where, params, order="detected_at, change_id"))


def _remember(db: Database, now: _Now, whole: bool = True) -> None:
    """Keep `now` as what is known: all of it, or what it holds of the events and dyads."""
    if whole:
        db.con.execute(f"DELETE FROM {KNOWN_EVENTS.name}")
        db.con.execute(f"DELETE FROM {KNOWN_DYADS.name}")
    else:
        db.con.execute(
            f"DELETE FROM {KNOWN_EVENTS.name} WHERE canonical_id IN ?", [list(now.events)]
        )
        db.con.execute(
            f"DELETE FROM {KNOWN_DYADS.name} WHERE dyad IN ?", [[d.dyad for d in now.dyads]]
        )
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
    mentions = now.mentions_of(new_mentions or event.mention_ids)
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
