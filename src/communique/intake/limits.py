"""Bounds on the work one document may cost, so a hostile page fails alone and fast.

Two guards: a look at an HTML page's shape before any parser sees it (HTML parsers are
quadratic in some shapes: a tag with 100,000 attributes took 99 s), and a time budget for
the whole of reading one document, for the shapes nobody thought of.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

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


class _OverBudget(BaseException):
    """Raised into the document's work when its time is up; not an Exception, so that no
    library's catch-all handler swallows it."""


@contextmanager
def time_budget(seconds: float, source: str) -> Iterator[None]:
    """Stop the work in the block with an InputError naming `source` after `seconds`.

    A timer signal interrupts the Python work (a C call such as a parse ends first). Signals
    reach only the main thread, so elsewhere (a Dask worker's thread) the block runs unbounded.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OverBudget:
        raise InputError(source, f"took over {seconds:g} s to read; stopped") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
