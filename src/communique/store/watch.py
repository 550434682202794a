"""The watcher's tables: feed state, entries seen, what the corpus knew, changes and alerts.

They live in the database the watcher writes, so a watcher killed or restarted goes on where
it stopped: no entry is read twice, no change is reported twice, no alert is sent twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .database import Database, Table


@dataclass
class FeedState:
    """One watched feed: its validators for conditional requests, and its failures."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0  # in a row; none once it answers again
    next_attempt: str | None = None  # ISO UTC time before which a failing feed is left alone
    last_error: str | None = None
    last_polled: str | None = None


@dataclass
class SeenEntry:
    """An entry of a feed already read (its key changes when the publisher updates it)."""

    url: str
    entry_key: str
    seen_at: str


@dataclass
class Change:
    """What changed in the relations after a round, with the evidence for it.

    `change` is one of CHANGE_KINDS; `subject` is a canonical event id or, for a dyad's
    change, the dyad ("KOR-VNM").
    """

    change_id: str
    detected_at: str
    change: str
    subject: str
    dyad: str
    kind: str | None
    before: str | None
    after: str | None
    evidence: str | None
    source_file: str | None
    confidence: float | None
    sectors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name, *_ in CHANGES.columns}


CHANGE_KINDS = ("new_event", "status_changed", "new_source", "new_dyad", "tier_changed")


@dataclass
class KnownEvent:
    """A canonical event as the last round left it, to tell what the next one changed."""

    canonical_id: str
    status: str
    n_sources: int
    mention_ids: list[str] = field(default_factory=list)


@dataclass
class KnownDyad:
    dyad: str
    tier: str | None


@dataclass
class Delivery:
    """An alert sent: a change, to one destination, for one rule."""

    change_id: str
    rule: str
    destination: str
    delivered_at: str


FEEDS = Table("watch_feeds", FeedState, "url")
SEEN = Table("watch_entries", SeenEntry, "url, entry_key")
CHANGES = Table("watch_changes", Change, "change_id")
KNOWN_EVENTS = Table("watch_known_events", KnownEvent, "canonical_id")
KNOWN_DYADS = Table("watch_known_dyads", KnownDyad, "dyad")
DELIVERIES = Table("watch_deliveries", Delivery, "change_id, rule, destination")
WATCH_TABLES = (FEEDS, SEEN, CHANGES, KNOWN_EVENTS, KNOWN_DYADS, DELIVERIES)


def has_table(db: Database, table: Table) -> bool:
    row = db.con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table.name]
    ).fetchone()
    return bool(row and row[0])


def ensure_watch_tables(db: Database) -> None:
    for table in WATCH_TABLES:
        db.ensure_table(table)


def insert_rows(db: Database, table: Table, rows: Sequence[Any], replace: bool = False) -> None:
    """Insert dataclass rows; with `replace`, a row whose key is stored replaces it."""
    if not rows:
        return
    batch = table.to_arrow(rows)  # noqa: F841 - read by DuckDB through its name below
    names = ", ".join(name for name, *_ in table.columns)
    verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
    db.con.execute(f"{verb} INTO {table.name} ({names}) SELECT {names} FROM batch")


def select_rows(
    db: Database, table: Table, where: str = "", params: list[Any] | None = None, order: str = ""
) -> Any:
    """The rows of a watch table as its dataclasses, in `order` (by default, by key)."""
    sql = f"SELECT * FROM {table.name} {where} ORDER BY {order or table.key}"
    cursor = db.con.execute(sql, params or [])
    return table.from_rows([d[0] for d in cursor.description], cursor.fetchall())
