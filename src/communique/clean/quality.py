"""A quality score in [0, 1] from the flags and the length of the text."""

from __future__ import annotations

from .rules import QualityRules

# Weight for a flag the data file does not list.
DEFAULT_WEIGHT = 0.1


def score(flags: list[str], text: str, rules: QualityRules) -> float:
    """1.0 minus each flag's weight, minus a penalty for very short text; clamped to [0, 1]."""
    value = 1.0 - sum(rules.weights.get(flag, DEFAULT_WEIGHT) for flag in set(flags))
    words = len(text.split())
    if words < rules.short_words:
        value -= rules.short_penalty * (1.0 - words / rules.short_words)
    return round(min(1.0, max(0.0, value)), 3)
