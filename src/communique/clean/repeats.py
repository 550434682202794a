"""Passages pasted twice: repeated lines and repeated runs of sentences are kept once."""

from __future__ import annotations

import re

from .rules import RepeatRules

# A sentence: up to its end mark (with closing quotes/brackets) or the end of the paragraph.
_SENTENCE = re.compile(r"\S.*?(?:[.!?…]+[\"”’')\]]*(?=\s|$)|$)", re.S)
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?:\s|$)")
_PREFIX = 40
_QUOTED = re.compile(r"[“\"]([^”\"\n]{20,})[”\"]")
# A wire dateline opening a paragraph: "BRUSSELS (Agency - 3 October) ", "LIMA, May 2 (Agency) -".
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,[^()\n]{1,40}?)?"
    r"(?:\s*\([^)\n]{1,80}\)\s*[-–—:]*|\s*[-–—:]+)\s+"
)


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _long_enough(key: str, rules: RepeatRules) -> bool:
    """Prose lines and table rows count from min_line_chars, other lines from a longer length."""
    if len(key) < rules.min_line_chars:
        return False
    if _SENTENCE_END.search(key) or rules.cell_separator.strip() in key:
        return True
    return len(key) >= rules.min_bare_line_chars


def _repeated_lines(lines: list[str], rules: RepeatRules) -> set[int]:
    """Lines seen before (or repeating the start of an earlier line)."""
    seen: set[str] = set()
    by_prefix: dict[str, list[str]] = {}
    repeated: set[int] = set()
    for i, line in enumerate(lines):
        key = _key(line)
        if not _long_enough(key, rules):
            continue
        earlier = by_prefix.get(key[:_PREFIX], [])
        if key in seen or any(e.startswith(key) for e in earlier):
            repeated.add(i)
            continue
        seen.add(key)
        by_prefix.setdefault(key[:_PREFIX], []).append(key)
    return repeated


def _standfirsts(lines: list[str], rules: RepeatRules) -> set[int]:
    """Lines that a later paragraph repeats in full after its dateline: a standfirst copying
    the lead ("The talks were postponed ..." then "CITY (Agency) The talks were postponed ...")."""
    leads = [_key(line[m.end() :]) for line in lines if (m := _DATELINE.match(line)) is not None]
    return {
        i
        for i, line in enumerate(lines)
        if _long_enough(key := _key(line).rstrip(".!?…"), rules)
        and not _DATELINE.match(line)
        and any(lead.startswith(key) for lead in leads)
    }


def _pull_quotes(lines: list[str], rules: RepeatRules) -> set[int]:
    """Lines that are one long sentence, or its quoted words, lifted from a paragraph that
    holds it elsewhere in the article (a pull quote)."""
    candidates = {
        i: bare
        for i, line in enumerate(lines)
        if len(_SENTENCE.findall(line)) == 1 and len(bare := _bare(line)) >= rules.min_run_chars
    }
    # A pull quote's words stand in another line too: most articles have no line whose words
    # do, and need not have every sentence and quotation of every line compared.
    keys = "\n".join(_key(line) for line in lines)
    if not any(keys.count(bare) > 1 for bare in candidates.values()):
        return set()
    held: set[str] = set()  # sentences and quotations that are part of a longer line
    for line in lines:
        whole = _bare(line)
        held.update(
            bare
            for part in [*_SENTENCE.findall(line), *_QUOTED.findall(line)]
            if (bare := _bare(part)) != whole
        )
    return {i for i, bare in candidates.items() if bare in held}


def _bare(text: str) -> str:
    """A sentence or quotation as compared: lower case, single spaces, no quotes or end marks."""
    return _key(text).strip("\"“”'‘’ .,;:!?…")


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line indices of blank-line separated paragraphs."""
    spans, start = [], None
    for i, line in enumerate([*lines, ""]):
        if line and start is None:
            start = i
        elif not line and start is not None:
            spans.append((start, i - 1))
            start = None
    return spans


def _runs(marked: list[bool]) -> list[tuple[int, int]]:
    runs, start = [], None
    for j, flag in enumerate([*marked, False]):
        if flag and start is None:
            start = j
        elif not flag and start is not None:
            runs.append((start, j))
            start = None
    return runs


def _drop_sentence_runs(block: str, seen: set[tuple[str, str]], min_chars: int) -> tuple[str, int]:
    """Remove runs of >= 2 sentences whose consecutive pairs occurred earlier."""
    spans = [m.span() for m in _SENTENCE.finditer(block)]
    keys = [_key(block[a:b]) for a, b in spans]
    marked = [False] * len(spans)
    for j in range(len(keys) - 1):
        pair = (keys[j], keys[j + 1])
        if pair in seen:
            marked[j] = marked[j + 1] = True
        seen.add(pair)
    cut = [
        (spans[a][0], spans[b - 1][1])
        for a, b in _runs(marked)
        if sum(len(k) for k in keys[a:b]) >= min_chars
    ]
    for a, b in reversed(cut):
        block = block[:a] + block[b:]
    return block, len(cut)


def remove_repeats(text: str, rules: RepeatRules) -> tuple[str, int, int]:
    """Keep repeated passages once; returns text, lines dropped, sentence runs dropped."""
    lines = text.split("\n")
    dropped = _repeated_lines(lines, rules) | _standfirsts(lines, rules)
    dropped |= _pull_quotes(lines, rules)
    lines = [line for i, line in enumerate(lines) if i not in dropped]
    seen: set[tuple[str, str]] = set()
    runs = 0
    out: list[str] = []
    for first, last in _paragraphs(lines):
        block, n = _drop_sentence_runs(
            "\n".join(lines[first : last + 1]), seen, rules.min_run_chars
        )
        runs += n
        out.append(block)
    return "\n\n".join(out), len(dropped), runs
