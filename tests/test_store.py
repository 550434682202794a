"""Tests for the DuckDB store (communique.store.database), on hand-made articles and events."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from communique import Article, Database, Event, Evidence, Location, Person, Quality
from communique.errors import StoreError
from communique.store.snapshot import Following, open_snapshot, snapshot_path, write_snapshot

TEXT = "Iceland and Estonia signed a fisheries agreement in Reykjavik on Monday."


def make_article(article_id: str = "a-1", source_file: str = "in/iceland.txt") -> Article:
    return Article(
        article_id=article_id,
        source_file=source_file,
        url="https://news.example/iceland",
        title="Iceland and Estonia sign fisheries pact",
        outlet="North Atlantic Post",
        published="2025-02-03",
        language="en",
        clean_text=TEXT,
        countries=["EST", "ISL"],
        people=[
            Person("Þorgerður Katrín Gunnarsdóttir", "ISL", "Minister for Foreign Affairs"),
            Person("Margus Tsahkna", "EST", None),
        ],
        quality=Quality(0.8, ["boilerplate_removed"], {"boilerplate_removed": "a footer"}),
        duplicate_of=None,
        author="A. Writer",
        content_sha256="f" * 64,
        date_bounds=None,
        ingested_at="2025-02-04T08:00:00+00:00",
    )


def make_event(article_id: str = "a-1", event_id: str = "e-1", **changes: Any) -> Event:
    values: dict[str, Any] = {
        "event_id": event_id,
        "article_id": article_id,
        "source_file": "in/iceland.txt",
        "kind": "SIGN_AGREEMENT",
        "plover_type": "SUPPORT",
        "cameo": "057",
        "source": "EST",
        "target": "ISL",
        "directed": False,
        "date": "2025-02-03",
        "date_start": "2025-02-03",
        "date_end": "2025-02-03",
        "status": "occurred",
        "sectors": ["agriculture", "trade"],
        "instrument": "fisheries agreement",
        "tier": None,
        "location": Location("Reykjavik", "ISL", 64.15, -21.94),
        "people": [Person("Margus Tsahkna", "EST", "Foreign Minister")],
        "evidence": Evidence(TEXT, 0, len(TEXT)),
        "confidence": 0.9,
        "rule": "sign-document('signed a fisheries agreement')",
    }
    values.update(changes)
    return Event(**values)


def count(db: Database, table: str) -> int:
    return int(db.query(f"SELECT count(*) FROM {table}").fetchall()[0][0])


@pytest.fixture
def db() -> Iterator[Database]:
    handle = Database(":memory:")
    yield handle
    handle.close()


def test_articles_and_events_read_back_as_written(db: Database) -> None:
    article, event = make_article(), make_event()
    db.write_batch([article], [event])
    assert db.articles() == [article]
    assert db.events() == [event]


def test_nested_values_survive_the_round_trip(db: Database) -> None:
    db.write_batch([make_article()], [make_event()])
    stored = db.articles()[0]
    assert stored.people[0] == Person(
        "Þorgerður Katrín Gunnarsdóttir", "ISL", "Minister for Foreign Affairs"
    )
    assert stored.quality == Quality(
        0.8, ["boilerplate_removed"], {"boilerplate_removed": "a footer"}
    )
    event = db.events()[0]
    assert event.evidence == Evidence(TEXT, 0, len(TEXT))
    assert event.location == Location("Reykjavik", "ISL", 64.15, -21.94)
    assert event.sectors == ["agriculture", "trade"]
    assert event.directed is False


def test_event_without_location_reads_back_none(db: Database) -> None:
    event = make_event(location=None, people=[], date=None, date_start=None, date_end=None)
    db.write_batch([make_article()], [event])
    assert db.events() == [event]


def test_events_are_ordered_by_file_then_evidence_position(db: Database) -> None:
    later = make_event(event_id="e-2", evidence=Evidence("Reykjavik", 52, 61))
    earlier = make_event(event_id="e-1", evidence=Evidence("Iceland", 0, 7))
    db.write_batch([make_article()], [later, earlier])
    assert [e.event_id for e in db.events()] == ["e-1", "e-2"]


def test_where_clause_filters_events(db: Database) -> None:
    other = make_event(event_id="e-2", kind="MEET", plover_type="CONSULT", cameo="040")
    db.write_batch([make_article()], [make_event(), other])
    assert [e.event_id for e in db.events("WHERE kind = ?", ["MEET"])] == ["e-2"]


def test_writing_the_same_batch_twice_adds_nothing(db: Database) -> None:
    article, event = make_article(), make_event()
    raw = [("f" * 64, "in/iceland.txt", "text/plain", TEXT.encode())]
    seen = [("f" * 64, "a-1")]
    signatures = [("a-1", "2025-02-03", b"\x01\x02")]
    for _ in range(2):
        db.write_batch([article], [event], raw=raw, seen=seen, signatures=signatures)
    assert db.articles() == [article]
    assert db.events() == [event]
    assert count(db, "raw_inputs") == 1
    assert count(db, "seen_inputs") == 1
    assert count(db, "signatures") == 1


def test_writing_the_same_batch_twice_adds_no_people_rows(db: Database) -> None:
    article = make_article()
    db.write_batch([article], [])
    db.write_batch([article], [])
    assert count(db, "people") == len(article.people)


def test_people_table_lists_each_person_with_the_article(db: Database) -> None:
    db.write_batch([make_article()], [])
    rows = db.query("SELECT article_id, name, country FROM people ORDER BY name").fetchall()
    assert rows == [
        ("a-1", "Margus Tsahkna", "EST"),
        ("a-1", "Þorgerður Katrín Gunnarsdóttir", "ISL"),
    ]


def test_a_failed_batch_rolls_back_and_earlier_batches_survive(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_article("a-1", "in/first.txt")
    db.write_batch([first], [make_event("a-1", "e-1")], seen=[("1" * 64, "a-1")])

    insert = db._insert

    def insert_then_fail(table: Any, rows: list[Any]) -> None:
        insert(table, rows)
        if table.name == "articles":
            raise RuntimeError("disk full after the articles insert")

    monkeypatch.setattr(db, "_insert", insert_then_fail)
    second = make_article("a-2", "in/second.txt")
    with pytest.raises(RuntimeError, match="disk full"):
        db.write_batch(
            [second],
            [make_event("a-2", "e-2")],
            raw=[("2" * 64, "in/second.txt", "text/plain", b"x")],
            seen=[("2" * 64, "a-2")],
        )
    monkeypatch.undo()

    assert [a.article_id for a in db.articles()] == ["a-1"]
    assert [e.event_id for e in db.events()] == ["e-1"]
    assert count(db, "people") == len(first.people)
    assert count(db, "raw_inputs") == 0
    assert db.known_input("1" * 64)
    assert not db.known_input("2" * 64)
    # The handle is still usable after the rollback.
    db.write_batch([second], [make_event("a-2", "e-2")])
    assert [a.article_id for a in db.articles()] == ["a-1", "a-2"]


def test_failures_are_recorded_and_listed_in_order(db: Database) -> None:
    db.record_failure("in/missing.txt", "no such file, folder or URL")
    db.record_failure("in/empty.txt", "the input is empty")
    assert db.failures() == [
        ("in/missing.txt", "no such file, folder or URL"),
        ("in/empty.txt", "the input is empty"),
    ]


def test_in_memory_databases_are_independent() -> None:
    with Database(":memory:") as one, Database(":memory:") as two:
        one.write_batch([make_article()], [make_event()])
        assert len(one.articles()) == 1
        assert two.articles() == []
        assert two.events() == []


def test_a_file_database_keeps_its_rows_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    with Database(path) as db:
        db.write_batch([make_article()], [make_event()], seen=[("f" * 64, "a-1")])
        db.record_failure("in/bad.html", "no article text found in the HTML")
    with Database(path, read_only=True) as db:
        assert db.articles() == [make_article()]
        assert db.events() == [make_event()]
        assert db.known_inputs() == {"f" * 64}
        assert db.failures() == [("in/bad.html", "no article text found in the HTML")]


def test_delete_articles_removes_what_was_derived_from_them(db: Database) -> None:
    db.write_batch(
        [make_article("a-1"), make_article("a-2", "in/two.txt")],
        [make_event("a-1", "e-1"), make_event("a-2", "e-2")],
        seen=[("1" * 64, "a-1"), ("2" * 64, "a-2")],
    )
    db.delete_articles(["a-1"])
    assert [a.article_id for a in db.articles()] == ["a-2"]
    assert [e.event_id for e in db.events()] == ["e-2"]
    assert db.known_inputs() == {"2" * 64}
    assert count(db, "people") == 2


def test_a_memory_limit_bounds_the_cache_of_a_file_database(tmp_path: Path) -> None:
    with Database(tmp_path / "store.duckdb", memory_limit="100MB") as db:
        limit = db.con.execute("SELECT current_setting('memory_limit')").fetchone()
        assert limit == ("95.3 MiB",)
    # An in-memory database lives in that memory: a limit would cap its size, so none is set.
    with Database(":memory:", memory_limit="100MB") as db:
        limit = db.con.execute("SELECT current_setting('memory_limit')").fetchone()
        assert limit != ("95.3 MiB",)


def test_signatures_read_back_as_written(db: Database) -> None:
    articles = [make_article(f"a-{n}", f"in/{n}.txt") for n in range(5000)]
    signatures = [(a.article_id, "2025-02-03", a.article_id.encode()) for a in articles]
    db.write_batch(articles, [], signatures=signatures)
    assert sorted(db.signatures()) == sorted(signatures)


def test_a_rolled_back_deletion_is_not_remembered(db: Database) -> None:
    db.write_batch([make_article("a-1")], [make_event("a-1", "e-1")])
    with pytest.raises(RuntimeError), db.transaction():
        db.delete_articles(["a-1"])
        raise RuntimeError("the batch failed")
    assert db.deleted_articles == set()
    assert [a.article_id for a in db.articles()] == ["a-1"]
    db.delete_articles(["a-1"])
    assert db.deleted_articles == {"a-1"}


def test_the_memory_limit_makes_room_for_key_indexes_that_outgrow_it(tmp_path: Path) -> None:
    # A checkpoint needs the whole key index in memory: with the limit fixed at the cache
    # allowance, 200,000 keys of 64 characters (some 25 MB) would fail to commit.
    with Database(tmp_path / "store.duckdb", memory_limit="16MB") as db:
        for batch in range(20):
            ids = [f"{batch:04d}{n:060d}" for n in range(10_000)]
            with db.transaction():
                db.write_batch([], [], signatures=[(i, None, b"\0" * 8) for i in ids])
        db.con.execute("CHECKPOINT")
        assert len(list(db.signatures())) == 200_000


def test_a_database_another_process_holds_is_refused_in_one_line_naming_watch_serve(
    tmp_path: Path,
) -> None:
    """DuckDB lets one process open a database file that another writes, not even to read:
    `serve` beside an `ingest` or `watch` fails at once, saying what does work."""
    path = tmp_path / "news.duckdb"
    Database(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(path)!r}); "
         "print('open', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        for read_only in (True, False):  # serve reads; ingest and watch write
            with pytest.raises(StoreError) as refused:
                Database(path, read_only=read_only)
            message = str(refused.value)
            assert "\n" not in message
            assert message.startswith(f"{path}: in use by another process (PID {holder.pid})")
            assert "communique watch --serve" in message
    finally:
        holder.communicate("")


def test_a_snapshot_follower_reads_each_new_copy_and_not_the_writers_own_tables(
    tmp_path: Path,
) -> None:
    """DuckDB hands out a database already open under a path again, even once another file
    was renamed to it: the follower must really read each new copy."""
    db = Database(tmp_path / "news.duckdb")
    db.write_batch([make_article("a-1")], [])
    write_snapshot(db)
    following = Following(snapshot_path(db.path), open_snapshot, Database.close)

    def articles() -> int:
        return following.current().con.execute("SELECT count(*) FROM articles").fetchone()[0]

    assert articles() == 1
    db.write_batch([make_article("a-2", "in/two.txt")], [])
    write_snapshot(db)
    assert articles() == 2
    tables = following.current().con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
    assert {"articles", "events"} <= {t[0] for t in tables}
    assert "raw_inputs" not in {t[0] for t in tables}
    assert following.current().path == f"{db.path}.snapshot"
    following.close()
    db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.duckdb", "news.duckdb.snapshot"]
