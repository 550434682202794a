"""Which pairs of states a trigger ties: its parties in the parse first, then the parties
the sentence and the article imply (a visit's host, a passive act's agent, talks in another
state's capital, the protagonist's meeting, the article's main pair)."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..language import Sentence
from ..schema import kinds
from . import clauses, context, syntax
from .lexicon import TriggerMatch
from .roles import (
    Party,
    RoleFinder,
    codes_by_token,
    pairs_between,
    pairs_from,
)

# A trigger with the states near it and the (source, target, via anaphor) pairs it makes.
Paired = tuple[TriggerMatch, list[tuple[int, int, str]], list[tuple[str, str, bool]]]


class PairFinder:
    """Pairs for one trigger of one sentence; the roles come from the parse (`RoleFinder`)."""

    def __init__(self, roles: RoleFinder) -> None:
        self.roles = roles
        # `one_side` asks for the parties `pairs` just found for the same trigger: the last
        # answer is kept, with the parse it is about.
        self._last: tuple[Doc, tuple[object, ...], list[Party]] | None = None

    def pairs(
        self,
        trigger: TriggerMatch,
        participants: list[tuple[int, int, str]],
        sentence: Sentence,
        main_dyad: list[tuple[str, str]],
        officials: set[str],
        strong: bool,
        doc: Doc,
        protagonist: str | None = None,
        home: str | None = None,
        places: list[tuple[int, int, str]] | None = None,
        recent: context.RecentEvents | None = None,
        referent: str | None = None,
        keeps_to_pair: bool = False,
    ) -> list[tuple[str, str, bool]]:
        """(source, target, via anaphor) pairs the sentence supports for this trigger;
        `referent`: the state "he" or "she" stands for (`context.PersonInFocus`);
        `keeps_to_pair`: the article is about its main pair alone (`context.keeps_to_pair`)."""
        rule = trigger.rule
        codes = {code for _, _, code in participants}
        root = clauses.root_at(doc, trigger.start, trigger.end)
        if root is not None and syntax.mentioned_in_passing(root):
            return []  # "discussed steps to enhance the conduct of joint exercises": a topic
        if (
            rule.kind == "VISIT"
            and root is not None
            and self.private_journey(root, doc, participants)
        ):
            return []  # "Britons who travel to Syria", "900 people travelled from the UK"
        anaphor = context.stands_for_the_pair(sentence.text, doc, root)
        in_context = {code for pair in main_dyad for code in pair}
        if main_dyad and anaphor and codes <= in_context and not kinds()[rule.kind].directed:
            return [(a, b, True) for a, b in main_dyad if not codes or codes & {a, b}]
        parties = self.parties(trigger, participants, doc, protagonist, referent)
        symmetric = not kinds()[rule.kind].directed or rule.reciprocal
        if not symmetric and root is not None and _done_to_each_other(root):
            # "Chile and Peru accused each other", "traded accusations": each did it to the other
            doers = list(dict.fromkeys(p.code for p in parties if p.side in {"source", "both"}))
            if len(doers) >= 2 and all(p.side != "target" for p in parties):
                return [(a, b, False) for a in doers for b in doers if a != b]
        pairs = pairs_from(parties, symmetric)
        if pairs and root is not None and all(p.side == "both" for p in parties):
            # "clashes between A and B, C and D": not A with C
            listed = pairs_between(root, codes_by_token(doc, participants))
            pairs = pairs if listed is None else listed
        if pairs and root is not None:
            matched = _respectively(root, parties, participants)
            if matched is not None:
                return [(source, target, False) for source, target in matched]
        if pairs and rule.kind == "MEET" and root is not None and self.brokered_only(root, parties):
            return []  # "talks brokered by Russia, Turkey and Iran": not among the brokers
        if pairs:
            return [(s, t, False) for s, t in pairs]
        directed = kinds()[rule.kind].directed
        role = None
        if anaphor and directed and root is not None and main_dyad:
            role = _role_of_the_pair(root)
        if role is not None:
            # "urged both sides to de-escalate", "both sides urged Brazil to mediate": the act
            # is done to, or by, each of the pair
            pair = {code for dyad in main_dyad for code in dyad}
            sides = {"source", "both"} if role == "object" else {"target", "both"}
            others = {p.code for p in parties if p.side in sides} - pair
            if others:
                found = [(a, b) for a in sorted(others) for b in sorted(pair)]
                return [(b, a, True) if role == "subject" else (a, b, True) for a, b in found]
        harm = rule.kind in context.MUTUAL_HARM_KINDS and main_dyad and not parties
        if harm and anaphor and root is not None and _on_both_sides(root):
            # "fighting that killed soldiers on both sides": each side hit the other
            return [pair for a, b in main_dyad for pair in ((a, b, True), (b, a, True))]
        tied = {p.code for p in parties}
        askers = self.answered(trigger, parties, doc, sentence.text, recent)
        if askers:
            return [(own, asker, True) for own in sorted(tied) for asker in sorted(askers)]
        owners = self.reacted_to(trigger, parties, root, recent)
        if owners:
            return [(own, owner, True) for own in sorted(tied) for owner in sorted(owners)]
        host = context.host_of_visit(rule.kind, parties, home)
        if host:
            return [(source, host, False) for source in context.visitors(parties)]
        capitals = {code for start, _, code in places or [] if _in_clause_of(root, start)}
        named = clauses.has_counterpart(doc, trigger)
        host = context.host_of_meeting(rule.kind, parties, capitals, named)
        if host:
            return [(source, host, False) for source in context.visitors(parties)]
        agent = context.agent_of_passive(rule.kind, parties, home)
        if agent:
            return [(agent, target, True) for target in sorted(tied)]
        elsewhere = (
            rule.kind in context.COOPERATIVE_KINDS
            and root is not None
            and self.dealt_with_no_state(root, doc, participants)
        )
        # "rebel officials held meetings with Russia": met by no state, the protagonist neither
        host = (
            None if elsewhere else context.protagonist_met(rule.kind, parties, codes, protagonist)
        )
        if host:
            return [(host, guest, True) for guest in sorted(tied)]
        if rule.kind in context.BILATERAL_BY_NATURE and len(codes) == 2 and tied <= codes:
            # "concluded with a joint statement", "ties were established in 1992": the
            # act is bilateral by nature and the sentence names exactly two states.
            first, second = sorted(codes)
            return [(first, second, True)]
        others_named = bool(codes - tied - in_context)
        answers = (
            clauses.rejects_a_proposal(doc, trigger)
            if rule.kind == "REJECT"
            else not clauses.warns_of_a_risk(doc, trigger)
            and not (root is not None and self.aimed_at_no_state(root, doc, participants))
        )
        cues = context.ContextCues(
            anaphor,
            bool(tied & officials),
            strong,
            False,
            others_named,
            answers,
            elsewhere,
            partner_named=bool((codes - tied) & in_context),
            done_to=bool(parties) and all(p.side == "target" for p in parties),
            keeps_to_pair=keeps_to_pair,
        )
        return context.context_pairs(rule.kind, tied, cues, main_dyad)

    def brokered_only(self, trigger: Token, parties: list[Party]) -> bool:
        """Whether every state a meeting names is a third party that arranged it: "the
        talks, brokered by Russia and Iran", "Egypt and Qatar mediated the talks" (with
        "between Chile and Peru" the talks are theirs; an exercise's sponsors take part)."""
        if any(p.side != "source" for p in parties):
            return False
        verbs = [c for c in trigger.children if c.dep_ in {"acl", "relcl"}]
        if trigger.dep_ in {"dobj", "nsubjpass"}:
            verbs.append(trigger.head)
        brokering = self.roles.knowledge.brokering_verbs
        return any(verb.lemma_.lower() in brokering for verb in verbs)

    def private_journey(
        self, root: Token, doc: Doc, participants: list[tuple[int, int, str]]
    ) -> bool:
        private = self.roles.knowledge.non_state_heads | _PRIVATE_TRAVELLERS
        return private_journey(root, private, codes_by_token(doc, participants))

    def aimed_at_no_state(
        self, root: Token, doc: Doc, participants: list[tuple[int, int, str]]
    ) -> bool:
        non_state = self.roles.knowledge.non_state_heads | self.roles.knowledge.armed_groups
        return aimed_at_no_state(root, non_state, codes_by_token(doc, participants))

    def dealt_with_no_state(
        self, root: Token, doc: Doc, participants: list[tuple[int, int, str]]
    ) -> bool:
        non_state = self.roles.knowledge.non_state_heads | self.roles.knowledge.armed_groups
        private = non_state | _PRIVATE_TRAVELLERS
        return dealt_with_no_state(root, private, codes_by_token(doc, participants))

    @staticmethod
    def answered(
        trigger: TriggerMatch,
        parties: list[Party],
        doc: Doc,
        text: str,
        recent: context.RecentEvents | None,
    ) -> set[str]:
        """ "Moscow expected Ankara to hand over the town. Tehran made a similar call. Erdogan
        rejected the demands.": an answer by one side only answers those whose demands,
        threats or charges (or, for a response, hostile acts) the last sentences reported."""
        if recent is None or not parties or any(p.side != "source" for p in parties):
            return set()
        kind = trigger.rule.kind
        rejection = kind in context.ANSWER_KINDS and clauses.rejects_a_proposal(doc, trigger)
        if rejection:
            return recent.answered({p.code for p in parties}, rejection=True)
        if context.may_answer({kind}, text, proposal=False):
            return recent.answered({p.code for p in parties}, rejection=False)
        return set()

    def reacted_to(
        self,
        trigger: TriggerMatch,
        parties: list[Party],
        root: Token | None,
        recent: context.RecentEvents | None,
    ) -> set[str]:
        """ "Chile signed a deal with Peru. Bolivia criticised the deal.": a reaction by one
        side to an act the last sentences reported is aimed at whoever did that act."""
        if (
            recent is None
            or root is None
            or not parties
            or any(p.side != "source" for p in parties)
        ):
            return set()
        if trigger.rule.kind not in self.roles.knowledge.reaction_kinds:
            return set()
        acts = self.roles.acts_reacted_to(root)
        return recent.doers(acts, {p.code for p in parties}) if acts else set()

    def parties(
        self,
        trigger: TriggerMatch,
        participants: list[tuple[int, int, str]],
        doc: Doc,
        protagonist: str | None,
        referent: str | None = None,
    ) -> list[Party]:
        key = (id(trigger.rule), trigger.start, trigger.end, tuple(participants), protagonist)
        if self._last is not None and self._last[0] is doc and self._last[1] == key:
            return self._last[2]
        rule = trigger.rule
        found = self.roles.parties(
            doc,
            (trigger.start, trigger.end),
            rule.kind,
            participants,
            rule.subject_is_target,
            protagonist,
            rule.particle,
            referent,
        )
        self._last = (doc, key, found)
        return found

    def one_side(
        self,
        trigger: TriggerMatch,
        participants: list[tuple[int, int, str]],
        doc: Doc,
        protagonist: str | None,
        referent: str | None = None,
    ) -> tuple[str, set[str]] | None:
        """The side ("source" or "target") and states of a trigger whose parties all stand
        on one side ("Lee held bilateral meetings with several leaders": Singapore, and no
        one named opposite)."""
        parties = self.parties(trigger, participants, doc, protagonist, referent)
        if len({p.side for p in parties}) != 1 or parties[0].side == "both":
            return None
        return parties[0].side, {p.code for p in parties}


def responses_aimed_alike(
    paired: list[Paired], doers_of: Callable[[TriggerMatch, list[tuple[int, int, str]]], set[str]]
) -> list[Paired]:
    """ "Seoul raised its alert level and warned Pyongyang to cancel the launch": a response
    by nature (`context.RESPONSE_BY_NATURE_KINDS`) that names no target is aimed where its
    doers' hostile acts in the same sentence are (`doers_of`: a trigger's states when all
    stand on the source side)."""
    hostile = [
        (source, target)
        for trigger, _, pairs in paired
        if trigger.rule.kind in context.HOSTILE_KINDS
        for source, target, _ in pairs
    ]
    completed = []
    for trigger, present, pairs in paired:
        if not pairs and hostile and trigger.rule.kind in context.RESPONSE_BY_NATURE_KINDS:
            doers = doers_of(trigger, present)
            pairs = [(s, t, True) for s, t in dict.fromkeys(hostile) if s in doers]
        completed.append((trigger, present, pairs))
    return completed


def without_the_accusers_pair(
    paired: list[Paired], accused_acts: list[TriggerMatch]
) -> list[Paired]:
    """ "Israel blamed Iran for the attack on its ship": the attack is not Israel's on Iran,
    the pair the accusation lends it through its verb; the attack keeps only parties of its
    own ("condemned the Israeli strike on Gaza")."""
    accusations = {
        (source, target)
        for trigger, _, pairs in paired
        if trigger.rule.kind == "ACCUSE"
        for source, target, _ in pairs
    }
    return [
        (
            trigger,
            present,
            [p for p in pairs if (p[0], p[1]) not in accusations]
            if trigger in accused_acts
            else pairs,
        )
        for trigger, present, pairs in paired
    ]


# Clauses whose subject is their head's: "regrets travelling", "left to travel", "who travel".
_SHARED_SUBJECT_DEPS = {"xcomp", "advcl", "pcomp", "conj", "ccomp"}
# Travellers who travel for no state, besides the armed groups and civilians of roles.toml.
_PRIVATE_TRAVELLERS = frozenset({
    "people", "person", "man", "woman", "teenager", "girl", "boy", "child", "family",
    "schoolgirl", "volunteer", "recruit", "resident", "worker", "traveller", "traveler",
    "passenger", "visitor", "supporter", "individual", "youth", "teen",
})  # fmt: skip
# Verbs of saying, whose subject a "she" in what is said stands for.
_SAYING = {"say", "tell", "admit", "claim", "insist", "explain", "recall", "describe", "add"}
# Words that make an office honorary: "a goodwill ambassador" travels for no one.
_HONORARY = {"goodwill", "honorary"}
# A share or a count of travellers with no one named whose they are: common people.
_QUANTITIES = {
    "%", "percent", "thousand", "hundred", "million", "dozen", "most", "many", "majority",
}  # fmt: skip
# Verbs whose object names the journey: "made the journey to Germany".
_LIGHT_VERBS = {"make", "take", "undertake"}


def private_journey(verb: Token, private_heads: frozenset[str], codes: dict[int, str]) -> bool:
    """Whether a verb of travel tells the journey of people who travel for no state: common
    people ("900 people have travelled from the UK to Syria", "an American woman regrets
    travelling to Syria"), a people named by its demonym ("Britons who travel to Syria") or
    an honorary office ("a goodwill ambassador, travelling to Chad"). `private_heads`: the
    nouns of people who act for no state (rebels, refugees, citizens)."""
    traveller = _traveller(verb)
    if traveller is None:
        return False
    if traveller.pos_ == "PRON":
        # "An American woman ... says she regrets travelling": the speaker "she" stands for
        root = traveller.sent.root
        named = [c for c in root.children if c.dep_ == "nsubj" and c.i < traveller.i]
        if root.lemma_.lower() not in _SAYING or not named or named[0].pos_ == "PRON":
            return False
        traveller = named[0]
    # "hundreds of people", "members of the delegation": who they are
    of = [o for p in traveller.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    traveller = of[0] if of else traveller
    phrase = {w.lower_ for w in traveller.subtree}
    if phrase & _HONORARY:
        return True
    if traveller.like_num or traveller.lemma_.lower() in _QUANTITIES:
        return True  # "with about 82% travelling to Italy", "thousands travelled": people
    if traveller.i in codes:
        # "Britons", "Germans": a people, not "Britain" or "the German navy"
        return traveller.tag_ in {"NNS", "NNPS"}
    return traveller.pos_ == "NOUN" and traveller.lemma_.lower() in private_heads


def _traveller(verb: Token) -> Token | None:
    """Who travels: the verb's subject, the noun its relative clause is about, or the subject
    of the clause it shares its subject with."""
    if verb.dep_ == "dobj" and verb.head.lemma_.lower() in _LIGHT_VERBS:
        verb = verb.head  # "Syrians made the journey to Germany": who made it
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].tag_ not in {"WP", "WDT"}:
            return subjects[0]
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
            return verb.head  # "Britons who travel", "people travelling to Italy"
        if subjects or verb.dep_ not in _SHARED_SUBJECT_DEPS:
            return None
        verb = verb.head
    return None


def aimed_at_no_state(verb: Token, non_state: frozenset[str], codes: dict[int, str]) -> bool:
    """Whether a warning names whom it is aimed at, and that is no state: "warned Kurdish
    activists", "threatening the Kurds in Syria", "warned: Al-Qaida is still a threat",
    "warned that the militiamen could still meet resistance" (`non_state`: the heads of
    armed groups and other parties that are no state's)."""
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"}:
            aimed = [child]
        elif child.dep_ == "ccomp":
            aimed = [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
        else:
            continue
        for word in aimed:
            if word.lemma_.lower() in non_state:
                return True  # "warned Somali militias"
            if any(w.i in codes for w in word.subtree if w.head.dep_ != "prep"):
                continue  # "warned Turkey", "warned the Syrian regime", not "Kurds in Syria"
            if word.pos_ == "PROPN":
                return True
    return False


def dealt_with_no_state(trigger: Token, private: frozenset[str], codes: dict[int, str]) -> bool:
    """Whether cooperation names its other side, and that is no state: "Turkey promised to
    drill them", "offered military training to 500 men", "rebel officials held meetings with
    Russia" (`private`: the heads of armed groups and of people who act for no state)."""
    words = [trigger]
    if trigger.dep_ in {"dobj", "nsubjpass"}:
        words.append(trigger.head)  # "held meetings", "training was offered"
    verbs = [c for w in words for c in w.children if c.dep_ == "xcomp"]
    words += [v for verb in verbs for v in (verb, *verb.conjuncts)]  # "to drill and train them"
    for word in words:
        for child in word.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                modifiers = [m for m in child.children if m.dep_ in {"amod", "compound"}]
                if any(w.lemma_.lower() in private for w in (child, *modifiers)):
                    return True  # "rebel officials held meetings"
                continue
            if child.dep_ in {"dobj", "dative"}:
                other = [child]
            elif child.dep_ == "prep" and child.lower_ in {"with", "to"}:
                other = [c for c in child.children if c.dep_ == "pobj"]
            else:
                continue
            for side in other:
                if side.i == trigger.i or any(w.i in codes for w in side.subtree):
                    continue
                if side.lower_ in {"them", "him", "her"} or side.lemma_.lower() in private:
                    return True
    return False


def _on_both_sides(root: Token) -> bool:
    """ "killed soldiers on both sides", "casualties on each side": the harm's own phrase."""
    for child in root.children:
        if child.dep_ in {"dobj", "nsubjpass", "prep"}:
            words = root.doc[child.left_edge.i : child.right_edge.i + 1].text
            if context.ON_BOTH_SIDES.search(words):
                return True
    return False


_EACH_OTHER = re.compile(r"\b(?:each\s+other|one\s+another)\b", re.I)
# Verbs whose object is done by each of their subjects to the other: "traded accusations",
# "exchanged threats".
_MUTUAL_VERBS = {"trade", "exchange"}


def _done_to_each_other(root: Token) -> bool:
    if root.dep_ == "dobj" and root.head.lemma_.lower() in _MUTUAL_VERBS:
        return True
    for child in root.children:
        if child.dep_ in {"dobj", "dative", "prep", "pobj"}:
            words = root.doc[child.left_edge.i : child.right_edge.i + 1].text
            if _EACH_OTHER.match(words) or (child.dep_ == "prep" and _EACH_OTHER.search(words)):
                return True
    return False


def _in_clause_of(root: Token | None, start: int) -> bool:
    """Whether a word at `start` stands in the clause of the trigger: "talks in Vienna ended
    with no sign Russia would press Assad to negotiate" holds the negotiating elsewhere."""
    if root is None:
        return True
    clause = syntax.clause_verb(root)
    return clause.left_edge.idx <= start <= clause.right_edge.idx


def _respectively(
    root: Token, parties: list[Party], participants: list[tuple[int, int, str]]
) -> list[tuple[str, str]] | None:
    """ "Britain and France recalled their envoys from Iran and Syria respectively": the
    first source with the first of the list after the verb, the second with the second,
    not each with each ("Putin and Erdogan, who backed the Syrian government and rebels
    respectively": Russia backs Syria, Turkey no state). None without "respectively"."""
    clause = syntax.clause_verb(root)
    if not any(w.lower_ == "respectively" for w in clause.subtree):
        return None
    first_named: dict[str, int] = {}
    for start, _, code in sorted(participants):
        first_named.setdefault(code, start)
    if any(p.code not in first_named for p in parties):
        return None  # a pronoun's state: where it stands in the list is not known
    sources = sorted({p.code for p in parties if p.side == "source"}, key=first_named.__getitem__)
    targets = {p.code for p in parties if p.side == "target"}
    listed = _list_after(clause, len(sources))
    if len(sources) < 2 or set(sources) & targets or listed is None:
        return None
    pairs = []
    for source, member in zip(sources, listed, strict=True):
        start, end = _own_span(member)
        pairs += [(source, code) for at, _, code in participants if start <= at < end]
    return [(source, target) for source, target in dict.fromkeys(pairs) if target in targets]


def _list_after(verb: Token, size: int) -> list[Token] | None:
    """The members, in order, of the first list of `size` after the verb."""
    for word in verb.subtree:
        if word.i > verb.i and word.dep_ != "conj" and len(word.conjuncts) == size - 1:
            return [word, *sorted(word.conjuncts, key=lambda w: w.i)]
    return None


def _own_span(member: Token) -> tuple[int, int]:
    """Where a list member stands, up to the member after it."""
    after = [c.left_edge.idx for c in member.children if c.dep_ in {"cc", "conj"}]
    end = min(after) if after else member.right_edge.idx + len(member.right_edge)
    return member.left_edge.idx, end


def _role_of_the_pair(root: Token) -> str | None:
    """Whether "the two sides", "both countries", "the three countries" does the trigger
    ("subject") or has it done to them ("object": "urged both sides", "called on the two
    countries")."""
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            role = "subject"
        elif child.dep_ in {"dobj", "dative"} or (child.dep_ == "prep" and child.lower_ == "on"):
            role = "object"
        else:
            continue
        words = root.doc[child.left_edge.i : child.right_edge.i + 1].text
        if context.PAIR_ANAPHOR.search(words) or context.TRIO_ANAPHOR.search(words):
            return role  # "summoned the three countries' ambassadors"
    return None
