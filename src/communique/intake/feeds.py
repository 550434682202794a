"""RSS and Atom feeds (feedparser): each entry is an article, the feed's metadata its hints."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import suppress
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

import feedparser

from ..errors import InputError
from ..settings import Settings
from .document import RawDocument
from .files import read_capped
from .sources import is_url

if TYPE_CHECKING:
    from .web import Fetcher

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_HTML_CONTENT = ("text/html", "application/xhtml+xml")


def looks_like_feed(content: bytes) -> bool:
    """Whether a body served as plain text (or untyped) is in fact RSS or Atom."""
    head = content[:2048].lstrip().lower()
    return head.startswith(_FEED_ROOTS) or (
        head.startswith(b"<?xml") and any(root in head for root in _FEED_ROOTS)
    )


def read_feed_file(
    path: str, settings: Settings, fetcher: Fetcher
) -> Iterator[RawDocument | InputError]:
    yield from feed_documents(read_capped(path, settings), path, fetcher)


def feed_documents(
    content: bytes, source: str, fetcher: Fetcher
) -> Iterator[RawDocument | InputError]:
    """One document per entry: its full text when the feed carries it, else its fetched link.

    An entry that fails is yielded as its InputError; the other entries still count.
    """
    parsed = parse_feed(content, source)
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        yield read_entry(entry, number, source, fetcher, outlet)


def read_entry(
    entry: Any, number: int, source: str, fetcher: Fetcher, outlet: str | None
) -> RawDocument | InputError:
    """The document of the `number`th entry of the feed at `source`, or why it failed."""
    hints = {"title": entry.get("title") or None, "published": entry_date(entry)}
    hints["outlet"] = outlet
    try:
        return _entry_document(entry, number, source, fetcher, hints)
    except InputError as error:
        return error
    except ValueError as error:  # a link that is not a URL, say
        return InputError(f"{source}#{number}", f"cannot read the entry ({error})")


def parse_feed(content: bytes, source: str, allow_empty: bool = False) -> Any:
    """The parsed feed; one with no entries is an error unless `allow_empty` (a watched
    feed can be empty for a while)."""
    if not content.strip():
        raise InputError(source, "the feed is empty")
    # A stream, never bytes or a string: given those, feedparser may open them as a file or URL.
    parsed = feedparser.parse(io.BytesIO(content))
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        raise InputError(source, f"not an RSS or Atom feed{detail}")
    if not parsed.entries and not allow_empty:
        raise InputError(source, "the feed has no entries")
    return parsed


def _entry_document(
    entry: Any, number: int, source: str, fetcher: Fetcher, hints: dict[str, str | None]
) -> RawDocument:
    link = entry.get("link") or None
    carried = _carried_text(entry, summary_too=link is None)
    if carried is not None:
        text, media_type = carried
        return RawDocument(
            source_file=link or f"{source}#{entry.get('id') or number}",
            content=text.encode("utf-8"),
            media_type=media_type,
            url=link,
            hints=hints,
        )
    if link is None:
        raise InputError(f"{source}#{number}", "the entry has neither text nor a link")
    if not is_url(link):
        raise InputError(link, "the entry's link is not an http(s) URL")
    page = fetcher.fetch_page(link)
    # The feed's title, date and outlet are cleaner than what is scraped from the page.
    page.hints.update({name: value for name, value in hints.items() if value})
    return page


def _carried_text(entry: Any, summary_too: bool) -> tuple[str, str] | None:
    """(text, media type) of the entry's full content; a summary counts only with no link."""
    parts = list(entry.get("content") or [])
    if summary_too and entry.get("summary_detail"):
        parts.append(entry["summary_detail"])
    for part in parts:
        value = (part.get("value") or "").strip()
        if value:
            is_html = (part.get("type") or "text/html").lower() in _HTML_CONTENT
            return value, "text/html" if is_html else "text/plain"
    return None


def entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) day as ISO 8601, as the publisher wrote it."""
    for key in ("published", "updated"):
        written = _local_date(entry.get(key))
        if written:
            return written
        parsed = entry.get(f"{key}_parsed")
        # feedparser turns "0000-00-00" into the year -1, which no date holds.
        with suppress(ValueError, TypeError):
            if parsed:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def _local_date(value: str | None) -> str | None:
    # feedparser's *_parsed is shifted to UTC, which can move a late-evening story a day.
    if not value:
        return None
    with suppress(ValueError, TypeError, IndexError):
        return parsedate_to_datetime(value).date().isoformat()
    with suppress(ValueError):
        return datetime.fromisoformat(value).date().isoformat()
    return None
