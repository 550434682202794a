"""The `relations`, `events` and `export` commands, through typer's CliRunner."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from relations_factory import defence_mou_reports, vnm_kor_history
from typer.testing import CliRunner

from communique.cli import app
from communique.relations import update_canonical
from communique.store.database import Database

runner = CliRunner()
WIDE = {"COLUMNS": "240"}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "relations.duckdb")
    with Database(path) as db:
        batches = list(zip(*defence_mou_reports(), strict=True)) + [vnm_kor_history()]
        for articles, events in batches:
            db.write_batch(articles, events)
            update_canonical(db, [e.event_id for e in events])
    return path


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), env=WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_relations_of_a_country_ranks_its_partners(db_path: str) -> None:
    table = run("relations", "KOR", "--db", db_path)
    assert "partners of KOR" in table
    lines = [line for line in table.splitlines() if "VNM" in line or "TUR" in line]
    assert "comprehensive_strategic_partnership" in lines[0]
    assert "2025-09-01" in lines[0]
    assert "TUR" in lines[1]
    output = run("relations", "kor", "--db", db_path, "--format", "jsonl")
    rows = [json.loads(line) for line in output.splitlines()]
    assert [(r["partner"], r["events"], r["tier"]) for r in rows] == [
        ("VNM", 7, "comprehensive_strategic_partnership"),
        ("TUR", 1, None),
    ]


def test_relations_of_a_dyad_is_its_timeline_with_evidence(db_path: str) -> None:
    table = run("relations", "KOR", "VNM", "--db", db_path)
    assert "KOR-VNM: comprehensive_strategic_partnership since 2022-12-05" in table
    assert "evidence of h-csp2" in table
    frame = pd.read_csv(
        io.StringIO(run("relations", "VNM", "KOR", "--db", db_path, "--format", "csv"))
    )
    assert frame["kind"].tolist() == [
        "ESTABLISH_RELATIONS",
        "UPGRADE_RELATIONS",
        "VISIT",
        "UPGRADE_RELATIONS",
        "SIGN_AGREEMENT",
        "ACCUSE",
        "UPGRADE_RELATIONS",
    ]
    assert frame["n_mentions"].tolist() == [1, 1, 1, 2, 1, 1, 1]


def test_events_filters_canonical_events(db_path: str) -> None:
    args = ["--country", "TUR", "--kind", "SIGN_AGREEMENT", "--since", "2025-01"]
    output = run(
        "events", *args, "--sector", "defense_industry", "--db", db_path, "--format", "jsonl"
    )
    (signing,) = [json.loads(line) for line in output.splitlines()]
    assert (signing["date"], signing["source"], signing["target"]) == ("2025-07-14", "TUR", "VNM")
    assert (signing["status"], signing["n_mentions"], signing["n_sources"]) == ("occurred", 4, 3)
    table = run("events", *args, "--db", db_path)
    assert table.count("SIGN_AGREEMENT") == 3
    assert "Agreement on maritime cooperation" in table


def test_events_rejects_a_date_that_is_not_iso(db_path: str) -> None:
    result = runner.invoke(app, ["events", "--since", "July", "--db", db_path], env=WIDE)
    assert result.exit_code == 2
    assert "'July' is not an ISO 8601 date" in result.output


def test_export_canonical_and_the_dyad_network(db_path: str, tmp_path: Path) -> None:
    lines = run("export", "--what", "canonical", "--db", db_path).splitlines()
    assert len(lines) == 11
    assert ["e-copy", "e-vns", "e-hur", "e-sabah"] in [json.loads(x)["mention_ids"] for x in lines]
    out = tmp_path / "dyads.gexf"
    run("export", "--what", "dyads", "--format", "gexf", "--db", db_path, "--out", str(out))
    assert nx.read_gexf(out).edges["KOR", "VNM"]["label"] == "comprehensive_strategic_partnership"


# ---- names, kinds, --out and --limit -----------------------------------------------------------


def test_countries_may_be_named(db_path: str) -> None:
    by_name = run("relations", "South Korea", "Vietnam", "--db", db_path, "--format", "jsonl")
    assert by_name == run("relations", "KOR", "VNM", "--db", db_path, "--format", "jsonl")
    rows = run("events", "--country", "Turkey", "--db", db_path, "--format", "jsonl")
    assert {json.loads(line)["source"] for line in rows.splitlines()} == {"TUR", "KOR"}


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["relations", "Narnia"], "unknown country or organisation 'Narnia'"),
        (["relations", "KOR", "XXX"], "unknown country or organisation 'XXX'"),
        (["events", "--country", "Atlantis"], "unknown country or organisation 'Atlantis'"),
        (["events", "--kind", "PROTESTS"], "unknown kind 'PROTESTS'"),
    ],
)
def test_an_unknown_country_or_kind_is_an_error_naming_it(
    db_path: str, args: list[str], named: str
) -> None:
    result = runner.invoke(app, [*args, "--db", db_path])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {named}")


def test_events_and_relations_take_out_and_limit(db_path: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = runner.invoke(
        app, ["events", "--db", db_path, "--limit", "3", "--out", str(out)], env=WIDE
    )
    assert result.exit_code == 0, result.output
    assert len(pd.read_csv(out)) == 3
    again = runner.invoke(app, ["events", "--db", db_path, "--out", str(out)])
    assert again.exit_code == 2 and "add --force" in again.stderr
    timeline = tmp_path / "timeline.jsonl"
    run("relations", "KOR", "VNM", "--db", db_path, "--limit", "2", "--out", str(timeline))
    assert len(timeline.read_text(encoding="utf-8").splitlines()) == 2


def test_kinds_lists_each_kind_with_its_codes_and_an_example() -> None:
    rows = {r["kind"]: r for r in map(json.loads, run("kinds", "--format", "jsonl").splitlines())}
    assert len(rows) == 28
    accuse = rows["ACCUSE"]
    assert (accuse["plover_type"], accuse["cameo"]) == ("ACCUSE", "11")
    assert "summoned" in accuse["example"] and "PROTEST is a demonstration" in accuse["note"]
    assert all(row["example"] for row in rows.values())
    assert "summons" in run("kinds", "--help")
