"""Ctrl-C for a watcher: the round in hand ends, then the watcher stops.

An interrupt raised inside a DuckDB query comes out as DuckDB's own error, which the pipeline
would take for an article the database refused, and the entry would be marked read. So the
first Ctrl-C only asks the watcher to stop after its round (and cuts the wait between rounds
short); a second one stops it at once, which a restart repairs (see `watcher`).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def stop_on_interrupt() -> Iterator[threading.Event]:
    """An event that Ctrl-C sets, for `Watcher.run(stop=...)`; off the main thread, where no
    signal arrives, an event nobody sets."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def interrupted(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
