"""Trust signals on real pages the rules were not written from (issue 15): copies, quality
flags, publication dates and clean text on realnews_dev, and no false office-holder conflict
there or on the sample."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Ingested, below, shared_path

import communique
from communique import Pipeline, Settings

pytestmark = pytest.mark.slow

# Measured: duplicate_f1 1.000, flag_f1 1.000 (0.909 until a head of government called
# "President" was flagged: "Netherlands President Mark Rutte"), published_acc 1.000,
# clean_acc 1.000.
REALNEWS_TRUST_FLOORS = {
    "duplicate_f1": 1.0,
    "flag_f1": 1.0,
    "published_acc": 1.0,
    "clean_acc": 1.0,
}


@pytest.fixture(scope="module")
def realnews(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings, pipeline: Pipeline
) -> Iterator[communique.Database]:
    folder = shared_path("eval", "realnews_dev", "articles")
    with communique.open_db(tmp_path_factory.mktemp("trust") / "dev.duckdb", settings) as db:
        communique.ingest([str(folder)], db=db, settings=settings, pipeline=pipeline)
        yield db


def flagged_files(gold: Path) -> set[str]:
    lines = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    return {g["source_file"] for g in lines if "office_holder_conflict" in g["quality"]["flags"]}


def test_realnews_trust_signals_hold_their_floors(realnews: communique.Database) -> None:
    gold = shared_path("eval", "realnews_dev", "gold_dev.jsonl")
    metrics = communique.evaluate(gold, realnews).metrics
    assert below(metrics, REALNEWS_TRUST_FLOORS) == {}


def test_the_syndicated_copy_points_at_its_original(realnews: communique.Database) -> None:
    by_file = {Path(a.source_file).name[:3]: a for a in communique.articles(realnews)}
    assert by_file["d27"].duplicate_of == by_file["d26"].article_id
    assert by_file["d10"].duplicate_of is None  # an independent report of the same sale
    assert "of the shorter version's" in by_file["d27"].quality.reasons["duplicate_of"]


def test_no_office_holder_conflict_the_gold_does_not_flag(
    realnews: communique.Database, sample: Ingested
) -> None:
    for db, gold in (
        (realnews, shared_path("eval", "realnews_dev", "gold_dev.jsonl")),
        (sample.db, sample.gold),
    ):
        flagged = {
            Path(a.source_file).name
            for a in communique.articles(db)
            if "office_holder_conflict" in a.quality.flags
        }
        assert flagged <= flagged_files(gold)
