"""Canonical events and their mentions in DuckDB, kept up to date batch by batch.

`update_canonical(db, event_ids)` fuses the events a batch just stored into the clusters of
their own kind and dyad only, so ingesting an article never recomputes the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..schema import Event
from ..store.database import Database, Table
from .fusion import CanonicalEvent, Fusion, Key, Mention, Report

CANONICAL = Table("canonical_events", CanonicalEvent, "canonical_id")
MENTIONS = Table("canonical_mentions", Mention, "event_id")


@dataclass
class CanonicalView:
    """Every canonical event with its mentions, as stored or as fused on the fly."""

    events: list[CanonicalEvent]
    mentions: list[Mention]

    def mentions_by_canonical(self) -> dict[str, list[Mention]]:
        grouped: dict[str, list[Mention]] = {}
        for item in self.mentions:
            grouped.setdefault(item.canonical_id, []).append(item)
        return grouped


def ensure_tables(db: Database) -> None:
    for table in (CANONICAL, MENTIONS):
        db.con.execute(table.ddl())


def update_canonical(db: Database, event_ids: Iterable[str]) -> list[str]:
    """Fuse newly stored events into the canonical events; return the canonical ids changed.

    Call it after each `Database.write_batch` with the ids of the events just written. Ids
    already fused are skipped, so calling it twice changes nothing. Mentions of events that
    `recode` deleted are dropped and their canonical events refolded.
    """
    ensure_tables(db)
    with db.transaction():
        refolded = _drop_stale_mentions(db)
        reports = _reports(db, _unfused_events(db, list(event_ids)))
        keys = set(refolded.values()) | {r.key for r in reports}
        if not keys:
            return []
        fusion = Fusion(_load_clusters(db, keys))
        fusion.add_all(reports)
        changed = fusion.changed | set(refolded)
        _save(db, fusion, changed)
    return sorted(changed)


def rebuild_canonical(db: Database) -> int:
    """Fuse the whole corpus again, from scratch; return the number of canonical events."""
    ensure_tables(db)
    with db.transaction():
        db.con.execute(f"DELETE FROM {CANONICAL.name}")
        db.con.execute(f"DELETE FROM {MENTIONS.name}")
    update_canonical(db, _all_event_ids(db))
    row = db.con.execute(f"SELECT count(*) FROM {CANONICAL.name}").fetchone()
    return int(row[0]) if row else 0


def canonical_view(db: Database) -> CanonicalView:
    """The stored canonical events, or the corpus fused in memory when they are not current.

    A database written before canonical events existed, or opened read-only before anyone
    fused its newest batch, still answers correctly; it just pays for fusing on the fly.
    """
    if _is_current(db):
        return CanonicalView(_read(db, CANONICAL), _read(db, MENTIONS))
    fusion = Fusion()
    fusion.add_all(_reports(db, db.events()))
    return CanonicalView(_ordered(fusion.canonical_events()), fusion.mentions())


# -- reading -----------------------------------------------------------------------------------
def _has_tables(db: Database) -> bool:
    row = db.con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name IN (?, ?)",
        [CANONICAL.name, MENTIONS.name],
    ).fetchone()
    return bool(row and row[0] == 2)


def _is_current(db: Database) -> bool:
    if not _has_tables(db):
        return False
    row = db.con.execute(
        f"SELECT (SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM {MENTIONS.name} m "
        f"WHERE m.event_id = e.event_id)) + (SELECT count(*) FROM {MENTIONS.name} m WHERE NOT "
        "EXISTS (SELECT 1 FROM events e WHERE e.event_id = m.event_id))"
    ).fetchone()
    return bool(row and row[0] == 0)


def _read(db: Database, table: Table) -> list[Any]:
    order = "date_start NULLS LAST, kind, source, target, first_reported NULLS LAST, canonical_id"
    if table is MENTIONS:
        order = "canonical_id, published NULLS LAST, event_id"
    cursor = db.con.execute(f"SELECT * FROM {table.name} ORDER BY {order}")
    names = [d[0] for d in cursor.description]
    return [table.from_row(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def _ordered(events: list[CanonicalEvent]) -> list[CanonicalEvent]:
    return sorted(
        events,
        key=lambda c: (
            c.date_start is None,
            c.date_start or "",
            c.kind,
            c.source,
            c.target,
            c.first_reported is None,
            c.first_reported or "",
            c.canonical_id,
        ),
    )


def _all_event_ids(db: Database) -> list[str]:
    return [row[0] for row in db.con.execute("SELECT event_id FROM events").fetchall()]


def _unfused_events(db: Database, event_ids: list[str]) -> list[Event]:
    if not event_ids:
        return []
    return db.events(
        f"WHERE event_id IN ? AND event_id NOT IN (SELECT event_id FROM {MENTIONS.name})",
        [event_ids],
    )


def _reports(db: Database, events: list[Event]) -> list[Report]:
    """Events with the outlet, date and independence of their articles."""
    articles = _article_facts(db, sorted({e.article_id for e in events}))
    reports = []
    for event in events:
        outlet, published, url, source_key = articles.get(
            event.article_id, (None, None, None, f"article:{event.article_id}")
        )
        reports.append(Report(event, outlet, published, url, source_key))
    return reports


def _article_facts(
    db: Database, article_ids: list[str]
) -> dict[str, tuple[str | None, str | None, str | None, str]]:
    if not article_ids:
        return {}
    # A syndicated copy counts as the source of the article it repeats: its root's outlet, or
    # the root itself when the root names no outlet.
    rows = db.con.execute(
        "SELECT a.article_id, a.outlet, a.published, a.url, "
        "COALESCE(a.duplicate_of, a.article_id) AS root, "
        "CASE WHEN a.duplicate_of IS NULL THEN a.outlet ELSE r.outlet END AS root_outlet "
        "FROM articles a LEFT JOIN articles r ON r.article_id = a.duplicate_of "
        "WHERE a.article_id IN ?",
        [article_ids],
    ).fetchall()
    return {
        article_id: (outlet, published, url, _source_key(root, root_outlet))
        for article_id, outlet, published, url, root, root_outlet in rows
    }


def _source_key(root_article: str, root_outlet: str | None) -> str:
    if root_outlet and root_outlet.strip():
        return f"outlet:{root_outlet.strip().casefold()}"
    return f"article:{root_article}"


def _load_clusters(db: Database, keys: set[Key]) -> dict[str, list[Report]]:
    """The stored clusters of the given kinds and dyads, each report rebuilt from its event."""
    wanted = pa.table(
        {name: [k[i] for k in keys] for i, name in enumerate(("kind", "source", "target"))}
    )
    db.con.register("relations_keys", wanted)
    try:
        ids = [
            row[0]
            for row in db.con.execute(
                f"SELECT canonical_id FROM {CANONICAL.name} JOIN relations_keys "
                "USING (kind, source, target)"
            ).fetchall()
        ]
    finally:
        db.con.unregister("relations_keys")
    clusters: dict[str, list[Report]] = {cid: [] for cid in ids}
    if not ids:
        return clusters
    stored = db.con.execute(
        f"SELECT event_id, canonical_id, outlet, published, url, source_key FROM {MENTIONS.name} "
        "WHERE canonical_id IN ?",
        [ids],
    ).fetchall()
    if not stored:
        return clusters
    events = {e.event_id: e for e in db.events("WHERE event_id IN ?", [[r[0] for r in stored]])}
    for event_id, canonical_id, outlet, published, url, source_key in stored:
        clusters[canonical_id].append(Report(events[event_id], outlet, published, url, source_key))
    return clusters


# -- writing -----------------------------------------------------------------------------------
def _drop_stale_mentions(db: Database) -> dict[str, Key]:
    """Remove mentions whose event no longer exists; return the canonical events they touched."""
    stale = f"NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = {MENTIONS.name}.event_id)"
    touched = db.con.execute(
        f"SELECT DISTINCT canonical_id, c.kind, c.source, c.target FROM {MENTIONS.name} "
        f"JOIN {CANONICAL.name} c USING (canonical_id) WHERE {stale}"
    ).fetchall()
    if touched:
        db.con.execute(f"DELETE FROM {MENTIONS.name} WHERE {stale}")
    return {cid: (kind, source, target) for cid, kind, source, target in touched}


def _save(db: Database, fusion: Fusion, changed: set[str]) -> None:
    ids = sorted(changed)
    db.con.execute(f"DELETE FROM {MENTIONS.name} WHERE canonical_id IN ?", [ids])
    db.con.execute(f"DELETE FROM {CANONICAL.name} WHERE canonical_id IN ?", [ids])
    _insert(db, CANONICAL, fusion.canonical_events(ids))
    _insert(db, MENTIONS, fusion.mentions(ids))


def _insert(db: Database, table: Table, rows: list[Any]) -> None:
    if not rows:
        return
    db.con.register("relations_rows", table.to_arrow(rows))
    try:
        names = ", ".join(name for name, *_ in table.columns)
        db.con.execute(f"INSERT INTO {table.name} ({names}) SELECT {names} FROM relations_rows")
    finally:
        db.con.unregister("relations_rows")
