"""A fast rule-based sentence splitter that keeps character offsets into clean_text.

spaCy's parser is the expensive part of the pipeline, so sentences are found without it and
only candidate sentences are parsed later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words whose trailing period does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov",
    "sen", "rep", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "e.g", "i.e", "approx", "dept", "est", "fig", "pres", "amb",
}  # fmt: skip
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9À-Ý])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*[\"”’')\]]*\s*$")
# A headline run into its story's dateline with no stop between: "... war on Ukraine BRUSSELS
# (AP) — The European Union ...". The dateline starts a sentence.
_RUN_IN_DATELINE = re.compile(
    r"(?<=[a-z0-9’'”\"])\s+(?=[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)?\s*\([A-Z][\w .&-]{0,30}\)\s*[-–—])"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    is_heading: bool


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of every paragraph (a line of text), with offsets into `text`."""
    sentences: list[Sentence] = []
    offset = 0
    lines = text.split("\n")
    # A text of one line (a single sentence, a feed summary) is prose, whatever its length.
    single_line = sum(1 for line in lines if line.strip()) <= 1
    for number, line in enumerate(lines):
        heading = not single_line and _is_heading(line)
        for start, end in _spans(line):
            sentences.append(
                Sentence(offset + start, offset + end, line[start:end], number, heading)
            )
        offset += len(line) + 1
    return sentences


def _spans(line: str) -> list[tuple[int, int]]:
    spans = []
    start = len(line) - len(line.lstrip())
    breaks = list(_BOUNDARY.finditer(line))
    if "(" in line:  # every run-in dateline names its agency in parentheses
        breaks = sorted([*breaks, *_RUN_IN_DATELINE.finditer(line)], key=_at)
    for match in breaks:
        if match.start() < start:
            continue
        if match.re is _BOUNDARY and _ends_with_abbreviation(line[start : match.start() + 1]):
            continue
        end = match.end() - len(match.group()) + len(match.group().rstrip())
        spans.append((start, end))
        start = match.end()
    end = len(line.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def _at(match: re.Match[str]) -> int:
    return match.start()


def _ends_with_abbreviation(chunk: str) -> bool:
    # Only the chunk's end can match: searching all of it costs time in the square of its length.
    word = _WORD_BEFORE.search(chunk, max(0, len(chunk) - 80))
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    # A single capital letter with a period is an initial ("John F. Kennedy").
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _is_heading(line: str) -> bool:
    """A short line without closing punctuation is a heading or a table row, not prose."""
    stripped = line.strip()
    if not stripped:
        return True
    return len(stripped.split()) <= 14 and stripped[-1] not in '.!?:;"”’)'
