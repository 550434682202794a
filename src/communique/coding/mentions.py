"""Who a sentence names: its actors and people, their short names later on, and which
of them are places, private parties or parts of other names."""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import replace

from ..language import Sentence
from ..schema import Location, Person
from .actors import ActorMention
from .dates import DateValue
from .lexicon import TriggerMatch
from .people import PersonMention, namesake_before


# -- helpers -----------------------------------------------------------------------------------
def bucket(actors: list[ActorMention], sentences: list[Sentence]) -> list[list[ActorMention]]:
    buckets: list[list[ActorMention]] = [[] for _ in sentences]
    i = 0
    for actor in actors:
        while i < len(sentences) and sentences[i].end <= actor.start:
            i += 1
        if i < len(sentences) and sentences[i].start <= actor.start:
            buckets[i].append(actor)
    return buckets


def sentences_at(positions: list[int], sentences: list[Sentence]) -> set[int]:
    """The numbers of the sentences that hold these character positions."""
    starts = [s.start for s in sentences]
    found = set()
    for position in positions:
        i = bisect.bisect_right(starts, position) - 1
        if i >= 0 and position < sentences[i].end:
            found.add(i)
    return found


def sentence_spans(
    spans: list[tuple[int, int]], sentences: list[Sentence]
) -> list[list[tuple[int, int]]]:
    """Each sentence's share of the article's `spans`, as offsets into the sentence."""
    shares: list[list[tuple[int, int]]] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for start, end in spans:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= sentences[i].end:
            shares[i].append((start - sentences[i].start, end - sentences[i].start))
    return shares


def resolve_surnames(
    people: dict[int, list[PersonMention]],
) -> dict[int, list[PersonMention]]:
    """A later "Cho" or "Kim" is the full-named person met earlier in the article."""
    full = [p for ps in people.values() for p in ps if " " in p.name and p.country]
    by_part: dict[str, PersonMention] = {}
    for person in full:
        for part in person.name.split():
            by_part.setdefault(part, person)
    resolved = {}
    for i, found in people.items():
        out = []
        for p in found:
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
            elif " " in p.name or (p.titled and p.holder) or _ruler(p):
                out.append(p)  # "President Lee" still tells when the article was written
        resolved[i] = out
    return resolved


def short_name_pattern(
    people: dict[int, list[PersonMention]],
) -> tuple[re.Pattern[str], dict[str, PersonMention]] | None:
    """First and last parts of every full name met, as a pattern ("Cho", "Giang", "Kim"),
    and the name before a surname's particle ("Lula" of "Luiz Inácio Lula da Silva")."""
    parts: dict[str, PersonMention] = {}
    for person in (p for ps in people.values() for p in ps if " " in p.name and p.country):
        words = person.name.replace("-", " ").split()
        before_particle = [
            words[i - 1] for i, word in enumerate(words) if i > 1 and word in _NAME_PARTICLES
        ]
        for part in (words[0], words[-1], *before_particle):
            if len(part) >= 3 and part[0].isupper():
                parts.setdefault(part, person)
    if not parts:
        return None
    alternation = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), parts


# Lower-case particles that open a surname: the name before one is what a person is called
# alone ("Lula da Silva"; "Ruud van Nistelrooy" is "van Nistelrooy", so only from the third
# word: a first name stays a first name). Not "bin": "Hamdan bin Mohammed bin Rashid" names
# his father, not what he is called.
_NAME_PARTICLES = {"da", "de", "do", "dos", "das", "di", "del", "van", "von"}


def short_name_mentions(
    sentence: Sentence,
    short_names: tuple[re.Pattern[str], dict[str, PersonMention]] | None,
    known: list[PersonMention],
) -> list[PersonMention]:
    if short_names is None:
        return []
    pattern, parts = short_names
    found = []
    taken = [(p.start - sentence.start, p.end - sentence.start) for p in known]
    for match in pattern.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if any(p.start < end and start < p.end for p in known):
            continue
        person = parts[match.group(0)]
        if namesake_before(sentence.text, match.start(), person.name, taken):
            continue
        found.append(
            PersonMention(
                start, end, person.name, person.country, person.role, person.holder, False
            )
        )
    return found


PRONOUN_SUBJECT = re.compile(r"^(?:He|She)\b|\b(?:he|she)\s+(?:said|added|told|noted|stressed)\b")


def pronoun_mention(
    sentence: Sentence, speaker: PersonMention | None, known: list[PersonMention]
) -> list[PersonMention]:
    """ "He said ...": the official "he" stands for (`context.PersonInFocus`), when the
    sentence names nobody."""
    match = PRONOUN_SUBJECT.search(sentence.text)
    if speaker is None or match is None or known:
        return []
    start, end = sentence.start + match.start(), sentence.start + match.start() + 3
    return [replace(speaker, start=start, end=end, titled=False)]


def is_former(person: PersonMention) -> bool:
    return bool(person.role and person.role.lower().startswith(("former", "acting")))


# "in Seoul", "at the United Nations", "in the eastern Turkish city of Kars": a capital, an
# organisation or a demonym after a locative preposition names a place, not a participant.
LOCATIVE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


PLACE_NOUN_AFTER = re.compile(r"^\s+(?:city|capital|town|port|province|region|border\s+town)\b")


# "an Italian company", "a Lebanese citizen": a demonym that describes a private party.
PRIVATE_NOUN_AFTER = re.compile(
    r"^\s+(?:company|companies|firm|firms|bank|banks|group|citizens?|nationals?|businessm[ae]n|"
    r"investors?|residents?|owners?|shareholders?|lender|lenders|insurer|brokers?|traders?|"
    r"producers?|exporters?|importers?|airline|carrier|conglomerate|subsidiary|unit)\b",
    re.IGNORECASE,
)


# "the Berne Agreement", "the Paris Club": a capital inside the name of a thing.
NAME_NOUN_AFTER = re.compile(
    r"^\s+(?:Agreement|Accord|Accords|Treaty|Convention|Protocol|Declaration|Club|Consensus|"
    r"Process|Format|Group|Principles|Charter|Stock\s+Exchange|Exchange)\b"
)


# A capital directly followed by a capitalised word that is not a day or month ("Sofia
# Reyes"; not "Seoul Tuesday") is the start of another name.
NEXT_CAPITALISED = re.compile(r"^ ([A-Z][a-z]+)\b")


CALENDAR_WORDS = {
    *calendar.day_name, *calendar.month_name[1:], *calendar.month_abbr[1:], "Sept",
}  # fmt: skip


# Kinds that only states (and their agents) take part in: no private party counts.
STATE_LEVEL_KINDS = {
    "MEET", "VISIT", "JOINT_STATEMENT", "UPGRADE_RELATIONS", "ESTABLISH_RELATIONS", "ENDORSE",
    "REJECT", "REQUEST", "THREATEN", "ACCUSE", "PLEDGE_COOPERATION",
    "SIGN_AGREEMENT", "MOBILIZE",
}  # fmt: skip


# Kinds a state can aim at another's companies, banks or citizens, which then stand for their
# state on the receiving side only: "sanctioned two Chinese firms", "Iranian banks were hit
# with US sanctions".
IMPOSED_ON_PRIVATE_PARTIES = {"SANCTION"}


def trigger_kinds_need_states(triggers: list[TriggerMatch]) -> bool:
    return any(t.rule.kind in STATE_LEVEL_KINDS for t in triggers)


def private_party(actor: ActorMention, sentence: Sentence) -> bool:
    tail = sentence.text[actor.end - sentence.start :]
    return actor.via == "demonym" and bool(PRIVATE_NOUN_AFTER.match(tail))


def inside_a_name(actor: ActorMention, sentence: Sentence) -> bool:
    """A capital that begins a longer name: "the Paris Club", "Sofia Reyes", "Victoria Lam"."""
    if actor.via != "capital":
        return False
    tail = sentence.text[actor.end - sentence.start :]
    if NAME_NOUN_AFTER.match(tail):
        return True
    after = NEXT_CAPITALISED.match(tail)
    return after is not None and after.group(1) not in CALENDAR_WORDS


def after_in(actor: ActorMention, sentence: Sentence) -> bool:
    """Whether a state is named after "in" or "at" ("Russia's partner in Syria")."""
    start = actor.start - sentence.start
    return bool(LOCATIVE_BEFORE.search(sentence.text[max(0, start - 30) : start]))


def is_place(
    actor: ActorMention, sentence: Sentence, seated_heads: frozenset[str] = frozenset()
) -> bool:
    if not after_in(actor, sentence):
        return False
    if _seated_in(actor, sentence, seated_heads):
        return False  # "a court in Tehran sentenced ...": the capital stands for the court's state
    if SPEAKER_PLACE.match(sentence.text[: actor.end - sentence.start + 1]):
        return False  # "In Moscow, a spokeswoman said ...": the capital stands for the speaker
    if actor.via == "demonym":
        return bool(PLACE_NOUN_AFTER.match(sentence.text[actor.end - sentence.start :]))
    return actor.via == "capital" or actor.is_igo


SEATED_BEFORE = re.compile(r"\b([a-z]+)\s+in\s+$", re.IGNORECASE)


def _seated_in(actor: ActorMention, sentence: Sentence, seated_heads: frozenset[str]) -> bool:
    """Whether the name follows "in" after a court, prosecutor or police force (roles.toml
    seated_heads), which stands for the state it sits in."""
    before = SEATED_BEFORE.search(sentence.text[: actor.start - sentence.start])
    if before is None:
        return False
    word = before.group(1).lower()
    singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return bool({word, singular} & seated_heads)


SPEAKER_PLACE = re.compile(r"^In\s+[\w .’'-]{2,30},$")


def location(places: list[ActorMention], after: int) -> Location | None:
    """The first place named outside the dateline."""
    for place in places:
        if place.start >= after:
            country = None if place.is_igo else place.code
            return Location(name=place.text, country=country)
    return None


def locals_of(people: dict[int, list[PersonMention]], home: str) -> dict[int, list[PersonMention]]:
    """A titled official whose state the text never names ("President X visited ...") in a
    story filed from a capital is that capital's official."""
    return {
        i: [
            replace(p, country=home) if p.titled and p.country is None and p.role else p
            for p in mentions
        ]
        for i, mentions in people.items()
    }


def participants(
    actors: list[ActorMention], people: list[PersonMention], offset: int
) -> list[tuple[int, int, str]]:
    """(start, end, code) of every actor in the sentence, people standing for their state."""
    found = [(a.start - offset, a.end - offset, a.code) for a in actors]
    covered = [(s, e) for s, e, _ in found]
    for p in people:
        if p.country and not any(s <= p.start - offset < e for s, e in covered):
            found.append((p.start - offset, p.end - offset, p.country))
    return sorted(found)


def unique_mentions(people: list[PersonMention]) -> list[PersonMention]:
    """One mention per name: the first that resolved a country, else the first."""
    best: dict[str, PersonMention] = {}
    for person in people:
        known = best.get(person.name)
        if known is None or (known.country is None and person.country is not None):
            best[person.name] = person
    return list(best.values())


def unique_people(people: list[PersonMention], published: DateValue | None) -> list[Person]:
    """The article's people: full names, and the one names rulers go by ("King Salman"). A
    surname after the title of the office the table says its holder held when the article
    was published ("President Trump") is that holder's full name."""
    people = [_full_named(p, published) for p in people]
    named = [p for p in unique_mentions(people) if p.country and (" " in p.name or _ruler(p))]
    return [Person(p.name, p.country, p.role) for p in named]


def _full_named(person: PersonMention, published: DateValue | None) -> PersonMention:
    holder = person.holder
    if " " in person.name or not person.titled or holder is None or published is None:
        return person
    if _ruler(person) or not any(term.contains(published) for term in holder.terms):
        return person
    return replace(person, name=holder.name)


_RULERS = {"king", "queen", "sultan", "emir", "sheikh", "prince", "crown prince"}


def _ruler(person: PersonMention) -> bool:
    return person.titled and (person.role or "").lower() in _RULERS


# The titles of a state's head: a head of government is not its head of state, whatever
# "President" can mean where the head of state is someone else ("Dutch President Mark Rutte").
_HEAD_TITLES = {"president", "prime minister", "premier", "chancellor", "king", "queen"}


def other_head_title(person: PersonMention) -> bool:
    """A head of state or government called by the other head's title."""
    if person.holder is None or person.role is None:
        return False
    said, held = person.role.lower(), person.holder.title.lower()
    return said in _HEAD_TITLES and held in _HEAD_TITLES and said != held
