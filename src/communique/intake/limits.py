"""Bounds on the work one document may cost, so a hostile page fails alone and fast.

Two guards: a look at an HTML page's shape before any parser sees it (HTML parsers are
quadratic in some shapes: a tag with 100,000 attributes took 99 s), and a time budget for
the whole of reading one document, for the shapes nobody thought of.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import InputError

# Real news pages hold a few thousand elements (some 30,000 for the heaviest portal pages) and
# a few dozen attributes a tag; 500,000 empty paragraphs took trafilatura 37 s. Shapes under
# these limits can still be slow (30,000 nested paragraphs took 90 s): the time budget is for
# them.
MAX_TAGS = 100_000
MAX_ATTRIBUTES = 1_000
# Reading a document takes milliseconds (a long feature well under a second); this is for
# the ones that would take minutes.
DOCUMENT_SECONDS = 10.0

_TAG = re.compile(rb"<[A-Za-z!/?]")
# Only tags long enough to hold many attributes are looked into; a data: URI makes a long tag
# of one attribute, so attributes are counted, not characters.
_LONG_TAG = re.compile(rb"<[A-Za-z][^<>]{4096,}")
_ATTRIBUTE = re.compile(rb"[\s\"'][^\s=\"'<>/]+\s*=")


def check_html_shape(content: bytes, source: str) -> None:
    """Refuse a page whose shape would cost the HTML parser minutes, before it is parsed."""
    tags = len(_TAG.findall(content))
    if tags > MAX_TAGS:
        raise InputError(source, f"not an article: {tags:,} HTML tags (at most {MAX_TAGS:,})")
    for tag in _LONG_TAG.finditer(content):
        attributes = len(_ATTRIBUTE.findall(tag[0]))
        if attributes > MAX_ATTRIBUTES:
            raise InputError(
                source,
                f"not an article: a tag with {attributes:,} attributes "
                f"(at most {MAX_ATTRIBUTES:,})",
            )


# Once a document's time is up, the stop is raised again this often until its work ends: a
# library's bare `except:` can swallow one stop, and the document then ran on unbounded (a Dask
# worker read a minute-long page to its end).
_AGAIN = 0.1


class _OverBudget(BaseException):
    """Raised into the document's work when its time is up; not an Exception, so that no
    library's catch-all handler swallows it."""


@contextmanager
def time_budget(seconds: float, source: str) -> Iterator[None]:
    """Stop the work in the block with an InputError naming `source` after `seconds`.

    A watchdog thread raises the stop into the thread doing the work, whichever it is (the
    main thread, a Dask worker's task thread, a server's), as a signal handler would: between
    two steps of Python, so a C call such as a parse ends first. Signals, which reach only the
    main thread, left documents on other threads unbounded.
    """
    try:
        with _Watchdog(seconds):
            yield
    except _OverBudget:
        raise InputError(source, f"took over {seconds:g} s to read; stopped") from None


class _Watchdog:
    """Raises _OverBudget in the thread that entered it once `seconds` have passed, and again
    every `_AGAIN` seconds until the block ends (a library's bare `except:` may swallow one).

    CPython's PyThreadState_SetAsyncExc delivers an exception to another thread at its next
    bytecode. The watchdog raises only holding its lock and only while the block runs; the
    block ends by marking itself over under that lock (again if a stop lands meanwhile) and
    taking back a stop not yet delivered, so none lands in the code after the block.
    """

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        self._thread = ctypes.c_ulong(threading.get_ident())
        self._lock = threading.Lock()
        self._over = False

    def fire(self) -> bool:
        """Stop the block now; whether to stop it again later (it has not ended)."""
        with self._lock:
            if self._over:
                return False
            _async_raise(self._thread, _OverBudget)
            return True

    def __enter__(self) -> None:
        try:
            _CLOCK.wake(self, time.monotonic() + self._seconds)
        except BaseException:
            # A budget shorter than registering can stop the work inside `wake`: the block
            # never began, so end it here, or the watchdog would go on raising into whatever
            # the thread does next (the hang of a worker that took a late stop).
            self.__exit__()
            raise

    def __exit__(self, *exc_info: object) -> None:
        while not self._over:
            try:
                with self._lock:
                    self._over = True
                    _async_raise(self._thread, None)  # takes back a stop not yet delivered
            except _OverBudget:  # delivered while the block was ending: mark it over again
                pass


class _Clock:
    """One thread a process that fires each watchdog when its time is up.

    Starting a thread for each document cost more than reading a short one (a third of a
    millisecond, more on a loaded core). An ended watchdog stays queued until its time and
    is then dropped (`fire` says it is over).
    """

    def __init__(self) -> None:
        self._due: list[tuple[float, int, _Watchdog]] = []
        self._order = itertools.count()  # equal times fire in the order they were queued
        self._changed = threading.Condition()
        self._running = False

    def wake(self, watchdog: _Watchdog, at: float) -> None:
        with self._changed:
            if not self._running:
                threading.Thread(target=self._run, name="time-budget", daemon=True).start()
                self._running = True
            heapq.heappush(self._due, (at, next(self._order), watchdog))
            self._changed.notify()

    def _run(self) -> None:
        with self._changed:
            while True:
                now = time.monotonic()
                while self._due and self._due[0][0] <= now:
                    _, _, watchdog = heapq.heappop(self._due)
                    if watchdog.fire():
                        heapq.heappush(self._due, (now + _AGAIN, next(self._order), watchdog))
                self._changed.wait(self._due[0][0] - now if self._due else None)


_CLOCK = _Clock()


def _new_clock() -> None:
    # A forked process has no clock thread, and may have copied the clock's lock held.
    global _CLOCK
    _CLOCK = _Clock()


os.register_at_fork(after_in_child=_new_clock)


def _async_raise(thread: ctypes.c_ulong, exception: type[BaseException] | None) -> None:
    """Raise `exception` in `thread` at its next bytecode; None clears one still pending."""
    pending = None if exception is None else ctypes.py_object(exception)
    ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, pending)
