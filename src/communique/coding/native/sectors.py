"""Sectors an event's sentence puts it in (data/<lang>/sectors.toml)."""

from __future__ import annotations

from typing import Any

from ...language.native import Token
from ...schema import SECTORS


class SectorWords:
    def __init__(self, table: dict[str, Any]) -> None:
        self.words = {s: tuple(table[s]) for s in SECTORS if s in table}

    def sectors(self, tokens: list[Token]) -> list[str]:
        """Sectors whose words are among the tokens' lemmas, or begin one (a compound)."""
        lemmas = [t.lemma for t in tokens if t.pos in ("NOUN", "PROPN", "VERB", "ADJ")]
        return [
            sector
            for sector, words in self.words.items()
            if any(lemma.startswith(words) for lemma in lemmas)
        ]
