"""Named officials: who they are, which state they act for, and their title."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from .actors import ActorMention
from .dates.words import MONTH_NAMES, WEEKDAYS
from .offices import Holder, OfficeHolders
from .phrases import PhraseIndex
from .text_utils import fold, fold_in_place

# Titles written before a name ("Foreign Minister Cho Hyun") or after it in apposition
# ("Phan Văn Giang, Minister of National Defence").
# News also writes these titles in lower case ("the state department spokeswoman X",
# "Australian prime minister X"); the others ("general", "head", "king") are common words too.
TITLES_IN_LOWER_CASE = (
    r"prime\s+minister|foreign\s+minister|defen[cs]e\s+minister|foreign\s+secretary|"
    r"secretary\s+of\s+state|president|chancellor|premier|ambassador|envoy|"
    r"spokesperson|spokesman|spokeswoman"
)
_TITLE = (
    r"(?:(?:Acting|Deputy|Vice|First|Former|former|Crown|Senior|Chief)\s+)?"
    r"(?:Party\s+General\s+Secretary|General\s+Secretary|Secretary[- ]General|Prime\s+Minister|"
    r"Foreign\s+Minister|Defen[cs]e\s+Minister|Foreign\s+Secretary|Defen[cs]e\s+Secretary|"
    r"Secretary\s+of\s+State|Secretary\s+of\s+Defen[cs]e|"
    r"(?:Minister|Secretary|Director|Head|Chief)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+(?:and\s+|of\s+)?[A-Z][\w’'-]*)*)?|"
    r"President|Premier|Chancellor|King|Queen|Emperor|Emir|Sultan|Sheikh|Prince|Ambassador|Envoy|"
    r"General|Admiral|Chairman|Chairwoman|Spokesperson|Spokesman|Spokeswoman|Senator|"
    rf"Adviser|Advisor|{TITLES_IN_LOWER_CASE})"
)
# The words a `_TITLE` can begin with (or their first letters).
_TITLE_WORD = re.compile(
    r"Acting|Deputy|Vice|First|Former|former|Crown|Senior|Chief|Party|General|Secretary|Prime|"
    r"Foreign|Defen|Minister|Director|Head|President|Premier|Chancellor|King|Queen|Emperor|Emir|"
    r"Sultan|Sheikh|Prince|Ambassador|Envoy|Admiral|Chair|Spokes|Senator|Advis|"
    r"prime|foreign|defen|secretary|president|chancellor|premier|ambassador|envoy|spokes"
)
# "Foreign Minister X", "the Bolivian Foreign Minister, X", "Federal Chancellor of the
# Republic of Austria, X": the title, its state, and a comma may stand before the name.
_TITLE_BEFORE = re.compile(rf"({_TITLE})(?:\s+of\s+(?:the\s+)?[A-Z][^,;.]{{0,50}})?\s*,?\s*$")
_LEADING_TITLE = re.compile(rf"^(?:[A-Z][\w-]+\s+)?{_TITLE}\s+")  # "Bahraini King Hamad"
# A title used of the past ("then-President X", "the late King X", "his counterpart at the
# time, Minister X", "X, who was minister then") says nothing of who holds the office now.
_PAST_BEFORE = re.compile(
    r"(?:\b(?:then|ex|former|late|erstwhile|one-?time)[\s-]*|"
    r"\b(?:at\s+the\s+time|back\s+then|in\s+(?:19|20)\d\d)\b[^.;:]{0,40}?)$",
    re.IGNORECASE,
)
_PAST_AFTER = re.compile(
    r"^[\s,]*(?:who\s+(?:was|had\s+been|then\s+was)\b|then\b|at\s+the\s+time\b)",
    re.IGNORECASE,
)
# "European Council President X", "EC President X", "ANC President X": a name right before
# the title that is no state's makes it an organisation's title, not a state office.
_OWNER_GAP = re.compile(r"^(?:[’']s)?\s*$")
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,6}(?:[’']s)?\s*$")
_TITLE_AFTER = re.compile(rf"^\s*,\s*(?:the\s+)?({_TITLE})")
_OF_COUNTRY_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")
# Where the NER model can start and end a name `_NAME_CHARS` accepts: a capital not inside a
# word; then words of name characters, each capitalised, the span ending before any character
# that is not a letter or digit (spaCy splits "Assad-led" and "Bishop's").
_NAME_START = re.compile(r"(?<![^\W\d_])[A-ZÀ-ÝĐ]")
_NAME_WORD = re.compile(r"[A-ZÀ-ÝĐ][\w’'.-]*")
# Lower-case particles inside a name: "Mohammed bin Ahmed Al Bowardi", "Ursula von der Leyen".
_PARTICLES = r"(?:bin|bint|ibn|al|el|de|da|do|dos|du|van|von|der|den|la|le)"
# A particle stands apart or joined by a hyphen: "Ursula von der Leyen", "Abdel Fattah el-Sisi".
_NEXT_NAME_WORD = re.compile(rf"\s+(?:{_PARTICLES}(?:\s+|-))*(?=[A-ZÀ-ÝĐ])")
_NAME_CHARS = re.compile(
    rf"^[A-ZÀ-ÝĐ][\w’'.-]*(?:\s+(?:{_PARTICLES}(?:\s+|-))*[A-ZÀ-ÝĐ][\w’'.-]*)*$"
)
# "President Lee said": a title and a surname name an office holder too.
_TITLED_SURNAME = re.compile(
    r"\b(?:President|Prime\s+Minister|Premier|Chancellor|King|Foreign\s+Minister|"
    r"Defen[cs]e\s+Minister)\s+([A-Z][\w-]+)(?=\s+[a-z]|[,.;:’'])"
)


# Labels the entity recognizer gives people it does not know as such.
_MISREAD_LABELS = {"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"}


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str
    country: str | None
    role: str | None
    holder: Holder | None
    titled: bool  # a title stood next to the name in the text


class PeopleFinder:
    def __init__(self, offices: OfficeHolders) -> None:
        self.offices = offices
        # Full names are matched on folded text, so "Pham Minh Chinh" finds "Phạm Minh Chính".
        self._known: PhraseIndex[str] = PhraseIndex()
        self._known_seen: dict[str, list[tuple[int, int]]] = {}
        self._holders_seen: dict[tuple[str, str | None], Holder | None] = {}
        for name in offices.names():
            if " " in name:
                self._known.add(name, name)
        self._leaders: PhraseIndex[Holder] = PhraseIndex()
        for surname, holder in offices.leader_surnames().items():
            self._leaders.add(surname, holder, case_sensitive=True)
        # Their last words, to tell cheaply which sentences may name a leader
        self._leader_words = frozenset(s.split()[-1] for s in offices.leader_surnames())

    def find(
        self,
        text: str,
        offset: int,
        doc: Doc | None,
        actors: list[ActorMention],
        known: list[tuple[int, int]] | None = None,
    ) -> list[PersonMention]:
        """People named in one sentence (`text` starts at `offset` in the article); `known`:
        where `known_names` found full names in it, when the caller has looked already."""
        known = self._known_spans(text) if known is None else known
        spans = self._candidate_spans(text, offset, doc, actors, known)
        people = []
        international = []  # "NATO chief Mark Rutte": nor is "Rutte" the leader the table knows
        for start, end in spans:
            if _serves_an_organisation(text, start, offset, actors):
                international.append((start, end))
                continue
            mention = self._resolve(text, start, end, offset, actors)
            if mention is not None:
                people.append(mention)
        taken = spans_in_sentence(people, actors, offset) + international
        return people + self._leader_mentions(text, offset, taken)

    def known_names(self, text: str) -> list[tuple[int, int]]:
        """Where the full names of office holders the table knows stand in `text` (an article
        is looked up once, its sentences then given their share: `sentence_spans`)."""
        return [(m.start, m.end) for m in self._known.find(fold_in_place(text))]

    def possible(
        self,
        text: str,
        offset: int,
        actors: list[ActorMention],
        known: list[tuple[int, int]] | None = None,
    ) -> Iterator[PersonMention]:
        """Everyone the NER model could add to `find` in this sentence, at most."""
        known = self._known_spans(text) if known is None else known
        named = _actor_spans(actors, offset)
        states = [a.start - offset for a in actors if not a.is_igo]
        for start, end in _possible_names(text):
            if known and any(s < end and start < e for s, e in known):
                continue
            if _inside(start, end, named) or not self._may_resolve(text, start, end, states):
                continue  # most spans: "The", "It", a company's name
            if _serves_an_organisation(text, start, offset, actors):
                continue
            mention = self._resolve(text, start, end, offset, actors)
            if mention is not None:
                yield mention

    def _candidate_spans(
        self,
        text: str,
        offset: int,
        doc: Doc | None,
        actors: list[ActorMention],
        known: list[tuple[int, int]],
    ) -> list[tuple[int, int]]:
        spans: dict[tuple[int, int], None] = {}
        if doc is not None:
            named = _actor_spans(actors, offset)
            for ent in doc.ents:
                # "Minister of Defence of Fiji, Ratu Inoke Kubuabola": the recognizer may call a
                # name it does not know an organisation; a title beside it says who it is.
                titled = _title_before(text, ent.start_char) or _title_after(text, ent.end_char)
                person = ent.label_ == "PERSON" or (ent.label_ in _MISREAD_LABELS and titled)
                inside_actor = _inside(ent.start_char, ent.end_char, named)
                if person and _NAME_CHARS.match(ent.text) and not inside_actor:
                    name = ent.text.rstrip()
                    for suffix in ("’s", "'s"):
                        name = name.removesuffix(suffix)
                    start, end = ent.start_char, ent.start_char + len(name)
                    title = _LEADING_TITLE.match(name)  # "Sultan Hassanal Bolkiah"
                    if title and title.end() < len(name):
                        start += title.end()
                    # The office-holder table knows full names better than the NER model does.
                    if not any(s < end and start < e for s, e in known):
                        spans[(start, end)] = None
        spans.update(dict.fromkeys(known))
        for match in _TITLED_SURNAME.finditer(text):
            if not any(s < match.end(1) and match.start(1) < e for s, e in spans):
                spans[(match.start(1), match.end(1))] = None
        return sorted(spans)

    def _known_spans(self, text: str) -> list[tuple[int, int]]:
        # `possible` and `find` ask about the same sentence in turn: looked up once.
        spans = self._known_seen.get(text)
        if spans is None:
            if len(self._known_seen) > 512:
                self._known_seen.clear()
            spans = self.known_names(text)
            self._known_seen[text] = spans
        return spans

    def _may_resolve(self, text: str, start: int, end: int, state_starts: list[int]) -> bool:
        """What `_resolve` needs, cheaply: a title beside the name, a state named in its
        phrase, or a full name the table knows."""
        return bool(
            _title_before(text, start)
            or _title_after(text, end)
            or any(start - _PHRASE_REACH <= s < start for s in state_starts)
            or _OF_COUNTRY_AFTER.match(text[end:])
            or fold(text[start:end]) in self.offices.by_name
        )

    def _holder(self, name: str, role: str | None) -> Holder | None:
        # `possible` asks about every span a name could have, the same names again and again
        # (a leader named in every other sentence): the table is asked once for each.
        key = (name, role)
        if key not in self._holders_seen:
            if len(self._holders_seen) > 8192:
                self._holders_seen.clear()
            self._holders_seen[key] = _current_holder(self.offices.lookup(name, role))
        return self._holders_seen[key]

    def may_name_a_leader(self, text: str) -> bool:
        """Whether a capitalised word of `text` is the last word of a leader's surname ("Putin
        called Erdogan"), which the lookups then resolve or not."""
        return any(word in self._leader_words for word in _CAPITALISED.findall(text))

    def _a_leaders_surname(self, name: str) -> bool:
        return any(m.start == 0 and m.end == len(name) for m in self._leaders.find(name))

    def _leader_mentions(
        self, text: str, offset: int, taken: list[tuple[int, int]]
    ) -> list[PersonMention]:
        """ "Putin said ...": a leader named by surname alone, or by a full name spelled
        otherwise than the table does ("Abdel Fatah al-Sisi"), as written."""
        found = []
        for match in self._leaders.find(text):
            if any(s < match.end and match.start < e for s, e in taken):
                continue
            holder = match.value
            if namesake_before(text, match.start, holder.name, taken):
                continue
            if _FIRST_NAME_OF.match(text[match.end :]):
                continue  # "Mark Campbell": the surname is someone's first name
            found.append(
                PersonMention(
                    offset + match.start,
                    offset + match.end,
                    _as_written(text, match.start, match.end, holder.name) or holder.name,
                    holder.country,
                    holder.title,
                    holder,
                    titled=False,
                )
            )
        return found

    def _resolve(
        self, text: str, start: int, end: int, offset: int, actors: list[ActorMention]
    ) -> PersonMention | None:
        """The state's official a name is, if any; the callers have ruled out an international
        organisation's (`_serves_an_organisation`)."""
        name = text[start:end]
        before = _title_before(text, start)
        after = _title_after(text, end)
        if not (before or after) and self._a_leaders_surname(name):
            return None  # "Chile's president hosted Macron": `_leader_mentions` reads the leader
        role = before.group(1) if before else after.group(1) if after else None
        title_start = start - len(before.group(0)) if before else end
        if before and _names_organisation(title_start, start, offset, actors):
            # "Prime Minister of Belgium, the current President of the Council, X": the
            # organisation's title is not the one X holds for the state
            before = after = role = None
        # An organisation's officer ("ANC President X") acts for it, whatever state the table
        # knows them from: only a state named beside them counts.
        owner = _title_owner(text[:title_start], offset, actors) if before else None
        holder = None if owner else self._holder(name, role)
        country = holder.country if holder else _country_near(text, start, end, offset, actors)
        if country is None and (role is None or role[0].islower()):
            # A title in lower case ("spokeswoman X") is read only beside its state's name:
            # alone, it is as often another body's officer as the dateline state's.
            return None
        if role is None and holder is not None:
            role = holder.title
        if role and _of_the_past(role, text, title_start, end):
            holder = None
        elif role and not self.offices.offices_named(role):
            holder = None  # "General X", "Deputy Prime Minister X": no office the table lists
        # "King Salman", "Sultan Hassanal Bolkiah" as the table or the recognizer gives them:
        # the person is named without the title
        title = _LEADING_TITLE.match(name)
        if title and title.end() < len(name):
            role = role or title.group(0).strip()
            name, start = name[title.end() :], start + title.end()
        titled = bool(before or after or title)
        return PersonMention(offset + start, offset + end, name, country, role, holder, titled)


_TITLE_REACH = 240
# How far before a name the state of "the Bolivian Foreign Minister, X" may stand.
_PHRASE_REACH = 60
_PHRASE_ENDS = (
    *(",", ";", " and ", " with ", " said "),
    *(" is ", " are ", " was ", " were ", " has ", " have ", " had ", " for ", " by ", " that "),
)


# `possible` tries every span a name could have, so many spans share a start or an end: the
# title searches are done once per position (they scan the whole text before the name).
@functools.lru_cache(maxsize=4096)
def _title_before(text: str, start: int) -> re.Match[str] | None:
    # A title and its "of <state>" fit in far fewer characters: the search needs no more.
    window = text[max(0, start - _TITLE_REACH) : start]
    # A title can only begin at one of its words: trying those, leftmost first, finds what a
    # search of every position would, some ten times faster.
    for word in _TITLE_WORD.finditer(window):
        match = _TITLE_BEFORE.match(window, word.start())
        if match:
            return match
    return None


@functools.lru_cache(maxsize=4096)
def _title_after(text: str, end: int) -> re.Match[str] | None:
    return _TITLE_AFTER.search(text[end:])


def _possible_names(text: str) -> Iterator[tuple[int, int]]:
    """Every (start, end) a PERSON entity accepted by `_NAME_CHARS` could have in `text`."""
    for first in _NAME_START.finditer(text):
        position = first.start()
        while (word := _NAME_WORD.match(text, position)) and not _shouted(word[0]):
            for end in range(word.start() + 1, word.end() + 1):
                if end == word.end() or not text[end].isalnum():
                    yield first.start(), end
            gap = _NEXT_NAME_WORD.match(text, word.end())
            if gap is None:
                break
            position = gap.end()


def _as_written(text: str, start: int, end: int, known: str) -> str | None:
    """The full name the text writes before the surname at (start, end), where it spells the
    leader's otherwise than the table (`known`): "Abdel Fatah al-Sisi" for "Abdel Fattah
    el-Sisi". As many words, the first alike."""
    theirs = fold(known).split()
    before = len(theirs) - len(fold(text[start:end]).split())
    pieces = [m.start() for m in _NAME_PIECE.finditer(text, max(0, start - 80), start)]
    if before < 1 or len(pieces) < before:
        return None
    written = text[pieces[-before] : end]
    ours = fold(written).split()
    if not _NAME_CHARS.match(written) or len(ours) != len(theirs) or ours[0][:3] != theirs[0][:3]:
        return None
    return written


_CAPITALISED = re.compile(r"\b[A-ZÀ-ÝĐ][\w’'-]*")
_NAME_PIECE = re.compile(r"[^\W\d_][\w’'.]*")


def _shouted(word: str) -> bool:
    """A word of three capitals or more ("SAUDI RIYAL RATES FIRM", "AXP"): a headline's or an
    acronym, not a name's ("K." and "JD" may be initials). A headline in capitals would
    otherwise give every run of its words as a name."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 3


# Words that may stand right before a surname and leave it the known person's: honorifics and
# ranks, and the months and days of a dateline ("On Tuesday Putin said").
_HONORIFICS = "Mr Mrs Ms Miss Dr Sir Dame Lord Lady Madam"
_RANKS = (
    "Governor Mayor Speaker Pope Colonel Lieutenant Captain Commander Marshal "
    "Rep Sen Gen Adm Col Lt"
)
_BEFORE_A_SURNAME = frozenset([*_HONORIFICS.split(), *_RANKS.split(), *WEEKDAYS, *MONTH_NAMES])
_JOINED_BEFORE = re.compile(r"([A-ZÀ-ÝĐ][\w’']*)\s+([A-ZÀ-ÝĐ]\w*)[-‐‑]$")
# What joins a name to its surname by a hyphen: "al-Sisi", "bin-Salman", "Abu-Bakr".
_NAME_JOINERS = frozenset({"al", "el", "ul", "bin", "ibn", "abu", "abd", "ben", "de", "da"})
_OPENING = " \t\n\"'“‘(—–-"  # what may stand before a sentence's first word
_WORD_BEFORE = re.compile(r"([A-ZÀ-ÝĐ][\w’'.]*)[ \t]+$")


# A capitalised word right after a surname that is no day or month: the surname was a first
# name ("Mark Campbell"; not "Putin Tuesday").
_FIRST_NAME_OF = re.compile(rf" (?!(?:{'|'.join([*WEEKDAYS, *MONTH_NAMES])})\b)[A-Z][a-z]")


def namesake_before(
    text: str, start: int, known_name: str, taken: Sequence[tuple[int, int]] = ()
) -> bool:
    """Whether the surname at `start` in the sentence `text` belongs to someone other than
    `known_name`: it follows a first name not theirs ("Melania Trump", "Nasr Hariri"), or is
    joined to a name that does ("Nkosazana Dlamini-Zuma")."""
    head_start = max(0, start - 40)
    head = text[head_start:start]
    joined = _JOINED_BEFORE.search(head)
    if joined:  # not "Abdel Fattah al-Sisi", "the Trump-Putin talks"
        if joined.group(2).lower() in _NAME_JOINERS:
            return False
        return _first_name(text, head_start + joined.start(1), joined.group(1), known_name, taken)
    before = _WORD_BEFORE.search(head)
    if before is None:
        return False
    return _first_name(text, head_start + before.start(1), before.group(1), known_name, taken)


def _first_name(
    text: str, at: int, word: str, known_name: str, taken: Sequence[tuple[int, int]]
) -> bool:
    """Whether `word` at `at` is someone's first name. The sentence's first word ("But Trump
    said", "Maybe Trump is"), a title, an honorific, an abbreviation, a possessive, a
    state's name (a span in `taken`) or the known person's own name is not."""
    word = word.rstrip(".")
    return not (
        not text[:at].strip(_OPENING)
        or word in known_name.split()
        or word.isupper()  # "PM Lee", "FM Wang"
        or word in _BEFORE_A_SURNAME
        or _TITLE_WORD.match(word)
        or word.endswith(("’s", "'s"))
        or word.lower() in STOP_WORDS
        or any(s <= at < e for s, e in taken)
    )


def _actor_spans(actors: list[ActorMention], offset: int) -> list[tuple[int, int]]:
    return [(a.start - offset, a.end - offset) for a in actors]


def spans_in_sentence(
    people: list[PersonMention], actors: list[ActorMention], offset: int
) -> list[tuple[int, int]]:
    """Where the people and actors stand in their sentence (which starts at `offset`)."""
    return [(p.start - offset, p.end - offset) for p in people] + _actor_spans(actors, offset)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether (start, end) lies within one of `spans`: a name the gazetteer reads as a state
    or an organisation ("Russia", "United States", "Chinese") is that actor, not a person,
    whatever label the recognizer gives it; a person's name only begins with one ("Jordan
    Peterson")."""
    return any(s <= start and end <= e for s, e in spans)


def _serves_an_organisation(text: str, start: int, offset: int, actors: list[ActorMention]) -> bool:
    """Whether the name at `start` is an international organisation's official: its title
    names the organisation ("EC President X", "President of the European Council, X") or its
    phrase names organisations and no state ("EU foreign policy chief X", "the NATO chief,
    X"), whatever state the office table knows them from."""
    phrase = _in_own_phrase(text, start, offset, actors)
    if _holds_a_state_title_too(text, _phrase_start(text, start), offset, actors):
        return False
    before = _title_before(text, start)
    if before:
        title_start = start - len(before.group(0))
        titled_by = [a for a in actors if title_start <= a.start - offset < start]
        if any(not a.is_igo for a in titled_by) or _holds_a_state_title_too(
            text, title_start, offset, actors
        ):
            return False
        owner = _title_owner(text[:title_start], offset, actors)
        if owner == "international" or _names_organisation(title_start, start, offset, actors):
            return True
        if owner == "other" and not any(not a.is_igo for a in phrase):
            return True  # "EC President X": an organisation the gazetteer does not know
    if not phrase or not all(a.is_igo for a in phrase):
        return False
    # Only a title between them: "EU foreign policy chief X", not "NATO's chief met X"
    words = _WORDS.findall(text[phrase[-1].end - offset : start])
    return len(words) <= _TITLE_MAX_WORDS and all(
        word[0].isupper() or word.lower() in _ORGANISATION_TITLE_WORDS for word in words
    )


def _holds_a_state_title_too(
    text: str, title_start: int, offset: int, actors: list[ActorMention]
) -> bool:
    """ "Prime Minister of Belgium, the current President of the Council, X": a state's
    title before the organisation's, in the same apposition."""
    earlier = _earlier_title(text, title_start)
    if earlier is None or not _TITLE_WORD.search(text, *earlier):
        return False
    return any(not a.is_igo for a in actors if earlier[0] <= a.start - offset < earlier[1])


def _earlier_title(text: str, title_start: int) -> tuple[int, int] | None:
    """Where the phrase before the comma ending just before `title_start` stands: at most
    80 characters back, not past another comma or a semicolon ("X, the current President")."""
    comma = text.rfind(",", 0, title_start)
    if comma < 0 or not _TITLE_AFTER_COMMA.fullmatch(text, comma + 1, title_start):
        return None
    start = max(comma - 80, text.rfind(",", 0, comma) + 1, text.rfind(";", 0, comma) + 1)
    return (start, comma) if start < comma else None


_TITLE_AFTER_COMMA = re.compile(r"\s*(?:the\s+)?(?:current\s+|also\s+|now\s+)?")
_WORDS = re.compile(r"[\w’']+")
_TITLE_MAX_WORDS = 6
# The lower-case words of an organisation official's title, as news writes it.
_ORGANISATION_TITLE_WORDS = frozenset(
    ("'s", "’s", "s", "the", "of", "for", "and", "top", "chief", "head", "deputy", "vice")
    + ("foreign", "policy", "affairs", "security", "trade", "economic", "humanitarian")
    + ("diplomat", "envoy", "commissioner", "representative", "high", "special", "secretary")
    + ("general", "president", "chair", "chairman", "chairwoman", "director", "negotiator")
    + ("spokesperson", "spokesman", "spokeswoman", "ambassador", "official", "coordinator")
)


def _names_organisation(
    title_start: int, name_start: int, offset: int, actors: list[ActorMention]
) -> bool:
    """Whether the title's own words name an international organisation, not a state."""
    inside = [a for a in actors if title_start <= a.start - offset < name_start]
    return bool(inside) and inside[0].is_igo


def _title_owner(head: str, offset: int, actors: list[ActorMention]) -> str | None:
    """Whose title follows `head`: "international" after an IGO's name, "other" after an
    acronym that names no state; None for a state's title (or no name before it)."""
    owners = [
        a
        for a in actors
        if 0 <= a.end - offset <= len(head) and _OWNER_GAP.match(head[a.end - offset :])
    ]
    if owners:
        return "international" if owners[-1].is_igo else None
    return "other" if _ACRONYM_BEFORE.search(head) else None


def _of_the_past(role: str, text: str, title_start: int, name_end: int) -> bool:
    """Whether the text marks the title as one held before, not at the time of writing."""
    window = text[max(0, title_start - 60) : title_start]
    return bool(
        role.lower().startswith("former")
        or _PAST_BEFORE.search(window)
        or _PAST_AFTER.match(text[name_end:])
    )


def _current_holder(holders: list[Holder]) -> Holder | None:
    if not holders:
        return None
    countries = {h.country for h in holders}
    # A name shared by people of several states resolves to none of them.
    return max(holders, key=lambda h: h.term.end) if len(countries) == 1 else None


def _country_near(
    text: str, start: int, end: int, offset: int, actors: list[ActorMention]
) -> str | None:
    """The state named in the person's own phrase: "Cambodian Prime Minister X",
    "South Korea's Foreign Minister X", "Secretary of Turkish Defence Industries X",
    "X of South Korea's National Security Office"."""
    # "Sheikh Tamim of Qatar": a state right after the name is the person's own
    of_after = _OF_COUNTRY_AFTER.match(text[end:])
    if of_after:
        tail_start = end + of_after.end()
        after = [a for a in actors if a.start - offset == tail_start and not a.is_igo]
        if after:
            return after[0].code
    title_after = _TITLE_AFTER.match(text[end:])
    if title_after:  # "X, Minister of Defence of Mongolia"
        title_end = end + title_after.end()
        for actor in actors:
            begin = actor.start - offset
            within = end <= begin <= title_end + 40 and not actor.is_igo
            if within and _OF_BEFORE.search(text[end:begin]):
                return actor.code
    before = [a for a in _in_own_phrase(text, start, offset, actors) if not a.is_igo]
    if before:
        return before[-1].code
    return None


def _in_own_phrase(
    text: str, start: int, offset: int, actors: list[ActorMention]
) -> list[ActorMention]:
    """The actors named in the phrase that ends with the name at `start`: not across a list,
    a clause or a verb ("Russia and Iran are responsible for backing X": X is no Iranian)."""
    head_from = _phrase_start(text, start)
    # "ambassador to China", "envoy for Yemen": where the post is, not whose it is
    return [
        a
        for a in actors
        if head_from <= a.start - offset < start
        and not _POSTED_TO.search(text, head_from, a.start - offset)
    ]


def _phrase_start(text: str, start: int) -> int:
    """Where the phrase that ends with the name at `start` begins."""
    phrase_start = max(0, start - _PHRASE_REACH)
    head = text[phrase_start:start].rstrip()
    head = head.removesuffix(",")  # "the Bolivian Foreign Minister, Karen Longaric"
    cut = max(head.rfind(word) for word in _PHRASE_ENDS)
    return phrase_start + (cut + 1 if cut >= 0 else 0)


_POSTED_TO = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$")
