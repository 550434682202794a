"""Tests for the library's public interface (communique/__init__.py and communique.api)."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import TINY_HTML_NAME, TINY_TXT_NAME, Ingested

import communique
from communique import Article, CommuniqueError, Event, Pipeline, Settings
from communique.eval import METRIC_NAMES


def exported_names() -> set[str]:
    return {
        name
        for name, value in vars(communique).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }


def test_all_is_exactly_what_the_package_exports() -> None:
    assert len(communique.__all__) == len(set(communique.__all__))
    assert set(communique.__all__) == exported_names()


@pytest.mark.parametrize("name", communique.__all__)
def test_every_public_name_is_documented(name: str) -> None:
    value = getattr(communique, name)
    assert inspect.isclass(value) or inspect.getdoc(value), f"communique.{name} has no docstring"


def test_errors_share_one_root() -> None:
    for name in ("InputError", "GoldFileError", "StoreError"):
        assert issubclass(getattr(communique, name), CommuniqueError)


# ---- ingest and read back ----------------------------------------------------------------------


def by_file(items: list[Any]) -> dict[str, Any]:
    return {Path(item.source_file).name: item for item in items}


@pytest.mark.slow
def test_ingest_reports_what_it_stored(tiny: Ingested) -> None:
    report = tiny.report
    assert (report.seen, report.stored, report.skipped, report.failed) == (2, 2, 0, 0)
    assert report.errors == []
    assert report.events == len(communique.events(tiny.db))


@pytest.mark.slow
def test_events_are_schema_objects_with_exact_evidence(tiny: Ingested) -> None:
    events = communique.events(tiny.db)
    assert events and all(isinstance(e, Event) for e in events)
    texts = {a.article_id: a.clean_text for a in communique.articles(tiny.db)}
    for event in events:
        assert texts[event.article_id][event.evidence.start : event.evidence.end] == (
            event.evidence.text
        )


@pytest.mark.slow
def test_the_signing_is_coded(tiny: Ingested) -> None:
    signings = [e for e in communique.events(tiny.db) if e.kind == "SIGN_AGREEMENT"]
    assert [(e.source, e.target, e.date, e.status) for e in signings] == [
        ("CHL", "FIN", "2025-03-04", "occurred")
    ]
    [signing] = signings
    assert (signing.plover_type, signing.cameo, signing.directed) == ("SUPPORT", "057", False)
    assert Path(signing.source_file).name == TINY_TXT_NAME
    assert "signed a memorandum of understanding" in signing.evidence.text


@pytest.mark.slow
def test_articles_carry_their_metadata(tiny: Ingested) -> None:
    articles = by_file(communique.articles(tiny.db))
    assert all(isinstance(a, Article) for a in articles.values())
    text, html = articles[TINY_TXT_NAME], articles[TINY_HTML_NAME]
    assert (text.title, text.outlet, text.published) == (
        "Finland and Chile Sign Polar Research Pact",
        "Nordic Ledger",
        "2025-03-04",
    )
    assert text.countries == ["CHL", "FIN"]
    assert [(p.name, p.country) for p in text.people] == [("Elina Valtonen", "FIN")]
    assert "date 2025-03-04" not in text.clean_text
    assert (html.title, html.outlet, html.published) == (
        "Norway and Portugal hold talks on offshore wind",
        "Atlantic Courier",
        "2025-05-20",
    )
    assert html.countries == ["NOR", "PRT"]
    assert "All rights reserved" not in html.clean_text
    assert all(a.language == "en" and a.duplicate_of is None for a in articles.values())


@pytest.mark.slow
def test_event_filters(tiny: Ingested) -> None:
    everything = communique.events(tiny.db)
    norway = communique.events(tiny.db, country="NOR")
    assert norway and all("NOR" in (e.source, e.target) for e in norway)
    assert len(norway) < len(everything)
    signings = communique.events(tiny.db, kind="SIGN_AGREEMENT")
    assert [e.kind for e in signings] == ["SIGN_AGREEMENT"]
    may = communique.events(tiny.db, since="2025-05-01", until="2025-05-31")
    assert {e.date for e in may} == {"2025-05-19"}
    science = communique.events(tiny.db, sector="science")
    assert science and all("science" in e.sectors for e in science)


@pytest.mark.slow
def test_frames_have_the_export_columns(
    tiny: Ingested, export_shapes: dict[str, dict[str, Any]]
) -> None:
    events = communique.events_frame(tiny.db)
    articles = communique.articles_frame(tiny.db)
    assert isinstance(events, pd.DataFrame) and isinstance(articles, pd.DataFrame)
    assert set(export_shapes["events"]) <= set(events.columns)
    assert set(export_shapes["articles"]) <= set(articles.columns)
    assert len(events) == len(communique.events(tiny.db))
    assert sorted(articles["published"]) == ["2025-03-04", "2025-05-20"]
    assert len(communique.events_frame(tiny.db, country="NOR")) == len(
        communique.events(tiny.db, country="NOR")
    )


@pytest.mark.slow
def test_evaluate_returns_every_metric(tiny: Ingested) -> None:
    report = communique.evaluate(tiny.gold, tiny.db)
    assert isinstance(report, communique.EvalReport)
    assert list(report.metrics) == list(METRIC_NAMES)
    assert report.metrics["event_recall"] == 1.0
    assert report.metrics["published_acc"] == 1.0
    assert report.metrics["country_f1"] == 1.0
    assert report.metrics["people_f1"] == 1.0
    assert report.metrics["clean_acc"] == 1.0
    assert report.counts["gold_articles"] == 2
    assert "event_f1" in communique.format_report(report)


@pytest.mark.slow
def test_summary_counts(tiny: Ingested) -> None:
    summary = communique.summary(tiny.db)
    assert (summary.articles, summary.failures) == (2, 0)
    assert summary.events == len(communique.events(tiny.db))
    assert dict(summary.top_dyads)["CHL-FIN"] >= 1
    assert sum(n for _, n in summary.by_kind) == summary.events


@pytest.mark.slow
def test_ingest_into_a_path_twice_adds_nothing(
    tmp_path: Path, tiny_folder: Path, settings: Settings, pipeline: Pipeline
) -> None:
    db_path = tmp_path / "twice.duckdb"
    first = communique.ingest([str(tiny_folder)], db=db_path, settings=settings, pipeline=pipeline)
    second = communique.ingest(str(tiny_folder), db=db_path, settings=settings, pipeline=pipeline)
    assert (first.stored, second.stored, second.skipped, second.events) == (2, 0, 2, 0)
    with communique.open_db(db_path) as db:
        assert len(communique.articles(db)) == 2
        assert len(communique.events(db)) == first.events


@pytest.mark.slow
def test_ingest_with_a_snapshot_leaves_the_copy_serve_reads_beside_a_writer(
    tmp_path: Path, tiny_folder: Path, settings: Settings, pipeline: Pipeline
) -> None:
    db_path = tmp_path / "news.duckdb"
    report = communique.ingest(
        [str(tiny_folder)], db=db_path, settings=settings, pipeline=pipeline, snapshot=True
    )
    with communique.open_db(db_path.with_name("news.duckdb.snapshot"), read_only=True) as copy:
        assert len(communique.articles(copy)) == report.stored == 2
        assert len(communique.events(copy)) == report.events


@pytest.mark.slow
def test_a_bad_input_is_reported_not_raised(
    tmp_path: Path, settings: Settings, pipeline: Pipeline
) -> None:
    missing = str(tmp_path / "missing.txt")
    with communique.open_db(":memory:") as db:
        report = communique.ingest([missing], db=db, settings=settings, pipeline=pipeline)
        assert (report.seen, report.failed, report.stored) == (1, 1, 0)
        assert report.errors == [f"{missing}: no such file, folder or URL"]
        assert db.failures() == [(missing, "no such file, folder or URL")]


def test_read_gold_names_the_bad_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"source_file": "a.txt", "events": []}\n\n{not json}\n', encoding="utf-8")
    with pytest.raises(communique.GoldFileError, match=r"gold\.jsonl:3: not valid JSON"):
        communique.read_gold(gold)


def test_read_gold_skips_blank_lines(tiny_gold: Path) -> None:
    assert [g["source_file"] for g in communique.read_gold(tiny_gold)] == [
        TINY_TXT_NAME,
        TINY_HTML_NAME,
    ]
