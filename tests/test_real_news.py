"""The coder on real news it was not built on: realnews_dev and ten long Guardian articles.

The texts stay in ../shared; the long articles' gold (tests/gold/guardian_long.jsonl) was
annotated by hand before the coder's output on them was seen. The floors pin what the parse-
based coder measured, so a change that loses accuracy on unseen news fails here.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import below, shared_path

import communique

REPO = Path(__file__).resolve().parents[1]
GUARDIAN_GOLD = REPO / "tests" / "gold" / "guardian_long.jsonl"


def _report(gold: Path, db: Path) -> dict[str, float | None]:
    """The gold file's metrics, with the precision of each confidence band as
    `precision_<band>` (e.g. `precision_0.8-1`)."""
    with communique.open_db(db) as handle:
        report = communique.evaluate(gold, handle)
    print(f"\n{gold.name}:\n" + communique.format_report(report, details=False))
    bands = {f"precision_{b}": v["precision"] for b, v in report.by_confidence.items()}
    return {**report.metrics, **bands}


@pytest.fixture(scope="module")
def realnews(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float | None]:
    db = tmp_path_factory.mktemp("realnews") / "realnews.duckdb"
    communique.ingest([str(shared_path("eval", "realnews_dev", "articles"))], db=db)
    return _report(shared_path("eval", "realnews_dev", "gold_dev.jsonl"), db)


@pytest.fixture(scope="module")
def guardian(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float | None]:
    """The gold's rows of the bench CSV written as dated text files, then ingested."""
    folder = tmp_path_factory.mktemp("guardian")
    rows = list(csv.DictReader(shared_path("corpus", "bench", "Guardian_SDF_sample.csv").open()))
    for line in GUARDIAN_GOLD.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        index = int(entry["source_file"].removeprefix("guardian_row").removesuffix(".txt"))
        row = rows[index]
        text = f" date {row['date'][:10]}\n\n{row['text']}\n"
        (folder / entry["source_file"]).write_text(text, encoding="utf-8")
    db = folder / "guardian.duckdb"
    communique.ingest([str(folder)], db=db)
    return _report(GUARDIAN_GOLD, db)


def test_unseen_real_news_holds_its_floor(realnews: dict[str, float | None]) -> None:
    floors = {
        "event_precision": 0.94,
        "event_f1": 0.87,
        "date_acc": 0.90,
        "status_acc": 0.90,
        "people_f1": 0.86,
        # an analyst who keeps only confident events can trust them (issue 14 asks 0.90)
        "precision_0.8-1": 0.97,
    }
    assert below(realnews, floors) == {}


def test_long_analysis_articles_hold_their_floor(guardian: dict[str, float | None]) -> None:
    # issue 14 asks P 0.70, F1 0.55 (measured 0.879 / 0.617)
    floors = {"event_precision": 0.86, "event_f1": 0.60, "date_acc": 0.77, "status_acc": 0.95}
    assert below(guardian, floors) == {}
