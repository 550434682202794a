"""Tests for the office-holder table (communique.coding.offices), through the shipped knowledge."""

from __future__ import annotations

from datetime import date

import pytest

from communique.coding.dates import DateValue
from communique.coding.knowledge import Knowledge
from communique.coding.offices import OfficeHolders, bound_by_terms, offices_for_title


@pytest.fixture(scope="module")
def offices() -> OfficeHolders:
    return Knowledge.load().offices


def who(holders: list) -> set[tuple[str, str, str]]:
    return {(h.country, h.office, h.name) for h in holders}


@pytest.mark.parametrize("name", ["Phạm Minh Chính", "Pham Minh Chinh", "pham minh chinh"])
def test_full_name_with_or_without_diacritics(offices: OfficeHolders, name: str) -> None:
    assert who(offices.lookup(name)) == {("VNM", "head_of_government", "Phạm Minh Chính")}


@pytest.mark.parametrize("name", ["Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"])
def test_full_name_resolves_to_country_and_office(offices: OfficeHolders, name: str) -> None:
    found = {(h.country, h.office, h.title, h.term.start) for h in offices.lookup(name)}
    assert found == {("TUR", "head_of_state", "President", date(2014, 8, 28))}


def test_a_name_listed_with_its_ascii_alias_is_returned_once(offices: OfficeHolders) -> None:
    # "Phan Văn Giang" and its alias "Phan Van Giang" fold to the same key.
    assert len(offices.lookup("Phan Van Giang")) == 1


def test_one_person_in_two_offices(offices: OfficeHolders) -> None:
    assert who(offices.lookup("Takeshi Iwaya")) == {
        ("JPN", "foreign_minister", "Takeshi Iwaya"),
        ("JPN", "defence_minister", "Takeshi Iwaya"),
    }
    assert who(offices.lookup("Takeshi Iwaya", "Foreign Minister")) == {
        ("JPN", "foreign_minister", "Takeshi Iwaya")
    }


def test_surname_with_a_title(offices: OfficeHolders) -> None:
    assert who(offices.lookup("Erdogan", "President")) == {
        ("TUR", "head_of_state", "Recep Tayyip Erdoğan")
    }
    assert who(offices.lookup("Iwaya", "Defense Minister")) == {
        ("JPN", "defence_minister", "Takeshi Iwaya")
    }


def test_surname_alone_or_with_an_unfitting_title_finds_nobody(offices: OfficeHolders) -> None:
    assert offices.lookup("Erdogan") == []
    assert offices.lookup("Erdogan", "Prime Minister") == []


def test_unknown_name_finds_nobody(offices: OfficeHolders) -> None:
    assert offices.lookup("Jane Nobody", "President") == []


def test_names_are_folded_for_matching(offices: OfficeHolders) -> None:
    names = offices.names()
    assert "pham minh chinh" in names
    assert names == sorted(names)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("President", ("head_of_state", "head_of_government")),
        ("Prime Minister", ("head_of_government",)),
        ("Japanese Foreign Minister", ("foreign_minister",)),
        ("Minister of National Defence", ("defence_minister",)),
        ("Secretary of State", ("foreign_minister",)),
        ("ambassador", ()),
        (None, ()),
    ],
)
def test_offices_for_title(title: str | None, expected: tuple[str, ...]) -> None:
    assert offices_for_title(title) == expected


def test_bound_by_terms_is_the_overlap_of_real_terms(offices: OfficeHolders) -> None:
    [ishiba] = offices.lookup("Shigeru Ishiba", "Prime Minister")
    [iwaya] = offices.lookup("Takeshi Iwaya", "Foreign Minister")
    bound = bound_by_terms([ishiba.term, iwaya.term])
    assert bound is not None
    assert bound.iso == "2024-10-01/2025-10-21"


def test_bound_by_terms_intersects_hand_made_terms() -> None:
    terms = [
        DateValue.between(date(2020, 1, 1), date(2025, 6, 30)),
        DateValue.between(date(2024, 3, 1), date(2026, 1, 1)),
        DateValue.year(2025),
    ]
    assert bound_by_terms(terms) == DateValue.between(date(2025, 1, 1), date(2025, 6, 30))


def test_bound_by_terms_of_one_term_is_that_term() -> None:
    term = DateValue.month(2025, 7)
    assert bound_by_terms([term]) == term


def test_bound_by_terms_empty_and_disjoint() -> None:
    assert bound_by_terms([]) is None
    assert bound_by_terms([DateValue.year(2019), DateValue.year(2024)]) is None


def test_disjoint_real_terms_never_overlap(offices: OfficeHolders) -> None:
    [ishiba] = offices.lookup("Shigeru Ishiba", "Prime Minister")
    [iwaya_defence] = offices.lookup("Takeshi Iwaya", "Defense Minister")
    assert bound_by_terms([ishiba.term, iwaya_defence.term]) is None
