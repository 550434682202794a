"""Canonical events and their mentions in DuckDB, kept up to date batch by batch.

`update_canonical(db, event_ids)` fuses the events a batch just stored into the clusters of
their own kind and dyad only, so ingesting an article never recomputes the corpus. Each cluster
keeps its fusion state (`fusion.Cluster`) in `canonical_clusters`, so a batch loads one state
per happening, not every report of it: the work per batch stays flat as the corpus grows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from ..schema import Event
from ..store.database import EVENTS, Database, Table
from .fusion import CanonicalEvent, Cluster, Fusion, Key, Mention, Report


@dataclass
class ClusterRow:
    """A row of `canonical_clusters`: one happening's fusion state, as JSON."""

    canonical_id: str
    kind: str
    source: str
    target: str
    state: dict[str, Any]


CANONICAL = Table("canonical_events", CanonicalEvent, "canonical_id")
MENTIONS = Table("canonical_mentions", Mention, "event_id")
CLUSTERS = Table("canonical_clusters", ClusterRow, "canonical_id")


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
    if all(db.ensured(table) for table in (CANONICAL, MENTIONS, CLUSTERS)):
        return  # done through this handle already: no catalog queries a batch
    # A database fused before cluster states were kept gets them once, from its mentions.
    stateless = _has_tables(db) and not _table_exists(db, CLUSTERS.name)
    for table in (CANONICAL, MENTIONS, CLUSTERS):
        db.ensure_table(table)
    if stateless:
        with db.transaction():
            rows = db.con.execute(f"SELECT canonical_id FROM {CANONICAL.name}").fetchall()
            ids = [row[0] for row in rows]
            _insert(db, CLUSTERS, _cluster_rows(_rebuilt_clusters(db, ids)))


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
        if not reports and not refolded:
            return []
        clusters = _load_clusters(db, {r.key for r in reports})
        # A cluster that lost mentions is folded again from the reports it has left, if any.
        for canonical_id in refolded:
            clusters.pop(canonical_id, None)
        clusters.update(_rebuilt_clusters(db, refolded))
        fusion = Fusion(clusters)
        fusion.add_all(reports)
        changed = fusion.changed | set(refolded)
        _save(db, fusion, changed)
    return sorted(changed)


def rebuild_canonical(db: Database) -> int:
    """Fuse the whole corpus again, from scratch; return the number of canonical events."""
    ensure_tables(db)
    with db.transaction():
        for table in (CANONICAL, MENTIONS, CLUSTERS):
            db.con.execute(f"DELETE FROM {table.name}")
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
    return CanonicalView(_ordered(fusion.canonical_events()), fusion.new_mentions())


def stored_canonical(
    db: Database, ids: Sequence[str] = (), dyads: Sequence[str] = ()
) -> list[CanonicalEvent]:
    """The stored canonical events with these ids or of these dyads ("KOR-VNM", either order
    of the pair), in the order `canonical_view` gives them. For a database `is_current`."""
    if not ids and not dyads:
        return []
    where = (
        "WHERE canonical_id IN $ids OR (source <> target AND "
        "least(source, target) || '-' || greatest(source, target) IN $dyads)"
    )
    return _read(db, CANONICAL, where, {"ids": list(ids) or [""], "dyads": list(dyads) or [""]})


def stored_mentions(db: Database, event_ids: Sequence[str]) -> list[Mention]:
    """The stored mentions with these event ids."""
    if not event_ids:
        return []
    return _read(db, MENTIONS, "WHERE event_id IN $ids", {"ids": list(event_ids)})


def is_current(db: Database) -> bool:
    """Whether the stored canonical events fuse every stored event, and no other."""
    return _is_current(db)


# -- reading -----------------------------------------------------------------------------------
def _table_exists(db: Database, name: str) -> bool:
    row = db.con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


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


def _read(
    db: Database, table: Table, where: str = "", params: dict[str, Any] | None = None
) -> list[Any]:
    order = "date_start NULLS LAST, kind, source, target, first_reported NULLS LAST, canonical_id"
    if table is MENTIONS:
        order = "canonical_id, published NULLS LAST, event_id"
    cursor = db.con.execute(f"SELECT * FROM {table.name} {where} ORDER BY {order}", params)
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


def _load_clusters(db: Database, keys: set[Key]) -> dict[str, Cluster]:
    """The stored states of the clusters of the given kinds and dyads."""
    if not keys:
        return {}
    wanted = pa.table(
        {name: [k[i] for k in keys] for i, name in enumerate(("kind", "source", "target"))}
    )
    db.con.register("relations_keys", wanted)
    try:
        rows = db.con.execute(
            f"SELECT canonical_id, kind, source, target, state FROM {CLUSTERS.name} "
            "JOIN relations_keys USING (kind, source, target)"
        ).fetchall()
    finally:
        db.con.unregister("relations_keys")
    return {
        canonical_id: Cluster.from_json((kind, source, target), json.loads(state))
        for canonical_id, kind, source, target, state in rows
    }


def _rebuilt_clusters(db: Database, canonical_ids: Iterable[str]) -> dict[str, Cluster]:
    """The clusters of the given canonical events folded afresh from their stored mentions;
    one with no mention left is absent."""
    ids = list(canonical_ids)
    if not ids:
        return {}
    # The mention's own columns first, under names no event column has.
    cursor = db.con.execute(
        "SELECT m.canonical_id AS mention_canonical_id, m.outlet AS mention_outlet, "
        "m.published AS mention_published, m.url AS mention_url, "
        f"m.source_key AS mention_source_key, e.* FROM {MENTIONS.name} m "
        "JOIN events e ON e.event_id = m.event_id WHERE m.canonical_id IN ?",
        [ids],
    )
    rows = cursor.fetchall()
    events = EVENTS.from_rows([d[0] for d in cursor.description], rows)
    reports: dict[str, list[Report]] = {}
    for event, row in zip(events, rows, strict=True):
        reports.setdefault(row[0], []).append(Report(event, *row[1:_MENTION_COUNT]))
    return {canonical_id: Cluster.of(told) for canonical_id, told in reports.items()}


def _cluster_rows(clusters: dict[str, Cluster]) -> list[ClusterRow]:
    return [ClusterRow(cid, *c.key, state=c.to_json()) for cid, c in clusters.items()]


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
    """Rewrite the changed canonical events and their states; of the mentions, add the new
    ones only, since a stored mention never changes."""
    ids = sorted(changed)
    for table in (CANONICAL, CLUSTERS):
        db.con.execute(f"DELETE FROM {table.name} WHERE canonical_id IN ?", [ids])
    _insert(db, CANONICAL, fusion.canonical_events(ids))
    kept = {cid: fusion.clusters[cid] for cid in ids if cid in fusion.clusters}
    _insert(db, CLUSTERS, _cluster_rows(kept))
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
