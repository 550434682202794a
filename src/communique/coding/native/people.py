"""People in a native-language text: office holders by the names the office-holder table gives
them (its `aliases` column holds native spellings), anyone named just before an office title
("<name> <country> <ministry> <title>") or, in languages that write the title first, just
after one ("<title> <country> <name>", `titles_before`), and later short references to them
("<surname> <title>", a pronoun), which stand for the same person.
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...language.native import Token
from .actors import NAME, Mention
from .forms import FormIndex, FormMatch

_WORD = re.compile(r"\S+")
# How many tokens after a title its name may start: over a country and a ministry's words.
_TITLE_REACH = 8
# How far a state may stand from a title or a name and still be theirs.
_APPOSITION_CHARS = 60
_COMMA = re.compile(r" *, *")


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    name: str  # as the text writes the person's full name
    country: str
    role: str | None
    new: bool  # False for a short reference to someone named before


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str


class PeopleFinder:
    def __init__(self, table: dict[str, Any], particles: set[str], office_holders: Path) -> None:
        self.home: str = table["home"]
        self.titles = sorted(table.get("titles", []), key=len, reverse=True)
        self.name = re.compile(table.get("name_pattern", r"\w+"))
        self.pronouns = set(table.get("pronouns", []))
        # A title, or a pronoun, with a particle written onto it ("장관은", "총리와의").
        self.suffixes = {""} | particles | {p + "의" for p in particles}
        # A language that writes endings onto names after an apostrophe ("Fidan'ın") ends a
        # name where a word ends: "Filipinler" is no King Filip.
        whole = table.get("person_boundary", "any") == "word"
        self.known: FormIndex[tuple[str, str]] = FormIndex(whole_words=whole)
        for name, country, title in _office_holder_names(office_holders):
            self.known.add(name, (country, title))
        self.titles_before: FormIndex[str] = FormIndex(whole_words=False, case_sensitive=True)
        for title in table.get("titles_before", []):
            self.titles_before.add(title, title)

    def find(self, text: str, tokens: list[Token], actors: list[Mention]) -> list[PersonMention]:
        """People in order of position: first mentions (new) and references back to them."""
        found: list[PersonMention] = []
        for m in self.known.find(text):
            glossed = found and text[found[-1].end : m.start].strip() == "("
            if not glossed:  # "판 반 장(Phan Van Giang)": one person, written twice
                found.append(PersonMention(m.start, m.end, m.text, m.value[0], m.value[1], True))
        proper = {t.start for t in tokens if t.pos == "PROPN"}
        for match in self.titles_before.find(text):
            person = self._after_title(text, match, found, actors, tokens)
            if person is not None:
                found.append(person)
        pronouns = {t.start: t for t in tokens if t.pos == "PRON"}
        words = [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        for i, word in enumerate(words):
            title = self._title(word.text)
            if title is not None:
                person = self._before_title(words, i, title, found, actors, proper)
                if person is not None:
                    found.append(person)
            elif word.start in pronouns and self._bare(word.text, self.pronouns):
                earlier = [p for p in found if p.end <= word.start]
                if earlier:  # the pronoun alone, not its particle: that gives its role
                    pronoun = pronouns[word.start]
                    last = max(earlier, key=lambda p: p.start)
                    found.append(_refer(_Word(pronoun.start, pronoun.end, pronoun.text), last))
        return sorted(set(found), key=lambda p: p.start)

    def _title(self, word: str) -> str | None:
        return next((t for t in self.titles if self._bare(word, {t})), None)

    def _bare(self, word: str, stems: set[str]) -> bool:
        return any(word.startswith(s) and word[len(s) :] in self.suffixes for s in stems)

    def _before_title(
        self,
        words: list[_Word],
        i: int,
        title: str,
        found: list[PersonMention],
        actors: list[Mention],
        proper: set[int],
    ) -> PersonMention | None:
        """The person a title at `words[i]` belongs to: a new name, or a reference."""
        country, j = None, i - 1
        while j >= 0 and i - j <= 3:  # over the country and a ministry: "베트남 국방부 장관"
            actor = _covering(actors, words[j])
            if actor is None:
                break
            if actor.via == NAME and len(actor.codes) == 1:
                country = actor.codes[0]
            j -= 1
        if j < 0 or any(p.start <= words[j].start < p.end for p in found):
            return None
        word = words[j]
        earlier = [p for p in found if p.new and word.text in _name_parts(p.name)]
        if earlier:
            return _refer(word, earlier[-1])
        if self.name.fullmatch(word.text) and word.start in proper:
            return PersonMention(
                word.start, word.end, word.text, country or self.home, title, new=True
            )
        return None

    def _after_title(
        self,
        text: str,
        title: FormMatch[str],
        found: list[PersonMention],
        actors: list[Mention],
        tokens: list[Token],
    ) -> PersonMention | None:
        """A new name right after a title, over the states and bodies between ("Thứ trưởng
        Bộ Quốc phòng Hàn Quốc Park Jae-Min"). Its state: the one between, else one in a
        title set after it by a comma, else one just before the title, else the home state."""
        start, country = None, None
        for token in [t for t in tokens if t.start >= title.end][:_TITLE_REACH]:
            actor = next((a for a in actors if a.start <= token.start < a.end), None)
            if actor is not None:
                country = actor.codes[0] if actor.via == NAME and len(actor.codes) == 1 else country
            elif token.pos == "PROPN":
                start = token.start
                break
            elif not (token.pos == "NOUN" and token.text[:1].isupper()):  # a body's word
                return None
        name = _capitalised(self.name.match(text, start)) if start is not None else None
        if name is None or any(p.start <= name[0] < p.end for p in found):
            return None
        earlier = [p for p in found if p.new and p.name == text[name[0] : name[1]]]
        if earlier:  # named before, with the state said then
            return _refer(_Word(name[0], name[1], earlier[0].name), earlier[0])
        country = country or self._apposed(actors, text, name[1]) or _before(actors, text, title)
        return PersonMention(
            name[0], name[1], text[name[0] : name[1]], country or self.home, title.value, True
        )

    def _apposed(self, actors: list[Mention], text: str, end: int) -> str | None:
        """The state of a title set after the name by a comma ("Park Jae-Min, Thứ trưởng Bộ
        Quốc phòng Hàn Quốc")."""
        comma = _COMMA.match(text, end)
        if comma is None:
            return None
        titles = self.titles_before.find(text[comma.end() : comma.end() + _APPOSITION_CHARS])
        if not titles or titles[0].start != 0:
            return None
        after = [a for a in _states(actors) if 0 <= a.start - end < _APPOSITION_CHARS]
        return after[0].codes[0] if after else None


def _states(actors: list[Mention]) -> list[Mention]:
    return [a for a in actors if a.via == NAME and len(a.codes) == 1]


def _before(actors: list[Mention], text: str, title: FormMatch[str]) -> str | None:
    """The state named just before a title, with only its bodies' capitalised words between
    ("ABD Dışişleri Bakanı", "Mısır Dışişleri Bakanı")."""
    for actor in reversed(_states(actors)):
        between = text[actor.end : title.start]
        if actor.end <= title.start and all(w[:1].isupper() for w in between.split()):
            return actor.codes[0]
    return None


def _capitalised(match: re.Match[str] | None) -> tuple[int, int] | None:
    """The span of the capitalised words a name match starts with, if two or more."""
    if match is None:
        return None
    words = _WORD.finditer(match.group())
    kept = list(itertools.takewhile(lambda w: w.group()[:1].isupper(), words))
    if len(kept) < 2:
        return None
    return match.start(), match.start() + kept[-1].end()


def _refer(word: _Word, person: PersonMention) -> PersonMention:
    return PersonMention(word.start, word.end, person.name, person.country, person.role, False)


def _covering(actors: list[Mention], word: _Word) -> Mention | None:
    return next((a for a in actors if a.start == word.start), None)


def _name_parts(name: str) -> set[str]:
    """How a text refers back to a named person: any word of a spaced name ("릭" for a
    Vietnamese name in Hangul), or a one-word Korean name's first syllable, its surname."""
    parts = name.split()
    return set(parts) if len(parts) > 1 else {name[:1], name}


def _office_holder_names(folder: Path) -> list[tuple[str, str, str]]:
    """(name or alias, country, title) for every row of the office-holder table."""
    found = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                names = [row["name"], *row["aliases"].split("|")]
                found += [(n.strip(), row["country"], row["title"]) for n in names if n.strip()]
    return found
