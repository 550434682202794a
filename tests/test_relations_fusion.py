"""Canonical events: reports of one happening fuse once, different happenings stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from relations_factory import HANOI, article, defence_mou_reports, event

from communique.relations import (
    CanonicalEvent,
    canonical_view,
    rebuild_canonical,
    update_canonical,
)
from communique.store.database import Database


@pytest.fixture
def db() -> Database:
    return Database(":memory:")


def ingest_in_batches(db: Database) -> None:
    """Write each batch and fuse it, as the pipeline does after every batch."""
    for articles, events in zip(*defence_mou_reports(), strict=True):
        db.write_batch(articles, events)
        update_canonical(db, [e.event_id for e in events])


def by_first_mention(db: Database) -> dict[str, CanonicalEvent]:
    return {c.mention_ids[0]: c for c in canonical_view(db).events}


def test_one_signing_reported_four_times_is_one_canonical_event(db: Database) -> None:
    ingest_in_batches(db)
    signing = by_first_mention(db)["e-copy"]
    assert signing.mention_ids == ["e-copy", "e-vns", "e-hur", "e-sabah"]
    assert (signing.kind, signing.source, signing.target) == ("SIGN_AGREEMENT", "TUR", "VNM")
    assert signing.date == "2025-07-14"
    assert (signing.date_start, signing.date_end) == ("2025-07-14", "2025-07-14")
    assert signing.first_reported == "2025-07-10"
    assert signing.status == "occurred"
    assert signing.sectors == ["defense", "defense_industry"]
    assert signing.instrument == "MoU on defence industry cooperation"
    assert signing.location == HANOI
    assert (signing.n_mentions, signing.n_articles, signing.n_sources) == (4, 4, 3)
    assert signing.outlets == ["Daily Sabah", "Hurriyet", "VNS", "VietnamPlus"]
    # VNS and its syndicated copy count once: 1 - (1 - 0.8)(1 - 0.7)(1 - 0.9).
    assert signing.confidence == pytest.approx(0.994)


def test_mentions_keep_article_outlet_date_and_evidence(db: Database) -> None:
    ingest_in_batches(db)
    view = canonical_view(db)
    signing = by_first_mention(db)["e-copy"]
    mentions = {m.event_id: m for m in view.mentions_by_canonical()[signing.canonical_id]}
    hurriyet = mentions["e-hur"]
    assert (hurriyet.article_id, hurriyet.outlet, hurriyet.published) == (
        "a-hur",
        "Hurriyet",
        "2025-07-12",
    )
    assert (hurriyet.status, hurriyet.date) == ("planned", "2025-07-14")
    assert hurriyet.evidence.text == "evidence of e-hur"
    assert mentions["e-copy"].source_key == mentions["e-vns"].source_key == "outlet:vns"


def test_different_happenings_of_one_kind_in_one_dyad_stay_apart(db: Database) -> None:
    ingest_in_batches(db)
    canonical = by_first_mention(db)
    assert sorted(canonical) == ["e-copy", "e-edu", "e-nov"]
    # Same day as the defence MoU, another instrument.
    assert canonical["e-edu"].mention_ids == ["e-edu"]
    assert canonical["e-edu"].date == "2025-07-14"
    # Same instrument words as nothing else, and a date months away.
    assert canonical["e-nov"].mention_ids == ["e-nov"]
    assert canonical["e-nov"].date == "2025-11-19"


def test_a_syndicated_copy_is_not_an_independent_source(db: Database) -> None:
    articles, events = defence_mou_reports()
    db.write_batch(articles[0], events[0])
    update_canonical(db, [e.event_id for e in events[0]])
    (announced,) = canonical_view(db).events
    assert (announced.n_mentions, announced.n_sources) == (2, 1)
    assert announced.confidence == pytest.approx(0.8)
    assert (announced.status, announced.date) == ("planned", None)


def without_ids(db: Database) -> list[dict[str, object]]:
    """Canonical events without their ids, which name whichever report came first."""
    return [{**c.to_dict(), "canonical_id": None} for c in canonical_view(db).events]


def test_incremental_fusion_matches_a_rebuild_and_fusion_in_memory(db: Database) -> None:
    ingest_in_batches(db)
    stored = without_ids(db)
    assert rebuild_canonical(db) == 3
    assert without_ids(db) == stored
    unfused = Database(":memory:")
    for articles, events in zip(*defence_mou_reports(), strict=True):
        unfused.write_batch(articles, events)
    assert without_ids(unfused) == stored


def test_a_database_fused_before_cluster_states_were_kept_goes_on_fusing(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    batches = list(zip(*defence_mou_reports(), strict=True))
    with Database(path) as old:
        for articles, events in batches[:2]:
            old.write_batch(articles, events)
            update_canonical(old, [e.event_id for e in events])
        old.con.execute("DROP TABLE canonical_clusters")  # as an older version left it
    with Database(path) as db:
        for articles, events in batches[2:]:
            db.write_batch(articles, events)
            update_canonical(db, [e.event_id for e in events])
        signing = by_first_mention(db)["e-copy"]
        assert signing.mention_ids == ["e-copy", "e-vns", "e-hur", "e-sabah"]
        assert (signing.n_mentions, signing.n_sources) == (4, 3)
        fused = without_ids(db)
        rebuild_canonical(db)
        assert without_ids(db) == fused


def test_fusing_the_same_events_again_changes_nothing(db: Database) -> None:
    ingest_in_batches(db)
    before = [c.to_dict() for c in canonical_view(db).events]
    assert update_canonical(db, ["e-vns", "e-hur", "e-nov"]) == []
    assert [c.to_dict() for c in canonical_view(db).events] == before


def test_update_returns_the_canonical_events_it_changed(db: Database) -> None:
    articles, events = defence_mou_reports()
    db.write_batch(articles[0], events[0])
    (first,) = update_canonical(db, ["e-vns", "e-copy"])
    db.write_batch(articles[1], events[1])
    assert update_canonical(db, ["e-hur"]) == [first]


def test_a_deleted_article_leaves_its_canonical_event(db: Database) -> None:
    ingest_in_batches(db)
    db.delete_articles(["a-sabah"])
    update_canonical(db, [])
    canonical = by_first_mention(db)
    assert sorted(canonical) == ["e-copy", "e-nov"]
    assert canonical["e-copy"].mention_ids == ["e-copy", "e-vns", "e-hur"]
    assert canonical["e-copy"].status == "planned"


def test_occurred_beats_a_postponement_and_a_postponement_beats_a_plan(db: Database) -> None:
    reports = [
        (article("p-1", "Yonhap", "2025-03-01"), "planned", "2025-03"),
        (article("p-2", "VNA", "2025-03-05"), "negated", None),
        (article("p-3", "VNS", "2025-03-20"), "occurred", "2025-03-19"),
    ]
    statuses = []
    for item, status, date in reports:
        visit = event(f"v-{item.article_id}", item.article_id, "VISIT", "KOR", "VNM", date, status)
        db.write_batch([item], [visit])
        update_canonical(db, [visit.event_id])
        statuses.append([c.status for c in canonical_view(db).events])
    assert statuses == [["planned"], ["negated"], ["occurred"]]
    (visit,) = canonical_view(db).events
    assert visit.date == "2025-03-19"


def test_a_visit_each_way_is_two_events(db: Database) -> None:
    items = [article("w-1", "VNS", "2025-05-02"), article("w-2", "Yonhap", "2025-05-03")]
    db.write_batch(
        items,
        [
            event("w-a", "w-1", "VISIT", "KOR", "VNM", "2025-05-01"),
            event("w-b", "w-2", "VISIT", "VNM", "KOR", "2025-05-01"),
        ],
    )
    update_canonical(db, ["w-a", "w-b"])
    directions = sorted((c.source, c.target) for c in canonical_view(db).events)
    assert directions == [("KOR", "VNM"), ("VNM", "KOR")]


def test_a_report_without_any_date_joins_only_an_unambiguous_happening(db: Database) -> None:
    dated = [article("m-1", "Yonhap", "2025-02-03"), article("m-2", "Anadolu", "2025-06-10")]
    db.write_batch(dated[:1], [event("m-a", "m-1", "MEET", "KOR", "TUR", "2025-02-02")])
    undated = [article("m-3", "Blog", None), article("m-4", "Forum", None)]
    db.write_batch(undated[:1], [event("m-c", "m-3", "MEET", "KOR", "TUR", None)])
    update_canonical(db, ["m-a", "m-c"])
    assert [c.mention_ids for c in canonical_view(db).events] == [["m-a", "m-c"]]
    db.write_batch(dated[1:], [event("m-b", "m-2", "MEET", "KOR", "TUR", "2025-06-09")])
    db.write_batch(undated[1:], [event("m-d", "m-4", "MEET", "KOR", "TUR", None)])
    update_canonical(db, ["m-b", "m-d"])
    assert sorted(c.mention_ids[0] for c in canonical_view(db).events) == ["m-a", "m-b", "m-d"]


def test_a_recoded_article_is_fused_afresh_under_the_same_event_ids(db: Database) -> None:
    ingest_in_batches(db)
    (hurriyet,) = [
        a for batch in defence_mou_reports()[0] for a in batch if a.article_id == "a-hur"
    ]
    recoded = event("e-hur", "a-hur", "SIGN_AGREEMENT", "TUR", "VNM", "2025-07-14", "occurred")
    with db.transaction():
        db.delete_articles(["a-hur"])
        db.write_batch([hurriyet], [recoded])
        update_canonical(db, ["e-hur"])
    mentions = [m for m in canonical_view(db).mentions if m.event_id == "e-hur"]
    assert [m.status for m in mentions] == ["occurred"]
