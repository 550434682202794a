"""Alerts sent once (communique.watch.deliver), even by a watcher killed while sending."""

from __future__ import annotations

import json
from pathlib import Path

from communique import Database
from communique.store.watch import CHANGES, Change, ensure_watch_tables, insert_rows
from communique.watch.deliver import Alert, Deliverer, JsonLines
from communique.watch.rules import Rule


def change(number: int) -> Change:
    return Change(
        change_id=f"c-{number}",
        detected_at="2025-12-01T10:00:00+00:00",
        change="new_event",
        subject=f"k-{number}",
        dyad="KOR-VNM",
        kind="VISIT",
        before=None,
        after="occurred",
        evidence=f"evidence {number}",
        source_file=None,
        confidence=0.9,
    )


def test_a_watcher_killed_after_writing_an_alert_does_not_write_it_twice(
    tmp_path: Path,
) -> None:
    """Killed between appending the alert and recording it as sent (and in the middle of the
    next line): started again, it sends what is pending, and the file holds each alert once."""
    alerts = tmp_path / "alerts.jsonl"
    rule = Rule("desk", send_to=(str(alerts),))
    JsonLines(str(alerts)).send(Alert("desk", change(1)))  # written, never recorded
    with alerts.open("a", encoding="utf-8") as handle:
        handle.write('{"rule": "desk", "text": "[desk] new_ev')  # cut short by the kill
    db = Database(":memory:")
    ensure_watch_tables(db)
    insert_rows(db, CHANGES, [change(1), change(2)])
    sent, errors = Deliverer([rule], echo=print).deliver(db)
    lines = alerts.read_text(encoding="utf-8").splitlines()
    kept = [json.loads(line) for line in lines if line.endswith("}")]
    assert errors == []
    assert [a.change.change_id for a in sent] == ["c-1", "c-2"]  # both recorded as sent now
    assert [item["change_id"] for item in kept] == ["c-1", "c-2"]
    assert len(lines) == 3  # the cut line stays apart, on a line of its own
