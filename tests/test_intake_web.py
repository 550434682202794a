"""Tests for intake from URLs (communique.intake.web), against a server on 127.0.0.1."""

from __future__ import annotations

import gzip
import socket
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from intake_server import Answer, LocalServer
from test_intake import CC_NEWS, PAGE, PROSE, documents, errors, warc_bytes

from communique.errors import InputError
from communique.intake import Fetcher, RawDocument, read_inputs
from communique.settings import Settings

SETTINGS = Settings().with_(
    fetch_timeout=0.5,
    fetch_max_redirects=2,
    max_input_bytes=100_000,
    user_agent="communique-test/1",
)
HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml"


def rss(items: str, title: str = "Harbour Wire") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://127.0.0.1/</link>{items}</channel></rss>"
    ).encode()


def item(title: str, link: str, date: str = "Tue, 22 Apr 2025 06:10:00 GMT") -> str:
    return (
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
        "<description>A teaser only.</description></item>"
    )


ROUTES = {
    "/page": Answer(PAGE, content_type=HTML),
    "/plain": Answer(PROSE.encode(), content_type="text/plain"),
    "/latin": Answer("<p>Señor</p>".encode("cp1252"), content_type="text/html; charset=cp1252"),
    "/untyped": Answer(PAGE, content_type=None),
    "/hop1": Answer(status=302, headers={"Location": "/hop2"}),
    "/hop2": Answer(status=302, headers={"Location": "/page"}),
    "/loop": Answer(status=302, headers={"Location": "/loop"}),
    "/broken": Answer(b"oops", status=500, content_type="text/plain"),
    "/missing": Answer(b"no", status=404, content_type="text/plain"),
    "/slow": Answer(PAGE, delay=2.0),
    "/pdf": Answer(b"%PDF-1.7", content_type="application/pdf"),
    "/endless": Answer(b"<p>" + b"x" * 65_536 + b"</p>", repeat=2_000),
    "/declared-huge": Answer(b"<p>small</p>", repeat=2, headers={"Content-Length": "900000000"}),
    "/feed.xml": Answer(b"", content_type=RSS),  # filled in by the fixture, which knows the port
    "/feed-as-text": Answer(b"", content_type="text/plain"),
    "/not-a-feed": Answer(b"{'json': 'not xml'}", content_type=RSS),
    "/atom": Answer(
        f"""<?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
        <entry><title>Full text here</title><id>urn:x:1</id>
        <link href="http://127.0.0.1:1/never-fetched"/>
        <published>2025-05-01T08:00:00+09:00</published>
        <content type="html">&lt;p&gt;{PROSE}&lt;/p&gt;</content></entry></feed>""".encode(),
        content_type="application/atom+xml",
    ),
    "/cc.warc.gz": Answer(warc_bytes(CC_NEWS), content_type="application/warc"),
    "/drip": Answer(PAGE, content_type=HTML, drip=0.2),
    "/drip.warc.gz": Answer(warc_bytes(CC_NEWS), content_type="application/warc", drip=0.05),
    "/gzip": Answer(gzip.compress(PAGE), content_type=HTML, headers={"Content-Encoding": "gzip"}),
}


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    routes = dict(ROUTES)
    with LocalServer(routes) as running:
        feed = rss(
            item("Envoy summoned", running.url("/page"))
            + item("Broken link", running.url("/broken"))
            + item("Plain report", running.url("/plain"), date="2025-04-23T10:00:00Z")
        )
        routes["/feed.xml"] = Answer(feed, content_type=RSS)
        routes["/feed-as-text"] = Answer(feed, content_type="text/plain")
        yield running


def fetch(url: str) -> list[RawDocument | InputError]:
    """What reading `url` yields, its failure included, as `communique ingest` sees it."""
    return list(read_inputs([url], SETTINGS))


def only_error(items: list[RawDocument | InputError]) -> str:
    (item,) = items
    assert isinstance(item, InputError)
    return str(item)


# --- pages --------------------------------------------------------------------------------------


def test_page_is_fetched_with_our_user_agent(server: LocalServer) -> None:
    url = server.url("/page")
    (doc,) = fetch(url)
    assert isinstance(doc, RawDocument)
    assert (doc.source_file, doc.url, doc.media_type, doc.content) == (url, url, "text/html", PAGE)
    assert ("/page", "communique-test/1") in server.requests


def test_plain_text_and_untyped_pages(server: LocalServer) -> None:
    (plain,) = documents(fetch(server.url("/plain")))
    (untyped,) = documents(fetch(server.url("/untyped")))
    assert plain.media_type == "text/plain"
    assert untyped.media_type == "text/html"  # sniffed from <!DOCTYPE html>


def test_declared_charset_is_kept_as_a_hint(server: LocalServer) -> None:
    (doc,) = documents(fetch(server.url("/latin")))
    assert doc.hints == {"charset": "cp1252"}


def test_redirects_are_followed_within_the_limit(server: LocalServer) -> None:
    url = server.url("/hop1")
    (doc,) = documents(fetch(url))
    assert (doc.source_file, doc.url) == (url, server.url("/page"))
    assert only_error(fetch(server.url("/loop"))) == f"{server.url('/loop')}: more than 2 redirects"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/broken", "the server answered 500 Internal Server Error"),
        ("/missing", "the server answered 404 Not Found"),
        ("/pdf", "the server sent application/pdf, not HTML, plain text or a feed"),
        ("/declared-huge", "the response is 900.0 MB, over the 100.0 kB limit"),
    ],
)
def test_failed_fetch_is_one_error_naming_the_url(
    server: LocalServer, path: str, reason: str
) -> None:
    assert only_error(fetch(server.url(path))) == f"{server.url(path)}: {reason}"


def test_slow_server_times_out(server: LocalServer) -> None:
    started = time.monotonic()
    assert only_error(fetch(server.url("/slow"))) == f"{server.url('/slow')}: timed out after 0.5 s"
    assert time.monotonic() - started < 1.5


def test_endless_body_is_cut_off_at_the_cap(server: LocalServer) -> None:
    started = time.monotonic()
    message = only_error(fetch(server.url("/endless")))
    assert message.endswith("/endless: the response is over the 100.0 kB limit; stopped reading")
    assert time.monotonic() - started < 1.5  # 131 MB were on offer


def test_a_server_dripping_its_headers_times_out_on_the_overall_deadline(
    server: LocalServer,
) -> None:
    """Twenty header lines, one every 0.2 s: each read is quick, the whole is not."""
    started = time.monotonic()
    assert only_error(fetch(server.url("/drip"))) == f"{server.url('/drip')}: timed out after 0.5 s"
    assert time.monotonic() - started < 1.5


def test_a_server_dripping_a_warc_archive_times_out(server: LocalServer) -> None:
    started = time.monotonic()
    url = server.url("/drip.warc.gz")
    assert only_error(fetch(url)) == f"{url}: timed out after 0.5 s"
    assert time.monotonic() - started < 1.5


def gzipped_zeros(size: int, layers: int) -> bytes:
    """`size` zero bytes gzipped `layers` times: a few kilobytes that inflate to `size`."""
    squeezer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    body = b"".join(squeezer.compress(block) for _ in range(size >> 20)) + squeezer.flush()
    for _ in range(layers - 1):
        body = gzip.compress(body, 9)
    return body


def peak_memory_of(action: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_stacked_gzip_bomb_is_cut_off_at_the_cap_without_inflating_it() -> None:
    bomb = gzipped_zeros(300_000_000, layers=2)
    assert len(bomb) < 5_000
    routes = {"/bomb": Answer(bomb, content_type=HTML, headers={"Content-Encoding": "gzip, gzip"})}
    with LocalServer(routes) as bomber:
        url = bomber.url("/bomb")
        found: list[RawDocument | InputError] = []
        peak = peak_memory_of(lambda: found.extend(fetch(url)))
    assert only_error(found) == f"{url}: decompresses to over the 100.0 kB limit; stopped reading"
    assert peak < 20_000_000


def test_a_gzipped_page_is_read(server: LocalServer) -> None:
    (doc,) = documents(fetch(server.url("/gzip")))
    assert doc.content == PAGE


def test_refused_connection_is_one_error() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nobody listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/page"
    assert only_error(fetch(url)).startswith(f"{url}: cannot connect (")


# --- feeds --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/feed.xml", "/feed-as-text"])
def test_feed_entries_are_fetched_and_a_bad_link_is_one_error(
    server: LocalServer, path: str
) -> None:
    items = fetch(server.url(path))
    broken = server.url("/broken")
    assert errors(items) == [f"{broken}: the server answered 500 Internal Server Error"]
    page, plain = documents(items)
    assert (page.source_file, page.content) == (server.url("/page"), PAGE)
    assert page.hints == {
        "charset": "utf-8",
        "title": "Envoy summoned",
        "published": "2025-04-22",
        "outlet": "Harbour Wire",
    }
    assert (plain.media_type, plain.hints["published"]) == ("text/plain", "2025-04-23")


def test_feed_with_full_text_is_not_fetched_further(server: LocalServer) -> None:
    (doc,) = documents(fetch(server.url("/atom")))
    assert doc.source_file == "http://127.0.0.1:1/never-fetched"
    assert doc.content.decode() == f"<p>{PROSE}</p>"
    assert doc.hints == {
        "title": "Full text here",
        "published": "2025-05-01",  # the day in Tokyo, where it was published
        "outlet": "Atom Desk",
    }


def test_feed_that_is_not_xml_is_one_error(server: LocalServer) -> None:
    url = server.url("/not-a-feed")
    assert only_error(fetch(url)).startswith(f"{url}: not an RSS or Atom feed (")


# --- WARC over HTTP -----------------------------------------------------------------------------


def test_warc_archive_by_url_is_streamed_into_pages(server: LocalServer) -> None:
    url = server.url("/cc.warc.gz")
    items = fetch(url)
    assert errors(items) == []
    assert [d.source_file for d in documents(items)] == [
        f"{url}#https://news.example/a",
        f"{url}#https://news.example/b",
    ]


# --- one client for a run -----------------------------------------------------------------------


def test_read_inputs_goes_on_after_failed_urls(server: LocalServer, tmp_path: Path) -> None:
    local = tmp_path / "local.txt"
    local.write_text(PROSE, encoding="utf-8")
    inputs = [server.url("/slow"), server.url("/broken"), str(local), server.url("/page")]
    items = list(read_inputs(inputs, SETTINGS))
    assert [i.source if isinstance(i, InputError) else i.source_file for i in items] == inputs


def test_transport_can_be_swapped_for_one_without_a_network() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, headers={"Content-Type": "text/plain"}, content=PROSE.encode())

    with Fetcher(SETTINGS, transport=httpx.MockTransport(answer)) as fetcher:
        items = list(read_inputs(["https://nowhere.invalid/story"], SETTINGS, fetcher))
    (doc,) = documents(items)
    assert doc.content == PROSE.encode()
    assert seen[0].headers["User-Agent"] == "communique-test/1"


def test_a_proxy_named_by_the_environment_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """HTTP_PROXY is honoured as httpx would honour it, the deadline kept: the proxy gets the
    request in absolute form and its answer is the page."""
    url = "http://news.invalid/page"
    with LocalServer({url: Answer(PAGE, content_type=HTML)}) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url(""))
        monkeypatch.setenv("NO_PROXY", "")
        (document,) = fetch(url)
    assert isinstance(document, RawDocument) and document.content == PAGE
    assert [path for path, _ in proxy.requests] == [url]
