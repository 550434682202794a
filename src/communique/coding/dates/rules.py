"""What a rule is: a pattern, the handler that reads its matches, and the words that wake it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from .values import Anchor, DateValue
from .words import norm


@dataclass(frozen=True)
class Context:
    """What a handler reads a match against; `clip` keeps "this year" inside an interval
    anchor."""

    text: str
    anchor: Anchor | None
    clip: bool


class Hit(NamedTuple):
    """What a match means: its value, its kind, and the length in days of a duration."""

    value: DateValue | None
    kind: str
    days: int | None = None


Handler = Callable[[re.Match[str], Context], Hit | None]


@dataclass(frozen=True)
class Rule:
    """A pattern and what its matches mean. Group `x`, when present, is the expression
    itself; the rest of the match (a preposition such as "in") only licenses it. Every match
    contains one of the `triggers` (lower-case words, or `#year` / `#tens` for numbers) and
    reaches at most `before` / `after` characters beyond it, so the pattern runs only there."""

    pattern: re.Pattern[str]
    handler: Handler
    triggers: frozenset[str]
    before: int
    after: int

    @property
    def has_core(self) -> bool:
        return "x" in self.pattern.groupindex


_PREPOSITION_BEFORE = re.compile(
    r"(?i)(?<!\w)(in|on|at|since|by|from|until|till|before|after|of|during|through|throughout|"
    r"between|for|to|around|circa|as\s+of)\s+$"
)


def preposition_before(text: str, start: int) -> str | None:
    before = _PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
    return norm(before.group(1)) if before else None
