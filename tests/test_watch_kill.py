"""`kill -9` of `communique watch` in the middle of a round, then the same command again: the
database, the changes and the alerts equal those of a watcher nobody interrupted."""

from __future__ import annotations

import html
import json
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from intake_server import Answer, LocalServer
from test_kill import first_write_and_end, kill_while_writing, reuters_stories, snapshot

from communique.store.database import Database

pytestmark = pytest.mark.slow  # several runs, each loading the spaCy model

STORIES = 300
# Two stories that code to events between states, so the round has changes and alerts.
RELATIONS = [
    "SEOUL, June 10, 2025 (Korea Ledger) - Vietnamese President Luong Cuong visited South "
    "Korea on Tuesday, holding talks with South Korean President Lee Jae-myung in Seoul.",
    "SEOUL, June 10, 2025 (Seoul Post) - South Korea and Vietnam upgraded their relations to "
    "a comprehensive strategic partnership on Tuesday, the two governments said.",
]


def feed(stories: list[str]) -> Answer:
    entries = "".join(
        f"<entry><title>Story {n}</title><id>urn:kill:{n}</id><updated>1987-03-02T09:00:00Z"
        f"</updated><content type='text'>{html.escape(story)}</content></entry>"
        for n, story in enumerate(stories)
    )
    body = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title>{entries}</feed>"
    return Answer(body.encode(), content_type="application/atom+xml")


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    stories = reuters_stories(STORIES)
    with LocalServer({"/wire.xml": feed(stories[:150] + RELATIONS + stories[150:])}) as local:
        yield local


def watch(server: LocalServer, db: Path) -> subprocess.Popen[bytes]:
    settings = db.with_suffix(".toml")
    settings.write_text("[communique]\nbatch_size = 8\n", encoding="utf-8")
    rules = db.with_suffix(".rules.toml")
    rules.write_text(f'[[rule]]\nsend_to = ["{db.with_suffix(".jsonl")}"]\n', encoding="utf-8")
    command = ["watch", server.url("/wire.xml"), "--rounds", "1", "--every", "0s"]
    command += ["--db", str(db), "--settings", str(settings), "--rules", str(rules)]
    return subprocess.Popen(
        [sys.executable, "-m", "communique.cli", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def outcome(db: Path) -> dict[str, Any]:
    """The database, the changes and the alerts, without the times they were made."""
    timeless = ("change_id", "detected_at")
    alerts = [json.loads(line) for line in db.with_suffix(".jsonl").read_text().splitlines()]
    with Database(db, read_only=True) as handle:
        changes = handle.con.execute(
            "SELECT * EXCLUDE (change_id, detected_at) FROM watch_changes"
        ).fetchall()
    return {
        **snapshot(db),
        "changes": sorted(map(str, changes)),
        "alerts": sorted(str({k: v for k, v in a.items() if k not in timeless}) for a in alerts),
    }


def test_kill_9_in_a_round_then_a_restart_equals_an_uninterrupted_watch(
    server: LocalServer, tmp_path: Path
) -> None:
    whole = tmp_path / "whole.duckdb"
    writing, end = first_write_and_end(watch(server, whole), whole)
    expected = outcome(whole)
    assert expected["changes"] and len(expected["alerts"]) == len(expected["changes"])

    killed = tmp_path / "killed.duckdb"
    chance = random.Random(17)
    partial = []
    for _ in range(2):
        # in the first half of the writing, timed from the run's own first write
        kill_while_writing(watch(server, killed), killed, chance.uniform(0, (end - writing) / 2))
        partial.append(len(snapshot(killed)["articles"]))
    assert any(0 < stored < len(expected["articles"]) for stored in partial), partial
    assert watch(server, killed).wait(timeout=300) == 0
    assert outcome(killed) == expected


def test_ctrl_c_between_rounds_stops_the_watcher_at_once(
    server: LocalServer, tmp_path: Path
) -> None:
    db = tmp_path / "interrupted.duckdb"
    command = ["watch", server.url("/wire.xml"), "--every", "1h", "--db", str(db)]
    run = subprocess.Popen(
        [sys.executable, "-m", "communique.cli", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert run.stderr is not None
    lines = iter(run.stderr.readline, "")
    first_round = next(line for line in lines if line.startswith("round 1:"))
    waited = time.monotonic()
    run.send_signal(signal.SIGINT)
    rest = run.stderr.read()
    assert run.wait(timeout=30) == 130 and time.monotonic() - waited < 30
    assert "new entries" in first_round
    assert "error: interrupted; the same command goes on where this one stopped" in rest
    with Database(db, read_only=True) as handle:
        stored = handle.con.execute("SELECT count(*) FROM watch_entries").fetchone()
    assert stored is not None and stored[0] == server.routes["/wire.xml"].body.count(b"<entry>")
