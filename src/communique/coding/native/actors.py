"""Actors in a native-language text: states by their names in that language, pairs named in
one word, "the two countries", the home state's bodies, and defence firms.

Country names come from CLDR (babel) for every language; `data/<lang>/actors.toml` adds what
CLDR lacks (see its header).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pycountry
from babel import Locale

from ...language.native import Token
from .forms import FormIndex

# How a mention names its state(s); "dyad_word" mentions take the article's main pair.
NAME, DYAD, DYAD_WORD, HOME_BODY, PERSON = "name", "dyad", "dyad_word", "home_body", "person"


@dataclass(frozen=True)
class Mention:
    """A span of text that stands for one state, or for two ("남북", "the two countries")."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    via: str


class ActorFinder:
    def __init__(self, language: str, table: dict[str, Any]) -> None:
        self.home: str = table["home"]
        self.needs_proper = set(table.get("needs_proper", []))
        # Head-first languages write a body before its state ("Bộ Quốc phòng Hàn Quốc").
        self.bodies_before_names: bool = table.get("bodies_before_names", False)
        self.index: FormIndex[tuple[tuple[str, ...], str]] = FormIndex(
            whole_words=table.get("right_boundary", "any") == "word",
            case_sensitive=table.get("case_sensitive", False),
        )
        # Listed first, so a form that CLDR also gives keeps the table's meaning.
        for form in table.get("not_actors", []):
            self.index.add(form, ((), NAME))
        for form, codes in table.get("dyads", {}).items():
            self.index.add(form, (tuple(codes), DYAD))
        self.index.add_all(table.get("dyad_words", []), ((), DYAD_WORD))
        for code, forms in table.get("names", {}).items():
            self.index.add_all(forms, ((code,), NAME))
        for code, name in cldr_names(language).items():
            self.index.add(name, ((code,), NAME))
        self.index.add_all(table.get("home_bodies", []), ((self.home,), HOME_BODY))

    def find(self, text: str, tokens: list[Token]) -> list[Mention]:
        """States named in `text`, but not a form that `needs_proper` where the analyzer did
        not read a proper noun."""
        proper = {t.start for t in tokens if t.pos == "PROPN"}
        found = [
            Mention(m.start, m.end, m.text, m.value[0], m.value[1])
            for m in self.index.find(text)
            if (m.value[0] or m.value[1] == DYAD_WORD)
            and (m.text not in self.needs_proper or m.start in proper)
        ]
        if self.bodies_before_names:
            after = [*found[1:], None]  # the mention after each, none after the last
            found = [m for m, a in zip(found, after, strict=False) if not _owned(m, a, text)]
        return found


def _owned(body: Mention, after: Mention | None, text: str) -> bool:
    """Whether a home body is the state's named right after it (a head-first language)."""
    return (
        body.via == HOME_BODY
        and after is not None
        and after.via == NAME
        and not text[body.end : after.start].strip()
    )


def drop_continuations(mentions: list[Mention], text: str) -> list[Mention]:
    """Without home bodies that only continue the name before them ("베트남 국방부 장관":
    Vietnam's ministry, not ours; "송영무 국방부 장관": the minister's own)."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        previous = kept[-1] if kept else None
        if (
            m.via == HOME_BODY
            and previous is not None
            and previous.end <= m.start
            and not text[previous.end : m.start].strip()
        ):
            continue
        kept.append(m)
    return kept


def cldr_names(language: str) -> dict[str, str]:
    """ISO alpha-3 code -> the state's name in `language`, for every state CLDR names."""
    names = {}
    for alpha2, name in Locale.parse(language).territories.items():
        country = pycountry.countries.get(alpha_2=alpha2) if len(alpha2) == 2 else None
        if country is not None:
            names[country.alpha_3] = name
    return names
