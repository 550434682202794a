"""Find countries and international organisations in text.

The knowledge is `data/countries.jsonl` and `data/igos.jsonl`: names, old and new names,
demonyms and capitals, each resolving to an ISO alpha-3 code or `IGO:<ACRONYM>`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .phrases import PhraseIndex


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
    """Every surface form of every actor, looked up word by word (see `phrases.py`)."""

    def __init__(self, files: list[Path], not_actors: Path | None = None) -> None:
        self.actors: dict[str, ActorInfo] = {}
        self.index: PhraseIndex[tuple[str, str]] = PhraseIndex()
        for path in files:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    self._add(json.loads(line))
        # Longer phrases that contain a form but name no actor ("South China Sea") win over
        # the form inside them and are then dropped.
        for phrase in _phrases(not_actors):
            self.index.add(phrase, ("", "not_actor"))

    def _add(self, entry: dict[str, list[str] | str]) -> None:
        code = str(entry["code"])
        self.actors[code] = ActorInfo(code, str(entry["name"]))
        case_sensitive = set(entry.get("case_sensitive", []))
        # A seat of government ("the Kremlin said") stands for its state as a capital does.
        forms = (("name", "names"), ("demonym", "demonyms"), ("capital", "capitals"))
        for via, key in (*forms, ("capital", "seats")):
            for form in entry.get(key, []):
                self.index.add(form, (code, via), case_sensitive=form in case_sensitive)

    def find(self, text: str) -> list[ActorMention]:
        """Non-overlapping mentions in `text`, longest first, in order of position."""
        return [
            ActorMention(m.start, m.end, text[m.start : m.end], m.value[0], m.value[1])
            for m in self.index.find(text)
            if m.value[0]
        ]

    def name(self, code: str) -> str:
        info = self.actors.get(code)
        return info.name if info else code


def _phrases(path: Path | None) -> list[str]:
    if path is None:
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
