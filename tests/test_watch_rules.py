"""Which changes a rule keeps (communique.watch.rules): `Rule.where`, the SQL form the explorer
pages with, keeps exactly what `Rule.matches` keeps."""

from __future__ import annotations

import itertools
import random

import pytest

from communique import Database
from communique.serve import Explorer
from communique.store.watch import CHANGES, Change, ensure_watch_tables, insert_rows
from communique.watch.rules import Rule

DYADS = ["KOR-VNM", "TUR-VNM", "IGO:UN-USA", "CHN-USA", "KOR-TUR"]
KINDS = [None, "SIGN_AGREEMENT", "VISIT", "ACCUSE", "UPGRADE_RELATIONS"]
SECTORS = [[], ["energy"], ["defense", "energy"], ["education"]]
CHANGE_NAMES = ["new_event", "status_changed", "new_source", "new_dyad", "tier_changed"]


def changes(count: int = 300) -> list[Change]:
    chance = random.Random(5)
    return [
        Change(
            change_id=f"c-{n:04d}",
            detected_at=f"2025-12-{1 + n % 9:02d}T10:00:00+00:00",
            change=chance.choice(CHANGE_NAMES),
            subject=f"k-{n}",
            dyad=chance.choice(DYADS),
            kind=chance.choice(KINDS),
            before=None,
            after=None,
            evidence="evidence",
            source_file=None,
            confidence=chance.choice([None, 0.3, 0.6, 0.9]),
            sectors=chance.choice(SECTORS),
        )
        for n in range(count)
    ]


RULES = [
    Rule("all"),
    Rule("korea", countries=frozenset({"KOR"})),
    Rule("un", countries=frozenset({"IGO:UN"})),
    Rule("none", countries=frozenset()),
    Rule("dyads", dyads=frozenset({"KOR-VNM", "CHN-USA"})),
    Rule("kinds", kinds=frozenset({"VISIT", "ACCUSE"})),
    Rule("cooperation", plover_types=frozenset({"COOPERATE", "CONSULT"})),
    Rule("tiers", changes=frozenset({"tier_changed", "new_dyad"})),
    Rule("energy", sectors=frozenset({"energy"})),
    Rule("sure", min_confidence=0.6),
    Rule(
        "desk",
        countries=frozenset({"VNM", "TUR"}),
        kinds=frozenset({"SIGN_AGREEMENT"}),
        changes=frozenset({"new_event", "status_changed"}),
        sectors=frozenset({"defense", "education"}),
        min_confidence=0.5,
    ),
]


@pytest.fixture(scope="module")
def explorer() -> Explorer:
    db = Database(":memory:")
    ensure_watch_tables(db)
    insert_rows(db, CHANGES, changes())
    return Explorer(db)


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_the_sql_form_of_a_rule_keeps_what_the_rule_matches(explorer: Explorer, rule: Rule) -> None:
    by_id = sorted((c for c in changes() if rule.matches(c)), key=lambda c: c.change_id)
    expected = sorted(by_id, key=lambda c: c.detected_at, reverse=True)  # newest first
    got: list[str] = []
    for n in itertools.count(1):
        page = explorer.changes(rule, page=n, page_size=40)
        got += [row["change_id"] for row in page["rows"]]
        if not page["rows"]:
            break
        assert page["total"] == len(expected)
    assert got == [c.change_id for c in expected]
    assert bool(expected) == (rule.name != "none")
    where, params = rule.where()
    kept = explorer.db.con.execute(f"SELECT change_id FROM {CHANGES.name} WHERE {where}", params)
    assert sorted(row[0] for row in kept.fetchall()) == [c.change_id for c in by_id]
