"""Decompression with a cap on what comes out: a few kilobytes of gzip can hold gigabytes.

Every decompressor here stops with an InputError once its output passes the cap, before the
output is held in memory: HTTP bodies (Content-Encoding, even stacked as "gzip, gzip") and
the gzip members of a .warc.gz, one record each, whether read from disk or from a server.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable, Iterator
from typing import IO

from ..errors import InputError
from .files import describe_size

# zlib's window bits: gzip framing only, or zlib framing (HTTP's "deflate").
_GZIP, _ZLIB = 16 + zlib.MAX_WBITS, zlib.MAX_WBITS
_WBITS = {"gzip": _GZIP, "x-gzip": _GZIP, "deflate": _ZLIB}
ACCEPTED_ENCODINGS = "gzip, deflate"
# The longest line a WARC record may hold: a page minified onto one line runs to a few MB.
MAX_LINE = 8_000_000
_CHUNK = 1 << 16


def content_encodings(header: str) -> list[str]:
    """The encodings of a Content-Encoding header, in the order they were applied."""
    names = [name.strip().lower() for name in header.split(",") if name.strip()]
    return [name for name in names if name != "identity"]


def decoded(
    chunks: Iterable[bytes], encodings: list[str], cap: int, source: str
) -> Iterator[bytes]:
    """The body in `chunks` with each encoding undone, last applied first, none past `cap`."""
    for name in reversed(encodings):
        if name not in _WBITS:
            raise InputError(source, f"the server sent an encoding not asked for ({name})")
        chunks = _inflated(chunks, _WBITS[name], cap, source)
    return iter(chunks)


def _inflated(chunks: Iterable[bytes], wbits: int, cap: int, source: str) -> Iterator[bytes]:
    inflater = zlib.decompressobj(wbits)
    total = 0
    try:
        for chunk in chunks:
            pending = chunk
            while pending:
                # `max_length` bounds what one call may produce; the rest waits in the tail.
                out = inflater.decompress(pending, _CHUNK)
                total += len(out)
                if total > cap:
                    raise InputError(source, _over(cap))
                yield out
                pending = inflater.unconsumed_tail
    except zlib.error as error:
        raise InputError(source, f"damaged compressed data ({error})") from error


def _over(cap: int) -> str:
    return f"decompresses to over the {describe_size(cap)} limit; stopped reading"


class GzipMembers(io.RawIOBase):
    """The decompressed bytes of a stream of gzip members, none allowed past `cap` bytes.

    A .warc.gz holds one record a member, so `cap` bounds a record, not the archive: CC-NEWS
    archives run to gigabytes. A stream that ends inside a member sets `truncated`, so the
    reader can say so instead of ending quietly one record short.
    """

    def __init__(self, raw: IO[bytes], cap: int, source: str) -> None:
        self._raw, self._cap, self._source = raw, cap, source
        self._inflater = zlib.decompressobj(_GZIP)
        self._member_bytes = 0
        self._line_bytes = 0  # since the last line break
        self._in_member = False  # some of a member given to the inflater, not yet its end
        self._head = b""  # compressed bytes read but not yet given to the inflater
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while True:
            data = self._inflater.unconsumed_tail or self._head or self._raw.read(_CHUNK)
            self._head = b""
            if not data:
                return self._end()
            out = self._inflate(data, len(buffer))
            if out:
                buffer[: len(out)] = out
                return len(out)

    def _end(self) -> int:
        """End of the stream; inside a member, the stream was truncated. The reader is told
        (`truncated`) rather than raised at: what was read before is whole and still counts."""
        self.truncated = self._in_member
        return 0

    def _inflate(self, data: bytes, room: int) -> bytes:
        self._in_member = True
        try:
            out = self._inflater.decompress(data, room)
        except zlib.error as error:
            raise InputError(self._source, f"damaged or not a WARC file (gzip: {error})") from error
        self._member_bytes += len(out)
        if self._member_bytes > self._cap:
            raise InputError(self._source, f"a record {_over(self._cap)}")
        self._check_line(out)
        if self._inflater.eof:  # the member is whole: the next one starts afresh
            self._head = self._inflater.unused_data
            self._inflater = zlib.decompressobj(_GZIP)
            self._member_bytes, self._in_member = 0, False
        return out

    def _check_line(self, out: bytes) -> None:
        """A line past `MAX_LINE` stops the archive: warcio gathers a header line by joining
        bytes, so a 50 MB line inflated from a gzip bomb took it a minute."""
        end = out.rfind(b"\n")
        self._line_bytes = len(out) - end - 1 if end >= 0 else self._line_bytes + len(out)
        if self._line_bytes > MAX_LINE:
            limit = describe_size(MAX_LINE)
            raise InputError(self._source, f"a line of over {limit} in a record; stopped reading")
