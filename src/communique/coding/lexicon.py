"""The coder's knowledge files: trigger rules, status cues and sector words.

Each is a TOML file in `data/` that an analyst can read and extend without reading Python.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

from ..schema import kinds
from .text_utils import fold_like_regex


@dataclass(frozen=True)
class TriggerRule:
    name: str
    kind: str
    pattern: re.Pattern[str]
    confidence: float
    subject_is_target: bool = False
    generic_plural: bool = False
    target_required_after: bool = False
    reciprocal: bool = False
    particle: str | None = None  # a frame's particle names its target: "called on X"


@dataclass(frozen=True)
class TriggerMatch:
    rule: TriggerRule
    start: int
    end: int
    text: str


def _read(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


class TriggerRules:
    def __init__(self, path: Path) -> None:
        known = kinds()
        self.rules: list[TriggerRule] = []
        for entry in _read(path)["rule"]:
            if entry["kind"] not in known:
                raise ValueError(f"{path}: rule {entry['name']} names unknown kind {entry['kind']}")
            self.rules.append(
                TriggerRule(
                    name=entry["name"],
                    kind=entry["kind"],
                    pattern=_compile(entry["pattern"]),
                    confidence=float(entry.get("confidence", 0.6)),
                    subject_is_target=entry.get("subject_is", "source") == "target",
                    generic_plural=bool(entry.get("generic_plural", False)),
                    target_required_after=bool(entry.get("target_required_after", False)),
                    reciprocal=bool(entry.get("reciprocal", False)),
                )
            )
        self._filter = _RuleFilter(self.rules)

    def may_match(self, text: str) -> bool:
        """Whether any rule matches `text`."""
        return any(rule.pattern.search(text) for rule in self._filter.candidates(text))

    def kinds_in(self, text: str) -> set[str]:
        """The kinds of the rules that match `text`."""
        return {rule.kind for rule in self._filter.candidates(text) if rule.pattern.search(text)}

    def matches(self, text: str) -> list[TriggerMatch]:
        found = []
        for rule in self._filter.candidates(text):
            for match in rule.pattern.finditer(text):
                found.append(TriggerMatch(rule, match.start(), match.end(), match.group(0)))
        return found


class StatusCues:
    def __init__(self, path: Path) -> None:
        data = _read(path)
        self.precedence: list[str] = data["precedence"]
        self.agreement_is_the_act = set(data["agreement_is_the_act"])
        self.asking_is_the_act = set(data["asking_is_the_act"])
        self.averting_verbs = set(data["averting_verbs"])
        self.surmising_verbs = set(data["surmising_verbs"])
        self.doubting_words = set(data["doubting_words"])
        self.announced_is: dict[str, str] = data.get("announced_is", {})
        self.cues = {
            status: [_compile(p) for p in patterns] for status, patterns in data["cues"].items()
        }

    def status_of(self, window: str) -> tuple[str, bool]:
        """The status a clause expresses, and whether an explicit cue said so."""
        for status in self.precedence:
            if any(p.search(window) for p in self.cues[status]):
                return status, True
        return "occurred", False

    def status_after(self, tail: str) -> str | None:
        """Cues that follow the event ("..., which is set to begin", "was postponed")."""
        for status in ("negated", "planned"):
            if any(p.search(tail) for p in self.cues[status]):
                return status
        return None


class SectorLexicon:
    def __init__(self, path: Path) -> None:
        data = _read(path)
        self.diplomatic_kinds = set(data["diplomatic_kinds"])
        self.elaborated_kinds = set(data["elaborated_kinds"])
        self.words = {sector: _compile(p) for sector, p in data["words"].items()}
        self.ignore = _compile("|".join(f"(?:{p})" for p in data["ignore"]))

    def sectors_in(self, text: str) -> list[str]:
        masked = self.ignore.sub(lambda m: " " * len(m.group(0)), text)
        return [sector for sector, pattern in self.words.items() if pattern.search(masked)]


# ---- which rules can match a sentence ------------------------------------------------------
# Trigger patterns ignore case and most begin with a long alternation behind `\b`, so the regex
# engine can skip nothing: it tries every branch at every position, and all rules together cost
# about a millisecond a sentence. Yet every match of a rule contains one of a few literal
# strings ("visit", "summoned"). `_requirements` reads them off the parsed pattern; one scan of
# the sentence for all of them then picks the few rules worth running. Results stay exact: a
# rule is skipped only when strings that every one of its matches contains are all absent.

_Clause = frozenset[str]
"""Strings one of which occurs, lower-cased, in every match of a pattern. A string that starts
with `_WORD_START` must also start a word ("aid" but not the end of "said")."""

_WORD_START = "\0"
# Ignoring case, the regex engine matches these to an ASCII letter but `str.lower` does not
# ("İ" even lower-cases to two characters). Literals outside ASCII are not used at all.
_ZERO_WIDTH = frozenset({""})
_SPELLINGS_LIMIT = 64  # a piece with more spellings than this counts as free text
_CLAUSES_KEPT = 3
# Short but in nearly every sentence: clauses of these prove little.
_COMMON_WORDS = {"with", "from", "was", "were", "been", "the", "and", "for", "that", "has", "had"}


@dataclass(frozen=True)
class _Shape:
    """What is known of the strings a piece of a pattern matches."""

    spellings: frozenset[str] | None  # all of them, lower-cased, when few and literal
    clauses: tuple[_Clause, ...]  # the most selective first
    # The character before whatever follows the piece is not a word character (or there is
    # none), so a word that follows starts at a word boundary.
    boundary_after: bool


class _RuleFilter:
    def __init__(self, rules: list[TriggerRule]) -> None:
        ids: dict[_Clause, int] = {}
        self.needs = [
            (rule, frozenset(ids.setdefault(c, len(ids)) for c in _requirements(rule.pattern)))
            for rule in rules
        ]
        holders: dict[str, set[int]] = defaultdict(set)  # the clauses holding each string
        for clause, i in ids.items():
            for string in clause:
                holders[string].add(i)
        loose = {s for s in holders if not s.startswith(_WORD_START)}
        anywhere = {s.removeprefix(_WORD_START) for s in holders}
        # At each position the scan reports the longest string found there, as a word start
        # (first group) or inside a word (second); the shorter ones found at the same place are
        # its prefixes, so finding it proves every clause that holds one of its prefixes.
        never = "(?!)"
        self.scan = re.compile(rf"(?=\b({_trie(anywhere) or never})|({_trie(loose) or never}))")
        self.proves: dict[tuple[str, str], set[int]] = {}
        for string in anywhere:
            prefixes = [string[:n] for n in range(1, len(string) + 1)]
            self.proves[string, ""] = _union(
                holders, prefixes + [_WORD_START + p for p in prefixes]
            )
        for string in loose:
            prefixes = [string[:n] for n in range(1, len(string) + 1)]
            self.proves["", string] = _union(holders, prefixes)

    def candidates(self, text: str) -> list[TriggerRule]:
        found = set(self.scan.findall(fold_like_regex(text)))
        met: set[int] = set().union(*map(self.proves.__getitem__, found))
        return [rule for rule, needs in self.needs if needs <= met]


def _union(holders: dict[str, set[int]], strings: list[str]) -> set[int]:
    return set().union(*(holders.get(string, ()) for string in strings))


def _trie(strings: Iterable[str]) -> str:
    """A pattern matching the longest of `strings` that starts where it is tried."""
    rests: dict[str, list[str]] = defaultdict(list)
    ends = False
    for string in strings:
        if string:
            rests[string[0]].append(string[1:])
        else:
            ends = True
    branches = [re.escape(first) + _trie(rest) for first, rest in sorted(rests.items())]
    if not branches:
        return ""
    # Greedy `?`: going on wins over stopping, so the longest string is the one reported.
    return "(?:" + "|".join(branches) + (")?" if ends else ")")


def _requirements(pattern: re.Pattern[str]) -> tuple[_Clause, ...]:
    """Clauses every match of `pattern` satisfies; none when nothing can be proved."""
    shape = _sequence(sre_parser.parse(pattern.pattern, pattern.flags), boundary_before=False)
    return shape.clauses[:_CLAUSES_KEPT]


def _sequence(items: Iterable[tuple[Any, Any]], boundary_before: bool) -> _Shape:
    shapes, boundaries = [], []
    for op, arg in items:
        boundaries.append(boundary_before)
        shapes.append(_piece(op, arg, boundary_before))
        boundary_before = shapes[-1].boundary_after
    clauses = [clause for shape in shapes for clause in shape.clauses]
    whole: frozenset[str] | None = _ZERO_WIDTH
    for shape in shapes:
        whole = _join(whole, shape.spellings)
    return _Shape(
        whole, _most_selective(clauses + _literal_runs(shapes, boundaries)), boundary_before
    )


def _literal_runs(shapes: list[_Shape], boundaries: list[bool]) -> list[_Clause]:
    """Consecutive literal pieces ("visit", "s?") spell words: each run is a clause."""
    runs = []
    run: frozenset[str] | None = None
    starts_word = False
    for shape, boundary in zip([*shapes, _free(False)], [*boundaries, False], strict=True):
        joined = _join(run, shape.spellings) if run is not None else None
        if run == _ZERO_WIDTH:  # the run has not moved yet: it starts where this piece does
            starts_word = boundary
        if joined is None:
            if run is not None:
                runs.append(_mark_word_starts(run, starts_word))
            run, starts_word = shape.spellings, boundary
        else:
            run = joined
    return runs


def _piece(op: Any, arg: Any, boundary_before: bool) -> _Shape:
    if op is sre.LITERAL or op is sre.IN:
        return _characters(op, arg)
    if op is sre.SUBPATTERN:
        return _sequence(arg[3], boundary_before)
    if op is sre.ATOMIC_GROUP:
        return _sequence(arg, boundary_before)
    if op is sre.BRANCH:
        return _branch([_sequence(alternative, boundary_before) for alternative in arg[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, most, item = arg
        inner = _sequence(item, boundary_before)
        if least > 0:  # at least one copy, so its clauses hold
            spellings = inner.spellings if least == most == 1 else None
            return _Shape(spellings, inner.clauses, inner.boundary_after)
        boundary_after = boundary_before and inner.boundary_after
        if most == 1 and inner.spellings is not None:
            return _Shape(inner.spellings | {""}, (), boundary_after)
        return _free(boundary_after)
    if op is sre.AT:  # matches no text of its own
        starts = arg in (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
        return _Shape(_ZERO_WIDTH, (), boundary_before or starts)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _Shape(_ZERO_WIDTH, (), boundary_before)
    return _free(False)


def _free(boundary_after: bool) -> _Shape:
    return _Shape(None, (), boundary_after)


def _characters(op: Any, arg: Any) -> _Shape:
    """A literal or a set of them: its ASCII spellings, and whether it only matches characters
    that are not word characters (a character is one exactly when its lower case is)."""
    items = [(op, arg)] if op is sre.LITERAL else arg
    codes = [code if kind is sre.LITERAL else None for kind, code in items]
    spaces = all(item == (sre.CATEGORY, sre.CATEGORY_SPACE) for item in items)
    non_word = spaces or all(code is not None and not _is_word(chr(code)) for code in codes)
    if len(codes) > 4 or not all(code is not None and code < 128 for code in codes):
        return _free(non_word)
    return _Shape(frozenset(chr(code).lower() for code in codes if code is not None), (), non_word)


def _is_word(character: str) -> bool:
    return character.isalnum() or character == "_"


def _mark_word_starts(spellings: frozenset[str], at_boundary: bool) -> _Clause:
    if not at_boundary:
        return spellings
    return frozenset(_WORD_START + s if s[:1] and _is_word(s[0]) else s for s in spellings)


def _branch(alternatives: list[_Shape]) -> _Shape:
    boundary_after = all(a.boundary_after for a in alternatives)
    spellings: frozenset[str] | None = None
    if all(a.spellings is not None for a in alternatives):
        spellings = frozenset().union(*(a.spellings or () for a in alternatives))
        if len(spellings) > _SPELLINGS_LIMIT:
            spellings = None
    if not all(a.clauses for a in alternatives):
        return _Shape(spellings, (), boundary_after)
    either = frozenset().union(*(a.clauses[0] for a in alternatives))
    return _Shape(spellings, _most_selective([either]), boundary_after)


def _join(heads: frozenset[str] | None, tails: frozenset[str] | None) -> frozenset[str] | None:
    if heads is None or tails is None or len(heads) * len(tails) > _SPELLINGS_LIMIT:
        return None
    return frozenset(head + tail for head in heads for tail in tails)


def _most_selective(clauses: list[_Clause]) -> tuple[_Clause, ...]:
    """Useful clauses, the rarest first (longer strings are rarer), none implied by another."""
    useful = {_shortest_forms(clause) for clause in clauses if "" not in clause}
    kept: list[_Clause] = []
    for clause in sorted(useful, key=lambda c: (sum(map(_frequency, c)), sorted(c))):
        if not any(_implies(stronger, clause) for stronger in kept):
            kept.append(clause)
    return tuple(kept)


def _frequency(string: str) -> float:
    """A rough guess at how often `string` occurs in a sentence."""
    word = string.removeprefix(_WORD_START)
    return 1.0 if word in _COMMON_WORDS else 4.0 ** -len(string)


def _shortest_forms(clause: _Clause) -> _Clause:
    """A sentence holding "visits" holds "visit": keep only the strings that hold no other."""
    return frozenset(s for s in clause if not any(t != s and t in s for t in clause))


def _implies(stronger: _Clause, weaker: _Clause) -> bool:
    return all(any(w in s for w in weaker) for s in stronger)
