"""URLs: pages, feeds and WARC archives, fetched through one swappable httpx client.

Every request goes through a `Fetcher`: one client for a run, with the settings' user agent,
timeout (one overall deadline a request, not a limit a read), redirect limit and size cap
(on the decompressed body too). Pass it an httpx transport (`httpx.MockTransport`, a
proxy's) to change how the network is reached; nothing else in communique opens a socket.
"""

from __future__ import annotations

import io
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

import httpx

from ..errors import InputError
from ..settings import Settings
from .compression import ACCEPTED_ENCODINGS, content_encodings, decoded
from .deadline import Deadline, DeadlineTransport
from .decode import charset_of
from .document import RawDocument
from .feeds import FEED_TYPES, feed_documents, looks_like_feed
from .files import describe_size, media_type_of
from .sources import WARC_SUFFIXES, suffix_of
from .warc import warc_documents

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
WARC_TYPES = frozenset(
    {"application/warc", "application/octet-stream", "application/gzip", "application/x-gzip"}
)


@dataclass(frozen=True)
class Wanted:
    """The content types a request accepts, and how to name them in an error."""

    types: frozenset[str]
    name: str


PAGE = Wanted(PAGE_TYPES, "HTML or plain text")
PAGE_OR_FEED = Wanted(PAGE_TYPES | FEED_TYPES, "HTML, plain text or a feed")
WARC = Wanted(WARC_TYPES, "a WARC archive")


@dataclass(frozen=True)
class Fetched:
    url: str
    media_type: str
    charset: str | None
    content: bytes
    status: int = 200  # 304 when a conditional request found nothing new (and no content)
    headers: Mapping[str, str] = field(default_factory=dict)


class Fetcher:
    """The one way communique reaches the network."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self._transport = transport
        self._client: httpx.Client | None = None
        # Each request, redirects included, must be over within the fetch timeout.
        self._deadline = Deadline()

    @property
    def client(self) -> httpx.Client:
        # Made on first use: a run over local files never builds a TLS context.
        if self._client is None:
            self._client = httpx.Client(
                transport=self._transport or DeadlineTransport(self._deadline),
                mounts=None if self._transport else environment_proxies(self._deadline),
                timeout=self.settings.fetch_timeout,
                follow_redirects=True,
                max_redirects=self.settings.fetch_max_redirects,
                # Only encodings decompressed here, with a cap on the output (see compression).
                headers={
                    "User-Agent": self.settings.user_agent,
                    "Accept-Encoding": ACCEPTED_ENCODINGS,
                },
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def stream(
        self, url: str, wanted: Wanted, headers: Mapping[str, str] | None = None
    ) -> Iterator[httpx.Response]:
        """An open response of an accepted type; network failures become InputErrors.

        `headers` go with the request (If-None-Match, say, for a conditional one).
        """
        self._deadline.start(self.settings.fetch_timeout)
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                _check_response(response, url, wanted)
                yield response
        except (httpx.HTTPError, httpx.InvalidURL) as error:
            raise InputError(url, self._explain(error)) from error

    def get(
        self, url: str, wanted: Wanted = PAGE_OR_FEED, headers: Mapping[str, str] | None = None
    ) -> Fetched:
        """The whole body, read until the size cap or the time limit, whichever comes first."""
        with self.stream(url, wanted, headers) as response:
            content = self._read_capped(response, url)
            media_type, charset = _content_type(response)
            return Fetched(
                str(response.url),
                media_type,
                charset,
                content,
                response.status_code,
                response.headers,
            )

    def restart_deadline(self) -> None:
        """Give the request in flight a fetch timeout more (a WARC stream, for each record)."""
        self._deadline.start(self.settings.fetch_timeout)

    def fetch_page(self, url: str) -> RawDocument:
        return page_document(url, self.get(url, PAGE))

    def _read_capped(self, response: httpx.Response, url: str) -> bytes:
        cap, limit = self.settings.max_input_bytes, describe_size(self.settings.max_input_bytes)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            size = describe_size(int(declared))
            raise InputError(url, f"the response is {size}, over the {limit} limit")
        body = bytearray()
        for chunk in _decoded_body(response, cap, url):
            body += chunk
            if len(body) > cap:
                raise InputError(url, f"the response is over the {limit} limit; stopped reading")
        return bytes(body)

    def _explain(self, error: Exception) -> str:
        if isinstance(error, httpx.TimeoutException):
            return f"timed out after {self.settings.fetch_timeout:g} s"
        if isinstance(error, httpx.TooManyRedirects):
            return f"more than {self.settings.fetch_max_redirects} redirects"
        if isinstance(error, httpx.ConnectError):
            return f"cannot connect ({error})"
        return f"fetch failed ({type(error).__name__}: {error})"


def fetch_documents(
    url: str, settings: Settings, fetcher: Fetcher | None = None
) -> Iterator[RawDocument | InputError]:
    """The articles at `url`: one page, each entry of a feed, or each page of a WARC archive."""
    with fetcher_for(fetcher, settings) as web:
        if suffix_of(url) in WARC_SUFFIXES:
            yield from _fetch_warc(url, web)
            return
        fetched = web.get(url, PAGE_OR_FEED)
        if fetched.media_type in FEED_TYPES or looks_like_feed(fetched.content):
            yield from feed_documents(fetched.content, url, web)
        else:
            yield page_document(url, fetched)


def page_document(url: str, fetched: Fetched) -> RawDocument:
    is_html = fetched.media_type in ("text/html", "application/xhtml+xml")
    return RawDocument(
        source_file=url,
        content=fetched.content,
        media_type="text/html" if is_html else media_type_of(url, fetched.content),
        url=fetched.url,
        hints={"charset": fetched.charset},
    )


def _fetch_warc(url: str, web: Fetcher) -> Iterator[RawDocument | InputError]:
    # Streamed record by record: a CC-NEWS archive is far bigger than the per-page cap, so the
    # deadline is a fetch timeout a record rather than for the whole archive.
    with web.stream(url, WARC) as response:
        if content_encodings(response.headers.get("Content-Encoding", "")):
            raise InputError(url, "a WARC archive sent with a Content-Encoding; not read")
        reader = io.BufferedReader(_ChunkReader(response.iter_raw()))
        for document in warc_documents(reader, url, web.settings.max_input_bytes):  # type: ignore[arg-type]
            web.restart_deadline()
            yield document


@contextmanager
def fetcher_for(fetcher: Fetcher | None, settings: Settings) -> Iterator[Fetcher]:
    """The caller's fetcher, or one made for this call and closed after it."""
    if fetcher is not None:
        yield fetcher
        return
    with Fetcher(settings) as own:
        yield own


def _decoded_body(response: httpx.Response, cap: int, url: str) -> Iterator[bytes]:
    """The body decompressed here rather than by httpx, whose decoders have no output cap."""
    if response.is_stream_consumed:  # built whole, as a mock transport's: httpx decoded it
        return iter([response.content])
    encodings = content_encodings(response.headers.get("Content-Encoding", ""))
    return decoded(response.iter_raw(), encodings, cap, url)


def _check_response(response: httpx.Response, url: str, wanted: Wanted) -> None:
    if response.status_code >= 400:
        phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
        raise InputError(url, f"the server answered {response.status_code}{phrase}")
    media_type, _ = _content_type(response)
    # An untyped body is let through and sniffed; a typed one must be of a wanted type.
    if media_type and media_type not in wanted.types:
        raise InputError(url, f"the server sent {media_type}, not {wanted.name}")


def _content_type(response: httpx.Response) -> tuple[str, str | None]:
    header = response.headers.get("Content-Type", "")
    return header.split(";")[0].strip().lower(), charset_of(header)


class _ChunkReader(io.RawIOBase):
    """A read-only file over an iterator of byte chunks, for readers that want a file."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def environment_proxies(deadline: Deadline) -> dict[str, httpx.BaseTransport]:
    """Transports for the proxies the environment names (HTTP_PROXY, HTTPS_PROXY, NO_PROXY),
    as httpx would use them by itself, each keeping the request's deadline."""
    proxies = urllib.request.getproxies()
    mounts: dict[str, httpx.BaseTransport] = {
        f"{scheme}://": DeadlineTransport(deadline, proxy=proxies[scheme])
        for scheme in ("http", "https")
        if proxies.get(scheme)
    }
    if mounts:
        for host in filter(None, (h.strip() for h in proxies.get("no", "").split(","))):
            mounts[f"all://*{host.lstrip('.')}"] = DeadlineTransport(deadline)
    return mounts
