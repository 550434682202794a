"""The spaCy pipeline and the language detector, loaded once per process."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import Any

import py3langid
import spacy
from spacy.language import Language as SpacyLanguage
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Span
from thinc.api import use_ops
from threadpoolctl import ThreadpoolController

from ..errors import CommuniqueError
from .rule_tables import CachedLemmatizer, TableAttributeRuler

# Words that make about a fifth of any English prose and are rare as words in other languages:
# an opening where they make an eighth or more is English, without asking the identifier,
# which costs as much as the rest of reading an article. Openings of fewer words, such as a
# headline in capitals, go to the identifier.
_ENGLISH_WORDS = frozenset(
    ("the", "of", "and", "to", "that", "with", "was", "were", "said", "which", "from", "has")
    + ("have", "for", "is")
)
_ENGLISH_SHARE = 0.125
_ENGLISH_MIN_WORDS = 20


def _reads_as_english(sample: str) -> bool:
    words = sample.lower().split()
    english = sum(word in _ENGLISH_WORDS for word in words)
    return len(words) >= _ENGLISH_MIN_WORDS and english >= _ENGLISH_SHARE * len(words)


@dataclass(frozen=True)
class ParseRequest:
    """One sentence for spaCy, and which of its two costly readings the coder needs."""

    text: str
    roles: bool = True  # tags, dependencies and lemmas: the role finder and the frames
    names: bool = True  # named entities: the people finder
    # Or named entities only where the roles' parse shows a proper name of two words or more
    # inside one of these spans: where a name the recognizer tells to be a person would
    # resolve to an official ("Kim Tae-hyo of South Korea's ... praised").
    names_within: tuple[tuple[int, int], ...] | None = None


# The components behind each reading. The English models' entity recognizer has its own
# token-to-vector layer, so names and roles are two independent costs, paid only where needed.
_ROLE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
_NAME_COMPONENTS = ("ner",)


class LanguageTools:
    """spaCy (loaded lazily, once) and an offline language identifier."""

    def __init__(self, model_name: str) -> None:
        self.model_name = model_name
        self.components = [*_ROLE_COMPONENTS, *_NAME_COMPONENTS]

    @cached_property
    def nlp(self) -> SpacyLanguage:
        # The models multiply their matrices through thinc, with BLIS by default; numpy's BLAS
        # does the same products about three times as fast (the token-to-vector layer, the
        # largest cost of a parse, fell from 3.9 to 2.1 CPU s on the benchmark corpus), and the
        # parses are the same.
        try:
            with use_ops("numpy", use_blis=False):
                return spacy.load(self.model_name, enable=self.components)
        except OSError as exc:
            raise CommuniqueError(
                f"spaCy model {self.model_name!r} is not installed; install the package that "
                "ships it (see README) or set `spacy_model`"
            ) from exc

    def load(self) -> None:
        """Load both models now, so that the first article does not pay for them."""
        self.nlp  # noqa: B018
        py3langid.classify("load the language identifier")

    def parse(self, requests: Iterable[ParseRequest | str], batch_size: int = 256) -> Iterator[Doc]:
        """Docs for the requests, in order; a plain string asks for every reading."""
        pending = iter(requests)
        while batch := [_request(r) for r in islice(pending, batch_size)]:
            yield from self._parse_batch(batch)

    def _parse_batch(self, batch: list[ParseRequest]) -> list[Doc]:
        docs = [self.nlp.make_doc(r.text) for r in batch]
        pairs = list(zip(docs, batch, strict=True))
        # One BLAS thread: a process codes on one core (the Dask engine runs one per core), and
        # more threads only spun against the other processes (a third more CPU time).
        with self._blas.limit(limits=1, user_api="blas"):
            self._run(_ROLE_COMPONENTS, [doc for doc, r in pairs if r.roles])
            named = [
                (doc, r.names_within)
                for doc, r in pairs
                if r.names or (r.roles and r.names_within and _shows_a_name(doc, r.names_within))
            ]
            self._recognize_names(named)
        return docs

    def _recognize_names(self, named: list[tuple[Doc, tuple[tuple[int, int], ...] | None]]) -> None:
        """The recognizer over each doc, or only around the spans where a name could be: it
        reads a few words either side of a word, so a window of them labels a name as the
        whole sentence does, at a fraction of the cost."""
        self._run(_NAME_COMPONENTS, [doc for doc, spans in named if not spans])
        windows = [
            (doc, start, end)
            for doc, spans in named
            if spans
            for start, end in _windows(doc, spans)
        ]
        pieces = [_piece(doc, start, end) for doc, start, end in windows]
        self._run(_NAME_COMPONENTS, pieces)
        entities: dict[int, list[Span]] = {id(doc): [] for doc, spans in named if spans}
        for (doc, start, _), piece in zip(windows, pieces, strict=True):
            entities[id(doc)] += [
                Span(doc, start + ent.start, start + ent.end, label=ent.label) for ent in piece.ents
            ]
        for doc, spans in named:
            if spans:
                doc.set_ents(entities[id(doc)], default="outside")

    @cached_property
    def _blas(self) -> ThreadpoolController:
        return ThreadpoolController()

    def _run(self, components: Sequence[str], docs: list[Doc]) -> None:
        for name in components:
            docs = _apply(self._component(name), docs)

    def _component(self, name: str) -> Callable[[Doc], Doc]:
        return self._rule_tables.get(name) or self.nlp.get_pipe(name)

    @cached_property
    def _rule_tables(self) -> dict[str, Callable[[Doc], Doc]]:
        """The rule components' faster stand-ins (same results), where the model has them."""
        stand_ins: dict[str, Callable[[Doc], Doc]] = {}
        for name, pipe in self.nlp.pipeline:
            if isinstance(pipe, AttributeRuler):
                stand_ins[name] = TableAttributeRuler(pipe)
            elif isinstance(pipe, Lemmatizer) and pipe.mode == "rule":
                stand_ins[name] = CachedLemmatizer(pipe)
        return stand_ins

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of the text's language, or None for text too short to tell."""
        if len(text[:2000].split(maxsplit=4)) < 5:
            return None
        # py3langid's cost grows with the sample; 400 characters already named the same
        # language as 2,000 on every article of the shared, sample and benchmark corpora.
        sample = text[:600]
        if len(text) > len(sample):
            sample = sample.rpartition(" ")[0] or sample  # no word cut in half
        if _reads_as_english(sample):
            return "en"
        language: Any = py3langid.classify(sample)[0]
        return str(language)


def _shows_a_name(doc: Doc, spans: tuple[tuple[int, int], ...]) -> bool:
    """Two proper nouns in a row, in title case, inside one of the spans."""
    for span_start, span_end in spans:
        run = 0
        for token in doc.char_span(span_start, span_end, alignment_mode="expand") or ():
            if token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_upper:
                run += 1
                if run == 2:
                    return True
            else:
                run = 0
    return False


# Words either side of a span where a name could be that the recognizer reads with it. Its
# token vectors see four words either side; windows of four already labelled every name of
# the 249 Guardian bench articles as whole sentences did, and six leave a margin.
_NAME_WINDOW = 6


def _windows(doc: Doc, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The token ranges around the character spans, merged where they overlap."""
    ranges = []
    for span_start, span_end in spans:
        span = doc.char_span(span_start, span_end, alignment_mode="expand")
        if span is not None:
            ranges.append(
                (max(0, span.start - _NAME_WINDOW), min(len(doc), span.end + _NAME_WINDOW))
            )
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _piece(doc: Doc, start: int, end: int) -> Doc:
    tokens = doc[start:end]
    return Doc(
        doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens]
    )


def _apply(component: Callable[[Doc], Doc], docs: list[Doc]) -> list[Doc]:
    """One pipeline component over docs, batched where it can be."""
    if not docs:
        return docs
    pipe = getattr(component, "pipe", None)
    return list(pipe(docs)) if pipe else [component(doc) for doc in docs]


def _request(request: ParseRequest | str) -> ParseRequest:
    return ParseRequest(request) if isinstance(request, str) else request
