"""Bytes to text: refuse binaries, detect the encoding, survive mixed encodings."""

from __future__ import annotations

import codecs
import re
from contextlib import suppress

from charset_normalizer import from_bytes

from ..errors import InputError

_BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"PK\x03\x04", b"\xff\xd8\xff", b"\x7fELF")


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_ASCII = bytes(range(128))
_CP1252_FALLBACK = "communique-cp1252"


def _stray_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):  # registered for decoding only
        raise error
    stray = error.object[error.start : error.end]
    return stray.decode("cp1252", errors="replace"), error.end


codecs.register_error(_CP1252_FALLBACK, _stray_bytes_as_cp1252)


def _mostly_utf8(content: bytes) -> bool:
    """Whether most non-ASCII bytes form valid UTF-8 sequences."""
    high = len(content.translate(None, _ASCII))
    in_utf8 = sum(len(sequence) for sequence in _UTF8_MULTIBYTE.findall(content))
    return in_utf8 * 2 > high


# Control characters that text does not hold (tab, newlines, form feed and CR are text).
_CONTROL_BYTES = bytes([*range(9), *range(14, 32)])


def looks_binary(content: bytes) -> bool:
    head = content[:8192]
    if head.startswith(_BINARY_SIGNATURES) or b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return bool(head) and controls / len(head) > 0.05


def decode(content: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes as UTF-8 when they are (mostly), else as `declared` (the charset an HTTP
    header or WARC record named), else as the encoding charset-normalizer finds."""
    if not content.strip():
        raise InputError(source, "the input is empty")
    if looks_binary(content):
        raise InputError(source, "the input is binary, not text or HTML")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(content):
        # Mixed encodings (a UTF-8 page with a pasted Windows-1252 quote): decode each part
        # as what it is rather than read the whole page in one wrong encoding.
        return content.decode("utf-8", errors=_CP1252_FALLBACK)
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
