"""The office-holder files of the Middle East, Europe's neutrals, Africa, Latin America and the
Pacific (SYR, IRN, ISR, EGY, ... MDA): real lookups through the shipped table."""

from __future__ import annotations

from datetime import date

import pytest

from communique.coding.knowledge import Knowledge
from communique.coding.offices import OfficeHolders
from communique.intake import RawDocument
from communique.pipeline import Pipeline
from communique.schema import Article
from communique.settings import DATA_DIR

NEW_FILES = (
    "SYR", "IRN", "ISR", "EGY", "ARE", "QAT", "IRQ", "UKR", "PAK", "AFG", "JOR", "LBN",
    "YEM", "KWT", "OMN", "BHR", "LBY", "NZL", "NGA", "KEN", "ETH", "CHL", "PER", "COL",
    "VEN", "BOL", "ECU", "CUB", "IRL", "AUT", "CHE", "BLR", "GEO", "ARM", "AZE", "MNG",
    "NPL", "LKA", "FJI", "PNG", "TON", "DZA", "MAR", "TUN", "SDN", "SRB", "BIH", "MDA",
)  # fmt: skip


@pytest.fixture(scope="module")
def offices() -> OfficeHolders:
    return Knowledge.load().offices


def who(holders: list) -> set[tuple[str, str, str]]:
    return {(h.country, h.office, h.name) for h in holders}


def test_every_new_file_is_there_and_read(offices: OfficeHolders) -> None:
    countries = {h.country for h in offices.holders}
    for code in NEW_FILES:
        assert (DATA_DIR / "office_holders" / f"{code}.csv").exists(), code
        assert code in countries, code


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Bashar al-Assad", ("SYR", "head_of_state", "Bashar al-Assad")),
        ("Bashar Assad", ("SYR", "head_of_state", "Bashar al-Assad")),
        ("Abdel Fattah al-Sisi", ("EGY", "head_of_state", "Abdel Fattah el-Sisi")),
        ("Volodymyr Zelenskyy", ("UKR", "head_of_state", "Volodymyr Zelensky")),
        ("Ali Khamenei", ("IRN", "head_of_state", "Ali Khamenei")),
        ("Tamim bin Hamad Al Thani", ("QAT", "head_of_state", "Tamim bin Hamad Al Thani")),
        ("Kais Saïed", ("TUN", "head_of_state", "Kais Saied")),
        ("Alyaksandr Lukashenka", ("BLR", "head_of_state", "Alexander Lukashenko")),
        ("Sebastian Pinera", ("CHL", "head_of_state", "Sebastián Piñera")),
    ],
)
def test_full_names_and_aliases_place_the_holder(
    offices: OfficeHolders, name: str, expected: tuple[str, str, str]
) -> None:
    assert who(offices.lookup(name)) == {expected}


def test_assad_was_syria_head_of_state_in_2018_and_not_in_2025(offices: OfficeHolders) -> None:
    [assad] = offices.lookup("Bashar al-Assad", "President")
    assert assad.title == "President"
    assert assad.term.contains(date(2018, 6, 1))
    assert assad.term.end == date(2024, 12, 8)
    [sharaa] = offices.lookup("Ahmed al-Sharaa", "President")
    assert sharaa.country == "SYR" and sharaa.term.start == date(2025, 1, 29)
    assert not sharaa.term.contains(date(2018, 6, 1))


def test_surname_with_a_title(offices: OfficeHolders) -> None:
    assert who(offices.lookup("Assad", "President")) == {
        ("SYR", "head_of_state", "Bashar al-Assad")
    }
    assert who(offices.lookup("Araghchi", "Foreign Minister")) == {
        ("IRN", "foreign_minister", "Abbas Araghchi")
    }
    assert who(offices.lookup("Gallant", "Defense Minister")) == {
        ("ISR", "defence_minister", "Yoav Gallant")
    }
    # Tebboune was prime minister in 2017 before he was president: the title picks the office.
    assert who(offices.lookup("Tebboune", "President")) == {
        ("DZA", "head_of_state", "Abdelmadjid Tebboune")
    }


def test_titles_these_files_give(offices: OfficeHolders) -> None:
    # Iran's Supreme Leader is its head of state; its President heads the government.
    assert who(offices.lookup("Khamenei", "Supreme Leader")) == {
        ("IRN", "head_of_state", "Ali Khamenei")
    }
    assert who(offices.lookup("Rouhani", "President")) == {
        ("IRN", "head_of_government", "Hassan Rouhani")
    }
    assert who(offices.lookup("Varadkar", "Taoiseach")) == {
        ("IRL", "head_of_government", "Leo Varadkar")
    }
    assert offices.offices_named("Emir") == ("head_of_state",)


def test_one_person_in_two_offices(offices: OfficeHolders) -> None:
    name = "Mohammed bin Abdulrahman Al Thani"
    assert who(offices.lookup(name)) == {
        ("QAT", "head_of_government", name),
        ("QAT", "foreign_minister", name),
    }
    assert who(offices.lookup(name, "Prime Minister")) == {("QAT", "head_of_government", name)}


def test_a_death_in_office_ends_the_term(offices: OfficeHolders) -> None:
    [raisi] = offices.lookup("Ebrahim Raisi")
    assert raisi.term.end == date(2024, 5, 19)
    [pezeshkian] = offices.lookup("Masoud Pezeshkian")
    assert pezeshkian.term.start == date(2024, 7, 28) and pezeshkian.term.end == date.max


def test_leaders_named_by_surname_alone(offices: OfficeHolders) -> None:
    leaders = offices.leader_surnames()
    assert (leaders["Netanyahu"].country, leaders["Netanyahu"].office) == (
        "ISR",
        "head_of_government",
    )
    assert leaders["Zelensky"].country == "UKR"
    assert leaders["Khamenei"].country == "IRN"
    # Surnames that are everyday words or common given names name nobody alone.
    for word in ("English", "Hassan", "Ahmed", "Khan", "Jonathan", "Saleh", "Said", "Yadav"):
        assert word not in leaders, word


def code(pipeline: Pipeline, published: str, body: str) -> Article:
    text = f" date {published}\nTalks on the border\n{body}\n"
    doc = RawDocument(source_file="talks.txt", content=text.encode(), media_type="text/plain")
    article, _ = pipeline.process(doc)
    return article


@pytest.mark.slow
@pytest.mark.parametrize(
    ("published", "body"),
    [
        ("2018-06-01", "Syrian President Bashar al-Assad met Russian officials on Friday."),
        ("2023-03-02", "Iranian Foreign Minister Hossein Amir-Abdollahian met Qatari officials."),
        ("2019-04-10", "Irish Taoiseach Leo Varadkar met French officials in Paris on Wednesday."),
    ],
)
def test_titles_that_fit_raise_no_conflict(pipeline: Pipeline, published: str, body: str) -> None:
    assert "office_holder_conflict" not in code(pipeline, published, body).quality.flags


@pytest.mark.slow
def test_a_title_held_no_longer_is_flagged(pipeline: Pipeline) -> None:
    body = "Syrian President Bashar al-Assad met Russian officials on Monday."
    quality = code(pipeline, "2025-06-02", body).quality
    assert quality.reasons.get("office_holder_conflict") == (
        "President Bashar al-Assad did not hold that office on 2025-06-02"
    )
