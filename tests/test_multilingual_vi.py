"""Vietnamese: the analyzer (underthesea behind the native Analyzer interface)."""

from __future__ import annotations

import pytest

pytest.importorskip("underthesea")

from conftest import below, language_report  # noqa: E402

from communique.language.native import analyzer_for  # noqa: E402


@pytest.fixture(scope="module")
def vi():
    analyzer = analyzer_for("vi")
    assert analyzer is not None
    return analyzer


def test_sentences_end_at_full_stops_and_line_breaks_but_not_at_initials(vi):
    text = (
        "Hai bộ trưởng hội đàm tại Hà Nội\n"
        "Ông John F. Kerry đã tới Hà Nội. Sau đó, hai bên ký kết biên bản ghi nhớ!"
    )
    sentences = [text[s:e] for s, e in vi.sentences(text)]
    assert sentences == [
        "Hai bộ trưởng hội đàm tại Hà Nội",
        "Ông John F. Kerry đã tới Hà Nội.",
        "Sau đó, hai bên ký kết biên bản ghi nhớ!",
    ]


def test_tokens_are_segmented_words_with_document_offsets(vi):
    text = "Tin mới. Bộ trưởng Quốc phòng Hàn Quốc hội đàm với người đồng cấp Việt Nam."
    start = text.index("Bộ")
    tokens = vi.tokens(text, start, len(text))
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokens[0].start == start
    words = {t.lemma: t.pos for t in tokens}
    assert words["hội đàm"] == "VERB"
    assert words["với"] == "ADP"
    assert words["."] == "PUNCT"
    assert "hàn quốc" in words


def test_a_name_glued_to_the_next_word_is_cut_and_split_words_joined(vi):
    text = "Quân đội Hàn Quốc hội đàm rồi tập trận chung với Tô Lâm tiếp khách."
    words = [t.text for t in vi.tokens(text, 0, len(text))]
    assert {"Hàn Quốc", "hội đàm", "tập trận"} <= set(words)


def test_offsets_hold_over_irregular_spacing(vi):
    text = "Ngày 12/8,  Việt Nam  và Thổ Nhĩ Kỳ\tký kết hiệp định."
    tokens = vi.tokens(text, 0, len(text))
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert tokens[-1].text == "."


@pytest.mark.slow
def test_multilingual_dev_holds_its_floor(tmp_path) -> None:
    # Measured when the floors were set: P 0.636, R 0.778, F1 0.700, date 0.571, countries 1.000.
    floors = {"event_f1": 0.68, "date_acc": 0.55, "country_f1": 0.95}
    assert below(language_report("vi", tmp_path), floors) == {}
