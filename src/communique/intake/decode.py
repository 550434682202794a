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
    # More than a stray NUL: binaries are full of them, a text page may carry one by mistake.
    if head.startswith(_BINARY_SIGNATURES) or head.count(0) > len(head) // 100:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return bool(head) and controls / len(head) > 0.05


def decode(content: bytes, source: str, declared: str | None = None) -> str:
    """Decode bytes as UTF-16 or UTF-32 when they are, as UTF-8 when they are (mostly), else
    as `declared` (the charset an HTTP header or WARC record named), else as the encoding
    charset-normalizer finds. Control characters that text does not hold are dropped."""
    return _without_controls(_decode(content, source, declared))


def _decode(content: bytes, source: str, declared: str | None) -> str:
    if not content.strip():
        raise InputError(source, "the input is empty")
    wide = _wide_encoding(content)
    if wide:
        return content.decode(wide, errors="replace").removeprefix("\ufeff")
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


# Byte order marks, longest first: UTF-32's little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _wide_encoding(content: bytes) -> str | None:
    """UTF-16 or UTF-32 (which look binary, being full of NUL bytes), by their byte order mark
    or, without one, by where the NULs of mostly-Latin text fall."""
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name
    head = content[:4096]
    if len(head) < 8 or b"\x00" not in head or not _mostly_text(head.replace(b"\x00", b"")):
        return None
    quarters = [head[i::4].count(0) / len(head[i::4]) for i in range(4)]
    if quarters[1] > 0.9 and quarters[2] > 0.9 and quarters[3] > 0.9:
        return "utf-32-le"
    if quarters[0] > 0.9 and quarters[1] > 0.9 and quarters[2] > 0.9:
        return "utf-32-be"
    odd, even = head[1::2].count(0) / len(head[1::2]), head[0::2].count(0) / len(head[0::2])
    if odd > 0.6 and even < 0.1:
        return "utf-16-le"
    if even > 0.6 and odd < 0.1:
        return "utf-16-be"
    return None


_PRINTABLE_ASCII = bytes(range(32, 127)) + b"\t\n\r"


def _mostly_text(data: bytes) -> bool:
    """Whether the bytes are mostly printable ASCII: what remains of wide-encoded Latin text
    without its NULs, and not of a binary full of zeros."""
    return bool(data) and len(data.translate(None, _PRINTABLE_ASCII)) < len(data) // 10


# C0 controls but tab, newlines, form feed and CR; DEL. A stray one after a </script> made
# the HTML parser give up on the whole page, and NULs past the binary check were stored.
_CONTROLS = dict.fromkeys([*range(9), 11, *range(14, 32), 127])


def _without_controls(text: str) -> str:
    return text.translate(_CONTROLS)


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header ("text/html; charset=windows-1252")."""
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip("\"' "):
            return value.strip("\"' ")
    return None
