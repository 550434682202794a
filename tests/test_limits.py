"""Bounds on the work of one document (communique.intake.limits through intake.extract): a
hostile page fails alone, and fast."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from communique.errors import InputError
from communique.intake import RawDocument, extract
from communique.intake.limits import time_budget

ARTICLE = (
    "<p>The foreign ministers of Chile and Ghana met in Accra on Monday and agreed to open "
    "embassies in each other's capitals next year, their offices said.</p>"
)


def page(body: str) -> RawDocument:
    html = f"<html><head><title>Accra</title></head><body>{ARTICLE}{body}</body></html>"
    return RawDocument("hostile.html", html.encode(), "text/html")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (
            "<div " + " ".join(f'a{n}="x"' for n in range(100_000)) + ">x</div>",
            "hostile.html: not an article: a tag with 100,000 attributes (at most 1,000)",
        ),
        (
            "<p>x</p>" * 500_000,
            "hostile.html: not an article: 1,000,010 HTML tags (at most 100,000)",
        ),
    ],
    ids=["100,000 attributes", "500,000 paragraphs"],
)
def test_a_page_shaped_to_stall_the_parser_is_refused_before_parsing(
    body: str, reason: str
) -> None:
    started = time.monotonic()
    with pytest.raises(InputError) as refused:
        extract(page(body))
    assert str(refused.value) == reason
    assert time.monotonic() - started < 1.0


def test_a_page_over_its_time_budget_stops_with_one_error() -> None:
    slow = page("<div><p>Accra, Monday.</p></div>" * 20_000)  # a minute unbounded
    started = time.monotonic()
    with pytest.raises(InputError, match=r"^hostile.html: took over 0.2 s to read; stopped$"):
        extract(slow, budget=0.2)
    assert time.monotonic() - started < 1.5


def test_an_ordinary_page_is_read_within_its_budget() -> None:
    assert "Chile and Ghana" in extract(page("<p>More.</p>" * 50), budget=5.0).text


def test_a_page_over_its_time_budget_stops_on_any_thread() -> None:
    """Dask workers and servers read documents on threads, where no signal reaches."""
    slow = page("<div><p>Accra, Monday.</p></div>" * 20_000)
    started = time.monotonic()
    with ThreadPoolExecutor(1) as pool:
        reading = pool.submit(extract, slow, 0.2)
        with pytest.raises(InputError, match=r"^hostile.html: took over 0.2 s to read; stopped$"):
            reading.result(timeout=60)
    assert time.monotonic() - started < 1.5


@pytest.fixture
def no_gc_callbacks_of_other_tests() -> Iterator[None]:
    """Hypothesis, used by other tests in the same process, leaves a garbage-collector callback
    installed; a stop landing inside it is reported as an ignored exception there, which is that
    library's leftover, not the reader's code after its block."""
    saved = gc.callbacks[:]
    gc.callbacks.clear()
    yield
    gc.callbacks[:] = saved


@pytest.mark.usefixtures("no_gc_callbacks_of_other_tests")
def test_a_budget_running_out_as_its_block_ends_never_stops_later_code() -> None:
    """Budgets from far shorter than a read to far longer: some reads are stopped, some end in
    time, some as their budget runs out, and no stop lands in the code after its block (it
    would escape the thread as no InputError)."""
    ordinary = page("<p>More.</p>" * 50)
    budgets = [0.0002 * 1.05**n for n in range(150)]  # 0.2 ms to 0.3 s

    def read_many() -> tuple[int, int]:
        stopped = read = 0
        for budget in budgets * 2:
            try:
                extract(ordinary, budget=budget)
                read += 1
            except InputError:
                stopped += 1
            sum(range(2_000))  # the code after the block, where a late stop would land
        return stopped, read

    with ThreadPoolExecutor(1) as pool:
        stopped, read = pool.submit(read_many).result(timeout=120)
    assert (stopped + read, min(stopped, read) > 0) == (300, True)


def _stubborn_work() -> None:
    """Work that swallows the first stop, as a library's bare `except:` does, then goes on."""
    with time_budget(0.2, "stubborn.html"):
        ends = time.monotonic() + 5
        try:
            while time.monotonic() < ends:
                pass
        except BaseException:  # noqa: S110 - the careless library this stands for
            pass
        while time.monotonic() < ends:
            pass


@pytest.mark.parametrize("where", ["main thread", "other thread"])
def test_a_stop_swallowed_by_the_work_is_raised_again(where: str) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"^stubborn.html: took over 0.2 s to read; stopped$"):
        if where == "main thread":
            _stubborn_work()
        else:
            with ThreadPoolExecutor(1) as pool:
                pool.submit(_stubborn_work).result(timeout=60)
    assert time.monotonic() - started < 2.0


def test_one_clock_thread_watches_every_document() -> None:
    """A thread started for each document cost more than reading a short one."""
    ordinary = page("<p>More.</p>" * 5)
    for _ in range(200):
        extract(ordinary, budget=5.0)
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda _: extract(ordinary, budget=5.0), range(40)))
    watching = [t for t in threading.enumerate() if t.name == "time-budget"]
    assert len(watching) == 1
