"""The coder: sentences with two actors and a trigger become events.

Steps, each a small function: find actors and people, fix the article's time anchor, find
triggers, assign source and target, read status, date and sectors from the clause, then merge
what one article says twice.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token

from ..language import LanguageTools, ParseRequest, Sentence, split_sentences
from ..schema import Event, Evidence, Location, Person, content_id, kinds
from . import trace
from .actors import ActorMention
from .dates import Anchor, DateValue, around, find_time_expressions
from .details import find_instrument, find_tier
from .knowledge import Knowledge
from .lexicon import TriggerMatch
from .offices import bound_by_terms
from .people import PeopleFinder, PersonMention
from .roles import Party, RoleFinder, pairs_from
from .trace import Trace, TraceRecord

# Phrases that stand for the article's main pair of states.
_DYAD_ANAPHOR = re.compile(
    r"\b(?:the\s+two|both)\s+(?:countries|nations|sides|leaders|governments|ministers|states|"
    r"presidents|premiers|militaries|ministries|parties|delegations|heads\s+of\s+state)\b|"
    r"\b(?:bilateral|each\s+other|they)\b|^(?:Both)\b",
    re.IGNORECASE,
)
_ADJECTIVAL_BEFORE = re.compile(
    r"\b(?:the|of|a|an|all|its|their|these|those|previously|already|existing|such)\s+$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[;—–]|,\s+(?:while|whereas|but|although|which|who|when|where|after|before|as)\b"
)
_ANSWERING_KINDS = {"REJECT", "THREATEN"}
_COOPERATIVE_KINDS = {
    "ESTABLISH_RELATIONS", "UPGRADE_RELATIONS", "MEET", "JOINT_STATEMENT", "SIGN_AGREEMENT",
    "PLEDGE_COOPERATION", "DEFENSE_COOPERATION", "JOINT_EXERCISE", "ECONOMIC_COOPERATION",
}  # fmt: skip
_KIND_DEFAULT_SECTOR = {
    "DEFENSE_COOPERATION": "defense",
    "JOINT_EXERCISE": "defense",
    "ARMS_TRANSFER": "defense_industry",
    "ECONOMIC_COOPERATION": "trade",
}
# The kinds whose other party the article's main pair can supply (`_context_pairs`).
_CONTEXT_KINDS = _ANSWERING_KINDS | _COOPERATIVE_KINDS
# A visit or a meeting is one occasion: later sentences about it add context, not sectors.
_SINGLE_OCCASION_KINDS = {"VISIT", "MEET"}
_PRONOUN = re.compile(r"\b(?:he|she|it|they|we)\b", re.IGNORECASE)
_TITLE_WORDS = re.compile(
    r"\b(?:President|Minister|Secretary|Premier|Chancellor|King|Queen|Sultan|Emir|Prince|"
    r"General|Admiral|Ambassador|Chairman|PM|[Ss]pokes(?:man|woman|person))\b"
)


@dataclass
class Candidate:
    """An event before merging, with what the coder knew when it made it."""

    kind: str
    source: str
    target: str
    sentence: Sentence
    trigger: TriggerMatch
    status: str
    date: DateValue | None
    date_explicit: bool
    sectors: list[str]
    confidence: float
    people: list[PersonMention] = field(default_factory=list)
    instrument: str | None = None
    tier: tuple[str, str] | None = None
    via_anaphor: bool = False
    explicit_status: bool = False
    location: Location | None = None


@dataclass
class Reading:
    """An article after the coder's cheap first pass (`Coder.read`)."""

    text: str
    sentences: list[Sentence]
    actors: list[ActorMention]
    by_sentence: list[list[ActorMention]]
    candidates: list[int]
    to_parse: dict[int, ParseRequest]  # by sentence index, in order

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
        by_sentence = _bucket(actors, sentences)
        candidates = [i for i, s in enumerate(sentences) if self._is_candidate(s, by_sentence[i])]
        # The people the lookups find without the parser, and their later short names.
        people = {
            i: self.people_finder.find(sentences[i].text, sentences[i].start, None, by_sentence[i])
            for i in candidates
        }
        # "Kim announced ...": the short name of someone the parse may yet find by full name.
        could_be = {
            i: [
                *found,
                *self.people_finder.possible(sentences[i].text, sentences[i].start, by_sentence[i]),
            ]
            for i, found in people.items()
        }
        short_names = _short_name_pattern(_resolve_surnames(could_be))
        main_dyad, _ = _main_dyad(actors, people)
        implicit = _ImplicitParties(
            _dateline_state(sentences, by_sentence),
            _protagonist(actors, people),
            {code for pair in main_dyad for code in pair},
        )
        to_parse = {}
        for i, sentence in enumerate(sentences):
            named = people.get(i, [])
            named = named + _short_name_mentions(sentence, short_names, named)
            if i in people or named:
                request = self._parse_request(sentence, by_sentence[i], named, implicit)
                if (
                    request is None
                    and i - 1 in to_parse
                    and _LIST_CONTINUATION.match(sentence.text)
                ):
                    request = ParseRequest(sentence.text, names=False)  # "These included X, Y"
                if request is not None:
                    to_parse[i] = request
        candidates = sorted(set(candidates) | set(to_parse))
        return Reading(text, sentences, actors, by_sentence, candidates, to_parse)

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
        people_by_sentence = {
            i: self.people_finder.find(
                sentences[i].text, sentences[i].start, docs[i], by_sentence[i]
            )
            for i in candidates
        }
        people_by_sentence = _resolve_surnames(people_by_sentence)
        short_names = _short_name_pattern(people_by_sentence)
        speaker: PersonMention | None = None
        for i, sentence in enumerate(sentences):
            # "Kim announced ...": a sentence naming someone met earlier is a candidate too.
            known = people_by_sentence.get(i, [])
            later = _short_name_mentions(sentence, short_names, known)
            later += _pronoun_mention(sentence, speaker, known + later)
            if later:
                people_by_sentence[i] = known + later
                if i not in docs:
                    docs[i] = None
            named = [p for p in people_by_sentence.get(i, []) if p.country and " " in p.name]
            speaker = named[-1] if named else speaker
        candidates = sorted(docs)
        flags: dict[str, str] = {}
        anchor = self._anchor(published, people_by_sentence, flags)
        main_dyad, strong = _main_dyad(actors, people_by_sentence)
        protagonist = _protagonist(actors, people_by_sentence)
        home = _dateline_state(sentences, by_sentence)
        if home:
            people_by_sentence = _locals_of(people_by_sentence, home)
        found: list[Candidate] = []
        previous: list[Candidate] = []
        open_before: list[_OpenTrigger] = []
        for i, sentence in enumerate(sentences):
            coded: list[Candidate] = []
            opened: list[_OpenTrigger] = []
            doc = docs.get(i)
            if doc is not None and doc.has_annotation("DEP") and not sentence.is_heading:
                if open_before and _continues_a_list(doc):
                    coded += self._completed_by_list(
                        open_before,
                        _joined(reading.text, sentences[i - 1], sentence),
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
                    (main_dyad, strong),
                    home,
                    protagonist,
                    opened,
                )
            open_before = opened
            if coded or by_sentence[i] or people_by_sentence.get(i):
                previous = coded
            elif previous and not self.knowledge.triggers.may_match(sentence.text):
                self._elaborate(previous, sentence)
            found += coded
        _date_follow_ups(found, published)
        merged = _merge(found)
        events = [self._event(article_id, source_file, c) for c in merged]
        all_people = [p for i in candidates for p in people_by_sentence[i]]
        countries = sorted(
            {a.code for a in actors if not a.is_igo} | {p.country for p in all_people if p.country}
        )
        return CodedArticle(events, _unique_people(all_people), countries, anchor, flags)

    def _is_candidate(self, sentence: Sentence, actors: list[ActorMention]) -> bool:
        """Cheap checks first: only sentences that name someone go to the parser."""
        if self.parse_all_sentences:
            return True
        if actors or _TITLE_WORDS.search(sentence.text):
            return True
        return bool(_DYAD_ANAPHOR.search(sentence.text))

    def _parse_request(
        self,
        sentence: Sentence,
        actors: list[ActorMention],
        people: list[PersonMention],
        implicit: _ImplicitParties,
    ) -> ParseRequest | None:
        """What the parser must read in this sentence: its roles where it can hold an event,
        its names where the NER model could find someone the lookups cannot."""
        text = sentence.text
        roles = self.parse_all_sentences or self._may_hold_event(text, actors, people, implicit)
        # The entity recognizer costs as much again as the parse: it reads sentences where
        # the lookups leave a name it could resolve, and a title word or the parse says so.
        could_name = self.people_finder.needs_parse(text, sentence.start, actors)
        names = bool(_TITLE_WORDS.search(text)) and could_name
        if not (roles or names):
            return None
        known = [(a.start, a.end) for a in actors]
        known += [(p.start, p.end) for p in people if p.holder]  # not a short name met before
        spans = tuple((s - sentence.start, e - sentence.start) for s, e in known)
        return ParseRequest(text, roles, names, spans if could_name else None)

    def _may_hold_event(
        self,
        text: str,
        actors: list[ActorMention],
        people: list[PersonMention],
        implicit: _ImplicitParties,
    ) -> bool:
        """A trigger word, and two parties the sentence names or implies."""
        found = self.knowledge.triggers.kinds_in(text) | self.knowledge.frames.kinds_in(text)
        if not found:
            return False
        parties = {a.code for a in actors} | {p.country for p in people if p.country}
        # `_context_pairs`: "the two sides agreed", "Thailand rejected the proposal"
        context = _DYAD_ANAPHOR.search(text) or parties & implicit.main_dyad
        if found & _CONTEXT_KINDS and implicit.main_dyad and context:
            return True
        hosted = found & _HOSTED_OR_AGENTLESS or self.knowledge.state_bodies.search(text)
        if implicit.home and hosted:
            parties.add(implicit.home)
        if implicit.protagonist and _PRONOUN.search(text):
            parties.add(implicit.protagonist)
        return len(parties) >= 2

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
            stale = [p for p in stale if not _is_former(p)]
            if stale:
                flags["office_holder_conflict"] = (
                    f"{stale[0].role} {stale[0].name} did not hold that office on {published.iso}"
                )
            return Anchor(published.start, published.end)
        current = [terms[id(p)] for p in titled if not _is_former(p)]
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
        context: tuple[list[tuple[str, str]], bool],
        home: str | None = None,
        protagonist: str | None = None,
        opened: list[_OpenTrigger] | None = None,
    ) -> list[Candidate]:
        """The sentence's events; triggers whose parties stand on one side only go to
        `opened`, for a next sentence that lists the others ("These included ...")."""
        every_match = self.knowledge.triggers.matches(sentence.text)
        every_match += self.knowledge.frames.matches(doc)
        usable = [t for t in every_match if _usable(t, sentence, doc) and not _conditional(doc, t)]
        triggers = _main_verbs_govern(usable, doc)
        chosen = _without_pledged_content(_prefer_specific(triggers), sentence.text)
        if self.trace is not None:
            self._trace_dropped(self.trace, sentence, doc, every_match, usable, triggers, chosen)
        if not chosen:
            return []
        # A dateline ("SEOUL, Aug 12 (Agency) -") names where and when it was filed, not who acted.
        dateline = _dateline_end(sentence.text)
        actors = [a for a in actors if not _inside_a_name(a, sentence)]
        if trigger_kinds_need_states(every_match):
            actors = [a for a in actors if not _private_party(a, sentence)]
        places = [a for a in actors if _is_place(a, sentence)]
        participants = [
            p
            for p in _participants([a for a in actors if a not in places], people, sentence.start)
            if p[0] >= dateline
        ]
        participants_and_places = sorted(
            participants
            + [(a.start - sentence.start, a.end - sentence.start, a.code) for a in places]
        )
        times = [
            t
            for t in find_time_expressions(sentence.text, anchor)
            if (t.value or t.days) and t.start >= dateline and not _is_deadline(t)
        ]
        main_dyad, strong = context
        officials = {p.country for p in people if p.titled and p.country}
        paired = []
        for trigger in chosen:
            # Protesters gather where their target is: "a protest in Beijing" targets China.
            present = participants_and_places if trigger.rule.kind == "PROTEST" else participants
            pairs = self._pairs(
                trigger, present, sentence, main_dyad, officials, strong, doc, protagonist, home
            )
            if not pairs and trigger.rule.kind == "PROTEST" and home:
                # Protesters with no nationality named are of the dateline's state.
                objects = {code for start, _, code in present if start >= trigger.start}
                pairs = [(home, target, False) for target in sorted(objects - {home})]
            paired.append((trigger, present, pairs))
            if self.trace is not None:
                parties = self._parties(trigger, present, doc, protagonist)
                outcome = trace.EVENT if pairs else trace.NO_PAIR
                self.trace.records.append(
                    _record(sentence, trigger, outcome, parties, [(a, b) for a, b, _ in pairs])
                )
        # A time belongs to the nearest trigger that makes an event: "signed an agreement for
        # the delivery of the systems in December 2017" dates the signing.
        eventful = [trigger for trigger, _, pairs in paired if pairs]
        found = []
        for trigger, present, pairs in paired:
            own_times = _times_of(trigger, eventful if pairs else chosen, times, doc, sentence.text)
            if not pairs and opened is not None:
                one_side = self._one_side(trigger, present, doc, protagonist)
                if one_side:
                    opened.append(_OpenTrigger(trigger, one_side, own_times, people))
            for source, target, anaphor in pairs:
                candidate = self._candidate(
                    trigger, source, target, anaphor, sentence, people, own_times, anchor, chosen
                )
                if _negated_in_parse(doc, trigger):
                    candidate.status, candidate.explicit_status = "negated", True
                candidate.location = _location(places, sentence.start + dateline)
                found.append(candidate)
        return found

    def _one_side(
        self,
        trigger: TriggerMatch,
        participants: list[tuple[int, int, str]],
        doc: Doc,
        protagonist: str | None,
    ) -> set[str]:
        """The states of a trigger whose parties all stand on one side ("Lee held bilateral
        meetings with several leaders": Singapore, and no one named opposite)."""
        parties = self._parties(trigger, participants, doc, protagonist)
        if len({p.side for p in parties}) != 1 or parties[0].side == "both":
            return set()
        return {p.code for p in parties}

    def _parties(
        self,
        trigger: TriggerMatch,
        participants: list[tuple[int, int, str]],
        doc: Doc,
        protagonist: str | None,
    ) -> list[Party]:
        rule = trigger.rule
        return self.roles.parties(
            doc,
            (trigger.start, trigger.end),
            rule.kind,
            participants,
            rule.subject_is_target,
            protagonist,
            rule.particle,
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
                reason = trace.CONDITION if _conditional(doc, trigger) else trace.TOPIC
            elif trigger not in governing:
                reason = trace.GOVERNED
            else:
                reason = trace.OVERLAPPED
            log.records.append(_record(sentence, trigger, reason, [], []))

    def _completed_by_list(
        self,
        open_triggers: list[_OpenTrigger],
        sentences: Sentence,
        listed: set[str],
        anchor: Anchor | None,
    ) -> list[Candidate]:
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

    def _state_bodies(
        self, sentence: Sentence, actors: list[ActorMention], home: str | None
    ) -> list[ActorMention]:
        """ "The Department of Foreign Affairs summoned ...": a body that names no state acts
        for the state of the dateline."""
        if home is None:
            return []
        dateline = sentence.start + _dateline_end(sentence.text)
        actors = [a for a in actors if a.start >= dateline]
        found = []
        for match in self.knowledge.state_bodies.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            named = any(start - 25 <= a.end <= end and a.start < end for a in actors)
            if not named:
                found.append(ActorMention(start, end, match.group(0), home, "body"))
        return found

    def _elaborate(self, events: list[Candidate], sentence: Sentence) -> None:
        """A sentence with no actor and no trigger of its own spells out the content of the
        events before it ("These agreements focused on trade and investment")."""
        sectors = self.knowledge.sectors.sectors_in(sentence.text)
        for event in events:
            if event.kind in self.knowledge.sectors.elaborated_kinds:
                event.sectors = sorted(set(event.sectors) | set(sectors))

    def _pairs(
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
    ) -> list[tuple[str, str, bool]]:
        """(source, target, via anaphor) pairs the sentence supports for this trigger."""
        rule = trigger.rule
        codes = {code for _, _, code in participants}
        anaphor = bool(_DYAD_ANAPHOR.search(sentence.text))
        in_context = {code for pair in main_dyad for code in pair}
        if main_dyad and anaphor and codes <= in_context and not kinds()[rule.kind].directed:
            return [(a, b, True) for a, b in main_dyad if not codes or codes & {a, b}]
        parties = self.roles.parties(
            doc,
            (trigger.start, trigger.end),
            rule.kind,
            participants,
            rule.subject_is_target,
            protagonist,
            rule.particle,
        )
        symmetric = not kinds()[rule.kind].directed or rule.reciprocal
        pairs = pairs_from(parties, symmetric)
        if pairs:
            return [(s, t, False) for s, t in pairs]
        tied = {p.code for p in parties}
        host = _host_of_visit(rule.kind, parties, home)
        if host:
            return [(source, host, False) for source in _visitors(parties)]
        agent = _agent_of_passive(rule.kind, parties, home)
        if agent:
            return [(agent, target, True) for target in sorted(tied)]
        if rule.kind in _BILATERAL_BY_NATURE and len(codes) == 2 and tied <= codes:
            # "concluded with a joint statement", "ties were established in 1992": the
            # act is bilateral by nature and the sentence names exactly two states.
            first, second = sorted(codes)
            return [(first, second, True)]
        cues = _ContextCues(anaphor, bool(tied & officials), strong, False)
        return _context_pairs(rule.kind, tied, cues, main_dyad)

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
    ) -> Candidate:
        rule = trigger.rule
        window = _clause_window(sentence.text, trigger, others)
        status, explicit_status = self.knowledge.status.status_of(window)
        if status == "agreed" and rule.kind in self.knowledge.status.agreement_is_the_act:
            status = "occurred"
        if not explicit_status:
            # "a project ..., which is set to commence", "the visit was postponed"
            trailing = self.knowledge.status.status_after(_clause_after(sentence.text, trigger))
            if trailing:
                status, explicit_status = trailing, True
        when, explicit_date = _date_for(trigger, times, anchor, rule.kind, status)
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
        return Candidate(
            kind=rule.kind,
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

    def _event(self, article_id: str, source_file: str, c: Candidate) -> Event:
        info = kinds()[c.kind]
        source, target = (
            (c.source, c.target) if info.directed else tuple(sorted((c.source, c.target)))
        )
        s = c.sentence
        return Event(
            event_id=content_id("e", article_id, c.kind, source, target, s.start, c.trigger.start),
            article_id=article_id,
            source_file=source_file,
            kind=c.kind,
            plover_type=info.plover_type,
            cameo=info.cameo,
            source=source,
            target=target,
            directed=info.directed,
            date=c.date.iso if c.date else None,
            date_start=c.date.start.isoformat() if c.date else None,
            date_end=c.date.end.isoformat() if c.date else None,
            status=c.status,
            sectors=c.sectors,
            instrument=c.instrument,
            tier=c.tier[0] if c.tier else None,
            tier_wording=c.tier[1] if c.tier else None,
            people=[Person(p.name, p.country, p.role) for p in _unique_mentions(c.people)],
            evidence=Evidence(s.text, s.start, s.end),
            location=c.location,
            confidence=c.confidence,
            plover_mode=info.plover_mode,
            rule=f"{c.trigger.rule.name}({c.trigger.text!r})"
            + (" +context-dyad" if c.via_anaphor else ""),
        )


# -- helpers -----------------------------------------------------------------------------------
def _bucket(actors: list[ActorMention], sentences: list[Sentence]) -> list[list[ActorMention]]:
    buckets: list[list[ActorMention]] = [[] for _ in sentences]
    i = 0
    for actor in actors:
        while i < len(sentences) and sentences[i].end <= actor.start:
            i += 1
        if i < len(sentences) and sentences[i].start <= actor.start:
            buckets[i].append(actor)
    return buckets


def _resolve_surnames(
    people: dict[int, list[PersonMention]],
) -> dict[int, list[PersonMention]]:
    """A later "Cho" or "Kim" is the full-named person met earlier in the article."""
    full = [p for ps in people.values() for p in ps if " " in p.name and p.country]
    by_part: dict[str, PersonMention] = {}
    for person in full:
        for part in person.name.split():
            by_part.setdefault(part, person)
    resolved = {}
    for i, mentions in people.items():
        out = []
        for p in mentions:
            if " " not in p.name and p.name in by_part:
                known = by_part[p.name]
                out.append(
                    PersonMention(
                        p.start,
                        p.end,
                        known.name,
                        known.country,
                        known.role,
                        known.holder,
                        p.titled,
                    )
                )
            elif " " in p.name or (p.titled and p.holder):
                out.append(p)  # "President Lee" still tells when the article was written
        resolved[i] = out
    return resolved


def _short_name_pattern(
    people: dict[int, list[PersonMention]],
) -> tuple[re.Pattern[str], dict[str, PersonMention]] | None:
    """First and last parts of every full name met, as a pattern ("Cho", "Giang", "Kim")."""
    parts: dict[str, PersonMention] = {}
    for person in (p for ps in people.values() for p in ps if " " in p.name and p.country):
        words = person.name.replace("-", " ").split()
        for part in (words[0], words[-1]):
            if len(part) >= 3 and part[0].isupper():
                parts.setdefault(part, person)
    if not parts:
        return None
    alternation = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), parts


def _short_name_mentions(
    sentence: Sentence,
    short_names: tuple[re.Pattern[str], dict[str, PersonMention]] | None,
    known: list[PersonMention],
) -> list[PersonMention]:
    if short_names is None:
        return []
    pattern, parts = short_names
    found = []
    for match in pattern.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(p.start < end and start < p.end for p in known):
            continue
        person = parts[match.group(0)]
        found.append(
            PersonMention(
                start, end, person.name, person.country, person.role, person.holder, False
            )
        )
    return found


_PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\b|\b(?:he|she)\s+(?:said|added|told|noted|stressed)\b")


def _pronoun_mention(
    sentence: Sentence, speaker: PersonMention | None, known: list[PersonMention]
) -> list[PersonMention]:
    """ "He said ...": the last official named before, when the sentence names nobody."""
    match = _PRONOUN_SUBJECT.search(sentence.text)
    if speaker is None or match is None or known:
        return []
    start, end = sentence.start + match.start(), sentence.start + match.start() + 3
    return [replace(speaker, start=start, end=end, titled=False)]


def _is_former(person: PersonMention) -> bool:
    return bool(person.role and person.role.lower().startswith(("former", "acting")))


def _main_dyad(
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
    partners = [code for code, count in ranked[1:] if count == second_count][:_MAX_MAIN_PARTNERS]
    pairs = [(first, p) if first < p else (p, first) for p in partners]
    # A story about a relationship names both sides more than once, and names them more than
    # all other states together; an article that names a country in passing, or an analysis
    # that ranges over many states, is no context for sentences that do not say "the two".
    pair_share = (ranked[0][1] + second_count) / sum(counts.values())
    return pairs, second_count >= _MIN_DYAD_MENTIONS and pair_share >= _MIN_DYAD_SHARE


_MAX_MAIN_PARTNERS = 3
_BILATERAL_BY_NATURE = {"JOINT_STATEMENT", "ESTABLISH_RELATIONS", "UPGRADE_RELATIONS"}


def _host_of_visit(kind: str, parties: list[Party], home: str | None) -> str | None:
    """A visit whose host the sentence leaves out ("arrived here", "the visit concluded")
    is to the state of the dateline, the place the story was filed from."""
    if kind != "VISIT" or home is None or any(p.side != "source" for p in parties):
        return None
    visitors = _visitors(parties)
    return home if visitors and home not in visitors else None


# Acts a state's government does to another with no agent named: "the chargé d'affaires was
# summoned", "three diplomats were declared persona non grata".
_AGENTLESS_KINDS = {"ACCUSE", "SANCTION", "COERCE", "REQUEST", "REJECT", "PROTEST"}


# The kinds whose missing party the dateline's state can be (`_host_of_visit`, `_agent_of_passive`).
_HOSTED_OR_AGENTLESS = {"VISIT"} | _AGENTLESS_KINDS


def _agent_of_passive(kind: str, parties: list[Party], home: str | None) -> str | None:
    """The dateline's state acted where the sentence names only whom the act was done to."""
    if kind not in _AGENTLESS_KINDS or home is None or not parties:
        return None
    if any(p.side != "target" or p.code == home for p in parties):
        return None
    return home


def _visitors(parties: list[Party]) -> list[str]:
    return list(dict.fromkeys(p.code for p in parties if p.side == "source"))


def _protagonist(actors: list[ActorMention], people: dict[int, list[PersonMention]]) -> str | None:
    """The state the article is about: its officials and its name are named most often, and
    the first named wins a tie (the lead names the protagonist first)."""
    counts: Counter[str] = Counter(p.country for ps in people.values() for p in ps if p.country)
    counts.update(a.code for a in actors if not a.is_igo)
    ranked = counts.most_common()
    return ranked[0][0] if ranked else None


_MIN_DYAD_MENTIONS = 2
_MIN_DYAD_SHARE = 0.5


# "in Seoul", "at the United Nations", "in the eastern Turkish city of Kars": a capital, an
# organisation or a demonym after a locative preposition names a place, not a participant.
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_PLACE_NOUN_AFTER = re.compile(r"^\s+(?:city|capital|town|port|province|region|border\s+town)\b")


# "an Italian company", "a Lebanese citizen": a demonym that describes a private party.
_PRIVATE_NOUN_AFTER = re.compile(
    r"^\s+(?:company|companies|firm|firms|bank|banks|group|citizens?|nationals?|businessm[ae]n|"
    r"investors?|residents?|owners?|shareholders?|lender|lenders|insurer|brokers?|traders?|"
    r"producers?|exporters?|importers?|airline|carrier|conglomerate|subsidiary|unit)\b",
    re.IGNORECASE,
)
# "the Berne Agreement", "the Paris Club": a capital inside the name of a thing.
_NAME_NOUN_AFTER = re.compile(
    r"^\s+(?:Agreement|Accord|Accords|Treaty|Convention|Protocol|Declaration|Club|Consensus|"
    r"Process|Format|Group|Principles|Charter|Stock\s+Exchange|Exchange)\b"
)
# A capital directly followed by a capitalised word that is not a day or month ("Sofia
# Reyes"; not "Seoul Tuesday") is the start of another name.
_NEXT_CAPITALISED = re.compile(r"^ ([A-Z][a-z]+)\b")
_CALENDAR_WORDS = {
    *calendar.day_name, *calendar.month_name[1:], *calendar.month_abbr[1:], "Sept",
}  # fmt: skip
# Kinds that only states (and their agents) take part in: no private party counts.
_STATE_LEVEL_KINDS = {
    "MEET", "VISIT", "JOINT_STATEMENT", "UPGRADE_RELATIONS", "ESTABLISH_RELATIONS", "ENDORSE",
    "REJECT", "REQUEST", "THREATEN", "SANCTION", "ACCUSE", "PLEDGE_COOPERATION",
    "SIGN_AGREEMENT", "MOBILIZE",
}  # fmt: skip


def trigger_kinds_need_states(triggers: list[TriggerMatch]) -> bool:
    return any(t.rule.kind in _STATE_LEVEL_KINDS for t in triggers)


def _private_party(actor: ActorMention, sentence: Sentence) -> bool:
    tail = sentence.text[actor.end - sentence.start :]
    return actor.via == "demonym" and bool(_PRIVATE_NOUN_AFTER.match(tail))


def _inside_a_name(actor: ActorMention, sentence: Sentence) -> bool:
    """A capital that begins a longer name: "the Paris Club", "Sofia Reyes", "Victoria Lam"."""
    if actor.via != "capital":
        return False
    tail = sentence.text[actor.end - sentence.start :]
    if _NAME_NOUN_AFTER.match(tail):
        return True
    after = _NEXT_CAPITALISED.match(tail)
    return after is not None and after.group(1) not in _CALENDAR_WORDS


def _is_place(actor: ActorMention, sentence: Sentence) -> bool:
    start = actor.start - sentence.start
    if not _LOCATIVE_BEFORE.search(sentence.text[max(0, start - 30) : start]):
        return False
    if _SPEAKER_PLACE.match(sentence.text[: actor.end - sentence.start + 1]):
        return False  # "In Moscow, a spokeswoman said ...": the capital stands for the speaker
    if actor.via == "demonym":
        return bool(_PLACE_NOUN_AFTER.match(sentence.text[actor.end - sentence.start :]))
    return actor.via == "capital" or actor.is_igo


_SPEAKER_PLACE = re.compile(r"^In\s+[\w .’'-]{2,30},$")


def _is_deadline(time: Any) -> bool:
    """ "ordered to leave within seven days" gives a deadline, not the date of the order."""
    text = time.text.lower()
    return text.startswith(("within", "in the next", "by the end")) or time.preposition == "by"


def _location(places: list[ActorMention], after: int) -> Location | None:
    """The first place named outside the dateline."""
    for place in places:
        if place.start >= after:
            country = None if place.is_igo else place.code
            return Location(name=place.text, country=country)
    return None


def _locals_of(people: dict[int, list[PersonMention]], home: str) -> dict[int, list[PersonMention]]:
    """A titled official whose state the text never names ("President X visited ...") in a
    story filed from a capital is that capital's official."""
    return {
        i: [
            replace(p, country=home) if p.titled and p.country is None and p.role else p
            for p in mentions
        ]
        for i, mentions in people.items()
    }


def _participants(
    actors: list[ActorMention], people: list[PersonMention], offset: int
) -> list[tuple[int, int, str]]:
    """(start, end, code) of every actor in the sentence, people standing for their state."""
    found = [(a.start - offset, a.end - offset, a.code) for a in actors]
    covered = [(s, e) for s, e, _ in found]
    for p in people:
        if p.country and not any(s <= p.start - offset < e for s, e in covered):
            found.append((p.start - offset, p.end - offset, p.country))
    return sorted(found)


@dataclass(frozen=True)
class _ContextCues:
    anaphor: bool  # "the two countries", "both sides", "they"
    official: bool  # a titled official of the one state named
    strong: bool  # both states of the main dyad are named more than once in the article
    both_sides_named: bool  # actors stand before and after the trigger


def _context_pairs(
    kind: str, codes: set[str], cues: _ContextCues, main_dyad: list[tuple[str, str]]
) -> list[tuple[str, str, bool]]:
    """Pairs completed from the article's main dyad when the sentence names one side only."""
    if len(codes) == 1:
        (only,) = codes
        partners = [(a, b) for a, b in main_dyad if only in (a, b)]
        if kind in _ANSWERING_KINDS and cues.strong:
            # "The Chinese embassy rejected the protest": in a story about two states, a
            # rejection or a warning answers the other one.
            return [(only, b if a == only else a, True) for a, b in partners]
        if cues.both_sides_named or kind not in _COOPERATIVE_KINDS:
            return []  # the same state on both sides is a domestic matter ("met its diaspora")
        meeting_cue = cues.anaphor or (cues.official and cues.strong)
        if cues.anaphor or (kind != "MEET" and cues.strong) or (kind == "MEET" and meeting_cue):
            return [(a, b, True) for a, b in partners]
        return []
    if not codes and cues.anaphor and kind in _COOPERATIVE_KINDS:
        return [(a, b, True) for a, b in main_dyad]
    return []


# "a visit by X to Y", "arms from X to Y": a preposition links the next actor to the same event.
_ORIGIN_OR_TARGET_LINK = re.compile(
    r"^\s*(?:[\w’'-]+\s+){0,3}?(?:to|from|with|against)\s+(?:the\s+)?$", re.IGNORECASE
)


def _usable(trigger: TriggerMatch, sentence: Sentence, doc: Doc) -> bool:
    """Drop triggers that name a topic rather than a happening."""
    before = sentence.text[: trigger.start]
    first = trigger.text.split()[0].lower()
    if first.endswith("ed") and _ADJECTIVAL_BEFORE.search(before):
        return False  # "the implementation of signed agreements"
    # "visits and meetings" as a field of cooperation; "talks" is plural but one happening,
    # and so are meetings a verb acts on ("held bilateral meetings", "meetings were held").
    word = trigger.text.lower()
    generic = word.endswith("s") and word not in {"talks", "discussions", "consultations"}
    return not (trigger.rule.generic_plural and generic and not _acted_on(doc, trigger))


def _acted_on(doc: Doc, trigger: TriggerMatch) -> bool:
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return span.root.head.lemma_.lower() in _HAPPENING_VERBS


# Verbs that make an event noun a happening ("held meetings", "visits were paid"), where
# others make it a topic ("discussed visits and meetings").
_HAPPENING_VERBS = {
    "hold", "have", "conduct", "pay", "make", "convene", "host", "attend", "begin", "start",
    "conclude", "complete", "end", "wrap", "stage", "organise", "organize", "carry",
}  # fmt: skip


# "agreed to deepen cooperation in joint production": the joint production is what was pledged,
# not a separate happening.
_PLEDGED_CONTENT_KINDS = {"DEFENSE_COOPERATION", "ECONOMIC_COOPERATION"}


def _without_pledged_content(triggers: list[TriggerMatch], text: str) -> list[TriggerMatch]:
    pledges = [t for t in triggers if t.rule.kind == "PLEDGE_COOPERATION"]

    def pledged(trigger: TriggerMatch) -> bool:
        return trigger.rule.kind in _PLEDGED_CONTENT_KINDS and any(
            p.end <= trigger.start and not _CLAUSE_BREAK.search(text[p.end : trigger.start])
            for p in pledges
        )

    return [t for t in triggers if not pledged(t)]


_CONDITIONS = {"if", "unless", "whether"}


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


# "These included ...", "They were ...", "Among them were ...": a list of whom the sentence
# before spoke of in general ("bilateral meetings with several other leaders").
_LIST_CONTINUATION = re.compile(r"^(?:These|Those|They|Among\s+(?:them|those|these))\b")


def _continues_a_list(doc: Doc) -> bool:
    if not _LIST_CONTINUATION.match(doc.text):
        return False
    root = next(iter(doc.sents)).root
    return root.lemma_.lower() in {"include", "be"}


def _joined(text: str, first: Sentence, second: Sentence) -> Sentence:
    """Two adjacent sentences as one piece of evidence."""
    return Sentence(first.start, second.end, text[first.start : second.end], first.paragraph, False)


def _times_of(
    trigger: TriggerMatch, triggers: list[TriggerMatch], times: list, doc: Doc, text: str
) -> list:
    """The time expressions of the trigger's own clause that are nearer it than any other
    of `triggers`, else those of a trigger it is linked to ("talks during the visit")."""
    in_reach = [t for t in times if not _in_another_clause(doc, t, trigger)]
    own = [t for t in in_reach if _closest_trigger(t, triggers, text) is trigger]
    return own or _times_of_linked_trigger(trigger, triggers, in_reach, text)


_CLAUSE_DEPS = {"advcl", "relcl", "ccomp", "acl", "pcomp"}


def _in_another_clause(doc: Doc, time: Any, trigger: TriggerMatch) -> bool:
    """ "his first New Zealand visit since he took power in 2006": the year dates the taking
    of power, a clause of its own that does not hold the trigger."""
    time_span = doc.char_span(time.start, time.end, alignment_mode="expand")
    trigger_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if time_span is None or trigger_span is None:
        return False
    word, target = time_span.root, trigger_span.root
    while word.head.i != word.i:
        if word.dep_ in _CLAUSE_DEPS and word.pos_ in {"VERB", "AUX"}:
            return not (word.left_edge.i <= target.i <= word.right_edge.i)
        word = word.head
    return False


def _conditional(doc: Doc, trigger: TriggerMatch) -> bool:
    """ "if the US sought to strike Syria", "unless Japan lifts the ban": a condition, not
    something that happened or was agreed."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    while True:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in word.children):
            return True
        if word.head.i == word.i:  # the root (spaCy makes a new Token object each time)
            return False
        word = word.head


def _negated_in_parse(doc: Doc, trigger: TriggerMatch) -> bool:
    """ "did not meet", "went out of its way not to threaten", "never held talks": a negation
    on the trigger's own verb, or on the verb whose object the trigger noun is."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    if word.pos_ in {"NOUN", "PROPN"} and word.dep_ in {"dobj", "nsubjpass"}:
        word = word.head
    return any(_is_negation(child) for child in word.children)


def _is_negation(word: Token) -> bool:
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return word.dep_ == "neg" and not (following is not None and following.lower_ == "only")


def _main_verbs_govern(triggers: list[TriggerMatch], doc: Doc) -> list[TriggerMatch]:
    """A trigger noun that is the object of another trigger's verb takes that verb's kind:
    "agreed to lift the sanctions" is easing them, not imposing them."""
    verbs = {}
    for trigger in triggers:
        span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
        if span is not None and span.root.pos_ == "VERB":
            verbs[span.root.i] = trigger.rule.kind
    kept = []
    for trigger in triggers:
        span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
        root = span.root if span is not None else None
        governed = (
            root is not None
            and root.pos_ in {"NOUN", "PROPN"}
            and root.dep_ in {"dobj", "nsubjpass"}
            and verbs.get(root.head.i) not in (None, trigger.rule.kind)
        )
        if not governed:
            kept.append(trigger)
    return kept


def _prefer_specific(triggers: list[TriggerMatch]) -> list[TriggerMatch]:
    """One trigger per kind per sentence (the first, usually the main verb), and where two
    triggers share words the more specific rule wins ("sign ... Cooperation" is a signing)."""
    by_strength = sorted(triggers, key=lambda t: (-t.rule.confidence, t.start))
    kept: list[TriggerMatch] = []
    for trigger in by_strength:
        if not any(t.start < trigger.end and trigger.start < t.end for t in kept):
            kept.append(trigger)
    return sorted(kept, key=lambda t: t.start)


def _clause_window(text: str, trigger: TriggerMatch, others: list[TriggerMatch]) -> str:
    """The words before a trigger that can carry its status: back to a clause break, or to
    the trigger before it ("will visit ... the commitments in the joint statement")."""
    earlier = [t.end for t in others if t.end <= trigger.start]
    start = max(0, trigger.start - 90, *earlier)
    head = text[start : trigger.start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    if breaks:
        head = head[breaks[-1].end() :]
    return head + trigger.text


def _clause_after(text: str, trigger: TriggerMatch) -> str:
    tail = text[trigger.end : trigger.end + 80]
    stop = re.search(r"[;.]|,\s+(?:while|but|and\s+(?:the|they|he|she))\b", tail)
    return tail[: stop.start()] if stop else tail


# A pledge is dated by when it was made: "agreed to hold the next round in July" dates the
# round, not the agreement, so only time words before the trigger count.
_DATED_BEFORE_TRIGGER_ONLY = {"PLEDGE_COOPERATION"}
_PAST_STATUSES = {"occurred", "agreed", "negated"}


def _date_for(
    trigger: TriggerMatch, times: list, anchor: Anchor | None, kind: str, status: str
) -> tuple[DateValue | None, bool]:
    """The time expression nearest the trigger, else the anchor (never a made-up day)."""
    dated = [t for t in times if t.value is not None]
    if kind in _DATED_BEFORE_TRIGGER_ONLY:
        dated = [t for t in dated if t.end <= trigger.end]
    if dated:
        nearest = min(dated, key=lambda t: _distance(t.start, t.end, trigger))
        if _distance(nearest.start, nearest.end, trigger) <= 120:
            value = _within_anchor(nearest, anchor)
            return _in_the_past(value, nearest, anchor, status), True
    if anchor is None:
        return None, False
    durations = [t for t in times if t.value is None and getattr(t, "days", None)]
    if durations and kind == "VISIT":
        return around(anchor, durations[0].days), False
    return DateValue.between(anchor.earliest, anchor.latest), False


_TEMPORAL_LINK = re.compile(
    r"\b(?:during|amid|at|on\s+the\s+sidelines\s+of|in\s+the\s+course\s+of)\b", re.IGNORECASE
)


def _times_of_linked_trigger(
    trigger: TriggerMatch, triggers: list[TriggerMatch], times: list[Any], text: str
) -> list[Any]:
    """ "a joint statement issued during the visit in November 2023": the statement takes the
    visit's date when a temporal link ("during", "at") joins the two."""
    for other in triggers:
        if other.start > trigger.end and _TEMPORAL_LINK.search(text[trigger.end : other.start]):
            return [t for t in times if _closest_trigger(t, triggers, text) is other]
    return []


def _closest_trigger(time: Any, triggers: list[TriggerMatch], text: str) -> TriggerMatch:
    """A time expression belongs to the trigger nearest to it in the same clause."""

    def remoteness(trigger: TriggerMatch) -> tuple[int, int, int]:
        lo, hi = sorted((min(time.start, trigger.start), max(time.end, trigger.end)))
        crosses = bool(_CLAUSE_BREAK.search(text[lo:hi]))
        return (int(crosses), _distance(time.start, time.end, trigger), trigger.start)

    return min(triggers, key=remoteness)


# "MANILA — ", "KUALA LUMPUR, March 22 — ", "ROME • ", "BEIJING: ", "CAIRO, March 17 (KUNA) -- ",
# "ABU DHABI, (Agency - 24th Feb, 2023) ", "Seoul, Aug 12 (Yonhap) - ": the place in capitals,
# then a date or an agency, then a dash, a colon, a bullet or the closing parenthesis.
_DATELINE = re.compile(
    r"^(?:[A-ZÀ-Ỹ][A-ZÀ-Ỹ .'’-]{1,40}"
    r"(?:,?\s*[^\n()]{0,40}?\s*\([^)\n]{1,80}\))?"
    r"(?:,\s*[^\n()]{0,40}?)?"
    r"(?:\s*[-–—:•]+\s|(?<=\))\s)"
    r"|[^\n()]{2,60}\([^)]{1,40}\)\s*[-–—:]+\s)"
)


# A page's date, title and standfirst lines can stand before the lead and its dateline.
_DATELINE_SENTENCES = 6


def _dateline_state(sentences: list[Sentence], actors: list[list[ActorMention]]) -> str | None:
    """The state whose capital or name opens the article's dateline ("MANILA —")."""
    for sentence, found in list(zip(sentences, actors, strict=True))[:_DATELINE_SENTENCES]:
        end = _dateline_end(sentence.text)
        inside = [a for a in found if a.start - sentence.start < end and not a.is_igo]
        if end and inside:
            return inside[0].code
    return None


def _dateline_end(text: str) -> int:
    match = _DATELINE.match(text)
    return match.end() if match else 0


def _in_the_past(value: DateValue, time: Any, anchor: Anchor | None, status: str) -> DateValue:
    """ "agreed in January", written in November: the January before, not the next one."""
    if anchor is None or status not in _PAST_STATUSES or value.start <= anchor.latest:
        return value
    if re.search(r"\d{4}", time.text) or value.precision not in {"month", "day"}:
        return value
    try:
        return DateValue(
            value.start.replace(year=value.start.year - 1),
            value.end.replace(year=value.end.year - 1),
            value.precision,
        )
    except ValueError:  # 29 February
        return value


def _within_anchor(time: Any, anchor: Anchor | None) -> DateValue:
    """For an undated article bounded by office terms, "on Thursday" happened while those
    officials held office: keep a relative date inside the bound when it overlaps it."""
    value: DateValue = time.value
    if anchor is None or anchor.earliest == anchor.latest or time.kind != "relative":
        return value
    return value.intersect(DateValue.between(anchor.earliest, anchor.latest)) or value


def _distance(start: int, end: int, trigger: TriggerMatch) -> int:
    """Characters between a span and a trigger; 0 when they overlap."""
    if end <= trigger.start:
        return trigger.start - end
    return max(0, start - trigger.end)


_STORY_WINDOW_DAYS = 7


def _date_follow_ups(candidates: list[Candidate], published: DateValue | None) -> None:
    """News tells one occasion: what happened with no date of its own happened when the first
    dated happening of the story did ("met on Tuesday ... signed a memorandum")."""
    if published is None:
        return
    story = next(
        (
            c.date
            for c in candidates
            if c.date_explicit
            and c.date is not None
            and c.status == "occurred"
            and 0 <= (published.end - c.date.end).days <= _STORY_WINDOW_DAYS
        ),
        None,
    )
    if story is None:
        return
    for c in candidates:
        # What was agreed or proposed on that occasion is dated by it too; plans are not.
        said_then = c.status in {"occurred", "agreed", "proposed", "negated"}
        if not c.date_explicit and said_then and c.kind != "VISIT":
            c.date = story


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    """What one article says twice is one event: same kind and pair, compatible dates."""
    merged: list[Candidate] = []
    for c in candidates:
        twin = next((m for m in merged if _same_happening(m, c)), None)
        if twin is None:
            merged.append(c)
            continue
        best = (
            c
            if (c.explicit_status, c.confidence) > (twin.explicit_status, twin.confidence)
            else twin
        )
        if best.kind not in _SINGLE_OCCASION_KINDS:
            best.sectors = sorted(set(twin.sectors) | set(c.sectors))
        best.instrument = twin.instrument or c.instrument
        best.tier = twin.tier or c.tier
        other = twin if best is c else c
        if other.date_explicit and (not best.date_explicit or _narrower(other.date, best.date)):
            # "in 2017 ... signed" and "signed ... in December 2017": the finer date
            best.date, best.date_explicit = other.date, True
        merged[merged.index(twin)] = best
    return merged


def _narrower(a: DateValue | None, b: DateValue | None) -> bool:
    return a is not None and (b is None or a.end - a.start < b.end - b.start)


def _same_happening(a: Candidate, b: Candidate) -> bool:
    # What did not happen is never the report of what did ("expelled three diplomats ... did
    # not intend to break off relations").
    if a.kind != b.kind or (a.status == "negated") != (b.status == "negated"):
        return False
    directed = kinds()[a.kind].directed
    same_pair = (a.source, a.target) == (b.source, b.target) or (
        not directed and {a.source, a.target} == {b.source, b.target}
    )
    if not same_pair:
        return False
    if a.date_explicit and b.date_explicit and a.date and b.date:
        return a.date.intersect(b.date) is not None
    return True


def _unique_mentions(people: list[PersonMention]) -> list[PersonMention]:
    """One mention per name: the first that resolved a country, else the first."""
    best: dict[str, PersonMention] = {}
    for person in people:
        known = best.get(person.name)
        if known is None or (known.country is None and person.country is not None):
            best[person.name] = person
    return list(best.values())


def _unique_people(people: list[PersonMention]) -> list[Person]:
    named = [p for p in _unique_mentions(people) if p.country and " " in p.name]
    return [Person(p.name, p.country, p.role) for p in named]
