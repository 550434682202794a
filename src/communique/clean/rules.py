"""Load the cleaning knowledge from ``data/boilerplate.toml`` once per process."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Pattern = re.Pattern[str]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DATA_FILE = "boilerplate.toml"


@dataclass(frozen=True)
class LineRules:
    """Whole-line boilerplate: one combined pattern whose group names map to labels."""

    combined: Pattern
    labels: dict[str, str]
    max_chars: int


@dataclass(frozen=True)
class CalendarRules:
    header: Pattern
    month: Pattern


@dataclass(frozen=True)
class PageRules:
    row: Pattern
    min_numbers: int


@dataclass(frozen=True)
class BioRules:
    name: Pattern
    bio: Pattern
    max_chars: int
    tail_lines: int


@dataclass(frozen=True)
class GeneratedRules:
    cues: Pattern
    fence_line: Pattern
    fence_inline: Pattern


@dataclass(frozen=True)
class TableRules:
    keep_words: frozenset[str]
    name_prefixes: frozenset[str]
    min_left_letters: int
    max_header_chars: int
    max_header_words: int
    min_rows: int
    max_row_chars: int
    cell_separator: str


@dataclass(frozen=True)
class RepeatRules:
    min_line_chars: int
    min_run_chars: int


@dataclass(frozen=True)
class QualityRules:
    weights: dict[str, float]
    short_words: int
    short_penalty: float


@dataclass(frozen=True)
class Rules:
    lines: LineRules
    calendar: CalendarRules
    pages: PageRules
    bio: BioRules
    aggregator: Pattern
    generated: GeneratedRules
    tables: TableRules
    repeats: RepeatRules
    quality: QualityRules


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _alternation(patterns: list[str], flags: int = re.IGNORECASE) -> Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _line_rules(section: dict[str, Any]) -> LineRules:
    parts: list[str] = []
    labels: dict[str, str] = {}
    for label, value in section.items():
        if label == "max_line_chars":
            continue
        for i, pattern in enumerate(_as_list(value)):
            group = f"{label}__{i}"
            labels[group] = label
            parts.append(f"(?P<{group}>{pattern})")
    combined = re.compile("|".join(parts), re.IGNORECASE)
    return LineRules(combined, labels, int(section.get("max_line_chars", 160)))


def _page_rules(section: dict[str, Any]) -> PageRules:
    sep, trailer = section["separator"], section["trailer"]
    row = re.compile(rf"\d{{1,3}}(?:(?:{sep})\d{{1,3}})+(?:\s*(?:{trailer}))?", re.IGNORECASE)
    return PageRules(row, int(section["min_numbers"]))


def _bio_rules(section: dict[str, Any]) -> BioRules:
    return BioRules(
        name=re.compile(section["name"]),
        bio=_alternation(_as_list(section["bio"])),
        max_chars=int(section["max_chars"]),
        tail_lines=int(section["tail_lines"]),
    )


def _generated_rules(section: dict[str, Any]) -> GeneratedRules:
    return GeneratedRules(
        cues=_alternation(_as_list(section["cues"])),
        fence_line=re.compile(section["fence_line"], re.IGNORECASE),
        fence_inline=re.compile(section["fence_inline"], re.IGNORECASE),
    )


def _table_rules(section: dict[str, Any]) -> TableRules:
    return TableRules(
        keep_words=frozenset(section["keep_words"]),
        name_prefixes=frozenset(section["name_prefixes"]),
        min_left_letters=int(section["min_left_letters"]),
        max_header_chars=int(section["max_header_chars"]),
        max_header_words=int(section["max_header_words"]),
        min_rows=int(section["min_rows"]),
        max_row_chars=int(section["max_row_chars"]),
        cell_separator=str(section["cell_separator"]),
    )


def _quality_rules(section: dict[str, Any]) -> QualityRules:
    length = section["length"]
    return QualityRules(
        weights={k: float(v) for k, v in section["weights"].items()},
        short_words=int(length["short_words"]),
        short_penalty=float(length["short_penalty"]),
    )


def parse_rules(data: dict[str, Any]) -> Rules:
    """Compile the parsed TOML document into :class:`Rules`."""
    return Rules(
        lines=_line_rules(data["lines"]),
        calendar=CalendarRules(
            header=re.compile(data["calendar"]["header"], re.IGNORECASE),
            month=re.compile(data["calendar"]["month"], re.IGNORECASE),
        ),
        pages=_page_rules(data["page_numbers"]),
        bio=_bio_rules(data["author_bio"]),
        aggregator=_alternation(_as_list(data["aggregator"]["disclaimers"])),
        generated=_generated_rules(data["generated"]),
        tables=_table_rules(data["tables"]),
        repeats=RepeatRules(
            min_line_chars=int(data["repeats"]["min_line_chars"]),
            min_run_chars=int(data["repeats"]["min_run_chars"]),
        ),
        quality=_quality_rules(data["quality"]),
    )


@functools.cache
def load_rules(path: str | None = None) -> Rules:
    """Rules from ``path`` or from the packaged data file (cached per path)."""
    file = Path(path) if path is not None else DATA_DIR / DATA_FILE
    return parse_rules(tomllib.loads(file.read_text(encoding="utf-8")))


def matchable(line: str) -> str:
    """The form of a line that patterns are matched against: trimmed, straight apostrophes."""
    return line.strip().replace("\u2019", "'")
