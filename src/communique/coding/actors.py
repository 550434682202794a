"""Find countries and international organisations in text.

The knowledge is `data/countries.jsonl` and `data/igos.jsonl`: names, old and new names,
demonyms and capitals, each resolving to an ISO alpha-3 code or `IGO:<ACRONYM>`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    code: str
    via: str  # "name", "demonym" or "capital"

    @property
    def is_igo(self) -> bool:
        return self.code.startswith("IGO:")


@dataclass(frozen=True)
class ActorInfo:
    code: str
    name: str


class Gazetteer:
    """Every surface form of every actor, compiled into two regular expressions."""

    def __init__(self, files: list[Path], not_actors: Path | None = None) -> None:
        self.actors: dict[str, ActorInfo] = {}
        self.forms: dict[str, tuple[str, str]] = {}  # surface form (folded case) -> code, via
        exact: list[str] = []
        loose: list[str] = []
        for path in files:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    self._add(json.loads(line), exact, loose)
        for phrase in _phrases(not_actors):
            self.forms[phrase.casefold()] = ("", "not_actor")
            loose.append(phrase)
        self._exact = _alternation(exact, flags=0)
        self._loose = _alternation(loose, flags=re.IGNORECASE)

    def _add(self, entry: dict[str, list[str] | str], exact: list[str], loose: list[str]) -> None:
        code = str(entry["code"])
        self.actors[code] = ActorInfo(code, str(entry["name"]))
        case_sensitive = set(entry.get("case_sensitive", []))
        for via, key in (("name", "names"), ("demonym", "demonyms"), ("capital", "capitals")):
            for form in entry.get(key, []):
                self.forms.setdefault(
                    form if form in case_sensitive else form.casefold(), (code, via)
                )
                (exact if form in case_sensitive else loose).append(form)

    def find(self, text: str) -> list[ActorMention]:
        """Non-overlapping mentions in `text`, longest first, in order of position."""
        found: list[ActorMention] = []
        for pattern, exact in ((self._exact, True), (self._loose, False)):
            if pattern is None:
                continue
            for match in pattern.finditer(text):
                form = match.group(0)
                code, via = self.forms[form if exact else form.casefold()]
                found.append(ActorMention(match.start(), match.end(), form, code, via))
        return [m for m in _without_overlaps(found) if m.code]

    def name(self, code: str) -> str:
        info = self.actors.get(code)
        return info.name if info else code


def _phrases(path: Path | None) -> list[str]:
    if path is None:
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _alternation(forms: list[str], flags: int) -> re.Pattern[str] | None:
    if not forms:
        return None
    ordered = sorted(set(forms), key=len, reverse=True)
    body = "|".join(re.escape(form) for form in ordered)
    # A letter or digit on either side means we are inside a longer word. Hyphens are
    # boundaries ("US-China", "Korea-Cambodia"); longer forms such as "Guinea-Bissau" win
    # because the alternation tries longer forms first.
    # A form that ends in a symbol ("US$") needs no boundary after it.
    return re.compile(rf"(?<![\w.])(?:{body})(?:(?<!\w)|(?!\w))", flags)


def _without_overlaps(mentions: list[ActorMention]) -> list[ActorMention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[ActorMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
