"""Tests for time expressions and their ISO values (ONTOLOGY.md, Dates), on tiny sentences."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from communique.coding.dates import (
    PERIODS_CSV,
    Anchor,
    DateValue,
    Period,
    TimeExpression,
    around,
    find_publication_date,
    find_time_expressions,
    load_periods,
    parse_iso,
)

WEDNESDAY = Anchor.on(date(2025, 8, 13))
# An undated article bounded by who held office: 22 August 2023 (a Tuesday) to 4 April 2025.
TENURE = Anchor(date(2023, 8, 22), date(2025, 4, 4))


def only(text: str, anchor: Anchor | None = WEDNESDAY) -> TimeExpression:
    found = find_time_expressions(text, anchor)
    assert len(found) == 1, found
    return found[0]


def iso(text: str, anchor: Anchor | None = WEDNESDAY) -> str | None:
    value = only(text, anchor).value
    return value.iso if value else None


# ---------------------------------------------------------------------------------- values
def test_constructors_name_their_precision() -> None:
    assert DateValue.day(date(2025, 7, 14)).iso == "2025-07-14"
    assert DateValue.month(2024, 2) == DateValue(date(2024, 2, 1), date(2024, 2, 29), "month")
    assert DateValue.year(2025).iso == "2025"


@pytest.mark.parametrize(
    ("start", "end", "expected", "precision"),
    [
        (date(2025, 7, 14), date(2025, 7, 14), "2025-07-14", "day"),
        (date(2025, 7, 1), date(2025, 7, 31), "2025-07", "month"),
        (date(2025, 1, 1), date(2025, 12, 31), "2025", "year"),
        (date(2025, 8, 10), date(2025, 8, 13), "2025-08-10/2025-08-13", "interval"),
        (date(1950, 1, 1), date(1953, 12, 31), "1950/1953", "interval"),
        (date(2025, 7, 1), date(2025, 9, 30), "2025-07/2025-09", "interval"),
    ],
)
def test_between_uses_the_coarsest_exact_precision(
    start: date, end: date, expected: str, precision: str
) -> None:
    value = DateValue.between(start, end)
    assert (value.iso, value.precision) == (expected, precision)
    assert parse_iso(expected) == value


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "July 2025", "2025/2024", "", "25"])
def test_parse_iso_rejects_what_is_not_iso(text: str) -> None:
    assert parse_iso(text) is None


def test_inconsistent_values_are_refused() -> None:
    with pytest.raises(ValueError):
        DateValue(date(2025, 7, 2), date(2025, 7, 1), "interval")
    with pytest.raises(ValueError):
        DateValue(date(2025, 7, 1), date(2025, 7, 2), "day")
    with pytest.raises(ValueError):
        Anchor(date(2025, 7, 2), date(2025, 7, 1))


def test_intersect_contains_and_hull() -> None:
    july, summer = DateValue.month(2025, 7), parse_iso("2025-06/2025-08")
    assert summer is not None
    assert july.intersect(summer) == july
    assert july.intersect(DateValue.year(2024)) is None
    assert summer.contains(july) and summer.contains(date(2025, 8, 31))
    assert not july.contains(summer)
    assert july.hull(DateValue.day(date(2025, 9, 3))).iso == "2025-07-01/2025-09-03"
    assert DateValue.between(date(2020, 1, 1), date.max).contains(july)  # an open term


def test_around_widens_the_anchor_by_the_length_of_the_event() -> None:
    assert around(WEDNESDAY, 2).iso == "2025-08-12/2025-08-14"
    assert around(WEDNESDAY, 1).iso == "2025-08-13"
    assert around(TENURE, 3).iso == "2023-08-20/2025-04-06"


# -------------------------------------------------------------------------------- absolute
@pytest.mark.parametrize(
    ("text", "expected_text", "expected"),
    [
        ("They met on 14 July 2025 in Hanoi.", "14 July 2025", "2025-07-14"),
        ("They met on July 14, 2025.", "July 14, 2025", "2025-07-14"),
        ("They met on July 14.", "July 14", "2025-07-14"),
        ("Talks on Jul. 14 ended.", "Jul. 14", "2025-07-14"),
        ("Signed Sept. 3, 2024.", "Sept. 3, 2024", "2024-09-03"),
        ("On the 14th of July they met.", "the 14th of July", "2025-07-14"),
        ("Signed on Wednesday, August 13, 2025 in Jakarta.", "Wednesday, August 13, 2025",
         "2025-08-13"),
        ("The 2025-07-14 statement.", "2025-07-14", "2025-07-14"),
        ("Dated 14/07/2025.", "14/07/2025", "2025-07-14"),
        ("Dated 07/14/2025.", "07/14/2025", "2025-07-14"),
        ("Dated 14.07.2025.", "14.07.2025", "2025-07-14"),
        ("In July 2025 they met.", "July 2025", "2025-07"),
        ("In July the two signed.", "July", "2025-07"),
        ("The visit in May went well.", "May", "2025-05"),
        ("Elections in December.", "December", "2024-12"),
        ("Talks resume in October.", "October", "2025-10"),
        ("Relations were set up in 1992.", "1992", "1992"),
        ("Allies since 1997.", "1997", "1997"),
        ("Carbon neutrality by 2050.", "2050", "2050"),
        ("The summit ran August 10–13.", "August 10–13", "2025-08-10/2025-08-13"),
        ("The summit ran August 10-13, 2025.", "August 10-13, 2025", "2025-08-10/2025-08-13"),
        ("The summit ran 10-13 August 2025.", "10-13 August 2025", "2025-08-10/2025-08-13"),
        ("The fair ran from August 10 to 13.", "August 10 to 13", "2025-08-10/2025-08-13"),
        ("Drills between 5 and 7 June.", "5 and 7 June", "2025-06-05/2025-06-07"),
        ("Talks ran December 28 - January 3.", "December 28 - January 3",
         "2024-12-28/2025-01-03"),
        ("Trade grew between 2022 and 2024.", "2022 and 2024", "2022/2024"),
        ("Exercises were held in 2022 and 2024.", "2022 and 2024", "2022/2024"),
        ("The war of 1950-53 ended.", "1950-53", "1950/1953"),
        ("During 2019–2021 trade fell.", "2019–2021", "2019/2021"),
        ("Between March and June 2024 prices rose.", "March and June 2024", "2024-03/2024-06"),
        ("From March 2023 to June 2024 prices rose.", "March 2023 to June 2024",
         "2023-03/2024-06"),
        ("It was signed in July and August 2025.", "July and August 2025", "2025-07/2025-08"),
        ("Profits fell in Q3 2024.", "Q3 2024", "2024-07/2024-09"),
        ("Profits fell in the third quarter of 2024.", "the third quarter of 2024",
         "2024-07/2024-09"),
        ("Talks began in early 2024.", "early 2024", "2024-01/2024-04"),
        ("Talks began in mid-2024.", "mid-2024", "2024-05/2024-08"),
        ("Talks began in late 2024.", "late 2024", "2024-09/2024-12"),
        ("Due by the end of 2025.", "the end of 2025", "2025-10/2025-12"),
        ("In the first half of 2024 trade rose.", "the first half of 2024", "2024-01/2024-06"),
        ("They met in mid-July.", "mid-July", "2025-07-11/2025-07-20"),
        ("They met in late June.", "late June", "2025-06-21/2025-06-30"),
        ("Due by the end of February 2024.", "the end of February 2024", "2024-02-21/2024-02-29"),
        ("They met in the summer of 2022.", "the summer of 2022", "2022-06/2022-08"),
        ("Ties frayed in the 1990s.", "the 1990s", "1990/1999"),
        ("Ties frayed in the late 1980s.", "the late 1980s", "1986/1989"),
        ("Ties frayed in the '90s.", "the '90s", "1990/1999"),
    ],
)  # fmt: skip
def test_absolute_dates(text: str, expected_text: str, expected: str) -> None:
    found = only(text)
    assert (found.text, found.kind) == (expected_text, "absolute")
    assert text[found.start : found.end] == expected_text
    assert found.value is not None and found.value.iso == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on July 14.", "2023-07-14/2024-07-14"),
        ("In July the two signed.", "2023-07/2024-07"),
        ("The visit in May went well.", "2023-05/2025-05"),
        ("The summit ran August 10-13.", "2023-08-10/2024-08-13"),
        ("They met on 14 July 2025.", "2025-07-14"),
    ],
)
def test_dates_without_a_year_over_an_interval_anchor_bound_every_reading(
    text: str, expected: str
) -> None:
    assert iso(text, TENURE) == expected


def test_dates_without_a_year_and_no_anchor_are_found_but_unresolved() -> None:
    assert only("They met on July 14.", None).value is None
    assert iso("They met on 14 July 2025.", None) == "2025-07-14"


def test_the_preposition_is_reported_not_included() -> None:
    found = only("Allies since 1997.")
    assert (found.text, found.preposition) == ("1997", "since")
    assert only("Carbon neutrality by 2050.").preposition == "by"


# -------------------------------------------------------------------------------- relative
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said today.", "2025-08-13"),
        ("The minister arrived yesterday.", "2025-08-12"),
        ("The minister leaves tomorrow.", "2025-08-14"),
        ("They met on Friday.", "2025-08-08"),
        ("They met on Monday.", "2025-08-11"),
        ("They met on Wednesday.", "2025-08-13"),
        ("They met last Friday.", "2025-08-08"),
        ("They meet next Monday.", "2025-08-18"),
        ("They met last week.", "2025-08-04/2025-08-10"),
        ("They meet this week.", "2025-08-11/2025-08-17"),
        ("They meet next week.", "2025-08-18/2025-08-24"),
        ("They met last month.", "2025-07"),
        ("They meet this month.", "2025-08"),
        ("They meet next month.", "2025-09"),
        ("They met last year.", "2024"),
        ("They meet this year.", "2025"),
        ("They meet next year.", "2026"),
        ("They met earlier this year.", "2025-01-01/2025-08-13"),
        ("They meet later this year.", "2025-08-13/2025-12-31"),
        ("They meet in two weeks.", "2025-08-25/2025-08-31"),
        ("They met three days ago.", "2025-08-10"),
        ("They met several days ago.", "2025-08-04/2025-08-11"),
        ("Ties have recently improved.", "2025-02-14/2025-08-13"),
        ("After the recent summit.", "2025-02-14/2025-08-13"),
        ("Over the past decade trade rose.", "2015-08-13/2025-08-13"),
        ("Over the past two years trade rose.", "2023-08-13/2025-08-13"),
        ("They met last July.", "2025-07"),
        ("They meet next March.", "2026-03"),
        ("They met over the weekend.", "2025-08-09/2025-08-10"),
        ("They met the day before yesterday.", "2025-08-11"),
        ("It ends late last month.", "2025-07-21/2025-07-31"),
        ("It starts early next year.", "2026-01/2026-04"),
        ("It was the first visit in 20 years.", "2005-08-13/2025-08-13"),
        ("They meet this summer.", "2025-06/2025-08"),
    ],
)
def test_relative_to_a_publication_day(text: str, expected: str) -> None:
    found = only(text)
    assert found.kind == "relative"
    assert found.value is not None and found.value.iso == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said today.", "2023-08-22/2025-04-04"),
        ("They met yesterday.", "2023-08-21/2025-04-03"),
        ("They met on Friday.", "2023-08-18/2025-04-04"),  # never a guessed day
        ("They met on Monday.", "2023-08-21/2025-03-31"),
        ("They met last year.", "2022/2024"),
        ("They meet this year.", "2023-08-22/2025-12-31"),
        ("They met earlier this year.", "2023-08-22/2025-04-04"),
        ("They met last month.", "2023-07/2025-03"),
        ("Ties have recently improved.", "2023-02-23/2025-04-04"),
    ],
)
def test_relative_to_an_interval_anchor_is_the_union_of_its_readings(
    text: str, expected: str
) -> None:
    assert iso(text, TENURE) == expected


def test_this_year_over_an_interval_anchor_can_reach_back_to_january() -> None:
    found = find_time_expressions("They meet this year.", TENURE, clip=False)
    assert [f.value.iso for f in found if f.value] == ["2023/2025"]


# Undated articles whose officials bound only one side: a term still running, or the first
# holder the office-holder table lists (it knows nothing before them).
STILL_IN_OFFICE = Anchor(date(2025, 6, 4), date.max)
LISTED_FIRST = Anchor(date.min, date(2019, 7, 17))


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("They met last week.", STILL_IN_OFFICE, "2025-05-26/9999-12-31"),
        ("They met on Friday.", STILL_IN_OFFICE, "2025-05-30/9999-12-31"),
        ("They met last week.", LISTED_FIRST, "0001-01-01/2019-07-14"),
        ("They will meet next month.", LISTED_FIRST, "0001-01/2019-08"),
    ],
)
def test_an_anchor_end_that_nothing_bounds_stays_unbounded(
    text: str, anchor: Anchor, expected: str
) -> None:
    assert iso(text, anchor) == expected


def test_around_an_unbounded_anchor_never_overflows() -> None:
    assert around(STILL_IN_OFFICE, 3) == DateValue.between(date(2025, 6, 2), date.max)
    assert around(LISTED_FIRST, 3) == DateValue.between(date.min, date(2019, 7, 19))
    assert around(Anchor(date.min, date.max), 5) == DateValue.between(date.min, date.max)


def test_a_weekday_is_exact_when_every_day_of_the_anchor_agrees() -> None:
    assert iso("They met on Friday.", Anchor(date(2025, 8, 11), date(2025, 8, 13))) == "2025-08-08"


@pytest.mark.parametrize(
    "text", ["They met yesterday.", "They met on Friday.", "Last year trade fell.", "recently"]
)
def test_relative_without_an_anchor_is_unresolved(text: str) -> None:
    found = only(text, None)
    assert found.kind == "relative" and found.value is None


def test_relative_to_the_story_not_the_article_is_unresolved() -> None:
    assert only("They met again the following week.").value is None


# ------------------------------------------------------------------------------- durations
@pytest.mark.parametrize(
    ("text", "expected_text", "days"),
    [
        ("He began a two-day visit.", "two-day", 2),
        ("He began a three-day visit.", "three-day", 3),
        ("He began a week-long tour.", "week-long", 7),
        ("He began a weeklong tour.", "weeklong", 7),
        ("He began a 48-hour trip.", "48-hour", 2),
        ("He stayed for three days.", "three days", 3),
    ],
)
def test_durations_give_a_length_not_a_date(text: str, expected_text: str, days: int) -> None:
    found = only(text)
    assert (found.text, found.kind, found.value, found.days) == (
        expected_text,
        "duration",
        None,
        days,
    )


def test_a_duration_bounds_the_event_around_the_anchor() -> None:
    found = only("He began a two-day visit.")
    assert found.days is not None
    assert around(WEDNESDAY, found.days).iso == "2025-08-12/2025-08-14"


def test_an_age_is_not_a_duration() -> None:
    assert find_time_expressions("a three-year-old boy", WEDNESDAY) == []


# --------------------------------------------------------------------------------- periods
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Korean War", "1950-06-25/1953-07-27"),
        ("the Vietnam War", "1955-11/1975-04"),
        ("the Cold War", "1947-03-12/1991-12-26"),
        ("the cold war", "1947-03-12/1991-12-26"),
        ("World War II", "1939-09-01/1945-09-02"),
        ("the Second World War", "1939-09-01/1945-09-02"),
        ("World War I", "1914-07-28/1918-11-11"),
        ("the Gulf War", "1990-08-02/1991-02-28"),
        ("the Iraq War", "2003-03-20/2011-12-18"),
        ("the Soviet–Afghan War", "1979-12-24/1989-02-15"),
        ("the Soviet-Afghan war", "1979-12-24/1989-02-15"),
        ("the Bosnian War", "1992-04-06/1995-12-14"),
        ("the Kosovo War", "1998-02-28/1999-06-11"),
        ("the Yom Kippur War", "1973-10-06/1973-10-25"),
        ("the Six-Day War", "1967-06-05/1967-06-10"),
        ("the Falklands War", "1982-04-02/1982-06-14"),
        ("the Iran–Iraq War", "1980-09-22/1988-08-20"),
        ("the 2008 financial crisis", "2007-08-09/2009-06-30"),
        ("the COVID-19 pandemic", "2019-12-01/2023-05-05"),
        ("the 2022 Russian invasion of Ukraine", "2022-02-24/2025-08-13"),
        ("Russia's full-scale invasion of Ukraine", "2022-02-24/2025-08-13"),
    ],
)
def test_named_periods(text: str, expected: str) -> None:
    found = only(f"Since {text}, ties changed.")
    assert (found.kind, found.text) == ("period", text)
    assert found.value is not None and found.value.iso == expected


def test_an_open_period_without_an_anchor_is_unresolved() -> None:
    assert only("the 2022 Russian invasion of Ukraine", None).value is None


def test_a_common_word_alias_keeps_its_capital() -> None:
    assert [f.text for f in find_time_expressions("the Great War, a great war", None)] == [
        "the Great War"
    ]


def test_periods_can_be_passed_in() -> None:
    mine = (Period("Long Peace", ("Pax",), date(1815, 6, 9), date(1914, 7, 28), "test"),)
    found = find_time_expressions("During the Long Peace, and the Korean War.", None, periods=mine)
    assert [(f.text, f.value.iso if f.value else None) for f in found] == [
        ("the Long Peace", "1815-06-09/1914-07-28")
    ]


def test_the_periods_file_is_small_sourced_and_valid() -> None:
    with PERIODS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and list(rows[0]) == ["name", "aliases", "start", "end", "source"]
    for row in rows:
        assert row["source"].startswith("https://"), row["name"]
        start = date.fromisoformat(row["start"])
        assert not row["end"] or date.fromisoformat(row["end"]) > start
    assert len(load_periods()) == len(rows)


# ------------------------------------------------------------------------------- non-dates
@pytest.mark.parametrize(
    "text",
    [
        "Some 20,000 soldiers took part.",
        "A $10 billion deal.",
        "Exports rose 150-fold.",
        "A total of 2000 troops.",
        "They sent by 2000 troops.",
        "Between 1990 and 2000 soldiers died.",
        "Prices rose 15 percent.",
        "You may go now.",
        "Protesters march on the capital.",
        "He was criticised by May and Macron.",
        "On Good Friday pilgrims gathered.",
        "On July 4 and 5 people died.",
        "Flight 2024 landed.",
    ],
)
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    found = find_time_expressions(text, WEDNESDAY)
    assert all(f.text in ("July 4",) for f in found), found


@pytest.mark.parametrize("text", ["Dated 03/04/2025.", "Dated 05/06/2025."])
def test_ambiguous_numeric_dates_are_skipped(text: str) -> None:
    assert find_time_expressions(text, WEDNESDAY) == []


def test_years_stay_years_before_a_noun_after_in() -> None:
    assert iso("In 2023 troops were deployed.") == "2023"


# ----------------------------------------------------------------------------- the scan
def test_results_are_sorted_without_overlaps_longest_first() -> None:
    text = (
        "On Friday, August 15, 2025 the two sides, who met in 2022 and 2024, agreed to meet "
        "from August 10 to 13 next year after a two-day visit last week."
    )
    found = find_time_expressions(text, WEDNESDAY)
    assert [f.text for f in found] == [
        "Friday, August 15, 2025",
        "2022 and 2024",
        "August 10 to 13",
        "next year",
        "two-day",
        "last week",
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_empty_and_dateless_text() -> None:
    assert find_time_expressions("", WEDNESDAY) == []
    assert find_time_expressions("The ministers discussed trade.", WEDNESDAY) == []


# ------------------------------------------------------------------------ publication date
@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (" date 2026-01-23 Body text follows.", "2026-01-23"),
        ("Wednesday, August 13, 2025\nVietnam and Indonesia sign a deal", "2025-08-13"),
        ("Published 12 March 2025\nText", "2025-03-12"),
        ("Updated: Aug. 13, 2025 10:32 a.m. ET\nText", "2025-08-13"),
        ("Updated 14 August 2025\nPublished 13 August 2025\nText", "2025-08-13"),
        ("Published: 2025-08-13T09:12:00Z | Updated: 2025-08-14", "2025-08-13"),
        ("Posted on March 3, 2024 by admin", "2024-03-03"),
        ("13 August 2025 | 10:30 GMT\nText", "2025-08-13"),
        ("August 2025\nText", "2025-08"),
        ("WASHINGTON, Aug. 13, 2025 (Xinhua) -- The US said", "2025-08-13"),
        ("LIMA, May 2 (Andes Wire, 2024) - Peru said", "2024-05-02"),
        ("Seoul – 12 August 2025 (MT Team) : text", "2025-08-12"),
    ],
)
def test_publication_date(head: str, expected: str) -> None:
    found = find_publication_date(head)
    assert found is not None and found.iso == expected


@pytest.mark.parametrize(
    "head",
    [
        "JAKARTA, Feb 13 (Reuters) - Indonesia's president said",
        # A year in the story is not the dateline's: a budget is often for the next year.
        "JAKARTA, Feb 13 (Reuters) - Indonesia's 2025 budget will rise",
        "The summit on 12 March 2020 was the first of its kind.",
        "No date here at all.",
        "The 1990s\nA decade of change",
    ],
)
def test_no_publication_date(head: str) -> None:
    assert find_publication_date(head) is None
