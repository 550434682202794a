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
from ..store.database import EVENTS, Database, Table
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
        db.ensure_table(table)


def update_canonical(db: Database, event_ids: Iterable[str]) -> list[str]:
    """Fuse newly stored events into the canonical events; return the canonical ids changed.

    Call it after each `Database.write_batch` with the ids of the events just written. Ids
    already fused are skipped, so calling it twice changes nothing. Mentions of the articles
    deleted through `db` (as `recode` does) are dropped and their canonical events refolded.
    """
    ensure_tables(db)
    with db.transaction():
        refolded = _drop_deleted_mentions(db)
        reports = _unfused_reports(db, list(event_ids))
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
    fusion.add_all(_reports(db))
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
    return table.from_rows([d[0] for d in cursor.description], cursor.fetchall())


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


def _unfused_reports(db: Database, event_ids: list[str]) -> list[Report]:
    if not event_ids:
        return []
    unfused = f"NOT EXISTS (SELECT 1 FROM {MENTIONS.name} m WHERE m.event_id = e.event_id)"
    return _reports(db, f"WHERE e.event_id IN ? AND {unfused}", [event_ids])


def _reports(db: Database, where: str = "", params: list[Any] | None = None) -> list[Report]:
    """Events with what their articles tell fusion (outlet, date, independence): one query."""
    cursor = db.con.execute(f"SELECT {_FACTS}, e.* FROM events e {_FACTS_JOIN} {where}", params)
    rows = cursor.fetchall()
    events = EVENTS.from_rows([d[0] for d in cursor.description], rows)
    return [_report(e, *row[:_FACT_COUNT]) for e, row in zip(events, rows, strict=True)]


# What a report takes from its article. A syndicated copy counts as the source of the article it
# repeats: its root's outlet, or the root itself when the root names no outlet.
_FACTS = (
    "a.outlet AS fact_outlet, a.published AS fact_published, a.url AS fact_url, "
    "COALESCE(a.duplicate_of, a.article_id) AS fact_root, "
    "CASE WHEN a.duplicate_of IS NULL THEN a.outlet ELSE r.outlet END AS fact_root_outlet"
)
_FACT_COUNT = 5
_FACTS_JOIN = (
    "LEFT JOIN articles a ON a.article_id = e.article_id "
    "LEFT JOIN articles r ON r.article_id = a.duplicate_of"
)


def _report(
    event: Event,
    outlet: str | None,
    published: str | None,
    url: str | None,
    root: str | None,
    root_outlet: str | None,
) -> Report:
    # An event whose article is gone counts as its own source.
    return Report(event, outlet, published, url, _source_key(root or event.article_id, root_outlet))


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
        # The mention's own columns first, under names no event column has.
        cursor = db.con.execute(
            "SELECT m.canonical_id AS mention_canonical_id, m.outlet AS mention_outlet, "
            "m.published AS mention_published, m.url AS mention_url, "
            f"m.source_key AS mention_source_key, e.* FROM {CANONICAL.name} c "
            "JOIN relations_keys USING (kind, source, target) "
            f"JOIN {MENTIONS.name} m ON m.canonical_id = c.canonical_id "
            "JOIN events e ON e.event_id = m.event_id"
        )
        rows = cursor.fetchall()
        events = EVENTS.from_rows([d[0] for d in cursor.description], rows)
    finally:
        db.con.unregister("relations_keys")
    clusters: dict[str, list[Report]] = {}
    for event, row in zip(events, rows, strict=True):
        report = Report(event, *row[1:_MENTION_COUNT])
        clusters.setdefault(row[0], []).append(report)
    return clusters


_MENTION_COUNT = 5


# -- writing -----------------------------------------------------------------------------------
def _drop_deleted_mentions(db: Database) -> dict[str, Key]:
    """Remove the mentions of deleted articles; return the canonical events they touched.

    A recoded article may come back with the ids of its old events: their mentions go too, so
    the new events are fused afresh.
    """
    if not db.deleted_articles:
        return {}
    deleted = sorted(db.deleted_articles)
    touched = db.con.execute(
        f"SELECT DISTINCT canonical_id, c.kind, c.source, c.target FROM {MENTIONS.name} "
        f"JOIN {CANONICAL.name} c USING (canonical_id) WHERE article_id IN ?",
        [deleted],
    ).fetchall()
    db.con.execute(f"DELETE FROM {MENTIONS.name} WHERE article_id IN ?", [deleted])
    db.deleted_articles.clear()
    return {cid: (kind, source, target) for cid, kind, source, target in touched}


def _save(db: Database, fusion: Fusion, changed: set[str]) -> None:
    """Rewrite the changed canonical events; of the mentions, add the new ones only, since a
    stored mention never changes."""
    ids = sorted(changed)
    db.con.execute(f"DELETE FROM {CANONICAL.name} WHERE canonical_id IN ?", [ids])
    _insert(db, CANONICAL, fusion.canonical_events(ids))
    _insert(db, MENTIONS, fusion.new_mentions())


def _insert(db: Database, table: Table, rows: list[Any]) -> None:
    if not rows:
        return
    db.con.register("relations_rows", table.to_arrow(rows))
    try:
        names = ", ".join(name for name, *_ in table.columns)
        db.con.execute(f"INSERT INTO {table.name} ({names}) SELECT {names} FROM relations_rows")
    finally:
        db.con.unregister("relations_rows")
