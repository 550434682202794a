"""Chatbot residue: reply openers, self-references, closers and code fences."""

from __future__ import annotations

import re

from .rules import GeneratedRules, matchable

# The residue ends at the first sentence end after the cue (or at the end of the line).
_SENTENCE_END = re.compile(r"[.!?:…](?=\s|$)")


def _cut_residue(line: str, rules: GeneratedRules, found: list[str]) -> str:
    """Remove every residue sentence from one line; keep the text before each cue."""
    while True:
        match = rules.cues.search(matchable(line)) if line.strip() else None
        if match is None:
            return line
        offset = len(line) - len(line.lstrip())
        start, cue_end = match.start() + offset, match.end() + offset
        end_match = _SENTENCE_END.search(line, cue_end)
        end = end_match.end() if end_match else len(line)
        found.append(line[start:cue_end].strip())
        line = (line[:start].rstrip() + " " + line[end:].lstrip()).strip()


def remove_generated(text: str, rules: GeneratedRules) -> tuple[str, list[str]]:
    """Drop chatbot residue; returns the text and what was removed (cue texts, fences)."""
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
        if cut or not line:
            kept.append(cut)
    return "\n".join(kept), found
