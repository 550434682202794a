"""The phrase index behind the gazetteer and the office-holder names."""

from __future__ import annotations

from communique.coding.phrases import PhraseIndex


def index() -> PhraseIndex[str]:
    phrases: PhraseIndex[str] = PhraseIndex()
    phrases.add("Guinea", "GIN")
    phrases.add("Guinea-Bissau", "GNB")
    phrases.add("US", "USA", case_sensitive=True)
    phrases.add("S. Korea", "KOR")
    return phrases


def test_the_longest_phrase_wins_and_offsets_are_exact() -> None:
    text = "Guinea-Bissau and Guinea met."
    found = index().find(text)
    assert [(text[m.start : m.end], m.value) for m in found] == [
        ("Guinea-Bissau", "GNB"),
        ("Guinea", "GIN"),
    ]


def test_case_sensitive_phrases_need_their_case() -> None:
    assert [m.value for m in index().find("the US told us")] == ["USA"]


def test_a_phrase_does_not_start_inside_an_abbreviation() -> None:
    assert index().find("U.S. Korea policy") == []
