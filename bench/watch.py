"""A watcher's rounds over local feeds: 50 feeds of 20 entries each (Reuters and Guardian
stories from ../shared/corpus/bench) served on 127.0.0.1 with ETags.

Round 1 reads all 1,000 entries; round 2 finds one new entry in 10 of the feeds (the delay
from a new entry to its alert is that round's time); round 3 finds nothing (every feed 304).
The explorer is served by the same process (as `watch --serve`) and asked for pages throughout
each round: its latency while news is written.

    .venv/bin/python bench/watch.py [--feeds 50] [--entries 20]
"""

from __future__ import annotations

import argparse
import html
import socket
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
from run import DEFAULT_CORPUS, Story, load_stories

from communique import Pipeline, Settings, open_db
from communique.watch import Watcher, serving


def atom(number: int, stories: list[Story]) -> bytes:
    entries = "".join(
        f"<entry><title>Story {number}.{i}</title><id>urn:bench:{number}:{i}</id>"
        f"<link href='http://127.0.0.1/{number}/{i}'/>"
        f"<updated>{story.published or '1987-03-01'}T09:00:00Z</updated>"
        f"<content type='text'>{html.escape(story.text)}</content></entry>"
        for i, story in enumerate(stories)
    )
    feed = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>Desk {number}</title>{entries}</feed>"
    return feed.encode()


class Feeds:
    """Feed bodies by path, served with an ETag of their version; a 304 when it matches."""

    def __init__(self) -> None:
        self.bodies: dict[str, tuple[str, bytes]] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        feeds = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                etag, body = feeds.bodies[self.path]
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/atom+xml")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        return Handler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--entries", type=int, default=20)
    args = parser.parse_args()
    stories = load_stories(DEFAULT_CORPUS)
    wanted = args.feeds * (args.entries + 1)
    if len(stories) < wanted:
        raise SystemExit(f"the bench corpus has {len(stories)} stories, {wanted} needed")
    size = args.entries + 1  # the entries, and one held back for round 2
    per_feed = [stories[n * size : (n + 1) * size] for n in range(args.feeds)]
    feeds = Feeds()
    for n, chunk in enumerate(per_feed):
        feeds.bodies[f"/{n}.xml"] = ("v1", atom(n, chunk[: args.entries]))
    settings = Settings.load()
    pipeline = Pipeline(settings)
    urls = [feeds.url(f"/{n}.xml") for n in range(args.feeds)]
    with tempfile.TemporaryDirectory() as work:
        run_rounds(urls, Path(work) / "watch.duckdb", settings, pipeline, feeds, per_feed)


def run_rounds(
    urls: list[str],
    db_path: Path,
    settings: Settings,
    pipeline: Pipeline,
    feeds: Feeds,
    per_feed: list[list[Story]],
) -> None:
    """Three rounds, the explorer served by the same process and asked for pages meanwhile."""
    alerts: list[str] = []
    port = _free_port()
    with (
        open_db(db_path, settings) as db,
        Watcher(urls, db, settings, pipeline=pipeline, echo=alerts.append) as watcher,
        serving(db.path, port=port) as explorer,
    ):
        base = f"http://127.0.0.1:{port}"
        for number in (1, 2, 3):
            if number == 2:
                for n, chunk in enumerate(per_feed[:10]):
                    feeds.bodies[f"/{n}.xml"] = ("v2", atom(n, chunk))
            with Asker(base) as asker:
                report = watcher.round()
            explorer.refresh()
            rate = report.ingest.stored / report.seconds
            print(f"{report.line()}; {rate:.1f} articles/s; explorer meanwhile: {asker.summary()}")


class Asker(threading.Thread):
    """Asks the explorer for the API's overview, events and network in turn, timing each."""

    PATHS = ("/api/meta", "/api/events", "/api/graph", "/")

    def __init__(self, base: str) -> None:
        super().__init__(daemon=True)
        self.base, self.done = base, threading.Event()
        self.seconds: list[float] = []
        self.failed = 0

    def __enter__(self) -> Asker:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.join()

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=60) as client:
            while not self.done.is_set():
                for path in self.PATHS:
                    started = time.perf_counter()
                    self.failed += client.get(path).status_code >= 500
                    self.seconds.append(time.perf_counter() - started)

    def summary(self) -> str:
        ordered = sorted(self.seconds) or [0.0]
        median, p95 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.95)]
        return (
            f"{len(self.seconds)} requests, median {median * 1000:.0f} ms, p95 "
            f"{p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms, {self.failed} 5xx"
        )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


if __name__ == "__main__":
    main()
