"""Publication dates the text states or fixes: labelled lines, footers, dated leads, and
yearless datelines resolved by deduction (communique.coding.dates and its `deduced` module).
The articles are invented; the office holders are the shipped table's."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import communique
from communique import Settings
from communique.coding.dates import find_publication_date
from communique.coding.dates.deduced import PublicationDates
from communique.coding.knowledge import Knowledge
from communique.intake import RawDocument
from communique.pipeline import Pipeline
from communique.serve import create_app


@pytest.fixture(scope="module")
def dates() -> PublicationDates:
    return PublicationDates(Knowledge.load())


def deduced(text: str, dates: PublicationDates) -> str | None:
    found = dates.deduce(text)
    return found.value.iso if found else None


LEAD = (
    "TOKYO, June 12 (Harbour Wire) - Japan and Norway agreed {when}to start talks on offshore wind"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 12 June fell on a Wednesday in 2024, inside Kamikawa's term as foreign minister.
        (
            LEAD.format(when="on Wednesday ") + ", Foreign Minister Yoko Kamikawa said.",
            "2024-06-12",
        ),
        # The day before the report's day: 12 June 2024 was a Wednesday.
        (LEAD.format(when="on Tuesday ") + ", Foreign Minister Yoko Kamikawa said.", "2024-06-12"),
        # A day still to come says nothing of the report's day.
        (
            LEAD.format(when="on Wednesday ")
            + ", Foreign Minister Yoko Kamikawa said. Talks will open in Oslo on Friday.",
            "2024-06-12",
        ),
        # Days of other weeks say nothing of the report's day.
        (
            LEAD.format(when="on Wednesday ")
            + ", Foreign Minister Yoko Kamikawa said. Last Friday talks had stalled.",
            "2024-06-12",
        ),
        # A day named further down, earlier in the week: the lead's day still decides.
        (
            LEAD.format(when="on Wednesday ")
            + ", Foreign Minister Yoko Kamikawa said. Officials first met on Monday.",
            "2024-06-12",
        ),
        # A weekday written with its date: Sunday 9 June, among Kishida's years as foreign
        # minister, is 2013's alone.
        (
            LEAD.format(when="")
            + " after a meeting on Sunday (June 9), Foreign Minister Fumio Kishida said.",
            "2013-06-12",
        ),
        # A year the text looks back to: Abe's years as prime minister from 2019 on, 12 June
        # on a Wednesday or a Thursday (the day after a Wednesday): 2019 alone.
        (
            LEAD.format(when="on Wednesday ")
            + ", Prime Minister Shinzo Abe said. The two signed a grid accord in 2019.",
            "2019-06-12",
        ),
        # A year still to come bounds nothing.
        (
            LEAD.format(when="on Wednesday ")
            + ", Prime Minister Shinzo Abe said. Turbines will be installed in 2030.",
            "2013-06-12/2019-06-12",
        ),
        # Several years fit: an interval covering them, never a pick.
        (LEAD.format(when="") + ", Prime Minister Shinzo Abe said.", "2013-06-12/2020-06-12"),
    ],
)
def test_a_yearless_dateline_takes_the_years_the_text_allows(
    dates: PublicationDates, text: str, expected: str
) -> None:
    assert deduced(text, dates) == expected


@pytest.mark.parametrize(
    "text",
    [
        # No office holder named with a title: nothing bounds the years.
        LEAD.format(when="on Wednesday ") + ", officials said.",
        # A past title bounds nothing.
        LEAD.format(when="on Wednesday ") + ", former Foreign Minister Yoko Kamikawa said.",
        # Weekdays no year of her term allows (12 June on a Friday or Saturday).
        LEAD.format(when="on Friday ") + ", Foreign Minister Yoko Kamikawa said.",
        # A dateline with its year is not deduced (and a text without one neither).
        "TOKYO, June 12, 2024 (Harbour Wire) - Foreign Minister Yoko Kamikawa spoke.",
        "Foreign Minister Yoko Kamikawa spoke on Wednesday.",
    ],
)
def test_nothing_is_deduced_where_the_text_does_not_fix_the_year(
    dates: PublicationDates, text: str
) -> None:
    assert dates.deduce(text) is None


@pytest.mark.parametrize(
    "dateline",
    [
        "TOKYO, June 12 (Harbour Wire) -",
        "TOKYO, 12 June (Harbour Wire) --",
        "Tokyo, Japan, June 12 (Harbour Wire) —",
        "TOKYO, Wednesday, June 12 (Harbour Wire) -",
        "June 12 (Harbour Wire) -",
        "TOKYO, June 12:",
    ],
)
def test_datelines_of_every_usual_shape(dates: PublicationDates, dateline: str) -> None:
    text = f"{dateline} Japan agreed on Wednesday, Foreign Minister Yoko Kamikawa said."
    assert deduced(text, dates) == "2024-06-12"


def test_the_deduction_is_given_with_its_grounds(dates: PublicationDates) -> None:
    text = LEAD.format(when="on Wednesday ") + ", Foreign Minister Yoko Kamikawa said."
    found = dates.deduce(text)
    assert found is not None
    assert found.reason == (
        "the dateline gives June 12 without a year; with the terms of Foreign Minister Yoko "
        "Kamikawa (as the office-holder table lists them) and the weekdays named (Wednesday), "
        "only 2024 fits"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ghana and Chile open embassies\nPublished 14:05 BST, 3 May 2024\nACCRA - Text.",
            "2024-05-03",
        ),
        # A footer line, when the head gives nothing.
        (
            "ACCRA - Ghana and Chile opened embassies.\n"
            + "More text. " * 60
            + "\nPublished: 3 May 2024 14:05 BST",
            "2024-05-03",
        ),
        # The lead's weekday and date agree: the day it reports.
        ("Ghana and Chile on Friday, May 3, 2024, opened embassies in each capital.", "2024-05-03"),
        ("ACCRA, Friday 3 May 2024 - Ghana and Chile opened embassies.", "2024-05-03"),
    ],
)
def test_publication_date_lines(text: str, expected: str) -> None:
    found = find_publication_date(text)
    assert found is not None and found.iso == expected


@pytest.mark.parametrize(
    "text",
    [
        # A weekday that does not match its date is no date line (3 May 2024 was a Friday).
        "Ghana and Chile on Monday, May 3, 2024, opened embassies.",
        # An updated-on footer is not a publication date.
        "ACCRA - Ghana and Chile opened embassies.\n" + "More text. " * 60 + "\nUpdated 4 May 2024",
    ],
)
def test_what_is_no_publication_date(text: str) -> None:
    assert find_publication_date(text) is None


@pytest.mark.slow
def test_the_pipeline_codes_against_the_deduced_date(pipeline: Pipeline) -> None:
    text = (
        "Japan and Norway to talk wind\n"
        + LEAD.format(when="on Wednesday ")
        + ", Foreign Minister Yoko Kamikawa said. Japanese Prime Minister Fumio Kishida met "
        "Norwegian officials in Tokyo on Tuesday.\n"
    )
    doc = RawDocument(source_file="wind.txt", content=text.encode(), media_type="text/plain")
    article, _ = pipeline.process(doc)
    assert article.published == "2024-06-12"
    assert article.quality.flags == []
    assert article.quality.reasons["published"].endswith("only 2024 fits")


@pytest.mark.slow
def test_the_article_page_gives_the_grounds_of_a_deduced_date(
    tmp_path: Path, settings: Settings, pipeline: Pipeline
) -> None:
    text = "Japan and Norway to talk wind\n" + LEAD.format(when="on Wednesday ")
    text += ", Foreign Minister Yoko Kamikawa said.\n"
    (tmp_path / "wind.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "news.duckdb"
    with communique.open_db(path, settings) as db:
        communique.ingest([str(tmp_path / "wind.txt")], db=db, settings=settings, pipeline=pipeline)
        [article] = db.articles()
    with TestClient(create_app(path)) as client:
        page = html.unescape(client.get(f"/article/{article.article_id}").text)
    assert "deduced: the dateline gives June 12 without a year" in page
