"""The coder: sentences with a trigger and two parties become events.

`Coder.read` is the cheap first pass (actors, people, which sentences the parser must read and
how); `Coder.finish` codes the parsed sentences. Each step lives in its own module:
`mentions` (who a sentence names), `context` (what the article implies: dateline, protagonist,
main pair), `frames` and `lexicon` (triggers), `clauses` (which triggers are events, and their
status clause), `roles` (source and target from the parse), `pairing` (the pairs a trigger
ties, from its roles and what the sentence and article imply), `timing` (dates) and `merging`
(what one article says twice is one event). `trace` records why, for `explain`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc

from ..language import LanguageTools, ParseRequest, Sentence, split_sentences
from ..schema import Event, Evidence, Person, content_id, kinds
from . import clauses, context, mentions, merging, pairing, timing, trace
from .actors import ActorMention
from .dates import Anchor, DateValue, find_time_expressions
from .details import find_instrument, find_tier
from .knowledge import Knowledge
from .lexicon import TriggerMatch
from .offices import bound_by_terms
from .pairing import PairFinder
from .people import TITLES_IN_LOWER_CASE, PeopleFinder, PersonMention
from .roles import Party, RoleFinder
from .trace import Trace, TraceRecord

_PLACE_IS_PARTY_KINDS = {"VISIT", "PROTEST", "ASSAULT"}
_KIND_DEFAULT_SECTOR = {
    "DEFENSE_COOPERATION": "defense",
    "JOINT_EXERCISE": "defense",
    "ARMS_TRANSFER": "defense_industry",
    "ECONOMIC_COOPERATION": "trade",
    "ASSAULT": "defense",
}
_STILL_TO_HAPPEN = {"planned", "proposed"}
# The frames that expel or deport people (COERCE, CAMEO 174).
_DEPORTATIONS = {"frame:expel-people", "frame:expulsion-of-people"}
_PRONOUN = re.compile(r"\b(?:he|she|it|they|we|our)\b", re.IGNORECASE)
_TITLE_WORDS = re.compile(
    r"\b(?:President|Minister|Secretary|Premier|Chancellor|King|Queen|Sultan|Emir|Sheikh|Prince|"
    r"General|Admiral|Ambassador|Chairman|PM|[Ss]pokes(?:man|woman|person))\b"
)
# The titles `people` also reads in lower case, and only beside a state's name.
_TITLES_IN_LOWER_CASE = re.compile(rf"\b(?:{TITLES_IN_LOWER_CASE})\b")


@dataclass
class Reading:
    """An article after the coder's cheap first pass (`Coder.read`)."""

    text: str
    sentences: list[Sentence]
    actors: list[ActorMention]
    by_sentence: list[list[ActorMention]]
    candidates: list[int]
    to_parse: dict[int, ParseRequest]  # by sentence index, in order
    looked_up: dict[int, list[PersonMention]]  # the people the lookups found, by sentence
    known: list[list[tuple[int, int]]]  # where the table's full names stand, by sentence
    home: str | None  # the dateline's state

    def texts_to_parse(self) -> list[ParseRequest]:
        return list(self.to_parse.values())


@dataclass(frozen=True)
class _ImplicitParties:
    """Who a sentence can mean without naming: the dateline's state (a visit's host, the
    agent of a passive act) and the article's protagonist (a pronoun subject)."""

    home: str | None
    protagonist: str | None
    main_dyad: set[str]  # the states of the article's main pair


@dataclass
class CodedArticle:
    events: list[Event]
    people: list[Person]
    countries: list[str]
    anchor: Anchor | None
    flags: dict[str, str]


class Coder:
    """Turns one article's clean text into events. Stateless apart from its knowledge."""

    def __init__(
        self,
        knowledge: Knowledge,
        language: LanguageTools,
        today: date,
        parse_all_sentences: bool = False,
    ) -> None:
        # The slow path reads the roles of every sentence; it exists to check that the cheap
        # filters (`_is_candidate`, `_may_hold_event`) lose no event.
        self.parse_all_sentences = parse_all_sentences
        self.knowledge = knowledge
        self.language = language
        self.people_finder = PeopleFinder(knowledge.offices)
        self.roles = RoleFinder(knowledge.roles)
        self.pairing = PairFinder(self.roles)
        # "Bolivia criticised the deal": a noun that can name an act reported just before
        nouns = sorted(knowledge.roles.act_nouns, key=len, reverse=True)
        self._act_noun = re.compile(rf"\b(?:{'|'.join(map(re.escape, nouns))})", re.IGNORECASE)
        self.today = today
        # Set to a Trace to learn why each trigger did or did not become an event (explain).
        self.trace: Trace | None = None

    # -- the article ---------------------------------------------------------------------------
    def code(
        self, article_id: str, source_file: str, text: str, published: DateValue | None
    ) -> CodedArticle:
        reading = self.read(text)
        parsed = self.language.parse(reading.texts_to_parse())
        return self.finish(reading, list(parsed), article_id, source_file, published)

    def read(self, text: str) -> Reading:
        """The cheap first pass: sentences, actors, and which sentences need the parser.

        The parser is the expensive part: only sentences that can hold an event between two
        parties, or name an official the lookups cannot, go through it, and each only through
        the readings it needs. `finish` codes the article once they are parsed (see
        `Pipeline`, which parses the sentences of many articles in one batch).
        """
        sentences = [s for s in split_sentences(text) if s.text.strip()]
        actors = self.knowledge.gazetteer.find(text)
        by_sentence = mentions.bucket(actors, sentences)
        # A sentence naming a known holder is read for people, whatever else it says: "As a
        # former oil executive, Rex Tillerson is ..." lets a later "Tillerson" be found.
        known_names = self.people_finder.known_names(text)
        holders = mentions.sentences_at([start for start, _ in known_names], sentences)
        known = mentions.sentence_spans(known_names, sentences)
        candidates = [
            i
            for i, s in enumerate(sentences)
            if i in holders or self._is_candidate(s, by_sentence[i])
        ]
        # The people the lookups find without the parser, and their later short names.
        people = {
            i: self.people_finder.find(
                sentences[i].text, sentences[i].start, None, by_sentence[i], known[i]
            )
            for i in candidates
        }
        # "Kim announced ...": the short name of someone the parse may yet find by full name.
        possible = {
            i: list(self.people_finder.possible(s.text, s.start, by_sentence[i], known[i]))
            for i, s in enumerate(sentences)
            if i in people
        }
        could_be = {i: [*found, *possible[i]] for i, found in people.items()}
        short_names = mentions.short_name_pattern(mentions.resolve_surnames(could_be))
        main_dyad, _ = context.main_dyad(actors, people)
        home = context.dateline_state(sentences, by_sentence)
        implicit = _ImplicitParties(
            home,
            context.protagonist(actors, people),
            {code for pair in main_dyad for code in pair},
        )
        to_parse: dict[int, ParseRequest] = {}
        for i, sentence in enumerate(sentences):
            named = people.get(i, [])
            named = named + mentions.short_name_mentions(sentence, short_names, named)
            # "X met several leaders. These included A and B.": the list names the other side
            listed = i + 1 < len(sentences) and _lists(sentences[i + 1])
            if i in people or named:
                before = frozenset(
                    _states_named(by_sentence[i - 1], people.get(i - 1, [])) if i else ()
                )
                earlier = before | (
                    _states_named(by_sentence[i - 2], people.get(i - 2, [])) if i > 1 else set()
                )
                request = self._parse_request(
                    sentence,
                    by_sentence[i],
                    named,
                    implicit,
                    listed,
                    possible.get(i),
                    before,
                    i < context.LEAD_SENTENCES,
                    earlier,
                )
                if i - 1 in to_parse and to_parse[i - 1].roles and _lists(sentence):
                    names = request is not None and request.names
                    request = ParseRequest(sentence.text, roles=True, names=names)
                if request is not None:
                    to_parse[i] = request
        candidates = sorted(set(candidates) | set(to_parse))
        return Reading(
            text, sentences, actors, by_sentence, candidates, to_parse, people, known, home
        )

    def finish(
        self,
        reading: Reading,
        parsed: list[Doc],
        article_id: str,
        source_file: str,
        published: DateValue | None,
    ) -> CodedArticle:
        """Code the article `read` prepared, given the parses of its `texts_to_parse`."""
        sentences, actors, by_sentence = reading.sentences, reading.actors, reading.by_sentence
        candidates = reading.candidates
        docs: dict[int, Doc | None] = dict.fromkeys(candidates)
        docs.update(zip(reading.to_parse, parsed, strict=True))
        # Only the recognizer's names can add to what the first pass's lookups found.
        people_by_sentence = {
            i: reading.looked_up[i]
            if i in reading.looked_up and not _has_names(docs[i])
            else self.people_finder.find(
                sentences[i].text, sentences[i].start, docs[i], by_sentence[i], reading.known[i]
            )
            for i in candidates
        }
        people_by_sentence = mentions.resolve_surnames(people_by_sentence)
        short_names = mentions.short_name_pattern(people_by_sentence)
        focus = context.PersonInFocus()
        referents: dict[int, str | None] = {}  # whose state "he" or "she" stands for
        # a "we" of the writer's, or of someone of no state's
        no_state_we: dict[int, bool] = {}
        for i, sentence in enumerate(sentences):
            # "Kim announced ...": a sentence naming someone met earlier is a candidate too.
            known = people_by_sentence.get(i, [])
            later = mentions.short_name_mentions(sentence, short_names, known)
            person = focus.referent(sentence, known + later, docs.get(i), by_sentence[i])
            speaking = focus.speaking_state(sentence, known + later, docs.get(i), by_sentence[i])
            referents[i] = speaking or (person.country if person else None)
            no_state_we[i] = speaking == context.NO_STATE
            later += mentions.pronoun_mention(sentence, person, known + later)
            if later:
                people_by_sentence[i] = known + later
                if i not in docs:
                    docs[i] = None
            focus.after(sentence, people_by_sentence.get(i, []), docs.get(i), by_sentence[i])
        candidates = sorted(docs)
        flags: dict[str, str] = {}
        anchor = self._anchor(published, people_by_sentence, flags)
        main_dyad, strong = context.main_dyad(actors, people_by_sentence)
        keeps_to_pair = context.keeps_to_pair(actors, people_by_sentence, main_dyad)
        protagonist = context.protagonist(actors, people_by_sentence)
        home = reading.home
        if home:
            people_by_sentence = mentions.locals_of(people_by_sentence, home)
        found: list[merging.Candidate] = []
        previous: list[merging.Candidate] = []
        open_before: list[_OpenTrigger] = []
        recent = context.RecentPair()
        recent_events = context.RecentEvents()
        before: set[str] = set()
        for i, sentence in enumerate(sentences):
            coded: list[merging.Candidate] = []
            opened: list[_OpenTrigger] = []
            answering: list[_OpenTrigger] = []
            states_here = _states_named(by_sentence[i], people_by_sentence.get(i, []))
            doc = docs.get(i)
            if doc is not None and doc.has_annotation("DEP") and not sentence.is_heading:
                if open_before and clauses.continues_a_list(doc):
                    coded += self._completed_by_list(
                        open_before,
                        clauses.joined(reading.text, sentences[i - 1], sentence),
                        {a.code for a in by_sentence[i]}
                        | {p.country for p in people_by_sentence.get(i, []) if p.country},
                        anchor,
                    )
                coded += self._code_sentence(
                    sentence,
                    by_sentence[i] + self._state_bodies(sentence, by_sentence[i], home),
                    people_by_sentence[i],
                    doc,
                    anchor,
                    self._dyad_meant(
                        sentence,
                        recent,
                        (main_dyad, strong) if i < context.LEAD_SENTENCES else ([], False),
                        states_here,
                        # read only where "the three" can stand for those done to
                        bool(context.TRIO_ANAPHOR.search(sentence.text))
                        and self._done_to_others_only(sentence.text),
                    ),
                    home,
                    # past the lead, "they" and "we" are seldom the article's protagonist;
                    # nor is the writer's own "we"
                    protagonist if i < context.LEAD_SENTENCES and not no_state_we[i] else None,
                    opened,
                    answering,
                    recent_events,
                    referents[i],
                    keeps_to_pair,
                )
                # a response by nature answers a threat, not a partner the sentence before
                # cooperated with nor a sentence with no hostile word
                if answering:
                    threatened = i and self._has_trigger(
                        sentences[i - 1].text, context.THREATENING_KINDS
                    )
                    unthreatening = recent_events.partners() if threatened else before
                    coded += self._answered(
                        answering, before, sentence, anchor, frozenset(unthreatening)
                    )
            echo = context.echo_at(sentence.text)
            if echo is not None and recent_events.last:
                # "Iran made a similar call": not a call of its own, the act before repeated
                coded = [c for c in coded if not echo[0] <= c.trigger.start < echo[1]]
                coded += self._echoed(
                    recent_events.last,
                    echo,
                    sentence,
                    by_sentence[i],
                    people_by_sentence.get(i, []),
                    reading.text,
                )
            responds = bool(context.RESPONSE.search(sentence.text))
            for c in coded:
                if c.kind in context.RESPONSE_KINDS and (c.via_anaphor or responds):
                    c.answers_date = context.answered_date(recent_events, c)
            recent_events.after(coded)
            open_before = opened
            before = states_here
            recent.after({frozenset((c.source, c.target)) for c in coded}, before)
            if coded or by_sentence[i] or people_by_sentence.get(i):
                previous = coded
            elif previous and not self.knowledge.triggers.may_match(sentence.text):
                self._elaborate(previous, sentence)
            found += coded
        timing.date_follow_ups(found, published)
        merged = merging.merge(found)
        events = [self._event(article_id, source_file, c) for c in merged]
        all_people = [p for i in candidates for p in people_by_sentence[i]]
        countries = sorted(_states_named(actors, all_people))
        return CodedArticle(
            events, mentions.unique_people(all_people, published), countries, anchor, flags
        )

    @staticmethod
    def _dyad_meant(
        sentence: Sentence,
        recent: context.RecentPair,
        main: tuple[list[tuple[str, str]], bool],
        named: set[str],
        done_to_others: bool = False,
    ) -> tuple[list[tuple[str, str]], bool]:
        """The pair "the two" or "both sides" stand for: the one just named, else the
        article's main pair; the three "a trilateral summit" stands for. A bare "they" in a
        sentence that names no one stands for the pair only while the last sentences spoke
        of it ("They claimed never to have met the hostages", far from any state, is
        someone else). The three an act is done to (`done_to_others`: the sentence's acts are
        all directed) can be three named before besides its doer."""
        if context.TRIO_ANAPHOR.search(sentence.text):
            # not the main pair, whoever the three are
            return recent.trio(named, besides_the_doers=done_to_others), True
        if recent.pair and context.PAIR_ANAPHOR.search(sentence.text):
            return [recent.pair], True
        if not recent.pair and not named and context.only_they(sentence.text):
            return [], False
        return main

    def _is_candidate(self, sentence: Sentence, actors: list[ActorMention]) -> bool:
        """Cheap checks first: only sentences that name someone go to the parser."""
        if self.parse_all_sentences:
            return True
        if actors or _TITLE_WORDS.search(sentence.text):
            return True
        if self.people_finder.may_name_a_leader(sentence.text):
            return True  # "Putin called Erdogan on Monday"
        if _PRONOUN.search(sentence.text) and self._has_trigger(sentence.text):
            return True  # "Today, we are to sign a declaration": the protagonist's
        return context.may_name_the_pair(sentence.text)

    def _kinds_in(self, text: str) -> set[str]:
        """The kinds a trigger rule or a frame's words in `text` can make (no parse needed)."""
        return self.knowledge.triggers.kinds_in(text) | self.knowledge.frames.kinds_in(text)

    def _done_to_others_only(self, text: str) -> bool:
        found = self._kinds_in(text)
        return bool(found) and all(kinds()[kind].directed for kind in found)

    def _has_trigger(self, text: str, of_kinds: set[str] | None = None) -> bool:
        found = self._kinds_in(text)
        return bool(found if of_kinds is None else found & of_kinds)

    def _parse_request(
        self,
        sentence: Sentence,
        actors: list[ActorMention],
        people: list[PersonMention],
        implicit: _ImplicitParties,
        listed: bool = False,
        could_be: list[PersonMention] | None = None,
        before: frozenset[str] = frozenset(),
        in_lead: bool = True,
        earlier: frozenset[str] = frozenset(),
    ) -> ParseRequest | None:
        """What the parser must read in this sentence: its roles where it can hold an event,
        its names where the NER model could find someone the lookups cannot (`could_be`:
        everyone it could find, when the caller already knows)."""
        text = sentence.text
        roles = self.parse_all_sentences or self._may_hold_event(
            text, actors, people, implicit, listed, before, in_lead, earlier
        )
        # The entity recognizer costs as much again as the parse: it reads sentences where
        # the lookups leave a name it could resolve, and a title word or the parse says so.
        if could_be is None:
            could_be = list(self.people_finder.possible(text, sentence.start, actors))
        titled = _TITLE_WORDS.search(text) or (actors and _TITLES_IN_LOWER_CASE.search(text))
        names = bool(could_be) and bool(titled)
        if not (roles or names):
            return None
        within = tuple((p.start - sentence.start, p.end - sentence.start) for p in could_be)
        return ParseRequest(text, roles, names, within)

    def _may_hold_event(
        self,
        text: str,
        actors: list[ActorMention],
        people: list[PersonMention],
        implicit: _ImplicitParties,
        listed: bool = False,
        before: frozenset[str] = frozenset(),
        in_lead: bool = True,
        earlier: frozenset[str] = frozenset(),
    ) -> bool:
        """A trigger word, and two parties the sentence names or implies (or one, when the
        next sentence lists the others, or the sentence before names the other: `before`,
        or a reaction names an act the last two sentences reported: `earlier`)."""
        found = self._kinds_in(text)
        if not found:
            return False
        parties = {a.code for a in actors} | {p.country for p in people if p.country}
        if implicit.protagonist and _PRONOUN.search(text):
            parties.add(implicit.protagonist)  # "we are to sign a declaration"
        # `context.context_pairs`: "the two sides agreed", "Thailand rejected the proposal";
        # past the lead, a lone party's act is no longer with the main pair (see `finish`)
        implied = context.may_name_the_pair(text) or (in_lead and parties & implicit.main_dyad)
        if found & context.CONTEXT_KINDS and implicit.main_dyad and implied:
            return True
        both_sides = context.ON_BOTH_SIDES.search(text)
        if found & context.MUTUAL_HARM_KINDS and implicit.main_dyad and both_sides:
            return True  # "Fighting along the border killed 12 soldiers on both sides."
        hosted = found & context.HOSTED_OR_AGENTLESS or self.knowledge.state_bodies.search(text)
        if implicit.home and hosted:
            parties.add(implicit.home)
        others = context.PAIR_ANAPHOR.search(text) or context.TRIO_ANAPHOR.search(text)
        if parties and len(before - parties) >= 2 and others:
            # "Chile and Peru clashed. Brazil urged both sides to show restraint.", "Israel
            # summoned the three countries' ambassadors"
            return True
        if parties and before - parties and context.may_answer(found, text):
            # "Turkey downed a Russian jet. Moscow retaliated with sanctions.", "Tehran made
            # a similar call. Erdogan rejected the demands."
            return True
        reacts = found & self.knowledge.roles.reaction_kinds and self._act_noun.search(text)
        if parties and earlier - parties and reacts:
            return True  # "Chile signed a deal with Peru. Bolivia criticised the deal."
        return len(parties) >= 2 or (listed and bool(parties))

    def _anchor(
        self,
        published: DateValue | None,
        people: dict[int, list[PersonMention]],
        flags: dict[str, str],
    ) -> Anchor | None:
        """What relative dates resolve against: the publication date, or for an undated
        article the time when every titled official named held their office."""
        titled = [p for ps in people.values() for p in ps if p.titled and p.holder]
        terms = {id(p): p.holder.term for p in titled if p.holder}
        if published is not None:
            stale = [p for p in titled if not terms[id(p)].contains(published)]
            stale = [p for p in stale if not mentions.is_former(p)]
            if stale:
                flags["office_holder_conflict"] = (
                    f"{stale[0].role} {stale[0].name} did not hold that office on {published.iso}"
                )
            miscalled = [p for p in titled if mentions.other_head_title(p)]
            if miscalled and not stale:
                p = miscalled[0]
                flags["office_holder_conflict"] = (
                    f"{p.role} {p.name}: the table knows {p.name} as {p.holder.title}"
                    if p.holder
                    else f"{p.role} {p.name}"
                )
            return Anchor(published.start, published.end)
        current = [terms[id(p)] for p in titled if not mentions.is_former(p)]
        if not current:
            return None
        bound = bound_by_terms(current)
        if bound is None:
            names = ", ".join(sorted({f"{p.role} {p.name}" for p in titled}))
            flags["office_holder_conflict"] = f"{names} never held office at the same time"
            return None
        return Anchor(bound.start, min(bound.end, self.today))

    # -- one sentence --------------------------------------------------------------------------
    def _code_sentence(
        self,
        sentence: Sentence,
        actors: list[ActorMention],
        people: list[PersonMention],
        doc: Doc,
        anchor: Anchor | None,
        dyad_context: tuple[list[tuple[str, str]], bool],
        home: str | None = None,
        protagonist: str | None = None,
        opened: list[_OpenTrigger] | None = None,
        answered: list[_OpenTrigger] | None = None,
        recent: context.RecentEvents | None = None,
        referent: str | None = None,
        keeps_to_pair: bool = False,
    ) -> list[merging.Candidate]:
        """The sentence's events; triggers whose parties stand on one side only go to
        `opened`, for a next sentence that lists the others ("These included ..."), and
        answers with the acting side only to `answered`, for the sentence before's state.
        `referent`: the state "he" or "she" stands for (`context.PersonInFocus`)."""
        every_match = self.knowledge.triggers.matches(sentence.text)
        every_match += self.knowledge.frames.matches(doc)
        usable = [
            t for t in every_match if clauses.usable(t, sentence, doc) and not self._unreal(doc, t)
        ]
        triggers = clauses.main_verbs_govern(usable, doc)
        chosen = clauses.without_pledged_content(clauses.prefer_specific(triggers), sentence.text)
        chosen = clauses.without_threatened_content(chosen, doc)
        person_spans = [(p.start - sentence.start, p.end - sentence.start) for p in people]
        chosen = clauses.without_verbal_clashes(chosen, doc, person_spans)
        if self.trace is not None:
            self._trace_dropped(self.trace, sentence, doc, every_match, usable, triggers, chosen)
        if not chosen:
            return []
        # A dateline ("SEOUL, Aug 12 (Agency) -") names where and when it was filed, not who acted.
        dateline = context.dateline_end(sentence.text)
        actors = [a for a in actors if not mentions.inside_a_name(a, sentence)]
        # "two Pakistani nationals accused of spying", "Chinese firms suspected of ...": a
        # participle that describes someone is no act of a state's, and asks for no state
        acts = [t for t in every_match if not _describes_someone(doc, t)]
        if mentions.trigger_kinds_need_states(acts):
            actors = [a for a in actors if not mentions.private_party(a, sentence)]
        # "sanctioned two Chinese firms": sanctions on a state's companies are on that state,
        # but companies impose none ("Japanese firms halted exports to Russia")
        private_codes: set[str] = set()
        public_codes: set[str] = set()
        for a in actors:
            (private_codes if mentions.private_party(a, sentence) else public_codes).add(a.code)
        private_only = private_codes - public_codes - {p.country for p in people if p.country}
        seated = self.knowledge.roles.seated_heads
        places = [a for a in actors if mentions.is_place(a, sentence, seated)]
        participants = [
            p
            for p in mentions.participants(
                [a for a in actors if a not in places], people, sentence.start
            )
            if p[0] >= dateline
        ]
        # "in Ankara": a capital after a locative, where a meeting can be hosted
        capitals = [
            (a.start - sentence.start, a.end - sentence.start, a.code)
            for a in places
            if a.via == "capital" and not a.is_igo
        ]
        participants_and_places = sorted(
            participants
            + [(a.start - sentence.start, a.end - sentence.start, a.code) for a in places]
        )
        times = [
            t
            for t in find_time_expressions(sentence.text, anchor)
            if (t.value or t.days) and t.start >= dateline and not timing.is_deadline(t)
        ]
        main_dyad, strong = dyad_context
        officials = {p.country for p in people if p.titled and p.country}
        paired = []
        for trigger in chosen:
            # Where a visit goes, protesters gather or shells land is a party: "arrived in the
            # Kazakh capital for a state visit", "a protest in Beijing", "shelling in Gaza"; a
            # meeting's place is only its place.
            at_place = trigger.rule.kind in _PLACE_IS_PARTY_KINDS
            present = participants_and_places if at_place else participants
            pairs = self.pairing.pairs(
                trigger,
                present,
                sentence,
                main_dyad,
                officials,
                strong,
                doc,
                protagonist,
                home,
                capitals,
                recent,
                referent,
                keeps_to_pair,
            )
            if trigger.rule.kind in mentions.IMPOSED_ON_PRIVATE_PARTIES:
                pairs = [pair for pair in pairs if pair[0] not in private_only]
            local = next((a.code for a in places), None) or home
            if not pairs and trigger.rule.kind == "PROTEST" and local:
                # Protesters with no nationality named are of where they protest ("outside
                # the Chinese embassy in Manila"), or of the dateline's state.
                objects = {code for start, _, code in present if start >= trigger.start}
                pairs = [(local, target, False) for target in sorted(objects - {local})]
            paired.append((trigger, present, pairs))
            if self.trace is not None:
                parties = self.pairing.parties(trigger, present, doc, protagonist, referent)
                outcome = trace.EVENT if pairs else trace.NO_PAIR
                self.trace.records.append(
                    _record(sentence, trigger, outcome, parties, [(a, b) for a, b, _ in pairs])
                )
        paired = pairing.without_the_accusers_pair(
            paired, clauses.content_of(chosen, doc, "ACCUSE")
        )

        def doers(trigger: TriggerMatch, present: list[tuple[int, int, str]]) -> set[str]:
            side = self.pairing.one_side(trigger, present, doc, protagonist, referent)
            return side[1] if side and side[0] == "source" else set()

        paired = pairing.responses_aimed_alike(paired, doers)
        # A time belongs to the nearest trigger that makes an event: "signed an agreement for
        # the delivery of the systems in December 2017" dates the signing.
        eventful = [trigger for trigger, _, pairs in paired if pairs]
        found = []
        for trigger, present, pairs in paired:
            own_times = timing.times_of(
                trigger, eventful if pairs else chosen, times, doc, sentence.text
            )
            one_side = (
                None
                if pairs
                else self.pairing.one_side(trigger, present, doc, protagonist, referent)
            )
            if one_side and opened is not None:
                opened.append(_OpenTrigger(trigger, one_side[1], own_times, people))
            if (
                one_side
                and one_side[0] == "source"
                and answered is not None
                and context.may_answer(
                    {trigger.rule.kind},
                    sentence.text,
                    trigger.rule.kind != "REJECT" or clauses.rejects_a_proposal(doc, trigger),
                )
            ):
                acting = one_side[1]
                if {code for _, _, code in present} <= acting:
                    answered.append(_OpenTrigger(trigger, acting, own_times, people))
            for source, target, anaphor in pairs:
                candidate = self._candidate(
                    trigger,
                    source,
                    target,
                    anaphor,
                    sentence,
                    people,
                    own_times,
                    anchor,
                    chosen,
                    clauses.controlling_words(doc, trigger),
                )
                if clauses.negated_in_parse(doc, trigger):
                    candidate.status, candidate.explicit_status = "negated", True
                elif candidate.status == "negated":
                    self._unless_denied_by_another_verb(candidate, doc, trigger)
                candidate.location = mentions.location(places, sentence.start + dateline)
                found.append(candidate)
        return found

    def _unreal(self, doc: Doc, trigger: TriggerMatch) -> bool:
        """A trigger inside a condition, averted, only supposed, or a warning of what is: no
        act (`_trace_dropped` gives the same reason for each)."""
        status = self.knowledge.status
        return (
            clauses.conditional(doc, trigger)
            or clauses.averted(doc, trigger, status.averting_verbs)
            or clauses.surmised(doc, trigger, status.surmising_verbs, status.doubting_words)
            or clauses.warns_of_what_is(doc, trigger)
        )

    def _trace_dropped(
        self,
        log: Trace,
        sentence: Sentence,
        doc: Doc,
        found: list[TriggerMatch],
        usable: list[TriggerMatch],
        governing: list[TriggerMatch],
        chosen: list[TriggerMatch],
    ) -> None:
        """Record each trigger dropped before its parties were sought, with the reason."""
        for trigger in found:
            if trigger in chosen:
                continue
            if trigger not in usable:
                reason = trace.CONDITION if self._unreal(doc, trigger) else trace.TOPIC
            elif trigger not in governing:
                reason = trace.GOVERNED
            else:
                reason = trace.OVERLAPPED
            log.records.append(_record(sentence, trigger, reason, [], []))

    def _unless_denied_by_another_verb(
        self, candidate: merging.Candidate, doc: Doc, trigger: TriggerMatch
    ) -> None:
        """ "Russia denied the report and accused Poland of lying", "suspended aid and
        recalled its envoy": the first verb's denial is not the second's ("refused to sign and
        ratify the treaty" refuses both: the first verb denies nothing of its own)."""
        words = clauses.own_conjunct(doc, trigger)
        if words is None:
            return
        first, own = words
        if self.knowledge.status.status_of(first)[0] != "negated":
            return
        status, explicit = self.knowledge.status.status_of(own)
        candidate.status, candidate.explicit_status = status, explicit

    def _completed_by_list(
        self,
        open_triggers: list[_OpenTrigger],
        sentences: Sentence,
        listed: set[str],
        anchor: Anchor | None,
    ) -> list[merging.Candidate]:
        """ "Lee held bilateral meetings with several leaders. These included Australian PM
        Morrison and British PM Johnson.": each listed state is the other party, and the two
        sentences are the evidence."""
        found = []
        for opened in open_triggers:
            for code in sorted(listed - opened.side):
                for own in sorted(opened.side):
                    found.append(
                        self._candidate(
                            opened.trigger,
                            own,
                            code,
                            False,
                            sentences,
                            opened.people,
                            opened.times,
                            anchor,
                            [opened.trigger],
                        )
                    )
        return found

    def _answered(
        self,
        answering: list[_OpenTrigger],
        before: set[str],
        sentence: Sentence,
        anchor: Anchor | None,
        unthreatening: frozenset[str] = frozenset(),
    ) -> list[merging.Candidate]:
        """ "Moscow demanded that Ankara hand over the town. Erdogan rejected the demand.":
        an answer whose other party only the sentence before names (`context.may_answer`);
        a response by nature (`context.RESPONSE_BY_NATURE_KINDS`) answers no `unthreatening`
        state."""
        found = []
        for opened in answering:
            by_nature = opened.trigger.rule.kind in context.RESPONSE_BY_NATURE_KINDS
            answerable = before - unthreatening if by_nature else before
            other = context.answered_party(opened.side, answerable)
            if other is None:
                continue
            for own in sorted(opened.side):
                found.append(
                    self._candidate(
                        opened.trigger,
                        own,
                        other,
                        True,
                        sentence,
                        opened.people,
                        opened.times,
                        anchor,
                        [opened.trigger],
                    )
                )
        return found

    def _echoed(
        self,
        echoed: list[merging.Candidate],
        echo: tuple[int, int],
        sentence: Sentence,
        actors: list[ActorMention],
        people: list[PersonMention],
        text: str,
    ) -> list[merging.Candidate]:
        """ "Moscow expected Ankara to hand over the town. Iran made a similar call.": each
        directed act of the sentence before, by the states named before the echo that took no
        part in it; the two sentences are the evidence."""
        start = sentence.start + echo[0]
        # "Iran, Russia's partner in Syria, made a similar call": not Syria, a place
        named = {a.code for a in actors if a.start < start and not mentions.after_in(a, sentence)}
        named |= {p.country for p in people if p.country and p.start < start}
        found = []
        for c in echoed:
            if not kinds()[c.kind].directed:
                continue  # "held talks. Japan did the same": with whom is not said
            for source in sorted(context.echoing_states(named, c)):
                found.append(
                    replace(
                        c,
                        source=source,
                        sentence=clauses.joined(text, c.sentence, sentence),
                        people=[p for p in people if p.country == source]
                        + [p for p in c.people if p.country == c.target],
                        confidence=round(c.confidence - 0.1, 2),
                        via_anaphor=True,
                    )
                )
        return found

    def _state_bodies(
        self, sentence: Sentence, actors: list[ActorMention], home: str | None
    ) -> list[ActorMention]:
        """ "The Department of Foreign Affairs summoned ...": a body that names no state acts
        for the state of the dateline."""
        if home is None:
            return []
        dateline = sentence.start + context.dateline_end(sentence.text)
        actors = [a for a in actors if a.start >= dateline]
        found = []
        for match in self.knowledge.state_bodies.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            named = any(start - 25 <= a.end <= end and a.start < end for a in actors)
            if not named:
                found.append(ActorMention(start, end, match.group(0), home, "body"))
        return found

    def _elaborate(self, events: list[merging.Candidate], sentence: Sentence) -> None:
        """A sentence with no actor and no trigger of its own spells out the content of the
        events before it ("These agreements focused on trade and investment")."""
        sectors = self.knowledge.sectors.sectors_in(sentence.text)
        for event in events:
            if event.kind in self.knowledge.sectors.elaborated_kinds:
                event.sectors = sorted(set(event.sectors) | set(sectors))

    def _candidate(
        self,
        trigger: TriggerMatch,
        source: str,
        target: str,
        anaphor: bool,
        sentence: Sentence,
        people: list[PersonMention],
        times: list,
        anchor: Anchor | None,
        others: list[TriggerMatch],
        controlled_by: str = "",
    ) -> merging.Candidate:
        rule = trigger.rule
        window = clauses.clause_window(sentence.text, trigger, others)
        status, explicit_status = self.knowledge.status.status_of(window)
        if status == "negated":
            # "suspended aid", "refused to": the trigger's own word is the act, not its denial
            own = window.replace(trigger.text, " " * len(trigger.text), 1)
            status, explicit_status = self.knowledge.status.status_of(own)
        if not explicit_status and controlled_by:
            # "agreed to hold the next round of talks": the cue is on the controlling verb
            status, explicit_status = self.knowledge.status.status_of(controlled_by)
        if status == "agreed" and rule.kind in self.knowledge.status.agreement_is_the_act:
            # "will recognise Palestine on May 28", written before: the act is still to come
            to_come = rule.kind in timing.AGREEING_KINDS and timing.dated_to_come(
                trigger, times, anchor
            )
            status = "planned" if to_come else "occurred"
        if status == "proposed" and rule.kind in self.knowledge.status.asking_is_the_act:
            status = "occurred"
        if not explicit_status or status in _STILL_TO_HAPPEN:
            # "a project ..., which is set to commence", "the visit was postponed", "a planned
            # visit ... has been postponed indefinitely"
            trailing = self.knowledge.status.status_after(
                clauses.clause_after(sentence.text, trigger, others)
            )
            if trailing and (not explicit_status or trailing == "negated"):
                status, explicit_status = trailing, True
        when, explicit_date = timing.date_for(
            trigger, times, anchor, rule.kind, status, sentence.text
        )
        sectors = self.knowledge.sectors.sectors_in(sentence.text)
        if rule.kind in self.knowledge.sectors.diplomatic_kinds:
            sectors.append("diplomacy")
        if rule.kind in _KIND_DEFAULT_SECTOR and not set(sectors) & {
            "defense",
            "defense_industry",
            "trade",
            "investment",
        }:
            sectors.append(_KIND_DEFAULT_SECTOR[rule.kind])
        confidence = (
            rule.confidence + (0.05 if explicit_status else 0.0) - (0.15 if anaphor else 0.0)
        )
        # Establishing relations is always the first tier, whatever else the sentence names.
        tier = find_tier(sentence.text) if rule.kind == "UPGRADE_RELATIONS" else None
        if rule.kind == "ESTABLISH_RELATIONS":
            tier = ("diplomatic_relations", "diplomatic relations")
        kind = rule.kind
        if (
            status in {"planned", "proposed", "agreed"}
            and kind in self.knowledge.status.announced_is
        ):
            # "vowed to retaliate", "will strike back": the threat is made, whatever is to come
            kind, status = self.knowledge.status.announced_is[kind], "occurred"
        if kind == "COERCE" and rule.name in _DEPORTATIONS and source.startswith("IGO:"):
            # An organisation has no border to deport anyone across: what it expels is a
            # member ("seven years after expelling it"), and that cuts ties (SANCTION).
            kind = "SANCTION"
        return merging.Candidate(
            kind=kind,
            source=source,
            target=target,
            sentence=sentence,
            trigger=trigger,
            status=status,
            date=when,
            date_explicit=explicit_date,
            sectors=sorted(set(sectors)),
            confidence=round(min(max(confidence, 0.05), 0.99), 2),
            people=[p for p in people if p.country in (source, target)],
            instrument=find_instrument(sentence.text) if rule.kind == "SIGN_AGREEMENT" else None,
            tier=tier,
            via_anaphor=anaphor,
            explicit_status=explicit_status,
        )

    def _event(self, article_id: str, source_file: str, c: merging.Candidate) -> Event:
        s = c.sentence
        return coded_event(
            article_id,
            source_file,
            c.kind,
            (c.source, c.target),
            c.date,
            (s.start, c.trigger.start),
            status=c.status,
            sectors=c.sectors,
            instrument=c.instrument,
            tier=c.tier[0] if c.tier else None,
            tier_wording=c.tier[1] if c.tier else None,
            people=[Person(p.name, p.country, p.role) for p in mentions.unique_mentions(c.people)],
            evidence=Evidence(s.text, s.start, s.end),
            location=c.location,
            confidence=c.confidence,
            rule=f"{c.trigger.rule.name}({c.trigger.text!r})"
            + (" +context-dyad" if c.via_anaphor else ""),
        )


def _states_named(actors: list[ActorMention], people: list[PersonMention]) -> set[str]:
    """The states a stretch of text names: by name, or through a person of theirs."""
    return {a.code for a in actors if not a.is_igo} | {p.country for p in people if p.country}


def ordered_pair(kind: str, source: str, target: str) -> tuple[str, str]:
    """An undirected kind's pair in one order, so reports from either side are one event."""
    if kinds()[kind].directed:
        return source, target
    return min(source, target), max(source, target)


def coded_event(
    article_id: str,
    source_file: str,
    kind: str,
    pair: tuple[str, str],
    when: DateValue | None,
    id_parts: tuple[object, ...],
    **details: Any,
) -> Event:
    """An event of a kind, with what kinds.csv says of the kind (PLOVER type and mode, CAMEO
    code, direction) and its date at each precision; its id from the article, the kind, the
    ordered pair and `id_parts` (where in the article it was told). Both coders build theirs
    here."""
    info = kinds()[kind]
    source, target = ordered_pair(kind, *pair)
    return Event(
        event_id=content_id("e", article_id, kind, source, target, *id_parts),
        article_id=article_id,
        source_file=source_file,
        kind=kind,
        plover_type=info.plover_type,
        cameo=info.cameo,
        source=source,
        target=target,
        directed=info.directed,
        date=when.iso if when else None,
        date_start=when.start.isoformat() if when else None,
        date_end=when.end.isoformat() if when else None,
        plover_mode=info.plover_mode,
        **details,
    )


def _has_names(doc: Doc | None) -> bool:
    return doc is not None and doc.has_annotation("ENT_IOB")


def _lists(sentence: Sentence) -> bool:
    return bool(clauses.LIST_CONTINUATION.match(sentence.text))


def _record(
    sentence: Sentence,
    trigger: TriggerMatch,
    outcome: str,
    parties: list[Party],
    pairs: list[tuple[str, str]],
) -> TraceRecord:
    return TraceRecord(
        sentence.text,
        sentence.start,
        trigger.text,
        trigger.rule.name,
        trigger.rule.kind,
        outcome,
        parties,
        pairs,
    )


@dataclass
class _OpenTrigger:
    """A trigger whose parties stand on one side only, waiting for a list of the others."""

    trigger: TriggerMatch
    side: set[str]
    times: list
    people: list[PersonMention]


def _describes_someone(doc: Doc, trigger: TriggerMatch) -> bool:
    """A past participle that modifies a noun: "nationals accused of spying"."""
    word = clauses.root_at(doc, trigger.start, trigger.end)
    return word is not None and word.dep_ == "acl" and word.tag_ == "VBN"
