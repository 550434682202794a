"""Which role an actor's phrase plays in its sentence, from the marker that closes it: a
Korean particle after it ("베트남 국방부 장관과" -> partner), a preposition before it, or, with
no marker, where it stands relative to the trigger (data/<lang>/roles.toml)."""

from __future__ import annotations

from typing import Any

from ...language.native import Token

TOPIC, SUBJECT, OBJECT, PARTNER, GOAL, OWNER, PLACE, NONE = (
    "topic", "subject", "object", "partner", "goal", "owner", "place", "none",
)  # fmt: skip


class RoleMarkers:
    def __init__(self, table: dict[str, Any]) -> None:
        self.side: str = table.get("marker_side", "after")
        self.skip = set(table.get("skip", []))
        self.after_tokens: int | None = table.get("after_tokens")
        self.role_of = {w: role for role, words in table["markers"].items() for w in words}
        unmarked = table.get("unmarked", {})
        self.unmarked_before: str = unmarked.get("before", SUBJECT)
        self.unmarked_after: str = unmarked.get("after", OBJECT)
        self.unmarked_reach: str = unmarked.get("reach", "sentence")
        self.phrase_tokens: int | None = table.get("phrase_tokens")

    @property
    def particles(self) -> set[str]:
        return set(self.role_of)

    def role(self, start: int, end: int, tokens: list[Token], trigger: Token) -> str:
        """The role of the phrase at `start:end` for the event `trigger` makes."""
        marker, reaches_trigger = self._marker(start, end, tokens, trigger)
        if marker is not None:
            return marker
        if end > trigger.start:
            return self.unmarked_after
        if self.unmarked_reach == "phrase" and not reaches_trigger:
            return NONE  # "WTO 협정상 ...": a modifier of another noun, no party
        return self.unmarked_before

    def within_reach(self, start: int, tokens: list[Token], trigger: Token) -> bool:
        """Whether a phrase starting at `start` is near enough the trigger to be its party."""
        if start < trigger.end or self.after_tokens is None:
            return True
        return sum(trigger.end <= t.start < start for t in tokens) < self.after_tokens

    def owns_trigger(self, end: int, tokens: list[Token], trigger: Token) -> bool:
        """Whether the phrase ending at `end` is written onto the trigger noun: only its
        marker and at most one more noun stand between ("일본의 수출 규제"). Where the marker
        comes first, the phrase stands right before the trigger ("của Trung Quốc cắt")."""
        between = [t for t in tokens if end <= t.start < trigger.start]
        if self.side == "before":
            return end <= trigger.start and not between
        return (
            1 <= len(between) <= 2
            and between[0].text in self.role_of
            and all(t.pos in self.skip for t in between[1:])
        )

    def _marker(
        self, start: int, end: int, tokens: list[Token], trigger: Token
    ) -> tuple[str | None, bool]:
        """The role the marker closing the phrase gives, and whether the phrase runs on
        into the trigger itself ("한·베 국방장관 회담") with no marker."""
        if self.side == "after":
            ahead = [t for t in tokens if t.start >= end]
        else:
            ahead = [t for t in reversed(tokens) if t.end <= start]
        for walked, token in enumerate(ahead):
            if token.text in self.role_of and token.pos not in self.skip:
                return self.role_of[token.text], False
            if token.start == trigger.start:
                return None, True
            if token.pos not in self.skip or walked == self.phrase_tokens:
                return None, False
        return None, False
