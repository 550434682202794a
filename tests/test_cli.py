"""Tests for the command line (communique.cli), run in-process with typer's CliRunner."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from communique.cli import app
from communique.eval import METRIC_NAMES

runner = CliRunner()

pytestmark = pytest.mark.slow  # every ingest loads the spaCy model


@dataclass
class CliRun:
    db: Path
    folder: Path
    missing: Path
    empty: Path
    result: Any  # click.testing.Result


def invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, tiny_folder: Path) -> CliRun:
    """`communique ingest` of the tiny folder, a missing path and an empty file, run once."""
    base = tmp_path_factory.mktemp("cli")
    empty = base / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = base / "missing.txt"
    db = base / "cli.duckdb"
    result = invoke("ingest", str(tiny_folder), str(missing), str(empty), "--db", str(db))
    return CliRun(db, tiny_folder, missing, empty, result)


def export(db: Path, out: Path, what: str, fmt: str = "jsonl") -> Any:
    return invoke("export", "--what", what, "--format", fmt, "--db", str(db), "--out", str(out))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---- ingest ------------------------------------------------------------------------------------


def test_ingest_with_some_inputs_failed_exits_1(ingested: CliRun) -> None:
    assert ingested.result.exit_code == 1, ingested.result.output


def test_ingest_that_stores_nothing_exits_2(tmp_path: Path) -> None:
    result = invoke("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "n.duckdb"))
    assert result.exit_code == 2
    assert "1 inputs: 0 stored, 0 already known, 1 failed" in result.stderr


def test_ingest_prints_one_error_line_per_bad_input(ingested: CliRun) -> None:
    errors = [line for line in ingested.result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2, ingested.result.stderr
    assert sum(str(ingested.missing) in line for line in errors) == 1, errors
    assert sum(str(ingested.empty) in line for line in errors) == 1, errors


def test_a_long_error_line_is_not_wrapped(tmp_path: Path) -> None:
    """Logs are grepped by input name: an error line must not be folded at 80 columns."""
    missing = tmp_path / ("a-saved-article-with-a-rather-long-file-name-" * 2 + "missing.txt")
    result = invoke("ingest", str(missing), "--db", str(tmp_path / "long.duckdb"))
    assert f"error: {missing}: no such file, folder or URL" in result.stderr.splitlines()


def test_ingest_prints_its_counts(ingested: CliRun) -> None:
    assert "4 inputs: 2 stored, 0 already known, 2 failed" in ingested.result.stderr


def test_ingest_stores_the_good_inputs(ingested: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "articles.jsonl"
    assert export(ingested.db, out, "articles").exit_code == 0
    names = sorted(Path(a["source_file"]).name for a in read_jsonl(out))
    assert names == ["finland_chile.txt", "norway_portugal.html"]


def test_ingest_twice_adds_nothing(ingested: CliRun, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copy(ingested.db, db)
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    export(db, before, "events")
    result = invoke("ingest", str(ingested.folder), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "2 inputs: 0 stored, 2 already known, 0 failed; 0 events coded" in result.stderr
    export(db, after, "events")
    assert read_jsonl(after) == read_jsonl(before)


# ---- export ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(ingested: CliRun, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("export")
    files = {"events": base / "events.jsonl", "articles": base / "articles.jsonl"}
    for what, path in files.items():
        result = export(ingested.db, path, what)
        assert result.exit_code == 0, result.output
    return {what: read_jsonl(path) for what, path in files.items()}


def test_export_events_have_every_field_of_the_contract(
    exported: dict[str, Any], export_shapes: dict[str, dict[str, Any]]
) -> None:
    events = exported["events"]
    assert events
    for event in events:
        assert set(export_shapes["events"]) <= set(event), event["event_id"]
        assert set(event["evidence"]) == {"text", "start", "end"}
        assert isinstance(event["directed"], bool)
        assert isinstance(event["sectors"], list)
        assert 0.0 <= event["confidence"] <= 1.0
        assert event["event_id"].startswith("e-") and event["article_id"].startswith("a-")
        for person in event["people"]:
            assert set(person) >= {"name", "country", "role"}
        if event["location"] is not None:
            assert set(event["location"]) >= {"name", "country", "lat", "lon"}


def test_export_evidence_points_into_the_clean_text(exported: dict[str, Any]) -> None:
    texts = {a["article_id"]: a["clean_text"] for a in exported["articles"]}
    for event in exported["events"]:
        evidence = event["evidence"]
        assert texts[event["article_id"]][evidence["start"] : evidence["end"]] == evidence["text"]


def test_export_events_name_the_input_path(ingested: CliRun, exported: dict[str, Any]) -> None:
    given = {str(ingested.folder / name) for name in ("finland_chile.txt", "norway_portugal.html")}
    assert {e["source_file"] for e in exported["events"]} <= given
    assert {a["source_file"] for a in exported["articles"]} == given


def test_export_dates_and_direction_follow_the_contract(exported: dict[str, Any]) -> None:
    for event in exported["events"]:
        if event["date"] is None:
            assert event["date_start"] is None and event["date_end"] is None
        else:
            assert event["date_start"] <= event["date_end"]
        if not event["directed"]:
            assert event["source"] <= event["target"]


def test_export_articles_have_every_field_of_the_contract(
    exported: dict[str, Any], export_shapes: dict[str, dict[str, Any]]
) -> None:
    articles = exported["articles"]
    assert len(articles) == 2
    for article in articles:
        assert set(export_shapes["articles"]) <= set(article), article["source_file"]
        assert set(article["quality"]) >= {"score", "flags"}
        assert isinstance(article["countries"], list)
    published = {Path(a["source_file"]).name: a["published"] for a in articles}
    assert published == {"finland_chile.txt": "2025-03-04", "norway_portugal.html": "2025-05-20"}


def test_export_csv_reads_back_with_pandas(
    ingested: CliRun, exported: dict[str, Any], tmp_path: Path
) -> None:
    for what in ("events", "articles"):
        out = tmp_path / f"{what}.csv"
        assert export(ingested.db, out, what, "csv").exit_code == 0
        frame = pd.read_csv(out)
        assert len(frame) == len(exported[what])
        key = "event_id" if what == "events" else "article_id"
        assert list(frame[key]) == [record[key] for record in exported[what]]
    events = pd.read_csv(tmp_path / "events.csv")
    assert [json.loads(e) for e in events["evidence"]] == [
        e["evidence"] for e in exported["events"]
    ]


def test_export_to_standard_output(ingested: CliRun, exported: dict[str, Any]) -> None:
    result = invoke("export", "--what", "events", "--db", str(ingested.db))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == exported["events"]


def test_export_refuses_an_unknown_record_type(ingested: CliRun) -> None:
    result = invoke("export", "--what", "people", "--db", str(ingested.db))
    assert result.exit_code != 0
    assert "people" in result.output


# ---- stats and eval ----------------------------------------------------------------------------


def test_stats_prints_counts_and_failures(ingested: CliRun, exported: dict[str, Any]) -> None:
    result = invoke("stats", "--db", str(ingested.db))
    assert result.exit_code == 0, result.output
    count = len(exported["events"])
    assert f"2 articles, {count} events, 2 failed inputs" in result.stdout
    failed = [line for line in result.stdout.splitlines() if line.startswith("failed:")]
    assert len(failed) == 2, result.stdout
    assert any(str(ingested.missing) in line for line in failed)
    assert any(str(ingested.empty) in line for line in failed)
    assert "SIGN_AGREEMENT" in result.stdout


def test_eval_prints_the_twelve_metrics(ingested: CliRun, tiny_gold: Path) -> None:
    result = invoke("eval", str(tiny_gold), "--db", str(ingested.db))
    assert result.exit_code == 0, result.output
    printed = [line.split(":")[0] for line in result.stdout.splitlines()]
    assert [name for name in printed if name in METRIC_NAMES] == list(METRIC_NAMES)
    assert "published_acc: 1.000" in result.stdout


def test_eval_as_json(ingested: CliRun, tiny_gold: Path) -> None:
    result = invoke("eval", str(tiny_gold), "--db", str(ingested.db), "--json")
    assert result.exit_code == 0, result.output
    assert list(json.loads(result.stdout)["metrics"]) == list(METRIC_NAMES)


def test_eval_of_a_malformed_gold_file_fails_cleanly(ingested: CliRun, tmp_path: Path) -> None:
    gold = tmp_path / "bad.jsonl"
    gold.write_text("{oops\n", encoding="utf-8")
    result = invoke("eval", str(gold), "--db", str(ingested.db))
    assert result.exit_code == 2
    assert "bad.jsonl:1" in result.stderr


# ---- help --------------------------------------------------------------------------------------


def command_names() -> list[str]:
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", command_names())
def test_every_command_has_an_example_in_its_help(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.stdout, f"`communique {command} --help` shows no example"


def test_version_and_short_help() -> None:
    assert invoke("--version").stdout.startswith("communique 0.")
    assert "Usage:" in invoke("-h").stdout
    assert "Usage:" in invoke("ingest", "-h").stdout


# ---- failures are one line, never a traceback ----------------------------------------------


def one_error_line(result: Any) -> str:
    """The only line of standard error, which must be an error line and no traceback."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ")
    return str(line)


def test_stats_on_a_missing_database_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "news.duckdb"
    line = one_error_line(invoke("stats", "--db", str(missing)))
    assert line == f"error: {missing}: no such database (communique ingest makes one)"
    assert not missing.exists()


def test_stats_on_a_database_killed_while_being_made_is_one_line(tmp_path: Path) -> None:
    half = tmp_path / "half.duckdb"
    with duckdb.connect(str(half)) as con:  # what a kill -9 after the first table leaves
        con.execute("CREATE TABLE articles (article_id VARCHAR PRIMARY KEY)")
    line = one_error_line(invoke("stats", "--db", str(half)))
    assert "one whose making was cut short (missing: events, failures, people)" in line


def test_export_into_a_missing_folder_is_one_line(ingested: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "events.jsonl"
    line = one_error_line(export(ingested.db, out, "events"))
    assert line == f"error: {out}: the folder {out.parent} does not exist"


def test_export_onto_the_database_is_refused(ingested: CliRun, tmp_path: Path) -> None:
    db = tmp_path / "copy.duckdb"
    shutil.copy(ingested.db, db)
    before = db.read_bytes()
    for fmt in ("jsonl", "parquet"):
        result = invoke("export", "--format", fmt, "--db", str(db), "--out", str(db), "--force")
        assert "is the database" in one_error_line(result)
    assert db.read_bytes() == before


def test_export_over_a_file_needs_force(ingested: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    assert "add --force" in one_error_line(export(ingested.db, out, "events"))
    assert out.read_text(encoding="utf-8") == "keep me\n"
    result = invoke("export", "--db", str(ingested.db), "--out", str(out), "--force")
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") != "keep me\n"


def test_an_unreadable_gold_file_is_one_line(ingested: CliRun, tmp_path: Path) -> None:
    line = one_error_line(invoke("eval", str(tmp_path), "--db", str(ingested.db)))
    assert line == f"error: {tmp_path}: Is a directory"


def test_an_error_line_shows_escapes_instead_of_obeying_them(tmp_path: Path) -> None:
    hostile = tmp_path / "\x1b[2J\x1b[31mred\nerror: forged.txt"
    hostile.write_text("", encoding="utf-8")
    result = invoke("ingest", str(hostile), "--db", str(tmp_path / "e.duckdb"))
    [line] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert line == f"error: {tmp_path}/\\x1b[2J\\x1b[31mred\\nerror: forged.txt: the input is empty"


def test_an_unexpected_failure_is_one_line_and_debug_shows_the_traceback(
    ingested: CliRun,
) -> None:
    """Run as the installed command runs, through `main` in its own process, with a bug put in."""
    bug = "import communique.api as api; api.summary = lambda db: 1 / 0; "
    bug += "from communique.cli import main; main()"
    command = [sys.executable, "-c", bug, "stats", "--db", str(ingested.db)]
    quiet = subprocess.run(command, capture_output=True, text=True, check=False)
    assert quiet.returncode == 2
    assert quiet.stderr == (
        "error: unexpected ZeroDivisionError: division by zero (--debug shows where)\n"
    )
    loud = subprocess.run(
        [*command[:3], "--debug", *command[3:]], capture_output=True, text=True, check=False
    )
    assert "Traceback" in loud.stderr and "ZeroDivisionError" in loud.stderr


def test_help_loads_none_of_the_heavy_libraries() -> None:
    """`communique --help` must answer at once: spaCy, pandas and DuckDB took two seconds."""
    check = (
        "import sys; from communique.cli import app; "
        "print(sorted({'spacy', 'pandas', 'duckdb', 'trafilatura'} & set(sys.modules)))"
    )
    loaded = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert loaded.stdout == "[]\n", loaded.stderr


def test_explain_shows_each_partys_path_and_why_triggers_were_rejected(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(
        " date 2025-03-14\n\nChile held talks with Peru on Monday. "
        "If Chile attacked Bolivia, the region would suffer.\n",
        encoding="utf-8",
    )
    plain = invoke("explain", str(article))
    assert plain.exit_code == 0
    assert "- MEET CHL->PER 2025-03-10" in plain.stdout
    assert "source CHL: trigger<-nsubj:Chile>Chile" in plain.stdout
    assert "target PER: trigger<-dobj:talks<-with:Peru>Peru" in plain.stdout
    assert "rejected triggers" not in plain.stdout
    rejected = invoke("explain", str(article), "--rejected")
    assert "rejected triggers:" in rejected.stdout
    assert "ASSAULT frame:attack-verb('attacked'): inside a condition" in rejected.stdout
