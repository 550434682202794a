"""One bad input is that input's failure alone: one error naming it, a row in `failures`, and
every other input stored, wherever the bad one sorts and whatever broke (communique.ingest)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from communique.pipeline import IngestReport, Pipeline, ingest
from communique.settings import Settings
from communique.store.database import Database

pytestmark = pytest.mark.slow  # loads the spaCy pipeline once for the module

SAMPLE = Path(__file__).parents[1] / "sample" / "articles"
GOOD = sorted(SAMPLE.glob("0[1-5]_*.txt"))
SETTINGS = Settings().with_(batch_size=4)
ARTICLE = (
    "The foreign ministers of Chile and Ghana met in Accra on Monday and agreed to open "
    "embassies in each other's capitals next year, their offices said. The two ministers "
    "also discussed trade in cocoa and copper."
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(SETTINGS, today=date(2026, 1, 1))


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    with Database(tmp_path / "news.duckdb") as handle:
        yield handle


def jsonl(*records: str) -> str:
    return "".join(record + "\n" for record in records)


def good_line(n: int) -> str:
    return json.dumps({"text": f"{ARTICLE} Report {n}."})


# name -> (content, how many of its articles are good, the error it must give)
HOSTILE: dict[str, tuple[str, int, str]] = {
    "surrogate.jsonl": (
        jsonl('{"text": "half a pair \\ud800 ' + ARTICLE + '"}', good_line(1)),
        2,
        "",
    ),
    "long_number.jsonl": (
        jsonl('{"text": "x", "n": ' + "9" * 5000 + "}", good_line(2)),
        1,
        "long_number.jsonl:1: not usable JSON",
    ),
    "deep.jsonl": (
        jsonl('{"text": "y", "n": ' + "[" * 100_000 + "]" * 100_000 + "}", good_line(3)),
        1,
        "deep.jsonl:1: not usable JSON (nested too deep)",
    ),
    "zero_date.rss": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>'
        "<title>Accra</title><pubDate>0000-00-00T00:00:00Z</pubDate><description>"
        f"&lt;p&gt;{ARTICLE}&lt;/p&gt;&lt;p&gt;{ARTICLE} From the feed.&lt;/p&gt;"
        "</description></item></channel></rss>",
        1,
        "",
    ),
}  # fmt: skip


def stored_sources(db: Database) -> list[str]:
    return sorted(a.source_file for a in db.articles())


def run(inputs: list[str], db: Database, pipeline: Pipeline) -> IngestReport:
    return ingest(inputs, db, SETTINGS, pipeline=pipeline)


@pytest.mark.parametrize("first", [True, False], ids=["bad-sorts-first", "bad-sorts-last"])
def test_hostile_files_in_a_folder_fail_alone(
    tmp_path: Path, db: Database, pipeline: Pipeline, first: bool
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in GOOD:
        (folder / f"m_{path.name}").write_bytes(path.read_bytes())
    for name, (content, _, _) in HOSTILE.items():
        (folder / (("a_" if first else "z_") + name)).write_text(content, encoding="utf-8")
    report = run([str(folder)], db, pipeline)
    expected_good = len(GOOD) + sum(good for _, good, _ in HOSTILE.values())
    assert report.stored + report.skipped == expected_good
    assert len(db.articles()) + report.skipped == expected_good
    named = [error for _, _, error in HOSTILE.values() if error]
    assert [any(error in line for line in report.errors) for error in named] == [True, True]
    assert report.failed == len(db.failures()) == len(named), report.errors


def test_an_address_that_is_not_a_url_fails_alone(
    tmp_path: Path, db: Database, pipeline: Pipeline
) -> None:
    report = run(["https://[::1", str(GOOD[0])], db, pipeline)
    assert report.stored == 1
    assert report.errors == ["https://[::1: cannot read (ValueError: Invalid IPv6 URL)"]
    assert db.failures() == [("https://[::1", "cannot read (ValueError: Invalid IPv6 URL)")]


def test_a_file_name_that_is_not_utf8_is_stored_under_a_printable_name(
    tmp_path: Path, db: Database, pipeline: Pipeline
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(ARTICLE, encoding="utf-8")
    (folder / "ok.txt").write_bytes(GOOD[0].read_bytes())
    report = run([str(folder)], db, pipeline)
    assert (report.stored, report.failed) == (2, 0), report.errors
    assert stored_sources(db) == [f"{folder}/caf\\xe9.txt", f"{folder}/ok.txt"]


@pytest.fixture()
def deep(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """The top and bottom of `deep/d/d/.../d`, 1,100 levels, made and removed one level at a
    time (os.makedirs and shutil.rmtree, which pytest cleans up with, recurse too deep)."""
    levels = [tmp_path / "deep"]
    for _ in range(1_100):
        levels.append(levels[-1] / "d")
    for level in levels:
        level.mkdir()
    yield levels[0], levels[-1]
    for level in reversed(levels):
        for file in level.glob("*.txt"):
            file.unlink()
        level.rmdir()


def test_a_folder_nested_deeper_than_python_recurses_is_walked(
    deep: tuple[Path, Path], db: Database, pipeline: Pipeline
) -> None:
    top, bottom = deep
    (bottom / "bottom.txt").write_text(ARTICLE, encoding="utf-8")
    (top / "top.txt").write_bytes(GOOD[0].read_bytes())
    report = run([str(top)], db, pipeline)
    assert (report.stored, report.failed) == (2, 0), report.errors


def test_an_article_the_database_cannot_hold_fails_alone(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    """A 45 MB file, under the 50 MB cap, outgrows DuckDB's 128 MB limit: it fails, and the
    rest of its batch is stored."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in GOOD:
        (folder / path.name).write_bytes(path.read_bytes())
    huge = ARTICLE + "\n\n" + " " * 45_000_000 + "\n\n" + ARTICLE
    (folder / "03_huge.txt").write_text(huge, encoding="utf-8")
    settings = Settings()
    with Database(tmp_path / "news.duckdb", memory_limit=settings.duckdb_memory_limit) as db:
        report = ingest([str(folder)], db, settings, pipeline=pipeline)
        assert report.stored == len(db.articles()) == len(GOOD)
        assert [source for source, _ in db.failures()] == [f"{folder}/03_huge.txt"]
    assert report.errors[0].startswith(f"{folder}/03_huge.txt: cannot be stored (Out of Memory")


def test_a_link_out_of_the_folder_is_not_followed(
    tmp_path: Path, db: Database, pipeline: Pipeline
) -> None:
    """A corpus from someone else may link to secrets; only what lies inside it is read."""
    secret = tmp_path / "id_ed25519.txt"
    secret.write_text(ARTICLE + " PRIVATE KEY", encoding="utf-8")
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(GOOD[0].read_bytes())
    (folder / "sub" / "key.txt").symlink_to(secret)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "loop").symlink_to(folder)
    report = run([str(folder)], db, pipeline)
    assert sorted(report.errors) == [
        f"{folder}/passwd.txt: a link to a file outside the folder; not followed",
        f"{folder}/sub/key.txt: a link to a file outside the folder; not followed",
    ]
    assert (report.stored, report.skipped) == (1, 1)
    assert all("PRIVATE" not in article.clean_text for article in db.articles())
    assert run([str(secret)], db, pipeline).stored == 1  # named by the user: read
