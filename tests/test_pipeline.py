"""End to end: ingest the seed and sample corpora and hold their scores above pinned floors.

The floors are a gate (STYLE.md lesson 9): a change that lowers accuracy fails here. Raise a
floor when the coder gets better; never lower one to make a change pass.
"""

from __future__ import annotations

import pytest
from conftest import Ingested, below

import communique
from communique.eval import METRIC_NAMES
from communique.schema import kinds

pytestmark = pytest.mark.slow

# Issue 3 (event coding, dates of publication, countries) and issue 5 (clean text).
# Issue 3's floors, raised to what the coder reaches now (issue 4's targets where met;
# all of them met on the seeds).
SEED_FLOORS = {
    "event_f1": 0.95,
    "date_acc": 0.95,
    "status_acc": 0.95,
    "sector_f1": 0.75,
    "people_f1": 0.95,
    "published_acc": 1.0,
    "country_f1": 0.95,
    "flag_f1": 0.9,
    "clean_acc": 1.0,
}

# Measured on sample/ (our own held-out articles), with a small margin below each figure:
# event_precision 0.931, event_recall 0.798, event_f1 0.859, date_acc 0.806, status_acc 0.851
# (the parse-based coder, issue 14); the others as the comments below say.
SAMPLE_FLOORS = {
    "event_precision": 0.93,
    "event_recall": 0.80,
    "event_f1": 0.86,
    "date_acc": 0.84,
    "status_acc": 0.84,  # 0.893 before the parse-based coder (issue 14): a regression
    "sector_f1": 0.56,
    "published_acc": 1.0,  # 0.786 until yearless datelines were deduced (issue 15)
    "country_f1": 0.97,
    "people_f1": 0.86,
    "flag_f1": 1.0,  # 0.769 until then: undated articles were flagged no_date
    "clean_acc": 1.0,
    "duplicate_f1": 1.0,
}


def scores(corpus: Ingested) -> dict[str, float | None]:
    report = communique.evaluate(corpus.gold, corpus.db)
    print(
        f"\n{corpus.corpus} against {corpus.gold}:\n"
        + communique.format_report(report, details=False)
    )
    return report.metrics


def test_every_seed_is_stored(seeds: Ingested) -> None:
    files = sorted(p for p in seeds.corpus.iterdir() if p.suffix in (".txt", ".html"))
    assert (seeds.report.stored, seeds.report.failed) == (len(files), 0), seeds.report.errors
    assert len(communique.articles(seeds.db)) == len(files)


def test_seed_scores_hold_their_floors(seeds: Ingested) -> None:
    metrics = scores(seeds)
    assert list(metrics) == list(METRIC_NAMES)
    assert below(metrics, SEED_FLOORS) == {}


def test_sample_scores_hold_their_floors(sample: Ingested) -> None:
    assert sample.report.failed == 0, sample.report.errors
    assert below(scores(sample), SAMPLE_FLOORS) == {}


@pytest.mark.parametrize("corpus", ["seeds", "sample"])
def test_evidence_offsets_are_exact(corpus: str, request: pytest.FixtureRequest) -> None:
    ingested: Ingested = request.getfixturevalue(corpus)
    texts = {a.article_id: a.clean_text for a in communique.articles(ingested.db)}
    events = communique.events(ingested.db)
    assert events
    wrong = [
        (e.event_id, e.evidence.start, e.evidence.end)
        for e in events
        if texts[e.article_id][e.evidence.start : e.evidence.end] != e.evidence.text
        or not e.evidence.text
    ]
    assert wrong == []


@pytest.mark.parametrize("corpus", ["seeds", "sample"])
def test_events_follow_the_export_contract(corpus: str, request: pytest.FixtureRequest) -> None:
    ingested: Ingested = request.getfixturevalue(corpus)
    files = {a.article_id: a.source_file for a in communique.articles(ingested.db)}
    for event in communique.events(ingested.db):
        info = kinds()[event.kind]
        assert (event.plover_type, event.cameo[:2]) == (info.plover_type, info.cameo[:2])
        assert event.source_file == files[event.article_id]
        assert (event.date is None) == (event.date_start is None) == (event.date_end is None)
        if event.date is not None:
            assert event.date_start <= event.date_end
        if not event.directed:
            assert event.source <= event.target, event.event_id
        assert event.source != event.target, event.event_id


def test_seed_dyad_tier_timeline(seeds: Ingested) -> None:
    """Issue 6: VNM-KOR established relations in 1992 and became a comprehensive strategic
    partnership in 2022; KHM-KOR became a strategic partnership under Yoon and Hun Manet."""
    korea_vietnam = communique.dyad(seeds.db, "KOR", "VNM")
    steps = [(step.tier, step.date) for step in korea_vietnam.tier_timeline]
    assert steps[:2] == [
        ("diplomatic_relations", "1992"),
        ("comprehensive_strategic_partnership", "2022"),
    ]
    assert korea_vietnam.tier == "comprehensive_strategic_partnership"
    assert communique.dyad(seeds.db, "KHM", "KOR").tier == "strategic_partnership"
