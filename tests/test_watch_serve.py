"""The explorer served by the watcher's own process (`communique watch --serve`): it answers
pages and API requests while a round writes, and shows the round's events once it is done."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest import Ingested
from fastapi.testclient import TestClient
from intake_server import LocalServer
from test_kill import reuters_stories
from test_watch import OCCURRED, PLANNED, SETTINGS, atom, entry, runner, watcher
from test_watch_kill import feed

import communique
from communique import Database, Pipeline
from communique.cli import app
from communique.serve import create_app
from communique.watch.serving import serving

pytestmark = pytest.mark.slow  # a round of a few hundred stories through the pipeline

PATHS = ("/", "/api/meta", "/api/events", "/api/graph", "/search", "/dyad/KOR/VNM")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Reader(threading.Thread):
    """Asks the explorer for its pages in turn until stopped; keeps each status."""

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base, self.stop = base, threading.Event()
        self.statuses: list[tuple[str, int]] = []

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as client:
            while not self.stop.is_set():
                for path in PATHS:
                    self.statuses.append((path, client.get(path).status_code))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with communique.open_db(tmp_path / "served.duckdb", SETTINGS) as handle:
        yield handle


def test_the_explorer_answers_while_a_round_writes_and_then_shows_its_events(
    db: Database, pipeline: Pipeline
) -> None:
    stories = feed(reuters_stories(200))
    with LocalServer({"/wire.xml": stories}) as feeds:
        feeds.routes["/korea.xml"] = atom(entry("occurred", OCCURRED), title="Korea Ledger")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with serving(db.path, port=port) as explorer:
            before = httpx.get(f"{base}/api/dyads/KOR/VNM").status_code
            reader = Reader(base)
            reader.start()
            urls = [feeds.url("/wire.xml"), feeds.url("/korea.xml")]
            with watcher(urls, db, pipeline) as watch:
                report = watch.run(rounds=1, every=0, on_round=lambda _: explorer.refresh())[0]
            reader.stop.set()
            reader.join(timeout=30)
            after = httpx.get(f"{base}/api/dyads/KOR/VNM")
            meta = httpx.get(f"{base}/api/meta").json()
    assert report.ingest.stored > 150
    assert len(reader.statuses) > len(PATHS)  # it asked while the round wrote
    assert {status for path, status in reader.statuses if path != "/dyad/KOR/VNM"} == {200}
    assert all(status < 500 for _, status in reader.statuses)
    assert before == 404 and after.status_code == 200
    assert any(e["kind"] == "VISIT" for e in after.json()["timeline"])
    # Asked during the round too, so read afresh after it.
    assert meta["articles"] == db.con.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_watch_serve_from_the_command_line(tmp_path: Path) -> None:
    port = free_port()
    seen: list[int] = []

    def ask() -> None:
        deadline = time.monotonic() + 60
        while not seen and time.monotonic() < deadline:
            try:
                seen.append(httpx.get(f"http://127.0.0.1:{port}/api/meta").status_code)
            except httpx.TransportError:
                time.sleep(0.05)

    asker = threading.Thread(target=ask, daemon=True)
    asker.start()
    with LocalServer({"/korea.xml": atom(entry("occurred", OCCURRED))}) as feeds:
        args = ["watch", feeds.url("/korea.xml"), "--rounds", "2", "--every", "2s", "--serve"]
        db = str(tmp_path / "cli.duckdb")
        result = runner.invoke(app, [*args, "--port", str(port), "--db", db])
    asker.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert f"explorer of {db} at http://127.0.0.1:{port}/" in result.output
    assert seen == [200]


def test_watch_serve_names_a_port_it_cannot_listen_on(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ["watch", "http://127.0.0.1:9/feed.xml", "--serve", "--port", str(port)]
        result = runner.invoke(app, [*args, "--db", str(tmp_path / "cli.duckdb")])
    assert result.exit_code == 2
    assert f"127.0.0.1:{port}: the explorer cannot listen there" in result.output


def test_whats_new_lists_the_changes_with_the_filters_of_the_rules(
    db: Database, pipeline: Pipeline
) -> None:
    routes = {
        "/harbour.xml": atom(entry("planned", PLANNED, "2025-06-02T09:00:00Z")),
        "/ledger.xml": atom(title="Korea Ledger"),
    }
    with LocalServer(routes) as feeds:
        urls = [feeds.url("/harbour.xml"), feeds.url("/ledger.xml")]
        with watcher(urls, db, pipeline) as watch:
            watch.round()
            feeds.routes["/ledger.xml"] = atom(entry("occurred", OCCURRED), title="Korea Ledger")
            watch.round()
    port = free_port()
    with serving(db.path, port=port), httpx.Client(base_url=f"http://127.0.0.1:{port}") as web:
        moved = web.get("/api/changes", params={"country": "KOR", "change": "status_changed"})
        everything = web.get("/api/changes").json()
        elsewhere = web.get("/api/changes", params={"country": "JPN"}).json()
        later = web.get("/api/changes", params={"since": "2999-01-01"}).json()
        wrong = web.get("/api/changes", params={"change": "moved"})
        page = web.get("/changes", params={"country": "KOR", "partner": "VNM"})
        dyad_page = web.get("/dyad/KOR/VNM")
    [row] = moved.json()["rows"]
    assert (row["kind"], row["before"], row["after"]) == ("VISIT", "planned", "occurred")
    assert "visited South Korea on Tuesday" in row["evidence"]
    assert everything["total"] > 1 and (elsewhere["total"], later["total"]) == (0, 0)
    assert wrong.status_code == 422 and wrong.json()["parameter"] == "change"
    assert page.status_code == 200 and "visited South Korea on Tuesday" in page.text
    assert dyad_page.status_code == 200 and "What changed" in dyad_page.text


def test_whats_new_in_a_database_never_watched_is_empty(tiny: Ingested) -> None:
    port = free_port()
    with serving(tiny.db.path, port=port), httpx.Client(base_url=f"http://127.0.0.1:{port}") as web:
        assert web.get("/api/changes").json()["total"] == 0
        assert "No change recorded" in web.get("/changes").text


def rounds_done(watching: subprocess.Popen[str]) -> Iterator[str]:
    """The watcher's round lines (on standard error) as each round ends."""
    assert watching.stderr is not None
    for line in watching.stderr:
        if line.startswith("round "):
            yield line


def test_serve_in_another_process_reads_the_snapshot_the_watcher_renews_each_round(
    tmp_path: Path,
) -> None:
    """Two processes on one database: DuckDB lets no one open the file the watcher writes,
    so the explorer reads the copy `watch --snapshot` renews after each round, and shows a
    round's news once that round is done."""
    db = tmp_path / "news.duckdb"
    with LocalServer({"/korea.xml": atom(entry("planned", PLANNED))}) as feeds:
        command = ["watch", feeds.url("/korea.xml"), "--every", "1s", "--snapshot"]
        command += ["--rounds", "30"]  # ends by itself should the test stop reading
        watching = subprocess.Popen(
            [sys.executable, "-m", "communique.cli", *command, "--db", str(db)],
            stdout=subprocess.DEVNULL,  # the alerts
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "500"},
        )
        try:
            rounds = rounds_done(watching)
            assert ", 1 stored," in next(rounds)
            with TestClient(create_app(db)) as client:  # the watcher holds the database
                before = client.get("/api/meta").json()
                statuses = {e["status"] for e in client.get("/api/events").json()["rows"]}
                feeds.routes["/korea.xml"] = atom(entry("planned", PLANNED), entry("now", OCCURRED))
                assert any(", 1 stored," in line for line in rounds)  # the next round read it
                after = client.get("/api/meta").json()
                now = {e["status"] for e in client.get("/api/events").json()["rows"]}
        finally:
            watching.send_signal(signal.SIGINT)
            watching.wait(timeout=60)
    assert before["database"] == f"{db}.snapshot"
    assert (before["articles"], after["articles"]) == (1, 2)
    assert "planned" in statuses and "occurred" in now
