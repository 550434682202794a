"""Load the cleaning knowledge from ``data/boilerplate.toml`` once per process."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Pattern = re.Pattern[str]


@dataclass(frozen=True)
class Folded:
    """A pattern written in lower case, run on lower-cased text (much faster than IGNORECASE).

    Falls back to a case-insensitive search when lower-casing would change the text's length
    (a few non-ASCII letters), so match offsets always refer to the text given.
    """

    fast: Pattern
    slow: Pattern

    @classmethod
    def compile(cls, pattern: str) -> Folded:
        flags = re.MULTILINE
        return cls(re.compile(pattern, flags), re.compile(pattern, flags | re.IGNORECASE))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        low = text.lower()
        if len(low) == len(text):
            return self.fast.search(low, pos)
        return self.slow.search(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        low = text.lower()
        return self.fast.fullmatch(low) if len(low) == len(text) else self.slow.fullmatch(text)


DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DATA_FILE = "boilerplate.toml"


@dataclass(frozen=True)
class LineRules:
    """Whole-line boilerplate: one combined pattern whose group names map to labels."""

    combined: Folded
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
    min_numbers_with_words: int


@dataclass(frozen=True)
class TeaserRules:
    min_lines: int
    max_lines: int
    max_words: int
    sentence_end: Pattern


@dataclass(frozen=True)
class BioRules:
    name: Pattern
    bio: Pattern
    self_named: Pattern
    unnamed: Pattern
    max_chars: int
    tail_lines: int


@dataclass(frozen=True)
class GeneratedRules:
    cues: Folded
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
    min_bare_line_chars: int
    min_run_chars: int
    cell_separator: str


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
    teasers: TeaserRules
    bio: BioRules
    aggregator: Folded
    generated: GeneratedRules
    tables: TableRules
    repeats: RepeatRules
    quality: QualityRules


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _alternation(patterns: list[str], flags: int = re.IGNORECASE) -> Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


def _words(patterns: list[str]) -> Folded:
    """Lower-case patterns that start at a word boundary, as one folded alternation."""
    return Folded.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


def _cues(anywhere: list[str], sentence_start: list[str]) -> Folded:
    """Cues valid anywhere, or only at the start of a line or right after a sentence end."""
    first = "|".join(f"(?:{p})" for p in anywhere)
    second = "|".join(f"(?:{p})" for p in sentence_start)
    # A cue may open with a bracket ("[Insert image here]") or follow Markdown ("**Title:").
    return Folded.compile(rf"(?:\b|(?=\[))(?:{first})|(?:^[*#_>\s]*|(?<=[.!?:…\"”)] ))(?:{second})")


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
    combined = Folded.compile("|".join(parts))
    return LineRules(combined, labels, int(section.get("max_line_chars", 160)))


def _page_rules(section: dict[str, Any]) -> PageRules:
    sep, leader, trailer = section["separator"], section["leader"], section["trailer"]
    row = re.compile(
        rf"(?:{leader})(?:{sep})?\d{{1,3}}(?:(?:{sep})\d{{1,3}})+(?:(?:{sep})?(?:{trailer}))?",
        re.IGNORECASE,
    )
    return PageRules(row, int(section["min_numbers"]), int(section["min_numbers_with_words"]))


def _bio_rules(section: dict[str, Any]) -> BioRules:
    return BioRules(
        name=re.compile(section["name"]),
        bio=_alternation(_as_list(section["bio"])),
        self_named=re.compile(section["self_named"]),
        unnamed=re.compile(section["unnamed"], re.IGNORECASE),
        max_chars=int(section["max_chars"]),
        tail_lines=int(section["tail_lines"]),
    )


def _generated_rules(section: dict[str, Any]) -> GeneratedRules:
    return GeneratedRules(
        cues=_cues(_as_list(section["anywhere"]), _as_list(section["sentence_start"])),
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
        teasers=TeaserRules(
            min_lines=int(data["teasers"]["min_lines"]),
            max_lines=int(data["teasers"]["max_lines"]),
            max_words=int(data["teasers"]["max_words"]),
            sentence_end=re.compile(data["teasers"]["sentence_end"]),
        ),
        bio=_bio_rules(data["author_bio"]),
        aggregator=_words(_as_list(data["aggregator"]["disclaimers"])),
        generated=_generated_rules(data["generated"]),
        tables=_table_rules(data["tables"]),
        repeats=RepeatRules(
            min_line_chars=int(data["repeats"]["min_line_chars"]),
            min_bare_line_chars=int(data["repeats"]["min_bare_line_chars"]),
            cell_separator=str(data["tables"]["cell_separator"]),
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
