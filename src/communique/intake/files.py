"""Local files: read within the size cap and guess whether they hold HTML or plain text."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..settings import Settings
from .document import RawDocument
from .sources import HTML_SUFFIXES, suffix_of


def describe_size(size: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}"
    return f"{size} bytes"


# A page saved without its <html> wrapper still opens with HTML's own elements.
_HTML_OPENING = re.compile(
    rb"^(?:<!--.*?-->\s*)*<(?:body|head|div|article|section|main|p|h[1-6]|table|span|a)\b"
)


def media_type_of(name: str, content: bytes) -> str:
    if suffix_of(name) in HTML_SUFFIXES:
        return "text/html"
    head = content[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or _HTML_OPENING.match(head):
        return "text/html"
    return "text/plain"


def read_capped(path: str, settings: Settings) -> bytes:
    """The file's bytes; a file over the cap is refused before anything is read."""
    size = Path(path).stat().st_size
    if size > settings.max_input_bytes:
        limit = describe_size(settings.max_input_bytes)
        raise InputError(path, f"the file is {describe_size(size)}, over the {limit} limit")
    return Path(path).read_bytes()


def read_file(path: str, settings: Settings) -> RawDocument:
    content = read_capped(path, settings)
    return RawDocument(source_file=path, content=content, media_type=media_type_of(path, content))
