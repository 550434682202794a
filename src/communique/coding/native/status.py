"""What the sentence says happened to an event (data/<lang>/status.toml)."""

from __future__ import annotations

import re
from typing import Any


class StatusCues:
    def __init__(self, table: dict[str, Any]) -> None:
        self.precedence: list[str] = table["precedence"]
        self.after_chars: int = table.get("after_chars", 30)
        self.before_chars: int = table.get("before_chars", 0)
        self.clause_break = re.compile(table.get("clause_break", r"[.;!?]"))
        self.cues = {
            status: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
            for status, patterns in table["cues"].items()
        }

    def status(self, sentence: str, start: int, end: int) -> str | None:
        """The status cued around the trigger at `start:end` of `sentence`, or None: no cue
        (the event occurred). Cues are looked for around the trigger, within its clause."""
        before = sentence[max(0, start - self.before_chars) : start]
        before = self.clause_break.split(before)[-1]
        after = sentence[end : end + self.after_chars]
        after = self.clause_break.split(after)[0]
        window = before + sentence[start:end] + after
        # A cue that starts where the trigger does is the trigger's own word: "거부" (reject)
        # is no negation of itself, where the "-ma-" inside "imzalamadı" negates.
        own = len(before)
        return next(
            (
                s
                for s in self.precedence
                if any(m.start() != own for m in self.cues[s].finditer(window))
            ),
            None,
        )
