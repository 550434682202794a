"""Which triggers of a parsed sentence are events: topics, conditions, negations, the verb
that sets a noun's kind, overlaps, the clause a status is read from, and lists that
continue the sentence before."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..language import Sentence
from .lexicon import TriggerMatch

ADJECTIVAL_BEFORE = re.compile(
    r"\b(?:the|of|a|an|all|its|their|these|those|previously|already|existing|such)\s+$",
    re.IGNORECASE,
)


CLAUSE_BREAK = re.compile(
    r"[;—–]|,\s+(?:while|whereas|but|although|which|who|when|where|after|before|as)\b|"
    # "has not intervened, even last week when Israel bombed": a "when" opens a clause of its own
    r"\b(?:when|because|although|though|whereas)\b|"
    # "Uganda denied it, and Kenya summoned the envoy": a clause with a subject of its own
    r",\s+(?:and|but)\s+(?=(?:the\s+)?[A-Z])"
)


def usable(trigger: TriggerMatch, sentence: Sentence, doc: Doc) -> bool:
    """Drop triggers that name a topic rather than a happening."""
    before = sentence.text[: trigger.start]
    first = trigger.text.split()[0].lower()
    if first.endswith("ed") and ADJECTIVAL_BEFORE.search(before):
        return False  # "the implementation of signed agreements"
    # "visits and meetings" as a field of cooperation; "talks" is plural but one happening,
    # and so are meetings a verb acts on ("held bilateral meetings", "meetings were held").
    word = trigger.text.lower()
    generic = word.endswith("s") and word not in {"talks", "discussions", "consultations"}
    if trigger.rule.generic_plural and generic and not acted_on(doc, trigger):
        return False
    if a_standing_position(doc, trigger) or put_to_the_speaker(doc, trigger):
        return False
    return not (trigger.rule.kind == "MEET" and a_call_made_to_all(doc, trigger))


# What makes a "call" a conversation: "a phone call", "a video call", "a conference call".
_CALL_MEANS = {"phone", "telephone", "video", "conference", "zoom"}


def a_call_made_to_all(doc: Doc, trigger: TriggerMatch) -> bool:
    """ "France would not act on Trump's call", "heeded Washington's call": a call no one is
    named on the other end of, by no phone and held by no one, is an appeal (a demand), not a
    conversation ("a phone call", "the call with Putin", "held a call" still are)."""
    word = root_at(doc, trigger.start, trigger.end)
    if word is None or word.pos_ != "NOUN" or word.lemma_.lower() != "call":
        return False
    by_phone = any(
        c.dep_ in {"compound", "amod"} and c.lower_ in _CALL_MEANS for c in word.children
    )
    return not (by_phone or has_counterpart(doc, trigger) or acted_on(doc, trigger))


def a_standing_position(doc: Doc, trigger: TriggerMatch) -> bool:
    """ "The UK remains committed to Assad's removal", "Assad was committed to a peace
    process": being committed to a thing is a position held, not a pledge made ("committed
    to deepening ties", "pledged to", "is committed to opening" still pledge)."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or span[0].lower_ != "committed" or span[0].dep_ != "acomp":
        return False
    to = next((c for c in span[0].children if c.dep_ == "prep" and c.lower_ == "to"), None)
    return to is not None and any(c.dep_ == "pobj" for c in to.children)


def put_to_the_speaker(doc: Doc, trigger: TriggerMatch) -> bool:
    """ "Asked why Russia backs Assad, the ambassador said ...": a question put to the one
    who speaks (by reporters), not a request of his state's."""
    word = root_at(doc, trigger.start, trigger.end)
    if word is None or word.lemma_.lower() != "ask" or word.tag_ != "VBN":
        return False
    own_subject = any(
        c.dep_ in {"nsubj", "nsubjpass", "auxpass", "aux", "agent"} for c in word.children
    )
    return word.dep_ == "advcl" and not own_subject


def root_at(doc: Doc, start: int, end: int) -> Token | None:
    """The word that governs the rest of a span of the sentence (its parse's root)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def has_counterpart(doc: Doc, trigger: TriggerMatch) -> bool:
    """Whether a meeting names whom it is with, state or not: "talks with the opposition",
    "met the rebels' leaders", "a conversation with him"."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    verb = word.head if word.dep_ in {"dobj", "pobj"} else word
    for child in [c for token in [*span, verb] for c in token.children]:
        if child.dep_ == "prep" and child.lower_ in {"with", "between", "among"}:
            return True
        if child.dep_ == "dobj" and child not in span:
            return True
    return False


# What a state can turn down from another: "rejected the demands", "turned down the offer".
PROPOSAL_NOUNS = {
    "demand", "request", "proposal", "offer", "plea", "ultimatum", "call", "plan", "idea",
    "appeal", "invitation", "initiative", "overture", "suggestion", "accusation", "allegation",
    "charge", "claim", "condition", "terms", "resolution", "bid", "approach", "protest",
    "complaint", "criticism", "objection", "statement", "remark", "comment", "warning",
    "threat", "sanction", "decision", "it", "this", "that", "them",
}  # fmt: skip


def rejects_a_proposal(doc: Doc, trigger: TriggerMatch) -> bool:
    """Whether what a rejection turns down is someone's proposal, demand or charge ("rejected
    the demands"), not reports, arguments or doing something ("refused to get involved")."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None:
        return False
    objects = [c for c in span.root.children if c.dep_ in {"dobj", "nsubjpass"}]
    for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of"):
        objects += [c for c in prep.children if c.dep_ == "pobj"]
    return any(word.lemma_.lower() in PROPOSAL_NOUNS for word in objects)


def warns_of_a_risk(doc: Doc, trigger: TriggerMatch) -> bool:
    """A warning of something ("warned of a renewed exodus", "without warning") threatens no
    one: it cannot answer the other state of the article."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    children = list(word.children)
    of_only = any(c.dep_ == "prep" and c.lower_ in {"of", "about"} for c in children) and not any(
        c.dep_ in {"ccomp", "dobj", "xcomp"} for c in children
    )
    return of_only or (word.head.lower_ == "without" and word.dep_ in {"pobj", "pcomp"})


# What a threat can say of the future: "warned it would strike", "warned Syria will pay".
FUTURE_AUX = {"will", "would", "could", "may", "might", "shall", "must", "can", "'ll", "wo"}
# Predicates that are a threat in any tense: "warned that it was ready to act", "warned that
# Peru risked a war".
_MENACING = {"ready", "prepared", "determined", "willing", "poised", "risk"}


def warns_of_what_is(doc: Doc, trigger: TriggerMatch) -> bool:
    """ "Officials warned that Iran is delivering missiles", "warned that Somalia was facing
    famine", "warned that the plan would be reprehensible": a warning to no one named, of what
    is, was or has been so (or of how something would be judged), threatens no one; a threat
    is of what will follow ("warned that it would retaliate", "warned America that ...")."""
    word = root_at(doc, trigger.start, trigger.end)
    if word is None or word.pos_ != "VERB" or word.lemma_.lower() not in {"warn", "caution"}:
        return False
    children = list(word.children)
    if any(c.dep_ in {"dobj", "dative", "iobj"} for c in children):
        return False
    said = next((c for c in children if c.dep_ == "ccomp"), None)
    if said is None or said.lemma_.lower() in _MENACING:
        return False
    parts = list(said.children)
    if any(c.dep_ == "acomp" and c.lemma_.lower() in _MENACING for c in parts):
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in parts):
        # "would be reprehensible": a judgement, not an act to come
        return said.lemma_.lower() == "be" and any(c.dep_ == "acomp" for c in parts)
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in parts)
    progressive = said.tag_ == "VBG" and any(c.dep_ == "aux" for c in parts)
    return perfect or progressive or said.tag_ == "VBD"


def without_verbal_clashes(
    triggers: list[TriggerMatch], doc: Doc, people: list[tuple[int, int]]
) -> list[TriggerMatch]:
    """ "Erdogan and Putin clashed in public over a ceasefire": people who clash argue; forces
    and states that clash fight. `people` are the sentence's person spans."""

    def verbal(trigger: TriggerMatch) -> bool:
        word = root_at(doc, trigger.start, trigger.end)
        if word is None or word.lemma_.lower() != "clash" or word.pos_ != "VERB":
            return False
        subjects = [c for c in word.children if c.dep_ == "nsubj"]
        subjects += [conj for s in subjects for conj in s.conjuncts]
        return bool(subjects) and all(
            any(start <= s.idx < end for start, end in people) for s in subjects
        )

    return [t for t in triggers if not verbal(t)]


# How a trigger hangs on the verb that controls it: "agreed to [hold] the next round [of]
# [talks]", "is expected to [sign]". A preposition other than "of" ends the chain: "signed
# during the visit" says nothing of the visit's status.
_CONTROLLED_DEPS = {"xcomp", "dobj", "acomp", "pobj"}


def controlling_words(doc: Doc, trigger: TriggerMatch) -> str:
    """The words from the highest verb that controls the trigger down to it ("agreed to hold
    the next round of "), where a status cue can stand that the clause window cut off."""
    word = root_at(doc, trigger.start, trigger.end)
    if word is None:
        return ""
    top = word
    for _ in range(6):
        if word.dep_ == "prep" and word.lower_ != "of":
            break
        if word.dep_ not in _CONTROLLED_DEPS | {"prep"} or word.head.i == word.i:
            break
        word = word.head
        top = word if word.pos_ in {"VERB", "AUX", "ADJ"} else top
    # "will impose sanctions": the verb's auxiliaries and negation are its cues too
    before = [c.idx for c in top.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < top.i]
    start = min([top.idx, *before])
    return doc.text[start : max(start, trigger.start)]


def averted(doc: Doc, trigger: TriggerMatch, averting_verbs: set[str]) -> bool:
    """Whether a verb that controls the trigger keeps it from happening ("to avert a military
    clash between ...", "sought to prevent an attack on ...")."""
    word = root_at(doc, trigger.start, trigger.end)
    for _ in range(6):
        if word is None or word.dep_ not in _CONTROLLED_DEPS | {"prep"}:
            return False
        word = word.head
        if word.pos_ == "VERB" and word.lemma_.lower() in averting_verbs:
            return True
    return False


def surmised(
    doc: Doc, trigger: TriggerMatch, surmising_verbs: set[str], doubting_words: set[str]
) -> bool:
    """Whether the trigger is only what a speaker supposes, doubts or thinks may happen:
    "I would expect Spain to urge Italy", "sceptical that Peru will sign", "the two may yet
    reach a deal". Comment of that kind reports no act of either state."""
    word = root_at(doc, trigger.start, trigger.end)
    if word is None:
        return False
    for above in word.ancestors:
        lemma = above.lemma_.lower()
        if above.pos_ == "ADJ" and lemma in doubting_words:
            return True
        if above.pos_ == "VERB" and lemma in surmising_verbs and _a_speakers_guess(above):
            return True
    return _may_happen(word)


_FIRST_PERSON = {"i"}
_GUESSING_MODALS = {"would", "could", "might", "may", "should"}


def _a_speakers_guess(verb: Token) -> bool:
    """ "I expect", "I would think", "it would be wrong to think": a verb of supposing said by
    the speaker in person or put in a modal, not a state's stated expectation."""
    holders = [verb]  # and what it completes: "would be wrong to think"
    while holders[-1].dep_ in {"xcomp", "acomp"} and len(holders) < 4:
        holders.append(holders[-1].head)
    return any(
        (c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON)
        or (c.dep_ == "aux" and c.lower_ in _GUESSING_MODALS)
        for holder in holders
        for c in holder.children
    )


def _may_happen(word: Token) -> bool:
    """ "Chile and Peru may yet sign a deal": a "may" or "might" on the clause's own verb,
    with no one's words above it ("Peru warned it might retaliate" is a warning made)."""
    verb = word.head if word.pos_ in {"NOUN", "PROPN"} and word.dep_ == "dobj" else word
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"ccomp", "xcomp", "conj"}:
        return False
    return any(c.dep_ == "aux" and c.lower_ in {"may", "might"} for c in verb.children)


def acted_on(doc: Doc, trigger: TriggerMatch) -> bool:
    noun = root_at(doc, trigger.start, trigger.end)
    if noun is None:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "held a series of bilateral meetings"
    if noun.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return noun.head.lemma_.lower() in HAPPENING_VERBS


# Verbs that make an event noun a happening ("held meetings", "visits were paid"), where
# others make it a topic ("discussed visits and meetings").
HAPPENING_VERBS = {
    "hold", "have", "conduct", "pay", "make", "convene", "host", "attend", "begin", "start",
    "conclude", "complete", "end", "wrap", "stage", "organise", "organize", "carry",
}  # fmt: skip


# "agreed to deepen cooperation in joint production": the joint production is what was pledged,
# not a separate happening.
PLEDGED_CONTENT_KINDS = {"DEFENSE_COOPERATION", "ECONOMIC_COOPERATION"}


def without_pledged_content(triggers: list[TriggerMatch], text: str) -> list[TriggerMatch]:
    pledges = [t for t in triggers if t.rule.kind == "PLEDGE_COOPERATION"]

    def pledged(trigger: TriggerMatch) -> bool:
        return trigger.rule.kind in PLEDGED_CONTENT_KINDS and any(
            p.end <= trigger.start and not CLAUSE_BREAK.search(text[p.end : trigger.start])
            for p in pledges
        )

    return [t for t in triggers if not pledged(t)]


def without_threatened_content(triggers: list[TriggerMatch], doc: Doc) -> list[TriggerMatch]:
    """ "Iran threatened to attack Israel": the attack is what was threatened, not a happening;
    the threat is the event (its parties come from what it threatens)."""
    threatened = content_of(triggers, doc, "THREATEN")
    return [t for t in triggers if t not in threatened]


def content_of(triggers: list[TriggerMatch], doc: Doc, kind: str) -> list[TriggerMatch]:
    """The triggers that are what a trigger of `kind` is about: "threatened to attack",
    "blamed Syria for the attack"."""
    heads = [root_at(doc, t.start, t.end) for t in triggers if t.rule.kind == kind]
    head_words = {w.i for w in heads if w is not None}

    def inside(trigger: TriggerMatch) -> bool:
        word = root_at(doc, trigger.start, trigger.end)
        if word is None or trigger.rule.kind == kind:
            return False
        while word.dep_ in {"xcomp", "dobj", "pobj", "prep"} and word.head.i != word.i:
            word = word.head
            if word.i in head_words:
                return True
        return False

    return [t for t in triggers if inside(t)]


CONDITIONS = {"if", "unless", "whether"}


# "These included ...", "They were ...", "Among them were ...": a list of whom the sentence
# before spoke of in general ("bilateral meetings with several other leaders").
LIST_CONTINUATION = re.compile(r"^(?:These|Those|They|Among\s+(?:them|those|these))\b")


def continues_a_list(doc: Doc) -> bool:
    if not LIST_CONTINUATION.match(doc.text):
        return False
    root = next(iter(doc.sents)).root
    return root.lemma_.lower() in {"include", "be"}


def joined(text: str, first: Sentence, second: Sentence) -> Sentence:
    """Two adjacent sentences as one piece of evidence."""
    return Sentence(first.start, second.end, text[first.start : second.end], first.paragraph, False)


def conditional(doc: Doc, trigger: TriggerMatch) -> bool:
    """ "if the US sought to strike Syria", "unless Japan lifts the ban": a condition, not
    something that happened or was agreed."""
    word = root_at(doc, trigger.start, trigger.end)
    if word is None:
        return False
    return (
        any(
            c.dep_ == "mark" and c.lower_ in CONDITIONS
            for clause in (word, *word.ancestors)
            for c in clause.children
        )
        or _speculated(word)
        or _imagined(word)
        or _a_capacity(word)
        or _a_possible_outcome(word)
        or _consequence_of_a_condition(word)
    )


# Modals that make a clause what would follow from a condition beside it.
CONSEQUENCE_MODALS = {"would", "could", "might", "may", "will", "shall", "'ll", "wo"}


def _consequence_of_a_condition(word: Token) -> bool:
    """ "If the reports are confirmed, it would be the worst clash between A and B", "if Peru
    sides with Chile, Bolivia will press ahead": what follows from a condition is as unreal
    as the condition (the word stands in a modal clause that has an "if" clause of its own).
    A clause someone says or warns is a threat or pledge made, conditions and all: "warned it
    would strike if provoked"."""
    for clause in (word, *word.ancestors):
        if clause.dep_ == "ccomp":
            return False
        children = list(clause.children)
        modal = any(c.dep_ == "aux" and c.lower_ in CONSEQUENCE_MODALS for c in children)
        if modal and any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
            for c in children
        ):
            return True
    return False


# "could lead to Erdoğan reaching a deal", "might result in clashes": an outcome foreseen.
OUTCOME_VERBS = {"lead", "result"}
MODALS = {"could", "might", "may", "would"}


def _a_possible_outcome(word: Token) -> bool:
    """Whether the word stands in what a modal "lead to" or "result in" foresees (not in
    its subject: "an assault by forces backing Assad would lead to ...")."""
    return any(
        part.dep_ not in {"nsubj", "nsubjpass", "csubj"}
        and part.head.lemma_.lower() in OUTCOME_VERBS
        and any(c.dep_ == "aux" and c.lower_ in MODALS for c in part.head.children)
        for part in (word, *word.ancestors)
        if part.head.i != part.i
    )


# "a scenario where Russia hits Britain", "in the event that China attacks": a case imagined.
IMAGINED_CASES = {"scenario", "event", "case", "hypothesis", "eventuality"}


def _imagined(word: Token) -> bool:
    """A case imagined, or the content of a speculation: "speculation (that) Russia would
    retaliate", "fears that China could attack"."""
    for clause in (word, *word.ancestors):
        if clause.dep_ not in {"relcl", "acl"}:
            continue
        head = clause.head.lemma_.lower()
        if head in IMAGINED_CASES:
            return head != "event" or _in_the_event(clause.head)
        if head in SPECULATION:
            return True
    return False


# "the capacity to strike Syria", "its right to retaliate", "the levers it has to pressure
# Moscow": what a state can or may do, not what it did.
CAPACITIES = {
    "capacity", "capability", "ability", "means", "power", "right", "lever", "leverage",
    "tool", "option", "freedom", "authority", "wherewithal", "mandate", "licence", "license",
}  # fmt: skip


USING_VERBS = {"use", "exercise", "employ", "wield", "invoke", "apply", "deploy", "harness"}


def _a_capacity(word: Token) -> bool:
    """The word stands in an infinitive that says what a capacity is for ("the capacity to
    strike"), or what one held is for ("the levers the US has to pressure Moscow"), unless
    the capacity is put to use."""
    for clause in (word, *word.ancestors):
        capacity = clause.head
        if capacity.lemma_.lower() not in CAPACITIES:
            continue
        if capacity.head.lemma_.lower() in USING_VERBS:
            return False  # "used its power to block Sweden's bid": the power put to work
        if clause.dep_ == "acl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        ):
            return True
        if clause.dep_ == "relcl" and clause.lemma_ == "have":
            return True
    return False


def _in_the_event(noun: Token) -> bool:
    """ "in the event that ...", not "the event where the leaders met"."""
    return noun.head.lower_ == "in" and any(c.lower_ == "the" for c in noun.children)


# Words that make what they are said of a prospect, not a happening: "clashes are now a
# distinct possibility", "the risk of a war", "a confrontation looks likely".
SPECULATION = {
    "possibility",
    "possible",
    "prospect",
    "risk",
    "danger",
    "likely",
    "unlikely",
    "spectre",
    "specter",
    "likelihood",
    "chance",
    "fear",
    "conceivable",
    "inevitable",
    "looming",
    "speculation",
    "rumour",
    "rumor",
}


def _speculated(word: Token) -> bool:
    head = word.head
    if word.dep_ in {"nsubj", "nsubjpass"}:  # "clashes are a possibility", "... look likely"
        return any(
            c.dep_ in {"attr", "acomp", "oprd"} and c.lemma_.lower() in SPECULATION
            for c in head.children
        )
    # "the risk of a war", "the prospect of talks"
    return word.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in SPECULATION


def negated_in_parse(doc: Doc, trigger: TriggerMatch) -> bool:
    """ "did not meet", "went out of its way not to threaten", "never held talks": a negation
    on the trigger's own verb, or on the verb whose object the trigger noun is."""
    word = root_at(doc, trigger.start, trigger.end)
    if word is None:
        return False
    if word.pos_ in {"NOUN", "PROPN"} and word.dep_ in {"dobj", "nsubjpass"}:
        word = word.head
    return any(is_negation(child) for child in word.children)


def own_conjunct(doc: Doc, trigger: TriggerMatch) -> tuple[str, str] | None:
    """ "Russia denied the report and accused Poland of lying": the words of the verb a
    trigger is coordinated with ("denied the report"), and the trigger's own ("and accused"),
    whose status cues are its own; None when the trigger is no such second verb."""
    word = root_at(doc, trigger.start, trigger.end)
    if word is None or word.dep_ != "conj" or word.pos_ not in {"VERB", "AUX"}:
        return None
    first = word.head
    if first.pos_ not in {"VERB", "AUX"} or first.i > word.i:
        return None
    helpers = [c for c in first.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < first.i]
    start = min([first.idx, *(c.idx for c in helpers)])
    joint = [c for c in first.children if c.dep_ == "cc" and first.i < c.i < word.i]
    own_start = joint[0].idx if joint else word.idx
    return doc.text[start : first.idx + len(first.text)], doc.text[own_start : trigger.end]


def is_negation(word: Token) -> bool:
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return word.dep_ == "neg" and not (following is not None and following.lower_ == "only")


# Prepositions that put a happening in time rather than in the verb's own phrase.
TIME_PREPS = {"during", "after", "before", "following", "throughout"}


def main_verbs_govern(triggers: list[TriggerMatch], doc: Doc) -> list[TriggerMatch]:
    """A trigger noun that is the object of another trigger's verb takes that verb's kind:
    "agreed to lift the sanctions" is easing them, not imposing them; and one in the verb's
    phrase that is of its own kind is the same happening ("will visit X on his first trip")."""
    roots = [root_at(doc, trigger.start, trigger.end) for trigger in triggers]
    verbs = {
        root.i: trigger.rule.kind
        for trigger, root in zip(triggers, roots, strict=True)
        if root is not None and root.pos_ == "VERB"
    }
    kept = []
    for trigger, root in zip(triggers, roots, strict=True):
        if root is None or root.pos_ not in {"NOUN", "PROPN"}:
            kept.append(trigger)
            continue
        kind = trigger.rule.kind
        governed = root.dep_ in {"dobj", "nsubjpass"} and verbs.get(root.head.i) not in (
            None,
            kind,
        )
        if governed and _reacted_to(root, verbs.get(root.head.i)):
            governed = False
        # ("after a state visit to Peru, the president flew home": a time, not a restatement)
        restated = (
            root.dep_ == "pobj"
            and root.head.lower_ not in TIME_PREPS
            and verbs.get(root.head.head.i) == kind
        )
        if not (governed or restated):
            kept.append(trigger)
    return kept


# Verbs that react in words to what was done: "the arrest of two Chinese nationals by Philippine
# authorities was condemned" condemns an arrest that happened.
_REACTIONS = frozenset({"ACCUSE", "ENDORSE"})


def _reacted_to(noun: Token, verb_kind: str | None) -> bool:
    """Whether the event noun is what a passive reaction with no doer of its own is to (the
    reaction has no two states; the act it names stands)."""
    verb = noun.head
    return (
        verb_kind in _REACTIONS
        and noun.dep_ == "nsubjpass"
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def prefer_specific(triggers: list[TriggerMatch]) -> list[TriggerMatch]:
    """One trigger per kind per sentence (the first, usually the main verb), and where two
    triggers share words the more specific rule wins ("sign ... Cooperation" is a signing)."""
    by_strength = sorted(triggers, key=lambda t: (-t.rule.confidence, t.start))
    kept: list[TriggerMatch] = []
    for trigger in by_strength:
        if not any(t.start < trigger.end and trigger.start < t.end for t in kept):
            kept.append(trigger)
    return sorted(kept, key=lambda t: t.start)


def clause_window(text: str, trigger: TriggerMatch, others: list[TriggerMatch]) -> str:
    """The words before a trigger that can carry its status: back to a clause break, or to
    the trigger before it ("will visit ... the commitments in the joint statement")."""
    earlier = [t.end for t in others if t.end <= trigger.start]
    start = max(0, trigger.start - 90, *earlier)
    head = text[start : trigger.start]
    breaks = list(CLAUSE_BREAK.finditer(head))
    if breaks:
        head = head[breaks[-1].end() :]
    return head + trigger.text


def clause_after(text: str, trigger: TriggerMatch, others: Sequence[TriggerMatch] = ()) -> str:
    """The words after a trigger that can carry its status ("..., which is set to begin",
    "was postponed"): not past an "and" that goes on to another trigger ("held talks on
    Monday and were due to hold formal talks on Tuesday")."""
    tail = text[trigger.end : trigger.end + 80]
    stop = re.search(r"[;.]|,\s+(?:while|but|and\s+(?:the|they|he|she))\b", tail)
    tail = tail[: stop.start()] if stop else tail
    later = [t.start - trigger.end for t in others if 0 < t.start - trigger.end < len(tail)]
    if later:
        joined = tail.rfind(" and ", 0, min(later))
        if joined >= 0:
            tail = tail[:joined]
    return tail
