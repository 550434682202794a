"""Tables flattened into text ("SectorPotential ProjectsExpected Benefits"): split the cells."""

from __future__ import annotations

import re

from .rules import TableRules

# Candidate glue point: lower-case letter, digit, ")", "]" or "%" directly before a capital.
_GLUE = re.compile(r"(?<=[a-z0-9)\]%])(?=[A-Z])")
_END_PUNCT = re.compile(r"[.!?;:,]$")


def _word_around(line: str, pos: int) -> tuple[int, int]:
    """Bounds of the run of letters that contains the glue point at ``pos``."""
    start = pos
    while start > 0 and line[start - 1].isalpha():
        start -= 1
    end = pos
    while end < len(line) and line[end].isalpha():
        end += 1
    return start, end


def glue_points(line: str, rules: TableRules) -> list[int]:
    """Positions where two table cells were glued together."""
    points = []
    for match in _GLUE.finditer(line):
        pos = match.start()
        if not line[pos - 1].isalpha():
            points.append(pos)
            continue
        start, end = _word_around(line, pos)
        left = line[start:pos]
        if len(left) < rules.min_left_letters or left in rules.name_prefixes:
            continue
        if line[start:end] in rules.keep_words:
            continue
        points.append(pos)
    return points


def split_cells(line: str, points: list[int]) -> list[str]:
    bounds = [0, *points, len(line)]
    return [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]


def _is_header(line: str, rules: TableRules) -> bool:
    if not line or len(line) > rules.max_header_chars or _END_PUNCT.search(line):
        return False
    points = glue_points(line, rules)
    if not points:
        return False
    cells = split_cells(line, points)
    return all(cell[:1].isupper() and len(cell.split()) <= rules.max_header_words for cell in cells)


def _rows_after(lines: list[str], start: int, rules: TableRules) -> list[int]:
    rows = []
    i = start
    while i < len(lines) and lines[i] and len(lines[i]) <= rules.max_row_chars:
        if not glue_points(lines[i], rules):
            break
        rows.append(i)
        i += 1
    return rows


def recover_tables(text: str, rules: TableRules) -> tuple[str, list[int]]:
    """Split glued cells with the cell separator; returns the text and rows per table found."""
    lines = text.split("\n")
    tables: list[int] = []
    i = 0
    while i < len(lines):
        rows = _rows_after(lines, i + 1, rules) if _is_header(lines[i], rules) else []
        if len(rows) < rules.min_rows:
            i += 1
            continue
        for j in (i, *rows):
            cells = split_cells(lines[j], glue_points(lines[j], rules))
            lines[j] = rules.cell_separator.join(cells)
        tables.append(len(rows))
        i = rows[-1] + 1
    return "\n".join(lines), tables
