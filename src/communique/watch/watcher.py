"""The watcher: rounds of polling feeds, ingesting what is new, reporting what changed.

A round polls each feed that is due (one request at a time, so no host gets two at once),
ingests the new entries through the normal pipeline (the same cleaning, duplicates, coding
and fusion as `ingest`), records the feeds' state, then the changes, then sends the alerts.
Feed state is saved only once what it marks as read is stored: a watcher killed in a round
reads those entries again, and the pipeline knows their content, so nothing is lost or doubled.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..errors import CommuniqueError
from ..intake import Fetcher
from ..intake.sources import is_url
from ..pipeline import IngestReport, Pipeline, ingest_documents
from ..settings import Settings
from ..store.database import Database
from ..store.watch import FEEDS, SEEN, Change, FeedState, SeenEntry, insert_rows, select_rows
from .changes import detect_changes, start_tracking
from .deliver import Alert, Deliverer
from .poll import Backoff, Polled, is_due, poll_feed
from .rules import EVERYTHING, Rule

DEFAULT_BACKOFF = Backoff()


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class RoundReport:
    number: int
    polled: int = 0
    not_modified: int = 0
    backing_off: int = 0
    new_entries: int = 0
    feed_errors: list[str] = field(default_factory=list)
    ingest: IngestReport = field(default_factory=IngestReport)
    changes: list[Change] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    delivery_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        report = self.ingest
        return (
            f"round {self.number}: {self.polled} feeds polled ({self.not_modified} not modified, "
            f"{len(self.feed_errors)} failed, {self.backing_off} backing off), "
            f"{self.new_entries} new entries, {report.stored} stored, {report.events} events, "
            f"{len(self.changes)} changes, {len(self.alerts)} alerts in {self.seconds:.1f} s"
        )


class Watcher:
    """Watches `feeds` into `db`. Everything it needs is given: settings, pipeline, fetcher
    (with its transport), rules, the clock, and where terminal alerts are written."""

    def __init__(
        self,
        feeds: Sequence[str],
        db: Database,
        settings: Settings,
        pipeline: Pipeline | None = None,
        fetcher: Fetcher | None = None,
        rules: Sequence[Rule] = (EVERYTHING,),
        backoff: Backoff = DEFAULT_BACKOFF,
        clock: Callable[[], datetime] = utc_now,
        echo: Callable[[str], None] = print,
    ) -> None:
        not_urls = [feed for feed in feeds if not is_url(feed)]
        if not_urls:
            raise CommuniqueError(f"{not_urls[0]}: not an http(s) URL; a watcher polls feeds")
        self.feeds = list(dict.fromkeys(feeds))
        self.db, self.settings = db, settings
        self.pipeline = pipeline or Pipeline(settings)
        self.fetcher = fetcher or Fetcher(settings)
        self.backoff, self.clock = backoff, clock
        self.deliverer = Deliverer(rules, echo)
        self.rounds_done = 0
        start_tracking(db)

    def close(self) -> None:
        self.fetcher.close()
        self.deliverer.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(
        self,
        rounds: int | None,
        every: float,
        on_round: Callable[[RoundReport], None] | None = None,
        stop: threading.Event | None = None,
    ) -> list[RoundReport]:
        """`rounds` rounds (None: until `stop` is set), each starting `every` seconds after
        the one before started (at once if it took longer); `stop` ends the run after the
        round in hand, or the wait at once."""
        stop = stop or threading.Event()
        reports: list[RoundReport] = []
        while (rounds is None or len(reports) < rounds) and not stop.is_set():
            started = time.monotonic()
            reports.append(self.round())
            if on_round:
                on_round(reports[-1])
            if rounds is None or len(reports) < rounds:
                stop.wait(max(0.0, every - (time.monotonic() - started)))
        return reports

    def round(self) -> RoundReport:
        started = time.monotonic()
        self.rounds_done += 1
        report = RoundReport(self.rounds_done)
        now = self.clock()
        polls = [self._poll(state, now, report) for state in self._states()]
        polled = [p for p in polls if p is not None]
        documents = [d for p in polled for d in p.documents]
        report.ingest = ingest_documents(documents, self.db, self.settings, self.pipeline)
        self._save(polled, now)
        report.changes = detect_changes(self.db, now.isoformat(timespec="seconds"))
        report.alerts, report.delivery_errors = self.deliverer.deliver(self.db)
        report.seconds = time.monotonic() - started
        return report

    def _states(self) -> list[FeedState]:
        stored = {s.url: s for s in select_rows(self.db, FEEDS, "WHERE url IN ?", [self.feeds])}
        return [stored.get(url) or FeedState(url) for url in self.feeds]

    def _poll(self, state: FeedState, now: datetime, report: RoundReport) -> Polled | None:
        if not is_due(state, now):
            report.backing_off += 1
            return None
        seen = self._seen(state.url)
        polled = poll_feed(state, seen, self.fetcher, now, self.backoff)
        report.polled += 1
        report.not_modified += polled.not_modified
        report.new_entries += len(polled.entry_keys)
        if polled.error:
            report.feed_errors.append(str(polled.error))
        return polled

    def _seen(self, url: str) -> set[str]:
        rows = self.db.con.execute(
            f"SELECT entry_key FROM {SEEN.name} WHERE url = ?", [url]
        ).fetchall()
        return {row[0] for row in rows}

    def _save(self, polled: list[Polled], now: datetime) -> None:
        """The feeds' state and the entries read, once what they hold is stored."""
        at = now.isoformat(timespec="seconds")
        seen = [SeenEntry(p.state.url, key, at) for p in polled for key in p.entry_keys]
        with self.db.transaction():
            insert_rows(self.db, FEEDS, [p.state for p in polled], replace=True)
            insert_rows(self.db, SEEN, seen)
            for p in polled:
                if p.error:
                    self.db.record_failure(p.state.url, p.error.reason)
