"""Chatbot residue: reply openers, self-references, closers and code fences."""

from __future__ import annotations

import re

from .rules import GeneratedRules

# The residue ends at the first sentence end after the cue (or at the end of the line).
_SENTENCE_END = re.compile(r"[.!?:…](?=\s|$)")
# What a cut can leave of its line: a label ("Note:", "Please note that") or markup ("**").
_LEFTOVER = re.compile(r"[\W_]*(?:[^\W\d_]+\s*){0,3}[:\-–—]?[\W_]*")
# A cue right after one of these is quoted speech.
_OPEN_QUOTES = ('"', "“", "‘", "'", "«")


def _find_cue(line: str, rules: GeneratedRules) -> re.Match[str] | None:
    """The first cue in ``line`` that is not the start of quoted speech."""
    folded = line.replace("\u2019", "'")
    pos = 0
    while (match := rules.cues.search(folded, pos)) is not None:
        if not folded[: match.start()].rstrip().endswith(_OPEN_QUOTES):
            return match
        pos = match.end()
    return None


def _cut_residue(line: str, rules: GeneratedRules, found: list[str]) -> str:
    """Remove every residue sentence from one line; keep the text before each cue."""
    while True:
        match = _find_cue(line, rules)
        if match is None:
            return line
        start, cue_end = match.start(), match.end()
        end_match = _SENTENCE_END.search(line, cue_end)
        end = end_match.end() if end_match else len(line)
        found.append(line[start:cue_end].strip())
        line = (line[:start].rstrip() + " " + line[end:].lstrip()).strip()


def remove_generated(text: str, rules: GeneratedRules) -> tuple[str, list[str]]:
    """Drop chatbot residue; returns the text and what was removed (cue texts, fences)."""
    if "`" not in text and rules.cues.search(text.replace("\u2019", "'")) is None:
        return text, []
    found: list[str] = []
    kept: list[str] = []
    for line in text.split("\n"):
        if "`" in line and rules.fence_line.fullmatch(line.strip()):
            found.append("code fence")
            continue
        if "```" in line:
            new = rules.fence_inline.sub("", line)
            if new != line:
                found.append("code fence")
                line = new.strip()
                if not line:
                    continue
        cut = _cut_residue(line, rules, found)
        if cut != line and line.startswith(cut) and _LEFTOVER.fullmatch(cut):
            continue  # the line held residue and, before it, at most a lead-in ("Note:")
        kept.append(cut)
    return "\n".join(kept), found
