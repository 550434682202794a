"""CSV files of articles, and inputs that are not articles at all (communique.intake)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import communique
from communique.errors import InputError
from communique.intake import RawDocument, extract, read_inputs
from communique.intake.shape import refuse_non_article
from communique.pipeline import Pipeline
from communique.settings import Settings

# Invented articles, not real news.
ROWS = [
    {
        "id": "7",
        "headline": "Peru and Norway open talks on fisheries",
        "date": "2024-06-03",
        "body": "LIMA - Peru and Norway opened talks on a fisheries agreement on Monday, "
        "the Peruvian foreign ministry said.\n\nThe two delegations will meet again in Oslo.",
        "link": "https://example.org/peru-norway",
    },
    {
        "id": "8",
        "headline": "Kenya sends engineers to Malawi",
        "date": "2024-06-04",
        "body": "NAIROBI - Kenya sent a team of army engineers to Malawi on Tuesday to help "
        'rebuild bridges washed away by floods, a spokesman said, adding: "more will follow".',
        "link": "",
    },
]
PROSE = (
    "The foreign ministers of Chile and Ghana met in Accra on Monday and agreed to open "
    "embassies in each other's capitals next year, their offices said. "
)


def write_csv(path: Path, rows: list[dict[str, str]], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def read(path: Path) -> list[RawDocument | InputError]:
    return list(read_inputs([str(path)], Settings()))


@pytest.mark.parametrize(("name", "delimiter"), [("news.csv", ","), ("news.tsv", "\t")])
def test_each_row_is_an_article_with_its_metadata(
    tmp_path: Path, name: str, delimiter: str
) -> None:
    path = write_csv(tmp_path / name, ROWS, delimiter)
    first, second = read(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.source_file == f"{path}#row=1"
    assert second.source_file == f"{path}#row=2"
    assert first.content.decode().startswith("LIMA - Peru and Norway")
    assert "\n\nThe two delegations" in first.content.decode()  # a quoted field keeps its lines
    assert first.hints["title"] == "Peru and Norway open talks on fisheries"
    assert first.hints["published"] == "2024-06-03"
    assert first.url == "https://example.org/peru-norway"
    assert second.url is None


def test_a_row_without_text_fails_alone(tmp_path: Path) -> None:
    rows = [ROWS[0], {**ROWS[1], "body": "  "}, ROWS[0] | {"id": "9"}]
    items = read(write_csv(tmp_path / "news.csv", rows))
    assert [type(item) for item in items] == [RawDocument, InputError, RawDocument]
    assert str(items[1]) == f"{tmp_path / 'news.csv'}#row=2: the row's text column is empty"


def test_a_csv_without_a_text_column_is_refused_whole(tmp_path: Path) -> None:
    rows = [{"country": "Peru", "year": "2024", "exports": "51.2"}] * 4
    path = write_csv(tmp_path / "trade.csv", rows)
    (item,) = read(path)
    assert isinstance(item, InputError)
    assert str(item) == (
        f"{path}: a CSV file without a text, body or content column "
        "(columns: country, year, exports)"
    )


def test_a_field_over_the_input_cap_ends_the_file_with_one_error(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(f'body,title\n"{PROSE}",ok\n"{"x" * 5_000}",too big\n', encoding="utf-8")
    limit = csv.field_size_limit()
    items = list(read_inputs([str(path)], Settings().with_(max_input_bytes=2_000)))
    assert [type(item) for item in items] == [RawDocument, InputError]
    assert str(items[1]).startswith(f"{path}#row=2: not readable as CSV (field larger than")
    assert csv.field_size_limit() == limit  # as it was, for every other reader of CSV


def sgml_dump() -> str:
    records = (
        f'<STORY ID="{n}">\n<WHEN>0{n % 9 + 1}-MAR-1990</WHEN>\n<HEAD>Item {n}</HEAD>\n'
        f"<TEXT>{PROSE}</TEXT>\n</STORY>\n"
        for n in range(40)
    )
    return '<!DOCTYPE archive SYSTEM "archive.dtd">\n' + "".join(records)


def server_log(size: int) -> str:
    lines, total, n = [], 0, 0
    while total < size:
        n += 1
        stamp = f"2026-03-{n % 28 + 1:02d} 0{n % 10}:{n % 60:02d}:17.{n % 1000:03d}"
        line = f"{stamp} WARN pool-{n % 5} retry {n} after {n % 90} ms\n"
        lines.append(line)
        total += len(line)
    return "".join(lines)


LOG = server_log(5_000_000)
LOG_LINES = LOG.count("\n")


def data_table() -> str:
    rows = [f"{year}\t{year * 3 % 101}\t{year % 17}.5\tnorth" for year in range(1990, 2024)]
    return "year\tunits\tshare\tregion\n" + "\n".join(rows)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (sgml_dump(), "markup that is not HTML (320 tags such as <story>, <when>, <head>)"),
        (LOG, f"a log ({LOG_LINES:,} of {LOG_LINES:,} lines open with the same stamp)"),
        (data_table(), "a table (35 of 35 lines are 4 cells split by tab)"),
        (PROSE * 900, "23,400 words, more than one article holds (20,000 at most)"),
    ],
)
def test_what_is_not_an_article_is_refused_with_its_shape(text: str, reason: str) -> None:
    with pytest.raises(InputError) as raised:
        refuse_non_article(text, "in.txt", max_words=20_000)
    assert str(raised.value) == f"in.txt: not an article: {reason}"


@pytest.mark.parametrize(
    "text",
    [
        PROSE * 30,
        # A list of results and a short table inside prose stay an article.
        PROSE + "\n" + "\n".join(f"{n}. Team {n}, {n * 3} points, {n} wins" for n in range(1, 8)),
        "\n".join([PROSE] * 6 + ["Year | Visits | Deals", "2022 | 4 | 1", "2023 | 6 | 3"]),
        # A live blog's entries open with their time.
        "\n".join(f"{9 + n // 60}:{n % 60:02d} GMT {PROSE}" for n in range(0, 600, 40)),
        # A few stray tags in a pasted text are no markup dump.
        PROSE * 5 + "<b>Read more</b> <i>below</i>",
    ],
)
def test_prose_passes(text: str) -> None:
    refuse_non_article(text, "in.txt", max_words=20_000)


@pytest.mark.slow
def test_ingest_stores_csv_rows_and_nothing_of_non_articles(
    tmp_path: Path, pipeline: Pipeline, settings: Settings
) -> None:
    news = write_csv(tmp_path / "news.csv", ROWS)
    table = write_csv(tmp_path / "table.csv", [{"a": "1", "b": "2"}] * 3)
    (tmp_path / "dump.sgm").write_text(sgml_dump(), encoding="utf-8")
    (tmp_path / "app.log").write_text(LOG, encoding="utf-8")
    inputs = [str(news), str(table), str(tmp_path / "dump.sgm"), str(tmp_path / "app.log")]
    with communique.open_db(tmp_path / "db.duckdb", settings) as db:
        report = communique.ingest(inputs, db=db, settings=settings, pipeline=pipeline)
        stored = sorted(a.source_file for a in db.articles())
        raw = db.con.execute("SELECT count(*) FROM raw_inputs").fetchone()
    assert stored == [f"{news}#row=1", f"{news}#row=2"]
    assert raw == (2,)
    assert report.failed == 3
    assert [error.split(": ")[0] for error in report.errors] == inputs[1:]
    assert all("\n" not in error for error in report.errors)


def test_a_page_saved_without_its_html_wrapper_is_read_as_html(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{PROSE} Paragraph {n}.</p>\n" for n in range(25))
    path = tmp_path / "saved.txt"
    path.write_text(f"<div class='story'>\n{paragraphs}</div>\n", encoding="utf-8")
    (doc,) = read(path)
    assert isinstance(doc, RawDocument) and doc.media_type == "text/html"
    text = extract(doc).text
    refuse_non_article(text, str(path), max_words=20_000)
    assert "<p>" not in text and "Paragraph 24." in text
