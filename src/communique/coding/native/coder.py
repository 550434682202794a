"""The native coding engine: one article in Korean, Vietnamese or Turkish to events.

The same stages as English (actors, triggers, roles, status, dates, sectors), each a component
driven by data/<lang>/; what comes out is the same Event schema, so fusion and the exports
treat a Korean report like an English one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from ...language.native import Analyzer, Analyzers, Token
from ...schema import Event, Evidence, Person
from ..coder import CodedArticle, coded_event, ordered_pair
from ..dates import DateValue
from .actors import DYAD_WORD, NAME, PERSON, Mention, drop_continuations
from .dates import DateMention
from .frames import Trigger
from .knowledge import NativeKnowledge
from .parties import cast, pair, together, with_context
from .people import PersonMention


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token]


@dataclass
class _Candidate:
    kind: str
    source: str
    target: str
    sentence: _Sentence
    trigger: Trigger
    status: str
    explicit_status: bool
    date: DateValue | None
    explicit_date: bool
    sectors: list[str]
    people: list[PersonMention] = field(default_factory=list)


class NativeCoder:
    """Codes articles in the languages with an analyzer (language/native) and a data folder.

    Each language's analyzer and knowledge load with its first article.
    """

    def __init__(self) -> None:
        self.analyzers = Analyzers()
        self._knowledge: dict[str, NativeKnowledge] = {}

    def knowledge(self, language: str) -> NativeKnowledge:
        if language not in self._knowledge:
            self._knowledge[language] = NativeKnowledge.load(language)
        return self._knowledge[language]

    def code(
        self,
        text: str,
        language: str | None,
        published: DateValue | None,
        article_id: str,
        source_file: str,
    ) -> CodedArticle | None:
        """The article coded, in the shape the English coder gives; None when `language` has
        no analyzer here (not one of ours, or the `multilingual` extra is not installed)."""
        analyzer = self.analyzers.get(language)
        if analyzer is None:
            return None
        return self.code_with(analyzer, text, published, article_id, source_file)

    def code_with(
        self,
        analyzer: Analyzer,
        text: str,
        published: DateValue | None,
        article_id: str,
        source_file: str,
    ) -> CodedArticle:
        k = self.knowledge(analyzer.language)
        sentences = [
            _Sentence(s, e, text[s:e], analyzer.tokens(text, s, e))
            for s, e in analyzer.sentences(text)
        ]
        tokens = [t for s in sentences for t in s.tokens]
        actors = k.actors.find(text, tokens)
        people = k.people.find(text, tokens, actors)
        mentions = _with_people(actors, people, text)
        dyad = main_dyad(mentions)
        article = _Article(k, _resolve_dyad_words(mentions, dyad), people, dyad, published)
        candidates = [c for s in sentences for c in article.code(s)]
        events = [_event(article_id, source_file, c) for c in merge(candidates)]
        in_events = {code for e in events for code in (e.source, e.target)}
        named = [p for p in people if p.new and p.country in in_events]
        return CodedArticle(
            events=events,
            people=list({p.name: Person(p.name, p.country, p.role) for p in named}.values()),
            countries=sorted(c for c in in_events if not c.startswith("IGO:")),
            anchor=None,
            flags={},
        )


@dataclass
class _Article:
    """What coding one sentence needs to know of its article, and of the sentence before."""

    k: NativeKnowledge
    mentions: list[Mention]
    people: list[PersonMention]
    dyad: tuple[str, ...]
    published: DateValue | None
    # The pairs the previous sentence's events had, by kind: a sentence that names no state
    # goes on about them ("... the third such transfer, after those of 2017 and 2018").
    previous: dict[str, tuple[str, str]] = field(default_factory=dict)

    def code(self, sentence: _Sentence) -> list[_Candidate]:
        k = self.k
        triggers = k.frames.find(sentence.tokens)
        inside = [m for m in self.mentions if sentence.start <= m.start < sentence.end]
        dates = [
            replace(d, start=d.start + sentence.start, end=d.end + sentence.start)
            for d in k.dates.find(sentence.text, self.published)
        ]
        found = []
        for trigger in triggers:
            actors = cast(inside, sentence.tokens, trigger, k.roles)
            parties = pair(trigger, with_context(actors, self.dyad, trigger))
            if parties is None and not actors:
                parties = self.previous.get(trigger.frame.kind)
            if parties is None:
                continue
            said: list[DateMention | None] = [*_dates_of(trigger, triggers, dates, sentence, k)]
            for each in together(trigger, actors) or [parties]:
                found += [self._candidate(sentence, trigger, each, date) for date in said or [None]]
        self.previous = {c.kind: (c.source, c.target) for c in found}
        return found

    def _candidate(
        self,
        sentence: _Sentence,
        trigger: Trigger,
        parties: tuple[str, str],
        date: DateMention | None,
    ) -> _Candidate:
        frame, token = trigger.frame, trigger.token
        cued = self.k.status.status(
            sentence.text, token.start - sentence.start, token.end - sentence.start
        )
        status = frame.status or cued or "occurred"
        status = self._in_time(status, date)
        return _Candidate(
            kind=frame.kind,
            source=parties[0],
            target=parties[1],
            sentence=sentence,
            trigger=trigger,
            status=status,
            explicit_status=status != "occurred" or bool(frame.status),
            date=date.value if date else self.published,
            explicit_date=date is not None,
            sectors=sorted(set(frame.sectors) | set(self.k.sectors.sectors(sentence.tokens))),
            people=[
                p
                for p in self.people
                if sentence.start <= p.start < sentence.end and p.country in parties
            ],
        )

    def _in_time(self, status: str, date: DateMention | None) -> str:
        """The status a date the text gives allows: what is dated before the day of writing
        happened ("the third, after those of 2017 and 2018, will be ..."), what is dated after
        it is planned ("hold an exercise next month")."""
        if date is None or self.published is None:
            return status
        if status in _FUTURE and date.value.end < self.published.start:
            return "occurred"
        if status == "occurred" and date.value.start > self.published.end:
            return "planned"
        return status


# Statuses that speak of what has not happened yet.
_FUTURE = ("planned", "proposed")


def _with_people(actors: list[Mention], people: list[PersonMention], text: str) -> list[Mention]:
    """Actors and people as one list: a person stands for their state."""
    as_actors = [Mention(p.start, p.end, p.name, (p.country,), PERSON) for p in people]
    clear = [a for a in actors if not any(p.start < a.end and a.start < p.end for p in people)]
    return drop_continuations(clear + as_actors, text)


def main_dyad(mentions: list[Mention]) -> tuple[str, ...]:
    """The article's main pair: the two states named most, each at least twice; or ()."""
    counts = Counter(
        c for m in mentions if m.via in (NAME, PERSON) for c in m.codes if not c.startswith("IGO:")
    )
    top = counts.most_common(2)
    return tuple(sorted(c for c, _ in top)) if len(top) == 2 and top[1][1] >= 2 else ()


def _resolve_dyad_words(mentions: list[Mention], dyad: tuple[str, ...]) -> list[Mention]:
    """ "The two countries" stand for the article's main pair."""
    return [
        replace(m, codes=dyad) if m.via == DYAD_WORD else m
        for m in mentions
        if m.via != DYAD_WORD or len(dyad) == 2
    ]


def _dates_of(
    trigger: Trigger,
    triggers: list[Trigger],
    dates: list[DateMention],
    sentence: _Sentence,
    k: NativeKnowledge,
) -> list[DateMention]:
    """The dates said of a trigger: the nearest before it that no trigger between claims,
    within reach, with the dates listed before it ("in June 2017 A, in October 2018 B");
    else the nearest just after it; else none."""
    start, end = trigger.token.start, trigger.token.end
    before = [d for d in dates if d.end <= start and start - d.end <= k.dates.before_chars]
    if before:
        claimed = any(before[-1].end <= t.token.start < start for t in triggers)
        if claimed and not (k.dates.heads_sentence and _heads(before[-1], sentence)):
            return []
        listed = [before[-1]]
        for d in reversed(before[:-1]):
            if "," not in sentence.text[d.end - sentence.start : listed[0].start - sentence.start]:
                break
            listed.insert(0, d)
        return listed
    after = [d for d in dates if d.start >= end and d.start - end <= k.dates.after_chars]
    return after[:1]


def _heads(date: DateMention, sentence: _Sentence) -> bool:
    """Whether `date` stands in the sentence's first clause, which a comma closes."""
    opening = sentence.text[: date.end - sentence.start]
    return "," not in opening and sentence.text[date.end - sentence.start :].lstrip()[:1] == ","


def merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """What an article says twice is one event: same kind and pair, status and dates that fit.
    The merged event keeps the explicit status and the explicit date."""
    merged: list[_Candidate] = []
    for c in candidates:
        twin = next((m for m in merged if _same(m, c)), None)
        if twin is None:
            merged.append(c)
            continue
        if (
            c.sentence is twin.sentence
            and c.trigger.frame.confidence > twin.trigger.frame.confidence
        ):
            twin.source, twin.target = c.source, c.target  # the surer frame knows the direction
        vague = not twin.explicit_status and (c.sentence is twin.sentence or not twin.explicit_date)
        if c.explicit_status and vague:
            twin.status, twin.explicit_status = c.status, True
        if c.explicit_date and not twin.explicit_date:
            twin.date, twin.explicit_date = c.date, True
        twin.sectors = sorted(set(twin.sectors) | set(c.sectors))
        twin.people += [p for p in c.people if p not in twin.people]
    return merged


def _same(a: _Candidate, b: _Candidate) -> bool:
    if a.kind != b.kind or {a.source, a.target} != {b.source, b.target}:
        return False
    if a.sentence is not b.sentence and _pair(a) != _pair(b):
        return False  # one sentence's "buys ... under a contract with" is one transfer
    if a.status != b.status and (a.trigger.frame.status or b.trigger.frame.status):
        return False  # a contract for arms is not their delivery
    if _apart(a, b):  # "in June 2017 one, in October 2018 another"
        return False
    if a.sentence is b.sentence:  # one sentence's two words for one happening
        return True
    if a.status != b.status and {a.status, b.status} != _SAME_HAPPENING:
        return False  # "met on Monday" and "will meet again"
    when_a, when_b = _when(a), _when(b)
    return not (when_a and when_b) or when_a.intersect(when_b) is not None


def _apart(a: _Candidate, b: _Candidate) -> bool:
    """Whether the text gives both dates and they do not meet."""
    if not (a.explicit_date and b.explicit_date and a.date and b.date):
        return False
    return a.date.intersect(b.date) is None


def _when(c: _Candidate) -> DateValue | None:
    """The date a candidate is known to have: one the text gives, or, for what is going on,
    the day of writing (a transfer under way now is not the one of 2017)."""
    return c.date if c.explicit_date or c.status == "ongoing" else None


# A programme that began and goes on: "began deliveries" and "will deliver until 2026".
_SAME_HAPPENING = {"occurred", "ongoing"}


def _pair(c: _Candidate) -> tuple[str, str]:
    return ordered_pair(c.kind, c.source, c.target)


def _event(article_id: str, source_file: str, c: _Candidate) -> Event:
    s, token = c.sentence, c.trigger.token
    return coded_event(
        article_id,
        source_file,
        c.kind,
        (c.source, c.target),
        c.date,
        # The date too: one trigger can tell of several dated happenings.
        (s.start, token.start, c.date.iso if c.date else None),
        status=c.status,
        sectors=c.sectors,
        people=[Person(p.name, p.country, p.role) for p in c.people if p.new],
        evidence=Evidence(s.text, s.start, s.end),
        confidence=c.trigger.frame.confidence,
        rule=f"{c.trigger.frame.name}({token.text!r})",
    )
