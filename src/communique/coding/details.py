"""What an event names besides its actors: the instrument signed and the partnership tier."""

from __future__ import annotations

import re

# "the Memorandum of Understanding (MoU) on Defence Industry Cooperation", "a Free Trade Agreement"
_INSTRUMENT = re.compile(
    r"\b((?:[A-Z][\w’'-]*\s+){0,6}?(?:Memorandum\s+of\s+Understanding|Agreement|Treaty|Accord|"
    r"Protocol|Convention|Action\s+Programme|Action\s+Plan|Declaration|Contract|MoU|MOU)"
    r"(?:\s+\((?:MoU|MOU|MoC)\))?(?:\s+(?:on|for|of|to)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s*(?:and\s+)?){1,8})?)"
)
_TIERS = (
    (
        "comprehensive_strategic_partnership",
        r"comprehensive\s+strategic\s+(?:cooperative\s+)?partnership",
    ),
    ("special_strategic_partnership", r"special\s+strategic\s+partnership"),
    (
        "strategic_partnership",
        r"(?:global\s+|enhanced\s+)?strategic\s+(?:cooperative\s+)?partnership",
    ),
    ("comprehensive_partnership", r"comprehensive\s+(?:cooperative\s+)?partnership"),
    ("alliance", r"\balliance\b"),
    ("partnership", r"\bpartnership\b"),
)
_TIER_PATTERNS = [(tier, re.compile(p, re.IGNORECASE)) for tier, p in _TIERS]


def find_instrument(text: str) -> str | None:
    match = _INSTRUMENT.search(text)
    return match.group(1).strip() if match else None


def find_tier(text: str) -> tuple[str, str] | None:
    """The most specific tier named, with the wording the article used."""
    for tier, pattern in _TIER_PATTERNS:
        match = pattern.search(text)
        if match:
            return tier, match.group(0)
    return None
