"""Metadata of plain-text articles: a leading date marker, a title line, datelines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..coding.dates import find_publication_date

# Saved-text exports put the publication date first: " date 2026-01-23 Body text...", or
# " date 2023-05" where the page gave only the month.
_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*\n?")
# "JAKARTA, Feb 13 (Reuters) -" or "Seoul – 12 August 2025 (MT Team) :" name the outlet.
_DATELINE_OUTLET = re.compile(r"^[^\n(]{2,60}?\((?P<outlet>[A-Z][\w .&'-]{1,40})\)\s*[-–—:]")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")


@dataclass
class TextExtract:
    text: str
    title: str | None
    outlet: str | None
    published: str | None


def extract_text(raw: str) -> TextExtract:
    """Split a saved article into its head (date, title) and body text."""
    published = None
    marker = _DATE_MARKER.match(raw)
    if marker:
        published = marker.group(1)
        raw = raw[marker.end() :]
    lines = raw.lstrip("\n").split("\n")
    head_date, lines = _leading_date_line(lines)
    published = published or head_date
    title, lines = _title_line(lines)
    body = "\n".join(lines)
    # Some exports put the marker under the title instead: "Title\n date 2025-08-20\n...".
    marker = _DATE_MARKER.match(body)
    if marker:
        published = published or marker.group(1)
        body = body[marker.end() :]
    if published is None:
        found = find_publication_date(body)
        published = found.iso if found else None
    outlet_match = _DATELINE_OUTLET.search(body[:300])
    outlet = outlet_match.group("outlet").strip() if outlet_match else None
    return TextExtract(text=body, title=title, outlet=outlet, published=published)


def _leading_date_line(lines: list[str]) -> tuple[str | None, list[str]]:
    """A first line that is only a date ("Wednesday, August 13, 2025") is metadata."""
    first = _first_nonblank(lines)
    if first is None:
        return None, lines
    line = lines[first].strip()
    if len(line.split(maxsplit=6)) > 6:
        return None, lines  # a first line of text (a whole article, in some exports)
    found = find_publication_date(line)
    if found is not None and found.precision == "day":
        return found.iso, lines[first + 1 :]
    return None, lines


def _title_line(lines: list[str]) -> tuple[str | None, list[str]]:
    """A short first line without closing punctuation, followed by more text, is the title."""
    first = _first_nonblank(lines)
    if first is None:
        return None, lines
    line = lines[first].strip()
    rest = lines[first + 1 :]
    looks_like_title = 2 <= len(line.split()) <= 25 and not _SENTENCE_END.search(line)
    if looks_like_title and any(r.strip() for r in rest):
        return line, rest
    return None, lines


def _first_nonblank(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines) if line.strip()), None)
