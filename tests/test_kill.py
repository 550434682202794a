"""`kill -9` in the middle of `communique ingest`, then the same command again: the database
ends exactly as after a run nobody interrupted (each batch is one transaction)."""

from __future__ import annotations

import html
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import shared_path

from communique.store.database import Database

pytestmark = pytest.mark.slow  # several runs, each loading the spaCy model

STORIES = 250  # more than one chunk of 128 the coder takes at a time: writes come in waves


def reuters_stories(count: int) -> list[str]:
    """Real newswire stories of the shared benchmark corpus, title and body."""
    sgml = shared_path("corpus", "bench", "reut2-000.sgm").read_text(encoding="latin-1")
    found = re.findall(r"<TITLE>(.*?)</TITLE>.*?<BODY>(.*?)</BODY>", sgml, re.S)
    stories = [f"{title}\n\n{body}" for title, body in found if len(body) > 800]
    return [html.unescape(story) for story in stories[:count]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill") / "corpus"
    folder.mkdir()
    for number, story in enumerate(reuters_stories(STORIES)):
        (folder / f"{number:03d}.txt").write_text(story, encoding="utf-8")
    return folder


def ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    settings = db.with_suffix(".toml")
    settings.write_text("[communique]\nbatch_size = 8\n", encoding="utf-8")
    command = ["ingest", str(corpus), "--db", str(db), "--settings", str(settings)]
    return subprocess.Popen(
        [sys.executable, "-m", "communique.cli", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def snapshot(db: Path) -> dict[str, Any]:
    """What the database holds, without the times things were stored."""
    with Database(db, read_only=True) as handle:
        return {
            "articles": sorted(
                ({**a.to_dict(), "ingested_at": None} for a in handle.articles()),
                key=lambda a: a["article_id"],
            ),
            "events": sorted((e.to_dict() for e in handle.events()), key=lambda e: e["event_id"]),
            "raw": sorted(sha for sha, *_ in handle.raw_inputs()),
            "failures": len(handle.failures()),
        }


def first_write_and_end(run: subprocess.Popen[bytes], db: Path) -> tuple[float, float]:
    """Seconds from the start of `run` to its first batch of articles (DuckDB's log outgrows
    the tables' creation) and to its end."""
    started, first, log = time.monotonic(), None, Path(f"{db}.wal")
    while run.poll() is None:
        if first is None and log.exists() and log.stat().st_size > 100_000:
            first = time.monotonic() - started
        time.sleep(0.01)
    assert run.returncode == 0
    end = time.monotonic() - started
    return first or end, end


def kill_while_writing(run: subprocess.Popen[bytes], db: Path, seconds: float) -> None:
    """Kill `run` `seconds` after its own first write: timed from the start instead, a run
    slower or faster to load its model than the measured one was killed before it wrote or
    after it ended."""
    log, deadline = Path(f"{db}.wal"), time.monotonic() + 120
    while run.poll() is None and not (log.exists() and log.stat().st_size > 100_000):
        assert time.monotonic() < deadline, "the run never wrote its log"
        time.sleep(0.01)
    time.sleep(seconds)
    run.kill()
    run.wait()


def test_kill_9_at_random_points_then_a_rerun_equals_an_uninterrupted_run(
    corpus: Path, tmp_path: Path
) -> None:
    writing, end = first_write_and_end(
        ingest(corpus, tmp_path / "whole.duckdb"), tmp_path / "whole.duckdb"
    )
    whole = snapshot(tmp_path / "whole.duckdb")
    assert len(whole["articles"]) > STORIES * 0.9 and whole["events"]  # a few are tables

    killed = tmp_path / "killed.duckdb"
    chance = random.Random(16)
    partial = []
    for _ in range(3):  # killed at random points while it writes, then a run that ends
        # in the first half of the writing: a run that writes faster than the measured one
        # (a quieter host) must still be cut while it writes
        kill_while_writing(ingest(corpus, killed), killed, chance.uniform(0, (end - writing) / 2))
        partial.append(len(snapshot(killed)["articles"]))
    assert any(0 < stored < len(whole["articles"]) for stored in partial), partial
    assert ingest(corpus, killed).wait(timeout=300) == 0
    assert snapshot(killed) == whole


def test_ctrl_c_says_what_was_stored_and_a_rerun_goes_on(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "interrupted.duckdb"
    settings = db.with_suffix(".toml")
    settings.write_text("[communique]\nbatch_size = 8\n", encoding="utf-8")
    command = [sys.executable, "-m", "communique.cli", "ingest", str(corpus), "--db", str(db)]
    # Its messages go to a file: a pipe nobody reads until the end fills up and stalls the
    # ingest before the log grows, and the wait below would never end.
    with (tmp_path / "stderr.txt").open("w+", encoding="utf-8") as errors:
        run = subprocess.Popen([*command, "--settings", str(settings)], stderr=errors, text=True)
        log = Path(f"{db}.wal")
        deadline = time.monotonic() + 120
        while run.poll() is None and not (log.exists() and log.stat().st_size > 100_000):
            assert time.monotonic() < deadline, "the ingest never wrote its log"
            time.sleep(0.01)
        run.send_signal(signal.SIGINT)
        run.wait(timeout=60)
        errors.seek(0)
        stderr = errors.read()
    assert run.returncode == 130, stderr
    [line] = [line for line in stderr.splitlines() if line.startswith("error:")]
    stored = int(re.fullmatch(r"error: interrupted: (\d+) articles stored .*", line)[1])  # type: ignore[index]
    assert 0 < stored == len(snapshot(db)["articles"])
    assert "the same command goes on from there" in line
