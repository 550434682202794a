"""Hand-made articles and events for the relations and export tests."""

from __future__ import annotations

from typing import Any

from communique.relations.periods import period_bounds
from communique.schema import Article, Event, Evidence, Location, kinds


def article(
    article_id: str,
    outlet: str | None,
    published: str | None,
    duplicate_of: str | None = None,
    url: str | None = None,
) -> Article:
    return Article(
        article_id=article_id,
        source_file=f"corpus/{article_id}.txt",
        url=url or f"https://news.example/{article_id}",
        title=f"Report {article_id}",
        outlet=outlet,
        published=published,
        language="en",
        clean_text="",
        duplicate_of=duplicate_of,
        ingested_at="2025-12-01T10:00:00+00:00",
    )


def event(
    event_id: str,
    article_id: str,
    kind: str,
    source: str,
    target: str,
    date: str | None,
    status: str = "occurred",
    **fields: Any,
) -> Event:
    info = kinds()[kind]
    if not info.directed:
        source, target = sorted((source, target))
    start, end = period_bounds(date) if date else (None, None)
    values: dict[str, Any] = {
        "sectors": [],
        "evidence": Evidence(f"evidence of {event_id}", 10, 40),
        "confidence": 0.8,
        **fields,
    }
    return Event(
        event_id=event_id,
        article_id=article_id,
        source_file=f"corpus/{article_id}.txt",
        kind=kind,
        plover_type=info.plover_type,
        cameo=info.cameo,
        source=source,
        target=target,
        directed=info.directed,
        date=date,
        date_start=start.isoformat() if start else None,
        date_end=end.isoformat() if end else None,
        status=status,
        plover_mode=info.plover_mode,
        **values,
    )


HANOI = Location("Hanoi", "VNM", 21.03, 105.85)
MOU = "Memorandum of Understanding on Defence Industry Cooperation"


def defence_mou_reports() -> tuple[list[list[Article]], list[list[Event]]]:
    """One signing reported four times, in three batches, plus two other signings.

    Batch 1: VNS announces the signing without a date; VietnamPlus runs VNS's copy.
    Batch 2: Hurriyet adds the date (14 July). Batch 3: Daily Sabah reports that it happened,
    and two different happenings of the same kind in the same dyad: a maritime agreement in
    November, and an education MoU signed on the same day as the defence one.
    """
    articles = [
        [
            article("a-vns", "VNS", "2025-07-10"),
            article("a-copy", "VietnamPlus", "2025-07-10", duplicate_of="a-vns"),
        ],
        [article("a-hur", "Hurriyet", "2025-07-12")],
        [article("a-sabah", "Daily Sabah", "2025-07-15"), article("a-nov", "VNS", "2025-11-20")],
    ]
    mou = {"instrument": "MoU on defence industry cooperation", "sectors": ["defense_industry"]}
    events = [
        [
            event("e-vns", "a-vns", "SIGN_AGREEMENT", "VNM", "TUR", None, "planned", **mou),
            event("e-copy", "a-copy", "SIGN_AGREEMENT", "VNM", "TUR", None, "planned", **mou),
        ],
        [
            event(
                "e-hur", "a-hur", "SIGN_AGREEMENT", "TUR", "VNM", "2025-07-14", "planned",
                instrument=MOU, sectors=["defense", "defense_industry"], location=HANOI,
                confidence=0.7,
            ),
        ],
        [
            event("e-sabah", "a-sabah", "SIGN_AGREEMENT", "TUR", "VNM", None, "occurred",
                  instrument="defence industry MoU", sectors=["defense_industry"],
                  confidence=0.9),
            event("e-edu", "a-sabah", "SIGN_AGREEMENT", "TUR", "VNM", "2025-07-14", "occurred",
                  instrument="MoU on education cooperation", sectors=["education"]),
            event("e-nov", "a-nov", "SIGN_AGREEMENT", "VNM", "TUR", "2025-11-19", "occurred",
                  instrument="Agreement on maritime cooperation", sectors=["maritime"]),
        ],
    ]  # fmt: skip
    return articles, events


def vnm_kor_history() -> tuple[list[Article], list[Event]]:
    """Diplomatic relations in 1992, a strategic partnership in 2009, a comprehensive strategic
    partnership in December 2022 (reported twice), a planned next step, a protest, and visits."""
    articles = [
        article("k-1", "VNA", "2022-12-06"),
        article("k-2", "Yonhap", "2022-12-05"),
        article("k-3", "Korea Herald", "2025-06-20"),
        article("k-4", "VNS", "2025-09-02"),
    ]
    csp = {"tier": "comprehensive_strategic_partnership"}
    events = [
        event("h-dip", "k-1", "ESTABLISH_RELATIONS", "KOR", "VNM", "1992-12-22",
              sectors=["diplomacy"]),
        event("h-sp", "k-1", "UPGRADE_RELATIONS", "KOR", "VNM", "2009-10",
              tier="strategic_partnership", tier_wording="Strategic Cooperative Partnership"),
        event("h-csp1", "k-1", "UPGRADE_RELATIONS", "VNM", "KOR", "2022-12-05",
              tier_wording="Comprehensive Strategic Partnership", **csp),
        event("h-csp2", "k-2", "UPGRADE_RELATIONS", "KOR", "VNM", "2022-12", **csp),
        event("h-visit", "k-2", "VISIT", "VNM", "KOR", "2022-12-04", sectors=["diplomacy"]),
        event("h-plan", "k-3", "UPGRADE_RELATIONS", "KOR", "VNM", None, "proposed",
              tier="alliance"),
        event("h-mou", "k-3", "SIGN_AGREEMENT", "KOR", "VNM", "2025-06-19",
              instrument=MOU, sectors=["defense_industry"]),
        event("h-accuse", "k-4", "ACCUSE", "VNM", "KOR", "2025-09-01"),
        event("h-tur", "k-4", "MEET", "KOR", "TUR", "2025-08-30", sectors=["defense"]),
    ]  # fmt: skip
    return articles, events
