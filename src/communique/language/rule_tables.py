"""Faster stand-ins for spaCy's two rule components, with the same results.

The English models' attribute ruler runs a Matcher of some 180 patterns over every token, and
the rule lemmatizer works out again the lemma of every word it met before: together as costly
as the parser on our candidate sentences. Almost all the ruler's patterns test one token's
tag, lower-case form, dependency or whitespace, which a table answers once per combination;
the few longer ones keep their Matcher. Both stand-ins take their rules from the loaded
components, so a model update brings its rules with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from itertools import chain
from typing import Any

from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a one-token pattern may test and still be answered by the table, in
# the order of the array spaCy gives them in (IS_SPACE last: the one that is no string).
_TOKEN_ATTRS: list[int | str] = ["TAG", "LOWER", "DEP", "IS_SPACE"]
_Tests = dict[int | str, Callable[[Any], bool]]


class TableAttributeRuler:
    """spaCy's AttributeRuler: one-token rules by table, the others by its Matcher.

    Rules apply in the ruler's own order, so a later rule overrides an earlier one on the same
    token, as in spaCy.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.by_tag: dict[str, list[tuple[int, _Tests]]] = defaultdict(list)
        self.by_lower: dict[str, list[tuple[int, _Tests]]] = defaultdict(list)
        self.others: list[tuple[int, _Tests]] = []
        self.longer = Matcher(ruler.vocab)
        # The rules a token meets depend on its four attributes only: found once for each.
        self.rules_by_token: dict[tuple[int, ...], tuple[int, ...]] = {}
        # Most words are tested by no rule at all: all of them share one key ("" for LOWER).
        self.lower_tests: list[Callable[[Any], bool]] = []
        self.lower_kept: dict[int, int] = {}
        rules: list[dict[str, Any]] = ruler.patterns
        for number, rule in enumerate(rules):
            for pattern in rule["patterns"]:
                tests = _one_token_tests(pattern)
                if tests is None:
                    self.longer.add(str(number), [pattern])
                else:
                    self._index(number, pattern[0], tests)

    def _lower_key(self, lower: int, strings: Any) -> int:
        """The word itself where some rule tests it, else 0: one key for every other word."""
        kept = self.lower_kept.get(lower)
        if kept is None:
            text = strings[lower]
            kept = lower if any(test(text) for test in self.lower_tests) else 0
            self.lower_kept[lower] = kept
        return kept

    def _index(self, number: int, pattern: dict[int | str, Any], tests: _Tests) -> None:
        if "LOWER" in tests:
            self.lower_tests.append(tests["LOWER"])
        if isinstance(pattern.get("TAG"), str):
            self.by_tag[pattern["TAG"]].append((number, tests))
        elif isinstance(pattern.get("LOWER"), str):
            self.by_lower[pattern["LOWER"]].append((number, tests))
        else:
            self.others.append((number, tests))

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        matches = []
        for i, row in enumerate(doc.to_array(_TOKEN_ATTRS).tolist()):
            tag, lower, dep, space = row
            key = (tag, self._lower_key(lower, strings), dep, space)
            numbers = self.rules_by_token.get(key)
            if numbers is None:
                values = [strings[tag], strings[lower], strings[dep], bool(space)]
                numbers = self._rules_for(dict(zip(_TOKEN_ATTRS, values, strict=True)))
                self.rules_by_token[key] = numbers
            matches += [(number, i) for number in numbers]
        for match_id, start, end in self.longer(doc, allow_missing=True):
            number = int(strings[match_id])
            matches.append((number, doc[start:end][self.indices[number]].i))
        for number, i in sorted(matches):
            set_token_attrs(doc[i], self.attrs[number])
        return doc

    def _rules_for(self, token: dict[int | str, Any]) -> tuple[int, ...]:
        candidates = chain(
            self.by_tag.get(token["TAG"], ()), self.by_lower.get(token["LOWER"], ()), self.others
        )
        return tuple(
            number
            for number, tests in candidates
            if all(test(token[key]) for key, test in tests.items())
        )


def _one_token_tests(pattern: list[dict[int | str, Any]]) -> _Tests | None:
    """A one-token pattern as tests of the token's attributes, where each is one we know."""
    if len(pattern) != 1 or not pattern[0].keys() <= set(_TOKEN_ATTRS):
        return None
    tests = {key: _test(value) for key, value in pattern[0].items()}
    return None if None in tests.values() else tests  # type: ignore[return-value]


def _test(value: Any) -> Callable[[Any], bool] | None:
    """A value of a Matcher pattern as a test of one attribute's value."""
    if isinstance(value, str | bool):
        return value.__eq__
    if isinstance(value, dict) and len(value) == 1:
        ((operator, operand),) = value.items()
        if operator == "IN":
            return frozenset(operand).__contains__
        if operator == "NOT_IN":
            excluded = frozenset(operand)
            return lambda v: v not in excluded
        if operator == "REGEX":
            pattern = re.compile(operand)
            return lambda v: pattern.search(v) is not None
    return None


class CachedLemmatizer:
    """spaCy's rule Lemmatizer, remembering each word's lemma by form, tag and features.

    spaCy's own cache skips the words it returns early (proper nouns, base forms), which are
    most of a news sentence; the lemma depends on nothing else, so all are remembered here.
    """

    _MOST = 500_000  # words remembered, so that a large corpus cannot grow it without bound

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}
        _index_as_sets(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        overwrite = self.lemmatizer.overwrite
        for token in doc:
            if overwrite or token.lemma == 0:
                key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]
                lemma = self.lemmas.get(key)
                if lemma is None:
                    token.lemma_ = self.lemmatizer.lemmatize(token)[0]
                    self._remember(key, token.lemma)
                else:
                    token.lemma = lemma
        return doc

    def _remember(self, key: tuple[int, int, int], lemma: int) -> None:
        if len(self.lemmas) >= self._MOST:
            self.lemmas.clear()
        self.lemmas[key] = lemma


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """The model ships its table of known words per word class as lists, which the rule
    lemmatizer searches one by one for every form it tries (57,000 nouns): made sets, each
    search is one step, and every lemma stays the same."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)
