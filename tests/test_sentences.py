"""Tests for the rule-based sentence splitter (communique.language.sentences)."""

from __future__ import annotations

import pytest

from communique.language.sentences import Sentence, split_sentences

TEXT = (
    "Talks in Tallinn\n"
    "\n"
    "Mr. Kallas met Gen. Ruiz on Feb. 13 in Tallinn. The U.S. envoy joined them later.\n"
    "   Will the two sides meet again? They said yes!\n"
    "\n"
    'Dr. Ana M. Costa told reporters: "We are ready." Then she left for Riga.'
)


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_map_back_to_the_text() -> None:
    sentences = split_sentences(TEXT)
    assert sentences, "no sentences found"
    for sentence in sentences:
        assert TEXT[sentence.start : sentence.end] == sentence.text


def test_multi_paragraph_text_splits_into_its_sentences() -> None:
    assert texts(TEXT) == [
        "Talks in Tallinn",
        "Mr. Kallas met Gen. Ruiz on Feb. 13 in Tallinn.",
        "The U.S. envoy joined them later.",
        "Will the two sides meet again?",
        "They said yes!",
        'Dr. Ana M. Costa told reporters: "We are ready."',
        "Then she left for Riga.",
    ]


def test_leading_spaces_are_not_part_of_a_sentence() -> None:
    question = next(s for s in split_sentences(TEXT) if s.text.startswith("Will"))
    assert TEXT[question.start - 3 : question.start] == "   "


def test_abbreviations_do_not_end_a_sentence() -> None:
    for text in (
        "Mr. Lindqvist arrived in Oslo on Monday.",
        "The U.S. delegation arrived in Oslo on Monday.",
        "Gen. Haugen inspected the troops in Oslo.",
        "The ministers met on Feb. 13 in Oslo.",
        "President John F. Kennedy visited Berlin.",
    ):
        assert texts(text) == [text]


def test_sentences_of_one_paragraph_share_its_number() -> None:
    sentences = split_sentences("One. Two.\n\nThree is here.")
    assert [(s.text, s.paragraph) for s in sentences][:2] == [("One.", 0), ("Two.", 0)]
    assert sentences[2].text == "Three is here."
    assert sentences[2].paragraph > sentences[0].paragraph


def test_headings_are_marked() -> None:
    sentences = split_sentences(TEXT)
    assert sentences[0] == Sentence(0, 16, "Talks in Tallinn", 0, True)
    assert not any(s.is_heading for s in sentences[1:])


def test_a_long_line_without_final_punctuation_is_prose() -> None:
    line = (
        "The foreign ministers of the two countries met in Vilnius on Tuesday to discuss "
        "energy links and border security"
    )
    assert [s.is_heading for s in split_sentences(line)] == [False]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n  \n") == []


@pytest.mark.parametrize(
    "dateline",
    ["BRUSSELS (AP) —", "NEW DELHI (Reuters) -", "CAIRO, March 17 (KUNA) —"],
)
def test_a_dateline_run_into_a_headline_starts_the_lead(dateline: str) -> None:
    text = f"Chile and Peru sign a fisheries pact {dateline} The two states signed it on Monday."
    texts = [s.text for s in split_sentences(text)]
    assert texts == [
        "Chile and Peru sign a fisheries pact",
        f"{dateline} The two states signed it on Monday.",
    ]


def test_capitals_in_running_text_are_no_dateline() -> None:
    text = "The NATO (North Atlantic Treaty Organization) summit opened in Vilnius."
    assert [s.text for s in split_sentences(text)] == [text]
