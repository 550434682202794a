"""Who held which office when: people to countries, bounds for undated articles, and title
checks. The knowledge is the CSV table in `data/office_holders/` (one file per country)."""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .dates import DateValue, parse_iso
from .text_utils import fold

# Title words in running text and the office they name.
TITLE_OFFICES = {
    "president": ("head_of_state", "head_of_government"),
    "king": ("head_of_state",),
    "queen": ("head_of_state",),
    "emperor": ("head_of_state",),
    "prime minister": ("head_of_government",),
    "premier": ("head_of_government",),
    "chancellor": ("head_of_government",),
    "general secretary": ("party_leader",),
    "foreign minister": ("foreign_minister",),
    "minister for foreign affairs": ("foreign_minister",),
    "external affairs minister": ("foreign_minister",),
    "minister of external affairs": ("foreign_minister",),
    "minister for defence": ("defence_minister",),
    "secretary of national defense": ("defence_minister",),
    "sultan": ("head_of_state",),
    "minister of foreign affairs": ("foreign_minister",),
    "secretary of state": ("foreign_minister",),
    "foreign secretary": ("foreign_minister",),
    "defence minister": ("defence_minister",),
    "defense minister": ("defence_minister",),
    "minister of national defence": ("defence_minister",),
    "minister of national defense": ("defence_minister",),
    "minister of defence": ("defence_minister",),
    "minister of defense": ("defence_minister",),
    "secretary of defense": ("defence_minister",),
    "defence secretary": ("defence_minister",),
}


_LEADER_OFFICES = {"head_of_state", "head_of_government", "party_leader"}
# Surnames that are also everyday English words or very common names are never matched alone.
_ORDINARY_WORDS = {
    "may", "king", "brown", "young", "long", "rich", "law", "bush", "rose", "hill", "ward",
    "wood", "church", "banks", "case", "cash", "stone", "love", "hope", "price", "white",
    "black", "green", "gray", "grey", "baker", "walker", "smith", "johnson", "jones", "martin",
    # Also a place, a company, a nationality or a given name in the news.
    "montenegro", "costa", "meta", "michel", "philippe", "pavel", "michal", "song", "sang",
    "quang", "marin", "conte", "sein", "kyaw", "myint", "seguro", "magyar", "sousa", "ivanov",
    "novikov", "novák", "harper", "abbott", "morrison", "carney", "frieden", "duda", "fico",
}  # fmt: skip


@dataclass(frozen=True)
class Holder:
    """One person in one office of one state. `term` spans all their listed terms (with no
    known start for an office's first listed holder); `terms` are the listed terms
    themselves, each as the table gives it (a gap between two of them is a gap)."""

    country: str
    office: str
    title: str
    name: str
    term: DateValue
    terms: tuple[DateValue, ...] = ()

    @property
    def surname_keys(self) -> set[str]:
        """Ways news refers to a holder by one name: first token (East Asian order) or last."""
        parts = fold(self.name).split()
        return {parts[0], parts[-1]} if len(parts) > 1 else set(parts)


class OfficeHolders:
    """The office-holder table, indexed by folded name and by surname.

    One Holder is one person in one office of one state: its term covers every row of theirs
    (two non-consecutive terms, an acting spell then a full one), so a title is judged against
    all the times they held it. The table begins where each office's first listed holder does:
    that holder may have held it before too, so their term has no known start.
    """

    def __init__(self, folder: Path) -> None:
        self.holders: list[Holder] = []
        self.by_name: dict[str, list[Holder]] = defaultdict(list)
        self.by_surname: dict[str, list[Holder]] = defaultdict(list)
        self._titles: dict[str, str] = {}
        for path in sorted(folder.glob("*.csv")):
            self._load(path)

    def _load(self, path: Path) -> None:
        with path.open(encoding="utf-8") as handle:
            rows = [row for row in csv.DictReader(handle) if parse_iso(row["start"].strip())]
        for person_rows in _by_person(rows):
            holder = _holder(person_rows, first_of_office=_starts_office(person_rows, rows))
            self.holders.append(holder)
            names = {name for row in person_rows for name in _names(row)}
            for name in sorted(names):
                self.by_name[fold(name)].append(holder)
            for key in holder.surname_keys:
                self.by_surname[key].append(holder)
        for row in rows:
            self._titles[fold(row["title"]).removeprefix("acting ")] = row["office"]

    @property
    def known_until(self) -> date:
        """The last day the table speaks of: a term it lists as still running is known to run
        until then, and no later."""
        days = [d for h in self.holders for t in h.terms for d in (t.start, t.end)]
        return max(d for d in days if d < date.max)

    def leader_surnames(self) -> dict[str, Holder]:
        """Surnames news uses alone for a head of state or government ("Putin", "Macron"),
        when only one leader in the table carries them and they are not ordinary words."""
        found: dict[str, list[Holder]] = defaultdict(list)
        for holder in self.holders:
            # "Bashar al-Assad" is "Assad" alone, "Abdel Fattah el-Sisi" "Sisi"
            surname = _ARABIC_ARTICLE.sub("", holder.name.split()[-1])
            if len(holder.name.split()) > 1 and len(surname) >= 4 and surname[0].isupper():
                # "Erdoğan" is often written "Erdogan"
                for form in {surname, _without_accents(surname)}:
                    found[form].append(holder)
        return {
            surname: holders[-1]
            for surname, holders in found.items()
            if len({h.name for h in holders}) == 1
            and all(h.office in _LEADER_OFFICES for h in holders)
            and surname.lower() not in _ORDINARY_WORDS
        }

    def offices_named(self, title: str | None) -> tuple[str, ...]:
        """The offices a title names, the usual words ("Foreign Minister") or a title the table
        itself gives a holder ("Chief Adviser", "Minister of the Armed Forces")."""
        usual = offices_for_title(title)
        if usual or not title:
            return usual
        listed = self._titles.get(fold(title).removeprefix("acting "))
        return (listed,) if listed else ()

    def names(self) -> list[str]:
        """Every full name and alias, for building a matcher."""
        return sorted(self.by_name)

    def lookup(self, name: str, title: str | None = None) -> list[Holder]:
        """Holders with this full name (or, for a single word with a title, this surname)."""
        key = fold(name)
        # A holder listed under a name and its ASCII alias is still one holder.
        found = list(dict.fromkeys(self.by_name.get(key, [])))
        spelled_otherwise = False
        if not found and title and " " not in key:
            found = list(dict.fromkeys(self.by_surname.get(key, [])))
        elif not found and title:
            # "Defence Minister Rajanth Singh", "Foreign Minister Sergey Lavrov": a first name
            # spelled otherwise, with the surname and the office the table gives
            found = self._same_surname_and_initial(key)
            spelled_otherwise = True
        offices = self.offices_named(title)
        if not offices:
            return [] if spelled_otherwise else found
        # "President" is first the head of state, and the head of government only where
        # the head of state is someone else: try the offices in the title's order.
        for office in offices:
            holding = [h for h in found if h.office == office]
            if holding:
                return holding
        return found if " " in key and not spelled_otherwise else []

    def _same_surname_and_initial(self, key: str) -> list[Holder]:
        """Holders whose name has as many words, the same surname and a first name that
        begins the same ("Rajanth Singh": "Rajnath Singh"; not "Armando Tito da Costa")."""
        parts = key.split()
        return [
            holder
            for holder, theirs in (
                (h, fold(h.name).split()) for h in dict.fromkeys(self.by_surname.get(parts[-1], []))
            )
            if len(theirs) == len(parts)
            and theirs[-1] == parts[-1]
            and theirs[0][:3] == parts[0][:3]
        ]


_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|ul)-")


# A title that names the holder's deputy or stand-in, not the holder: "Vice President",
# "Deputy Prime Minister", "Shadow Foreign Secretary".
_NOT_THE_HOLDER = re.compile(r"^(?:vice|deputy|first deputy|assistant|under|shadow|associate)\b")


@functools.lru_cache(maxsize=2048)  # a few hundred titles, asked for each name beside them
def offices_for_title(title: str | None) -> tuple[str, ...]:
    """The offices a title in running text names: "Japanese Foreign Minister", "Prime Minister
    of the Kingdom of Belgium"; none for a deputy's title."""
    if not title:
        return ()
    folded = fold(title)
    if _NOT_THE_HOLDER.match(folded):
        return ()
    for words in sorted(TITLE_OFFICES, key=len, reverse=True):
        if re.search(rf"(?:^|\s){re.escape(words)}(?: of .*)?$", folded):
            return TITLE_OFFICES[words]
    return ()


def _by_person(rows: list[dict[str, str]]) -> list[list[dict[str, str]]]:
    """The rows of each person in each office, in the order the table first lists them."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in rows:
        groups.setdefault((row["country"], row["office"], row["name"]), []).append(row)
    return list(groups.values())


def _starts_office(person_rows: list[dict[str, str]], rows: list[dict[str, str]]) -> bool:
    """Whether this person's first term is the earliest the table lists for the office."""
    office = person_rows[0]["office"]
    first = min(_start(row) for row in rows if row["office"] == office)
    return min(_start(row) for row in person_rows) == first


def _holder(rows: list[dict[str, str]], first_of_office: bool) -> Holder:
    start = date.min if first_of_office else min(_start(row) for row in rows)
    end = max(_end(row) for row in rows)
    latest = max(rows, key=_start)
    terms = tuple(sorted((DateValue.between(_start(r), _end(r)) for r in rows), key=_first_day))
    return Holder(
        latest["country"],
        latest["office"],
        latest["title"],
        latest["name"],
        DateValue.between(start, end),
        terms,
    )


def _start(row: dict[str, str]) -> date:
    value = parse_iso(row["start"].strip())
    assert value is not None  # rows without a start are dropped when read
    return value.start


def _end(row: dict[str, str]) -> date:
    """The last day of the term; a term with no end is still running as far as the table knows."""
    value = parse_iso((row.get("end") or "").strip())
    return value.end if value else date.max


def _first_day(value: DateValue) -> date:
    return value.start


def _names(row: dict[str, str]) -> list[str]:
    return [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]


def bound_by_terms(terms: list[DateValue]) -> DateValue | None:
    """The interval in which every listed term held at once; None if they never overlapped."""
    bound: DateValue | None = None
    for term in terms:
        bound = term if bound is None else bound.intersect(term)
        if bound is None:
            return None
    return bound


def _without_accents(word: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
    ).replace("ı", "i")
