"""Page furniture: aggregator disclaimers, boilerplate lines, calendars, pagination, author bios."""

from __future__ import annotations

import re

from .rules import (
    BioRules,
    CalendarRules,
    Folded,
    LineRules,
    PageRules,
    Rules,
    TeaserRules,
    matchable,
)

_TERMINAL = re.compile(r"[.!?…\"”'’)]$")
_DIGITS = re.compile(r"\d+")
_WORD_CHAR = re.compile(r"[^\W_]")
# Two cells of a flattened table glued together: a lower-case letter or figure, then a capital.
_GLUED = re.compile(r"[a-z0-9)%][A-Z]")
# A block of links holds at least one headline this long (the rest may be bylines).
_HEADLINE_WORDS = 4


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` carries on a sentence hard-wrapped at the end of ``previous``."""
    return bool(previous) and line[0].islower() and not _TERMINAL.search(previous)


# --- aggregator disclaimers -------------------------------------------------------------------


def _paragraph_span(lines: list[str], i: int) -> tuple[int, int]:
    """The lines of the hard-wrapped paragraph around line ``i`` (a sentence cut across lines)."""
    start = i
    while start > 0 and lines[start] and _continues(lines[start - 1], lines[start]):
        start -= 1
    end = i
    while end + 1 < len(lines) and lines[end + 1] and _continues(lines[end], lines[end + 1]):
        end += 1
    return start, end


def remove_aggregator(text: str, pattern: Folded) -> tuple[str, int]:
    """Drop every paragraph carrying an aggregator disclaimer; returns text and lines removed."""
    if pattern.search(text.replace("\u2019", "'")) is None:
        return text, 0
    lines = text.split("\n")
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if i not in drop and line and pattern.search(matchable(line)):
            start, end = _paragraph_span(lines, i)
            drop.update(range(start, end + 1))
    kept = [line for i, line in enumerate(lines) if i not in drop]
    return "\n".join(kept), len(drop)


# --- single boilerplate lines -----------------------------------------------------------------


def line_label(line: str, rules: LineRules) -> str | None:
    """The label of the boilerplate rule the whole line matches, if any."""
    if not line or (len(line) > rules.max_chars and _WORD_CHAR.search(line)):
        return None
    match = rules.combined.fullmatch(matchable(line))
    if match is None or match.lastgroup is None:
        return None
    return rules.labels[match.lastgroup]


def is_page_row(line: str, rules: PageRules) -> bool:
    """A pagination row: consecutive numbers counting up by one ("1 - 2 - 3", "« Prev 1 2 3")."""
    if not line or not rules.row.fullmatch(line):
        return False
    numbers = [int(n) for n in _DIGITS.findall(line)]
    consecutive = all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))
    worded = not line[0].isdigit() or not line[-1].isdigit()
    return consecutive and len(numbers) >= (
        rules.min_numbers_with_words if worded else rules.min_numbers
    )


# --- calendars --------------------------------------------------------------------------------


def _glued_days(digits: str) -> bool:
    """True when ``digits`` reads as consecutive day numbers written without spaces."""
    for first_len in (1, 2):
        if len(digits) < first_len:
            break
        day = int(digits[:first_len])
        pos = first_len
        while 1 <= day <= 31 and pos < len(digits):
            nxt = str(day + 1)
            if not digits.startswith(nxt, pos):
                break
            day, pos = day + 1, pos + len(nxt)
        if pos == len(digits) and 1 <= day <= 31:
            return True
    return False


def is_day_row(line: str) -> bool:
    """A calendar row: day numbers in order, spaced ("8 9 10") or glued ("891011")."""
    parts = line.split()
    if not parts or not all(p.isdigit() for p in parts):
        return False
    if len(parts) > 1:
        days = [int(p) for p in parts]
        return all(1 <= d <= 31 for d in days) and all(
            b == a + 1 for a, b in zip(days, days[1:], strict=False)
        )
    return _glued_days(parts[0])


def calendar_lines(lines: list[str], rules: CalendarRules) -> set[int]:
    """Indices of calendar blocks: month caption, weekday header and the day rows below it."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if not line or len(line) > 40 or not rules.header.fullmatch(line):
            continue
        found.add(i)
        prev = i - 1
        while prev >= 0 and not lines[prev]:
            prev -= 1
        if prev >= 0 and rules.month.fullmatch(lines[prev]):
            found.add(prev)
        nxt = i + 1
        while nxt < len(lines) and is_day_row(lines[nxt]):
            found.add(nxt)
            nxt += 1
    return found


# --- links to other stories ------------------------------------------------------------------


def teaser_blocks(lines: list[str], rules: TeaserRules) -> set[int]:
    """Blocks of a few short lines that end no sentence, with paragraphs before and after:
    headlines of other stories (with a byline or a bullet) left in the text."""
    found: set[int] = set()
    blocks = _blocks(lines)
    for before, block, after in zip(blocks, blocks[1:], blocks[2:], strict=False):
        if (
            rules.min_lines <= len(block) <= rules.max_lines
            and all(_link_like(lines[i], rules) for i in block)
            and any(len(lines[i].split()) >= _HEADLINE_WORDS for i in block)
            and _is_prose(lines, before, rules)
            and _is_prose(lines, after, rules)
            and not lines[before[-1]].rstrip().endswith(":")  # a list the text introduces
        ):
            found.update(block)
    return found


def _blocks(lines: list[str]) -> list[list[int]]:
    """Indices of the lines of each run of non-blank lines."""
    blocks: list[list[int]] = []
    for i, line in enumerate(lines):
        if line.strip():
            if blocks and blocks[-1][-1] == i - 1:
                blocks[-1].append(i)
            else:
                blocks.append([i])
    return blocks


def _link_like(line: str, rules: TeaserRules) -> bool:
    """A headline or byline: a few words, no sentence end, not a row of a table (mostly
    figures, or cells glued together as "Maritime securityJoint patrols")."""
    words = line.split()
    figures = sum(any(c.isdigit() for c in word) for word in words)
    return (
        2 <= len(words) <= rules.max_words
        and not rules.sentence_end.search(line.strip())
        and figures * 3 <= len(words)
        and not _GLUED.search(line)
    )


def _is_prose(lines: list[str], block: list[int], rules: TeaserRules) -> bool:
    return any(rules.sentence_end.search(lines[i].strip()) for i in block)


# --- author bios ------------------------------------------------------------------------------


def _stands_alone(bio: str, rules: BioRules) -> bool:
    """A bio that needs no name line: "Jane Doe is a reporter ...", "The author is ..."."""
    own_name = rules.name.match(bio)
    named = own_name is not None and rules.self_named.match(bio, own_name.end()) is not None
    return named or rules.unnamed.match(bio) is not None


def bio_lines(lines: list[str], rules: BioRules) -> set[int]:
    """A short bio line among the last lines of the article, with the short name line above
    it unless the bio starts with the name itself."""
    filled = [i for i, line in enumerate(lines) if line]
    tail = filled[-rules.tail_lines :]
    for pos, i in enumerate(tail):
        line = lines[i]
        if len(line) > rules.max_chars or not rules.bio.fullmatch(matchable(line)):
            continue
        if any(len(lines[j]) > 80 for j in tail[pos + 1 :]):
            continue
        if _stands_alone(line, rules):
            return {i}
        name_at = filled.index(i) - 1
        name = lines[filled[name_at]] if name_at >= 0 else ""
        if len(name) <= 60 and rules.name.fullmatch(name):
            return {filled[name_at], i}
    return set()


# --- the step ---------------------------------------------------------------------------------


def remove_boilerplate(text: str, rules: Rules) -> tuple[str, list[str]]:
    """Drop boilerplate lines; returns the text and one label per removed line."""
    lines = text.split("\n")
    labels: dict[int, str] = {i: "calendar" for i in calendar_lines(lines, rules.calendar)}
    for i, line in enumerate(lines):
        if i in labels or not line or (i > 0 and _continues(lines[i - 1], line)):
            continue
        label = line_label(line, rules.lines)
        if label is None and is_page_row(line, rules.pages):
            label = "page_numbers"
        if label is not None:
            labels[i] = label
    labels |= {i: "related_links" for i in teaser_blocks(lines, rules.teasers) - labels.keys()}
    kept = [line for i, line in enumerate(lines) if i not in labels]
    bio = bio_lines(kept, rules.bio)
    labels_out = [labels[i] for i in sorted(labels)] + ["author_bio"] * len(bio)
    kept = [line for i, line in enumerate(kept) if i not in bio]
    return "\n".join(kept), labels_out
