"""Triggers: the words that make an event of a kind (data/<lang>/frames.toml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...errors import CommuniqueError
from ...language.native import Token
from ...schema import STATUSES, kinds


@dataclass(frozen=True)
class Frame:
    name: str
    kind: str
    lemmas: frozenset[str]
    near: frozenset[str] = frozenset()
    not_near: frozenset[str] = frozenset()
    window: int = 4
    subject_is: str = "source"
    place_is: str | None = None
    implied: str | None = None
    status: str | None = None
    sectors: tuple[str, ...] = ()
    confidence: float = 0.6

    def fits(self, tokens: list[Token], i: int) -> bool:
        """Whether the trigger at `tokens[i]` has the words around it that the frame asks:
        a lemma there, or a word written there that the analyzer cut up ("K9" as K + 9)."""
        others = [
            t for t in tokens[max(0, i - self.window) : i + self.window + 1] if t is not tokens[i]
        ]
        lemmas = {t.lemma for t in others}
        # Spaced and unspaced: "전차" read as 전 + 차, "tàu chiến" as one word with a space.
        text = " ".join(t.text for t in others) + "\n" + "".join(t.text for t in others)
        if self.near and not _found(self.near, lemmas, text):
            return False
        return not _found(self.not_near, lemmas, text)


def _found(words: frozenset[str], lemmas: set[str], text: str) -> bool:
    return bool(words & lemmas) or any(w in text for w in words if len(w) > 1)


@dataclass(frozen=True)
class Trigger:
    frame: Frame
    index: int  # of the token in its sentence's tokens
    token: Token = field(compare=False)


class Frames:
    def __init__(self, table: dict[str, Any]) -> None:
        self.frames = [_frame(entry) for entry in table["frame"]]
        self.by_lemma: dict[str, list[Frame]] = {}
        for frame in self.frames:
            for lemma in frame.lemmas:
                self.by_lemma.setdefault(lemma, []).append(frame)

    def find(self, tokens: list[Token]) -> list[Trigger]:
        """The triggers of a sentence: each token with the first frame of its lemma that fits.

        A trigger word the analyzer cut in two (양도 read as 양 + 도) is found too: two
        tokens written together whose texts make a trigger lemma are one trigger."""
        found = []
        for i, token in enumerate(tokens):
            word = _joined(tokens, i) if token.lemma not in self.by_lemma else token
            frame = next((f for f in self.by_lemma.get(word.lemma, []) if f.fits(tokens, i)), None)
            if frame is not None:
                found.append(Trigger(frame, i, word))
        return found


def _joined(tokens: list[Token], i: int) -> Token:
    """The token and the next one as one word, when nothing stands between them."""
    token = tokens[i]
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is None or after.start != token.end or token.pos == "PUNCT" or after.pos == "PUNCT":
        return token
    text = token.text + after.text
    return Token(text, text, "NOUN", token.start, after.end)


def _frame(entry: dict[str, Any]) -> Frame:
    name = entry.get("name", "?")
    if entry.get("kind") not in kinds():
        raise CommuniqueError(f"frame {name!r}: kind {entry.get('kind')!r} is not in kinds.csv")
    if entry.get("status") not in (None, *STATUSES):
        raise CommuniqueError(f"frame {name!r}: unknown status {entry['status']!r}")
    return Frame(
        name=name,
        kind=entry["kind"],
        lemmas=frozenset(entry["lemmas"]),
        near=frozenset(entry.get("near", [])),
        not_near=frozenset(entry.get("not_near", [])),
        window=entry.get("window", 4),
        subject_is=entry.get("subject_is", "source"),
        place_is=entry.get("place_is"),
        implied=entry.get("implied"),
        status=entry.get("status"),
        sectors=tuple(entry.get("sectors", [])),
        confidence=entry.get("confidence", 0.6),
    )
