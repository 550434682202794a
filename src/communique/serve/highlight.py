"""Split an article's clean text into runs, each knowing which events' evidence covers it.

The page renders each run as escaped text, wrapped in a `<mark>` when evidence covers it, so
overlapping evidence (two events coded from one sentence) needs no nested markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Run:
    text: str
    events: list[int] = field(default_factory=list)


def evidence_span(text: str, evidence: dict[str, Any] | None) -> tuple[int, int] | None:
    """Where an event's evidence lies in the text: its offsets, or else where its words are.

    Offsets can go stale (a database coded by an older cleaner); finding the quoted words
    still shows the right sentence, and evidence found nowhere is left unmarked.
    """
    if not evidence:
        return None
    start, end, quoted = evidence.get("start"), evidence.get("end"), evidence.get("text") or ""
    offsets = (start, end) if isinstance(start, int) and isinstance(end, int) else None
    fits = offsets is not None and 0 <= offsets[0] < offsets[1] <= len(text)
    if offsets and fits and (not quoted or text[offsets[0] : offsets[1]].strip() == quoted.strip()):
        return offsets
    if quoted.strip():
        found = text.find(quoted.strip())
        if found >= 0:
            return found, found + len(quoted.strip())
    return None


def runs(text: str, spans: list[tuple[int, int] | None]) -> list[Run]:
    """The text cut at every span boundary; `spans[i]` is the evidence of event i (or None)."""
    cuts = {0, len(text)}
    for span in spans:
        if span:
            cuts.update(span)
    bounds = sorted(cuts)
    pieces = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        covering = [
            i for i, span in enumerate(spans) if span and span[0] <= start and end <= span[1]
        ]
        pieces.append(Run(text[start:end], covering))
    return _merged(pieces)


def _merged(pieces: list[Run]) -> list[Run]:
    """Neighbouring runs covered by the same events become one, so marks stay whole."""
    merged: list[Run] = []
    for piece in pieces:
        if merged and merged[-1].events == piece.events:
            merged[-1].text += piece.text
        elif piece.text:
            merged.append(piece)
    return merged
