"""Tests for plain-text article metadata (communique.intake.text.extract_text)."""

from __future__ import annotations

from communique.intake.text import TextExtract, extract_text


def test_leading_date_marker_title_and_dateline_outlet() -> None:
    raw = (
        " date 2025-03-04\n"
        "Latvia and Chile Open Embassies\n"
        "RIGA, March 4 (Baltic Ledger) - Latvia and Chile agreed to open embassies.\n"
        "The ministers met in Riga."
    )
    assert extract_text(raw) == TextExtract(
        text=(
            "RIGA, March 4 (Baltic Ledger) - Latvia and Chile agreed to open embassies.\n"
            "The ministers met in Riga."
        ),
        title="Latvia and Chile Open Embassies",
        outlet="Baltic Ledger",
        published="2025-03-04",
    )


def test_date_marker_on_the_same_line_as_the_text() -> None:
    raw = " date 2026-01-23 Estonia and Peru signed a trade accord on Friday in Lima."
    result = extract_text(raw)
    assert result.published == "2026-01-23"
    assert result.text == "Estonia and Peru signed a trade accord on Friday in Lima."
    assert result.title is None


def test_a_date_marker_of_a_month_keeps_its_precision() -> None:
    result = extract_text(" date 2023-05\nTourists from Chile\n\nMore came in May than ever.")
    assert result.published == "2023-05"
    assert result.title == "Tourists from Chile"


def test_a_first_line_that_is_only_a_date_is_the_publication_date() -> None:
    raw = "Wednesday, August 13, 2025\nDefence Ministers Meet\nThe ministers met in Seoul."
    result = extract_text(raw)
    assert result.published == "2025-08-13"
    assert result.title == "Defence Ministers Meet"
    assert result.text == "The ministers met in Seoul."


def test_agency_in_parentheses_names_the_outlet() -> None:
    raw = "Fishermen Freed\nCOLOMBO, Feb 13 (Reuters) - Sri Lanka freed 12 Indian fishermen."
    result = extract_text(raw)
    assert result.outlet == "Reuters"
    assert result.title == "Fishermen Freed"


def test_dateline_with_a_dash_and_a_team_name() -> None:
    raw = "Seoul – 12 August 2025 (MT Team) : Korea and Mongolia held talks on mining."
    assert extract_text(raw).outlet == "MT Team"


def test_published_line_in_the_body() -> None:
    raw = "Border Talks Stall\nPublished 12 March 2025\nThe two sides met on Monday in Bangkok."
    result = extract_text(raw)
    assert result.published == "2025-03-12"
    assert result.title == "Border Talks Stall"


def test_no_date_at_all_gives_none() -> None:
    raw = "The ministers met on Monday. Nothing else is known about when they met."
    result = extract_text(raw)
    assert result.published is None
    assert result.outlet is None


def test_a_sentence_is_not_a_title() -> None:
    raw = "Hungary and Kenya signed a water accord.\nThe deal covers irrigation."
    result = extract_text(raw)
    assert result.title is None
    assert result.text == raw


def test_a_single_line_is_not_a_title() -> None:
    assert extract_text("Talks resume in Nairobi").title is None


def test_a_date_marker_under_the_title_is_metadata() -> None:
    extracted = extract_text("Ghana and Togo sign a border pact\n date 2025-06-02\nACCRA - Text.\n")
    assert extracted.title == "Ghana and Togo sign a border pact"
    assert extracted.published == "2025-06-02"
    assert extracted.text.startswith("ACCRA - Text.")
