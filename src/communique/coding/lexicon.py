"""The coder's knowledge files: trigger rules, status cues and sector words.

Each is a TOML file in `data/` that an analyst can read and extend without reading Python.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..schema import kinds


@dataclass(frozen=True)
class TriggerRule:
    name: str
    kind: str
    pattern: re.Pattern[str]
    confidence: float
    subject_is_target: bool = False
    generic_plural: bool = False
    target_required_after: bool = False
    reciprocal: bool = False


@dataclass(frozen=True)
class TriggerMatch:
    rule: TriggerRule
    start: int
    end: int
    text: str


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


class TriggerRules:
    def __init__(self, path: Path) -> None:
        known = kinds()
        self.rules: list[TriggerRule] = []
        for entry in _read(path)["rule"]:
            if entry["kind"] not in known:
                raise ValueError(f"{path}: rule {entry['name']} names unknown kind {entry['kind']}")
            self.rules.append(
                TriggerRule(
                    name=entry["name"],
                    kind=entry["kind"],
                    pattern=_compile(entry["pattern"]),
                    confidence=float(entry.get("confidence", 0.6)),
                    subject_is_target=entry.get("subject_is", "source") == "target",
                    generic_plural=bool(entry.get("generic_plural", False)),
                    target_required_after=bool(entry.get("target_required_after", False)),
                    reciprocal=bool(entry.get("reciprocal", False)),
                )
            )
        # One cheap scan decides whether a sentence can hold any event at all.
        self.any_trigger = re.compile(
            "|".join(f"(?:{r.pattern.pattern})" for r in self.rules), re.IGNORECASE
        )

    def matches(self, text: str) -> list[TriggerMatch]:
        if not self.any_trigger.search(text):
            return []  # most sentences hold no trigger: one scan instead of one per rule
        found = []
        for rule in self.rules:
            for match in rule.pattern.finditer(text):
                found.append(TriggerMatch(rule, match.start(), match.end(), match.group(0)))
        return found


class StatusCues:
    def __init__(self, path: Path) -> None:
        data = _read(path)
        self.precedence: list[str] = data["precedence"]
        self.agreement_is_the_act = set(data["agreement_is_the_act"])
        self.cues = {
            status: [_compile(p) for p in patterns] for status, patterns in data["cues"].items()
        }

    def status_of(self, window: str) -> tuple[str, bool]:
        """The status a clause expresses, and whether an explicit cue said so."""
        for status in self.precedence:
            if any(p.search(window) for p in self.cues[status]):
                return status, True
        return "occurred", False

    def status_after(self, tail: str) -> str | None:
        """Cues that follow the event ("..., which is set to begin", "was postponed")."""
        for status in ("negated", "planned"):
            if any(p.search(tail) for p in self.cues[status]):
                return status
        return None


class SectorLexicon:
    def __init__(self, path: Path) -> None:
        data = _read(path)
        self.diplomatic_kinds = set(data["diplomatic_kinds"])
        self.elaborated_kinds = set(data["elaborated_kinds"])
        self.words = {sector: _compile(p) for sector, p in data["words"].items()}
        self.ignore = _compile("|".join(f"(?:{p})" for p in data["ignore"]))

    def sectors_in(self, text: str) -> list[str]:
        masked = self.ignore.sub(lambda m: " " * len(m.group(0)), text)
        return [sector for sector, pattern in self.words.items() if pattern.search(masked)]
