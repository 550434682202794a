"""What the article as a whole tells about a sentence: its dateline and home state, its
protagonist and main pair of states, and the parties a sentence implies without naming."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..language import Sentence
from ..schema import kinds
from .actors import ActorMention
from .dates import DateValue
from .merging import Candidate
from .people import PersonMention, spans_in_sentence
from .roles import Party
from .text_utils import fold_like_regex

# Phrases that stand for the article's main pair of states.
DYAD_ANAPHOR = re.compile(
    r"\b(?:the\s+two|both)\s+(?:countries|nations|sides|leaders|governments|ministers|states|"
    r"presidents|premiers|militaries|ministries|parties|delegations|heads\s+of\s+state)\b|"
    r"\b(?:bilateral|each\s+other|they)\b|^(?:Both)\b",
    re.IGNORECASE,
)


# Phrases that stand for a pair just named: "the two ministers", "both sides", "each other".
PAIR_ANAPHOR = re.compile(
    r"\b(?:the\s+two|both)\s+(?:countries|nations|sides|leaders|governments|ministers|states|"
    r"presidents|premiers|militaries|ministries|parties|delegations|heads\s+of\s+state|"
    r"diplomats|officials|men|women|allies|neighbou?rs)\b|\beach\s+other\b|^The\s+two\b",
    re.IGNORECASE,
)


# Harm that "both sides" suffered was done by each to the other: "fighting that killed
# soldiers on both sides".
MUTUAL_HARM_KINDS = {"ASSAULT"}
ON_BOTH_SIDES = re.compile(r"\b(?:on|from|among)\s+(?:both|each|either)\s+sides?\b", re.I)


# Phrases that stand for three states just named: "a trilateral summit", "the three leaders".
TRIO_ANAPHOR = re.compile(
    r"\b(?:trilateral|three-way|tripartite)\b|\b(?:the|all)\s+three\s+(?:countries|nations|"
    r"sides|leaders|governments|ministers|states|presidents|heads\s+of\s+state)\b",
    re.IGNORECASE,
)


# A word every phrase of the three patterns above holds: most sentences hold none, and
# looking for these costs a fraction of a case-blind search of all three.
_ANAPHOR_WORDS = ("two", "both", "bilateral", "each", "they", "three", "tri")


def may_name_the_pair(text: str) -> bool:
    """The cheap check before the parse: words that can stand for a pair of states."""
    lowered = fold_like_regex(text)
    if not any(word in lowered for word in _ANAPHOR_WORDS):
        return False
    return bool(DYAD_ANAPHOR.search(text) or PAIR_ANAPHOR.search(text) or TRIO_ANAPHOR.search(text))


class RecentPair:
    """The pair of states the last sentences were about, for "the two" in the next one.

    "Pompeo will hold talks with Lavrov on May 14. The two met in Finland on Monday": the
    two are the pair just named, not the article's main pair (Pompeo had cancelled a visit
    to Germany). A sentence that names other states ends the pair; so do a few sentences
    that name none."""

    REACH = 2  # sentences without states after which the pair is forgotten

    def __init__(self) -> None:
        self.pair: tuple[str, str] | None = None
        self._quiet = 0
        self._named: list[set[str]] = []

    def trio(self, states: set[str], besides_the_doers: bool = False) -> list[tuple[str, str]]:
        """ "Putin drew Erdogan into an alliance with Iran. ... It culminated in a trilateral
        summit": the pairs of the three states this sentence names, else of the three one of
        the last sentences named together, if this one names no other ("The three-way
        summit does not include Syrian officials" is not with Syria); `besides_the_doers`:
        else the three a sentence before named besides this one's states."""
        trios = [named for named in (states, *reversed(self._named)) if len(named) == 3]
        named = next((trio for trio in trios if states <= trio), set())
        # "Israel recalled its envoys from Dublin, Oslo and Madrid. Israel's foreign minister
        # summoned the three countries' ambassadors": the three besides those acting now
        others = (named - states for named in reversed(self._named) if besides_the_doers)
        named = named or next((trio for trio in others if len(trio) == 3), set())
        if not named:
            return []
        first, second, third = sorted(named)
        return [(first, second), (first, third), (second, third)]

    def after(self, coded_pairs: set[frozenset[str]], states: set[str]) -> None:
        """Update with one sentence: the pairs of its events and the states it names."""
        self._named = [*self._named, states][-self.REACH :]
        if len(coded_pairs) == 1:
            (pair,) = coded_pairs
            self._remember(pair)
        elif len(states) == 2:
            self._remember(frozenset(states))
        elif states or coded_pairs:
            self.pair = None
        else:
            self._quiet += 1
            if self._quiet > self.REACH:
                self.pair = None

    def _remember(self, pair: frozenset[str]) -> None:
        first, second = sorted(pair)
        self.pair, self._quiet = (first, second), 0


# "he", "she", "his", "her": one person, named before; "we", "our": the one speaking.
SINGULAR_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")
PERSONAL_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Ww]e|[Oo]ur)\b")
# "we", "our": inside a quote its speaker; in the text's own voice (a letter, a column) its
# writer, who speaks for no state (NO_STATE).
FIRST_PERSON = re.compile(r"\b(?:[Ww]e|[Oo]ur)\b")
NO_STATE = ""
_OPENING_QUOTES, _CLOSING_QUOTES, _STRAIGHT_QUOTE = "“«", "”»", '"'


def quoted_spans(text: str, open_at_start: bool) -> tuple[list[tuple[int, int]], bool]:
    """The stretches of a sentence inside quotation marks, and whether a quote is still open
    at its end (`open_at_start`: a quote of the sentences before runs on into this one)."""
    spans: list[tuple[int, int]] = []
    start = 0 if open_at_start else None
    for i, char in enumerate(text):
        if start is None and (char in _OPENING_QUOTES or char == _STRAIGHT_QUOTE):
            start = i
        elif start is not None and (char in _CLOSING_QUOTES or char == _STRAIGHT_QUOTE):
            spans.append((start, i + 1))
            start = None
        elif start is None and char in _CLOSING_QUOTES and not spans:
            spans.append((0, i + 1))  # the end of a quote opened where it was not seen
    if start is not None:
        spans.append((start, len(text)))
    return spans, start is not None


_MAIN_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_NAME_PARTS = {"compound", "appos", "flat"}


def official(person: PersonMention) -> bool:
    """Whether a person acts for a state: one of its officials, not a citizen of it."""
    return person.country is not None and bool(person.role or person.holder)


class PersonInFocus:
    """The person the last sentences were about, for "he" or "she" in the next one.

    "Erdoğan has made the Kurds his priority. He has threatened an incursion into Syria": he
    is Erdoğan, not the article's protagonist. The person is the subject of the last sentence
    that named people, or the one person (or the people of one state) it named; a sentence that
    names people of two states, none of them its subject ("a call between Trump and Erdoğan"),
    leaves "he" unresolved, and so do a few sentences that name no one. A person of no office
    ("the teenager Jane Roe", a volunteer) stands for no state: what "she" did is not coded."""

    REACH = 3  # sentences without people or pronouns after which the person is forgotten

    def __init__(self) -> None:
        self.person: PersonMention | None = None
        self._quiet = 0
        self._quote_open = False  # a quote of an earlier sentence runs on
        self._quote_speaker: str | None = None  # the state of who opened it

    def referent(
        self,
        sentence: Sentence,
        named: list[PersonMention],
        doc: Doc | None,
        actors: list[ActorMention],
    ) -> PersonMention | None:
        """The official the sentence's first "he", "she" or "we" stands for: a person the
        sentence names before it, else the person in focus; None for a person of no office.
        (Whose state a "we" in a quote speaks for is `speaking_state`'s.)"""
        match = PERSONAL_PRONOUN.search(sentence.text)
        if match is None:
            return None
        start = sentence.start + match.start()
        before = [p for p in named if p.end <= start]
        person = salient(before, sentence, doc, actors) if before else self.person
        return person if person is not None and official(person) else None

    def speaking_state(
        self,
        sentence: Sentence,
        named: list[PersonMention],
        doc: Doc | None,
        actors: list[ActorMention],
    ) -> str | None:
        """The state a "we" or "our" that is the sentence's first personal pronoun speaks
        for (`speaker`)."""
        match = PERSONAL_PRONOUN.search(sentence.text)
        if match is None or not FIRST_PERSON.fullmatch(match.group(0)):
            return None
        return self.speaker(sentence, named, doc, actors, match.start())

    def speaker(
        self,
        sentence: Sentence,
        named: list[PersonMention],
        doc: Doc | None,
        actors: list[ActorMention],
        at: int,
    ) -> str | None:
        """The state of who says the quote a "we" at `at` stands in: of the official named
        before it opens ("Scholz said: 'we ...'", "The French president said: 'we ...'"),
        else after it closes ("'We ...,' the Turkish president said"), else of whoever opened
        it sentences before, else of the person in focus. NO_STATE for a "we" outside any
        quote (the writer's) and for a quote said by someone of no state the text places
        ("an analyst said", "he said" of no one known); None when no one is said to say it."""
        spans, _ = quoted_spans(sentence.text, self._quote_open)
        quote = next(((s, e) for s, e in spans if s <= at < e), None)
        if quote is None:
            return NO_STATE
        opens, closes = sentence.start + quote[0], sentence.start + quote[1]
        attributions = (
            ([p for p in named if p.end <= opens], [a for a in actors if a.end <= opens][-1:]),
            ([p for p in named if p.start >= closes], [a for a in actors if a.start >= closes][:1]),
        )
        for people, nearest_state in attributions:
            person = salient(people, sentence, doc, actors) if people else None
            if person is not None:
                # an office of no state the text names ("spokesperson Jane Roe") may yet be
                # the protagonist's; a person of no office speaks for no state
                return person.country if person.role or person.holder else NO_STATE
            if nearest_state and _says(doc, nearest_state[0], sentence.start):
                return nearest_state[0].code  # "the Turkish president said"
        attribution = _attribution(sentence.text, doc, quote)
        if attribution:  # "he said": the person in focus
            person = self.person
            return person.country if person is not None and official(person) else NO_STATE
        if attribution is not None:
            return NO_STATE
        if quote[0] == 0 and self._quote_open:
            return self._quote_speaker
        person = self.person
        return person.country if person is not None and official(person) else None

    def after(
        self,
        sentence: Sentence,
        named: list[PersonMention],
        doc: Doc | None,
        actors: list[ActorMention],
    ) -> None:
        """Update with one sentence, the people it names and its actors."""
        self._follow_quotes(sentence, named, doc, actors)
        if _opens_with_pronoun(sentence.text, doc):
            self._quiet = 0  # "He said Iran had kept the deal reached under Obama": still him
        elif named:
            self.person, self._quiet = salient(named, sentence, doc, actors), 0
        elif _about_someone_unplaced(sentence, doc, actors):
            self.person, self._quiet = None, 0  # "The Labour leader has asked for ..."
        elif SINGULAR_PRONOUN.search(sentence.text):
            self._quiet = 0
        else:
            self._quiet += 1
            if self._quiet > self.REACH:
                self.person = None

    def _follow_quotes(
        self,
        sentence: Sentence,
        named: list[PersonMention],
        doc: Doc | None,
        actors: list[ActorMention],
    ) -> None:
        """A quote left open at the sentence's end runs on into the next sentences, said by
        whoever the sentence that opened it names as its speaker."""
        spans, still_open = quoted_spans(sentence.text, self._quote_open)
        if still_open and not (self._quote_open and len(spans) == 1):
            self._quote_speaker = self.speaker(sentence, named, doc, actors, spans[-1][0])
        self._quote_open = still_open


_PRONOUN_OPENING = re.compile(r"^(?:He|She)\b")
# Verbs that attribute a quote to their subject.
_SAYING = {"say", "tell", "add", "insist", "declare", "state", "warn", "write", "tweet"}
_MODIFIER_DEPS = _NAME_PARTS | {"amod", "poss"}


# "he said": the attribution of a quote, in a sentence the parser did not read.
_SAID_BY_PRONOUN = re.compile(
    r"\b(he|she)\s+(?:said|says|told|tells|added|adds|insisted|declared|stated|warned|"
    r"wrote|tweeted)\b",
    re.IGNORECASE,
)


def _attribution(text: str, doc: Doc | None, quote: tuple[int, int]) -> str | None:
    """Who a verb of saying outside the quote says it is said by: "he" or "she" ("On the
    threat of strikes he said: ..."), "" for someone of no office ("'...,' an analyst
    said"); None when no one is said to say it, or a name or an office whose state the
    text may yet imply ("'...,' spokesperson Jane Roe told reporters")."""
    if doc is None or not doc.has_annotation("DEP"):
        match = _SAID_BY_PRONOUN.search(text[: quote[0]] + " " + text[quote[1] :])
        return None if match is None else match.group(1).lower()

    def outside(word: Token) -> bool:
        return not quote[0] <= word.idx < quote[1]

    for word in doc:
        said = word.dep_ in _MAIN_SUBJECT_DEPS and word.head.lemma_.lower() in _SAYING
        if said and outside(word) and outside(word.head):
            if word.lower_ in {"he", "she"}:
                return word.lower_
            of_no_office = word.pos_ == "NOUN" and word.lemma_.lower() not in _OFFICES
            return "" if of_no_office else None
    return None


def _says(doc: Doc | None, actor: ActorMention, offset: int) -> bool:
    """Whether a state's name is in the subject of a verb of saying ("the Turkish president
    said", "Turkey's foreign ministry said"), not a state the attribution mentions ("On the
    threat of US-led strikes he said")."""
    if doc is None or not doc.has_annotation("DEP") or actor.is_igo:
        return False
    span = doc.char_span(actor.start - offset, actor.end - offset, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    while word.dep_ in _MODIFIER_DEPS and word.head.i != word.i:
        word = word.head
    return word.dep_ in _MAIN_SUBJECT_DEPS and word.head.lemma_.lower() in _SAYING


def _opens_with_pronoun(text: str, doc: Doc | None) -> bool:
    """Whether "he" or "she" is the subject of the sentence's main clause."""
    if doc is not None and doc.has_annotation("DEP"):
        return any(
            w.dep_ in _MAIN_SUBJECT_DEPS and w.head.dep_ == "ROOT" and w.lower_ in {"he", "she"}
            for w in doc
        )
    return bool(_PRONOUN_OPENING.match(text))


def salient(
    people: list[PersonMention],
    sentence: Sentence,
    doc: Doc | None,
    actors: list[ActorMention] | None = None,
) -> PersonMention | None:
    """The person a stretch of a sentence is about: the subject of its main clause, else of
    the highest clause that has a person for subject ("Although Erdoğan appears to ..., his
    remarks suggest"), else the only person (or the first of the people of one state) it
    names. A main clause whose subject is a name that is neither a person nor an actor
    ("Labour leader Jeremy Corbyn accused the government of waiting for Trump") is about
    someone the lookups cannot place: no one. Unparsed, a full name the lookups cannot place
    before the first person leaves no one too; else the person who opens the sentence
    ("Although Erdoğan appears to ... see Assad removed"), near its start and after no
    preposition, or the only person (or the people of one state) it names."""
    offset, text = sentence.start, sentence.text
    placed = spans_in_sentence(people, actors or [], offset)
    if doc is not None and doc.has_annotation("DEP"):
        ranked = sorted(
            (depth, i)
            for i, p in enumerate(people)
            if (depth := _subject_depth(doc, p.start - offset, p.end - offset)) is not None
        )
        if (not ranked or ranked[0][0] > 0) and _unplaced_subject(doc, placed):
            return None
        highest = [people[i] for depth, i in ranked if depth == ranked[0][0]]
        if len({p.name for p in highest}) == 1:
            return highest[0]
        return _one_state(people)
    first = min(p.start for p in people) - offset
    if _unplaced_name(text[:first], placed):
        return None  # "Labour leader Jeremy Corbyn has accused ... Donald Trump"
    opening = [p for p in people if _opens(text, p.start - offset)]
    return opening[0] if opening else _one_state(people)


def _one_state(people: list[PersonMention]) -> PersonMention | None:
    """The only person named, or the first of the people of one state."""
    if people and (len({p.country for p in people}) == 1 or len({p.name for p in people}) == 1):
        return people[0]
    return None


# A name this near the start of its sentence, after no preposition, opens it.
_OPENING_REACH = 60
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:to|from|with|by|of|for|on|at|in|against|between|under|and|than)\s+"
    r"(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,4}$"
)


def _opens(text: str, start: int) -> bool:
    return start <= _OPENING_REACH and not _after_preposition(text, start)


# A name of two or more capitalised words ("Jeremy Corbyn", "the White House").
_FULL_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+")


def _unplaced_name(text: str, placed: list[tuple[int, int]]) -> bool:
    """Whether a text names someone outside the placed spans (people and actors)."""
    return any(
        not any(s < match.end() and match.start() < e for s, e in placed)
        for match in _FULL_NAME.finditer(text)
    )


def _after_preposition(text: str, start: int) -> bool:
    return bool(_PREPOSITION_BEFORE.search(text[max(0, start - 60) : start]))


def _subject_depth(doc: Doc, start: int, end: int) -> int | None:
    """How many clauses below the main one a name is a subject ("the Turkish president,
    Recep Tayyip Erdoğan, vowed": 0); None when it is no subject."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    word = span.root
    while word.dep_ in _NAME_PARTS and word.head.i != word.i:
        word = word.head
    if word.dep_ not in _MAIN_SUBJECT_DEPS:
        return None
    return sum(1 for _ in word.head.ancestors)


def _unplaced_subject(doc: Doc, placed: list[tuple[int, int]]) -> bool:
    """Whether the main clause's subject is a proper name, or a person's office or trade,
    outside every placed span ("Hahn said", "The Labour leader has asked")."""
    for word in doc:
        if word.dep_ in _MAIN_SUBJECT_DEPS and word.head.dep_ == "ROOT":
            personal = word.pos_ == "PROPN" or word.lemma_.lower() in _PERSON_NOUNS
            # "Turkey's president said": placed by its state
            inside = [w for w in word.subtree if any(s <= w.idx < e for s, e in placed)]
            return personal and not inside
    return False


def _about_someone_unplaced(
    sentence: Sentence, doc: Doc | None, actors: list[ActorMention]
) -> bool:
    """Whether a sentence that names no one the lookups know is about someone else."""
    if doc is not None and doc.has_annotation("DEP"):
        return _unplaced_subject(
            doc, [(a.start - sentence.start, a.end - sentence.start) for a in actors]
        )
    return bool(_UNPLACED_OPENING.match(sentence.text))


# Offices, whose holder is a state's once the text says whose.
_OFFICES = {
    "leader", "minister", "president", "spokesman", "spokeswoman", "spokesperson", "secretary",
    "ambassador", "envoy", "official", "chief", "commander", "general", "adviser", "advisor",
    "premier", "chancellor", "king", "queen", "prince", "emir", "sultan", "diplomat", "director",
}  # fmt: skip
# People who are not a state's by office until the text says whose they are.
_PERSON_NOUNS = _OFFICES | {
    "man", "woman", "analyst", "expert", "activist", "journalist", "lawyer", "researcher",
}  # fmt: skip
_UNPLACED_OPENING = re.compile(
    r"^(?:The|A|An)\s+(?:[\w’'-]+\s+){0,3}(?:" + "|".join(sorted(_PERSON_NOUNS)) + r")\b(?!\s+of\b)"
)


def only_they(text: str) -> bool:
    """Whether "they" is the sentence's only word that can stand for the article's pair."""
    found = [m.group(0).lower() for m in DYAD_ANAPHOR.finditer(text)]
    return bool(found) and set(found) == {"they"} and not PAIR_ANAPHOR.search(text)


def stands_for_the_pair(text: str, doc: Doc, trigger_root: Token | None) -> bool:
    """Whether the sentence refers to the article's pair: "the two sides", "both", "each
    other", or "they" as the trigger's own subject ("They held talks"), not a "they" of
    another clause ("they said it was a frustrating experience")."""
    if not may_name_the_pair(text):
        return False
    if any(
        not _a_place(doc, m) for m in (*PAIR_ANAPHOR.finditer(text), *TRIO_ANAPHOR.finditer(text))
    ):
        return True
    for match in DYAD_ANAPHOR.finditer(text):
        if match.group(0).lower() != "they" and not _a_place(doc, match):
            return True
    if trigger_root is None:
        return False
    governing = {trigger_root, trigger_root.head}
    # "Analysts said they had met ...": they are the analysts
    named_subject = [
        t for t in doc if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.pos_ != "PRON"
    ]
    return any(
        t.lower_ == "they"
        and t.dep_ in {"nsubj", "nsubjpass"}
        and t.head in governing
        and not any(s.i < t.i for s in named_subject)
        for t in doc
    )


# Prepositions after which "both countries" are where something is, not who acts ("talks
# between", "ministers from" the two countries are theirs).
_LOCATIVE = {"in", "across", "throughout", "within", "inside", "into"}


def _a_place(doc: Doc, match: re.Match[str]) -> bool:
    """Whether the pair a phrase names is only where something stands: "troops operating in
    both countries", "protests across the two countries"."""
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    return word.dep_ == "pobj" and word.head.lower_ in _LOCATIVE


ANSWERING_KINDS = {"REJECT", "THREATEN"}


# A rejection answers what the sentence before reported ("Moscow demanded that Turkey hand
# over the town. Erdogan rejected the demand."), and so does any act done in response
# ("Turkey downed a Russian jet. Moscow retaliated by imposing sanctions."): the one other
# state the sentence before names is its other party.
ANSWER_KINDS = {"REJECT"}
RESPONSE = re.compile(
    r"\b(?:retaliat\w*|respond(?:s|ed|ing)?|in\s+response|in\s+reply|in\s+return|"
    r"repl(?:y|ied|ies)|reciprocat\w*|in\s+kind|hit(?:s|ting)?\s+back|revenge|vengeance|"
    r"aveng\w*|retribution)\b",
    re.IGNORECASE,
)
RESPONSE_KINDS = {"ASSAULT", "THREATEN", "ACCUSE", "REJECT", "SANCTION", "COERCE", "PROTEST"}


# Acts that answer a threat by nature, with no word to say so: "North Korea fired a missile.
# South Korea raised its alert level." is aimed at the North.
RESPONSE_BY_NATURE_KINDS = {"MOBILIZE"}
# The words of the sentence before that make it a threat such a response answers.
THREATENING_KINDS = {"ASSAULT", "MOBILIZE", "THREATEN", "COERCE"}


def may_answer(kinds_found: set[str], text: str, proposal: bool = True) -> bool:
    """Whether a trigger of these kinds in this sentence can answer the sentence before
    (a rejection only of a proposal, demand or charge: `clauses.rejects_a_proposal`)."""
    if kinds_found & RESPONSE_BY_NATURE_KINDS:
        return True
    return bool(kinds_found & ANSWER_KINDS and proposal) or bool(
        kinds_found & RESPONSE_KINDS and RESPONSE.search(text)
    )


def answered_party(acting: set[str], before: set[str]) -> str | None:
    """The other party of an answer: the one state the sentence before names besides the
    answering side, if there is exactly one."""
    others = before - acting
    return next(iter(others)) if len(others) == 1 else None


# What an answer can turn down: "Erdogan rejected the demands" answers the states that made
# them, whoever the sentence before names.
ASKING_KINDS = {"REQUEST", "THREATEN", "ACCUSE"}


class RecentEvents:
    """The events of the last sentences, for an answer or an echo in the next one."""

    REACH = 2  # sentences

    def __init__(self) -> None:
        self._sentences: list[list[Candidate]] = []

    def after(self, coded: list[Candidate]) -> None:
        self._sentences = [*self._sentences, coded][-self.REACH :]

    @property
    def sentences(self) -> list[list[Candidate]]:
        return self._sentences

    @property
    def last(self) -> list[Candidate]:
        return self._sentences[-1] if self._sentences else []

    def answered(self, answering: set[str], rejection: bool) -> set[str]:
        """The states a rejection or a response by the answering states answers: those
        whose recent demands, threats, charges or proposals (for a rejection), or whose
        recent hostile acts (for a response: "Tehran vowed vengeance"), were aimed at them."""
        return {
            c.source
            for coded in self._sentences
            for c in coded
            if c.target in answering
            and c.source not in answering
            and (
                c.kind in ASKING_KINDS or c.status == "proposed"
                if rejection
                else c.kind in HOSTILE_KINDS
            )
        }

    def partners(self) -> set[str]:
        """The states of the last sentence's cooperative acts, whom an answer does not answer
        ("Japan and the US held talks. Japan put its forces on alert.")."""
        return {
            code
            for c in self.last
            if c.kind in COOPERATIVE_KINDS or c.kind == "VISIT"
            for code in (c.source, c.target)
        }

    def doers(self, acts: frozenset[str], reacting: set[str]) -> set[str]:
        """Who did the latest act of these kinds the reacting states took no part in: a
        directed act's source ("condemned the visit": the visitor; "condemned the sanctions"
        on itself: who imposed them), both parties of a mutual one ("criticised the deal")."""
        for coded in reversed(self._sentences):
            found: set[str] = set()
            for c in coded:
                if c.kind not in acts or c.source in reacting:
                    continue
                if kinds()[c.kind].directed:
                    found.add(c.source)
                elif c.target not in reacting:
                    found |= {c.source, c.target}
            if found:
                return found
        return set()


def answered_date(recent: RecentEvents, answer: Candidate) -> DateValue | None:
    """The latest date of the recent acts an answer's target aimed at its source."""
    dates = [
        c.date
        for coded in recent.sentences
        for c in coded
        if c.source == answer.target and c.target == answer.source and c.date is not None
    ]
    return max(dates, key=lambda d: d.start) if dates else None


# What a response can answer ("Israel bombed an Iranian base. Tehran vowed vengeance").
HOSTILE_KINDS = {"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "THREATEN", "REQUEST", "REJECT"}


# "Britain followed suit", "France did the same", "Iran made a similar call": the act the
# sentence before reported, by another state.
ECHO = re.compile(
    r"\b(?:follow(?:ed|s|ing)?\s+suit|(?:did|does|do|doing)\s+(?:the\s+same|likewise)|"
    r"similar\s+(?:call|demand|move|step|request|appeal|warning|threat|statement|measures?|"
    r"action|protest|complaint|accusation|charge|ban|decision))\b",
    re.IGNORECASE,
)


def echo_at(text: str) -> tuple[int, int] | None:
    """Where a sentence says its subject did what the sentence before reported, if it does."""
    match = ECHO.search(text)
    return match.span() if match else None


def echoing_states(named_before: set[str], echoed: Candidate) -> set[str]:
    """The states that repeat an act: those named before the echo that took no part in it."""
    return named_before - {echoed.source, echoed.target}


COOPERATIVE_KINDS = {
    "ESTABLISH_RELATIONS", "UPGRADE_RELATIONS", "MEET", "JOINT_STATEMENT", "SIGN_AGREEMENT",
    "PLEDGE_COOPERATION", "DEFENSE_COOPERATION", "JOINT_EXERCISE", "ECONOMIC_COOPERATION",
}  # fmt: skip


# The kinds whose other party the article's main pair can supply (`context_pairs`).
CONTEXT_KINDS = ANSWERING_KINDS | COOPERATIVE_KINDS


def main_dyad(
    actors: list[ActorMention], people: dict[int, list[PersonMention]]
) -> tuple[list[tuple[str, str]], bool]:
    """The pairs of states the article is most about: the most named state with its most
    named partner, or with each of its equally named partners ("Tajikistan and Kyrgyzstan")."""
    counts: Counter[str] = Counter(a.code for a in actors if not a.is_igo)
    counts.update(p.country for ps in people.values() for p in ps if p.country)
    ranked = counts.most_common()
    if len(ranked) < 2:
        return [], False
    first, second_count = ranked[0][0], ranked[1][1]
    partners = [code for code, count in ranked[1:] if count == second_count][:MAX_MAIN_PARTNERS]
    pairs = [(first, p) if first < p else (p, first) for p in partners]
    # A story about a relationship names both sides more than once, and names them more than
    # all other states together; an article that names a country in passing, or an analysis
    # that ranges over many states, is no context for sentences that do not say "the two".
    pair_share = (ranked[0][1] + second_count) / sum(counts.values())
    return pairs, second_count >= MIN_DYAD_MENTIONS and pair_share >= MIN_DYAD_SHARE


MAX_MAIN_PARTNERS = 3


# A story that keeps to its pair names other states in passing only: nine mentions in ten
# are of the pair. An analysis that ranges wider ("Damascus had threatened to boycott the
# talks", in an article on Syria, Russia, Turkey and the Saudis) is no context for a
# warning or a rejection that names neither the other state nor an official.
KEEPS_TO_PAIR_SHARE = 0.9


def keeps_to_pair(
    actors: list[ActorMention], people: dict[int, list[PersonMention]], pairs: list[tuple[str, str]]
) -> bool:
    """Whether the article's main pair holds nearly every mention of a state."""
    counts: Counter[str] = Counter(a.code for a in actors if not a.is_igo)
    counts.update(p.country for ps in people.values() for p in ps if p.country)
    pair = {code for dyad in pairs for code in dyad}
    total = sum(counts.values())
    return bool(total) and sum(counts[code] for code in pair) / total >= KEEPS_TO_PAIR_SHARE


BILATERAL_BY_NATURE = {"JOINT_STATEMENT", "ESTABLISH_RELATIONS", "UPGRADE_RELATIONS"}


# Kinds whose receiving side a story filed from it leaves out: a visit's host, aid's recipient.
RECEIVED_AT_HOME = {"VISIT", "AID"}


def host_of_visit(kind: str, parties: list[Party], home: str | None) -> str | None:
    """A visit whose host the sentence leaves out ("arrived here", "the visit concluded"),
    or aid whose recipient it leaves out ("gave $4.5 million for refugees in Cox's Bazar"),
    goes to the state of the dateline, the place the story was filed from."""
    if kind not in RECEIVED_AT_HOME or home is None or any(p.side != "source" for p in parties):
        return None
    guests = visitors(parties)
    return home if guests and home not in guests else None


# Acts a state's government does to another with no agent named: "the chargé d'affaires was
# summoned", "three diplomats were declared persona non grata".
AGENTLESS_KINDS = {"ACCUSE", "SANCTION", "COERCE", "REQUEST", "REJECT", "PROTEST", "RETREAT"}


# The kinds whose missing party the dateline's state can be (`host_of_visit`, `agent_of_passive`).
HOSTED_OR_AGENTLESS = RECEIVED_AT_HOME | AGENTLESS_KINDS


def agent_of_passive(kind: str, parties: list[Party], home: str | None) -> str | None:
    """The dateline's state acted where the sentence names only whom the act was done to."""
    if kind not in AGENTLESS_KINDS or home is None or not parties:
        return None
    if any(p.side != "target" or p.code == home for p in parties):
        return None
    return home


def host_of_meeting(
    kind: str, parties: list[Party], capitals: set[str], counterpart_named: bool
) -> str | None:
    """ "The secretary will have a difficult conversation in Ankara": talks that one side
    holds in another state's capital, with no one named across the table, are held with
    that state."""
    if kind != "MEET" or counterpart_named or not parties:
        return None
    if any(p.side != "source" for p in parties):
        return None
    if any(p.code.startswith("IGO:") for p in parties):
        return None  # "UN-led talks in Vienna": an organisation's talks meet at a venue
    hosts = capitals - {p.code for p in parties}
    return next(iter(hosts)) if len(hosts) == 1 else None


def protagonist_met(
    kind: str, parties: list[Party], named: set[str], protagonist: str | None
) -> str | None:
    """ "The first bilateral meeting of the day was with the Prime Minister of Barbados":
    a meeting that names only whom it was with, in a sentence naming no one else, is the
    article's protagonist's."""
    if kind != "MEET" or protagonist is None or not parties:
        return None
    tied = {p.code for p in parties}
    if any(p.side != "target" for p in parties) or protagonist in tied or named - tied:
        return None
    return protagonist


def visitors(parties: list[Party]) -> list[str]:
    return list(dict.fromkeys(p.code for p in parties if p.side == "source"))


def protagonist(actors: list[ActorMention], people: dict[int, list[PersonMention]]) -> str | None:
    """The state the article is about: its officials and its name are named most often, and
    the first named wins a tie (the lead names the protagonist first)."""
    counts: Counter[str] = Counter(p.country for ps in people.values() for p in ps if p.country)
    counts.update(a.code for a in actors if not a.is_igo)
    ranked = counts.most_common()
    return ranked[0][0] if ranked else None


MIN_DYAD_MENTIONS = 2


# How far into an article its main pair fills in a party the sentence leaves out. A news
# story keeps to its pair; past its lead, an analysis ranges over other states and people,
# and "warned", "rejected", "agreed to" there are seldom between the pair (on 249 long
# Guardian articles, about one completion in five was right beyond this point; no news
# story of the gold sets needs one there).
LEAD_SENTENCES = 16


MIN_DYAD_SHARE = 0.5


@dataclass(frozen=True)
class ContextCues:
    anaphor: bool  # "the two countries", "both sides", "they"
    official: bool  # a titled official of the one state named
    strong: bool  # both states of the main dyad are named more than once in the article
    both_sides_named: bool  # actors stand before and after the trigger
    others_named: bool = False  # the sentence names a state outside the article's main pair
    # a rejection turns down a proposal, demand or charge; a warning is not of a mere risk
    answers: bool = False
    # the act names its other side, and that is no state ("promised to train them")
    other_side_no_state: bool = False
    # the sentence names the main pair's other state too, as no party of the act
    partner_named: bool = False
    # the one state named is what the act is done to ("warned that Warsaw would pay")
    done_to: bool = False
    # the article's pair holds nearly every mention of a state (`keeps_to_pair`)
    keeps_to_pair: bool = False

    @property
    def about_the_pair(self) -> bool:
        """Whether a sentence that names one state is about the main pair: the article keeps
        to the pair, or the sentence names the other state too, or an official of the one."""
        return self.keeps_to_pair or self.partner_named or self.official


def context_pairs(
    kind: str, codes: set[str], cues: ContextCues, main_dyad: list[tuple[str, str]]
) -> list[tuple[str, str, bool]]:
    """Pairs completed from the article's main dyad when the sentence names one side only."""
    if len(codes) == 1:
        if cues.others_named:
            return []  # "Turkey refused to back the US-led invasion of Iraq": not the main pair's
        (only,) = codes
        partners = [(a, b) for a, b in main_dyad if only in (a, b)]
        if kind in ANSWERING_KINDS and cues.strong and cues.answers:
            # "The Chinese embassy rejected the protest": in a story about two states, a
            # rejection or a warning answers the other one; in an analysis that ranges
            # wider, only when the sentence names it or an official of the one ("Damascus
            # had threatened to boycott the talks", "leaders claimed extremists menace
            # Lebanon" answer no one in particular). A warning that Warsaw would pay is the
            # other's.
            if not cues.about_the_pair:
                return []
            others = [b if a == only else a for a, b in partners]
            if cues.done_to:
                return [(other, only, True) for other in others]
            return [(only, other, True) for other in others]
        if cues.both_sides_named or kind not in COOPERATIVE_KINDS or cues.other_side_no_state:
            return []  # the same state on both sides is a domestic matter ("met its diaspora")
        meeting_cue = cues.anaphor or (cues.official and cues.strong)
        # "He insisted that Assad was committed to a peace process": in an analysis that
        # ranges wider, a pledge naming neither the other state nor an official is no pair's
        pledge_cue = cues.strong and cues.about_the_pair
        if cues.anaphor or (kind != "MEET" and pledge_cue) or (kind == "MEET" and meeting_cue):
            return [(a, b, True) for a, b in partners]
        return []
    if not codes and cues.anaphor and kind in COOPERATIVE_KINDS:
        return [(a, b, True) for a, b in main_dyad]
    return []


# "MANILA — ", "KUALA LUMPUR, March 22 — ", "ROME • ", "BEIJING: ", "CAIRO, March 17 (KUNA) -- ",
# "ABU DHABI, (Agency - 24th Feb, 2023) ", "Seoul, Aug 12 (Yonhap) - ": the place in capitals,
# then a date or an agency, then a dash, a colon, a bullet or the closing parenthesis.
DATELINE = re.compile(
    r"^(?:[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'’-]{1,40}"
    r"(?:,?\s*[^\n()]{0,40}?\s*\([^)\n]{1,80}\))?"
    r"(?:,\s*[^\n()]{0,40}?)?"
    r"(?:\s*[-–—:•]+\s|(?<=\))\s)"
    r"|[^\n()]{2,60}\([^)]{1,40}\)\s*[-–—:]+\s)"
)


# A page's date, title and standfirst lines can stand before the lead and its dateline.
DATELINE_SENTENCES = 6


# A page whose headline runs into the lead on one line: "PH summons envoy MANILA — The ...".
INNER_DATELINE = re.compile(r"(?<=[a-z.;:!?”\"')\]] )[A-ZÀ-Ỹ]{2}[A-ZÀ-Ỹ .'’-]{1,38}\s[—–]\s")
_INNER_REACH = 300


def dateline_state(sentences: list[Sentence], actors: list[list[ActorMention]]) -> str | None:
    """The state whose capital or name opens the article's dateline ("MANILA —")."""
    for sentence, found in list(zip(sentences, actors, strict=True))[:DATELINE_SENTENCES]:
        start, end = dateline_span(sentence.text)
        inside = [a for a in found if start <= a.start - sentence.start < end and not a.is_igo]
        if end and inside:
            return inside[0].code
    return None


def dateline_span(text: str) -> tuple[int, int]:
    """Where the dateline stands in a sentence: at its start, or after a headline that runs
    into the lead; (0, 0) when there is none."""
    match = DATELINE.match(text) or INNER_DATELINE.search(text[:_INNER_REACH])
    return match.span() if match else (0, 0)


def dateline_end(text: str) -> int:
    return dateline_span(text)[1]
