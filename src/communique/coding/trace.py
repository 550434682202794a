"""Why the coder made, or did not make, an event of each trigger it found (`explain`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .roles import Party

# Why a trigger made no event, in the words `communique explain --rejected` prints.
TOPIC = "a topic, not a happening (a plural event noun no verb makes happen)"
CONDITION = (
    "inside a condition ('if', 'unless', 'whether'), averted ('to avoid a clash') or only"
    " supposed ('I would expect')"
)
GOVERNED = "governed by another trigger's verb (which sets its kind, or is the same happening)"
OVERLAPPED = "overlapped by a more specific trigger, or the content of a pledge"
NO_PAIR = "the parse ties no two states to it"
EVENT = "event"


@dataclass
class TraceRecord:
    """One trigger of one sentence: its rule, the parties the parse gave it, the outcome."""

    sentence: str
    sentence_start: int
    trigger: str
    rule: str
    kind: str
    outcome: str
    parties: list[Party] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def made_events(self) -> bool:
        return self.outcome == EVENT


@dataclass
class Trace:
    """The records of one article, filled in by `Coder` when it is given one."""

    records: list[TraceRecord] = field(default_factory=list)

    def events(self) -> list[TraceRecord]:
        return [r for r in self.records if r.made_events]

    def rejected(self) -> list[TraceRecord]:
        return [r for r in self.records if not r.made_events]
