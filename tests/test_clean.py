"""Tests for the clean stage (communique.clean)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from communique.clean import CLEAN_FLAGS, CleanResult, clean_text, normalize, quality_score
from communique.clean.rules import load_rules

SHARED = Path(__file__).parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "gold_seeds.jsonl"
DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")

PROSE = (
    "The two foreign ministers met in Lisbon on Tuesday to discuss fishing quotas.\n\n"
    "They agreed to set up a joint commission that will report by the end of the year."
)


# --- normalize ----------------------------------------------------------------------------------


def test_normalize_whitespace_and_unicode() -> None:
    raw = "  Caf\u0065\u0301\u00a0talks\t  resume \r\n\r\n\r\n\r\n"
    raw += "\u201cYes,\u201d\u200b he said.  \r\n"
    assert normalize(raw) == "Café talks resume\n\n\u201cYes,\u201d he said."


def test_normalize_keeps_single_line_breaks() -> None:
    assert normalize("One line.\nAnother line.") == "One line.\nAnother line."


def test_clean_article_is_unchanged() -> None:
    result = clean_text(PROSE)
    assert result == CleanResult(PROSE, [], {})


def test_only_whitespace_changes_do_not_flag() -> None:
    result = clean_text("  " + PROSE.replace("\n\n", "\n\n\n\n") + "   \n\n")
    assert result.text == PROSE
    assert result.flags == []


# --- boilerplate --------------------------------------------------------------------------------


def test_boilerplate_lines_are_dropped() -> None:
    raw = (
        "The envoys met in Oslo on Monday.\n\nADVERTISEMENT\n\nShare on Facebook\n\n"
        "They agreed to meet again in May.\n\nRelated articles\n\nSubscribe to our newsletter\n\n"
        "© 2024 Example Media. All rights reserved.\n\nStay Connected\n\n×"
    )
    result = clean_text(raw)
    assert result.text == "The envoys met in Oslo on Monday.\n\nThey agreed to meet again in May."
    assert result.flags == ["boilerplate_removed"]
    assert result.reasons["boilerplate_removed"].startswith("removed 7 boilerplate lines")


def test_calendar_page_numbers_and_symbol_runs() -> None:
    raw = (
        "Talks ended without a deal.\n\nCategories\n\nArchives\n\nMarch 2024\nMTWTFSS\n123\n"
        "45678910\n11121314151617\n3031\n\n1 - 2 - 3 - 4\n\n= = = * * * _ _ $ $"
    )
    result = clean_text(raw)
    assert result.text == "Talks ended without a deal."
    assert "calendar" in result.reasons["boilerplate_removed"]


def test_number_lines_that_are_not_pagination_stay() -> None:
    raw = "Scores over three rounds:\n10 - 7 - 3\n\nThe final tally was 1987."
    assert clean_text(raw) == CleanResult(raw, [], {})


def test_hard_wrapped_continuation_is_not_boilerplate() -> None:
    raw = "The company said profit rose to 12 cents per\nshare.\nIt gave no forecast."
    assert clean_text(raw).flags == []


def test_author_bio_at_the_end_is_dropped() -> None:
    raw = "The summit closed with a joint statement.\n\nMara Lindqvist\n\n"
    raw += "A freelance writer who follows Nordic politics."
    result = clean_text(raw)
    assert result.text == "The summit closed with a joint statement."
    assert "author bio" in result.reasons["boilerplate_removed"]


def test_name_line_without_bio_or_not_at_end_stays() -> None:
    lone_name = "The summit closed with a joint statement.\n\nMara Lindqvist"
    assert clean_text(lone_name).flags == []
    not_at_end = (
        "Mara Lindqvist\n\nA freelance writer who follows Nordic politics.\n\n"
        + PROSE
        + "\n\nThe commission will meet in Bergen, Tromsø and Oslo over the summer months."
    )
    assert clean_text(not_at_end).flags == []


# --- aggregator ---------------------------------------------------------------------------------


def test_aggregator_paragraph_is_dropped() -> None:
    raw = (
        PROSE + "\n\nNotice: worldwire.example is an automatic aggregator of press stories. "
        "Every item links to its origin.\nADVERTISEMENT"
    )
    result = clean_text(raw)
    assert result.text == PROSE
    assert result.flags == ["boilerplate_removed", "aggregator"]


def test_aggregator_disclaimer_wrapped_over_lines() -> None:
    raw = (
        "Fishing Talks\nThe two sides met again.\nThis page is an automatic aggregator of\n"
        "news from many outlets, shown for reference\nonly."
    )
    result = clean_text(raw)
    assert result.text == "Fishing Talks\nThe two sides met again."
    assert result.flags == ["aggregator"]


# --- generated residue --------------------------------------------------------------------------


def test_chatbot_residue_is_cut_but_text_before_it_stays() -> None:
    raw = (
        "The ministers signed the accord. Sure! Here is a revised version of the paragraph:\n"
        "```html\nThey also agreed on quotas.\n```\nI hope this helps! Tell me more."
    )
    result = clean_text(raw)
    assert (
        result.text
        == "The ministers signed the accord.\nThey also agreed on quotas.\nTell me more."
    )
    assert result.flags == ["generated_text"]


def test_quoted_speech_is_not_residue() -> None:
    raw = "\u201cSure, here is what we agreed,\u201d the envoy said."
    raw += " \u201cLet me know if you disagree.\u201d"
    assert clean_text(raw).flags == []


def test_cue_words_inside_ordinary_sentences_stay() -> None:
    raw = (
        "The firm sells the tool as an AI assistant for customs officers. "
        "Traders feel free to ask for exemptions, the ministry said."
    )
    assert clean_text(raw).flags == []


# --- tables -------------------------------------------------------------------------------------


def test_flattened_table_is_split_into_cells() -> None:
    raw = (
        "Results by region:\nRegionLead PartnersTrade Deals\nNorthAlpha, BetaThree signed\n"
        "SouthGamma (new)Two pending\nEast2024 reviewUnder way"
    )
    result = clean_text(raw)
    assert result.text == (
        "Results by region:\nRegion | Lead Partners | Trade Deals\n"
        "North | Alpha, Beta | Three signed\nSouth | Gamma (new) | Two pending\n"
        "East2024 review | Under way"
    )
    assert result.flags == ["flattened_table"]


def test_camel_case_names_are_not_tables() -> None:
    raw = (
        "Senator McCain spoke on YouTube.\nMacArthur and DeSantis replied.\nThe iPhone maker said."
    )
    assert clean_text(raw).flags == []


# --- repeats ------------------------------------------------------------------------------------


def test_repeated_paragraph_is_kept_once() -> None:
    para = "The delegations agreed to reopen the border crossing for trucks next month."
    raw = f"{para}\n\nNo date was set for the next round.\n\n{para}"
    result = clean_text(raw)
    assert result.text == f"{para}\n\nNo date was set for the next round."
    assert result.flags == ["repeated_passages"]


def test_repeated_sentence_run_inside_a_paragraph() -> None:
    first = "Grain exports resumed on Friday. Ships left three ports under escort."
    raw = f"{first}\n\nOfficials were cautious. {first} More talks are due."
    result = clean_text(raw)
    assert result.text == f"{first}\n\nOfficials were cautious. More talks are due."
    assert result.flags == ["repeated_passages"]


def test_a_single_repeated_short_sentence_stays() -> None:
    raw = "No comment was given.\n\nThe ministry was asked twice. No comment was given."
    assert clean_text(raw).flags == []


# --- quality ------------------------------------------------------------------------------------


def test_quality_score() -> None:
    long_text = " ".join(["word"] * 300)
    assert quality_score([], long_text) == 1.0
    weights = load_rules().quality.weights
    assert quality_score(["generated_text"], long_text) == pytest.approx(
        1.0 - weights["generated_text"]
    )
    assert quality_score([], "two words") < quality_score([], long_text)
    assert quality_score(list(weights), "") == 0.0


def test_reasons_match_flags() -> None:
    result = clean_text("Story.\n\nADVERTISEMENT\n\nAs an AI language model, I cannot do that.")
    assert result.flags == ["boilerplate_removed", "generated_text"]
    assert set(result.reasons) == set(result.flags)
    assert all(isinstance(r, str) and r for r in result.reasons.values())


# --- seeds against the gold ---------------------------------------------------------------------


def _gold_rows() -> list[dict]:
    if not GOLD.exists():
        return []
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.skipif(not GOLD.exists(), reason="shared gold file not available")
@pytest.mark.parametrize("gold", _gold_rows(), ids=lambda g: Path(g["source_file"]).name[:3])
def test_seed_against_gold(gold: dict) -> None:
    raw = (SEEDS / Path(gold["source_file"]).name).read_text(encoding="utf-8")
    result = clean_text(DATE_LINE.sub("", raw, count=1))
    for text in gold.get("must_keep", []):
        assert text in result.text, f"missing {text!r}"
    for text in gold.get("must_remove", []):
        assert text not in result.text, f"still present {text!r}"
    for text in gold.get("must_once", []):
        assert result.text.count(text) == 1, f"not exactly once {text!r}"
    expected = {flag for flag in gold["quality"]["flags"] if flag in CLEAN_FLAGS}
    assert set(result.flags) == expected


def test_hard_wrapped_lines_become_one_paragraph() -> None:
    wrapped = (
        "The finance ministry said on Tuesday that the new levy on\n"
        "imported steel would take effect in May.\n"
        "Officials declined to comment further.\n"
        "\n"
        "A heading without a full stop\n"
        "\n"
        "Next paragraph."
    )
    text = clean_text(wrapped).text
    assert text.split("\n") == [
        "The finance ministry said on Tuesday that the new levy on imported steel would take "
        "effect in May.",
        "Officials declined to comment further.",
        "",
        "A heading without a full stop",
        "",
        "Next paragraph.",
    ]
