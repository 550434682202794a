"""The shortcuts that make coding fast must not change what it finds.

Trigger rules run only where a scan for their required words says they can match, phrases are
looked up only at tokens that start one, and the language is told from the opening of a text.
Each is checked here against the plain, slow way on every sentence of the shared corpora.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import py3langid
import pytest

from communique import Pipeline
from communique.coding import context
from communique.coding import people as people_module
from communique.coding.knowledge import Knowledge
from communique.coding.lexicon import TriggerMatch, TriggerRules
from communique.coding.people import PeopleFinder
from communique.coding.phrases import _TOKEN, PhraseIndex
from communique.coding.text_utils import fold_in_place, fold_like_regex
from communique.language import LanguageTools, split_sentences

REPO = Path(__file__).resolve().parents[1]

# At least one sentence per rule, and the spellings the case-blind regex engine treats alike.
INVENTED = [
    "Chile and Peru re-established full diplomatic relations on Monday.",
    "Diplomatic ties were formally established in 1992.",
    "The two leaders elevated relations to a comprehensive strategic partnership.",
    "They became strategic partners last year.",
    "The president's state visit to Hanoi begins today; he is paying an official visit.",
    "The minister visited Seoul and flew into Tokyo, then travelled to Manila.",
    "Japan hosted the visiting Vietnamese prime minister.",
    "The two sides held talks in Geneva and a summit in Seoul.",
    "He met with his counterpart and spoke by phone with the Emir.",
    "They issued a joint statement and a joint communiqué.",
    "Ministers signed a memorandum of understanding; the treaty was signed in May.",
    "Both sides agreed to deepen cooperation and strengthen ties.",
    "Seoul pledged to expand the programme and is ready to invest.",
    "Brazil praised the decision and welcomed Argentina's offer.",
    "The navies held joint naval drills and military exercises.",
    "Turkey sold drones to Kenya and delivered artillery to Ukraine.",
    "The patrol vessels built for Manila were delivered in March.",
    "Vietnam bought fighter jets from Russia.",
    "They agreed on joint production and military training of officers.",
    "Talks on a free trade agreement resumed; bilateral trade rose 10%.",
    "Japan provided humanitarian aid and sent rescue teams to Turkey.",
    "Nepal received emergency assistance from India.",
    "Beijing urged Manila to stop and called on Tokyo to refrain.",
    "Moscow rejected the proposal and refused to attend.",
    "Washington eased sanctions on Caracas; the minister apologised.",
    "China accused Japan of provocation and summoned the ambassador.",
    "The Chinese envoy was summoned to the foreign ministry.",
    "Pyongyang threatened Seoul and warned of retaliation.",
    "Protesters staged a rally outside the embassy and marched.",
    "The EU imposed new sanctions and expelled two diplomats; Ottawa recalled its ambassador.",
    "Russia massed troops near the border.",
    "Police arrested two fishermen and seized their boat.",
    "Israel released the prisoners and withdrew its troops.",
    "Troops exchanged fire across the line; airstrikes killed ten.",
    # Case and Unicode: all of these must reach the rules exactly as the regex engine sees them.
    "THE ARMY İNVADED THE TOWN AND İNVASİON FOLLOWED.",
    "Both ministers ſigned a treaty; they ſpoke with each other.",
    "The KING received the delegation; attacK reported.",
    "He said aid was promised; the parties discussed sanctions.",
    "Re-establishment of relations; reestablished ties.",
    "Ministers\tmet\nwith counterparts; co-production and coproduction deals.",
    "",
    "    ",
    "No trigger here at all.",
]


def _articles() -> list[str]:
    shared = REPO.parent / "shared"
    paths = sorted((shared / "corpus" / "seeds").glob("*")) + sorted(
        (REPO / "sample" / "articles").glob("*")
    )
    texts = [path.read_text(encoding="utf-8") for path in paths if path.is_file()]
    validation = shared / "eval" / "petrarch2_validation" / "petr2_gsr_validation_eval.jsonl"
    if validation.exists():
        lines = validation.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    return texts


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return Knowledge.load()


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    found = [s.text for text in _articles() for s in split_sentences(text)]
    return list(dict.fromkeys(found + INVENTED))


# ---- trigger rules ---------------------------------------------------------------------------
def _every_rule_everywhere(rules: TriggerRules) -> Callable[[str], list[TriggerMatch]]:
    def matches(text: str) -> list[TriggerMatch]:
        return [
            TriggerMatch(rule, m.start(), m.end(), m.group(0))
            for rule in rules.rules
            for m in rule.pattern.finditer(text)
        ]

    return matches


def test_trigger_matches_are_those_of_every_rule_run_everywhere(
    knowledge: Knowledge, sentences: list[str]
) -> None:
    rules = knowledge.triggers
    slow = _every_rule_everywhere(rules)
    for sentence in sentences:
        assert rules.matches(sentence) == slow(sentence), sentence
        assert rules.may_match(sentence) == any(r.pattern.search(sentence) for r in rules.rules)


def test_every_rule_is_exercised(knowledge: Knowledge, sentences: list[str]) -> None:
    matched = {m.rule.name for s in sentences for m in knowledge.triggers.matches(s)}
    unmatched = {rule.name for rule in knowledge.triggers.rules} - matched
    assert not unmatched, f"add a sentence to INVENTED for {sorted(unmatched)}"


def _one_rule(tmp_path: Path, pattern: str) -> TriggerRules:
    path = tmp_path / "triggers.toml"
    path.write_text(
        f"[[rule]]\nname = 'r'\nkind = 'MEET'\npattern = '''{pattern}'''\n", encoding="utf-8"
    )
    return TriggerRules(path)


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"\baid\b", "He said so.", False),
        (r"\baid\b", "Aid arrived.", True),
        (r"\b(?:'s|’s)\s+visit\b", "Putin’s visit", True),
        (r"(?:re-?)?establish(?:ed)?", "they reestablished it", True),
        (r"air\s*strikes?", "AIRSTRIKES", True),
        (r"\bsigned\b", "ſIGNED", True),
        (r"\binvaded\b", "İNVADED", True),
        (r"\battack\b", "ATTACK", True),  # the last letter is the Kelvin sign
        (r"\w+ed\b", "nothing to prove: the rule always runs", False),
        (r"\w+ed\b", "it runs and matches", False),
        (r"\w+ed\b", "it runs and matched", True),
    ],
)
def test_a_rule_matches_whatever_the_required_words_scan_sees(
    tmp_path: Path, pattern: str, text: str, expected: bool
) -> None:
    rules = _one_rule(tmp_path, pattern)
    assert rules.may_match(text) is expected
    assert bool(rules.matches(text)) is expected


# Words the tokenizer splits, where a frame's word or condition hides inside another word.
FRAME_EDGES = [
    "Anti-government protesters' numbers grew as they gathered outside the embassy.",
    "Student-protesters stormed the Chilean consulate in Lima.",
    "Peruvian troops launched a counter-attack on the Chilean border post.",
    "The talks Chile called for were called off; Peru called in the envoy.",
    "Peru's president thanked Chile's for the joint-statement drafting.",
    "Bolivia's navy and Chile's trained together off the coast.",
]


@pytest.mark.slow
def test_the_frames_a_parse_finds_are_among_those_the_words_allow(
    knowledge: Knowledge, sentences: list[str], pipeline: Pipeline
) -> None:
    frames = knowledge.frames
    texts = sentences + [frame.example for frame in frames.frames] + FRAME_EDGES
    for text, doc in zip(texts, pipeline.language.parse(texts), strict=True):
        found = {match.rule.kind for match in frames.matches(doc)}
        assert found <= frames.kinds_in(text), text


def test_folding_keeps_every_character_the_regex_engine_matches_to_an_ascii_letter() -> None:
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    folded = fold_like_regex(everything)
    assert len(folded) == len(everything)
    for code in range(128):
        literal = re.compile(re.escape(chr(code)), re.IGNORECASE)
        for match in literal.finditer(everything):
            assert folded[match.start()] == chr(code).lower(), hex(ord(match.group()))
    # Word boundaries stay where they were, so a required word that starts a word still does.
    word = re.compile(r"\w")
    assert [m.start() for m in word.finditer(folded)] == [
        m.start() for m in word.finditer(everything)
    ]


# ---- phrases -----------------------------------------------------------------------------------
def _slow_find(index: PhraseIndex[object], text: str) -> list[tuple[int, int, object]]:
    """Every token tried as the start of every phrase length, as the index was first written."""
    spans = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    found = []
    i = 0
    while i < len(spans):
        hit = None
        for length in sorted(index.lengths.get(spans[i][2].casefold(), ()), reverse=True):
            tokens = tuple(token for _, _, token in spans[i : i + length])
            folded = tuple(token.casefold() for token in tokens)
            if len(tokens) == length and (tokens in index.exact or folded in index.loose):
                hit = length, index.exact.get(tokens, index.loose.get(folded))
                break
        after_period = i > 0 and spans[i - 1][2] == "." and spans[i - 1][1] == spans[i][0]
        if hit is None or after_period:
            i += 1
            continue
        found.append((spans[i][0], spans[i + hit[0] - 1][1], hit[1]))
        i += hit[0]
    return found


def test_phrase_lookups_find_what_trying_every_token_finds(
    knowledge: Knowledge, sentences: list[str]
) -> None:
    people = PeopleFinder(knowledge.offices)
    texts = _articles() + sentences + ["U.S.-China talks", "S.Korea", "İstanbul", "ß STRASSE"]
    cases: list[tuple[PhraseIndex[object], list[str]]] = [
        (knowledge.gazetteer.index, texts),  # type: ignore[list-item]
        (people._known, [fold_in_place(text) for text in texts]),  # type: ignore[list-item]
        (people._leaders, texts),  # type: ignore[list-item]
    ]
    for index, inputs in cases:
        for text in inputs:
            fast = [(m.start, m.end, m.value) for m in index.find(text)]
            assert fast == _slow_find(index, text), text[:200]


# ---- words for a pair of states ------------------------------------------------------------------
def test_the_pair_words_check_finds_what_the_patterns_find(sentences: list[str]) -> None:
    texts = [
        *sentences,
        *["BİLATERAL TALKS", "a trılateral summit", "EACH\nOTHER", "THEY MET", "Both"],
        *["The TWO Sides", "the three-way call", "tripartite", "all three leaders"],
    ]
    found = 0
    for text in texts:
        slow = any(
            p.search(text)
            for p in (context.DYAD_ANAPHOR, context.PAIR_ANAPHOR, context.TRIO_ANAPHOR)
        )
        assert context.may_name_the_pair(text) == slow, text
        found += slow
    assert found > 20


# ---- people ------------------------------------------------------------------------------------
def test_a_title_is_found_where_a_search_of_every_position_finds_it(sentences: list[str]) -> None:
    """The title before a name is sought only where a title's first word stands."""
    texts = [*sentences, "Deputy Prime Minister and Minister of Foreign Affairs Kim", "Emirates X"]
    tried = 0
    for text in texts:
        for start in range(len(text) + 1):
            fast = people_module._title_before.__wrapped__(text, start)
            window = text[max(0, start - people_module._TITLE_REACH) : start]
            slow = people_module._TITLE_BEFORE.search(window)
            assert (fast and fast.group(0), fast and fast.group(1)) == (
                slow and slow.group(0),
                slow and slow.group(1),
            ), text[:start]
            tried += bool(slow)
    assert tried > 100


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkey and Russia signed a deal.", []),  # a state is no person near another state
        ("Officials from Chile, Peru and Bolivia met.", []),
        ("KENYA AND TANZANIA SIGN BORDER PACT AFTER TALKS", []),  # a headline in capitals
        ("South Korean Foreign Minister Tomas Ruvalo met Ms Wong.", [("Tomas Ruvalo", "KOR")]),
        ("Chile's envoy Maria Soto spoke.", [("Maria Soto", "CHL")]),
        ("Ghana's Kwame Asante and Peru's Ana Quispe met.", [("Kwame Asante", "GHA")]),
    ],
)
def test_the_people_the_recognizer_could_add_are_names_not_states_or_headlines(
    knowledge: Knowledge, sentence: str, expected: list[tuple[str, str]]
) -> None:
    finder = PeopleFinder(knowledge.offices)
    actors = knowledge.gazetteer.find(sentence)
    found = {(p.name, p.country) for p in finder.possible(sentence, 0, actors)}
    assert set(expected) <= found
    assert not any(name.upper() == name or name in {"Russia", "Bolivia"} for name, _ in found)


# ---- language ----------------------------------------------------------------------------------
def test_the_language_of_an_opening_is_that_of_the_first_2000_characters() -> None:
    tools = LanguageTools("unused")
    for text in _articles():
        if len(text[:2000].split()) >= 5:
            assert tools.detect(text) == str(py3langid.classify(text[:2000])[0]), text[:200]


@pytest.mark.parametrize("code", ["de", "es", "fr", "it", "nl", "pt", "sv", "tr", "id", "ro"])
def test_other_languages_get_the_identifiers_answer(code: str) -> None:
    # spaCy ships example sentences for each language it supports: real prose, not English.
    examples = importlib.import_module(f"spacy.lang.{code}.examples").sentences
    text = " ".join(examples)
    assert LanguageTools("unused").detect(text) == str(py3langid.classify(text[:600])[0]) == code


def test_too_few_words_tell_no_language() -> None:
    tools = LanguageTools("unused")
    assert tools.detect("Seoul, Aug 12") is None
    assert tools.detect("x" * 700 + " and then four more words") is not None
