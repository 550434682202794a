"""Tests for the actor gazetteer (communique.coding.actors), through the shipped knowledge."""

from __future__ import annotations

import pytest

from communique.coding.actors import ActorMention, Gazetteer
from communique.coding.knowledge import Knowledge


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Knowledge.load().gazetteer


def codes(gazetteer: Gazetteer, text: str) -> list[str]:
    return [m.code for m in gazetteer.find(text)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Turkish", "TUR"),
        ("Ankara", "TUR"),
        ("Việt Nam", "VNM"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Hanoi", "VNM"),
        ("RoK", "KOR"),
        ("Republic of Korea", "KOR"),
        ("South Korea", "KOR"),
        ("Seoul", "KOR"),
        ("North Korea", "PRK"),
        ("Pyongyang", "PRK"),
        ("NATO", "IGO:NATO"),
        ("ASEAN", "IGO:ASEAN"),
        ("United Nations", "IGO:UN"),
    ],
)
def test_a_surface_form_resolves_to_its_actor(gazetteer: Gazetteer, text: str, code: str) -> None:
    sentence = f"Officials said {text} welcomed the talks."
    assert codes(gazetteer, sentence) == [code]


def test_mentions_carry_exact_offsets_and_how_they_matched(gazetteer: Gazetteer) -> None:
    text = "Turkish officials flew from Ankara to Hanoi to meet Việt Nam's ministers."
    mentions = gazetteer.find(text)
    assert mentions == [
        ActorMention(0, 7, "Turkish", "TUR", "demonym"),
        ActorMention(28, 34, "Ankara", "TUR", "capital"),
        ActorMention(38, 43, "Hanoi", "VNM", "capital"),
        ActorMention(52, 60, "Việt Nam", "VNM", "name"),
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text


def test_the_us_is_a_country_but_us_is_not(gazetteer: Gazetteer) -> None:
    assert codes(gazetteer, "The US and Japan held talks.") == ["USA", "JPN"]
    assert codes(gazetteer, "Let us hope the talks with us succeed, he told Japan.") == ["JPN"]


def test_south_china_sea_is_not_china(gazetteer: Gazetteer) -> None:
    assert "CHN" not in codes(gazetteer, "Patrols in the South China Sea grew this year.")


def test_china_is_still_found_next_to_the_sea(gazetteer: Gazetteer) -> None:
    assert codes(gazetteer, "China sent ships to the South China Sea.") == ["CHN"]


def test_hyphenated_pair_gives_both_countries(gazetteer: Gazetteer) -> None:
    mentions = gazetteer.find("US-China talks resumed.")
    assert [(m.text, m.code, m.start, m.end) for m in mentions] == [
        ("US", "USA", 0, 2),
        ("China", "CHN", 3, 8),
    ]


def test_longest_form_wins(gazetteer: Gazetteer) -> None:
    assert codes(gazetteer, "Guinea-Bissau and Guinea") == ["GNB", "GIN"]
    mentions = gazetteer.find("the Republic of Korea")
    assert [(m.text, m.code) for m in mentions] == [("Republic of Korea", "KOR")]


def test_a_name_inside_a_longer_word_is_not_a_mention(gazetteer: Gazetteer) -> None:
    assert codes(gazetteer, "Crowds filled Chinatown and Indianapolis.") == []


def test_igos_are_marked(gazetteer: Gazetteer) -> None:
    mentions = gazetteer.find("NATO and the United Nations met Poland.")
    assert [(m.code, m.is_igo) for m in mentions] == [
        ("IGO:NATO", True),
        ("IGO:UN", True),
        ("POL", False),
    ]


def test_names_of_codes(gazetteer: Gazetteer) -> None:
    assert gazetteer.name("VNM") == "Vietnam"
    assert gazetteer.name("IGO:UN") == "United Nations"
    assert gazetteer.name("ZZZ") == "ZZZ"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the Food and Agriculture Organization of the United Nations (FAO)", "IGO:FAO"),
        ("a loan from the European Bank for Reconstruction and Development", "IGO:EBRD"),
        ("the International Organization for Migration said", "IGO:IOM"),
        ("a summit of the Organization of Turkic States", "IGO:OTS"),
    ],
)
def test_a_un_agency_or_other_body_is_itself_not_the_un(
    gazetteer: Gazetteer, text: str, code: str
) -> None:
    assert codes(gazetteer, text)[0] == code
    assert "IGO:UN" not in codes(gazetteer, text)


@pytest.mark.parametrize(
    "text",
    [
        "The president will visit northern Cyprus on Thursday.",
        "Turkish Cypriot leaders met on Monday.",
        "Somaliland signed a port deal.",
    ],
)
def test_a_de_facto_state_is_not_the_state_whose_name_it_carries(
    gazetteer: Gazetteer, text: str
) -> None:
    assert not {"CYP", "SOM"} & set(codes(gazetteer, text))
