"""Finding the time expressions of a text: one regular expression finds the words that can
start or end one, each rule's pattern runs only around the words that wake it, and
overlapping matches are settled longest first."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from .patterns import PATTERNS, WAKE
from .periods import PERIOD_REACH, Period, load_periods, on_period, period_pattern, period_triggers
from .rules import Context, Hit, Rule, preposition_before
from .values import Anchor, DateValue
from .words import trie


@dataclass(frozen=True)
class TimeExpression:
    """A time expression at text[start:end], of `kind` absolute, relative, duration or period.
    `value` is None when it cannot be resolved (no anchor, or a duration); `days` is the length
    of a duration ("a two-day visit" -> 2). `preposition` is the word before it ("since",
    "by", "until" change what it means)."""

    text: str
    start: int
    end: int
    value: DateValue | None
    kind: str
    days: int | None = None
    preposition: str | None = None


def _number_key(token: str) -> str:
    """Numbers wake rules by kind: `#year` (1800-2100) or `#tens` (the "90" of "the '90s")."""
    if len(token) == 4 and 1800 <= int(token) <= 2100:
        return "#year"
    return "#tens" if len(token) == 2 and token.endswith("0") else ""


@dataclass(frozen=True)
class _Scanner:
    """The compiled rules and, for each trigger word, the rules it wakes with their reach."""

    rules: tuple[Rule, ...]
    woken_by: dict[str, tuple[tuple[int, int, int], ...]]
    triggers: re.Pattern[str]

    def windows(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """The rules woken in `text`, each with the disjoint stretches around its triggers.
        This loop runs once per trigger word of the corpus, so it stays bare."""
        spans: dict[int, list[tuple[int, int]]] = {}
        woken_by = self.woken_by
        for token in self.triggers.finditer(text):
            word = token.group()
            woken = woken_by.get(word) or woken_by.get(_number_key(word), ())
            token_start, token_end = token.span()
            for index, before, after in woken:
                start, end = token_start - before, token_end + after
                rule_spans = spans.get(index)
                if rule_spans is None:
                    spans[index] = [(start if start > 0 else 0, end)]
                elif rule_spans[-1][1] >= start:
                    rule_spans[-1] = (rule_spans[-1][0], end)
                else:
                    rule_spans.append((start, end))
        return spans


@cache
def _default_scanner() -> _Scanner:
    """The scanner for the shipped periods (looked up without hashing them on every call)."""
    return _scanner(load_periods())


@cache
def _scanner(periods: tuple[Period, ...]) -> _Scanner:
    rules = [Rule(re.compile(p), h, *WAKE[h]) for p, h in PATTERNS]
    named_periods = re.compile(period_pattern(periods))
    rules.append(Rule(named_periods, on_period(periods), period_triggers(periods), *PERIOD_REACH))
    woken_by: dict[str, list[tuple[int, int, int]]] = {}
    for index, rule in enumerate(rules):
        for key in rule.triggers:
            for variant in {key, key.capitalize(), key.upper()}:
                woken_by.setdefault(variant, []).append((index, rule.before, rule.after))
    words = trie(key for key in woken_by if not key.startswith("#"))
    triggers = re.compile(rf"(?<![A-Za-z\d])(?:{words})(?![A-Za-z])|(?<!\d)\d+")
    return _Scanner(tuple(rules), {k: tuple(v) for k, v in woken_by.items()}, triggers)


def find_time_expressions(
    text: str,
    anchor: Anchor | None,
    *,
    periods: tuple[Period, ...] | None = None,
    clip: bool = True,
) -> list[TimeExpression]:
    """Time expressions in `text`, sorted by offset, without overlaps (longest match wins).
    Relative ones resolve against `anchor` (value None without one). `periods` replaces the
    shipped list of named periods; `clip=False` lets "this year" over an interval anchor
    start on 1 January of the anchor's first year instead of at the anchor."""
    ctx = Context(text, anchor, clip)
    scanner = _default_scanner() if periods is None else _scanner(periods)
    found: list[tuple[int, int, int, Hit]] = []
    for index, spans in scanner.windows(text).items():
        rule = scanner.rules[index]
        for lo, hi in spans:
            for m in rule.pattern.finditer(text, lo, hi):
                hit = rule.handler(m, ctx)
                if hit is not None:
                    start, end = m.span("x") if rule.has_core else m.span()
                    found.append((start, end, index, hit))
    return [_expression(text, start, end, hit) for start, end, hit in _longest_first(found)]


def _longest_first(found: list[tuple[int, int, int, Hit]]) -> list[tuple[int, int, Hit]]:
    """Keep the longest of overlapping matches (then the earliest, then the first rule)."""
    starts: list[int] = []
    kept: list[tuple[int, int, Hit]] = []
    for start, end, _, hit in sorted(found, key=lambda f: (f[0] - f[1], f[0], f[2])):
        i = bisect_left(starts, start)
        if (i > 0 and kept[i - 1][1] > start) or (i < len(kept) and kept[i][0] < end):
            continue
        starts.insert(i, start)
        kept.insert(i, (start, end, hit))
    return kept


def _expression(text: str, start: int, end: int, hit: Hit) -> TimeExpression:
    preposition = preposition_before(text, start)
    return TimeExpression(text[start:end], start, end, hit.value, hit.kind, hit.days, preposition)
