"""Serving the explorer from the watcher's own process, so pages answer while news arrives.

DuckDB lets one process write a database file and no other process open it meanwhile, even
to read: `communique serve` on a file that `ingest` or `watch` holds is refused. Inside one
process, connections share the database and read by MVCC: the explorer's requests see the
last batch committed and never wait for the writer, nor it for them. So the watcher serves
the explorer itself (`communique watch --serve`), and refreshes it after each round.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from ..errors import CommuniqueError
from ..settings import Settings
from ..store.database import Database
from ..store.snapshot import write_snapshot
from .rules import EVERYTHING, Rule
from .watcher import RoundReport, Watcher

if TYPE_CHECKING:
    from ..serve import Explorer

_STARTUP_SECONDS = 10.0


@contextmanager
def serving(db_path: str, host: str = "127.0.0.1", port: int = 8000) -> Iterator[Explorer]:
    """The explorer of `db_path`, served at http://host:port/ from a thread until the block
    ends. It has a connection of its own to the database this process writes."""
    import uvicorn

    from ..serve import Explorer
    from ..serve.app import create_app

    explorer = Explorer(Database(db_path))
    config = uvicorn.Config(create_app(explorer), host=host, port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=_run, args=(server,), name="explorer", daemon=True)
    thread.start()
    try:
        _wait_started(server, thread, f"{host}:{port}")
        yield explorer
    finally:
        server.should_exit = True
        thread.join(timeout=_STARTUP_SECONDS)
        explorer.close()


def _run(server: Any) -> None:
    # uvicorn exits when it cannot listen; `_wait_started` sees the thread end and says why.
    with suppress(SystemExit):
        server.run()


def _wait_started(server: object, thread: threading.Thread, where: str) -> None:
    deadline = time.monotonic() + _STARTUP_SECONDS
    while not getattr(server, "started", False):
        if not thread.is_alive() or time.monotonic() > deadline:
            raise CommuniqueError(f"{where}: the explorer cannot listen there (port in use?)")
        time.sleep(0.02)


def watch_feeds(
    feeds: Sequence[str],
    settings: Settings,
    rounds: int | None,
    every: float,
    rules: Sequence[Rule] = (EVERYTHING,),
    serve_at: tuple[str, int] | None = None,
    on_round: Callable[[RoundReport], None] | None = None,
    stop: threading.Event | None = None,
    snapshot: bool = False,
) -> list[RoundReport]:
    """`communique watch`: rounds over `feeds` into the settings' database, and with
    `serve_at` (host, port) the explorer served meanwhile and refreshed after each round;
    with `snapshot`, the copy `serve` in another process reads written at the start and after
    each round (see `store.snapshot`); `stop` ends it after the round in hand."""
    from ..api import open_db

    with open_db(settings.db_path, settings) as db, Watcher(feeds, db, settings, rules=rules) as w:
        after_round: list[Callable[[RoundReport], object]] = [on_round] if on_round else []
        if snapshot:
            write_snapshot(db)
            after_round.insert(0, lambda _: write_snapshot(db))
        if serve_at is None:
            return w.run(rounds, every, _each(after_round), stop)
        with serving(db.path, *serve_at) as explorer:
            after_round.insert(0, lambda _: explorer.refresh())
            return w.run(rounds, every, _each(after_round), stop)


def _each(calls: list[Callable[[RoundReport], object]]) -> Callable[[RoundReport], None]:
    def after(done: RoundReport) -> None:
        for call in calls:
            call(done)

    return after
