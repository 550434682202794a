"""Bytes to text: refuse binaries, detect the encoding, survive mixed encodings."""

from __future__ import annotations

from contextlib import suppress

from charset_normalizer import from_bytes

from ..errors import InputError

_BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"PK\x03\x04", b"\xff\xd8\xff", b"\x7fELF")


def looks_binary(content: bytes) -> bool:
    head = content[:8192]
    if head.startswith(_BINARY_SIGNATURES) or b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.05


def decode(content: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes as UTF-8 when they are, else as `declared` (the charset an HTTP header or
    WARC record named), else as the encoding charset-normalizer finds."""
    if not content.strip():
        raise InputError(source, "the input is empty")
    if looks_binary(content):
        raise InputError(source, "the input is binary, not text or HTML")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if declared:
        with suppress(LookupError, UnicodeDecodeError):
            return content.decode(declared)
    best = from_bytes(content).best()
    if best is None:
        # Mixed encodings: keep every valid UTF-8 run and replace the rest, rather than fail.
        return content.decode("utf-8", errors="replace")
    return str(best)


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header ("text/html; charset=windows-1252")."""
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip("\"' "):
            return value.strip("\"' ")
    return None
