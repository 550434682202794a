"""Source and target from the dependency parse: who did it, and to whom.

The trigger's syntactic arguments name the parties: its subject (or the passive agent after
"by"), its object, and the objects of the prepositions its frame allows ("talks *with*",
"sanctions *on*", "a visit *to*"). Lists and conjuncts ("the navies of A, B and C") give every
member; a generic head ("leaders", "forces", "counterparts") stands for the states it is "of"
or that modify it ("Chinese troops"). A state reached only as a place ("in Geneva"), a topic
("over Taiwan") or the modifier of a third party ("Russian-backed forces") is not a party.

The knowledge (which prepositions mark which side, for which kinds) is `data/<language>/roles.toml`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..schema import kinds
from . import syntax
from .clauses import TIME_PREPS

# Dependents through which a noun phrase's head stands for a state it names.
_FRONTIERS = {"border", "frontier", "boundary"}
_LINKED = {"link", "tie", "connect", "affiliate", "associate", "loyal", "close"}
# The first word of a two-word preposition, which the parser makes the head of the second.
_COMPOUND_PREP_HEADS = {"out", "away", "back"}
_FORMER_LATTER = {"former": 0, "latter": 1}
# Points of the compass, whose "of" places an act as "in" does: "struck a base south of Kyiv".
_COMPASS = {f"{ns}{ew}" for ns in ("", "north", "south") for ew in ("", "east", "west") if ns or ew}
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "csubj", "dobj", "pobj"}
_NOMINAL_DEPS = {"compound", "amod", "poss", "nmod", "appos", "npadvmod", "nn"}
# Clauses that share the subject of the verb they depend on ("agreed to hold talks",
# "arrived and met", "is due to meet").
_CONTROL_DEPS = {"xcomp", "conj", "advcl", "pcomp"}
# Pronouns that, as or in a subject, stand for the article's protagonist; "it" and "its"
# often stand for an organisation or a thing, so they do not.
_PERSONAL_PRONOUNS = {"he", "she", "his", "her", "they", "their", "we", "our"}
_SINGULAR_PRONOUNS = {"he", "she", "his", "her"}
_FIRST_PLURAL = {"we", "our"}


@dataclass(frozen=True)
class Party:
    """A state taking part, with the path in the parse that made it one."""

    code: str
    side: str  # "source", "target" or "both"
    path: str
    place: bool = False  # named only as where the act happened ("shelling in Gaza")


@dataclass(frozen=True)
class RoleKnowledge:
    """Which prepositions mark which side, by kind (see data/en/roles.toml)."""

    source_preps: dict[str, frozenset[str]]
    target_preps: dict[str, frozenset[str]]
    mutual_preps: frozenset[str]
    of_heads: frozenset[str]
    third_party_suffixes: tuple[str, ...]
    clause_subject_is_target: frozenset[str]
    of_object_kinds: frozenset[str]
    origin_modifier_kinds: frozenset[str]
    non_state_heads: frozenset[str]
    armed_groups: frozenset[str]
    destination_compound_kinds: frozenset[str]
    cargo_heads: frozenset[str]
    arrival_verbs: frozenset[str]
    relation_heads: frozenset[str]
    content_object_is_target: frozenset[str]
    content_phrase_is_target: frozenset[str]
    topic_verbs: frozenset[str]
    causing_verbs: frozenset[str]
    brokering_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    seated_heads: frozenset[str]
    weapons: frozenset[str]
    weapon_kinds: frozenset[str]
    place_preps: frozenset[str]
    place_target_kinds: frozenset[str]
    reaction_kinds: frozenset[str]
    asked_act_kinds: frozenset[str]
    asking_nouns: frozenset[str]
    act_nouns: dict[str, frozenset[str]]  # a noun's lemma: the kinds of act it can name

    @classmethod
    def load(cls, path: Path) -> RoleKnowledge:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        default = data["default"]

        def table(key: str) -> dict[str, frozenset[str]]:
            found = {"*": frozenset(default[key])}
            for kind, entry in data.get("kind", {}).items():
                if key in entry:
                    found[kind] = frozenset(entry[key])
            return found

        return cls(
            source_preps=table("source_preps"),
            target_preps=table("target_preps"),
            mutual_preps=frozenset(data["mutual_preps"]),
            of_heads=frozenset(data["of_heads"]),
            third_party_suffixes=tuple(data["third_party_suffixes"]),
            clause_subject_is_target=frozenset(data["clause_subject_is_target"]),
            of_object_kinds=frozenset(data["of_object_kinds"]),
            origin_modifier_kinds=frozenset(data["origin_modifier_kinds"]),
            non_state_heads=frozenset(data["non_state_heads"]),
            armed_groups=frozenset(data["armed_groups"]),
            destination_compound_kinds=frozenset(data["destination_compound_kinds"]),
            cargo_heads=frozenset(data["cargo_heads"]),
            arrival_verbs=frozenset(data["arrival_verbs"]),
            relation_heads=frozenset(data["relation_heads"]),
            content_object_is_target=frozenset(data["content_object_is_target"]),
            content_phrase_is_target=frozenset(data["content_phrase_is_target"]),
            topic_verbs=frozenset(data["topic_verbs"]),
            causing_verbs=frozenset(data["causing_verbs"]),
            brokering_verbs=frozenset(data["brokering_verbs"]),
            receiving_verbs=frozenset(data["receiving_verbs"]),
            seated_heads=frozenset(data["seated_heads"]),
            weapons=frozenset(data["weapons"]),
            weapon_kinds=frozenset(data["weapon_kinds"]),
            place_preps=frozenset(data["place_preps"]),
            place_target_kinds=frozenset(data["place_target_kinds"]),
            reaction_kinds=frozenset(data["reaction_kinds"]),
            asked_act_kinds=frozenset(data["asked_act_kinds"]),
            asking_nouns=frozenset(data["asking_nouns"]),
            act_nouns=_kinds_by_lemma(data["act_nouns"]),
        )

    def preps(self, kind: str, side: str) -> frozenset[str]:
        table = self.source_preps if side == "source" else self.target_preps
        return table.get(kind, table["*"])


def _kinds_by_lemma(groups: list[dict[str, list[str]]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for group in groups:
        for lemma in group["lemmas"]:
            found.setdefault(lemma, set()).update(group["kinds"])
    return {lemma: frozenset(kinds) for lemma, kinds in found.items()}


class RoleFinder:
    """Parties of one trigger in one parsed sentence."""

    def __init__(self, knowledge: RoleKnowledge) -> None:
        self.knowledge = knowledge

    def acts_reacted_to(self, trigger: Token) -> frozenset[str]:
        """The kinds of act a reaction's object names: "criticised the visit", "voiced
        concern over the drills", "the deal was welcomed by Japan"."""
        found: set[str] = set()
        for word in _reaction_objects(trigger):
            found |= self.knowledge.act_nouns.get(word.lemma_.lower(), frozenset())
        return frozenset(found)

    def parties(
        self,
        doc: Doc,
        trigger: tuple[int, int],
        kind: str,
        participants: list[tuple[int, int, str]],
        subject_is_target: bool = False,
        protagonist: str | None = None,
        particle: str | None = None,
        referent: str | None = None,
    ) -> list[Party]:
        """Every state the parse ties to the trigger at character span `trigger`.

        A personal pronoun as the subject ("they met", "their government expelled") is the
        `protagonist`: the state the article is about; "he" or "she" ("his visit") is the
        `referent`, the state of the person named before (none when that is uncertain), and
        so is "we" when that person speaks."""
        span = doc.char_span(*trigger, alignment_mode="expand")
        if span is None or not len(span):
            return []
        # The word that governs the rest of the trigger ("sale" in "sale of missiles").
        head = span.root
        carried = kind in self.knowledge.origin_modifier_kinds and _carried_by(head)
        if carried:
            head = head.head  # "an Australian aid flight landed in Tonga": the flight's phrase
        if syntax.mentioned_in_passing(head):
            return []
        codes = codes_by_token(doc, participants)
        reader = _Reader(
            self.knowledge, kind, codes, head, subject_is_target, protagonist, referent
        )
        reader.words = range(span.start, span.end)
        if particle:
            reader.target_preps = reader.target_preps | {particle}
        found = list(reader.read())
        if _happens(head):
            # "the first meeting was with the Prime Minister of Barbados", "took place with"
            for prep in head.head.children:
                if prep.dep_ == "prep":
                    found += reader.prepositional(prep, f"^{head.head.text}")
        if kind in self.knowledge.origin_modifier_kinds and _arrives(head, self.knowledge):
            # "an arms shipment arrived in Syria": where the thing sent goes
            found += reader.arguments(head.head, f"^{head.head.text}")
        # A trigger of several words ("stands ready to deepen cooperation with") takes the
        # prepositional parties of each of its words.
        inside = range(span.start, span.end)
        for word in span:
            if word.i != head.i:
                for prep in word.children:
                    if prep.dep_ == "prep" and prep.i not in inside:
                        found += reader.prepositional(prep, f"span:{word.text}")
        if not found and kind in _MET_DURING_KINDS and _during_an_act(head):
            # "thanked Ruto during a phone call", "raised the issue with Xi during talks": the
            # act's subject and object are the ones who talked
            verb = head.head.head
            found = list(reader.arguments(verb, f"^during:{verb.text}"))
        if kind in self.knowledge.place_target_kinds:
            found = _without_places(found)
        return _unique(found)


# The prepositions that take what a reaction is about: "concern over the drills", "objected
# to the deal", "protested against the sale", "criticism of the visit".
_REACTION_PREPS = {"over", "about", "against", "to", "at", "of", "on", "regarding"}


def _reaction_objects(trigger: Token) -> Iterator[Token]:
    for child in trigger.children:
        if child.dep_ in syntax.OBJECT_DEPS or child.dep_ in syntax.PASSIVE_SUBJECT_DEPS:
            yield from (child, *child.conjuncts)
        elif child.dep_ == "prep" and child.lower_ in _REACTION_PREPS:
            for noun in child.children:
                if noun.dep_ == "pobj":
                    yield from (noun, *noun.conjuncts)


# Kinds whose noun, in a "during" phrase of an act between two states, names their meeting.
_MET_DURING_KINDS = {"MEET"}
# Prepositions by which a meeting names its own parties: "talks with Bolivia".
_PARTY_PREPS = {"with", "between", "among", "to", "of", "from"}


def _during_an_act(noun: Token) -> bool:
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in {"during", "in", "over"}
        and prep.head.pos_ == "VERB"
        and not any(c.dep_ == "poss" or c.lower_ in _PARTY_PREPS for c in noun.children)
    )


def _judged(verb: Token) -> bool:
    """ "called the expulsion unfriendly", "called the raid a violation": a verb that says
    what its object is."""
    return any(c.dep_ == "oprd" for c in verb.children)


def _in_fronted_phrase(word: Token, root: Token) -> bool:
    """Whether a word stands in a phrase that opens the sentence before its subject ("Since
    his call ...,", "During her visit ...,")."""
    phrase = next((a for a in (word, *word.ancestors) if a.head.i == root.i), None)
    if phrase is None or phrase.i == root.i or phrase.dep_ not in {"prep", "advcl", "npadvmod"}:
        return False
    subject = next((c for c in root.children if c.dep_ in syntax.SUBJECT_DEPS), None)
    return subject is not None and phrase.right_edge.i < subject.i


def _arrives(thing: Token, knowledge: RoleKnowledge) -> bool:
    verb = thing.head
    return thing.dep_ in syntax.SUBJECT_DEPS and verb.lemma_.lower() in knowledge.arrival_verbs


def _happens(event: Token) -> bool:
    """Whether an event noun is the subject of a verb that only says it happened ("was",
    "took place", "occurred"), whose phrases are then the event's own."""
    verb = event.head
    if event.dep_ not in syntax.SUBJECT_DEPS or verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = verb.lemma_.lower()
    took_place = lemma == "take" and any(c.lemma_.lower() == "place" for c in verb.children)
    return lemma in {"be", "happen", "occur"} or took_place


_TENSED_OR_PARTICIPLE = {"VBD", "VBZ", "VBP", "VBG", "VBN"}


def _phrasal(verb: Token) -> str:
    """A verb's lemma with its particle: "take up", "raise"."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles[:1]])


def _carried_by(trigger: Token) -> bool:
    """Whether a transfer is named as what another noun carries: "aid flight", "arms shipment"."""
    return trigger.dep_ == "compound" and trigger.head.pos_ in {"NOUN", "PROPN"}


def codes_by_token(doc: Doc, participants: list[tuple[int, int, str]]) -> dict[int, str]:
    codes: dict[int, str] = {}
    for start, end, code in participants:
        span: Span | None = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            codes.setdefault(token.i, code)
    return codes


class _Reader:
    def __init__(
        self,
        knowledge: RoleKnowledge,
        kind: str,
        codes: dict[int, str],
        trigger: Token,
        flip: bool,
        protagonist: str | None,
        referent: str | None = None,
    ) -> None:
        self.protagonist = protagonist
        self.referent_state = referent
        self.trigger = trigger
        # "Vietnam bought drones from Turkey": the buyer, the subject, is the target.
        self.subject_side, self.object_side = ("target", "source") if flip else ("source", "target")
        self.k = knowledge
        self.kind = kind
        self.codes = codes
        self.source_preps = knowledge.preps(kind, "source")
        self.target_preps = knowledge.preps(kind, "target")
        # the words of a trigger of several words ("called on Thailand to take part")
        self.words: range = range(trigger.i, trigger.i + 1)

    def read(self) -> Iterator[Party]:
        trigger = self.trigger
        # The trigger itself may name a party: "Turkish airstrikes", "Japan's visit".
        # A gerund the parser takes for a verb is a noun too: "Chilean shelling in Peru killed"
        nominal = trigger.pos_ in {"NOUN", "PROPN"} or trigger.dep_ in _ARGUMENT_DEPS
        travellers = list(self.travellers())
        yield from travellers
        own_actors: set[str] = set()  # who the noun's own phrase says acts
        if nominal:
            # "Tillerson's first stop, a visit to Egypt": the noun it renames speaks for it too
            renamed = trigger.head.children if trigger.dep_ == "appos" else ()
            # "Syrian terrorist attacks", "Libyan militia raids": the demonym says where the
            # group is from, and the group is no state
            by_a_group = self.armed_group(trigger)
            for child in (*trigger.children, *renamed):
                if by_a_group and child.dep_ in {"amod", "compound"}:
                    continue
                if child.dep_ in {"poss", "amod", "compound", "nmod"}:
                    side = self.subject_side
                    if self.kind in self.k.destination_compound_kinds and syntax.place_name(child):
                        side = self.object_side  # "his first New Zealand visit"
                    # "his visit": the one the pronoun stands for
                    subject = child.dep_ == "poss" and child.lower_ in _PERSONAL_PRONOUNS
                    if subject and travellers:
                        continue  # "During his visit to Peru, the Chilean president ..."
                    for code, path in self.states(child, subject=subject):
                        if side == self.subject_side:
                            own_actors.add(code)
                        yield Party(code, side, f"{child.dep_}:{child.text}{path}")
        yield from self.arguments(trigger, "trigger")
        if self.kind in _AGAINST_KINDS:
            yield from self.opposed(trigger)
        if not nominal and self.kind in self.k.weapon_kinds:
            yield from self.weapon_path(trigger)
        if nominal and self.kind in self.k.of_object_kinds:
            yield from self.of_object(trigger)
        # A noun trigger takes the parties of the verb that governs it: "held talks with",
        # "signed an agreement", "took part in drills", "during the visit" does not.
        as_object = trigger.dep_ in {"dobj", "nsubjpass"}
        own = self.own_phrase_only(trigger)
        # "Japan braced for a Chinese strike", "Poland commented on the Russian attack": the
        # noun's own phrase names who acts; the subject of a verb about it only reacts
        reacting = bool(own_actors) and syntax.about(trigger)
        for verb, how in syntax.governing_verbs(trigger):
            if as_object and _phrasal(verb) in self.k.topic_verbs:
                continue  # "raised the arrests"
            if as_object and _judged(verb):
                continue  # "called the expulsion unfriendly": who judges an act did not do it
            if as_object and verb.lemma_.lower() in self.k.receiving_verbs:
                governed = self.received(verb, how)
            else:
                governed = self.arguments(verb, how)
            # "part of the Russian and Iranian occupation": the arguments of a verb above the
            # noun lead back into the noun's own phrase, whose states it has already read
            above = how.startswith("^")
            yield from (
                party
                for party in governed
                if not (above and party.code in own)
                and not (reacting and party.side == self.subject_side)
            )

    def own_phrase_only(self, trigger: Token) -> set[str]:
        """States named in the trigger's own phrase and nowhere else in the sentence."""
        clauses = [c for c in trigger.children if c.dep_ in {"relcl", "acl"}]
        inside = {i for i in range(trigger.left_edge.i, trigger.right_edge.i + 1)}
        inside -= {word.i for clause in clauses for word in clause.subtree}
        own = {code for i, code in self.codes.items() if i in inside}
        return own - {code for i, code in self.codes.items() if i not in inside}

    def opposed(self, trigger: Token) -> Iterator[Party]:
        """ "anti-Japanese protests", "anti-American protesters rallied": the state a protest
        or a criticism is against, named in its own words or its doers'."""
        heads = {trigger.i, *(verb.i for verb, _ in syntax.governing_verbs(trigger))}
        for i, code in self.codes.items():
            word = trigger.doc[i]
            if not syntax.opposed(word):
                continue
            ancestors = [word.head, word.head.head, word.head.head.head]
            if any(a.i in heads for a in ancestors):
                yield Party(code, "target", f"anti:{word.text}")

    def weapon_path(self, verb: Token) -> Iterator[Party]:
        """ "Shells fired from Armenia landed in Azerbaijan", "missiles launched from Yemen
        struck Saudi Arabia": where a weapon is fired from and where it lands are one attack's
        parties, whether the parse makes the firing the weapon's clause or a verb of its own."""
        linked = [c for c in verb.children if c.dep_ in {"conj", "advcl"} and c.pos_ == "VERB"]
        linked = [c for c in linked if not any(s.dep_ in syntax.SUBJECT_DEPS for s in c.children)]
        weapon = syntax.subject_of(verb)
        if weapon is None and verb.dep_ in {"conj", "advcl"}:
            weapon, linked = syntax.subject_of(verb.head), [verb.head]  # the verb it shares it with
        if weapon is None or not self.is_weapon(weapon):
            return
        for clause in (c for c in weapon.children if c.dep_ == "acl" and c.i != verb.i):
            for prep in (c for c in clause.children if c.dep_ == "prep"):
                if prep.lower_ in self.source_preps:  # "shells fired from Armenia landed"
                    yield from self.prepositional(prep, f"<-nsubj:{weapon.text}~{clause.text}")
        for other in linked:
            yield from self.arguments(other, f"&{other.text}")

    def is_weapon(self, word: Token) -> bool:
        # a plural read as a name keeps its plural as its lemma: "Rockets launched ..."
        names = {word.lemma_.lower(), word.lower_.removesuffix("s")}
        return bool(names & self.k.weapons)

    def of_object(self, noun: Token) -> Iterator[Party]:
        """ "Russia's criticism of the US strikes": what the noun is "of" is its target."""
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for code, path in self.members(obj):
                    yield Party(code, self.object_side, f"trigger<-of:{obj.text}{path}")

    def received(self, verb: Token, how: str) -> Iterator[Party]:
        """ "India took delivery of jets from France", "received a visit from": the subject
        of a verb of receiving is whom the act is done to."""
        self.subject_side, self.object_side = self.object_side, self.subject_side
        try:
            yield from self.arguments(verb, how)
        finally:
            self.subject_side, self.object_side = self.object_side, self.subject_side

    def travellers(self) -> Iterator[Party]:
        """ "signed three agreements during a visit to Peru": who made a visit named in a
        phrase of time is the subject of the clause it dates."""
        trigger = self.trigger
        if self.kind not in self.k.destination_compound_kinds or trigger.dep_ != "pobj":
            return
        prep = trigger.head
        if prep.lower_ not in TIME_PREPS or prep.head.pos_ not in {"VERB", "AUX"}:
            return
        for child in prep.head.children:
            if child.dep_ in syntax.SUBJECT_DEPS:
                for code, path in self.members(child, subject=True):
                    yield Party(code, "source", f"^{prep.text}:{prep.head.text}<-nsubj{path}")

    def arguments(self, word: Token, how: str) -> Iterator[Party]:
        subject_found = False
        for child in word.children:
            dep = child.dep_
            if dep in syntax.SUBJECT_DEPS | syntax.PASSIVE_SUBJECT_DEPS and child.tag_ in {
                "WDT",
                "WP",
            }:
                subject_found = True
                antecedent = syntax.antecedent(word, child, self.k.of_heads)
                if word.dep_ == "relcl" and antecedent.i != self.trigger.i:
                    # "Gorgun, who is paying a visit to": the one the clause is about; "the
                    # fishermen who were detained": whom it was done to
                    passive = dep in syntax.PASSIVE_SUBJECT_DEPS
                    side = self.object_side if passive else self.subject_side
                    for code, path in self.members(antecedent, subject=not passive):
                        yield Party(code, side, f"{how}<-who={antecedent.text}{path}")
                continue  # "drills, which are hosted by": the trigger noun itself
            if dep in syntax.SUBJECT_DEPS:
                subject_found = True
                for code, path in self.members(child, subject=True):
                    yield Party(code, self.subject_side, f"{how}<-nsubj:{child.text}{path}")
            elif dep in syntax.PASSIVE_SUBJECT_DEPS:
                subject_found = True
                named = list(self.members(child))
                for code, path in named:
                    side = self.side_of_object(child, path)
                    yield Party(code, side, f"{how}<-nsubjpass:{child.text}{path}")
                if not named:
                    # "sanctions on Belarus were lifted by Japan": the thing done keeps its
                    # phrases ("Turkish cooperation with Russia was criticised" is Turkey's)
                    yield from self.phrases_of_object(child, f"{how}<-nsubjpass:{child.text}")
            elif dep == "dative" and child.pos_ == "ADP":
                yield from self.prepositional(child, how)  # "was sent to X"
            elif dep in syntax.OBJECT_DEPS:
                # "discussed Ukraine with Scholz": what a meeting discusses is its topic
                topic = self.kind == "MEET" and word.lemma_.lower() in self.k.topic_verbs
                for code, path in () if topic else self.members(child):
                    side = self.side_of_object(child, path)
                    yield Party(code, side, f"{how}<-{dep}:{child.text}{path}")
                if not self.held_by_a_group(child):  # "a rebel-held town in Syria"
                    yield from self.phrases_of_object(child, f"{how}<-{dep}:{child.text}")
                for other in child.conjuncts:  # "sent jets and ships toward Taiwan"
                    yield from self.phrases_of_object(other, f"{how}<-{dep}:{other.text}")
            elif dep in {"prep", "agent"}:
                yield from self.prepositional(child, how)
            elif dep in {"advmod", "prt"}:
                # "pulled its troops back from the border": the phrase hangs on the particle;
                # "struck targets south of Kyiv": where it happened, as "in" would say
                place = "in" if child.lemma_.lower() in _COMPASS else None
                for prep in child.children:
                    if prep.dep_ == "prep":
                        yield from self.prepositional(prep, f"{how}<-{child.text}", place)
            elif dep == "xcomp" and self.kind in self.k.content_object_is_target:
                # "threatened to attack Israel", "threatened to close the strait to US ships";
                # not what the one warned is told to do ("warned Kurdish forces not to rely
                # on US protection": the warning is the Kurds', not the US's)
                if any(c.dep_ in {"dobj", "dative"} for c in child.head.children):
                    continue
                for obj in child.children:
                    if obj.dep_ in syntax.OBJECT_DEPS:
                        for code, path in self.members(obj):
                            yield Party(code, "target", f"{how}<-to:{child.text}<-{path}")
                        if self.kind not in self.k.content_phrase_is_target:
                            continue
                        # "threatened to launch an operation against Syria"
                        for prep in obj.children:
                            if prep.dep_ == "prep" and prep.lower_ in self.target_preps:
                                yield from self.prepositional(prep, f"{how}<-to:{child.text}")
                    elif obj.dep_ == "prep":
                        yield from self.prepositional(obj, f"{how}<-to:{child.text}")
            elif syntax.content_clause(child) and self.kind in self.k.clause_subject_is_target:
                # "warned that Warsaw would pay", "alleged that France had armed the militia",
                # "called for Turkey to withdraw"
                for subject in child.children:
                    if subject.dep_ in syntax.SUBJECT_DEPS | syntax.PASSIVE_SUBJECT_DEPS:
                        for code, path in self.members(subject):
                            yield Party(code, "target", f"{how}<-that:{subject.text}{path}")
        # "Chilean shelling in Peru", parsed as a state with a gerund clause
        gerund_of_state = word.dep_ == "acl" and word.tag_ == "VBG" and word.head.i in self.codes
        if not subject_found and (syntax.misparsed_main_verb(word) or gerund_of_state):
            # "The Kenyan envoy called on ...", parsed as a noun with a reduced relative
            for code, path in self.members(word.head, subject=True):
                yield Party(code, self.subject_side, f"{how}<-acl:{word.head.text}{path}")
        elif not subject_found and (split := self.split_noun(word)) is not None:
            # "Turkish artillery shelling in Syria wounded two", parsed as "Turkish artillery"
            # and a clause "shelling in Syria": the state's noun before the gerund is its doer
            for code, path in self.members(split, subject=True):
                yield Party(code, self.subject_side, f"{how}<-noun:{split.text}{path}")
        elif not subject_found and (stranded := syntax.stranded_subject(word)) is not None:
            # "Russia backs the government and the US supports the rebels", parsed with "the
            # US" as a second object: the noun right before the verb is its subject
            # (the noun alone: its "conjuncts" are the objects it was wrongly listed with)
            for code, path in self.states(stranded, subject=True):
                yield Party(code, self.subject_side, f"{how}<-stranded:{stranded.text}{path}")
        elif not subject_found:
            yield from self.inherited_subject(word, how)

    def split_noun(self, gerund: Token) -> Token | None:
        """The noun a trigger gerund was split from: right before it, modified by a state."""
        if gerund.i != self.trigger.i or gerund.tag_ != "VBG" or gerund.i == 0:
            return None
        noun = gerund.doc[gerund.i - 1]
        states = (c.i in self.codes for c in noun.children if c.dep_ in {"amod", "compound"})
        return noun if noun.pos_ == "NOUN" and any(states) else None

    def phrases_of_object(self, obj: Token, how: str) -> Iterator[Party]:
        """ "fired shells at X", "imposed sanctions on X", "sold jets to X"; in a transfer,
        where the thing comes from too: "ordered systems from the US"."""
        transfer = self.kind in self.k.origin_modifier_kinds
        for prep in obj.children:
            if prep.dep_ == "prep" and (transfer or prep.lower_ not in self.source_preps):
                yield from self.prepositional(prep, how)
        yield from self.asker_of_act(obj, how)
        if transfer:
            # "handed over the jets it pledged to Ukraine", "the first four of the jets it
            # promised to Kyiv": where a thing was promised to is where it goes
            things = [obj] + [o for p in obj.children if p.lower_ == "of" for o in p.children]
            for clause in (c for thing in things for c in thing.children if c.dep_ == "relcl"):
                for prep in clause.children:
                    if prep.dep_ == "prep" and prep.lower_ in self.target_preps:
                        yield from self.prepositional(prep, f"{how}~{clause.text}")

    def asker_of_act(self, obj: Token, how: str) -> Iterator[Party]:
        """ "denied a request for a US warship's port call", "turned down an application for
        a visit by Taiwan's president": a request that names no asker was made by whoever
        would do the act it asks for."""
        if self.kind not in self.k.asked_act_kinds:
            return
        if obj.lemma_.lower() not in self.k.asking_nouns or any(self.states(obj)):
            return
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "for"):
            for act in (c for c in prep.children if c.dep_ == "pobj"):
                if act.lemma_.lower() not in self.k.act_nouns:
                    continue  # "a request for Russian jets": what is asked for, not who asks
                doers = [act] + [
                    agent
                    for by in act.children
                    if by.dep_ == "prep" and by.lower_ == "by"
                    for agent in by.children
                    if agent.dep_ == "pobj"
                ]
                for doer in doers:
                    for code, path in self.states(doer):
                        yield Party(code, self.object_side, f"{how}>for:{doer.text}{path}")

    def stands_for_a_party(self, obj: Token) -> bool:
        """Whether the object of an event noun's "of" is whom the event is done to ("the
        expulsion of the ambassador", "the invasion of Ukraine"), or, in a transfer, the thing
        that changes hands; not a topic ("vetoes of Syria resolutions")."""
        return (
            obj.i in self.codes
            or obj.lemma_.lower() in self.k.of_heads
            or self.kind in self.k.origin_modifier_kinds
            # "the seizure of the Norwegian trawler": a demonym, not a topic's name
            or any(c.dep_ == "amod" and c.i in self.codes for c in obj.children)
        )

    def side_of_object(self, obj: Token, path: str) -> str:
        """The object's side; in a transfer, a state that only modifies what changes hands
        is where it comes from: "Russian missiles were delivered to Turkey"."""
        if self.kind in self.k.origin_modifier_kinds and obj.i not in self.codes and path:
            return "source"
        return self.object_side

    def prepositional(self, prep: Token, how: str, like: str | None = None) -> Iterator[Party]:
        """The parties a preposition's object names (read as the preposition `like` when given)."""
        word = like if like and prep.lower_ == "of" else prep.lower_
        if prep.i in self.codes:
            return  # part of a name the parser misread ("To Lam")
        if word in _COMPOUND_PREP_HEADS:  # "out of Georgia", "away from the border"
            for inner in prep.children:
                if inner.dep_ == "prep":
                    yield from self.prepositional(inner, f"{how}<-{prep.text}")
            return
        if prep.dep_ == "agent":
            # the passive's doer stands where the active's subject would: "the Thai minister
            # was received by his Cambodian counterpart" has the host, the subject, as target
            side = self.subject_side
        elif word == "by":
            side = "source"
        elif word == "of" and prep.head.i == self.trigger.i and not kinds()[self.kind].directed:
            side = "both"  # "a meeting of the foreign ministers of Chile and Peru"
        elif word == "of" and prep.head.i == self.trigger.i and word not in self.source_preps:
            side = self.object_side  # "the expulsion of the Venezuelan ambassador"
        elif word in self.k.mutual_preps:
            side = "both"
        elif word in self.source_preps:
            side = "source"
        elif word in self.target_preps:
            side = "target"
        else:
            return
        patient = word == "of" and side == self.object_side
        place = side == "target" and word in self.k.place_preps
        for obj in prep.children:
            if obj.i == self.trigger.i:
                continue  # "killed in Syrian air strikes": the trigger's own phrase
            if patient and not self.stands_for_a_party(obj):
                continue  # "vetoes of Syria resolutions": a topic
            if obj.dep_ in {"pobj", "pcomp"}:
                for code, path in self.members(obj, subject=side == "source"):
                    # "the sale of French jets": what changes hands comes from France
                    own_side = self.side_of_object(obj, path) if patient else side
                    yield Party(code, own_side, f"{how}<-{word}:{obj.text}{path}", place)
                if self.kind in self.k.origin_modifier_kinds and (word == "in" or patient):
                    # "pledged 50 billion euros in aid to Ukraine": where the aid goes; "the
                    # purchase of missiles from Israel": where the thing bought comes from
                    for inner in obj.children:
                        if inner.dep_ == "prep" and inner.lower_ != "of":
                            yield from self.prepositional(inner, f"{how}<-in:{obj.text}")

    def inherited_subject(self, word: Token, how: str) -> Iterator[Party]:
        """ "agreed to hold talks", "arrived in Hanoi and met", "answered by expelling": the
        controlling verb's subject; the object of a passive one ("after being urged by X")."""
        passive = any(c.dep_ == "auxpass" for c in word.children)
        side = self.object_side if passive else self.subject_side
        current = word
        if word.dep_ == "acl" and word.head.pos_ in {"NOUN", "PROPN"}:
            # "welcomed Trump's move to reimpose sanctions": whose move it is acts
            owners = [c for c in word.head.children if c.dep_ == "poss"]
            for owner in owners:
                for code, path in self.members(owner, subject=True):
                    yield Party(code, side, f"{how}<-^{word.head.text}<-poss{path}")
            if owners:
                return
        if word.dep_ == "acl" and word.head.dep_ == "dobj":
            # "sent a letter demanding that Peru withdraw": the letter's sender demands
            current = word.head
        for _ in range(4):
            # "X is likely to hold talks", "Y is ready to sign": through the adjective too
            climbs = _CONTROL_DEPS | {"prep", "dobj", "acomp"}
            if current.dep_ not in climbs or current.head.i == current.i:
                return
            # "he was scheduled to meet", "Japan is expected to sign": a passive controller's
            # subject is the subject of its complement too
            subjects = syntax.SUBJECT_DEPS | (
                syntax.PASSIVE_SUBJECT_DEPS if current.dep_ == "xcomp" else set()
            )
            as_topic = current.dep_ == "dobj" and _phrasal(current.head) in self.k.topic_verbs
            if as_topic or (current.dep_ == "dobj" and _judged(current.head)):
                return  # "had taken up the arrests with Colombo": not who arrested
            complement, current = current, current.head
            if current.dep_ == "prep" and current.pos_ == "ADP":
                continue  # "after accusing", "by expelling": on to the verb it modifies
            controller = self.controller(complement)
            if controller:
                # "prompted Pakistan to retaliate", "forced Chile to withdraw": the object acts
                for code, path in controller:
                    yield Party(code, side, f"{how}<-^{current.text}<-dobj{path}")
                return
            # "urged Chile to sign a deal with Peru": asked of Chile, done by no one (a verb
            # coordinated with the content is another act: "ask the court to rule ... and
            # called on Thailand", however the parser hangs it)
            asked = complement.dep_ == "xcomp" and current.i not in self.words
            if asked and complement is word and any(map(self.someone_asked, current.children)):
                return
            for child in current.children:
                if child.dep_ in subjects:
                    for code, path in self.members(child, subject=not passive):
                        yield Party(code, side, f"{how}<-^{current.text}<-nsubj{path}")
                    return

    def someone_asked(self, word: Token) -> bool:
        """Whether a verb's object is a state or someone acting for one ("urged India to",
        "asked the two sides to"), not a noun of a phrase ("took care not to threaten")."""
        if word.dep_ != "dobj":
            return False
        return (
            word.pos_ == "PROPN"
            or word.lemma_.lower() in self.k.of_heads
            or any(self.members(word))
        )

    def controller(self, complement: Token) -> list[tuple[str, str]]:
        """The states that do what a verb of causing makes them do: its object, not its
        subject ("the raid forced Israel to withdraw": Israel withdrew). A request's object
        ("urged Chile to sign") is asked, and the content of a request no act."""
        verb = complement.head
        if complement.dep_ != "xcomp" or verb.lemma_.lower() not in self.k.causing_verbs:
            return []
        # "to force Russia to negotiate", "could force": a cause not yet at work ("has forced",
        # "had allowed" are at work)
        unreal = any(c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in verb.children)
        if verb.tag_ not in _TENSED_OR_PARTICIPLE or unreal:
            return []
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return [member for obj in objects for member in self.members(obj, subject=True)]

    def members(self, head: Token, subject: bool = False) -> Iterator[tuple[str, str]]:
        """The states a noun phrase and its conjuncts stand for (not a conjunct that is the
        stranded subject of a next clause: `syntax.stranded_subject`)."""
        for member in (head, *head.conjuncts):
            if member is not head and syntax.subject_of_next_clause(member):
                continue
            yield from self.states(member, subject=subject)
            # "met X and Y", "navies of A, B": apposed lists too
            for child in member.children:
                if child.dep_ == "appos" and syntax.after_its_relative_clause(member, child):
                    continue
                # "Peru, Chile, and Bolivia": the parser can hang a listed name as npadvmod
                if child.dep_ == "appos" or (child.dep_ == "npadvmod" and child.i in self.codes):
                    for apposed in (child, *child.conjuncts):  # "the US, Russia, and Swiss"
                        yield from self.states(apposed)

    def phrase_speaks_for(self, word: Token, prep: str) -> bool:
        """Whether the states in a word's "of", "from", "with" or "including" phrase are the
        word's own."""
        if prep == "including":
            return True
        if prep == "with":
            return word.lemma_.lower() in _FRONTIERS
        return word.lemma_.lower() in self.k.of_heads or syntax.is_name(word)

    def referent(self, pronoun: Token, protagonist: bool = True) -> Iterator[tuple[str, str]]:
        """Whom a subject pronoun stands for: the subject of the sentence's main clause when
        that comes first ("The minister flew to Lima, where she met ..."), else the article's
        protagonist ("He met ..." opening a sentence)."""
        root = pronoun.sent.root
        subjects = syntax.SUBJECT_DEPS | syntax.PASSIVE_SUBJECT_DEPS
        fronted = _in_fronted_phrase(pronoun, root)
        for child in root.children:
            # "Since his call to Putin, Trump has ...": a fronted phrase's pronoun is the
            # subject that follows it
            before = child.i < pronoun.i or fronted
            private = before and syntax.a_private_pair(child, pronoun)
            if child.dep_ in subjects and private and not list(self.members(child)):
                return  # "She and two fellow pupils ... when they flew": those two
            if child.dep_ in subjects and before and child.pos_ != "PRON":
                found = list(self.members(child))
                if found:
                    yield from (
                        (code, f">{pronoun.text}={child.text}{path}") for code, path in found
                    )
                    return
                if child.pos_ == "PROPN":
                    return  # "De Mistura said he was asking ...": a named person of no state
        if pronoun.lower_ in _SINGULAR_PRONOUNS:
            if self.referent_state:  # "Erdoğan ... He threatened": the person named before
                yield self.referent_state, f">{pronoun.text}=person"
        elif pronoun.lower_ in _FIRST_PLURAL and self.referent_state:
            yield self.referent_state, f">{pronoun.text}=speaker"  # "Johnson said: 'we ...'"
        elif protagonist and self.protagonist:
            yield self.protagonist, f">{pronoun.text}=protagonist"

    def owns_what_it_does(self, word: Token) -> bool:
        """Whether a "their" on what a directed act is done to stands for the act's own
        subject: the envoys "Britain and France recalled", the troops "Russia and Iran
        withdrew" are each state's own, and no target."""
        if not kinds()[self.kind].directed:
            return False
        verb = word.head
        while verb.dep_ not in syntax.SUBJECT_DEPS | {"ROOT"} and verb.pos_ not in {"VERB", "AUX"}:
            verb = verb.head
        return verb.pos_ in {"VERB", "AUX"} and syntax.subject_of(verb) is not None

    def private_traveller(self, word: Token) -> bool:
        """A visit is made by a state, its officials, forces or ships; a common noun that is
        none of these ("volunteers", "a rapper", "fans") travels for no state."""
        return word.pos_ == "NOUN" and word.lemma_.lower() not in self.k.of_heads

    def seated(self, word: Token) -> bool:
        """A court, prosecutor or police force with no state of its own named before it."""
        if word.lemma_.lower() not in self.k.seated_heads:
            return False
        return not any(c.i in self.codes for c in word.children if c.dep_ in _NOMINAL_DEPS)

    def armed_group(self, word: Token) -> bool:
        """An armed group or a people within a state, named by its head or a modifier:
        "Syrian rebels", "Syria's opposition groups", "the Syrian Kurds", "rebel officials",
        "Kurdish Syrian forces"."""
        words = (word, *(c for c in word.children if c.dep_ in {"compound", "amod"}))
        # a proper noun keeps its plural as its lemma: "Kurds"
        names = {n for w in words for n in (w.lemma_.lower(), w.lower_.removesuffix("s"))}
        return bool(names & self.k.armed_groups)

    def in_opposition(self, name: Token) -> bool:
        """A name whose own phrase, or the phrase it stands beside, makes it a party's or an
        armed group's: "opposition leader X", "the rebel commander, X"."""
        apposed = name.head if name.dep_ == "appos" else None
        return any(self.armed_group(w) for w in syntax.name_modifiers(name)) or bool(
            apposed is not None and self.armed_group(apposed)
        )

    def held_by_a_group(self, word: Token) -> bool:
        """A place an armed group holds: "the rebel-held province", "opposition-controlled
        towns" (the parser makes the group a modifier of "held")."""
        for holding in (c for c in word.children if c.dep_ in {"amod", "compound"}):
            if holding.lemma_.lower() not in _HOLDING:
                continue
            holders = [c for c in holding.children if c.dep_ in {"npadvmod", "compound", "nmod"}]
            if any(self.armed_group(h) for h in holders):
                return True
        return False

    def named_before(self, pronoun: Token) -> Iterator[tuple[str, str]]:
        """ "Erdogan stepped up his rhetoric against the US, accusing it of ...", "Putin called
        Erdogan, assuring him of Moscow's support": an object "it", "him" or "her" is the one
        named last before it, outside the subject of the sentence."""
        root = pronoun.sent.root
        subject = {t.i for c in root.children if c.dep_ in syntax.SUBJECT_DEPS for t in c.subtree}
        before = [i for i in self.codes if i < pronoun.i and i >= root.sent.start]
        before = [i for i in before if i not in subject]
        if before:
            code = self.codes[max(before)]
            yield code, f">{pronoun.text}={pronoun.doc[max(before)].text}"

    def hyphenated(self, word: Token, code: str) -> Iterator[tuple[str, str]]:
        """ "the Egypt-European Union summit": a state compounded onto this one's name is a
        party too (through the words of the name: "Egypt" hangs on "European")."""
        name = [word]
        while name:
            part = name.pop()
            for child in part.children:
                other = self.codes.get(child.i)
                if child.dep_ != "compound" or other is None:
                    continue
                if other == code:
                    name.append(child)
                else:
                    yield other, f">{word.text}>{child.text}"

    def states(
        self, word: Token, depth: int = 0, subject: bool = False
    ) -> Iterator[tuple[str, str]]:
        """The states one nominal word stands for, through its modifiers and an "of"."""
        if depth > 3:
            return
        if subject and word.lower_ in _PERSONAL_PRONOUNS:
            yield from self.referent(word)
            return
        if word.lower_ == "their" and word.dep_ == "poss":
            if self.owns_what_it_does(word):
                return  # "Britain and France recalled their envoys": each its own, not the other's
            # "Chile and Peru agreed, after a meeting of their ministers": both, where "their"
            # stands for the pair the sentence opens with
            both = list(self.referent(word, protagonist=False))
            if len({code for code, _ in both}) >= 2:
                yield from both
                return
        if subject and word.lower_ in {"it", "its"}:
            # "Israel said it would strike": the state named before it, never the protagonist
            yield from self.referent(word, protagonist=False)
            return
        if word.lower_ in {"it", "him", "her"} and word.dep_ in syntax.OBJECT_DEPS | {"pobj"}:
            yield from self.named_before(word)
            return
        if word.lower_ in _FORMER_LATTER:
            # "the former's state visit to the latter": the first or second party named before
            named = list(dict.fromkeys(c for i, c in sorted(self.codes.items()) if i < word.i))
            place = _FORMER_LATTER[word.lower_]
            if len(named) >= 2:
                yield named[place], f">{word.text}={named[place]}"
            return
        code = self.codes.get(word.i)
        if code is not None and syntax.opposed(word):
            return  # "anti-American protesters": whom they oppose, not whose they are
        if self.in_opposition(word):
            return  # "Kenya's opposition leader Raila Odinga": a party's, not the state's
        if code is not None:
            if not syntax.fused_with(word, self.k.third_party_suffixes):
                yield code, f">{word.text}"
            yield from self.hyphenated(word, code)
            return
        if self.armed_group(word):
            return  # "attacking the Syrian Kurds", "backs Syria's opposition groups": not Syria
        if self.held_by_a_group(word):
            return  # "bombed rebel-held Syrian towns": the rebels', not Syria
        if subject and self.kind != "PROTEST" and word.lemma_.lower() in self.k.non_state_heads:
            return  # "Syrian rebels shot down ...": not Syria
        if subject and self.kind == "VISIT" and word.lemma_.lower() in self.k.cargo_heads:
            return  # "an Australian aid flight landed in Tonga": sent, not a visitor
        if subject and self.kind == "VISIT" and self.private_traveller(word):
            return  # "British volunteers who travel to Syria", "a rapper of Iraqi origin"
        relation = word.lemma_.lower() in self.k.relation_heads
        for child in word.children:
            if child.dep_ == "acl" and child.lemma_.lower() in _LINKED:
                # "officials linked to Russia's war": whose they are
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"to", "with"}:
                        for obj in (c for c in prep.children if c.dep_ == "pobj"):
                            for found, path in self.states(obj, depth + 1):
                                yield found, f">{child.text}:{obj.text}{path}"
                continue
            if relation and child.dep_ in {"poss", "amod", "compound"}:
                continue  # "Assad's main backer": the other side of the relation, not him
            # "a camp southeast of Lima": where the thing done to lies (a subject is no place)
            placed = child.dep_ == "advmod" and child.lemma_.lower() in _COMPASS and not subject
            if child.dep_ in _NOMINAL_DEPS or placed:
                for member in (child, *child.conjuncts):  # "Thai and US officials"
                    for found, path in self.states(member, depth + 1, subject):
                        yield found, f">{member.text}{path}"
            elif child.dep_ == "prep" and child.lower_ == "in" and self.seated(word):
                # "a court in Suriname", "prosecutors in Belarus": the state they sit in
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    for found, path in self.states(obj, depth + 1):
                        yield found, f">in:{obj.text}{path}"
            elif child.dep_ == "prep" and child.lower_ in {"of", "from", "with", "including"}:
                # A name stands for the state it is "of" too: "Jane Roe of Peru's navy"; a
                # border for the state it is "with": "troops on the border with Azerbaijan";
                # a group for its members: "six people, including two Iranian generals".
                if not self.phrase_speaks_for(word, child.lower_):
                    continue
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        for member in (obj, *obj.conjuncts):
                            # "thousands of Syrian refugees" are refugees as a subject
                            quantity = subject and word.lemma_.lower() in self.k.of_heads
                            for found, path in self.states(member, depth + 1, quantity):
                                yield found, f">of:{member.text}{path}"


# Participles that say who holds a place: "rebel-held", "Kurdish-controlled".
_HOLDING = {"hold", "control", "run", "occupy", "dominate", "administer"}


# Kinds whose target an "anti-" before a state names: a protest, a criticism.
_AGAINST_KINDS = {"PROTEST", "ACCUSE"}


def _without_places(parties: list[Party]) -> list[Party]:
    """Where an act happened is its target only when no other target is named: "attacked
    Iranian positions in Syria" is an attack on Iran."""
    if all(p.place for p in parties if p.side == "target"):
        return parties
    return [p for p in parties if not (p.place and p.side == "target")]


def _unique(parties: list[Party]) -> list[Party]:
    seen: dict[tuple[str, str], Party] = {}
    for party in parties:
        seen.setdefault((party.code, party.side), party)
    return list(seen.values())


def pairs_between(trigger: Token, codes: dict[int, str]) -> list[tuple[str, str]] | None:
    """ "clashes between Iran and Israel, Syria and Israel, and Turkey and the Kurds": a list
    of pairs after "between", each "A and B" set off by commas, ties each pair alone (a
    non-state member ties no one); None when the list is not one of pairs."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "between":
            continue
        first = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if first is None:
            return None
        members = sorted((first, *first.conjuncts), key=lambda t: t.i)
        groups = [[members[0]]]
        for before, member in zip(members, members[1:], strict=False):
            between = trigger.doc[before.i + 1 : member.i]
            if any(t.lower_ == "," for t in between):
                groups.append([])
            groups[-1].append(member)
        if len(groups) < 2 or any(len(group) != 2 for group in groups):
            return None
        pairs = [(codes.get(a.i), codes.get(b.i)) for a, b in groups]
        return [(a, b) for a, b in pairs if a and b and a != b]
    return None


def pairs_from(parties: list[Party], symmetric: bool) -> list[tuple[str, str]]:
    """(source, target) pairs the parties make: each source with each target; for a
    symmetric kind with no target, each pair among the named parties ("A and B met")."""
    sources = list(dict.fromkeys(p.code for p in parties if p.side in {"source", "both"}))
    targets = list(dict.fromkeys(p.code for p in parties if p.side in {"target", "both"}))
    pairs = [(s, t) for s in sources for t in targets if s != t]
    if symmetric:
        both = list(dict.fromkeys(p.code for p in parties if p.side == "both"))
        named = sources if not targets else both
        pairs += [(a, b) for i, a in enumerate(named) for b in named[i + 1 :]]
        unordered: dict[frozenset[str], tuple[str, str]] = {}
        for a, b in pairs:
            unordered.setdefault(frozenset((a, b)), (a, b))
        return list(unordered.values())
    return list(dict.fromkeys(pairs))
