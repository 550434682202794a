"""Every export format, read back by the library its users read it with."""

from __future__ import annotations

import csv
import importlib
import json
from importlib.metadata import version
from pathlib import Path

import duckdb
import networkx as nx
import pandas as pd
import polars as pl
import pyarrow.csv as pacsv
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
from relations_factory import HANOI, article, defence_mou_reports, event, vnm_kor_history

from communique.errors import CommuniqueError
from communique.export.formats import WHATS, export
from communique.export.gdelt import GDELT_COLUMNS
from communique.export.output import ExportTargetError
from communique.relations import update_canonical
from communique.schema import Evidence
from communique.store.database import Database

COUNTS = {"events": 15, "articles": 9, "canonical": 11, "dyads": 3}


@pytest.fixture(scope="module")
def db() -> Database:
    """Read by every test, written by none."""
    handle = Database(":memory:")
    batches = list(zip(*defence_mou_reports(), strict=True)) + [vnm_kor_history()]
    for articles, events in batches:
        handle.write_batch(articles, events)
        update_canonical(handle, [e.event_id for e in events])
    return handle


def written(db: Database, tmp_path: Path, what: str, fmt: str, name: str) -> Path:
    out = tmp_path / name
    export(db, what, fmt, str(out))
    return out


def signing_row(frame: pd.DataFrame) -> pd.Series:
    """The defence MoU signing of 14 July 2025, reported four times."""
    return frame[frame["n_mentions"] == 4].iloc[0]


@pytest.mark.parametrize("what", WHATS)
def test_csv_of_every_what_reads_back_in_pandas(db: Database, tmp_path: Path, what: str) -> None:
    frame = pd.read_csv(written(db, tmp_path, what, "csv", f"{what}.csv"))
    assert len(frame) == COUNTS[what]
    key = {"events": "event_id", "articles": "article_id", "canonical": "canonical_id"}
    assert frame[key.get(what, "dyad")].is_unique


@pytest.mark.parametrize("what", WHATS)
def test_parquet_of_every_what_reads_back_in_pyarrow(
    db: Database, tmp_path: Path, what: str
) -> None:
    table = pq.read_table(written(db, tmp_path, what, "parquet", f"{what}.parquet"))
    assert table.num_rows == COUNTS[what]


def test_canonical_csv_and_parquet_keep_the_mentions(db: Database, tmp_path: Path) -> None:
    frame = pd.read_csv(written(db, tmp_path, "canonical", "csv", "canonical.csv"))
    signing = signing_row(frame)
    assert json.loads(signing["mention_ids"]) == ["e-copy", "e-vns", "e-hur", "e-sabah"]
    assert [m["outlet"] for m in json.loads(signing["mentions"])] == [
        "VietnamPlus",
        "VNS",
        "Hurriyet",
        "Daily Sabah",
    ]
    table = pq.read_table(written(db, tmp_path, "canonical", "parquet", "canonical.parquet"))
    parquet = signing_row(table.to_pandas())
    assert list(parquet["mention_ids"]) == ["e-copy", "e-vns", "e-hur", "e-sabah"]
    assert list(parquet["sectors"]) == ["defense", "defense_industry"]


def test_canonical_jsonl_lists_its_mention_ids(db: Database, tmp_path: Path) -> None:
    path = written(db, tmp_path, "canonical", "jsonl", "canonical.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    signing = next(r for r in rows if r["n_mentions"] == 4)
    assert signing["mention_ids"] == ["e-copy", "e-vns", "e-hur", "e-sabah"]
    assert signing["mentions"][2]["evidence"] == {
        "text": "evidence of e-hur",
        "start": 10,
        "end": 40,
    }
    assert (signing["date"], signing["status"], signing["first_reported"]) == (
        "2025-07-14",
        "occurred",
        "2025-07-10",
    )


def test_dyads_jsonl_carries_the_tier_timeline(db: Database, tmp_path: Path) -> None:
    path = written(db, tmp_path, "dyads", "jsonl", "dyads.jsonl")
    rows = {r["dyad"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    assert [s["tier"] for s in rows["KOR-VNM"]["tier_timeline"]] == [
        "diplomatic_relations",
        "strategic_partnership",
        "comprehensive_strategic_partnership",
    ]
    assert rows["TUR-VNM"]["by_kind"] == {"SIGN_AGREEMENT": 3}


def test_plover_records_use_plover_field_names(db: Database, tmp_path: Path) -> None:
    path = written(db, tmp_path, "canonical", "plover", "canonical.plover.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    signing = next(r for r in rows if r["date"] == "2025-07-14" and "defense" in r["context"])
    assert signing["event"] == ["SUPPORT"]
    assert signing["event_type"] == "SUPPORT"
    assert (signing["date"], signing["enddate"]) == ("2025-07-14", "2025-07-14")
    assert signing["source"] == [{"code": "TUR", "sector": None}]
    assert signing["recipient"] == [{"code": "VNM", "sector": None}]
    assert (signing["actor"], signing["actor_country"], signing["recipient_country"]) == (
        "TUR",
        "TUR",
        "VNM",
    )
    assert (signing["quad_code"], signing["event_scale"]) == (1, 8.0)
    assert signing["event_loc"] == {
        "name": HANOI.name,
        "latitude": HANOI.lat,
        "longitude": HANOI.lon,
        "country_code": "VN",
        "country code": "VN",
        "cc3": "VNM",
    }
    assert signing["event_text"] == ["evidence of e-copy"]
    assert signing["cite_info"]["url"] == "https://news.example/a-copy"
    visit = next(
        r for r in map(json.loads, written(db, tmp_path, "events", "plover", "e.jsonl").open())
        if r["kind"] == "VISIT"
    )  # fmt: skip
    assert (visit["id"], visit["mode"]) == ("h-visit", "visit")


def test_plover_records_carry_every_field_the_plover_manual_names_that_we_can_fill(
    db: Database, tmp_path: Path
) -> None:
    """PLOVER manual 0.7b1, "JSON Data Fields": the record, citeInfo and location objects."""
    path = written(db, tmp_path, "events", "plover", "e.plover.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    first = rows[0]
    assert first["has_event"] is True
    assert first["coded_date"] == "2025-12-01"
    assert first["coded_time"] == "10:00:00+00:00"
    assert f"{first['coded_date']}T{first['coded_time']}" == "2025-12-01T10:00:00+00:00"
    cite = first["cite_info"]
    assert (cite["language"], cite["codebook"]) == ("en", "plover-0.7b1")
    assert cite["version"] == version("communique")
    located = next(r for r in rows if r["event_loc"])
    assert located["event_loc"]["country code"] == located["event_loc"]["country_code"] == "VN"
    assert all(isinstance(r["quad_code"], int) and 1 <= r["quad_code"] <= 4 for r in rows)
    assert all(isinstance(r["event_scale"], float) for r in rows)
    assert all(isinstance(r[k], list) for r in rows for k in ("source", "event", "event_text"))


def read_gdelt(path: Path) -> pd.DataFrame:
    """As GDELT files are read: no header, GDELT's 61 names, codes kept as text."""
    return pd.read_csv(path, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str)


def test_gdelt_table_has_gdelts_exact_layout(db: Database, tmp_path: Path) -> None:
    path = written(db, tmp_path, "canonical", "gdelt", "canonical.tsv")
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[26:29] == ("EventCode", "EventBaseCode", "EventRootCode")
    assert {line.count("\t") for line in path.read_text(encoding="utf-8").splitlines()} == {60}
    frame = read_gdelt(path)
    assert len(frame) == COUNTS["canonical"]  # no header row read as data
    signing = frame[frame["NumMentions"] == "4"].iloc[0]
    assert (signing["SQLDATE"], signing["MonthYear"], signing["Year"]) == (
        "20250714",
        "202507",
        "2025",
    )
    assert (signing["Actor1CountryCode"], signing["Actor2CountryCode"]) == ("TUR", "VNM")
    assert (signing["Actor1Name"], signing["Actor2Name"]) == ("TÜRKIYE", "VIETNAM")
    assert (signing["EventCode"], signing["EventBaseCode"], signing["EventRootCode"]) == (
        "057",
        "057",
        "05",
    )
    assert (signing["QuadClass"], signing["GoldsteinScale"]) == ("1", "8.0")
    assert (signing["NumSources"], signing["NumArticles"]) == ("3", "4")
    assert (signing["ActionGeo_Type"], signing["ActionGeo_FullName"]) == ("4", "Hanoi")
    assert (signing["ActionGeo_CountryCode"], signing["ActionGeo_Lat"]) == ("VM", "21.03")
    assert pd.isna(signing["AvgTone"]) and pd.isna(signing["Actor1Geo_CountryCode"])
    assert signing["DATEADDED"] == "20251201100000"
    assert signing["SOURCEURL"] == "https://news.example/a-copy"
    assert frame["GLOBALEVENTID"].is_unique
    accuse = frame[frame["EventCode"] == "110"].iloc[0]
    assert (accuse["QuadClass"], accuse["GoldsteinScale"]) == ("3", "-2.0")


def test_gdelt_events_filter_as_gdelt_users_filter(db: Database, tmp_path: Path) -> None:
    frame = read_gdelt(written(db, tmp_path, "events", "gdelt", "events.tsv"))
    assert len(frame) == COUNTS["events"]
    assert set(frame["NumMentions"]) == {"1"}
    consult = frame[frame["EventRootCode"] == "04"]  # GDELT's "consult" root code
    visit = consult[consult["Actor2Code"] == "KOR"].iloc[0]
    assert (visit["Actor1Code"], visit["EventCode"], visit["SQLDATE"]) == (
        "VNM",
        "042",
        "20221204",
    )
    duck = duckdb.sql(
        f"SELECT count(*) FROM read_csv('{tmp_path}/events.tsv', delim='\t', header=false, "
        f"columns={dict.fromkeys(GDELT_COLUMNS, 'VARCHAR')}) WHERE EventRootCode = '04'"
    ).fetchall()
    assert duck == [(len(consult),)]


def test_dyad_network_reads_back_in_networkx(db: Database, tmp_path: Path) -> None:
    graphml = nx.read_graphml(written(db, tmp_path, "dyads", "graphml", "dyads.graphml"))
    gexf = nx.read_gexf(written(db, tmp_path, "dyads", "gexf", "dyads.gexf"))
    for graph in (graphml, gexf):
        assert sorted(graph.nodes) == ["KOR", "TUR", "VNM"]
        assert graph.number_of_edges() == 3
        assert graph.edges["KOR", "VNM"]["weight"] == 7
        assert graph.edges["KOR", "VNM"]["label"] == "comprehensive_strategic_partnership"
        assert graph.edges["VNM", "TUR"]["weight"] == 3
    assert graphml.edges["KOR", "VNM"]["tier_since"] == "2022-12-05"
    assert gexf.edges["KOR", "VNM"]["cooperative"] == 6


def test_parquet_partitioned_by_year_reads_in_pandas_pyarrow_polars_and_duckdb(
    db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "canonical"
    assert export(db, "canonical", "parquet", str(folder), partition_by="year") == 11
    assert export(db, "canonical", "parquet", str(folder), partition_by="year") == 11
    assert {p.name for p in folder.iterdir()} == {
        "year=1992",
        "year=2009",
        "year=2022",
        "year=2025",
        "year=undated",
    }
    per_year = {"2025": 6, "2022": 2, "1992": 1, "2009": 1, "undated": 1}
    frame = pd.read_parquet(folder)
    assert frame["year"].astype(str).value_counts().to_dict() == per_year
    assert pads.dataset(folder, format="parquet", partitioning="hive").count_rows() == 11
    assert dict(pl.read_parquet(folder)["year"].value_counts().iter_rows()) == per_year
    duck = duckdb.sql(
        f"SELECT year, count(*) FROM read_parquet('{folder}/**/*.parquet', hive_partitioning=1)"
        " GROUP BY year"
    ).fetchall()
    assert dict(duck) == per_year


@pytest.mark.parametrize(
    ("what", "fmt", "partition_by", "message"),
    [
        ("events", "graphml", None, "use --what dyads"),
        ("articles", "gdelt", None, "use --what events or --what canonical"),
        ("events", "csv", "year", "needs --format parquet"),
        ("dyads", "parquet", "year", "no such field"),
        ("people", "jsonl", None, "--what must be one of"),
        ("events", "xml", None, "--format must be one of"),
    ],
)
def test_impossible_exports_say_what_to_do(
    db: Database, tmp_path: Path, what: str, fmt: str, partition_by: str | None, message: str
) -> None:
    with pytest.raises(CommuniqueError, match=message):
        export(db, what, fmt, str(tmp_path / "out"), partition_by=partition_by)


# ---- where an export may land ------------------------------------------------------------------


@pytest.fixture
def file_db(tmp_path: Path) -> Path:
    """A database on disk, closed, holding the three dyads' reports."""
    path = tmp_path / "news.duckdb"
    with Database(path) as handle:
        articles, events = vnm_kor_history()
        handle.write_batch(articles, events)
    return path


def stored_events(path: Path) -> int:
    with Database(path, read_only=True) as handle:
        return len(handle.events())


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt"])
def test_an_export_onto_its_own_database_is_refused(file_db: Path, fmt: str) -> None:
    before = stored_events(file_db)
    link = file_db.with_name("link.duckdb")
    link.symlink_to(file_db)
    with Database(file_db, read_only=True) as handle:
        for out in (file_db, link, Path(f"{file_db}.wal")):
            with pytest.raises(ExportTargetError, match="is the database"):
                export(handle, "events", fmt, str(out), force=True)
    assert stored_events(file_db) == before


def test_an_existing_file_is_replaced_only_with_force(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text("the user's notes\n", encoding="utf-8")
    with pytest.raises(ExportTargetError, match="exists; add --force"):
        export(db, "events", "jsonl", str(out))
    assert out.read_text(encoding="utf-8") == "the user's notes\n"
    assert export(db, "events", "jsonl", str(out), force=True) == COUNTS["events"]
    assert len(out.read_text(encoding="utf-8").splitlines()) == COUNTS["events"]


def test_a_link_is_replaced_not_written_through(db: Database, tmp_path: Path) -> None:
    private = tmp_path / "private.txt"
    private.write_text("secret\n", encoding="utf-8")
    link = tmp_path / "events.csv"
    link.symlink_to(private)
    export(db, "events", "csv", str(link), force=True)
    assert private.read_text(encoding="utf-8") == "secret\n"
    assert not link.is_symlink()
    assert len(pd.read_csv(link)) == COUNTS["events"]


def test_a_failed_export_leaves_the_previous_file_and_no_debris(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "events.jsonl"
    export(db, "events", "jsonl", str(out))
    before = out.read_bytes()

    def broken(*args: object) -> list[dict[str, object]]:
        raise OSError("disk full")

    monkeypatch.setattr(
        importlib.import_module("communique.export.formats"), "write_records", broken
    )
    with pytest.raises(OSError, match="disk full"):
        export(db, "events", "jsonl", str(out), force=True)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


def test_an_export_into_a_missing_folder_names_it(db: Database, tmp_path: Path) -> None:
    with pytest.raises(ExportTargetError, match="does not exist"):
        export(db, "events", "csv", str(tmp_path / "nowhere" / "events.csv"))


def test_a_partitioned_export_never_touches_a_folder_of_the_users(
    db: Database, tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    (folder / "year=2025").mkdir(parents=True)
    (folder / "year=2025" / "notes.parquet").write_bytes(b"the user's own")
    (folder / "thesis.txt").write_text("years of work", encoding="utf-8")
    with pytest.raises(ExportTargetError, match="not a communique export"):
        export(db, "events", "parquet", str(folder), partition_by="year")
    assert (folder / "thesis.txt").read_text(encoding="utf-8") == "years of work"
    assert (folder / "year=2025" / "notes.parquet").read_bytes() == b"the user's own"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


def test_csv_cells_a_spreadsheet_would_run_are_made_text(tmp_path: Path) -> None:
    """OWASP's CSV injection: a hostile title or outlet must not become a live formula."""
    hostile = article("a-formula", "@SUM(1+1)*cmd|' /C calc'!A0", "2025-07-14", url="=1+2")
    hostile.title = '=HYPERLINK("http://evil.example", "click")'
    report = event("e-formula", "a-formula", "ACCUSE", "VNM", "TUR", "2025-07-14")
    report.evidence = Evidence("-2+3 Vietnam accused Turkey.", 0, 28)
    handle = Database(":memory:")
    handle.write_batch([hostile], [report])
    rows = {}
    for what in ("articles", "events"):
        out = tmp_path / f"{what}.csv"
        export(handle, what, "csv", str(out))
        with out.open(encoding="utf-8", newline="") as lines:
            rows[what] = next(csv.DictReader(lines))
    assert rows["articles"]["title"] == '\'=HYPERLINK("http://evil.example", "click")'
    assert rows["articles"]["outlet"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert json.loads(rows["events"]["evidence"])["text"] == "-2+3 Vietnam accused Turkey."
    assert rows["events"]["confidence"] == "0.8"
    gdelt = tmp_path / "events.tsv"
    export(handle, "events", "gdelt", str(gdelt))
    assert "'=1+2" in gdelt.read_text(encoding="utf-8").rstrip("\n").split("\t")


# ---- read with each tool's defaults ------------------------------------------------------------


@pytest.fixture(scope="module")
def long_db() -> Database:
    """120 reports, the last alone with a place and an instrument, and articles whose text has
    paragraphs: what readers that guess a schema from the first rows or split at line breaks
    trip on."""
    handle = Database(":memory:")
    articles = [article(f"long-{n:03d}", "VNA", "2025-07-01") for n in range(120)]
    articles[-1].author = "Nguyen Van A"
    for page in articles:
        page.clean_text = "First paragraph.\n\nSecond, after a blank line.\r\nThird."
    events = [
        event(f"e-{n}", f"long-{n:03d}", "MEET", "KOR", "VNM", "2025-06-30") for n in range(119)
    ]
    events.append(
        event("e-last", "long-119", "SIGN_AGREEMENT", "KOR", "VNM", "2025-06-30", location=HANOI)
    )
    handle.write_batch(articles, events)
    return handle


@pytest.mark.parametrize("what", ["events", "articles"])
def test_jsonl_reads_in_polars_pandas_and_duckdb_with_their_defaults(
    long_db: Database, tmp_path: Path, what: str
) -> None:
    path = written(long_db, tmp_path, what, "jsonl", f"{what}.jsonl")
    frame = pl.read_ndjson(path)
    assert frame.height == 120
    assert len(pd.read_json(path, lines=True)) == 120
    assert duckdb.sql(f"SELECT count(*) FROM read_json('{path}')").fetchall() == [(120,)]
    if what == "events":
        [place] = frame["location"].drop_nulls().to_list()
        assert (place["name"], place["lat"]) == ("Hanoi", 21.03)
    else:
        assert frame["author"].drop_nulls().to_list() == ["Nguyen Van A"]


def test_csv_reads_in_pyarrow_polars_pandas_and_duckdb_with_their_defaults(
    long_db: Database, tmp_path: Path
) -> None:
    path = written(long_db, tmp_path, "articles", "csv", "articles.csv")
    text = "First paragraph.\u2028\u2028Second, after a blank line.\u2028Third."
    readers = {
        "pyarrow": lambda: pacsv.read_csv(path).to_pandas(),
        "polars": lambda: pl.read_csv(path).to_pandas(),
        "pandas": lambda: pd.read_csv(path),
        "duckdb": lambda: duckdb.sql(f"SELECT * FROM '{path}'").df(),
    }
    for name, read in readers.items():
        frame = read()
        assert len(frame) == 120, name
        assert set(frame["clean_text"]) == {text}, name
