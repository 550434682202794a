"""Tests for the gold-file scorer, on tiny hand-made gold and prediction dicts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from communique.eval import METRIC_NAMES, EvalReport, format_report, score


def gold_article(name: str = "001_a.txt", **fields: Any) -> dict[str, Any]:
    return {"source_file": name, "events": [], **fields}


def article(
    name: str = "corpus/seeds/001_a.txt", article_id: str = "a-1", **fields: Any
) -> dict[str, Any]:
    base: dict[str, Any] = {
        "article_id": article_id,
        "source_file": name,
        "published": None,
        "clean_text": "",
        "countries": [],
        "people": [],
        "quality": {"score": 1.0, "flags": []},
        "duplicate_of": None,
    }
    return {**base, **fields}


def event(
    kind: str = "MEET",
    source: str = "KOR",
    target: str = "TUR",
    date: str | None = "2025-07-14",
    **fields: Any,
) -> dict[str, Any]:
    return {"kind": kind, "source": source, "target": target, "date": date, **fields}


def predicted(
    kind: str = "MEET",
    source: str = "KOR",
    target: str = "TUR",
    start: str | None = "2025-07-14",
    end: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    end = end or start
    date = None if start is None else (start if start == end else f"{start}/{end}")
    base = {
        "article_id": "a-1",
        "kind": kind,
        "source": source,
        "target": target,
        "directed": False,
        "date": date,
        "date_start": start,
        "date_end": end,
        "status": "occurred",
        "sectors": [],
        "evidence": {"text": f"{source} and {target} did {kind}", "start": 0, "end": 10},
    }
    return {**base, **fields}


def assert_counts(report: EvalReport, **expected: int) -> None:
    assert {name: report.counts[name] for name in expected} == expected


def score_events(
    gold_events: list[dict[str, Any]], predicted_events: list[dict[str, Any]]
) -> EvalReport:
    return score([gold_article(events=gold_events)], [article()], predicted_events)


# ---------------------------------------------------------------------------- event matching


def test_exact_match_scores_perfectly() -> None:
    gold = event(status="occurred", sectors=["diplomacy"])
    report = score_events([gold], [predicted(sectors=["diplomacy"])])
    metrics = report.metrics
    assert (metrics["event_precision"], metrics["event_recall"], metrics["event_f1"]) == (1, 1, 1)
    assert (metrics["date_acc"], metrics["status_acc"], metrics["sector_f1"]) == (1, 1, 1)
    assert report.counts["tp"] == 1 and report.counts["matched_pairs"] == 1
    assert report.articles[0].has_issues is False


def test_reversed_dyad_still_matches() -> None:
    report = score_events([event(source="TUR", target="KOR")], [predicted()])
    assert_counts(report, tp=1, fp=0, fn=0)


def test_reversed_directed_prediction_matches_but_is_reported() -> None:
    report = score_events([event("VISIT", "TUR", "KOR")], [predicted("VISIT", directed=True)])
    assert report.metrics["event_f1"] == 1.0
    diffs = report.articles[0].pair_mismatches[0].diffs
    assert [(d.field, d.gold, d.predicted) for d in diffs] == [
        ("direction", "TUR->KOR", "KOR->TUR")
    ]


def test_wrong_kind_is_a_miss_and_an_extra() -> None:
    report = score_events([event("MEET")], [predicted("VISIT")])
    assert report.counts["tp"] == 0 and report.counts["fp"] == 1 and report.counts["fn"] == 1
    assert report.metrics["event_f1"] == 0.0
    detail = report.articles[0]
    assert detail.missed_events[0]["kind"] == "MEET"
    assert detail.extra_events[0]["evidence"] == "KOR and TUR did VISIT"


def test_wrong_dyad_does_not_match() -> None:
    report = score_events([event(target="VNM")], [predicted()])
    assert report.counts["tp"] == 0


def test_legacy_kind_names_are_normalised() -> None:
    gold = [event("DEMAND"), event("DISAPPROVE"), event("FIGHT")]
    preds = [predicted("REQUEST"), predicted("ACCUSE"), predicted("ASSAULT")]
    assert score_events(gold, preds).counts["tp"] == 3
    assert score_events([event("ACCUSE")], [predicted("DISAPPROVE")]).counts["tp"] == 1


def test_closest_date_wins_and_matching_is_one_to_one() -> None:
    gold = [event(date="2025-07-14"), event(date="2025-09-01")]
    preds = [predicted(start="2025-09-02"), predicted(start="2025-07-14"), predicted()]
    report = score_events(gold, preds)
    assert report.counts["tp"] == 2 and report.counts["fp"] == 1
    # The September gold took the 2 September prediction, so one of the 14 July ones is extra.
    assert report.articles[0].extra_events[0]["date"] == "2025-07-14"
    assert [d.field for m in report.articles[0].pair_mismatches for d in m.diffs] == ["date"]


def test_null_predicted_date_is_matched_last() -> None:
    gold = [event(date="2025-07")]
    report = score_events(gold, [predicted(start=None), predicted(start="2025-07-03")])
    assert report.metrics["date_acc"] == 1.0
    assert report.articles[0].extra_events[0]["date"] is None


def test_optional_event_is_neither_required_nor_an_error() -> None:
    gold = [event(), event("ENDORSE", optional=True), event("AID", optional=True)]
    report = score_events(gold, [predicted(), predicted("ENDORSE", status="agreed")])
    assert_counts(report, tp=1, fp=0, fn=0, optional_matched=1)
    # The optional pair's wrong status is not scored.
    assert report.metrics["status_acc"] is None
    assert report.metrics["event_precision"] == 1.0


def test_required_gold_is_matched_before_optional() -> None:
    gold = [event(date="2025-07-14", optional=True), event(date="2025-09-01")]
    report = score_events(gold, [predicted(start="2025-07-14")])
    assert report.counts["tp"] == 1 and report.counts["fn"] == 0
    assert report.metrics["date_acc"] == 0.0


def test_only_optional_gold_and_no_prediction_leaves_metrics_none() -> None:
    report = score_events([event(optional=True)], [])
    assert report.metrics["event_precision"] is None
    assert report.metrics["event_recall"] is None
    assert report.metrics["event_f1"] is None


# ---------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("gold_date", "start", "end", "correct"),
    [
        ("2025-07", "2025-07-14", None, True),
        ("2025-07", "2025-07-01", "2025-07-31", True),
        ("2025-07", "2025-06-30", "2025-07-02", False),
        ("2025-07-14", "2025-07-15", None, False),
        ("2025", "2025-12-31", None, True),
        ("2025-08-10/2025-08-13", "2025-08-12", None, True),
        ("2025-08-10/2025-08-13", "2025-08", "2025-08", False),
        ("2023-11/2024", "2024-12-31", None, True),
        ("2024-02", "2024-02-29", None, True),
        ("2025-07", None, None, False),
        (None, "2025-07-14", None, False),
        (None, None, None, True),
    ],
)
def test_resolvable_date_must_lie_inside_gold(
    gold_date: str | None, start: str | None, end: str | None, correct: bool
) -> None:
    report = score_events([event(date=gold_date)], [predicted(start=start, end=end)])
    assert report.metrics["date_acc"] == float(correct)


@pytest.mark.parametrize(
    ("gold_date", "start", "end", "correct"),
    [
        ("2025-06-01/2026-01-23", "2025-01", "2025-06", True),
        ("2025-06-01/2026-01-23", "2026-01-24", None, False),
        ("2025-06-01/2026-01-23", None, None, True),
        (None, None, None, True),
        (None, "2025-07-14", None, True),
    ],
)
def test_unresolvable_date_needs_only_overlap(
    gold_date: str | None, start: str | None, end: str | None, correct: bool
) -> None:
    gold = event(date=gold_date, date_resolvable=False)
    report = score_events([gold], [predicted(start=start, end=end)])
    assert report.metrics["date_acc"] == float(correct)


def test_predicted_date_string_is_used_without_start_and_end() -> None:
    pred = predicted(date_start=None, date_end=None, date="2025-07-10/2025-07-12")
    report = score_events([event(date="2025-07")], [pred])
    assert report.metrics["date_acc"] == 1.0


# ---------------------------------------------------------------------------- status, sectors


def test_status_and_sector_mismatches() -> None:
    gold = [
        event("MEET", status="occurred", sectors=["diplomacy", "defense"]),
        event("VISIT", status="occurred", sectors=["diplomacy"]),
    ]
    preds = [
        predicted("MEET", status="agreed", sectors=["diplomacy", "trade"]),
        predicted("VISIT", status="occurred", sectors=["diplomacy"]),
    ]
    report = score_events(gold, preds)
    assert report.metrics["status_acc"] == 0.5
    assert report.metrics["sector_f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    (mismatch,) = report.articles[0].pair_mismatches
    assert {d.field: (d.gold, d.predicted) for d in mismatch.diffs} == {
        "status": ("occurred", "agreed"),
        "sectors": (["defense", "diplomacy"], ["diplomacy", "trade"]),
    }


# ---------------------------------------------------------------------------- articles


def test_articles_match_by_file_name_and_unmatched_gold_is_all_missed() -> None:
    gold = [
        gold_article("seeds/001_a.txt", events=[event()], published="2025-07-14"),
        gold_article("002_b.txt", events=[event()], countries=["KOR"], must_keep=["Seoul"]),
    ]
    report = score(gold, [article("/data/x/001_a.txt", published="2025-07-14")], [predicted()])
    assert_counts(
        report, tp=1, fn=1, gold_articles=2, matched_articles=1, clean_checks=1, clean_passed=0
    )
    assert report.metrics["published_acc"] == 1.0
    assert report.metrics["country_f1"] == 0.0
    assert report.articles[1].found is False


def test_predictions_for_articles_outside_gold_are_ignored() -> None:
    other = article("999_z.txt", article_id="a-9")
    report = score(
        [gold_article(events=[event()])],
        [article(), other],
        [
            predicted(),
            predicted(article_id="a-9"),
        ],
    )
    assert report.counts["fp"] == 0


def test_published_is_exact_string_equality() -> None:
    gold = [
        gold_article("1.txt", published="2025-10-13"),
        gold_article("2.txt", published=None),
        gold_article("3.txt", published="2025-10"),
    ]
    preds = [
        article("1.txt", "a-1", published="2025-10-13"),
        article("2.txt", "a-2", published=None),
        article("3.txt", "a-3", published="2025-10-01"),
    ]
    report = score(gold, preds, [])
    assert report.metrics["published_acc"] == pytest.approx(2 / 3)
    mismatch = report.articles[2].value_mismatches[0]
    assert (mismatch.field, mismatch.gold, mismatch.predicted) == (
        "published",
        "2025-10",
        "2025-10-01",
    )


def test_country_and_flag_f1() -> None:
    gold = [gold_article(countries=["KOR", "TUR"], quality={"flags": ["no_date", "aggregator"]})]
    pred = article(countries=["KOR", "USA"], quality={"score": 0.5, "flags": ["no_date"]})
    report = score(gold, [pred], [])
    assert report.metrics["country_f1"] == 0.5
    assert report.metrics["flag_f1"] == pytest.approx(2 / 3)
    diffs = {m.field: (m.missing, m.extra) for m in report.articles[0].set_mismatches}
    assert diffs == {"countries": (["TUR"], ["USA"]), "flags": (["aggregator"], [])}


def test_people_names_are_folded_but_countries_must_agree() -> None:
    gold = [
        gold_article(
            people=[
                {"name": "Yoon Suk-yeol", "country": "KOR"},
                {"name": "Haluk Görgün", "country": "TUR"},
                {"name": "Đỗ Hùng Việt", "country": "VNM"},
                {"name": "Hun Manet", "country": "KHM"},
            ]
        )
    ]
    pred = article(
        people=[
            {"name": "yoon  suk yeol", "country": "KOR"},
            {"name": "Haluk Gorgun", "country": "TUR"},
            {"name": "Do Hung Viet", "country": "VNM"},
            {"name": "Hun Manet", "country": "KOR"},
        ]
    )
    report = score(gold, [pred], [])
    assert report.metrics["people_f1"] == pytest.approx(2 * 3 / (2 * 3 + 1 + 1))
    (mismatch,) = report.articles[0].set_mismatches
    assert (mismatch.missing, mismatch.extra) == (["Hun Manet (KHM)"], ["Hun Manet (KOR)"])


def test_unannotated_article_fields_are_not_scored() -> None:
    report = score([gold_article()], [article(countries=["KOR"], published="2025")], [])
    for name in ("published_acc", "country_f1", "people_f1", "flag_f1", "clean_acc"):
        assert report.metrics[name] is None


# ---------------------------------------------------------------------------- clean text


def test_clean_checks() -> None:
    text = (
        "Seoul and Ankara agreed. Seoul and Ankara agreed. Vie\u0323\u0302t Nam joined. Read more"
    )
    gold = gold_article(
        must_keep=["Ankara agreed", "Việt Nam", "Altay tank"],
        must_remove=["Read more", "ADVERTISEMENT"],
        must_once=["Seoul and Ankara agreed", "Việt Nam joined"],
    )
    report = score([gold], [article(clean_text=text)], [])
    assert report.counts["clean_checks"] == 7 and report.counts["clean_passed"] == 4
    assert report.metrics["clean_acc"] == pytest.approx(4 / 7)
    failed = [(f.check, f.text, f.found) for f in report.articles[0].failed_clean]
    assert failed == [
        ("must_keep", "Altay tank", 0),
        ("must_remove", "Read more", 1),
        ("must_once", "Seoul and Ankara agreed", 2),
    ]


# ---------------------------------------------------------------------------- duplicates


def test_duplicate_f1() -> None:
    gold = [
        gold_article("001_a.txt"),
        gold_article("002_b.txt", duplicate_of_file="corpus/001_a.txt"),
        gold_article("003_c.txt", duplicate_of_file="001_a.txt"),
        gold_article("004_d.txt"),
    ]
    preds = [
        article("x/001_a.txt", "a-1"),
        article("x/002_b.txt", "a-2", duplicate_of="a-1"),
        article("x/003_c.txt", "a-3", duplicate_of="a-2"),
        article("x/004_d.txt", "a-4", duplicate_of="a-1"),
    ]
    report = score(gold, preds, [])
    # tp: 002; fp: 003->002 and 004->001; fn: 003->001.
    assert report.metrics["duplicate_f1"] == pytest.approx(2 * 1 / (2 * 1 + 2 + 1))
    mismatch = report.articles[2].value_mismatches[0]
    assert (mismatch.field, mismatch.gold, mismatch.predicted) == (
        "duplicate_of",
        "001_a.txt",
        "002_b.txt",
    )


def test_duplicate_f1_is_none_without_any_pair() -> None:
    report = score([gold_article()], [article()], [])
    assert report.metrics["duplicate_f1"] is None


# ---------------------------------------------------------------------------- none and output


def test_metrics_with_nothing_to_measure_are_none() -> None:
    report = score([gold_article(events=[event()])], [], [])
    assert report.metrics["event_recall"] == 0.0
    assert report.metrics["event_precision"] is None
    for name in ("date_acc", "status_acc", "sector_f1", "duplicate_f1"):
        assert report.metrics[name] is None


def test_empty_gold_gives_all_none() -> None:
    report = score([], [article()], [predicted()])
    assert report.metrics == dict.fromkeys(METRIC_NAMES)


def test_format_report_lists_metrics_in_order_then_details() -> None:
    gold = [gold_article(events=[event("MEET", status="occurred")], published="2025-07-14")]
    preds = [predicted("MEET", status="agreed"), predicted("VISIT")]
    report = score(gold, [article(published="2025-07")], preds)
    text = format_report(report)
    lines = text.splitlines()
    assert [line.split(":")[0] for line in lines[: len(METRIC_NAMES)]] == list(METRIC_NAMES)
    assert "event_precision: 0.500" in lines
    assert "sector_f1: n/a" in lines
    assert any(line.startswith("  extra: VISIT KOR->TUR") for line in lines)
    assert any("status gold occurred predicted agreed" in line for line in lines)
    assert any(line == "  published: gold 2025-07-14 predicted 2025-07" for line in lines)
    assert format_report(report, details=False).splitlines() == lines[: len(METRIC_NAMES)]


def test_to_dict_is_json_serialisable() -> None:
    gold = [gold_article(events=[event()], people=[{"name": "Cho Hyun", "country": "KOR"}])]
    report = score(gold, [article()], [predicted("VISIT")])
    data = json.loads(json.dumps(report.to_dict()))
    assert set(data) == {"metrics", "counts", "articles", "by_confidence", "by_language"}
    assert data["articles"][0]["missed_events"][0]["kind"] == "MEET"
    assert data["articles"][0]["set_mismatches"][0]["missing"] == ["Cho Hyun (KOR)"]


def test_events_are_also_scored_per_language() -> None:
    gold = [
        gold_article("ko.txt", language="ko", events=[event()], countries=["KOR", "TUR"]),
        gold_article("vi.txt", language="vi", events=[event(source="VNM")]),
    ]
    articles = [article("ko.txt", "a-ko", countries=["KOR"]), article("vi.txt", "a-vi")]
    preds = [predicted(article_id="a-ko"), predicted(article_id="a-vi", kind="VISIT")]
    report = score(gold, articles, preds)
    assert report.by_language["ko"]["event_f1"] == 1.0
    assert report.by_language["ko"]["country_f1"] == pytest.approx(2 / 3)
    assert report.by_language["vi"]["event_f1"] == 0.0
    assert report.metrics["event_f1"] == 0.5
    assert "language ko: event_precision=1.000 event_recall=1.000" in format_report(report)


def test_precision_is_reported_by_confidence_band() -> None:
    gold = [
        event(),
        event(kind="VISIT", source="JPN", target="KEN"),
        event(kind="AID", optional=True),
    ]
    report = score_events(
        gold,
        [
            predicted(confidence=0.91),  # right, high band
            predicted(kind="SANCTION", confidence=0.85),  # wrong, high band
            predicted(kind="VISIT", source="JPN", target="KEN", confidence=0.6),  # right, middle
            predicted(kind="ACCUSE", confidence=0.3),  # wrong, low band
            predicted(kind="AID", confidence=0.4),  # an optional gold event: in no band
        ],
    )
    assert report.by_confidence == {
        "0.8-1": {"events": 2, "precision": 0.5},
        "0.5-0.8": {"events": 1, "precision": 1.0},
        "0-0.5": {"events": 1, "precision": 0.0},
    }
    assert "precision by confidence: 0.8-1: 0.500 of 2 | 0.5-0.8: 1.000 of 1" in format_report(
        report
    )
