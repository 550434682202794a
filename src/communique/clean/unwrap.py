"""Hard-wrapped text (newswire and e-mail exports break lines at ~70 characters) back into
paragraphs, so a sentence is never cut in two by a line break."""

from __future__ import annotations

import re

_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)]\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:[•*\-–]|\d+[.)]\s)")
# A wrapped line is long; a short line without closing punctuation is a heading.
_MIN_WRAPPED_LENGTH = 30


def unwrap_lines(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _continues(previous: str, line: str) -> bool:
    """Whether `line` carries on the sentence `previous` left open."""
    if not previous.strip() or not line.strip() or _STARTS_ITEM.match(line):
        return False
    if " | " in previous or " | " in line:
        return False  # rows recovered from a flattened table stay rows
    if _ENDS_SENTENCE.search(previous):
        # "the U.S.\nofficials said": an abbreviation at the line end, not a sentence end.
        return previous.rstrip().endswith(".") and line.lstrip()[:1].islower()
    return len(previous.strip()) >= _MIN_WRAPPED_LENGTH
