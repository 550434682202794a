"""WARC archives as Common Crawl's CC-NEWS ships them: each HTML page response is an article."""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from ..errors import InputError
from ..settings import Settings
from .compression import GzipMembers
from .decode import charset_of
from .document import RawDocument
from .files import describe_size

HTML_TYPES = ("text/html", "application/xhtml+xml")
_GZIP_MAGIC = b"\x1f\x8b"
_DAMAGED = (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, ValueError)


# What a record may hold besides its page: WARC and HTTP headers.
_HEADERS_ROOM = 1_000_000


def read_warc_file(path: str, settings: Settings) -> Iterator[RawDocument | InputError]:
    # The size cap applies to each page, not the archive: CC-NEWS files are a gigabyte each.
    with open(path, "rb") as handle:
        yield from warc_documents(handle, path, settings.max_input_bytes)


def warc_documents(
    stream: io.BufferedReader, source: str, cap: int
) -> Iterator[RawDocument | InputError]:
    """Every page of the archive; requests, metadata, redirects and non-HTML are skipped.

    A gzipped archive is decompressed here, a record (one gzip member) at a time and none past
    the page cap: warcio's own decompression has no cap, and a 1 MB gzip bomb made 6 GB.
    """
    records = pages = 0
    members = _members(stream, cap + _HEADERS_ROOM, source)
    try:
        for record in ArchiveIterator(io.BufferedReader(members) if members else stream):
            records += 1
            if record.format != "warc":
                raise InputError(source, "not a WARC file")
            if _is_html_page(record):
                pages += 1
                yield _page(record, source, cap)
    except _DAMAGED as error:
        raise InputError(source, f"damaged or not a WARC file ({error})") from error
    if members and members.truncated:
        raise InputError(source, "the archive is truncated (cut off in a record)")
    if not records:
        raise InputError(source, "the input is empty")
    if not pages:
        raise InputError(source, "no HTML page responses in the WARC file")


def _members(stream: io.BufferedReader, cap: int, source: str) -> GzipMembers | None:
    """The gzip members of a gzipped archive, decompressed; None for an archive in the clear."""
    return GzipMembers(stream, cap, source) if stream.peek(2)[:2] == _GZIP_MAGIC else None


def _is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return record.http_headers.get_statuscode() == "200" and content_type.lower().startswith(
        HTML_TYPES
    )


def _page(record: Any, source: str, cap: int) -> RawDocument | InputError:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{source}#{uri}"
    content = record.content_stream().read(cap + 1)
    if len(content) > cap:
        return InputError(where, f"the page is over the {describe_size(cap)} limit")
    # Bytes the record promised but the archive no longer holds: a cut-off download.
    if getattr(record.raw_stream, "limit", 0):
        return InputError(where, "the record is cut short (the archive is truncated)")
    return RawDocument(
        source_file=where,
        content=content,
        media_type="text/html",
        url=uri or None,
        hints={"charset": charset_of(record.http_headers.get_header("Content-Type"))},
    )
