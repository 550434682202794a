"""Intake through the whole run (communique.pipeline.ingest and recode): bad inputs fail alone,
nothing stored is lost, and stored raw inputs can be coded again."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from intake_server import Answer, LocalServer
from test_intake import CC_NEWS, PAGE, SAMPLE, warc_bytes
from typer.testing import CliRunner

from communique import api
from communique.cli import app
from communique.intake import RawDocument
from communique.pipeline import Pipeline, ingest, recode
from communique.schema import Article, Event
from communique.settings import Settings
from communique.store.database import Database

pytestmark = pytest.mark.slow  # loads the spaCy pipeline once for the module

SETTINGS = Settings().with_(fetch_timeout=0.5, max_input_bytes=200_000, batch_size=3)
GOOD = sorted(SAMPLE.glob("0[1-5]_*"))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(SETTINGS, today=date(2026, 1, 1))


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    routes = {
        "/page": Answer(PAGE),
        "/broken": Answer(b"oops", status=500, content_type="text/plain"),
        "/slow": Answer(PAGE, delay=2.0),
    }
    with LocalServer(routes) as running:
        yield running


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    with Database(tmp_path / "news.duckdb") as handle:
        yield handle


def snapshot(db: Database) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Articles and events as exported, without the time they were stored."""
    articles = [{**a.to_dict(), "ingested_at": None} for a in db.articles()]
    return articles, [e.to_dict() for e in db.events()]


def bad_inputs(folder: Path, server: LocalServer) -> dict[str, str]:
    """One of each kind of bad input, with the error line each must give."""
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    huge = folder / "huge.txt"
    huge.touch()
    os.truncate(huge, 5_000_000)  # sparse: a size, not a disk's worth of bytes
    (folder / "feed.xml").write_text("{ this is not xml", encoding="utf-8")
    (folder / "lines.jsonl").write_text('{"text": \n', encoding="utf-8")
    broken, slow = server.url("/broken"), server.url("/slow")
    return {
        f"{folder}/binary.txt": "the input is binary, not text or HTML",
        f"{folder}/empty.txt": "the input is empty",
        f"{folder}/huge.txt": "the file is 5.0 MB, over the 200.0 kB limit",
        f"{folder}/feed.xml": "not an RSS or Atom feed (<unknown>:2:0: not well-formed "
        "(invalid token))",
        f"{folder}/lines.jsonl": "not valid JSON (Expecting value at column 1)",
        broken: "the server answered 500 Internal Server Error",
        slow: "timed out after 0.5 s",
        f"{folder}/missing.txt": "no such file, folder or URL",
    }


def damaged_but_readable(folder: Path) -> list[str]:
    """Inputs with damage that still hold an article: they must be stored, not failed."""
    mixed = folder / "mixed.txt"
    text = GOOD[1].read_text(encoding="utf-8")
    mixed.write_bytes(text.encode() + "\n\nHe called it “firm”.".encode("cp1252") + b"\xff")
    cut = folder / "cut.html"
    cut.write_bytes(PAGE[: PAGE.index(b"over the weekend") + 20])
    return [str(mixed), str(cut)]


def test_bad_inputs_fail_alone_and_stored_articles_stay_intact(
    db: Database, pipeline: Pipeline, server: LocalServer, tmp_path: Path
) -> None:
    first = ingest([str(p) for p in GOOD], db, SETTINGS, pipeline)
    assert (first.stored, first.failed) == (len(GOOD), 0)
    before_articles, before_events = snapshot(db)
    assert before_events, "the sample articles should code some events"

    bad = bad_inputs(tmp_path / "bad", server)
    warc = tmp_path / "cc.warc.gz"
    warc.write_bytes(warc_bytes(CC_NEWS))
    readable = damaged_but_readable(tmp_path)
    inputs = [*bad, *readable, str(warc), str(GOOD[0])]
    report = ingest(inputs, db, SETTINGS, pipeline)

    expected = {**bad, f"{warc}#https://news.example/b": "no article text found in the HTML"}
    expected[f"{tmp_path}/bad/lines.jsonl:1"] = expected.pop(f"{tmp_path}/bad/lines.jsonl")
    assert sorted(report.errors) == sorted(f"{k}: {v}" for k, v in expected.items())
    assert sorted(db.failures()) == sorted(expected.items())
    assert (report.stored, report.skipped) == (3, 1)  # mixed, cut, the WARC page; GOOD[0] known
    articles, events = snapshot(db)
    assert {a["source_file"] for a in articles} >= {*readable, f"{warc}#https://news.example/a"}
    assert all(article in articles for article in before_articles)
    assert all(event in events for event in before_events)


def test_an_exception_while_coding_fails_that_input_only(
    db: Database, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_finish = pipeline.coder.finish

    def finish(reading: Any, parsed: Any, article_id: str, source_file: str, *args: Any) -> Any:
        if source_file == str(GOOD[1]):
            raise KeyError("no such gazetteer entry")
        return real_finish(reading, parsed, article_id, source_file, *args)

    monkeypatch.setattr(pipeline.coder, "finish", finish)
    report = ingest([str(p) for p in GOOD[:3]], db, SETTINGS, pipeline)
    assert report.stored == 2
    assert report.errors == [f"{GOOD[1]}: coding failed (KeyError: 'no such gazetteer entry')"]
    assert db.failures() == [(str(GOOD[1]), "coding failed (KeyError: 'no such gazetteer entry')")]


def test_recode_replaces_articles_and_events_from_raw_inputs(
    db: Database, pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = tmp_path / "news.jsonl"
    text = (GOOD[0]).read_text(encoding="utf-8")
    record = {
        "text": text,
        "title": "From the line",
        "published": "2025-08-21",
        "url": "https://ex.org/1",
    }
    lines.write_text(json.dumps(record) + "\n", encoding="utf-8")
    sources = tmp_path / "sources"
    shutil.copytree(SAMPLE, sources)
    inputs = [str(p) for p in sorted(sources.glob("0[2-4]_*"))] + [str(lines)]
    ingest(inputs, db, SETTINGS, pipeline)
    before = snapshot(db)
    shutil.rmtree(sources)  # recoding needs only the database

    report = recode(db, SETTINGS, pipeline)
    assert (report.seen, report.stored, report.failed) == (4, 4, 0)
    assert snapshot(db) == before  # same version, same result: nothing lost or doubled
    line_article = next(a for a in db.articles() if a.source_file == f"{lines}#L1")
    assert (line_article.title, line_article.published, line_article.url) == (
        "From the line",
        "2025-08-21",
        "https://ex.org/1",
    )

    # A "newer version" that codes one fewer event per article replaces the old ones.
    real_process = pipeline.process

    def newer(doc: RawDocument) -> tuple[Article, list[Event]]:
        article, events = real_process(doc)
        return article, events[1:]

    monkeypatch.setattr(pipeline, "process", newer)
    recode(db, SETTINGS, pipeline)
    articles, events = snapshot(db)
    assert articles == before[0]
    coded = {event["article_id"] for event in before[1]}
    assert len(events) == len(before[1]) - len(coded)


def test_recode_keeps_the_old_article_of_an_input_that_now_fails(
    db: Database, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest([str(p) for p in GOOD[:2]], db, SETTINGS, pipeline)
    before = snapshot(db)

    def broken(doc: RawDocument) -> tuple[Article, list[Event]]:
        raise RuntimeError("a bug in the new version")

    monkeypatch.setattr(pipeline, "process", broken)
    report = recode(db, SETTINGS, pipeline)
    assert (report.stored, report.failed) == (0, 2)
    assert snapshot(db) == before
    assert [error for _, error in db.failures()] == [
        "coding failed (RuntimeError: a bug in the new version)"
    ] * 2


def test_cli_ingest_reports_bad_urls_and_recode_runs(server: LocalServer, tmp_path: Path) -> None:
    runner = CliRunner()
    target = str(tmp_path / "cli.duckdb")
    good = str(GOOD[0])
    result = runner.invoke(app, ["ingest", good, server.url("/broken"), "--db", target])
    assert result.exit_code == 1, result.output  # some inputs failed
    assert f"error: {server.url('/broken')}: the server answered 500" in result.output
    assert "2 inputs: 1 stored" in result.output
    result = runner.invoke(app, ["recode", "--db", target])
    assert result.exit_code == 0, result.output
    assert "1 raw inputs: 1 recoded, 0 failed" in result.output
    with api.open_db(target, read_only=True) as handle:
        assert [a.source_file for a in handle.articles()] == [good]
