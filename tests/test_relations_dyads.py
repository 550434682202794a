"""Dyad state and the relations queries, on a constructed VNM-KOR history."""

from __future__ import annotations

import pandas as pd
import pytest
from relations_factory import MOU, vnm_kor_history

from communique.relations import (
    TierStep,
    dyad,
    dyads,
    find_events,
    partners,
    timeline,
    update_canonical,
)
from communique.store.database import Database


def values(column: pd.Series) -> list[object]:
    """A column's values with pandas' missing-value marker read as None."""
    return [None if pd.isna(v) else v for v in column]


@pytest.fixture(scope="module")
def db() -> Database:
    handle = Database(":memory:")
    articles, events = vnm_kor_history()
    handle.write_batch(articles, events)
    update_canonical(handle, [e.event_id for e in events])
    return handle


def test_tier_timeline_of_vnm_kor(db: Database) -> None:
    state = dyad(db, "VNM", "KOR")
    assert (state.dyad, state.country_a, state.country_b) == ("KOR-VNM", "KOR", "VNM")
    assert [(s.date, s.tier, s.tier_wording) for s in state.tier_timeline] == [
        ("1992-12-22", "diplomatic_relations", None),
        ("2009-10", "strategic_partnership", "Strategic Cooperative Partnership"),
        (
            "2022-12-05",
            "comprehensive_strategic_partnership",
            "Comprehensive Strategic Partnership",
        ),
    ]
    assert isinstance(state.tier_timeline[0], TierStep)
    # The proposed alliance has not happened, so the current tier is the 2022 one.
    assert state.tier == "comprehensive_strategic_partnership"
    assert state.tier_wording == "Comprehensive Strategic Partnership"
    assert state.tier_since == "2022-12-05"


def test_dyad_counts_balance_contacts_and_instruments(db: Database) -> None:
    state = dyad(db, "KOR", "VNM")
    # The two reports of the 2022 upgrade are one event.
    assert (state.events, state.mentions) == (7, 8)
    assert state.by_kind == {
        "ACCUSE": 1,
        "ESTABLISH_RELATIONS": 1,
        "SIGN_AGREEMENT": 1,
        "UPGRADE_RELATIONS": 3,
        "VISIT": 1,
    }
    assert state.by_year == {"1992": 1, "2009": 1, "2022": 2, "2025": 2}
    assert state.by_sector == {"defense_industry": 1, "diplomacy": 2}
    assert state.by_status == {"occurred": 6, "proposed": 1}
    assert (state.cooperative, state.conflictual) == (6, 1)
    assert state.balance == pytest.approx(5 / 7)
    assert state.goldstein_mean == pytest.approx((5 + 5 + 5 + 1.9 + 5 + 8 - 2) / 7)
    assert (state.first_contact, state.last_contact) == ("1992-12-22", "2025-09-01")
    assert [(i.instrument, i.date) for i in state.instruments] == [(MOU, "2025-06-19")]


def test_every_dyad_has_a_state(db: Database) -> None:
    assert [(s.dyad, s.events, s.tier) for s in dyads(db)] == [
        ("KOR-VNM", 7, "comprehensive_strategic_partnership"),
        ("KOR-TUR", 1, None),
    ]


def test_partners_are_ranked_with_tier_and_last_contact(db: Database) -> None:
    frame = partners(db, "KOR")
    assert frame["partner"].tolist() == ["VNM", "TUR"]
    assert values(frame["tier"]) == ["comprehensive_strategic_partnership", None]
    assert frame["last_contact"].tolist() == ["2025-09-01", "2025-08-30"]
    assert frame["events"].tolist() == [7, 1]
    assert partners(db, "PRK").empty


def test_timeline_lists_the_dyads_events_in_date_order_with_evidence(db: Database) -> None:
    frame = timeline(db, "VNM", "KOR")
    assert values(frame["date"]) == [
        "1992-12-22",
        "2009-10",
        "2022-12-04",
        "2022-12-05",
        "2025-06-19",
        "2025-09-01",
        None,
    ]
    upgrade = frame.iloc[3]
    assert (upgrade["kind"], upgrade["n_mentions"], upgrade["n_sources"]) == (
        "UPGRADE_RELATIONS",
        2,
        2,
    )
    assert upgrade["evidence"] == "evidence of h-csp2"
    assert upgrade["first_reported"] == "2022-12-05"


def test_find_events_filters_by_country_kind_period_and_sector(db: Database) -> None:
    found = find_events(
        db, country="KOR", kind="SIGN_AGREEMENT", since="2025-01", sector="defense_industry"
    )
    assert found[["date", "source", "target", "instrument"]].values.tolist() == [
        ["2025-06-19", "KOR", "VNM", MOU]
    ]
    assert find_events(db, country="KOR", since="2025-07", until="2025-08")["kind"].tolist() == [
        "MEET"
    ]
    assert find_events(db, country="KOR", kind="SIGN_AGREEMENT", since="2025-07").empty
    assert find_events(db, status="proposed")["tier"].tolist() == ["alliance"]
