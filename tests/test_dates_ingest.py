"""Dates in stored results depend on the input and the settings only, never on the day of
ingest: the same files ingested with the clock set to two different days store the same."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import communique
from communique import Settings

REPO = Path(__file__).resolve().parents[1]

# Invented, undated articles: officials whose terms bound the date on one side only (a
# president still in office; a first-listed holder), and relative days to resolve.
UNDATED = {
    "seoul.txt": (
        "Korea and Chile agree to expand trade talks\n"
        "President Lee Jae-myung met Chilean trade officials in Seoul last week and the two "
        "sides agreed to hold a new round of trade talks next month, his office said on Friday.\n"
    ),
    "delhi.txt": (
        "India and Peru discuss mining\n"
        "Prime Minister Narendra Modi hosted a Peruvian delegation on Monday to discuss "
        "copper mining, officials said, adding that a visit to Lima was planned for next year.\n"
    ),
}


def set_clock(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    """Make `date.today()` and `datetime.now()` read `day` in every communique module."""

    class Day(date):
        @classmethod
        def today(cls) -> Day:
            return cls(day.year, day.month, day.day)

    class Moment(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Moment:
            return cls(day.year, day.month, day.day, 12, tzinfo=tz or UTC)

    for name, module in list(sys.modules.items()):
        if name.startswith("communique"):
            if getattr(module, "date", None) is date:
                monkeypatch.setattr(module, "date", Day)
            if getattr(module, "datetime", None) is datetime:
                monkeypatch.setattr(module, "datetime", Moment)


def ingest_on(
    day: date, folder: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with monkeypatch.context() as patch:
        set_clock(patch, day)
        settings = Settings.load()
        with communique.open_db(db_path, settings) as db:
            communique.ingest(
                [str(folder), str(REPO / "sample" / "articles")], db=db, settings=settings
            )
            articles = [a.to_dict() for a in db.articles()]
            events = [e.to_dict() for e in db.events()]
    assert {a["ingested_at"][:10] for a in articles} == {day.isoformat()}
    return [{**a, "ingested_at": None} for a in articles], events


@pytest.mark.slow
def test_the_same_files_ingested_on_two_days_store_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in UNDATED.items():
        (folder / name).write_text(text, encoding="utf-8")
    first = ingest_on(date(2026, 1, 5), folder, tmp_path / "first.duckdb", monkeypatch)
    later = ingest_on(date(2031, 7, 20), folder, tmp_path / "later.duckdb", monkeypatch)
    assert first == later
    articles = {Path(a["source_file"]).name: a for a in first[0]}
    # Bounded by the president's term on one side only: said so, not closed with a day of ingest.
    assert articles["seoul.txt"]["date_bounds"] == "2025-06-04/.."
    assert articles["seoul.txt"]["published"] is None
    # No event dated from the undated articles ends on a day nothing in the text gives.
    undated = {a["article_id"] for a in first[0] if a["published"] is None}
    ends = {e["date_end"] for e in first[1] if e["article_id"] in undated}
    assert not ends & {"2026-01-05", "2031-07-20", "9999-12-31"}
