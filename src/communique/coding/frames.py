"""Frames: trigger words matched on the parse by lemma, word class and their dependents.

One frame in `data/en/frames.toml` covers every inflection, tense and voice of its words; its
conditions (a particle, an object, a modifier, an adverb) are read from the word's own
dependents, so "called in the ambassador" is a summons and "called in the morning" is not.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from ..schema import kinds
from .lexicon import TriggerMatch, TriggerRule

_OBJECT_DEPS = {"dobj", "nsubjpass", "obj", "attr", "dative"}
_NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass"}
# The object list's word for a nationality named as a noun ("freed two Canadians"), and for
# any name ("supports Ukraine"): neither is looked for before the parse.
_NATIONALITY = "NORP"
_NAME = "PROPN"
_UNLISTED_OBJECTS = {_NATIONALITY, _NAME}
# Prepositions whose gerund names an act not done, or only alleged: "warned against selling",
# "refrained from attacking", "without consulting", "accused Chile of selling arms to Bolivia"
# (the accused sold them, not the accuser the parse would give them to).
_NOT_DONE_PREPS = {"against", "from", "without", "of"}
# "set free", "were set free", "set them free": the parser makes the word a particle, a
# predicate or a clause
_PARTICLE_DEPS = {"prt", "advmod", "prep", "oprd", "advcl"}
# What belongs to a larger thing and is named "for" it: "spare parts for fighter jets".
_PARTS = {
    "part", "spare", "component", "upgrade", "kit", "module", "accessory", "maintenance",
    "sustainment", "support",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a letter, then letters, digits, ' and -


@dataclass(frozen=True)
class Frame:
    name: str
    kind: str
    pos: str
    lemmas: frozenset[str]
    confidence: float
    example: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    named: bool = False  # a name before the noun counts as one of its modifiers
    adverbs: frozenset[str] = frozenset()
    subject_is_target: bool = False
    generic_plural: bool = False
    reciprocal: bool = False
    active_only: bool = False  # "Turkey is expected to sign" forecasts; "Moscow expects" asks
    subjects: frozenset[str] = frozenset()
    cues: frozenset[str] = frozenset()
    deps: frozenset[str] = frozenset()
    not_preps: frozenset[str] = frozenset()
    not_under: frozenset[str] = frozenset()

    def rule(self) -> TriggerRule:
        """The frame as a trigger rule, so status, dates and sectors read it like any other."""
        words = "|".join(sorted(re.escape(w) for w in self.lemmas))
        return TriggerRule(
            name=f"frame:{self.name}",
            kind=self.kind,
            pattern=re.compile(rf"\b(?:{words})", re.IGNORECASE),
            confidence=self.confidence,
            subject_is_target=self.subject_is_target,
            generic_plural=self.generic_plural,
            particle=self.particle,
            reciprocal=self.reciprocal,
        )


class Frames:
    """Every frame of a language, and the word forms that can start one."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        known = kinds()
        self.frames: list[Frame] = []
        for entry in data["frame"]:
            if entry["kind"] not in known:
                raise ValueError(
                    f"{path}: frame {entry['name']} names unknown kind {entry['kind']}"
                )
            self.frames.append(
                Frame(
                    name=entry["name"],
                    kind=entry["kind"],
                    pos=entry["pos"],
                    lemmas=frozenset(entry["lemmas"]),
                    confidence=float(entry.get("confidence", 0.6)),
                    example=entry.get("example", ""),
                    particle=entry.get("particle"),
                    objects=frozenset(entry.get("objects", [])),
                    not_objects=frozenset(entry.get("not_objects", [])),
                    modifiers=frozenset(entry.get("modifiers", [])),
                    named=bool(entry.get("named", False)),
                    adverbs=frozenset(entry.get("adverbs", [])),
                    subject_is_target=entry.get("subject_is", "source") == "target",
                    active_only=entry.get("voice") == "active",
                    generic_plural=bool(entry.get("generic_plural", False)),
                    reciprocal=bool(entry.get("reciprocal", False)),
                    subjects=frozenset(entry.get("subjects", [])),
                    cues=frozenset(entry.get("cues", [])),
                    deps=frozenset(entry.get("deps", [])),
                    not_preps=frozenset(entry.get("not_preps", [])),
                    not_under=frozenset(entry.get("not_under", [])),
                )
            )
        self._rules = {frame.name: frame.rule() for frame in self.frames}
        self._by_lemma: dict[str, list[Frame]] = {}
        self._by_lemma_hash: dict[int, list[Frame]] = {}  # the same, by the lemma's hash
        for frame in self.frames:
            for lemma in frame.lemmas:
                self._by_lemma.setdefault(lemma, []).append(frame)
        irregular = data.get("irregular", {})
        self.forms = _word_forms(self._by_lemma, irregular)
        # Words a frame cannot fit without, each set one of whose words the text must hold.
        self._needed = {frame.name: _needed_words(frame, irregular) for frame in self.frames}

    def kinds_in(self, text: str) -> set[str]:
        """The kinds whose frames a word of `text` can start (no parse needed): a frame that
        needs an object ("provided aid"), a cue ("held ... responsible"), a particle ("called
        in"), a subject ("protesters stormed") or a modifier ("joint statement") needs a form
        of one of them in the text too."""
        words = _words_of(text)
        return {
            frame.kind
            for word in words & self.forms.keys()
            for frame in self.forms[word]
            if all(words & needed for needed in self._needed[frame.name])
        }

    def matches(self, doc: Doc) -> list[TriggerMatch]:
        found = []
        # Most tokens start no frame: their lemmas are read as one array and looked up by
        # hash, and only the few that do become Token objects.
        for i, lemma in enumerate(doc.to_array("LEMMA").tolist()):
            frames = self._by_lemma_hash.get(lemma)
            if frames is None:
                frames = self._by_lemma.get(doc.vocab.strings[lemma].lower(), [])
                if len(self._by_lemma_hash) < 500_000:  # a large corpus cannot grow it unbounded
                    self._by_lemma_hash[lemma] = frames
            if not frames:
                continue
            token = doc[i]
            fitting = [frame for frame in frames if _fits(frame, token)]
            if fitting:
                frame = fitting[0]
                if frame.particle:
                    # "called back its envoy for consultations": the particle nearest the
                    # verb says what it does, not a phrase further on
                    frame = min(
                        (f for f in fitting if f.particle),
                        key=lambda f: _particle_distance(token, f.particle or ""),
                    )
                rule = self._rules[frame.name]
                found.append(TriggerMatch(rule, token.idx, token.idx + len(token), token.text))
        return found


def _fits(frame: Frame, token: Token) -> bool:
    pos = token.pos_
    # "kicked off their annual military drills": a noun the tagger read as a verb, which the
    # parse still makes a verb's object or subject
    misread_noun = pos == "VERB" and token.dep_ in _NOMINAL_DEPS
    if frame.pos == "NOUN" and pos not in {"NOUN", "PROPN"} and not misread_noun:
        return False
    # "the signed agreement", "Moscow feels threatened", "the negotiating table": a participle
    # used as an adjective or a noun's modifier
    if frame.pos == "VERB" and (pos != "VERB" or token.dep_ in {"amod", "acomp", "compound"}):
        return False
    if any(c.dep_ == "auxpass" and c.lemma_ not in {"be", "get"} for c in token.children):
        return False
    if frame.active_only and any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children):
        return False
    if frame.pos == "VERB" and token.dep_ == "pcomp" and token.head.lower_ in _NOT_DONE_PREPS:
        return False  # "warned Washington against selling arms", "accused X of selling"
    if frame.deps and token.dep_ not in frame.deps:
        return False
    if frame.particle and not _has_particle(token, frame.particle):
        return False
    if any(_has_particle(token, prep) for prep in frame.not_preps):
        return False
    if frame.not_under and _verb_of_phrase(token) in frame.not_under:
        return False
    objects = _object_lemmas(token)
    if frame.objects and not objects & frame.objects:
        return False
    if frame.not_objects and (objects | _means(token)) & frame.not_objects:
        return False
    if frame.modifiers and not _modified(token, frame.modifiers, frame.named):
        return False
    if frame.subjects and not _done_by(token, frame.subjects):
        return False
    if frame.cues and not _cued(token, frame.cues):
        return False
    return not frame.adverbs or any(
        c.dep_ in {"advmod", "prep"} and c.lower_ in frame.adverbs for c in token.children
    )


def _particle_distance(verb: Token, particle: str) -> int:
    return min((abs(c.i - verb.i) for c in verb.children if c.lower_ == particle), default=999)


def _verb_of_phrase(noun: Token) -> str | None:
    """The lemma of the verb whose prepositional phrase holds the noun: "recall" in "recalled
    its envoy for consultations"."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ != "VERB":
        return None
    return str(noun.head.head.lemma_.lower())


def _has_particle(token: Token, particle: str) -> bool:
    """The word's particle or preposition, or the one that opens the clause it governs
    ("called for Turkey to withdraw": the parser makes "for" the mark of "withdraw"; "the
    demand that China release the crew")."""
    for child in token.children:
        if child.dep_ in _PARTICLE_DEPS and child.lower_ == particle and not _of_time(child):
            return True
        if child.dep_ in {"advcl", "ccomp", "xcomp", "acl"} and child.i > token.i:
            first = next(iter(child.children), None)
            if first is not None and first.dep_ == "mark" and first.lower_ == particle:
                return True
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj":
        # "issued arrest warrants for two Chilean men": the parser hangs the phrase on the verb
        return any(c.dep_ == "prep" and c.lower_ == particle for c in token.head.children)
    if token.pos_ == "VERB":
        # "used force against Chilean boats": and the verb's phrase on its object
        return any(
            c.dep_ == "prep" and c.lower_ == particle
            for obj in token.children
            if obj.dep_ == "dobj"
            for c in obj.children
        )
    return False


def _object_lemmas(token: Token) -> set[str]:
    """Lemmas of what the word acts on: a verb's object, a noun's "of" and its compounds."""
    heads = [c for c in token.children if c.dep_ in _OBJECT_DEPS]
    # a name the verb acts on itself ("hosted Macron"), not one in its phrases ("in Tehran")
    named = {w.i for h in heads for w in (h, *h.conjuncts) if w.pos_ == _NAME}
    if token.pos_ in {"NOUN", "PROPN"}:
        heads += [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"}]
        # "the expulsion of the ambassador", "talks on a free trade agreement"
        for prep in (
            c for c in token.children if c.dep_ == "prep" and c.lower_ in _NOUN_OBJECT_PREPS
        ):
            heads += [c for c in prep.children if c.dep_ == "pobj"]
        heads += _of_after_a_time(token)
    else:
        # "called on the president", "withdrew its envoy from", "sent ships to the border",
        # "was hit by sanctions": objects of its prepositions and its agent
        for prep in (c for c in token.children if c.dep_ in {"prep", "dative", "agent"}):
            heads += [c for c in prep.children if c.dep_ == "pobj"]
        if token.dep_ in {"relcl", "acl"}:
            heads.append(token.head)  # "the missiles sold to Qatar"
    # "the first batch of missiles", "$4 million in aid": the thing is in the "of" or "in";
    # "the sale of spare parts for fighter jets": a part is of the thing it is "for"
    for _ in range(2):
        heads += [
            obj
            for head in list(heads)
            for prep in head.children
            if prep.dep_ == "prep"
            and (
                prep.lower_ in {"of", "in"}
                or (prep.lower_ == "for" and head.lemma_.lower() in _PARTS)
            )
            for obj in prep.children
            if obj.dep_ == "pobj" and obj not in heads
        ]
    lemmas: set[str] = set()
    for head in heads:
        for word in (head, *head.conjuncts):
            lemmas.add(word.lemma_.lower())
            if word.ent_type_ == _NATIONALITY or _plural_name(word):
                lemmas.add(_NATIONALITY)
            if word.i in named:
                lemmas.add(_NAME)
            # "a free trade agreement", "an economic partnership agreement": two levels deep
            for modifier in (c for c in word.children if c.dep_ in {"compound", "amod"}):
                lemmas.add(modifier.lemma_.lower())
                lemmas.update(
                    c.lemma_.lower() for c in modifier.children if c.dep_ in {"compound", "amod"}
                )
    return lemmas


def _plural_name(word: Token) -> bool:
    """ "two Canadians", "three Britons": a capitalised plural inside the sentence, for where
    the names were not read."""
    return word.is_title and word.tag_ in {"NNS", "NNPS"} and not word.is_sent_start


def _done_by(verb: Token, subjects: frozenset[str]) -> bool:
    """Whether the verb's subject (or its agent after "by") is one of `subjects`: a lemma of
    the word or of a title before it ("President Erdogan"), the entity type of a name
    ("PERSON", where the names were read) or "PROPN" for any name."""
    doers = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if not doers and verb.dep_ == "xcomp":  # "troops began pulling out": the verb's above
        doers = [c for c in verb.head.children if c.dep_ in {"nsubj", "csubj"}]
    doers += [
        obj
        for agent in verb.children
        if agent.dep_ == "agent"
        for obj in agent.children
        if obj.dep_ == "pobj"
    ]
    for doer in (word for d in doers for word in (d, *d.conjuncts)):
        words = [doer, *(c for c in doer.children if c.dep_ in {"compound", "amod"})]
        # "thousands of protesters": the people counted
        words += [
            obj
            for prep in doer.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        if any(w.lemma_.lower() in subjects for w in words):
            return True
        if doer.ent_type_ and doer.ent_type_ in subjects:
            return True
        if doer.pos_ in subjects:  # "PROPN": a name, of a state or a person
            return True
    return False


# A clause or a predicate a verb governs: "attacked X, saying", "told X to leave", "held X
# responsible".
_CUE_DEPS = {"advcl", "xcomp", "conj", "oprd", "acomp", "ccomp"}


def _cued(verb: Token, cues: frozenset[str]) -> bool:
    """Whether the verb has one of `cues` as a preposition that does not name a time ("over
    its policy", not "over the weekend") or as the lemma of a clause or predicate it governs
    ("saying", "to leave", "responsible")."""
    # "sent warplanes and ships toward Taiwan": the parse can hang the phrase on the object
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    for child in (*verb.children, *(c for o in objects for c in o.children if c.dep_ == "prep")):
        if child.dep_ == "prep" and child.lower_ in cues:
            objects = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if any(not _a_time(o) for o in objects):
                return True
        elif child.dep_ in _CUE_DEPS and child.lemma_.lower() in cues:
            return True
    return False


def _of_time(prep: Token) -> bool:
    """ "insisted on Wednesday that ...": a preposition whose object is a time is no particle."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(_a_time(o) for o in objects)


def _a_time(word: Token) -> bool:
    return word.ent_type_ in {"DATE", "TIME"} or word.lemma_.lower() in _SPANS_OF_TIME


def _means(verb: Token) -> set[str]:
    """Lemmas of a gerund in the verb's phrase and of what it acts on: "retaliated by imposing
    sanctions" hit back with sanctions, as "retaliated with sanctions" does, and "retaliated by
    expelling the ambassador" with an expulsion."""
    gerunds = [
        gerund
        for prep in verb.children
        if prep.dep_ == "prep"
        for gerund in prep.children
        if gerund.dep_ == "pcomp"
    ]
    return {g.lemma_.lower() for g in gerunds} | {
        obj.lemma_.lower() for g in gerunds for obj in g.children if obj.dep_ in _OBJECT_DEPS
    }


_NOUN_OBJECT_PREPS = {"of", "on", "over", "about"}
# "ordered the expulsion on Monday morning of the ambassador": the parse hangs the "of" on
# the time the writer put between the noun and it.
_TIME_WORDS = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    + ("morning", "afternoon", "evening", "night", "day", "week", "weekend")
)
_SPANS_OF_TIME = _TIME_WORDS | {"hour", "month", "year", "decade", "period", "course"}


def _of_after_a_time(noun: Token) -> list[Token]:
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is None or following.dep_ != "prep" or following.lower_ == "of":
        return []
    times = [c for c in following.children if c.dep_ == "pobj" and c.lower_ in _TIME_WORDS]
    return [
        obj
        for time in times
        for prep in time.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _modified(token: Token, modifiers: frozenset[str], named: bool) -> bool:
    """ "joint drills", "Cobra Gold exercises": a listed modifier or a name of its own."""
    for child in token.children:
        if child.dep_ not in {"amod", "compound", "nmod"}:
            continue
        for word in (child, *child.conjuncts):  # "planning and field exercises"
            if word.lower_ in modifiers or word.lemma_.lower() in modifiers:
                return True
        if named and child.dep_ == "compound" and child.pos_ == "PROPN":
            return True  # "Cobra Gold exercises" (but "the CSNS statement" is no joint one)
    return False


def _word_forms(
    by_lemma: dict[str, list[Frame]], irregular: dict[str, list[str]]
) -> dict[str, list[Frame]]:
    """Every form of every lemma, with the frames it can start: a noun's frame only the forms
    a noun can take ("calls", "calling", not "called")."""
    forms: dict[str, list[Frame]] = {}
    for lemma, frames in by_lemma.items():
        for frame in frames:
            for form in _forms_of(lemma, irregular, noun=frame.pos == "NOUN"):
                if frame not in forms.setdefault(form, []):
                    forms[form].append(frame)
    return forms


def _forms_of(lemma: str, irregular: dict[str, list[str]], noun: bool = False) -> set[str]:
    inflected = set(_inflections(lemma))
    forms = inflected | set(irregular.get(lemma, []))
    if noun:  # "called" is no noun
        forms -= {form for form in inflected if form != lemma and form.endswith("d")}
    return forms


def _needed_words(frame: Frame, irregular: dict[str, list[str]]) -> list[set[str]]:
    """The sets of words a frame cannot fit without one of, read from its conditions in
    `_fits`: an object, a particle, a cue, a subject, a modifier, an adverb. A condition that
    a name or an entity type can meet ("PROPN", "PERSON", a `named` modifier) needs no word."""

    def forms(lemmas: frozenset[str]) -> set[str]:
        return {form for lemma in lemmas for form in _forms_of(lemma, irregular)}

    # a nationality or a name as the object ("freed two Canadians", "hosted Macron") is no word
    objects = set() if frame.objects & _UNLISTED_OBJECTS else forms(frame.objects)
    needed = [objects, forms(frame.cues), set(frame.adverbs)]
    needed.append({frame.particle} if frame.particle else set())
    if all(subject.islower() for subject in frame.subjects):
        needed.append(forms(frame.subjects))
    if not frame.named:
        needed.append(forms(frame.modifiers))
    return [words for words in needed if words]


def _words_of(text: str) -> set[str]:
    """The text's words, lower-cased, and the pieces the tokenizer splits them into: "anti-war"
    holds "war" and "protesters'" "protesters"."""
    words = set(_WORD.findall(text.lower()))
    return words | {piece for word in words for piece in re.split(r"[-'’]", word)}


def _inflections(lemma: str) -> Iterator[str]:
    """Regular English forms: -s, -es, -ed, -ing, with a final e dropped or a consonant doubled."""
    yield lemma
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    yield from (lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d")
    if lemma.endswith("y"):
        yield from (lemma[:-1] + "ies", lemma[:-1] + "ied")
    if lemma.endswith("man"):
        yield lemma[:-3] + "men"  # "fishermen", "seamen", "spokesmen"
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        yield from (lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing")
