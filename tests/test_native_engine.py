"""The native engine's language-independent parts, on tokens and tables written by hand (no
analyzer loaded): word-start matching, roles from markers, dates resolved against the
publication date, status cues in the trigger's clause."""

from __future__ import annotations

from datetime import date

from communique.coding.dates import DateValue
from communique.coding.native.dates import DateFinder
from communique.coding.native.forms import FormIndex
from communique.coding.native.roles import RoleMarkers
from communique.coding.native.status import StatusCues
from communique.language.native import Token

PUBLISHED = DateValue.day(date(2024, 5, 15))

DATES = DateFinder(
    {
        "pattern": [
            {"regex": r"(?P<day>\d{1,2}) (?P<monthname>\w+) (?P<year>\d{4})"},
            {"regex": r"(?P<day>\d{1,2})-(?P<day2>\d{1,2}) (?P<monthname>\w+)"},
            {"regex": r"(?P<day>\d{1,2}) (?P<monthname>\w+)"},
        ],
        "months": {"May": 5, "June": 6, "December": 12},
        "future": ["next"],
        "until": ["until"],
        "until_now": ["onwards"],
        "relative": [{"words": ["last month"], "unit": "month", "offset": -1}],
    }
)


def iso(text: str) -> list[str]:
    return [d.value.iso for d in DATES.find(text, PUBLISHED)]


def test_a_full_date_and_a_range() -> None:
    assert iso("on 3 June 2023 and on 12-14 May") == ["2023-06-03", "2024-05-12/2024-05-14"]


def test_a_yearless_date_is_the_last_one_before_publication_unless_said_ahead() -> None:
    assert iso("on 20 December") == ["2023-12-20"]
    assert iso("on next 3 June") == ["2024-06-03"]


def test_relative_words_and_stretches_to_the_day_of_writing() -> None:
    assert iso("last month") == ["2024-04"]
    assert iso("from 11 May onwards") == ["2024-05-11/2024-05-15"]
    # The table's words follow the date, as Korean "2026년까지" ("until 2026") does.
    assert iso("next 20 June until then") == ["2024-05-15/2024-06-20"]


def test_no_publication_date_no_dates() -> None:
    assert DATES.find("on 3 June 2023", None) == []


def test_forms_start_where_a_word_starts_and_may_end_inside_one() -> None:
    index: FormIndex[str] = FormIndex()
    index.add_all(["Kore", "Güney Kore"], "KOR")
    found = index.find("Güney Kore'yi ve Korece")
    assert [(m.text, m.value) for m in found] == [("Güney Kore", "KOR"), ("Kore", "KOR")]
    assert FormIndex(whole_words=True).find("x") == []


def tokens(*parts: tuple[str, str]) -> list[Token]:
    found, start = [], 0
    for text, pos in parts:
        found.append(Token(text, text, pos, start, start + len(text)))
        start += len(text) + 1
    return found


ROLES = RoleMarkers(
    {
        "skip": ["NOUN", "PROPN"],
        "phrase_tokens": 2,
        "markers": {"topic": ["wa"], "partner": ["to"], "place": ["de"]},
        "unmarked": {"before": "subject", "after": "none", "reach": "phrase"},
    }
)


def test_the_marker_after_a_phrase_gives_its_role() -> None:
    words = tokens(
        ("A", "PROPN"), ("minister", "NOUN"), ("wa", "ADP"), ("B", "PROPN"), ("to", "ADP"),
        ("C", "PROPN"), ("de", "ADP"), ("talks", "NOUN"),
    )  # fmt: skip
    trigger = words[-1]
    assert ROLES.role(0, 1, words, trigger) == "topic"
    assert ROLES.role(words[3].start, words[3].end, words, trigger) == "partner"
    assert ROLES.role(words[5].start, words[5].end, words, trigger) == "place"


def test_an_unmarked_name_counts_only_in_the_triggers_own_phrase() -> None:
    words = tokens(("D", "PROPN"), ("talks", "NOUN"), ("E", "PROPN"), ("rule", "NOUN"))
    assert ROLES.role(0, 1, words, words[1]) == "subject"
    assert ROLES.role(words[2].start, words[2].end, words, words[1]) == "none"
    assert ROLES.role(words[2].start, words[2].end, words, words[3]) == "subject"


STATUS = StatusCues(
    {
        "precedence": ["negated", "planned"],
        "after_chars": 20,
        "before_chars": 8,
        "clause_break": r"[,.]",
        "cues": {"negated": [r"\bnot\b"], "planned": [r"\bwill\b"]},
    }
)


def test_status_cues_are_read_in_the_triggers_clause_only() -> None:
    sentence = "They will sign, but did not meet."
    sign, meet = sentence.index("sign"), sentence.index("meet")
    assert STATUS.status(sentence, sign, sign + 4) == "planned"
    assert STATUS.status(sentence, meet, meet + 4) == "negated"
    assert STATUS.status("They signed.", 5, 11) is None
