"""The clean stage: normalise decoded article text and strip what lowers trust in it.

Steps: normalize -> chatbot residue -> aggregator disclaimer -> boilerplate lines -> flattened
tables -> repeated passages -> normalize again. The knowledge (phrases, patterns, weights) lives
in ``communique/data/boilerplate.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .boilerplate import remove_aggregator, remove_boilerplate
from .generated import remove_generated
from .normalize import normalize
from .quality import score
from .repeats import remove_repeats
from .rules import Rules, load_rules
from .tables import recover_tables
from .unwrap import unwrap_lines

__all__ = ["CLEAN_FLAGS", "CleanResult", "clean_text", "normalize", "quality_score"]

CLEAN_FLAGS = (
    "boilerplate_removed",
    "generated_text",
    "repeated_passages",
    "flattened_table",
    "aggregator",
)


@dataclass
class CleanResult:
    text: str
    flags: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _distinct(items: Iterable[str], limit: int = 4) -> str:
    unique = list(dict.fromkeys(item.replace("_", " ") for item in items))
    more = ", ..." if len(unique) > limit else ""
    return ", ".join(unique[:limit]) + more


def _generated_reason(found: list[str]) -> str:
    return f"removed {_plural(len(found), 'piece')} of chatbot residue ({_distinct(found, 3)})"


def _boilerplate_reason(labels: list[str]) -> str:
    return f"removed {_plural(len(labels), 'boilerplate line')} ({_distinct(labels)})"


def _repeat_reason(lines: int, runs: int) -> str:
    parts = [_plural(lines, "repeated line")] if lines else []
    parts += [_plural(runs, "repeated run")] if runs else []
    return "kept repeated passages once: dropped " + " and ".join(parts)


def _table_reason(tables: list[int]) -> str:
    rows = _plural(sum(tables), "row")
    return f"split glued cells in {_plural(len(tables), 'flattened table')} ({rows})"


def clean_text(text: str, rules: Rules | None = None) -> CleanResult:
    """Clean one article's decoded text; flags name what was found and removed."""
    rules = rules or load_rules()
    reasons: dict[str, str] = {}
    text, found = remove_generated(normalize(text), rules.generated)
    if found:
        reasons["generated_text"] = _generated_reason(found)
    text, agg_lines = remove_aggregator(text, rules.aggregator)
    if agg_lines:
        reasons["aggregator"] = (
            f"removed an automatic-aggregator disclaimer ({_plural(agg_lines, 'line')})"
        )
    text, labels = remove_boilerplate(text, rules)
    if labels:
        reasons["boilerplate_removed"] = _boilerplate_reason(labels)
    text, tables = recover_tables(text, rules.tables)
    if tables:
        reasons["flattened_table"] = _table_reason(tables)
    text, rep_lines, rep_runs = remove_repeats(text, rules.repeats)
    if rep_lines or rep_runs:
        reasons["repeated_passages"] = _repeat_reason(rep_lines, rep_runs)
    flags = [flag for flag in CLEAN_FLAGS if flag in reasons]
    text = unwrap_lines(normalize(text))
    return CleanResult(text, flags, {flag: reasons[flag] for flag in flags})


def quality_score(flags: list[str], text: str, rules: Rules | None = None) -> float:
    """Quality in [0, 1]: each flag lowers it by its weight; very short text lowers it too."""
    return score(flags, text, (rules or load_rules()).quality)
