"""Tests for the office-holder table (communique.coding.offices), through the shipped knowledge."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from communique.coding.dates import DateValue, parse_iso
from communique.coding.knowledge import Knowledge
from communique.coding.offices import OfficeHolders, bound_by_terms, offices_for_title
from communique.intake import RawDocument
from communique.pipeline import Pipeline
from communique.schema import Article
from communique.settings import DATA_DIR

OFFICE_HOLDERS = DATA_DIR / "office_holders"


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
    found = {(h.country, h.office, h.title) for h in offices.lookup(name)}
    assert found == {("TUR", "head_of_state", "President")}


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


def test_titles_the_table_itself_gives(offices: OfficeHolders) -> None:
    assert offices.offices_named("Chief Adviser") == ("head_of_government",)
    assert offices.offices_named("Minister of the Armed Forces") == ("defence_minister",)
    assert offices.offices_named("Acting Chief Adviser") == ("head_of_government",)
    assert offices.offices_named("Spokesperson") == ()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("President", ("head_of_state", "head_of_government")),
        ("Vice President", ()),
        ("Deputy Prime Minister", ()),
        ("Prime Minister of the Kingdom of Belgium", ("head_of_government",)),
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


def test_non_consecutive_terms_are_one_holder_covering_both(offices: OfficeHolders) -> None:
    [trump] = offices.lookup("Donald Trump", "President")
    assert trump.term.start == date(2017, 1, 20) and trump.term.end == date.max
    assert trump.term.contains(date(2017, 8, 11)) and trump.term.contains(date(2025, 6, 1))


def test_an_acting_spell_and_the_full_term_are_one_holder(offices: OfficeHolders) -> None:
    [temer] = offices.lookup("Michel Temer", "President")
    assert (temer.title, temer.term.iso) == ("President", "2016-05-12/2019-01-01")


def test_before_an_offices_first_listed_holder_the_table_cannot_judge(
    offices: OfficeHolders,
) -> None:
    # Listed from his 2014 term (the table begins in 2015): he was prime minister before too.
    [first] = offices.lookup("Karim Massimov", "Prime Minister")
    assert first.term.contains(date(2011, 6, 1)) and first.term.end == date(2016, 9, 8)
    [successor] = offices.lookup("Bakhytzhan Sagintayev", "Prime Minister")
    assert successor.term.start == date(2016, 9, 9)


def test_full_terms_of_one_office_follow_each_other() -> None:
    """Checked against the sources when written; the table must stay consistent: full (not
    acting) holders of one office follow each other, sharing at most the hand-over day, or the
    month or year where a date is coarse."""
    for path in sorted(OFFICE_HOLDERS.glob("*.csv")):
        terms: dict[str, list[tuple[DateValue, DateValue | None, str]]] = {}
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if not row["title"].startswith("Acting"):
                    start, end = parse_iso(row["start"]), parse_iso(row["end"] or "")
                    assert start is not None, row
                    terms.setdefault(row["office"], []).append((start, end, row["name"]))
        for office, spans in terms.items():
            spans.sort(key=lambda span: span[0].end)  # by the last day each can have begun
            for (_, end, name), (start, _, successor) in zip(spans, spans[1:], strict=False):
                assert end is not None, f"{path.name} {office}: {name} has no end"
                assert start.end >= end.start, f"{path.name} {office}: {name}, {successor}"


def code(pipeline: Pipeline, published: str, body: str) -> Article:
    text = f" date {published}\nTalks on the border\n{body}\n"
    doc = RawDocument(source_file="talks.txt", content=text.encode(), media_type="text/plain")
    article, _ = pipeline.process(doc)
    return article


# Invented sentences; each names an office holder with a title the table can check.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("published", "body"),
    [
        # Past references: the title was theirs then, not at the time of writing.
        (
            "2023-03-02",
            "Indian Defence Minister Rajnath Singh recalled talks with his French counterpart "
            "at the time, Armed Forces Minister Florence Parly, on submarine parts.",
        ),
        (
            "2024-05-06",
            "The treaty was signed by then-Prime Minister Malcolm Turnbull of Australia.",
        ),
        (
            "2024-05-06",
            "Former Prime Minister Malcolm Turnbull of Australia spoke in Tokyo on Monday.",
        ),
        (
            "2024-05-06",
            "Malcolm Turnbull, who was prime minister then, signed the treaty with Japan.",
        ),
        # Both of a president's non-consecutive terms.
        ("2017-08-11", "President Donald Trump said Washington would press Caracas on Friday."),
        ("2020-03-04", "President Donald Trump met Canadian officials in Washington on Tuesday."),
        ("2025-09-01", "President Donald Trump met Canadian officials in Washington on Monday."),
        # Before the table's first listed holder it cannot judge.
        ("2011-06-01", "Prime Minister Karim Masimov of Kazakhstan visited Beijing on Tuesday."),
        # A deputy's title, or one the table does not list, is no claim to the office.
        ("2015-06-02", "Vice President Joe Biden met Ukrainian officials in Washington on Monday."),
        ("2022-06-02", "Deputy Prime Minister Chrystia Freeland met Japanese officials on Monday."),
        ("2021-06-02", "General Prabowo Subianto visited Russian officials in Moscow on Tuesday."),
        # An organisation's title is not the state office its holder once had.
        ("2021-11-01", "He met European Council President Charles Michel in Rome on Saturday."),
        ("2024-03-17", "EC President Ursula von der Leyen and Egypt signed a statement on Sunday."),
        (
            "2023-01-25",
            "Brazil's president met the President of the European Council, Charles Michel.",
        ),
        (
            "2024-03-17",
            "Egypt hosted the President of the European Commission Ursula von der Leyen.",
        ),
    ],
)
def test_titles_that_fit_raise_no_conflict(pipeline: Pipeline, published: str, body: str) -> None:
    assert "office_holder_conflict" not in code(pipeline, published, body).quality.flags


@pytest.mark.slow
@pytest.mark.parametrize(
    ("published", "body", "reason"),
    [
        (
            "2022-03-01",
            "Prime Minister Malcolm Turnbull of Australia met Japanese officials on Monday.",
            "Prime Minister Malcolm Turnbull did not hold that office on 2022-03-01",
        ),
    ],
)
def test_a_title_its_holder_did_not_hold_at_publication_is_flagged(
    pipeline: Pipeline, published: str, body: str, reason: str
) -> None:
    quality = code(pipeline, published, body).quality
    assert quality.reasons.get("office_holder_conflict") == reason


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "Dutch President Mark Rutte met Japanese officials on Monday.",
        "The Netherlands' President Mark Rutte met Japanese officials on Monday.",
    ],
)
def test_a_head_of_government_called_president_is_flagged(pipeline: Pipeline, body: str) -> None:
    quality = code(pipeline, "2022-03-01", body).quality
    assert quality.reasons.get("office_holder_conflict") == (
        "President Mark Rutte: the table knows Mark Rutte as Prime Minister"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "Dutch Prime Minister Mark Rutte met Japanese officials on Monday.",
        # the title of the organisation the head chairs is not one of the state
        "Prime Minister of the Netherlands, the current President of the European Council, "
        "Mark Rutte, met Japanese officials on Monday.",
    ],
)
def test_a_head_called_by_his_own_title_is_not_flagged(pipeline: Pipeline, body: str) -> None:
    article = code(pipeline, "2022-03-01", body)
    assert "office_holder_conflict" not in article.quality.flags
    assert ("Mark Rutte", "NLD") in {(p.name, p.country) for p in article.people}


@pytest.mark.parametrize(
    ("name", "title", "expected"),
    [
        ("Rajanth Singh", "Defence Minister", {("IND", "defence_minister", "Rajnath Singh")}),
        ("Sergie Lavrov", "Foreign Minister", {("RUS", "foreign_minister", "Sergei Lavrov")}),
        ("Tony Blinken", "Secretary of State", {("USA", "foreign_minister", "Antony Blinken")}),
    ],
)
def test_a_first_name_spelled_otherwise_finds_the_holder_by_surname_and_office(
    offices: OfficeHolders, name: str, title: str, expected: set
) -> None:
    assert {(h.country, h.office, h.name) for h in offices.lookup(name, title)} == expected


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Tom Lavrov", "Foreign Minister"),  # another initial: another person
        ("Sergie Lavrov", None),  # no office to check the surname against
        ("Sergie Lavrov", "Defence Minister"),  # not the office the table gives him
    ],
)
def test_a_surname_alone_does_not_make_a_holder(
    offices: OfficeHolders, name: str, title: str | None
) -> None:
    assert offices.lookup(name, title) == []
