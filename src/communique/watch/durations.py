"""Durations as people type them: 30s, 15m, 1h, 1h30m, 0s, or plain seconds."""

from __future__ import annotations

import re

from ..errors import CommuniqueError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")


def parse_duration(typed: str) -> float:
    """Seconds in `typed`; a duration that cannot be read is a CommuniqueError naming it."""
    text = typed.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if not text or _PART.sub("", text):
        raise CommuniqueError(f"{typed!r}: not a duration (such as 30s, 15m, 1h or 1h30m)")
    return sum(float(number) * _UNITS[unit] for number, unit in _PART.findall(text))
