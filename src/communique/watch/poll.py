"""Polling one feed: a conditional request, then only the entries not read before.

A feed that answers 304 costs one request. Of one that changed, only entries whose key is
new are read (a page fetched for an entry without its text), so a feed of fifty entries with
one new costs two requests, not fifty-one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from ..errors import InputError
from ..intake import Fetcher, RawDocument
from ..intake.feeds import FEED_TYPES, looks_like_feed, parse_feed, read_entry
from ..intake.web import PAGE_OR_FEED, Fetched, page_document
from ..schema import content_id
from ..store.watch import FeedState


@dataclass(frozen=True)
class Backoff:
    """How long a failing feed is left alone: `first` seconds, doubled a failure, to `most`."""

    first: float = 60.0
    most: float = 6 * 3600.0

    def delay(self, failures: int) -> float:
        return min(self.first * 2 ** (failures - 1), self.most)


@dataclass
class Polled:
    """One feed polled: the documents of its new entries, their keys, and its state after."""

    state: FeedState
    documents: list[RawDocument | InputError] = field(default_factory=list)
    entry_keys: list[str] = field(default_factory=list)
    error: InputError | None = None
    not_modified: bool = False


def entry_key(entry: Any) -> str:
    """An entry's identity and version: a publisher's update to an entry makes a new key."""
    identity = entry.get("id") or entry.get("link") or entry.get("title") or ""
    version = entry.get("updated") or entry.get("published") or ""
    return content_id("e", identity, version)


def is_due(state: FeedState, now: datetime) -> bool:
    return state.next_attempt is None or datetime.fromisoformat(state.next_attempt) <= now


def poll_feed(
    state: FeedState, seen: Iterable[str], fetcher: Fetcher, now: datetime, backoff: Backoff
) -> Polled:
    """Ask the feed for what changed since the last poll; a failure is backed off."""
    try:
        fetched = fetcher.get(state.url, PAGE_OR_FEED, _conditional_headers(state))
        polled = _read_fetched(fetched, state, set(seen), fetcher)
    except InputError as error:
        failures = state.failures + 1
        retry = now + timedelta(seconds=backoff.delay(failures))
        failed = replace(
            state,
            failures=failures,
            next_attempt=retry.isoformat(),
            last_error=error.reason,
            last_polled=now.isoformat(),
        )
        return Polled(failed, error=error)
    polled.state = replace(
        polled.state, failures=0, next_attempt=None, last_error=None, last_polled=now.isoformat()
    )
    return polled


def _conditional_headers(state: FeedState) -> dict[str, str]:
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def _read_fetched(fetched: Fetched, state: FeedState, seen: set[str], fetcher: Fetcher) -> Polled:
    if fetched.status == 304:
        return Polled(state, not_modified=True)
    validated = replace(
        state,
        etag=fetched.headers.get("ETag"),
        last_modified=fetched.headers.get("Last-Modified"),
    )
    if fetched.media_type not in FEED_TYPES and not looks_like_feed(fetched.content):
        # A page is one entry, new whenever its bytes are.
        key = content_id("p", hashlib.sha256(fetched.content).hexdigest())
        if key in seen:
            return Polled(validated)
        return Polled(validated, [page_document(state.url, fetched)], [key])
    parsed = parse_feed(fetched.content, state.url, allow_empty=True)
    outlet = parsed.feed.get("title") or None
    polled = Polled(validated)
    for number, entry in enumerate(parsed.entries, 1):
        key = entry_key(entry)
        if key not in seen and key not in polled.entry_keys:
            polled.documents.append(read_entry(entry, number, state.url, fetcher, outlet))
            polled.entry_keys.append(key)
    return polled
