"""What changed between rounds (communique.watch.changes), on hand-made articles and events."""

from __future__ import annotations

from typing import Any

from relations_factory import article, defence_mou_reports, event, vnm_kor_history

from communique import Article, Database, Event
from communique.relations import update_canonical
from communique.watch import detect_changes, start_tracking


def _rounds() -> list[tuple[list[Article], list[Event]]]:
    """Batches a watcher might store round after round: a signing announced, dated, done; a
    dyad's history told out of order (so its tier rises), and a round that brings nothing."""
    articles, events = defence_mou_reports()
    history_articles, history_events = vnm_kor_history()
    by_id = {e.event_id: e for e in history_events}
    told = [("k-1", ["h-dip", "h-sp"]), ("k-2", ["h-csp2", "h-visit"])]
    rest = ["h-csp1", "h-plan", "h-mou", "h-accuse", "h-tur"]
    return [
        *zip(articles, events, strict=True),
        *(
            ([a for a in history_articles if a.article_id == k], [by_id[i] for i in ids])
            for k, ids in told
        ),
        ([a for a in history_articles if a.article_id in ("k-3", "k-4")], [by_id[i] for i in rest]),
        ([], []),
    ]


def _known(db: Database) -> tuple[list[Any], list[Any]]:
    rows = [
        db.con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()
        for name in ("watch_known_events", "watch_known_dyads")
    ]
    return rows[0], rows[1]


def test_changes_read_incrementally_equal_those_of_a_full_reread() -> None:
    """Each round reads only the canonical events whose mentions moved since the last one, and
    their dyads; it finds, in the same order, what comparing the whole history finds."""
    incremental, full = Database(":memory:"), Database(":memory:")
    found: dict[str, list[list[dict[str, Any]]]] = {"incremental": [], "full": []}
    for db in (incremental, full):
        db.write_batch([article("x-1", "Reuters", "2025-01-02")], [
            event("x-meet", "x-1", "MEET", "FRA", "DEU", "2025-01-01")
        ])  # fmt: skip
        update_canonical(db, ["x-meet"])
        start_tracking(db)
    for n, (articles, events) in enumerate(_rounds()):
        at = f"2025-12-0{n + 1}T10:00:00+00:00"
        for db, name in ((incremental, "incremental"), (full, "full")):
            db.write_batch(articles, events)
            update_canonical(db, [e.event_id for e in events])
            changes = detect_changes(db, at, incremental=name == "incremental")
            found[name].append([c.to_dict() for c in changes])
    assert found["incremental"] == found["full"]
    assert _known(incremental) == _known(full)
    kinds = {c["change"] for round_changes in found["full"] for c in round_changes}
    assert kinds == {"new_event", "status_changed", "new_dyad", "tier_changed", "new_source"}
    assert found["full"][-1] == []


def test_a_round_reads_only_the_events_whose_mentions_moved() -> None:
    """An event no new report touched is not read again: a status edited by hand in the
    stored canonical event goes unnoticed until its mentions move (the full reread sees it)."""
    db = Database(":memory:")
    articles, events = defence_mou_reports()
    for batch_articles, batch_events in zip(articles, events, strict=True):
        db.write_batch(batch_articles, batch_events)
        update_canonical(db, [e.event_id for e in batch_events])
    start_tracking(db)
    db.con.execute(
        "UPDATE canonical_events SET status = 'negated' WHERE canonical_id = "
        "(SELECT canonical_id FROM canonical_mentions WHERE event_id = 'e-nov')"
    )
    db.write_batch([article("x-1", "Reuters", "2025-12-01")], [
        event("x-meet", "x-1", "MEET", "FRA", "DEU", "2025-11-30")
    ])  # fmt: skip
    update_canonical(db, ["x-meet"])
    changes = detect_changes(db, "2025-12-01T10:00:00+00:00")
    assert [(c.change, c.dyad) for c in changes] == [
        ("new_event", "DEU-FRA"),
        ("new_dyad", "DEU-FRA"),
    ]
    full = detect_changes(db, "2025-12-01T11:00:00+00:00", incremental=False)
    assert [(c.change, c.before, c.after) for c in full] == [
        ("status_changed", "occurred", "negated")
    ]
